//! Where a fact's patterns match in a text: every match, in text order,
//! overlaps removed (the earlier pattern wins), each with the values its
//! kind reads from it. The matcher (`extract`), the rule examples and
//! `rules lint` all read text through this one function.

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
