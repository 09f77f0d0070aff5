//! Numbers written in words: "seven", "twenty-five", "one hundred and
//! forty-one", "two thousand and two hundred", "3 hundred and 21", "a dozen",
//! "two hundred point zero three", fractions ("two thirds", "one and a half",
//! "a hundred trillionths", "five billion and three quarters") and halves or
//! quarters of a scale ("half a million"). Works on tokens (words and digit
//! numbers joined by spaces or hyphens) so spans stay exact.

use super::digits::{self, Digits};

/// A word or a number written in digits, with its byte span.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower-cased word; empty for digits.
    pub word: String,
    pub digits: Option<Digits>,
}

/// Up to `max` tokens from byte `pos`, joined by spaces or one hyphen; stops
/// at other punctuation.
pub fn tokens(text: &str, pos: usize, max: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = pos;
    while out.len() < max {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_alphabetic() {
            let len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            out.push(Tok {
                start: i,
                end: i + len,
                word: rest[..len].to_lowercase(),
                digits: None,
            });
            i += len;
        } else if c.is_ascii_digit() {
            match digits::read(text, i, false) {
                Some(d) if !d.letters_after => {
                    out.push(Tok {
                        start: i,
                        end: d.end,
                        word: String::new(),
                        digits: Some(d),
                    });
                    i = d.end;
                }
                _ => break,
            }
        } else {
            break;
        }
        let rest = &text[i..];
        let sep = rest
            .find(|c: char| !matches!(c, ' ' | '\u{a0}' | '\t' | '-'))
            .unwrap_or(rest.len());
        if sep == 0 || rest[..sep].matches('-').count() > 1 {
            break;
        }
        i += sep;
    }
    out
}

/// What a token is, for the number grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum W {
    Unit(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    And,
    A,
    Point,
    /// A denominator: "fifths" (den 5, plural), "first" (combines with tens).
    Ord {
        den: f64,
        plural: bool,
        unit: bool,
        half_or_quarter: bool,
    },
    Digits(f64, bool),
    Other,
}

/// Number words zero to nineteen (also read by the date kind: "the twenty-first").
pub const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// Tens words, twenty to ninety.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// Ordinal words first to nineteenth (index 0 is empty: there is no "zeroth" date or rank).
pub const ORDINALS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
/// Ordinals of the tens, twentieth to ninetieth.
pub const TENTHS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// Scale words and their multipliers ("lakh" and "crore" for South Asian outlets).
pub const SCALES: [(&str, f64); 8] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Ordinals of "hundred" and the scales: denominators of fractions.
pub const SCALE_ORDINALS: [(&str, f64); 5] = [
    ("hundredth", 100.0),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// Words for a dozen.
pub const DOZENS: [&str; 6] = ["dozen", "dozens", "dz", "dzs", "doz", "dozs"];

/// The multiplier of a scale word.
pub fn scale_word(word: &str) -> Option<f64> {
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

fn ordinal(word: &str) -> Option<W> {
    let try_word = |w: &str, plural: bool| -> Option<W> {
        let ord = |den: f64, unit: bool| {
            Some(W::Ord {
                den,
                plural,
                unit,
                half_or_quarter: false,
            })
        };
        if let Some(i) = ORDINALS.iter().position(|o| *o == w).filter(|i| *i > 0) {
            return ord(i as f64, i < 10);
        }
        if let Some(i) = TENTHS.iter().position(|o| *o == w) {
            return ord((i as f64 + 2.0) * 10.0, false);
        }
        if let Some((_, den)) = SCALE_ORDINALS.iter().find(|(o, _)| *o == w) {
            return ord(*den, false);
        }
        match w {
            "half" => Some(W::Ord {
                den: 2.0,
                plural,
                unit: false,
                half_or_quarter: true,
            }),
            "quarter" => Some(W::Ord {
                den: 4.0,
                plural,
                unit: false,
                half_or_quarter: true,
            }),
            _ => None,
        }
    };
    if word == "halves" {
        return try_word("half", true);
    }
    try_word(word, false).or_else(|| word.strip_suffix('s').and_then(|stem| try_word(stem, true)))
}

pub fn classify(t: &Tok) -> W {
    if let Some(d) = &t.digits {
        return W::Digits(d.value, d.integer);
    }
    classify_word(&t.word)
}

/// Calls `f` with `word` in lower case, without allocating for a short
/// ASCII word (every number word is one).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"));
    }
    f(&word.to_lowercase())
}

