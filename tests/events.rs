//! Real news events as tests (issue 12): each event under
//! `tests/fixtures/events/<slug>/` has cue-only rules (`rules.toml`), and the
//! report factlint gives on its articles is an insta snapshot
//! (`tests/snapshots/events__<slug>.snap`): every fact and subject with its
//! verdict and each mention as file:line = value (a changing figure's
//! newest value, each mention's moment, ↻ superseded, ✗ outlier, ↯ its
//! own article disagrees), then the run's warnings. The snapshots are read
//! against the events' `FACTS.md` (see the comments in each rules file).
//! Also: no bundled or event rule may use a regex, and each fact fits in
//! eight lines of TOML.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn events() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/events"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The report on one event, one line per fact and one per mention.
fn report(event: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(event)
        .args(["check", "articles", "--rules", "rules.toml"])
        .args(["--format", "json", "--no-config", "--no-progress"])
        .output()
        .expect("run factlint");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: {}",
            event.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut text = String::new();
    for fact in json["facts"].as_array().unwrap() {
        let subject = fact["subject"]
            .as_str()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        let changes = fact["changes"]
            .as_str()
            .map(|c| format!(", {c}"))
            .unwrap_or_default();
        let _ = writeln!(
            text,
            "{}{subject}: {}{changes} (record: {})",
            fact["id"].as_str().unwrap(),
            fact["status"].as_str().unwrap(),
            fact["reference"].as_str().unwrap()
        );
        if let Some(latest) = fact["latest"].as_str() {
            let _ = writeln!(
                text,
                "  newest: {latest} ({})",
                files(&fact["latest_sources"])
            );
        }
        for m in fact["mentions"].as_array().unwrap() {
            // The moment a changing figure stands for.
            let at = match (m["as_of"]["date"].as_str(), m["as_of"]["time"].as_str()) {
                (Some(d), Some(t)) => format!(" @{d} {t}"),
                (Some(d), None) => format!(" @{d}"),
                _ => String::new(),
            };
            let mut marks = String::new();
            for (flag, mark) in [
                ("superseded", " ↻"),
                ("outlier", " ✗"),
                ("self_contradiction", " ↯"),
            ] {
                if m[flag] == true {
                    marks.push_str(mark);
                }
            }
            let _ = writeln!(
                text,
                "  {}:{} {}{} “{}”{at}{marks}",
                m["source"].as_str().unwrap(),
                m["line"],
                // A hedge's bound as written ("<62%"), else ≈ for a vague value.
                m["bound"]
                    .as_str()
                    .unwrap_or(if m["approximate"] == true { "≈" } else { "" }),
                m["value"].as_str().unwrap(),
                m["text"].as_str().unwrap(),
            );
        }
    }
    for w in json["warnings"].as_array().unwrap() {
        let _ = writeln!(text, "warning: {}", w.as_str().unwrap());
    }
    text
}

/// A list of article paths as their file names, comma-separated.
fn files(list: &Value) -> String {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().rsplit('/').next().unwrap())
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn every_event_report_is_as_committed() {
    let all = events();
    assert!(all.len() >= 5, "{all:?}");
    for event in all {
        let slug = event.file_name().unwrap().to_str().unwrap().to_string();
        assert!(
            event.join("rules.toml").is_file(),
            "{slug} has no rules.toml"
        );
        insta::assert_snapshot!(slug.clone(), report(&event));
    }
}

/// Every rule file factlint ships or tests events with.
fn rule_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.extend(events().into_iter().map(|e| e.join("rules.toml")));
    files.sort();
    files
}

#[test]
fn no_rule_needs_a_regex() {
    let mut regexes = Vec::new();
    let mut facts = 0;
    for file in rule_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        for fact in table
            .get("fact")
            .and_then(|f| f.as_array())
            .into_iter()
            .flatten()
        {
            facts += 1;
            if let Some(patterns) = fact.get("patterns").and_then(|p| p.as_array()) {
                for _ in patterns {
                    regexes.push(format!("{} `{}`", file.display(), fact["id"]));
                }
            }
        }
    }
    assert!(facts >= 40, "only {facts} facts found");
    assert_eq!(regexes.len(), 0, "regexes left: {regexes:#?}");
}

#[test]
fn every_fact_fits_in_eight_lines() {
    let mut long = Vec::new();
    for file in rule_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        // Lines of each [[fact]] table, without comments, blank lines,
        // its `examples` (which are tests, not the rule) and a choice's
        // phrase tables.
        let mut current: Option<(usize, usize)> = None;
        let mut in_examples = false;
        let mut close = |current: &mut Option<(usize, usize)>| {
            if let Some((line, count)) = current.take() {
                if count > 8 {
                    long.push(format!("{}:{line}: {count} lines", file.display()));
                }
            }
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.starts_with("[[") {
                close(&mut current);
                if line == "[[fact]]" {
                    current = Some((i + 1, 0));
                }
                continue;
            }
            // A choice's vocabulary (`[fact.values]`, `[fact.compatible]`)
            // is data, like examples: not counted.
            if line.starts_with("[fact.") {
                close(&mut current);
                continue;
            }
            if in_examples {
                in_examples = line != "]";
                continue;
            }
            if line.starts_with("examples = [") {
                in_examples = !line.ends_with(']');
                continue;
            }
            if let Some((_, count)) = current.as_mut() {
                if !line.is_empty() && !line.starts_with('#') && !line.starts_with('[') {
                    *count += 1;
                }
            }
        }
        close(&mut current);
    }
    assert!(long.is_empty(), "facts over 8 lines: {long:#?}");
}

#[test]
fn the_readme_rule_is_a_cue_rule_that_loads() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("## A rule").unwrap();
    let block = &readme[start..];
    let body = &block[block.find("```toml\n").unwrap() + 8..];
    let rule = &body[..body.find("```").unwrap()];
    assert!(
        rule.contains("cues = ") && !rule.contains("patterns"),
        "{rule}"
    );
    let facts = factlint::rules::parse_file(Path::new("README.md"), rule).unwrap();
    assert_eq!(facts.len(), 1);
    assert!(factlint::rules::examples::check_fact(&facts[0]).is_empty());
    assert!(facts[0].reads_near_cues());
}
