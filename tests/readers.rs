//! Issue 19: every way the takeover and election coverage wrote a value,
//! as a table. Each row is read twice — by the kind's normalizer on a rule
//! match (the value group as a pattern would capture it) and by `factlint
//! normalize`, which finds values in free text — and both must give the
//! same value, bound and display.

mod common;

use common::root;
use factlint::normalize::{self, Normalized, RawMatch};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// kind, sentence, what a pattern captures, value, bound, display, a note it must hold.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const ROWS: &[Row] = &[
    // Numbers: suffixes, fractions of magnitudes, compounds, groupings.
    (
        "number",
        "Pezeshkian won 3.3m votes",
        "3.3m",
        "3300000",
        "",
        "3300000",
        "",
    ),
    (
        "number",
        "some 1m people",
        "1m",
        "1000000",
        "≈",
        "≈1000000",
        "",
    ),
    (
        "number",
        "a quarter million people",
        "a quarter million",
        "250000",
        "",
        "250000",
        "",
    ),
    (
        "number",
        "nearly a million voters",
        "a million",
        "1000000",
        "≈",
        "≈1000000",
        "hedged: 'nearly'",
    ),
    (
        "number",
        "three-quarters of a billion people",
        "three-quarters of a billion",
        "750000000",
        "",
        "750000000",
        "",
    ),
    (
        "number",
        "17 million and 950 thousand voters",
        "17 million and 950 thousand",
        "17950000",
        "",
        "17950000",
        "",
    ),
    (
        "number",
        "Pezeshkian: 17.926.345 votes",
        "17.926.345",
        "17926345",
        "",
        "17926345",
        "",
    ),
    (
        "number",
        "Pezeshkian: 17 926 345 votes",
        "17 926 345",
        "17926345",
        "",
        "17926345",
        "",
    ),
    (
        "number",
        "Jalili received 28,933.004 votes",
        "28,933.004",
        "28933004",
        "",
        "28933004",
        "malformed number in the text (separators mixed), read as 28,933,004",
    ),
    (
        "number",
        "the company could sell as many as 375 stores",
        "375",
        "375",
        "≤",
        "≤375",
        "hedged: 'as many as'",
    ),
    (
        "number",
        "more than 140 countries",
        "140",
        "140",
        ">",
        ">140",
        "hedged: 'more than'",
    ),
    (
        "number",
        "at least 5 people",
        "5",
        "5",
        "≥",
        "≥5",
        "hedged: 'at least'",
    ),
    // Money.
    (
        "money",
        "a $24.6B deal",
        "$24.6B",
        "USD 24.6 billion",
        "",
        "USD 24.6 billion",
        "",
    ),
    (
        "money",
        "a deal worth €3bn",
        "€3bn",
        "EUR 3 billion",
        "",
        "EUR 3 billion",
        "",
    ),
    (
        "money",
        "a penalty of Rs 5 crore",
        "Rs 5 crore",
        "Rupee 50 million",
        "",
        "Rupee 50 million",
        "",
    ),
    (
        "money",
        "a bonus of Rs 3 lakh",
        "Rs 3 lakh",
        "Rupee 300000",
        "",
        "Rupee 300000",
        "",
    ),
    (
        "money",
        "a deal valued near $25 billion",
        "$25 billion",
        "USD 25 billion",
        "≈",
        "≈USD 25 billion",
        "hedged: 'near'",
    ),
    (
        "money",
        "sales topping $150 billion",
        "$150 billion",
        "USD 150 billion",
        ">",
        ">USD 150 billion",
        "hedged: 'topping'",
    ),
    // Percentages: direction kept, digits never re-rounded.
    (
        "percent",
        "the share of the vote falling below 50 per cent",
        "50 per cent",
        "50%",
        "<",
        "<50%",
        "hedged: 'falling below'",
    ),
    (
        "percent",
        "turnout was just shy of 62 percent",
        "62 percent",
        "62%",
        "<",
        "<62%",
        "hedged: 'just shy of'",
    ),
    (
        "percent",
        "he won 61.95 % of the vote",
        "61.95 %",
        "61.95%",
        "",
        "61.95%",
        "",
    ),
    (
        "percent",
        "just under 40% of voters",
        "40%",
        "40%",
        "<",
        "<40%",
        "hedged: 'just under'",
    ),
    (
        "percent",
        "up to 30% of stores",
        "30%",
        "30%",
        "≤",
        "≤30%",
        "hedged: 'up to'",
    ),
    (
        "percent",
        "above 49.8% of the vote",
        "49.8%",
        "49.8%",
        ">",
        ">49.8%",
        "hedged: 'above'",
    ),
    (
        "percent",
        "roughly 60% of the market",
        "60%",
        "60%",
        "≈",
        "≈60%",
        "hedged: 'roughly'",
    ),
];

