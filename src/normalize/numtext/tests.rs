//! Unit tests of `normalize::numtext`.

use super::*;

#[test]
fn reads_numbers_as_newsrooms_write_them() {
    let cases: &[(&str, f64)] = &[
        ("7,500", 7500.0),
        ("141", 141.0),
        ("1,234,567", 1234567.0),
        ("4.5", 4.5),
        ("seven", 7.0),
        ("Seven", 7.0),
        ("twenty-five", 25.0),
        ("one hundred forty-one", 141.0),
        ("one hundred and forty-one", 141.0),
        ("25 million", 25e6),
        ("1.2bn", 1.2e9),
        ("$1.2bn", f64::NAN),
        ("a million", 1e6),
        ("two thousand and fifteen", 2015.0),
        ("thirty-two", 32.0),
        ("half", 0.5),
        ("three quarters", 0.75),
        ("minus five", -5.0),
    ];
    for (text, want) in cases {
        let got = parse_number(text);
        if want.is_nan() {
            assert_eq!(got, None, "{text}");
        } else {
            assert_eq!(got, Some(*want), "{text}");
        }
    }
}

#[test]
fn leading_number_says_where_it_ends() {
    assert_eq!(leading_number("7,500 kilometers long"), Some((7500.0, 5)));
    assert_eq!(leading_number("25 million dollars"), Some((25e6, 10)));
    assert_eq!(leading_number("seven against"), Some((7.0, 5)));
    assert_eq!(leading_number("25 miles"), Some((25.0, 2)));
    assert_eq!(leading_number("kilometers"), None);
    assert_eq!(leading_number("a day"), None);
}

#[test]
fn reads_ordinals() {
    assert_eq!(ordinal("32nd"), Some(32.0));
    assert_eq!(ordinal("third"), Some(3.0));
    assert_eq!(ordinal("twenty-first"), Some(21.0));
    assert_eq!(ordinal("thirds"), None);
}

fn found(text: &str) -> Vec<(&str, String)> {
    scan(text, true)
        .into_iter()
        .map(|n| (&text[n.span.clone()], n.shown()))
        .collect()
}

#[test]
fn scans_free_text() {
    assert_eq!(
        found("141 voted in favor, seven against"),
        [("141", "141".into()), ("seven", "7".into())]
    );
    assert_eq!(
        found("192.168.1.2"),
        [
            ("192", "192".into()),
            ("168", "168".into()),
            ("1", "1".into()),
            ("2", "2".into())
        ]
    );
    assert_eq!(
        found("Which one do you prefer? Let's try one last time"),
        [("one", "1".into())]
    );
    assert_eq!(
        found("the 180ml liquid, the May 4th, SCP-173"),
        [("173", "173".into())]
    );
    assert_eq!(
        found("The answer is minus one"),
        [("minus one", "-1".into())]
    );
    assert_eq!(found("1 over 3"), [("1 over 3", "0.3333".into())]);
    assert_eq!(
        found("I want to earn $10000 in 3 years"),
        [("10000", "10000".into()), ("3", "3".into())]
    );
}
