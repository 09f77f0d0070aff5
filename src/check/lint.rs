//! `factlint rules lint`: checks of rule files beyond loading them. Each
//! finding names a check and a place:
//!
//! - `id-case`: a fact id that does not follow the id style (kebab-case,
//!   `un-vote-date`, unless `[lint] id_pattern` in factlint.toml sets
//!   another, or `""` to turn it off);
//! - `unreachable-pattern`: a pattern equal to an earlier one of the same
//!   fact, or one whose every match (in the examples and the corpus) an
//!   earlier pattern already claims, so it yields no mention there;
//! - `no-corpus-match`: a pattern that matches nothing in the corpus while
//!   another pattern of its fact does, or once per fact when none does;
//! - `no-example`: a pattern that no matching example exercises;
//! - `overlap`: two facts whose patterns claim the same words of an article.
//!
//! A pattern's match counts by its value groups: `value`, or the groups a
//! fact's `subjects` name. `[lint] ignore = ["no-example"]` turns checks off.

use crate::config::{LintSettings, KEBAB_IDS};
use crate::corpus::Article;
use crate::error::Location;
use crate::rules::{Fact, RuleSet};
use std::collections::BTreeSet;
use std::ops::Range;

/// One lint finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub at: Location,
    /// The check's name (`id-case`, …).
    pub check: &'static str,
    pub message: String,
}

