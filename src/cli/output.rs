//! How output looks where it goes: colors (`--color auto|always|never` and
//! the conventions of NO_COLOR, CLICOLOR_FORCE, FORCE_COLOR and TERM=dumb),
//! the width the table fits (COLUMNS, else the terminal's, else 100), and
//! the format a report file gets from its extension.

use factlint::report::{table::DEFAULT_WIDTH, Format};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::OnceLock;

/// When to use colors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set or TERM=dumb; CLICOLOR_FORCE or FORCE_COLOR force them.
    #[default]
    Auto,
    Always,
    Never,
}

static CHOICE: OnceLock<ColorChoice> = OnceLock::new();

/// Records `--color` for the whole run.
pub fn set_color(choice: ColorChoice) {
    let _ = CHOICE.set(choice);
}

fn set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

/// Whether colors may be used on standard output.
pub fn colors() -> bool {
    let forced = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match CHOICE.get().copied().unwrap_or_default() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR") {
                false
            } else if forced("CLICOLOR_FORCE") || forced("FORCE_COLOR") {
                true
            } else {
                std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// The width the table fits: COLUMNS when set, else the terminal's, else
/// 100 (a pipe, a CI log).
pub fn width() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return n;
    }
    if std::io::stdout().is_terminal() {
        if let Some((_, cols)) = console::Term::stdout().size_checked() {
            if cols > 0 {
                return cols as usize;
            }
        }
    }
    DEFAULT_WIDTH
}

/// The format a report file's extension implies (`.md` → markdown, …).
pub fn format_for(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "json" => Some(Format::Json),
        "sarif" => Some(Format::Sarif),
        _ => None,
    }
}

/// The reporter for `format`; the table fits `width` and gets colors when asked.
pub fn reporter(format: Format, width: usize, color: bool) -> Box<dyn factlint::report::Reporter> {
    match format {
        Format::Table => Box::new(factlint::report::table::Table { width, color }),
        other => other.reporter(),
    }
}
