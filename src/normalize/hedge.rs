//! Hedges: the words that make a value approximate ("some 7,500", "about",
//! "near") or one-sided ("more than 140", "falling below 50 per cent", "as
//! many as 375"). Looked for at the start of the value and just before it in
//! the same sentence. A one-sided hedge keeps its direction and whether it
//! is strict, so reports show the value as written: "> 140", "< 50%",
//! "≤ 375", "≈ 7500 km" (see [`Hedge::symbol`]).

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// How a hedge bounds the value it stands before. Serialized as its symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hedge {
    /// Around the value: "some", "about", "near", "roughly".
    #[serde(rename = "≈")]
    About,
    /// The value or more: "at least", "no fewer than".
    #[serde(rename = "≥")]
    AtLeast,
    /// Past the value: "more than", "over", "above", "topping".
    #[serde(rename = ">")]
    MoreThan,
    /// The value or less: "up to", "as many as", "at most".
    #[serde(rename = "≤")]
    AtMost,
    /// Short of the value: "below", "under", "shy of", "falling below".
    #[serde(rename = "<")]
    LessThan,
}

impl Hedge {
    /// "≈", "≥", ">", "≤", "<": how reports show the bound before the value.
    pub fn symbol(self) -> &'static str {
        match self {
            Hedge::About => "≈",
            Hedge::AtLeast => "≥",
            Hedge::MoreThan => ">",
            Hedge::AtMost => "≤",
            Hedge::LessThan => "<",
        }
    }

    /// Bounds the value from below (the interval is open above).
    pub fn lower(self) -> bool {
        matches!(self, Hedge::AtLeast | Hedge::MoreThan)
    }

    /// Bounds the value from above (the interval is open below).
    pub fn upper(self) -> bool {
        matches!(self, Hedge::AtMost | Hedge::LessThan)
    }
}

