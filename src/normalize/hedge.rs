//! Hedges: the words that make a value approximate ("some 7,500", "about",
//! "nearly") or one-sided ("more than 140", "up to 30"). Looked for at the
//! start of the value and just before it in the same sentence.

use regex::Regex;
use std::sync::LazyLock;

/// How a hedge bounds the value it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// Around the value: "some", "about", "nearly".
    About,
    /// The value or more: "more than", "over", "at least".
    AtLeast,
    /// The value or less: "up to", "less than", "under".
    AtMost,
}

const PHRASES: &str = r"some|about|around|roughly|approximately|approx\.|nearly|almost|close to|an estimated|estimated|more than|over|at least|upwards of|in excess of|up to|less than|fewer than|under|no more than|at most";

static BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b({PHRASES})\s*[$€£]?\s*$")).unwrap());
static START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*({PHRASES})\s+")).unwrap());

fn classify(phrase: &str) -> Hedge {
    match phrase.to_lowercase().as_str() {
        "more than" | "over" | "at least" | "upwards of" | "in excess of" => Hedge::AtLeast,
        "up to" | "less than" | "fewer than" | "under" | "no more than" | "at most" => {
            Hedge::AtMost
        }
        _ => Hedge::About,
    }
}

/// Removes a hedge from the start of `value`; returns it and the rest.
pub fn strip(value: &str) -> (Option<(Hedge, String)>, &str) {
    match START.captures(value) {
        Some(c) => {
            let phrase = c[1].to_string();
            (
                Some((classify(&phrase), phrase)),
                &value[c.get(0).map_or(0, |m| m.end())..],
            )
        }
        None => (None, value),
    }
}

/// The hedge that ends `preceding` (the text just before the value), if any.
pub fn before(preceding: &str) -> Option<(Hedge, String)> {
    BEFORE
        .captures(preceding)
        .map(|c| (classify(&c[1]), c[1].to_lowercase()))
}

/// `[lo, hi]` for a value `v` under a hedge.
pub fn bounds(v: f64, hedge: Option<Hedge>) -> (f64, f64) {
    interval(v, v, hedge)
}

/// `[lo, hi]` for an interval under a hedge: "more than 30-40" is 30 or more,
/// "up to 40" is 0 to 40 (negative values stay unbounded below).
pub fn interval(lo: f64, hi: f64, hedge: Option<Hedge>) -> (f64, f64) {
    match hedge {
        Some(Hedge::AtLeast) => (lo, f64::INFINITY),
        Some(Hedge::AtMost) => (if hi >= 0.0 { 0.0 } else { f64::NEG_INFINITY }, hi),
        _ => (lo, hi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hedges_before_and_inside_the_value() {
        assert_eq!(
            before("shares a border some ").map(|h| h.0),
            Some(Hedge::About)
        );
        assert_eq!(before("more than ").map(|h| h.0), Some(Hedge::AtLeast));
        assert_eq!(before("up to $").map(|h| h.0), Some(Hedge::AtMost));
        assert_eq!(before("handsome "), None);
        assert_eq!(before("the border is "), None);
        let (hedge, rest) = strip("nearly 7,500 km");
        assert_eq!(hedge.map(|h| h.0), Some(Hedge::About));
        assert_eq!(rest, "7,500 km");
    }

    #[test]
    fn one_sided_hedges_give_open_intervals() {
        assert_eq!(bounds(140.0, Some(Hedge::AtLeast)), (140.0, f64::INFINITY));
        assert_eq!(bounds(30.0, Some(Hedge::AtMost)), (0.0, 30.0));
        assert_eq!(bounds(7500.0, Some(Hedge::About)), (7500.0, 7500.0));
    }
}
