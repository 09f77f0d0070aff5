//! Rules: TOML files of facts, loaded strictly. Every problem (syntax, an
//! unknown key, a bad regex, a pattern without a `value` group, a duplicate
//! id, an unknown kind, an example that fails) is one [`Error::Rules`] naming
//! the file, line and column and saying what to do.

pub mod budget;
mod compile;
pub mod constraint;
pub mod cues;
pub mod diagnose;
pub mod examples;
pub mod expr;
mod files;
pub mod hits;
pub mod placeholders;
pub mod spec;

pub use compile::{parse_file, parse_file_all, parse_file_full, COMMON_KEYS};
pub use cues::reading::Reading;
pub use hits::{hits, hits_in, Hit};

use crate::error::{Error, Location, Result};
use crate::normalize::{Normalized, Normalizer};
use crate::text::walk::Walk;
pub use constraint::{Constraint, PendingConstraint};
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

/// Empties this thread's caches of reading articles: the cue facts' values
/// by text, and the normalize and text stages' (see
/// [`crate::text::clear_thread_caches`]). Reading an article afterwards
/// gives what it gave; it only does the work again.
pub fn clear_thread_caches() {
    cues::reading::clear_thread_cache();
    crate::normalize::clear_thread_caches();
    crate::text::clear_thread_caches();
}

/// How serious a disagreement on a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// A compiled pattern of a fact.
#[derive(Debug)]
pub struct Pattern {
    pub regex: Regex,
    /// The same regex, searched with the DFA scanning (what articles are read with).
    pub scan: crate::text::fastre::Pattern,
    /// The regex as written in the rule file.
    pub source: String,
    pub origin: Location,
}

/// An example of a fact, checked when the rules load.
#[derive(Debug)]
pub struct Example {
    pub text: String,
    pub value: Option<String>,
    pub approximate: Option<bool>,
    pub matches: bool,
    pub published: Option<jiff::civil::Date>,
    pub subject: Option<String>,
    pub origin: Location,
}

/// How a fact's figure may move over time (`changes = "rises"`): a death
/// toll rises, a count of missing people falls. Mentions are then ordered
/// by the moment they stand for, and a move in this direction is an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Changes {
    Rises,
    Falls,
    /// Either way; only the newest figure counts.
    Any,
}

impl Changes {
    pub fn parse(s: &str) -> Option<Changes> {
        match s {
            "rises" => Some(Changes::Rises),
            "falls" => Some(Changes::Falls),
            "any" => Some(Changes::Any),
            _ => None,
        }
    }
}

/// A checkable fact, compiled from a `[[fact]]` table.
#[derive(Debug)]
pub struct Fact {
    pub id: String,
    pub claim: String,
    pub kind: &'static str,
    pub severity: Severity,
    pub patterns: Vec<Pattern>,
    /// Values from the public record (any of them matches); empty without `expect`.
    pub expect: Vec<Normalized>,
    pub examples: Vec<Example>,
    pub normalizer: Box<dyn Normalizer>,
    /// Where the fact is defined (its `id` line).
    pub origin: Location,
    /// Value groups of multi-value patterns (`values = [...]`); empty: one `value` group.
    pub values: Vec<String>,
    /// `cues`, `exclude`, `window` and `by`, when the fact has any of them.
    pub cues: Option<cues::Cues>,
    /// The direction the figure moves in over time, when it changes.
    pub changes: Option<Changes>,
    /// A number fact with `ordinal = true`: near its cues it reads ordinals
    /// ("7th", "seventh") as well as numbers.
    pub ordinals: bool,
}

impl Fact {
    /// Whether the fact's values are found by its kind near its cues
    /// (rather than by patterns, which cues only filter).
    pub fn reads_near_cues(&self) -> bool {
        self.patterns.is_empty() && self.cues.as_ref().is_some_and(|c| !c.cues.is_empty())
    }
}

/// How rules are loaded: how their folders are walked, and what all their
/// compiled patterns may take together ([`budget`]).
#[derive(Debug, Clone, Copy)]
pub struct Load {
    pub walk: Walk,
    /// Bytes, by [`budget::compiled_size`]'s estimate.
    pub budget: usize,
}

