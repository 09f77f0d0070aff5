//! The unit table, as data in one place: every unit factlint reads, its
//! dimension, its size in the dimension's base unit (metre, square metre,
//! kilogram, litre, metre per second, bit, degree), and every way it is
//! written. Quantity rules name a unit (`unit = "km"`); values in other
//! units of the same dimension are converted. Names are matched in any case,
//! except a few where case is the meaning ("MB" a megabyte, "mb" a megabit).

/// One unit: the names it is written as, its dimension, its size in base units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The short name factlint prints ("km").
    pub symbol: &'static str,
    /// Its English name ("Kilometer"), as other tools report it.
    pub name: &'static str,
    /// Every way it is written, lower case (the symbol is one of them,
    /// unless it is in `cased`).
    pub names: &'static [&'static str],
    /// Ways it is written that match only in this case ("MB", "GB").
    pub cased: &'static [&'static str],
    pub dimension: &'static str,
    /// Size in the dimension's base unit (metres for length).
    pub factor: f64,
}

const fn u(
    symbol: &'static str,
    name: &'static str,
    dimension: &'static str,
    factor: f64,
    names: &'static [&'static str],
) -> Unit {
    uc(symbol, name, dimension, factor, names, &[])
}

/// A unit with names whose case matters.
const fn uc(
    symbol: &'static str,
    name: &'static str,
    dimension: &'static str,
    factor: f64,
    names: &'static [&'static str],
    cased: &'static [&'static str],
) -> Unit {
    Unit {
        symbol,
        name,
        names,
        cased,
        dimension,
        factor,
    }
}

