//! `kind = "money"`: an amount with its currency, the symbol or code before
//! or after the number ("$25 million", "25 million dollars", "US$25m",
//! "€10 billion", "25 million euros", "C$ 16.4 million", "50 cents").
//! Options: `currency` (the fact's currency, an ISO code), `tolerance`, and
//! `rates` (a table of code = how many units of `currency` one unit is
//! worth, for explicit conversion).
//!
//! The currency is kept in the value. Amounts in different currencies are
//! never silently converted: without a rate, a mention in another currency
//! than the fact's is left unresolved with the reason "not comparable", so it
//! is reported but neither agrees nor conflicts. A bare "$" or "dollars" is
//! read as US dollars; "C$", "HK$", "A$" and the like are not.

use super::hedge;
use super::number::{extra_interval, Hedged};
use super::numtext::{
    self,
    style::{self, Style},
};
use super::tolerance::Tolerance;
use super::{format_number, Found, Key, Kind, Normalized, Normalizer, RawMatch};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

mod table;
pub use table::{by_code, known_name, Currency, CURRENCIES};

/// The longest currency name of `pick` written at the start of `text`; the
/// currency and the length. A name that ends in a letter must not run into
/// another letter ("usd" in "usda"), nor, after the number, into a digit;
/// before the number it may ("USD115").
fn written_at(
    text: &str,
    pick: fn(&Currency) -> &'static [&'static str],
    digits_may_follow: bool,
) -> Option<(&'static Currency, usize)> {
    let head: String = text.chars().take(24).collect();
    let lower = head.to_lowercase();
    if lower.len() != head.len() {
        return None;
    }
    let mut best: Option<(&Currency, usize)> = None;
    for cur in CURRENCIES {
        for name in pick(cur) {
            if lower.starts_with(name) && best.is_none_or(|(_, l)| name.len() > l) {
                let after = text[name.len()..].chars().next();
                let last = name.chars().next_back().unwrap_or(' ');
                let runs_on = after.is_some_and(|c| {
                    c.is_alphabetic() || (c.is_ascii_digit() && !digits_may_follow)
                });
                if !(last.is_alphabetic() && runs_on) {
                    best = Some((cur, name.len()));
                }
            }
        }
    }
    best
}

/// "MUSD", "MEUR": an ISO code with an M for millions, at the start of `text`.
fn million_code(text: &str) -> Option<(&'static Currency, usize)> {
    // ASCII only: "MUSD"; a 4-byte character here must not be split (found by fuzzing).
    let head = text.get(..4).filter(|h| h.is_ascii())?;
    let (m, code) = head.split_at(1);
    let glued = text[4..].starts_with(|c: char| c.is_alphabetic());
    if !m.eq_ignore_ascii_case("m") || glued || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // The table's entry that writes the code ("usd": United States dollar).
    let lower = code.to_lowercase();
    CURRENCIES
        .iter()
        .find(|c| c.before.contains(&lower.as_str()))
        .or_else(|| by_code(code))
        .map(|c| (c, 4))
}

/// An amount found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub span: std::ops::Range<usize>,
    pub currency: &'static Currency,
    pub number: numtext::NumSpan,
    /// The precision its written digits imply, in the currency's units:
    /// "$12 billion" is ±0.5 billion, "$3.50" ±0.005.
    pub precision: f64,
}

impl Amount {
    /// The amount as the number kinds read it, with the hedge found before it.
    fn hedged(&self, hedge: Option<(hedge::Hedge, String)>) -> Hedged<'static> {
        Hedged::new(&self.number, hedge, "").precise(self.precision)
    }

    fn scaled(mut self, factor: f64, end: usize) -> Amount {
        self.number.lo *= factor;
        self.number.hi *= factor;
        self.precision *= factor;
        self.span.end = end;
        self
    }
}

static SCALE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(thousand|million|billion|trillion)\b").unwrap());
static AND_THEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(?:\s+and)?\s+").unwrap());
static SUBUNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(cents?|pence)\b").unwrap());
static ENDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:\s+(?:and|more)\b|\s*[^\w\s]|\s*$)").unwrap());

/// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "C$ 100 and
/// fifty": a whole amount followed by a number of hundredths.
fn with_hundredths(text: &str, a: Amount) -> Amount {
    let whole = a
        .number
        .value()
        .filter(|v| v.fract() == 0.0 && v.abs() < 1e6);
    if a.currency.factor != 1.0 || whole.is_none() {
        return a;
    }
    let Some(and) = AND_THEN.find(&text[a.span.end..]) else {
        return a;
    };
    let start = a.span.end + and.end();
    let Some(n) = numtext::point_at(text, start) else {
        return a;
    };
    let cents = n
        .value()
        .filter(|c| c.fract() == 0.0 && (1.0..100.0).contains(c));
    let Some(cents) = cents else { return a };
    // "10 $ 30 $": a second amount with its own currency, not cents.
    let after = text[n.span.end..].trim_start_matches([' ', '\u{a0}']);
    let own_currency = written_at(after, |c| c.after, false).is_some();
    let end = match SUBUNIT.find(&text[n.span.end..]) {
        Some(s) => n.span.end + s.end(),
        None if ENDS.is_match(&text[n.span.end..]) && !own_currency => n.span.end,
        None => return a,
    };
    let mut a = a;
    a.number.lo += cents / 100.0;
    a.number.hi += cents / 100.0;
    a.precision = 0.005;
    a.span.end = end;
    a
}

/// Reads an amount that starts at byte `pos`: a currency before the number, or after it.
pub fn amount_at(text: &str, pos: usize) -> Option<Amount> {
    amount_here(text, pos).map(|a| with_hundredths(text, a))
}

fn amount_here(text: &str, pos: usize) -> Option<Amount> {
    let rest = &text[pos..];
    let before = written_at(rest, |c| c.before, true)
        .map(|(c, len)| (c, len, 1.0))
        .or_else(|| million_code(rest).map(|(c, len)| (c, len, 1e6)));
    if let Some((cur, len, factor)) = before {
        let gap =
            text[pos + len..].len() - text[pos + len..].trim_start_matches([' ', '\u{a0}']).len();
        let start = pos + len + gap;
        if gap <= 2 && text[start..].starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
        {
            if let Some(n) = numtext::glued_at(text, start, true)
                .filter(|n| !text[n.span.end..].starts_with(|c: char| c.is_alphabetic()))
            {
                let end = n.span.end;
                return Some(
                    Amount {
                        span: pos..end,
                        currency: cur,
                        precision: n.precision(text),
                        number: n,
                    }
                    .scaled(factor, end),
                );
            }
        }
    }
    if !numtext::may_start(text, pos) {
        return None;
    }
    let n = numtext::glued_at(text, pos, true)?;
    let after = &text[n.span.end..];
    let gap = after.len() - after.trim_start_matches([' ', '\u{a0}', '-']).len();
    if gap > 2 {
        return None;
    }
    let (cur, len, factor) = written_at(&after[gap..], |c| c.after, false)
        .map(|(c, len)| (c, len, 1.0))
        .or_else(|| million_code(&after[gap..]).map(|(c, len)| (c, len, 1e6)))?;
    let end = n.span.end + gap + len;
    let a = Amount {
        span: pos..end,
        currency: cur,
        precision: n.precision(text),
        number: n,
    }
    .scaled(factor, end);
    // "75 USD million".
    match SCALE_AFTER.captures(&text[end..]) {
        Some(s) if factor == 1.0 => {
            let scale = numtext::words::scale_word(&s[1].to_lowercase()).unwrap_or(1.0);
            Some(a.scaled(scale, end + s.get(0).map_or(0, |m| m.end())))
        }
        _ => Some(a),
    }
}

/// Every amount in `text`.
pub fn amounts(text: &str) -> Vec<Amount> {
    let mut found = Vec::new();
    numtext::scan_words(text, |pos| {
        let a = amount_at(text, pos)?;
        let end = a.span.end;
        found.push(a);
        Some(end)
    });
    found
}

/// "25 million", "1.2 billion", "94,000" for reports.
pub fn format_amount(v: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let x = v / scale;
        if x.abs() >= 1.0 && ((x * 1000.0).round() - x * 1000.0).abs() < 1e-6 {
            return format!("{} {word}", format_number(x));
        }
    }
    format_number(v)
}

pub struct MoneyKind;

