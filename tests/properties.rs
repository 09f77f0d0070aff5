//! Property tests (proptest): the rule loader never panics on TOML-ish text,
//! no normalizer panics on any text, numbers survive number → text → number,
//! the order of articles never changes the verdicts, the consensus never
//! depends on the order of articles or mentions (on two real events with
//! rising tolls too), mutually compatible mentions are never a conflict,
//! and (once a `date` kind
//! exists) weekdays resolve within 7 days of publication, on the right day.
//!
//! `FACTLINT_PROPTEST_CASES` sets the number of cases per property (default
//! 64, for CI); a long run is e.g. `FACTLINT_PROPTEST_CASES=20000 cargo test
//! --release --test properties`. docs/robustness.md records one.

use factlint::compare;
use factlint::corpus::Article;
use factlint::extract;
use factlint::normalize::{self, numtext, RawMatch};
use factlint::rules::{self, examples};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::path::Path;

/// Hedges of every direction, and none.
const HEDGES: [&str; 5] = ["", "more than ", "at least ", "up to ", "about "];

fn config() -> Config {
    let cases = std::env::var("FACTLINT_PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

#[path = "support/fuzz_helpers.rs"]
mod helpers;
#[path = "support/fuzz_inputs.rs"]
mod inputs;
use helpers::*;
use inputs::*;

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rule_loader_never_panics(text in prop_oneof![toml_ish(), any::<String>()]) {
        let path = Path::new("fuzz/r.toml");
        match rules::parse_file_full(path, &text) {
            // Loaded facts must survive their examples being run.
            Ok((facts, _constraints)) => {
                for fact in &facts {
                    let _ = examples::check_fact(fact);
                }
            }
            Err(e) => {
                let shown = e.to_string();
                prop_assert!(shown.starts_with("fuzz/r.toml"), "error without its file: {shown}");
                prop_assert!(!shown.contains('\n'), "error on several lines: {shown}");
            }
        }
    }

    #[test]
    fn normalizers_never_panic(text in newsy(), a in 0.0..1.0f64, b in 0.0..1.0f64, published in prop::option::of(date())) {
        let value = span(&text, a, b);
        let raw = RawMatch { text: &text, value: value.clone(), whole: 0..text.len(), groups: vec![], published, timezone: None };
        let all = normalizers();
        for (name, n) in &all {
            let read = n.normalize(&raw).unwrap_or_default();
            let parsed: Vec<_> = n.parse(&text[value.clone()]).into_iter().collect();
            for x in read.iter().chain(&parsed) {
                for y in read.iter().chain(&parsed) {
                    prop_assert_eq!(n.agree(x, y), n.agree(y, x), "{}: agree is not symmetric for {:?} and {:?}", name, x, y);
                }
            }
        }
        for kind in normalize::KINDS {
            if let Some(found) = kind.find(&text, published) {
                let chars = text.chars().count();
                for f in found {
                    prop_assert!(f.start <= f.end && f.end <= chars, "{}: offsets {}..{} outside {} chars", kind.name(), f.start, f.end, chars);
                }
            }
        }
    }

    #[test]
    fn numbers_survive_text_round_trips(int in -1_000_000_000_000i64..1_000_000_000_000, cents in 0u32..10_000) {
        // Integers exactly; decimals to the four places format_number keeps.
        let value = int as f64 + if int < 0 { -1.0 } else { 1.0 } * f64::from(cents) / 10_000.0;
        let shown = normalize::format_number(value);
        let back = numtext::parse_number(&shown);
        prop_assert!(back.is_some_and(|b| (b - value).abs() <= 1e-4 * value.abs().max(1.0)), "{value} → {shown:?} → {back:?}");
        let exact = normalize::format_number(int as f64);
        prop_assert_eq!(numtext::parse_number(&exact), Some(int as f64));
    }

    #[test]
    fn number_words_read_back(n in 0u64..1_000_000_000, and in any::<bool>()) {
        let words = english(n, and);
        prop_assert_eq!(numtext::parse_number(&words), Some(n as f64), "{}", words);
        let capitalized = format!("{}{}", words[..1].to_uppercase(), &words[1..]);
        prop_assert_eq!(numtext::parse_number(&capitalized), Some(n as f64), "{}", capitalized);
    }

    #[test]
    fn article_order_never_changes_the_verdicts(
        values in prop::collection::vec((0u32..5, any::<bool>()), 1..8),
        order in any::<u64>(),
    ) {
        // Articles that state the vote count (some hedged), in a shuffled order.
        let rules = vote_rules();
        let articles: Vec<Article> = values
            .iter()
            .enumerate()
            .map(|(i, (v, hedged))| {
                let hedge = if *hedged { "some " } else { "" };
                article(&format!("{i:02}.txt"), &format!("In the end {hedge}{} countries voted in favour.\n", 139 + v))
            })
            .collect();
        let baseline = verdicts(&rules, &articles, 0);
        let mut shuffled = articles.clone();
        shuffle(&mut shuffled, order);
        prop_assert_eq!(verdicts(&rules, &shuffled, order), baseline);
    }

    #[test]
    fn consensus_never_depends_on_the_order_of_articles_or_mentions(
        values in prop::collection::vec((0u32..6, 0usize..5, 0u32..6, 0usize..5), 1..7),
        order in any::<u64>(),
        mention_order in any::<u64>(),
    ) {
        // Each article states the count twice, with bounds of every direction.
        let rules = vote_rules();
        let articles: Vec<Article> = values
            .iter()
            .enumerate()
            .map(|(i, (a, ha, b, hb))| {
                article(&format!("{i:02}.txt"), &format!(
                    "In the end {}{} countries voted in favour.\nLater {}{} countries voted in favour.\n",
                    HEDGES[*ha], 137 + a, HEDGES[*hb], 137 + b
                ))
            })
            .collect();
        let baseline = verdicts(&rules, &articles, 0);
        let mut shuffled = articles.clone();
        shuffle(&mut shuffled, order);
        prop_assert_eq!(verdicts(&rules, &shuffled, mention_order | 1), baseline);
    }

    #[test]
    fn mutually_compatible_mentions_are_never_a_conflict(
        point in 100u32..1000,
        stated in prop::collection::vec((0usize..5, 0u32..20), 2..8),
    ) {
        // Every value holds `point`: at or below it for lower bounds, at or
        // above it for upper bounds, exactly it otherwise.
        let rules = vote_rules();
        let articles: Vec<Article> = stated
            .iter()
            .enumerate()
            .map(|(i, (h, d))| {
                let v = match HEDGES[*h] {
                    "more than " | "at least " => point - d,
                    "up to " => point + d,
                    _ => point,
                };
                article(&format!("{i:02}.txt"), &format!("In the end {}{v} countries voted in favour.\n", HEDGES[*h]))
            })
            .collect();
        let json: serde_json::Value = serde_json::from_str(&verdicts(&rules, &articles, 0)).unwrap();
        for v in json.as_array().unwrap() {
            prop_assert_ne!(v["status"].as_str(), Some("conflict"), "{}", v);
            prop_assert_eq!(v["tie"].as_bool(), Some(false));
        }
    }

    #[test]
    fn seed_mention_order_never_changes_the_verdicts(order in any::<u64>()) {
        // Scanned once (slow in debug builds); each case shuffles the mentions.
        let (rules, mentions) = seed_mentions();
        let baseline = serde_json::to_string(&compare::compare(&rules.facts, mentions.clone())).unwrap();
        let mut shuffled = mentions.clone();
        shuffle(&mut shuffled, order);
        prop_assert_eq!(serde_json::to_string(&compare::compare(&rules.facts, shuffled)).unwrap(), baseline);
    }

    #[test]
    fn real_events_changing_figures_never_depend_on_mention_order(order in any::<u64>()) {
        // Ludian and Morocco with their own rules: rising tolls (updated),
        // stale figures (conflicts), self-contradictions; each case
        // shuffles the mentions before they reach the comparer.
        for (rules, mentions) in event_mentions() {
            let baseline = serde_json::to_string(&compare::compare(&rules.facts, mentions.clone())).unwrap();
            let mut shuffled = mentions.clone();
            shuffle(&mut shuffled, order);
            prop_assert_eq!(serde_json::to_string(&compare::compare(&rules.facts, shuffled)).unwrap(), baseline);
        }
    }

    #[test]
    fn scanning_any_article_with_the_seed_rules_never_panics(text in newsy(), published in prop::option::of(date())) {
        let (rules, _) = seed_mentions();
        let mut a = article("fuzz.txt", &text);
        a.source.published = published;
        let lines = text.split('\n').count();
        for m in extract::scan(rules, &a) {
            prop_assert!(m.line() >= 1 && m.line() as usize <= lines, "line {} of {}", m.line(), lines);
            prop_assert!(m.column() >= 1);
            prop_assert!(text.contains(m.text().as_str()));
        }
    }

    #[test]
    fn weekdays_resolve_within_a_week_of_publication(published in date(), day in 0usize..7, tense in 0usize..4) {
        const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        const SENTENCES: [&str; 4] = [
            "Blinken met the five foreign ministers on {}.",
            "Blinken will meet the five foreign ministers on {}.",
            "The ministers meet in Astana on {}.",
            "On {}, the General Assembly voted.",
        ];
        let Some(kind) = normalize::kind("date") else { return Ok(()) };
        let text = SENTENCES[tense].replace("{}", DAYS[day]);
        let found = kind.find(&text, Some(published)).unwrap_or_default();
        prop_assert!(!found.is_empty(), "nothing found in {text:?}");
        for f in found {
            // The value and every candidate date must hold.
            let json = serde_json::to_value(&f).unwrap();
            let mut dates = vec![json["value"].to_string()];
            if let Some(candidates) = json["extra"]["candidates"].as_array() {
                dates.extend(candidates.iter().map(|c| c.to_string()));
            }
            for shown in dates {
                let resolved = first_date(&shown);
                prop_assert!(resolved.is_some(), "no date in {shown} for {text:?}");
                let resolved = resolved.unwrap();
                let days = (resolved - published).get_days().abs();
                prop_assert!(days <= 7, "{text:?} published {published} resolved to {resolved}, {days} days away");
                prop_assert_eq!(resolved.weekday().to_monday_zero_offset() as usize, day, "{} is not a {}", resolved, DAYS[day]);
            }
        }
    }
}

/// Regressions (found by `normalizers_never_panic` in long runs): the date
/// kind cut a clause one byte after an em dash, inside it, and looked 40
/// bytes back for "3 days after" from inside a dash.
#[test]
fn weekdays_after_an_em_dash_resolve() {
    let Some(kind) = normalize::kind("date") else {
        return;
    };
    let published = jiff::civil::date(2023, 3, 2);
    for text in [
        "Blinken met them — on Tuesday — in Astana.",
        "—Tuesday",
        "“Tuesday”, he said.",
        "— a C5+1 about yesterday « « 28 bn .5 Tuesday",
    ] {
        let found = kind.find(text, Some(published)).unwrap_or_default();
        assert!(
            found.iter().any(|f| f.value.value == "2023-02-28"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn date_property_runs_only_with_a_date_kind() {
    if normalize::kind("date").is_none() {
        eprintln!("note: no `date` kind is registered; weekdays_resolve_within_a_week_of_publication checked nothing");
    }
}

/// Regression (found by `normalizers_never_panic`): money's "MUSD" reader
/// split a lone 4-byte character after its first byte.
#[test]
fn every_kind_survives_astral_characters() {
    for text in ["𛀀", "𛀀 141", "M𛀀", "$𝕃5", "141 🙂 km"] {
        let raw = RawMatch {
            text,
            value: 0..0,
            whole: 0..text.len(),
            groups: vec![],
            published: None,
            timezone: None,
        };
        let whole = RawMatch {
            value: 0..text.len(),
            ..raw.clone()
        };
        for (_, n) in normalizers() {
            let _ = n.normalize(&raw);
            let _ = n.normalize(&whole);
            let _ = n.parse(text);
        }
    }
}

#[test]
fn english_numbers_read_as_written() {
    assert_eq!(english(141, true), "one hundred and forty-one");
    assert_eq!(english(7_500, false), "seven thousand five hundred");
    assert_eq!(english(25_000_000, false), "twenty-five million");
}

#[test]
fn seed_verdicts_are_real() {
    let (rules, articles) = seeds();
    assert_eq!(articles.len(), 5);
    let json = verdicts(&rules, &articles, 0);
    assert!(
        json.contains("\"status\": \"conflict\""),
        "the seeds hold a conflict"
    );
    assert!(!seed_mentions().1.is_empty());
}

/// The real events whose facts change over time, each with its own rules,
/// scanned once (slow in debug builds).
fn event_mentions() -> &'static Vec<(rules::RuleSet, Vec<extract::Mention>)> {
    static EVENTS: std::sync::OnceLock<Vec<(rules::RuleSet, Vec<extract::Mention>)>> =
        std::sync::OnceLock::new();
    EVENTS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events");
        ["ludian-earthquake-2014", "morocco-earthquake-2023"]
            .iter()
            .map(|slug| {
                let rules = rules::RuleSet::load(&[root.join(slug).join("rules.toml")]).unwrap();
                let entries =
                    factlint::corpus::discover(&[root.join(slug).join("articles")]).unwrap();
                let mentions = entries
                    .iter()
                    .filter_map(|e| factlint::corpus::read(e).unwrap().0)
                    .flat_map(|a| extract::scan(&rules, &a))
                    .collect();
                (rules, mentions)
            })
            .collect()
    })
}

#[test]
fn the_real_events_of_the_order_property_hold_updates_and_conflicts() {
    // The property above is not vacuous: both events have facts that rise
    // (updated) and facts with a conflict among their changing figures.
    for (rules, mentions) in event_mentions() {
        let verdicts = compare::compare(&rules.facts, mentions.clone());
        let status = |id: &str| {
            let v = verdicts.iter().find(|v| v.id == id).unwrap();
            serde_json::to_value(v).unwrap()["status"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert_eq!(status("death-toll"), "updated");
        assert_eq!(status("injured"), "conflict");
    }
}
