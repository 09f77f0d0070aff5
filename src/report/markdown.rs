//! `--format markdown`: a report for readers. A summary first, then each
//! contradiction with every mention quoted and linked (file:line, links that
//! work on a code-hosting site), then the facts the sources agree on, the
//! single-source and missing ones, and the sources read.

use super::table::{reference_label, status_label};
use super::{link, Report, Reporter, Target};
use crate::compare::{shown, Reference, Status, Verdict};
use std::fmt::Write;

pub struct Markdown;

fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn mention_table(out: &mut String, v: &Verdict, target: &Target) {
    out.push_str("| Source | Wrote | Value | |\n|---|---|---|---|\n");
    for m in &v.mentions {
        let mention = &m.mention;
        let place = format!("{}:{}", mention.path, mention.line);
        let href = format!("{}#L{}", link(&mention.path, target), mention.line);
        let value = if mention.normalized.is_resolved() {
            shown(&mention.normalized)
        } else {
            "unresolved".into()
        };
        let mut flags = Vec::new();
        if m.outlier {
            flags.push("**outlier**".to_string());
        }
        if m.mismatch {
            flags.push("differs from the record".to_string());
        }
        if let Some(note) = &mention.normalized.note {
            flags.push(escape(note));
        }
        let _ = writeln!(
            out,
            "| [{place}]({href}) | “{}” | {} | {} |",
            escape(&mention.text),
            escape(&value),
            flags.join("; ")
        );
    }
    out.push('\n');
    for m in &v.mentions {
        let _ = writeln!(
            out,
            "> {} — *{}:{}*\n>",
            escape(&m.mention.quote),
            m.mention.source,
            m.mention.line
        );
    }
    if !v.mentions.is_empty() {
        out.truncate(out.len() - 2);
        out.push('\n');
    }
}

fn heading(v: &Verdict) -> String {
    let subject = v
        .subject
        .as_ref()
        .map(|s| format!(" [{s}]"))
        .unwrap_or_default();
    format!("### `{}`{subject} — {}\n\n", v.id, escape(&v.claim))
}

impl Reporter for Markdown {
    fn render(&self, report: &Report, target: &Target) -> String {
        let mut out = String::from("# factlint report\n\n");
        let _ = writeln!(out, "{}.\n", report.summary_line());
        out.push_str("| Fact | Status | Record | Outliers |\n|---|---|---|---|\n");
        for v in &report.facts {
            let subject = v
                .subject
                .as_ref()
                .map(|s| format!(" [{s}]"))
                .unwrap_or_default();
            let outliers = if v.outliers.is_empty() {
                "—".into()
            } else {
                v.outliers.join(", ")
            };
            let _ = writeln!(
                out,
                "| `{}`{subject} | {} | {} | {} |",
                v.id,
                status_label(v.status),
                escape(&reference_label(v.reference, v.expected.as_deref())),
                escape(&outliers)
            );
        }
        out.push('\n');

        let contradictions: Vec<&Verdict> = report
            .facts
            .iter()
            .filter(|v| v.is_contradiction())
            .collect();
        out.push_str("## Contradictions\n\n");
        if contradictions.is_empty() {
            out.push_str("None: every fact agrees across sources and with the record.\n\n");
        }
        for v in contradictions {
            out.push_str(&heading(v));
            let mut said = Vec::new();
            if v.status == Status::Conflict {
                let consensus = v.consensus.as_deref().unwrap_or("?");
                said.push(format!(
                    "Sources disagree. Most give **{}**; outliers: {}.",
                    escape(consensus),
                    v.outliers.join(", ")
                ));
            }
            if v.reference == Reference::Mismatch {
                said.push(format!(
                    "The public record says **{}**.",
                    escape(v.expected.as_deref().unwrap_or("?"))
                ));
            }
            let _ = writeln!(
                out,
                "{} Severity: {}. Rule: `{}`.\n",
                said.join(" "),
                v.severity,
                v.rule
            );
            mention_table(&mut out, v, target);
        }

        for (title, status) in [
            ("Agreeing facts", Status::Agree),
            ("Single-source facts", Status::Single),
            ("Unresolved facts", Status::Unresolved),
        ] {
            let facts: Vec<&Verdict> = report
                .facts
                .iter()
                .filter(|v| v.status == status && !v.is_contradiction())
                .collect();
            if facts.is_empty() {
                continue;
            }
            let _ = writeln!(out, "## {title}\n");
            for v in facts {
                out.push_str(&heading(v));
                if let Some(e) = &v.expected {
                    let _ = writeln!(
                        out,
                        "Record: {} ({}).\n",
                        escape(e),
                        if v.reference == Reference::Match {
                            "match"
                        } else {
                            "not compared"
                        }
                    );
                }
                mention_table(&mut out, v, target);
            }
        }

        let missing: Vec<&Verdict> = report
            .facts
            .iter()
            .filter(|v| v.status == Status::Missing)
            .collect();
        if !missing.is_empty() {
            out.push_str("## Missing facts\n\nNo article states these:\n\n");
            for v in missing {
                let _ = writeln!(out, "- `{}` — {}", v.id, escape(&v.claim));
            }
            out.push('\n');
        }

        out.push_str(
            "## Sources\n\n| File | Outlet | Published | Translated from |\n|---|---|---|---|\n",
        );
        for s in &report.sources {
            let _ = writeln!(
                out,
                "| [{}]({}) | {} | {} | {} |",
                s.path,
                link(&s.path, target),
                escape(s.outlet.as_deref().unwrap_or("—")),
                s.published.map_or("unknown".to_string(), |d| d.to_string()),
                escape(s.translated_from.as_deref().unwrap_or("—"))
            );
        }
        if !report.warnings.is_empty() {
            out.push_str("\n## Warnings\n\n");
            for w in &report.warnings {
                let _ = writeln!(out, "- {}", escape(w));
            }
        }
        out
    }
}
