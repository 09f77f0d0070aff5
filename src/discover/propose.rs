//! Proposals: the (kind, cue) pairs and the spellings that the survey of a
//! corpus ([`super::Survey`]) says are worth checking, written as cue-based
//! rules — no regex: an id, a claim made of the cue word, the kind (and the
//! unit or currency it is stated in), `cues`, `window = "sentence"` when
//! the cue stands beyond the value's clause, `severity = "info"` for review,
//! and examples taken from the articles' own sentences.
//!
//! A pair is proposed when values stand near the cue in two articles or
//! more and, in at least half of them, near the cue the article gives one
//! value only (a cue near many different values, "Kazakhstan" near every
//! figure of a story, governs none of them). A name or term is proposed
//! when the corpus spells it two ways or more.

use super::spell::{self, Spellings};
use super::Survey;
use crate::compare::Verdict;
use crate::corpus::Source;
use crate::error::{Error, Location, Result};
use crate::rules::examples;
use std::collections::BTreeSet;
use std::path::Path;

/// The most proposals checked (the best by articles and specificity).
const MAX_PROPOSALS: usize = 400;
/// The least share of articles that state one value near the cue.
const MIN_SPECIFIC: f64 = 0.5;
/// The least share of those articles whose values are among the two most
/// frequent ([`super::CueStats::cohesion`]): below it the values near the
/// cue are scattered ("prices" near a new date in every article) and make
/// no candidate worth its check.
const MIN_COHESION: f64 = 0.25;
/// Examples drafted per rule.
const EXAMPLES: usize = 2;

/// One draft rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub id: String,
    pub kind: &'static str,
    pub claim: String,
    /// The rule's other fields, `key = value` as TOML writes them.
    pub fields: Vec<(String, String)>,
    /// Words between the cue and its value, on average over the articles
    /// (0 for names and terms): governing words stand next to their value.
    pub distance: f64,
    /// The cue stands beyond the value's clause.
    pub beyond: bool,
    /// The cue word as the rule writes it (empty for names and terms).
    pub cue: String,
    /// How rare the cue word is in the corpus ([`super::Survey::rarity`]; 1 for names and terms).
    pub rarity: f64,
}

/// A string as TOML writes it, quoted and escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The words of `s` as an id part: ASCII letters and digits, `-` between.
fn slug(s: &str) -> String {
    let folded = crate::normalize::fold::fold(s);
    let out: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let out = out
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if out.is_empty() {
        "x".into()
    } else {
        out
    }
}

/// What a kind's value is called in a claim.
fn what(kind: &str, unit: &str) -> String {
    match kind {
        "date" => "date".into(),
        "time" => "time of day".into(),
        "money" => format!("amount ({unit})"),
        "percent" => "percentage".into(),
        "quantity" => format!("quantity ({unit})"),
        "year" => "year".into(),
        _ => "number".into(),
    }
}

