//! Mentions grouped by fact (and subject) as they are found. The scan's
//! worker threads hand each article's mentions to one [`Collector`], which
//! appends them to their group at once, so no per-article list outlives its
//! article: at 100,000 dense articles (1.6 million mentions) the mentions
//! are held once, in the list each verdict is then judged in
//! ([`super::judge`] sets a mention's flags in place).
//!
//! An article's mentions of a group stay together and in order; the groups
//! are sorted by file, line, column and value when judged (a stable sort),
//! and two articles never share a path (discovery skips a file found
//! twice), so the verdicts do not depend on the order articles are added in.

use super::{judge, MentionVerdict, Verdict};
use crate::extract::Mention;
use crate::rules::Fact;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Mutex;

/// One fact's groups: each subject (none for most facts) with its mentions.
type Subjects = Vec<(Option<String>, Vec<MentionVerdict>)>;

/// The mentions of a corpus by fact and subject, filled from any thread.
pub struct Collector<'f> {
    facts: &'f [Fact],
    /// A fact's index by its id: looked up once per mention.
    index: HashMap<&'f str, usize>,
    groups: Mutex<Vec<Subjects>>,
}

impl<'f> Collector<'f> {
    /// No mentions yet of `facts`.
    pub fn new(facts: &'f [Fact]) -> Collector<'f> {
        let mut index = HashMap::new();
        for (i, f) in facts.iter().enumerate() {
            // The first fact of an id takes its mentions, as it always did.
            index.entry(f.id.as_str()).or_insert(i);
        }
        Collector {
            facts,
            index,
            groups: Mutex::new(vec![Vec::new(); facts.len()]),
        }
    }

    /// Adds one article's mentions (those of facts not among the rules are
    /// dropped, as the comparer always did).
    pub fn add(&self, mentions: Vec<Mention>) {
        if mentions.is_empty() {
            return;
        }
        // A poisoned lock only means another thread panicked while holding
        // it; each push is one step, so the groups are still consistent.
        let mut groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        for m in mentions {
            let Some(&i) = self.index.get(m.fact().as_str()) else {
                continue;
            };
            // A fact has a handful of subjects at most: a scan, not a map.
            let subjects = &mut groups[i];
            let at = match subjects
                .iter()
                .position(|(s, _)| *s == m.normalized().subject)
            {
                Some(at) => at,
                None => {
                    subjects.push((m.normalized().subject.clone(), Vec::new()));
                    subjects.len() - 1
                }
            };
            subjects[at].1.push(MentionVerdict::new(m));
        }
    }

    /// The verdict on every fact, in the rules' order, its subjects sorted
    /// (a fact no article states has one verdict, `missing`).
    pub fn verdicts(self) -> Vec<Verdict> {
        let groups = self.groups.into_inner().unwrap_or_else(|e| e.into_inner());
        // Each fact (subject) is judged on its own, in parallel, largest
        // first: a corpus-wide fact with 10,000 mentions takes as long as
        // many small ones, and started last it kept one thread busy alone
        // while the other waited. Verdicts are put back in report order.
        let mut jobs = Vec::new();
        for (fact, mut subjects) in self.facts.iter().zip(groups) {
            if subjects.is_empty() {
                jobs.push((jobs.len(), fact, None, Vec::new()));
                continue;
            }
            subjects.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for (subject, ms) in subjects {
                jobs.push((jobs.len(), fact, subject, ms));
            }
        }
        jobs.sort_by_key(|(at, _, _, ms)| (std::cmp::Reverse(ms.len()), *at));
        let mut judged: Vec<(usize, Verdict)> = jobs
            .into_par_iter()
            .with_max_len(1)
            .map(|(at, fact, subject, ms)| (at, judge(fact, subject, ms)))
            .collect();
        judged.sort_unstable_by_key(|(at, _)| *at);
        judged.into_iter().map(|(_, v)| v).collect()
    }
}
