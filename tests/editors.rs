//! The editor and CI workflows end to end, on the invented bridge articles
//! in tests/fixtures/editors: snapshots of every output format, the SARIF
//! schema, the baseline round trip, inline markers, config discovery and
//! precedence, --fail-on, --quiet, and the rules/explain/init/completions
//! commands.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editors")
}

/// Runs factlint in `dir` with a clean environment for what it reads.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("NO_COLOR")
        .output()
        .expect("run factlint")
}

fn check(args: &[&str]) -> Output {
    let mut all = vec!["check", "--no-config", "articles", "--rules", "rules"];
    all.extend_from_slice(args);
    run_in(&fixture(), &all)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

/// A copy of the fixture in a temporary folder, to change.
fn copy_fixture() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for sub in ["articles", "rules"] {
        std::fs::create_dir_all(tmp.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(fixture().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, tmp.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    tmp
}

/// The official SARIF 2.1.0 schema, compiled. Its two `language` patterns
/// have a stray `]` (`…-[a-zA-Z]{2}]?$`) that the regex crate rejects when
/// the schema itself is checked; they are replaced by the pattern they mean
/// (see tests/sarif/README.md). factlint never writes `language`.
fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).unwrap();
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(
        text.matches(stray).count(),
        2,
        "the vendored schema changed"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&text.replace(stray, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#)).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

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
                "--write-baseline",
                "base.json"
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

#[test]
fn baseline_round_trip() {
    let tmp = copy_fixture();
    let dir = tmp.path();
    std::fs::write(
        dir.join("factlint.toml"),
        "corpus = \"articles\"\nrules = \"rules\"\nbaseline = \".factlint-baseline.json\"\n",
    )
    .unwrap();
    assert_eq!(
        code(&run_in(dir, &[])),
        1,
        "contradictions before the baseline"
    );
    let wrote = run_in(dir, &["check", "--write-baseline"]);
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    let baseline: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(".factlint-baseline.json")).unwrap(),
    )
    .unwrap();
    let keys: Vec<String> = baseline["accepted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}|{}|{}", e["fact"], e["source"], e["value"]))
        .collect();
    assert_eq!(
        keys,
        [
            "\"bridge-cost\"|\"b.txt\"|\"340000000\"",
            "\"bridge-length\"|\"c.txt\"|\"1500 m\"",
            "\"construction-start\"|\"c.txt\"|\"2018\""
        ]
    );

    let again = run_in(dir, &[]);
    assert_eq!(code(&again), 0, "{}", stdout(&again));
    assert!(
        stdout(&again).contains("3 accepted (baseline)"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        code(&run_in(dir, &["check", "--no-baseline"])),
        1,
        "--no-baseline shows them again"
    );

    // c.txt now gives another wrong length: the accepted value no longer matches.
    let c = dir.join("articles/c.txt");
    std::fs::write(
        &c,
        std::fs::read_to_string(&c)
            .unwrap()
            .replace("1,500 meters", "1,600 meters"),
    )
    .unwrap();
    let changed = run_in(dir, &["check", "--quiet", "-f", "github"]);
    assert_eq!(code(&changed), 1);
    let lines: Vec<String> = stdout(&changed)
        .lines()
        .filter(|l| l.starts_with("::"))
        .map(String::from)
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("::error file=articles/c.txt,line=1,col=13,")
            && lines[0].contains("1600 m"),
        "{}",
        lines[0]
    );
}

#[test]
fn fail_on_follows_the_severity_of_the_facts() {
    // a.md and b.txt alone disagree only on the cost, a warning.
    let only = |fail_on: &str| {
        code(&run_in(
            &fixture(),
            &[
                "check",
                "--no-config",
                "articles/a.md",
                "articles/b.txt",
                "-r",
                "rules",
                "--fail-on",
                fail_on,
            ],
        ))
    };
    assert_eq!(only("error"), 0);
    assert_eq!(only("warning"), 1);
    assert_eq!(only("info"), 1);
    assert_eq!(only("never"), 0);
    assert_eq!(
        code(&check(&["--fail-on", "error"])),
        1,
        "the length conflict is an error"
    );
}

#[test]
fn quiet_prints_only_contradictions() {
    let out = check(&["--quiet"]);
    let text = stdout(&out);
    assert!(
        text.contains("bridge-length") && !text.contains("opening-crowd"),
        "{text}"
    );
    let clean = run_in(
        &fixture(),
        &[
            "check",
            "--no-config",
            "articles/a.md",
            "-r",
            "rules",
            "--quiet",
        ],
    );
    assert_eq!(
        (
            code(&clean),
            stdout(&clean).as_str(),
            stderr(&clean).as_str()
        ),
        (0, "", "")
    );
}

#[test]
fn config_is_discovered_from_subfolders_and_flags_override_it() {
    let tmp = copy_fixture();
    let dir = tmp.path();
    std::fs::write(dir.join("factlint.toml"), "corpus = [\"articles\"]\nrules = [\"rules\"]\nformat = \"json\"\nfail_on = \"never\"\nignore = [\"articles/c.txt\"]\n").unwrap();
    let sub = dir.join("rules");
    let out = run_in(&sub, &[]);
    assert_eq!(code(&out), 0, "fail_on = never: {}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let paths: Vec<&str> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["../articles/a.md", "../articles/b.txt"],
        "paths relative to the config, c.txt ignored"
    );

    let flags = run_in(
        &sub,
        &["check", "--format", "table", "--fail-on", "warning"],
    );
    assert_eq!(code(&flags), 1);
    assert!(stdout(&flags).starts_with('┌'), "--format beats the config");
    let none = run_in(
        dir,
        &[
            "check",
            "--no-config",
            "articles",
            "-r",
            "rules",
            "-f",
            "json",
        ],
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&none)).unwrap()["sources"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    std::fs::write(
        dir.join("factlint.toml"),
        "corpus = \"articles\"\nformats = \"json\"\n",
    )
    .unwrap();
    let bad = run_in(dir, &[]);
    assert_eq!(code(&bad), 2);
    assert!(
        stderr(&bad).contains("factlint.toml:2:1")
            && stderr(&bad).contains("unknown field `formats`"),
        "{}",
        stderr(&bad)
    );
    let other = dir.join("other.toml");
    std::fs::write(
        &other,
        "corpus = \"articles\"\nrules = \"rules\"\nfail_on = \"error\"\nignore = [\"**/c.txt\"]\n",
    )
    .unwrap();
    assert_eq!(
        code(&run_in(dir, &["check", "--config", "other.toml"])),
        0,
        "--config replaces discovery"
    );
}

#[test]
fn rules_test_reports_every_failure_with_its_place() {
    let ok = run_in(&fixture(), &["rules", "test", "--no-config", "rules"]);
    assert_eq!(
        (code(&ok), stdout(&ok)),
        (0, "9 examples, 2 corpus tests: 0 failures\n".to_string())
    );
    let bad = run_in(
        &fixture(),
        &["rules", "test", "--no-config", "../editors-broken"],
    );
    assert_eq!(code(&bad), 1);
    let text = stdout(&bad);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with("../editors-broken/broken.toml:9:12: fact `bridge-cost`: ")
            && lines[0].contains("yields \"340000000\", not \"310000000\""),
        "{text}"
    );
    assert!(lines[1].starts_with("../editors-broken/broken.toml:14:8: test \"two costs conflict\": `bridge-cost` is conflict, not agree"), "{text}");
    assert!(
        lines[2].ends_with("no fact `no-such-fact` in the rules"),
        "{text}"
    );
    assert_eq!(lines[3], "2 examples, 1 corpus tests: 3 failures");
}

