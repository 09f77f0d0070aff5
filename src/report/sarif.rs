//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One rule per
//! fact (its claim, kind and severity), one result per conflicting mention:
//! an outlier against the consensus, one side of a tie, a value its own
//! article contradicts, or a value that differs from the public record.
//! Mentions accepted through the baseline stay in the log with a
//! SARIF `suppressions` entry, which dashboards show as dismissed. Columns
//! count Unicode code points (`columnKind`), as factlint's do.
//!
//! Each result's fingerprint is the fact (and subject), the article's path
//! and the value, plus an occurrence number when one article gives the same
//! value twice, so no two results share one and a result keeps its
//! fingerprint when lines move. `relatedLocations` lists up to
//! [`MAX_RELATED`] mentions that are not outliers (the consensus, or the
//! other side of a tie), never the result's own, computed once per fact:
//! the log grows linearly with the outliers, not with outliers × sources.
//! The run's warnings are the invocation's `toolExecutionNotifications`.

use super::labels::message;
use super::{Report, Reporter, Target};
use crate::compare::{keyed, shown, MentionVerdict, Status, Suppression, Verdict};
use crate::rules::Severity;

use serde_json::{json, Value};
use std::collections::BTreeMap;

pub struct Sarif;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// How many consensus mentions a result points to as related locations.
pub const MAX_RELATED: usize = 3;

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: everything but unreserved
/// characters and `/` percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(m: &MentionVerdict) -> Value {
    let mention = &m.mention;
    let lines: Vec<&str> = mention.text().split('\n').collect();
    let end_line = mention.line() as usize + lines.len() - 1;
    let last = lines.last().map_or(0, |l| l.chars().count());
    let end_column = if lines.len() == 1 {
        mention.column() as usize + last
    } else {
        last + 1
    };
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(mention.path()) },
            "region": {
                "startLine": mention.line(),
                "startColumn": mention.column(),
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": { "text": mention.text() },
            },
            "contextRegion": { "startLine": mention.line(), "snippet": { "text": mention.quote() } },
        }
    })
}

fn rule(v: &Verdict) -> Value {
    let mut properties = json!({ "kind": v.kind, "tags": ["consistency", v.kind] });
    if let Some(e) = &v.expected {
        properties["expected"] = json!(e);
    }
    json!({
        "id": v.id,
        "shortDescription": { "text": v.claim },
        "fullDescription": { "text": format!("Every article must agree on this fact (kind {}): {}", v.kind, v.claim) },
        "help": { "text": format!("Defined at {}. Run `factlint explain {}` to see every mention and how it was read.", v.rule, v.id) },
        "defaultConfiguration": { "level": level(v.severity) },
        "properties": properties,
    })
}

/// The SARIF log as a JSON value.
pub fn log(report: &Report) -> Value {
    let mut rules = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for v in &report.facts {
        if !index.contains_key(v.id.as_str()) {
            index.insert(&v.id, rules.len());
            rules.push(rule(v));
        }
    }
    let mut results = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for v in report
        .facts
        .iter()
        .filter(|v| v.is_contradiction() || v.suppressed)
    {
        // Once per fact, not once per outlier; one more than shown, since a
        // tied or self-contradicting mention is not its own related location.
        let candidates: Vec<(&MentionVerdict, Value)> = v
            .mentions
            .iter()
            .filter(|o| !o.outlier && v.status == Status::Conflict && o.suppressed.is_none() && o.mention.normalized().is_resolved())
            .take(MAX_RELATED + 1)
            .map(|o| {
                let mut loc = location(o);
                loc["message"] = json!({ "text": format!("{} gives {}", o.mention.path(), shown(o.mention.normalized())) });
                (o, loc)
            })
            .collect();
        let fact = match &v.subject {
            Some(s) => format!("{}[{s}]", v.id),
            None => v.id.clone(),
        };
        for m in v.mentions.iter().filter(|m| {
            (m.outlier || m.mismatch || m.tied || m.self_contradiction)
                && m.suppressed != Some(Suppression::Inline)
        }) {
            let key = format!(
                "{fact}|{}|{}",
                m.mention.path(),
                keyed(m.mention.normalized())
            );
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            let fingerprint = if *n == 1 { key } else { format!("{key}|{n}") };
            let related: Vec<Value> = candidates
                .iter()
                .filter(|(o, _)| !std::ptr::eq(*o, m))
                .take(MAX_RELATED)
                .enumerate()
                .map(|(i, (_, loc))| {
                    let mut loc = loc.clone();
                    loc["id"] = json!(i);
                    loc
                })
                .collect();
            let mut result = json!({
                "ruleId": v.id,
                "ruleIndex": index[v.id.as_str()],
                "level": level(v.severity),
                "message": { "text": message(v, m) },
                "locations": [location(m)],
                "partialFingerprints": { "factlintMention/v2": fingerprint },
                "properties": { "value": keyed(m.mention.normalized()), "status": v.status, "outlier": m.outlier, "tied": m.tied, "selfContradiction": m.self_contradiction, "mismatch": m.mismatch },
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            if m.suppressed == Some(Suppression::Baseline) {
                result["suppressions"] = json!([{ "kind": "external", "justification": "accepted in the factlint baseline" }]);
            }
            results.push(result);
        }
    }
    // Mentions found but not read: notes, so a dashboard shows what was lost.
    // Fingerprinted like results: by path (file names repeat across folders)
    // and the quote, numbered where one article repeats it.
    for (v, m) in report.unresolved_mentions() {
        let fact = match &v.subject {
            Some(s) => format!("{}[{s}]", v.id),
            None => v.id.clone(),
        };
        let key = format!(
            "{fact}|{}|unresolved|{}",
            m.mention.path(),
            m.mention.text()
        );
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        let fingerprint = if *n == 1 { key } else { format!("{key}|{n}") };
        results.push(json!({
            "ruleId": v.id,
            "ruleIndex": index[v.id.as_str()],
            "level": "note",
            "message": { "text": format!("“{}” was found but not read: {}", m.mention.text(), super::reason(m)) },
            "locations": [location(m)],
            "partialFingerprints": { "factlintMention/v2": fingerprint },
            "properties": { "value": "unresolved", "status": v.status, "outlier": false, "mismatch": false },
        }));
    }
    let mut log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    // The run's warnings (a reprint date, a manifest entry that matches no
    // file) as the invocation's notifications, which dashboards list apart
    // from results.
    if !report.warnings.is_empty() {
        let notes: Vec<Value> = report
            .warnings
            .iter()
            .map(|w| json!({ "level": "warning", "message": { "text": w } }))
            .collect();
        log["runs"][0]["invocations"] = json!([{
            "executionSuccessful": true,
            "toolExecutionNotifications": notes,
        }]);
    }
    log
}

impl Reporter for Sarif {
    fn render(&self, report: &Report, _target: &Target) -> String {
        let mut out = serde_json::to_string_pretty(&log(report)).unwrap_or_default();
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_what_is_not_a_path_character() {
        assert_eq!(uri("seeds/000_f49.txt"), "seeds/000_f49.txt");
        assert_eq!(uri("my articles/a#1.md"), "my%20articles/a%231.md");
        assert_eq!(uri("é.md"), "%C3%A9.md");
    }
}
