//! The pipeline, stage by stage: load the rules, find the articles, read and
//! scan each one, compare per fact, and build the report.

use crate::corpus;
use crate::error::Result;
use crate::report::Report;
use crate::rules::RuleSet;
use crate::scan::{self, Progress, Shard};
use std::path::PathBuf;

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
    check_with(rules, corpus, &())
}

/// Checks the corpus, articles scanned in parallel, telling `progress`.
pub fn check_with(rules: &RuleSet, corpus: &[PathBuf], progress: &dyn Progress) -> Result<Report> {
    let entries = corpus::discover(corpus)?;
    let scanned = scan::scan_corpus(rules, &entries, Shard::ALL, progress)?;
    Ok(scan::report(rules, scanned))
}
