//! Recognizes date expressions in text, without a calendar: each form is a
//! regex plus a reader that turns its groups into an [`Expr`]. Where forms
//! overlap, the one that starts first wins, then the longest ("Tuesday,
//! Feb. 28" over "Tuesday"). Words that are dates only in some contexts
//! ("May", "March", "the first") need a context that makes them dates.

use super::{Expr, MonthRef, Part, Unit};
use jiff::civil::Weekday;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAYS: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const WEEKDAYS_SHORT: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)";
const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The regex `{month}` placeholders and the scanner use.
pub fn month_regex() -> &'static str {
    MONTHS
}

/// The regex for full weekday names.
pub fn weekday_regex() -> &'static str {
    WEEKDAYS
}

/// Day of the month written as a word: "first", "twenty-first", "twenty one", "thirtieth".
fn day_word_regex() -> String {
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
fn count(text: &str) -> Option<i64> {
    let lower = text.trim().to_lowercase();
    match lower.as_str() {
        "a" | "an" => Some(1),
        "few" | "a few" => Some(3),
        _ => lower
            .parse()
            .ok()
            .or_else(|| UNITS.iter().position(|u| *u == lower).map(|i| i as i64)),
    }
}

fn unit_from(text: &str) -> Option<Unit> {
    match text.to_lowercase().trim_end_matches('s') {
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "quarter" => Some(Unit::Quarter),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

fn offset_word(word: &str) -> Option<i64> {
    match word.to_lowercase().as_str() {
        "last" | "past" | "previous" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    }
}

fn year_of(caps: &Captures, name: &str) -> Option<Option<i16>> {
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

fn day_of(caps: &Captures) -> Option<i8> {
    if let Some(d) = caps.name("day").or(caps.name("day2")) {
        return d.as_str().parse().ok().filter(|d| (1..=31).contains(d));
    }
    caps.name("dayw").and_then(|w| day_from_word(w.as_str()))
}

fn weekday_of(caps: &Captures) -> Option<Weekday> {
    caps.name("wd").and_then(|w| weekday_from(w.as_str()))
}

fn month_ref(caps: &Captures) -> Option<MonthRef> {
    if let Some(rel) = caps.name("rel") {
        return offset_word(rel.as_str()).map(MonthRef::Relative);
    }
    Some(MonthRef::Named {
        month: month_from(caps.name("month")?.as_str())?,
        year: year_of(caps, "year")?,
    })
}

/// Month and day from two numbers: US order unless the first cannot be a month.
fn month_day(a: &str, b: &str) -> Option<(i8, i8)> {
    let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
}

type Reader = fn(&Captures) -> Option<Expr>;

fn calendar(c: &Captures) -> Option<Expr> {
    // "may" and "march" in lower case are verbs unless a digit follows ("may 1").
    let lower_verb = matches!(&c["month"], "may" | "march");
    (!lower_verb || c.name("day").or(c.name("day2")).is_some()).then_some(())?;
    // "One May" is not a date; "first of May", "second May" are.
    let cardinal = c.name("dayw").is_some_and(|w| {
        !["st", "nd", "rd", "th"]
            .iter()
            .any(|s| w.as_str().to_lowercase().ends_with(s))
    });
    (!(cardinal && c.name("dayfirst").is_some() && c.name("of").is_none())).then_some(())?;
    Some(Expr::Calendar {
        year: year_of(c, "year")?,
        month: month_from(c.name("month")?.as_str())?,
        day: day_of(c)?,
        weekday: weekday_of(c),
    })
}

fn numeric(c: &Captures) -> Option<Expr> {
    let (month, day) = month_day(c.name("a")?.as_str(), c.name("b")?.as_str())?;
    Some(Expr::Calendar {
        year: year_of(c, "year")?,
        month,
        day,
        weekday: None,
    })
}

/// Every form: its regex (case-insensitive) and its reader.
static FORMS: LazyLock<Vec<(Regex, Reader)>> = LazyLock::new(|| {
    let dw = day_word_regex();
    let day = format!(r"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<dayw>{dw}))");
    let wd = format!(r"(?:(?P<wd>{WEEKDAYS_SHORT})\.?,?\s+)?");
    let year = r"(?:(?:\s*,?\s*|[-/]|\s+(?:of|in)\s+)(?P<year>\d{4})\b)?";
    let forms: Vec<(String, Reader)> = vec![
        // February 24, Feb. 24, Tuesday, Feb. 28, January 12, 2016, Oct-2, September the twenty-first
        (format!(r"\b{wd}(?P<month>{MONTHS})(?:\b\.?\s*(?:[-/]\s*|the\s+)?{day}|(?P<day2>\d{{1,2}}))\b{year}"), calendar),
        // 24 February 2023, 1st Jan, second of Aug, Wed, 22 of Jan, 16. Nov. 2016
        (format!(r"\b{wd}(?:the\s+)?(?P<dayfirst>{day})(?:\.?\s+(?P<of>of\s+)?|[-/])(?P<month>{MONTHS})\b\.?{year}"), calendar),
        // 2023-02-28, 2015/08/12, 2015.5.13
        (r"\b(?P<year>\d{4})[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})\b".into(), |c| {
            let (month, day) = (c.name("a")?.as_str().parse().ok()?, c.name("b")?.as_str().parse().ok()?);
            Some(Expr::Calendar { year: year_of(c, "year")?, month, day, weekday: None })
        }),
        // 2019-sep-1
        (format!(r"\b(?P<year>\d{{4}})[-/](?P<month>{MONTHS})[-/](?P<day>\d{{1,2}})\b"), calendar),
        // 02/22/2016, 21-04-2016, 9-18-15, 13.5.2015
        (r"\b(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>\d{4}|\d{2})\b".into(), numeric),
        // 4/22 (slashes: 4.22 is a number, 7-6 a score, unless after "on"); not 24/7
        (r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})(?P<tail>[/\d]?)".into(), |c| {
            let text = format!("{}/{}", &c["a"], &c["b"]);
            (c["tail"].is_empty() && text != "24/7").then_some(())?;
            numeric(c)
        }),
        (r"\bon\s+(?P<core>(?P<a>\d{1,2})[-.](?P<b>\d{1,2}))\b".into(), numeric),
        // "on 15" closing a sentence: the 15th of the publication month
        (r"\bon\s+(?P<core>(?P<day>\d{1,2}))(?P<after>\s*[.!?]?\s*$)".into(), |c| {
            Some(Expr::DayOfMonth { month: MonthRef::Relative(0), day: day_of(c)?, weekday: None })
        }),
        // 08/12,2015
        (r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2}),(?P<year>\d{4}|\d{2})\b".into(), numeric),
        // the 24th, Thursday the 21st, the 20th of next month, Friday the fifteen
        (format!(r"\b{wd}(?P<the>the\s+)?(?P<day>\d{{1,2}})(?P<suffix>st|nd|rd|th)?\b(?:\s+of\s+(?P<rel>this|next|last|previous)\s+month\b)?(?P<after>\s+[a-z]+)?"), |c| {
            let anchored = (c.name("wd").is_some() && (c.name("the").is_some() || c.name("suffix").is_some())) || c.name("rel").is_some();
            (anchored || c.name("the").is_some()).then_some(())?;
            (anchored || (c.name("suffix").is_some() && follows_ok(c))).then_some(())?;
            Some(Expr::DayOfMonth { month: month_ref(c).filter(|_| c.name("rel").is_some()).unwrap_or(MonthRef::Relative(0)), day: day_of(c)?, weekday: weekday_of(c) })
        }),
        (format!(r"\b(?P<wd>{WEEKDAYS})\s+the\s+(?P<dayw>{dw})\b"), |c| Some(Expr::DayOfMonth { month: MonthRef::Relative(0), day: day_of(c)?, weekday: weekday_of(c) })),
        (format!(r"\bthe\s+(?:(?P<dayw>{dw})|(?P<day>\d{{1,2}}))(?P<after>\s*[.!?,;]?\s*$)"), |c| Some(Expr::DayOfMonth { month: MonthRef::Relative(0), day: day_of(c)?, weekday: None })),
        // the first Friday of July, the second Monday of next month
        (format!(r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last)\s+(?P<wd>{WEEKDAYS})\s+(?:of|in)\s+(?:(?P<rel>this|next|last|previous)\s+month|(?P<month>{MONTHS})\b{year})"), |c| {
            let nth = match &c["nth"].to_lowercase()[..] {
                "last" => -1,
                w => ORDINALS.iter().position(|o| *o == w)? as i8,
            };
            Some(Expr::NthWeekday { nth, weekday: weekday_of(c)?, month: month_ref(c)? })
        }),
        // second Sunday, first Sunday (of the publication month; not "his first Sunday")
        (format!(r"\b(?P<det>(?:the|his|her|its|their|our|my|your|a|an)\s+)?(?P<nth>first|second|third|fourth|fifth)\s+(?P<wd>{WEEKDAYS})\b"), |c| {
            c.name("det").is_none().then_some(())?;
            let nth = ORDINALS.iter().position(|o| o.eq_ignore_ascii_case(&c["nth"]))? as i8;
            Some(Expr::NthWeekday { nth, weekday: weekday_of(c)?, month: MonthRef::Relative(0) })
        }),
        // two Sundays from now
        (format!(r"\b(?P<n>\d|two|three|four|five|six)\s+(?P<wd>{WEEKDAYS})s\s+from\s+now\b"), |c| {
            Some(Expr::NearestWeekday { weekday: weekday_of(c)?, nth: count(&c["n"])? as i32 })
        }),
        // 1 month 21 days ago, 2 years, 1 month and 21 days ago
        (r"\b(?P<parts>(?:(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:years?|months?|weeks?|days?)(?:\s*,\s*|\s+and\s+|\s+)){2,})ago\b".into(), |c| {
            static PART: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(\S+)\s+(years?|months?|weeks?|days?)").expect("duration part"));
            let parts = PART.captures_iter(&c["parts"]).map(|p| Some((-count(&p[1])?, unit_from(&p[2])?))).collect::<Option<Vec<_>>>()?;
            Some(Expr::Elapsed { parts })
        }),
        // Thursday, next Sunday, last week Sunday, Friday next week, Sunday of next week
        (format!(r"\b(?:(?P<near>(?:this\s+)?(?:past|coming))\s+|(?P<mod>this|next|last|previous)\s+(?:week(?:'s)?\s+)?(?:on\s+)?)?(?P<wd>{WEEKDAYS})\b(?:\s+(?:of\s+)?(?P<mod2>next|last|this)\s+week\b)?"), |c| {
            if let Some(near) = c.name("near") {
                let nth = if near.as_str().to_lowercase().ends_with("coming") { 1 } else { -1 };
                return Some(Expr::NearestWeekday { weekday: weekday_of(c)?, nth });
            }
            let week = c.name("mod").or(c.name("mod2")).and_then(|m| offset_word(m.as_str()));
            Some(Expr::Weekday { weekday: weekday_of(c)?, week })
        }),
        // today, yesterday, tomorrow, the day before yesterday, the day after tomorrow
        (r"\b(?:the\s+day\s+(?P<rel>before|after)\s+)?(?P<word>today|yesterday|tomorrow|tmrw)\b".into(), |c| {
            let mut amount = match &c["word"].to_lowercase()[..] {
                "today" => 0,
                "yesterday" => -1,
                _ => 1,
            };
            amount += c.name("rel").map_or(0, |r| if r.as_str().eq_ignore_ascii_case("before") { -1 } else { 1 });
            Some(Expr::FromPublication { amount, unit: Unit::Day })
        }),
        // two days ago, a few months ago, two weeks from now, in 3 weeks, four days from yesterday
        (r"\b(?:(?P<in>in)\s+)?(?P<n>\d{1,3}|a\s+few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|months?|years?)(?:\s+(?P<dir>ago|from\s+now|hence|(?:from|after|before)\s+(?P<base>today|tomorrow|tmrw|yesterday)|earlier|later|before|after)(?P<after>\s*[,.;!?)]|\s*$)?)?".into(), |c| {
            let n = count(&c["n"])?;
            let unit = unit_from(&c["unit"])?;
            let dir = c.name("dir").map(|d| d.as_str().to_lowercase());
            let with_in = c.name("in").is_some() && dir.is_none();
            match (with_in, dir.as_deref()) {
                (true, None) => Some(Expr::FromPublication { amount: n, unit }),
                (false, Some("ago")) => Some(Expr::FromPublication { amount: -n, unit }),
                (false, Some(d)) if d.starts_with("from now") || d == "hence" => Some(Expr::FromPublication { amount: n, unit }),
                (false, Some("earlier")) => Some(Expr::Anchored { amount: -n, unit }),
                (false, Some("later")) => Some(Expr::Anchored { amount: n, unit }),
                // "a day before" / "a day after" only when nothing follows: "a week after the vote" counts from an event.
                (false, Some("before")) if c.name("after").is_some() => Some(Expr::Anchored { amount: -n, unit }),
                (false, Some("after")) if c.name("after").is_some() => Some(Expr::Anchored { amount: n, unit }),
                (false, Some(_)) if unit == Unit::Day || unit == Unit::Week => {
                    let base = c.name("base")?.as_str().to_lowercase();
                    let base = match base.as_str() {
                        "today" => 0,
                        "yesterday" => -1,
                        _ => 1,
                    };
                    let days = n * if unit == Unit::Week { 7 } else { 1 };
                    let sign = if c["dir"].to_lowercase().starts_with("before") { -1 } else { 1 };
                    Some(Expr::FromPublication { amount: base + sign * days, unit: Unit::Day })
                }
                _ => None,
            }
        }),
        // the day before, the next day, the previous day, the following day
        (r"\bthe\s+(?:day\s+(?P<dir>before|after)|(?P<adj>next|previous|following)\s+day)(?P<after>\s*[,.;!?)]|\s*$)?".into(), |c| {
            if c.name("dir").is_some() && c.name("after").is_none() {
                return None;
            }
            let back = c.name("dir").or(c.name("adj")).is_some_and(|d| matches!(&d.as_str().to_lowercase()[..], "before" | "previous"));
            Some(Expr::Anchored { amount: if back { -1 } else { 1 }, unit: Unit::Day })
        }),
        // last week, next month, this year, earlier this week, later this month
        (r"\b(?:(?P<part>earlier|later)\s+(?:this|in\s+the)\s+|(?P<mod>last|this|next|past|previous|coming|current)\s+)(?P<unit>week|month|quarter|year)\b".into(), |c| {
            let part = match c.name("part").map(|p| p.as_str().to_lowercase()) {
                None => Part::Whole,
                Some(p) if p == "earlier" => Part::Earlier,
                Some(_) => Part::Later,
            };
            let offset = c.name("mod").map_or(Some(0), |m| offset_word(m.as_str()))?;
            Some(Expr::Period { unit: unit_from(&c["unit"])?, offset, part })
        }),
        // in 2015, the year 2008, calendar year 2008 (a bare number is not a year)
        (r"\b(?:in|during|(?:the\s+)?(?:calendar\s+)?year(?:\s+of)?)\s+(?P<core>(?P<year>[12]\d{3}))\b(?P<tail>\s*(?:%|[-–~]\s*\d|\w))?".into(), |c| {
            c.name("tail").is_none().then_some(())?;
            Some(Expr::Year { year: year_of(c, "year")??.max(1000) })
        }),
        // Q1 2019, 2019 Q1, the first quarter of 2013, the first quarter of the year
        (r"\b(?:q(?P<q>[1-4])[\s-]*(?P<year>\d{4})|(?P<year2>\d{4})[\s-]*q(?P<q2>[1-4])|(?:the\s+)?(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:(?P<year3>\d{4})|the\s+year))\b".into(), |c| {
            let quarter = match c.name("q").or(c.name("q2")) {
                Some(q) => q.as_str().parse().ok()?,
                None => match &c["nth"].to_lowercase()[..] {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                },
            };
            let year = c.name("year").or(c.name("year2")).or(c.name("year3")).and_then(|y| y.as_str().parse().ok());
            Some(Expr::Quarter { quarter, year })
        }),
        // the next 3 days, the past two weeks, the 5 upcoming years
        (r"\b(?:(?P<dir>next|last|past|previous|coming|following|upcoming)\s+(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|a\s+few|couple(?:\s+of)?)|(?P<n2>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<dir2>next|past|previous|coming|upcoming))\s+(?P<unit>days|weeks|months|quarters|years)\b".into(), |c| {
            let n = c.name("n").or(c.name("n2"))?.as_str().to_lowercase();
            let n = if n.starts_with("couple") { 2 } else { count(&n)? };
            let dir = c.name("dir").or(c.name("dir2"))?.as_str().to_lowercase();
            let sign = if matches!(dir.as_str(), "last" | "past" | "previous") { -1 } else { 1 };
            Some(Expr::Stretch { count: sign * n, unit: unit_from(&c["unit"])? })
        }),
        // in October, last October, October 2023 (a bare "May" or "march" is not a date)
        (format!(r"\b(?:(?P<pre>in|during|since|from|until|by|of|this|last|next|early|late|mid|mid-)\s*)?(?P<core>(?P<month>{MONTHS})\b\.?(?:(?:,?\s+|\s+of\s+)(?P<year>\d{{4}})\b)?)"), |c| {
            (c.name("pre").is_some() || c.name("year").is_some()).then_some(())?;
            (!matches!(&c["month"], "may" | "march") || c.name("year").is_some()).then_some(())?;
            let offset = c.name("pre").and_then(|p| offset_word(p.as_str())).filter(|_| c.name("year").is_none());
            Some(Expr::Month { month: month_from(&c["month"])?, year: year_of(c, "year")?, offset })
        }),
    ];
    forms
        .into_iter()
        .map(|(re, read)| {
            (
                Regex::new(&format!("(?i){re}")).expect("date form regex"),
                read,
            )
        })
        .collect()
});

