//! Inputs for the property tests: newsroom tokens, rule-like text, spans on
//! character boundaries, dates, and every kind's normalizer built with
//! options it accepts.

use factlint::normalize::{self, Normalizer};
use proptest::prelude::*;

/// Words and marks articles and rules are made of, to reach deeper than random bytes.
pub const TOKENS: &[&str] = &[
    "some",
    "about",
    "more than",
    "up to",
    "nearly",
    "over",
    "seven",
    "hundred",
    "and",
    "forty-one",
    "twenty",
    "million",
    "a",
    "bn",
    "141",
    "7,500",
    "4.5",
    "-3",
    "0",
    "2015",
    "99999999999999999999",
    "1e308",
    ".5",
    "km",
    "kilometers",
    "miles",
    "mi",
    "m",
    "C5+1",
    "C5 1",
    "4:30",
    "4.30pm",
    "p.m.",
    "0830",
    "GMT",
    "CST",
    "Beijing time",
    "local time",
    "noon",
    "to",
    "-",
    "HLSCC",
    "twenty-first",
    "7th",
    "on",
    "Tuesday",
    "last",
    "Friday",
    "yesterday",
    "next week",
    "February",
    "28",
    "2023-02-28",
    "$",
    "€",
    "%",
    ".",
    ",",
    "\n",
    "\r\n",
    " ",
    "\"",
    "'",
    "«",
    "»",
    "—",
    "Tokaïev",
    "Астана",
    "🙂",
    "voted",
    "in",
    "favour",
    "against",
    "border",
    "(",
    ")",
    "\t",
    "\u{feff}",
    "\u{0}",
];

pub fn newsy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(TOKENS), 0..16).prop_map(|t| t.join(" ")),
        prop::collection::vec(prop::sample::select(TOKENS), 0..16).prop_map(|t| t.concat()),
    ]
}

/// Rule-file-like text: real keys and plausible values, shuffled and broken.
pub fn toml_ish() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "id",
        "claim",
        "kind",
        "severity",
        "patterns",
        "expect",
        "examples",
        "unit",
        "tolerance",
        "canonical",
        "variants",
        "regex",
        "ignore_case",
        "text",
        "value",
        "match",
        "published",
        "subject",
        "fact",
        "colour",
        "expr",
    ]);
    let value = prop_oneof![
        prop::sample::select(vec![
            "\"number\"",
            "\"quantity\"",
            "\"year\"",
            "\"term\"",
            "\"date\"",
            "\"money\"",
            "\"percent\"",
            "\"name\"",
            "\"choice\"",
            "\"in_favour + against + abstained <= 193\"",
            "\"un-vote-in-favour > 2 * un-vote-against\"",
            "\"((((a\"",
            "\"1 / 0 == x\"",
            "\"km\"",
            "\"5%\"",
            "\"150%\"",
            "-1",
            "141",
            "true",
            "[]",
            "{}",
            "2023-02-30",
            "2023-02-28",
            "\"C5+1\"",
            "[\"C5 1\"]",
            "['(?P<value>{number})\\s+voted']",
            "['(?P<value>\\d+']",
            "['(?<=a)(?P<value>x)']",
            "['{number}']",
            "[{ regex = '(?P<value>{number}) km', ignore_case = true }]",
            "[{ text = \"141 voted\", value = \"141\" }]",
            "[{ text = \"7,500 km\" }]",
            "\"unterminated",
            "[[[",
            "'''",
            "\"\\u0000\"",
        ])
        .prop_map(str::to_string),
        any::<String>().prop_map(|s| format!("{s:?}")),
        "\\PC{0,20}".prop_map(|s| format!("['(?P<value>{s})']")),
    ];
    let line = prop_oneof![
        3 => (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => Just("[[fact]]".to_string()),
        1 => Just("[[constraint]]".to_string()),
        1 => Just("[fact]".to_string()),
        1 => any::<String>(),
    ];
    prop::collection::vec(line, 0..14).prop_map(|lines| lines.join("\n"))
}

/// A span of `text` on character boundaries, from two fractions.
pub fn span(text: &str, a: f64, b: f64) -> std::ops::Range<usize> {
    let floor = |x: f64| {
        let mut i = ((text.len() as f64) * x) as usize;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (floor(a), floor(b));
    a.min(b)..a.max(b)
}

pub static NOTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The normalizer of every registered kind, built with options it accepts.
pub fn normalizers() -> Vec<(&'static str, Box<dyn Normalizer>)> {
    let tries = [
        // First: kinds that ignore it build as with "", and time gets a zone.
        "timezone = \"Asia/Shanghai\"\ntolerance = \"5 min\"",
        "",
        "unit = \"km\"\ntolerance = \"2%\"",
        "canonical = \"C5+1\"\nvariants = [\"C5 1\"]\nacronym = \"HLSCC\"",
        "tolerance = 1",
        "members = [\"Kazakhstan\", \"Turkmenistan\"]\ngroups = [\"all five\"]\n\
         [values]\nabstained = [\"abstained\"]\ndid_not_vote = [\"did not vote\"]\n\
         either = [\"abstained or did not vote\"]\n[compatible]\neither = [\"abstained\", \"did_not_vote\"]",
    ];
    normalize::KINDS
        .iter()
        .filter_map(|kind| {
            let built = tries.iter().find_map(|t| kind.build(&toml::from_str(t).unwrap()).ok());
            if built.is_none() && !NOTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
                eprintln!("note: kind `{}` needs options this test does not know; it is only fuzzed through find()", kind.name());
            }
            built.map(|n| (kind.name(), n))
        })
        .collect()
}

pub fn date() -> impl Strategy<Value = jiff::civil::Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| jiff::civil::date(y, m, d))
}
