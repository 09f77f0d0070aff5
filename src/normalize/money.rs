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
use super::numtext;
use super::tolerance::Tolerance;
use super::{format_number, keys_agree, Found, Key, Kind, Normalized, Normalizer, RawMatch};
use std::collections::BTreeMap;

/// One currency unit: its code (the comparison key), its name, how it is
/// written before and after the number (lower case), and its size in the
/// code's main unit (a cent is 0.01 USD).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Currency {
    pub code: &'static str,
    pub name: &'static str,
    pub before: &'static [&'static str],
    pub after: &'static [&'static str],
    pub factor: f64,
}

const fn c(
    code: &'static str,
    name: &'static str,
    before: &'static [&'static str],
    after: &'static [&'static str],
) -> Currency {
    Currency {
        code,
        name,
        before,
        after,
        factor: 1.0,
    }
}

#[rustfmt::skip]
pub static CURRENCIES: &[Currency] = &[
    c("USD", "Dollar", &["$"], &["dollars", "dollar", "$"]),
    c("USD", "United States dollar", &["us$", "us $", "u.s.$", "u.s. $", "u.s $", "usd$", "usd"], &["usd", "us dollars", "us dollar", "u.s. dollars", "american dollars"]),
    Currency { code: "USD", name: "Cent", before: &[], after: &["cents", "cent"], factor: 0.01 },
    c("CAD", "Canadian dollar", &["c$", "c $", "ca$", "cad$", "cad"], &["canadian dollars", "canadian dollar", "cad"]),
    c("HKD", "Hong Kong dollar", &["hk$", "hk $", "hkd"], &["hong kong dollars", "hkd"]),
    c("AUD", "Australian dollar", &["a$", "au$", "aud$", "aud"], &["australian dollars", "australian dollar", "aud"]),
    c("NZD", "New Zealand dollar", &["nz$", "nzd$", "nzd"], &["new zealand dollars", "nzd"]),
    c("MXN", "Mexican peso", &["mex$", "mxn$", "mxn"], &["mexican pesos", "mxn"]),
    c("EUR", "Euro", &["€", "eur"], &["euros", "euro", "eur", "€"]),
    c("GBP", "Pound", &["£"], &["pounds sterling", "pounds", "pound", "£"]),
    c("GBP", "British pound", &["gbp"], &["gbp", "british pounds"]),
    Currency { code: "GBP", name: "Pence", before: &[], after: &["pence"], factor: 0.01 },
    Currency { code: "GBP", name: "Penny", before: &[], after: &["penny", "pennies"], factor: 0.01 },
    c("JPY", "Japanese yen", &["¥", "jpy"], &["yen", "jpy", "japanese yen"]),
    c("CNY", "Chinese yuan", &["rmb", "cny"], &["yuan", "元", "rmb", "cny", "renminbi", "chinese yuan"]),
    c("CHF", "Swiss franc", &["chf"], &["swiss francs", "swiss franc", "chf"]),
    c("Franc", "Franc", &[], &["francs", "franc"]),
    c("INR", "Indian rupee", &["₹", "inr"], &["indian rupees", "inr"]),
    c("Rupee", "Rupee", &["rs."], &["rupees", "rupee"]),
    c("RUB", "Russian ruble", &["₽", "rub"], &["roubles", "rubles", "rouble", "ruble", "rub"]),
    c("KZT", "Kazakhstani tenge", &["₸", "kzt"], &["tenge", "kzt"]),
    c("UZS", "Uzbekistani som", &["uzs"], &["soum", "sum", "uzs"]),
    c("TRY", "Turkish lira", &["₺"], &["turkish lira", "turkish liras"]),
    c("KRW", "South Korean won", &["₩", "krw"], &["korean won", "krw"]),
    c("ESP", "Peseta", &[], &["pesetas", "peseta"]),
    c("FIM", "Finnish markka", &[], &["finnish markka", "markka"]),
    c("NLG", "Netherlands guilder", &[], &["dutch guilders", "guilders"]),
    c("CRC", "Costa Rican colón", &["₡"], &["₡"]),
    c("GEL", "Georgian lari", &["₾"], &["₾"]),
    c("LAK", "Lao kip", &["₭"], &["₭"]),
    c("LKR", "Sri Lankan rupee", &[], &["ரூ"]),
    c("BTC", "Bitcoin", &["₿"], &["bitcoins", "bitcoin", "btc"]),
];

