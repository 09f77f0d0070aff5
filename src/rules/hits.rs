//! Where a fact is stated in a text: every match of its patterns, or every
//! value its kind reads near its cues, in text order, overlaps removed (the
//! earlier pattern wins), each with the values its kind reads from it;
//! `exclude` and `by` then filter and attribute them. The matcher
//! (`extract`), the rule examples and `rules lint` all read text through
//! [`hits`] or, with one [`Reading`] per article shared by its facts,
//! [`hits_in`].

use super::cues::find::{admits, attribute, values_near_cues};
use super::cues::reading::Reading;
use super::Fact;
use crate::normalize::{unresolved, Normalized, RawMatch};
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

/// Every match of `fact` in `text[from..]`, in text order, overlaps removed.
pub fn hits(
    fact: &Fact,
    text: &str,
    from: usize,
    published: Option<jiff::civil::Date>,
) -> Vec<Hit> {
    hits_in(fact, &Reading::new(text, from, published))
}

/// [`hits`] in an article read once for all its facts.
pub fn hits_in(fact: &Fact, reading: &Reading) -> Vec<Hit> {
    let mut kept = if fact.reads_near_cues() {
        near_cues(fact, reading)
    } else {
        pattern_hits(fact, reading)
    };
    let Some(cues) = &fact.cues else {
        return kept;
    };
    if !fact.reads_near_cues() && (!cues.cues.is_empty() || !cues.exclude.is_empty()) {
        kept.retain(|hit| admits(cues, reading, &hit.value));
    }
    if cues.by.is_empty() {
        return kept;
    }
    kept.into_iter()
        .filter_map(|mut hit| {
            let subject = attribute(cues, reading, &hit.value)?;
            for v in &mut hit.values {
                v.subject = Some(subject.clone());
            }
            Some(hit)
        })
        .collect()
}

/// The values the fact's kind reads nearest its cues.
fn near_cues(fact: &Fact, reading: &Reading) -> Vec<Hit> {
    let Some(cues) = &fact.cues else {
        return Vec::new();
    };
    let normalize = |raw: &RawMatch| {
        fact.normalizer
            .normalize(raw)
            .ok()
            .filter(|v| !v.is_empty())
    };
    values_near_cues(cues, fact.kind, reading, &normalize)
        .into_iter()
        .map(|(span, values)| Hit {
            value: span.clone(),
            whole: span,
            values,
        })
        .collect()
}

/// Every match of the fact's patterns (and the spans its kind finds by itself).
fn pattern_hits(fact: &Fact, reading: &Reading) -> Vec<Hit> {
    let (text, from, published, timezone) = (
        reading.text,
        reading.from,
        reading.published,
        reading.timezone,
    );
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
        for caps in pattern.scan.captures_iter(&text[from..]) {
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
        .find_spans_in(reading.index(), from)
        .unwrap_or_default()
    {
        found.push((span.clone(), span, Vec::new(), None));
    }
    // Text order; at one place the earlier pattern wins (stable sort).
    found.sort_by_key(|(value, _, _, _)| value.start);
    let mut places: Vec<(Range<usize>, Range<usize>, Option<String>)> = Vec::new();
    let mut raws: Vec<RawMatch> = Vec::new();
    for (value, whole, groups, subject) in found {
        if places.last().is_some_and(|(k, _, _)| value.start < k.end) || value.is_empty() {
            continue;
        }
        raws.push(RawMatch {
            text,
            value: value.clone(),
            whole: whole.clone(),
            groups,
            published,
            timezone,
        });
        places.push((value, whole, subject));
    }
    // All of the article's matches at once: a kind may share work between them.
    let read = fact.normalizer.normalize_all(&raws, reading.index());
    places
        .into_iter()
        .zip(read)
        .map(|((value, whole, subject), read)| {
            let values = match read {
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
            Hit {
                value,
                whole,
                values,
            }
        })
        .collect()
}
