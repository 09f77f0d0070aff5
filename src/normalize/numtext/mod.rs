//! Numbers as newsrooms write them: "7,500", "4.5", "seven", "twenty-five",
//! "one hundred forty-one", "25 million", "1.2bn", "two thirds", "half a
//! million", ranges ("between 30 and 40", "30-40") and vague quantities
//! ("tens of thousands", "dozens", "hundreds") — the last two as intervals.
//! Shared by every numeric kind. [`at`] reads the number that starts at a
//! byte offset; [`scan`] finds every number in a text; [`leading`] reads the
//! number at the start of a matched value so a unit or currency can follow.
//!
//! `digits` reads digit forms, `words` the spelled-out ones, `vague` ranges
//! and vague quantities, `ordinal` ordinals ("7th", "twenty-first"); `style`
//! holds how the article at hand writes numbers ("17.926.345", "3.3m") and
//! `pattern` generates the `{number}` placeholder from the reader's tables.

pub mod digits;
mod fraction;
pub mod ordinal;
pub mod pattern;
pub mod style;
pub mod vague;
pub mod words;

use std::ops::Range;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One value ("7,500", "seven").
    Point,
    /// A fraction ("two thirds", "3/4").
    Fraction,
    /// An explicit range ("between 30 and 40", "30-40").
    Range,
    /// A vague quantity ("tens of thousands", "dozens").
    Vague,
}

/// A number found in a text: its byte span and the interval it stands for
/// (`lo == hi` for points).
#[derive(Debug, Clone, PartialEq)]
pub struct NumSpan {
    pub span: Range<usize>,
    pub lo: f64,
    pub hi: f64,
    pub shape: Shape,
    /// Written with mixed separators ("28,933.004"), read as the likely value.
    pub malformed: bool,
}

impl NumSpan {
    pub fn point(span: Range<usize>, value: f64, shape: Shape) -> Self {
        NumSpan {
            span,
            lo: value,
            hi: value,
            shape,
            malformed: false,
        }
    }

    /// A number read from digits.
    fn digits(span: Range<usize>, d: &digits::Digits) -> Self {
        let shape = if d.fraction {
            Shape::Fraction
        } else {
            Shape::Point
        };
        NumSpan {
            malformed: d.malformed,
            ..NumSpan::point(span, d.value, shape)
        }
    }

    /// The precision a point's written digits imply, read from `text`
    /// (the text the span indexes): "6" is ±0.5, "11.7 billion" ±50
    /// million. 0 for intervals, fractions and numbers in words.
    pub fn precision(&self, text: &str) -> f64 {
        match (self.value(), text.get(self.span.clone())) {
            (Some(v), Some(written)) if self.shape == Shape::Point => written_precision(written, v),
            _ => 0.0,
        }
    }

    /// The value when it is one number.
    pub fn value(&self) -> Option<f64> {
        (self.lo == self.hi).then_some(self.lo)
    }

    /// "7500", or "30–40" for intervals.
    pub fn shown(&self) -> String {
        use super::format_number as f;
        match self.value() {
            Some(v) => f(v),
            None => format!("{}–{}", f(self.lo), f(self.hi)),
        }
    }
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// Words before a lone "one" that make it a pronoun ("the one you mentioned").
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "which", "each", "any", "every", "no", "another", "someone", "everyone",
];

