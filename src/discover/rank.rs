//! Ranking candidates. Each proposal's verdict (from `compare`, the same
//! consensus as `check`) becomes a candidate when it says something:
//!
//! 1. disagreements (`conflict`), first;
//! 2. values that agree in three articles or more;
//! 3. values that agree in two articles.
//!
//! Values in one article only are dropped, and so are names and terms
//! spelled one way everywhere (nothing to check). Within a tier a candidate
//! scores by its sources — each source counts 1 when its own values near
//! the cue agree with one another, ½ when it gives several that do not (the
//! cue may govern more than one fact there) — times:
//!
//! - the square of its *cohesion*: the share of sources in the two largest
//!   groups of agreeing values. One fact told two ways splits the sources
//!   in two; a cue that governs nothing in particular ("Blinken") picks a
//!   different value in every article;
//! - its *nearness*, 1 / (1 + d/3) for d words between cue and value on
//!   average, and 0.8 when the cue stands beyond the value's clause;
//! - the square of the cue word's *rarity* (its inverse sentence
//!   frequency, [`super::Survey::rarity`]): "border" governs one value,
//!   "Kazakhstan" in a story on Kazakhstan any;
//! - 1 + ¼ of how far apart the values are (0 to 1: the relative gap of two
//!   numbers, days apart as d/(d+1), 1 − similarity of two spellings).
//!
//! Conflicts where fewer than half the sources are consistent make no
//! candidate, nor do date conflicts that only a period longer than a month
//! ("2015", "last year") makes. A disagreement whose outlying mentions a better candidate
//! already shows as outlying is left out, and so is an agreement that
//! shares half its mentions or more with a better agreement, or with a
//! better disagreement on the same cue word.

use super::propose::Proposal;
use crate::compare::{keyed, Status, Verdict};
use crate::normalize::fold::{fold, similarity};
use crate::normalize::{Key, Normalized};
use crate::rules::{Fact, RuleSet};
use std::collections::{BTreeMap, BTreeSet};

/// A mention's place: path, line, column.
pub type Place = (String, usize, usize);

/// The candidates kept, best first, and how many were already covered.
#[derive(Debug, Default)]
pub struct Ranked {
    pub verdicts: Vec<Verdict>,
    /// Candidates left out because the given rules state them already.
    pub covered: usize,
}

/// Every mention's place in `verdicts`.
pub fn positions(verdicts: &[Verdict]) -> BTreeSet<Place> {
    verdicts
        .iter()
        .flat_map(|v| v.mentions.iter())
        .map(|m| place(&m.mention))
        .collect()
}

fn place(m: &crate::extract::Mention) -> Place {
    (m.path().to_string(), m.line() as usize, m.column() as usize)
}

