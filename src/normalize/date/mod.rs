//! `kind = "date"`: calendar dates as newsrooms write them ("Thursday",
//! "Feb. 24", "February 28, 2023", "yesterday", "a day earlier", "last
//! week"), resolved against the article's publication date.
//!
//! Reading happens in two steps. [`scan`] recognizes an expression and says
//! what it is ([`Expr`]), without a calendar; the resolvers turn it into
//! calendar days: [`absolute`] (month and day, year inferred), [`weekday`]
//! (weekday names, aware of tense cues), [`relative`] (today, yesterday,
//! ago, "a day earlier" counted from the date mentioned just before, weeks,
//! months and years). A value is a set of candidate days ([`Key::OneOf`]):
//! two mentions agree when their sets intersect, so an unclear tense keeps
//! both readings and a range ("last week") agrees with any day in it.
//! Without a publication date, anything relative is an error (reported as
//! unresolved with the reason), never a guess.

pub mod absolute;
mod chunks;
pub mod forms;
pub mod portion;
pub mod relative;
pub mod scan;
pub mod weekday;
pub mod words;

use super::{Chars, Found, Key, Kind, Normalized, Normalizer, RawMatch};
use crate::text::kept::kept;
use crate::text::words::Fx;
use jiff::civil::{Date, Weekday};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Empties this thread's caches of the date reader: chunks, short texts
/// and tenses (see [`super::clear_thread_caches`]).
pub(super) fn clear_thread_caches() {
    chunks::clear_thread_cache();
    scan::clear_thread_cache();
    weekday::clear_thread_cache();
    PERIODS.take();
}

pub struct DateKind;

impl Kind for DateKind {
    fn name(&self) -> &'static str {
        "date"
    }

    fn options(&self) -> &'static [&'static str] {
        &[]
    }

    fn build(&self, _options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        Ok(Box::new(DateNormalizer))
    }

    fn find(&self, text: &str, published: Option<Date>) -> Option<Vec<Found>> {
        Some(find(text, published))
    }
}

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
        }
    }

    /// A span of `n` of this unit.
    pub fn span(self, n: i64) -> jiff::Span {
        let s = jiff::Span::new();
        match self {
            Unit::Day => s.days(n),
            Unit::Week => s.weeks(n),
            Unit::Month => s.months(n),
            Unit::Quarter => s.months(3 * n),
            Unit::Year => s.years(n),
        }
    }
}

/// Which part of a period: all of it, the part before publication ("earlier
/// this week") or after it ("later this month").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Whole,
    Earlier,
    Later,
}

/// A month named outright ("of July 2016") or relative to publication
/// ("of next month": offset 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthRef {
    Named { month: i8, year: Option<i16> },
    Relative(i64),
}

/// A date expression as written, before any calendar arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// "February 24", "Tuesday, Feb. 28", "24 February 2023", "2023-02-28".
    Calendar {
        year: Option<i16>,
        month: i8,
        day: i8,
        weekday: Option<Weekday>,
    },
    /// "the 24th" (this month), "the 20th of next month".
    DayOfMonth {
        month: MonthRef,
        day: i8,
        weekday: Option<Weekday>,
    },
    /// "the first Friday of July"; `nth` -1 is "the last".
    NthWeekday {
        nth: i8,
        weekday: Weekday,
        month: MonthRef,
    },
    /// "Thursday" (tense decides), "next Sunday" (`week` 1), "last Sunday" (-1).
    Weekday { weekday: Weekday, week: Option<i64> },
    /// "this past Wednesday" (`nth` -1: the nearest before publication),
    /// "this coming Friday" (1), "two Sundays from now" (2).
    NearestWeekday { weekday: Weekday, nth: i32 },
    /// A whole year: "in 2015", "the year 2008".
    Year { year: i16 },
    /// A quarter: "Q1 2019", "the first quarter of 2013" (no year: the publication year).
    Quarter { quarter: i8, year: Option<i16> },
    /// Several units up to or from publication: "the next 3 days" (3), "the past two weeks" (-2).
    Stretch { count: i64, unit: Unit },
    /// Counted from a date written just after: "3 days after January 12th";
    /// the base starts `base_start` bytes into the expression.
    Shifted {
        amount: i64,
        unit: Unit,
        base: Box<Expr>,
        base_start: usize,
    },
    /// Several units: "1 month and 21 days ago" (from publication), "2
    /// years 21 days later" (`anchored`: from the date mentioned before).
    Elapsed {
        parts: Vec<(i64, Unit)>,
        anchored: bool,
    },
    /// Working days from publication, weekends skipped: "in four business days".
    BusinessDays { amount: i64 },
    /// Counted from publication: today (0 days), yesterday (-1 day), "two weeks ago".
    FromPublication { amount: i64, unit: Unit },
    /// Counted from the date mentioned just before: "a day earlier" (-1 day).
    Anchored { amount: i64, unit: Unit },
    /// "last week", "earlier this week", "next month", "last year".
    Period { unit: Unit, offset: i64, part: Part },
    /// "in October" (tense decides), "last October" (`offset` -1), "October 2023".
    Month {
        month: i8,
        year: Option<i16>,
        offset: Option<i64>,
    },
    /// A part of a year or month: "early 2024", "late October", "the first
    /// half of 2023", "by the end of the year"; the period starts
    /// `base_start` bytes into the expression.
    Portion {
        portion: portion::Portion,
        base: Box<Expr>,
        base_start: usize,
    },
}

