//! Numbers written with digits: thousands separators (commas, spaces, narrow
//! no-break spaces, Indian lakh grouping), decimals, exponents ("1e10",
//! "1.1^23"), fractions ("3/4", "2 1/4"), vulgar fractions ("¾") and scale
//! suffixes ("10k", "1.2bn", "1,674.5 G"). A number glued to letters ("29km",
//! "4th") is reported as such so each kind decides what it means.

use regex::Regex;
use std::sync::LazyLock;

/// A number read from digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Digits {
    pub value: f64,
    /// Byte offset just past the number (and its suffix).
    pub end: usize,
    /// Written as a whole number, without decimals, fraction or suffix.
    pub integer: bool,
    /// A letter follows the number directly ("29km", "4th").
    pub letters_after: bool,
    /// A fraction ("3/4", "2 1/4", "½").
    pub fraction: bool,
}

static GROUPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u{a0}\u{202f}\u{2009}]\d{3})+)").unwrap()
});
static PLAIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d+").unwrap());
static COMMA_DECIMAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d+,\d{1,2}").unwrap());
static DECIMAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\.\d+").unwrap());
static EXPONENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[eE]([+-]?\d+)|\^([+-]*)(\d+)|[x×]10\^([+-]?\d+))").unwrap());
static FRACTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^/(\d{1,3})").unwrap());
static MIXED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]{1,3}(\d{1,3})/(\d{1,3})").unwrap());
static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(MM|bln|tln|mil|bn|mn|[kKMGBb])|[ \u{a0}]{1,2}(bln|tln|bn|mn|[kKMG]))")
        .unwrap()
});
static MONEY_SUFFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[ \u{a0}]?(m|M)").unwrap());

const VULGAR: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

