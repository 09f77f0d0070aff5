//! Consensus by compatibility: the groups of mutually compatible values of a
//! fact, one vote per source. A group is a set of distinct values every two
//! of which agree (a maximal clique of the "agrees with" relation: "≥75"
//! belongs with 89 and with 94, which do not belong together). A group's
//! weight is the number of sources that give one of its values. The largest
//! group is the consensus only when it is the only largest one and holds
//! more than half of the sources; otherwise the verdict is a tie ("no
//! majority"), and no source is an outlier. The result does not depend on
//! the order of articles or mentions: values are taken in sorted order.

use crate::compare::{keyed, keyed_eq};
use crate::extract::Shared;
use crate::normalize::{Normalized, Normalizer};
use crate::text::words::Fx;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Beyond this many distinct values, groups are grown greedily from each
/// value instead of enumerating every maximal clique.
const EXACT_LIMIT: usize = 24;

/// One group of mutually compatible values and the sources that give them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The value that stands for the group: the most specific one (agreeing
    /// with the fewest other values), then the one most sources give, then
    /// the narrowest, then the first in sorted order.
    pub value: String,
    /// Every value of the group, as verdicts key them (no labels), sorted.
    pub values: Vec<String>,
    /// The sources that give one of its values, sorted (each path shared
    /// with the mentions: at 100k dense articles the groups list ~900,000
    /// paths, 80 MB as their own strings).
    pub sources: Vec<Shared>,
}

/// The groups of a fact's values, largest first, and whether the first is a majority.
#[derive(Debug, Clone, PartialEq)]
pub struct Groups {
    pub groups: Vec<Group>,
    /// Indexes (into the distinct values) of the consensus group's values.
    pub consensus: Option<BTreeSet<usize>>,
    /// The distinct values, sorted, with their sources.
    pub values: Vec<(Normalized, BTreeSet<Shared>)>,
}

impl Groups {
    /// Whether `value` belongs to the consensus group.
    pub fn in_consensus(&self, value: &Normalized) -> bool {
        self.consensus
            .as_ref()
            .is_some_and(|members| members.iter().any(|&i| same(&self.values[i].0, value)))
    }

    /// The value that stands for the consensus group.
    pub fn consensus_value(&self) -> Option<&str> {
        self.consensus
            .as_ref()
            .map(|_| self.groups[0].value.as_str())
    }
}

fn same(a: &Normalized, b: &Normalized) -> bool {
    keyed_eq(a, b) && a.key == b.key
}

/// Groups the `(source, value)` pairs of a fact by compatibility.
pub fn groups(n: &dyn Normalizer, votes: &[(&Shared, &Normalized)]) -> Groups {
    // Each distinct value keyed once (equal values share one `Normalized`,
    // the scan's interner): a key is a new string, and sorting asked for
    // two per comparison.
    let mut keys: HashMap<*const Normalized, String, Fx> = HashMap::default();
    for (_, v) in votes {
        keys.entry(*v as *const Normalized)
            .or_insert_with(|| keyed(v));
    }
    let mut sorted: Vec<(&str, &Shared, &Normalized)> = votes
        .iter()
        .map(|&(s, v)| (keys[&(v as *const Normalized)].as_str(), s, v))
        .collect();
    sorted.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut values: Vec<(Normalized, BTreeSet<Shared>)> = Vec::new();
    let mut value_keys: Vec<&str> = Vec::new();
    for (key, source, value) in sorted {
        // `same`, with the keys already made.
        let found =
            (0..values.len()).find(|&i| value_keys[i] == key && values[i].0.key == value.key);
        match found {
            Some(i) => _ = values[i].1.insert(source.clone()),
            None => {
                values.push((value.clone(), BTreeSet::from([source.clone()])));
                value_keys.push(key);
            }
        }
    }
    let agree: Vec<Vec<bool>> = values
        .iter()
        .map(|(a, _)| values.iter().map(|(b, _)| n.agree(a, b)).collect())
        .collect();
    let cliques = if values.len() <= EXACT_LIMIT {
        let mut out = Vec::new();
        bron_kerbosch(
            &agree,
            BTreeSet::new(),
            (0..values.len()).collect(),
            BTreeSet::new(),
            &mut out,
        );
        out
    } else {
        greedy(&agree)
    };
    let total: BTreeSet<&str> = votes.iter().map(|(s, _)| s.as_str()).collect();
    // How many values each one agrees with, counted once for every group.
    let reach: Vec<usize> = agree
        .iter()
        .map(|row| row.iter().filter(|a| **a).count())
        .collect();
    let mut weighted: Vec<(BTreeSet<usize>, Group)> = cliques
        .into_iter()
        .map(|c| {
            let group = describe(n, &values, &reach, &c);
            (c, group)
        })
        .collect();
    weighted.sort_by(|a, b| {
        b.1.sources
            .len()
            .cmp(&a.1.sources.len())
            .then_with(|| a.1.value.cmp(&b.1.value))
            .then_with(|| a.1.values.cmp(&b.1.values))
    });
    weighted.dedup_by(|a, b| a.1 == b.1);
    let consensus = match weighted.as_slice() {
        [first, rest @ ..]
            if first.1.sources.len() * 2 > total.len()
                && rest
                    .first()
                    .is_none_or(|r| r.1.sources.len() < first.1.sources.len()) =>
        {
            Some(first.0.clone())
        }
        _ => None,
    };
    Groups {
        groups: weighted.into_iter().map(|(_, g)| g).collect(),
        consensus,
        values,
    }
}

