//! Scanning a corpus in parallel: each article is read, scanned and dropped
//! on a worker thread (rayon), so only its source metadata, warnings and
//! mentions stay in memory, never the corpus. Results are kept in the
//! stable order of discovery (`seq`, the article's index), so the report is
//! byte-identical whatever the number of threads, and identical whether the
//! corpus is scanned at once or in shards (`--shard K/N`) merged later.

pub mod jsonl;
mod kept;
pub mod trim;

use crate::compare;
use crate::compare::suppress;
use crate::corpus::{self, Article, Entry, Source, Warning};
use crate::error::{Error, Result};
use crate::extract::{self, prefilter::Prefilter, Interner, Mention};
use crate::normalize::numtext::style;
use crate::report::Report;
use crate::rules::RuleSet;
use kept::Kept;
use rayon::prelude::*;
use std::fmt;
use std::str::FromStr;

/// What one article gave.
#[derive(Debug, Clone, Default)]
pub struct Scanned {
    /// The article's index in discovery order.
    pub seq: usize,
    /// `None` when the article was skipped (the warnings say why).
    pub source: Option<Source>,
    pub mentions: Vec<Mention>,
    /// Mentions of facts the article's inline markers ignore (reported, not compared).
    pub ignored: Vec<Mention>,
    pub warnings: Vec<Warning>,
}

/// Told how far a scan is (a progress bar). Called from worker threads.
pub trait Progress: Sync {
    /// The scan of `total` articles begins.
    fn start(&self, _total: usize) {}
    /// One more article done.
    fn advance(&self) {}
    /// The scan is over.
    fn finish(&self) {}
}

/// No progress reporting.
impl Progress for () {}

/// One of `count` parts of the corpus: the articles whose index `seq`
/// satisfies `seq % count == index` (round robin, so shards are of equal
/// size and each gets a mix of folders). Written `K/N`, K from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// The whole corpus.
    pub const ALL: Shard = Shard { index: 0, count: 1 };

    pub fn takes(&self, seq: usize) -> bool {
        seq % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = Error;

    fn from_str(s: &str) -> Result<Shard> {
        let bad = || {
            Error::usage(
                format!("`{s}` is not a shard"),
                "write K/N with 1 ≤ K ≤ N, e.g. --shard 2/8",
            )
        };
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (k, n): (usize, usize) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if k == 0 || n == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard {
            index: k - 1,
            count: n,
        })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index + 1, self.count)
    }
}

/// Reads and scans the articles of `shard`, in parallel, in `seq` order.
/// The first error in that order wins, so errors are deterministic too.
pub fn scan_corpus(
    rules: &RuleSet,
    entries: Vec<Entry>,
    shard: Shard,
    progress: &dyn Progress,
) -> Result<Vec<Scanned>> {
    let filter = Prefilter::new(rules);
    // Equal quotes, values and names across articles are held once.
    let interner = Interner::new();
    let chosen: Vec<(usize, Entry)> = entries
        .into_iter()
        .enumerate()
        .filter(|(seq, _)| shard.takes(*seq))
        .collect();
    progress.start(chosen.len());
    let results: Vec<Result<Scanned>> = chosen
        .into_par_iter()
        .map(|(seq, entry)| {
            let (scanned, _) = read_and_scan(rules, &filter, &interner, seq, entry)?;
            progress.advance();
            Ok(scanned)
        })
        .collect();
    progress.finish();
    first_error(results)
}

/// The records of a parallel scan in `seq` order, or the first error in
/// that order (errors are deterministic too). The records are moved once,
/// with no second copy of the list kept while they are.
fn first_error<T, E>(
    mut results: Vec<std::result::Result<T, E>>,
) -> std::result::Result<Vec<T>, E> {
    if let Some(first) = results.iter().position(std::result::Result::is_err) {
        results.swap_remove(first)?;
    }
    Ok(results
        .into_iter()
        .filter_map(std::result::Result::ok)
        .collect())
}