/// "the 24th" is a date when what follows is not a noun ("the 24th anniversary").
fn follows_ok(c: &Captures) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "at", "in", "on", "and", "when", "during", "before", "after", "to", "for", "with", "as",
        "from", "the", "of", "or", "but", "that",
    ];
    c.name("after")
        .is_none_or(|w| FUNCTION_WORDS.contains(&w.as_str().trim().to_lowercase().as_str()))
}

/// Every date expression in `text`: byte span and expression, in text order,
/// without overlaps.
pub fn scan(text: &str) -> Vec<(Range<usize>, Expr)> {
    let mut found: Vec<(Range<usize>, Expr)> = Vec::new();
    for (re, read) in FORMS.iter() {
        for caps in re.captures_iter(text) {
            if let Some(expr) = read(&caps) {
                let whole = caps.get(0).map_or(0..0, |m| m.range());
                let start = caps.name("core").map_or(whole.start, |m| m.start());
                let end = [caps.name("after"), caps.name("tail")]
                    .iter()
                    .flatten()
                    .map(|m| m.start())
                    .min()
                    .unwrap_or(whole.end);
                found.push((start..end.max(start), expr));
            }
        }
    }
    // "$12 December 27": a number after a currency sign is an amount, not a day.
    found.retain(|(span, _)| {
        !text[..span.start]
            .trim_end()
            .ends_with(['$', '€', '£', '¥'])
    });
    found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut kept: Vec<(Range<usize>, Expr)> = Vec::new();
    for (span, expr) in found {
        if span.is_empty() || kept.last().is_some_and(|(k, _)| span.start < k.end) {
            continue;
        }
        let trimmed = trim(text, span);
        kept.push((trimmed, expr));
    }
    kept.into_iter()
        .map(|(span, expr)| shifted(text, span, expr))
        .collect()
}

