//! `kind = "number"`: a count or amount without a unit ("141", "seven",
//! "25 million"), hedged or not. Options: `tolerance`.

use super::hedge::{self, Hedge};
use super::numtext::style::{self, Style};
use super::numtext::{self, NumSpan, Shape};
use super::tolerance::Tolerance;
use super::{format_number, Found, Key, Kind, Normalized, Normalizer, RawMatch};
use std::ops::Range;

pub struct NumberKind;

impl Kind for NumberKind {
    fn name(&self) -> &'static str {
        "number"
    }

    fn options(&self) -> &'static [&'static str] {
        &["tolerance", "ordinal"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let tolerance = crate::normalize::tolerance::option(options, 1.0)?;
        let ordinal = crate::normalize::tolerance::flag(options, "ordinal")?;
        Ok(Box::new(Number { tolerance, ordinal }))
    }

    fn find(&self, text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        Some(style::within(Style::of(text), || find(text)))
    }
}

/// Words that name a thing by a number after them: "Flight 691", "Boeing
/// 737", "Resolution 2334" — a designation, not a count.
const DESIGNATORS: &[&str] = &[
    "Airbus",
    "Article",
    "Boeing",
    "Chapter",
    "Flight",
    "Gate",
    "Highway",
    "Interstate",
    "No",
    "Platform",
    "Resolution",
    "Route",
    "Section",
    "Terminal",
];

/// Whether the number at `span` names a thing rather than counts: it follows
/// a designator word or an acronym ("ATR 72", "ATR-72", "COVID-19") with one
/// space or hyphen between, and the word after it is not in capitals too (an
/// all-capitals headline, "PLANE WITH 72 PEOPLE", still counts).
fn designation(text: &str, span: &Range<usize>) -> bool {
    let before = &text[..span.start];
    let Some(gap) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, ' ' | '-' | '\u{a0}'))
    else {
        return false;
    };
    let before = before[..before.len() - gap.len_utf8()].trim_end_matches('.');
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    let next_in_capitals = text[span.end..]
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
    (acronym && !next_in_capitals) || DESIGNATORS.contains(&word)
}

/// Every number in `text`, read in the style already set; numbers that
/// name a thing ("ATR 72", "Flight 691") are not values.
fn find(text: &str) -> Vec<Found> {
    numtext::scan(text, true)
        .into_iter()
        .filter(|n| !designation(text, &n.span))
        .map(|n| {
            let hedge = hedge::before(&text[..n.span.start]);
            let read = Hedged::new(&n, hedge, "").precise(n.precision(text));
            let mut f = Found::at(
                text,
                n.span.clone(),
                read.normalized(String::new(), format_number),
            );
            extra_interval(&mut f, &read);
            if n.lo == n.hi {
                f.extra.insert("number".into(), serde_json::json!(n.lo));
            }
            f
        })
        .collect()
}

/// Adds `lo`/`hi` (intervals) and `hedge` to a found value's details.
pub fn extra_interval(found: &mut Found, read: &Hedged) {
    let (lo, hi) = read.bounds();
    if lo != hi {
        // JSON has no infinity: an open end is null.
        let bound = |v: f64| {
            if v.is_finite() {
                serde_json::json!(v)
            } else {
                serde_json::Value::Null
            }
        };
        found.extra.insert("lo".into(), bound(lo));
        found.extra.insert("hi".into(), bound(hi));
    }
    if let Some((_, phrase)) = &read.hedge {
        found.extra.insert("hedge".into(), phrase.clone().into());
    }
}

#[derive(Debug)]
pub struct Number {
    pub tolerance: Option<Tolerance>,
    /// Reads ordinals ("the 32nd", "third") as their number.
    pub ordinal: bool,
}

/// A number read from a match, with its hedge and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hedged<'a> {
    /// The interval the number stands for (`lo == hi` for a point).
    pub lo: f64,
    pub hi: f64,
    pub shape: Shape,
    pub hedge: Option<(Hedge, String)>,
    /// The text of the value after the number (a unit, a currency name).
    pub rest: &'a str,
    /// The precision its written digits imply (see [`written_precision`]).
    pub precision: f64,
    /// The digits were malformed ("28,933.004") and read as the likely value.
    pub malformed: bool,
}

impl<'a> Hedged<'a> {
    /// The number `n` under `hedge`, with `rest` written after it.
    pub fn new(n: &NumSpan, hedge: Option<(Hedge, String)>, rest: &'a str) -> Self {
        Hedged {
            lo: n.lo,
            hi: n.hi,
            shape: n.shape,
            hedge,
            rest,
            precision: 0.0,
            malformed: n.malformed,
        }
    }

