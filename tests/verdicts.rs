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

/// `v` with every article path cut to its file name: reports name articles
/// by path, these tests by file.
fn by_file(v: Value) -> Value {
    match v {
        Value::String(s) if s.ends_with(".txt") && s.contains('/') => {
            Value::String(s.rsplit('/').next().unwrap_or_default().to_string())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(by_file).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, by_file(v))).collect()),
        other => other,
    }
}

/// The verdict of `id` on the articles `files` of event `slug`, with the
/// rules of `tests/fixtures/verdicts/<rules>.toml`, as JSON.
fn event(slug: &str, rules: &str, files: &[&str], id: &str) -> Value {
    let dir = root()
        .join("tests/fixtures/events")
        .join(slug)
        .join("articles");
    let report = check::run(&Options {
        corpus: files.iter().map(|f| dir.join(f)).collect(),
        rules: vec![root().join(format!("tests/fixtures/verdicts/{rules}.toml"))],
    })
    .unwrap();
    let v = report.facts.iter().find(|v| v.id == id).unwrap();
    by_file(serde_json::to_value(v).unwrap())
}

/// The verdict of `id` on the Ludian articles `files`, as JSON.
fn ludian(files: &[&str], id: &str) -> Value {
    event("ludian-earthquake-2014", "ludian-depth", files, id)
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

/// Yeti Airlines, Pokhara, 15 January 2023: four outlets say 10 foreigners
/// were on board, two say 15, the figure of the CAAN passenger list. The
/// majority repeats a wrong figure: the record decides, and the four are
/// the outliers, not the two that give it.
#[test]
fn the_record_decides_when_the_majority_repeats_another_figure() {
    let dir = root().join("tests/fixtures/events/yeti-pokhara-2023");
    let report = check::run(&Options {
        corpus: vec![dir.join("articles")],
        rules: vec![dir.join("rules.toml")],
    })
    .unwrap();
    let v = report
        .facts
        .iter()
        .find(|v| v.id == "foreigners-on-board")
        .unwrap();
    let v = by_file(serde_json::to_value(v).unwrap());
    assert_eq!(
        json!({
            "status": v["status"],
            "reference": v["reference"],
            "by_record": v["by_record"],
            "consensus": v["consensus"],
            "tie": v["tie"],
            "outliers": v["outliers"],
        }),
        json!({
            "status": "conflict",
            "reference": "mismatch",
            "by_record": true,
            "consensus": "15",
            "tie": false,
            "outliers": [
                "01-kashmirreader.txt",
                "02-businesstoday.txt",
                "03-orissadiary.txt",
                "04-indianawaaz.txt",
            ],
        })
    );
    // Without the record the same articles make a majority for 10.
    let rules = std::fs::read_to_string(dir.join("rules.toml"))
        .unwrap()
        .replace("expect = 15\n", "");
    let tmp = std::env::temp_dir().join(format!("factlint-yeti-{}.toml", std::process::id()));
    std::fs::write(&tmp, rules).unwrap();
    let report = check::run(&Options {
        corpus: vec![dir.join("articles")],
        rules: vec![tmp.clone()],
    })
    .unwrap();
    std::fs::remove_file(&tmp).unwrap();
    let v = report
        .facts
        .iter()
        .find(|v| v.id == "foreigners-on-board")
        .unwrap();
    assert_eq!(v.consensus.as_deref(), Some("10"));
    assert!(!v.by_record);
    assert_eq!(v.outliers.len(), 2);
}

/// In SARIF each side of a tie is a result whose related location is the
/// other side, never itself (it is not an outlier, so it is a candidate).
#[test]
fn each_side_of_a_tie_points_to_the_other_in_sarif() {
    let dir = root().join("tests/fixtures/events/ludian-earthquake-2014/articles");
    let report = check::run(&Options {
        corpus: ["01-inquirer-afp.txt", "08-china-daily.txt"]
            .iter()
            .map(|f| dir.join(f))
            .collect(),
        rules: vec![root().join("tests/fixtures/verdicts/ludian-depth.toml")],
    })
    .unwrap();
    let log = factlint::report::sarif::log(&report);
    let file = |loc: &Value| {
        let uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        uri.rsplit('/').next().unwrap()[..2].to_string()
    };
    let pairs: Vec<(String, Vec<String>)> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "quake-depth")
        .map(|r| {
            let related = r["relatedLocations"].as_array().unwrap();
            (file(&r["locations"][0]), related.iter().map(file).collect())
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("01".to_string(), vec!["08".to_string()]),
            ("08".to_string(), vec!["01".to_string()])
        ]
    );
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
    let v = by_file(serde_json::to_value(&report.facts[0]).unwrap());
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

#[test]
fn twelve_billion_dollars_rounded_agrees_with_eleven_point_seven() {
    // A new user's rule: "$12 billion" (±0.5 billion as written) was blamed
    // against "$11.7 billion" although the fact has a 5% tolerance.
    let v = event(
        "morocco-earthquake-2023",
        "morocco-money",
        &["15-africa-news-watch.txt", "17-north-africa-post.txt"],
        "reconstruction-plan",
    );
    assert_eq!(v["status"], "agree");
    let intervals: Vec<(String, f64, f64)> = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let i = &m["interval"];
            (
                m["value"].as_str().unwrap().to_string(),
                i["compared_lo"].as_f64().unwrap() / 1e9,
                i["compared_hi"].as_f64().unwrap() / 1e9,
            )
        })
        .collect();
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert_eq!(intervals.len(), 2);
    // 11.65–11.75 billion, then ±5%; 11.5–12.5 billion, then ±5%.
    assert_eq!(intervals[0].0, "USD 11.7 billion");
    assert!(close(intervals[0].1, 11.0675) && close(intervals[0].2, 12.3375));
    assert_eq!(intervals[1].0, "USD 12 billion");
    assert!(close(intervals[1].1, 10.925) && close(intervals[1].2, 13.125));
}

