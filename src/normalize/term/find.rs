//! Typos of a term's long words in an article ([`super::near_spelling`]).
//! The article's words are listed once for all its term facts ([`Words`],
//! kept in its [`TextIndex`](super::super::TextIndex)) and ordered by their
//! first three letters and by their last three, with their length, so that
//! a fact compares only the words a typo of one of its long words can be: a
//! swap, a dropped or a doubled letter leaves the first half or the last
//! half of the word whole ([`may_be`]), and changes its length by one at
//! most. Listing the words for each term fact and comparing each was most
//! of a sparse run (25 term facts in 100).

use super::super::fold::{self, Word};
use super::{near_spelling, squash, LONG_WORD};
use std::ops::Range;

/// An article's words as the term kind reads them: hyphenated compounds
/// split ("Kroger-Alberstons"), and the place of each by how it starts and
/// how it ends.
#[derive(Debug)]
pub struct Words {
    words: Vec<Word>,
    /// Words whose core is ASCII, [`SHORTEST`] letters or more, under 256:
    /// [`key`] of its first three letters (in lower case), sorted.
    heads: Vec<u64>,
    /// The same with its last three letters.
    tails: Vec<u64>,
    /// Places of the other words (not ASCII: in lower case they may be
    /// longer or shorter, and are compared by every fact).
    other: Vec<u32>,
}

/// The shortest word a long word ([`LONG_WORD`] letters) can be mistyped
/// as: shorter words are not kept in [`Words::heads`] and [`Words::tails`].
const SHORTEST: usize = LONG_WORD - 1;

/// Three ASCII letters (lower-cased), a length (under 256) and a place, in
/// one number that sorts by letters, then length, then place. A length of
/// 256 gives the number just above every word with those letters (an end
/// of range for [`Words::with`]).
fn key(letters: &[u8], len: usize, place: u32) -> u64 {
    let l = |i: usize| u64::from(letters[i].to_ascii_lowercase());
    (l(0) << 56) + (l(1) << 48) + (l(2) << 40) + ((len as u64) << 32) + u64::from(place)
}

impl Words {
    /// The words of `text`.
    pub fn new(text: &str) -> Words {
        let mut words = Vec::new();
        for w in fold::word_iter(text) {
            if !text.as_bytes()[w.core.clone()].contains(&b'-') {
                words.push(w);
                continue;
            }
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
        let mut heads = Vec::with_capacity(words.len());
        let mut tails = Vec::with_capacity(words.len());
        let mut other = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let core = text[w.core.clone()].as_bytes();
            let place = i as u32;
            if !core.is_ascii() || core.len() > 255 {
                other.push(place);
            } else if core.len() >= SHORTEST {
                heads.push(key(core, core.len(), place));
                tails.push(key(&core[core.len() - 3..], core.len(), place));
            }
        }
        heads.sort_unstable();
        tails.sort_unstable();
        Words {
            words,
            heads,
            tails,
            other,
        }
    }

    /// The keys of `sorted` with the letters of `letters` and a length in `lengths`.
    fn with<'a>(sorted: &'a [u64], letters: &[u8], lengths: Range<usize>) -> &'a [u64] {
        let from = sorted.partition_point(|&k| k < key(letters, lengths.start, 0));
        let to = sorted.partition_point(|&k| k < key(letters, lengths.end, 0));
        &sorted[from..to.max(from)]
    }

    /// How many places [`Words::near`] gives at most.
    fn count(&self, c: &str) -> usize {
        if !c.is_ascii() {
            return self.words.len();
        }
        let (c, lengths) = (c.as_bytes(), near_lengths(c.len()));
        Self::with(&self.heads, c, lengths.clone()).len()
            + Self::with(&self.tails, &c[c.len() - 3..], lengths).len()
            + self.other.len()
    }

    /// The places of the words that may be the long word `c` as written or
    /// mistyped, in text order: every word when `c` is not ASCII.
    fn near(&self, c: &str) -> Vec<usize> {
        if !c.is_ascii() {
            return (0..self.words.len()).collect();
        }
        let (c, lengths) = (c.as_bytes(), near_lengths(c.len()));
        let mut places: Vec<usize> = Self::with(&self.heads, c, lengths.clone())
            .iter()
            .chain(Self::with(&self.tails, &c[c.len() - 3..], lengths))
            .map(|&k| (k & u64::from(u32::MAX)) as usize)
            .chain(self.other.iter().map(|&p| p as usize))
            .collect();
        places.sort_unstable();
        places.dedup();
        places
    }
}

/// The lengths a word of `len` letters has with one letter more or less,
/// as far as [`Words::heads`] keeps them (under 256).
fn near_lengths(len: usize) -> Range<usize> {
    (len - 1).min(256)..(len + 2).min(256)
}

/// The words of a canonical spelling whose typos are looked for.
#[derive(Debug)]
pub struct Typos {
    /// The words of the canonical spelling, in order.
    want: Vec<String>,
    /// The places in `want` of its long words.
    long: Vec<usize>,
}

impl Typos {
    /// `None` when `canonical` has no long word (no typo is looked for).
    pub fn new(canonical: &str) -> Option<Typos> {
        let want: Vec<String> = canonical
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let long: Vec<usize> = (0..want.len())
            .filter(|&i| want[i].chars().count() >= LONG_WORD)
            .collect();
        (!long.is_empty()).then_some(Typos { want, long })
    }

    /// Every spelling of one long word that a span holds, as written or
    /// mistyped by one slip ([`near_spelling`]), in lower case: of the long
    /// words in ASCII, the longest. A word that is not ASCII is no such
    /// spelling unless it holds a Kelvin sign, whose lower case is an ASCII
    /// "k" (the one other letter with an ASCII lower case, "İ", brings a
    /// combining dot no ASCII word has). `None` when no long word is ASCII.
    pub fn literals(&self) -> Option<Vec<String>> {
        let c = self
            .long
            .iter()
            .map(|&k| &self.want[k])
            .filter(|w| w.is_ascii())
            .max_by_key(|w| w.len())?
            .to_ascii_lowercase();
        let c = c.as_bytes();
        let mut out = std::collections::BTreeSet::new();
        out.insert(c.to_vec());
        for i in 0..c.len() {
            let mut dropped = c.to_vec();
            dropped.remove(i);
            out.insert(dropped);
            let mut doubled = c.to_vec();
            doubled.insert(i, c[i]);
            out.insert(doubled);
            if i + 1 < c.len() {
                let mut swapped = c.to_vec();
                swapped.swap(i, i + 1);
                out.insert(swapped);
            }
        }
        Some(
            out.into_iter()
                .map(|l| String::from_utf8(l).expect("ASCII"))
                .collect(),
        )
    }

    /// Spans of the words of `text[from..]` (words of `words`, the words of
    /// `text`, starting at `from` or after) that spell the canonical words
    /// with at least one long word mistyped, left to right, not overlapping.
    pub fn find(&self, text: &str, words: &Words, from: usize) -> Vec<Range<usize>> {
        let n = self.want.len();
        let first = words.words.partition_point(|w| w.span.start < from);
        // A window that fits holds each long word as written or mistyped:
        // the long word with the fewest words that may be it places the
        // windows to compare.
        let k = self
            .long
            .iter()
            .copied()
            .min_by_key(|&k| words.count(&self.want[k]))
            .expect("Typos::new keeps a long word");
        let mut spans = Vec::new();
        let mut next = first;
        for p in words.near(&self.want[k]) {
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
