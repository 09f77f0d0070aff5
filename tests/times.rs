//! The time kind end to end: a rule with a zone and a tolerance, sources with
//! their own zones (tests/fixtures/times), and `factlint normalize --kind
//! time` on the forms wire copy uses.

mod common;

use common::{fact, run_in};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/times")
}

#[test]
fn zones_written_and_zones_of_rule_and_source_meet_on_one_instant() {
    let out = run_in(
        &fixture(),
        &[
            "check",
            "--no-config",
            "articles",
            "--rules",
            "rules",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let time = fact(&report, "quake-time");
    assert_eq!(time["status"], "conflict");
    assert_eq!(time["outliers"], serde_json::json!(["articles/e-off.txt"]));
    assert_eq!(time["reference"], "mismatch");
    assert_eq!(time["expected"], "2014-08-03 08:30 UTC");
    let got: Vec<(String, String)> = time["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["source"].as_str().unwrap().to_string(),
                m["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        // Bare "4:30 p.m.": the rule's zone, Asia/Shanghai.
        ("a-wire.txt", "08:30 UTC"),
        // "Sunday (Beijing Time)": a named zone after the weekday.
        ("b-state.txt", "2014-08-03 08:30 UTC"),
        // "BST": ambiguous, read as the London source's zone writes it.
        ("c-london.txt", "08:30 UTC"),
        ("d-usa.txt", "2014-08-03 08:30 UTC"),
        ("e-off.txt", "2014-08-03 08:10 UTC"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(s, v)| (s.to_string(), v.to_string()))
        .collect();
    assert_eq!(got, want);
    let london = &time["mentions"][2]["note"];
    assert!(
        london.as_str().unwrap().contains(
            "BST read as British Summer Time, UTC+01:00: the source's zone Europe/London uses it"
        ),
        "{london}"
    );
}

/// `factlint normalize --kind time` on `input`: (text, value) of each line's values.
fn normalize(args: &[&str], input: &str) -> Vec<Vec<(String, String)>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["normalize", "--kind", "time"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            line["found"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["text"].as_str().unwrap().to_string(),
                        f["value"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn normalize_reads_the_forms_of_wire_copy_with_a_zone() {
    let lines = [
        "4:30 p.m., 4.30pm, 4:30 pm and 16:30",
        "0830 GMT and 08:30 UTC",
        "7:45 a.m. local time (2345 GMT Sunday)",
        "18:00 CST (10:00 UTC)",
        "noon and midnight",
    ];
    let got = normalize(
        &["--timezone", "Asia/Shanghai", "--published", "2014-08-04"],
        &lines.join("\n"),
    );
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        got,
        [
            pairs(&[
                ("4:30 p.m.", "08:30 UTC"),
                ("4.30pm", "08:30 UTC"),
                ("4:30 pm", "08:30 UTC"),
                ("16:30", "08:30 UTC"),
            ]),
            pairs(&[("0830 GMT", "08:30 UTC"), ("08:30 UTC", "08:30 UTC")]),
            pairs(&[
                ("7:45 a.m. local time", "23:45 UTC"),
                ("2345 GMT", "2014-08-03 23:45 UTC"),
            ]),
            pairs(&[("18:00 CST", "10:00 UTC"), ("10:00 UTC", "10:00 UTC")]),
            pairs(&[("noon", "04:00 UTC"), ("midnight", "16:00 UTC")]),
        ]
    );
}

#[test]
fn normalize_without_a_zone_reads_wall_clock_times() {
    let got = normalize(&[], "at 4:30 p.m. and 7:45");
    assert_eq!(
        got,
        [vec![
            ("4:30 p.m.".to_string(), "16:30".to_string()),
            ("7:45".to_string(), "07:45 | 19:45".to_string()),
        ]]
    );
}

#[test]
fn normalize_rejects_an_unknown_zone_and_a_zone_for_other_kinds() {
    let out = run_in(
        &fixture(),
        &["normalize", "--kind", "time", "--timezone", "Asia/Shangai"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `Asia/Shanghai`"), "{err}");
    let out = run_in(
        &fixture(),
        &["normalize", "--kind", "date", "--timezone", "UTC"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--timezone is for --kind time"));
}
