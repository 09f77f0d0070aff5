//! Recognizes date expressions in text, without a calendar, using the forms
//! in [`super::forms`]. Where forms overlap, the one that starts first wins,
//! then the longest ("Tuesday, Feb. 28" over "Tuesday"). An amount written
//! before a date ("3 days after January 12th") shifts it.

use super::words::{count, unit_from};
pub use super::words::{day_from_word, month_from, month_regex, weekday_from, weekday_regex};
use super::{forms::FORMS, Expr};
use crate::text::kept::kept;
use crate::text::words::Fx;
use regex::{Captures, Regex};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Texts up to this many bytes have their expressions kept per thread
/// ([`SCANNED`]): a fact's value, a date mention, the sentences before a
/// relative date. An article body is longer and read once.
const KEPT_TEXT_BYTES: usize = 2048;

/// How many texts' expressions a thread keeps (past it, the table is emptied).
const KEPT_TEXTS: usize = 4096;

/// Expressions kept by text ([`SCANNED`]).
type Scanned = HashMap<Box<str>, Vec<(Range<usize>, Expr)>, Fx>;

thread_local! {
    /// Expressions by text: a date fact's values ("February 28, 2023"), the
    /// reprint check's date mentions and a relative date's antecedent text
    /// come back from article to article, and each was scanned anew (on
    /// dense-1k, ~15,000 instructions a value). [`scan`] is a pure function
    /// of the text, so a kept result is the one a new scan would give.
    static SCANNED: RefCell<Scanned> = RefCell::default();
}

/// Empties this thread's scanned texts (see [`super::clear_thread_caches`]).
pub(super) fn clear_thread_cache() {
    SCANNED.take();
}

/// Every date expression in `text`: byte span and expression, in text order,
/// without overlaps.
pub fn scan(text: &str) -> Vec<(Range<usize>, Expr)> {
    if text.len() > KEPT_TEXT_BYTES {
        return scan_anew(text);
    }
    kept(
        &SCANNED,
        KEPT_TEXTS,
        text,
        || text.into(),
        || scan_anew(text),
    )
}

/// [`scan`] without the kept results: a text of many lines chunk by chunk
/// ([`super::chunks`]), each chunk's forms read once per thread.
fn scan_anew(text: &str) -> Vec<(Range<usize>, Expr)> {
    match super::chunks::raw(text) {
        Some(found) => finish(text, found),
        None => scan_with(text, |found| FORMS.set.each(text, found)),
    }
}

/// [`scan`] of the whole text at once (what reading it chunk by chunk
/// must give).
#[cfg(test)]
pub(super) fn scan_whole(text: &str) -> Vec<(Range<usize>, Expr)> {
    scan_with(text, |found| FORMS.set.each(text, found))
}

/// An expression as a form read it, before the text around it is looked
/// at: its span, the index of the form, and what it says.
pub(super) type Raw = (Range<usize>, usize, Expr);

/// What the forms read in `text`, their matches given by `each` (form
/// index and groups), in no particular order.
pub(super) fn raw_with<'h>(each: impl FnOnce(&mut dyn FnMut(usize, Captures<'h>))) -> Vec<Raw> {
    let mut found: Vec<Raw> = Vec::new();
    each(&mut |form, caps| {
        if let Some(expr) = (FORMS.readers[form])(&caps) {
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            let start = caps.name("core").map_or(whole.start, |m| m.start());
            let end = [caps.name("after"), caps.name("tail")]
                .iter()
                .flatten()
                .map(|m| m.start())
                .min()
                .unwrap_or(whole.end);
            found.push((start..end.max(start), form, expr));
        }
    });
    found
}

