//! The day a clock time is on, when the text gives one: a date written
//! right after the time ("2345 GMT Sunday", "4:30 p.m. on Feb. 24"), just
//! before it ("on Sunday at 4:30 p.m.", "Feb. 24, 2023, 5 a.m."), between
//! the time and its zone ("4:30 p.m. Sunday (Beijing Time)"), or "tonight"
//! and "this morning" (the publication day). Dates are read by the date
//! kind, against the publication date; only a single day counts.

use super::scan::Clock;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

static BEFORE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\s*,)?(?:\s+(?:at|@))?(?:\s+about|\s+around)?\s*$").unwrap()
});
/// "tonight", "this morning" after a time: the day of publication.
static TODAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:tonight|this\s+(?:morning|afternoon|evening))\b").unwrap()
});
static AFTER_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*,?\s*(?:on\s+)?").unwrap());

/// The byte offset `at` moved to a character boundary (`up`: forwards).
pub(super) fn boundary(text: &str, mut at: usize, up: bool) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        if up {
            at += 1;
        } else {
            at -= 1;
        }
    }
    at
}

/// A single day written right after or just before the time ("2345 GMT
/// Sunday", "on Feb. 24 at 4:30 p.m."), resolved, with the words used.
pub(super) fn written_day(
    text: &str,
    clock: &Clock,
    published: Option<Date>,
) -> Option<(Date, String)> {
    let single = |span: std::ops::Range<usize>, expr: &crate::normalize::date::Expr| {
        let resolved = crate::normalize::date::resolve(text, span.clone(), expr, published).ok()?;
        match resolved.days {
            crate::normalize::date::Days::OneOf(days) if days.len() == 1 => {
                Some((days[0], text[span].trim().to_string()))
            }
            _ => None,
        }
    };
    if let Some(span) = &clock.day_span {
        let (inner, expr) = crate::normalize::date::scan::scan(&text[span.clone()])
            .into_iter()
            .next()?;
        return single(span.start + inner.start..span.start + inner.end, &expr);
    }
    // The ends of a range share the day written before or after it.
    let (after_from, before_to) = clock
        .range
        .as_ref()
        .map_or((clock.span.end, clock.span.start), |r| (r.end, r.start));
    if let Some(d) = TODAY_AFTER.find(&text[after_from..]) {
        let words = d.as_str().trim_start_matches([',', ' ']).trim();
        return published.map(|p| (p, words.to_string()));
    }
    let after_start = after_from + AFTER_DATE.find(&text[after_from..])?.end();
    let window = &text[after_start..boundary(text, after_start + 40, false)];
    let after = crate::normalize::date::scan::scan(window)
        .into_iter()
        .find(|(span, _)| span.start == 0)
        .and_then(|(span, expr)| single(after_start..after_start + span.end, &expr));
    after.or_else(|| {
        let gap = BEFORE_DATE.find(&text[..before_to])?;
        let end = gap.start();
        let from = boundary(text, end.saturating_sub(40), true);
        crate::normalize::date::scan::scan(&text[from..end])
            .into_iter()
            .rfind(|(span, _)| from + span.end == end)
            .and_then(|(span, expr)| single(from + span.start..end, &expr))
    })
}
