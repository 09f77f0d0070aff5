//! `--format concise`: one line per finding, as compilers and ruff's
//! `concise` print them, for a narrow terminal, a CI log or `grep`:
//!
//! ```text
//! seeds/001_ac4287f27224b710.txt:10:127: un-vote-date: wrote “February 24” (2023-02-24); others 2023-02-23 (AFP (wire story) · 000, …); record 2023-02-23
//! ```
//!
//! A finding is a mention that takes part in a contradiction (an outlier,
//! one side of a split with no majority, a value its own article
//! contradicts, or a mismatch with the record, not accepted). "others" groups what the
//! other sources wrote by value, most sources first, each source named once
//! (by outlet where known). A mention found but not read is a line with its
//! reason. Violated constraints follow, one line per article; the
//! summary line closes the output. Lines are sorted by path, line, column
//! and fact.
//!
//! A fact stated by more than [`NAMED`] mentions (a corpus of thousands)
//! gives, per finding, the [`TOP`] values most sources share with their
//! number of sources instead of every name: computed once per fact, so the
//! output stays linear in findings, not findings × sources.

use super::outlet;
use super::{Report, Reporter, Target};
use crate::compare::constraints::ConstraintStatus;
use crate::compare::{shown, MentionVerdict, Verdict};

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub struct Concise;

/// Up to this many mentions of a fact, "others" names every source.
pub const NAMED: usize = 50;
/// Beyond [`NAMED`], how many values "others" shows (with counts).
pub const TOP: usize = 3;

impl Reporter for Concise {
    fn render(&self, report: &Report, _target: &Target) -> String {
        let labels = outlet::labels(&report.sources);
        // Looked up once per mention: a map, not a scan of every source.
        let by_path: HashMap<&str, &str> = report
            .sources
            .iter()
            .zip(&labels)
            .map(|(s, l)| (s.path.as_str(), l.as_str()))
            .collect();
        let mut lines: Vec<((String, usize, usize, String), String)> = Vec::new();
        for v in report.facts.iter().filter(|v| v.is_contradiction()) {
            let counts = (v.mentions.len() > NAMED).then(|| Counts::of(v));
            for m in v.mentions.iter().filter(|m| m.is_conflicting()) {
                let key = (
                    m.mention.path().to_string(),
                    m.mention.line() as usize,
                    m.mention.column() as usize,
                    v.id.clone(),
                );
                lines.push((key, finding(&by_path, counts.as_ref(), v, m)));
            }
        }
        // Mentions found but not read, with the reason: nothing is dropped silently.
        for (v, m) in report.unresolved_mentions() {
            let key = (
                m.mention.path().to_string(),
                m.mention.line() as usize,
                m.mention.column() as usize,
                v.id.clone(),
            );
            let text = format!(
                "{}:{}:{}: {}: not read “{}”: {}",
                m.mention.path(),
                m.mention.line(),
                m.mention.column(),
                v.id,
                m.mention.text(),
                super::reason(m)
            );
            lines.push((key, text));
        }
        for c in &report.constraints {
            if c.status != ConstraintStatus::Violated {
                continue;
            }
            for s in c.sources.iter().filter(|s| !s.holds) {
                // Constraint checks name articles by path.
                let path = s.source.to_string();
                let values: Vec<String> =
                    s.values.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                let text = format!(
                    "{path}: {}: violates {} ({})",
                    c.id,
                    c.expr,
                    values.join(", ")
                );
                lines.push(((path, 0, 0, c.id.clone()), text));
            }
        }
        lines.sort();
        let mut out = String::new();
        for (_, line) in lines {
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(&report.summary_line());
        out.push('\n');
        out
    }
}

/// For a fact with many mentions: each value with the articles that give it.
struct Counts<'a> {
    /// Values, most articles first.
    values: Vec<(String, BTreeSet<&'a str>)>,
}

impl<'a> Counts<'a> {
    fn of(v: &'a Verdict) -> Counts<'a> {
        let mut by_value: BTreeMap<String, BTreeSet<&'a str>> = BTreeMap::new();
        for other in &v.mentions {
            let o = &other.mention;
            if o.normalized().is_resolved() && other.suppressed.is_none() {
                by_value
                    .entry(shown(o.normalized()))
                    .or_default()
                    .insert(o.path().as_str());
            }
        }
        let mut values: Vec<(String, BTreeSet<&str>)> = by_value.into_iter().collect();
        values.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        Counts { values }
    }

    /// "V (N sources), …": the first [`TOP`] values without the article at `own`.
    fn others(&self, own: &str) -> String {
        let mut shown = Vec::new();
        let mut more = 0;
        for (value, paths) in &self.values {
            let n = paths.len() - usize::from(paths.contains(own));
            if n == 0 {
                continue;
            }
            if shown.len() < TOP {
                let sources = if n == 1 { "source" } else { "sources" };
                shown.push(format!("{value} ({n} {sources})"));
            } else {
                more += 1;
            }
        }
        if more > 0 {
            shown.push(format!("{more} more values"));
        }
        shown.join(", ")
    }
}

/// `path:line:col: fact: wrote X; others Y (sources); record Z`.
fn finding(
    by_path: &HashMap<&str, &str>,
    counts: Option<&Counts>,
    v: &Verdict,
    m: &MentionVerdict,
) -> String {
    let fact = match &v.subject {
        Some(s) => format!("{} [{s}]", v.id),
        None => v.id.clone(),
    };
    let value = shown(m.mention.normalized());
    let wrote = if value == *m.mention.text() {
        format!("“{}”", m.mention.text())
    } else {
        format!("“{}” ({value})", m.mention.text())
    };
    let mut text = format!(
        "{}:{}:{}: {fact}: wrote {wrote}",
        m.mention.path(),
        m.mention.line(),
        m.mention.column()
    );
    if let Some(counts) = counts {
        let others = counts.others(m.mention.path());
        if !others.is_empty() {
            text.push_str(&format!("; others {others}"));
        }
        if m.mismatch {
            if let Some(expected) = &v.expected {
                text.push_str(&format!("; record {}", super::readable(v, expected)));
            }
        }
        return text;
    }
    // What the other sources wrote, grouped by value.
    let mut by_value: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for other in &v.mentions {
        let o = &other.mention;
        if o.path() == m.mention.path()
            || !o.normalized().is_resolved()
            || other.suppressed.is_some()
        {
            continue;
        }
        let label = by_path
            .get(o.path().as_str())
            .map_or(o.source().to_string(), |l| l.to_string());
        let sources = by_value.entry(shown(o.normalized())).or_default();
        if !sources.contains(&label) {
            sources.push(label);
        }
    }
    let mut groups: Vec<(String, Vec<String>)> = by_value.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    // A source is named once, under the value most sources share
    // ("Kassym-Jomart Tokayev", not again for its later "Tokayev").
    let mut named = BTreeSet::new();
    for (_, sources) in &mut groups {
        sources.retain(|s| named.insert(s.clone()));
    }
    groups.retain(|(_, sources)| !sources.is_empty());
    if !groups.is_empty() {
        let shown: Vec<String> = groups
            .iter()
            .map(|(value, sources)| format!("{value} ({})", sources.join(", ")))
            .collect();
        text.push_str(&format!("; others {}", shown.join(", ")));
    }
    if m.tied {
        text.push_str("; no majority");
    }
    if m.self_contradiction {
        text.push_str("; contradicts itself");
    }
    if m.mismatch {
        if let Some(expected) = &v.expected {
            text.push_str(&format!("; record {}", super::readable(v, expected)));
        }
    }
    text
}
