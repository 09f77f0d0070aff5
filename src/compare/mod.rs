//! The comparer: for each fact (and subject, where one mention states values
//! for several), decides whether the sources agree, who the outliers are,
//! and whether the values match the public record.
//!
//! Two values agree when the fact's normalizer says so (intervals that meet
//! within tolerance, candidate dates that intersect, equal spellings). When
//! some do not, the consensus is the value most sources agree with (ties go
//! to the value that matches the record, then to the first in sorted order;
//! a value compatible with every source, such as "abstained or did not
//! vote", is never the consensus of a conflict); the outliers are the
//! sources with a value that disagrees with it. Expected values given for a
//! subject replace the fact-wide ones for that subject.

pub mod constraints;
pub mod draft;
pub mod suppress;

use crate::extract::Mention;
use crate::normalize::{Normalized, Normalizer};
use crate::rules::{Fact, Severity};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How the sources stand on a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Two or more sources, all values compatible.
    Agree,
    /// Values incompatible.
    Conflict,
    /// One source states it.
    Single,
    /// No source states it.
    Missing,
    /// Mentioned, but no value could be resolved (the mentions say why).
    Unresolved,
}

/// How the values stand against the fact's `expect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reference {
    Match,
    Mismatch,
    /// No `expect`, or nothing to compare with it.
    None,
}

/// One mention in a verdict, with how it stands.
#[derive(Debug, Clone, Serialize)]
pub struct MentionVerdict {
    #[serde(flatten)]
    pub mention: Mention,
    /// Disagrees with the consensus.
    pub outlier: bool,
    /// Disagrees with every expected value.
    pub mismatch: bool,
    /// Accepted by an inline marker or the baseline (see [`suppress`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
}

impl MentionVerdict {
    /// Whether the mention takes part in its verdict's contradiction.
    pub fn is_conflicting(&self) -> bool {
        (self.outlier || self.mismatch) && self.suppressed.is_none()
    }
}

/// Why a mention is not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Suppression {
    /// An ignore marker in the article.
    Inline,
    /// An entry of the baseline file.
    Baseline,
}

/// The verdict on one fact (and subject).
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub id: String,
    pub claim: String,
    pub kind: String,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub status: Status,
    pub reference: Reference,
    pub expected: Option<String>,
    /// The value most sources give (set when there is a conflict).
    pub consensus: Option<String>,
    /// Sources whose value disagrees with the consensus, by path (two
    /// articles may share a file name in different folders).
    pub outliers: Vec<String>,
    /// Where the fact is defined, "rules/seed.toml:12:6".
    pub rule: String,
    pub mentions: Vec<MentionVerdict>,
    /// A contradiction every conflicting mention of which is in the baseline.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub suppressed: bool,
}

impl Verdict {
    /// A disagreement between sources or with the record, not accepted.
    pub fn is_contradiction(&self) -> bool {
        (self.status == Status::Conflict || self.reference == Reference::Mismatch)
            && !self.suppressed
    }
}