impl Default for Load {
    fn default() -> Self {
        Load {
            walk: Walk::default(),
            budget: budget::BUDGET,
        }
    }
}

impl From<Walk> for Load {
    fn from(walk: Walk) -> Self {
        Load {
            walk,
            ..Load::default()
        }
    }
}

/// Every fact of every loaded rule file, in file order.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub facts: Vec<Fact>,
    pub constraints: Vec<Constraint>,
    pub files: Vec<PathBuf>,
    /// Paths in the rule folders that were skipped (pipes, devices), and why.
    pub warnings: Vec<crate::text::Warning>,
}

impl RuleSet {
    /// Loads every `*.toml` file under `paths` (files, or folders searched
    /// recursively, honouring ignore files), checks every example, and fails
    /// on the first problem.
    pub fn load(paths: &[PathBuf]) -> Result<RuleSet> {
        RuleSet::load_with(paths, Walk::default())
    }

    /// [`RuleSet::load`], walking folders and bounding patterns as `how`
    /// says (`--no-ignore`, `--regex-size-limit`; a bare [`Walk`] keeps the
    /// default budget).
    pub fn load_with(paths: &[PathBuf], how: impl Into<Load>) -> Result<RuleSet> {
        let rules = RuleSet::load_unchecked_with(paths, how)?;
        let mut errors = Vec::new();
        for fact in &rules.facts {
            if let Some(failure) = examples::check_fact(fact).into_iter().next() {
                errors.push(Error::rules(
                    failure.origin,
                    format!("example of fact `{}` fails: {}", fact.id, failure.message),
                    "fix the pattern or the example (`factlint rules test` lists every failure)",
                ));
            }
        }
        if errors.is_empty() {
            Ok(rules)
        } else {
            Err(Error::several(errors))
        }
    }

    /// Loads and compiles the rules without running their examples.
    pub fn load_unchecked(paths: &[PathBuf]) -> Result<RuleSet> {
        RuleSet::load_unchecked_with(paths, Walk::default())
    }

    /// [`RuleSet::load_unchecked`], walking folders and bounding patterns as `how` says.
    pub fn load_unchecked_with(paths: &[PathBuf], how: impl Into<Load>) -> Result<RuleSet> {
        let how = how.into();
        let (files, warnings) = files::rule_files(paths, how.walk)?;
        let mut rules = RuleSet {
            warnings,
            ..RuleSet::default()
        };
        let mut seen: BTreeMap<String, Location> = BTreeMap::new();
        let mut pending = Vec::new();
        // Every file is read and every fact compiled before giving up, so
        // one run shows every problem (the CLI prints up to a limit).
        let mut errors = Vec::new();
        for file in &files {
            let text = match crate::text::read_utf8(file) {
                Ok(text) => text,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let (facts, constraints, problems) = parse_file_all(file, &text);
            errors.extend(problems);
            pending.extend(constraints);
            for fact in facts {
                if let Some(first) = seen.get(&fact.id) {
                    errors.push(Error::rules(
                        fact.origin.clone(),
                        format!("duplicate fact id `{}` (first defined at {first})", fact.id),
                        "fact ids must be unique across all rule files: rename one",
                    ));
                    continue;
                }
                seen.insert(fact.id.clone(), fact.origin.clone());
                rules.facts.push(fact);
            }
        }
        rules.files = files;
        let mut ids: BTreeMap<String, Location> = BTreeMap::new();
        for c in pending {
            if let Some(first) = ids.get(&c.id).or(seen.get(&c.id)) {
                errors.push(Error::rules(
                    c.origin.clone(),
                    format!("duplicate id `{}` (first defined at {first})", c.id),
                    "constraint ids must differ from each other and from fact ids",
                ));
                continue;
            }
            ids.insert(c.id.clone(), c.origin.clone());
            match constraint::resolve(c, &rules.facts) {
                Ok(constraint) => rules.constraints.push(constraint),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(Error::several(errors));
        }
        budget::check(&rules.facts, how.budget)?;
        Ok(rules)
    }
}
