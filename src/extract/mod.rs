//! The matcher: runs each fact's patterns over an article, keeps one match
//! per place (the first pattern wins where two overlap), normalizes it, and
//! records where it is (file, line, column, the sentence it stands in).

pub mod jsonl;
pub mod prefilter;
pub mod text;

use crate::corpus::Article;
use crate::normalize::{Key, Normalized, RawMatch};
use crate::rules::{Fact, RuleSet};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A match of a fact's pattern and the values read from it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Byte span of the `value` group.
    pub value: Range<usize>,
    /// Byte span of the whole match.
    pub whole: Range<usize>,
    pub values: Vec<Normalized>,
}

/// The value of a match the normalizer could not read, with the reason.
pub fn unresolved(reason: String) -> Normalized {
    Normalized::new("unresolved", Key::Unresolved(reason.clone())).note(reason)
}

/// Every match of `fact` in `text[from..]`, in text order, overlaps removed.
pub fn hits(
    fact: &Fact,
    text: &str,
    from: usize,
    published: Option<jiff::civil::Date>,
) -> Vec<Hit> {
    hits_in(fact, text, from, published, None)
}

/// [`hits`] in an article whose source has a time zone (`timezone` in
/// sources.toml, an IANA name), for times written without one.
pub fn hits_in(
    fact: &Fact,
    text: &str,
    from: usize,
    published: Option<jiff::civil::Date>,
    timezone: Option<&str>,
) -> Vec<Hit> {
    type Found = (
        Range<usize>,
        Range<usize>,
        Vec<(String, Range<usize>)>,
        Option<String>,
    );
    let mut found: Vec<Found> = Vec::new();
    // A multi-value fact reads each of its `subjects` groups, one subject each.
    let value_groups: Vec<(&str, Option<String>)> = if fact.values.is_empty() {
        vec![("value", None)]
    } else {
        fact.values
            .iter()
            .map(|v| (v.as_str(), Some(v.clone())))
            .collect()
    };
    for pattern in &fact.patterns {
        for caps in pattern.regex.captures_iter(&text[from..]) {
            let shift = |m: regex::Match| m.start() + from..m.end() + from;
            for (name, subject) in &value_groups {
                let Some(value) = caps.name(name) else {
                    continue;
                };
                let groups = pattern
                    .regex
                    .capture_names()
                    .flatten()
                    .filter(|n| n != name)
                    .filter_map(|n| caps.name(n).map(|m| (n.to_string(), shift(m))))
                    .collect();
                let whole = caps.get(0).map_or(value.range(), |m| m.range());
                found.push((
                    shift(value),
                    whole.start + from..whole.end + from,
                    groups,
                    subject.clone(),
                ));
            }
        }
    }
    // Spans the fact finds by itself (names spelled in ways no pattern lists).
    for span in fact
        .normalizer
        .find_spans(&text[from..])
        .unwrap_or_default()
    {
        let span = span.start + from..span.end + from;
        found.push((span.clone(), span, Vec::new(), None));
    }
    // Text order; at one place the earlier pattern wins (stable sort).
    found.sort_by_key(|(value, _, _, _)| value.start);
    let mut kept: Vec<Hit> = Vec::new();
    for (value, whole, groups, subject) in found {
        if kept.last().is_some_and(|k| value.start < k.value.end) || value.is_empty() {
            continue;
        }
        let raw = RawMatch {
            text,
            value: value.clone(),
            whole: whole.clone(),
            groups,
            published,
            timezone,
        };
        let values = match fact.normalizer.normalize(&raw) {
            Ok(values) if !values.is_empty() => values,
            Ok(_) => vec![unresolved("the normalizer found no value".into())],
            Err(reason) => vec![unresolved(reason)],
        };
        let values = match &subject {
            Some(s) => values
                .into_iter()
                .map(|v| Normalized {
                    subject: Some(s.clone()),
                    ..v
                })
                .collect(),
            None => values,
        };
        kept.push(Hit {
            value,
            whole,
            values,
        });
    }
    kept
}

/// One place an article states a fact.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention {
    /// The fact's id.
    pub fact: String,
    /// The article's file name.
    pub source: String,
    /// The article's path as given on the command line.
    pub path: String,
    /// The exact matched text (the `value` group).
    pub text: String,
    /// The sentence it stands in.
    pub quote: String,
    /// 1-based line and column (in characters) of the value.
    pub line: usize,
    pub column: usize,
    #[serde(flatten)]
    pub normalized: Normalized,
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
    let wanted = filter.candidates(&article.text[article.body_start..]);
    let mut index = None;
    let mut mentions = Vec::new();
    for (fact, _) in rules.facts.iter().zip(&wanted).filter(|(_, w)| **w) {
        let index = index.get_or_insert_with(|| text::LineIndex::new(&article.text));
        for hit in hits_in(
            fact,
            &article.text,
            article.body_start,
            article.source.published,
            article.source.timezone.as_deref(),
        ) {
            let (line, column) = index.line_col(&article.text, hit.value.start);
            let quote = text::quote(&article.text, hit.value.clone(), 280);
            for normalized in hit.values {
                mentions.push(Mention {
                    fact: fact.id.clone(),
                    source: article.source.file.clone(),
                    path: article.source.path.clone(),
                    text: article.text[hit.value.clone()].to_string(),
                    quote: quote.clone(),
                    line,
                    column,
                    normalized,
                });
            }
        }
    }
    mentions
}