#[rustfmt::skip]
pub static UNITS: &[Unit] = &[
    // Length, in metres.
    u("km", "Kilometer", "length", 1000.0, &["km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"]),
    u("m", "Meter", "length", 1.0, &["m", "meter", "meters", "metre", "metres"]),
    u("cm", "Centimeter", "length", 0.01, &["cm", "centimeter", "centimeters", "centimetre", "centimetres"]),
    u("mm", "Millimeter", "length", 0.001, &["mm", "millimeter", "millimeters", "millimetre", "millimetres"]),
    u("dm", "Decimeter", "length", 0.1, &["dm", "decimeter", "decimeters", "decimetre", "decimetres"]),
    u("mi", "Mile", "length", 1609.344, &["mi", "mile", "miles"]),
    u("nmi", "Nautical mile", "length", 1852.0, &["nmi", "nautical mile", "nautical miles"]),
    u("yd", "Yard", "length", 0.9144, &["yd", "yds", "yard", "yards"]),
    u("ft", "Foot", "length", 0.3048, &["ft", "foot", "feet"]),
    u("inch", "Inch", "length", 0.0254, &["inch", "inches"]),
    // Area, in square metres.
    u("km²", "Square kilometer", "area", 1e6, &["km²", "km2", "sq km", "sq. km", "square km", "square kilometer", "square kilometers", "square kilometre", "square kilometres"]),
    u("m²", "Square meter", "area", 1.0, &["m²", "m2", "sq m", "square meter", "square meters", "square metre", "square metres"]),
    u("sq mi", "Square mile", "area", 2_589_988.110336, &["sq mi", "sq. mi", "square mile", "square miles"]),
    u("ha", "Hectare", "area", 1e4, &["ha", "hectare", "hectares"]),
    u("acre", "Acre", "area", 4046.8564224, &["acre", "acres"]),
    // Weight, in kilograms.
    u("kg", "Kilogram", "weight", 1.0, &["kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"]),
    u("g", "Gram", "weight", 0.001, &["g", "gram", "grams", "gramme", "grammes"]),
    u("mg", "Milligram", "weight", 1e-6, &["mg", "milligram", "milligrams", "milligramme", "milligrammes"]),
    u("µg", "Microgram", "weight", 1e-9, &["µg", "μg", "mcg", "microgram", "micrograms", "microgramme", "microgrammes"]),
    u("t", "Metric ton", "weight", 1000.0, &["t", "tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes"]),
    u("ton", "Ton", "weight", 907.18474, &["ton", "tons", "short ton", "short tons"]),
    u("lb", "Pound", "weight", 0.45359237, &["lb", "lbs", "pound", "pounds"]),
    u("oz", "Ounce", "weight", 0.028349523125, &["oz", "ounce", "ounces"]),
    // Volume, in litres.
    u("l", "Liter", "volume", 1.0, &["l", "liter", "liters", "litre", "litres"]),
    u("ml", "Milliliter", "volume", 0.001, &["ml", "milliliter", "milliliters", "millilitre", "millilitres"]),
    u("m³", "Cubic meter", "volume", 1000.0, &["m³", "m3", "cubic meter", "cubic meters", "cubic metre", "cubic metres"]),
    u("bbl", "Barrel", "volume", 158.987294928, &["bbl", "barrel", "barrels"]),
    u("gal", "Gallon", "volume", 3.785411784, &["gal", "gallon", "gallons"]),
    u("cu ft", "Cubic foot", "volume", 28.316846592, &["cu ft", "cubic foot", "cubic feet"]),
    u("cup", "Cup", "volume", 0.2365882365, &["cup", "cups"]),
    u("tbsp", "Tablespoon", "volume", 0.01478676478125, &["tbsp", "tablespoon", "tablespoons"]),
    u("tsp", "Teaspoon", "volume", 0.00492892159375, &["tsp", "teaspoon", "teaspoons"]),
    // Weight, continued: the apothecaries' dram (the Greek drachma as a weight).
    u("dr", "Dram", "weight", 0.0017718451953125, &["dr", "dram", "drams", "drachma", "drachmas"]),
    // Length, continued: "pm" alone is a time of day in news, so only the word.
    u("picometre", "Picometer", "length", 1e-12, &["picometre", "picometer", "picometres", "picometers"]),
    // Speed, in metres per second (wind speeds, top speeds).
    u("km/h", "Kilometer per hour", "speed", 1000.0 / 3600.0, &["km/h", "km/hr", "kph", "kmph", "kmh", "kilometers per hour", "kilometres per hour", "kilometer per hour", "kilometre per hour", "kilometers an hour", "kilometres an hour"]),
    u("mph", "Mile per hour", "speed", 0.44704, &["mph", "mi/h", "miles per hour", "mile per hour", "miles an hour", "mile an hour"]),
    u("m/s", "Meter per second", "speed", 1.0, &["m/s", "meters per second", "metres per second", "meter per second", "metre per second"]),
    u("kn", "Knot", "speed", 1852.0 / 3600.0, &["kn", "knot", "knots"]),
    u("m/ms", "Meter per millisecond", "speed", 1000.0, &["m/ms", "meters per millisecond", "metres per millisecond", "meters/millisecond"]),
    u("cm/ms", "Centimeter per millisecond", "speed", 10.0, &["cm/ms", "centimeters per millisecond", "centimetres per millisecond", "centimeters/millisecond"]),
    u("km/ms", "Kilometer per millisecond", "speed", 1e6, &["km/ms", "kilometers per millisecond", "kilometres per millisecond"]),
    // Information, in bits; "MB" is a megabyte, "mb" and "Mb" a megabit.
    u("bit", "Bit", "information", 1.0, &["bit", "bits"]),
    u("byte", "Byte", "information", 8.0, &["byte", "bytes"]),
    uc("kbit", "Kilobit", "information", 1e3, &["kbit", "kilobit", "kilobits"], &["kb", "Kb"]),
    uc("KB", "Kilobyte", "information", 8e3, &["kilobyte", "kilobytes"], &["KB", "kB"]),
    uc("Mbit", "Megabit", "information", 1e6, &["mbit", "megabit", "megabits", "mb"], &["Mb"]),
    uc("MB", "Megabyte", "information", 8e6, &["megabyte", "megabytes"], &["MB"]),
    uc("Gbit", "Gigabit", "information", 1e9, &["gbit", "gigabit", "gigabits"], &["Gb"]),
    uc("GB", "Gigabyte", "information", 8e9, &["gigabyte", "gigabytes"], &["GB"]),
    uc("TB", "Terabyte", "information", 8e12, &["terabyte", "terabytes"], &["TB"]),
    // Angle, in degrees. Not the word "degrees": in news it is a temperature
    // or a Richter magnitude ("7 degrees on the Richter scale") far more often.
    u("deg", "Degree", "angle", 1.0, &["deg"]),
    u("rad", "Radian", "angle", 180.0 / std::f64::consts::PI, &["rad", "radian", "radians"]),
    u("turn", "Turn", "angle", 360.0, &["turn", "turns"]),
];

