//! End-to-end tests of the binary on the bundled seeds and on fixture
//! folders under `tests/fixtures/`: exit codes, the JSON contract, and one
//! clear error line for bad input.

mod common;

use common::{fact, root, run_in as factlint};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let out = factlint(dir, &all);
    let stdout = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}")),
    )
}

fn sources(fact: &Value) -> Vec<String> {
    fact["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["source"].as_str().unwrap()[..3].to_string())
        .collect()
}

#[test]
fn default_run_checks_the_seeds_and_exits_1_on_contradictions() {
    let out = factlint(&root(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    // A row runs from its fact's line to the next line that names a fact.
    let row = |id: &str| {
        let lines: Vec<&str> = table.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.contains(id))
            .unwrap_or_else(|| panic!("no row {id}:\n{table}"));
        let fact_cell = |l: &str| {
            l.split('┆')
                .next()
                .unwrap_or("")
                .trim_start_matches('│')
                .trim()
                .to_string()
        };
        let end = lines[start + 1..]
            .iter()
            .position(|l| !fact_cell(l).is_empty() && !fact_cell(l).starts_with('['))
            .map_or(lines.len(), |i| start + 1 + i);
        lines[start..end].join("\n")
    };
    assert!(row("c5-plus-one-name").contains("CONFLICT"), "{table}");
    assert!(row("kz-russia-border-length").contains("agree"), "{table}");
    assert!(
        row("kz-russia-border-length").contains("≈7500 km"),
        "{table}"
    );
}

#[test]
fn seed_json_follows_the_contract() {
    let (code, report) = json(&root(), &[]);
    assert_eq!(code, 1);
    let border = fact(&report, "kz-russia-border-length");
    assert_eq!(border["status"], "agree");
    assert_eq!(border["reference"], "match");
    assert_eq!(border["kind"], "quantity");
    assert_eq!(border["severity"], "warning");
    assert_eq!(border["expected"], "7591 km or 7644 km");
    assert_eq!(sources(border), ["000", "002"]);
    let first = &border["mentions"][0];
    assert_eq!(first["source"], "000_f4926741994e602a.txt");
    assert_eq!(first["text"], "7,500 kilometers");
    assert_eq!(first["value"], "7500 km");
    assert_eq!(first["approximate"], true);
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(9), Some(40))
    );
    assert_eq!(
        first["quote"],
        "Kazakhstan, which shares a border some 7,500 kilometers long with Russia, is at the forefront of its complex relationship with Moscow."
    );

    let c5 = fact(&report, "c5-plus-one-name");
    assert_eq!(c5["status"], "conflict");
    assert_eq!(c5["reference"], "mismatch");
    // One source against one, one of them the record: the record decides
    // (a tie only when neither or both give it).
    assert_eq!(c5["consensus"], "C5+1");
    assert_eq!(c5["by_record"], true);
    assert_eq!(c5["tie"], false);
    assert_eq!(
        c5["outliers"],
        serde_json::json!(["seeds/001_ac4287f27224b710.txt"])
    );
    assert!(c5["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["tied"] != true));
    // "some 7,500 kilometers": the interval as written and as compared (2% tolerance).
    assert_eq!(first["bound"], "≈");
    assert_eq!(first["interval"]["unit"], "length");
    assert_eq!(first["interval"]["lo"], 7_500_000.0);
    assert_eq!(first["interval"]["bound"], "≈");
    assert!(first["interval"]["compared_lo"].as_f64().unwrap() < 7_500_000.0);
    let garbled = c5["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["value"] == "C5 1")
        .unwrap();
    assert_eq!(
        garbled["note"],
        "variant of C5+1: plus sign lost (a machine-translation artefact)"
    );

    assert_eq!(fact(&report, "c5-plus-one-founded")["status"], "agree");
    assert_eq!(
        fact(&report, "last-secretary-visit-year")["status"],
        "agree"
    );
    let against = fact(&report, "un-vote-against");
    assert_eq!(
        (against["status"].as_str(), against["reference"].as_str()),
        (Some("single"), Some("match"))
    );
    assert_eq!(against["mentions"][0]["text"], "seven");

    let published: Vec<&str> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["published"].as_str().unwrap())
        .collect();
    assert_eq!(
        published,
        [
            "2023-02-24",
            "2023-03-02",
            "2023-02-28",
            "2023-02-28",
            "2023-03-01"
        ]
    );
    assert_eq!(report["summary"]["sources"], 5);
    // c5-plus-one-name, three names spelled otherwise, Turkmenistan's vote,
    // the UN vote date (rules/blinken-dates.toml).
    assert_eq!(report["summary"]["conflict"], 6);
}

#[test]
fn hedged_miles_agree_with_kilometres_within_tolerance() {
    let dir = root().join("tests/fixtures/agree");
    let (code, report) = json(&dir, &["articles", "--rules", "rules"]);
    assert_eq!(code, 0);
    let bridge = fact(&report, "bridge-length");
    assert_eq!(bridge["status"], "agree");
    assert_eq!(bridge["reference"], "match");
    assert_eq!(
        bridge["mentions"][1]["note"],
        "hedged: 'about'; 1.5 mi converted to km"
    );
}

#[test]
fn outliers_are_named() {
    let dir = root().join("tests/fixtures/conflict");
    let (code, report) = json(&dir, &["articles", "--rules", "rules"]);
    assert_eq!(code, 1);
    let bridge = fact(&report, "bridge-length");
    assert_eq!(bridge["status"], "conflict");
    assert_eq!(bridge["consensus"], "2.4 km");
    // Outliers are named by path: two folders may both hold a c.txt.
    assert_eq!(bridge["outliers"], serde_json::json!(["articles/c.txt"]));
    let year = fact(&report, "bridge-opening-year");
    assert_eq!(
        (year["consensus"].as_str(), year["outliers"][0].as_str()),
        (Some("2019"), Some("articles/c.txt"))
    );
}

#[test]
fn metadata_comes_from_front_matter_and_manifests() {
    let dir = root().join("tests/fixtures/front-matter");
    let (code, report) = json(&dir, &["articles", "--rules", "rules"]);
    assert_eq!(code, 0);
    let sources = report["sources"].as_array().unwrap();
    assert_eq!(sources[0]["file"], "gazette.md");
    assert_eq!(sources[0]["outlet"], "Harbour Gazette");
    assert_eq!(sources[0]["published"], "2024-05-02");
    assert_eq!(sources[1]["outlet"], "Wire");
    assert_eq!(sources[1]["published"], "2024-05-01");
    // Lines count from the top of the file, front matter included.
    assert_eq!(fact(&report, "bridge-length")["mentions"][0]["line"], 5);
}

#[test]
fn markdown_report_is_written_atomically_with_working_links() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let fixture = root().join("tests/fixtures/conflict");
    let run = factlint(
        &fixture,
        &[
            "check",
            "articles",
            "--rules",
            "rules",
            "--format",
            "markdown",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(run.stdout.is_empty());
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(
        md.contains("### `bridge-length` — The new bridge is 2.4 km long."),
        "{md}"
    );
    assert!(md.contains("outliers: c.txt"), "{md}");
    assert!(md.contains("[articles/c.txt:1]("), "{md}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Every folder under tests/fixtures/bad holds rules/, articles/ and an
/// `expected.txt`: the exit code, then text the first stderr line must contain.
#[test]
fn bad_input_gives_one_clear_line_and_exit_2() {
    let bad = root().join("tests/fixtures/bad");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&bad)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 5);
    let mut failures = Vec::new();
    for case in &cases {
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let (code, text) = expected.split_once('\n').unwrap();
        let out = factlint(case, &["check", "articles", "--rules", "rules"]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        let first = stderr.lines().next().unwrap_or("");
        let name = case.file_name().unwrap().to_string_lossy();
        if out.status.code() != Some(code.trim().parse().unwrap())
            || !first.starts_with("factlint: error: ")
            || !first.contains(text)
        {
            failures.push(format!(
                "{name}: exit {:?}, first line {first:?}, expected {text:?}",
                out.status.code()
            ));
        }
        if stderr.contains("panicked") {
            failures.push(format!("{name}: panicked"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn usage_errors_exit_2() {
    let out = factlint(&root(), &["check", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = factlint(&root(), &["check", "--out", "README.md/report.md"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("README.md/report.md: cannot create the folder README.md"),
        "{stderr}"
    );
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let out = factlint(&root(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("factlint check --out reports/seeds.md      a Markdown report")
            && help.contains("factlint check draft.md --against wires/"),
        "{help}"
    );
    assert!(help.contains("Exit status: 0 no contradictions"), "{help}");
}
