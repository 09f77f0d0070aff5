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
pub mod consensus;
pub mod constraints;
pub mod draft;
pub mod suppress;

use crate::extract::Mention;
use crate::normalize::hedge::Hedge as Bound;
use crate::normalize::{Key, Normalized, Normalizer};
use crate::rules::{Fact, Severity};
pub use consensus::Group;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
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
    pub outliers: Vec<String>,
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
    pub latest_sources: Vec<String>,
    /// On `updated` (and conflicts of changing figures): sources whose
    /// every figure a newer one replaced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub superseded: Vec<String>,
    /// Articles that contradict themselves: two values of this fact (and
    /// subject) that do not agree. Such a verdict is always a conflict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub self_contradictions: Vec<String>,
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
    compare_lists(facts, vec![mentions])
}

/// [`compare`] on mentions given in several lists (the scan's, one per
/// article). Each (fact, subject) group is counted first and allocated once
/// at its size, and each list is freed as soon as its mentions are moved:
/// every mention of the corpus is held once, with no spare capacity (at
/// 100,000 dense articles, 1.6 million mentions).
pub fn compare_lists(facts: &[Fact], lists: Vec<Vec<Mention>>) -> Vec<Verdict> {
    type Groups<'f> = BTreeMap<&'f str, BTreeMap<Option<String>, Vec<Mention>>>;
    // Looked up once per mention: a map, not a scan of 1,000 facts.
    let ids: std::collections::HashMap<&str, &str> = facts
        .iter()
        .map(|f| (f.id.as_str(), f.id.as_str()))
        .collect();
    let mut counts: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for m in lists.iter().flatten() {
        if let Some(&id) = ids.get(m.fact.as_str()) {
            *counts
                .entry((id, m.normalized.subject.as_deref()))
                .or_default() += 1;
        }
    }
    let mut by_fact: Groups = BTreeMap::new();
    for ((id, subject), count) in counts {
        by_fact
            .entry(id)
            .or_default()
            .insert(subject.map(str::to_string), Vec::with_capacity(count));
    }
    for list in lists {
        for m in list {
            let Some(group) = by_fact
                .get_mut(m.fact.as_str())
                .and_then(|g| g.get_mut(&m.normalized.subject))
            else {
                continue;
            };
            group.push(m);
        }
    }
    // Facts are judged in parallel (a corpus-wide fact with 10,000 mentions
    // takes as long as many small ones), and collected in the rules' order.
    let work: Vec<_> = facts
        .iter()
        .map(|fact| (fact, by_fact.remove(fact.id.as_str())))
        .collect();
    let judged: Vec<Vec<Verdict>> = work
        .into_par_iter()
        .map(|(fact, groups)| match groups {
            None => vec![judge(fact, None, Vec::new())],
            Some(groups) => groups
                .into_iter()
                .map(|(subject, ms)| judge(fact, subject, ms))
                .collect(),
        })
        .collect();
    judged.into_iter().flatten().collect()
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

    let values: Vec<&Normalized> = resolved.iter().map(|m| &*m.normalized).collect();
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

    // A figure that changes over time: ordered by moment, not grouped.
    let at: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].normalized.is_resolved())
        .collect();
    let timeline = fact
        .changes
        .filter(|_| status == Status::Conflict)
        .map(|c| changes::timeline(c, n.as_ref(), &resolved));
    let flag = |i: usize, of: &dyn Fn(&changes::Timeline, usize) -> bool| {
        let t = timeline.as_ref()?;
        // `at` is ascending: a binary search, not a scan per mention.
        let k = at.binary_search(&i).ok()?;
        Some(of(t, k))
    };
    let status = match &timeline {
        Some(t) if t.blamed.is_empty() => Status::Updated,
        _ => status,
    };

    // The public record is the reference: when an article gives it, that
    // article is never the outlier. A name's spelling of record always
    // decides; for other kinds the majority decides while it agrees with the
    // record, and the record does when the sources split without a majority
    // or the majority repeats another value (three wire copies of a wrong
    // figure against two that give the record). A changing figure is judged
    // by its timeline instead.
    let gives_record =
        status == Status::Conflict && resolved.iter().any(|m| matches_record(&m.normalized));
    let name_record = gives_record && fact.kind == "name";
    let mut grouped =
        (status == Status::Conflict && !name_record && timeline.is_none()).then(|| {
            let votes: Vec<(&str, &Normalized)> = resolved
                .iter()
                .map(|m| (m.path.as_str(), &*m.normalized))
                .collect();
            consensus::groups(n.as_ref(), &votes)
        });
    let majority_holds_record = grouped.as_ref().is_some_and(|g| {
        g.consensus
            .as_ref()
            .is_some_and(|c| c.iter().all(|&i| matches_record(&g.values[i].0)))
    });
    let record_rules = name_record || gives_record && timeline.is_none() && !majority_holds_record;
    if record_rules {
        grouped = None;
    }
    let mut outliers = BTreeSet::new();
    if record_rules {
        outliers.extend(
            resolved
                .iter()
                .filter(|m| !matches_record(&m.normalized))
                .map(|m| m.path.to_string()),
        );
    } else if let Some(t) = &timeline {
        outliers.extend(t.blamed.iter().map(|&k| resolved[k].path.to_string()));
    } else if let Some(g) = grouped.as_ref().filter(|g| g.consensus.is_some()) {
        for m in &resolved {
            if !g.in_consensus(&m.normalized) {
                outliers.insert(m.path.to_string());
            }
        }
    }

    // Articles that give two incompatible values of this fact (subject);
    // for a changing figure, two values for the same moment.
    // Only the article's own distinct values are looked at (grouped by path
    // once: scanning every mention per mention was quadratic in the corpus,
    // and in one article that repeats a name 16,000 times).
    let mut by_path: HashMap<&str, Vec<&Normalized>> = HashMap::new();
    for m in &resolved {
        let own = by_path.entry(m.path.as_str()).or_default();
        if !own.contains(&&*m.normalized) {
            own.push(&m.normalized);
        }
    }
    let contradicts_itself = |m: &Mention| {
        by_path
            .get(m.path.as_str())
            .is_some_and(|own| own.iter().any(|o| !n.agree(o, &m.normalized)))
    };
    let contradicting: Vec<bool> = (0..mentions.len())
        .map(|i| {
            flag(i, &|t, k| t.self_contradiction[k]).unwrap_or_else(|| {
                timeline.is_none()
                    && mentions[i].normalized.is_resolved()
                    && contradicts_itself(&mentions[i])
            })
        })
        .collect();
    let self_contradictions: BTreeSet<String> = (0..mentions.len())
        .filter(|&i| contradicting[i])
        .map(|i| mentions[i].path.to_string())
        .collect();
    let superseded: Vec<bool> = (0..mentions.len())
        .map(|i| flag(i, &|t, k| t.superseded[k]).unwrap_or(false))
        .collect();
    let blamed: Vec<bool> = (0..mentions.len())
        .map(|i| flag(i, &|t, k| t.blamed.contains(&k)).unwrap_or(false))
        .collect();

    // The newest figures of a changing fact; only they meet the record.
    let current: Vec<usize> = timeline
        .as_ref()
        .map(|t| t.current().map(|k| at[k]).collect())
        .unwrap_or_else(|| at.clone());
    let latest = timeline.as_ref().and_then(|_| {
        current
            .iter()
            .map(|&i| &*mentions[i].normalized)
            .min_by(|a, b| {
                let width =
                    |v: &Normalized| n.compared(v).map_or(f64::INFINITY, |(lo, hi)| hi - lo);
                width(a)
                    .total_cmp(&width(b))
                    .then_with(|| keyed(a).cmp(&keyed(b)))
            })
            .map(keyed)
    });
    let latest_sources: BTreeSet<String> = if status == Status::Updated {
        current
            .iter()
            .map(|&i| mentions[i].path.to_string())
            .collect()
    } else {
        BTreeSet::new()
    };
    let superseded_sources: BTreeSet<String> = (0..mentions.len())
        .filter(|&i| superseded[i])
        .map(|i| mentions[i].path.to_string())
        .filter(|s| !current.iter().any(|&c| mentions[c].path == *s))
        .collect();

    let reference = if expect.is_empty() || current.is_empty() {
        Reference::None
    } else if current
        .iter()
        .all(|&i| matches_record(&mentions[i].normalized))
    {
        Reference::Match
    } else {
        Reference::Mismatch
    };

    let consensus = if record_rules && fact.kind == "name" {
        expect.first().map(|e| keyed(e))
    } else if record_rules {
        record_consensus(&resolved, &expect, &matches_record)
    } else {
        grouped
            .as_ref()
            .and_then(|g| g.consensus_value().map(str::to_string))
    };
    // Equal values share one `Normalized` (the scan's interner), and so one interval.
    let mut intervals: HashMap<*const Normalized, Option<Arc<Interval>>> = HashMap::new();
    let mentions = mentions
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let resolved = m.normalized.is_resolved();
            let outlier = blamed[i]
                || record_rules && resolved && !matches_record(&m.normalized)
                || resolved
                    && grouped
                        .as_ref()
                        .is_some_and(|g| g.consensus.is_some() && !g.in_consensus(&m.normalized));
            let tied = resolved && grouped.as_ref().is_some_and(|g| g.consensus.is_none());
            let interval = intervals
                .entry(Arc::as_ptr(&m.normalized))
                .or_insert_with(|| interval(n.as_ref(), &m.normalized).map(Arc::new))
                .clone();
            let mismatch =
                resolved && !superseded[i] && !expect.is_empty() && !matches_record(&m.normalized);
            MentionVerdict {
                mention: m,
                interval,
                outlier,
                tied,
                self_contradiction: contradicting[i],
                mismatch,
                superseded: superseded[i],
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
        consensus,
        self_contradictions: self_contradictions.into_iter().collect(),
        tie: grouped.as_ref().is_some_and(|g| g.consensus.is_none()),
        groups: grouped.map(|g| g.groups).unwrap_or_default(),
        outliers: outliers.into_iter().collect(),
        by_record: record_rules,
        changes: fact.changes,
        latest: latest.filter(|_| status == Status::Updated),
        latest_sources: latest_sources.into_iter().collect(),
        superseded: superseded_sources.into_iter().collect(),
        rule: fact.origin.to_string(),
        mentions,
        suppressed: false,
    }
}