/// Dates and periods: sentence, what a pattern captures, the value (days),
/// with every article published on 2023-10-15.
const DATES: &[(&str, &str, &str)] = &[
    (
        "the deal is expected to close in early 2024",
        "early 2024",
        "2024-01-01..2024-04-30",
    ),
    (
        "Kroger said it expects the deal to close in 2024",
        "2024",
        "2024-01-01..2024-12-31",
    ),
    (
        "the merger closes mid-2024",
        "mid-2024",
        "2024-05-01..2024-08-31",
    ),
    ("a vote in late 2024", "late 2024", "2024-09-01..2024-12-31"),
    (
        "sales in the first half of 2023",
        "the first half of 2023",
        "2023-01-01..2023-06-30",
    ),
    (
        "the second half of the year",
        "the second half of the year",
        "2023-07-01..2023-12-31",
    ),
    (
        "talks will resume in late October",
        "late October",
        "2023-10-21..2023-10-31",
    ),
    ("results for Q1", "Q1", "2023-01-01..2023-03-31"),
    (
        "the stores will be sold by the end of the year",
        "by the end of the year",
        "2023-10-15..2023-12-31",
    ),
    (
        "by the end of 2024",
        "by the end of 2024",
        "2024-01-01..2024-12-31",
    ),
];

const PUBLISHED: &str = "2023-10-15";

#[test]
fn date_facts_read_years_and_periods_as_ranges() {
    let published = Some(PUBLISHED.parse().unwrap());
    for &(sentence, captured, want) in DATES {
        let start = sentence.find(captured).unwrap();
        let m = RawMatch {
            value: start..start + captured.len(),
            published,
            ..RawMatch::whole_text(sentence)
        };
        let n = normalizer("date")
            .normalize(&m)
            .unwrap_or_else(|e| panic!("{sentence:?}: {e}"))
            .remove(0);
        assert_eq!(n.value, want, "{sentence:?}");
    }
    // factlint normalize: the same ranges in free text ("2024" alone on its line).
    let mut lines: Vec<&str> = DATES.iter().map(|d| d.0).collect();
    lines[1] = "2024";
    let out = free_text_with(
        &["normalize", "--kind", "date", "--published", PUBLISHED],
        &lines,
    );
    for (&(sentence, _, want), line) in DATES.iter().zip(out) {
        let found = line["found"].as_array().unwrap();
        assert_eq!(found.len(), 1, "{sentence:?}: {found:?}");
        assert_eq!(found[0]["value"], want, "{sentence:?}");
    }
}

/// The kind's normalizer with no options beyond what it needs.
fn normalizer(kind: &str) -> Box<dyn normalize::Normalizer> {
    normalize::kind(kind)
        .unwrap()
        .build(&toml::Table::new())
        .unwrap()
}

fn read(kind: &str, sentence: &str, captured: &str) -> Normalized {
    let start = sentence.find(captured).unwrap();
    let m = RawMatch {
        value: start..start + captured.len(),
        ..RawMatch::whole_text(sentence)
    };
    normalizer(kind)
        .normalize(&m)
        .unwrap_or_else(|e| panic!("{sentence:?}: {e}"))
        .remove(0)
}

/// What `factlint normalize --kind KIND` prints for each line.
fn free_text(kind: &str, lines: &[&str]) -> Vec<Value> {
    free_text_with(&["normalize", "--kind", kind], lines)
}

/// What factlint prints for each line with `args`.
fn free_text_with(args: &[&str], lines: &[&str]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.join("\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn rule_matches_read_every_way_the_coverage_wrote_a_value() {
    for &(kind, sentence, captured, value, bound, shown, note) in ROWS {
        let n = read(kind, sentence, captured);
        assert_eq!(n.value, value, "{sentence:?}");
        assert_eq!(n.bound.map_or("", |b| b.symbol()), bound, "{sentence:?}");
        assert_eq!(n.shown(), shown, "{sentence:?}");
        if !note.is_empty() {
            let got = n.note.as_deref().unwrap_or("");
            assert!(got.contains(note), "{sentence:?}: note {got:?}");
        }
    }
}

#[test]
fn factlint_normalize_reads_them_the_same() {
    for kind in ["number", "money", "percent"] {
        let rows: Vec<&Row> = ROWS.iter().filter(|r| r.0 == kind).collect();
        let lines: Vec<&str> = rows.iter().map(|r| r.1).collect();
        for (row, line) in rows.iter().zip(free_text(kind, &lines)) {
            let (_, sentence, captured, value, bound, _, note) = **row;
            let found = line["found"].as_array().unwrap();
            let f = found
                .iter()
                .find(|f| {
                    f["text"]
                        .as_str()
                        .unwrap()
                        .contains(captured.trim_start_matches('$'))
                })
                .unwrap_or_else(|| panic!("{sentence:?}: {found:?}"));
            assert_eq!(f["value"], value, "{sentence:?}");
            assert_eq!(f["bound"].as_str().unwrap_or(""), bound, "{sentence:?}");
            if !note.is_empty() {
                let got = f["note"].as_str().unwrap_or("");
                assert!(got.contains(note), "{sentence:?}: note {got:?}");
            }
        }
    }
}
