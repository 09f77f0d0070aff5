//! Conformance of the date finder against Microsoft Recognizers-Text's
//! English date specs (copied under tests/specs/recognizers-text, MIT, see
//! its README). Each case is a sentence, a reference date (read as the
//! publication date) and the expected dates. Only date and date-range
//! results are checked: cases with a time of day, and cases the .NET
//! implementation itself does not support, are skipped and counted.
//!
//! A case passes when every expected date is found (spans overlap) and
//! resolved to days the spec allows, nothing else is found, and a case
//! without results yields no date. A spec's ambiguous date lists a past and
//! a future reading; factlint picks one by tense cue (or keeps both), so
//! each of its candidates must be one of the spec's readings. A date range
//! must have the spec's first and last day. An invalid date ("Feb 30") must
//! not resolve. The test fails when a file's pass count drops below the
//! figure committed in docs/conformance-dates.md.
//!
//! The time-of-day cases of DateTimeModel (skipped above) are counted on
//! their own through the time finder (`factlint normalize --kind time`):
//! see [`time_of_day_cases_pass_at_least_the_committed_count`].

use factlint::normalize::{self, Found, Key};
use jiff::civil::Date;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const FILES: [&str; 2] = ["DateParser.json", "DateTimeModel.json"];
const TIME_TYPES: [&str; 4] = ["datetime", "datetimerange", "time", "timerange"];

/// What the spec expects of one result.
#[derive(Debug)]
enum Want {
    /// Any of these days (past and future readings); "0001-01-01" or "not resolved" marks an invalid date.
    Days(Vec<String>),
    /// One of these (first, last) day pairs; `None` for an open end.
    Ranges(Vec<(Option<String>, Option<String>)>),
}

struct Expected {
    start: usize,
    end: usize,
    want: Option<Want>,
}

#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    checked: usize,
    passed: usize,
    skipped: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

fn day_before(iso: &str) -> Option<String> {
    iso.parse::<Date>()
        .ok()?
        .yesterday()
        .ok()
        .map(|d| d.to_string())
}

/// The expected results of a case, or the reason it is skipped.
fn expected(case: &Value) -> Result<Vec<Expected>, &'static str> {
    let not_supported = case["NotSupported"].as_str().unwrap_or("").to_lowercase();
    if not_supported.contains("dotnet") {
        return Err("NotSupported for .NET");
    }
    let mut out = Vec::new();
    for r in case["Results"].as_array().into_iter().flatten() {
        let start = r["Start"].as_u64().unwrap_or(0) as usize;
        if let Some(kind) = r["Type"].as_str() {
            // Parser spec: Start + Length, Future/Past resolutions.
            let end = start + r["Length"].as_u64().unwrap_or(0) as usize;
            if TIME_TYPES.contains(&kind) {
                return Err("time of day");
            }
            let v = &r["Value"];
            let want = (kind == "date").then(|| {
                let days = ["FutureResolution", "PastResolution"]
                    .iter()
                    .filter_map(|k| v[k]["date"].as_str().map(str::to_string))
                    .collect();
                Want::Days(days)
            });
            out.push(Expected { start, end, want });
        } else {
            // Model spec: Start + End (inclusive), a list of values.
            let end = r["End"].as_u64().unwrap_or(0) as usize + 1;
            let kind = r["TypeName"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches("datetimeV2.");
            if TIME_TYPES.contains(&kind) {
                return Err("time of day");
            }
            let values = r["Resolution"]["values"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let want = match kind {
                "date" => Some(Want::Days(
                    values
                        .iter()
                        .filter_map(|v| v["value"].as_str().map(str::to_string))
                        .collect(),
                )),
                "daterange" => Some(Want::Ranges(
                    values
                        .iter()
                        .map(|v| {
                            (
                                v["start"].as_str().map(str::to_string),
                                v["end"].as_str().and_then(day_before),
                            )
                        })
                        .collect(),
                )),
                _ => None,
            };
            out.push(Expected { start, end, want });
        }
    }
    if !out.is_empty() && out.iter().all(|e| e.want.is_none()) {
        return Err("no date result (durations, sets)");
    }
    Ok(out)
}

/// The days `found` resolved to: candidates, or a (first, last) range.
fn resolved(found: &Found) -> Option<Result<Vec<String>, (String, String)>> {
    if !matches!(found.value.key, Key::OneOf(_)) {
        return None;
    }
    match (
        found.extra.get("start"),
        found.extra.get("end"),
        &found.value.key,
    ) {
        (Some(s), Some(e), _) => Some(Err((s.as_str()?.to_string(), e.as_str()?.to_string()))),
        (_, _, Key::OneOf(days)) => Some(Ok(days.to_vec())),
        _ => None,
    }
}

fn satisfies(found: Option<&Found>, want: &Want) -> bool {
    let got = found.and_then(resolved);
    match want {
        Want::Days(days)
            if days
                .iter()
                .any(|d| d == "0001-01-01" || d == "not resolved") =>
        {
            got.is_none()
        }
        Want::Days(days) => {
            matches!(got, Some(Ok(c)) if !c.is_empty() && c.iter().all(|d| days.contains(d)))
        }
        Want::Ranges(ranges) => match got {
            Some(Err((s, e))) => ranges.iter().any(|(rs, re)| {
                rs.as_deref() == Some(s.as_str()) && re.as_deref() == Some(e.as_str())
            }),
            _ => false,
        },
    }
}

fn run_case(case: &Value) -> Result<bool, &'static str> {
    let expected = expected(case)?;
    let reference = case["Context"]["ReferenceDateTime"]
        .as_str()
        .ok_or("no reference date")?;
    let published: Date = reference
        .get(..10)
        .and_then(|d| d.parse().ok())
        .ok_or("no reference date")?;
    let input = case["Input"].as_str().unwrap_or("");
    let kind = normalize::kind("date").expect("date kind");
    let found = kind.find(input, Some(published)).expect("date kind finds");
    let overlaps = |f: &Found, e: &Expected| f.start < e.end && e.start < f.end;
    let all_expected_met = expected.iter().all(|e| match &e.want {
        None => true,
        Some(want) => satisfies(found.iter().find(|f| overlaps(f, e)), want),
    });
    let no_extra = found
        .iter()
        .all(|f| expected.iter().any(|e| overlaps(f, e)));
    Ok(all_expected_met && no_extra)
}

