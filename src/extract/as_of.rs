//! The moment a changing figure stands for (facts with `changes`): the
//! article's publication date and time, or an "as of" phrase in the
//! figure's sentence ("As of 8:00 p.m.", "by late Sunday night", "as of
//! yesterday morning", "a toll of 410 given on Tuesday"), resolved against
//! the publication date. A weekday in such a phrase is the latest one on or
//! before the publication date: a figure is reported after it was counted.

use crate::normalize::date::{weekday, words};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::ops::Range;
use std::sync::LazyLock;

/// When a figure was true, as far as the text and the manifest tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    /// The day, YYYY-MM-DD, local to the article.
    pub date: String,
    /// The time of day, HH:MM, local to the article, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The instant in UTC ("2014-08-03T16:37:00Z"), when the time and the
    /// offset it was written in are both known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc: Option<String>,
    /// Where it comes from: "published", or the phrase as written.
    pub from: String,
}

impl Moment {
    /// Whether `self` is known to come before (`Less`) or after `other`;
    /// `None` when they cannot be ordered (one day, a time missing). Two
    /// instants compare as instants; otherwise days, then local times.
    pub fn order(&self, other: &Moment) -> Option<Ordering> {
        if let (Some(a), Some(b)) = (&self.utc, &other.utc) {
            return Some(a.cmp(b));
        }
        match self.date.cmp(&other.date) {
            Ordering::Equal => match (&self.time, &other.time) {
                (Some(a), Some(b)) => Some(a.cmp(b)),
                _ => None,
            },
            o => Some(o),
        }
    }

    /// "2014-08-04 20:00" or "2014-08-04", for reports.
    pub fn shown(&self) -> String {
        match &self.time {
            Some(t) => format!("{} {t}", self.date),
            None => self.date.clone(),
        }
    }
}

static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let day = r"yesterday|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day";
    let clock = r"\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b\.?";
    Regex::new(&format!(
        r"(?i)\b(?:as of|as at|by|until|given on|reported on|announced on)\s+(?:(?P<clock1>{clock})[,\s]*)?(?:(?P<edge>late|early)\s+)?(?:(?P<day>{day})\b\s*)?(?:(?P<part>morning|afternoon|evening|night)\b)?(?:\s*(?:at\s+)?(?P<clock2>{clock}))?"
    ))
    .unwrap()
});

/// An "as of" phrase: its span, its day, and its local time (hour, minute).
type Phrase = (Range<usize>, jiff::civil::Date, Option<(i8, i8)>);

/// The "as of" phrase nearest the value at `value` in its sentence, its
/// day resolved against `published`.
fn phrase(text: &str, value: Range<usize>, published: jiff::civil::Date) -> Option<Phrase> {
    let sentence = crate::text::sentence_bounds(text, value.clone());
    let here = &text[sentence.clone()];
    let mut best: Option<(usize, Phrase)> = None;
    for c in PHRASE.captures_iter(here) {
        let whole = c.get(0)?;
        let (day, part, clock) = (
            c.name("day"),
            c.name("part"),
            c.name("clock1").or(c.name("clock2")),
        );
        if day.is_none() && part.is_none() && clock.is_none() {
            continue;
        }
        let date = match day.map(|d| d.as_str().to_lowercase()) {
            None => published,
            Some(d) if d == "today" || d == "tonight" => published,
            Some(d) if d == "yesterday" => published.yesterday().ok()?,
            Some(d) => weekday::on_or_before(published, words::weekday_from(&d)?)?,
        };
        let time = clock
            .and_then(|c| clock_of(c.as_str()))
            .or_else(|| part_of_day(part.map(|p| p.as_str()), c.name("edge").map(|e| e.as_str())))
            .or_else(|| {
                (day.map(|d| d.as_str().eq_ignore_ascii_case("tonight")) == Some(true))
                    .then_some((21, 0))
            });
        let span = sentence.start + whole.start()..sentence.start + whole.end();
        let distance = if span.end <= value.start {
            value.start - span.end
        } else {
            span.start.saturating_sub(value.end)
        };
        if best.as_ref().is_none_or(|b| distance < b.0) {
            best = Some((distance, (span, date, time)));
        }
    }
    best.map(|(_, phrase)| phrase)
}

/// "8:00 p.m." → (20, 0).
fn clock_of(text: &str) -> Option<(i8, i8)> {
    let lower = text.to_lowercase();
    let digits: String = lower
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let (h, m) = digits.split_once(':').unwrap_or((&digits, "0"));
    let (mut h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    if !(1..=12).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    let pm = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':')
        .trim_start()
        .starts_with('p');
    h %= 12;
    if pm {
        h += 12;
    }
    Some((h, m))
}

/// A part of the day as a time that orders it: morning 09:00, afternoon
/// 15:00, evening 19:00, night 21:00; "early" two hours before, "late" two after.
fn part_of_day(part: Option<&str>, edge: Option<&str>) -> Option<(i8, i8)> {
    let hour: i8 = match part?.to_lowercase().as_str() {
        "morning" => 9,
        "afternoon" => 15,
        "evening" => 19,
        _ => 21,
    };
    let shift = match edge.map(str::to_lowercase).as_deref() {
        Some("early") => -2,
        Some("late") => 2,
        _ => 0,
    };
    Some(((hour + shift).clamp(0, 23), 0))
}

/// The offset and local date-time of a publication time ("…+08:00").
fn published_at(at: &str) -> Option<(jiff::Timestamp, jiff::tz::Offset)> {
    let instant: jiff::Timestamp = at.parse().ok()?;
    let offset = match at.rfind(['+', '-']).filter(|i| *i > 10) {
        Some(i) => {
            let (sign, hm) = at[i..].split_at(1);
            let (h, m) = hm.split_once(':')?;
            let seconds = h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60;
            if sign == "-" {
                -seconds
            } else {
                seconds
            }
        }
        None => 0,
    };
    Some((instant, jiff::tz::Offset::from_seconds(offset).ok()?))
}

