//! An article's date forms read chunk by chunk, each chunk's kept per
//! thread: news copy repeats lines from article to article (dense-1k:
//! 19,554 lines, 721 distinct), and reading the forms over every article
//! body was a tenth of the cue rules' work.
//!
//! A chunk ends at a line break no form's match can run across, so the
//! forms read in the text are those read in its chunks:
//!
//! - A match neither starts nor ends with white space (every form starts
//!   with a letter or digit after `\b`, and ends with one or with
//!   punctuation; only `\s*$`, the end of the whole text, ends in white
//!   space). A match across a line break therefore holds the last
//!   character before the white space around it.
//! - Inside a match, white space follows only a letter or digit, `,`,
//!   `-`, `/`, `–`, `~`, or a `.` right after a month, a weekday, or a day
//!   (digits or a day word: "Tue.", "Feb.", "16."). A line break after
//!   anything else ("said.", "”") ends a chunk.
//! - A line break followed by nothing but white space ends none: `\s*$`
//!   may reach the end of the text across it.
//!
//! A chunk but the last is read as its own text followed by a line break
//! and a control character that no form reads: `\b` sees the line break after the chunk
//! as in the whole text (and the start of the text before it, like the
//! line break there), and `$` never matches inside, as in the whole text.
//! A form's matches in the chunk are then those of the whole text in it:
//! no match of the whole text runs across the chunk's ends, and none of
//! the chunk's reaches the added characters.

use super::forms::FORMS;
use super::scan::{raw_with, Raw};
use super::words::{day_word_regex, MONTHS, WEEKDAYS_SHORT};
use crate::text::words::Fx;
use regex::Regex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

/// Chunks up to this many bytes are kept per thread ([`CHUNKS`]); a longer
/// one is read each time.
const KEPT_CHUNK_BYTES: usize = 4096;

/// How many chunks a thread keeps (past it, the table is emptied).
const KEPT_CHUNKS: usize = 4096;

/// What the forms read in chunks, by the chunk's text.
type Kept = HashMap<Box<str>, Rc<[Raw]>, Fx>;

thread_local! {
    /// What the forms read in each chunk, by the chunk's text: in the
    /// first table chunks read sealed, in the second the last chunks of
    /// texts, read as they are (spans relative to the chunk). A pure
    /// function of the text read. Looked up by the chunk itself, so that a
    /// chunk read before costs no sealed copy (dense-1k: ~15 a text).
    static CHUNKS: RefCell<[Kept; 2]> = RefCell::default();
}

/// Empties this thread's chunks (see [`super::clear_thread_caches`]).
pub(super) fn clear_thread_cache() {
    CHUNKS.take();
}

/// What the forms read in `text`, chunk by chunk (spans in `text`, in no
/// particular order); `None` when the text is one chunk.
pub(super) fn raw(text: &str) -> Option<Vec<Raw>> {
    let chunks = chunks(text);
    if chunks.len() < 2 {
        return None;
    }
    let mut found = Vec::new();
    for chunk in chunks {
        let part = &text[chunk.clone()];
        // The last chunk ends where the text does, and is read as it is.
        let last = chunk.end == text.len();
        let read = || -> Rc<[Raw]> {
            let sealed = if last {
                part.to_string()
            } else {
                format!("{part}\n\u{1}")
            };
            raw_with(|found| FORMS.set.each(&sealed, found)).into()
        };
        // The sealed text is two bytes longer than the chunk.
        let raw = if part.len() + if last { 0 } else { 2 } > KEPT_CHUNK_BYTES {
            read()
        } else if let Some(kept) =
            CHUNKS.with_borrow(|kept| kept[usize::from(last)].get(part).cloned())
        {
            kept
        } else {
            let raw = read();
            CHUNKS.with_borrow_mut(|kept| {
                if kept[0].len() + kept[1].len() >= KEPT_CHUNKS {
                    kept[0].clear();
                    kept[1].clear();
                }
                kept[usize::from(last)].insert(part.into(), Rc::clone(&raw));
            });
            raw
        };
        found.extend(raw.iter().map(|(span, form, expr)| {
            (
                span.start + chunk.start..span.end + chunk.start,
                *form,
                expr.clone(),
            )
        }));
    }
    Some(found)
}