#[test]
fn rules_lint_finds_one_problem_per_check() {
    let out = run_in(
        &fixture(),
        &[
            "rules",
            "lint",
            "--no-config",
            "../editors-lint",
            "--corpus",
            "articles",
        ],
    );
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let checks: Vec<&str> = text.lines().filter_map(|l| l.split(": ").nth(1)).collect();
    assert_eq!(
        checks,
        [
            "id-case",
            "unreachable-pattern",
            "unreachable-pattern",
            "no-corpus-match",
            "no-example",
            "overlap",
            "overlap"
        ],
        "{text}"
    );
    assert!(
        text.ends_with("\n7 findings in 2 facts, 3 articles\n"),
        "{text}"
    );
    assert!(text.contains("../editors-lint/lint.toml:11:3: unreachable-pattern: pattern 2 of `Bridge_Length` repeats pattern 1"), "{text}");
    assert!(text.contains("articles/c.txt:1:13: overlap:"), "{text}");
    let clean = run_in(
        &fixture(),
        &[
            "rules",
            "lint",
            "--no-config",
            "rules",
            "--corpus",
            "articles",
        ],
    );
    assert_eq!(
        (code(&clean), stdout(&clean)),
        (0, "0 findings in 4 facts, 3 articles\n".to_string())
    );
}