/// The unit written as `name` (any case, surrounding punctuation ignored).
pub fn lookup(name: &str) -> Option<&'static Unit> {
    let written = name.trim().trim_end_matches(['.', ',', ';', ':']);
    let name = written.to_lowercase();
    UNITS
        .iter()
        .find(|u| u.cased.contains(&written))
        .or_else(|| {
            UNITS
                .iter()
                .find(|u| u.symbol == name || u.names.contains(&name.as_str()))
        })
}

/// Whether `tail` starts with an adjective of measure that newsrooms glue to
/// a unit ("a 948-foot-long ship", "a 10-mile-wide storm"), as a whole word.
pub fn measure_adjective(tail: &str) -> bool {
    const ADJECTIVES: [&str; 7] = ["long", "tall", "wide", "high", "deep", "thick", "across"];
    ADJECTIVES.iter().any(|a| {
        tail.get(..a.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(a))
            && !tail[a.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// The names and symbols of [`UNITS`] written in lower case (matched in any
/// case), in table order, and the length in bytes of the longest name.
#[allow(clippy::type_complexity)]
static ANY_CASE: std::sync::LazyLock<(Vec<(&'static Unit, &'static str)>, usize)> =
    std::sync::LazyLock::new(|| {
        let names: Vec<(&Unit, &str)> = UNITS
            .iter()
            .flat_map(|u| {
                u.names
                    .iter()
                    .chain([&u.symbol])
                    .filter(|n| n.to_lowercase() == **n)
                    .map(move |n| (u, *n))
            })
            .collect();
        let longest = UNITS
            .iter()
            .flat_map(|u| u.names.iter().chain(u.cased).chain([&u.symbol]))
            .map(|n| n.len())
            .max()
            .unwrap_or(0);
        (names, longest)
    });

/// The unit written at the start of `text` (after spaces, one hyphen, or an
/// opening bracket: "7,500-km", "20 (kg)"), the longest name first. Returns
/// the unit and the byte offset where it ends (past a closing bracket).
pub fn at_start(text: &str) -> Option<(&'static Unit, usize)> {
    let lead = text.len() - text.trim_start_matches([' ', '\u{a0}']).len();
    let mut i = lead;
    if text[i..].starts_with('-') {
        i += 1;
    }
    let open = text[i..].chars().next().filter(|c| "([{<".contains(*c));
    if open.is_some() {
        i += 1;
    }
    let rest = &text[i..];
    // Only as many characters as the longest name has bytes can match, and
    // lower-casing maps each character on its own (a final sigma either way
    // to two bytes no name holds): the head alone is lower-cased, not the
    // rest of the text.
    let head = rest
        .char_indices()
        .nth(ANY_CASE.1)
        .map_or(rest, |(at, _)| &rest[..at]);
    let lower = head.to_lowercase();
    let lower = lower.as_str();
    let mut best: Option<(&Unit, usize)> = None;
    // Names whose case matters first: at one length they win ("MB").
    let cased = UNITS
        .iter()
        .flat_map(|u| u.cased.iter().map(move |n| (u, *n, rest)));
    let any_case = ANY_CASE.0.iter().map(|&(u, n)| (u, n, lower));
    for (unit, name, against) in cased.chain(any_case) {
        // Lower-casing keeps byte lengths for these names (ASCII, ², ³, µ, μ).
        if against.starts_with(name) && best.is_none_or(|(_, l)| name.len() > l) {
            let tail = &rest[name.len()..];
            let glued = tail.starts_with(|c: char| c.is_alphanumeric())
                || tail.starts_with('-')
                    && tail[1..].starts_with(|c: char| c.is_alphanumeric())
                    && !measure_adjective(&tail[1..]);
            if !glued {
                best = Some((unit, name.len()));
            }
        }
    }
    let (unit, len) = best?;
    let mut end = i + len;
    if let Some(open) = open {
        let close = match open {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            _ => '>',
        };
        if !text[end..].starts_with(close) {
            return None;
        }
        end += 1;
    }
    // A one-letter unit after a space is too often something else ("5 m" is
    // fine, "Plan B" is not a number anyway); keep symbols that are words.
    Some((unit, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_units_by_any_spelling() {
        assert_eq!(lookup("Kilometres").map(|u| u.symbol), Some("km"));
        assert_eq!(lookup("miles.").map(|u| u.symbol), Some("mi"));
        assert_eq!(lookup("furlongs"), None);
        assert_eq!(
            at_start(" square kilometres of land").map(|(u, e)| (u.symbol, e)),
            Some(("km²", 18))
        );
        assert_eq!(
            at_start("-km border").map(|(u, e)| (u.symbol, e)),
            Some(("km", 3))
        );
        assert_eq!(
            at_start(" (kg)").map(|(u, e)| (u.symbol, e)),
            Some(("kg", 5))
        );
        assert_eq!(at_start(" metric tons").map(|(u, _)| u.symbol), Some("t"));
        assert_eq!(at_start(" m212"), None);
        assert_eq!(at_start(" people"), None);
        assert_eq!(at_start(" MB file").map(|(u, _)| u.symbol), Some("MB"));
        assert_eq!(at_start(" mb file").map(|(u, _)| u.symbol), Some("Mbit"));
        assert_eq!(
            at_start(" miles an hour").map(|(u, e)| (u.symbol, e)),
            Some(("mph", 14))
        );
        assert_eq!(at_start("km/hr").map(|(u, _)| u.symbol), Some("km/h"));
        assert_eq!(lookup("GB").map(|u| u.name), Some("Gigabyte"));
    }

    #[test]
    fn names_are_unique_and_lower_case() {
        let mut seen = std::collections::BTreeMap::new();
        for unit in UNITS {
            assert!(
                unit.names.contains(&unit.symbol.to_lowercase().as_str())
                    || unit.cased.contains(&unit.symbol),
                "{} lists its symbol",
                unit.symbol
            );
            for name in unit.names {
                assert_eq!(name.to_lowercase(), *name);
                assert_eq!(name.to_lowercase().len(), name.len());
                if let Some(other) = seen.insert(*name, unit.symbol) {
                    panic!("{name} names both {other} and {}", unit.symbol);
                }
            }
        }
    }

    #[test]
    fn conversions_are_right() {
        let miles = lookup("miles").unwrap().factor * 4660.0 / lookup("km").unwrap().factor;
        assert!((miles - 7499.5).abs() < 1.0, "{miles}");
        let sq = lookup("square miles").unwrap().factor / lookup("km²").unwrap().factor;
        assert!((sq - 2.589988).abs() < 1e-6);
        let barrel = lookup("barrels").unwrap().factor;
        assert!((barrel - 158.987).abs() < 1e-3);
        assert!((lookup("pounds").unwrap().factor - 0.4536).abs() < 1e-4);
    }
}
