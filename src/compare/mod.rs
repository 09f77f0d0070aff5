//! The comparer: for each fact (and subject, where one mention states values
//! for several), decides whether the sources agree, who the outliers are,
//! and whether the values match the public record.
//!
//! Two values agree when the fact's normalizer says so (intervals that meet
//! within tolerance, candidate dates that intersect, equal spellings). When
//! some do not, the values are put into groups of mutually compatible ones
//! ([`consensus`]); the largest group is the consensus when it is the only
//! largest and a majority of the sources, and the outliers are the sources
//! outside it; otherwise the conflict is a tie with no outliers. An article
//! giving two values that disagree contradicts itself. Draft mode
//! ([`draft`]) keeps the older "value most sources agree with"
//! ([`consensus_of`]) to judge a draft against the other sources. Expected
//! values given for a subject replace the fact-wide ones for that subject.

pub mod changes;
pub mod collect;
pub mod consensus;
pub mod constraints;
pub mod deferred;
pub mod draft;
mod judge;
pub mod suppress;

use crate::extract::{Mention, Shared};
use crate::normalize::hedge::Hedge as Bound;
use crate::normalize::{Key, Normalized, Normalizer};
use crate::rules::{Fact, Severity};
pub use collect::Collector;
pub use consensus::Group;
pub use judge::judge;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// How the sources stand on a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Two or more sources, all values compatible.
    Agree,
    /// Values incompatible.
    Conflict,
    /// A figure that changes over time (`changes` on the fact) moved the
    /// declared way: the newest value stands, older ones are superseded.
    /// Not a contradiction (exit code 0 unless `--fail-on updated`).
    Updated,
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
    /// The interval of an interval value, as written and as compared
    /// (one per distinct value of the fact, shared by its mentions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<Arc<Interval>>,
    /// Disagrees with the consensus.
    pub outlier: bool,
    /// One side of a conflict with no majority (see [`Verdict::tie`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub tied: bool,
    /// Its article gives another value of the same fact that disagrees with it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub self_contradiction: bool,
    /// Disagrees with every expected value.
    pub mismatch: bool,
    /// A newer figure replaced it (facts that change over time).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub superseded: bool,
    /// Accepted by an inline marker or the baseline (see [`suppress`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
}

impl MentionVerdict {
    /// `mention` not judged yet: no interval, no flags ([`judge`] sets them
    /// in place).
    pub fn new(mention: Mention) -> MentionVerdict {
        MentionVerdict {
            mention,
            interval: None,
            outlier: false,
            tied: false,
            self_contradiction: false,
            mismatch: false,
            superseded: false,
            suppressed: None,
        }
    }

    /// Whether the mention takes part in its verdict's contradiction.
    pub fn is_conflicting(&self) -> bool {
        (self.outlier || self.mismatch || self.tied || self.self_contradiction)
            && self.suppressed.is_none()
    }
}

/// The interval of a value, in the base unit: `lo`/`hi` as written (a
/// bound is open on one side: "inf"), `compared` after the precision the
/// text implies and the fact's tolerance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interval {
    #[serde(serialize_with = "crate::text::float::serialize")]
    pub lo: f64,
    #[serde(serialize_with = "crate::text::float::serialize")]
    pub hi: f64,
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    #[serde(serialize_with = "crate::text::float::serialize")]
    pub compared_lo: f64,
    #[serde(serialize_with = "crate::text::float::serialize")]
    pub compared_hi: f64,
}

/// The interval of `value`, when its key is one.
fn interval(n: &dyn Normalizer, value: &Normalized) -> Option<Interval> {
    let Key::Interval { lo, hi, unit } = &value.key else {
        return None;
    };
    let (compared_lo, compared_hi) = n.compared(value)?;
    Some(Interval {
        lo: *lo,
        hi: *hi,
        unit: unit.clone(),
        bound: value.bound,
        compared_lo,
        compared_hi,
    })
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
    /// The value that stands for the largest group of mutually compatible
    /// values, when that group is a majority of the sources (conflicts only).
    pub consensus: Option<String>,
    /// A conflict where no group of compatible values holds a majority of
    /// the sources: no consensus, no outliers.
    pub tie: bool,
    /// On a conflict, every group of mutually compatible values, largest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Sources whose value is outside the consensus group, by path (two
    /// articles may share a file name in different folders).
    pub outliers: Vec<Shared>,
    /// A conflict judged against the public record (given by some
    /// article), not by majority: `consensus` is the record's value (for
    /// other kinds than names, as a source gives it when none gives the
    /// record's own value).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_record: bool,
    /// How the figure moves over time, when the fact says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<crate::rules::Changes>,
    /// On `updated`: the newest value, and the sources that give it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub latest_sources: Vec<Shared>,
    /// On `updated` (and conflicts of changing figures): sources whose
    /// every figure a newer one replaced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub superseded: Vec<Shared>,
    /// Articles that contradict themselves: two values of this fact (and
    /// subject) that do not agree. Such a verdict is always a conflict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub self_contradictions: Vec<Shared>,
    /// Where the fact is defined, "rules/seed.toml:12:6".
    pub rule: String,
    #[serde(serialize_with = "deferred::serialize")]
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
            *counts.entry(source.to_string()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Verdicts for every fact, in rule order; subjects sorted within a fact.
pub fn compare(facts: &[Fact], mentions: Vec<Mention>) -> Vec<Verdict> {
    compare_lists(facts, vec![mentions])
}

/// [`compare`] on mentions given in several lists (one per article), in
/// that order; each list is freed once its mentions are grouped.
pub fn compare_lists(facts: &[Fact], lists: Vec<Vec<Mention>>) -> Vec<Verdict> {
    let collector = Collector::new(facts);
    for list in lists {
        collector.add(list);
    }
    collector.verdicts()
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
    let mut candidates: Vec<&Normalized> = resolved.iter().map(|m| m.normalized()).collect();
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
        let source = *sources.entry(m.path().as_str()).or_insert(next);
        let same = by_text.entry(m.normalized().value.as_str()).or_default();
        match same.iter().find(|&&g| *groups[g].0 == *m.normalized()) {
            Some(&g) => groups[g].1.push(source),
            None => {
                same.push(groups.len());
                groups.push((m.normalized(), vec![source]));
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

/// A value as reports show it, with the direction of its bound: "≈7500 km"
/// when hedged or vague, "≥75" (at least), ">1200" (more than), "≤30" (up
/// to), "<1 mi" (less than); a choice value by its label ("did not vote").
pub fn shown(value: &Normalized) -> String {
    value.shown()
}

/// A value as baselines and verdicts key it: [`shown`] without the label,
/// so a label reworded in the rules does not bring accepted findings back.
pub fn keyed(value: &Normalized) -> String {
    marked(value, &value.value)
}

/// Whether `keyed(a) == keyed(b)`, without making either string.
pub fn keyed_eq(a: &Normalized, b: &Normalized) -> bool {
    fn bytes(v: &Normalized) -> impl Iterator<Item = u8> + '_ {
        mark(v).bytes().chain(v.value.bytes())
    }
    bytes(a).eq(bytes(b))
}

/// `text` after the mark of `value`'s bound or hedge.
fn marked(value: &Normalized, text: &str) -> String {
    format!("{}{text}", mark(value))
}

/// The mark of `value`'s bound or hedge ("≥", "≈"), or none.
fn mark(value: &Normalized) -> &'static str {
    match value.bound {
        Some(b) => b.symbol(),
        None if value.approximate => "≈",
        None => "",
    }
}
