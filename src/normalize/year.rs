//! `kind = "year"`: a calendar year ("in 2015", "launched in 2015"). Its
//! reader finds four digits from 1000 to 2999 standing alone ("in 2015",
//! "2015's"), not inside a longer number ("12,015", "2015.5") or a code.

use super::numtext;
use super::{Found, Key, Kind, Normalized, Normalizer, RawMatch};

pub struct YearKind;

impl Kind for YearKind {
    fn name(&self) -> &'static str {
        "year"
    }

    fn options(&self) -> &'static [&'static str] {
        &[]
    }

    fn build(&self, _options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        Ok(Box::new(Year))
    }

    fn find(&self, text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
            let glued_before = i > 0 && glued(bytes[i - 1], bytes.get(i.wrapping_sub(2)));
            let glued_after = bytes
                .get(i + 4)
                .is_some_and(|&b| glued(b, bytes.get(i + 5)));
            if digits && !glued_before && !glued_after && matches!(bytes[i], b'1' | b'2') {
                let span = i..i + 4;
                if let Ok(mut values) = Year.normalize(&RawMatch::whole_text(&text[span.clone()])) {
                    found.push(Found::at(text, span, values.remove(0)));
                }
                i += 4;
            } else {
                i += 1;
            }
        }
        Some(found)
    }
}

/// Whether byte `b` next to four digits makes them part of something longer:
/// a digit or letter, or a separator with a digit behind it ("12,015", "2015.5").
fn glued(b: u8, beyond: Option<&u8>) -> bool {
    b.is_ascii_alphanumeric()
        || b == b'_'
        || (matches!(b, b',' | b'.' | b':' | b'/' | b'-') && beyond.is_some_and(u8::is_ascii_digit))
}

#[derive(Debug)]
pub struct Year;

impl Normalizer for Year {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let raw = m.value_str().trim();
        let year = numtext::parse_number(raw)
            .filter(|y| y.fract() == 0.0 && (1000.0..=2999.0).contains(y))
            .ok_or_else(|| format!("`{raw}` is not a year"))?;
        let year = year as i64;
        Ok(vec![Normalized::new(
            year.to_string(),
            Key::Label(year.to_string()),
        )])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_years_and_rejects_other_numbers() {
        assert_eq!(Year.parse("2015").unwrap().value, "2015");
        assert!(Year.parse("141").unwrap_err().contains("not a year"));
        assert!(Year.parse("20.15").is_err());
        assert!(Year.agree(&Year.parse("2020").unwrap(), &Year.parse(" 2020").unwrap()));
    }

    #[test]
    fn finds_years_standing_alone() {
        let text =
            "In 1974, 12,015 people; 2015's plan, 2015.5, A2015, 2014-08-03 and 3000 — then 2020.";
        let found: Vec<String> = YearKind
            .find(text, None)
            .unwrap()
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(found, ["1974", "2015", "2020"]);
    }
}
