//! Recognizes clock times in text, without a calendar or a zone database:
//! "4:30 p.m.", "4.30pm", "16:30", "16h30", "0830 GMT", "7:56:30 pm",
//! "4 pm", "seven o'clock", "half past seven", "a quarter to eight",
//! "noon", "midnight", each with what follows it: a zone ("GMT", "UTC+8",
//! "EDT", "Beijing time", "local time", "(Beijing time)") and a part of the
//! day ("in the evening", "tonight") that settles a missing a.m./p.m.
//!
//! Digits alone are a time only when something says so: "0830" needs a
//! zone, "hrs" or a.m./p.m.; "4.30" (a decimal otherwise) needs a.m./p.m.,
//! a zone or "hrs"; a bare "4" needs a.m./p.m., "o'clock" or a zone. "4:30"
//! without a.m./p.m., zone or part of the day could be either half of the
//! day: both readings are kept (`twelve`). A zero-padded hour or one past
//! 12 ("08:30", "16:30"), or any hour with a zone ("10:00 UTC"), is on the
//! 24-hour clock. Zones are read by [`zones::written_at`].

use super::zones::{self, Zone};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A clock time as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// The whole expression, zone included.
    pub span: Range<usize>,
    /// Seconds after midnight on the wall clock (the first reading).
    pub seconds: i64,
    /// No a.m./p.m. and nothing else decides: 12 hours later is as likely.
    pub twelve: bool,
    pub zone: Option<Zone>,
    /// A weekday written between the time and its zone ("4:30 p.m. Sunday
    /// (Beijing Time)"), within `span`.
    pub day_span: Option<Range<usize>>,
    /// The whole range this time is an end of ("5 to 6pm"): a day written
    /// before or after the range is each end's day.
    pub range: Option<Range<usize>>,
}

const HOUR_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// Where a clock time may start (digits, an hour word, noon); [`clock_at`] decides.
pub static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let words = HOUR_WORDS.join("|");
    Regex::new(&format!(
        r"(?ix)
        (?P<h>[01]?\d|2[0-4])(?P<sep>[:.])(?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?
        |(?P<fh>[01]?\d|2[0-3])h(?P<fm>[0-5]\d)
        |(?P<c4>(?:[01]\d|2[0-3])[0-5]\d)
        |(?P<past>(?:half|(?:a\s+)?quarter|(?P<pn>[1-5]?\d|twenty|ten|five|twenty-five)\s+(?:minutes?|mins?))\s+(?P<dir>past|to)\s+(?P<ph>1[0-2]|[1-9]|{words}))
        |(?P<h1>1[0-2]|0?[1-9])
        |(?P<word>{words})
        |(?P<noon>noon|midday|midnight)
        "
    ))
    .expect("clock head")
});

static AMPM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s?(?P<ap>[ap])(?:\.\s?m\b\.?|m\b)").unwrap());
static OCLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s?o['’]?\s?clock\b").unwrap());
static HOURS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s?(?:hrs|hours|h)\b\.?").unwrap());
static NOON_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s(?P<w>noon|midday|midnight)\b").unwrap());
static PART_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^,?\s+(?:(?:in|on|this|yesterday|tomorrow|the|last|early|late|[a-z]+day)\s+){0,2}(?P<p>morning|afternoon|evening|night|tonight)\b").unwrap()
});
static PART_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<p>morning|afternoon|evening|night|tonight)\s*,?\s+(?:at\s+)?(?:about\s+|around\s+)?$").unwrap()
});

static DAY_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:on\s+)?(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b")
        .unwrap()
});

static AT_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bat\s+$").unwrap());
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:%|per\b|percent|pct|p\b|pence|pounds?|dollars?|euros?|yuan|rupees?|m\b|bn\b|million|billion|points?|km|kilomet|miles?|metres?|meters?|kg|tonnes?|degrees?|°)").unwrap()
});

/// The hour of an hour word or digits (1–24).
fn hour_of(word: &str) -> Option<i64> {
    let w = word.to_lowercase();
    HOUR_WORDS
        .iter()
        .position(|h| *h == w)
        .map(|i| i as i64 + 1)
        .or_else(|| w.parse().ok())
}

fn minutes_of(word: &str) -> Option<i64> {
    match word.to_lowercase().as_str() {
        "five" => Some(5),
        "ten" => Some(10),
        "twenty" => Some(20),
        "twenty-five" => Some(25),
        w => w.parse().ok().filter(|m| *m < 60),
    }
}