/// The multiplier of a suffix written after digits ("k", "M", "bn", "G").
fn suffix_scale(s: &str) -> f64 {
    match s {
        "k" | "K" => 1e3,
        "M" | "MM" | "mn" | "mil" | "m" => 1e6,
        "G" | "B" | "b" | "bn" | "bln" => 1e9,
        "tln" => 1e12,
        _ => 1.0,
    }
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// Reads digits at byte `pos` of `text`. `money`: a lone "m" after the
/// number is "million" ("$25m"), as it is next to a currency.
pub fn read(text: &str, pos: usize, money: bool) -> Option<Digits> {
    let rest = &text[pos..];
    let first = rest.chars().next()?;
    if let Some(&(_, v)) = VULGAR.iter().find(|(c, _)| *c == first) {
        let end = pos + first.len_utf8();
        return Some(Digits {
            value: v,
            end,
            integer: false,
            letters_after: letter_at(text, end),
            fraction: true,
        });
    }
    let dotted = char_before(text, pos) == Some('.')
        && pos >= 2
        && char_before(text, pos - 1).is_some_and(|c| c.is_ascii_digit());
    let mut end;
    let mut value: f64;
    let mut integer = true;
    if first == '.' {
        let m = DECIMAL.find(rest)?;
        value = m.as_str().parse().ok()?;
        end = pos + m.end();
        integer = false;
    } else if first.is_ascii_digit() {
        let grouped = GROUPED
            .find(rest)
            .filter(|m| !rest[m.end()..].starts_with(|c: char| c.is_ascii_digit()));
        let in_list = char_before(text, pos) == Some(',')
            && pos >= 2
            && char_before(text, pos - 1).is_some_and(|c| c.is_ascii_digit());
        let comma_decimal = COMMA_DECIMAL.find(rest).filter(|_| !in_list).filter(|m| {
            let after = &rest[m.end()..];
            let digit_next = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
            !(digit_next(after) || after.starts_with(',') && digit_next(&after[1..]))
        });
        let m = match (grouped, comma_decimal) {
            (Some(g), _) => g,
            (None, Some(c)) => {
                let v: f64 = c.as_str().replace(',', ".").parse().ok()?;
                let end = pos + c.end();
                return Some(Digits {
                    value: v,
                    end,
                    integer: false,
                    letters_after: letter_at(text, end),
                    fraction: false,
                });
            }
            (None, None) => PLAIN.find(rest)?,
        };
        value = m
            .as_str()
            .replace([',', ' ', '\u{a0}', '\u{202f}', '\u{2009}'], "")
            .parse()
            .ok()?;
        end = pos + m.end();
        let ip_like = text[end..].starts_with('.') && {
            let after = &text[end + 1..];
            PLAIN.find(after).is_some_and(|d| {
                after[d.end()..].starts_with('.')
                    && after[d.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
            })
        };
        if !dotted && !ip_like {
            if let Some(d) = DECIMAL.find(&text[end..]) {
                value += d.as_str().parse::<f64>().ok()?;
                end += d.end();
                integer = false;
            }
        }
        if integer && m.as_str().len() <= 3 {
            let before_slash = char_before(text, pos) == Some('/');
            if let Some(f) = FRACTION.captures(&text[end..]) {
                let whole = f.get(0).map_or(0, |g| g.end());
                let den: f64 = f[1].parse().ok()?;
                let chained =
                    text[end + whole..].starts_with(|c: char| c == '/' || c.is_ascii_digit());
                if !before_slash && !chained && den > 0.0 {
                    let end = end + whole;
                    return Some(Digits {
                        value: value / den,
                        end,
                        integer: false,
                        letters_after: letter_at(text, end),
                        fraction: true,
                    });
                }
            } else if let Some(f) = MIXED.captures(&text[end..]) {
                let whole = f.get(0).map_or(0, |g| g.end());
                let (num, den): (f64, f64) = (f[1].parse().ok()?, f[2].parse().ok()?);
                let chained =
                    text[end + whole..].starts_with(|c: char| c == '/' || c.is_ascii_digit());
                if den > 0.0 && num < den && !chained {
                    let end = end + whole;
                    return Some(Digits {
                        value: value + num / den,
                        end,
                        integer: false,
                        letters_after: letter_at(text, end),
                        fraction: true,
                    });
                }
            }
        }
    } else {
        return None;
    }
    if let Some(c) = EXPONENT.captures(&text[end..]) {
        let exp: Option<f64> = if let Some(e) = c.get(1).or(c.get(4)) {
            e.as_str().parse().ok()
        } else {
            let negative = c.get(2).map_or(0, |s| s.as_str().matches('-').count()) % 2 == 1;
            c[3].parse::<f64>()
                .ok()
                .map(|e| if negative { -e } else { e })
        };
        if let Some(exp) = exp {
            let whole = c.get(0).map_or(0, |g| g.end());
            if !letter_at(text, end + whole) {
                value = if c.get(3).is_some() {
                    value.powf(exp)
                } else {
                    value * 10f64.powf(exp)
                };
                end += whole;
                integer = false;
            }
        }
    }
    if let Some(s) = SUFFIX.captures(&text[end..]) {
        let whole = s.get(0).map_or(0, |g| g.end());
        if !letter_at(text, end + whole) {
            value *= suffix_scale(s.get(1).or(s.get(2)).map_or("", |g| g.as_str()));
            end += whole;
            integer = false;
        }
    } else if money {
        if let Some(s) = MONEY_SUFFIX.captures(&text[end..]) {
            let whole = s.get(0).map_or(0, |g| g.end());
            if !letter_at(text, end + whole) {
                value *= 1e6;
                end += whole;
                integer = false;
            }
        }
    }
    Some(Digits {
        value,
        end,
        integer,
        letters_after: letter_at(text, end),
        fraction: false,
    })
}

fn letter_at(text: &str, pos: usize) -> bool {
    text[pos..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(f64, usize)> {
        read(text, 0, false)
            .filter(|d| !d.letters_after)
            .map(|d| (d.value, d.end))
    }

    #[test]
    fn reads_separators_decimals_and_suffixes() {
        assert_eq!(value("7,500 km"), Some((7500.0, 5)));
        assert_eq!(value("1 234 567"), Some((1234567.0, 9)));
        assert_eq!(value("12,34,567.89"), Some((1234567.89, 12)));
        assert_eq!(value("423 0000"), Some((423.0, 3)));
        assert_eq!(value("4.800"), Some((4.8, 5)));
        assert_eq!(value("1,3."), Some((1.3, 3)));
        assert_eq!(value("22,24,26"), Some((22.0, 2)));
        assert_eq!(value("10k"), Some((1e4, 3)));
        assert_eq!(value("1.2bn"), Some((1.2e9, 5)));
        assert_eq!(value("1,674.5 G"), Some((1.6745e12, 9)));
        assert_eq!(value("3/4"), Some((0.75, 3)));
        assert_eq!(value("2  1/4"), Some((2.25, 6)));
        assert_eq!(value("1e10"), Some((1e10, 4)));
        assert_eq!(value("192.168.1.2"), Some((192.0, 3)));
        assert_eq!(value("29km"), None);
        assert_eq!(read("25m", 0, true).map(|d| d.value), Some(25e6));
    }
}