fn utc(instant: jiff::Timestamp) -> String {
    instant.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The moment of the value at `value` in `text` of an article published on
/// `published` (at `at`, RFC 3339, when known; `timezone`, an IANA name,
/// places times written without an offset). `None` without a date.
pub fn moment(
    text: &str,
    value: Range<usize>,
    published: Option<jiff::civil::Date>,
    at: Option<&str>,
    timezone: Option<&str>,
) -> Option<Moment> {
    let published = published?;
    let at = at.and_then(published_at);
    let zone = match at {
        Some((_, offset)) => Some(jiff::tz::TimeZone::fixed(offset)),
        None => timezone.and_then(|z| jiff::tz::TimeZone::get(z).ok()),
    };
    let Some((span, date, time)) = phrase(text, value, published) else {
        let local = at.map(|(i, o)| i.to_zoned(jiff::tz::TimeZone::fixed(o)));
        return Some(Moment {
            date: published.to_string(),
            time: local.as_ref().map(|l| l.strftime("%H:%M").to_string()),
            utc: at.map(|(i, _)| utc(i)),
            from: "published".into(),
        });
    };
    let instant = time.zip(zone).and_then(|((h, m), zone)| {
        date.at(h, m, 0, 0)
            .to_zoned(zone)
            .ok()
            .map(|z| z.timestamp())
    });
    Some(Moment {
        date: date.to_string(),
        time: time.map(|(h, m)| format!("{h:02}:{m:02}")),
        utc: instant.map(utc),
        from: text[span].trim().trim_end_matches([',', ';']).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, value: &str, published: &str, when: Option<&str>) -> Moment {
        let start = text.find(value).unwrap();
        moment(
            text,
            start..start + value.len(),
            Some(published.parse().unwrap()),
            when,
            None,
        )
        .unwrap()
    }

    #[test]
    fn as_of_phrases_in_real_coverage() {
        // Xinhua, Ludian, published 4 Aug 00:37 BJT.
        let m = at(
            "As of 8:00 p.m., 122 residents had been killed.",
            "122",
            "2014-08-04",
            Some("2014-08-04T00:37:00+08:00"),
        );
        assert_eq!(
            (m.date.as_str(), m.time.as_deref()),
            ("2014-08-04", Some("20:00"))
        );
        assert_eq!(m.from, "As of 8:00 p.m.");
        assert_eq!(m.utc.as_deref(), Some("2014-08-04T12:00:00Z"));
        // The Guardian, Wednesday 6 Aug: "by Wednesday morning".
        let m = at(
            "At least 589 people were confirmed dead by Wednesday morning, the ministry said.",
            "589",
            "2014-08-06",
            None,
        );
        assert_eq!(
            (m.date.as_str(), m.time.as_deref()),
            ("2014-08-06", Some("09:00"))
        );
        // Shanghai Daily, 7 Aug: "as of yesterday morning".
        let m = at(
            "At least 589 people had been confirmed killed as of yesterday morning.",
            "589",
            "2014-08-07",
            None,
        );
        assert_eq!(m.date, "2014-08-06");
        // "a toll of 410 given on Tuesday" in an article of Wednesday 6 Aug.
        let m = at(
            "the sudden increase from a toll of 410 given on Tuesday",
            "410",
            "2014-08-06",
            None,
        );
        assert_eq!(
            (m.date.as_str(), m.time, m.from.as_str()),
            ("2014-08-05", None, "given on Tuesday")
        );
        // "By late Sunday night", DW of Sunday 3 Aug.
        let m = at(
            "By late Sunday night local time, more than 2,500 troops had arrived.",
            "2,500",
            "2014-08-03",
            None,
        );
        assert_eq!(
            (m.date.as_str(), m.time.as_deref()),
            ("2014-08-03", Some("23:00"))
        );
    }

    #[test]
    fn without_a_phrase_the_publication_time() {
        let m = at(
            "The toll rose to 398.",
            "398",
            "2014-08-04",
            Some("2014-08-04T09:15:00+08:00"),
        );
        assert_eq!(m.from, "published");
        assert_eq!(m.time.as_deref(), Some("09:15"));
        assert_eq!(m.utc.as_deref(), Some("2014-08-04T01:15:00Z"));
        let plain = at("killed by the quake, 381 people", "381", "2014-08-03", None);
        assert_eq!((plain.from.as_str(), plain.time), ("published", None));
    }

    #[test]
    fn moments_order_by_instant_then_day_then_time() {
        let m = |date: &str, time: Option<&str>, utc: Option<&str>| Moment {
            date: date.into(),
            time: time.map(str::to_string),
            utc: utc.map(str::to_string),
            from: "published".into(),
        };
        assert_eq!(
            m("2014-08-03", None, None).order(&m("2014-08-04", None, None)),
            Some(Ordering::Less)
        );
        assert_eq!(
            m("2014-08-04", None, None).order(&m("2014-08-04", Some("09:00"), None)),
            None
        );
        assert_eq!(
            m("2014-08-04", Some("09:00"), None).order(&m("2014-08-04", Some("20:00"), None)),
            Some(Ordering::Less)
        );
        // 3 Aug 23:22 in New York is after 4 Aug 00:37 in Beijing.
        assert_eq!(
            m("2014-08-03", Some("23:22"), Some("2014-08-04T03:22:00Z")).order(&m(
                "2014-08-04",
                Some("00:37"),
                Some("2014-08-03T16:37:00Z")
            )),
            Some(Ordering::Greater)
        );
    }
}
