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
pub mod kept;
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

/// Empties this thread's caches of the text stage: lines' sentences,
/// sentences' words, folded words, cue pieces and the date forms' lazy
/// DFA. Each is a pure function of the text it keys, so a later read only
/// does the work again; a scan's worker threads hold ~20 MB of them when
/// it ends, of no use to judging and writing the report.
pub fn clear_thread_caches() {
    segment::clear_thread_cache();
    words::clear_thread_cache();
    analysis::clear_thread_caches();
    fastset::clear_thread_caches();
}

/// Something worth telling the user that does not stop the run.
pub type Warning = String;
