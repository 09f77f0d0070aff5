//! End-to-end checks of the `name`, `choice` and `term` kinds through the
//! binary's JSON output: the contradictions the seed articles hold, and no
//! false matches in `tests/fixtures/similar-names/` (articles written for
//! this test: the wine Tokay, a Tokarev pistol, a chess coach named Nurlan
//! Tokayev, three men named Rahman, Foreign Minister Saidov, the writer Lu
//! Xun, and one control article that names Tokayev and Tleuberdi correctly).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

fn check(corpus: &str) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", corpus, "--rules", "rules", "--format", "json"])
        .output()
        .expect("run factlint");
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), json)
}

/// The verdict on `id` (and `subject`).
fn verdict<'a>(report: &'a Value, id: &str, subject: Option<&str>) -> &'a Value {
    report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id && f["subject"].as_str() == subject)
        .unwrap_or_else(|| panic!("no verdict for {id} {subject:?}"))
}

/// Article number ("000") → the distinct values it gives.
fn values(v: &Value) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in v["mentions"].as_array().unwrap() {
        let source = m["source"].as_str().unwrap()[..3].to_string();
        out.entry(source)
            .or_default()
            .insert(m["value"].as_str().unwrap().to_string());
    }
    out
}

fn outliers(v: &Value) -> Vec<String> {
    v["outliers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let path = o.as_str().unwrap();
            let file = path.rsplit('/').next().unwrap();
            file[..3].to_string()
        })
        .collect()
}

fn map(pairs: &[(&str, &[&str])]) -> BTreeMap<String, BTreeSet<String>> {
    pairs
        .iter()
        .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
        .collect()
}

#[test]
fn seed_articles_spell_names_differently_and_disagree_on_turkmenistan() {
    let (code, report) = check("seeds");
    assert_eq!(code, 1, "contradictions exit with 1");

    let tokayev = verdict(&report, "president-tokayev", None);
    assert_eq!(
        (tokayev["status"].as_str(), tokayev["reference"].as_str()),
        (Some("conflict"), Some("mismatch"))
    );
    assert_eq!(
        values(tokayev),
        map(&[
            ("000", &["Kassym-Jomart Tokaïev"]),
            ("001", &["Kasim-Yomart Tokayev"]),
            ("002", &["Kassym-Jomart Tokayev"]),
            ("003", &["Kassym-Jomart Tokayev", "Tokayev"]),
            ("004", &["Kassym-Jomart Tokayev"]),
        ])
    );
    assert_eq!(tokayev["consensus"], "Kassym-Jomart Tokayev");
    assert_eq!(outliers(tokayev), ["000", "001"]);
    let note = tokayev["mentions"][0]["note"].as_str().unwrap();
    assert!(
        note.contains("Tokaïev for Tokayev") && note.contains("similarity 0.95"),
        "{note}"
    );

    let tleuberdi = verdict(&report, "foreign-minister-tleuberdi", None);
    assert_eq!(tleuberdi["status"], "conflict");
    assert_eq!(
        values(tleuberdi),
        map(&[
            ("001", &["Mukhtar Tleuberdi"]),
            ("002", &["Mukhtar Tleouberdi"]),
            ("004", &["Mukhtar Tileuberdi", "Tileuberdi"])
        ])
    );
    // One source each for three spellings, one of them the spelling of
    // record: the record is the reference, the two others are the outliers.
    assert_eq!(tleuberdi["tie"], false);
    assert_eq!(tleuberdi["consensus"], "Mukhtar Tleuberdi");
    assert_eq!(outliers(tleuberdi), ["002", "004"]);

    let rahmon = verdict(&report, "president-rahmon", None);
    assert_eq!(rahmon["status"], "conflict");
    assert_eq!(
        values(rahmon),
        map(&[("000", &["Emomali Rakhmon"]), ("003", &["Emomali Rahmon"])])
    );
    // One against one, but 003 spells it as the record does.
    assert_eq!(rahmon["tie"], false);
    assert_eq!(outliers(rahmon), ["000"]);

    let mirziyoyev = verdict(&report, "president-mirziyoyev", None);
    assert_eq!(
        (
            mirziyoyev["status"].as_str(),
            mirziyoyev["reference"].as_str()
        ),
        (Some("single"), Some("mismatch"))
    );
    assert_eq!(values(mirziyoyev), map(&[("001", &["Shavkat Mirziyóyev"])]));

    let lu = verdict(&report, "donald-lu", None);
    assert_eq!(
        (lu["status"].as_str(), lu["reference"].as_str()),
        (Some("agree"), Some("match"))
    );
    assert_eq!(
        values(lu).keys().cloned().collect::<Vec<_>>(),
        ["001", "002", "003"]
    );
    let title = verdict(&report, "donald-lu", Some("title"));
    assert_eq!(
        (title["status"].as_str(), title["reference"].as_str()),
        (Some("single"), Some("mismatch"))
    );
    assert_eq!(
        values(title),
        map(&[(
            "001",
            &["Under Secretary of State for South and Central Asian Affairs"]
        )])
    );
    assert_eq!(
        title["expected"],
        "Assistant Secretary of State for South and Central Asian Affairs"
    );

    let turkmenistan = verdict(&report, "un-vote-by-country", Some("Turkmenistan"));
    assert_eq!(
        (
            turkmenistan["status"].as_str(),
            turkmenistan["reference"].as_str()
        ),
        (Some("conflict"), Some("mismatch"))
    );
    assert_eq!(
        values(turkmenistan),
        map(&[
            ("000", &["abstained_or_absent"]),
            ("001", &["did_not_vote"]),
            ("002", &["abstained_or_absent"]),
            ("003", &["abstained_or_absent"]),
            ("004", &["abstained"]),
        ])
    );
    // "abstained" (004) and "did not vote" (001) each stand with the three
    // "abstained or absent" sources: 4 vs 4, no majority. Four of them agree
    // with the record (Turkmenistan did not vote), so the record decides:
    // 004's "abstained" is the outlier.
    assert_eq!(turkmenistan["consensus"], "did_not_vote");
    assert_eq!(turkmenistan["by_record"], true);
    assert_eq!(turkmenistan["tie"], false);
    assert_eq!(outliers(turkmenistan), vec!["004"]);
    for member in ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan"] {
        let v = verdict(&report, "un-vote-by-country", Some(member));
        assert_eq!(
            (v["status"].as_str(), v["reference"].as_str()),
            (Some("agree"), Some("match")),
            "{member}"
        );
        assert_eq!(
            values(v)["001"],
            ["abstained".to_string()].into(),
            "{member}"
        );
        assert_eq!(
            values(v).len(),
            5,
            "{member}: every article speaks of the vote"
        );
    }

    let c5 = verdict(&report, "c5-plus-one-name", None);
    assert_eq!(values(c5), map(&[("001", &["C5 1"]), ("004", &["C5+1"])]));
    assert!(c5["mentions"][0]["note"]
        .as_str()
        .unwrap()
        .contains("plus sign lost"));
}

