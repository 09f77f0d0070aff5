//! Time ranges: "5 to 6pm", "1-3 pm", "between 10 and 11:30", "from 10:30
//! to 3", "0730-0930", "9.30-4.30pm PST". Each end is read as its own time;
//! the start takes the end's a.m./p.m. and zone when it has none ("5 to
//! 6pm" is 17:00 to 18:00; "9.30-4.30pm" 09:30 to 16:30: the latest reading
//! of the start not after the end).
//!
//! A range needs one end that is a time by itself — "4:30", "6pm", "0730",
//! "6 in the afternoon" — so "won 3-2", "from 5 to 10 percent" and "from
//! 2010 to 2014" stay numbers.

use super::scan::{clock_at, clock_in, head_value, may_start, Clock, Form, HEAD};
use regex::Regex;
use std::sync::LazyLock;

static JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?P<dash>[-–—])|(?P<word>to|until|till|through|and)\b)\s*").unwrap()
});
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bbetween\s+$").unwrap());

/// The two ends of a time range that starts at byte `pos`.
pub fn range_at(text: &str, pos: usize) -> Option<(Clock, Clock)> {
    if !may_start(text, pos) {
        return None;
    }
    if let Some(range) = full_start(text, pos) {
        return Some(range);
    }
    let c = HEAD
        .captures(&text[pos..])
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))?;
    if c.name("noon").is_some() || c.name("past").is_some() || c.name("fh").is_some() {
        return None;
    }
    let head_end = pos + c[0].len();
    let join = JOIN.captures(&text[head_end..])?;
    if join
        .name("word")
        .is_some_and(|w| w.as_str().eq_ignore_ascii_case("and"))
        && !BETWEEN.is_match(&text[..pos])
    {
        return None;
    }
    let (hour, minute, second, form) = head_value(&c)?;
    let colon = c.name("sep").is_some_and(|s| s.as_str() == ":");
    let zero_led = c.name("c4").is_some_and(|m| m.as_str().starts_with('0'));
    if (join.name("dash").is_some() && form == Form::Words && c.name("word").is_some())
        || hour > 24
        || minute > 59
    {
        return None;
    }
    let end_at = head_end + join[0].len();
    let end_alone = clock_at(text, end_at).or_else(|| clock_in(text, end_at, false));
    let start_alone = colon || zero_led;
    if end_alone.is_none() && !start_alone {
        return None;
    }
    let end = match end_alone {
        Some(e) => e,
        None => clock_in(text, end_at, true)?,
    };
    let base = (hour % 24) * 3600 + minute * 60 + second;
    let clock24 = matches!(form, Form::Padded | Form::Compact) || hour == 0 || hour > 12;
    let (seconds, twelve) = if clock24 {
        (base, false)
    } else if end.twelve {
        ((hour % 12) * 3600 + minute * 60 + second, true)
    } else {
        let am = (hour % 12) * 3600 + minute * 60 + second;
        let pm = am + 43200;
        // The latest reading not after the end; else the morning one.
        (if pm <= end.seconds { pm } else { am }, false)
    };
    let start = Clock {
        span: pos..head_end,
        seconds,
        twelve,
        zone: end.zone.clone(),
        day_span: None,
        range: None,
    };
    Some((start, end))
}

/// A range whose start is a time by itself ("10am-12pm", "1:00 PM - 1:15
/// PM", "8am-3"): the end after a dash or "to" is a time too; without
/// a.m./p.m. it is the first reading not before the start.
fn full_start(text: &str, pos: usize) -> Option<(Clock, Clock)> {
    let start = clock_at(text, pos)?;
    let join = JOIN.captures(&text[start.span.end..])?;
    if join
        .name("word")
        .is_some_and(|w| w.as_str().eq_ignore_ascii_case("and"))
    {
        return None;
    }
    let mut end = clock_in(text, start.span.end + join[0].len(), !start.twelve)?;
    if end.twelve && !start.twelve {
        end.twelve = false;
        if end.seconds < start.seconds {
            end.seconds += 43200;
        }
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, String, bool)> {
        let pos = text.find(|c: char| c.is_ascii_digit())?;
        let (a, b) = range_at(text, pos)?;
        let show = |c: &Clock| super::super::clock_text(c.seconds);
        Some((show(&a), show(&b), a.twelve))
    }

    #[test]
    fn reads_both_ends_and_lends_the_start_what_the_end_says() {
        type Ends = Option<(&'static str, &'static str, bool)>;
        let table: &[(&str, Ends)] = &[
            ("out 5 to 6pm", Some(("17:00", "18:00", false))),
            ("next Monday 1-3 pm", Some(("13:00", "15:00", false))),
            ("between 4 and 5 p.m. EDT", Some(("16:00", "17:00", false))),
            ("between 10 and 11:30", Some(("10:00", "11:30", true))),
            ("from 10:30 to 3", Some(("10:30", "03:00", true))),
            ("between 0730-0930", Some(("07:30", "09:30", false))),
            ("book 9.30-4.30pm PST", Some(("09:30", "16:30", false))),
            (
                "every Tuesday 19:00 - 21:00",
                Some(("19:00", "21:00", false)),
            ),
            ("won 3-2 at home", None),
            ("rose from 5 to 10 percent", None),
            ("from 2010 to 2014", None),
            ("between 3 and 5 people", None),
        ];
        for (text, want) in table {
            let want = want.map(|(a, b, t)| (a.to_string(), b.to_string(), t));
            assert_eq!(read(text), want, "{text}");
        }
    }
}
