//! Unit tests of `normalize::money`.

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

#[test]
fn precision_as_written_survives_the_rate() {
    // Morocco's reconstruction plan: 120 billion dirhams, "$11.7 billion"
    // (Africa News Watch) and "$12 billion" (North Africa Post).
    let usd = money("currency = \"USD\"\ntolerance = \"5%\"\nrates = { Dirham = 0.0975 }");
    let twelve = usd.parse("$12 billion").unwrap();
    assert_eq!(twelve.precision, 0.5e9);
    let eleven_seven = usd.parse("$11.7 billion").unwrap();
    assert!((eleven_seven.precision - 0.05e9).abs() < 1.0);
    assert!(usd.agree(&twelve, &eleven_seven));
    let dirhams = usd.parse("120 billion dirhams").unwrap();
    assert_eq!(dirhams.value, "USD 11.7 billion");
    assert!((dirhams.precision - 0.04875e9).abs() < 1.0);
    assert!(usd.agree(&twelve, &dirhams));
    assert!(!usd.agree(&usd.parse("$11 million").unwrap(), &dirhams));
    // Without tolerance, precision alone: 11.5–12.5 billion holds 11.7.
    let strict = money("currency = \"USD\"");
    assert!(strict.agree(
        &strict.parse("$12 billion").unwrap(),
        &strict.parse("$11.7 billion").unwrap()
    ));
    assert_eq!(strict.parse("3 dollars 50 cents").unwrap().precision, 0.005);
}

#[test]
fn dirhams_as_the_morocco_quake_coverage_writes_them() {
    // Real text (tests/fixtures/events/morocco-earthquake-2023): bare "dirhams" is
    // ambiguous (Moroccan or Emirati), so it keys as "Dirham", like "francs".
    let found = amounts("plans to spend at least 120 billion dirhams ($11.7 billion)");
    let codes: Vec<&str> = found.iter().map(|a| a.currency.code).collect();
    assert_eq!(codes, ["Dirham", "USD"]);
    assert_eq!(found[0].number.lo, 120e9);
    assert_eq!(amounts("MAD 30,000")[0].currency.code, "MAD");
    assert_eq!(amounts("5,000 UAE dirhams")[0].currency.code, "AED");
    let usd = MoneyKind
        .build(&toml::from_str("currency = \"USD\"\nrates = { Dirham = 0.0975 }").unwrap())
        .unwrap();
    let plan = usd.parse("120 billion dirhams").unwrap();
    assert_eq!(plan.value, "USD 11.7 billion");
}