/// A part of the day written after or just before the time: `Some(true)`
/// for p.m., `Some(false)` for a.m. (night before 6 o'clock is a.m.).
fn part_of_day(text: &str, span: &Range<usize>, hour: i64) -> Option<bool> {
    let after = PART_AFTER
        .captures(&text[span.end..])
        .map(|c| c["p"].to_lowercase());
    let before = || {
        let mut from = span.start.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        PART_BEFORE
            .captures(&text[from..span.start])
            .map(|c| c["p"].to_lowercase())
    };
    let part = after.or_else(before)?;
    Some(match part.as_str() {
        "morning" => false,
        "afternoon" | "evening" | "tonight" => true,
        _ => (6..12).contains(&hour),
    })
}

/// The clock time that starts exactly at byte `pos`, if one does.
pub fn clock_at(text: &str, pos: usize) -> Option<Clock> {
    if !may_start(text, pos) {
        return None;
    }
    clock_in(text, pos, false)
}

/// Whether a clock time may start at byte `pos`: not inside a word or a
/// number, not after a currency sign.
pub(super) fn may_start(text: &str, pos: usize) -> bool {
    let prev = text[..pos].chars().next_back();
    !prev.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '.' | ',' | ':' | '/' | '-' | '$' | '£' | '€')
    })
}

/// The clock time at `pos`; `joined`: it ends a range whose start says it
/// is a time ("10:30 to 3"), so bare digits count.
pub(super) fn clock_in(text: &str, pos: usize, joined: bool) -> Option<Clock> {
    let c = HEAD
        .captures(&text[pos..])
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))?;
    let mut end = pos + c[0].len();
    // The head ends a number: "4:305" or "16:30.5" is not a time.
    let next = text[end..].chars().next();
    if next.is_some_and(|n| n.is_ascii_digit())
        || (next == Some('.') && text[end + 1..].starts_with(|n: char| n.is_ascii_digit()))
    {
        return None;
    }
    let words = c.name("word").is_some() || c.name("noon").is_some() || c.name("past").is_some();
    if words && next.is_some_and(|n| n.is_alphanumeric()) {
        return None;
    }
    if let Some(w) = c.name("noon") {
        let seconds = if w.as_str().eq_ignore_ascii_case("midnight") {
            0
        } else {
            43200
        };
        return Some(finish(text, pos..end, seconds));
    }
    let ampm = AMPM.captures(&text[end..]).map(|a| {
        let pm = a["ap"].eq_ignore_ascii_case("p");
        (pm, a[0].len())
    });
    let (hour, minute, second, kind) = head_value(&c)?;
    if hour > 24 || (hour == 24 && (minute > 0 || second > 0)) {
        return None;
    }
    let mut pm = None;
    let mut decided = false;
    if let Some((is_pm, len)) = ampm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        pm = Some(is_pm);
        end += len;
        decided = true;
    } else if let Some(o) = OCLOCK.find(&text[end..]) {
        // "seven o'clock", "half past seven o'clock".
        if !(1..=12).contains(&hour) || (minute > 0 && c.name("past").is_none()) {
            return None;
        }
        end += o.len();
    } else if c.name("h1").is_some() && hour == 12 {
        if let Some(n) = NOON_AFTER.captures(&text[end..]) {
            let midnight = n["w"].eq_ignore_ascii_case("midnight");
            end += n[0].len();
            return Some(finish(text, pos..end, if midnight { 0 } else { 43200 }));
        }
    }
    let hours_word = HOURS.find(&text[end..]).filter(|_| {
        matches!(kind, Form::Compact | Form::Colon | Form::Padded | Form::Dot) && pm.is_none()
    });
    if let Some(h) = &hours_word {
        end += h.len();
        decided = true;
    }
    let mut zone = zones::written_at(text, end, ampm.is_none() && hours_word.is_none());
    let mut day_span = None;
    if zone.is_none() {
        // "4:30 p.m. Sunday (Beijing Time)": the zone after a weekday.
        if let Some(d) = DAY_BETWEEN.captures(&text[end..]) {
            let day = d
                .name("day")
                .map_or(0..0, |m| end + m.start()..end + m.end());
            if let Some(z) = zones::written_at(text, end + d[0].len(), false) {
                day_span = Some(day);
                zone = Some(z);
            }
        }
    }
    let explicit_zone = zone
        .as_ref()
        .is_some_and(|(z, _)| !matches!(z, Zone::Local));
    // Digits alone need something that says they are a time: a.m./p.m., a
    // zone, "hrs", "o'clock", a part of the day ("7 in the evening"), the
    // range they end, or "at" before a dot form ("at 6.45", not "at 6.45%").
    let said = decided
        || joined
        || zone.is_some()
        || OCLOCK.is_match(&text[pos + c[0].len()..])
        || (kind != Form::Dot && part_of_day(text, &(pos..end), hour).is_some())
        || (kind == Form::Dot
            && AT_BEFORE.is_match(&text[..pos])
            && !UNIT_AFTER.is_match(&text[end..]));
    match kind {
        Form::Compact | Form::Dot if !said => return None,
        Form::Words if c.name("h1").is_some() && !said => return None,
        Form::Words if c.name("word").is_some() && !said => return None,
        _ => {}
    }
    let zone = match zone {
        Some((z, s)) => {
            end = s.end;
            Some(z)
        }
        None => None,
    };
    let base = (hour % 24) * 3600 + minute * 60 + second;
    let mut twelve = false;
    let seconds = match pm {
        Some(true) => (hour % 12 + 12) * 3600 + minute * 60 + second,
        Some(false) => (hour % 12) * 3600 + minute * 60 + second,
        None => {
            let clock24 = matches!(kind, Form::Padded | Form::Compact)
                || hour == 0
                || hour > 12
                || decided
                || explicit_zone;
            if clock24 {
                base
            } else {
                match part_of_day(text, &(pos..end), hour) {
                    Some(true) => (hour % 12 + 12) * 3600 + minute * 60 + second,
                    Some(false) => (hour % 12) * 3600 + minute * 60 + second,
                    None => {
                        twelve = true;
                        (hour % 12) * 3600 + minute * 60 + second
                    }
                }
            }
        }
    };
    Some(Clock {
        span: pos..end,
        seconds,
        twelve,
        zone,
        day_span,
        range: None,
    })
}

