//! `kind = "quantity"`: a number with a unit ("some 7,500 kilometers",
//! "4,660 miles"). Options: `unit` (the unit the fact is stated in; it fixes
//! the dimension, and other units of that dimension are converted), and
//! `tolerance` (absolute in `unit`, or a percentage).

use super::hedge;
use super::number::{extra_interval, read_hedged, Hedged};
use super::numtext::{
    self,
    style::{self, Style},
};
use super::tolerance::Tolerance;
use super::units::{self, Unit};
use super::{format_number, keys_agree, Found, Key, Kind, Normalized, Normalizer, RawMatch};

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
        let tolerance = crate::normalize::tolerance::option(options, unit.factor)?;
        Ok(Box::new(Quantity { unit, tolerance }))
    }

    fn find(&self, text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        Some(style::within(Style::of(text).metric(), || find(text)))
    }
}

#[derive(Debug)]
pub struct Quantity {
    pub unit: &'static Unit,
    pub tolerance: Option<Tolerance>,
}

/// `value` (in `from`) in `to`, rounded as reports show it when converted;
/// digits as written when not ("7,591.5 km" stays 7591.5 km).
fn convert(value: f64, from: &Unit, to: &Unit) -> String {
    if from.symbol == to.symbol {
        return format_number(value);
    }
    let v = value * from.factor / to.factor;
    let v = if v.abs() >= 100.0 {
        v.round()
    } else {
        (v * 10.0).round() / 10.0
    };
    format_number(v)
}

/// The comparable value of a number read with a unit; the precision of its
/// written digits is kept through conversion ("6 miles" stays ±0.5 mile in km).
fn value_in(read: &Hedged, unit: &Unit, shown_in: &Unit) -> Normalized {
    let (lo, hi) = read.bounds();
    let key = Key::Interval {
        lo: lo * unit.factor,
        hi: hi * unit.factor,
        unit: unit.dimension.to_string(),
    };
    let mut n = Normalized::new(
        read.shown(shown_in.symbol, |v| convert(v, unit, shown_in)),
        key,
    )
    .approximate(read.approximate())
    .bounded(read.bound());
    n.precision = read.precision * unit.factor;
    let mut notes: Vec<String> = read.note().into_iter().collect();
    if unit.symbol != shown_in.symbol {
        notes.push(format!(
            "{} converted to {}",
            read.shown(unit.symbol, format_number),
            shown_in.symbol
        ));
    }
    if !notes.is_empty() {
        n.note = Some(notes.join("; "));
    }
    n
}

impl Normalizer for Quantity {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        style::within(Style::of(m.text).metric(), || self.read(m))
    }

    fn agree(&self, a: &Normalized, b: &Normalized) -> bool {
        keys_agree(a, b, self.tolerance.as_ref())
    }

    fn tolerance(&self) -> Option<&Tolerance> {
        self.tolerance.as_ref()
    }
}

impl Quantity {
    fn read(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let read = read_hedged(m)?;
        let unit = match m.group("unit") {
            Some(u) => units::lookup(u),
            None => units::at_start(read.rest).map(|(u, _)| u),
        }
        .ok_or_else(|| format!("no unit after the number in `{}`", m.value_str().trim()))?;
        if unit.dimension != self.unit.dimension {
            return Err(format!(
                "`{}` is a {}, this fact is a {}",
                unit.symbol, unit.dimension, self.unit.dimension
            ));
        }
        Ok(vec![value_in(&read, unit, self.unit)])
    }
}

static AND_THEN: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)^(?:\s+and)?\s+").unwrap());

/// "… 2 in", "… and 2 inches" after a length in feet: the inches and where they end.
fn inches_after(text: &str, end: usize) -> Option<(f64, usize)> {
    let start = end + AND_THEN.find(&text[end..])?.end();
    let n = numtext::point_at(text, start)?;
    let (unit, len) = units::at_start(&text[n.span.end..]).or_else(|| {
        text[n.span.end..]
            .starts_with(" in")
            .then_some((units::lookup("inch")?, 3))
    })?;
    let after = &text[n.span.end + len..];
    (unit.symbol == "inch" && !after.starts_with(|c: char| c.is_alphanumeric()))
        .then(|| (n.lo, n.span.end + len))
}

/// Every number followed by a unit of the table, in the unit it is written in.
pub fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    numtext::scan_for(text, |pos| {
        // "SCP-173 m" is a code, not a length.
        let mut before = text[..pos].chars().rev();
        if before.next() == Some('-') && before.next().is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        let n = numtext::glued_at(text, pos, false)?;
        let (unit, len) = units::at_start(&text[n.span.end..])?;
        let mut span = n.span.start..n.span.end + len;
        let mut n = n;
        if let Some((inches, end)) =
            inches_after(text, span.end).filter(|_| unit.symbol == "ft" && n.lo == n.hi)
        {
            n.lo += inches / 12.0;
            n.hi = n.lo;
            span.end = end;
        }
        let hedge = hedge::before(&text[..span.start]);
        let read = Hedged::new(&n, hedge, "").precise(n.precision(text));
        let mut f = Found::at(text, span.clone(), value_in(&read, unit, unit));
        extra_interval(&mut f, &read);
        f.extra.insert("number".into(), serde_json::json!(read.lo));
        f.extra.insert("unit".into(), unit.symbol.into());
        f.extra.insert("unit_name".into(), unit.name.into());
        f.extra.insert("dimension".into(), unit.dimension.into());
        found.push(f);
        Some(span.end)
    });
    found
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
    fn precision_as_written_survives_conversion() {
        // AP's "6 miles" is a rounding of 10 km; "14 miles" of 23 km.
        let q = km(None);
        let six = read(&*q, "about 6 miles deep", "6 miles");
        assert!((six.precision - 804.672).abs() < 1e-6);
        assert!(q.agree(&six, &read(&*q, "10 kilometers deep", "10 kilometers")));
        let fourteen = read(&*q, "14 miles away", "14 miles");
        assert!(q.agree(&fourteen, &read(&*q, "23 km away", "23 km")));
        assert!(!q.agree(&fourteen, &read(&*q, "25 km away", "25 km")));
        // Same unit, neighbouring figures: still different.
        assert!(!q.agree(
            &read(&*q, "141 km", "141 km"),
            &read(&*q, "142 km", "142 km")
        ));
        assert_eq!(
            q.compared(&read(&*q, "10 km", "10 km")),
            Some((9500.0, 10500.0))
        );
    }

    #[test]
    fn reads_units_glued_to_an_adjective_of_measure() {
        // LA Times Now on the Baltimore bridge collapse, 27 March 2024.
        let text = "after being struck by a 948-foot-long container ship named Dali";
        let found = find(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text, "948-foot");
        assert_eq!(found[0].value.value, "948 ft");
        let wide: Vec<String> = find("a 10-mile-wide storm and a 30-metre-high wave")
            .into_iter()
            .map(|f| f.value.value)
            .collect();
        assert_eq!(wide, ["10 mi", "30 m"]);
        // A word that only starts like one is still glued: not a unit.
        assert!(find("the 5-m-longitude grid").is_empty());
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