/// Whether `id` is kebab-case: lower-case letters and digits in words joined by `-`.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Value spans of pattern `i` of `fact` in `text[from..]`: the `value`
/// group, or each group the fact's `subjects` name.
fn spans(fact: &Fact, i: usize, text: &str, from: usize) -> Vec<Range<usize>> {
    let value = ["value".to_string()];
    let groups: &[String] = if fact.values.is_empty() {
        &value
    } else {
        &fact.values
    };
    fact.patterns[i]
        .regex
        .captures_iter(&text[from..])
        .flat_map(|c| {
            groups
                .iter()
                .filter_map(|g| c.name(g).map(|m| m.start() + from..m.end() + from))
                .collect::<Vec<_>>()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every finding for `rules`, checked against `corpus` (may be empty: then
/// the corpus checks are skipped).
pub fn lint(rules: &RuleSet, corpus: &[Article]) -> Vec<Finding> {
    lint_with(rules, corpus, &LintSettings::default())
}

/// [`lint`] with the settings of `[lint]` in factlint.toml.
pub fn lint_with(rules: &RuleSet, corpus: &[Article], settings: &LintSettings) -> Vec<Finding> {
    let mut findings = Vec::new();
    for fact in &rules.facts {
        if let Some(style) = &settings.id_pattern {
            if !style.is_match(&fact.id) {
                let like = if style.as_str() == KEBAB_IDS {
                    "is not kebab-case (like `un-vote-date`)".to_string()
                } else {
                    format!("does not match the id_pattern `{}`", style.as_str())
                };
                findings.push(Finding {
                    at: fact.origin.clone(),
                    check: "id-case",
                    message: format!(
                        "fact id `{}` {like}; set `[lint] id_pattern` in factlint.toml for another style",
                        fact.id
                    ),
                });
            }
        }
        let examples: Vec<&str> = fact
            .examples
            .iter()
            .filter(|e| e.matches)
            .map(|e| e.text.as_str())
            .collect();
        let texts: Vec<(&str, usize)> = examples
            .iter()
            .map(|t| (*t, 0))
            .chain(corpus.iter().map(|a| (a.text.as_str(), a.body_start)))
            .collect();
        let stated = corpus.iter().any(|a| {
            (0..fact.patterns.len()).any(|i| !spans(fact, i, &a.text, a.body_start).is_empty())
        });
        if !corpus.is_empty() && !stated && !fact.patterns.is_empty() {
            findings.push(Finding {
                at: fact.origin.clone(),
                check: "no-corpus-match",
                message: format!(
                    "no pattern of `{}` matches anything in the corpus ({} articles): is it the right corpus?",
                    fact.id,
                    corpus.len()
                ),
            });
        }
        for (i, pattern) in fact.patterns.iter().enumerate() {
            let at = pattern.origin.clone();
            if let Some(j) = fact.patterns[..i]
                .iter()
                .position(|p| p.regex.as_str() == pattern.regex.as_str())
            {
                findings.push(Finding {
                    at,
                    check: "unreachable-pattern",
                    message: format!(
                        "pattern {} of `{}` repeats pattern {}",
                        i + 1,
                        fact.id,
                        j + 1
                    ),
                });
                continue;
            }
            let mut matched = false;
            let mut wins = false;
            for (text, from) in &texts {
                let earlier: Vec<Range<usize>> =
                    (0..i).flat_map(|k| spans(fact, k, text, *from)).collect();
                for span in spans(fact, i, text, *from) {
                    matched = true;
                    wins |= !earlier.iter().any(|e| overlaps(e, &span));
                }
            }
            if matched && !wins {
                findings.push(Finding {
                    at: at.clone(),
                    check: "unreachable-pattern",
                    message: format!("pattern {} of `{}` yields no mention in the examples or the corpus: an earlier pattern claims every place it matches (add an example only it matches, or drop it)", i + 1, fact.id),
                });
            }
            // A fact the corpus never states is one finding (below), not one per pattern.
            if !corpus.is_empty()
                && stated
                && corpus
                    .iter()
                    .all(|a| spans(fact, i, &a.text, a.body_start).is_empty())
            {
                findings.push(Finding {
                    at: at.clone(),
                    check: "no-corpus-match",
                    message: format!(
                        "pattern {} of `{}` matches nothing in the corpus",
                        i + 1,
                        fact.id
                    ),
                });
            }
            if !examples.iter().any(|t| !spans(fact, i, t, 0).is_empty()) {
                findings.push(Finding {
                    at,
                    check: "no-example",
                    message: format!(
                        "pattern {} of `{}` has no example that it matches",
                        i + 1,
                        fact.id
                    ),
                });
            }
        }
    }
    findings.extend(overlap(rules, corpus));
    findings.retain(|f| !settings.ignore.contains(f.check));
    findings.sort();
    findings
}

/// Facts whose mentions claim the same words, once per pair and article.
fn overlap(rules: &RuleSet, corpus: &[Article]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen = BTreeSet::new();
    for article in corpus {
        let hits: Vec<(&Fact, Range<usize>)> = rules
            .facts
            .iter()
            .flat_map(|f| {
                crate::rules::hits(f, &article.text, article.body_start, article.source.dated())
                    .into_iter()
                    .map(move |h| (f, h.value))
            })
            .collect();
        for (i, (a, ra)) in hits.iter().enumerate() {
            for (b, rb) in &hits[i + 1..] {
                if a.id != b.id
                    && overlaps(ra, rb)
                    && seen.insert((a.id.clone(), b.id.clone(), article.source.path.clone()))
                {
                    let start = ra.start.min(rb.start);
                    let (line, column) = crate::text::line_col(&article.text, start);
                    findings.push(Finding {
                        at: Location::at(&article.source.path, line, column),
                        check: "overlap",
                        message: format!(
                            "facts `{}` ({}) and `{}` ({}) both claim “{}”",
                            a.id,
                            a.origin,
                            b.id,
                            b.origin,
                            &article.text[start..ra.end.max(rb.end)]
                        ),
                    });
                }
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        for yes in ["un-vote-date", "c5-plus-one-name", "x"] {
            assert!(is_kebab(yes), "{yes}");
        }
        for no in [
            "UN-vote",
            "un_vote",
            "un--vote",
            "-un",
            "un-",
            "",
            "vote date",
        ] {
            assert!(!is_kebab(no), "{no}");
        }
    }
}