/// The calendar days a mention may mean.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Days {
    /// One day, or several candidates when the text does not decide.
    OneOf(Vec<Date>),
    /// Every day from the first to the last (inclusive).
    Range(Date, Date),
}

impl Days {
    pub fn one(date: Date) -> Days {
        Days::OneOf(vec![date])
    }

    /// Every day the mention may mean.
    pub fn all(&self) -> Vec<Date> {
        match self {
            Days::OneOf(dates) => dates.clone(),
            Days::Range(first, last) => {
                let mut out = Vec::new();
                let mut day = *first;
                while day <= *last {
                    out.push(day);
                    match day.tomorrow() {
                        Ok(next) => day = next,
                        Err(_) => break,
                    }
                }
                out
            }
        }
    }

    /// The value as reports show it: "2023-02-23", "2023-02-23 | 2023-03-02",
    /// "2023-02-20..2023-02-26".
    pub fn shown(&self) -> String {
        match self {
            Days::OneOf(dates) => dates
                .iter()
                .map(|d| iso(*d))
                .collect::<Vec<_>>()
                .join(" | "),
            Days::Range(first, last) => format!("{first}..{last}"),
        }
    }
}

/// `date` as its `Display` writes it ("2023-02-28"), without the
/// formatting machinery for the years news has (0 to 9999): a date fact
/// writes every day of a period ("last year": 365 of them), for every
/// mention. Other years go through `Display`.
pub fn iso(date: Date) -> String {
    let Ok(year) = u16::try_from(date.year()) else {
        return date.to_string();
    };
    let (month, day) = (date.month() as u8, date.day() as u8);
    let digit = |n: u16| b'0' + (n % 10) as u8;
    let bytes = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        b'0' + month / 10,
        b'0' + month % 10,
        b'-',
        b'0' + day / 10,
        b'0' + day % 10,
    ];
    String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| date.to_string())
}

/// A resolved mention: the days and how they were worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub days: Days,
    pub how: String,
}

impl Resolved {
    pub fn new(days: Days, how: impl Into<String>) -> Self {
        Resolved {
            days,
            how: how.into(),
        }
    }

    /// The comparable value; `written` is the text as the article has it.
    pub fn normalized(&self, written: &str) -> Normalized {
        let (shown, days) = shown_and_days(&self.days);
        let key = Key::OneOf(days);
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        Normalized::new(shown.clone(), key).note(format!("{written} → {shown}: {}", self.how))
    }
}

/// How many periods a thread keeps written out ([`shown_and_days`]); past
/// it, the table is emptied.
const KEPT_PERIODS: usize = 4096;

/// A period as reports show it, and its days as a value's key lists them.
type Written = (String, Arc<[String]>);