/// [`scan`], the forms' matches given by `each` (form index and groups).
fn scan_with<'h>(
    text: &'h str,
    each: impl FnOnce(&mut dyn FnMut(usize, Captures<'h>)),
) -> Vec<(Range<usize>, Expr)> {
    finish(text, raw_with(each))
}

/// The expressions of `text` from what the forms read there (`found`, in
/// any order): those after a currency sign left out, then of overlapping
/// ones the first, longest, of the earliest form; each trimmed and shifted
/// by an amount written before it.
fn finish(text: &str, mut found: Vec<Raw>) -> Vec<(Range<usize>, Expr)> {
    // "$12 December 27": a number after a currency sign is an amount, not a day.
    found.retain(|(span, _, _)| {
        !text[..span.start]
            .trim_end()
            .ends_with(['$', '€', '£', '¥'])
    });
    // Of two expressions over the same text, the earlier form's wins (no
    // form reads two expressions at one place, so the order is total).
    found.sort_unstable_by_key(|(span, form, _)| (span.start, std::cmp::Reverse(span.end), *form));
    let mut kept: Vec<(Range<usize>, Expr)> = Vec::new();
    for (span, _, expr) in found {
        if span.is_empty() || kept.last().is_some_and(|(k, _)| span.start < k.end) {
            continue;
        }
        let trimmed = trim(text, span);
        kept.push((trimmed, expr));
    }
    kept.into_iter()
        .map(|(span, expr)| shifted(text, span, expr))
        .collect()
}

/// A year written alone ("2024", "in 2024"): the whole of `text` but white
/// space. Only a date fact's match (or a line that is just a year) is read
/// so; in running text a bare number is not a date.
pub fn bare_year(text: &str) -> Option<(Range<usize>, Expr)> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:(?i:in)\s+)?([12][0-9]{3})\s*$").expect("year regex"));
    let c = YEAR.captures(text)?;
    let year = c.get(1)?;
    Some((
        year.range(),
        Expr::Year {
            year: year.as_str().parse().ok()?,
        },
    ))
}

/// "3 days after January 12th", "two weeks before May 13": an amount counted
/// from the date that follows it.
fn shifted(text: &str, span: Range<usize>, expr: Expr) -> (Range<usize>, Expr) {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<n>\d{1,3}(?:,\d{3})+|\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>after|before|from)\s+$")
            .expect("shift regex")
    });
    let relative_base = matches!(
        expr,
        Expr::Anchored { .. }
            | Expr::Period { .. }
            | Expr::Month { .. }
            | Expr::Elapsed { .. }
            | Expr::Portion { .. }
    );
    // Up to 48 bytes back ("1,000,000 days after "), on a character boundary
    // ("—" is 3 bytes; found by fuzzing).
    let mut from = span.start.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let Some(c) = BEFORE
        .captures(&text[from..span.start])
        .filter(|_| !relative_base)
    else {
        return (span, expr);
    };
    let (Some(n), Some(unit)) = (count(&c["n"]), unit_from(&c["unit"])) else {
        return (span, expr);
    };
    let start = span.start - (c.get(0).map_or(0, |m| m.len()));
    let amount = if c["dir"].eq_ignore_ascii_case("before") {
        -n
    } else {
        n
    };
    (
        start..span.end,
        Expr::Shifted {
            amount,
            unit,
            base: Box::new(expr),
            base_start: span.start - start,
        },
    )
}

