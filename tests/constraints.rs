//! Multi-value patterns and `[[constraint]]` end to end: one pattern yields a
//! value per subject, each compared on its own, and the sum constraint is
//! checked per article (violated in b.txt: 151 + 7 + 42 = 200 > 193).

use std::path::PathBuf;
use std::process::Command;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vote")
}

#[test]
fn subjects_and_a_violated_sum_are_reported() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(fixture())
        .args(["check", "articles", "--rules", "rules", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a violated constraint is a contradiction"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let subjects: Vec<(&str, &str)> = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["subject"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        subjects,
        [
            ("abstained", "conflict"),
            ("against", "agree"),
            ("in_favour", "conflict")
        ]
    );
    let total = &report["constraints"][0];
    assert_eq!(total["id"], "vote-total");
    assert_eq!(total["status"], "violated");
    let holds: Vec<(&str, bool)> = total["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["source"].as_str().unwrap(), s["holds"].as_bool().unwrap()))
        .collect();
    assert_eq!(holds, [("articles/a.txt", true), ("articles/b.txt", false)]);
    assert_eq!(total["sources"][1]["values"]["in_favour"], "151");
    assert_eq!(report["summary"]["constraint_violations"], 1);

    let table = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(fixture())
        .args(["check", "articles", "--rules", "rules"])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains(
            "constraint vote-total (in_favour + vote.against + abstained <= 193): holds in articles/a.txt"
        ),
        "{table}"
    );
    assert!(table.contains("VIOLATED in articles/b.txt"), "{table}");
}

#[test]
fn unknown_names_in_expressions_are_errors_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let rules = std::fs::read_to_string(fixture().join("rules/vote.toml"))
        .unwrap()
        .replace("vote.against", "vote.againts");
    std::fs::write(dir.path().join("r.toml"), rules).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([
            "check",
            fixture().join("articles").to_str().unwrap(),
            "--rules",
            dir.path().join("r.toml").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("r.toml:17:21: unknown name `vote.againts` in constraint `vote-total` — did you mean `vote.against`?"), "{err}");
}

/// Regression: a baseline that accepts every fact's conflicts must not hide a
/// violated constraint (the rebuilt report used to drop constraint verdicts).
#[test]
fn a_baseline_keeps_constraint_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_factlint"))
            .current_dir(fixture())
            .args(["check", "articles", "--rules", "rules", "--format", "json"])
            .args(extra)
            .output()
            .unwrap()
    };
    let written = run(&[&format!("--write-baseline={}", baseline.display())]);
    assert_eq!(
        written.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let out = run(&["--baseline", baseline.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["conflict"], 0, "conflicts are accepted");
    assert_eq!(report["constraints"][0]["status"], "violated");
    assert_eq!(report["summary"]["constraint_violations"], 1);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the constraint still fails the run"
    );
}

/// Draft mode keeps the constraint checks of the drafts only, by path (a
/// draft given as `articles/b.txt` is not known by its file name `b.txt`).
#[test]
fn draft_mode_keeps_the_drafts_constraint_checks_by_path() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(fixture())
        .args([
            "check",
            "--no-config",
            "articles/b.txt",
            "--against",
            "articles",
            "--rules",
            "rules",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let total = &report["constraints"][0];
    let sources: Vec<&str> = total["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["articles/b.txt"], "{total}");
    assert_eq!(total["status"], "violated");
    assert_eq!(out.status.code(), Some(1));
}