fn tally(file: &str) -> Tally {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/specs/recognizers-text/Specs/DateTime/English")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases: Vec<Value> =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("spec JSON");
    let mut t = Tally {
        cases: cases.len(),
        ..Tally::default()
    };
    for case in &cases {
        match run_case(case) {
            Err(reason) => *t.skipped.entry(reason).or_default() += 1,
            Ok(pass) => {
                t.checked += 1;
                if pass {
                    t.passed += 1;
                } else {
                    t.failures
                        .push(case["Input"].as_str().unwrap_or("").to_string());
                }
            }
        }
    }
    t
}

/// The committed pass count of `file` from the table in docs/conformance-dates.md
/// (the column headed "passed").
fn committed(file: &str) -> usize {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/conformance-dates.md"),
    )
    .expect("docs/conformance-dates.md");
    let cells = |line: &str| {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().trim_matches('`').to_string())
            .collect::<Vec<_>>()
    };
    let header = doc
        .lines()
        .find(|l| l.starts_with('|') && cells(l).iter().any(|c| c == "passed"))
        .expect("a table with a `passed` column");
    let column = cells(header).iter().position(|c| c == "passed").unwrap();
    let row = doc
        .lines()
        .find(|l| l.starts_with('|') && cells(l)[0] == file)
        .unwrap_or_else(|| panic!("no row for {file}"));
    cells(row)[column]
        .parse()
        .unwrap_or_else(|_| panic!("the passed cell of {file} is not a number"))
}

#[test]
fn date_specs_pass_at_least_the_committed_counts() {
    let mut report = String::new();
    let mut dropped = Vec::new();
    for file in FILES {
        let t = tally(file);
        let floor = committed(file);
        report.push_str(&format!(
            "{file}: {} cases, {} checked, {} passed ({:.1}%), committed {floor}; skipped {:?}\n",
            t.cases,
            t.checked,
            t.passed,
            100.0 * t.passed as f64 / t.checked.max(1) as f64,
            t.skipped
        ));
        if std::env::var_os("FACTLINT_CONFORMANCE_FAILURES").is_some() {
            for input in &t.failures {
                report.push_str(&format!("  FAIL {input}\n"));
            }
        }
        if t.passed < floor {
            dropped.push(format!("{file}: {} < {floor}", t.passed));
        }
        assert_eq!(t.checked + t.skipped.values().sum::<usize>(), t.cases);
    }
    println!("{report}");
    assert!(
        dropped.is_empty(),
        "pass counts dropped below docs/conformance-dates.md: {dropped:?}\n{report}"
    );
}

/// What the spec expects of one time-of-day result: the clock readings
/// ("HH:MM:SS") it allows for each end (one end for a time), and the days
/// (for datetimes; empty for times).
struct TimeWant {
    start: usize,
    end: usize,
    ends: Vec<Vec<String>>,
    days: Vec<String>,
}

/// "2016-11-08 08:00:00" → ("2016-11-08", "08:00:00"); "19:56:30" → ("", "19:56:30").
fn split_moment(v: &str) -> (String, String) {
    match v.split_once(' ') {
        Some((d, t)) => (d.to_string(), t.to_string()),
        None => (String::new(), v.to_string()),
    }
}

