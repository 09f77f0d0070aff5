//! The pipeline, stage by stage: load the rules, find the articles, read and
//! scan each one, compare per fact, and build the report.

use crate::compare;
use crate::corpus;
use crate::error::Result;
use crate::extract;
use crate::report::Report;
use crate::rules::RuleSet;
use crate::suppress;
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
    check_entries(rules, &corpus::discover(corpus)?)
}

/// Checks articles found by [`corpus::discover`] (possibly filtered), reading
/// one at a time.
pub fn check_entries(rules: &RuleSet, entries: &[corpus::Entry]) -> Result<Report> {
    let mut scan = Scan::default();
    for entry in entries {
        let (article, mut warned) = corpus::read(entry)?;
        scan.warnings.append(&mut warned);
        if let Some(article) = article {
            scan.add(rules, article);
        }
    }
    Ok(scan.finish(rules))
}

/// Checks articles already in memory (rule-file corpus tests, editors).
pub fn check_articles(rules: &RuleSet, articles: Vec<corpus::Article>) -> Report {
    let mut scan = Scan::default();
    for article in articles {
        scan.add(rules, article);
    }
    scan.finish(rules)
}

/// Mentions gathered article by article; inline ignore markers set some
/// aside (see [`crate::suppress`]).
#[derive(Default)]
struct Scan {
    sources: Vec<corpus::Source>,
    mentions: Vec<extract::Mention>,
    ignored: Vec<extract::Mention>,
    warnings: Vec<corpus::Warning>,
}

impl Scan {
    fn add(&mut self, rules: &RuleSet, article: corpus::Article) {
        let (active, mut ignored) =
            suppress::split_inline(&article.text, extract::scan(rules, &article));
        self.mentions.extend(active);
        self.ignored.append(&mut ignored);
        self.sources.push(article.source);
    }

    fn finish(self, rules: &RuleSet) -> Report {
        let mut verdicts = compare::compare(&rules.facts, self.mentions);
        suppress::attach_inline(&mut verdicts, self.ignored);
        let files = rules
            .files
            .iter()
            .map(|f| corpus::display_path(f))
            .collect();
        Report::new(verdicts, self.sources, files, self.warnings)
    }
}
