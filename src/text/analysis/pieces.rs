//! Where an article holds each cue piece ([`super::Analysis::find`]): one
//! search of the text for every piece this thread has looked for so far,
//! instead of one search of the whole text per cue phrase. A piece first
//! seen in an article is searched on its own there, and joins the search
//! of the articles after it. The one search goes line by line, each line's
//! places kept per thread for the pieces of the moment ([`Known::lines`]):
//! news copy repeats lines from article to article.

use crate::text::words::Fx;
use aho_corasick::AhoCorasick;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How many pieces a thread searches for at once; past it, it starts anew.
const KEPT_PIECES: usize = 1024;

/// Lines up to this many bytes have their places kept ([`Known::lines`]);
/// a longer line is searched each time.
const KEPT_LINE_BYTES: usize = 4096;

/// How many lines' places a thread keeps (past it, the table is emptied).
const KEPT_LINES: usize = 4096;

/// The places a search for every known piece keeps in one line: (piece,
/// where it starts in the line), each piece's in text order.
type LinePlaces = Rc<[(u32, u32)]>;

/// The pieces of this thread, and one search for all of them (`None`
/// until built, and again when a piece joins).
#[derive(Default)]
struct Known {
    pieces: Vec<Box<str>>,
    index: HashMap<Box<str>, usize, Fx>,
    search: Option<AhoCorasick>,
    /// Whether a piece holds a line break (then the text is searched whole,
    /// not line by line).
    multiline: bool,
    /// The places of the known pieces in each line searched since they
    /// last changed, by line text: a pure function of the line and the
    /// pieces, emptied when a piece joins.
    lines: HashMap<Box<str>, LinePlaces, Fx>,
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::default();
}

/// Forgets this thread's pieces and the places found of them.
pub(super) fn clear_thread_cache() {
    KNOWN.take();
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
                k.multiline |= piece.contains('\n');
                k.search = None;
                k.lines.clear();
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
            let n = k.pieces.len();
            if k.multiline {
                for (p, at) in kept_places(search, text, n) {
                    starts[p].push(at);
                }
            } else {
                // No piece runs across a line break, so the places of the
                // text are those of its lines: a piece's first place in a
                // line starts after its last one in the lines before.
                let mut from = 0;
                while from <= text.len() {
                    let to = text[from..].find('\n').map_or(text.len(), |i| from + i);
                    let line = &text[from..to];
                    if line.len() > KEPT_LINE_BYTES {
                        for (p, at) in kept_places(search, line, n) {
                            starts[p].push(from + at);
                        }
                    } else {
                        let places = match k.lines.get(line) {
                            Some(places) => Rc::clone(places),
                            None => {
                                let places: LinePlaces = kept_places(search, line, n)
                                    .map(|(p, at)| (p as u32, at as u32))
                                    .collect();
                                if k.lines.len() >= KEPT_LINES {
                                    k.lines.clear();
                                }
                                k.lines.insert(line.into(), Rc::clone(&places));
                                places
                            }
                        };
                        for &(p, at) in places.iter() {
                            starts[p as usize].push(from + at as usize);
                        }
                    }
                    from = to + 1;
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

/// The places `search` keeps in `text` for each of its `pieces` patterns:
/// all occurrences (overlapping), then for each piece those a search for
/// it alone keeps (each starts at or after the end of the one kept
/// before), as (piece, start), each piece's in text order.
fn kept_places(
    search: &AhoCorasick,
    text: &str,
    pieces: usize,
) -> impl Iterator<Item = (usize, usize)> {
    let mut found = Vec::new();
    let mut ends: Vec<Option<usize>> = vec![None; pieces];
    for m in search.find_overlapping_iter(text) {
        let p = m.pattern().as_usize();
        if ends[p].is_none_or(|end| m.start() >= end) {
            found.push((p, m.start()));
            ends[p] = Some(m.end());
        }
    }
    found.into_iter()
}
