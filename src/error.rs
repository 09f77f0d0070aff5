//! Errors of the library: one enum, every variant carrying the place it
//! happened (file, and line:column where there is one) and a hint that says
//! what to do. The binary prints them as one line and exits 2.

use std::fmt;
use std::path::PathBuf;

/// Where something is: a file, and optionally a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
            column: None,
        }
    }

    pub fn at(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
        }
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
    /// A command-line value that clap cannot check by itself.
    #[error("{message} — {hint}")]
    Usage { message: String, hint: String },
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

    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: hint.into(),
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