/// The group of the values at `members`.
fn describe(
    n: &dyn Normalizer,
    values: &[(Normalized, BTreeSet<Shared>)],
    reach: &[usize],
    members: &BTreeSet<usize>,
) -> Group {
    // The most specific value: compatible with the fewest others ("abstained"
    // rather than "abstained or absent", 89 rather than "≥75"), `reach[i]`.
    let width = |v: &Normalized| n.compared(v).map_or(0.0, |(lo, hi)| hi - lo);
    // A bare surname never stands for a group that also holds the full
    // name ("Mevlut Cavusoglu", not "Cavusoglu"): a value whose words end
    // another member's comes last.
    let tail = |v: &Normalized| {
        let mine: Vec<String> = v.value.split_whitespace().map(str::to_lowercase).collect();
        members.iter().any(|&i| {
            let other: Vec<String> = values[i]
                .0
                .value
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            other.len() > mine.len() && other.ends_with(&mine)
        })
    };
    let representative = members
        .iter()
        .map(|&i| (reach[i], &values[i]))
        .min_by(|(ra, a), (rb, b)| {
            tail(&a.0)
                .cmp(&tail(&b.0))
                .then_with(|| ra.cmp(rb))
                .then_with(|| b.1.len().cmp(&a.1.len()))
                .then_with(|| width(&a.0).total_cmp(&width(&b.0)))
                .then_with(|| keyed(&a.0).cmp(&keyed(&b.0)))
        })
        .map(|(_, (v, _))| keyed(v))
        .unwrap_or_default();
    let mut shown_values: Vec<String> = members.iter().map(|&i| keyed(&values[i].0)).collect();
    shown_values.sort();
    shown_values.dedup();
    let sources: BTreeSet<&Shared> = members.iter().flat_map(|&i| &values[i].1).collect();
    Group {
        value: representative,
        values: shown_values,
        sources: sources.into_iter().cloned().collect(),
    }
}

/// Every maximal clique of the agreement graph (Bron–Kerbosch with a pivot).
fn bron_kerbosch(
    agree: &[Vec<bool>],
    r: BTreeSet<usize>,
    p: BTreeSet<usize>,
    x: BTreeSet<usize>,
    out: &mut Vec<BTreeSet<usize>>,
) {
    if p.is_empty() && x.is_empty() {
        out.push(r);
        return;
    }
    let pivot = *p
        .iter()
        .chain(&x)
        .max_by_key(|&&u| p.iter().filter(|&&v| agree[u][v]).count())
        .expect("p or x is not empty");
    let (mut p, mut x) = (p, x);
    let candidates: Vec<usize> = p
        .iter()
        .copied()
        .filter(|&v| v == pivot || !agree[pivot][v])
        .collect();
    for v in candidates {
        let mut r2 = r.clone();
        r2.insert(v);
        let p2 = p
            .iter()
            .copied()
            .filter(|&u| u != v && agree[v][u])
            .collect();
        let x2 = x
            .iter()
            .copied()
            .filter(|&u| u != v && agree[v][u])
            .collect();
        bron_kerbosch(agree, r2, p2, x2, out);
        p.remove(&v);
        x.insert(v);
    }
}