/// The tier and score of one verdict; `None` when it is no candidate.
pub fn score(fact: &Fact, proposal: &Proposal, v: &Verdict) -> Option<(u8, f64)> {
    let resolved: Vec<&Normalized> = v
        .mentions
        .iter()
        .map(|m| m.mention.normalized())
        .filter(|n| n.is_resolved())
        .collect();
    let mut by_source: BTreeMap<&str, Vec<&Normalized>> = BTreeMap::new();
    for m in v
        .mentions
        .iter()
        .filter(|m| m.mention.normalized().is_resolved())
    {
        by_source
            .entry(m.mention.path().as_str())
            .or_default()
            .push(m.mention.normalized());
    }
    let spelled = matches!(fact.kind, "name" | "term");
    let tier = match (v.status, by_source.len()) {
        (Status::Conflict, _) => 0,
        (Status::Agree, n) if n >= 3 && !spelled => 1,
        (Status::Agree, 2) if !spelled => 2,
        _ => return None,
    };
    let n = &fact.normalizer;
    if tier == 0 && fact.kind == "date" && !days_disagree(n.as_ref(), &resolved) {
        return None;
    }
    let consistent = by_source
        .values()
        .filter(|vals| {
            vals.iter()
                .enumerate()
                .all(|(i, a)| vals[i + 1..].iter().all(|b| n.agree(a, b)))
        })
        .count();
    if consistent == 0 || (tier == 0 && 2 * consistent < by_source.len()) {
        return None;
    }
    let weight = consistent as f64 + 0.5 * (by_source.len() - consistent) as f64;
    // Each source's first value, grouped with the values it agrees with.
    let mut groups: Vec<(&Normalized, usize)> = Vec::new();
    for vals in by_source.values() {
        match groups.iter_mut().find(|(g, _)| n.agree(g, vals[0])) {
            Some(group) => group.1 += 1,
            None => groups.push((vals[0], 1)),
        }
    }
    let mut sizes: Vec<usize> = groups.iter().map(|g| g.1).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let cohesion = sizes.iter().take(2).sum::<usize>() as f64 / by_source.len() as f64;
    let nearness = 1.0 / (1.0 + proposal.distance / 3.0);
    let window = if proposal.beyond { 0.8 } else { 1.0 };
    let spread = match &v.consensus {
        Some(c) => {
            let consensus = resolved.iter().find(|n| keyed(n) == *c);
            consensus.map_or(0.0, |c| {
                resolved
                    .iter()
                    .filter(|o| !n.agree(o, c))
                    .map(|o| gap(c, o))
                    .fold(0.0, f64::max)
            })
        }
        None => 0.0,
    };
    Some((
        tier,
        weight
            * cohesion.powi(2)
            * proposal.rarity.powi(2)
            * nearness
            * window
            * (1.0 + spread / 4.0),
    ))
}

/// Whether the dates of a candidate that name a day or a few (a month at
/// most) still disagree once longer periods are set aside: "2015" or "last
/// year" against "February 28" is two facts near one word, not one fact
/// told two ways (the survey proposes no pair for such periods either).
fn days_disagree(n: &dyn crate::normalize::Normalizer, values: &[&Normalized]) -> bool {
    let days: Vec<&Normalized> = values
        .iter()
        .copied()
        .filter(|v| !matches!(&v.key, Key::OneOf(d) if d.len() > super::cue::LONGEST_PERIOD))
        .collect();
    days.iter()
        .enumerate()
        .any(|(i, a)| days[i + 1..].iter().any(|b| !n.agree(a, b)))
}

/// How far apart two values are, from 0 to 1.
pub fn gap(a: &Normalized, b: &Normalized) -> f64 {
    match (&a.key, &b.key) {
        (Key::Interval { lo: al, hi: ah, .. }, Key::Interval { lo: bl, hi: bh, .. }) => {
            let (x, y) = (mid(*al, *ah), mid(*bl, *bh));
            let scale = x.abs().max(y.abs());
            if scale == 0.0 || !scale.is_finite() {
                0.0
            } else {
                ((x - y).abs() / scale).min(1.0)
            }
        }
        (Key::OneOf(x), Key::OneOf(y)) => {
            let days = |s: &String| s.parse::<jiff::civil::Date>().ok();
            let apart = x
                .iter()
                .filter_map(days)
                .flat_map(|d| {
                    y.iter()
                        .filter_map(days)
                        .map(move |e| (d - e).get_days().abs())
                })
                .min();
            apart.map_or(0.5, |d| d as f64 / (d as f64 + 1.0))
        }
        (Key::Label(_), Key::Label(_)) => 1.0 - similarity(&fold(&a.value), &fold(&b.value)),
        _ => 0.5,
    }
}

fn mid(lo: f64, hi: f64) -> f64 {
    match (lo.is_finite(), hi.is_finite()) {
        (true, true) => (lo + hi) / 2.0,
        (true, false) => lo,
        (false, true) => hi,
        (false, false) => 0.0,
    }
}

