//! Hedges: the words that make a value approximate ("some 7,500", "about",
//! "nearly") or one-sided ("more than 140", "up to 30"). Looked for at the
//! start of the value and just before it in the same sentence.

use regex::Regex;
use serde::{Deserialize, Serialize};
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

/// The direction of a value's bound as reports show it: "≥ 75" (at least),
/// "> 1200" (more than), "< 1" (less than), "≤ 30" (up to), "≈ 2000" (about).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Bound {
    #[serde(rename = "≈")]
    About,
    #[serde(rename = "≥")]
    AtLeast,
    #[serde(rename = ">")]
    MoreThan,
    #[serde(rename = "≤")]
    AtMost,
    #[serde(rename = "<")]
    LessThan,
}

impl Bound {
    /// The sign written before the value.
    pub fn symbol(self) -> &'static str {
        match self {
            Bound::About => "≈",
            Bound::AtLeast => "≥",
            Bound::MoreThan => ">",
            Bound::AtMost => "≤",
            Bound::LessThan => "<",
        }
    }

    /// The bound a hedge phrase states: "more than" is strict, "at least" is not.
    pub fn of(phrase: &str) -> Bound {
        match phrase.to_lowercase().as_str() {
            "more than" | "over" | "upwards of" | "in excess of" => Bound::MoreThan,
            "at least" => Bound::AtLeast,
            "less than" | "fewer than" | "under" => Bound::LessThan,
            "up to" | "no more than" | "at most" => Bound::AtMost,
            _ => Bound::About,
        }
    }
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
    fn bounds_keep_their_direction() {
        assert_eq!(Bound::of("More than"), Bound::MoreThan);
        assert_eq!(Bound::of("at least"), Bound::AtLeast);
        assert_eq!(Bound::of("fewer than"), Bound::LessThan);
        assert_eq!(Bound::of("up to"), Bound::AtMost);
        assert_eq!(Bound::of("nearly"), Bound::About);
        assert_eq!(Bound::of("more than").symbol(), ">");
        assert_eq!(Bound::of("no more than").symbol(), "≤");
    }

    #[test]
    fn one_sided_hedges_give_open_intervals() {
        assert_eq!(bounds(140.0, Some(Hedge::AtLeast)), (140.0, f64::INFINITY));
        assert_eq!(bounds(30.0, Some(Hedge::AtMost)), (0.0, 30.0));
        assert_eq!(bounds(7500.0, Some(Hedge::About)), (7500.0, 7500.0));
    }
}
