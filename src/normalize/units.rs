//! The unit table, as data in one place: every unit factlint reads, its
//! dimension, and its size in the dimension's base unit.

/// One unit: the names it is written as, its dimension, its size in base units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The short name factlint prints ("km").
    pub symbol: &'static str,
    /// Every way it is written, lower case.
    pub names: &'static [&'static str],
    pub dimension: &'static str,
    /// Size in the dimension's base unit (metres for length).
    pub factor: f64,
}

pub static UNITS: &[Unit] = &[
    Unit {
        symbol: "km",
        names: &[
            "km",
            "kms",
            "kilometer",
            "kilometers",
            "kilometre",
            "kilometres",
        ],
        dimension: "length",
        factor: 1000.0,
    },
    Unit {
        symbol: "mi",
        names: &["mi", "mile", "miles"],
        dimension: "length",
        factor: 1609.344,
    },
    Unit {
        symbol: "m",
        names: &["m", "meter", "meters", "metre", "metres"],
        dimension: "length",
        factor: 1.0,
    },
];

/// The unit written as `name` (any case, surrounding punctuation ignored).
pub fn lookup(name: &str) -> Option<&'static Unit> {
    let name = name
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .to_lowercase();
    UNITS
        .iter()
        .find(|u| u.symbol == name || u.names.contains(&name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_units_by_any_spelling() {
        assert_eq!(lookup("Kilometres").map(|u| u.symbol), Some("km"));
        assert_eq!(lookup("miles.").map(|u| u.symbol), Some("mi"));
        assert_eq!(lookup("furlongs"), None);
    }

    #[test]
    fn names_are_unique_and_lower_case() {
        let mut seen = std::collections::BTreeSet::new();
        for unit in UNITS {
            for name in unit.names.iter().chain([&unit.symbol]) {
                assert_eq!(name.to_lowercase(), *name);
                assert!(
                    seen.insert((unit.symbol, *name)) || *name == unit.symbol,
                    "{name}"
                );
            }
        }
    }
}