/// Whether `name` is a currency of the table (as other tools name it).
pub fn known_name(name: &str) -> bool {
    CURRENCIES.iter().any(|c| c.name == name)
}

/// The currency with ISO code (or key) `code`.
pub fn by_code(code: &str) -> Option<&'static Currency> {
    CURRENCIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code) && c.factor == 1.0)
}

/// The longest currency name of `pick` written at the start of `text`
/// (followed by a non-letter); the currency and the length.
fn written_at(
    text: &str,
    pick: fn(&Currency) -> &'static [&'static str],
) -> Option<(&'static Currency, usize)> {
    let lower = text.to_lowercase();
    let mut best: Option<(&Currency, usize)> = None;
    for cur in CURRENCIES {
        for name in pick(cur) {
            if lower.starts_with(name)
                && lower.len() == text.len()
                && best.is_none_or(|(_, l)| name.len() > l)
            {
                let after = text[name.len()..].chars().next();
                let last = name.chars().next_back().unwrap_or(' ');
                if !(last.is_alphabetic() && after.is_some_and(|c| c.is_alphanumeric())) {
                    best = Some((cur, name.len()));
                }
            }
        }
    }
    best
}

/// An amount found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub span: std::ops::Range<usize>,
    pub currency: &'static Currency,
    pub number: numtext::NumSpan,
}

/// Reads an amount that starts at byte `pos`: a currency before the number, or after it.
pub fn amount_at(text: &str, pos: usize) -> Option<Amount> {
    let rest = &text[pos..];
    if let Some((cur, len)) = written_at(rest, |c| c.before) {
        let gap =
            text[pos + len..].len() - text[pos + len..].trim_start_matches([' ', '\u{a0}']).len();
        let start = pos + len + gap;
        if gap <= 2 && text[start..].starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
        {
            if let Some(n) = numtext::glued_at(text, start, true)
                .filter(|n| !text[n.span.end..].starts_with(|c: char| c.is_alphabetic()))
            {
                return Some(Amount {
                    span: pos..n.span.end,
                    currency: cur,
                    number: n,
                });
            }
        }
    }
    if !numtext::may_start(text, pos) {
        return None;
    }
    let n = numtext::glued_at(text, pos, true)?;
    let after = &text[n.span.end..];
    let gap = after.len() - after.trim_start_matches([' ', '\u{a0}', '-']).len();
    let (cur, len) = written_at(&after[gap..], |c| c.after).filter(|_| gap <= 2)?;
    Some(Amount {
        span: pos..n.span.end + gap + len,
        currency: cur,
        number: n,
    })
}

/// Every amount in `text`.
pub fn amounts(text: &str) -> Vec<Amount> {
    let mut found = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let step = text[pos..].chars().next().map_or(1, |c| c.len_utf8());
        let word_start = !text[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        if word_start {
            if let Some(a) = amount_at(text, pos) {
                pos = a.span.end;
                found.push(a);
                continue;
            }
        }
        pos += step;
    }
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
        let tolerance = options
            .get("tolerance")
            .map(|t| Tolerance::from_toml(t, 1.0))
            .transpose()?;
        Ok(Box::new(Money {
            currency,
            rates,
            tolerance,
        }))
    }

    fn find(&self, text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        let money = Money {
            currency: None,
            rates: BTreeMap::new(),
            tolerance: None,
        };
        let found = amounts(text)
            .into_iter()
            .map(|a| {
                let hedge = hedge::before(&text[..a.span.start]);
                let read = Hedged {
                    lo: a.number.lo,
                    hi: a.number.hi,
                    shape: a.number.shape,
                    hedge,
                    rest: "",
                };
                let value = money
                    .value(&read, a.currency)
                    .unwrap_or_else(crate::extract::unresolved);
                let mut f = Found::at(text, a.span.clone(), value);
                extra_interval(&mut f, &read);
                f.extra.insert("number".into(), serde_json::json!(read.lo));
                f.extra.insert("currency".into(), a.currency.code.into());
                f.extra
                    .insert("currency_name".into(), a.currency.name.into());
                f
            })
            .collect();
        Some(found)
    }
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
            code = fact;
        }
        let shown = if lo == hi || hi.is_infinite() || read.hedge.is_some() && read.lo == read.hi {
            format!(
                "{code} {}",
                format_amount(
                    if read
                        .hedge
                        .as_ref()
                        .is_some_and(|h| h.0 == hedge::Hedge::AtMost)
                    {
                        hi
                    } else {
                        lo
                    }
                )
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
        .approximate(read.approximate());
        if !notes.is_empty() {
            n.note = Some(notes.join("; "));
        }
        Ok(n)
    }
}

