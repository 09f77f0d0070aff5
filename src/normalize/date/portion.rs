//! Parts of a year or a month, as deals and plans are dated: "early 2024",
//! "mid-November", "late last year", "the first half of 2023", "by the end
//! of the year". Each is a documented range of days cut from the period it
//! names (resolved first, like any other date):
//!
//! | written | year | month |
//! |---|---|---|
//! | early, the beginning/start of | January–April | days 1–10 |
//! | mid, the middle of | May–August | days 11–20 |
//! | late, the end of | September–December | day 21 to the end |
//! | the first half of, H1 | January–June | days 1–15 |
//! | the second half of, H2 | July–December | day 16 to the end |
//! | by the end of | publication to December 31 | publication to the last day |
//!
//! Thirds, so that early, mid and late cover the period without overlap
//! (Recognizers-Text uses the same thirds for years, other cuts for months).
//! "By the end of" is a deadline: from the publication date (or the start of
//! the period, when the article has no date or was published after it) to the
//! period's last day.

use super::{Days, Resolved};
use jiff::civil::Date;

/// Which part of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Portion {
    Early,
    Mid,
    Late,
    FirstHalf,
    SecondHalf,
    /// "By the end of": up to the period's last day.
    ByEnd,
}

impl Portion {
    /// The portion a phrase names: "early", "the middle of", "the second
    /// half of", "h1", "by the end of" (lower case, spaces collapsed).
    pub fn from_phrase(phrase: &str) -> Option<Portion> {
        let p = phrase
            .to_lowercase()
            .replace('-', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let p = p.trim_start_matches("the ").trim_end_matches(" of");
        Some(match p {
            "early" | "beginning" | "start" => Portion::Early,
            "mid" | "middle" => Portion::Mid,
            "late" | "end" => Portion::Late,
            "first half" | "h1" => Portion::FirstHalf,
            "second half" | "h2" => Portion::SecondHalf,
            "by the end" | "by end" => Portion::ByEnd,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Portion::Early => "the early part",
            Portion::Mid => "the middle part",
            Portion::Late => "the late part",
            Portion::FirstHalf => "the first half",
            Portion::SecondHalf => "the second half",
            Portion::ByEnd => "up to the end",
        }
    }
}

/// The days of `portion` of the period `whole` resolved to (a year or a
/// month, by its length).
pub fn cut(
    whole: &Resolved,
    portion: Portion,
    written: &str,
    published: Option<Date>,
) -> Result<Resolved, String> {
    let Days::Range(first, last) = whole.days else {
        return Err(format!("`{written}`: a part of one day is not a date"));
    };
    let year = first.month() == 1 && first.day() == 1 && last.month() == 12 && last.day() == 31;
    let month = first.day() == 1 && last == first.last_of_month();
    let (from, to, rule) = match (portion, year, month) {
        (Portion::ByEnd, ..) => {
            let from = published.filter(|p| (first..=last).contains(p));
            let rule = match from {
                Some(p) => format!("from publication {p} to the last day"),
                None => "the whole period (publication is not inside it)".to_string(),
            };
            (from.unwrap_or(first), last, rule)
        }
        (_, true, _) => {
            let (a, b, rule) = match portion {
                Portion::Early => (1, 4, "January to April"),
                Portion::Mid => (5, 8, "May to August"),
                Portion::Late => (9, 12, "September to December"),
                Portion::FirstHalf => (1, 6, "January to June"),
                _ => (7, 12, "July to December"),
            };
            let from = Date::new(first.year(), a, 1).map_err(|e| e.to_string())?;
            let to = Date::new(first.year(), b, 1)
                .map_err(|e| e.to_string())?
                .last_of_month();
            (from, to, rule.to_string())
        }
        (_, false, true) => {
            let end = last.day();
            let (a, b, rule) = match portion {
                Portion::Early => (1, 10, "days 1 to 10"),
                Portion::Mid => (11, 20, "days 11 to 20"),
                Portion::Late => (21, end, "day 21 to the end"),
                Portion::FirstHalf => (1, 15, "days 1 to 15"),
                _ => (16, end, "day 16 to the end"),
            };
            let day = |d: i8| Date::new(first.year(), first.month(), d).map_err(|e| e.to_string());
            (day(a)?, day(b)?, rule.to_string())
        }
        _ => {
            return Err(format!(
                "`{written}`: {} of a period that is neither a year nor a month",
                portion.name()
            ))
        }
    };
    Ok(Resolved::new(
        Days::Range(from, to),
        format!(
            "{} of {}..{} ({}): {rule}",
            portion.name(),
            first,
            last,
            whole.how
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn year(y: i16) -> Resolved {
        Resolved::new(
            Days::Range(date(y, 1, 1), date(y, 12, 31)),
            "the whole year as written",
        )
    }

    #[test]
    fn parts_of_a_year_and_a_month_are_documented_ranges() {
        let cut_year = |p| cut(&year(2024), p, "x", None).unwrap().days;
        assert_eq!(
            cut_year(Portion::Early),
            Days::Range(date(2024, 1, 1), date(2024, 4, 30))
        );
        assert_eq!(
            cut_year(Portion::Mid),
            Days::Range(date(2024, 5, 1), date(2024, 8, 31))
        );
        assert_eq!(
            cut_year(Portion::Late),
            Days::Range(date(2024, 9, 1), date(2024, 12, 31))
        );
        assert_eq!(
            cut_year(Portion::SecondHalf),
            Days::Range(date(2024, 7, 1), date(2024, 12, 31))
        );
        let october = Resolved::new(Days::Range(date(2023, 10, 1), date(2023, 10, 31)), "x");
        assert_eq!(
            cut(&october, Portion::Late, "late October", None)
                .unwrap()
                .days,
            Days::Range(date(2023, 10, 21), date(2023, 10, 31))
        );
        let by_end = cut(&year(2024), Portion::ByEnd, "x", Some(date(2024, 3, 5))).unwrap();
        assert_eq!(
            by_end.days,
            Days::Range(date(2024, 3, 5), date(2024, 12, 31))
        );
        assert_eq!(
            Portion::from_phrase("The  First half of"),
            Some(Portion::FirstHalf)
        );
        assert_eq!(Portion::from_phrase("mid-"), Some(Portion::Mid));
    }
}
