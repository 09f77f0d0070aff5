//! Time zones as news copy writes them, and the zone database behind them.
//!
//! A zone written after a clock time is one of: UTC/GMT (or a "+08:00"
//! offset after them), an abbreviation from [`ABBREVIATIONS`] ("EDT", "BST"),
//! a named zone ("Beijing time", "Eastern Time": an IANA zone whose offset
//! depends on the date), or "local time" (the zone of the rule or the
//! source). Some abbreviations mean several zones — CST is China Standard
//! Time (UTC+8), US Central Standard Time (UTC−6) and Cuba Standard Time
//! (UTC−5); IST is India, Israel or Irish Standard Time — and are resolved by
//! the rule's or the source's zone when that zone uses the abbreviation
//! (Asia/Shanghai writes CST), else by a paired time in brackets ("18:00 CST
//! (10:00 UTC)"), else reported unresolved with the candidates.
//!
//! The IANA database is the one bundled with jiff (`tzdb-bundle-always`),
//! never the system's, so offsets are the same on every machine and offline.

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone, TimeZoneDatabase};
use jiff::Timestamp;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static DB: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

/// The IANA zone called `name` ("Asia/Shanghai"), case aside, from the
/// bundled database; the error says what to write instead.
pub fn iana(name: &str) -> Result<TimeZone, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("timezone is empty: write an IANA zone name such as \"Asia/Shanghai\"".into());
    }
    DB.get(name).map_err(|_| {
        // A name news copy uses ("Beijing") maps to its zone.
        let lower = name.to_lowercase();
        let lower = lower.trim_end_matches(" time");
        if let Some((_, zone)) = NAMED.iter().find(|(n, _)| *n == lower) {
            return format!("timezone `{name}` is not in the time zone database: did you mean `{zone}`?");
        }
        let near = DB
            .available()
            .map(|n| n.to_string())
            .map(|n| (strsim::jaro_winkler(&n.to_lowercase(), &name.to_lowercase()), n))
            .filter(|(score, _)| *score > 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        match near {
            Some((_, n)) => format!(
                "timezone `{name}` is not in the time zone database: did you mean `{n}`?"
            ),
            None => format!(
                "timezone `{name}` is not in the time zone database: write an IANA zone name such as \"Asia/Shanghai\" or \"America/New_York\""
            ),
        }
    })
}

/// A zone as written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// "UTC", "GMT", "Z", or an offset after them ("GMT+8": `offset` 8 h).
    Utc { written: String, offset: i32 },
    /// An abbreviation with its candidate meanings (one when unambiguous).
    Abbreviation {
        written: String,
        meanings: &'static [Meaning],
    },
    /// A named zone ("Beijing time", "Eastern Time"): an IANA zone.
    Named { written: String, iana: &'static str },
    /// "local time": the rule's or the source's zone.
    Local,
}

/// One meaning of a zone abbreviation: its name and UTC offset in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning {
    pub name: &'static str,
    pub offset: i32,
}

const fn m(name: &'static str, hours: i32, minutes: i32) -> Meaning {
    Meaning {
        name,
        offset: hours * 3600 + minutes * 60,
    }
}

