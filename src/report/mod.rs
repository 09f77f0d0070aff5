//! Reporters: one file per output format, each a [`Reporter`] that renders
//! the same [`Report`] to text. The library never prints; the binary writes
//! what a reporter returns to the terminal or, atomically, to a file.

pub mod concise;
pub mod escape;
pub mod github;
pub mod json;
pub mod labels;
pub mod layout;
pub mod markdown;
pub mod names;
pub mod outlet;
pub mod sarif;
pub mod table;

use crate::compare::constraints::{ConstraintStatus, ConstraintVerdict};
use crate::compare::{MentionVerdict, Reference, Status, Verdict};
use crate::corpus::Source;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The result of a check: what was read, the verdict per fact, counts.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub facts: Vec<Verdict>,
    pub sources: Vec<Source>,
    pub summary: Summary,
    /// Rule files the facts came from.
    pub rules: Vec<String>,
    /// `[[constraint]]` verdicts, when the rules declare constraints.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<ConstraintVerdict>,
    /// Always present in JSON (`[]` when there are none), so tools need no default.
    pub warnings: Vec<String>,
    /// Draft mode: the drafts' paths, judged against the other sources
    /// (see [`crate::compare::draft`]); empty for a whole-corpus check.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drafts: Vec<String>,
}

/// Counts of verdicts by status and reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub facts: usize,
    pub sources: usize,
    pub mentions: usize,
    pub agree: usize,
    pub conflict: usize,
    /// Facts whose figure changed the declared way (`changes`): not contradictions.
    #[serde(skip_serializing_if = "is_zero")]
    pub updated: usize,
    pub single: usize,
    pub missing: usize,
    pub unresolved: usize,
    /// Mentions a pattern found but the kind could not read (each listed
    /// with its reason), in facts of any status.
    #[serde(skip_serializing_if = "is_zero")]
    pub unresolved_mentions: usize,
    pub reference_match: usize,
    pub reference_mismatch: usize,
    /// Contradictions accepted through the baseline (not counted above).
    pub accepted: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub constraint_violations: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Report {
    pub fn new(
        facts: Vec<Verdict>,
        sources: Vec<Source>,
        rules: Vec<String>,
        warnings: Vec<String>,
    ) -> Report {
        let mut s = Summary {
            facts: facts.len(),
            sources: sources.len(),
            ..Summary::default()
        };
        for v in &facts {
            s.mentions += v.mentions.len();
            s.unresolved_mentions += v
                .mentions
                .iter()
                .filter(|m| !m.mention.normalized().is_resolved() && m.suppressed.is_none())
                .count();
            if v.suppressed {
                s.accepted += 1;
                continue;
            }
            match v.status {
                Status::Agree => s.agree += 1,
                Status::Conflict => s.conflict += 1,
                Status::Updated => s.updated += 1,
                Status::Single => s.single += 1,
                Status::Missing => s.missing += 1,
                Status::Unresolved => s.unresolved += 1,
            }
            match v.reference {
                Reference::Match => s.reference_match += 1,
                Reference::Mismatch => s.reference_mismatch += 1,
                Reference::None => {}
            }
        }
        Report {
            facts,
            sources,
            summary: s,
            rules,
            constraints: Vec::new(),
            warnings,
            drafts: Vec::new(),
        }
    }

    /// The report with constraint verdicts added.
    pub fn with_constraints(mut self, constraints: Vec<ConstraintVerdict>) -> Report {
        self.summary.constraint_violations = constraints
            .iter()
            .filter(|c| c.status == ConstraintStatus::Violated)
            .count();
        self.constraints = constraints;
        self
    }

    /// Every mention that was found but could not be read, with its fact, in
    /// report order (fact, then file and line); suppressed ones left out.
    pub fn unresolved_mentions(&self) -> Vec<(&Verdict, &MentionVerdict)> {
        self.facts
            .iter()
            .flat_map(|v| {
                v.mentions
                    .iter()
                    .filter(|m| !m.mention.normalized().is_resolved() && m.suppressed.is_none())
                    .map(move |m| (v, m))
            })
            .collect()
    }

    /// Whether any fact has a conflict or a reference mismatch.
    pub fn has_contradictions(&self) -> bool {
        self.facts.iter().any(Verdict::is_contradiction) || self.summary.constraint_violations > 0
    }

    /// "9 facts: 2 conflicts, 1 reference mismatch, 3 agree, 2 single-source, 1 missing".
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![
            plural(s.conflict, "conflict", "conflicts"),
            plural(
                s.reference_mismatch,
                "reference mismatch",
                "reference mismatches",
            ),
            format!("{} agree", s.agree),
            format!("{} single-source", s.single),
            format!("{} missing", s.missing),
        ];
        if s.updated > 0 {
            parts.push(format!("{} updated", s.updated));
        }
        if s.unresolved > 0 {
            parts.push(format!("{} unresolved", s.unresolved));
        }
        if s.unresolved_mentions > 0 {
            parts.push(format!(
                "{} not read",
                plural(s.unresolved_mentions, "mention", "mentions")
            ));
        }
        if !self.constraints.is_empty() {
            parts.push(format!(
                "{} of {} violated",
                s.constraint_violations,
                plural(self.constraints.len(), "constraint", "constraints")
            ));
        }
        if s.accepted > 0 {
            parts.push(format!("{} accepted (baseline)", s.accepted));
        }
        if !self.drafts.is_empty() {
            let others = s.sources.saturating_sub(self.drafts.len());
            return format!(
                "{} against {}: {} stated: {}",
                plural(self.drafts.len(), "draft", "drafts"),
                plural(others, "article", "articles"),
                plural(s.facts, "fact", "facts"),
                parts.join(", ")
            );
        }
        format!(
            "{} in {}: {}",
            plural(s.facts, "fact", "facts"),
            plural(s.sources, "article", "articles"),
            parts.join(", ")
        )
    }
}

