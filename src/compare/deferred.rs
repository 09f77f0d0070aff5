//! A verdict's mentions left out of its serialization, so that a writer
//! can render them itself: the JSON reporter renders the mentions of a
//! large report on all threads ([`crate::report::json`]), and serde
//! cannot hand a sequence's elements to other threads.
//!
//! While [`deferring`] runs, every [`super::Verdict`] serialized on this
//! thread writes [`PLACEHOLDER`] (a string) in place of its `mentions`
//! array; the writer finds each placeholder in the output, in verdict
//! order, and writes the mentions there. Anywhere else (other threads,
//! other code), verdicts serialize whole.

use super::MentionVerdict;
use serde::{Serialize, Serializer};
use std::cell::Cell;

/// What a deferred `mentions` array is serialized as: a string no
/// report holds (a NUL, which no article or rule text read as text can
/// contain: a file with one is skipped as binary).
pub const PLACEHOLDER: &str = "\u{0}mentions deferred";

thread_local! {
    static DEFERRING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with the mentions of the verdicts it serializes on this thread
/// deferred; restored afterwards, also when `f` fails.
pub fn deferring<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEFERRING.with(|d| d.set(self.0));
        }
    }
    let _restore = Restore(DEFERRING.with(|d| d.replace(true)));
    f()
}

/// `Verdict::mentions`' serializer: the mentions, or the placeholder
/// while [`deferring`].
pub fn serialize<S: Serializer>(
    mentions: &[MentionVerdict],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if DEFERRING.with(Cell::get) {
        serializer.serialize_str(PLACEHOLDER)
    } else {
        mentions.serialize(serializer)
    }
}
