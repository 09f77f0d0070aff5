//! Unit tests of `normalize::numtext::words`.

use super::*;

fn read(text: &str) -> Option<(f64, String)> {
    let toks = tokens(text, 0, 40);
    let p = super::super::parse_words(&toks)?;
    Some((p.value, text[..toks[p.used - 1].end].to_string()))
}

#[test]
fn reads_cardinals_with_and_and_scales() {
    assert_eq!(
        read("one hundred and forty-one countries"),
        Some((141.0, "one hundred and forty-one".into()))
    );
    assert_eq!(
        read("two  thousand  and  two hundred"),
        Some((2200.0, "two  thousand  and  two hundred".into()))
    );
    assert_eq!(
        read("3 hundred and 2 hundred"),
        Some((300.0, "3 hundred".into()))
    );
    assert_eq!(read("4000 3 hundred"), Some((4000.0, "4000".into())));
    assert_eq!(
        read("three hundred and two dozens"),
        Some((324.0, "three hundred and two dozens".into()))
    );
    assert_eq!(
        read("two hundred point seventy-one"),
        Some((200.71, "two hundred point seventy-one".into()))
    );
    assert_eq!(read("322 hundred"), Some((32200.0, "322 hundred".into())));
    assert_eq!(
        read("three lakh crore"),
        Some((3e12, "three lakh crore".into()))
    );
    assert_eq!(read("5 crore"), Some((5e7, "5 crore".into())));
}

#[test]
fn reads_fractions() {
    let close = |text: &str, want: f64| {
        let (v, _) = read(text).unwrap_or_else(|| panic!("{text}"));
        assert!(
            (v - want).abs() < 1e-9 * want.abs().max(1.0),
            "{text}: {v} != {want}"
        );
    };
    close("two thirds", 2.0 / 3.0);
    close("one and a half", 1.5);
    close("one hundred and three quarters", 100.75);
    close("one hundred thirty fifths", 100.0 / 35.0);
    close("one hundred and thirty fifths", 26.0);
    close("twenty one fifths", 4.2);
    close("a hundred trillionths", 1e-10);
    close("five billion and three quarters", 5.75e9);
    close("half a dozen", 6.0);
    close("two thirds of a million", 2e6 / 3.0);
    close("five and a half million", 5.5e6);
    assert_eq!(read("two millionth"), Some((2.0, "two".into())));
}