/// For many distinct values: from each value, add every later value that
/// agrees with all chosen so far (in sorted order), then keep distinct groups.
fn greedy(agree: &[Vec<bool>]) -> Vec<BTreeSet<usize>> {
    let mut out: Vec<BTreeSet<usize>> = Vec::new();
    for start in 0..agree.len() {
        let mut group = BTreeSet::from([start]);
        let joining: Vec<usize> = (0..agree.len())
            .filter(|&v| v != start && agree[start][v])
            .collect();
        for v in joining {
            if group.iter().all(|&u| agree[u][v]) {
                group.insert(v);
            }
        }
        if !out.contains(&group) {
            out.push(group);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{number::NumberKind, Kind, RawMatch};

    fn number() -> Box<dyn Normalizer> {
        NumberKind.build(&toml::Table::new()).unwrap()
    }

    fn read(n: &dyn Normalizer, text: &str) -> Normalized {
        let value = text.trim_start_matches(|c: char| !c.is_ascii_digit());
        let m = RawMatch {
            value: text.len() - value.len()..text.len(),
            ..RawMatch::whole_text(text)
        };
        n.normalize(&m).unwrap().remove(0)
    }

    fn group(n: &dyn Normalizer, said: &[(&str, &str)]) -> Groups {
        let values: Vec<(Shared, Normalized)> = said
            .iter()
            .map(|(s, t)| (Shared::from(*s), read(n, t)))
            .collect();
        let votes: Vec<(&Shared, &Normalized)> = values.iter().map(|(s, v)| (s, v)).collect();
        groups(n, &votes)
    }

    #[test]
    fn one_against_one_is_a_tie() {
        let n = number();
        let g = group(&*n, &[("a", "56"), ("b", "75")]);
        assert_eq!(g.consensus_value(), None);
        let split: Vec<(&str, Vec<String>)> = g
            .groups
            .iter()
            .map(|g| {
                (
                    g.value.as_str(),
                    g.sources.iter().map(|s| s.to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(
            split,
            vec![("56", vec!["a".to_string()]), ("75", vec!["b".to_string()])]
        );
    }

    #[test]
    fn a_lower_bound_joins_every_larger_figure_without_deciding() {
        // "at least 75" agrees with 89 and with 94, which disagree: 2 vs 2.
        let n = number();
        let g = group(&*n, &[("a", "at least 75"), ("b", "89"), ("c", "94")]);
        assert_eq!(g.consensus_value(), None);
        assert_eq!(g.groups.len(), 2);
        assert_eq!(g.groups[0].value, "89");
        assert_eq!(g.groups[0].values, vec!["89", "≥75"]);
        assert_eq!(g.groups[1].sources, vec!["a", "c"]);
    }

    #[test]
    fn a_majority_names_outliers_and_a_source_votes_once() {
        let n = number();
        // "a" repeats 141 three times: still one vote; 2 of 3 sources give 141.
        let g = group(
            &*n,
            &[
                ("a", "141"),
                ("a", "141"),
                ("a", "141"),
                ("b", "141"),
                ("c", "142"),
            ],
        );
        assert_eq!(g.consensus_value(), Some("141"));
        assert_eq!(g.groups[0].sources, vec!["a", "b"]);
        assert!(g.in_consensus(&read(&*n, "141")));
        assert!(!g.in_consensus(&read(&*n, "142")));
        // Two of four is not a majority.
        let g = group(
            &*n,
            &[("a", "141"), ("b", "141"), ("c", "142"), ("d", "143")],
        );
        assert_eq!(g.consensus_value(), None);
        assert_eq!(g.groups[0].sources, vec!["a", "b"]);
    }

    #[test]
    fn many_values_are_grouped_greedily_with_the_same_largest_group() {
        // 30 distinct figures: beyond the exact limit. "a" and "b" give 141,
        // and "c" says "at least 100", compatible with every figure.
        let n = number();
        let mut said: Vec<(String, String)> = (0..30)
            .map(|i| (format!("s{i:02}"), format!("{}", 150 + i)))
            .collect();
        said.push(("a".into(), "141".into()));
        said.push(("b".into(), "141".into()));
        said.push(("c".into(), "at least 100".into()));
        let pairs: Vec<(&str, &str)> = said.iter().map(|(s, t)| (s.as_str(), t.as_str())).collect();
        let g = group(&*n, &pairs);
        assert_eq!(g.values.len(), 32);
        assert_eq!(g.groups[0].value, "141");
        assert_eq!(g.groups[0].sources, vec!["a", "b", "c"]);
        assert_eq!(g.consensus_value(), None);
        assert_eq!(g.groups.len(), 31);
    }
}
