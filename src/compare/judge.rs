//! Judging one fact (and subject) from its mentions: its status, the
//! consensus or the record that decides a split, the outliers, the articles
//! that contradict themselves, a changing figure's timeline, and whether the
//! values match the public record.

use super::{changes, consensus, expected_for, interval, keyed};
use super::{Interval, MentionVerdict, Reference, Status, Verdict};
use crate::extract::{Mention, Shared};
use crate::normalize::{Normalized, Normalizer};
use crate::rules::Fact;
use crate::text::words::Fx;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// The verdict on one fact (and subject) from its mentions, not judged yet
/// ([`MentionVerdict::new`]): each one's flags are set in place, in the
/// list the verdict keeps (no second list of the fact's mentions).
pub fn judge(fact: &Fact, subject: Option<String>, mut judged: Vec<MentionVerdict>) -> Verdict {
    judged.sort_by(|a, b| {
        let (a, b) = (&a.mention, &b.mention);
        (a.path(), a.line(), a.column(), &a.normalized().value).cmp(&(
            b.path(),
            b.line(),
            b.column(),
            &b.normalized().value,
        ))
    });
    // The list grew as articles were added: no spare capacity is kept.
    judged.shrink_to_fit();
    let mentions: Vec<&Mention> = judged.iter().map(|m| &m.mention).collect();
    let n = &fact.normalizer;
    let resolved: Vec<&Mention> = mentions
        .iter()
        .copied()
        .filter(|m| m.normalized().is_resolved())
        .collect();
    // Sorted by path: the sources are where the path changes.
    let sources = resolved
        .iter()
        .enumerate()
        .filter(|&(i, m)| i == 0 || resolved[i - 1].path() != m.path())
        .count();
    let expect = expected_for(fact, subject.as_ref());
    let matches_record = |v: &Normalized| expect.iter().any(|e| n.agree(v, e));

    let values: Vec<&Normalized> = resolved.iter().map(|m| m.normalized()).collect();
    let all_agree = all_agree(n.as_ref(), &values);
    let status = match (mentions.is_empty(), resolved.is_empty(), sources, all_agree) {
        (true, ..) => Status::Missing,
        (false, true, ..) => Status::Unresolved,
        (_, _, _, false) => Status::Conflict,
        (_, _, 1, true) => Status::Single,
        _ => Status::Agree,
    };

    // A figure that changes over time: ordered by moment, not grouped.
    let at: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].normalized().is_resolved())
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
        status == Status::Conflict && resolved.iter().any(|m| matches_record(m.normalized()));
    let name_record = gives_record && fact.kind == "name";
    let mut grouped =
        (status == Status::Conflict && !name_record && timeline.is_none()).then(|| {
            let votes: Vec<(&Shared, &Normalized)> = resolved
                .iter()
                .map(|m| (m.path(), m.normalized()))
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
                .filter(|m| !matches_record(m.normalized()))
                .map(|m| m.path().clone()),
        );
    } else if let Some(t) = &timeline {
        outliers.extend(t.blamed.iter().map(|&k| resolved[k].path().clone()));
    } else if let Some(g) = grouped.as_ref().filter(|g| g.consensus.is_some()) {
        for m in &resolved {
            if !g.in_consensus(m.normalized()) {
                outliers.insert(m.path().clone());
            }
        }
    }

    // Articles that give two incompatible values of this fact (subject);
    // for a changing figure, two values for the same moment.
    // Only the article's own distinct values are looked at (scanning every
    // mention per mention was quadratic in the corpus, and in one article
    // that repeats a name 16,000 times). The mentions are sorted by path,
    // so an article's are one run: no table of every article's values
    // (dense-100k: a map of 100,000 paths and a list each, ~8 MB per fact
    // judged, two facts at a time, at the run's peak).
    let mut contradicts_itself = vec![false; mentions.len()];
    if timeline.is_none() {
        let mut own: Vec<&Normalized> = Vec::new();
        let mut start = 0;
        while start < mentions.len() {
            let path = mentions[start].path();
            let end = mentions[start..]
                .iter()
                .position(|m| m.path() != path)
                .map_or(mentions.len(), |len| start + len);
            own.clear();
            for v in mentions[start..end].iter().map(|m| m.normalized()) {
                if v.is_resolved() && !own.contains(&v) {
                    own.push(v);
                }
            }
            for (i, m) in mentions.iter().enumerate().take(end).skip(start) {
                let v = m.normalized();
                contradicts_itself[i] = v.is_resolved() && own.iter().any(|o| !n.agree(o, v));
            }
            start = end;
        }
    }
    let contradicting: Vec<bool> = (0..mentions.len())
        .map(|i| flag(i, &|t, k| t.self_contradiction[k]).unwrap_or(contradicts_itself[i]))
        .collect();
    drop(contradicts_itself);
    let self_contradictions: BTreeSet<Shared> = (0..mentions.len())
        .filter(|&i| contradicting[i])
        .map(|i| mentions[i].path().clone())
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
            .map(|&i| mentions[i].normalized())
            .min_by(|a, b| {
                let width =
                    |v: &Normalized| n.compared(v).map_or(f64::INFINITY, |(lo, hi)| hi - lo);
                width(a)
                    .total_cmp(&width(b))
                    .then_with(|| keyed(a).cmp(&keyed(b)))
            })
            .map(keyed)
    });
    let latest_sources: BTreeSet<Shared> = if status == Status::Updated {
        current
            .iter()
            .map(|&i| mentions[i].path().clone())
            .collect()
    } else {
        BTreeSet::new()
    };
    let superseded_sources: BTreeSet<Shared> = (0..mentions.len())
        .filter(|&i| superseded[i])
        .map(|i| mentions[i].path().clone())
        .filter(|s| !current.iter().any(|&c| mentions[c].path() == s))
        .collect();

    let reference = if expect.is_empty() || current.is_empty() {
        Reference::None
    } else if current
        .iter()
        .all(|&i| matches_record(mentions[i].normalized()))
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
    // Each mention's flags, then set in place once the borrows above end.
    let flags: Vec<[bool; 3]> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let resolved = m.normalized().is_resolved();
            let outlier = blamed[i]
                || record_rules && resolved && !matches_record(m.normalized())
                || resolved
                    && grouped
                        .as_ref()
                        .is_some_and(|g| g.consensus.is_some() && !g.in_consensus(m.normalized()));
            let tied = resolved && grouped.as_ref().is_some_and(|g| g.consensus.is_none());
            let mismatch =
                resolved && !superseded[i] && !expect.is_empty() && !matches_record(m.normalized());
            [outlier, tied, mismatch]
        })
        .collect();
    drop(mentions);
    // Equal values share one `Normalized` (the scan's interner), and so one interval.
    let mut intervals: HashMap<*const Normalized, Option<Arc<Interval>>, Fx> = HashMap::default();
    for (i, (m, [outlier, tied, mismatch])) in judged.iter_mut().zip(flags).enumerate() {
        m.interval = intervals
            .entry(std::ptr::from_ref(m.mention.normalized()))
            .or_insert_with(|| interval(n.as_ref(), m.mention.normalized()).map(Arc::new))
            .clone();
        m.outlier = outlier;
        m.tied = tied;
        m.self_contradiction = contradicting[i];
        m.mismatch = mismatch;
        m.superseded = superseded[i];
    }
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
        mentions: judged,
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
    for m in resolved.iter().filter(|m| matches_record(m.normalized())) {
        by_value
            .entry(keyed(m.normalized()))
            .or_default()
            .insert(m.path().as_str());
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
    let mut by_text: HashMap<&str, Vec<usize>, Fx> = HashMap::default();
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
