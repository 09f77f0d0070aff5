//! The pipeline, stage by stage: load the rules, find the articles, read and
//! scan each one, compare per fact, and build the report.

use crate::compare;
use crate::corpus;
use crate::error::Result;
use crate::extract;
use crate::report::Report;
use crate::rules::RuleSet;
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
    let entries = corpus::discover(corpus)?;
    let mut sources = Vec::new();
    let mut mentions = Vec::new();
    let mut warnings = Vec::new();
    for entry in &entries {
        let (article, mut warned) = corpus::read(entry)?;
        warnings.append(&mut warned);
        if let Some(article) = article {
            mentions.extend(extract::scan(rules, &article));
            sources.push(article.source);
        }
    }
    let verdicts = compare::compare(&rules.facts, mentions);
    let files = rules
        .files
        .iter()
        .map(|f| corpus::display_path(f))
        .collect();
    Ok(Report::new(verdicts, sources, files, warnings))
}
