//! Verdicts on real news (issue 13): precision kept through conversion, the
//! consensus as the largest group of compatible values with one vote per
//! source, ties reported as ties, and articles that contradict themselves.
//! The expected verdicts are written out here, as snapshots.

use factlint::check::{self, Options};
use factlint::corpus::{Article, Source};
use factlint::rules::RuleSet;
use serde_json::{json, Value};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The verdict of `id` on the Ludian articles `files`, as JSON.
fn ludian(files: &[&str], id: &str) -> Value {
    let dir = root().join("tests/fixtures/events/ludian-earthquake-2014/articles");
    let report = check::run(&Options {
        corpus: files.iter().map(|f| dir.join(f)).collect(),
        rules: vec![root().join("tests/fixtures/verdicts/ludian-depth.toml")],
    })
    .unwrap();
    let v = report.facts.iter().find(|v| v.id == id).unwrap();
    serde_json::to_value(v).unwrap()
}

/// The parts of a verdict this test pins down.
fn verdict(v: &Value) -> Value {
    json!({
        "status": v["status"],
        "consensus": v["consensus"],
        "tie": v["tie"],
        "outliers": v["outliers"],
        "groups": v["groups"],
        "values": v["mentions"].as_array().unwrap().iter()
            .map(|m| format!("{} {}", &m["source"].as_str().unwrap()[..2], m["value"].as_str().unwrap()))
            .collect::<Vec<_>>(),
    })
}

#[test]
fn six_miles_agree_with_ten_kilometers_and_the_usgs_figure_has_the_majority() {
    // AP's "6 miles" is USGS's 10 km rounded; CENC said 12 km.
    let v = ludian(
        &[
            "01-inquirer-afp.txt",
            "02-cntv-xinhua.txt",
            "05-triblive-ap.txt",
            "07-asiaone-afp.txt",
            "08-china-daily.txt",
        ],
        "quake-depth",
    );
    assert_eq!(
        verdict(&v),
        json!({
            "status": "conflict",
            "consensus": "10 km",
            "tie": false,
            "outliers": ["02-cntv-xinhua.txt", "08-china-daily.txt"],
            "groups": [
                {"value": "10 km", "values": ["10 km", "9.7 km"],
                 "sources": ["01-inquirer-afp.txt", "05-triblive-ap.txt", "07-asiaone-afp.txt"]},
                {"value": "12 km", "values": ["12 km"],
                 "sources": ["02-cntv-xinhua.txt", "08-china-daily.txt"]},
            ],
            "values": ["01 10 km", "02 12 km", "05 9.7 km", "07 10 km", "08 12 km"],
        })
    );
    let six = &v["mentions"][2];
    assert_eq!(six["text"], "6 miles");
    assert_eq!(
        six["interval"]["compared_lo"].as_f64().map(f64::round),
        Some(8851.0)
    );
    assert_eq!(
        six["interval"]["compared_hi"].as_f64().map(f64::round),
        Some(10461.0)
    );
}

#[test]
fn one_outlet_against_one_is_a_tie() {
    let v = ludian(
        &["01-inquirer-afp.txt", "08-china-daily.txt"],
        "quake-depth",
    );
    assert_eq!(
        verdict(&v),
        json!({
            "status": "conflict",
            "consensus": null,
            "tie": true,
            "outliers": [],
            "groups": [
                {"value": "10 km", "values": ["10 km"], "sources": ["01-inquirer-afp.txt"]},
                {"value": "12 km", "values": ["12 km"], "sources": ["08-china-daily.txt"]},
            ],
            "values": ["01 10 km", "08 12 km"],
        })
    );
    assert!(v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["tied"] == true));
}

fn article(file: &str, text: &str) -> Article {
    Article {
        source: Source {
            file: file.into(),
            path: format!("articles/{file}"),
            ..Source::default()
        },
        text: text.into(),
        body_start: 0,
    }
}

#[test]
fn an_article_that_gives_two_depths_contradicts_itself() {
    let rules = RuleSet::load(&[root().join("tests/fixtures/verdicts/ludian-depth.toml")]).unwrap();
    let report = check::check_articles(
        &rules,
        vec![
            article(
                "a.txt",
                "It struck at a depth of 10 km. Later, officials gave a depth of 25 km.\n",
            ),
            article("b.txt", "The quake hit at a depth of 10 kilometers.\n"),
            article("c.txt", "It struck at a depth of 6 miles.\n"),
        ],
    );
    let v = serde_json::to_value(&report.facts[0]).unwrap();
    assert_eq!(v["status"], "conflict");
    assert_eq!(v["self_contradictions"], json!(["a.txt"]));
    assert_eq!(v["consensus"], "10 km");
    assert_eq!(v["outliers"], json!(["a.txt"]));
    let flagged: Vec<(&str, bool)> = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["value"].as_str().unwrap(),
                m["self_contradiction"] == true,
            )
        })
        .collect();
    assert_eq!(
        flagged,
        [
            ("10 km", true),
            ("25 km", true),
            ("10 km", false),
            ("9.7 km", false)
        ]
    );
    let message = factlint::report::labels::message(&report.facts[0], &report.facts[0].mentions[1]);
    assert!(
        message.contains("contradicts its own article, which also gives 10 km"),
        "{message}"
    );
}