/// The consensus of a conflict judged by the record: the record's own value
/// when a source gives it as such, otherwise, of the values that agree with
/// the record, the one most sources give (then the first in sorted order),
/// as the sources wrote it ("≈7500 km" against a record of 7591 km).
fn record_consensus(
    resolved: &[&Mention],
    expect: &[&Normalized],
    matches_record: &dyn Fn(&Normalized) -> bool,
) -> Option<String> {
    let mut by_value: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for m in resolved.iter().filter(|m| matches_record(&m.normalized)) {
        by_value
            .entry(keyed(&m.normalized))
            .or_default()
            .insert(m.path.as_str());
    }
    if let Some(record) = expect
        .iter()
        .map(|e| keyed(e))
        .find(|e| by_value.contains_key(e))
    {
        return Some(record);
    }
    by_value
        .into_iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(&a.0)))
        .map(|(value, _)| value)
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
    let mut candidates: Vec<&Normalized> = resolved.iter().map(|m| &*m.normalized).collect();
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
        match same.iter().find(|&&g| *groups[g].0 == *m.normalized) {
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

/// `text` after the mark of `value`'s bound or hedge.
fn marked(value: &Normalized, text: &str) -> String {
    match value.bound {
        Some(b) => format!("{}{text}", b.symbol()),
        None if value.approximate => format!("≈{text}"),
        None => text.to_string(),
    }
}
