//! The matcher: runs each fact's patterns over an article, keeps one match
//! per place (the first pattern wins where two overlap), normalizes it, and
//! records where it is (file, line, column, the sentence it stands in).

pub mod as_of;
pub mod mention;
pub mod prefilter;
pub mod reprint;
pub mod shared;

use crate::corpus::Article;
use crate::rules::{hits_in, Reading, RuleSet};
use crate::text;
pub use mention::{Mention, Place, Said};
pub use shared::{Interner, Shared};
use std::sync::Arc;

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
        .with_timezone(article.source.timezone())
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
    // One place per article, one record of what was said per value (the
    // interner then swaps it for its equal one).
    let place = Arc::new(Place::new(&article.source.file, &article.source.path));
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
                as_of::moment(
                    &article.text,
                    hit.value.clone(),
                    article.source.dated(),
                    article.source.dated_at(),
                    article.source.timezone(),
                )
            });
            for normalized in hit.values {
                let said = Said {
                    fact: id.clone(),
                    text: text.clone(),
                    quote: quote.clone(),
                    value: Arc::new(normalized),
                    as_of: moment.clone(),
                };
                mentions.push(Mention::new(Arc::new(said), place.clone(), line, column));
            }
        }
    }
    mentions
}