/// How often each source (by path) is an outlier across contradictions, most first.
pub fn outlier_counts(verdicts: &[Verdict]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for v in verdicts.iter().filter(|v| v.is_contradiction()) {
        for source in &v.outliers {
            *counts.entry(source.clone()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Verdicts for every fact, in rule order; subjects sorted within a fact.
pub fn compare(facts: &[Fact], mentions: Vec<Mention>) -> Vec<Verdict> {
    // Looked up once per mention: a map, not a scan of 1,000 facts.
    let ids: std::collections::HashMap<&str, &str> = facts
        .iter()
        .map(|f| (f.id.as_str(), f.id.as_str()))
        .collect();
    let mut by_fact: BTreeMap<&str, BTreeMap<Option<String>, Vec<Mention>>> = BTreeMap::new();
    for m in mentions {
        let Some(&id) = ids.get(m.fact.as_str()) else {
            continue;
        };
        by_fact
            .entry(id)
            .or_default()
            .entry(m.normalized.subject.clone())
            .or_default()
            .push(m);
    }
    let mut verdicts = Vec::new();
    for fact in facts {
        match by_fact.remove(fact.id.as_str()) {
            None => verdicts.push(judge(fact, None, Vec::new())),
            Some(groups) => verdicts.extend(
                groups
                    .into_iter()
                    .map(|(subject, ms)| judge(fact, subject, ms)),
            ),
        }
    }
    verdicts
}

/// The verdict on one fact (and subject) from its mentions.
pub fn judge(fact: &Fact, subject: Option<String>, mut mentions: Vec<Mention>) -> Verdict {
    mentions.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.normalized.value).cmp(&(
            &b.path,
            b.line,
            b.column,
            &b.normalized.value,
        ))
    });
    let n = &fact.normalizer;
    let resolved: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.normalized.is_resolved())
        .collect();
    let sources: BTreeSet<&str> = resolved.iter().map(|m| m.path.as_str()).collect();
    let expect = expected_for(fact, subject.as_ref());
    let matches_record = |v: &Normalized| expect.iter().any(|e| n.agree(v, e));

    let values: Vec<&Normalized> = resolved.iter().map(|m| &m.normalized).collect();
    let all_agree = all_agree(n.as_ref(), &values);
    let status = match (
        mentions.is_empty(),
        resolved.is_empty(),
        sources.len(),
        all_agree,
    ) {
        (true, ..) => Status::Missing,
        (false, true, ..) => Status::Unresolved,
        (_, _, _, false) => Status::Conflict,
        (_, _, 1, true) => Status::Single,
        _ => Status::Agree,
    };

    let mut consensus = None;
    let mut outliers = BTreeSet::new();
    if status == Status::Conflict {
        if let Some(value) = consensus_of(fact, &resolved, &expect, false) {
            consensus = Some(value.clone());
            for m in &resolved {
                if !n.agree(&m.normalized, value) {
                    outliers.insert(m.path.clone());
                }
            }
        }
    }

    let reference = if expect.is_empty() || resolved.is_empty() {
        Reference::None
    } else if resolved.iter().all(|m| matches_record(&m.normalized)) {
        Reference::Match
    } else {
        Reference::Mismatch
    };

    let mentions = mentions
        .into_iter()
        .map(|m| {
            let resolved = m.normalized.is_resolved();
            let outlier = resolved
                && consensus
                    .as_ref()
                    .is_some_and(|c| !n.agree(&m.normalized, c));
            let mismatch = resolved && !expect.is_empty() && !matches_record(&m.normalized);
            MentionVerdict {
                mention: m,
                outlier,
                mismatch,
                suppressed: None,
            }
        })
        .collect();
    Verdict {
        id: fact.id.clone(),
        claim: fact.claim.clone(),
        kind: fact.kind.to_string(),
        severity: fact.severity,
        subject,
        status,
        reference,
        expected: {
            let shown: Vec<String> = expect.iter().map(|e| keyed(e)).collect();
            (!shown.is_empty()).then(|| shown.join(" or "))
        },
        consensus: consensus.map(|c| keyed(&c)),
        outliers: outliers.into_iter().collect(),
        rule: fact.origin.to_string(),
        mentions,
        suppressed: false,
    }
}

/// Whether every two of `values` agree, each pair asked earlier first (as
/// `values[i]` with `values[j]` for every i < j), asking about each pair of
/// distinct values once: a fact stated 10,000 times in three spellings
/// costs nine questions, not fifty million.
fn all_agree(n: &dyn Normalizer, values: &[&Normalized]) -> bool {
    // The distinct values: each with where it first and last occurs, and how often.
    let mut distinct: Vec<(&Normalized, usize, usize, usize)> = Vec::new();
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, v) in values.iter().enumerate() {
        let same = by_text.entry(v.value.as_str()).or_default();
        match same.iter().find(|&&d| distinct[d].0 == *v) {
            Some(&d) => {
                distinct[d].2 = i;
                distinct[d].3 += 1;
            }
            None => {
                same.push(distinct.len());
                distinct.push((v, i, i, 1));
            }
        }
    }
    distinct
        .iter()
        .enumerate()
        .all(|(a, &(x, first_x, _, count_x))| {
            distinct.iter().enumerate().all(|(b, &(y, _, last_y, _))| {
                // x is asked against y when x occurs before y somewhere.
                let asked = if a == b {
                    count_x > 1
                } else {
                    first_x < last_y
                };
                !asked || n.agree(x, y)
            })
        })
}

