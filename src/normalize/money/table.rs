//! The currency table, as data in one place: each currency's code (the
//! comparison key), its English name, and how it is written before and after
//! the number.

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
    c("Rupee", "Rupee", &["rs.", "rs"], &["rupees", "rupee"]),
    c("RUB", "Russian ruble", &["₽", "rub"], &["roubles", "rubles", "rouble", "ruble", "rub"]),
    c("KZT", "Kazakhstani tenge", &["₸", "kzt"], &["tenge", "kzt"]),
    c("UZS", "Uzbekistani som", &["uzs"], &["soum", "sum", "uzs"]),
    // Bare "dirhams" may be Moroccan or Emirati: the key "Dirham", like "Franc".
    c("MAD", "Moroccan dirham", &["mad"], &["moroccan dirhams", "moroccan dirham", "mad"]),
    c("AED", "United Arab Emirates dirham", &["aed"], &["uae dirhams", "emirati dirhams", "aed"]),
    c("Dirham", "Dirham", &[], &["dirhams", "dirham"]),
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