/// Scans one article in memory; mentions of facts its inline markers
/// ignore are set aside (see [`crate::compare::suppress`]). A publication
/// date its relative dates contradict is a warning
/// ([`extract::reprint`]).
pub fn scan_article(rules: &RuleSet, filter: &Prefilter, seq: usize, article: Article) -> Scanned {
    let (found, warnings) = style::for_article(&article.text, || {
        let reading = extract::reading(&article);
        let found = extract::scan_reading(rules, filter, &article, &reading);
        let warnings = extract::reprint::check(rules, &article, &reading, &found)
            .into_iter()
            .collect();
        (found, warnings)
    });
    let (mut mentions, mut ignored) = suppress::split_inline(&article.text, found);
    // Kept until the whole corpus is scanned: no spare capacity per article.
    mentions.shrink_to_fit();
    ignored.shrink_to_fit();
    Scanned {
        seq,
        source: Some(article.source),
        mentions,
        ignored,
        warnings,
    }
}

/// Reads and scans the article of `entry` (number `seq`), its mentions'
/// strings and values swapped for `interner`'s; with `false` when the entry
/// held no article to scan (its record then holds only its warnings).
fn read_and_scan(
    rules: &RuleSet,
    filter: &Prefilter,
    interner: &Interner,
    seq: usize,
    entry: Entry,
) -> Result<(Scanned, bool)> {
    let (article, warnings) = corpus::read_owned(entry)?;
    let Some(article) = article else {
        let scanned = Scanned {
            seq,
            warnings,
            ..Scanned::default()
        };
        return Ok((scanned, false));
    };
    let mut scanned = scan_article(rules, filter, seq, article);
    interner.mentions(&mut scanned.mentions);
    interner.mentions(&mut scanned.ignored);
    scanned.warnings.splice(0..0, warnings);
    Ok((scanned, true))
}

/// Reads, scans and compares the whole corpus into its report, the
/// mentions grouped by fact as each article is scanned
/// ([`compare::Collector`]): no article's mention list outlives its scan,
/// so every mention is held once (at 100,000 dense articles, 1.6 million).
/// The same report as [`report`] on [`scan_corpus`]'s records.
pub fn scan_report(
    rules: &RuleSet,
    entries: Vec<Entry>,
    progress: &dyn Progress,
) -> Result<Report> {
    let filter = Prefilter::new(rules);
    let interner = Interner::new();
    let collector = compare::Collector::new(&rules.facts);
    trim::fixed_mmap_threshold();
    // Each entry in a box of its own, freed as its article is read (and its
    // page given back below): the list itself, 280 bytes an entry, would
    // otherwise be held until the last article is scanned.
    let entries: Vec<Box<Entry>> = entries.into_iter().map(Box::new).collect();
    // What discovery freed (manifests, the walk's lists) is given back
    // before the workers start: they allocate from their own arenas and
    // would never reuse it.
    trim::release_free_memory();
    progress.start(entries.len());
    // The error boxed: a result slot is held per article until the end.
    let results: Vec<std::result::Result<Kept, Box<Error>>> = entries
        .into_par_iter()
        .enumerate()
        .map(|(seq, entry)| {
            let (mut scanned, read) = read_and_scan(rules, &filter, &interner, seq, *entry)?;
            let named = scanned.mentions.first().map(|m| m.place().clone());
            // The constraints read the article's own mentions, in its
            // order, before they join their facts' groups (an article
            // without any has no value to check: no path is needed).
            let checks = match &named {
                Some(place) if read && !rules.constraints.is_empty() => {
                    let own: Vec<&Mention> = scanned.mentions.iter().collect();
                    let shared = |s: &str| interner.string(s);
                    compare::constraints::check_source(
                        &rules.constraints,
                        &place.path,
                        &own,
                        &shared,
                    )
                }
                _ => Vec::new(),
            };
            if read {
                collector.add(std::mem::take(&mut scanned.mentions));
            }
            let kept = Kept::new(
                scanned.source,
                named.as_ref(),
                scanned.warnings,
                scanned.ignored,
                checks,
                &interner,
            );
            if seq % TRIM_EVERY == TRIM_EVERY - 1 {
                trim::release_free_memory();
            }
            progress.advance();
            Ok(kept)
        })
        .collect();
    progress.finish();
    // No article is read from here on: what the scan kept to read the
    // next one faster is given back before judging.
    trim::release_thread_caches();
    let mut results = first_error(results).map_err(|e| *e)?;
    let mut checks: Vec<Vec<compare::constraints::SourceCheck>> =
        vec![Vec::new(); rules.constraints.len()];
    for kept in &mut results {
        let taken = std::mem::take(&mut kept.checks).into_vec();
        for (list, check) in checks.iter_mut().zip(taken) {
            list.extend(check);
        }
    }
    let checked = compare::constraints::verdicts(&rules.constraints, checks);
    // In `seq` order already (rayon keeps the order of the entries); each
    // record is freed as its source moves to the report.
    let count = results.len();
    let scanned = results.into_iter().map(Kept::into_scanned);
    Ok(assemble(rules, count, scanned, collector, checked))
}

