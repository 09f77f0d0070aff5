//! `--format markdown`: a report for readers. It opens with a one-screen
//! summary (facts, contradictions, the sources most often the outlier), then
//! a fact × source matrix (one row per fact, one column per article, each
//! cell the value that article wrote, conflicting cells marked), then each
//! contradiction with every mention quoted and linked as `file#L<line>`
//! relative to the report file, so the links work on a code-hosting site.
//! Articles are named by path ([`super::names`]); everything that comes from
//! an article, a file name or a manifest is escaped ([`super::escape`]).
//! Each part is linear in the mentions: mentions are grouped by article
//! once per fact, never searched per cell.

use super::labels::{reference_label, split_named, suppressed_mark, verdict_label};
use super::{link, Report, Reporter, Target};
use crate::compare::constraints::ConstraintStatus;
use crate::compare::{outlier_counts, shown, MentionVerdict, Reference, Status, Verdict};
use crate::corpus::Source;

use super::names::Names;
use std::collections::BTreeMap;
use std::fmt::Write;

pub struct Markdown;

fn escape(text: &str) -> String {
    super::escape::text(text)
}

/// A link to `path` (relative to the report), its target percent-encoded.
fn href(path: &str, target: &Target) -> String {
    super::escape::href(&link(path, target))
}

/// `[path:line](link#Lline)` for a place in the corpus or the rules.
fn place(path: &str, line: usize, target: &Target) -> String {
    format!("[{}:{line}]({}#L{line})", escape(path), href(path, target))
}

/// A rule location "rules/x.toml:12:6" as a link to its line.
fn rule_link(rule: &str, target: &Target) -> String {
    let mut parts = rule.rsplitn(3, ':');
    let (_col, line, path) = (parts.next(), parts.next(), parts.next());
    match (path, line.and_then(|l| l.parse::<usize>().ok())) {
        (Some(path), Some(line)) => place(path, line, target),
        _ => format!("`{rule}`"),
    }
}

/// Column labels: outlets where known (see [`super::outlet`]).
fn labels(sources: &[Source]) -> Vec<String> {
    super::outlet::labels(sources)
}

/// The label of the article at `path` (outliers and mentions name articles
/// by path), from a map made once per section: no scan of every source.
fn label_at<'a>(by_path: &BTreeMap<&str, &'a str>, path: &'a str) -> &'a str {
    by_path.get(path).copied().unwrap_or(path)
}

fn fact_name(v: &Verdict) -> String {
    let subject = v
        .subject
        .as_ref()
        .map(|s| format!(" [{}]", escape(s)))
        .unwrap_or_default();
    format!("`{}`{subject}", v.id)
}

/// The cell for what one source wrote about a fact.
fn cell(mentions: &[&MentionVerdict]) -> String {
    if mentions.is_empty() {
        return "·".into();
    }
    let mut values: Vec<String> = mentions
        .iter()
        .map(|m| {
            let value = if m.mention.normalized().is_resolved() {
                escape(&shown(m.mention.normalized()))
            } else {
                "unresolved".into()
            };
            let mut marks = String::new();
            if m.outlier {
                marks.push_str(" ✗");
            }
            if m.tied {
                marks.push_str(" ⇆");
            }
            if m.self_contradiction {
                marks.push_str(" ↯");
            }
            if m.mismatch {
                marks.push_str(" ≠");
            }
            if m.superseded {
                marks.push_str(" ↻");
            }
            if m.outlier || m.tied || m.self_contradiction || m.mismatch {
                format!("**{value}**{marks}{}", suppressed_mark(m))
            } else {
                format!("{value}{}", suppressed_mark(m))
            }
        })
        .collect();
    values.dedup();
    values.join("<br>")
}