/// Every hedge phrase and its bound: the vocabulary as data. Longer phrases
/// that share a word ("just shy of", "shy of") are all listed: the regex
/// below takes the longest at a place.
const VOCABULARY: &[(&str, Hedge)] = &[
    ("some", Hedge::About),
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("approx.", Hedge::About),
    ("nearly", Hedge::About),
    ("almost", Hedge::About),
    ("near", Hedge::About),
    ("close to", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("more than", Hedge::MoreThan),
    ("over", Hedge::MoreThan),
    ("above", Hedge::MoreThan),
    ("topping", Hedge::MoreThan),
    ("upwards of", Hedge::MoreThan),
    ("in excess of", Hedge::MoreThan),
    ("exceeding", Hedge::MoreThan),
    ("at least", Hedge::AtLeast),
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("up to", Hedge::AtMost),
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("no more than", Hedge::AtMost),
    ("at most", Hedge::AtMost),
    ("less than", Hedge::LessThan),
    ("fewer than", Hedge::LessThan),
    ("under", Hedge::LessThan),
    ("just under", Hedge::LessThan),
    ("below", Hedge::LessThan),
    ("falling below", Hedge::LessThan),
    ("shy of", Hedge::LessThan),
    ("just shy of", Hedge::LessThan),
    ("short of", Hedge::LessThan),
    ("just short of", Hedge::LessThan),
];

/// The phrases as one alternation, longest first, spaces free.
fn phrases() -> String {
    let mut list: Vec<&str> = VOCABULARY.iter().map(|(p, _)| *p).collect();
    list.sort_by_key(|p| std::cmp::Reverse(p.len()));
    list.iter()
        .map(|p| regex::escape(p).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b({})\s*[$€£]?\s*$", phrases())).expect("hedge regex")
});
static START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*({})\s+", phrases())).expect("hedge regex"));

fn classify(phrase: &str) -> Hedge {
    let phrase = phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    VOCABULARY
        .iter()
        .find(|(p, _)| *p == phrase)
        .map_or(Hedge::About, |(_, h)| *h)
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

/// How precise a number written under "about" is when its digits end in
/// zeros: the zeros are rounding, so "about 1,600" is as precise as its last
/// non-zero digit (±50), but never looser than 5 % of the value ("about 500"
/// ±25, "about 1,000" ±50, not ±500). 0 for a value with no trailing zero
/// or a fraction: its written digits say how precise it is.
pub fn rounding(v: f64) -> f64 {
    let a = v.abs();
    if !((10.0..1e15).contains(&a) && a.fract() == 0.0) {
        return 0.0;
    }
    let (mut n, mut place) = (a as u64, 1.0_f64);
    while n % 10 == 0 {
        n /= 10;
        place *= 10.0;
    }
    if place == 1.0 {
        return 0.0;
    }
    (place / 2.0).min(0.05 * a)
}

/// `[lo, hi]` for an interval under a hedge: "more than 30-40" is 30 or more,
/// "up to 40" is 0 to 40 (negative values stay unbounded below). Strict
/// bounds compare as closed intervals: "more than 140" agrees with a source
/// that wrote 140, since either may have rounded.
pub fn interval(lo: f64, hi: f64, hedge: Option<Hedge>) -> (f64, f64) {
    match hedge {
        Some(h) if h.lower() => (lo, f64::INFINITY),
        Some(h) if h.upper() => (if hi >= 0.0 { 0.0 } else { f64::NEG_INFINITY }, hi),
        _ => (lo, hi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hedged_round_number_is_as_precise_as_its_last_non_zero_digit() {
        assert_eq!(rounding(1600.0), 50.0);
        assert_eq!(rounding(7500.0), 50.0);
        assert_eq!(rounding(500.0), 25.0);
        assert_eq!(rounding(1000.0), 50.0);
        assert_eq!(rounding(20_000.0), 1000.0);
        assert_eq!(rounding(12e9), 0.5e9);
        assert_eq!(rounding(1601.0), 0.0);
        assert_eq!(rounding(30.0), 1.5);
        assert_eq!(rounding(5.0), 0.0);
        assert_eq!(rounding(2.5), 0.0);
        assert_eq!(rounding(-300.0), 15.0);
    }

    #[test]
    fn finds_hedges_before_and_inside_the_value() {
        assert_eq!(
            before("shares a border some ").map(|h| h.0),
            Some(Hedge::About)
        );
        assert_eq!(before("more than ").map(|h| h.0), Some(Hedge::MoreThan));
        assert_eq!(before("up to $").map(|h| h.0), Some(Hedge::AtMost));
        assert_eq!(before("handsome "), None);
        assert_eq!(before("the border is "), None);
        let (hedge, rest) = strip("nearly 7,500 km");
        assert_eq!(hedge.map(|h| h.0), Some(Hedge::About));
        assert_eq!(rest, "7,500 km");
    }

    /// The vocabulary of issue 19, phrase by phrase, as articles wrote it.
    #[test]
    fn every_hedge_keeps_its_direction() {
        let table = [
            ("the share of the vote falling below ", Hedge::LessThan, "<"),
            ("turnout was just shy of ", Hedge::LessThan, "<"),
            ("just under ", Hedge::LessThan, "<"),
            ("short of ", Hedge::LessThan, "<"),
            ("below ", Hedge::LessThan, "<"),
            ("under ", Hedge::LessThan, "<"),
            ("more than ", Hedge::MoreThan, ">"),
            ("above ", Hedge::MoreThan, ">"),
            ("over ", Hedge::MoreThan, ">"),
            ("sales topping $", Hedge::MoreThan, ">"),
            ("at least ", Hedge::AtLeast, "≥"),
            ("a deal valued near $", Hedge::About, "≈"),
            ("nearly ", Hedge::About, "≈"),
            ("close to ", Hedge::About, "≈"),
            ("roughly ", Hedge::About, "≈"),
            ("around ", Hedge::About, "≈"),
            ("some ", Hedge::About, "≈"),
            ("could close as many as ", Hedge::AtMost, "≤"),
            ("up to ", Hedge::AtMost, "≤"),
        ];
        for (text, hedge, symbol) in table {
            let got = before(text).map(|h| h.0);
            assert_eq!(got, Some(hedge), "{text:?}");
            assert_eq!(hedge.symbol(), symbol);
        }
        assert_eq!(
            before("falling  below ").map(|h| h.1),
            Some("falling  below".into())
        );
    }

    #[test]
    fn one_sided_hedges_give_open_intervals() {
        assert_eq!(bounds(140.0, Some(Hedge::MoreThan)), (140.0, f64::INFINITY));
        assert_eq!(bounds(30.0, Some(Hedge::AtMost)), (0.0, 30.0));
        assert_eq!(bounds(50.0, Some(Hedge::LessThan)), (0.0, 50.0));
        assert_eq!(bounds(7500.0, Some(Hedge::About)), (7500.0, 7500.0));
    }
}
