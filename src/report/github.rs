//! `--format github`: GitHub Actions workflow commands, one annotation per
//! conflicting mention (`::error file=…,line=…,col=…,title=…::message`;
//! severity error → `error`, warning → `warning`, info → `notice`), shown on
//! the pull request's changed lines. [`job_summary`] is the Markdown the
//! binary appends to `$GITHUB_STEP_SUMMARY` when that variable is set.

use super::labels::message;
use super::{Report, Reporter, Target};
use crate::compare::outlier_counts;
use crate::compare::shown;
use crate::rules::Severity;
use std::fmt::Write;

pub struct Github;

/// The workflow command for a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a message the way the runner reads it back.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`): also `:` and `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn render(&self, report: &Report, _target: &Target) -> String {
        let mut out = String::new();
        for v in report.facts.iter().filter(|v| v.is_contradiction()) {
            for m in v.mentions.iter().filter(|m| m.is_conflicting()) {
                let mention = &m.mention;
                let _ = writeln!(
                    out,
                    "::{} file={},line={},col={},endColumn={},title={}::{}",
                    command(v.severity),
                    property(mention.path()),
                    mention.line(),
                    mention.column(),
                    mention.column() as usize + mention.text().chars().count(),
                    property(&format!("factlint: {}", v.id)),
                    data(&message(v, m))
                );
            }
        }
        for (v, m) in report.unresolved_mentions() {
            let mention = &m.mention;
            let _ = writeln!(
                out,
                "::notice file={},line={},col={},endColumn={},title={}::{}",
                property(mention.path()),
                mention.line(),
                mention.column(),
                mention.column() as usize + mention.text().chars().count(),
                property(&format!("factlint: {} (not read)", v.id)),
                data(&format!(
                    "“{}” was found but not read: {}",
                    mention.text(),
                    super::reason(m)
                ))
            );
        }
        let _ = writeln!(out, "{}", report.summary_line());
        out
    }
}

/// Article text in the job summary (Markdown): escaped like the report's.
fn cell(text: &str) -> String {
    super::escape::text(text)
}

/// A path in a code span, where markup is inert: only a backtick (which
/// would end the span), a pipe (the table's) and line breaks matter.
fn code(path: &str) -> String {
    path.replace('`', "'")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// A short Markdown summary for the job page: counts, the sources most
/// often the outlier, and one row per conflicting mention.
pub fn job_summary(report: &Report) -> String {
    let mut out = String::from("## factlint\n\n");
    let _ = writeln!(out, "{}.\n", report.summary_line());
    let outliers = outlier_counts(&report.facts);
    if !outliers.is_empty() {
        // By outlet where known, as the Markdown report names sources.
        let labels = super::outlet::labels(&report.sources);
        // Outliers are named by path; looked up in a map, not a scan per source.
        let by_path: std::collections::HashMap<&str, &String> = report
            .sources
            .iter()
            .map(|s| s.path.as_str())
            .zip(&labels)
            .collect();
        let shown: Vec<String> = outliers
            .iter()
            .map(|(path, n)| {
                let label = by_path.get(path.as_str()).copied().unwrap_or(path);
                format!("{} ({n})", cell(label))
            })
            .collect();
        let _ = writeln!(out, "Most often the outlier: {}.\n", shown.join(", "));
    }
    let rows: Vec<String> = report
        .facts
        .iter()
        .filter(|v| v.is_contradiction())
        .flat_map(|v| {
            v.mentions
                .iter()
                .filter(|m| m.is_conflicting())
                .map(move |m| {
                    let problem = match (m.outlier || m.tied, m.mismatch) {
                        _ if m.self_contradiction => "self-contradiction",
                        (true, true) if m.tied => "split, differs from the record",
                        (true, true) => "outlier, differs from the record",
                        (true, false) if m.tied => "split: no majority",
                        (true, false) => "outlier",
                        _ => "differs from the record",
                    };
                    format!(
                        "| `{}` | {} | `{}:{}` | “{}” → {} | {} |",
                        v.id,
                        v.severity,
                        code(m.mention.path()),
                        m.mention.line(),
                        cell(m.mention.text()),
                        cell(&shown(m.mention.normalized())),
                        problem
                    )
                })
        })
        .collect();
    if rows.is_empty() {
        out.push_str("No contradictions.\n");
    } else {
        out.push_str(
            "| Fact | Severity | Where | Wrote → value | Problem |\n|---|---|---|---|---|\n",
        );
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(data("50% of\r\nthem"), "50%25 of%0D%0Athem");
        assert_eq!(property("a,b: c"), "a%2Cb%3A c");
        assert_eq!(command(Severity::Info), "notice");
    }
}