/// The candidates among `verdicts`, ranked, at most `limit`; those whose
/// mentions are mostly in `covered` (places existing rules read) left out.
pub fn rank(
    rules: &RuleSet,
    proposals: &[Proposal],
    verdicts: Vec<Verdict>,
    covered: &BTreeSet<Place>,
    limit: usize,
) -> Ranked {
    let facts: BTreeMap<&str, &Fact> = rules.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    let proposals: BTreeMap<&str, &Proposal> =
        proposals.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut scored: Vec<(u8, f64, Verdict)> = verdicts
        .into_iter()
        .filter_map(|v| {
            let fact = facts.get(v.id.as_str())?;
            let proposal = proposals.get(v.id.as_str())?;
            let (tier, s) = score(fact, proposal, &v)?;
            Some((tier, s, v))
        })
        .collect();
    scored.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.id.cmp(&b.2.id))
    });
    let mut out = Ranked::default();
    // Places shown, by cue word; places of agreements shown.
    let mut seen: BTreeMap<String, BTreeSet<Place>> = BTreeMap::new();
    let mut agreeing: BTreeSet<Place> = BTreeSet::new();
    let mut seen_outlying: BTreeSet<Place> = BTreeSet::new();
    for (_, _, v) in scored {
        if out.verdicts.len() >= limit {
            break;
        }
        let places: BTreeSet<Place> = v.mentions.iter().map(|m| place(&m.mention)).collect();
        let shared = |set: &BTreeSet<Place>| 2 * places.intersection(set).count() >= places.len();
        if shared(covered) {
            out.covered += 1;
            continue;
        }
        // A disagreement is new while one of its outlying mentions is; an
        // agreement while half its mentions are.
        let outlying: BTreeSet<Place> = v
            .mentions
            .iter()
            .filter(|m| m.outlier)
            .map(|m| place(&m.mention))
            .collect();
        let cue = proposals.get(v.id.as_str()).map_or("", |p| p.cue.as_str());
        let repeated = if outlying.is_empty() {
            shared(&agreeing) || seen.get(cue).is_some_and(shared)
        } else {
            outlying.is_subset(&seen_outlying)
        };
        if repeated {
            continue;
        }
        if outlying.is_empty() {
            agreeing.extend(places.iter().cloned());
        }
        seen.entry(cue.to_string()).or_default().extend(places);
        seen_outlying.extend(outlying);
        out.verdicts.push(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;

    fn interval(v: f64) -> Normalized {
        Normalized::new(
            v.to_string(),
            Key::Interval {
                lo: v,
                hi: v,
                unit: String::new(),
            },
        )
    }

    #[test]
    fn a_year_against_a_day_is_no_date_conflict() {
        let date = crate::normalize::kind("date")
            .unwrap()
            .build(&toml::Table::new())
            .unwrap();
        let days = |from: &str, n: i64| {
            let start: jiff::civil::Date = from.parse().unwrap();
            let list: Vec<String> = (0..n)
                .map(|i| {
                    start
                        .checked_add(jiff::Span::new().days(i))
                        .unwrap()
                        .to_string()
                })
                .collect();
            Normalized::new(from, Key::OneOf(list.into()))
        };
        let (year, feb28, feb24) = (
            days("2015-01-01", 365),
            days("2023-02-28", 1),
            days("2023-02-24", 1),
        );
        assert!(!days_disagree(date.as_ref(), &[&year, &feb28, &feb28]));
        assert!(days_disagree(date.as_ref(), &[&year, &feb28, &feb24]));
        // A month is a day precise enough: "the end of November" stays.
        let november = days("2022-11-21", 10);
        assert!(days_disagree(date.as_ref(), &[&november, &feb28]));
    }

    #[test]
    fn gaps_run_from_nought_to_one() {
        assert_eq!(gap(&interval(381.0), &interval(381.0)), 0.0);
        assert!((gap(&interval(300.0), &interval(600.0)) - 0.5).abs() < 1e-9);
        let day = |d: &str| Normalized::new(d, Key::OneOf(vec![d.to_string()].into()));
        assert!((gap(&day("2023-02-23"), &day("2023-02-24")) - 0.5).abs() < 1e-9);
        let label = |s: &str| Normalized::new(s, Key::Label(s.to_string()));
        assert_eq!(gap(&label("C5+1"), &label("C5 1")), 0.0, "same letters");
        assert!(gap(&label("Tleuberdi"), &label("Tileuberdi")) > 0.0);
    }
}