impl Normalizer for Money {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
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
        let read = Hedged {
            lo: a.number.lo,
            hi: a.number.hi,
            shape: a.number.shape,
            hedge,
            rest: "",
        };
        Ok(vec![self.value(&read, a.currency)?])
    }

    fn agree(&self, a: &Normalized, b: &Normalized) -> bool {
        keys_agree(a, b, self.tolerance.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, String)> {
        MoneyKind
            .find(text, None)
            .unwrap()
            .into_iter()
            .map(|f| (f.text, f.value.value))
            .collect()
    }

    #[test]
    fn reads_currencies_before_and_after() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            find("a new aid of 25 million dollars"),
            [s("25 million dollars", "USD 25 million")]
        );
        assert_eq!(
            find("announced $25 million in new funding"),
            [s("$25 million", "USD 25 million")]
        );
        assert_eq!(
            find("US$25m and €10 billion"),
            [
                s("US$25m", "USD 25 million"),
                s("€10 billion", "EUR 10 billion")
            ]
        );
        assert_eq!(
            find("25 million euros, $1.2bn, 50 cents"),
            [
                s("25 million euros", "EUR 25 million"),
                s("$1.2bn", "USD 1.2 billion"),
                s("50 cents", "USD 0.5")
            ]
        );
        assert_eq!(
            find("c $ 16.4 million"),
            [s("c $ 16.4 million", "CAD 16.4 million")]
        );
        assert_eq!(find("It cost 1.8M, all 70 of us"), []);
    }

    fn money(options: &str) -> Box<dyn Normalizer> {
        MoneyKind.build(&toml::from_str(options).unwrap()).unwrap()
    }

    #[test]
    fn different_currencies_are_not_comparable_without_a_rate() {
        let usd = money("currency = \"USD\"");
        let dollars = usd.parse("25 million dollars").unwrap();
        assert!(usd.agree(&dollars, &usd.parse("US$25m").unwrap()));
        let err = usd.parse("25 million euros").unwrap_err();
        assert!(err.contains("not comparable"), "{err}");
        let with_rate = money("currency = \"USD\"\nrates = { EUR = 1.1 }");
        let euros = with_rate.parse("€25 million").unwrap();
        assert_eq!(euros.value, "USD 27.5 million");
        assert!(!with_rate.agree(&euros, &dollars));
        assert!(money("").parse("25 million euros").is_ok());
        assert!(!money("").agree(
            &money("").parse("€25m").unwrap(),
            &money("").parse("$25m").unwrap()
        ));
    }

    #[test]
    fn hedged_and_one_sided_amounts() {
        let usd = money("currency = \"USD\"");
        let raw = RawMatch {
            value: 10..22,
            ..RawMatch::whole_text("more than $140 million")
        };
        let more = usd.normalize(&raw).unwrap().remove(0);
        assert!(usd.agree(&more, &usd.parse("$141 million").unwrap()));
        assert!(!usd.agree(&more, &usd.parse("$139 million").unwrap()));
        assert!(MoneyKind
            .build(&toml::from_str("rates = { EUR = 1.1 }").unwrap())
            .unwrap_err()
            .contains("needs `currency`"));
        assert!(MoneyKind
            .build(&toml::from_str("currency = \"XYZ\"").unwrap())
            .unwrap_err()
            .contains("unknown currency"));
    }
}
