//! The pipeline, stage by stage: load the rules, find the articles, read and
//! scan each one, compare per fact, and build the report.

use crate::corpus;
use crate::error::Result;
use crate::extract::prefilter::Prefilter;
use crate::report::Report;
use crate::rules::RuleSet;
use crate::scan::{self, Progress, Shard};
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
    check_entries(rules, corpus::discover(corpus)?)
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
    let scanned = scan::scan_corpus(rules, entries, Shard::ALL, progress)?;
    Ok(scan::report(rules, scanned))
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