thread_local! {
    /// Periods written out, by their days: a date fact writes out every day
    /// of a period for each mention ("last year": 365 strings), and the
    /// articles of one story name the same periods. On dense-100k these
    /// strings were ~4 % of the run in `malloc` alone. (Never iterated.)
    static PERIODS: RefCell<HashMap<Days, Written, Fx>> = RefCell::default();
}

/// `days` as reports show it ([`Days::shown`]) and as the value's key
/// lists it (every day, ISO), kept per thread.
fn shown_and_days(days: &Days) -> Written {
    kept(
        &PERIODS,
        KEPT_PERIODS,
        days,
        || days.clone(),
        || (days.shown(), days.all().into_iter().map(iso).collect()),
    )
}

/// The publication date, or the reason a relative expression cannot be read.
pub fn need_published(published: Option<Date>, what: &str) -> Result<Date, String> {
    published.ok_or_else(|| format!("{what} is relative to the publication date, and the article has none (add `published` to sources.toml or the front matter)"))
}

/// Resolves the expression found at byte `span` of `text`.
pub fn resolve(
    text: &str,
    span: Range<usize>,
    expr: &Expr,
    published: Option<Date>,
) -> Result<Resolved, String> {
    resolve_depth(text, span, expr, published, 0)
}

fn resolve_depth(
    text: &str,
    span: Range<usize>,
    expr: &Expr,
    published: Option<Date>,
    depth: usize,
) -> Result<Resolved, String> {
    let written = text[span.clone()].trim();
    match expr {
        Expr::Calendar { .. }
        | Expr::DayOfMonth { .. }
        | Expr::NthWeekday { .. }
        | Expr::Year { .. }
        | Expr::Quarter { .. } => absolute::resolve(expr, written, published),
        Expr::Weekday { .. } | Expr::NearestWeekday { .. } => {
            weekday::resolve(text, span, expr, published)
        }
        Expr::Month { .. } => absolute::resolve_month(text, span, expr, published),
        Expr::FromPublication { .. }
        | Expr::Period { .. }
        | Expr::Elapsed {
            anchored: false, ..
        }
        | Expr::BusinessDays { .. }
        | Expr::Stretch { .. } => relative::resolve(expr, written, published),
        Expr::Elapsed {
            parts,
            anchored: true,
        } => {
            let (anchor, anchor_text) = anchor(text, span, published, depth)?;
            relative::shift(&anchor, &anchor_text, parts)
        }
        Expr::Shifted {
            amount,
            unit,
            base,
            base_start,
        } => {
            let base_span = span.start + base_start..span.end;
            let base_text = text[base_span.clone()].trim().to_string();
            let anchor =
                resolve_depth(text, base_span, base, published, depth + 1).map_err(|reason| {
                    format!("`{written}` counts from `{base_text}`, which is unresolved: {reason}")
                })?;
            relative::from_anchor(&anchor, &base_text, *amount, *unit)
        }
        Expr::Portion {
            portion,
            base,
            base_start,
        } => {
            let base_span = span.start + base_start..span.end;
            let whole = resolve_depth(text, base_span, base, published, depth + 1)?;
            portion::cut(&whole, *portion, written, published)
        }
        Expr::Anchored { amount, unit } => {
            let (anchor, anchor_text) = anchor(text, span, published, depth)?;
            relative::from_anchor(&anchor, &anchor_text, *amount, *unit)
        }
    }
}

/// What "the next day" or "two days later" at `span` counts from: the
/// nearest date mentioned before it, or, when none is and the clause speaks
/// of the future ("I'll go back the next day"), the publication date.
/// Otherwise the reason it cannot be read.
fn anchor(
    text: &str,
    span: Range<usize>,
    published: Option<Date>,
    depth: usize,
) -> Result<(Resolved, String), String> {
    let written = text[span.clone()].trim();
    if depth > 2 {
        return Err("too many dates counted from one another".into());
    }
    let Some((anchor_span, anchor_expr)) = relative::antecedent(text, span.start) else {
        let (tense, cue) = weekday::tense(text, span.clone());
        if tense == weekday::Tense::Future {
            if let Some(p) = published {
                let how = format!("no date is mentioned before it and the clause speaks of the future ({cue}): publication {p}");
                return Ok((Resolved::new(Days::one(p), how), "publication".into()));
            }
        }
        return Err(format!("`{written}` counts from the date mentioned just before, and none is mentioned in this or the previous sentences"));
    };
    let anchor_text = text[anchor_span.clone()].trim().to_string();
    let anchor =
        resolve_depth(text, anchor_span, &anchor_expr, published, depth + 1).map_err(|reason| {
            format!("`{written}` counts from `{anchor_text}`, which is unresolved: {reason}")
        })?;
    Ok((anchor, anchor_text))
}

