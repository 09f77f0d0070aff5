//! The output formats on the invented bridge articles in
//! tests/fixtures/editors: snapshots of the table, Markdown, SARIF and GitHub
//! outputs, the SARIF schema, inline markers in JSON, and colors.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

#[test]
fn table_snapshot() {
    let out = check(&[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    insta::assert_snapshot!("table", stdout(&out));
}

#[test]
fn markdown_snapshot() {
    let out = check(&["--format", "markdown"]);
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!("markdown", stdout(&out));
}

#[test]
fn sarif_snapshot_validates_against_the_official_schema() {
    let out = check(&["--format", "sarif"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    insta::assert_snapshot!("sarif", text);
    let validator = sarif_validator();
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // One result per conflicting mention: c.txt's length (outlier and off the
    // record), b.txt's cost, c.txt's start year; the ignored crowd has none.
    let results = log["runs"][0]["results"].as_array().unwrap();
    let found: Vec<(String, String, String)> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                r["level"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("bridge-length", "articles/c.txt", "error"),
        ("bridge-cost", "articles/b.txt", "warning"),
        ("construction-start", "articles/c.txt", "note"),
    ];
    assert_eq!(
        found,
        want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    // A baseline-accepted result stays in the log as suppressed, still valid.
    let tmp = copy_fixture();
    assert_eq!(
        code(&run_in(
            tmp.path(),
            &[
                "check",
                "articles",
                "-r",
                "rules",
                "--write-baseline=base.json"
            ]
        )),
        0
    );
    let out = run_in(
        tmp.path(),
        &[
            "check",
            "articles",
            "-r",
            "rules",
            "--baseline",
            "base.json",
            "-f",
            "sarif",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(validator.is_valid(&log));
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert!(results
        .iter()
        .all(|r| r["suppressions"][0]["kind"] == "external"));
}

#[test]
fn seeds_sarif_validates_too() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run_in(
        root,
        &[
            "check",
            "--no-config",
            "seeds",
            "-r",
            "rules",
            "-f",
            "sarif",
        ],
    );
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(sarif_validator().is_valid(&log));
    assert_eq!(log["runs"][0]["results"][0]["ruleId"], "c5-plus-one-name");
}

#[test]
fn github_annotations_and_job_summary_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let summary = tmp.path().join("summary.md");
    std::fs::write(&summary, "previous step\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(fixture())
        .args([
            "check",
            "--no-config",
            "articles",
            "-r",
            "rules",
            "--format",
            "github",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!("github", stdout(&out));
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("previous step\n## factlint\n"),
        "appends, never truncates: {written}"
    );
    insta::assert_snapshot!("github_summary", written);
}

#[test]
fn inline_marker_keeps_the_mention_in_json_marked() {
    let out = check(&["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let crowd = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "opening-crowd")
        .unwrap();
    assert_eq!(crowd["status"], "agree");
    let marked: Vec<(&str, &str)> = crowd["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| {
            m["suppressed"]
                .as_str()
                .map(|s| (m["source"].as_str().unwrap(), s))
        })
        .collect();
    assert_eq!(marked, [("c.txt", "inline")]);
}

/// Colors only on a terminal (a pty made by util-linux `script`), never with
/// `NO_COLOR` or `TERM=dumb`, never in a pipe unless forced (`--color
/// always`, `CLICOLOR_FORCE`, `FORCE_COLOR`); `--color never` wins.
#[test]
fn colors_follow_the_terminal_and_the_conventions() {
    let bin = env!("CARGO_BIN_EXE_factlint");
    let on_tty = |env: &[(&str, &str)], flags: &str| {
        let mut cmd = Command::new("script");
        cmd.current_dir(fixture())
            .args([
                "-qec",
                &format!("{bin} check --no-config articles -r rules {flags}"),
                "/dev/null",
            ])
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR")
            .env_remove("COLUMNS")
            .env("TERM", "xterm");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().expect("util-linux script").stdout).unwrap()
    };
    let colored = on_tty(&[], "");
    assert!(colored.contains("\u{1b}[31mCONFLICT"), "{colored}");
    let plain = ["\u{1b}[31m", "\u{1b}[32m", "\u{1b}[33m", "\u{1b}[0m"]
        .iter()
        .fold(colored.clone(), |text, code| text.replace(code, ""));
    assert!(
        plain.contains("│ bridge-length      ┆ CONFLICT ┆"),
        "a pty without a width keeps whole columns: {colored}"
    );
    assert!(!on_tty(&[("NO_COLOR", "1")], "").contains('\u{1b}'));
    assert!(!on_tty(&[("TERM", "dumb")], "").contains('\u{1b}'));
    assert!(!on_tty(&[], "--color never").contains('\u{1b}'));
    assert!(!stdout(&check(&[])).contains('\u{1b}'));
    let piped = |env: &[(&str, &str)], args: &[&str]| {
        let mut all = vec!["check", "--no-config", "articles", "--rules", "rules"];
        all.extend_from_slice(args);
        let mut cmd = Command::new(bin);
        cmd.current_dir(fixture())
            .args(&all)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(piped(&[], &["--color", "always"]).contains("\u{1b}[31m"));
    assert!(piped(&[("CLICOLOR_FORCE", "1")], &[]).contains("\u{1b}[31m"));
    assert!(piped(&[("FORCE_COLOR", "1")], &[]).contains("\u{1b}[31m"));
    assert!(!piped(&[("FORCE_COLOR", "0")], &[]).contains('\u{1b}'));
    assert!(!piped(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]).contains('\u{1b}'));
}
