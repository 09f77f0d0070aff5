//! Numbers as newsrooms write them: "7,500", "4.5", "seven", "twenty-five",
//! "one hundred forty-one", "25 million", "1.2bn". Shared by every numeric
//! kind; [`leading_number`] reads the number at the start of a text and says
//! where it ended, so a unit or currency can follow.

use regex::Regex;
use std::sync::LazyLock;

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^[-−]?\.\d+").unwrap()
});
static SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \u{a0}-]?(thousand|million|billion|trillion|bn|mn|m|k)\b").unwrap()
});

fn small(word: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
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
    WORDS.iter().position(|w| *w == word).map(|i| i as f64)
}

fn tens(word: &str) -> Option<f64> {
    const WORDS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    WORDS
        .iter()
        .position(|w| *w == word)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

/// The multiplier of a scale word ("million" → 1e6), also for the short forms.
pub fn scale(word: &str) -> Option<f64> {
    match word.to_lowercase().as_str() {
        "hundred" => Some(100.0),
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Reads a number at the start of `text` (after white space). Returns the
/// value and the byte offset where the number ends.
pub fn leading_number(text: &str) -> Option<(f64, usize)> {
    let skipped = text.len() - text.trim_start().len();
    let rest = &text[skipped..];
    if let Some(m) = DIGITS.find(rest) {
        let digits = m.as_str().replace([',', '−'], "").replace('−', "-");
        let digits = if m.as_str().starts_with('−') {
            format!("-{}", &digits)
        } else {
            digits
        };
        let mut value: f64 = digits.parse().ok()?;
        let mut end = m.end();
        if let Some(s) = SCALE.captures(&rest[end..]) {
            value *= scale(&s[1]).unwrap_or(1.0);
            end += s.get(0).map_or(0, |g| g.end());
        }
        return Some((value, skipped + end));
    }
    words_number(rest).map(|(v, end)| (v, skipped + end))
}

/// Reads a number written in words at the start of `text`.
fn words_number(text: &str) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen = false;
    let mut end = 0;
    let mut pos = 0;
    for token in text.split_inclusive([' ', '-']) {
        let word = token
            .trim_end_matches([' ', '-'])
            .trim_end_matches([',', '.', ';', ':'])
            .to_lowercase();
        let word_end = pos + token.trim_end_matches([' ', '-']).len();
        pos += token.len();
        if let Some(n) = small(&word).or_else(|| tens(&word)) {
            current += n;
        } else if word == "hundred" && seen {
            current = current.max(1.0) * 100.0;
        } else if let Some(s) = scale(&word).filter(|_| seen && word.len() > 2) {
            total += current.max(1.0) * s;
            current = 0.0;
        } else if (word == "a" || word == "an") && !seen {
            // "a hundred", "a million": only a number when a scale follows.
            let next = text[pos..]
                .split([' ', '-'])
                .next()
                .unwrap_or("")
                .to_lowercase();
            if scale(&next).is_some() && next.len() > 2 {
                current = 1.0;
                seen = true;
                continue;
            }
            break;
        } else if word == "and" && seen {
            continue;
        } else {
            break;
        }
        seen = true;
        end = word_end;
    }
    if end == 0 {
        return None;
    }
    Some((total + current, end))
}

/// Reads `text` as exactly one number (nothing but white space around it).
pub fn parse_number(text: &str) -> Option<f64> {
    let (value, end) = leading_number(text)?;
    text[end..].trim().is_empty().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_as_newsrooms_write_them() {
        let cases: &[(&str, f64)] = &[
            ("7,500", 7500.0),
            ("141", 141.0),
            ("1,234,567", 1234567.0),
            ("4.5", 4.5),
            ("seven", 7.0),
            ("Seven", 7.0),
            ("twenty-five", 25.0),
            ("one hundred forty-one", 141.0),
            ("one hundred and forty-one", 141.0),
            ("25 million", 25e6),
            ("1.2bn", 1.2e9),
            ("$1.2bn", f64::NAN),
            ("a million", 1e6),
            ("two thousand and fifteen", 2015.0),
            ("thirty-two", 32.0),
        ];
        for (text, want) in cases {
            let got = parse_number(text);
            if want.is_nan() {
                assert_eq!(got, None, "{text}");
            } else {
                assert_eq!(got, Some(*want), "{text}");
            }
        }
    }

    #[test]
    fn leading_number_says_where_it_ends() {
        assert_eq!(leading_number("7,500 kilometers long"), Some((7500.0, 5)));
        assert_eq!(leading_number("25 million dollars"), Some((25e6, 10)));
        assert_eq!(leading_number("seven against"), Some((7.0, 5)));
        assert_eq!(leading_number("25 miles"), Some((25.0, 2)));
        assert_eq!(leading_number("kilometers"), None);
        assert_eq!(leading_number("a day"), None);
    }
}