/// Zone abbreviations common in news copy, upper case as written. Several
/// meanings: ambiguous (see the module comment).
pub static ABBREVIATIONS: &[(&str, &[Meaning])] = &[
    ("UTC", &[m("Coordinated Universal Time", 0, 0)]),
    ("GMT", &[m("Greenwich Mean Time", 0, 0)]),
    (
        "BST",
        &[
            m("British Summer Time", 1, 0),
            m("Bangladesh Standard Time", 6, 0),
        ],
    ),
    (
        "IST",
        &[
            m("India Standard Time", 5, 30),
            m("Israel Standard Time", 2, 0),
            m("Irish Standard Time", 1, 0),
        ],
    ),
    (
        "CST",
        &[
            m("China Standard Time", 8, 0),
            m("Central Standard Time", -6, 0),
            m("Cuba Standard Time", -5, 0),
        ],
    ),
    (
        "AST",
        &[
            m("Atlantic Standard Time", -4, 0),
            m("Arabia Standard Time", 3, 0),
        ],
    ),
    ("WET", &[m("Western European Time", 0, 0)]),
    ("WEST", &[m("Western European Summer Time", 1, 0)]),
    ("CET", &[m("Central European Time", 1, 0)]),
    ("CEST", &[m("Central European Summer Time", 2, 0)]),
    ("EET", &[m("Eastern European Time", 2, 0)]),
    ("EEST", &[m("Eastern European Summer Time", 3, 0)]),
    ("MSK", &[m("Moscow Time", 3, 0)]),
    ("TRT", &[m("Turkey Time", 3, 0)]),
    ("EAT", &[m("East Africa Time", 3, 0)]),
    ("CAT", &[m("Central Africa Time", 2, 0)]),
    ("WAT", &[m("West Africa Time", 1, 0)]),
    ("SAST", &[m("South Africa Standard Time", 2, 0)]),
    ("IRST", &[m("Iran Standard Time", 3, 30)]),
    ("GST", &[m("Gulf Standard Time", 4, 0)]),
    ("AFT", &[m("Afghanistan Time", 4, 30)]),
    ("PKT", &[m("Pakistan Standard Time", 5, 0)]),
    ("UZT", &[m("Uzbekistan Time", 5, 0)]),
    ("NPT", &[m("Nepal Time", 5, 45)]),
    ("MMT", &[m("Myanmar Time", 6, 30)]),
    ("ICT", &[m("Indochina Time", 7, 0)]),
    ("WIB", &[m("Western Indonesia Time", 7, 0)]),
    ("HKT", &[m("Hong Kong Time", 8, 0)]),
    ("SGT", &[m("Singapore Time", 8, 0)]),
    ("PHT", &[m("Philippine Time", 8, 0)]),
    ("AWST", &[m("Australian Western Standard Time", 8, 0)]),
    ("WITA", &[m("Central Indonesia Time", 8, 0)]),
    ("JST", &[m("Japan Standard Time", 9, 0)]),
    ("KST", &[m("Korea Standard Time", 9, 0)]),
    ("WIT", &[m("Eastern Indonesia Time", 9, 0)]),
    ("ACST", &[m("Australian Central Standard Time", 9, 30)]),
    ("AEST", &[m("Australian Eastern Standard Time", 10, 0)]),
    ("AEDT", &[m("Australian Eastern Daylight Time", 11, 0)]),
    ("NZST", &[m("New Zealand Standard Time", 12, 0)]),
    ("NZDT", &[m("New Zealand Daylight Time", 13, 0)]),
    ("ADT", &[m("Atlantic Daylight Time", -3, 0)]),
    ("EST", &[m("Eastern Standard Time", -5, 0)]),
    ("EDT", &[m("Eastern Daylight Time", -4, 0)]),
    ("CDT", &[m("Central Daylight Time", -5, 0)]),
    ("MST", &[m("Mountain Standard Time", -7, 0)]),
    ("MDT", &[m("Mountain Daylight Time", -6, 0)]),
    ("PST", &[m("Pacific Standard Time", -8, 0)]),
    ("PDT", &[m("Pacific Daylight Time", -7, 0)]),
    ("AKST", &[m("Alaska Standard Time", -9, 0)]),
    ("AKDT", &[m("Alaska Daylight Time", -8, 0)]),
    ("HST", &[m("Hawaii-Aleutian Standard Time", -10, 0)]),
];