#[test]
fn explain_shows_reading_and_reasons() {
    let out = run_in(
        &fixture(),
        &[
            "explain",
            "--no-config",
            "bridge-length",
            "articles",
            "-r",
            "rules",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for want in [
        "articles/b.txt:1:13",
        "raw:     “1.2 kilometers”",
        "read as: 1200 m (exact); compared as exactly 1200 (length, base unit); note: 1.2 km converted to m",
        "1200 m agrees with 2 source(s): a.md, b.txt",
        "Consensus 1200 m",
        "Record 1200 m: mismatch — c.txt (1500 m)",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let crowd = stdout(&run_in(
        &fixture(),
        &[
            "explain",
            "--no-config",
            "opening-crowd",
            "articles",
            "-r",
            "rules",
        ],
    ));
    assert!(
        crowd.contains("ignored: the article has a `factlint: ignore opening-crowd` marker"),
        "{crowd}"
    );
    let unknown = run_in(
        &fixture(),
        &[
            "explain",
            "--no-config",
            "bridge-lenght",
            "articles",
            "-r",
            "rules",
        ],
    );
    assert_eq!(code(&unknown), 2);
    assert!(
        stderr(&unknown).contains("did you mean bridge-length"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn init_writes_a_working_starter_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(code(&run_in(tmp.path(), &["init"])), 0);
    let config = std::fs::read_to_string(tmp.path().join("factlint.toml")).unwrap();
    assert!(config.contains("corpus = [\"articles\"]"));
    let tested = run_in(tmp.path(), &["rules", "test"]);
    assert_eq!(
        (code(&tested), stdout(&tested)),
        (0, "3 examples, 1 corpus tests: 0 failures\n".to_string())
    );
    std::fs::write(tmp.path().join("factlint.toml"), "edited").unwrap();
    let again = run_in(tmp.path(), &["init"]);
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("factlint.toml")).unwrap(),
        "edited"
    );
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _factlint"),
        ("zsh", "#compdef factlint"),
        ("fish", "complete -c factlint"),
    ] {
        let out = run_in(&fixture(), &["completions", shell]);
        assert_eq!(code(&out), 0);
        let text = stdout(&out);
        assert!(
            text.contains(marker) && text.contains("write-baseline"),
            "{shell}: {}",
            &text[..200.min(text.len())]
        );
    }
}

/// Colors only on a terminal (a pty made by util-linux `script`), never with
/// `NO_COLOR`, never in a pipe.
#[test]
fn colors_follow_the_terminal_and_no_color() {
    let bin = env!("CARGO_BIN_EXE_factlint");
    let on_tty = |no_color: bool| {
        let mut cmd = Command::new("script");
        cmd.current_dir(fixture())
            .args([
                "-qec",
                &format!("{bin} check --no-config articles -r rules"),
                "/dev/null",
            ])
            .env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        String::from_utf8(cmd.output().expect("util-linux script").stdout).unwrap()
    };
    let colored = on_tty(false);
    assert!(colored.contains("\u{1b}[38;5;9m CONFLICT"), "{colored}");
    assert!(
        colored.contains("bridge-length      "),
        "a pty without a width keeps whole columns: {colored}"
    );
    assert!(!on_tty(true).contains('\u{1b}'));
    assert!(!stdout(&check(&[])).contains('\u{1b}'));
}