/// "3 days after January 12th", "two weeks before May 13": an amount counted
/// from the date that follows it.
fn shifted(text: &str, span: Range<usize>, expr: Expr) -> (Range<usize>, Expr) {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>after|before|from)\s+$")
            .expect("shift regex")
    });
    let relative_base = matches!(
        expr,
        Expr::Anchored { .. } | Expr::Period { .. } | Expr::Month { .. } | Expr::Elapsed { .. }
    );
    let Some(c) = BEFORE
        .captures(&text[span.start.saturating_sub(40)..span.start])
        .filter(|_| !relative_base)
    else {
        return (span, expr);
    };
    let (Some(n), Some(unit)) = (count(&c["n"]), unit_from(&c["unit"])) else {
        return (span, expr);
    };
    let start = span.start - (c.get(0).map_or(0, |m| m.len()));
    let amount = if c["dir"].eq_ignore_ascii_case("before") {
        -n
    } else {
        n
    };
    (
        start..span.end,
        Expr::Shifted {
            amount,
            unit,
            base: Box::new(expr),
            base_start: span.start - start,
        },
    )
}

/// `span` without surrounding white space, nor a sentence's full stop after
/// a full month name ("in September." ends with the month, "Sept." is one word).
fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let mut end = span.end - (s.len() - s.trim_end().len());
    if end > start && text[..end].ends_with('.') {
        let word: String = text[start..end - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if word.chars().count() > 4 {
            end -= 1;
        }
    }
    start..end.max(start)
}