/// Names written before "time" ("Beijing time") or alone ("Eastern Time"),
/// lower case, and their IANA zone.
pub static NAMED: &[(&str, &str)] = &[
    ("beijing", "Asia/Shanghai"),
    ("china", "Asia/Shanghai"),
    ("chinese", "Asia/Shanghai"),
    ("hong kong", "Asia/Hong_Kong"),
    ("taipei", "Asia/Taipei"),
    ("taiwan", "Asia/Taipei"),
    ("tokyo", "Asia/Tokyo"),
    ("japan", "Asia/Tokyo"),
    ("seoul", "Asia/Seoul"),
    ("pyongyang", "Asia/Pyongyang"),
    ("manila", "Asia/Manila"),
    ("jakarta", "Asia/Jakarta"),
    ("bangkok", "Asia/Bangkok"),
    ("hanoi", "Asia/Bangkok"),
    ("singapore", "Asia/Singapore"),
    ("india", "Asia/Kolkata"),
    ("indian", "Asia/Kolkata"),
    ("new delhi", "Asia/Kolkata"),
    ("delhi", "Asia/Kolkata"),
    ("kathmandu", "Asia/Kathmandu"),
    ("nepal", "Asia/Kathmandu"),
    ("dhaka", "Asia/Dhaka"),
    ("pakistan", "Asia/Karachi"),
    ("islamabad", "Asia/Karachi"),
    ("kabul", "Asia/Kabul"),
    ("tashkent", "Asia/Tashkent"),
    ("astana", "Asia/Almaty"),
    ("almaty", "Asia/Almaty"),
    ("tehran", "Asia/Tehran"),
    ("iran", "Asia/Tehran"),
    ("dubai", "Asia/Dubai"),
    ("gulf", "Asia/Dubai"),
    ("riyadh", "Asia/Riyadh"),
    ("mecca", "Asia/Riyadh"),
    ("jerusalem", "Asia/Jerusalem"),
    ("israel", "Asia/Jerusalem"),
    ("ankara", "Europe/Istanbul"),
    ("istanbul", "Europe/Istanbul"),
    ("turkish", "Europe/Istanbul"),
    ("moscow", "Europe/Moscow"),
    ("kyiv", "Europe/Kyiv"),
    ("kiev", "Europe/Kyiv"),
    ("athens", "Europe/Athens"),
    ("cairo", "Africa/Cairo"),
    ("nairobi", "Africa/Nairobi"),
    ("lagos", "Africa/Lagos"),
    ("berlin", "Europe/Berlin"),
    ("paris", "Europe/Paris"),
    ("brussels", "Europe/Brussels"),
    ("rome", "Europe/Rome"),
    ("madrid", "Europe/Madrid"),
    ("london", "Europe/London"),
    ("uk", "Europe/London"),
    ("british", "Europe/London"),
    ("sydney", "Australia/Sydney"),
    ("eastern", "America/New_York"),
    ("washington", "America/New_York"),
    ("new york", "America/New_York"),
    ("central", "America/Chicago"),
    ("mountain", "America/Denver"),
    ("pacific", "America/Los_Angeles"),
    ("mexico city", "America/Mexico_City"),
];

/// US generic abbreviations ("5 p.m. ET"): the zone, daylight time or not.
pub static GENERIC: &[(&str, &str)] = &[
    ("ET", "America/New_York"),
    ("CT", "America/Chicago"),
    ("MT", "America/Denver"),
    ("PT", "America/Los_Angeles"),
];

/// The abbreviation `word` (exactly as written, upper case).
pub fn abbreviation(word: &str) -> Option<&'static [Meaning]> {
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == word)
        .map(|(_, meanings)| *meanings)
}

/// "UTC+08:00", "UTC−05:00", "UTC".
pub fn show_offset(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '−' } else { '+' };
    let s = seconds.abs();
    format!("UTC{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
}

/// The zone's offset in seconds at the wall-clock `at` in it.
pub fn offset_at(tz: &TimeZone, at: DateTime) -> i32 {
    let ts = tz
        .to_ambiguous_timestamp(at)
        .compatible()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    tz.to_offset(ts).seconds()
}

