//! `--format table`: one row per fact for the terminal: the fact, its
//! status, agreement with the record, and the value each source gives
//! (outliers marked ✗, each side of a split with no majority ⇆, an article
//! that contradicts itself ↯). The table fits the width it is given: columns as
//! wide as their content needs, words never broken (see [`super::layout`]);
//! when even that does not fit, the one-line-per-finding concise format is
//! printed instead.

use super::labels::{reference_label, suppressed_mark, verdict_label};
use super::layout::{self, wrap};
use super::names::Names;
use super::{Report, Reporter, Target};
use crate::compare::{shown, MentionVerdict, Reference, Status, Verdict};

/// The width used when nothing tells how wide the output is (a pipe, a file).
pub const DEFAULT_WIDTH: usize = 100;

/// The table, `width` columns wide at most; `color` paints contradictions
/// red and agreement green (for a terminal).
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub width: usize,
    pub color: bool,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            width: DEFAULT_WIDTH,
            color: false,
        }
    }
}

impl Reporter for Table {
    fn render(&self, report: &Report, target: &Target) -> String {
        match grid(report, self.width, self.color) {
            Some(table) => {
                let mut out = table;
                out.push_str(&super::not_read_lines(report));
                for c in &report.constraints {
                    let line = format!("constraint {} ({}): {}", c.id, c.expr, c.describe());
                    for part in wrap(&line, self.width) {
                        out.push_str(&part);
                        out.push('\n');
                    }
                }
                // One line whatever the width, for grep and CI logs.
                out.push_str(&report.summary_line());
                out.push('\n');
                out
            }
            None => super::concise::Concise.render(report, target),
        }
    }
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

/// A no-break space, which [`wrap`] does not break at; printed as a space.
const GLUE: char = '\u{a0}';

/// `text` with its spaces made unbreakable when it is short.
fn glue(text: &str) -> String {
    if layout::width(text) <= 16 {
        text.replace(' ', &GLUE.to_string())
    } else {
        text.to_string()
    }
}

/// One mention as the "Values by source" column shows it: the article by
/// path less the shared folder (two folders may hold a `wire.txt`), hostile
/// characters cleaned; marked ✗ outlier, ⇆ one side of a split with no
/// majority, ↯ its article contradicts itself, ↻ superseded by a newer figure.
fn value_line(names: &Names, m: &MentionVerdict) -> String {
    let mut mark = String::new();
    for (on, sign) in [
        (m.outlier, " ✗"),
        (m.tied, " ⇆"),
        (m.self_contradiction, " ↯"),
        (m.superseded, " ↻"),
    ] {
        if on {
            mark.push_str(sign);
        }
    }
    let value = if m.mention.normalized().is_resolved() {
        // A short value stays on one line: "≈7500 km", not "≈7500" / "km".
        let value = glue(&shown(m.mention.normalized()));
        let text = glue(&clean(m.mention.text()));
        if value == text {
            format!("“{value}”")
        } else {
            format!("{value} “{text}”")
        }
    } else {
        format!("unresolved “{}”", clean(m.mention.text()))
    };
    format!(
        "{}:{} {value}{mark}{}",
        clean(names.of(m.mention.path())),
        m.mention.line(),
        suppressed_mark(m)
    )
}

/// The cells of one row, and the color of each (`None`: plain).
fn row(names: &Names, v: &Verdict) -> [(String, Option<&'static str>); 4] {
    let fact = match &v.subject {
        Some(s) => format!("{}\n[{s}]", v.id),
        None => v.id.clone(),
    };
    let mut values: Vec<String> = v.mentions.iter().map(|m| value_line(names, m)).collect();
    // A split with no majority has no outliers to mark: say so under its sides.
    if v.tie && !v.suppressed {
        values.push("⇆ no majority".into());
    }
    // A changing figure: which is the newest.
    if let Some(line) = super::labels::updated_named(v, |p| clean(names.of(p))) {
        values.push(line);
    }
    let bad = v.is_contradiction();
    let status_color = if bad {
        RED
    } else if v.status == Status::Agree {
        GREEN
    } else {
        YELLOW
    };
    let mismatch = v.reference == Reference::Mismatch && !v.suppressed;
    [
        (fact, bad.then_some(RED)),
        (verdict_label(v).to_string(), Some(status_color)),
        (
            reference_label(
                v.reference,
                v.expected
                    .as_deref()
                    .map(|e| super::readable(v, e))
                    .as_deref(),
            ),
            mismatch.then_some(RED),
        ),
        (
            if values.is_empty() {
                "—".into()
            } else {
                values.join("\n")
            },
            None,
        ),
    ]
}

/// The boxed table within `width` columns, or `None` when its narrowest
/// layout is still wider.
fn grid(report: &Report, width: usize, color: bool) -> Option<String> {
    const HEADER: [&str; 4] = ["Fact", "Status", "Record", "Values by source"];
    let names = Names::new(&report.sources);
    let rows: Vec<[(String, Option<&str>); 4]> =
        report.facts.iter().map(|v| row(&names, v)).collect();
    let cells = |i: usize| {
        std::iter::once(HEADER[i].to_string()).chain(rows.iter().map(move |r| r[i].0.clone()))
    };
    let min: Vec<usize> = (0..4)
        .map(|i| cells(i).map(|c| layout::min_width(&c)).max().unwrap_or(0))
        .collect();
    let max: Vec<usize> = (0..4)
        .map(|i| cells(i).map(|c| layout::max_width(&c)).max().unwrap_or(0))
        .collect();
    // "│ " + " ┆ " between columns + " │".
    let borders = 3 * HEADER.len() + 1;
    let total = width.checked_sub(borders)?;
    // The fact and its status first: they name the row and should not wrap,
    // but neither may take more than 30% of the width from the values.
    let mut max = max;
    for i in [0, 1] {
        max[i] = max[i].min(total * 3 / 10).max(min[i]);
    }
    let widths = layout::columns(&min, &max, total, &[0, 1])?;
    let rule = |left: &str, fill: &str, mid: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(mid))
    };
    let line = |cells: &[(Vec<String>, Option<&str>)], at: usize| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|((lines, paint), w)| {
                let text = lines.get(at).map_or("", String::as_str);
                let pad = " ".repeat(w - layout::width(text).min(*w));
                match paint {
                    Some(code) if color && !text.is_empty() => {
                        format!("{code}{text}{RESET}{pad}")
                    }
                    _ => format!("{text}{pad}"),
                }
            })
            .collect();
        format!("│ {} │\n", parts.join(" ┆ "))
    };
    let block = |cells: Vec<(Vec<String>, Option<&str>)>, out: &mut String| {
        let height = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(1);
        for at in 0..height.max(1) {
            out.push_str(&line(&cells, at));
        }
    };
    let mut out = rule("┌", "─", "┬", "┐");
    block(
        HEADER
            .iter()
            .zip(&widths)
            .map(|(h, w)| (wrap(h, *w), None))
            .collect(),
        &mut out,
    );
    out.push_str(&rule("╞", "═", "╪", "╡"));
    for r in &rows {
        block(
            r.iter()
                .zip(&widths)
                .map(|((text, paint), w)| {
                    let lines = wrap(text, *w)
                        .into_iter()
                        .map(|l| l.replace(GLUE, " "))
                        .collect();
                    (lines, *paint)
                })
                .collect(),
            &mut out,
        );
    }
    out.push_str(&rule("└", "─", "┴", "┘"));
    Some(out)
}

/// Text from a file name or an article as the table shows it: line breaks
/// and tabs become spaces, other control characters (terminal escape codes)
/// `?`, so hostile text can neither drive the terminal nor break the grid.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '?',
            c => c,
        })
        .collect()
}
