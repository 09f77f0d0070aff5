//! Draft mode: an editor's pre-publication check. One or more drafts are
//! judged against the other sources (the wires, earlier stories) and the
//! record; the other sources are never blamed.
//!
//! Per fact (and subject) the draft mentions, only the draft's mentions can
//! be outliers or mismatches: a draft value is an outlier when it disagrees
//! with the consensus of the other sources (the value most of them agree
//! with, as in [`super::judge`], falling back to a value they all share) or
//! with any other source that sides with it, and is not on the record; a
//! mismatch when it disagrees with every expected value. The verdict keeps
//! the other sources' mentions, so reports quote what they say and which
//! ones say it. Facts the draft does not mention are left out. With no other
//! source on a fact, the draft is judged on its own (a draft that gives two
//! values contradicts itself). Constraints are kept for the drafts only.

use super::constraints::{ConstraintStatus, ConstraintVerdict};
use super::{consensus_of, expected_for, keyed, MentionVerdict, Reference, Status, Verdict};
use crate::extract::{Mention, Shared};
use crate::rules::Fact;
use std::collections::BTreeSet;

/// The verdicts of a whole-corpus check narrowed to the drafts: `drafts`
/// are the drafts' paths as mentions show them (`Mention::path`).
pub fn judge_drafts(
    facts: &[Fact],
    verdicts: Vec<Verdict>,
    drafts: &BTreeSet<String>,
) -> Vec<Verdict> {
    verdicts
        .into_iter()
        .filter(|v| {
            v.mentions
                .iter()
                .any(|m| drafts.contains(m.mention.path().as_str()))
        })
        .filter_map(|v| {
            let fact = facts.iter().find(|f| f.id == v.id)?;
            Some(judge(fact, v, drafts))
        })
        .collect()
}

/// One verdict re-judged from the draft's side.
fn judge(fact: &Fact, verdict: Verdict, drafts: &BTreeSet<String>) -> Verdict {
    let n = &fact.normalizer;
    let expect = expected_for(fact, verdict.subject.as_ref());
    let is_draft = |m: &Mention| drafts.contains(m.path().as_str());
    let counted =
        |m: &&MentionVerdict| m.suppressed.is_none() && m.mention.normalized().is_resolved();
    let draft: Vec<&Mention> = verdict
        .mentions
        .iter()
        .filter(counted)
        .map(|m| &m.mention)
        .filter(|m| is_draft(m))
        .collect();
    let others: Vec<&Mention> = verdict
        .mentions
        .iter()
        .filter(counted)
        .map(|m| &m.mention)
        .filter(|m| !is_draft(m))
        .collect();
    // Without other sources the draft is its own consensus.
    let consensus = if others.is_empty() {
        consensus_of(fact, &draft, &expect, false)
    } else {
        consensus_of(fact, &others, &expect, true)
    }
    .cloned();
    // The other sources that side with the consensus: a draft value must
    // agree with each of them ("2,900" agrees with "at least 2,000" but not
    // with the "2,012" beside it).
    let group: Vec<crate::normalize::Normalized> = match &consensus {
        Some(c) if !others.is_empty() => others
            .iter()
            .filter(|o| n.agree(o.normalized(), c))
            .map(|o| (*o.normalized()).clone())
            .collect(),
        _ => Vec::new(),
    };
    let on_record = |m: &Mention| expect.iter().any(|e| n.agree(m.normalized(), e));
    let reference = if expect.is_empty() || draft.is_empty() {
        Reference::None
    } else if draft.iter().all(|m| on_record(m)) {
        Reference::Match
    } else {
        Reference::Mismatch
    };
    let (no_draft, no_others) = (draft.is_empty(), others.is_empty());
    let self_contradictions: Vec<Shared> = verdict
        .self_contradictions
        .iter()
        .filter(|s| draft.iter().any(|m| m.path() == *s))
        .cloned()
        .collect();
    let mut outliers = BTreeSet::new();
    let mentions: Vec<MentionVerdict> = verdict
        .mentions
        .into_iter()
        .map(|m| {
            let judged = m.suppressed.is_none()
                && m.mention.normalized().is_resolved()
                && is_draft(&m.mention);
            // The record outranks the other sources: a draft value on the
            // record is never the outlier, even against a misspelling that
            // happens to lead among the others.
            let off = consensus
                .as_ref()
                .is_some_and(|c| !n.agree(m.mention.normalized(), c))
                || group.iter().any(|o| !n.agree(m.mention.normalized(), o));
            let outlier = judged && off && !on_record(&m.mention);
            let mismatch = judged && !expect.is_empty() && !on_record(&m.mention);
            if outlier {
                outliers.insert(m.mention.path().clone());
            }
            // The other sources are never blamed: no ties, and only a
            // draft can contradict itself.
            let self_contradiction = m.self_contradiction && is_draft(&m.mention);
            MentionVerdict {
                outlier,
                mismatch,
                tied: false,
                self_contradiction,
                ..m
            }
        })
        .collect();
    let status = if no_draft {
        Status::Unresolved
    } else if !outliers.is_empty() {
        Status::Conflict
    } else if no_others {
        Status::Single
    } else {
        Status::Agree
    };
    Verdict {
        status,
        reference,
        consensus: (status == Status::Conflict)
            .then(|| consensus.as_ref().map(keyed))
            .flatten(),
        outliers: outliers.into_iter().collect(),
        tie: false,
        by_record: false,
        groups: Vec::new(),
        self_contradictions,
        mentions,
        suppressed: false,
        ..verdict
    }
}

/// A constraint verdict with only the checks of the drafts (by path: two
/// folders may hold articles of one file name).
pub fn only_drafts(mut c: ConstraintVerdict, drafts: &BTreeSet<&str>) -> ConstraintVerdict {
    c.sources.retain(|s| drafts.contains(s.source.as_str()));
    c.status = if c.sources.is_empty() {
        ConstraintStatus::Unchecked
    } else if c.sources.iter().all(|s| s.holds) {
        ConstraintStatus::Holds
    } else {
        ConstraintStatus::Violated
    };
    c
}
