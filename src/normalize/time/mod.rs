//! `kind = "time"`: clock times as newsrooms write them ("4:30 p.m.",
//! "4.30pm", "16:30", "0830 GMT", "7:45 a.m. local time (2345 GMT
//! Sunday)", "18:00 CST (10:00 UTC)", "noon"), compared as instants.
//!
//! [`scan`] recognizes a clock time and the zone written after it, [`range`]
//! the two ends of a range ("5 to 6pm");
//! [`zones`] knows the abbreviations, the named zones and the bundled zone
//! database. A time is placed in a zone by what the text says (UTC, "EDT",
//! "Beijing time"), else by the rule's `timezone` (where the event happened:
//! news gives the event's local time, and "local time" means it), else by
//! the source's `timezone`. An ambiguous abbreviation is read first as the
//! source's zone writes it (a London paper's "BST"), then the rule's. It is
//! placed on a day by a date written next to it ("2345 GMT Sunday", "on Feb.
//! 24 at 4:30 p.m."), else on the article's publication date, for the
//! zone's offset that day.
//!
//! Two times agree when their instants are within the fact's `tolerance`
//! (default 0: the same second); a hedged time ("about 10:30 a.m.", "shortly
//! before 01:30") is as precise as its hedge, within five minutes
//! ([`HEDGED_WITHIN`]). When either has no written day, only the time
//! of day in UTC counts, so "7:45 a.m. local time" on Monday in Beijing and
//! "2345 GMT" (Sunday) agree. A time with no zone at all — none written, none
//! on the rule or the source — is compared by its wall clock, with a note.

mod day;
pub mod range;
pub mod scan;
pub mod zones;

use super::{Chars, Found, Key, Kind, Normalized, Normalizer, RawMatch};
use day::{boundary, written_day};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use regex::Regex;
use scan::Clock;
use std::sync::LazyLock;
use zones::{show_offset, Zone};

pub struct TimeKind;

impl Kind for TimeKind {
    fn name(&self) -> &'static str {
        "time"
    }

    fn options(&self) -> &'static [&'static str] {
        &["timezone", "tolerance"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let zone = match options.get("timezone") {
            None => None,
            Some(toml::Value::String(name)) => Some(zones::iana(name)?),
            Some(_) => return Err("timezone must be a string such as \"Asia/Shanghai\"".into()),
        };
        let tolerance = match options.get("tolerance") {
            None => 0,
            Some(t) => tolerance(t)?,
        };
        Ok(Box::new(TimeNormalizer { zone, tolerance }))
    }

    fn find(&self, text: &str, published: Option<Date>) -> Option<Vec<Found>> {
        let context = Context {
            published,
            ..Context::default()
        };
        Some(find(text, &context))
    }
}

/// Reads `tolerance = "5 min"` (also "90 s", "1 h", or a number of minutes) as seconds.
pub fn tolerance(value: &toml::Value) -> Result<i64, String> {
    let (amount, unit) = match value {
        toml::Value::Integer(i) => (*i as f64, "min".to_string()),
        toml::Value::Float(f) => (*f, "min".to_string()),
        toml::Value::String(s) => {
            let s = s.trim();
            let split = s
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(s.len());
            let amount = s[..split].parse::<f64>().map_err(|_| {
                format!(
                    "tolerance `{s}` is not a duration: write it as \"5 min\", \"90 s\" or \"1 h\""
                )
            })?;
            (amount, s[split..].trim().to_lowercase())
        }
        other => {
            return Err(format!(
                "tolerance must be a duration such as \"5 min\", not {}",
                other.type_str()
            ))
        }
    };
    let scale = match unit.as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
        other => {
            return Err(format!(
                "tolerance unit `{other}` is not one of s, min, h: write \"5 min\""
            ))
        }
    };
    let seconds = amount * scale;
    if !(0.0..=43200.0).contains(&seconds) {
        return Err("tolerance is out of range: use 0 to 12 hours".into());
    }
    Ok(seconds.round() as i64)
}

