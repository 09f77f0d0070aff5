//! `kind = "quantity"`: a number with a unit ("some 7,500 kilometers",
//! "4,660 miles"). Options: `unit` (the unit the fact is stated in; it fixes
//! the dimension, and other units of that dimension are converted), and
//! `tolerance` (absolute in `unit`, or a percentage).

use super::number::read_hedged;
use super::tolerance::Tolerance;
use super::units::{self, Unit};
use super::{format_number, keys_agree, Key, Kind, Normalized, Normalizer, RawMatch};

pub struct QuantityKind;

impl Kind for QuantityKind {
    fn name(&self) -> &'static str {
        "quantity"
    }

    fn options(&self) -> &'static [&'static str] {
        &["unit", "tolerance"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let name = options
            .get("unit")
            .ok_or("a quantity fact needs `unit` (for example unit = \"km\")")?
            .as_str()
            .ok_or("`unit` must be a string")?;
        let unit = units::lookup(name).ok_or_else(|| {
            let known: Vec<_> = units::UNITS.iter().map(|u| u.symbol).collect();
            format!("unknown unit `{name}` (known: {})", known.join(", "))
        })?;
        let tolerance = options
            .get("tolerance")
            .map(|t| Tolerance::from_toml(t, unit.factor))
            .transpose()?;
        Ok(Box::new(Quantity { unit, tolerance }))
    }
}

#[derive(Debug)]
pub struct Quantity {
    pub unit: &'static Unit,
    pub tolerance: Option<Tolerance>,
}

impl Normalizer for Quantity {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let read = read_hedged(m)?;
        let unit_text = m.group("unit").unwrap_or(read.rest);
        let word = unit_text
            .trim_start_matches(['-', ' '])
            .split_whitespace()
            .next()
            .unwrap_or("");
        let unit = units::lookup(word)
            .ok_or_else(|| format!("no unit after the number in `{}`", m.value_str().trim()))?;
        if unit.dimension != self.unit.dimension {
            return Err(format!(
                "`{}` is a {}, this fact is a {}",
                unit.symbol, unit.dimension, self.unit.dimension
            ));
        }
        let (lo, hi) = read.bounds();
        let key = Key::Interval {
            lo: lo * unit.factor,
            hi: hi * unit.factor,
            unit: unit.dimension.to_string(),
        };
        let shown = read.value * unit.factor / self.unit.factor;
        let shown = if shown.abs() >= 100.0 {
            shown.round()
        } else {
            (shown * 10.0).round() / 10.0
        };
        let mut n = Normalized::new(
            format!("{} {}", format_number(shown), self.unit.symbol),
            key,
        )
        .approximate(read.approximate());
        let mut notes: Vec<String> = read.note().into_iter().collect();
        if unit.symbol != self.unit.symbol {
            notes.push(format!(
                "{} {} converted to {}",
                format_number(read.value),
                unit.symbol,
                self.unit.symbol
            ));
        }
        if !notes.is_empty() {
            n.note = Some(notes.join("; "));
        }
        Ok(vec![n])
    }

    fn agree(&self, a: &Normalized, b: &Normalized) -> bool {
        keys_agree(a, b, self.tolerance.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn km(tolerance: Option<&str>) -> Box<dyn Normalizer> {
        let mut options = toml::Table::new();
        options.insert("unit".into(), "km".into());
        if let Some(t) = tolerance {
            options.insert("tolerance".into(), t.into());
        }
        QuantityKind.build(&options).unwrap()
    }

    fn read(q: &dyn Normalizer, text: &str, value: &str) -> Normalized {
        let start = text.find(value).unwrap();
        let m = RawMatch {
            value: start..start + value.len(),
            ..RawMatch::whole_text(text)
        };
        q.normalize(&m).unwrap().remove(0)
    }

    #[test]
    fn converts_miles_to_the_fact_unit() {
        let q = km(Some("1%"));
        let miles = read(&*q, "about 4,660 miles long", "4,660 miles");
        assert_eq!(miles.value, "7500 km");
        assert!(miles.approximate);
        assert_eq!(
            miles.note.as_deref(),
            Some("hedged: 'about'; 4660 mi converted to km")
        );
        let km = read(&*q, "some 7,500 kilometers long", "7,500 kilometers");
        assert!(q.agree(&miles, &km));
    }

    #[test]
    fn hedged_border_agrees_with_the_record_within_tolerance() {
        let q = km(Some("2%"));
        let hedged = read(&*q, "some 7,500 kilometers", "7,500 kilometers");
        assert!(q.agree(&hedged, &q.parse("7,591 km").unwrap()));
        assert!(!q.agree(&hedged, &q.parse("8,000 km").unwrap()));
        let q = km(None);
        assert!(!q.agree(&hedged, &q.parse("7,591 km").unwrap()));
    }

    #[test]
    fn rejects_missing_or_foreign_units() {
        let q = km(None);
        let m = RawMatch::whole_text("7,500 people");
        assert!(q.normalize(&m).unwrap_err().contains("no unit"));
        assert!(QuantityKind
            .build(&toml::Table::new())
            .unwrap_err()
            .contains("needs `unit`"));
    }
}