impl Kind for MoneyKind {
    fn name(&self) -> &'static str {
        "money"
    }

    fn options(&self) -> &'static [&'static str] {
        &["currency", "tolerance", "rates"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let currency = match options.get("currency") {
            None => None,
            Some(toml::Value::String(s)) => Some(
                by_code(s)
                    .ok_or_else(|| {
                        format!("unknown currency `{s}` (use an ISO code such as USD, EUR, GBP)")
                    })?
                    .code,
            ),
            Some(_) => return Err("`currency` must be a string such as \"USD\"".into()),
        };
        let mut rates = BTreeMap::new();
        match options.get("rates") {
            None => {}
            Some(toml::Value::Table(t)) => {
                let base = currency
                    .ok_or("`rates` needs `currency` (the currency the rates convert to)")?;
                for (code, rate) in t {
                    let cur = by_code(code)
                        .ok_or_else(|| format!("unknown currency `{code}` in `rates`"))?;
                    let rate = rate
                        .as_float()
                        .or_else(|| rate.as_integer().map(|i| i as f64))
                        .filter(|r| *r > 0.0);
                    let rate = rate.ok_or_else(|| {
                        format!("the rate of {code} must be a positive number of {base}")
                    })?;
                    rates.insert(cur.code, rate);
                }
            }
            Some(_) => return Err("`rates` must be a table such as { EUR = 1.08 }".into()),
        }
        let tolerance = crate::normalize::tolerance::option(options, 1.0)?;
        Ok(Box::new(Money {
            currency,
            rates,
            tolerance,
        }))
    }

    fn find(&self, text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        Some(style::within(Style::of(text), || find(text)))
    }
}

/// Every amount in `text`, read in the style already set.
fn find(text: &str) -> Vec<Found> {
    let money = Money {
        currency: None,
        rates: BTreeMap::new(),
        tolerance: None,
    };
    amounts(text)
        .into_iter()
        .map(|a| {
            let hedge = hedge::before(&text[..a.span.start]);
            let read = a.hedged(hedge);
            let value = money
                .value(&read, a.currency)
                .unwrap_or_else(crate::normalize::unresolved);
            let mut f = Found::at(text, a.span.clone(), value);
            extra_interval(&mut f, &read);
            f.extra.insert("number".into(), serde_json::json!(read.lo));
            f.extra.insert("currency".into(), a.currency.code.into());
            f.extra
                .insert("currency_name".into(), a.currency.name.into());
            f
        })
        .collect()
}

#[derive(Debug)]
pub struct Money {
    /// The fact's currency; mentions in others need a rate.
    pub currency: Option<&'static str>,
    /// Code → value of one unit in `currency`.
    pub rates: BTreeMap<&'static str, f64>,
    pub tolerance: Option<Tolerance>,
}

impl Money {
    fn value(&self, read: &Hedged, cur: &Currency) -> Result<Normalized, String> {
        let (mut lo, mut hi) = read.bounds();
        lo *= cur.factor;
        hi *= cur.factor;
        let mut precision = read.precision * cur.factor;
        let mut code = cur.code;
        let mut notes: Vec<String> = read.note().into_iter().collect();
        if let Some(fact) = self.currency.filter(|f| *f != cur.code) {
            let rate = self.rates.get(cur.code).ok_or_else(|| {
                format!("not comparable: the amount is in {}, the fact in {fact} (add rates = {{ {} = … }} to convert)", cur.code, cur.code)
            })?;
            notes.push(format!(
                "{} {} converted to {fact} at {}",
                format_amount(read.lo * cur.factor),
                cur.code,
                format_number(*rate)
            ));
            lo *= rate;
            hi *= rate;
            precision *= rate;
            code = fact;
        }
        let shown = if lo == hi || hi.is_infinite() || read.hedge.is_some() && read.lo == read.hi {
            format!(
                "{code} {}",
                format_amount(if read.hedge.as_ref().is_some_and(|h| h.0.upper()) {
                    hi
                } else {
                    lo
                })
            )
        } else {
            format!("{code} {}–{}", format_amount(lo), format_amount(hi))
        };
        let mut n = Normalized::new(
            shown,
            Key::Interval {
                lo,
                hi,
                unit: code.to_string(),
            },
        )
        .approximate(read.approximate())
        .bounded(read.bound());
        n.precision = precision;
        if !notes.is_empty() {
            n.note = Some(notes.join("; "));
        }
        Ok(n)
    }
}

numeric_normalizer!(Money);

impl Money {
    fn read(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let raw = m.value_str();
        let (inner, stripped) = hedge::strip(raw);
        let hedge = inner.or_else(|| hedge::before(m.preceding(40)));
        // The currency may be inside the value group or just before it ("$(?P<value>…)").
        let a = amounts(stripped).into_iter().next().or_else(|| {
            let from = m.value.start.saturating_sub(8);
            (from..=m.value.start)
                .filter(|s| m.text.is_char_boundary(*s))
                .find_map(|s| amount_at(m.text, s).filter(|a| a.span.end > m.value.start))
        });
        let a = a.ok_or_else(|| format!("no currency with the amount in `{}`", raw.trim()))?;
        let read = a.hedged(hedge);
        Ok(vec![self.value(&read, a.currency)?])
    }
}

#[cfg(test)]
mod tests;
