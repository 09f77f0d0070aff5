//! `kind = "year"`: a calendar year ("in 2015", "launched in 2015").

use super::numtext;
use super::{Key, Kind, Normalized, Normalizer, RawMatch};

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
}