#[test]
fn hedged_round_numbers_are_as_precise_as_their_rounding() {
    // The Titan submersible (June 2023), as a new user tried it: "approximately
    // 1,600 feet" (487.7 m) and "about 500 metres" were a split with no
    // majority while each held last-digit precision (±0.5 ft, ±0.5 m). Round
    // under "about", they are ±50 ft and ±25 m (5 % of 500): they agree.
    let rules = RuleSet::load(&[root().join("tests/fixtures/verdicts/titan-debris.toml")]).unwrap();
    let text = |n: &str| format!("The debris was found {n} from the bow of the Titanic.\n");
    let report = check::check_articles(
        &rules,
        vec![
            article("us.txt", &text("approximately 1,600 feet")),
            article("uk.txt", &text("about 500 metres")),
        ],
    );
    let v = by_file(serde_json::to_value(&report.facts[0]).unwrap());
    assert_eq!(v["status"], "agree", "{v:#}");
    let precision: Vec<f64> = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["precision"].as_f64().unwrap())
        .collect();
    assert_eq!(precision.len(), 2);
    // Mentions in file order: uk.txt, then us.txt.
    assert!((precision[0] - 25.0).abs() < 1e-9, "{precision:?}");
    assert!((precision[1] - 50.0 * 0.3048).abs() < 1e-9, "{precision:?}");
    // Not hedged, the same figures keep the precision of their last digit
    // and conflict.
    let report = check::check_articles(
        &rules,
        vec![
            article("us.txt", &text("1,600 feet")),
            article("uk.txt", &text("500 metres")),
        ],
    );
    let v = serde_json::to_value(&report.facts[0]).unwrap();
    assert_eq!(v["status"], "conflict", "{v:#}");
}

