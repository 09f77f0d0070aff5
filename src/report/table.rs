//! `--format table`: one row per fact for the terminal: status, agreement
//! with the record, the value each source gives, and the outliers.

use super::{Report, Reporter, Target};
use crate::compare::{shown, Reference, Status};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table as Grid};

pub struct Table;

/// The status as the table and the Markdown report show it.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Agree => "agree",
        Status::Conflict => "CONFLICT",
        Status::Single => "single",
        Status::Missing => "missing",
        Status::Unresolved => "unresolved",
    }
}

pub fn reference_label(reference: Reference, expected: Option<&str>) -> String {
    match (reference, expected) {
        (Reference::Match, Some(e)) => format!("match ({e})"),
        (Reference::Mismatch, Some(e)) => format!("MISMATCH ({e})"),
        (_, Some(e)) => format!("— ({e})"),
        _ => "—".into(),
    }
}

impl Reporter for Table {
    fn render(&self, report: &Report, _target: &Target) -> String {
        let mut grid = Grid::new();
        grid.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        grid.set_header(["Fact", "Status", "Record", "Values by source", "Outliers"]);
        for v in &report.facts {
            let fact = match &v.subject {
                Some(s) => format!("{} [{s}]", v.id),
                None => v.id.clone(),
            };
            let values: Vec<String> = v
                .mentions
                .iter()
                .map(|m| {
                    let mark = if m.outlier { " ✗" } else { "" };
                    let value = if m.mention.normalized.is_resolved() {
                        format!("{} “{}”", shown(&m.mention.normalized), m.mention.text)
                    } else {
                        format!("unresolved “{}”", m.mention.text)
                    };
                    format!("{}:{} {value}{mark}", m.mention.source, m.mention.line)
                })
                .collect();
            grid.add_row([
                fact,
                status_label(v.status).to_string(),
                reference_label(v.reference, v.expected.as_deref()),
                if values.is_empty() {
                    "—".into()
                } else {
                    values.join("\n")
                },
                if v.outliers.is_empty() {
                    "—".into()
                } else {
                    v.outliers.join("\n")
                },
            ]);
        }
        format!("{grid}\n{}\n", report.summary_line())
    }
}
