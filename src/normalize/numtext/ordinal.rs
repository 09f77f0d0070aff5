//! Ordinals as newsrooms write them: "7th", "21st", "1,000th", "seventh",
//! "twenty-first", "twenty first", "one hundred and first", "hundredth".
//! One reader for every place that reads ordinals: the number kind with
//! `ordinal = true`, and the `{ordinal}` placeholder (whose matches this
//! reader reads whole). A plural ("thirds", "fifths") is a fraction, not an
//! ordinal; "a fifth" too (read by the fraction reader).

use super::words::{self, W};
use super::{NumSpan, Shape};
use regex::Regex;
use std::sync::LazyLock;

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b").expect("ordinal digits")
});

/// The regex of an ordinal written in words ("seventh", "twenty-first",
/// "one hundred and first"), for the `{ordinal}` placeholder.
pub fn words_regex() -> String {
    let units = words::UNITS[1..].join("|");
    let ordinals = words::ORDINALS[1..].join("|");
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    let tenths = "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth";
    let scale_ordinals = "hundredth|thousandth|millionth|billionth";
    let before = format!(r"(?:(?:{units})[\s-]+hundred(?:[\s-]+and)?[\s-]+)?(?:(?:{tens})[\s-]+)?");
    format!(r"(?:{before}(?:{ordinals}|{tenths})|{scale_ordinals})")
}

/// The ordinal that starts at byte `pos` of `text`, as its number.
pub fn at(text: &str, pos: usize) -> Option<NumSpan> {
    let rest = &text[pos..];
    if let Some(c) = DIGITS.captures(rest) {
        let value: f64 = c[1].replace(',', "").parse().ok()?;
        return Some(NumSpan::point(pos..pos + c[0].len(), value, Shape::Point));
    }
    let toks = words::tokens(text, pos, 8);
    let k = toks.iter().position(|t| {
        matches!(
            words::classify(t),
            W::Ord {
                plural: false,
                half_or_quarter: false,
                ..
            }
        )
    })?;
    let W::Ord { den, .. } = words::classify(&toks[k]) else {
        return None;
    };
    // The ordinal word ends the number: "fifth" in "fifths" is a plural.
    let after = text[toks[k].end..].chars().next();
    if after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let value = if k == 0 {
        den
    } else {
        // "one hundred and first": the whole number before, an "and" allowed.
        let prefix = if toks[k - 1].word == "and" {
            &toks[..k - 1]
        } else {
            &toks[..k]
        };
        let whole = words::exactly(prefix)?;
        let fits = if den < 10.0 {
            whole % 10.0 == 0.0
        } else if den < 100.0 {
            whole % 100.0 == 0.0
        } else {
            false
        };
        if !fits || whole == 0.0 {
            return None;
        }
        whole + den
    };
    Some(NumSpan::point(pos..toks[k].end, value, Shape::Point))
}

/// Reads `text` (white space aside) as exactly one ordinal.
pub fn parse(text: &str) -> Option<f64> {
    let t = text.trim();
    at(t, 0).filter(|n| n.span.end == t.len()).map(|n| n.lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ordinals_in_digits_and_words() {
        let table: &[(&str, Option<f64>)] = &[
            ("7th", Some(7.0)),
            ("21st", Some(21.0)),
            ("22nd", Some(22.0)),
            ("3rd", Some(3.0)),
            ("1,000th", Some(1000.0)),
            ("seventh", Some(7.0)),
            ("Seventh", Some(7.0)),
            ("twenty-first", Some(21.0)),
            ("twenty first", Some(21.0)),
            ("thirtieth", Some(30.0)),
            ("one hundred and first", Some(101.0)),
            ("one hundred twelfth", Some(112.0)),
            ("two hundred and fortieth", Some(240.0)),
            ("hundredth", Some(100.0)),
            ("thirds", None),
            ("fifths", None),
            ("seven", None),
            ("twenty-one", None),
            ("twenty-twelfth", None),
            ("7", None),
        ];
        for (text, want) in table {
            assert_eq!(parse(text), *want, "{text}");
        }
    }

    #[test]
    fn the_placeholder_regex_matches_what_the_reader_reads() {
        let re = Regex::new(&format!("(?i)^(?:{})$", words_regex())).unwrap();
        for yes in [
            "seventh",
            "twenty-first",
            "twenty first",
            "one hundred and first",
            "ninetieth",
            "hundredth",
        ] {
            assert!(re.is_match(yes), "{yes}");
            assert!(parse(yes).is_some(), "{yes}");
        }
        for no in ["seven", "thirds", "twenty-one"] {
            assert!(!re.is_match(no), "{no}");
        }
    }
}
