//! Dates counted from something: from publication ("today", "yesterday",
//! "two weeks ago", "last week", "earlier this week", "last year") or from
//! the date mentioned just before ("a day earlier", "the day before", "two
//! days later"). The antecedent is the nearest date earlier in the same
//! sentence or the few sentences before it: a newsroom's "A day earlier,"
//! often opens the paragraph after the one that gave the date.

use super::weekday::on_or_before;
use super::{need_published, scan, Days, Expr, Part, Resolved, Unit};
use jiff::civil::{Date, Weekday};
use std::ops::Range;

/// How many sentences before the current one an antecedent may stand.
const LOOKBACK_SENTENCES: usize = 3;

/// Resolves an expression counted from publication.
pub fn resolve(expr: &Expr, written: &str, published: Option<Date>) -> Result<Resolved, String> {
    let published = need_published(published, &format!("`{written}`"))?;
    let overflow = || format!("`{written}` falls outside the calendar");
    match *expr {
        Expr::FromPublication { amount, unit } => {
            let date = published
                .checked_add(unit.span(amount))
                .map_err(|_| overflow())?;
            let how = match (amount, unit) {
                (0, Unit::Day) => format!("the publication day {published}"),
                (-1, Unit::Day) => format!("the day before publication {published}"),
                (1, Unit::Day) => format!("the day after publication {published}"),
                (n, u) if n < 0 => format!("{} {}(s) before publication {published}", -n, u.name()),
                (n, u) => format!("{n} {}(s) after publication {published}", u.name()),
            };
            Ok(Resolved::new(Days::one(date), how))
        }
        Expr::Period { unit, offset, part } => {
            let start = match unit {
                Unit::Day => published,
                Unit::Week => on_or_before(published, Weekday::Monday).ok_or_else(overflow)?,
                Unit::Month => published.first_of_month(),
                Unit::Quarter => {
                    let first = published.first_of_month();
                    first.saturating_sub(jiff::Span::new().months((published.month() - 1) % 3))
                }
                Unit::Year => published.first_of_year(),
            };
            let first = start
                .checked_add(unit.span(offset))
                .map_err(|_| overflow())?;
            let last = first
                .checked_add(unit.span(1))
                .and_then(|d| d.yesterday())
                .map_err(|_| overflow())?;
            let which = match offset {
                -1 => format!("the {} before publication {published}", unit.name()),
                0 => format!("the publication {} ({published})", unit.name()),
                1 => format!("the {} after publication {published}", unit.name()),
                _ => format!("{offset} {}s from publication {published}", unit.name()),
            };
            let week_note = if unit == Unit::Week {
                ", weeks start on Monday"
            } else {
                ""
            };
            let (first, last, which) = match part {
                Part::Whole => (first, last, which),
                Part::Earlier => (
                    first,
                    published.yesterday().map_err(|_| overflow())?,
                    format!("{which} up to the day before publication"),
                ),
                Part::Later => (
                    published.tomorrow().map_err(|_| overflow())?,
                    last,
                    format!("{which} after the publication day"),
                ),
            };
            if first > last {
                return Err(format!("`{written}`: no day of {which} is left"));
            }
            Ok(Resolved::new(
                Days::Range(first, last),
                format!("{which}{week_note}"),
            ))
        }
        Expr::BusinessDays { amount } => {
            let mut day = published;
            let mut left = amount.abs();
            while left > 0 {
                day = if amount < 0 {
                    day.yesterday()
                } else {
                    day.tomorrow()
                }
                .map_err(|_| overflow())?;
                if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
                    left -= 1;
                }
            }
            Ok(Resolved::new(
                Days::one(day),
                format!(
                    "{} business day(s) {} publication {published}, weekends skipped",
                    amount.abs(),
                    if amount < 0 { "before" } else { "after" }
                ),
            ))
        }
        Expr::Elapsed { ref parts, .. } => {
            let span = parts
                .iter()
                .fold(jiff::Span::new(), |span, (n, unit)| match unit {
                    Unit::Day => span.days(span.get_days() as i64 + n),
                    Unit::Week => span.weeks(span.get_weeks() as i64 + n),
                    Unit::Month => span.months(span.get_months() as i64 + n),
                    Unit::Quarter => span.months(span.get_months() as i64 + 3 * n),
                    Unit::Year => span.years(span.get_years() as i64 + n),
                });
            let date = published.checked_add(span).map_err(|_| overflow())?;
            Ok(Resolved::new(
                Days::one(date),
                format!("{span:#} (counted from publication {published})"),
            ))
        }
        Expr::Stretch { count, unit } => {
            let far = published
                .checked_add(unit.span(count))
                .map_err(|_| overflow())?;
            let (first, last, how) = if count < 0 {
                (
                    far,
                    published.yesterday().map_err(|_| overflow())?,
                    format!(
                        "the {} {}(s) before publication {published}",
                        -count,
                        unit.name()
                    ),
                )
            } else {
                (
                    published.tomorrow().map_err(|_| overflow())?,
                    far,
                    format!(
                        "the {count} {}(s) after publication {published}",
                        unit.name()
                    ),
                )
            };
            Ok(Resolved::new(Days::Range(first, last.max(first)), how))
        }
        _ => Err(format!("`{written}` is not counted from publication")),
    }
}

