//! The date facts on the seed articles, read from the JSON report: the UN
//! vote date is the project's namesake contradiction (001 "February 24"
//! against "Thursday" = 2023-02-23 elsewhere), the Astana meeting agrees.

mod common;

use common::{fact, root, run_in};
use serde_json::Value;
use std::process::Command;

fn seed_report() -> Value {
    let out = run_in(
        &root(),
        &["check", "seeds", "--rules", "rules", "--format", "json"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "contradictions exit 1; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// (source file prefix, written text, resolved value) of each mention.
fn mentions(fact: &Value) -> Vec<(String, String, String)> {
    fact["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let source = m["source"].as_str().unwrap()[..3].to_string();
            (
                source,
                m["text"].as_str().unwrap().to_string(),
                m["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(s, t, v)| (s.to_string(), t.to_string(), v.to_string()))
        .collect()
}

#[test]
fn un_vote_date_is_a_conflict_with_001_as_the_outlier() {
    let report = seed_report();
    let vote = fact(&report, "un-vote-date");
    assert_eq!(vote["status"], "conflict");
    assert_eq!(vote["consensus"], "2023-02-23");
    assert_eq!(vote["expected"], "2023-02-23");
    assert_eq!(
        vote["outliers"],
        serde_json::json!(["seeds/001_ac4287f27224b710.txt"])
    );
    let want = [
        ("000", "Thursday", "2023-02-23"),
        ("001", "February 24", "2023-02-24"),
        ("002", "Thursday", "2023-02-23"),
        ("003", "Thursday", "2023-02-23"),
    ];
    assert_eq!(mentions(vote), owned(&want));
    let note = vote["mentions"][0]["note"].as_str().unwrap();
    assert_eq!(note, "Thursday → 2023-02-23: most recent Thursday on or before publication 2023-02-24, past cue 'did'");
}

#[test]
fn astana_meeting_agrees_on_the_28th_across_sources() {
    let report = seed_report();
    let astana = fact(&report, "astana-meeting-date");
    assert_eq!(astana["status"], "agree");
    assert_eq!(astana["reference"], "match");
    let got = mentions(astana);
    for source in ["000", "002", "003", "004"] {
        assert!(
            got.iter().any(|(s, _, _)| s == source),
            "{source} missing from {got:?}"
        );
    }
    assert!(got.iter().all(|(_, _, v)| v == "2023-02-28"), "{got:?}");
    // 000 previews the trip on Friday 24 February with a future cue.
    let preview = &astana["mentions"][0];
    assert_eq!(preview["source"], "000_f4926741994e602a.txt");
    assert!(
        preview["note"]
            .as_str()
            .unwrap()
            .contains("future cue 'will'"),
        "{preview}"
    );
    // 001 counts "A day earlier" from its "yesterday" (1 March).
    assert!(
        got.contains(&owned(&[("001", "A day earlier", "2023-02-28")])[0]),
        "{got:?}"
    );
    // The caption's full date is about the meeting; 003's dateline and 004's page update are not.
    assert!(
        got.contains(&owned(&[("004", "February 28, 2023", "2023-02-28")])[0]),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(s, t, _)| s == "003" && t.contains("2023")),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, t, _)| t.contains("2024")), "{got:?}");
}

#[test]
fn tashkent_arrival_is_the_day_before_001_was_published() {
    let report = seed_report();
    let tashkent = fact(&report, "tashkent-arrival-date");
    assert_eq!(tashkent["reference"], "match");
    assert_eq!(
        mentions(tashkent),
        owned(&[("001", "yesterday", "2023-03-01")])
    );
}

#[test]
fn normalize_prints_dates_with_character_offsets() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["normalize", "--kind", "date", "--published", "2023-03-02"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run factlint normalize");
    let input =
        "Mirziyóyev met him yesterday; on Tuesday, Feb. 28 he was in Astana.\nNo dates here.\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let found = lines[0]["found"].as_array().unwrap();
    assert_eq!(found.len(), 2, "{}", lines[0]);
    let span = |f: &Value| {
        (
            f["text"].as_str().unwrap().to_string(),
            f["start"].as_u64().unwrap(),
            f["end"].as_u64().unwrap(),
        )
    };
    // Character offsets: "ó" is one character.
    assert_eq!(span(&found[0]), ("yesterday".to_string(), 19, 28));
    assert_eq!(found[0]["value"], "2023-03-01");
    assert_eq!(span(&found[1]), ("Tuesday, Feb. 28".to_string(), 33, 49));
    assert_eq!(
        found[1]["extra"]["candidates"],
        serde_json::json!(["2023-02-28"])
    );
    assert_eq!(lines[1]["found"], serde_json::json!([]));
}

#[test]
fn relative_dates_without_a_publication_date_are_unresolved_with_the_reason() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["normalize", "--kind", "date"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"He arrived yesterday, after the vote on 2023-02-23.\n")?;
            child.wait_with_output()
        })
        .expect("run factlint normalize");
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = line["found"].as_array().unwrap();
    assert_eq!(found[0]["value"], "unresolved");
    assert!(
        found[0]["note"]
            .as_str()
            .unwrap()
            .contains("no publication date")
            || found[0]["note"].as_str().unwrap().contains("has none"),
        "{line}"
    );
    assert_eq!(found[1]["value"], "2023-02-23");
}

#[test]
fn bundled_date_corpus_tests_pass() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([
            "rules",
            "test",
            "--no-config",
            "rules/blinken-dates.toml",
            "rules/blinken-dates.tests.toml",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run factlint rules test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.ends_with("4 corpus tests: 0 failures\n"), "{stdout}");
}