/// The offset of `tz` on `day` (at `seconds` after midnight), or — without a
/// day — its one offset through 2024 when it has one (a zone with daylight
/// time needs the day).
pub fn zone_offset(tz: &TimeZone, day: Option<Date>, seconds: i64) -> Result<i32, String> {
    match day {
        Some(d) => Ok(offset_at(tz, at(d, seconds))),
        None => {
            let jan = offset_at(tz, at(Date::constant(2024, 1, 15), 43200));
            let jul = offset_at(tz, at(Date::constant(2024, 7, 15), 43200));
            if jan == jul {
                Ok(jan)
            } else {
                Err(format!(
                    "the offset of {} depends on the date (daylight time), and no date is known: add `published` to the article, or write the date with the time",
                    tz.iana_name().unwrap_or("the zone")
                ))
            }
        }
    }
}

/// `day` at `seconds` after midnight (clamped into the day).
pub fn at(day: Date, seconds: i64) -> DateTime {
    let s = seconds.clamp(0, 86399) as i32;
    day.at((s / 3600) as i8, (s % 3600 / 60) as i8, (s % 60) as i8, 0)
}

/// The offset `tz` has where it uses the abbreviation `abbr` around `day`
/// (that day, or mid-January or mid-July of its year), if it ever does.
pub fn uses_abbreviation(tz: &TimeZone, abbr: &str, day: Option<Date>) -> Option<i32> {
    let year = day.map_or(2024, |d| d.year());
    let days = [
        day,
        Date::new(year, 1, 15).ok(),
        Date::new(year, 7, 15).ok(),
    ];
    days.into_iter().flatten().find_map(|d| {
        let ts = tz.to_ambiguous_timestamp(at(d, 43200)).compatible().ok()?;
        let info = tz.to_offset_info(ts);
        (info.abbreviation() == abbr).then(|| info.offset().seconds())
    })
}

/// An offset in seconds as a jiff offset (out-of-range offsets become UTC).
pub fn offset(seconds: i32) -> Offset {
    Offset::from_seconds(seconds).unwrap_or(Offset::UTC)
}

static OFFSET_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<z>UTC|GMT)(?:\s?(?P<sign>[+−-])\s?(?P<oh>\d{1,2})(?::?(?P<om>[0-5]\d))?)?\b")
        .unwrap()
});
static ABBR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z]{2,4}\b").unwrap());
static LOCAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:local\s+time|local)\b").unwrap());
static NAMED_WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    let names = NAMED
        .iter()
        .map(|(n, _)| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    let full = ABBREVIATIONS
        .iter()
        .flat_map(|(_, ms)| {
            ms.iter()
                .map(|m| regex::escape(m.name).replace(' ', r"\s+"))
        })
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?i)^(?:(?P<full>{full})|(?P<name>{names})(?:\s+(?:standard|daylight))?\s+time)\b"
    ))
    .unwrap()
});

