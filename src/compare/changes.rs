//! Figures that change over time (`changes = "rises" | "falls" | "any"`):
//! a death toll of 175 on Sunday night and 617 two weeks later is an
//! update, not a conflict. Each mention stands for a moment (see
//! [`crate::extract::as_of`]); two values that disagree are:
//!
//! - **in order** when one moment is known to come before the other and the
//!   figure moves the declared way (for `any`, either way): the older one is
//!   superseded;
//! - **compatible but not the same** ("at least 175", then 617): the older
//!   is superseded all the same when the newer moves the declared way;
//! - **unordered** (one day, no times) under `rises`/`falls`: the one further
//!   in the declared direction is taken as the newer, so it supersedes the
//!   other; under `any` they cannot be told apart, which is a conflict;
//! - **a conflict** when the later figure moves against the direction, or
//!   when both stand for the same moment (the same instant, or one article's
//!   one moment: that article contradicts itself).
//!
//! Without a conflict the verdict is `updated`: the newest value, where it
//! was given, and the sources whose every figure was superseded. With one,
//! the mentions to blame are chosen greedily: the one in the most conflicting
//! pairs first (all of them when tied: one figure against one is a tie),
//! until no conflicting pair is left.

use crate::compare::keyed;
use crate::extract::Mention;
use crate::normalize::{Key, Normalized, Normalizer};
use crate::rules::Changes;
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// How a changing fact's mentions stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Indexes of mentions blamed for a conflict (empty: an update).
    pub blamed: BTreeSet<usize>,
    /// Per mention: a newer figure replaced it.
    pub superseded: Vec<bool>,
    /// Per mention: its article gives another figure for the same moment.
    pub self_contradiction: Vec<bool>,
}

impl Timeline {
    /// The mentions that are neither superseded nor blamed: the newest figures.
    pub fn current(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.superseded.len()).filter(|i| !self.superseded[*i] && !self.blamed.contains(i))
    }
}

/// `a` further up than `b`: its interval starts higher (or ends higher).
fn above(a: &Normalized, b: &Normalized) -> bool {
    match (&a.key, &b.key) {
        (Key::Interval { lo: al, hi: ah, .. }, Key::Interval { lo: bl, hi: bh, .. }) => {
            al > bl || (al == bl && ah > bh)
        }
        _ => false,
    }
}

/// Whether the move from `older` to `newer` goes the declared way.
fn moves_well(changes: Changes, older: &Normalized, newer: &Normalized) -> bool {
    match changes {
        Changes::Rises => above(newer, older),
        Changes::Falls => above(older, newer),
        Changes::Any => true,
    }
}

/// The order of two mentions' moments: `Some(Equal)` for one moment
/// (one instant, or one article's one moment), `None` when unknown.
fn order(a: &Mention, b: &Mention) -> Option<Ordering> {
    let (x, y) = (a.as_of()?, b.as_of()?);
    if a.path() == b.path() && x == y {
        return Some(Ordering::Equal);
    }
    x.order(y)
}

/// The timeline of `mentions` (resolved) of a fact that `changes`.
pub fn timeline(changes: Changes, n: &dyn Normalizer, mentions: &[&Mention]) -> Timeline {
    let count = mentions.len();
    let mut superseded = vec![false; count];
    let mut self_contradiction = vec![false; count];
    // Conflicting pairs (i, j), i < j.
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    for i in 0..count {
        for j in i + 1..count {
            let (a, b) = (&mentions[i].normalized(), &mentions[j].normalized());
            let newer_of = |older: usize, newer: usize| {
                let (o, w) = (&mentions[older].normalized(), &mentions[newer].normalized());
                moves_well(changes, o, w)
            };
            if n.agree(a, b) {
                // "At least 175" on Sunday still holds against 617 later,
                // but a newer figure has replaced it.
                if keyed(a) != keyed(b) {
                    match order(mentions[i], mentions[j]) {
                        Some(Ordering::Less) if newer_of(i, j) => superseded[i] = true,
                        Some(Ordering::Greater) if newer_of(j, i) => superseded[j] = true,
                        None if changes != Changes::Any && newer_of(i, j) => superseded[i] = true,
                        None if changes != Changes::Any && newer_of(j, i) => superseded[j] = true,
                        _ => {}
                    }
                }
                continue;
            }
            match order(mentions[i], mentions[j]) {
                Some(Ordering::Less) if newer_of(i, j) => superseded[i] = true,
                Some(Ordering::Greater) if newer_of(j, i) => superseded[j] = true,
                Some(Ordering::Less | Ordering::Greater) => conflicts.push((i, j)),
                Some(Ordering::Equal) => {
                    if mentions[i].path() == mentions[j].path() {
                        self_contradiction[i] = true;
                        self_contradiction[j] = true;
                    }
                    conflicts.push((i, j));
                }
                None if changes == Changes::Any => conflicts.push((i, j)),
                None if newer_of(i, j) => superseded[i] = true,
                None => superseded[j] = true,
            }
        }
    }
    Timeline {
        blamed: blame(count, &conflicts),
        superseded,
        self_contradiction,
    }
}

