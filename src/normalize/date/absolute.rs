//! Dates written with a month and a day. Without a year, the year is the one
//! that puts the date nearest the publication date (AP style leaves out the
//! current year, and news is about the recent past or near future): "February
//! 24" in an article of 2 March 2023 is 2023-02-24, "December 30" in one of
//! 3 January 2023 is 2022-12-30. Months alone ("in October") follow tense
//! cues like weekdays do.

use super::weekday::{tense, Tense};
use super::{need_published, Days, Expr, MonthRef, Resolved};
use jiff::civil::{Date, Weekday};
use std::ops::Range;

/// Resolves a calendar date, a day of a month, or an nth weekday of a month.
pub fn resolve(expr: &Expr, written: &str, published: Option<Date>) -> Result<Resolved, String> {
    match *expr {
        Expr::Calendar {
            year: Some(year),
            month,
            day,
            weekday,
        } => {
            let date = Date::new(year, month, day)
                .map_err(|_| format!("`{written}` is not a calendar date"))?;
            Ok(Resolved::new(
                Days::one(date),
                with_weekday_check("year, month and day as written", date, weekday),
            ))
        }
        Expr::Calendar {
            year: None,
            month,
            day,
            weekday,
        } => {
            let published = need_published(published, &format!("`{written}` has no year, so it"))?;
            let date = nearest(month, day, published)
                .ok_or_else(|| format!("`{written}` is not a date in any year near {published}"))?;
            let how = format!(
                "no year written: {} in the year nearest publication {published}",
                month_day_name(month, day)
            );
            Ok(Resolved::new(
                Days::one(date),
                with_weekday_check(&how, date, weekday),
            ))
        }
        Expr::DayOfMonth {
            month,
            day,
            weekday,
        } => {
            let published = need_published(published, &format!("`{written}`"))?;
            if let (MonthRef::Relative(0), Some(weekday)) = (month, weekday) {
                // "Thursday the 21st": the weekday tells the month, nearest publication.
                let date = (-14..=14)
                    .filter_map(|m| {
                        published
                            .first_of_month()
                            .checked_add(jiff::Span::new().months(m))
                            .ok()
                    })
                    .filter_map(|first| Date::new(first.year(), first.month(), day).ok())
                    .filter(|d| d.weekday() == weekday)
                    .min_by_key(|d| (*d - published).get_days().abs())
                    .ok_or_else(|| {
                        format!("`{written}`: no month near {published} has a {weekday:?} {day}")
                    })?;
                return Ok(Resolved::new(
                    Days::one(date),
                    format!("the {weekday:?} {day} nearest publication {published}"),
                ));
            }
            let (first, how) = month_of(month, published, written)?;
            let date = Date::new(first.year(), first.month(), day).map_err(|_| {
                format!(
                    "`{written}`: {first} has no day {day}",
                    first = &first.to_string()[..7]
                )
            })?;
            Ok(Resolved::new(
                Days::one(date),
                with_weekday_check(&format!("day {day} of {how}"), date, weekday),
            ))
        }
        Expr::NthWeekday {
            nth,
            weekday,
            month,
        } => {
            let published = need_published(published, &format!("`{written}`"))?;
            let (first, how) = month_of(month, published, written)?;
            let date = first
                .nth_weekday_of_month(nth, weekday)
                .map_err(|_| format!("`{written}`: {how} has no such {weekday:?}"))?;
            if date.month() != first.month() {
                return Err(format!("`{written}`: {how} has no such {weekday:?}"));
            }
            Ok(Resolved::new(
                Days::one(date),
                format!("{weekday:?} number {nth} of {how}"),
            ))
        }
        Expr::Year { year } => {
            let first = Date::new(year, 1, 1).map_err(|_| format!("`{written}` is not a year"))?;
            Ok(Resolved::new(
                Days::Range(first, first.last_of_year()),
                "the whole year as written",
            ))
        }
        Expr::Quarter { quarter, year } => {
            let (year, how) = match year {
                Some(y) => (y, format!("quarter {quarter} of {y}")),
                None => {
                    let published =
                        need_published(published, &format!("`{written}` has no year, so it"))?;
                    (
                        published.year(),
                        format!(
                            "quarter {quarter} of the publication year {}",
                            published.year()
                        ),
                    )
                }
            };
            let first = Date::new(year, (quarter - 1) * 3 + 1, 1)
                .map_err(|_| format!("`{written}` is not a quarter"))?;
            let last = first
                .saturating_add(jiff::Span::new().months(3))
                .yesterday()
                .map_err(|e| e.to_string())?;
            Ok(Resolved::new(Days::Range(first, last), how))
        }
        _ => Err(format!("`{written}` is not an absolute date")),
    }
}

