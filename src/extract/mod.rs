//! The matcher: runs each fact's patterns over an article, keeps one match
//! per place (the first pattern wins where two overlap), normalizes it, and
//! records where it is (file, line, column, the sentence it stands in).

pub mod as_of;
pub mod prefilter;
pub mod reprint;
pub mod shared;

use crate::corpus::Article;
use crate::normalize::Normalized;
use crate::rules::{hits_in, Reading, RuleSet};
use crate::text;
use serde::{Deserialize, Serialize};
pub use shared::{Interner, Shared};
use std::sync::Arc;

/// One place an article states a fact. Its strings and value are shared
/// with the other mentions that hold equal ones ([`shared`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention {
    /// The fact's id.
    pub fact: Shared,
    /// The article's file name.
    pub source: Shared,
    /// The article's path as given on the command line.
    pub path: Shared,
    /// The exact matched text (the `value` group).
    pub text: Shared,
    /// The sentence it stands in.
    pub quote: Shared,
    /// 1-based line and column (in characters) of the value (`u32`: a
    /// mention is held per occurrence, 1.6 million at 100,000 articles).
    pub line: u32,
    pub column: u32,
    #[serde(flatten)]
    pub normalized: Arc<Normalized>,
    /// The moment the figure stands for, for facts that change over time
    /// (`changes`): the publication date and time, or an "as of" phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Box<as_of::Moment>>,
}

/// Every mention of every fact in one article.
pub fn scan(rules: &RuleSet, article: &Article) -> Vec<Mention> {
    scan_filtered(
        rules,
        &prefilter::Prefilter::everything(rules.facts.len()),
        article,
    )
}

/// Every mention in one article, running only the facts `filter` lets
/// through (the same mentions as [`scan`], in the same order).
pub fn scan_filtered(
    rules: &RuleSet,
    filter: &prefilter::Prefilter,
    article: &Article,
) -> Vec<Mention> {
    scan_reading(rules, filter, article, &reading(article))
}

/// The article as its facts read it: words, sentences and values read once
/// for all of them (and for [`reprint::check`]).
pub fn reading(article: &Article) -> Reading<'_> {
    Reading::new(&article.text, article.body_start, article.source.dated())
        .with_timezone(article.source.timezone.as_deref())
}

/// [`scan_filtered`] through the article's `reading` ([`reading`]).
pub fn scan_reading(
    rules: &RuleSet,
    filter: &prefilter::Prefilter,
    article: &Article,
    reading: &Reading,
) -> Vec<Mention> {
    let wanted = filter.candidates(&article.text[article.body_start..]);
    let mut index = None;
    let mut bounds = text::Bounds::new(&article.text);
    let mut mentions = Vec::new();
    // One allocation per article for its names, one per hit for its quote.
    let source = Shared::from(&article.source.file);
    let path = Shared::from(&article.source.path);
    for (fact, _) in rules.facts.iter().zip(&wanted).filter(|(_, w)| **w) {
        let index = index.get_or_insert_with(|| text::LineIndex::new(&article.text));
        for hit in hits_in(fact, reading) {
            let (line, column) = index.line_col(&article.text, hit.value.start);
            // An article of over 4 billion lines or characters on a line
            // (4 GB) is not news copy: its places saturate.
            let (line, column) = (
                u32::try_from(line).unwrap_or(u32::MAX),
                u32::try_from(column).unwrap_or(u32::MAX),
            );
            let quote = Shared::from(bounds.quote(hit.value.clone(), 280));
            let text = Shared::from(&article.text[hit.value.clone()]);
            let id = Shared::from(&fact.id);
            let moment = fact.changes.and_then(|_| {
                Some(Box::new(as_of::moment(
                    &article.text,
                    hit.value.clone(),
                    article.source.dated(),
                    article.source.dated_at(),
                    article.source.timezone.as_deref(),
                )?))
            });
            for normalized in hit.values {
                mentions.push(Mention {
                    fact: id.clone(),
                    source: source.clone(),
                    path: path.clone(),
                    text: text.clone(),
                    quote: quote.clone(),
                    line,
                    column,
                    normalized: Arc::new(normalized),
                    as_of: moment.clone(),
                });
            }
        }
    }
    mentions
}
