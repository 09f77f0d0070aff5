//! Issue 19 on the real coverage in tests/fixtures/events: at the default
//! threshold the election articles' "Mohsen Rezai", "Mohsen Rezaee" and a
//! later "Rezai" are found for "Mohsen Rezaei" (they were not: the finder
//! compared the surname alone); the takeover articles' "Alberstons" is
//! found without being listed, also inside "Kroger-Alberstons"; and "Kroger
//! Chairman and CEO Rodney McMullen" has the title "Chairman and CEO".

mod common;

use common::{root, run_in};
use serde_json::Value;

/// (source, line, text, value, note) of every mention of `id` (and subject).
fn mentions(
    event: &str,
    id: &str,
    subject: Option<&str>,
) -> Vec<(String, u64, String, String, String)> {
    let rules = root().join("tests/fixtures/issue19/names.toml");
    let out = run_in(
        &root().join("tests/fixtures/events").join(event),
        &[
            "check",
            "--no-config",
            "articles",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fact = json["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id && f["subject"].as_str() == subject)
        .unwrap_or_else(|| panic!("no fact {id}"));
    fact["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["source"].as_str().unwrap().to_string(),
                m["line"].as_u64().unwrap(),
                m["text"].as_str().unwrap().to_string(),
                m["value"].as_str().unwrap().to_string(),
                m["note"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn rezaei_is_found_however_the_election_coverage_spells_him() {
    let found = mentions("iran-election-2021", "rezaei", None);
    let has = |source: &str, text: &str| found.iter().any(|m| m.0 == source && m.2 == text);
    assert!(has("05-infobalkans.txt", "Mohsen Rezai"), "{found:?}");
    assert!(has("06-pledge-times.txt", "Mohsen Rezai"), "{found:?}");
    assert!(has("09-efe.txt", "Mohsen Rezaee"), "{found:?}");
    assert!(has("11-times-of-israel.txt", "Rezai"), "{found:?}");
    assert!(has("03-asfe-world.txt", "Rezaei"), "{found:?}");
    let rezai = found.iter().find(|m| m.0 == "05-infobalkans.txt").unwrap();
    assert_eq!(
        rezai.4,
        "variant of “Mohsen Rezaei”, similarity 0.92: Rezai for Rezaei (transliteration)"
    );
    // Every article that names him: 13 of the 16 (07-euronews writes a
    // garbled "Mohsen RezaĆ" once, and "Rezaei" later, which is found).
    let sources: std::collections::BTreeSet<&str> = found.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(sources.len(), 13, "{sources:?}");
}

#[test]
fn the_takeover_typo_and_titles_are_read() {
    let albertsons = mentions("kroger-albertsons-2022", "albertsons", None);
    let typos: Vec<(&str, &str, &str)> = albertsons
        .iter()
        .filter(|m| m.3 != "Albertsons")
        .map(|m| (m.0.as_str(), m.2.as_str(), m.4.as_str()))
        .collect();
    assert_eq!(
        typos,
        [
            (
                "03-wicked-local.txt",
                "Alberstons",
                "variant of Albertsons: letters swapped"
            ),
            (
                "06-wfaa-ap.txt",
                "Alberstons",
                "variant of Albertsons: letters swapped"
            ),
        ]
    );
    let titles = mentions("kroger-albertsons-2022", "mcmullen", Some("title"));
    let shown: Vec<(&str, &str)> = titles
        .iter()
        .map(|m| (m.0.as_str(), m.3.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("10-ibtimes.txt", "Chairman and CEO"),
            ("11-yahoo.txt", "CEO and Chairman")
        ]
    );
}
