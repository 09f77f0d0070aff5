//! factlint checks facts for consistency across several articles about the
//! same event. The pipeline, one module per stage:
//!
//! [`rules`] (TOML → [`rules::Fact`]) → [`corpus`] (files + metadata →
//! [`corpus::Article`]) → [`extract`] (patterns → [`extract::Mention`] with
//! file, line, column, quote) → [`normalize`] (text → comparable value, one
//! file per fact kind) → [`compare`] (mentions → [`compare::Verdict`] per
//! fact) → [`report`] (one file per output format).
//!
//! [`check::run`] runs them all; [`discover`] proposes facts and draft rules
//! for a corpus that has none. The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod discover;
pub mod error;
pub mod extract;
pub mod normalize;
pub mod report;
pub mod rules;
pub mod scan;
pub mod schema;
pub mod text;

pub use error::{Error, Exit, Location, Result};
/// The segmenter (sentences, clauses), at the top for the library's users.
pub use text::segment;
