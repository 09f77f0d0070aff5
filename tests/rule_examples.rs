//! Every example in the bundled rule files behaves as written: texts that
//! must match yield their value, texts that must not match do not.

use factlint::rules::{examples, RuleSet};
use std::path::PathBuf;

#[test]
fn every_bundled_rule_example_passes() {
    let rules = RuleSet::load_unchecked(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")])
        .unwrap();
    assert!(rules.facts.len() >= 8);
    let mut failures = Vec::new();
    for fact in &rules.facts {
        assert!(
            !fact.examples.is_empty(),
            "fact {} has no examples",
            fact.id
        );
        assert!(
            fact.examples.iter().any(|e| e.matches),
            "fact {} has no example that must match",
            fact.id
        );
        failures.extend(
            examples::check_fact(fact)
                .into_iter()
                .map(|f| format!("{}: {}", f.origin, f.message)),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_wrong_example_is_reported_with_its_line() {
    let text = "[[fact]]\nid = \"y\"\nclaim = \"c\"\nkind = \"year\"\npatterns = ['in (?P<value>\\d{4})']\nexamples = [\n  { text = \"in 2015\", value = \"2015\" },\n  { text = \"in 2016\", value = \"2015\" },\n  { text = \"in 2017\", match = false },\n]\n";
    let facts = factlint::rules::parse_file(std::path::Path::new("r.toml"), text).unwrap();
    let failures = examples::check_fact(&facts[0]);
    let shown: Vec<String> = failures
        .iter()
        .map(|f| format!("{}: {}", f.origin, f.message))
        .collect();
    assert_eq!(
        shown,
        [
            "r.toml:8:12: \"in 2016\" yields \"2016\", not \"2015\"",
            "r.toml:9:12: \"in 2017\" must not match, but a pattern found \"2017\""
        ]
    );
}