/// What a time is read against besides its own text.
#[derive(Debug, Default, Clone, Copy)]
pub struct Context<'a> {
    /// The article's publication date: the day of a time written without one.
    pub published: Option<Date>,
    /// The rule's zone (`timezone` on the fact): where the event happened.
    pub rule: Option<&'a TimeZone>,
    /// The source's zone (`timezone` in sources.toml): where the outlet is.
    pub source: Option<&'a TimeZone>,
}

/// The normalizer of time facts.
#[derive(Debug)]
pub struct TimeNormalizer {
    pub zone: Option<TimeZone>,
    /// Seconds two instants may differ by and still agree.
    pub tolerance: i64,
}

impl Normalizer for TimeNormalizer {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let source = m.timezone.and_then(|name| zones::iana(name).ok());
        let context = Context {
            published: m.published,
            rule: self.zone.as_ref(),
            source: source.as_ref(),
        };
        let value = m.value_str();
        let clock = scan::HEAD
            .find_iter(value)
            .find_map(|h| scan::clock_at(m.text, m.value.start + h.start()))
            .ok_or_else(|| format!("`{}` is not a time factlint can read", value.trim()))?;
        Ok(vec![read(m.text, &clock, &context)?])
    }

    fn agree(&self, a: &Normalized, b: &Normalized) -> bool {
        let tolerance = if a.approximate || b.approximate {
            self.tolerance.max(HEDGED_WITHIN)
        } else {
            self.tolerance
        };
        agree(&a.key, &b.key, tolerance)
    }
}

/// Seconds a hedged time ("about 10:30 a.m.") may be from another and still
/// agree with it: five minutes, the rounding a writer's "about" covers.
pub const HEDGED_WITHIN: i64 = 300;

/// Whether two time keys agree within `tolerance` seconds.
pub fn agree(a: &Key, b: &Key, tolerance: i64) -> bool {
    let (
        Key::Time {
            wall: wa,
            utc: ua,
            dated: da,
            twelve: ta,
        },
        Key::Time {
            wall: wb,
            utc: ub,
            dated: db,
            twelve: tb,
        },
    ) = (a, b)
    else {
        return false;
    };
    let (x, y, circular) = match (ua, ub) {
        (Some(x), Some(y)) => (*x, *y, !(*da && *db)),
        _ => (*wa, *wb, true),
    };
    let shifts = |twelve: bool| if twelve { vec![0, 43200] } else { vec![0] };
    shifts(*ta).iter().any(|sa| {
        shifts(*tb).iter().any(|sb| {
            let d = (x + sa) - (y + sb);
            let d = if circular {
                let d = d.rem_euclid(86400);
                d.min(86400 - d)
            } else {
                d.abs()
            };
            d <= tolerance
        })
    })
}

static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(about|around|approximately|roughly|circa|shortly\s+after|shortly\s+before|just\s+after|just\s+before|soon\s+after|some\s+time\s+after)\s+(?:at\s+)?$").unwrap()
});
/// "16:30", "07:56:30".
pub fn clock_text(seconds: i64) -> String {
    let s = seconds.rem_euclid(86400);
    if s % 60 == 0 {
        format!("{:02}:{:02}", s / 3600, s % 3600 / 60)
    } else {
        format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    }
}

/// The offset of a zone that needs no context: UTC, an unambiguous
/// abbreviation, a named zone on `day`.
fn plain_offset(zone: &Zone, day: Option<Date>, wall: i64) -> Option<i32> {
    match zone {
        Zone::Utc { offset, .. } => Some(*offset),
        Zone::Abbreviation { meanings, .. } if meanings.len() == 1 => Some(meanings[0].offset),
        Zone::Named { iana, .. } => zones::zone_offset(&zones::iana(iana).ok()?, day, wall).ok(),
        _ => None,
    }
}