#[test]
fn explain_prints_the_interval_actually_compared() {
    let dir = root().join("tests/fixtures/events/morocco-earthquake-2023");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(&dir)
        .args(["explain", "--no-config", "reconstruction-plan"])
        .args([
            "articles/15-africa-news-watch.txt",
            "articles/17-north-africa-post.txt",
        ])
        .args(["-r", "../../verdicts/morocco-money.toml"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "read as: USD 12 billion (exact); compared as between 10925000000 and 13125000000 (USD, base unit): 12000000000 widened by ±500000000 as written and the fact's tolerance ±5%",
        "read as: USD 11.7 billion (exact); compared as between 11067500000 and 12337500000 (USD, base unit): 11700000000 widened by ±50000000 as written and the fact's tolerance ±5%",
        "Verdict: agree",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

/// `explain` counts sources by path, as the comparer does: two articles
/// named `wire.txt` in two folders are two sources, not one.
#[test]
fn explain_counts_articles_with_one_file_name_as_two_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = tmp.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "articles/monday/wire.txt",
        "At the UN, 141 countries voted in favour.\n",
    );
    write(
        "articles/tuesday/wire.txt",
        "At the UN, 141 countries voted in favour.\n",
    );
    write("articles/c.txt", "Only 140 countries voted in favour.\n");
    write(
        "rules/r.toml",
        "[[fact]]\nid = \"un-vote\"\nclaim = \"141 countries voted in favour.\"\nkind = \"number\"\npatterns = ['(?P<value>{number})\\s+countries\\s+voted']\n",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(tmp.path())
        .args([
            "explain",
            "--no-config",
            "un-vote",
            "articles",
            "-r",
            "rules",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let want = "its group is the largest and a majority (2 of 3 sources). Outliers, with a value outside it: articles/c.txt";
    assert!(text.contains(want), "missing {want:?} in\n{text}");
}

/// Each mention of `v` as "NN value [as of] marks".
fn timeline(v: &Value) -> Vec<String> {
    v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let mut line = format!(
                "{} {}{} @{}",
                &m["source"].as_str().unwrap()[..2],
                m["bound"].as_str().unwrap_or(""),
                m["value"].as_str().unwrap(),
                m["as_of"]["date"].as_str().unwrap_or("?")
            );
            if let Some(t) = m["as_of"]["time"].as_str() {
                line.push_str(&format!(" {t}"));
            }
            for (flag, mark) in [
                ("superseded", " ↻"),
                ("outlier", " ✗"),
                ("self_contradiction", " ↯"),
            ] {
                if m[flag] == true {
                    line.push_str(mark);
                }
            }
            line
        })
        .collect()
}

#[test]
fn the_rising_ludian_toll_is_updated_with_617_the_newest() {
    let files = [
        "02-cntv-xinhua.txt",
        "07-asiaone-afp.txt",
        "08-china-daily.txt",
        "09-cbc-ap.txt",
        "12-cgtn-america.txt",
        "13-efe-globalpost.txt",
        "14-guardian-0806.txt",
        "15-shanghai-daily.txt",
        "16-scmp.txt",
    ];
    let v = event(
        "ludian-earthquake-2014",
        "ludian-toll",
        &files,
        "death-toll",
    );
    assert_eq!(v["status"], "updated");
    assert_eq!(v["changes"], "rises");
    assert_eq!(v["latest"], "617");
    assert_eq!(v["latest_sources"], json!(["16-scmp.txt"]));
    assert_eq!(v["outliers"], json!([]));
    assert_eq!(v["superseded"].as_array().unwrap().len(), 8);
    assert_eq!(
        timeline(&v),
        [
            "02 ≥175 @2014-08-04 ↻",
            "02 ≥175 @2014-08-04 ↻",
            "07 ≥367 @2014-08-04 ↻",
            "07 ≥367 @2014-08-04 ↻",
            "07 >367 @2014-08-04 ↻",
            "07 ≥367 @2014-08-04 ↻",
            "08 ≥381 @2014-08-04 ↻",
            "08 381 @2014-08-04 ↻",
            "09 ≥398 @2014-08-04 ↻",
            "09 ≥398 @2014-08-04 ↻",
            "12 >400 @2014-08-05 ↻",
            "12 >400 @2014-08-05 ↻",
            "13 410 @2014-08-05 ↻",
            "13 410 @2014-08-05 ↻",
            // "At least 589 people were confirmed dead by Wednesday morning";
            // "a toll of 410 given on Tuesday": not a self-contradiction.
            "14 ≥589 @2014-08-06 09:00 ↻",
            "14 410 @2014-08-05 ↻",
            "15 589 @2014-08-07 ↻",
            "15 ≈600 @2014-08-07 ↻",
            "15 ≥589 @2014-08-06 09:00 ↻",
            "16 617 @2014-08-19",
        ]
    );
}

#[test]
fn a_stale_injured_count_and_a_same_day_split_are_conflicts() {
    let files = [
        "10-nexus-newsfeed.txt",
        "11-menafn-petra-0911.txt",
        "12-sharjah24-wam.txt",
        "13-menafn-petra-0914.txt",
        "14-news-central.txt",
        "16-ena-efe.txt",
    ];
    let v = event(
        "morocco-earthquake-2023",
        "morocco-injured",
        &files,
        "injured",
    );
    assert_eq!(v["status"], "conflict");
    // 2681 (11 Sept) then 2,562 (12 Sept): one against one, both named;
    // 5,500 on 23 Sept after 5,674 and "over 5,600" on the 14th.
    assert_eq!(
        v["outliers"],
        json!([
            "11-menafn-petra-0911.txt",
            "12-sharjah24-wam.txt",
            "16-ena-efe.txt"
        ])
    );
    assert_eq!(
        timeline(&v),
        [
            "10 2501 @2023-09-11 ↻",
            "11 2681 @2023-09-11 ↻ ✗",
            "12 2562 @2023-09-12 ↻ ✗",
            "13 5674 @2023-09-14",
            "14 >5600 @2023-09-14 ↻",
            "16 5500 @2023-09-23 ✗",
        ]
    );
}

/// A temporary folder holding two Ludian articles of 4 August: China Daily
/// (381) and CBC/AP ("at least 398"), for manifests written by each test.
fn china_daily_and_ap(tag: &str) -> PathBuf {
    let src = root().join("tests/fixtures/events/ludian-earthquake-2014/articles");
    let dir = std::env::temp_dir().join(format!("factlint-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["08-china-daily.txt", "09-cbc-ap.txt"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    dir
}

#[test]
fn publication_times_in_the_manifest_order_figures_of_one_day() {
    // Two Ludian articles of 4 August: 381 (China Daily) and 398 (CBC/AP).
    // By date alone the rise is taken as read; with times that put 381
    // after 398, the later figure falls: a conflict.
    let dir = china_daily_and_ap("verdicts");
    let run = |manifest: &str| {
        std::fs::write(dir.join("sources.toml"), manifest).unwrap();
        let report = check::run(&Options {
            corpus: vec![dir.clone()],
            rules: vec![root().join("tests/fixtures/verdicts/ludian-toll.toml")],
        })
        .unwrap();
        by_file(serde_json::to_value(&report.facts[0]).unwrap())
    };
    let dated = run("[[source]]\nfile = \"08-china-daily.txt\"\npublished = 2014-08-04\n\n[[source]]\nfile = \"09-cbc-ap.txt\"\npublished = 2014-08-04\n");
    assert_eq!(dated["status"], "updated");
    assert_eq!(dated["latest"], "≥398");
    let timed = run("[[source]]\nfile = \"08-china-daily.txt\"\npublished = 2014-08-04T20:00:00+08:00\n\n[[source]]\nfile = \"09-cbc-ap.txt\"\npublished = 2014-08-04T04:00:00-04:00\n");
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(timed["status"], "conflict");
    // China Daily's exact 381 at 20:00 Beijing time comes after AP's "at
    // least 398" at 16:00: it is in both conflicting pairs.
    assert_eq!(timed["outliers"], json!(["08-china-daily.txt"]));
    let at: Vec<&str> = timed["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["as_of"]["utc"].as_str().unwrap())
        .collect();
    assert_eq!(
        at,
        [
            "2014-08-04T12:00:00Z",
            "2014-08-04T12:00:00Z",
            "2014-08-04T08:00:00Z",
            "2014-08-04T08:00:00Z"
        ]
    );
}

#[test]
fn two_tolls_for_one_instant_are_a_conflict_but_one_day_is_not_one_moment() {
    // China Daily's 381 and CBC/AP's "at least 398", both of 4 August. With
    // one publication instant for both, the two figures stand for the same
    // moment: a conflict, with no newest value and nothing superseded.
    // With the day alone, the rise within the day is taken as read, and
    // under `any` (no direction to order them by) it is a conflict.
    let dir = china_daily_and_ap("instant");
    let manifest = |published: &str| {
        format!("[[source]]\nfile = \"08-china-daily.txt\"\npublished = {published}\n\n[[source]]\nfile = \"09-cbc-ap.txt\"\npublished = {published}\n")
    };
    let run = |manifest: &str, rules: &str| {
        std::fs::write(dir.join("sources.toml"), manifest).unwrap();
        let rules_file = dir.join("rules.toml");
        std::fs::write(&rules_file, rules).unwrap();
        let report = check::run(&Options {
            corpus: vec![dir.join("08-china-daily.txt"), dir.join("09-cbc-ap.txt")],
            rules: vec![rules_file],
        })
        .unwrap();
        by_file(serde_json::to_value(&report.facts[0]).unwrap())
    };
    let rises =
        std::fs::read_to_string(root().join("tests/fixtures/verdicts/ludian-toll.toml")).unwrap();
    let any = rises.replace("changes = \"rises\"", "changes = \"any\"");
    assert_ne!(rises, any);

    let instant = run(&manifest("2014-08-04T20:00:00+08:00"), &rises);
    assert_eq!(instant["status"], "conflict");
    assert_eq!(instant["latest"], Value::Null);
    assert_eq!(instant["superseded"], Value::Null);
    // China Daily's exact 381 is below both of AP's "at least 398" at the
    // same instant (its own "at least 381" agrees with them): it is in the
    // most conflicting pairs, so it is the one blamed.
    assert_eq!(instant["outliers"], json!(["08-china-daily.txt"]));
    assert_eq!(
        timeline(&instant),
        [
            "08 ≥381 @2014-08-04 20:00",
            "08 381 @2014-08-04 20:00 ✗",
            "09 ≥398 @2014-08-04 20:00",
            "09 ≥398 @2014-08-04 20:00",
        ]
    );

    let day = run(&manifest("2014-08-04"), &rises);
    assert_eq!(day["status"], "updated");
    assert_eq!(day["latest"], "≥398");
    assert_eq!(day["superseded"], json!(["08-china-daily.txt"]));

    let unordered = run(&manifest("2014-08-04"), &any);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(unordered["status"], "conflict");
    assert_eq!(unordered["latest"], Value::Null);
    assert_eq!(unordered["outliers"], json!(["08-china-daily.txt"]));
}

/// The verdicts of the Istanbul trilateral's name facts, all articles.
fn trilateral(id: &str, subject: Option<&str>) -> Value {
    let dir = root().join("tests/fixtures/events/trilateral-istanbul-2021/articles");
    let report = check::run(&Options {
        corpus: vec![dir],
        rules: vec![root().join("tests/fixtures/verdicts/trilateral-names.toml")],
    })
    .unwrap();
    let v = report
        .facts
        .iter()
        .find(|v| v.id == id && v.subject.as_deref() == subject)
        .unwrap();
    by_file(serde_json::to_value(v).unwrap())
}

fn short(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap()[..2].to_string())
        .collect()
}

#[test]
fn the_spelling_of_record_is_the_reference_and_accents_follow_house_style() {
    // Strict: only 04's "H.E. Çavuşoğlu" spells the record; it is never the
    // outlier, and its bare surname does not stand for the record.
    let strict = trilateral("cavusoglu-strict", None);
    assert_eq!(strict["status"], "conflict");
    assert_eq!(strict["consensus"], "Mevlüt Çavuşoğlu");
    assert_eq!(
        short(&strict["outliers"]),
        ["01", "02", "03", "05", "06", "07", "08", "09", "10", "12"]
    );
    // House style without diacritics: one person, one spelling.
    let ignore = trilateral("cavusoglu-house-style", None);
    assert_eq!(
        (ignore["status"].as_str(), ignore["reference"].as_str()),
        (Some("agree"), Some("match"))
    );
    // No record: the majority's full name, not the bare "Cavusoglu" of its group.
    let wires = trilateral("cavusoglu-no-record", None);
    assert_eq!(wires["consensus"], "Mevlut Cavusoglu");
    assert_eq!(
        wires["groups"][0]["values"],
        json!(["Cavusoglu", "Mevlut Cavusoglu"])
    );
    assert_eq!(short(&wires["outliers"]), ["01", "04", "09", "10"]);
}

#[test]
fn makhdoom_is_an_honorific_not_a_given_name_or_a_title() {
    let name = trilateral("qureshi", None);
    // ARY (05) and Daily Times (10) write "Makhdoom Shah Mahmood Qureshi":
    // read as the record spelling. The outliers are the "Shan" typo (06,
    // 07, 10), BOL's "Mehmood" (02) and the Afghan ministry's "Quraishi"
    // (12), spellings other than the record's.
    assert_eq!(name["consensus"], "Shah Mahmood Qureshi");
    assert_eq!(short(&name["outliers"]), ["02", "06", "07", "10", "12"]);
    let ary: Vec<&str> = name["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["source"] == "05-ary-news.txt")
        .map(|m| m["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        ary,
        [
            "Shah Mahmood Qureshi",
            "Shah Mahmood Qureshi",
            "Qureshi",
            "Shah Mahmood Qureshi"
        ]
    );
    // "Foreign Minister Makhdoom Shah Mahmood Qureshi": the title is "Foreign Minister".
    let title = trilateral("qureshi", Some("title"));
    assert_eq!(
        short(&title["outliers"]),
        ["11"],
        "only “Minister for Foreign Affairs” differs (“Pakistani Foreign Minister” is the office of Pakistan)"
    );
}

#[test]
fn said_friday_s_meeting_would_is_the_coming_friday_in_business_recorder() {
    let path = root()
        .join("tests/fixtures/events/trilateral-istanbul-2021/articles/01-business-recorder.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let published = "2021-04-22".parse().unwrap();
    let fridays: Vec<(String, String)> = factlint::normalize::date::find(&text, Some(published))
        .into_iter()
        .filter(|f| f.text.starts_with("Friday"))
        .map(|f| {
            (
                f.value.value.clone(),
                f.value.note.clone().unwrap_or_default(),
            )
        })
        .collect();
    // "will arrive in Turkey on Friday", "will hold a trilateral meeting on
    // Friday after a wider Afghan peace conference was postponed" (the
    // "was" is the subordinate clause's), "said Friday's three-way meeting
    // would cover": all 23 April.
    assert_eq!(fridays.len(), 3, "{fridays:?}");
    assert!(
        fridays.iter().all(|(v, _)| v == "2021-04-23"),
        "{fridays:?}"
    );
    assert!(
        fridays[2].1.contains("reported speech: 'said … would'"),
        "{fridays:?}"
    );
}

#[test]
fn an_updated_toll_is_shown_in_every_format_and_fails_only_when_asked() {
    // The nine Ludian articles whose toll rises 175 → 617, through the CLI.
    let dir = root().join("tests/fixtures/events/ludian-earthquake-2014/articles");
    let files = [
        "02-cntv-xinhua.txt",
        "07-asiaone-afp.txt",
        "08-china-daily.txt",
        "09-cbc-ap.txt",
        "12-cgtn-america.txt",
        "13-efe-globalpost.txt",
        "14-guardian-0806.txt",
        "15-shanghai-daily.txt",
        "16-scmp.txt",
    ];
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
            .current_dir(&dir)
            .arg("check")
            .args(files)
            .arg("--rules")
            .arg(root().join("tests/fixtures/verdicts/ludian-toll.toml"))
            .args(["--no-config", "--no-progress"])
            .args(extra)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let summary = "1 fact in 9 articles: 0 conflicts, 0 reference mismatches, 0 agree, 0 single-source, 0 missing, 1 updated";

    let (code, table) = run(&["--format", "table"]);
    assert_eq!(code, Some(0));
    assert!(
        table.contains("↑ newest 617 (16-scmp.txt); superseded: 02-cntv-xinhua.txt,"),
        "{table}"
    );
    assert!(
        table.contains("02-cntv-xinhua.txt:1 ≥175 “At least 175” ↻"),
        "{table}"
    );
    assert!(table.contains(summary), "{table}");

    let (code, md) = run(&["--format", "markdown"]);
    assert_eq!(code, Some(0));
    // Bounds as written, in the row of values by source.
    assert!(
        md.contains("| `death-toll` | ≥175 | ≥367<br>&gt;367<br>≥367 | ≥381<br>381 | ≥398 | &gt;400 | 410 |"),
        "{md}"
    );
    assert!(
        md.contains("updated: ↑ newest 617 (South China Morning Post); superseded: CNTV (Xinhua wire story), AsiaOne (AFP wire story)"),
        "{md}"
    );

    let (code, json) = run(&["--format", "json"]);
    assert_eq!(code, Some(0));
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["facts"][0]["status"], "updated");
    let first = &json["facts"][0]["mentions"][0];
    assert_eq!(first["bound"], "≥");
    assert_eq!(first["interval"]["lo"], 175.0);
    assert_eq!(first["interval"]["hi"], "inf");
    assert_eq!(first["superseded"], true);
    assert_eq!(json["summary"]["updated"], 1);
    assert_eq!(json["summary"]["conflict"], 0);

    for format in ["concise", "github"] {
        let (code, out) = run(&["--format", format]);
        assert_eq!(code, Some(0), "{format}");
        assert!(out.contains(summary), "{format}: {out}");
    }

    // SARIF lists contradictions: an update is none.
    let (code, sarif) = run(&["--format", "sarif"]);
    assert_eq!(code, Some(0));
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(sarif["runs"][0]["results"], json!([]));

    let (code, _) = run(&["--format", "json", "--fail-on", "updated"]);
    assert_eq!(code, Some(1));
}
