//! `--format table`: one row per fact for the terminal: status, agreement
//! with the record, the value each source gives, and the outliers.

use super::labels::{reference_label, suppressed_mark, verdict_label};
use super::{Report, Reporter, Target};
use crate::compare::{shown, Reference, Status};

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
                    {
                        let mut lines: Vec<String> = if v.tie {
                            vec!["no majority".into()]
                        } else {
                            v.outliers.clone()
                        };
                        lines.extend(
                            v.self_contradictions
                                .iter()
                                .map(|s| format!("{s} (contradicts itself)")),
                        );
                        if lines.is_empty() {
                            "—".into()
                        } else {
                            lines.join("\n")
                        }
                    },
                    Color::Red,
                    bad,
                ),
            ]);
        }
        let mut out = format!("{grid}\n");
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