/// The other time of a pair written as "18:00 CST (10:00 UTC)" or
/// "10:00 UTC (18:00 CST)", and its offset, when its zone is plain.
fn paired(text: &str, clock: &Clock, context: &Context, day: Option<Date>) -> Option<(Clock, i32)> {
    let after = text[clock.span.end..].trim_start();
    let other = if let Some(inner) = after.strip_prefix('(') {
        let inner = inner.trim_start();
        scan::clock_at(text, text.len() - inner.len())
    } else {
        let before = text[..clock.span.start].trim_end().strip_suffix('(')?;
        let end = before.trim_end().len();
        let from = boundary(text, end.saturating_sub(40), true);
        let last = scan::scan(&text[from..end]).pop()?;
        (from + last.span.end == end)
            .then(|| scan::clock_at(text, from + last.span.start))
            .flatten()
    }?;
    // A partner without a zone ("4.30pm (09.30 BST)") is in the rule's or the source's zone.
    let offset = match &other.zone {
        Some(zone) => plain_offset(zone, day, other.seconds)?,
        None => {
            let tz = context.rule.or(context.source)?;
            zones::zone_offset(tz, day, other.seconds).ok()?
        }
    };
    Some((other, offset))
}

/// Where a time is, in seconds east of UTC, and how that was decided; `None`
/// when nothing gives a zone (wall-clock time).
fn offset(
    text: &str,
    clock: &Clock,
    context: &Context,
    day: Option<Date>,
) -> Result<Option<(i32, String)>, String> {
    let on = |tz: &TimeZone, whose: &str| -> Result<(i32, String), String> {
        let offset = zones::zone_offset(tz, day, clock.seconds)?;
        let name = tz.iana_name().unwrap_or("the zone");
        let when = day.map_or(String::new(), |d| format!(" on {d}"));
        Ok((
            offset,
            format!("{whose} {name}, {}{when}", show_offset(offset)),
        ))
    };
    let zone = match &clock.zone {
        None => {
            return match (context.rule, context.source) {
                (Some(tz), _) => on(tz, "no zone written: the rule's zone").map(Some),
                (None, Some(tz)) => on(tz, "no zone written: the source's zone").map(Some),
                (None, None) => Ok(None),
            }
        }
        Some(zone) => zone,
    };
    let found = match zone {
        Zone::Utc { written, offset } => (*offset, format!("{written} = {}", show_offset(*offset))),
        Zone::Named { written, iana } => {
            let tz = zones::iana(iana)?;
            let (offset, how) = on(&tz, &format!("{written} ="))?;
            (offset, how)
        }
        Zone::Local => {
            return match (context.rule, context.source) {
                (Some(tz), _) => on(tz, "local time: the rule's zone").map(Some),
                (None, Some(tz)) => on(tz, "local time: the source's zone").map(Some),
                (None, None) => Ok(None),
            }
        }
        Zone::Abbreviation { written, meanings } if meanings.len() == 1 => {
            let m = meanings[0];
            (
                m.offset,
                format!("{written} = {}, {}", m.name, show_offset(m.offset)),
            )
        }
        Zone::Abbreviation { written, meanings } => {
            let named = |offset: i32| {
                meanings
                    .iter()
                    .find(|m| m.offset == offset)
                    .map_or(String::new(), |m| format!(" as {}", m.name))
            };
            for (tz, whose) in [(context.source, "source"), (context.rule, "rule")] {
                let Some(tz) = tz else { continue };
                if let Some(offset) = zones::uses_abbreviation(tz, written, day) {
                    let name = tz.iana_name().unwrap_or("zone");
                    let how = format!(
                        "{written} read{}, {}: the {whose}'s zone {name} uses it",
                        named(offset),
                        show_offset(offset)
                    );
                    return Ok(Some((offset, how)));
                }
            }
            if let Some((other, other_offset)) = paired(text, clock, context, day) {
                let other_utc = other.seconds - other_offset as i64;
                // A meaning fits when both times are the same instant (either
                // half of the day for a time without a.m./p.m.).
                let period = if other.twelve || clock.twelve {
                    43200
                } else {
                    86400
                };
                let fits: Vec<_> = meanings
                    .iter()
                    .filter(|m| {
                        (clock.seconds - m.offset as i64 - other_utc).rem_euclid(period) == 0
                    })
                    .collect();
                if let [m] = fits.as_slice() {
                    let written_other = text[other.span.clone()].trim().to_string();
                    let how = format!(
                        "{written} read as {}, {}: the time beside it, {written_other}, is the same instant",
                        m.name,
                        show_offset(m.offset)
                    );
                    return Ok(Some((m.offset, how)));
                }
            }
            let list = meanings
                .iter()
                .map(|m| format!("{} {}", m.name, show_offset(m.offset)))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(format!(
                "{written} is ambiguous ({list}): set `timezone` on the rule or the source to say which"
            ));
        }
    };
    Ok(Some(found))
}