#[test]
fn similar_names_are_not_matched() {
    let (_, report) = check("tests/fixtures/similar-names");
    let mut found = BTreeSet::new();
    for f in report["facts"].as_array().unwrap() {
        if ["name", "choice", "term"].contains(&f["kind"].as_str().unwrap()) {
            for m in f["mentions"].as_array().unwrap() {
                found.insert(format!(
                    "{} {}: {}",
                    f["id"].as_str().unwrap(),
                    m["source"].as_str().unwrap(),
                    m["text"]
                ));
            }
        }
    }
    let want: BTreeSet<String> = [
        // The fixture's other foreign minister is found as himself, never as Tleuberdi.
        "foreign-minister-saidov 03_ministers.txt: \"Bakhtiyor Saidov\"",
        "foreign-minister-tleuberdi 04_control.txt: \"Mukhtar Tleuberdi\"",
        "president-tokayev 04_control.txt: \"Kassym-Jomart Tokayev\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(found, want);
    assert_eq!(
        verdict(&report, "president-tokayev", None)["reference"],
        "match"
    );
}

fn load(rule: &str) -> Result<Vec<factlint::rules::Fact>, String> {
    factlint::rules::parse_file(std::path::Path::new("test.toml"), rule).map_err(|e| e.to_string())
}

#[test]
fn only_kinds_that_find_values_themselves_may_leave_out_patterns() {
    let err = load("[[fact]]\nid = \"n\"\nclaim = \"c\"\nkind = \"number\"\n").unwrap_err();
    assert!(
        err.starts_with("test.toml:2:6: fact `n` has no cues and no patterns"),
        "{err}"
    );
    let name =
        load("[[fact]]\nid = \"lu\"\nclaim = \"c\"\nkind = \"name\"\ncanonical = \"Donald Lu\"\n")
            .unwrap();
    assert!(name[0].patterns.is_empty());
    let term = load("[[fact]]\nid = \"t\"\nclaim = \"c\"\nkind = \"term\"\ncanonical = \"C5+1\"\n")
        .unwrap();
    assert_eq!(
        term[0].patterns[0].regex.as_str(),
        r"(?P<value>\b(?:C[\s\-‐–+&/]{0,3}5[\s\-‐–+&/]{0,3}1)\b)"
    );
}

#[test]
fn expected_values_per_subject_name_known_subjects() {
    let rule = |expect: &str| {
        format!(
            "[[fact]]\nid = \"v\"\nclaim = \"c\"\nkind = \"choice\"\nmembers = [\"Kazakhstan\", \"Turkmenistan\"]\nexpect = {expect}\n[fact.values]\nabstained = [\"abstained\"]\ndid_not_vote = [\"did not vote\"]\n"
        )
    };
    let facts = load(&rule(
        "{ Kazakhstan = \"abstained\", Turkmenistan = \"did not vote\" }",
    ))
    .unwrap();
    let expect: Vec<(Option<&str>, &str)> = facts[0]
        .expect
        .iter()
        .map(|e| (e.subject.as_deref(), e.value.as_str()))
        .collect();
    assert_eq!(
        expect,
        [
            (Some("Kazakhstan"), "abstained"),
            (Some("Turkmenistan"), "did_not_vote")
        ]
    );
    let err = load(&rule("{ Turkmenstan = \"abstained\" }")).unwrap_err();
    assert!(
        err.contains(
            "`Turkmenstan`, which is not one of this fact's subjects (Kazakhstan, Turkmenistan)"
        ),
        "{err}"
    );
}

#[test]
fn bundled_corpus_tests_pass() {
    // rules/blinken-people-and-votes.tests.toml: transliterations, namesakes,
    // role anchors, group expansion and titles on small inline corpora.
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["rules", "test", "--no-config", "rules"])
        .output()
        .expect("run factlint");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.trim_end().ends_with("corpus tests: 0 failures"),
        "{stdout}"
    );
    let corpus_tests: usize = stdout
        .split(", ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(corpus_tests >= 5, "{stdout}");
}

#[test]
fn acronym_rule_examples_and_corpus_test_pass() {
    // tests/fixtures/acronym: `acronym = "HLSCC"` agrees with the spelled-out
    // council; "HLSC" (a letter dropped) is the outlier.
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acronym"),
        )
        .args(["rules", "test", "--no-config", "rules"])
        .output()
        .expect("run factlint");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout.trim_end(), "4 examples, 1 corpus tests: 0 failures");
}
