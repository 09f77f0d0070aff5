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
    /// Written with mixed separators ("28,933.004", a slip for
    /// 28,933,004): read as the likely value, and said so.
    pub malformed: bool,
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
    Regex::new(r"^(?:(MM|bln|tln|mil|bn|mn|tn|[kKMGBb])|[ \u{a0}]{1,2}(bln|tln|bn|mn|tn|[kKMGB]))")
        .unwrap()
});
/// A lone "m" (glued or after one space) where it means a million.
static MILLION_M: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[ \u{a0}]?(m|M)").unwrap());
/// Dot grouping, read whatever the article's style: two or more groups
/// ("17.926.345"), or groups before a decimal comma ("1.111,11").
static DOT_GROUPS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|(?:\.\d{3})+,\d+)").unwrap());
/// Dot grouping in an article that groups with dots ("4.800" is 4800).
static DOT_GROUPS_STYLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?").unwrap());
/// A decimal comma in an article that groups with dots ("3,5").
static COMMA_DECIMAL_STYLED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d+,\d+").unwrap());
/// After a comma-grouped number, a point and three digits: "28,933.004",
/// which no convention writes; most likely 28,933,004.
static SLIPPED_GROUP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\.\d{3}").unwrap());

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
        "tln" | "tn" => 1e12,
        _ => 1.0,
    }
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// Whether `s` starts with a digit.
fn digit_next(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
}

/// A number grouped with dots at the start of `rest` (see [`DOT_GROUPS`]):
/// its value and length. Not when more digits or groups follow ("1.234.56").
fn dot_grouped(rest: &str) -> Option<(f64, usize)> {
    let styled = super::style::current().grouping == super::style::Grouping::Dot;
    let m = DOT_GROUPS
        .find(rest)
        .or_else(|| DOT_GROUPS_STYLED.find(rest).filter(|_| styled))?;
    let after = &rest[m.end()..];
    if digit_next(after) || (after.starts_with(['.', ',']) && digit_next(&after[1..])) {
        return None;
    }
    let value = m.as_str().replace('.', "").replace(',', ".").parse().ok()?;
    Some((value, m.end()))
}

/// Reads digits at byte `pos` of `text`. `money`: a lone "m" after the
/// number is "million" ("$25m"), as it is next to a currency; elsewhere the
/// article's [`super::style::Style`] decides.
pub fn read(text: &str, pos: usize, money: bool) -> Option<Digits> {
    let money = money || super::style::current().lone_m == super::style::LoneM::Million;
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
            malformed: false,
        });
    }
    let dotted = char_before(text, pos) == Some('.')
        && pos >= 2
        && char_before(text, pos - 1).is_some_and(|c| c.is_ascii_digit());
    let mut end;
    let mut value: f64;
    let mut integer = true;
    let mut malformed = false;
    if first == '.' {
        let m = DECIMAL.find(rest)?;
        value = m.as_str().parse().ok()?;
        end = pos + m.end();
        integer = false;
    } else if let Some((v, len)) = first.is_ascii_digit().then(|| dot_grouped(rest)).flatten() {
        value = v;
        end = pos + len;
        integer = !rest[..len].contains(',');
    } else if first.is_ascii_digit() {
        let grouped = GROUPED
            .find(rest)
            .filter(|m| !rest[m.end()..].starts_with(|c: char| c.is_ascii_digit()));
        let in_list = char_before(text, pos) == Some(',')
            && pos >= 2
            && char_before(text, pos - 1).is_some_and(|c| c.is_ascii_digit());
        let styled = super::style::current().grouping == super::style::Grouping::Dot;
        let decimal = if styled {
            &COMMA_DECIMAL_STYLED
        } else {
            &COMMA_DECIMAL
        };
        let comma_decimal = decimal.find(rest).filter(|_| !in_list).filter(|m| {
            let after = &rest[m.end()..];
            let digit_next = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
            !(digit_next(after) || after.starts_with(',') && digit_next(&after[1..]))
        });
        let m = match (grouped, comma_decimal) {
            (Some(g), _) if styled && g.as_str().contains(',') => PLAIN.find(rest)?,
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
                    malformed: false,
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
        // "28,933.004": a comma group, then a point and three digits.
        if m.as_str().contains(',') && !m.as_str().contains(' ') {
            if let Some(slip) = SLIPPED_GROUP
                .find(&text[end..])
                .filter(|s| !digit_next(&text[end + s.end()..]))
            {
                value = value * 1000.0 + text[end + 1..end + slip.end()].parse::<f64>().ok()?;
                end += slip.end();
                malformed = true;
            }
        }
        let ip_like = text[end..].starts_with('.') && {
            let after = &text[end + 1..];
            PLAIN.find(after).is_some_and(|d| {
                after[d.end()..].starts_with('.')
                    && after[d.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
            })
        };
        if !dotted && !ip_like && !malformed {
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
                        malformed: false,
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
                        malformed: false,
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
        if let Some(s) = MILLION_M.captures(&text[end..]) {
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
        malformed,
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
