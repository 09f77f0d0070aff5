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
    assert_eq!(v.key, Key::OneOf(vec!["2023-02-28".into()].into()));
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
        Key::OneOf(vec!["2023-02-23".into(), "2023-03-02".into()].into())
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

#[test]
fn years_in_words_and_working_days() {
    let cases = [
        (
            "on September the twenty-first nineteen seventy eight",
            "September the twenty-first nineteen seventy eight",
            "1978-09-21",
        ),
        (
            "on September 10, nineteen zero one",
            "September 10, nineteen zero one",
            "1901-09-10",
        ),
        (
            "on the tenth of September, two thousand",
            "the tenth of September, two thousand",
            "2000-09-10",
        ),
        (
            "on sunday jan twenty one two thousand and eighteen",
            "sunday jan twenty one two thousand and eighteen",
            "2018-01-21",
        ),
        // From Tuesday 21 August 2018: Wednesday, Thursday, Friday, Monday.
        (
            "a call in four business days",
            "in four business days",
            "2018-08-27",
        ),
    ];
    for (text, value, want) in cases {
        let v = read(text, value, Some(date(2018, 8, 21))).unwrap();
        assert_eq!(v.value, want, "{text}");
    }
    assert_eq!(words::year_from_words("twenty twenty-three"), Some(2023));
    assert_eq!(words::year_from_words("nineteen hundred"), Some(1900));
}

#[test]
fn counted_from_the_future_when_no_date_comes_before() {
    let monday = Some(date(2018, 5, 7));
    let v = read(
        "Are you available two monday later?",
        "two monday later",
        monday,
    )
    .unwrap();
    assert_eq!(v.value, "2018-05-21");
    let v = read("I'll go back the next day", "the next day", monday).unwrap();
    assert_eq!(v.value, "2018-05-08");
    assert!(v.note.unwrap().contains("speaks of the future (future cue"));
    let v = read(
        "I will leave here 2 years 21 days later",
        "2 years 21 days later",
        monday,
    )
    .unwrap();
    assert_eq!(v.value, "2020-05-28");
    // In the past tense, with no date before it, "the next day" stays unread.
    let err = read("He returned the next day.", "the next day", monday).unwrap_err();
    assert!(err.contains("none is mentioned"), "{err}");
    // With a date before it, that date counts, whatever the tense.
    let v = read(
        "He arrived on May 1. He will leave the next day.",
        "the next day",
        monday,
    )
    .unwrap();
    assert_eq!(v.value, "2018-05-02");
}

/// "1,000 days after …" counts a thousand days, not none; "1,500 days
/// before …" fifteen hundred, not five hundred.
#[test]
fn offsets_with_thousands_separators_count_whole() {
    let find = |text: &str| {
        let kind = crate::normalize::kind("date").unwrap();
        let ctx = crate::normalize::read::Context { published: None };
        let found = crate::normalize::read::find(kind, text, ctx).unwrap();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (
            found[0].value.value.clone(),
            text[found[0].span.clone()].to_string(),
        )
    };
    assert_eq!(
        find("The war reached 1,000 days after February 24, 2022, the UN said."),
        (
            "2024-11-20".into(),
            "1,000 days after February 24, 2022".into()
        )
    );
    assert_eq!(
        find("It began 1,500 days before March 1, 2023."),
        (
            "2019-01-21".into(),
            "1,500 days before March 1, 2023".into()
        )
    );
    assert_eq!(
        find("It ended 1000 days after February 24, 2022.").0,
        "2024-11-20"
    );
}

#[test]
fn character_offsets_are_counted_once_over_a_long_text() {
    // Non-ASCII text between the dates ("—", "ï"), and "3 days after" reaching
    // back before the date it shifts.
    let text =
        "Tokaïev — on Feb. 24 — met “them”; 3 days after January 12th, yesterday. ".repeat(50);
    let found = find(&text, Some(date(2023, 3, 2)));
    assert_eq!(found.len(), 150);
    for f in &found {
        assert_eq!(f.start, text[..f.span.start].chars().count(), "{}", f.text);
        assert_eq!(f.end, text[..f.span.end].chars().count(), "{}", f.text);
        assert_eq!(f.text, text[f.span.clone()]);
    }
    assert_eq!(found[4].text, "3 days after January 12th");
    assert_eq!((found[4].start, found[4].end), (108, 133));
}

#[test]
fn iso_writes_a_date_as_display_does() {
    for year in [-9999, -1, 0, 1, 9, 99, 999, 1000, 1991, 2023, 2024, 9999] {
        for (month, day) in [(1, 1), (2, 28), (9, 9), (10, 10), (12, 31)] {
            let d = date(year, month, day);
            assert_eq!(iso(d), d.to_string());
        }
    }
    let mut d = date(2023, 1, 1);
    for _ in 0..800 {
        assert_eq!(iso(d), d.to_string());
        d = d.tomorrow().unwrap();
    }
}
