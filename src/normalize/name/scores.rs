//! Surname scores kept per thread across articles. A name fact compares
//! every distinct capitalized spelling of an article with its surnames
//! ([`super::find::Person::find_in`]), and the articles of one story share
//! most of those spellings: on dense-1k the comparisons (a letter-count
//! bound, then an edit distance for the few that pass it) were ~130 M of
//! 2,750 M instructions, nearly all of them repeats.
//!
//! A score is a pure function of the spelling's skeleton and of the name
//! fact (its surnames and threshold), so it is kept by two numbers that
//! are never reused in a process: the spelling's [`super::index::Spelled`]
//! id and the fact's [`Name`](super::Name) id. Neither a table emptied
//! (new spellings get new ids) nor a rule set dropped (a new fact gets a
//! new id) can make a kept score answer for something else.

use super::index::Spelled;
use crate::text::words::Fx;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How many scores a thread keeps; past it, the table is emptied.
const KEPT_SCORES: usize = 1 << 16;

thread_local! {
    /// Scores by (fact id, spelling id). Never iterated: the hash decides
    /// nothing but speed.
    static SCORES: RefCell<HashMap<(u64, u64), f64, Fx>> = RefCell::default();
}

/// Empties this thread's kept scores (see
/// [`crate::normalize::clear_thread_caches`]).
pub(super) fn clear_thread_cache() {
    SCORES.take();
}

/// A number no other caller of this function gets in this process: the
/// identity of a name fact or of a folded spelling.
pub(super) fn fresh_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The scores of `spellings` for fact `fact`, in order: each kept one as
/// it is, each other one computed by `score` and kept.
pub(super) fn scores(
    fact: u64,
    spellings: &[Arc<Spelled>],
    mut score: impl FnMut(&Spelled) -> f64,
) -> Vec<f64> {
    SCORES.with_borrow_mut(|kept| {
        if kept.len() + spellings.len() > KEPT_SCORES {
            kept.clear();
        }
        spellings
            .iter()
            .map(|s| *kept.entry((fact, s.id)).or_insert_with(|| score(s)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_computed_once_per_fact_and_spelling() {
        let (fact, other) = (fresh_id(), fresh_id());
        let a = Arc::new(Spelled::new("Tokayev"));
        let b = Arc::new(Spelled::new("Tokaev"));
        // The same word folded again is another spelling, with its own id.
        let a_again = Arc::new(Spelled::new("Tokayev"));
        assert_ne!(a.id, a_again.id);
        let mut computed = Vec::new();
        let list = [a.clone(), b.clone(), a.clone(), a_again];
        let first = scores(fact, &list, |s| {
            computed.push(s.id);
            s.surname.len() as f64
        });
        // The third is the first spelling again: its kept score.
        assert_eq!(first, [7.0, 6.0, 7.0, 7.0]);
        assert_eq!(computed.len(), 3);
        let again = scores(fact, &[b.clone(), a.clone()], |_| unreachable!("kept"));
        assert_eq!(again, [6.0, 7.0]);
        // Another fact's scores are its own.
        assert_eq!(scores(other, &[a], |_| 0.5), [0.5]);
    }

    #[test]
    fn a_cleared_thread_computes_its_scores_again() {
        let fact = fresh_id();
        let a = Arc::new(Spelled::new("Tleuberdi"));
        assert_eq!(scores(fact, std::slice::from_ref(&a), |_| 0.9), [0.9]);
        clear_thread_cache();
        let mut computed = 0;
        let again = scores(fact, &[a], |_| {
            computed += 1;
            0.9
        });
        assert_eq!((again.as_slice(), computed), (&[0.9][..], 1));
    }
}
