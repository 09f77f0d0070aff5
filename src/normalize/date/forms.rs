//! The forms a date takes in text, each a regex plus a reader that turns its
//! groups into an [`Expr`]. Words that are dates only in some contexts
//! ("May", "March", "the first") need a context that makes them dates.

use super::words::*;
use super::{Expr, MonthRef, Part, Unit};
use crate::text::fastset::Set;
use regex::{Captures, Regex};
use std::sync::LazyLock;

pub type Reader = fn(&Captures) -> Option<Expr>;

pub fn calendar(c: &Captures) -> Option<Expr> {
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

pub fn numeric(c: &Captures) -> Option<Expr> {
    let (month, day) = month_day(c.name("a")?.as_str(), c.name("b")?.as_str())?;
    Some(Expr::Calendar {
        year: year_of(c, "year")?,
        month,
        day,
        weekday: None,
    })
}

/// Every form: its regex (case-insensitive), searched with the others in
/// one pass, and its reader (the same index in `readers`).
pub struct Forms {
    pub set: Set,
    pub readers: Vec<Reader>,
}

/// The forms, compiled once per process.
pub static FORMS: LazyLock<Forms> = LazyLock::new(|| {
    let dw = day_word_regex();
    let day = format!(r"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<dayw>{dw}))");
    let wd = format!(r"(?:(?P<wd>{WEEKDAYS_SHORT})\.?,?\s+)?");
    let year = format!(
        r"(?:(?:\s*,?\s*|[-/]|\s+(?:of|in)\s+)(?:(?P<year>\d{{4}})|(?P<yearw>{}))\b)?",
        year_words_regex()
    );
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
        // "in 4.22" closing a sentence (else "in 4.5 seconds" is a number)
        (r"\bin\s+(?P<core>(?P<a>\d{1,2})\.(?P<b>\d{1,2}))(?P<after>\s*[.!?]?\s*$)".into(), numeric),
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
        // two Sundays from now, two Mondays later
        (format!(r"\b(?P<n>\d|two|three|four|five|six)\s+(?P<wd>{WEEKDAYS})s?\s+(?:from\s+now|later)\b"), |c| {
            Some(Expr::NearestWeekday { weekday: weekday_of(c)?, nth: count(&c["n"])? as i32 })
        }),
        // 1 month 21 days ago, 2 years, 1 month and 21 days ago, 2 years 21 days later
        (r"\b(?P<parts>(?:(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:years?|months?|weeks?|days?)(?:\s*,\s*|\s+and\s+|\s+)){2,})(?P<dir>ago|from\s+now|later|earlier)\b".into(), |c| {
            static PART: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(\S+)\s+(years?|months?|weeks?|days?)").expect("duration part"));
            let dir = c["dir"].to_lowercase();
            let sign = if dir == "ago" || dir == "earlier" { -1 } else { 1 };
            let parts = PART.captures_iter(&c["parts"]).map(|p| Some((sign * count(&p[1])?, unit_from(&p[2])?))).collect::<Option<Vec<_>>>()?;
            Some(Expr::Elapsed { parts, anchored: dir == "later" || dir == "earlier" })
        }),
        // in four business days
        (r"\bin\s+(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:business|working)\s+days?\b".into(), |c| {
            Some(Expr::BusinessDays { amount: count(&c["n"])? })
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
        // the day before, the next day, next day, the previous day, the following day
        (r"\b(?:the\s+day\s+(?P<dir>before|after)|(?:the\s+)?(?P<adj>next|previous|following)\s+day)(?P<after>\s*[,.;!?)]|\s*$)?".into(), |c| {
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
        (r"\b(?:in|during|(?:the\s+)?(?:calendar\s+)?year(?:\s+of)?)\s+(?P<core>(?P<year>[12]\d{3}))\b(?P<tail>\s*(?:%|[-–~]\s*\d))?".into(), |c| {
            c.name("tail").is_none().then_some(())?;
            Some(Expr::Year { year: year_of(c, "year")??.max(1000) })
        }),
        // early 2024, mid-November, late last year, the first half of 2023, H2 2024, by the end of the year
        (format!(r"\b(?P<portion>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of|(?:the\s+)?(?:first|second)\s+half\s+of|by\s+(?:the\s+)?end\s+of|h[12])[\s-]+(?:the\s+)?(?P<base>(?P<year>[12]\d{{3}})\b|(?P<month>{MONTHS})\b\.?(?:,?\s+(?P<myear>\d{{4}})\b)?|(?P<rel>this|last|next|current|coming|previous)\s+(?P<unit>year|month)\b|(?P<the>year|month)\b)"), |c| {
            let portion = super::portion::Portion::from_phrase(&c["portion"])?;
            // "early may" in lower case is a verb ("it may"), not May.
            (!c.name("month").is_some_and(|m| matches!(m.as_str(), "may" | "march")) || c.name("myear").is_some()).then_some(())?;
            let base = if let Some(y) = c.name("year") {
                Expr::Year { year: y.as_str().parse().ok()? }
            } else if let Some(m) = c.name("month") {
                Expr::Month { month: month_from(m.as_str())?, year: year_of(c, "myear")?, offset: None }
            } else {
                let unit = unit_from(c.name("unit").or(c.name("the"))?.as_str())?;
                let offset = c.name("rel").map_or(Some(0), |r| offset_word(r.as_str()))?;
                Expr::Period { unit, offset, part: Part::Whole }
            };
            let base_start = c.name("base")?.start() - c.get(0)?.start();
            Some(Expr::Portion { portion, base: Box::new(base), base_start })
        }),
        // Q1 2019, 2019 Q1, Q1 (of the publication year), the first quarter of 2013, the first quarter of the year
        (r"\b(?:q(?P<q>[1-4])(?:[\s-]*(?P<year>\d{4}))?|(?P<year2>\d{4})[\s-]*q(?P<q2>[1-4])|(?:the\s+)?(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:(?P<year3>\d{4})|the\s+year))\b".into(), |c| {
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
    let (patterns, readers) = forms
        .into_iter()
        .map(|(re, read)| (format!("(?i){re}"), read))
        .unzip();
    Forms {
        set: Set::new(patterns),
        readers,
    }
});

/// "the 24th" is a date when what follows is not a noun ("the 24th anniversary").
pub fn follows_ok(c: &Captures) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "at", "in", "on", "and", "when", "during", "before", "after", "to", "for", "with", "as",
        "from", "the", "of", "or", "but", "that",
    ];
    c.name("after")
        .is_none_or(|w| FUNCTION_WORDS.contains(&w.as_str().trim().to_lowercase().as_str()))
}
