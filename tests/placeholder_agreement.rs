//! The `{number}` placeholder and the number reader agree: on every input of
//! Recognizers-Text's English NumberModel spec (MIT, copied under
//! tests/specs/recognizers-text) and on the strings of issue 19, the
//! placeholder matches exactly the numbers the reader reads, span for span.
//! The few inputs where a regex cannot follow the reader's grammar are
//! listed below with the reason; the test fails if that list grows or if a
//! listed input starts to agree (then it should leave the list).

use factlint::normalize::numtext::{self, style};
use regex::Regex;
use serde_json::Value;

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/specs/recognizers-text/Specs/Number/English/NumberModel.json"
);

/// Inputs where the two differ, and why. A regex sees no context and
/// counts nothing: these need the reader's look around the number.
const KNOWN: &[(&str, &str)] = &[
    // Digits glued to a unit: the placeholder stops before the letters so a
    // pattern can read the unit (`{number}\s*km`); the number reader leaves
    // them to the quantity kind.
    ("the 180.25ml liquid", "glued unit"),
    ("the 180ml liquid", "glued unit"),
    (" 29km Road ", "glued unit"),
    (" the May 4th ", "glued ordinal suffix"),
    ("the .25ml liquid", "glued unit"),
    // What stands around the number decides.
    ("192.168.1.2", "a dotted quad is four numbers"),
    ("Any time to meet on 5/17/2018?", "a date, not a fraction"),
    ("My phone number is +1-222-2222/2222", "a phone number"),
    ("Exercises nrs. 22,24,26,31.", "a list, not decimal commas"),
    (
        "I want to earn $2000 over 3 years",
        "a word after the denominator",
    ),
    (
        "The one you mentioned is invalid",
        "a pronoun after a determiner",
    ),
    (
        "This one you is not correct",
        "a pronoun after a determiner",
    ),
    ("Which one do you prefer?", "a pronoun after a determiner"),
    ("That one is really good", "a pronoun after a determiner"),
    // The reader counts; a regex cannot (the placeholder is one vocabulary,
    // not the grammar: see src/normalize/numtext/pattern.rs).
    ("one one hundred fifth", "two numbers in a row"),
    ("one one hundred and fifth", "two numbers in a row"),
    (
        "twenty and three and three fifths",
        "two numbers joined by 'and'",
    ),
    ("they were playing three-nought-four", "spelled digits"),
    (
        "4 thousand 3 hundred and 0 are two valid numbers.",
        "'and 0' ends a number",
    ),
    (
        "3 hundred and 2 hundred are two valid numbers.",
        "'hundred' twice",
    ),
    (
        "3 hundred and 2.12 hundred are two valid numbers.",
        "'hundred' twice",
    ),
    ("there are 12 out of 10", "a part larger than the whole"),
    (
        "I see five out of three pieces",
        "a part larger than the whole",
    ),
    (" two millionth", "a singular denominator after two"),
    (" 100 millionths", "digits take no word denominator"),
    ("a twenty-first", "'a' before a compound ordinal"),
    ("1 in twenty-one", "'in' is a ratio only after one"),
];

/// What each side finds in `text`: (reader spans, placeholder spans).
fn both(re: &Regex, text: &str) -> (Vec<String>, Vec<String>) {
    let reader = style::within(style::Style::of(text), || numtext::scan(text, true))
        .into_iter()
        .map(|n| text[n.span].to_string())
        .collect();
    let placeholder = re.find_iter(text).map(|m| m.as_str().to_string()).collect();
    (reader, placeholder)
}

#[test]
fn the_number_placeholder_matches_what_the_reader_reads() {
    let re = Regex::new(&factlint::rules::placeholders::number()).unwrap();
    let cases: Vec<Value> = serde_json::from_str(
        std::fs::read_to_string(SPEC)
            .unwrap()
            .trim_start_matches('\u{feff}'),
    )
    .unwrap();
    let mut inputs: Vec<String> = cases
        .iter()
        .filter_map(|c| c["Input"].as_str().map(str::to_string))
        .collect();
    inputs.extend(
        [
            "3.3m votes and 1m people",
            "a $24.6B deal",
            "€3bn",
            "Rs 5 crore",
            "a quarter million",
            "a million",
            "three-quarters of a billion",
            "17 million and 950 thousand",
            "17.926.345 votes",
            "17 926 345 votes",
            "28,933,004 and 28,933.004",
        ]
        .map(str::to_string),
    );
    let mut unexpected = Vec::new();
    let mut known = 0;
    for input in &inputs {
        let (reader, placeholder) = both(&re, input);
        let listed = KNOWN.iter().any(|(k, _)| k == input);
        known += usize::from(listed);
        if (reader != placeholder) != listed {
            unexpected.push(format!(
                "{input:?}: reader {reader:?}, placeholder {placeholder:?}{}",
                if listed {
                    " (listed, but they agree now)"
                } else {
                    ""
                }
            ));
        }
    }
    assert_eq!(known, KNOWN.len(), "every listed input is a spec input");
    assert!(
        unexpected.is_empty(),
        "{} of {} inputs disagree unexpectedly:\n{}",
        unexpected.len(),
        inputs.len(),
        unexpected.join("\n")
    );
}

#[test]
fn rule_patterns_with_the_placeholder_capture_what_the_reader_reads() {
    let re = Regex::new(&factlint::rules::placeholders::expand(
        r"(?P<value>{number})\s+(?:votes|people|voters)",
    ))
    .unwrap();
    for (text, want) in [
        ("won 3.3m votes", "3.3m"),
        ("about 1m people", "1m"),
        ("a quarter million people", "a quarter million"),
        ("a million voters", "a million"),
        (
            "17 million and 950 thousand voters",
            "17 million and 950 thousand",
        ),
        ("17.926.345 votes", "17.926.345"),
        ("28,933.004 votes", "28,933.004"),
        ("Rs 5 crore people", "5 crore"),
    ] {
        assert_eq!(&re.captures(text).unwrap()["value"], want, "{text}");
    }
    let money = Regex::new(&factlint::rules::placeholders::expand(
        r"\$(?P<value>{number})",
    ))
    .unwrap();
    assert_eq!(&money.captures("a $24.6B deal").unwrap()["value"], "24.6B");
}
