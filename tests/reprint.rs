//! A publication date the text contradicts (issue 13, item 8), on the
//! Istanbul trilateral of 23 April 2021: tech-consultingstudies.eu
//! republished a Thursday preview under 24 April, so its "the meeting, due
//! to be held tomorrow" resolves to 25 April against its own "23 April
//! 2021". The run warns, naming the likely writing day; `written` in the
//! manifest resolves the article against that day instead.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn event() -> PathBuf {
    root().join("tests/fixtures/events/trilateral-istanbul-2021")
}

const WARNING: &str = "articles/04-tech-consultingstudies.txt: its relative dates read as written on 2021-04-22, 2 days before its publication date 2021-04-24 (tomorrow → 2021-04-25 vs 2021-04-23); they are resolved against 2021-04-24 — set `written = 2021-04-22` for it in sources.toml if that is when it was written";

/// `factlint check articles --rules RULES` in `dir`, with extra arguments.
fn check(dir: &Path, rules: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .args(["check", "articles", "--rules"])
        .arg(rules)
        .args(["--no-config", "--no-progress"])
        .args(extra)
        .output()
        .expect("run factlint")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    })
}

/// A copy of the event's articles in a fresh folder, with `manifest` as
/// its sources.toml and only the articles `files`.
fn copy(name: &str, files: &[&str], manifest: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factlint-reprint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    for f in files {
        std::fs::copy(
            event().join("articles").join(f),
            dir.join("articles").join(f),
        )
        .unwrap();
    }
    std::fs::write(dir.join("articles/sources.toml"), manifest).unwrap();
    dir
}

fn meeting_date(report: &serde_json::Value) -> &serde_json::Value {
    report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "meeting-date")
        .unwrap()
}

#[test]
fn the_republished_preview_is_warned_about_in_every_format() {
    let rules = event().join("rules.toml");
    let out = check(&event(), &rules, &["--format", "json"]);
    let report = json(&out);
    assert_eq!(report["warnings"], serde_json::json!([WARNING]));
    // The dates stay resolved against the manifest's 24 April: the
    // article contradicts itself until the manifest says otherwise.
    let fact = meeting_date(&report);
    assert_eq!(
        fact["self_contradictions"],
        serde_json::json!(["articles/04-tech-consultingstudies.txt"])
    );
    let in_04: Vec<(&str, &str)> = read(fact)
        .into_iter()
        .filter(|(text, _)| ["23 April 2021", "tomorrow"].contains(text))
        .collect();
    assert_eq!(
        in_04,
        [("23 April 2021", "2021-04-23"), ("tomorrow", "2021-04-25")]
    );

    // Table: on standard error, once.
    let table = check(&event(), &rules, &["--format", "table"]);
    let stderr = String::from_utf8_lossy(&table.stderr);
    assert_eq!(
        stderr
            .matches(&format!("factlint: warning: {WARNING}"))
            .count(),
        1,
        "{stderr}"
    );
    // Markdown: in the report's warnings.
    let md = check(&event(), &rules, &["--format", "markdown"]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains("written on 2021-04-22, 2 days before its publication date 2021-04-24"),
        "{md}"
    );
    // The self-contradiction it causes is reported as such, not hidden.
    assert!(
        md.contains("Self-contradiction: tech-consultingstudies.eu (republished story; the original outlet is not named) gives two values that do not agree."),
        "{md}"
    );
    // (Backticks are escaped in Markdown: the warning is data, not markup.)
    assert!(md.contains("set \\`written = 2021-04-22\\` for it"), "{md}");
    // SARIF: the invocation's notifications.
    let sarif = json(&check(&event(), &rules, &["--format", "sarif"]));
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"],
        serde_json::json!([{ "level": "warning", "message": { "text": WARNING } }])
    );
    let errors: Vec<String> = common::sarif_validator()
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn written_in_the_manifest_resolves_the_reprint_against_that_day() {
    let manifest = std::fs::read_to_string(event().join("articles/sources.toml")).unwrap();
    let with_written = manifest.replace(
        "published = 2021-04-24\n",
        "published = 2021-04-24\nwritten = 2021-04-22\n",
    );
    assert_ne!(manifest, with_written);
    let files: Vec<String> = std::fs::read_dir(event().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".txt"))
        .collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let dir = copy("written", &files, &with_written);
    let out = check(&dir, &event().join("rules.toml"), &["--format", "json"]);
    let report = json(&out);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(report["warnings"], serde_json::json!([]));
    let fact = meeting_date(&report);
    assert_eq!(fact["status"], "agree");
    let tomorrow = fact["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"] == "tomorrow")
        .unwrap();
    assert_eq!(tomorrow["value"], "2021-04-23");
    // Reports keep the publication date, and give the writing day beside it.
    let source = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["file"] == "04-tech-consultingstudies.txt")
        .unwrap();
    assert_eq!(source["published"], "2021-04-24");
    assert_eq!(source["written"], "2021-04-22");
}

#[test]
fn dates_that_agree_or_disagree_among_themselves_give_no_warning() {
    // The same preview under the day it was written (Thursday 22 April):
    // "tomorrow" is the 23rd, as its "23 April 2021" says.
    let agree = copy(
        "agree",
        &["04-tech-consultingstudies.txt"],
        "[[source]]\nfile = \"04-tech-consultingstudies.txt\"\npublished = 2021-04-22\n",
    );
    let out = check(&agree, &event().join("rules.toml"), &["--format", "json"]);
    let report = json(&out);
    std::fs::remove_dir_all(&agree).unwrap();
    let fact = meeting_date(&report);
    assert_eq!(
        read(fact),
        [("23 April 2021", "2021-04-23"), ("tomorrow", "2021-04-23")]
    );
    // One source: nothing to compare across articles, and no contradiction in it.
    assert_eq!(fact["status"], "single");
    assert_eq!(fact["self_contradictions"], serde_json::Value::Null);
    assert_eq!(report["warnings"], serde_json::json!([]));

    // Under 24 April with the announcement day kept in (the rule without
    // its "confirmed" exclusion): "confirmed Thursday" is the 22nd, one day
    // before the "April 23" of its own sentence, while "tomorrow" is the
    // 25th, two days after it. No writing day one or two days off makes
    // both agree, so no day is named.
    let dir = copy(
        "mixed",
        &["04-tech-consultingstudies.txt"],
        "[[source]]\nfile = \"04-tech-consultingstudies.txt\"\npublished = 2021-04-24\n",
    );
    let rules = std::fs::read_to_string(event().join("rules.toml"))
        .unwrap()
        .replace(", \"confirmed\"]", "]");
    std::fs::write(dir.join("rules.toml"), &rules).unwrap();
    let out = check(&dir, &dir.join("rules.toml"), &["--format", "json"]);
    let report = json(&out);
    std::fs::remove_dir_all(&dir).unwrap();
    let fact = meeting_date(&report);
    assert_eq!(
        read(fact),
        [
            ("Thursday", "2021-04-22"),
            ("Friday, April 23", "2021-04-23"),
            ("23 April 2021", "2021-04-23"),
            ("tomorrow", "2021-04-25")
        ]
    );
    assert_eq!(
        fact["self_contradictions"],
        serde_json::json!(["articles/04-tech-consultingstudies.txt"])
    );
    assert_eq!(report["warnings"], serde_json::json!([]));
}

/// Each mention of a fact as (text, value).
fn read(fact: &serde_json::Value) -> Vec<(&str, &str)> {
    fact["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["value"].as_str().unwrap()))
        .collect()
}
