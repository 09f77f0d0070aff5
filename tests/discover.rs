//! `factlint discover` end to end: the candidates it finds with no rules on
//! the seeds and on real events (the expected ones are committed beside each
//! event as `discover.toml`), the round trip of `--write-rules` through
//! `check` and `rules test`, and bad input.

mod common;

use common::{root, run_in as factlint};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn discover(dir: &Path, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["discover", "--format", "json", "--no-config"];
    all.extend(args);
    let out = factlint(dir, &all);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), json, stderr)
}

/// A candidate's mentions as (source prefix, value).
fn values(fact: &Value) -> BTreeSet<(String, String)> {
    fact["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let source = m["source"].as_str().unwrap();
            (
                source[..source.find(['_', '-']).unwrap_or(3)].to_string(),
                m["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The first candidate of `kind` whose mentions hold every (source, value) of `want`.
fn find<'a>(report: &'a Value, kind: &str, want: &[(&str, &str)]) -> Option<&'a Value> {
    report["facts"].as_array().unwrap().iter().find(|f| {
        let have = values(f);
        f["kind"] == kind
            && want
                .iter()
                .all(|(s, v)| have.contains(&(s.to_string(), v.to_string())))
    })
}

#[test]
fn seeds_without_rules_show_the_known_facts() {
    let (code, report, _) = discover(&root(), &["seeds"]);
    assert_eq!(code, 0);
    let must = |kind: &str, want: &[(&str, &str)], what: &str| {
        find(&report, kind, want).unwrap_or_else(|| panic!("no candidate for {what}"))
    };
    must(
        "quantity",
        &[("000", "7500 km"), ("002", "7500 km")],
        "the border length",
    );
    let c5 = must(
        "term",
        &[("001", "C5 1"), ("004", "C5+1")],
        "the C5+1 spelling",
    );
    assert_eq!(c5["status"], "conflict");
    must(
        "year",
        &[("001", "2015"), ("004", "2015")],
        "the C5+1 founding year",
    );
    must(
        "year",
        &[("000", "2020"), ("003", "2020")],
        "the last secretary's visit",
    );
    let vote = must(
        "date",
        &[
            ("000", "2023-02-23"),
            ("002", "2023-02-23"),
            ("001", "2023-02-24"),
        ],
        "the UN vote day",
    );
    assert_eq!(vote["status"], "conflict");
    let outlier = vote["outliers"][0].as_str().unwrap();
    assert!(outlier.ends_with("001_ac4287f27224b710.txt"), "{outlier}");
    let astana = report["facts"].as_array().unwrap().iter().find(|f| {
        let id = f["id"].as_str().unwrap();
        let have = values(f);
        (id.contains("astana") || id.contains("meet"))
            && ["003", "004"]
                .iter()
                .all(|s| have.contains(&(s.to_string(), "2023-02-28".to_string())))
    });
    assert!(astana.is_some(), "no candidate for the Astana meeting day");
    for (what, spellings) in [
        (
            "Tokayev",
            &[
                ("000", "Kassym-Jomart Tokaïev"),
                ("001", "Kasim-Yomart Tokayev"),
                ("002", "Kassym-Jomart Tokayev"),
            ][..],
        ),
        (
            "Tleuberdi",
            &[
                ("001", "Mukhtar Tleuberdi"),
                ("002", "Mukhtar Tleouberdi"),
                ("004", "Mukhtar Tileuberdi"),
            ],
        ),
        (
            "Rahmon",
            &[("000", "Emomali Rakhmon"), ("003", "Emomali Rahmon")],
        ),
    ] {
        let name = must("name", spellings, what);
        assert_eq!(name["status"], "conflict", "{what}");
    }
    // Disagreements come first, and nothing stands in one article only.
    let facts = report["facts"].as_array().unwrap();
    let first_agreement = facts.iter().position(|f| f["status"] == "agree").unwrap();
    assert!(facts[first_agreement..]
        .iter()
        .all(|f| f["status"] == "agree"));
    for f in facts {
        let sources: BTreeSet<&str> = f["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["path"].as_str().unwrap())
            .collect();
        assert!(sources.len() >= 2, "{}", f["id"]);
    }
}

#[test]
fn ordinals_in_digits_and_words_read_as_one_number() {
    // The Heart of Asia ministerial: "the 7th Session" (Business Recorder,
    // ARY News, The News) and "the seventh session" (BOL News).
    let event = root().join("tests/fixtures/events/trilateral-istanbul-2021");
    let (code, report, _) = discover(&event, &["articles"]);
    assert_eq!(code, 0);
    let session = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["id"]
                .as_str()
                .unwrap()
                .starts_with("number-session-ordinal")
        })
        .expect("an ordinal candidate near \"session\"");
    let read: BTreeSet<(String, String)> = session["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let text = m["text"].as_str().unwrap().to_lowercase();
            (text, m["value"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(read.contains(&("7th".into(), "7".into())), "{read:?}");
    assert!(read.contains(&("seventh".into(), "7".into())), "{read:?}");
}

#[test]
fn real_events_show_their_expected_candidates() {
    for slug in [
        "baltimore-bridge-2024",
        "ludian-earthquake-2014",
        "morocco-earthquake-2023",
    ] {
        let event = root().join("tests/fixtures/events").join(slug);
        let expected: toml::Table =
            toml::from_str(&std::fs::read_to_string(event.join("discover.toml")).unwrap()).unwrap();
        let (code, report, _) = discover(&event, &["articles"]);
        assert_eq!(code, 0, "{slug}");
        for c in expected["candidate"].as_array().unwrap() {
            let kind = c["kind"].as_str().unwrap();
            let cue = c["cue"].as_str().unwrap();
            let want: BTreeSet<&str> = c["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let hit = report["facts"].as_array().unwrap().iter().find(|f| {
                let id = f["id"].as_str().unwrap();
                let have: BTreeSet<String> = values(f).into_iter().map(|(_, v)| v).collect();
                f["kind"] == kind
                    && id.starts_with(&format!("{kind}-{cue}"))
                    && f["status"] == c["status"].as_str().unwrap()
                    && want.iter().all(|v| have.contains(*v))
            });
            assert!(
                hit.is_some(),
                "{slug}: no {kind} candidate near {cue:?} with {want:?}"
            );
        }
    }
}

#[test]
fn drafted_rules_reproduce_the_candidates_in_check() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("drafted.toml");
    let rules_arg = rules.to_str().unwrap();
    let (code, found, _) = discover(&root(), &["seeds", "--write-rules", rules_arg]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&rules).unwrap();
    assert!(!text.contains("patterns"), "cue-based rules only");
    assert!(text.contains("severity = \"info\"") && text.contains("examples = ["));
    let tested = factlint(
        &root(),
        &["rules", "test", "--rules", rules_arg, "--no-config"],
    );
    assert!(
        tested.status.success(),
        "{}",
        String::from_utf8_lossy(&tested.stderr)
    );
    let out = factlint(
        &root(),
        &[
            "check",
            "seeds",
            "--rules",
            rules_arg,
            "--format",
            "json",
            "--no-config",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the contradictions are found again"
    );
    let checked: Value = serde_json::from_slice(&out.stdout).unwrap();
    let candidates = found["facts"].as_array().unwrap();
    assert_eq!(checked["facts"].as_array().unwrap().len(), candidates.len());
    for c in candidates {
        let id = c["id"].as_str().unwrap();
        let f = common::fact(&checked, id);
        assert_eq!(f["status"], c["status"], "{id}");
        assert_eq!(f["outliers"], c["outliers"], "{id}");
        assert_eq!(f["rule"], c["rule"], "{id}");
        assert_eq!(values(f), values(c), "{id}");
    }
}

#[test]
fn rules_given_are_not_proposed_again() {
    let (_, all, _) = discover(&root(), &["seeds"]);
    let (code, rest, stderr) = discover(&root(), &["seeds", "--rules", "rules"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("already stated by the rules"), "{stderr}");
    assert!(find(&all, "term", &[("001", "C5 1")]).is_some());
    assert!(
        find(&rest, "term", &[("001", "C5 1")]).is_none(),
        "c5-plus-one-name covers it"
    );
    assert!(
        find(&rest, "quantity", &[("000", "7500 km")]).is_none(),
        "the border rule covers it"
    );
}

#[test]
fn bad_input_is_one_clear_error_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let seed = |name: &str| root().join("seeds").join(name);
    std::fs::create_dir(d.join("empty")).unwrap();
    let (code, _, stderr) = discover(d, &["empty"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("empty") && stderr.contains("no articles"),
        "{stderr}"
    );

    std::fs::create_dir(d.join("one")).unwrap();
    std::fs::copy(seed("000_f4926741994e602a.txt"), d.join("one/a.txt")).unwrap();
    let (code, _, stderr) = discover(d, &["one"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("only one is") && stderr.contains("two articles or more"),
        "{stderr}"
    );

    // Without publication dates, date candidates are left out, with a note.
    std::fs::create_dir(d.join("undated")).unwrap();
    for (i, name) in ["000_f4926741994e602a.txt", "002_50daca0659fe37c6.txt"]
        .iter()
        .enumerate()
    {
        std::fs::copy(seed(name), d.join(format!("undated/{i}.txt"))).unwrap();
    }
    let (code, report, stderr) = discover(d, &["undated"]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("note: 2 of 2 articles have no publication date"),
        "{stderr}"
    );
    assert!(report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["kind"] != "date"));

    // A --write-rules path under a file, and an existing file without --force.
    std::fs::write(d.join("file"), "x").unwrap();
    let (code, _, stderr) = discover(d, &["undated", "--write-rules", "file/rules.toml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("file/rules.toml") && stderr.contains("is a file, not a folder"),
        "{stderr}"
    );
    std::fs::write(d.join("kept.toml"), "# mine\n").unwrap();
    let (code, _, stderr) = discover(d, &["undated", "--write-rules", "kept.toml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("kept.toml") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("kept.toml")).unwrap(),
        "# mine\n"
    );
    let (code, _, _) = discover(d, &["undated", "--write-rules", "kept.toml", "--force"]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(d.join("kept.toml"))
        .unwrap()
        .contains("[[fact]]"));
}

#[test]
fn output_is_the_same_on_one_thread_and_many() {
    // The survey reads articles in parallel and the comparer judges facts in
    // parallel: the candidates, their order and their mentions must not move.
    let (code1, one, _) = discover(&root(), &["seeds", "--threads", "1"]);
    let (code4, many, _) = discover(&root(), &["seeds", "--threads", "4"]);
    assert_eq!((code1, code4), (0, 0));
    assert!(!one["facts"].as_array().unwrap().is_empty());
    assert_eq!(one, many);
}