/// The chunks of `text`: split at every line break no match can run
/// across (see the module's notes), the line break in neither.
fn chunks(text: &str) -> Vec<Range<usize>> {
    // Past it, only white space: no line break there ends a chunk.
    let last = text.trim_end().len();
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices('\n') {
        if at >= last {
            break;
        }
        if ends_chunk(&text[..at]) {
            out.push(from..at);
            from = at + 1;
        }
    }
    out.push(from..text.len());
    out
}

/// Whether no match can run across a line break after `before`: the last
/// character before the white space is none a form puts white space after.
fn ends_chunk(before: &str) -> bool {
    /// A month, weekday or day word a `.` and white space may follow
    /// inside a match ("Tue. Feb. 28", "16. Nov."), at the end of a word
    /// (a month may follow "in" or "mid" without a space).
    static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:{MONTHS}|{WEEKDAYS_SHORT}|{})$",
            day_word_regex()
        ))
        .expect("dotted word regex")
    });
    let before = before.trim_end();
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    match last {
        c if c.is_alphanumeric() => false,
        ',' | '-' | '/' | '–' | '~' => false,
        '.' => {
            let stem = &before[..before.len() - 1];
            let word = &stem[stem
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric())
                .last()
                .map_or(stem.len(), |(i, _)| i)..];
            !(word.chars().any(char::is_numeric) || DOTTED.is_match(word))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    /// The expressions of `text` read whole, chunk by chunk, and how many
    /// chunks it has.
    fn both(text: &str) -> (usize, Vec<Raw>, Vec<Raw>) {
        let sort = |mut v: Vec<Raw>| {
            v.sort_by_key(|(span, form, _)| (span.start, span.end, *form));
            v
        };
        let whole = sort(raw_with(|found| FORMS.set.each(text, found)));
        let chunked = sort(raw(text).unwrap_or_else(|| whole.clone()));
        (chunks(text).len(), whole, chunked)
    }

    #[test]
    fn a_chunk_ends_only_where_no_match_runs_across() {
        for (text, pieces) in [
            ("He said so.\nOn Feb. 28 he left.", 2),
            ("He left in May.\n2023 was a year.", 1),
            ("They met on Tue.\nFeb. 28 it was.", 1),
            ("It was 16.\nNov. 2016 then.", 1),
            ("It was the twenty-first.\nOf May, he said.", 1),
            ("It ended midFeb.\n2023 began.", 1),
            ("“Yes,” he said.”\nOn 15", 2),
            ("The vote was held on 15.\n\n", 1),
            ("February 24\n, 2023", 1),
            ("two days before\n. Then", 1),
            ("Logo\nMarch 1, 2023\nBy Vusala", 1),
            ("a headline\n“Quote.”\nIt cost $\n12 December 27.", 3),
        ] {
            let (n, whole, chunked) = both(text);
            assert_eq!(n, pieces, "{text:?}");
            assert_eq!(chunked, whole, "{text:?}");
        }
    }

    #[test]
    fn chunks_read_what_the_whole_text_reads() {
        let text = "Blinken arrived on Tuesday. A day earlier, on Feb. 27, he was in Astana.\n\
                    “We met last week,” he said.\n\
                    In 2015 the group met; the talks ended in May.\n\
                    It cost $\n12 December 27 was the day.\n\
                    Officials said 3 days after January 12th it ended, on Thursday.\n\
                    He said so.\nHe said so.\non 15";
        let (n, whole, chunked) = both(text);
        assert!(n > 3, "{n} chunks");
        assert!(whole.len() > 6, "{whole:?}");
        assert_eq!(chunked, whole);
        // The finished expressions too (a currency sign on the line before).
        let read_whole = super::super::scan::scan_whole(text);
        assert_eq!(scan(text), read_whole);
    }
}
