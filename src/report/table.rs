//! `--format table`: one row per fact for the terminal: status, agreement
//! with the record, the value each source gives, and the outliers.

use super::{Report, Reporter, Target};
use crate::compare::{shown, MentionVerdict, Reference, Status, Verdict};
use crate::suppress::Suppression;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ContentArrangement, Table as Grid};

/// The plain table (files, pipes, `NO_COLOR`).
pub struct Table;

/// The same table with colors, for a terminal.
pub struct ColorTable;

impl Reporter for ColorTable {
    fn render(&self, report: &Report, _target: &Target) -> String {
        render(report, true)
    }
}

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

/// The status of a verdict, "accepted" when the baseline accepts it.
pub fn verdict_label(v: &Verdict) -> &'static str {
    if v.suppressed {
        "accepted"
    } else {
        status_label(v.status)
    }
}

/// " (ignored)" / " (baseline)" after a suppressed mention.
pub fn suppressed_mark(m: &MentionVerdict) -> &'static str {
    match m.suppressed {
        Some(Suppression::Inline) => " (ignored)",
        Some(Suppression::Baseline) => " (baseline)",
        None => "",
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
        render(report, false)
    }
}

/// The table; `color` paints contradictions red, agreement green.
fn render(report: &Report, color: bool) -> String {
    {
        let mut grid = Grid::new();
        grid.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        // A terminal that reports no usable width (a pty under `script`, some
        // CI runners) would squeeze every column to one character.
        if grid.width().is_some_and(|w| w < 40) {
            grid.set_content_arrangement(ContentArrangement::Disabled);
        }
        if color {
            grid.enforce_styling();
        }
        // Colors only mark what needs attention; without them the ✗ and the
        // capitals say the same.
        let paint = |text: String, fg: Color, on: bool| {
            let cell = Cell::new(text);
            if color && on {
                cell.fg(fg)
            } else {
                cell
            }
        };
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
                    format!(
                        "{}:{} {value}{mark}{}",
                        m.mention.source,
                        m.mention.line,
                        suppressed_mark(m)
                    )
                })
                .collect();
            let bad = v.is_contradiction();
            let status_color = if bad {
                Color::Red
            } else if v.status == Status::Agree {
                Color::Green
            } else {
                Color::Yellow
            };
            grid.add_row(vec![
                paint(fact, Color::Red, bad),
                paint(verdict_label(v).to_string(), status_color, true),
                paint(
                    reference_label(v.reference, v.expected.as_deref()),
                    Color::Red,
                    v.reference == Reference::Mismatch && !v.suppressed,
                ),
                Cell::new(if values.is_empty() {
                    "—".into()
                } else {
                    values.join("\n")
                }),
                paint(
                    if v.outliers.is_empty() {
                        "—".into()
                    } else {
                        v.outliers.join("\n")
                    },
                    Color::Red,
                    bad,
                ),
            ]);
        }
        let mut out = format!("{grid}\n");
        for (v, m) in report.unresolved_mentions() {
            let mention = &m.mention;
            out.push_str(&format!(
                "not read: {} {}:{} “{}”: {}\n",
                v.id,
                mention.path,
                mention.line,
                mention.text,
                super::reason(m)
            ));
        }
        for c in &report.constraints {
            out.push_str(&format!(
                "constraint {} ({}): {}\n",
                c.id,
                c.expr,
                c.describe()
            ));
        }
        out.push_str(&report.summary_line());
        out.push('\n');
        out
    }
}
