//! Unit tests of `normalize::number`.

use super::*;

fn read(text: &str, value: &str) -> Normalized {
    let start = text.find(value).unwrap();
    let m = RawMatch {
        value: start..start + value.len(),
        whole: 0..text.len(),
        ..RawMatch::whole_text(text)
    };
    Number {
        tolerance: None,
        ordinal: false,
    }
    .normalize(&m)
    .unwrap()
    .remove(0)
}

#[test]
fn reads_plain_and_hedged_numbers() {
    let cases = [
        ("141 voted in favor", "141", "141", false),
        ("seven against", "seven", "7", false),
        ("some 7,500 of them", "7,500", "7500", true),
        ("more than 140 countries", "140", "140", true),
        (
            "between 30 and 40 people",
            "between 30 and 40",
            "30–40",
            false,
        ),
        (
            "tens of thousands of people",
            "tens of thousands",
            "20000–100000",
            true,
        ),
        ("about twenty-five", "about twenty-five", "25", true),
        ("25 million", "25 million", "25000000", false),
    ];
    for (text, value, want, approximate) in cases {
        let n = read(text, value);
        assert_eq!(
            (n.value.as_str(), n.approximate),
            (want, approximate),
            "{text}"
        );
    }
}

#[test]
fn finds_numbers_in_free_text() {
    let found = NumberKind
        .find("141 voted in favor, seven against", None)
        .unwrap();
    let got: Vec<(&str, usize, usize, &str)> = found
        .iter()
        .map(|f| (f.text.as_str(), f.start, f.end, f.value.value.as_str()))
        .collect();
    assert_eq!(got, [("141", 0, 3, "141"), ("seven", 20, 25, "7")]);
}

#[test]
fn one_sided_values_agree_with_values_past_them() {
    let more_than = read("more than 140 countries", "140");
    let exact = read("141 countries", "141");
    let fewer = read("139 countries", "139");
    let n = Number {
        tolerance: None,
        ordinal: false,
    };
    assert!(n.agree(&more_than, &exact));
    assert!(!n.agree(&more_than, &fewer));
}

#[test]
fn ranges_and_vague_quantities_compare_as_intervals() {
    let n = Number {
        tolerance: None,
        ordinal: false,
    };
    let range = read("between 30 and 40 people", "between 30 and 40");
    assert!(n.agree(&range, &read("35 people", "35")));
    assert!(!n.agree(&range, &read("41 people", "41")));
    let vague = read("tens of thousands of people", "tens of thousands");
    assert!(n.agree(&vague, &read("some 50,000 people", "50,000")));
    assert!(!n.agree(&vague, &read("8,000 people", "8,000")));
    let up_to = read("up to 30 people", "30");
    assert!(n.agree(&up_to, &read("12 people", "12")));
    assert!(!n.agree(&up_to, &read("31 people", "31")));
}

/// Issue 19: "3.3m" was "does not start with a number"; a number glued
/// to a unit now says what follows it.
#[test]
fn glued_letters_are_named_not_mistaken_for_no_number() {
    assert_eq!(read("won 3.3m votes", "3.3m").value, "3300000");
    let m = RawMatch {
        value: 4..8,
        ..RawMatch::whole_text("the 29km road")
    };
    let err = Number {
        tolerance: None,
        ordinal: false,
    }
    .normalize(&m)
    .unwrap_err();
    assert_eq!(
        err,
        "`29km` is not a plain number: `km` follows it (a unit or currency needs kind = \"quantity\" or \"money\")"
    );
}

#[test]
fn designations_are_not_counts() {
    // Pakistan Point News on the Yeti Airlines crash, 15 January 2023.
    let said =
        |text: &str| -> Vec<String> { find(text).into_iter().map(|f| f.value.value).collect() };
    assert_eq!(
        said("a twin-engine turboprop ATR 72 passenger plane of Yeti Airlines"),
        Vec::<String>::new()
    );
    assert_eq!(
        said("A Yeti Airlines operated ATR-72 aircraft carrying 72 passengers crashed"),
        ["72"]
    );
    assert_eq!(said("Flight 691 with 68 passengers and No. 4 crew"), ["68"]);
    // An all-capitals headline still counts; "US" before a count does not name it.
    assert_eq!(said("PLANE WITH 72 PEOPLE CRASHES"), ["72"]);
    assert_eq!(said("the 2 US officials and 3 others"), ["2", "3"]);
}

#[test]
fn ordinals_only_when_the_rule_asks() {
    let text = "the 32nd session";
    let m = RawMatch {
        value: 4..8,
        ..RawMatch::whole_text(text)
    };
    assert!(Number {
        tolerance: None,
        ordinal: false
    }
    .normalize(&m)
    .is_err());
    let n = Number {
        tolerance: None,
        ordinal: true,
    }
    .normalize(&m)
    .unwrap()
    .remove(0);
    assert_eq!(n.value, "32");
}

#[test]
fn ordinals_in_digits_and_words_read_as_their_number() {
    let n = Number {
        tolerance: None,
        ordinal: true,
    };
    let table = [
        ("7th", "7"),
        ("seventh", "7"),
        ("21st", "21"),
        ("twenty-first", "21"),
        ("twenty first", "21"),
        ("one hundred and first", "101"),
    ];
    for (text, want) in table {
        assert_eq!(n.parse(text).unwrap().value, want, "{text}");
    }
    assert!(n.agree(&n.parse("7th").unwrap(), &n.parse("seventh").unwrap()));
}

#[test]
fn tolerance_applies_to_exact_and_hedged_values_alike() {
    let n = Number {
        tolerance: Some(Tolerance::Relative(0.05)),
        ordinal: false,
    };
    let hedged = read("some 7,500", "7,500");
    assert!(n.agree(&hedged, &read("7,591", "7,591")));
    assert!(n.agree(&read("7,500", "7,500"), &read("7,591", "7,591")));
    assert!(!n.agree(&hedged, &read("8,000", "8,000")));
    // Within 5% of each other, not 10%: each side is not widened twice.
    assert!(n.agree(&read("100", "100"), &read("104", "104")));
    assert!(!n.agree(&read("100", "100"), &read("108", "108")));
    let exact = Number {
        tolerance: None,
        ordinal: false,
    };
    assert!(!exact.agree(&read("7,500", "7,500"), &read("7,591", "7,591")));
}

#[test]
fn precision_as_written() {
    // The last written digit: "17.8 million" is 17.75 to 17.85 million.
    let cases = [
        ("17.8 million", 50_000.0),
        ("18 million", 500_000.0),
        ("1,780,000", 0.5),
        ("141", 0.5),
        ("seven", 0.0),
        ("between 30 and 40", 0.0),
    ];
    for (text, want) in cases {
        assert_eq!(read(text, text).precision, want, "{text}");
    }
    // Dots as thousands separators (Press TV's "17.926.345"): ±0.5.
    assert_eq!(written_precision("17.926.345", 17_926_345.0), 0.5);
    let n = Number {
        tolerance: None,
        ordinal: false,
    };
    let rounded = read("18 million", "18 million");
    assert!(n.agree(&rounded, &read("17,926,345", "17,926,345")));
    assert!(!n.agree(
        &read("17.8 million", "17.8 million"),
        &read("17,926,345", "17,926,345")
    ));
    assert!(!n.agree(&read("1,000", "1,000"), &read("1,001", "1,001")));
}
