//! `kind = "number"`: a count or amount without a unit ("141", "seven",
//! "25 million"), hedged or not. Options: `tolerance`.

use super::hedge::{self, Hedge};
use super::numtext;
use super::tolerance::Tolerance;
use super::{format_number, keys_agree, Found, Key, Kind, Normalized, Normalizer, RawMatch};
use regex::Regex;
use std::sync::LazyLock;

pub struct NumberKind;

impl Kind for NumberKind {
    fn name(&self) -> &'static str {
        "number"
    }

    fn options(&self) -> &'static [&'static str] {
        &["tolerance"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let tolerance = options
            .get("tolerance")
            .map(|t| Tolerance::from_toml(t, 1.0))
            .transpose()?;
        Ok(Box::new(Number { tolerance }))
    }

    fn find(&self, text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        static ANY: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&crate::rules::placeholders::number()).unwrap());
        let number = Number { tolerance: None };
        let found = ANY
            .find_iter(text)
            .filter_map(|m| {
                let raw = RawMatch {
                    text,
                    value: m.range(),
                    whole: m.range(),
                    groups: vec![],
                    published: None,
                };
                let value = number.normalize(&raw).ok()?.into_iter().next()?;
                Some(Found::at(text, m.range(), value))
            })
            .collect();
        Some(found)
    }
}

#[derive(Debug)]
pub struct Number {
    pub tolerance: Option<Tolerance>,
}

/// A number read from a match, with its hedge and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hedged<'a> {
    pub value: f64,
    pub hedge: Option<(Hedge, String)>,
    /// The text of the value after the number (a unit, a currency name).
    pub rest: &'a str,
}

impl Hedged<'_> {
    pub fn bounds(&self) -> (f64, f64) {
        hedge::bounds(self.value, self.hedge.as_ref().map(|h| h.0))
    }

    pub fn approximate(&self) -> bool {
        self.hedge.is_some()
    }

    /// "hedged: 'some'" for notes, or None.
    pub fn note(&self) -> Option<String> {
        self.hedge
            .as_ref()
            .map(|(_, phrase)| format!("hedged: '{}'", phrase.to_lowercase()))
    }
}

/// Reads the hedge (inside the value or just before it) and the number that starts the value.
pub fn read_hedged<'a>(m: &RawMatch<'a>) -> Result<Hedged<'a>, String> {
    let raw = m.value_str();
    let (inner, rest) = hedge::strip(raw);
    let hedge = inner.or_else(|| hedge::before(m.preceding(40)));
    let (value, end) = numtext::leading_number(rest)
        .ok_or_else(|| format!("`{}` does not start with a number", raw.trim()))?;
    Ok(Hedged {
        value,
        hedge,
        rest: &rest[end..],
    })
}

impl Normalizer for Number {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let read = read_hedged(m)?;
        if !read.rest.trim().is_empty() {
            return Err(format!("`{}` is not a plain number", m.value_str().trim()));
        }
        let (lo, hi) = read.bounds();
        let mut n = Normalized::new(
            format_number(read.value),
            Key::Interval {
                lo,
                hi,
                unit: String::new(),
            },
        )
        .approximate(read.approximate());
        n.note = read.note();
        Ok(vec![n])
    }

    fn agree(&self, a: &Normalized, b: &Normalized) -> bool {
        keys_agree(a, b, self.tolerance.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, value: &str) -> Normalized {
        let start = text.find(value).unwrap();
        let m = RawMatch {
            value: start..start + value.len(),
            whole: 0..text.len(),
            ..RawMatch::whole_text(text)
        };
        Number { tolerance: None }.normalize(&m).unwrap().remove(0)
    }

    #[test]
    fn reads_plain_and_hedged_numbers() {
        let cases = [
            ("141 voted in favor", "141", "141", false),
            ("seven against", "seven", "7", false),
            ("some 7,500 of them", "7,500", "7500", true),
            ("more than 140 countries", "140", "140", true),
            ("about twenty-five", "about twenty-five", "25", true),
            ("25 million", "25 million", "25000000", false),
        ];
        for (text, value, want, approximate) in cases {
            let n = read(text, value);
            assert_eq!(
                (n.value.as_str(), n.approximate),
                (want, approximate),
                "{text}"
            );
        }
    }

    #[test]
    fn finds_numbers_in_free_text() {
        let found = NumberKind
            .find("141 voted in favor, seven against", None)
            .unwrap();
        let got: Vec<(&str, usize, usize, &str)> = found
            .iter()
            .map(|f| (f.text.as_str(), f.start, f.end, f.value.value.as_str()))
            .collect();
        assert_eq!(got, [("141", 0, 3, "141"), ("seven", 20, 25, "7")]);
    }

    #[test]
    fn one_sided_values_agree_with_values_past_them() {
        let more_than = read("more than 140 countries", "140");
        let exact = read("141 countries", "141");
        let fewer = read("139 countries", "139");
        let n = Number { tolerance: None };
        assert!(n.agree(&more_than, &exact));
        assert!(!n.agree(&more_than, &fewer));
    }

    #[test]
    fn tolerance_applies_to_hedged_values_only() {
        let n = Number {
            tolerance: Some(Tolerance::Relative(0.05)),
        };
        let hedged = read("some 7,500", "7,500");
        assert!(n.agree(&hedged, &read("7,591", "7,591")));
        assert!(!n.agree(&read("7,500", "7,500"), &read("7,591", "7,591")));
        assert!(!n.agree(&hedged, &read("8,000", "8,000")));
    }
}
