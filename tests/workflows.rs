//! The editor and CI workflows end to end on tests/fixtures/editors: the
//! baseline round trip, --fail-on, --quiet, config discovery and precedence,
//! and the rules test/lint, explain, init and completions commands.

mod common;

use common::*;

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
        .map(|e| format!("{}|{}|{}", e["fact"], e["path"], e["value"]))
        .collect();
    assert_eq!(
        keys,
        [
            "\"bridge-cost\"|\"articles/b.txt\"|\"340000000\"",
            "\"bridge-length\"|\"articles/c.txt\"|\"1500 m\"",
            "\"construction-start\"|\"articles/c.txt\"|\"2018\""
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
    let args = [
        "rules",
        "lint",
        "--no-config",
        "articles",
        "--rules",
        "../editors-lint",
    ];
    // Findings are advice: exit 0 unless --strict.
    let advice = run_in(&fixture(), &args);
    assert_eq!(code(&advice), 0);
    let out = run_in(&fixture(), &[&args[..], &["--strict"]].concat());
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&advice), stdout(&out));
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
    // The older spelling (rules positional, --corpus) still works.
    let clean = run_in(
        &fixture(),
        &[
            "rules",
            "lint",
            "--no-config",
            "--rules",
            "rules",
            "--corpus",
            "articles",
            "--strict",
        ],
    );
    assert_eq!(
        (code(&clean), stdout(&clean)),
        (0, "0 findings in 4 facts, 3 articles\n".to_string())
    );
}

/// Regression: patterns of a fact with `subjects` hold their values in the
/// named groups, not in `value`, and were reported as matching nothing.
#[test]
fn rules_lint_counts_subject_groups() {
    let vote = root().join("tests/fixtures/vote");
    let out = run_in(
        &vote,
        &[
            "rules",
            "lint",
            "--no-config",
            "articles",
            "--rules",
            "rules",
            "--strict",
        ],
    );
    assert_eq!(
        (code(&out), stdout(&out)),
        (0, "0 findings in 1 facts, 2 articles\n".to_string())
    );
}

/// `[lint]` in factlint.toml: another id style, or checks turned off.
#[test]
fn rules_lint_settings_come_from_factlint_toml() {
    let tmp = copy_fixture();
    let dir = tmp.path();
    std::fs::copy(
        root().join("tests/fixtures/editors-lint/lint.toml"),
        dir.join("rules/lint.toml"),
    )
    .unwrap();
    std::fs::remove_file(dir.join("rules/bridge.toml")).unwrap();
    let lint = |config: &str| {
        std::fs::write(dir.join("factlint.toml"), config).unwrap();
        let out = run_in(dir, &["rules", "lint", "--strict"]);
        (code(&out), stdout(&out))
    };
    let (code_default, text) = lint("corpus = \"articles\"\n");
    assert_eq!(code_default, 1);
    assert!(text.contains("id-case"), "{text}");
    let (_, text) = lint("corpus = \"articles\"\n[lint]\nid_pattern = '^[A-Za-z_-]+$'\n");
    assert!(!text.contains("id-case"), "{text}");
    let (_, text) =
        lint("corpus = \"articles\"\n[lint]\nid_pattern = ''\nignore = [\"overlap\"]\n");
    assert!(
        !text.contains("id-case") && !text.contains("overlap"),
        "{text}"
    );
    let (code_bad, _) = lint("[lint]\nignore = [\"spelling\"]\n");
    assert_eq!(code_bad, 2);
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
        // "1.2 kilometers" keeps its precision (±0.05 km) through conversion.
        "read as: 1200 m (exact); compared as between 1150 and 1250 (length, base unit): 1200 widened by ±50 as written; note: 1.2 km converted to m",
        "1200 m agrees with 2 sources: articles/a.md, articles/b.txt",
        "Groups of mutually compatible values, one vote per source: {1200 m} from 2 (articles/a.md, articles/b.txt); {1500 m} from 1 (articles/c.txt).",
        "Consensus 1200 m: its group is the largest and a majority (2 of 3 sources). Outliers, with a value outside it: articles/c.txt.",
        "Record 1200 m: mismatch — not in agreement with it: articles/c.txt (1500 m).",
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
