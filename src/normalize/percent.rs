//! `kind = "percent"`: a share written "32%", "32 percent", "32 per cent",
//! "percent of 10", and, with `fractions = true`, "a third", "half", "two
//! thirds" (read as 33.3%, 50%, 66.7% and marked approximate). Options:
//! `tolerance` (in percentage points, or relative as "5%"), `fractions`.

use super::hedge;
use super::number::{extra_interval, Hedged};
use super::numtext::style::{self, Style};
use super::numtext::{self, Shape};
use super::tolerance::Tolerance;
use super::{format_number, Found, Key, Kind, Normalized, Normalizer, RawMatch};
use regex::Regex;
use std::sync::LazyLock;

static SIGN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:\s?%|\s+(?:percent(?:age)?s?|per\s?cent)\b)").unwrap());
static WORD_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:percents?|per\s?cent|percentage)\s+of\s+").unwrap());

/// A percentage at byte `pos`: span, the number, and the shape.
fn percent_at(
    text: &str,
    pos: usize,
    fractions: bool,
) -> Option<(std::ops::Range<usize>, numtext::NumSpan)> {
    if let Some(w) = WORD_BEFORE.find(&text[pos..]) {
        let n = numtext::at(text, pos + w.end())?;
        return Some((pos..n.span.end, n));
    }
    // "%28" and "30%25" are URL escapes, not percentages.
    if !numtext::may_start(text, pos) || text[..pos].ends_with('%') {
        return None;
    }
    let n = numtext::at(text, pos)?;
    if let Some(s) = SIGN_AFTER
        .find(&text[n.span.end..])
        .filter(|s| !text[n.span.end + s.end()..].starts_with(|c: char| c.is_alphanumeric()))
    {
        return Some((pos..n.span.end + s.end(), n));
    }
    if fractions && n.shape == Shape::Fraction && n.hi <= 1.0 {
        let scaled = numtext::NumSpan {
            lo: n.lo * 100.0,
            hi: n.hi * 100.0,
            ..n.clone()
        };
        return Some((n.span.clone(), scaled));
    }
    None
}

pub struct PercentKind;

impl Kind for PercentKind {
    fn name(&self) -> &'static str {
        "percent"
    }

    fn options(&self) -> &'static [&'static str] {
        &["tolerance", "fractions"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let tolerance = crate::normalize::tolerance::option(options, 1.0)?;
        let fractions = crate::normalize::tolerance::flag(options, "fractions")?;
        Ok(Box::new(Percent {
            tolerance,
            fractions,
        }))
    }

    fn find(&self, text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        Some(style::within(Style::of(text), || find(text)))
    }
}

/// Every percentage in `text`, read in the style already set.
fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    numtext::scan_words(text, |pos| {
        let (span, n) = percent_at(text, pos, false)?;
        let read =
            Hedged::new(&n, hedge::before(&text[..span.start]), "").precise(n.precision(text));
        let mut f = Found::at(text, span.clone(), value(&read, None));
        extra_interval(&mut f, &read);
        f.extra.insert("number".into(), serde_json::json!(read.lo));
        found.push(f);
        Some(span.end)
    });
    found
}

fn value(read: &Hedged, fraction: Option<&str>) -> Normalized {
    let (lo, hi) = read.bounds();
    // Digits as written ("61.95%"); a fraction word shows one decimal ("33.3%").
    let shown = read.shown("", |v| match fraction {
        Some(_) => format!("{}%", format_number((v * 10.0).round() / 10.0)),
        None => format!("{}%", format_number(v)),
    });
    let mut n = Normalized::new(
        shown,
        Key::Interval {
            lo,
            hi,
            unit: "%".into(),
        },
    )
    .approximate(read.approximate() || fraction.is_some())
    .bounded(read.bound());
    n.precision = read.precision;
    let mut notes: Vec<String> = read.note().into_iter().collect();
    if let Some(f) = fraction {
        notes.push(format!("fraction: '{f}'"));
    }
    n.note = (!notes.is_empty()).then(|| notes.join("; "));
    n
}

#[derive(Debug)]
pub struct Percent {
    pub tolerance: Option<Tolerance>,
    /// Reads "a third", "half" as percentages.
    pub fractions: bool,
}

numeric_normalizer!(Percent);

impl Percent {
    fn read(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let raw = m.value_str();
        let (inner, stripped) = hedge::strip(raw);
        let hedge = inner.or_else(|| hedge::before(m.preceding(40)));
        let start = stripped.len() - stripped.trim_start().len();
        let (span, n) = percent_at(stripped, start, self.fractions).ok_or_else(|| {
            let hint = if self.fractions {
                ""
            } else {
                " (set fractions = true to read \"a third\")"
            };
            format!("`{}` is not a percentage{hint}", raw.trim())
        })?;
        let fraction = (n.shape == Shape::Fraction
            && !stripped[span.clone()].contains(['%', 'p', 'P']))
        .then(|| stripped[span].trim().to_lowercase());
        let read = Hedged::new(&n, hedge, "").precise(n.precision(stripped));
        Ok(vec![value(&read, fraction.as_deref())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_percentages_written_every_way() {
        let found: Vec<(String, String)> = PercentKind
            .find(
                "up 32%, 32 percent, 32 per cent, percent of 10, minus five percent, 7 people",
                None,
            )
            .unwrap()
            .into_iter()
            .map(|f| (f.text, f.value.value))
            .collect();
        let want = [
            ("32%", "32%"),
            ("32 percent", "32%"),
            ("32 per cent", "32%"),
            ("percent of 10", "10%"),
            ("minus five percent", "-5%"),
        ];
        assert_eq!(found, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn fractions_only_when_the_rule_allows_them() {
        let strict = PercentKind.build(&toml::Table::new()).unwrap();
        assert!(strict
            .parse("a third")
            .unwrap_err()
            .contains("fractions = true"));
        let loose = PercentKind
            .build(&toml::from_str("fractions = true\ntolerance = 2").unwrap())
            .unwrap();
        let third = loose
            .normalize(&RawMatch::whole_text("a third"))
            .unwrap()
            .remove(0);
        assert_eq!((third.value.as_str(), third.approximate), ("33.3%", true));
        assert!(loose.agree(&third, &loose.parse("32%").unwrap()));
        assert!(!loose.agree(&third, &loose.parse("40 per cent").unwrap()));
    }
}
