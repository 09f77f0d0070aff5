//! The pipeline, stage by stage: load the rules, find the articles, read and
//! scan each one, compare per fact, and build the report.

use crate::compare::draft;
use crate::corpus;
use crate::error::Result;
use crate::extract::prefilter::Prefilter;
use crate::report::Report;
use crate::rules::RuleSet;
use crate::scan::{self, Progress};
use std::path::PathBuf;

pub mod corpus_test;
pub mod lint;

/// What to check.
#[derive(Debug, Clone)]
pub struct Options {
    /// Article files or folders.
    pub corpus: Vec<PathBuf>,
    /// Rule files or folders.
    pub rules: Vec<PathBuf>,
}

/// Loads the rules and checks the corpus against them.
pub fn run(options: &Options) -> Result<Report> {
    let rules = RuleSet::load(&options.rules)?;
    check(&rules, &options.corpus)
}

/// Checks the corpus against rules already loaded.
pub fn check(rules: &RuleSet, corpus: &[PathBuf]) -> Result<Report> {
    let mut report = check_entries(rules, corpus::discover(corpus)?)?;
    report
        .warnings
        .splice(0..0, corpus::meta::misplaced_manifests(corpus));
    Ok(report)
}

/// Checks articles found by [`corpus::discover`] (possibly filtered), read
/// and scanned in parallel.
pub fn check_entries(rules: &RuleSet, entries: Vec<corpus::Entry>) -> Result<Report> {
    check_with(rules, entries, &())
}

/// [`check_entries`], telling `progress` how far the scan is.
pub fn check_with(
    rules: &RuleSet,
    entries: Vec<corpus::Entry>,
    progress: &dyn Progress,
) -> Result<Report> {
    scan::scan_report(rules, entries, progress)
}

/// Draft mode: checks `drafts` against `against` and the record; the
/// report holds only what the drafts say (see [`crate::compare::draft`]).
/// A draft that is also among `against` (a folder holding it) is a draft only.
pub fn check_drafts(
    rules: &RuleSet,
    drafts: Vec<corpus::Entry>,
    against: Vec<corpus::Entry>,
    progress: &dyn Progress,
) -> Result<Report> {
    let real =
        |e: &corpus::Entry| std::fs::canonicalize(&e.path).unwrap_or_else(|_| e.path.clone());
    let draft_files: std::collections::BTreeSet<PathBuf> = drafts.iter().map(real).collect();
    let paths: std::collections::BTreeSet<String> =
        drafts.iter().map(|e| e.source.path.clone()).collect();
    let mut entries = drafts;
    entries.extend(
        against
            .into_iter()
            .filter(|e| !draft_files.contains(&real(e))),
    );
    let report = check_with(rules, entries, progress)?;
    // Constraint checks name their article by path, as everything else does.
    let draft_paths: std::collections::BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    let constraints = report
        .constraints
        .into_iter()
        .map(|c| draft::only_drafts(c, &draft_paths))
        .collect();
    let verdicts = draft::judge_drafts(&rules.facts, report.facts, &paths);
    let mut narrowed = Report::new(verdicts, report.sources, report.rules, report.warnings)
        .with_constraints(constraints);
    narrowed.drafts = paths.into_iter().collect();
    Ok(narrowed)
}

/// Checks articles already in memory (rule-file corpus tests, editors).
pub fn check_articles(rules: &RuleSet, articles: Vec<corpus::Article>) -> Report {
    let filter = Prefilter::new(rules);
    let scanned = articles
        .into_iter()
        .enumerate()
        .map(|(seq, article)| scan::scan_article(rules, &filter, seq, article))
        .collect();
    scan::report(rules, scanned)
}