/// The expected values for `subject`: those given for this very subject
/// replace the fact-wide ones.
pub fn expected_for<'f>(fact: &'f Fact, subject: Option<&String>) -> Vec<&'f Normalized> {
    let own: Vec<&Normalized> = fact
        .expect
        .iter()
        .filter(|e| e.subject.is_some() && e.subject.as_ref() == subject)
        .collect();
    if own.is_empty() {
        fact.expect.iter().filter(|e| e.subject.is_none()).collect()
    } else {
        own
    }
}

/// The value most sources of `resolved` agree with (ties: the one on the
/// record, then the first in sorted order). A value every source is
/// compatible with ("abstained or did not vote") cannot settle a conflict,
/// since it would leave no outliers; with `fallback` it is still taken
/// when nothing else is left (all sources agree).
pub fn consensus_of<'m>(
    fact: &Fact,
    resolved: &[&'m Mention],
    expect: &[&Normalized],
    fallback: bool,
) -> Option<&'m Normalized> {
    let n = &fact.normalizer;
    let mut candidates: Vec<&Normalized> = resolved.iter().map(|m| &m.normalized).collect();
    candidates.sort_by(|a, b| a.value.cmp(&b.value));
    candidates.dedup_by(|a, b| {
        a.value == b.value && a.approximate == b.approximate && a.bound == b.bound
    });
    // The mentions grouped by value (equal values agree alike), each group
    // with the sources that state it: each candidate is weighed against
    // every distinct value, not every mention (a fact stated 30,000 times
    // in 300 variants is 300 × 300 questions, not 300 × 30,000).
    let mut sources: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<(&Normalized, Vec<usize>)> = Vec::new();
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for m in resolved {
        let next = sources.len();
        let source = *sources.entry(m.path.as_str()).or_insert(next);
        let same = by_text.entry(m.normalized.value.as_str()).or_default();
        match same.iter().find(|&&g| *groups[g].0 == m.normalized) {
            Some(&g) => groups[g].1.push(source),
            None => {
                same.push(groups.len());
                groups.push((&m.normalized, vec![source]));
            }
        }
    }
    // seen[source] == stamp: the source was counted for the current candidate.
    let mut seen = vec![usize::MAX; sources.len()];
    let mut best: Option<(bool, usize, bool, &Normalized)> = None;
    for (stamp, value) in candidates.into_iter().enumerate() {
        let agreeing: Vec<bool> = groups.iter().map(|(g, _)| n.agree(g, value)).collect();
        let settles = !agreeing.iter().all(|a| *a);
        if !settles && !fallback {
            continue;
        }
        // For each distinct value, the sources that agree with it.
        let mut support = 0;
        for ((_, stated_by), _) in groups.iter().zip(&agreeing).filter(|(_, a)| **a) {
            for &source in stated_by {
                if seen[source] != stamp {
                    seen[source] = stamp;
                    support += 1;
                }
            }
        }
        let on_record = expect.iter().any(|e| n.agree(value, e));
        if best.is_none_or(|(a, s, r, _)| (settles, support, on_record) > (a, s, r)) {
            best = Some((settles, support, on_record, value));
        }
    }
    best.map(|(_, _, _, value)| value)
}

/// A value as reports show it: "≈7500 km" when hedged, ">140" or "<50%"
/// with a one-sided bound as written, a choice value by its label ("did
/// not vote").
pub fn shown(value: &Normalized) -> String {
    value.shown()
}

/// A value as baselines key it: [`shown`] without the label, so a label
/// reworded in the rules does not bring accepted findings back.
pub fn keyed(value: &Normalized) -> String {
    if value.approximate {
        format!("≈{}", value.value)
    } else {
        value.value.clone()
    }
}