/// The mentions to blame so that no conflicting pair is left: the one in
/// the most pairs first, all of them when tied.
fn blame(count: usize, conflicts: &[(usize, usize)]) -> BTreeSet<usize> {
    let mut left: Vec<(usize, usize)> = conflicts.to_vec();
    let mut blamed = BTreeSet::new();
    while !left.is_empty() {
        let mut weight = vec![0usize; count];
        for &(i, j) in &left {
            weight[i] += 1;
            weight[j] += 1;
        }
        let best = *weight.iter().max().unwrap_or(&0);
        let picked: Vec<usize> = (0..count).filter(|i| weight[*i] == best).collect();
        // Of two tied sides of one pair, both are blamed: a tie stays a tie.
        blamed.extend(&picked);
        left.retain(|(i, j)| !picked.contains(i) && !picked.contains(j));
    }
    blamed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::as_of::Moment;
    use crate::normalize::number::Number;

    fn mention(path: &str, value: f64, date: &str, bound_at_least: bool) -> Mention {
        let hi = if bound_at_least { f64::INFINITY } else { value };
        let normalized = Normalized::new(
            value.to_string(),
            Key::Interval {
                lo: value,
                hi,
                unit: String::new(),
            },
        );
        let text = value.to_string();
        Mention::of("toll", path, path, text, "", 1, 1, normalized).at(Some(Moment {
            date: date.into(),
            time: None,
            utc: None,
            from: "published".into(),
        }))
    }

    fn number() -> Number {
        Number {
            tolerance: None,
            ordinal: false,
        }
    }

    #[test]
    fn a_rising_toll_is_an_update() {
        // Ludian: 175 (3 Aug), 398 (4 Aug), 410 (5 Aug), 617 (19 Aug).
        let ms = [
            mention("02", 175.0, "2014-08-03", true),
            mention("09", 398.0, "2014-08-04", false),
            mention("13", 410.0, "2014-08-05", false),
            mention("16", 617.0, "2014-08-19", false),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let t = timeline(Changes::Rises, &number(), &refs);
        assert!(t.blamed.is_empty());
        assert_eq!(t.superseded, [true, true, true, false]);
        assert_eq!(t.current().collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn a_later_lower_figure_is_blamed() {
        // Morocco's injured: 5,674 and "over 5,600" on 14 Sept, a stale
        // 5,500 on the 23rd.
        let ms = [
            mention("13", 5674.0, "2023-09-14", false),
            mention("16", 5500.0, "2023-09-23", false),
            mention("10", 2501.0, "2023-09-11", false),
            mention("14", 5600.0, "2023-09-14", true),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let t = timeline(Changes::Rises, &number(), &refs);
        assert_eq!(t.blamed, BTreeSet::from([1]));
        assert!(t.superseded[2]);
        // One figure against one: both sides.
        let t = timeline(Changes::Rises, &number(), &refs[..3]);
        assert_eq!(t.blamed, BTreeSet::from([0, 1]));
        // Falling, the same figures: the early 2,501 is the one against
        // the direction (both later figures are above it).
        let t = timeline(Changes::Falls, &number(), &refs);
        assert_eq!(t.blamed, BTreeSet::from([2]));
    }

    #[test]
    fn one_article_one_moment_two_figures_contradicts_itself() {
        let ms = [
            mention("15", 17.8, "2021-06-19", false),
            mention("15", 17.9, "2021-06-19", false),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let t = timeline(Changes::Rises, &number(), &refs);
        assert_eq!(t.self_contradiction, [true, true]);
        assert_eq!(t.blamed, BTreeSet::from([0, 1]));
    }

    #[test]
    fn unordered_figures_take_the_direction_unless_any() {
        let ms = [
            mention("06", 367.0, "2014-08-04", false),
            mention("09", 398.0, "2014-08-04", false),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let rises = timeline(Changes::Rises, &number(), &refs);
        assert!(rises.blamed.is_empty());
        assert_eq!(rises.superseded, [true, false]);
        let any = timeline(Changes::Any, &number(), &refs);
        assert_eq!(any.blamed, BTreeSet::from([0, 1]));
    }
}