/// The time-of-day results of a DateTimeModel case, or None when it has none.
fn time_wants(case: &Value) -> Option<Vec<TimeWant>> {
    let results = case["Results"].as_array()?;
    let mut wants = Vec::new();
    for r in results {
        let kind = r["TypeName"]
            .as_str()
            .unwrap_or("")
            .trim_start_matches("datetimeV2.");
        if !TIME_TYPES.contains(&kind) {
            continue;
        }
        let values = r["Resolution"]["values"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut ends: Vec<Vec<String>> = Vec::new();
        let mut days = Vec::new();
        let keys: &[&str] = if kind.ends_with("range") {
            &["start", "end"]
        } else {
            &["value"]
        };
        for (i, key) in keys.iter().enumerate() {
            let mut clocks = Vec::new();
            for v in &values {
                // An open range ("before 5pm") lacks an end: nothing can match it.
                if let Some(moment) = v[*key].as_str() {
                    let (day, clock) = split_moment(moment);
                    clocks.push(clock);
                    if kind.starts_with("datetime") && i == 0 && !day.is_empty() {
                        days.push(day);
                    }
                }
            }
            ends.push(clocks);
        }
        wants.push(TimeWant {
            start: r["Start"].as_u64().unwrap_or(0) as usize,
            end: r["End"].as_u64().unwrap_or(0) as usize + 1,
            ends,
            days,
        });
    }
    (!wants.is_empty()).then_some(wants)
}

/// Whether the time finder gets a time-of-day case right: each end of every
/// expected time or range is found inside its span with readings the spec
/// allows (a time with both halves of the day kept needs both allowed), a
/// datetime's time carries one of the spec's days, and nothing is found
/// outside the spec's results.
fn time_case_passes(case: &Value, wants: &[TimeWant]) -> bool {
    let reference = case["Context"]["ReferenceDateTime"].as_str().unwrap_or("");
    let published: Option<Date> = reference.get(..10).and_then(|d| d.parse().ok());
    let input = case["Input"].as_str().unwrap_or("");
    let kind = normalize::kind("time").expect("time kind");
    let found = kind.find(input, published).expect("time kind finds");
    let readings = |f: &Found| -> Vec<String> {
        f.extra["time"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str())
                    .map(|t| {
                        if t.len() == 5 {
                            format!("{t}:00")
                        } else {
                            t.to_string()
                        }
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let inside = |f: &Found, w: &TimeWant| f.start >= w.start && f.end <= w.end;
    let all_met = wants.iter().all(|w| {
        let inside_found: Vec<&Found> = found
            .iter()
            .filter(|f| inside(f, w) && f.extra.contains_key("time"))
            .collect();
        w.ends.iter().all(|allowed| {
            inside_found.iter().any(|f| {
                let r = readings(f);
                !allowed.is_empty()
                    && !r.is_empty()
                    && r.iter().all(|t| allowed.contains(t))
                    && (w.days.is_empty()
                        || f.extra
                            .get("date")
                            .and_then(|d| d.as_str())
                            .is_some_and(|d| w.days.iter().any(|w| w == d)))
            })
        })
    });
    let results = case["Results"].as_array().cloned().unwrap_or_default();
    let no_extra = found.iter().all(|f| {
        results.iter().any(|r| {
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = r["End"].as_u64().unwrap_or(0) as usize + 1;
            f.start < end && start < f.end
        })
    });
    all_met && no_extra
}

#[test]
fn time_of_day_cases_pass_at_least_the_committed_count() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/specs/recognizers-text/Specs/DateTime/English/DateTimeModel.json");
    let text = std::fs::read_to_string(&path).expect("DateTimeModel.json");
    let cases: Vec<Value> =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("spec JSON");
    let (mut checked, mut passed, mut failures) = (0, 0, Vec::new());
    for case in &cases {
        let not_supported = case["NotSupported"].as_str().unwrap_or("").to_lowercase();
        if not_supported.contains("dotnet") {
            continue;
        }
        let Some(wants) = time_wants(case) else {
            continue;
        };
        checked += 1;
        if time_case_passes(case, &wants) {
            passed += 1;
        } else {
            failures.push(case["Input"].as_str().unwrap_or("").to_string());
        }
    }
    let floor = committed("DateTimeModel.json (time of day)");
    println!(
        "DateTimeModel.json time of day: {checked} checked, {passed} passed ({:.1}%), committed {floor}",
        100.0 * passed as f64 / checked.max(1) as f64
    );
    if std::env::var_os("FACTLINT_CONFORMANCE_FAILURES").is_some() {
        for input in &failures {
            println!("  FAIL {input}");
        }
    }
    // The same cases the date test skips as "time of day".
    assert_eq!(checked, 292);
    assert!(
        passed >= floor,
        "time-of-day pass count dropped below docs/conformance-dates.md: {passed} < {floor}"
    );
}
