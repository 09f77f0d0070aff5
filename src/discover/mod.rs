//! Discovery: contradictions across articles found without any rule, and
//! draft rules for them. Two readings of the corpus:
//!
//! 1. [`cue`] and [`spell`] read every article once (in parallel): each
//!    typed value with the words that govern it, every name and term. Summed
//!    over the corpus, a (kind, cue word) pair stated in two articles or more,
//!    and a name or term spelled two ways, is a *proposal* ([`propose`]): a
//!    cue-based rule, written as TOML and loaded by the rule loader `check`
//!    uses.
//! 2. The proposals are checked like any rules ([`crate::check`]): the
//!    matcher takes, for each cue, the value its kind reads nearest to it,
//!    and `compare` judges the values with its own consensus. [`rank`] keeps
//!    the verdicts that say something (disagreements, then agreements of
//!    three sources or more, then of two), drops those a better one already
//!    covers, and orders them.
//!
//! What discovery shows is therefore what `check` with the drafted rules
//! (`--write-rules`) reports: the round trip holds by construction.

pub mod cue;
pub mod propose;
pub mod rank;
pub mod spell;

use crate::corpus::{self, Entry};
use crate::error::{Error, Location, Result};
use crate::report::Report;
use crate::rules::{Reading, RuleSet};
use crate::scan::Progress;
use cue::{ArticleCues, CueKey, CueStats};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// What to discover.
#[derive(Debug, Clone)]
pub struct Options {
    /// The most candidates shown and drafted.
    pub limit: usize,
    /// The file the draft rules are meant for (named in each candidate's `rule`).
    pub rules_file: PathBuf,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            limit: 50,
            rules_file: PathBuf::from("discovered.toml"),
        }
    }
}

/// What discovery found.
#[derive(Debug)]
pub struct Discovery {
    /// The candidates as verdicts, best first, with every article read.
    pub report: Report,
    /// The candidates as cue-based rules (TOML that `check` loads).
    pub rules: String,
    /// What was left out and why (articles without dates, covered facts).
    pub notes: Vec<String>,
}

/// The corpus as the first reading sums it up.
#[derive(Debug, Default)]
pub struct Survey {
    /// Articles read (not skipped).
    pub articles: usize,
    /// Articles with a publication date.
    pub dated: usize,
    /// Date values left out for want of a publication date.
    pub undated: usize,
    pub cues: HashMap<CueKey, CueStats>,
    /// Sentences read, and for each content word how many sentences hold it.
    pub sentences: usize,
    pub stems: HashMap<String, usize>,
    /// Each name or term as written → the articles (by index) that write it.
    pub names: BTreeMap<String, BTreeSet<usize>>,
    pub terms: BTreeMap<String, BTreeSet<usize>>,
}

impl Survey {
    /// How rare a content word is, from 0 (in every sentence) to 1: its
    /// inverse sentence frequency, ln((S+1)/(s+1)) / ln(S+1). A word in
    /// every other sentence ("Kazakhstan" in a story on Kazakhstan) governs
    /// no value in particular.
    pub fn rarity(&self, stem: &str) -> f64 {
        let all = self.sentences as f64 + 1.0;
        let with = self.stems.get(stem).copied().unwrap_or(0) as f64 + 1.0;
        if all <= 1.0 {
            return 1.0;
        }
        ((all / with).ln() / all.ln()).clamp(0.0, 1.0)
    }

    fn merge(mut self, other: Survey) -> Survey {
        self.articles += other.articles;
        self.dated += other.dated;
        self.undated += other.undated;
        self.sentences += other.sentences;
        for (k, n) in other.stems {
            *self.stems.entry(k).or_default() += n;
        }
        for (k, v) in other.cues {
            match self.cues.get_mut(&k) {
                Some(mine) => mine.merge(v),
                None => {
                    self.cues.insert(k, v);
                }
            }
        }
        for (mine, theirs) in [
            (&mut self.names, other.names),
            (&mut self.terms, other.terms),
        ] {
            for (k, v) in theirs {
                mine.entry(k).or_default().extend(v);
            }
        }
        self
    }
}

