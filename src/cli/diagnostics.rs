//! Printing errors: every error of a run (up to [`LIMIT`]), each as its
//! one-line `factlint: error: file:line:col: what — what to do`, followed
//! by the source line with carets under the problem when the error names a
//! line and column of a readable text file (annotate-snippets, as rustc and
//! cargo print them).

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use factlint::{Error, Location};

/// At most this many errors are printed; a count of the rest follows.
pub const LIMIT: usize = 20;

/// Prints `error` (all of its errors) to standard error.
pub fn print(error: &Error) {
    let all = error.each();
    for e in all.iter().take(LIMIT) {
        eprint!("{}", render(e));
    }
    if all.len() > LIMIT {
        eprintln!(
            "factlint: … and {} more errors (fix these first)",
            all.len() - LIMIT
        );
    }
}

/// One error: its line, then the snippet when there is one.
pub fn render(error: &Error) -> String {
    let line = format!("factlint: error: {error}\n");
    match error.location().and_then(snippet) {
        Some(s) => format!("{line}{s}\n"),
        None => line,
    }
}

/// The source line at `at` with carets, without the title line.
fn snippet(at: &Location) -> Option<String> {
    let (line_no, column) = (at.line?, at.column?);
    let text = std::fs::read(&at.path).ok()?;
    let text = String::from_utf8_lossy(&text);
    let line = text.lines().nth(line_no.checked_sub(1)?)?;
    // Columns count characters; the span is in bytes of the line.
    let start = line
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map_or(line.len(), |(i, _)| i);
    let width = at.width.map_or(1, |w| w as usize);
    let end = line[start..]
        .char_indices()
        .nth(width)
        .map_or(line.len(), |(i, _)| start + i);
    let path = at.path.to_string_lossy().replace('\\', "/");
    let report = &[Level::ERROR.primary_title("").element(
        Snippet::source(line)
            .line_start(line_no)
            .path(path)
            .annotation(AnnotationKind::Primary.span(start..end.max(start))),
    )];
    let rendered = Renderer::plain().render(report);
    // Drop the empty title line; keep the snippet ("  --> …", the source, carets).
    let body: Vec<&str> = rendered.lines().skip(1).collect();
    Some(body.join("\n"))
}