/// Reads one number (no range) that starts exactly at byte `pos`.
pub fn point_at(text: &str, pos: usize) -> Option<NumSpan> {
    let rest = &text[pos..];
    let c = rest.chars().next()?;
    // A sign belongs to the number only after a space or an opening bracket ("SCP-173" is 173).
    if c == '-' || c == '−' {
        if prev_char(text, pos).is_some_and(|p| p.is_alphanumeric()) {
            return None;
        }
        let skip = c.len_utf8() + rest[c.len_utf8()..].find(|c: char| c != ' ').unwrap_or(0);
        if skip > c.len_utf8() + 2 || !rest[skip..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let n = point_at(text, pos + skip)?;
        return Some(NumSpan {
            span: pos..n.span.end,
            lo: -n.hi,
            hi: -n.lo,
            ..n
        });
    }
    if !c.is_alphabetic() && !c.is_ascii_digit() {
        // ".08", "½": digits alone.
        let d = digits::read(text, pos, false).filter(|d| !d.letters_after)?;
        return Some(NumSpan::digits(pos..d.end, &d));
    }
    // Most words start no number: a word the grammar cannot begin with
    // (and not "minus") is none, as `parse_words` would find after reading
    // the 40 tokens from it; this answers without reading them.
    if c.is_alphabetic() {
        let word = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        let other = words::with_lower(word, |w| {
            words::classify_word(w) == words::W::Other && w != "minus" && w != "negative"
        });
        if other {
            if c.is_ascii() {
                return None;
            }
            let d = digits::read(text, pos, false).filter(|d| !d.letters_after)?;
            return Some(NumSpan::digits(pos..d.end, &d));
        }
    }
    let toks = words::tokens(text, pos, 40);
    let first = toks.first()?;
    if first.word == "minus" || first.word == "negative" {
        let next = toks.get(1)?;
        let n = point_at(text, next.start)?;
        return Some(NumSpan {
            span: pos..n.span.end,
            lo: -n.hi,
            hi: -n.lo,
            ..n
        });
    }
    if first.digits.is_none() && c.is_ascii_digit() {
        return None;
    }
    let (parsed, toks) = match parse_words(&toks) {
        Some(p) => (p, toks),
        None if c.is_ascii_digit() || c == '.' || !c.is_ascii() => {
            let d = digits::read(text, pos, false).filter(|d| !d.letters_after)?;
            return Some(NumSpan::digits(pos..d.end, &d));
        }
        None => return None,
    };
    let end = toks[parsed.used - 1].end;
    let fraction = parsed.fraction
        || toks[..parsed.used]
            .iter()
            .any(|t| t.digits.is_some_and(|d| d.fraction));
    let mut n = NumSpan::point(
        pos..end,
        parsed.value,
        if fraction {
            Shape::Fraction
        } else {
            Shape::Point
        },
    );
    n.malformed = toks[..parsed.used]
        .iter()
        .any(|t| t.digits.is_some_and(|d| d.malformed));
    // "one over three", "two out of five hundred", "1 in twenty-one".
    let after = &toks[parsed.used..];
    let (skip, ok): (usize, fn(f64, f64) -> bool) = match after.first().map(|t| t.word.as_str()) {
        Some("over") => (1, |_, _| true),
        Some("out") if after.get(1).is_some_and(|t| t.word == "of") => (2, |a, b| a <= b),
        Some("in") => (1, |a, _| a == 1.0),
        _ => (0, |_, _| false),
    };
    if skip > 0 {
        if let Some(den_tok) = after.get(skip) {
            if let Some(den) = point_at(text, den_tok.start).filter(|d| d.shape == Shape::Point) {
                let den_v = den.lo;
                let tail = text[den.span.end..].trim_start_matches(' ');
                let over_ends = skip != 1
                    || after[0].word != "over"
                    || !tail.starts_with(|c: char| c.is_alphanumeric());
                if den_v != 0.0 && ok(parsed.value, den_v) && over_ends {
                    n = NumSpan::point(pos..den.span.end, parsed.value / den_v, Shape::Fraction);
                }
            }
        }
    }
    Some(n)
}

/// Reads the number (or range, or vague quantity) that starts at byte `pos`.
pub fn at(text: &str, pos: usize) -> Option<NumSpan> {
    vague::at(text, pos).or_else(|| point_at(text, pos))
}

/// Whether a number may start at byte `pos` (not inside a word or another number).
pub fn may_start(text: &str, pos: usize) -> bool {
    let Some(c) = text[pos..].chars().next() else {
        return false;
    };
    let prev = prev_char(text, pos);
    let after_letter = prev.is_some_and(|p| p.is_alphabetic());
    let after_digit = prev.is_some_and(|p| p.is_ascii_digit());
    if c.is_alphabetic() {
        return !after_letter && !after_digit;
    }
    if c.is_ascii_digit() || c == '.' || c == '-' || c == '−' {
        return !after_letter && !after_digit;
    }
    !after_letter && digits::read(text, pos, false).is_some()
}

/// Every number in `text`, in order, without overlaps (ranges and vague
/// quantities included when `intervals`).
pub fn scan(text: &str, intervals: bool) -> Vec<NumSpan> {
    let mut found = Vec::new();
    scan_for(text, |pos| {
        let n = if intervals {
            at(text, pos)
        } else {
            point_at(text, pos)
        };
        let n = n.filter(|n| !pronoun_one(text, n))?;
        let end = n.span.end;
        found.push(n);
        Some(end)
    });
    found
}

/// Calls `accept` at every place a number may start, left to right; when it
/// returns the end of what it found, scanning resumes there.
pub fn scan_for(text: &str, mut accept: impl FnMut(usize) -> Option<usize>) {
    let mut pos = 0;
    while pos < text.len() {
        let c = text[pos..].chars().next().map_or(1, |c| c.len_utf8());
        if may_start(text, pos) {
            if let Some(end) = accept(pos) {
                pos = end.max(pos + c);
                continue;
            }
            if text[pos..].starts_with(|c: char| c.is_alphabetic()) {
                pos += text[pos..]
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(text.len() - pos);
                continue;
            }
        }
        pos += c;
    }
}

/// Calls `accept` at every place a word starts (no letter or digit just
/// before it), left to right; when it returns the end of what it found,
/// scanning resumes there. For readers whose values start with a symbol or
/// a word ("$5", "Rs 5 crore", "half").
pub fn scan_words(text: &str, mut accept: impl FnMut(usize) -> Option<usize>) {
    let mut pos = 0;
    while pos < text.len() {
        let step = text[pos..].chars().next().map_or(1, |c| c.len_utf8());
        let word_start = !text[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        if word_start {
            if let Some(end) = accept(pos) {
                pos = end.max(pos + step);
                continue;
            }
        }
        pos += step;
    }
}

/// The number at `pos`, also when letters follow it directly ("29km",
/// "$25m" with `money`): for kinds that read a unit or currency next.
pub fn glued_at(text: &str, pos: usize, money: bool) -> Option<NumSpan> {
    if money {
        if let Some(d) = digits::read(text, pos, true)
            .filter(|d| !d.letters_after && text[pos..d.end].ends_with(['m', 'M']))
        {
            return Some(NumSpan::digits(pos..d.end, &d));
        }
    }
    at(text, pos).or_else(|| {
        let d = digits::read(text, pos, money)?;
        Some(NumSpan::digits(pos..d.end, &d))
    })
}

/// A lone "one" after a determiner, or before "another", is a pronoun
/// ("which one do you prefer", "against one another").
fn pronoun_one(text: &str, n: &NumSpan) -> bool {
    if !text[n.span.clone()].eq_ignore_ascii_case("one") {
        return false;
    }
    // "against one another": a pronoun too.
    let after = text[n.span.end..].trim_start();
    if after
        .get(..7)
        .is_some_and(|w| w.eq_ignore_ascii_case("another"))
    {
        return true;
    }
    let before = text[..n.span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    DETERMINERS.contains(&word.as_str())
}

/// Reads the number at the start of `text` (after white space), with ranges
/// and vague quantities. The span is relative to `text`.
pub fn leading(text: &str) -> Option<NumSpan> {
    let skipped = text.len() - text.trim_start().len();
    at(text, skipped)
}

/// Reads a number at the start of `text` (after white space). Returns the
/// value and the byte offset where the number ends.
pub fn leading_number(text: &str) -> Option<(f64, usize)> {
    leading(text).and_then(|n| Some((n.value()?, n.span.end)))
}

/// An ordinal as its number: "32nd", "1st", "third", "twenty-first", "one
/// hundred and first" (see [`ordinal`]).
pub fn ordinal(text: &str) -> Option<f64> {
    ordinal::parse(text)
}

/// Reads `text` as exactly one number (nothing but white space around it).
pub fn parse_number(text: &str) -> Option<f64> {
    let (value, end) = leading_number(text)?;
    text[end..].trim().is_empty().then_some(value)
}

/// Reads the number written in words at the start of `toks` (no sign): a
/// half or quarter ("half a million"), a fraction ("two thirds"), or a whole
/// number with its decimals. Here rather than in `words`, so that `words`
/// and `fraction` (which builds on `words`) do not import each other.
pub fn parse_words(toks: &[words::Tok]) -> Option<words::Parsed> {
    if let words::W::Ord {
        half_or_quarter: true,
        den,
        ..
    } = words::classify(toks.first()?)
    {
        return fraction::bare_half(toks, den);
    }
    fraction::fraction(toks).or_else(|| words::whole(toks))
}

/// Half the last digit written in `number` ("6" → 0.5, "6.25" → 0.005),
/// scaled to `value` ("2.5 million" → 50,000). 0 when no digit is written.
/// When `value` is not the written digits times a power of ten (dots as
/// thousands separators, "17.926.345"; feet and inches), a whole value is
/// ±0.5 and any other exact.
pub fn written_precision(number: &str, value: f64) -> f64 {
    static LITERAL: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"[0-9][0-9,]*(?:\.([0-9]+))?").unwrap());
    let Some(c) = LITERAL.captures(number) else {
        return 0.0;
    };
    let decimals = c.get(1).map_or(0, |d| d.as_str().len()) as i32;
    let half = 0.5 * 10f64.powi(-decimals);
    let literal: f64 = c[0].replace(',', "").parse().unwrap_or(0.0);
    if !(literal > 0.0 && value.is_finite() && value != 0.0) {
        return half;
    }
    let ratio = (value / literal).abs();
    let scale = 10f64.powi(ratio.log10().round() as i32);
    if (ratio / scale - 1.0).abs() < 1e-9 {
        half * scale
    } else if value.fract() == 0.0 {
        0.5
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests;