/// The hour, minute, second and form a clock head states, before its tail.
pub(super) fn head_value(c: &regex::Captures) -> Option<(i64, i64, i64, Form)> {
    let value = if let Some(h) = c.name("h") {
        let kind = if &c["sep"] == "." {
            Form::Dot
        } else {
            Form::Colon
        };
        // "08:30" is on the 24-hour clock; "10:30" may be either half of the day.
        let padded = h.as_str().starts_with('0');
        (
            hour_of(h.as_str())?,
            c["m"].parse::<i64>().ok()?,
            c.name("s").map_or(Some(0), |s| s.as_str().parse().ok())?,
            if padded && kind == Form::Colon {
                Form::Padded
            } else {
                kind
            },
        )
    } else if let Some(h) = c.name("fh") {
        (
            h.as_str().parse().ok()?,
            c["fm"].parse().ok()?,
            0,
            Form::Padded,
        )
    } else if let Some(hm) = c.name("c4") {
        let hm = hm.as_str();
        (
            hm[..2].parse().ok()?,
            hm[2..].parse().ok()?,
            0,
            Form::Compact,
        )
    } else if c.name("past").is_some() {
        let hour = hour_of(&c["ph"])?;
        let minutes = if let Some(n) = c.name("pn") {
            minutes_of(n.as_str())?
        } else if c[0].to_lowercase().starts_with("half") {
            30
        } else {
            15
        };
        if c["dir"].eq_ignore_ascii_case("to") {
            let total = (hour * 60 - minutes).rem_euclid(12 * 60);
            let h = if total < 60 { 12 } else { total / 60 };
            (h, total % 60, 0, Form::Words)
        } else {
            (hour, minutes, 0, Form::Words)
        }
    } else {
        let h = c.name("h1").or(c.name("word"))?;
        (hour_of(h.as_str())?, 0, 0, Form::Words)
    };
    Some(value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// "4:30", "7:56:30".
    Colon,
    /// "08:30", "16:30", "16h30": 24-hour clock.
    Padded,
    /// "4.30".
    Dot,
    /// "0830".
    Compact,
    /// "4", "seven", "half past seven".
    Words,
}

/// Noon or midnight (with a zone after it, if any).
fn finish(text: &str, span: Range<usize>, seconds: i64) -> Clock {
    let (zone, end) = match zones::written_at(text, span.end, false) {
        Some((z, s)) => (Some(z), s.end),
        None => (None, span.end),
    };
    Clock {
        span: span.start..end,
        seconds,
        twelve: false,
        zone,
        day_span: None,
        range: None,
    }
}

/// Every clock time in `text`, in order, without overlaps.
pub fn scan(text: &str) -> Vec<Clock> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = HEAD.find_at(text, pos) {
        if let Some((mut start, mut end)) = super::range::range_at(text, m.start()) {
            let whole = start.span.start..end.span.end;
            start.range = Some(whole.clone());
            end.range = Some(whole);
            pos = end.span.end;
            out.push(start);
            out.push(end);
            if pos >= text.len() {
                break;
            }
            continue;
        }
        match clock_at(text, m.start()) {
            Some(clock) => {
                pos = clock.span.end.max(m.start() + 1);
                out.push(clock);
            }
            None => {
                pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if pos >= text.len() {
            break;
        }
    }
    out
}