/// The nearest date expression before byte `at`, in the same sentence or the
/// [`LOOKBACK_SENTENCES`] before it.
pub fn antecedent(text: &str, at: usize) -> Option<(Range<usize>, Expr)> {
    let mut start = crate::text::sentence_bounds(text, at..at).start;
    for _ in 0..LOOKBACK_SENTENCES {
        let before = text[..start].trim_end();
        if before.is_empty() {
            break;
        }
        let last = before.len() - before.chars().next_back().map_or(0, char::len_utf8);
        start = crate::text::sentence_bounds(text, last..last).start;
    }
    scan::scan(&text[start..at])
        .into_iter()
        .next_back()
        .map(|(span, expr)| (span.start + start..span.end + start, expr))
}

/// A date counted from an antecedent in several units ("2 years 21 days
/// later"): each of its days moved by all `parts`.
pub fn shift(
    anchor: &Resolved,
    anchor_text: &str,
    parts: &[(i64, Unit)],
) -> Result<Resolved, String> {
    let Days::OneOf(dates) = &anchor.days else {
        return Err(format!(
            "counts from `{anchor_text}`, which is a range of days, not one day"
        ));
    };
    let span = parts
        .iter()
        .fold(jiff::Span::new(), |span, (n, unit)| match unit {
            Unit::Day => span.days(span.get_days() as i64 + n),
            Unit::Week => span.weeks(span.get_weeks() as i64 + n),
            Unit::Month => span.months(span.get_months() as i64 + n),
            Unit::Quarter => span.months(span.get_months() as i64 + 3 * n),
            Unit::Year => span.years(span.get_years() as i64 + n),
        });
    let shifted = dates
        .iter()
        .map(|d| d.checked_add(span))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| "falls outside the calendar".to_string())?;
    let how = format!(
        "{span:#} from `{anchor_text}` = {} ({})",
        anchor.days.shown(),
        anchor.how
    );
    Ok(Resolved::new(Days::OneOf(shifted), how))
}

/// A date counted from an antecedent: `amount` `unit`s from each of its days.
pub fn from_anchor(
    anchor: &Resolved,
    anchor_text: &str,
    amount: i64,
    unit: Unit,
) -> Result<Resolved, String> {
    let Days::OneOf(dates) = &anchor.days else {
        return Err(format!(
            "counts from `{anchor_text}`, which is a range of days, not one day"
        ));
    };
    let shifted = dates
        .iter()
        .map(|d| d.checked_add(unit.span(amount)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| "falls outside the calendar".to_string())?;
    let direction = if amount < 0 { "before" } else { "after" };
    let how = format!(
        "{} {}(s) {direction} `{anchor_text}` = {} ({})",
        amount.abs(),
        unit.name(),
        anchor.days.shown(),
        anchor.how
    );
    Ok(Resolved::new(Days::OneOf(shifted), how))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn periods_cover_whole_weeks_months_and_years() {
        let tuesday = Some(date(2023, 2, 28));
        let week = |offset, part| {
            resolve(
                &Expr::Period {
                    unit: Unit::Week,
                    offset,
                    part,
                },
                "x",
                tuesday,
            )
            .unwrap()
            .days
        };
        assert_eq!(
            week(-1, Part::Whole),
            Days::Range(date(2023, 2, 20), date(2023, 2, 26))
        );
        assert_eq!(
            week(0, Part::Earlier),
            Days::Range(date(2023, 2, 27), date(2023, 2, 27))
        );
        assert_eq!(
            week(1, Part::Whole),
            Days::Range(date(2023, 3, 6), date(2023, 3, 12))
        );
        let year = resolve(
            &Expr::Period {
                unit: Unit::Year,
                offset: -1,
                part: Part::Whole,
            },
            "last year",
            tuesday,
        )
        .unwrap();
        assert_eq!(year.days, Days::Range(date(2022, 1, 1), date(2022, 12, 31)));
        let monday = Some(date(2023, 2, 27));
        assert!(resolve(
            &Expr::Period {
                unit: Unit::Week,
                offset: 0,
                part: Part::Earlier
            },
            "earlier this week",
            monday
        )
        .is_err());
    }

    #[test]
    fn relative_days_need_a_publication_date() {
        let e = Expr::FromPublication {
            amount: -1,
            unit: Unit::Day,
        };
        assert_eq!(
            resolve(&e, "yesterday", Some(date(2023, 3, 2)))
                .unwrap()
                .days,
            Days::one(date(2023, 3, 1))
        );
        assert!(resolve(&e, "yesterday", None)
            .unwrap_err()
            .contains("has none"));
    }
}