/// Reads the corpus once (in parallel) and sums up its values, names and terms.
pub fn survey(entries: &[Entry]) -> Result<Survey> {
    let parts: Vec<Result<Survey>> = entries
        .par_iter()
        .enumerate()
        .map(|(seq, entry)| {
            let (article, _) = corpus::read(entry)?;
            let Some(article) = article else {
                return Ok(Survey::default());
            };
            let published = article.source.published;
            let reading = Reading::new(&article.text, article.body_start, published)
                .with_timezone(article.source.timezone());
            let ArticleCues {
                cues,
                undated,
                sentences,
                stems,
            } = cue::read(&reading);
            let body = article.body_start..article.text.len();
            let each = |found: BTreeSet<String>| {
                found
                    .into_iter()
                    .map(|n| (n, BTreeSet::from([seq])))
                    .collect()
            };
            Ok(Survey {
                articles: 1,
                dated: usize::from(published.is_some()),
                undated,
                cues,
                sentences,
                stems,
                names: each(spell::names(&article.text, body.clone())),
                terms: each(spell::terms(&article.text, body)),
            })
        })
        .collect();
    let mut total = Survey::default();
    for part in parts {
        total = total.merge(part?);
    }
    Ok(total)
}

/// Discovers candidate facts in the articles of `entries`. Facts `covered`
/// already states (existing rules) are not proposed again.
pub fn discover(
    entries: Vec<Entry>,
    covered: Option<&RuleSet>,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Discovery> {
    let survey = survey(&entries)?;
    if survey.articles < 2 {
        let at = entries
            .first()
            .map_or_else(|| Location::file("."), |e| Location::file(&e.path));
        return Err(Error::corpus(
            at,
            format!(
                "discover compares articles, and {} readable here",
                if survey.articles == 1 {
                    "only one is"
                } else {
                    "none is"
                }
            ),
            "pass two articles or more about the same event (files or folders)",
        ));
    }
    let mut notes = Vec::new();
    if survey.undated > 0 {
        notes.push(format!(
            "{} of {} articles have no publication date: {} relative date{} (\"Thursday\", \"yesterday\") left out of date candidates; add `published` in sources.toml or the front matter",
            survey.articles - survey.dated,
            survey.articles,
            survey.undated,
            if survey.undated == 1 { "" } else { "s" },
        ));
    }
    let proposals = propose::proposals(&survey);
    let draft = propose::toml(&proposals, None);
    let rules = load(&options.rules_file, &draft)?;
    let report = crate::check::check_with(&rules, entries.clone(), progress)?;
    let skip = match covered {
        Some(existing) if !existing.facts.is_empty() => {
            let known = crate::check::check_with(existing, entries, &())?;
            rank::positions(&known.facts)
        }
        _ => BTreeSet::new(),
    };
    let ranked = rank::rank(&rules, &proposals, report.facts, &skip, options.limit);
    if ranked.covered > 0 {
        notes.push(format!(
            "{} candidate{} left out: already stated by the rules given with --rules",
            ranked.covered,
            if ranked.covered == 1 { "" } else { "s" }
        ));
    }
    let kept: Vec<&propose::Proposal> = ranked
        .verdicts
        .iter()
        .filter_map(|v| proposals.iter().find(|p| p.id == v.id))
        .collect();
    let text = propose::drafted(
        &kept,
        &ranked.verdicts,
        &report.sources,
        &options.rules_file,
    )?;
    let origins = load(&options.rules_file, &text)?;
    let mut verdicts = ranked.verdicts;
    for v in &mut verdicts {
        if let Some(f) = origins.facts.iter().find(|f| f.id == v.id) {
            v.rule = f.origin.to_string();
        }
    }
    let mut warnings = report.warnings;
    warnings.extend(notes.iter().cloned());
    let report = Report::new(
        verdicts,
        report.sources,
        vec![corpus::display_path(&options.rules_file)],
        warnings,
    );
    Ok(Discovery {
        report,
        rules: text,
        notes,
    })
}

/// Loads drafted rules with the loader `check` uses (examples not run).
fn load(path: &Path, text: &str) -> Result<RuleSet> {
    let (facts, _, errors) = crate::rules::parse_file_all(path, text);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    Ok(RuleSet {
        facts,
        constraints: Vec::new(),
        files: vec![path.to_path_buf()],
        warnings: Vec::new(),
    })
}