/// The proposals of a corpus, best first: typed values near cues, then
/// names and terms spelled two ways or more.
pub fn proposals(survey: &Survey) -> Vec<Proposal> {
    let mut pairs: Vec<(&super::CueKey, &super::CueStats, f64)> = survey
        .cues
        .iter()
        .filter(|(_, s)| s.articles >= 2)
        .filter_map(|(k, s)| {
            let specific = s.specific as f64 / s.articles as f64;
            let rare = survey.rarity(&k.stem);
            let cohesion = s.cohesion();
            (specific >= MIN_SPECIFIC && cohesion >= MIN_COHESION).then_some((
                k,
                s,
                s.articles as f64 * specific * rare * cohesion,
            ))
        })
        .collect();
    // Best first; ties by nearness, then by the key, so the order is stable.
    pairs.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then((a.1.distance * b.1.articles).cmp(&(b.1.distance * a.1.articles)))
            .then(a.0.cmp(b.0))
    });
    let mut ids = BTreeSet::new();
    let mut unique = |base: String| {
        let mut id = base.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    };
    let mut out = Vec::new();
    for (key, stats, _) in pairs.into_iter().take(MAX_PROPOSALS) {
        let beyond = if key.sentence { "-sentence" } else { "" };
        let unit = stats.unit.as_str();
        let ordinal = key.kind == "number" && key.dim == super::cue::ORDINAL;
        let dim = if ordinal {
            "-ordinal".to_string()
        } else if unit.is_empty() {
            String::new()
        } else {
            format!("-{}", slug(unit))
        };
        let id = unique(format!(
            "{}-{}{dim}{beyond}",
            key.kind,
            slug(&stats.surface)
        ));
        let mut fields = Vec::new();
        match key.kind {
            "quantity" => fields.push(("unit".into(), quoted(unit))),
            "money" => fields.push(("currency".into(), quoted(unit))),
            _ if ordinal => fields.push(("ordinal".into(), "true".into())),
            _ => {}
        }
        fields.push(("cues".into(), format!("[{}]", quoted(&stats.surface))));
        if key.sentence {
            fields.push(("window".into(), quoted("sentence")));
        }
        let place = if key.sentence {
            "in the sentence of"
        } else {
            "near"
        };
        out.push(Proposal {
            id,
            kind: key.kind,
            claim: format!(
                "The {} stated {place} “{}”.",
                if ordinal {
                    "ordinal".into()
                } else {
                    what(key.kind, unit)
                },
                stats.surface
            ),
            fields,
            distance: stats.distance as f64 / stats.articles as f64,
            beyond: key.sentence,
            rarity: survey.rarity(&key.stem),
            cue: stats.surface.clone(),
        });
    }
    for (kind, groups) in [
        ("name", spell::group_names(&survey.names)),
        ("term", spell::group_terms(&survey.terms)),
    ] {
        for group in groups.iter().filter(|g| g.articles() >= 2) {
            out.push(spelled(kind, group, &mut unique));
        }
    }
    out
}

/// A name or term rule: the spelling most articles write, the others as variants.
fn spelled(
    kind: &'static str,
    group: &Spellings,
    unique: &mut dyn FnMut(String) -> String,
) -> Proposal {
    let canonical = group.canonical().to_string();
    let variants: Vec<String> = group
        .forms
        .keys()
        .filter(|f| **f != canonical)
        .map(|f| quoted(f))
        .collect();
    let noun = if kind == "name" { "name" } else { "term" };
    Proposal {
        id: unique(format!("{kind}-{}", slug(&canonical))),
        kind,
        claim: format!("The {noun} is spelled “{canonical}”."),
        fields: vec![
            ("canonical".into(), quoted(&canonical)),
            ("variants".into(), format!("[{}]", variants.join(", "))),
        ],
        distance: 0.0,
        beyond: false,
        rarity: 1.0,
        cue: String::new(),
    }
}

/// The rules as TOML, each with its `examples` lines (already written).
pub fn toml(proposals: &[Proposal], examples: Option<&[Vec<String>]>) -> String {
    let mut out = String::new();
    for (i, p) in proposals.iter().enumerate() {
        out.push_str("[[fact]]\n");
        out.push_str(&format!("id = {}\n", quoted(&p.id)));
        out.push_str(&format!("claim = {}\n", quoted(&p.claim)));
        out.push_str(&format!("kind = {}\n", quoted(p.kind)));
        for (k, v) in &p.fields {
            out.push_str(&format!("{k} = {v}\n"));
        }
        out.push_str("severity = \"info\"\n");
        if let Some(list) = examples.and_then(|e| e.get(i)).filter(|l| !l.is_empty()) {
            out.push_str("examples = [\n");
            for e in list {
                out.push_str(&format!("  {e},\n"));
            }
            out.push_str("]\n");
        }
        out.push('\n');
    }
    out
}