/// The normalizer of date facts.
#[derive(Debug)]
pub struct DateNormalizer;

impl Normalizer for DateNormalizer {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let value = m.value_str();
        // A year on its own is a date when the fact is one ("2024").
        let (span, expr) = scan::scan(value)
            .into_iter()
            .max_by_key(|(span, _)| span.len())
            .or_else(|| scan::bare_year(value))
            .ok_or_else(|| format!("`{}` is not a date factlint can read", value.trim()))?;
        let span = span.start + m.value.start..span.end + m.value.start;
        let resolved = resolve(m.text, span, &expr, m.published)?;
        Ok(vec![resolved.normalized(value)])
    }

    /// `expect` and example values: an ISO date, or candidates "2023-02-23 | 2023-03-02".
    fn parse(&self, text: &str) -> Result<Normalized, String> {
        let dates = text
            .split('|')
            .map(|part| {
                part.trim()
                    .parse::<Date>()
                    .map_err(|_| format!("`{}` is not a date (write YYYY-MM-DD)", part.trim()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Resolved::new(Days::OneOf(dates), "as written in the rule").normalized(text))
    }
}

/// Every date in `text` (`factlint normalize --kind date`). A line that is
/// only a year ("2024") is that year, as a date fact's match would be.
pub fn find(text: &str, published: Option<Date>) -> Vec<Found> {
    read(text, &expressions(text), published)
}

/// The date expressions [`find`] reads in `text`, before any calendar
/// arithmetic: they do not depend on the publication date, so a text read
/// again against another day (a reprint's likely writing day) is not
/// searched again.
pub fn expressions(text: &str) -> Vec<(Range<usize>, Expr)> {
    let mut found = scan::scan(text);
    if found.is_empty() {
        found.extend(scan::bare_year(text));
    }
    found
}

/// [`find`] from the `expressions` of `text`, resolved against `published`.
pub fn read(
    text: &str,
    expressions: &[(Range<usize>, Expr)],
    published: Option<Date>,
) -> Vec<Found> {
    read_counted(text, expressions, published, &mut Chars::new(text))
}

/// [`read`], character offsets counted on by `chars` (a counter over
/// `text`): the dates of one sentence of a long text cost no count from
/// its top.
pub fn read_counted(
    text: &str,
    expressions: &[(Range<usize>, Expr)],
    published: Option<Date>,
    chars: &mut Chars,
) -> Vec<Found> {
    expressions
        .iter()
        .map(|(span, expr)| found(text, span.clone(), expr, published, chars))
        .collect()
}

/// The value of the expression at `span`, resolved.
fn found(
    text: &str,
    span: Range<usize>,
    expr: &Expr,
    published: Option<Date>,
    chars: &mut Chars,
) -> Found {
    match resolve(text, span.clone(), expr, published) {
        Ok(resolved) => {
            let normalized = resolved.normalized(&text[span.clone()]);
            let mut found = Found::counted(chars, span, normalized);
            if let Days::Range(first, last) = resolved.days {
                found.extra.insert("start".into(), iso(first).into());
                found.extra.insert("end".into(), iso(last).into());
            } else if let Days::OneOf(dates) = &resolved.days {
                let candidates: Vec<serde_json::Value> =
                    dates.iter().map(|d| iso(*d).into()).collect();
                found.extra.insert("candidates".into(), candidates.into());
            }
            found
        }
        Err(reason) => Found::counted(chars, span, crate::normalize::unresolved(reason)),
    }
}

#[cfg(test)]
mod tests;