/// Reads a recognized clock time in `text` into a comparable value.
pub fn read(text: &str, clock: &Clock, context: &Context) -> Result<Normalized, String> {
    let written = text[clock.span.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let day_written = written_day(text, clock, context.published);
    let day = day_written.as_ref().map(|(d, _)| *d).or(context.published);
    let mut how = Vec::new();
    if clock.twelve {
        how.push("no a.m./p.m.: either half of the day".to_string());
    }
    let utc = match offset(text, clock, context, day)? {
        Some((offset, zone_how)) => {
            how.push(zone_how);
            let local = clock.seconds - offset as i64;
            Some(match day {
                Some(d) => {
                    let midnight = d
                        .at(0, 0, 0, 0)
                        .to_zoned(TimeZone::UTC)
                        .map_err(|e| e.to_string())?;
                    midnight.timestamp().as_second() + local
                }
                None => local,
            })
        }
        None => {
            how.push(
                "no time zone (none written, no `timezone` on the rule or the source): compared as wall-clock time"
                    .into(),
            );
            None
        }
    };
    // Shown in UTC (with the UTC day when a day is written), else as written.
    let show = |seconds: i64| -> String {
        match (utc, &day_written) {
            (Some(_), Some(_)) => match jiff::Timestamp::from_second(seconds) {
                Ok(ts) => format!(
                    "{} {} UTC",
                    ts.to_zoned(TimeZone::UTC).date(),
                    clock_text(seconds)
                ),
                Err(_) => format!("{} UTC", clock_text(seconds)),
            },
            (Some(_), None) => format!("{} UTC", clock_text(seconds)),
            (None, _) => clock_text(seconds),
        }
    };
    let first = utc.unwrap_or(clock.seconds);
    let shown = if clock.twelve {
        format!("{} | {}", show(first), show(first + 43200))
    } else {
        show(first)
    };
    if let Some((d, words)) = &day_written {
        how.push(format!("on {d} ({words})"));
    }
    let hedge = HEDGE.captures(&text[..clock.span.start]).map(|c| {
        c[1].split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    });
    if let Some(h) = &hedge {
        how.push(format!("hedged: '{h}'"));
    }
    let key = Key::Time {
        wall: clock.seconds,
        utc,
        dated: day_written.is_some(),
        twelve: clock.twelve,
    };
    Ok(Normalized::new(shown.clone(), key)
        .approximate(hedge.is_some())
        .note(format!("{written} → {shown}: {}", how.join("; "))))
}

/// Every time in `text` (`factlint normalize --kind time`), read in `context`.
pub fn find(text: &str, context: &Context) -> Vec<Found> {
    let mut chars = Chars::new(text);
    scan::scan(text)
        .into_iter()
        .map(|clock| match read(text, &clock, context) {
            Ok(value) => {
                let mut found = Found::counted(&mut chars, clock.span.clone(), value.clone());
                let mut walls = vec![clock_text(clock.seconds)];
                if clock.twelve {
                    walls.push(clock_text(clock.seconds + 43200));
                }
                found.extra.insert("time".into(), walls.into());
                if let Key::Time { utc: Some(utc), .. } = value.key {
                    found.extra.insert("utc".into(), clock_text(utc).into());
                }
                // The day written with the time (local), zone or not.
                if let Some((day, _)) = written_day(text, &clock, context.published) {
                    found.extra.insert("date".into(), day.to_string().into());
                }
                found
            }
            Err(reason) => Found::counted(
                &mut chars,
                clock.span.clone(),
                crate::normalize::unresolved(reason),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests;
