//! Ranges and vague quantities, read as intervals rather than points:
//! "between 30 and 40", "from 30 to 40", "30-40", "30 to 40 million",
//! "tens of thousands", "hundreds of thousands", "dozens", "hundreds",
//! "several hundred", "a few thousand". A vague plural "Ns" of a base `b`
//! (dozens: 12, hundreds: 100, thousands: 1000, "tens of thousands": 10,000)
//! means at least two and fewer than ten of them: `[2b, 10b]`; "several"
//! means `[3b, 9b]` and "a few" `[2b, 5b]`.

use super::{point_at, words, NumSpan, Shape};
use regex::Regex;
use std::sync::LazyLock;

static BETWEEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(between|from)\s+").unwrap());
static JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:\s*[-–—]\s*|\s+to\s+|\s+and\s+)").unwrap());
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(tens|hundreds|dozens)\s+of\s+(thousands|millions|billions)|(several|a\s+few)\s+(dozen|hundred|thousand|million|billion)|(dozens|hundreds|thousands|millions|billions))\b").unwrap()
});

fn base(word: &str) -> f64 {
    match word.to_lowercase().trim_end_matches('s') {
        "ten" => 10.0,
        "dozen" => 12.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        _ => 1.0,
    }
}

/// A range or a vague quantity starting at byte `pos`.
pub fn at(text: &str, pos: usize) -> Option<NumSpan> {
    let rest = &text[pos..];
    if let Some(c) = VAGUE.captures(rest) {
        let end = pos + c.get(0)?.end();
        let (lo, hi) = if let (Some(a), Some(b)) = (c.get(1), c.get(2)) {
            let b = base(a.as_str()) * base(b.as_str());
            (2.0 * b, 10.0 * b)
        } else if let (Some(q), Some(b)) = (c.get(3), c.get(4)) {
            let b = base(b.as_str());
            if q.as_str().eq_ignore_ascii_case("several") {
                (3.0 * b, 9.0 * b)
            } else {
                (2.0 * b, 5.0 * b)
            }
        } else {
            let b = base(c.get(5)?.as_str());
            (2.0 * b, 10.0 * b)
        };
        return Some(NumSpan {
            span: pos..end,
            lo,
            hi,
            shape: Shape::Vague,
            malformed: false,
        });
    }
    let (start, introduced) = match BETWEEN.find(rest) {
        Some(m) => (pos + m.end(), Some(m.as_str().trim().to_lowercase())),
        None => (pos, None),
    };
    let a = point_at(text, start)?;
    let j = JOIN.captures(&text[a.span.end..])?;
    let joiner = j.get(0)?.as_str().trim().to_lowercase();
    let fits = match introduced.as_deref() {
        Some("between") => joiner == "and" || joiner == "-" || joiner == "–",
        Some(_) => joiner == "to" || joiner == "-" || joiner == "–",
        None => joiner != "and",
    };
    if !fits {
        return None;
    }
    let b_start = a.span.end + j.get(0)?.end();
    let b = point_at(text, b_start)?;
    let digits = |n: &NumSpan| text[n.span.clone()].starts_with(|c: char| c.is_ascii_digit());
    // "eight to 10 feet" mixes forms: not a range; "30-40" and "two to three" are.
    if introduced.is_none() && digits(&a) != digits(&b) {
        return None;
    }
    // "three-nought-four", "+1-222-2222": spelled digits and phone numbers, not ranges.
    let hyphen = joiner == "-" || joiner == "–";
    let before = text[..start].chars().next_back();
    let after = &text[b.span.end..];
    let chained =
        after.starts_with(['-', '/']) && after[1..].starts_with(|c: char| c.is_ascii_digit());
    if hyphen && (!digits(&a) || before == Some('+') || chained) {
        return None;
    }
    let (mut lo, hi) = (a.lo, b.hi);
    // "30 to 40 million": the scale of the second number applies to both.
    let b_text = &text[b.span.clone()];
    if let Some(last) = words::tokens(b_text, 0, 40)
        .last()
        .filter(|t| !text[a.span.clone()].contains(t.word.as_str()) && !t.word.is_empty())
    {
        if let Some(s) = words::scale_word(&last.word) {
            if lo * s <= hi && lo < hi / s * 10.0 {
                lo *= s;
            }
        }
    }
    if lo >= hi || a.shape != Shape::Point || b.shape != Shape::Point {
        return None;
    }
    Some(NumSpan {
        span: pos..b.span.end,
        lo,
        hi,
        shape: Shape::Range,
        malformed: a.malformed || b.malformed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(f64, f64, &str)> {
        at(text, 0).map(|n| (n.lo, n.hi, &text[n.span]))
    }

    #[test]
    fn ranges_become_intervals() {
        assert_eq!(
            read("between 30 and 40 people"),
            Some((30.0, 40.0, "between 30 and 40"))
        );
        assert_eq!(read("30-40 people"), Some((30.0, 40.0, "30-40")));
        assert_eq!(
            read("from two to three"),
            Some((2.0, 3.0, "from two to three"))
        );
        assert_eq!(
            read("30 to 40 million"),
            Some((30e6, 40e6, "30 to 40 million"))
        );
        assert_eq!(read("eight to 10 feet"), None);
        assert_eq!(read("2023-22"), None);
    }

    #[test]
    fn vague_quantities_become_intervals() {
        assert_eq!(
            read("tens of thousands of people"),
            Some((2e4, 1e5, "tens of thousands"))
        );
        assert_eq!(read("dozens of homes"), Some((24.0, 120.0, "dozens")));
        assert_eq!(read("hundreds died"), Some((200.0, 1000.0, "hundreds")));
        assert_eq!(
            read("several hundred"),
            Some((300.0, 900.0, "several hundred"))
        );
        assert_eq!(read("three dozens"), None);
    }
}