/// Reads the zone written at byte `pos` (after optional space or "("):
/// "GMT", "UTC+8", "EDT", "Beijing time", "(Beijing Time)", "local time";
/// `attached`: right after digits, where "Z" is UTC ("0830Z").
pub(super) fn written_at(text: &str, pos: usize, attached: bool) -> Option<(Zone, Range<usize>)> {
    let rest = &text[pos..];
    if attached && rest.starts_with('Z') && !rest[1..].starts_with(|c: char| c.is_alphanumeric()) {
        let zone = Zone::Utc {
            written: "Z".into(),
            offset: 0,
        };
        return Some((zone, pos..pos + 1));
    }
    let skip = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let (skip, bracket) = match rest[skip..].strip_prefix('(') {
        Some(_) => (skip + 1, true),
        None => (skip, false),
    };
    if skip > 3 {
        return None;
    }
    let start = pos + skip;
    let rest = &text[start..];
    let (zone, len) = if let Some(c) = OFFSET_ZONE.captures(rest) {
        let sign = match c.name("sign").map(|s| s.as_str()) {
            Some("-" | "−") => -1,
            _ => 1,
        };
        let hours: i32 = c.name("oh").map_or(0, |h| h.as_str().parse().unwrap_or(0));
        let minutes: i32 = c.name("om").map_or(0, |m| m.as_str().parse().unwrap_or(0));
        if hours > 14 {
            return None;
        }
        let zone = Zone::Utc {
            written: c[0].to_string(),
            offset: sign * (hours * 3600 + minutes * 60),
        };
        (zone, c[0].len())
    } else if let Some(c) = NAMED_WRITTEN.captures(rest) {
        let written = c[0].split_whitespace().collect::<Vec<_>>().join(" ");
        if c.name("full").is_some() {
            // A full name ("China Standard Time") has one meaning.
            let meaning = ABBREVIATIONS
                .iter()
                .flat_map(|(_, ms)| ms.iter())
                .find(|m| m.name.eq_ignore_ascii_case(&written))?;
            let meanings = std::slice::from_ref(meaning);
            (Zone::Abbreviation { written, meanings }, c[0].len())
        } else {
            let name = c["name"].split_whitespace().collect::<Vec<_>>().join(" ");
            let iana = NAMED
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&name))
                .map(|(_, z)| *z)?;
            (Zone::Named { written, iana }, c[0].len())
        }
    } else if let Some(m) = LOCAL.find(rest) {
        (Zone::Local, m.len())
    } else if let Some(m) = ABBR.find(rest) {
        let word = m.as_str();
        if let Some(meanings) = abbreviation(word) {
            let zone = Zone::Abbreviation {
                written: word.to_string(),
                meanings,
            };
            (zone, m.len())
        } else {
            let iana = GENERIC.iter().find(|(a, _)| *a == word).map(|(_, z)| *z)?;
            let zone = Zone::Named {
                written: word.to_string(),
                iana,
            };
            (zone, m.len())
        }
    } else {
        return None;
    };
    let mut end = start + len;
    if bracket {
        if !text[end..].starts_with(')') {
            return None;
        }
        end += 1;
    }
    Some((zone, start..end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_database_knows_the_zones_in_the_tables() {
        for (_, zone) in NAMED.iter().chain(GENERIC) {
            assert!(iana(zone).is_ok(), "{zone}");
        }
    }

    #[test]
    fn an_unknown_zone_suggests_the_nearest_name() {
        let err = iana("Asia/Shangai").unwrap_err();
        assert!(err.contains("did you mean `Asia/Shanghai`"), "{err}");
        let err = iana("Beijing").unwrap_err();
        assert!(err.contains("did you mean `Asia/Shanghai`"), "{err}");
        let err = iana("Mars/Olympus").unwrap_err();
        assert!(err.contains("write an IANA zone name"), "{err}");
    }

    #[test]
    fn zones_say_which_abbreviations_they_use() {
        let shanghai = iana("Asia/Shanghai").unwrap();
        assert_eq!(uses_abbreviation(&shanghai, "CST", None), Some(8 * 3600));
        let chicago = iana("America/Chicago").unwrap();
        // In July Chicago writes CDT; CST is still its winter offset.
        let july = Date::constant(2023, 7, 1);
        assert_eq!(
            uses_abbreviation(&chicago, "CST", Some(july)),
            Some(-6 * 3600)
        );
        let kolkata = iana("Asia/Kolkata").unwrap();
        assert_eq!(uses_abbreviation(&kolkata, "IST", None), Some(19800));
        assert_eq!(uses_abbreviation(&kolkata, "CST", None), None);
    }

    #[test]
    fn daylight_time_needs_a_date() {
        let london = iana("Europe/London").unwrap();
        let summer = zone_offset(&london, Some(Date::constant(2014, 8, 4)), 34200);
        assert_eq!(summer, Ok(3600));
        assert!(zone_offset(&london, None, 0).is_err());
        let shanghai = iana("Asia/Shanghai").unwrap();
        assert_eq!(zone_offset(&shanghai, None, 0), Ok(8 * 3600));
    }

    #[test]
    fn shows_offsets() {
        assert_eq!(show_offset(8 * 3600), "UTC+08:00");
        assert_eq!(show_offset(-5 * 3600 - 1800), "UTC−05:30");
        assert_eq!(show_offset(0), "UTC");
    }
}