/// `span` without surrounding white space, nor a sentence's full stop after
/// a full month name ("in September." ends with the month, "Sept." is one word).
fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let mut end = span.end - (s.len() - s.trim_end().len());
    if end > start && text[..end].ends_with('.') {
        let word: String = text[start..end - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if word.chars().count() > 4 {
            end -= 1;
        }
    }
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::super::{MonthRef, Part, Unit};
    use super::*;
    use jiff::civil::Weekday;

    /// The one expression found in `text`, with its text.
    fn one(text: &str) -> (String, Expr) {
        let found = scan(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let (span, expr) = found.into_iter().next().unwrap();
        (text[span].to_string(), expr)
    }

    fn calendar(year: Option<i16>, month: i8, day: i8, weekday: Option<Weekday>) -> Expr {
        Expr::Calendar {
            year,
            month,
            day,
            weekday,
        }
    }

    #[test]
    fn reads_the_forms_news_uses() {
        let cases = [
            (
                "became clear on February 24, during",
                "February 24",
                calendar(None, 2, 24, None),
            ),
            (
                "on Feb. 24 in Astana",
                "Feb. 24",
                calendar(None, 2, 24, None),
            ),
            (
                "on Tuesday, Feb. 28, 2023.",
                "Tuesday, Feb. 28, 2023",
                calendar(Some(2023), 2, 28, Some(Weekday::Tuesday)),
            ),
            (
                "on 24 February 2023",
                "24 February 2023",
                calendar(Some(2023), 2, 24, None),
            ),
            (
                "Astana, Kazakhstan, on February 28, 2023. / VOA",
                "February 28, 2023",
                calendar(Some(2023), 2, 28, None),
            ),
            (
                "dated 2023-02-28",
                "2023-02-28",
                calendar(Some(2023), 2, 28, None),
            ),
            (
                "the first of March",
                "the first of March",
                calendar(None, 3, 1, None),
            ),
            (
                "Thursday's vote",
                "Thursday",
                Expr::Weekday {
                    weekday: Weekday::Thursday,
                    week: None,
                },
            ),
            (
                "next Sunday",
                "next Sunday",
                Expr::Weekday {
                    weekday: Weekday::Sunday,
                    week: Some(1),
                },
            ),
            (
                "on the 24th at the UN",
                "the 24th",
                Expr::DayOfMonth {
                    month: MonthRef::Relative(0),
                    day: 24,
                    weekday: None,
                },
            ),
            (
                "he arrived yesterday in",
                "yesterday",
                Expr::FromPublication {
                    amount: -1,
                    unit: Unit::Day,
                },
            ),
            (
                "A day earlier, Blinken",
                "A day earlier",
                Expr::Anchored {
                    amount: -1,
                    unit: Unit::Day,
                },
            ),
            (
                "the day before, he",
                "the day before",
                Expr::Anchored {
                    amount: -1,
                    unit: Unit::Day,
                },
            ),
            (
                "earlier this week",
                "earlier this week",
                Expr::Period {
                    unit: Unit::Week,
                    offset: 0,
                    part: Part::Earlier,
                },
            ),
            (
                "told him last year that",
                "last year",
                Expr::Period {
                    unit: Unit::Year,
                    offset: -1,
                    part: Part::Whole,
                },
            ),
            (
                "made waves in October when",
                "October",
                Expr::Month {
                    month: 10,
                    year: None,
                    offset: None,
                },
            ),
            (
                "launched in 2015 by Kazakhstan",
                "2015",
                Expr::Year { year: 2015 },
            ),
            (
                "two weeks ago",
                "two weeks ago",
                Expr::FromPublication {
                    amount: -2,
                    unit: Unit::Week,
                },
            ),
        ];
        for (text, written, expr) in cases {
            assert_eq!(one(text), (written.to_string(), expr), "{text:?}");
        }
    }

    #[test]
    fn shifts_a_date_by_the_amount_written_before_it() {
        let (written, expr) = one("It happened 2 weeks before May 13 1999.");
        assert_eq!(written, "2 weeks before May 13 1999");
        let Expr::Shifted {
            amount, unit, base, ..
        } = expr
        else {
            panic!("{expr:?}")
        };
        assert_eq!(
            (amount, unit, *base),
            (-2, Unit::Week, calendar(Some(1999), 5, 13, None))
        );
    }

    /// What each form's own regex finds, one form after another.
    fn one_by_one(text: &str) -> Vec<(Range<usize>, Expr)> {
        scan_with(text, |found| {
            for i in 0..FORMS.set.len() {
                for caps in FORMS.set.pattern(i).regex().captures_iter(text) {
                    found(i, caps);
                }
            }
        })
    }

    #[test]
    fn one_pass_over_all_forms_reads_what_each_form_reads() {
        let mut texts = vec![
            "On Tuesday, Feb. 28, 2023 — a day earlier, on Feb 27th — the 2nd Monday of March, \
             in 4.22. 3 days after January 12th, last week, 2 weeks ago, 02/22/2016 and \
             2023-02-28; “Thursday” at 4/22, the first of May: early 2024, Q1 2019, \
             the next 3 days, Tokaïev’s visit in October on 15"
                .to_string(),
        ];
        // The seed articles and every fixture article.
        let mut folders = vec![std::path::PathBuf::from("seeds")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("folder") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
            if folder.as_os_str() == "seeds" {
                folders.push("tests/fixtures".into());
            }
        }
        assert!(texts.len() > 100, "{} articles", texts.len());
        let mut dates = 0;
        for text in &texts {
            let want = one_by_one(text);
            dates += want.len();
            assert_eq!(scan(text), want, "{}", &text[..60]);
        }
        assert!(dates > 400, "{dates} dates");
    }

    #[test]
    fn leaves_look_alikes_alone() {
        for text in [
            "This may or may not be right.",
            "One may ask a question",
            "they march in protest",
            "the 24th anniversary",
            "open 24/7",
            "I bought it for $12 and left",
            "A week after one year of the start of the conflict",
            "a week after the vote",
            "the first visit",
            "some 7,500 kilometers",
            "141 voted in favor, seven against",
            "a budget of 2000 euros",
        ] {
            assert_eq!(scan(text), vec![], "{text:?}");
        }
    }
}
