//! Conformance against Recognizers-Text's English number specs (MIT, copied
//! under tests/specs/recognizers-text with their README): each case's input
//! goes through the library finder of the matching kind (`Kind::find`, what
//! `factlint normalize` prints) and passes when the values found are exactly
//! the expected ones: same text (lower-cased), same character span, same
//! value, same unit or currency. Cases the .NET implementation does not
//! support, and cases outside factlint's scope, are skipped by named
//! category and counted. The test fails when a file's pass count drops below
//! the figure committed in docs/conformance-numbers.md.

use factlint::normalize::{self, Found};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;

const SPECS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/specs/recognizers-text/Specs/"
);
const BASELINE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/conformance-numbers.md");

/// Spec file, factlint kind.
const FILES: &[(&str, &str)] = &[
    ("Number/English/NumberModel.json", "number"),
    ("Number/English/PercentModel.json", "percent"),
    ("NumberWithUnit/English/CurrencyModel.json", "money"),
    ("NumberWithUnit/English/DimensionModel.json", "quantity"),
];

/// Dimensions factlint reads (the unit table in src/normalize/units.rs).
const DIMENSIONS: &[&str] = &[
    "Length",
    "Area",
    "Weight",
    "Volume",
    "Speed",
    "Information",
    "Angle",
];

/// Why a case is not counted, or None when it is.
fn skip(kind: &str, case: &Value) -> Option<&'static str> {
    let not_supported = case["NotSupported"].as_str().unwrap_or("");
    if not_supported.split(',').any(|p| p.trim() == "dotnet") {
        return Some("not supported by the .NET implementation");
    }
    let results = case["Results"].as_array()?;
    let unit_of = |r: &Value| r["Resolution"]["unit"].as_str().unwrap_or("").to_string();
    let no_value = |r: &Value| {
        matches!(&r["Resolution"]["value"], Value::Null) || r["Resolution"]["value"] == "null"
    };
    if results.iter().any(no_value) {
        return Some("a unit, currency or percent word without a number");
    }
    match kind {
        "quantity" => {
            if results
                .iter()
                .any(|r| !DIMENSIONS.contains(&r["Resolution"]["subtype"].as_str().unwrap_or("")))
            {
                return Some("dimension outside factlint (temperature)");
            }
            if results.iter().any(|r| unit_names(&unit_of(r)).is_none()) {
                return Some("unit outside factlint's table");
            }
            None
        }
        "money"
            if results
                .iter()
                .any(|r| !normalize::money::known_name(&unit_of(r))) =>
        {
            Some("currency outside factlint's table")
        }
        _ => None,
    }
}

/// The factlint unit symbols a spec unit name may be reported as.
fn unit_names(spec: &str) -> Option<Vec<&'static str>> {
    if spec == "Ton" {
        return Some(vec!["ton", "t"]);
    }
    normalize::units::UNITS
        .iter()
        .find(|u| u.name == spec)
        .map(|u| vec![u.symbol])
}

fn number(v: &Value) -> Option<f64> {
    let s = v.as_str()?;
    s.trim_end_matches('%').parse().ok()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9) || (a - b).abs() < 1e-12
}

/// Whether one expected result is the value factlint found.
fn same(kind: &str, want: &Value, got: &Found) -> bool {
    let text = want["Text"].as_str().unwrap_or("");
    let start = want["Start"].as_u64().unwrap_or(0) as usize;
    let end = want["End"].as_u64().unwrap_or(0) as usize + 1;
    if got.text.to_lowercase() != text || got.start != start || got.end != end {
        return false;
    }
    let Some(value) = number(&want["Resolution"]["value"]) else {
        return false;
    };
    let found = got
        .extra
        .get("number")
        .and_then(Value::as_f64)
        .or_else(|| got.value.value.parse().ok());
    if !found.is_some_and(|f| close(f, value)) {
        return false;
    }
    let unit = want["Resolution"]["unit"].as_str().unwrap_or("");
    match kind {
        "quantity" => {
            let ours = got.extra.get("unit").and_then(Value::as_str).unwrap_or("");
            unit_names(unit).is_some_and(|names| names.contains(&ours))
        }
        "money" => got.extra.get("currency_name").and_then(Value::as_str) == Some(unit),
        _ => true,
    }
}

#[derive(Default, Debug)]
struct Tally {
    total: usize,
    passed: usize,
    skipped: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

fn run(file: &str, kind_name: &str) -> Tally {
    let text = std::fs::read_to_string(format!("{SPECS}{file}")).expect("spec file");
    let cases: Vec<Value> =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("spec JSON");
    let kind = normalize::kind(kind_name).expect("kind");
    let mut tally = Tally {
        total: cases.len(),
        ..Tally::default()
    };
    for case in &cases {
        if let Some(why) = skip(kind_name, case) {
            *tally.skipped.entry(why).or_default() += 1;
            continue;
        }
        let input = case["Input"].as_str().unwrap_or("");
        let found = kind.find(input, None).expect("the kind searches free text");
        let want = case["Results"].as_array().cloned().unwrap_or_default();
        if want.len() == found.len() && want.iter().zip(&found).all(|(w, g)| same(kind_name, w, g))
        {
            tally.passed += 1;
        } else {
            let got: Vec<String> = found
                .iter()
                .map(|f| {
                    format!(
                        "{:?}@{}..{}={}{:?}",
                        f.text, f.start, f.end, f.value.value, f.extra
                    )
                })
                .collect();
            let want: Vec<String> = want
                .iter()
                .map(|w| {
                    format!(
                        "{}@{}..{}={}",
                        w["Text"], w["Start"], w["End"], w["Resolution"]
                    )
                })
                .collect();
            tally
                .failures
                .push(format!("{input:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    tally
}

/// Committed pass counts: rows `| <file> | <passed> | …` of docs/conformance-numbers.md.
fn baseline() -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(BASELINE).expect("docs/conformance-numbers.md");
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let file = cells.get(1)?.trim_matches('`');
            let passed = cells.get(2)?.parse().ok()?;
            FILES
                .iter()
                .any(|(f, _)| *f == file)
                .then(|| (file.to_string(), passed))
        })
        .collect()
}

#[test]
fn recognizers_text_english_number_specs() {
    let committed = baseline();
    let mut dropped = Vec::new();
    for (file, kind) in FILES {
        let tally = run(file, kind);
        let counted = tally.total - tally.skipped.values().sum::<usize>();
        // Written to the terminal directly (not through println!) so a plain
        // `cargo test` shows the pass counts too.
        let mut line = format!(
            "{file}: {}/{counted} passed ({} cases, {} skipped)\n",
            tally.passed,
            tally.total,
            tally.total - counted
        );
        for (why, n) in &tally.skipped {
            line.push_str(&format!("    skipped {n}: {why}\n"));
        }
        if std::env::var_os("CONFORMANCE_FAILURES").is_some() {
            for f in &tally.failures {
                line.push_str(&format!("  FAIL {f}\n"));
            }
        }
        let _ = std::io::stderr().write_all(line.as_bytes());
        let floor = committed.get(*file).copied().unwrap_or_else(|| {
            panic!("no committed pass count for {file} in docs/conformance-numbers.md")
        });
        if tally.passed < floor {
            dropped.push(format!(
                "{file}: {} passed, {floor} committed",
                tally.passed
            ));
        }
    }
    assert!(
        dropped.is_empty(),
        "conformance dropped below the committed figures: {dropped:?}"
    );
}