/// "not read: FACT PATH:LINE “text”: reason", one line per mention found
/// but not read (the table and the concise format print them).
pub fn not_read_lines(report: &Report) -> String {
    report
        .unresolved_mentions()
        .into_iter()
        .map(|(v, m)| {
            let mention = &m.mention;
            format!(
                "not read: {} {}:{} “{}”: {}\n",
                v.id,
                mention.path(),
                mention.line(),
                mention.text(),
                reason(m)
            )
        })
        .collect()
}

/// Why a mention could not be read (its unresolved key's reason).
pub fn reason(m: &MentionVerdict) -> &str {
    match &m.mention.normalized().key {
        crate::normalize::Key::Unresolved(why) => why,
        _ => m.mention.normalized().note.as_deref().unwrap_or(""),
    }
}

/// A verdict's `consensus` or `expected` (values as compared, " or "
/// between several) as readers write them: a choice value by the label a
/// mention of it carries ("did_not_vote" → "did not vote").
pub fn readable(v: &Verdict, raw: &str) -> String {
    raw.split(" or ")
        .map(|part| {
            // The mark of a hedge or bound ("≈", "≥", ">", "≤", "<") stays.
            let value = part.trim_start_matches(['≈', '≥', '>', '≤', '<']);
            let hedge = &part[..part.len() - value.len()];
            v.mentions
                .iter()
                .find(|m| m.mention.normalized().value == value)
                .and_then(|m| m.mention.normalized().label.as_deref())
                .map_or_else(|| part.to_string(), |label| format!("{hedge}{label}"))
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Where rendered output goes, for formats that link to files.
#[derive(Debug, Clone, Default)]
pub struct Target {
    /// The folder the output file is written in (links are made relative to
    /// it); `None` for the terminal, where paths stay as given.
    pub dir: Option<PathBuf>,
}

/// One output format.
pub trait Reporter {
    fn render(&self, report: &Report, target: &Target) -> String;

    /// Writes the rendered report to `out`. Formats whose output grows with
    /// the corpus (JSON) stream it instead of building one string first.
    fn write(
        &self,
        report: &Report,
        target: &Target,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        out.write_all(self.render(report, target).as_bytes())
    }
}

/// The output formats, as `--format` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for the terminal, fitted to its width.
    Table,
    /// One line per finding: `path:line:col: fact: wrote X; others Y (sources)`.
    Concise,
    /// A report for readers, with quotes and links.
    Markdown,
    /// The JSON contract for other tools.
    Json,
    /// SARIF 2.1.0 for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

impl Format {
    pub fn reporter(self) -> Box<dyn Reporter> {
        match self {
            Format::Table => Box::new(table::Table::default()),
            Format::Concise => Box::new(concise::Concise),
            Format::Markdown => Box::new(markdown::Markdown),
            Format::Json => Box::new(json::Json),
            Format::Sarif => Box::new(sarif::Sarif),
            Format::Github => Box::new(github::Github),
        }
    }
}

/// A link from the output folder to `path` (given relative to the working folder).
pub fn link(path: &str, target: &Target) -> String {
    let Some(dir) = &target.dir else {
        return path.to_string();
    };
    let depth = dir
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .count();
    let up = dir.components().any(|c| {
        matches!(
            c,
            std::path::Component::ParentDir | std::path::Component::RootDir
        )
    });
    if up || Path::new(path).is_absolute() {
        return path.to_string();
    }
    format!("{}{path}", "../".repeat(depth))
}

/// Writing reports: see [`crate::text::output`] (atomic, links followed,
/// devices and pipes written through, modes kept).
pub use crate::text::output::{remove_pending, write_atomic, write_atomic_with};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_climb_out_of_the_report_folder() {
        let target = Target {
            dir: Some(PathBuf::from("reports")),
        };
        assert_eq!(link("seeds/a.txt", &target), "../seeds/a.txt");
        assert_eq!(link("seeds/a.txt", &Target::default()), "seeds/a.txt");
        assert_eq!(
            link(
                "a.txt",
                &Target {
                    dir: Some(PathBuf::from(""))
                }
            ),
            "a.txt"
        );
    }
}
