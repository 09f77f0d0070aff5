//! The date normalizer end to end: anchors, missing publication dates,
//! candidate sets, `expect` values.

use super::*;
use jiff::civil::date;

/// Normalizes the first occurrence of `value` in `text`.
fn read(text: &str, value: &str, published: Option<Date>) -> Result<Normalized, String> {
    let start = text.find(value).unwrap();
    let m = RawMatch {
        text,
        value: start..start + value.len(),
        whole: start..start + value.len(),
        groups: vec![],
        published,
        timezone: None,
    };
    DateNormalizer.normalize(&m).map(|mut v| v.remove(0))
}

const ARTICLE_001: &str = "A week after one year of the start of the conflict in Ukraine, he arrived yesterday in Uzbekistan. \
    In his capital, Tashkent, he met with the president. They agreed, the minister said on Telegram.\n\
    A day earlier, Blinken was in Kazakhstan.";

#[test]
fn a_day_earlier_counts_from_the_date_mentioned_before() {
    let v = read(ARTICLE_001, "A day earlier", Some(date(2023, 3, 2))).unwrap();
    assert_eq!(v.value, "2023-02-28");
    assert_eq!(v.key, Key::OneOf(vec!["2023-02-28".into()]));
    assert!(v.note.unwrap().contains("before `yesterday` = 2023-03-01"));
    let unanchored = read(
        "A day earlier, Blinken was in Kazakhstan.",
        "A day earlier",
        Some(date(2023, 3, 2)),
    );
    assert!(unanchored.unwrap_err().contains("none is mentioned"));
}

#[test]
fn relative_dates_without_publication_are_errors_with_the_reason() {
    let err = read(ARTICLE_001, "yesterday", None).unwrap_err();
    assert!(
        err.contains("relative to the publication date, and the article has none"),
        "{err}"
    );
    let err = read(ARTICLE_001, "A day earlier", None).unwrap_err();
    assert!(
        err.contains("counts from `yesterday`, which is unresolved"),
        "{err}"
    );
    assert_eq!(
        read("on February 28, 2023.", "February 28, 2023", None)
            .unwrap()
            .value,
        "2023-02-28"
    );
}

#[test]
fn candidate_sets_agree_when_they_intersect() {
    let unclear = read(
        "He said talks will resume and envoys met; Thursday is key.",
        "Thursday",
        Some(date(2023, 2, 24)),
    )
    .unwrap();
    assert_eq!(unclear.value, "2023-02-23 | 2023-03-02");
    let n = DateNormalizer;
    assert!(n.agree(&unclear, &n.parse("2023-03-02").unwrap()));
    assert!(n.agree(&unclear, &n.parse("2023-02-23").unwrap()));
    assert!(!n.agree(&unclear, &n.parse("2023-02-24").unwrap()));
    let week = read(
        "It happened earlier this week.",
        "earlier this week",
        Some(date(2023, 3, 2)),
    )
    .unwrap();
    assert_eq!(week.value, "2023-02-27..2023-03-01");
    assert!(n.agree(&week, &n.parse("2023-02-28").unwrap()));
    assert!(!n.agree(&week, &n.parse("2023-03-02").unwrap()));
}

#[test]
fn expect_takes_iso_dates_and_candidates() {
    let n = DateNormalizer;
    assert_eq!(
        n.parse("2023-02-23 | 2023-03-02").unwrap().key,
        Key::OneOf(vec!["2023-02-23".into(), "2023-03-02".into()])
    );
    assert!(n.parse("Thursday").unwrap_err().contains("YYYY-MM-DD"));
    assert!(n.parse("2023-02-30").is_err());
}

#[test]
fn said_then_would_is_the_coming_day() {
    // Business Recorder, Thursday 22 April 2021: the meeting was on Friday 23.
    let text = "The host country’s foreign ministry said Friday's three-way meeting would cover recent developments.";
    let v = read(text, "Friday", Some(date(2021, 4, 22))).unwrap();
    assert_eq!(v.value, "2021-04-23");
    assert!(v.note.unwrap().contains("reported speech"));
    // The day of the saying stays in the past.
    let v = read(
        "The ministry said on Monday that talks would resume.",
        "Monday",
        Some(date(2021, 4, 22)),
    )
    .unwrap();
    assert_eq!(v.value, "2021-04-19");
    // A reported clause in the past tense stays in the past.
    let v = read(
        "Officials said Friday's meeting was held in Istanbul.",
        "Friday",
        Some(date(2021, 4, 24)),
    )
    .unwrap();
    assert_eq!(v.value, "2021-04-23");
}
