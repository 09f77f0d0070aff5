//! The foundation every stage stands on: reading text files ([`read`],
//! [`decode`]) and writing output files ([`output`]), positions and line/column ([`position`]), sentence bounds
//! ([`segment`]), dates as rules and manifests write them ([`date`]), the
//! JSON form of infinite numbers ([`float`]) and warnings. It imports
//! nothing of the pipeline's stages (only [`crate::error`]); see
//! `docs/architecture.md`.

pub mod analysis;
pub mod date;
pub mod decode;
pub mod fastre;
pub mod fastset;
pub mod float;
pub mod output;
pub mod position;
pub mod read;
pub mod segment;
pub mod walk;
pub mod words;

pub use date::{a_type, parse_date, parse_published};
pub use position::{line_col, LineIndex};
pub use read::read_utf8;
pub use segment::{quote, sentence_bounds, Bounds};

/// Something worth telling the user that does not stop the run.
pub type Warning = String;
