//! Accepted disagreements: an editor keeps a rule but accepts what one
//! article says about it.
//!
//! - **Inline markers**: a line of its own in an article,
//!   `<!-- factlint: ignore FACT_ID -->` (Markdown) or `factlint: ignore
//!   FACT_ID` (plain text; several ids may follow, separated by spaces or
//!   commas). The scope is the **whole article**: its mentions of that fact
//!   are left out of the comparison (they stay in the report, marked
//!   `suppressed: "inline"`). A whole-article scope keeps the rule simple to
//!   state; articles are short and one fact is rarely stated twice.
//! - **Baseline**: a JSON file listing accepted contradictions, each keyed by
//!   fact (and subject), the article's path and the value as shown
//!   (`≈7500 km`). A later run marks a conflicting mention accepted only when
//!   all are equal, so an article that changes its value shows up again, and
//!   `tuesday/wire.txt` is never accepted for `monday/wire.txt`. Version 1
//!   files keyed articles by file name only and are refused.

use super::{MentionVerdict, Suppression, Verdict};
use crate::error::{Error, Location, Result};
use crate::extract::Mention;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:<!--[ \t]*)?factlint:[ \t]*ignore[ \t]+([A-Za-z0-9_][A-Za-z0-9_\-, \t]*?)[ \t]*(?:-->)?[ \t]*\r?$")
        .expect("marker regex")
});