/// What a lower-case word is, for the number grammar.
pub fn classify_word(w: &str) -> W {
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return W::Unit(i as f64);
    }
    if let Some(i) = TENS.iter().position(|u| *u == w) {
        return W::Tens((i as f64 + 2.0) * 10.0);
    }
    if let Some(s) = scale_word(w) {
        return W::Scale(s);
    }
    match w {
        "nought" | "naught" => W::Unit(0.0),
        "hundred" => W::Hundred,
        w if DOZENS.contains(&w) => W::Dozen,
        "and" => W::And,
        "a" | "an" => W::A,
        "point" => W::Point,
        _ => ordinal(w).unwrap_or(W::Other),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Last {
    Unit,
    Tens,
    Digits,
    Hundred,
    Scale(f64),
    Dozen,
}

/// A whole number read from the start of `toks`: value, tokens used, last kind.
pub(super) fn integer(toks: &[Tok]) -> Option<(f64, usize, Last)> {
    let (mut total, mut group, mut small) = (0.0, 0.0, 0.0);
    let mut has_hundred = false;
    let mut last: Option<Last> = None;
    let mut smallest_scale = f64::INFINITY;
    // The group the last scale word multiplied ("three" in "three lakh").
    let mut scaled_group = 0.0;
    let mut best: Option<(f64, usize, Last)> = None;
    let mut before_and: Option<(f64, usize, Last)> = None;
    let mut pending_and = false;
    let next = |i: usize| toks.get(i + 1).map(classify);
    let mut i = 0;
    while i < toks.len() {
        let kind = match classify(&toks[i]) {
            W::And if matches!(last, Some(Last::Hundred | Last::Scale(_))) && !pending_and => {
                pending_and = true;
                before_and = best;
                i += 1;
                continue;
            }
            W::A if last.is_none()
                && matches!(next(i), Some(W::Hundred | W::Scale(_) | W::Dozen)) =>
            {
                small = 1.0;
                group = 1.0;
                Last::Unit
            }
            W::Unit(v) => {
                let fits = match last {
                    None | Some(Last::Hundred | Last::Scale(_)) => !(pending_and && v == 0.0),
                    Some(Last::Tens) => (1.0..=9.0).contains(&v) && !pending_and,
                    _ => false,
                };
                if !fits {
                    break;
                }
                small += v;
                group += v;
                Last::Unit
            }
            W::Tens(v) if matches!(last, None | Some(Last::Hundred | Last::Scale(_))) => {
                small += v;
                group += v;
                Last::Tens
            }
            W::Digits(v, integer) => match last {
                None => {
                    group = v;
                    small = v;
                    Last::Digits
                }
                Some(Last::Hundred | Last::Scale(_))
                    if integer
                        && v < 1000.0
                        && v < smallest_scale
                        && !(pending_and && v == 0.0) =>
                {
                    group += v;
                    small += v;
                    Last::Digits
                }
                _ => break,
            },
            W::Hundred if matches!(last, Some(Last::Unit | Last::Tens | Last::Digits)) => {
                if has_hundred {
                    return before_and.or(best);
                }
                group *= 100.0;
                small = 0.0;
                has_hundred = true;
                Last::Hundred
            }
            // "three lakh crore": a crore of lakhs, 10^12 (South Asian usage).
            W::Scale(s) if s == 1e7 && last == Some(Last::Scale(1e5)) && !pending_and => {
                total += scaled_group * (1e12 - 1e5);
                smallest_scale = 1e12;
                Last::Scale(1e12)
            }
            W::Scale(s)
                if matches!(
                    last,
                    Some(Last::Unit | Last::Tens | Last::Digits | Last::Hundred)
                ) =>
            {
                if s >= smallest_scale {
                    return before_and.or(best);
                }
                total += group * s;
                scaled_group = group;
                group = 0.0;
                small = 0.0;
                has_hundred = false;
                smallest_scale = s;
                Last::Scale(s)
            }
            W::Dozen if matches!(last, Some(Last::Unit | Last::Tens | Last::Digits)) => {
                group += small * 11.0;
                small *= 12.0;
                Last::Dozen
            }
            _ => break,
        };
        pending_and = false;
        last = Some(kind);
        i += 1;
        best = Some((total + group, i, kind));
        if kind == Last::Dozen {
            break;
        }
    }
    best
}

/// The whole of `toks` read as a whole number (`a`/`an` alone is one).
pub(super) fn exactly(toks: &[Tok]) -> Option<f64> {
    if toks.len() == 1 && classify(&toks[0]) == W::A {
        return Some(1.0);
    }
    integer(toks)
        .filter(|(_, used, _)| *used == toks.len())
        .map(|(v, _, _)| v)
}

/// A number read from the start of `toks`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    pub value: f64,
    /// Tokens used.
    pub used: usize,
    pub fraction: bool,
}

/// Reads the whole number (and its decimals, "two point five") at the start
/// of `toks`; fractions are read first by [`super::parse_words`].
pub fn whole(toks: &[Tok]) -> Option<Parsed> {
    let (mut value, mut used, last) = integer(toks)?;
    if matches!(
        last,
        Last::Unit | Last::Tens | Last::Hundred | Last::Scale(_)
    ) && toks.get(used).map(classify) == Some(W::Point)
    {
        let mut decimals = String::new();
        let mut j = used + 1;
        while let Some(t) = toks.get(j) {
            match classify(t) {
                W::Unit(v) => decimals.push_str(&format!("{}", v as u32)),
                W::Tens(v) => {
                    decimals.push_str(&format!("{}", v as u32 / 10));
                    match toks.get(j + 1).map(classify) {
                        Some(W::Unit(u)) if (1.0..=9.0).contains(&u) => {
                            decimals.push_str(&format!("{}", u as u32));
                            j += 1;
                        }
                        _ => decimals.push('0'),
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if !decimals.is_empty() {
            value += format!("0.{decimals}").parse::<f64>().unwrap_or(0.0);
            used = j;
        }
    }
    Some(Parsed {
        value,
        used,
        fraction: false,
    })
}

#[cfg(test)]
mod tests;
