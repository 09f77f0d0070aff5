//! Where an article holds each cue piece ([`super::Analysis::find`]): one
//! search of the text for every piece this thread has looked for so far,
//! instead of one search of the whole text per cue phrase. A piece first
//! seen in an article is searched on its own there, and joins the search
//! of the articles after it.

use crate::text::words::Fx;
use aho_corasick::AhoCorasick;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How many pieces a thread searches for at once; past it, it starts anew.
const KEPT_PIECES: usize = 1024;

/// The pieces of this thread, and one search for all of them (`None`
/// until built, and again when a piece joins).
#[derive(Default)]
struct Known {
    pieces: Vec<Box<str>>,
    index: HashMap<Box<str>, usize, Fx>,
    search: Option<AhoCorasick>,
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::default();
}

/// The places of pieces in one text, each found when first asked for.
#[derive(Debug, Default)]
pub(super) struct Places {
    /// Whether the one search for the thread's pieces has run on the text.
    searched: bool,
    found: HashMap<Box<str>, Rc<[usize]>, Fx>,
}

impl Places {
    /// Where `piece` (ASCII lower case) starts in `text`, ASCII case
    /// ignored: the starts of its leftmost non-overlapping occurrences, as
    /// a search for it alone finds them.
    pub(super) fn of(&mut self, text: &str, piece: &str) -> Rc<[usize]> {
        if let Some(found) = self.found.get(piece) {
            return found.clone();
        }
        if !self.searched && KNOWN.with_borrow(|k| k.index.contains_key(piece)) {
            self.searched = true;
            self.search_all(text);
            if let Some(found) = self.found.get(piece) {
                return found.clone();
            }
        }
        let found: Rc<[usize]> = super::searcher(piece)
            .find_iter(text)
            .map(|m| m.start())
            .collect();
        KNOWN.with_borrow_mut(|k| {
            if k.pieces.len() >= KEPT_PIECES {
                *k = Known::default();
            }
            if !k.index.contains_key(piece) {
                k.index.insert(piece.into(), k.pieces.len());
                k.pieces.push(piece.into());
                k.search = None;
            }
        });
        self.found.insert(piece.into(), found.clone());
        found
    }

    /// Every known piece's places in `text`, in one pass: all occurrences
    /// (overlapping), then for each piece those a search for it alone
    /// keeps (each starts at or after the end of the one kept before).
    fn search_all(&mut self, text: &str) {
        KNOWN.with_borrow_mut(|k| {
            if k.search.is_none() {
                k.search = Some(
                    AhoCorasick::builder()
                        .ascii_case_insensitive(true)
                        .build(k.pieces.iter().map(|p| p.as_bytes()))
                        .expect("short ASCII pieces always build"),
                );
            }
            let search = k.search.as_ref().expect("built above");
            let mut starts: Vec<Vec<usize>> = vec![Vec::new(); k.pieces.len()];
            let mut ends: Vec<usize> = vec![0; k.pieces.len()];
            for m in search.find_overlapping_iter(text) {
                let p = m.pattern().as_usize();
                if starts[p].is_empty() || m.start() >= ends[p] {
                    starts[p].push(m.start());
                    ends[p] = m.end();
                }
            }
            for (piece, starts) in k.pieces.iter().zip(starts) {
                self.found
                    .entry(piece.clone())
                    .or_insert_with(|| starts.into());
            }
        });
    }
}
