//! Errors of the library: one enum, every variant carrying the place it
//! happened (file, and line:column where there is one) and a hint that says
//! what to do. The binary prints them as one line and exits 2.

use std::fmt;
use std::path::PathBuf;

/// Where something is: a file, and optionally a 1-based line and column,
/// and how many characters the bad text spans there (for carets).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Characters from `column` that the problem covers; `None`: one.
    /// (`u32` keeps [`Error`] small enough to return by value.)
    pub width: Option<u32>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
            column: None,
            width: None,
        }
    }

    pub fn at(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
            width: None,
        }
    }

    /// The same place, covering `width` characters.
    pub fn spanning(mut self, width: usize) -> Self {
        self.width = Some(u32::try_from(width.max(1)).unwrap_or(u32::MAX));
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// Everything that stops factlint from running. Each variant is one stage.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A rule file cannot be read, parsed or compiled, or one of its examples fails.
    #[error("{at}: {message} — {hint}")]
    Rules {
        at: Location,
        message: String,
        hint: String,
    },
    /// The corpus (articles and their metadata) cannot be read.
    #[error("{at}: {message} — {hint}")]
    Corpus {
        at: Location,
        message: String,
        hint: String,
    },
    /// A report or other output cannot be written.
    #[error("{at}: {message} — {hint}")]
    Output {
        at: Location,
        message: String,
        hint: String,
    },
    /// `factlint.toml` cannot be read or holds a bad setting.
    #[error("{at}: {message} — {hint}")]
    Config {
        at: Location,
        message: String,
        hint: String,
    },
    /// A command-line value that clap cannot check by itself.
    #[error("{message} — {hint}")]
    Usage { message: String, hint: String },
    /// Several problems found in one pass (every rule file is read before
    /// giving up), one per line, in the order found.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Several(Vec<Error>),
}

impl Error {
    pub fn rules(at: Location, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Rules {
            at,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn corpus(at: Location, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Corpus {
            at,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn output(at: Location, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Output {
            at,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn config(at: Location, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Config {
            at,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// One error for all of `errors` (which must not be empty): the error
    /// itself when there is one.
    pub fn several(mut errors: Vec<Error>) -> Self {
        if errors.len() == 1 {
            return errors.remove(0);
        }
        let flat = errors
            .into_iter()
            .flat_map(|e| match e {
                Error::Several(inner) => inner,
                one => vec![one],
            })
            .collect();
        Error::Several(flat)
    }

    /// Each error on its own, for printing one by one.
    pub fn each(&self) -> Vec<&Error> {
        match self {
            Error::Several(all) => all.iter().flat_map(Error::each).collect(),
            one => vec![one],
        }
    }

    /// Where the error is, when it names a place.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Rules { at, .. }
            | Error::Corpus { at, .. }
            | Error::Output { at, .. }
            | Error::Config { at, .. } => Some(at),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The process exit codes, documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// No contradiction found.
    Clean = 0,
    /// Conflicts or reference mismatches found.
    Contradictions = 1,
    /// Usage, configuration or input error.
    Error = 2,
}