fn summary(out: &mut String, report: &Report, target: &Target) {
    let s = &report.summary;
    let contradictions = report.facts.iter().filter(|v| v.is_contradiction()).count();
    let _ = writeln!(out, "**{}.**\n", report.summary_line());
    out.push_str("| | |\n|---|---|\n");
    let _ = writeln!(
        out,
        "| Facts checked | {} in {} articles, {} mentions |",
        s.facts, s.sources, s.mentions
    );
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "| Contradictions | **{contradictions}** ({} between sources, {} with the public record) |",
        plural(s.conflict, "conflict", "conflicts"),
        plural(s.reference_mismatch, "mismatch", "mismatches")
    );
    let _ = writeln!(
        out,
        "| Consistent | {} agree, {} stated by one source only, {} stated nowhere |",
        s.agree, s.single, s.missing
    );
    let outliers = outlier_counts(&report.facts);
    let labels = labels(&report.sources);
    let by_path = super::outlet::by_path(&report.sources, &labels);
    let by_source: Vec<String> = outliers
        .iter()
        .map(|(path, n)| {
            format!(
                "[{}]({}) ({n} {})",
                escape(label_at(&by_path, path)),
                href(path, target),
                if *n == 1 { "fact" } else { "facts" }
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "| Most often the outlier | {} |",
        if by_source.is_empty() {
            "—".into()
        } else {
            by_source.join(", ")
        }
    );
    if s.accepted > 0 {
        let _ = writeln!(out, "| Accepted (baseline) | {} |", s.accepted);
    }
    out.push('\n');
}

fn matrix(out: &mut String, report: &Report, target: &Target) {
    let labels = labels(&report.sources);
    out.push_str("## Facts × sources\n\n| Fact |");
    for label in &labels {
        let _ = write!(out, " {} |", escape(label));
    }
    out.push_str(" Status |\n|---|");
    out.push_str(&"---|".repeat(labels.len()));
    out.push_str("---|\n");
    for v in &report.facts {
        let _ = write!(out, "| {} |", fact_name(v));
        let mut by_path: BTreeMap<&str, Vec<&MentionVerdict>> = BTreeMap::new();
        for m in &v.mentions {
            by_path
                .entry(m.mention.path().as_str())
                .or_default()
                .push(m);
        }
        for s in &report.sources {
            let mentions = by_path.get(s.path.as_str()).map_or(&[][..], Vec::as_slice);
            let _ = write!(out, " {} |", cell(mentions));
        }
        let status = verdict_label(v);
        let _ = writeln!(
            out,
            " {} |",
            if v.is_contradiction() {
                format!("**{status}**")
            } else {
                status.to_string()
            }
        );
    }
    out.push_str("\nMarks: ✗ outlier against the consensus (or the public record, where it decides); ⇆ one side of a split with no majority; ↯ the article contradicts itself; ≠ differs from the public record; ↻ superseded by a newer figure; · not stated.\n\n");
    for (label, s) in labels.iter().zip(&report.sources) {
        let about: Vec<String> = [
            // Not again when the label already names the outlet.
            s.outlet.clone().filter(|o| !label.starts_with(o.as_str())),
            s.published.map(|d| d.to_string()),
            s.more()
                .translated_from
                .as_ref()
                .map(|l| format!("translated from {l}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" — {}", escape(&about.join(", ")))
        };
        let _ = writeln!(
            out,
            "- **{}**: [{}]({}){about}",
            escape(label),
            escape(&s.path),
            href(&s.path, target)
        );
    }
    out.push('\n');
}

fn mention_table(out: &mut String, report: &Report, v: &Verdict, target: &Target) {
    let labels = labels(&report.sources);
    let by_path = super::outlet::by_path(&report.sources, &labels);
    let names = Names::new(&report.sources);
    out.push_str("| Where | Wrote | Value | |\n|---|---|---|---|\n");
    for m in &v.mentions {
        let mention = &m.mention;
        let value = if mention.normalized().is_resolved() {
            shown(mention.normalized())
        } else {
            "unresolved".into()
        };
        let mut flags = Vec::new();
        if m.outlier {
            flags.push("**outlier**".to_string());
        }
        if m.tied {
            flags.push("**split**".to_string());
        }
        if m.self_contradiction {
            flags.push("**contradicts its own article**".to_string());
        }
        if m.mismatch {
            flags.push("differs from the record".to_string());
        }
        let mark = suppressed_mark(m).trim();
        if !mark.is_empty() {
            flags.push(mark.to_string());
        }
        if let Some(note) = &mention.normalized().note {
            flags.push(escape(note));
        }
        let _ = writeln!(
            out,
            "| {} | “{}” | {} | {} |",
            place(mention.path(), mention.line() as usize, target),
            escape(mention.text()),
            escape(&value),
            flags.join("; ")
        );
    }
    out.push('\n');
    for m in &v.mentions {
        let _ = writeln!(
            out,
            "> {} — *{}*, {}:{}\n>",
            escape(m.mention.quote()),
            escape(label_at(&by_path, m.mention.path())),
            escape(names.of(m.mention.path())),
            m.mention.line()
        );
    }
    if !v.mentions.is_empty() {
        out.truncate(out.len() - 2);
        out.push('\n');
    }
}

fn contradiction(out: &mut String, report: &Report, v: &Verdict, target: &Target) {
    let _ = writeln!(out, "### {} — {}\n", fact_name(v), escape(&v.claim));
    let labels = labels(&report.sources);
    let by_path = super::outlet::by_path(&report.sources, &labels);
    let outliers: Vec<String> = v
        .outliers
        .iter()
        .map(|p| escape(label_at(&by_path, p)))
        .collect();
    let mut said = Vec::new();
    if v.status == Status::Conflict {
        let lead = if report.drafts.is_empty() {
            "Sources disagree. A majority give"
        } else {
            "The draft disagrees with the other sources. They give"
        };
        match &v.consensus {
            _ if v.changes.is_some() && report.drafts.is_empty() => said.push(format!(
                "Sources disagree over time: a later figure moves against the fact's direction, or two figures stand for the same moment; outliers: {}.",
                outliers.join(", ")
            )),
            Some(consensus) if v.by_record && report.drafts.is_empty() => said.push(format!(
                "Sources disagree. {}, **{}**, is the reference; outliers: {}.",
                if v.kind == "name" { "The spelling of record" } else { "The public record's value" },
                escape(&super::readable(v, consensus)),
                outliers.join(", ")
            )),
            Some(consensus) => said.push(format!(
                "{lead} **{}**; outliers: {}.",
                escape(&super::readable(v, consensus)),
                outliers.join(", ")
            )),
            None => said.push(format!(
                "Sources disagree, {}.",
                escape(&split_named(v, |f| label_at(&by_path, f).to_string()))
            )),
        }
    }
    if !v.self_contradictions.is_empty() {
        let named: Vec<String> = v
            .self_contradictions
            .iter()
            .map(|f| escape(label_at(&by_path, f)))
            .collect();
        said.push(format!(
            "Self-contradiction: {} {} two values that do not agree.",
            named.join(", "),
            if named.len() == 1 {
                "gives"
            } else {
                "each give"
            }
        ));
    }
    // A conflict the record decided has named the record already.
    if v.reference == Reference::Mismatch
        && !(v.by_record && v.status == Status::Conflict && report.drafts.is_empty())
    {
        said.push(format!(
            "The public record says **{}**.",
            escape(&super::readable(v, v.expected.as_deref().unwrap_or("?")))
        ));
    }
    let _ = writeln!(
        out,
        "{} Severity: {}. Rule: {}.\n",
        said.join(" "),
        v.severity,
        rule_link(&v.rule, target)
    );
    mention_table(out, report, v, target);
}

impl Reporter for Markdown {
    fn render(&self, report: &Report, target: &Target) -> String {
        let mut out = format!("{}\n\n", crate::corpus::REPORT_TITLE);
        if !report.drafts.is_empty() {
            let drafts: Vec<String> = report
                .drafts
                .iter()
                .map(|d| format!("[{}]({})", escape(d), href(d, target)))
                .collect();
            let _ = writeln!(
                out,
                "Draft {} judged against the other {} and the public record; only the draft's contradictions count.\n",
                drafts.join(", "),
                match report.summary.sources.saturating_sub(report.drafts.len()) {
                    1 => "article".to_string(),
                    n => format!("{n} articles"),
                }
            );
        }
        summary(&mut out, report, target);
        matrix(&mut out, report, target);

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
            contradiction(&mut out, report, v, target);
        }

        let consistent: Vec<&Verdict> = report
            .facts
            .iter()
            .filter(|v| !v.is_contradiction() && !v.mentions.is_empty())
            .collect();
        if !consistent.is_empty() {
            let labels = labels(&report.sources);
            let by_path = super::outlet::by_path(&report.sources, &labels);
            out.push_str(
                "## Consistent facts\n\n| Fact | Status | Record | Where |\n|---|---|---|---|\n",
            );
            for v in consistent {
                let places: Vec<String> = v
                    .mentions
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {}{}",
                            place(m.mention.path(), m.mention.line() as usize, target),
                            escape(&shown(m.mention.normalized())),
                            if m.superseded { " ↻" } else { "" }
                        )
                    })
                    .collect();
                let status =
                    match super::labels::updated_named(v, |s| label_at(&by_path, s).to_string()) {
                        Some(line) => format!("{}: {}", verdict_label(v), escape(&line)),
                        None => verdict_label(v).to_string(),
                    };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    fact_name(v),
                    status,
                    escape(&reference_label(
                        v.reference,
                        v.expected
                            .as_deref()
                            .map(|e| super::readable(v, e))
                            .as_deref()
                    )),
                    places.join("<br>")
                );
            }
            out.push('\n');
        }

        let unresolved = report.unresolved_mentions();
        if !unresolved.is_empty() {
            out.push_str("## Mentions not read\n\nFound by a rule's pattern, but the value could not be read; left out of the comparison:\n\n| Fact | Where | Wrote | Why |\n|---|---|---|---|\n");
            for (v, m) in unresolved {
                let _ = writeln!(
                    out,
                    "| {} | {} | “{}” | {} |",
                    fact_name(v),
                    place(m.mention.path(), m.mention.line() as usize, target),
                    escape(m.mention.text()),
                    escape(super::reason(m))
                );
            }
            out.push('\n');
        }

        if !report.constraints.is_empty() {
            out.push_str("## Constraints\n\n| Constraint | Expression | Status | Sources |\n|---|---|---|---|\n");
            for c in &report.constraints {
                let status = match c.status {
                    ConstraintStatus::Holds => "holds",
                    ConstraintStatus::Violated => "**VIOLATED**",
                    ConstraintStatus::Unchecked => "unchecked",
                };
                let _ = writeln!(
                    out,
                    "| `{}` — {} | `{}` | {status} | {} |",
                    c.id,
                    escape(&c.claim),
                    c.expr,
                    escape(&c.describe())
                );
            }
            out.push('\n');
        }

        let missing: Vec<&Verdict> = report
            .facts
            .iter()
            .filter(|v| v.status == Status::Missing && v.mentions.is_empty())
            .collect();
        if !missing.is_empty() {
            out.push_str("## Missing facts\n\nNo article states these:\n\n");
            for v in missing {
                let _ = writeln!(out, "- {} — {}", fact_name(v), escape(&v.claim));
            }
            out.push('\n');
        }
        if !report.warnings.is_empty() {
            out.push_str("## Warnings\n\n");
            for w in &report.warnings {
                let _ = writeln!(out, "- {}", escape(w));
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "Rules: {}.",
            report
                .rules
                .iter()
                .map(|r| format!("[{}]({})", escape(r), href(r, target)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        out
    }
}

#[cfg(test)]
mod tests;
