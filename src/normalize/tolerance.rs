//! Tolerance of numeric facts: how far a value may lie from another and
//! still agree, whether it is hedged ("some 7,500") or exact ("$12
//! billion"). Written `tolerance = "5%"` (relative) or `tolerance = 100`
//! (absolute, in the fact's unit).

/// How far a value may be from another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// In base units.
    Absolute(f64),
    /// A fraction of the value (0.05 for 5%).
    Relative(f64),
}

impl Tolerance {
    /// Reads `tolerance` from a rule; `scale` converts the fact's unit to the base unit.
    pub fn from_toml(value: &toml::Value, scale: f64) -> Result<Tolerance, String> {
        if let toml::Value::Float(f) = value {
            if !f.is_finite() {
                return Err(format!("tolerance {f} is not a finite number"));
            }
        }
        let tolerance = match value {
            toml::Value::Integer(i) => Tolerance::Absolute(*i as f64 * scale),
            toml::Value::Float(f) => Tolerance::Absolute(*f * scale),
            toml::Value::String(s) => {
                let s = s.trim();
                if let Some(pct) = s.strip_suffix('%') {
                    let pct: f64 = pct
                        .trim()
                        .parse()
                        .map_err(|_| format!("tolerance `{s}` is not a percentage"))?;
                    if !pct.is_finite() {
                        return Err(format!("tolerance `{s}` is not a finite number"));
                    }
                    if !(0.0..=100.0).contains(&pct) {
                        return Err(format!("tolerance `{s}` is out of range: use 0% to 100%"));
                    }
                    Tolerance::Relative(pct / 100.0)
                } else {
                    let abs: f64 = s
                        .replace(',', "")
                        .parse()
                        .map_err(|_| format!("tolerance `{s}` is not a number or a percentage"))?;
                    if !abs.is_finite() {
                        return Err(format!("tolerance `{s}` is not a finite number"));
                    }
                    Tolerance::Absolute(abs * scale)
                }
            }
            other => {
                return Err(format!(
                    "tolerance must be a number or a string like \"5%\", not {}",
                    other.type_str()
                ))
            }
        };
        if let Tolerance::Absolute(a) = tolerance {
            if !(a.is_finite() && a >= 0.0) {
                return Err("tolerance is out of range: it must be zero or more".into());
            }
        }
        Ok(tolerance)
    }
}

/// Reads the optional `tolerance` field of a kind's options.
pub fn option(options: &toml::Table, scale: f64) -> Result<Option<Tolerance>, String> {
    options
        .get("tolerance")
        .map(|t| Tolerance::from_toml(t, scale))
        .transpose()
}

/// Reads an optional true/false field of a kind's options (false when absent).
pub fn flag(options: &toml::Table, key: &str) -> Result<bool, String> {
    match options.get(key) {
        None => Ok(false),
        Some(toml::Value::Boolean(b)) => Ok(*b),
        Some(_) => Err(format!("`{key}` must be true or false")),
    }
}

/// The interval `[lo, hi]` widened by the tolerance: the values that lie
/// within tolerance of it. Exact and hedged values alike.
pub fn widen(lo: f64, hi: f64, tolerance: Option<&Tolerance>) -> (f64, f64) {
    match tolerance {
        Some(Tolerance::Absolute(a)) => (lo - a, hi + a),
        Some(Tolerance::Relative(r)) => (lo - lo.abs() * r, hi + hi.abs() * r),
        None => (lo, hi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_percentages_and_absolutes() {
        assert_eq!(
            Tolerance::from_toml(&toml::Value::String("5%".into()), 1.0),
            Ok(Tolerance::Relative(0.05))
        );
        assert_eq!(
            Tolerance::from_toml(&toml::Value::Integer(100), 1000.0),
            Ok(Tolerance::Absolute(100_000.0))
        );
        assert!(
            Tolerance::from_toml(&toml::Value::String("150%".into()), 1.0)
                .unwrap_err()
                .contains("out of range")
        );
        assert!(Tolerance::from_toml(&toml::Value::Integer(-1), 1.0)
            .unwrap_err()
            .contains("out of range"));
        assert!(Tolerance::from_toml(&toml::Value::Boolean(true), 1.0).is_err());
    }

    #[test]
    fn widens_every_value_by_the_tolerance() {
        let t = Tolerance::Relative(0.1);
        assert_eq!(widen(100.0, 100.0, Some(&t)), (90.0, 110.0));
        assert_eq!(widen(100.0, 100.0, None), (100.0, 100.0));
        assert_eq!(
            widen(100.0, f64::INFINITY, Some(&Tolerance::Absolute(5.0))),
            (95.0, f64::INFINITY)
        );
    }
}
