//! Typos of a term's long words in an article ([`super::near_spelling`]).
//! The article's words are listed once for all its term facts ([`Words`],
//! kept in its [`TextIndex`](super::super::TextIndex)) and ordered by
//! length, so that a fact compares only the words a typo of one of its long
//! words can be: a typo is one letter longer or shorter at most. Listing the
//! words for each term fact, and comparing each word, was most of a sparse
//! run (25 term facts in 100).

use super::super::fold::{self, Word};
use super::{near_spelling, squash, LONG_WORD};
use std::ops::Range;

/// Words longer than this (in bytes) are kept with the non-ASCII ones:
/// compared by every fact, as all words were before.
const MAX_LEN: usize = 255;

/// An article's words as the term kind reads them: hyphenated compounds
/// split ("Kroger-Alberstons"), and the place of each, ordered by length.
#[derive(Debug)]
pub struct Words {
    words: Vec<Word>,
    /// (length, place) of each word, sorted: the byte length of an ASCII
    /// core (its length in lower case, too), `u8::MAX` for the others (not
    /// ASCII, whose lower case may be longer or shorter, or over [`MAX_LEN`]).
    by_len: Vec<(u8, u32)>,
}

impl Words {
    /// The words of `text`.
    pub fn new(text: &str) -> Words {
        let mut words = Vec::new();
        for w in fold::word_iter(text) {
            let mut start = w.span.start;
            for (i, c) in text[w.core.clone()].char_indices() {
                if c == '-' {
                    let end = w.core.start + i;
                    if start < end {
                        words.push(Word {
                            span: start..end,
                            core: start..end,
                        });
                    }
                    start = end + 1;
                }
            }
            if start < w.core.end {
                words.push(Word {
                    span: start..w.span.end,
                    core: start..w.core.end,
                });
            }
        }
        let mut by_len: Vec<(u8, u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let core = &text[w.core.clone()];
                let len = if core.is_ascii() && core.len() < MAX_LEN {
                    core.len() as u8
                } else {
                    u8::MAX
                };
                (len, i as u32)
            })
            .collect();
        by_len.sort_unstable();
        Words { words, by_len }
    }

    /// Places of the words `lengths` long (ASCII), in text order, with
    /// every word of no known length.
    fn of_lengths(&self, lengths: Range<usize>) -> Vec<usize> {
        let mut places: Vec<usize> = self
            .range(lengths)
            .iter()
            .chain(self.range(MAX_LEN..MAX_LEN + 1))
            .map(|&(_, i)| i as usize)
            .collect();
        places.sort_unstable();
        places
    }

    /// How many words [`Words::of_lengths`] gives.
    fn count(&self, lengths: Range<usize>) -> usize {
        self.range(lengths).len() + self.range(MAX_LEN..MAX_LEN + 1).len()
    }

    /// The entries of `by_len` whose length is in `lengths`; a range that
    /// reaches [`MAX_LEN`] stops there unless it starts there (the words of
    /// no known length are asked for on their own).
    fn range(&self, lengths: Range<usize>) -> &[(u8, u32)] {
        let end = if lengths.start >= MAX_LEN {
            lengths.end
        } else {
            lengths.end.min(MAX_LEN)
        };
        let from = self
            .by_len
            .partition_point(|&(l, _)| usize::from(l) < lengths.start);
        let to = self.by_len.partition_point(|&(l, _)| usize::from(l) < end);
        &self.by_len[from..to.max(from)]
    }
}

/// The words of a canonical spelling whose typos are looked for.
#[derive(Debug)]
pub struct Typos {
    /// The words of the canonical spelling, in order.
    want: Vec<String>,
    /// Of `want`, the long words: (place, length in lower-case letters).
    long: Vec<(usize, usize)>,
}

impl Typos {
    /// `None` when `canonical` has no long word (no typo is looked for).
    pub fn new(canonical: &str) -> Option<Typos> {
        let want: Vec<String> = canonical
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let long: Vec<(usize, usize)> = want
            .iter()
            .enumerate()
            .filter(|(_, w)| w.chars().count() >= LONG_WORD)
            .map(|(i, w)| (i, w.to_lowercase().chars().count()))
            .collect();
        (!long.is_empty()).then_some(Typos { want, long })
    }

    /// Spans of the words of `text[from..]` (words of `words`, the words of
    /// `text`, starting at `from` or after) that spell the canonical words
    /// with at least one long word mistyped, left to right, not overlapping.
    pub fn find(&self, text: &str, words: &Words, from: usize) -> Vec<Range<usize>> {
        let n = self.want.len();
        let first = words.words.partition_point(|w| w.span.start < from);
        // A window that fits holds each long word as written or mistyped
        // (one letter more or less): the long word with the fewest words
        // of such a length places the windows to compare.
        let lengths = |m: usize| (m - 1).min(MAX_LEN)..(m + 2).min(MAX_LEN);
        let &(k, m) = self
            .long
            .iter()
            .min_by_key(|(_, m)| words.count(lengths(*m)))
            .expect("Typos::new keeps a long word");
        let mut spans = Vec::new();
        let mut next = first;
        for p in words.of_lengths(lengths(m)) {
            let Some(start) = p.checked_sub(k) else {
                continue;
            };
            if start < next || start + n > words.words.len() {
                continue;
            }
            if !may_be(&text[words.words[p].core.clone()], &self.want[k]) {
                continue;
            }
            let run = &words.words[start..start + n];
            if self.fits(text, run) {
                spans.push(run[0].span.start..run[n - 1].core.end);
                next = start + n;
            }
        }
        spans
    }

    /// Whether `run` spells the canonical words, joined by spaces or
    /// hyphens, each as written (ASCII case ignored) or a long one mistyped,
    /// at least one mistyped.
    fn fits(&self, text: &str, run: &[Word]) -> bool {
        let joined = run.windows(2).all(|p| {
            text[p[0].span.end..p[1].span.start]
                .chars()
                .all(|c| c == ' ' || c == '-')
        });
        let mut typos = 0;
        let fits = joined
            && run.iter().zip(&self.want).all(|(w, c)| {
                let written = &text[w.core.clone()];
                if written.eq_ignore_ascii_case(c) {
                    return true;
                }
                // "Albertson's" is the word with an apostrophe, not a typo.
                if squash(&text[w.span.clone()]).eq_ignore_ascii_case(c) {
                    return false;
                }
                let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
                let typo = c.chars().count() >= LONG_WORD
                    && capital(written) == capital(c)
                    && near_spelling(written, c).is_some();
                typos += usize::from(typo);
                typo
            });
        fits && typos > 0
    }
}

/// Whether `written` may be the long word `c` as written or mistyped: a
/// necessary condition, cheaper than [`near_spelling`]. A swap, a dropped or
/// a doubled letter leaves one of `c[..n/2]` and `c[n/2+1..]` whole, at the
/// start and at the end of the word. Always true when either is not ASCII
/// (compared in Unicode lower case).
pub(super) fn may_be(written: &str, c: &str) -> bool {
    if !written.is_ascii() || !c.is_ascii() {
        return true;
    }
    if written.len().abs_diff(c.len()) > 1 {
        return false;
    }
    let h = c.len() / 2;
    let (w, c) = (written.as_bytes(), c.as_bytes());
    w[..h].eq_ignore_ascii_case(&c[..h])
        || w[w.len() - (c.len() - h - 1)..].eq_ignore_ascii_case(&c[h + 1..])
}