/// A month, alone: "in October", "last October", "October 2023".
pub fn resolve_month(
    text: &str,
    span: Range<usize>,
    expr: &Expr,
    published: Option<Date>,
) -> Result<Resolved, String> {
    let written = text[span.clone()].trim();
    let Expr::Month {
        month,
        year,
        offset,
    } = *expr
    else {
        return Err(format!("`{written}` is not a month"));
    };
    let name = month_name(month);
    let (first, how) = if let Some(year) = year {
        (
            Date::new(year, month, 1).map_err(|e| e.to_string())?,
            "year as written".to_string(),
        )
    } else {
        let published = need_published(published, &format!("`{written}`"))?;
        let this_year = Date::new(published.year(), month, 1).map_err(|e| e.to_string())?;
        let current = published.first_of_month();
        match offset {
            Some(0) => (
                this_year,
                format!("{name} of the publication year {}", published.year()),
            ),
            Some(o) => {
                let first = match o < 0 {
                    true if this_year < current => this_year,
                    false if this_year > current => this_year,
                    _ => this_year.saturating_add(jiff::Span::new().years(o.signum())),
                };
                let word = if o < 0 { "last" } else { "next" };
                (
                    first,
                    format!("{word} {name} before or after publication {published}"),
                )
            }
            None => {
                let (t, cue) = tense(text, span);
                let past = if this_year <= current {
                    this_year
                } else {
                    this_year.saturating_add(jiff::Span::new().years(-1))
                };
                let future = if this_year >= current {
                    this_year
                } else {
                    this_year.saturating_add(jiff::Span::new().years(1))
                };
                match t {
                    Tense::Future => (
                        future,
                        format!("next {name} from publication {published}, {cue}"),
                    ),
                    _ => (
                        past,
                        format!("most recent {name} up to publication {published}, {cue}"),
                    ),
                }
            }
        }
    };
    Ok(Resolved::new(
        Days::Range(first, first.last_of_month()),
        how,
    ))
}

/// The first day of the month `month` refers to, and how it was chosen.
fn month_of(month: MonthRef, published: Date, written: &str) -> Result<(Date, String), String> {
    match month {
        MonthRef::Relative(o) => {
            let first = published
                .first_of_month()
                .checked_add(jiff::Span::new().months(o))
                .map_err(|e| e.to_string())?;
            let word = match o {
                0 => "the publication month",
                -1 => "the month before publication",
                1 => "the month after publication",
                _ => "a month counted from publication",
            };
            Ok((first, word.into()))
        }
        MonthRef::Named {
            month,
            year: Some(year),
        } => Ok((
            Date::new(year, month, 1).map_err(|_| format!("`{written}` names no month"))?,
            format!("{} {year}", month_name(month)),
        )),
        MonthRef::Named { month, year: None } => {
            let first = nearest(month, 15, published)
                .ok_or_else(|| format!("`{written}` names no month"))?
                .first_of_month();
            Ok((
                first,
                format!(
                    "{} {} (nearest publication)",
                    month_name(month),
                    first.year()
                ),
            ))
        }
    }
}

/// The date with this month and day nearest `published` (years around it;
/// February 29 only exists in leap years).
pub fn nearest(month: i8, day: i8, published: Date) -> Option<Date> {
    (-4..=4)
        .filter_map(|dy| Date::new(published.year() + dy, month, day).ok())
        .min_by_key(|d| (*d - published).get_days().abs())
}

/// Notes a weekday written next to the date that does not match it.
fn with_weekday_check(how: &str, date: Date, weekday: Option<Weekday>) -> String {
    match weekday {
        Some(w) if w != date.weekday() => format!(
            "{how}; note: written with {w:?}, but {date} is a {:?}",
            date.weekday()
        ),
        _ => how.to_string(),
    }
}

pub fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

fn month_day_name(month: i8, day: i8) -> String {
    format!("{} {day}", month_name(month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn years_are_inferred_nearest_publication() {
        assert_eq!(nearest(2, 24, date(2023, 3, 2)), Some(date(2023, 2, 24)));
        assert_eq!(nearest(12, 30, date(2023, 1, 3)), Some(date(2022, 12, 30)));
        assert_eq!(nearest(1, 5, date(2022, 12, 20)), Some(date(2023, 1, 5)));
        assert_eq!(nearest(2, 29, date(2017, 3, 22)), Some(date(2016, 2, 29)));
        assert_eq!(nearest(2, 30, date(2017, 3, 22)), None);
    }

    #[test]
    fn written_weekdays_are_checked_against_the_date() {
        let e = Expr::Calendar {
            year: Some(2023),
            month: 2,
            day: 28,
            weekday: Some(Weekday::Wednesday),
        };
        let r = resolve(&e, "Wednesday, Feb. 28, 2023", None).unwrap();
        assert_eq!(r.days, Days::one(date(2023, 2, 28)));
        assert!(r.how.contains("2023-02-28 is a Tuesday"), "{}", r.how);
        let e = Expr::Calendar {
            year: None,
            month: 2,
            day: 24,
            weekday: None,
        };
        assert!(resolve(&e, "February 24", None)
            .unwrap_err()
            .contains("no year"));
    }
}