/// The file `--write-rules` writes: a header, then each kept proposal with
/// examples from its verdict's mentions — only examples the rule loader
/// passes, so `check` and `rules test` load the file without edits.
pub fn drafted(
    kept: &[&Proposal],
    verdicts: &[Verdict],
    sources: &[Source],
    path: &Path,
) -> Result<String> {
    let mut all = Vec::new();
    for (p, v) in kept.iter().zip(verdicts) {
        let mut chosen: Vec<String> = Vec::new();
        let mut values = BTreeSet::new();
        for m in v
            .mentions
            .iter()
            .filter(|m| m.mention.normalized().is_resolved())
        {
            let n = &m.mention.normalized();
            if chosen.len() >= EXAMPLES || !values.insert(n.value.clone()) {
                continue;
            }
            let mut example = format!(
                "{{ text = {}, value = {}",
                quoted(m.mention.quote()),
                quoted(&n.value)
            );
            if !matches!(p.kind, "name" | "term") {
                example.push_str(&format!(", approximate = {}", n.approximate));
            }
            let published = sources
                .iter()
                .find(|s| s.path == *m.mention.path())
                .and_then(|s| s.published);
            if let Some(date) = published.filter(|_| matches!(p.kind, "date" | "time")) {
                example.push_str(&format!(", published = {date}"));
            }
            example.push_str(" }");
            if passes(p, &example, path) {
                chosen.push(example);
            }
        }
        all.push(chosen);
    }
    let owned: Vec<Proposal> = kept.iter().map(|p| (*p).clone()).collect();
    let header =
        "# Draft rules written by `factlint discover`: one fact per candidate, cue-based\n\
        # (no regex), severity \"info\" until reviewed. Edit the claims, keep the facts that\n\
        # matter, and run `factlint rules test` and `factlint check` with this file.\n\n";
    let text = format!("{header}{}", toml(&owned, Some(&all)));
    let (_, _, errors) = crate::rules::parse_file_all(path, &text);
    match errors.into_iter().next() {
        None => Ok(text),
        Some(e) => Err(Error::rules(
            Location::file(path),
            format!("the drafted rules do not load: {e}"),
            "report this as a bug of `factlint discover`",
        )),
    }
}

/// Whether one example passes for the proposal, as the rule loader checks it.
fn passes(p: &Proposal, example: &str, path: &Path) -> bool {
    let text = toml(std::slice::from_ref(p), Some(&[vec![example.to_string()]]));
    let (facts, _, errors) = crate::rules::parse_file_all(path, &text);
    errors.is_empty() && facts.iter().all(|f| examples::check_fact(f).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_and_strings_are_quoted() {
        assert_eq!(slug("Kassym-Jomart Tokaïev"), "kassym-jomart-tokaiev");
        assert_eq!(slug("C5+1"), "c5-1");
        assert_eq!(slug("’"), "x");
        // TOML's own writer picks the quotes: a literal string where it can.
        let back: toml::Table = toml::from_str(&format!("k = {}", quoted("say \"hi\" ’"))).unwrap();
        assert_eq!(back["k"].as_str(), Some("say \"hi\" ’"));
    }

    #[test]
    fn proposals_load_as_rules() {
        let p = Proposal {
            id: "quantity-border-km".into(),
            kind: "quantity",
            claim: "The quantity (km) stated near “border”.".into(),
            fields: vec![
                ("unit".into(), quoted("km")),
                ("cues".into(), "[\"border\"]".into()),
            ],
            distance: 1.0,
            beyond: false,
            rarity: 1.0,
            cue: "border".into(),
        };
        let example = r#"{ text = "Kazakhstan shares some 7,500 kilometers of border with Russia.", value = "7500 km", approximate = true }"#;
        assert!(passes(&p, example, Path::new("d.toml")));
        let wrong = example.replace("7500 km", "7600 km");
        assert!(!passes(&p, &wrong, Path::new("d.toml")));
    }
}