/// Every how many articles the scan gives freed memory back
/// ([`trim::release_free_memory`]: a walk over the allocator's free lists,
/// well under a millisecond).
const TRIM_EVERY: usize = 1024;

/// The report from scanned articles (any order; sorted by `seq` here).
pub fn report(rules: &RuleSet, mut scanned: Vec<Scanned>) -> Report {
    // `seq` is unique, so an unstable sort gives the one order and needs no scratch buffer.
    scanned.sort_unstable_by_key(|s| s.seq);
    let checked =
        compare::constraints::check(&rules.constraints, scanned.iter().flat_map(|s| &s.mentions));
    // Grouped article by article, each list freed once its mentions are in
    // their groups: every mention is held once.
    let collector = compare::Collector::new(&rules.facts);
    for s in &mut scanned {
        collector.add(std::mem::take(&mut s.mentions));
    }
    assemble(rules, scanned.len(), scanned, collector, checked)
}

/// The report from the articles' `count` records in `seq` order (their
/// mentions already in `collector`) and the constraint verdicts.
fn assemble(
    rules: &RuleSet,
    count: usize,
    scanned: impl IntoIterator<Item = Scanned>,
    collector: compare::Collector,
    checked: Vec<compare::constraints::ConstraintVerdict>,
) -> Report {
    // Judged before the sources are listed: judging a fact of 100,000
    // mentions takes tens of MB for a moment (sorting, mentions by
    // article), given back before the list of 100,000 sources is made.
    let mut verdicts = collector.verdicts();
    trim::release_free_memory();
    let mut sources = Vec::with_capacity(count);
    let mut ignored = Vec::new();
    let mut warnings = rules.warnings.clone();
    for s in scanned {
        warnings.extend(s.warnings);
        ignored.extend(s.ignored);
        sources.extend(s.source);
    }
    warnings.extend(undated(rules, &sources));
    suppress::attach_inline(&mut verdicts, ignored);
    let files = rules
        .files
        .iter()
        .map(|f| corpus::display_path(f))
        .collect();
    Report::new(verdicts, sources, files, warnings).with_constraints(checked)
}

/// One warning per folder whose articles have no publication date, when
/// the rules have date facts: "Thursday" or "yesterday" in those articles
/// stays unresolved, and a real conflict can vanish without it.
fn undated(rules: &RuleSet, sources: &[corpus::Source]) -> Vec<corpus::Warning> {
    let Some(fact) = rules.facts.iter().find(|f| f.kind == "date") else {
        return Vec::new();
    };
    let mut by_folder: std::collections::BTreeMap<String, (Vec<&str>, usize)> =
        std::collections::BTreeMap::new();
    for s in sources {
        let folder = s
            .path
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
            .to_string();
        let entry = by_folder.entry(folder).or_default();
        entry.1 += 1;
        if s.published.is_none() {
            entry.0.push(&s.file);
        }
    }
    by_folder
        .into_iter()
        .filter(|(_, (undated, _))| !undated.is_empty())
        .map(|(folder, (undated, total))| {
            let manifest = if folder.is_empty() {
                "sources.toml".to_string()
            } else {
                format!("{folder}/sources.toml")
            };
            let mut named: Vec<&str> = undated.iter().take(3).copied().collect();
            let more = undated.len() - named.len();
            let list = if more > 0 {
                named.push("…");
                format!("{} and {more} more", named.join(", "))
            } else {
                named.join(", ")
            };
            format!(
                "{manifest}: {} of {total} articles have no publication date ({list}), and {} has date facts: their relative dates (\"Thursday\", \"yesterday\") stay unresolved — add `published = YYYY-MM-DD` to their [[source]] entries there, or to each article's front matter",
                undated.len(),
                fact.origin.path.display()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_round_robin_and_parse_strictly() {
        let shard: Shard = "2/3".parse().unwrap();
        assert_eq!(shard, Shard { index: 1, count: 3 });
        assert_eq!(
            (0..7).filter(|s| shard.takes(*s)).collect::<Vec<_>>(),
            [1, 4]
        );
        assert_eq!(shard.to_string(), "2/3");
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
