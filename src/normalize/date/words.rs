//! Words and numbers of dates: month and weekday names, days written as
//! words ("twenty-first"), small counts ("a few"), and readers of the regex
//! groups the forms in [`super::forms`] share.

use super::{MonthRef, Unit};
use jiff::civil::Weekday;
use regex::Captures;

pub const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
pub const WEEKDAYS: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
pub const WEEKDAYS_SHORT: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)";
pub use crate::normalize::numtext::words::ORDINALS;
pub use crate::normalize::numtext::words::UNITS;

/// The regex `{month}` placeholders and the scanner use.
pub fn month_regex() -> &'static str {
    MONTHS
}

/// The regex for full weekday names.
pub fn weekday_regex() -> &'static str {
    WEEKDAYS
}

/// Day of the month written as a word: "first", "twenty-first", "twenty one", "thirtieth".
pub fn day_word_regex() -> String {
    let small = |list: &[&str]| list[1..10].join("|");
    let teens = |list: &[&str]| list[10..].join("|");
    format!(
        r"(?:(?:twenty|thirty)[\s-](?:{}|{})|twentieth|thirtieth|twenty|thirty|{}|{}|{}|{})",
        small(&ORDINALS),
        small(&UNITS),
        teens(&ORDINALS),
        teens(&UNITS),
        small(&ORDINALS),
        small(&UNITS)
    )
}

/// The day a word stands for, 1–31.
pub fn day_from_word(word: &str) -> Option<i8> {
    let word = word.to_lowercase().replace('-', " ");
    let parts: Vec<&str> = word.split_whitespace().collect();
    let one = |w: &str| {
        UNITS
            .iter()
            .position(|u| *u == w)
            .or_else(|| ORDINALS.iter().position(|o| *o == w))
            .map(|i| i as i8)
    };
    let tens = |w: &str| match w {
        "twenty" | "twentieth" => Some(20),
        "thirty" | "thirtieth" => Some(30),
        _ => None,
    };
    let day = match parts.as_slice() {
        [w] => one(w).or_else(|| tens(w))?,
        [t, u] => tens(t)? + one(u).filter(|u| (1..10).contains(u))?,
        _ => return None,
    };
    (1..=31).contains(&day).then_some(day)
}

pub fn month_from(name: &str) -> Option<i8> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| lower.starts_with(n))
        .map(|i| i as i8 + 1)
}

pub fn weekday_from(name: &str) -> Option<Weekday> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let i = names.iter().position(|n| lower.starts_with(n))?;
    Weekday::from_monday_zero_offset(i as i8).ok()
}

/// A small count written as digits or a word ("3", "three", "a", "a few").
pub fn count(text: &str) -> Option<i64> {
    let lower = text.trim().to_lowercase();
    match lower.as_str() {
        "a" | "an" => Some(1),
        "few" | "a few" => Some(3),
        // "1,000 days": thousands separators, and no more than a date can shift.
        _ => lower
            .replace(',', "")
            .parse()
            .ok()
            .filter(|n: &i64| *n <= 1_000_000)
            .or_else(|| UNITS.iter().position(|u| *u == lower).map(|i| i as i64)),
    }
}

pub fn unit_from(text: &str) -> Option<Unit> {
    match text.to_lowercase().trim_end_matches('s') {
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "quarter" => Some(Unit::Quarter),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

pub fn offset_word(word: &str) -> Option<i64> {
    match word.to_lowercase().as_str() {
        "last" | "past" | "previous" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    }
}

/// A year written in words: "nineteen seventy eight", "nineteen zero one",
/// "two thousand and eighteen", "two thousand", "twenty twenty-three".
pub fn year_words_regex() -> String {
    let unit = UNITS[1..10].join("|");
    let teens = UNITS[10..].join("|");
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    let below_100 =
        format!(r"(?:(?:{tens})(?:[\s-]+(?:{unit}))?|{teens}|(?:oh|zero|o)[\s-]+(?:{unit}))");
    format!(
        r"(?:(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+(?:hundred(?:\s+and\s+(?:{below_100}|{unit}))?|{below_100})|two\s+thousand(?:(?:\s+and)?\s+(?:{below_100}|{unit}))?)"
    )
}

/// The year a [`year_words_regex`] match stands for.
pub fn year_from_words(text: &str) -> Option<i16> {
    let lower = text.to_lowercase().replace('-', " ");
    let words: Vec<&str> = lower.split_whitespace().filter(|w| *w != "and").collect();
    let small = |ws: &[&str]| -> Option<i16> {
        let one = |w: &str| UNITS.iter().position(|u| *u == w).map(|i| i as i16);
        let tens = |w: &str| {
            [
                "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            ]
            .iter()
            .position(|t| *t == w)
            .map(|i| (i as i16 + 2) * 10)
        };
        match ws {
            [] => Some(0),
            ["oh" | "zero" | "o", u] => one(u).filter(|u| *u < 10),
            [w] => one(w).or_else(|| tens(w)),
            [t, u] => Some(tens(t)? + one(u).filter(|u| (1..10).contains(u))?),
            _ => None,
        }
    };
    match words.as_slice() {
        ["two", "thousand", rest @ ..] => Some(2000 + small(rest)?),
        [century, "hundred", rest @ ..] => Some(small(&[century])? * 100 + small(rest)?),
        [century, rest @ ..] => Some(small(&[century])? * 100 + small(rest).filter(|y| *y > 0)?),
        _ => None,
    }
}

pub fn year_of(caps: &Captures, name: &str) -> Option<Option<i16>> {
    let words = (name == "year").then(|| caps.name("yearw")).flatten();
    if let Some(w) = words {
        return year_from_words(w.as_str()).map(Some);
    }
    match caps.name(name) {
        None => Some(None),
        Some(y) => {
            let raw = y.as_str();
            let year: i16 = raw.parse().ok()?;
            let year = match raw.len() {
                // As Recognizers-Text does: '27 is 2027, '40 is 1940.
                2 if year < 30 => 2000 + year,
                2 => 1900 + year,
                _ => year,
            };
            Some(Some(year))
        }
    }
}

pub fn day_of(caps: &Captures) -> Option<i8> {
    if let Some(d) = caps.name("day").or(caps.name("day2")) {
        return d.as_str().parse().ok().filter(|d| (1..=31).contains(d));
    }
    caps.name("dayw").and_then(|w| day_from_word(w.as_str()))
}

pub fn weekday_of(caps: &Captures) -> Option<Weekday> {
    caps.name("wd").and_then(|w| weekday_from(w.as_str()))
}

pub fn month_ref(caps: &Captures) -> Option<MonthRef> {
    if let Some(rel) = caps.name("rel") {
        return offset_word(rel.as_str()).map(MonthRef::Relative);
    }
    Some(MonthRef::Named {
        month: month_from(caps.name("month")?.as_str())?,
        year: year_of(caps, "year")?,
    })
}

/// Month and day from two numbers: US order unless the first cannot be a month.
pub fn month_day(a: &str, b: &str) -> Option<(i8, i8)> {
    let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
}