    /// With the precision its written digits imply; under "about", a round
    /// number is as precise as its rounding ([`hedge::rounding`]).
    pub fn precise(mut self, precision: f64) -> Self {
        self.precision = precision;
        if self.bound() == Some(Hedge::About) && self.shape == Shape::Point {
            self.precision = precision.max(hedge::rounding(self.lo));
        }
        self
    }

    /// The hedge's bound, if any.
    pub fn bound(&self) -> Option<Hedge> {
        self.hedge.as_ref().map(|h| h.0)
    }

    pub fn bounds(&self) -> (f64, f64) {
        hedge::interval(self.lo, self.hi, self.hedge.as_ref().map(|h| h.0))
    }

    /// Hedged, or a vague quantity: compared with the fact's tolerance.
    pub fn approximate(&self) -> bool {
        self.hedge.is_some() || self.shape == Shape::Vague
    }

    /// "hedged: 'some'", "vague quantity" and a malformed number for
    /// notes, or None.
    pub fn note(&self) -> Option<String> {
        let mut notes = Vec::new();
        if self.malformed {
            notes.push(format!(
                "malformed number in the text (separators mixed), read as {}",
                grouped(self.lo)
            ));
        }
        if let Some((_, phrase)) = &self.hedge {
            notes.push(format!("hedged: '{}'", phrase.to_lowercase()));
        }
        match self.shape {
            Shape::Vague => notes.push("vague quantity".into()),
            Shape::Range => notes.push("range".into()),
            _ => {}
        }
        (!notes.is_empty()).then(|| notes.join("; "))
    }

    /// The value as text with `unit` after it, each bound shown by `show`:
    /// "141", "30–40 km" (a hedge shows in the note and as ≈, not here).
    pub fn shown(&self, unit: &str, show: impl Fn(f64) -> String) -> String {
        let number = if self.lo == self.hi {
            show(self.lo)
        } else {
            format!("{}–{}", show(self.lo), show(self.hi))
        };
        if unit.is_empty() {
            number
        } else {
            format!("{number} {unit}")
        }
    }

    /// The comparable value, in base units per `factor`, labelled `unit`.
    pub fn normalized(&self, unit: String, show: impl Fn(f64) -> String) -> Normalized {
        let (lo, hi) = self.bounds();
        let shown = self.shown("", &show);
        let mut n = Normalized::new(shown, Key::Interval { lo, hi, unit })
            .approximate(self.approximate())
            .bounded(self.bound());
        n.precision = self.precision;
        n.note = self.note();
        n
    }
}

pub use super::numtext::written_precision;
/// "28,933,004": a number with its thousands grouped, for notes.
pub fn grouped(value: f64) -> String {
    let plain = format_number(value);
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        "" => format!("{sign}{out}"),
        f => format!("{sign}{out}.{f}"),
    }
}

/// Reads the hedge (inside the value or just before it) and the number that starts the value.
pub fn read_hedged<'a>(m: &RawMatch<'a>) -> Result<Hedged<'a>, String> {
    let raw = m.value_str();
    let (inner, rest) = hedge::strip(raw);
    let hedge = inner.or_else(|| hedge::before(m.preceding(40)));
    // Digits glued to letters ("29km") are a number too: the kind decides
    // what the letters mean.
    let skipped = rest.len() - rest.trim_start().len();
    let n = numtext::leading(rest)
        .or_else(|| numtext::glued_at(rest, skipped, false))
        .ok_or_else(|| format!("`{}` does not start with a number", raw.trim()))?;
    Ok(Hedged::new(&n, hedge, &rest[n.span.end..]).precise(n.precision(rest)))
}

numeric_normalizer!(Number);

impl Number {
    fn read(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        if self.ordinal {
            if let Some(v) = numtext::ordinal(m.value_str().trim()) {
                return Ok(vec![Normalized::new(
                    format_number(v),
                    Key::Interval {
                        lo: v,
                        hi: v,
                        unit: String::new(),
                    },
                )]);
            }
        }
        let read = read_hedged(m)?;
        if !read.rest.trim().is_empty() {
            return Err(format!(
                "`{}` is not a plain number: `{}` follows it (a unit or currency needs kind = \"quantity\" or \"money\")",
                m.value_str().trim(),
                read.rest.trim()
            ));
        }
        Ok(vec![read.normalized(String::new(), format_number)])
    }
}

#[cfg(test)]
mod tests;