/// The fact ids the ignore markers of an article name.
pub fn inline_ignores(text: &str) -> BTreeSet<String> {
    MARKER
        .captures_iter(text)
        .flat_map(|c| {
            c[1].split([',', ' ', '\t'])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Splits an article's mentions into those compared and those its markers ignore.
pub fn split_inline(text: &str, mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Mention>) {
    let ignored = inline_ignores(text);
    if ignored.is_empty() {
        return (mentions, Vec::new());
    }
    mentions
        .into_iter()
        .partition(|m| !ignored.contains(m.fact().as_str()))
}

/// Puts ignored mentions back into their fact's verdict, marked, so the
/// report still shows them.
pub fn attach_inline(verdicts: &mut [Verdict], ignored: Vec<Mention>) {
    if ignored.is_empty() {
        return;
    }
    // Verdicts looked up in a map and each sorted once: linear in ignored
    // mentions, not ignored × verdicts (a marker in 10k articles).
    let mut exact: std::collections::HashMap<(&str, Option<&str>), usize> = Default::default();
    let mut any: std::collections::HashMap<&str, usize> = Default::default();
    for (i, v) in verdicts.iter().enumerate() {
        exact
            .entry((v.id.as_str(), v.subject.as_deref()))
            .or_insert(i);
        any.entry(v.id.as_str()).or_insert(i);
    }
    let mut placed: Vec<(usize, Mention)> = Vec::with_capacity(ignored.len());
    for mention in ignored {
        let at = exact
            .get(&(
                mention.fact().as_str(),
                mention.normalized().subject.as_deref(),
            ))
            .or_else(|| any.get(mention.fact().as_str()))
            .copied();
        if let Some(i) = at {
            placed.push((i, mention));
        }
    }
    drop((exact, any));
    let mut touched = BTreeSet::new();
    for (i, mention) in placed {
        touched.insert(i);
        verdicts[i].mentions.push(MentionVerdict {
            suppressed: Some(Suppression::Inline),
            ..MentionVerdict::new(mention)
        });
    }
    for i in touched {
        verdicts[i].mentions.sort_by(|a, b| {
            (&a.mention.path(), a.mention.line(), a.mention.column()).cmp(&(
                &b.mention.path(),
                b.mention.line(),
                b.mention.column(),
            ))
        });
    }
}

/// The version of the baseline format written and read.
pub const BASELINE_VERSION: u32 = 2;

/// The baseline file: accepted contradictions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version, [`BASELINE_VERSION`].
    pub version: u32,
    pub accepted: Vec<Accepted>,
}

/// One accepted conflicting mention.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    pub fact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The article's path, as reports show it ("monday/wire.txt").
    pub path: String,
    /// The value as reports show it ("≈7500 km").
    pub value: String,
}

fn key(v: &Verdict, m: &MentionVerdict) -> Accepted {
    Accepted {
        fact: v.id.clone(),
        subject: v.subject.clone(),
        path: m.mention.path().to_string(),
        value: super::keyed(m.mention.normalized()),
    }
}

impl Baseline {
    /// Every conflicting mention of every contradiction among `verdicts`.
    pub fn from_verdicts(verdicts: &[Verdict]) -> Baseline {
        let mut accepted: BTreeSet<Accepted> = BTreeSet::new();
        for v in verdicts.iter().filter(|v| v.is_contradiction()) {
            accepted.extend(
                v.mentions
                    .iter()
                    .filter(|m| m.is_conflicting())
                    .map(|m| key(v, m)),
            );
        }
        Baseline {
            version: BASELINE_VERSION,
            accepted: accepted.into_iter().collect(),
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline> {
        // A baseline lists accepted mentions: 256 MiB is over a million of them.
        let text = crate::text::read::read_bounded(path, 256 << 20)
            .and_then(|b| {
                String::from_utf8(b).map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8")
                })
            })
            .map_err(|e| {
                Error::usage(
                    format!("cannot read the baseline {}: {e}", path.display()),
                    "write one with `factlint check --write-baseline`",
                )
            })?;
        // The version first: an older file fails on it, not on a renamed field.
        #[derive(Deserialize)]
        struct Version {
            version: Option<u32>,
        }
        if let Ok(Version { version: Some(1) }) = serde_json::from_str(&text) {
            return Err(Error::corpus(
                Location::file(path),
                "baseline version 1 names articles by file name only, which articles in two folders can share",
                "regenerate it with `factlint check --write-baseline` (version 2 names them by path)",
            ));
        }
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            Error::corpus(
                Location::at(path, e.line(), e.column()),
                format!("not a factlint baseline: {e}"),
                "regenerate it with `factlint check --write-baseline`",
            )
        })?;
        if baseline.version != BASELINE_VERSION {
            return Err(Error::corpus(
                Location::file(path),
                format!("baseline version {} is not supported", baseline.version),
                "regenerate it with this factlint",
            ));
        }
        Ok(baseline)
    }

    /// Marks the mentions the baseline accepts; a contradiction all of whose
    /// conflicting mentions are accepted is no longer reported (the caller
    /// recounts its report's summary).
    pub fn apply(&self, verdicts: &mut [Verdict]) {
        let accepted: BTreeSet<&Accepted> = self.accepted.iter().collect();
        for v in verdicts.iter_mut().filter(|v| v.is_contradiction()) {
            let keys: Vec<bool> = v
                .mentions
                .iter()
                .map(|m| m.is_conflicting() && accepted.contains(&key(v, m)))
                .collect();
            for (m, hit) in v.mentions.iter_mut().zip(keys) {
                if hit {
                    m.suppressed = Some(Suppression::Baseline);
                }
            }
            let any = v
                .mentions
                .iter()
                .any(|m| m.suppressed == Some(Suppression::Baseline));
            v.suppressed = any && !v.mentions.iter().any(MentionVerdict::is_conflicting);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_lines_of_their_own() {
        let text = "Title\n<!-- factlint: ignore c5-plus-one-name -->\nfactlint: ignore un-vote-date, kz-border\r\nProse that says factlint: ignore nothing-here inline.\n";
        let ids: Vec<String> = inline_ignores(text).into_iter().collect();
        assert_eq!(ids, ["c5-plus-one-name", "kz-border", "un-vote-date"]);
        assert!(inline_ignores("no markers at all").is_empty());
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_verdict_mention_is_a_mention_and_its_flags() {
        // 1.6 million of them at 100k dense articles: each byte here is 1.6 MB.
        assert_eq!(std::mem::size_of::<crate::compare::MentionVerdict>(), 40);
    }
}
