//! An article's capitalized words, listed once for all its name facts: a
//! surname is a capitalized word, and so are the given names written before
//! it and the name that may follow it, so the finder needs no other word.
//! A word takes 8 bytes (where it starts, which distinct spelling it is);
//! each distinct spelling is folded once per article, with its
//! transliteration skeleton and what the finder's word lists say of it, so
//! that a name fact compares each spelling with its surnames once rather
//! than each word; and a thread keeps the spellings it folded for the next
//! articles (the articles of one story share most of their capitalized
//! words: on the dense corpus, folding was a tenth of the name kind's work). A 200 MB article used to cost 32 bytes for every word
//! (~6× its size with the seed rules); its capitalized words alone now take
//! about a third of its size, read in one pass without a list of all words.

use super::super::fold::{capitalized, fold, skeleton, word_iter, Word};
use super::find::{is_honorific, is_stopword, is_title_word};
use crate::text::words::Fx;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// How many spellings a thread keeps folded between articles; past it, the
/// table is emptied when an article is done, so one long article of many
/// names leaves nothing behind.
const KEPT_SPELLINGS: usize = 1 << 14;

thread_local! {
    /// Spellings this thread has folded, by the word as written: the
    /// articles of one story name the same people and places, so most
    /// capitalized words of an article were folded for an earlier one.
    /// (FxHash: the table is never iterated, so the hash decides nothing
    /// but speed.)
    static FOLDED: RefCell<HashMap<Box<str>, Arc<Spelled>, Fx>> = RefCell::default();
}

/// Lines up to this many bytes have their capitalized words kept per
/// thread ([`LINES`]); a longer line is read each time.
const KEPT_LINE_BYTES: usize = 4096;

/// How many lines' capitalized words a thread keeps (past it, the table is
/// emptied).
const KEPT_LINES: usize = 4096;

/// A line's capitalized words: where each starts in the line, its spelling
/// and the bytes of its possessive (0 for none).
type LineCapitals = Rc<[(usize, Arc<Spelled>, u8)]>;

thread_local! {
    /// Capitalized words by line text: news copy repeats lines from article
    /// to article (dense-1k: 19,554 lines, 721 distinct), and listing them
    /// read every word of the line. A line's words are a pure function of
    /// its text, and so is each spelling's [`Spelled`]: a kept line gives
    /// what reading it again would.
    static LINES: RefCell<HashMap<Box<str>, LineCapitals, Fx>> = RefCell::default();
}

/// Empties this thread's folded spellings and lines' capitalized words
/// (see [`crate::normalize::clear_thread_caches`]).
pub(super) fn clear_thread_caches() {
    FOLDED.take();
    LINES.take();
}

/// The capitalized words of `line`, each spelling taken from `folded` or
/// folded and added to it.
fn line_capitals(line: &str, folded: &mut HashMap<Box<str>, Arc<Spelled>, Fx>) -> LineCapitals {
    word_iter(line)
        .filter(|w| capitalized(&line[w.core.clone()]))
        .map(|w| {
            let core = &line[w.core.clone()];
            let spelled = match folded.get(core) {
                Some(known) => Arc::clone(known),
                None => {
                    let new = Arc::new(Spelled::new(core));
                    folded.insert(core.into(), Arc::clone(&new));
                    new
                }
            };
            (w.span.start, spelled, (w.span.end - w.core.end) as u8)
        })
        .collect()
}

/// The capitalized words of a text, in text order.
#[derive(Debug, Default)]
pub struct Capitals {
    words: Vec<Entry>,
    /// For each further 4 GiB of text, the first word past it (a word keeps
    /// the low 32 bits of its start).
    wraps: Vec<usize>,
    /// Words written with a possessive ("Tokayev’s"): (word, bytes of the
    /// possessive), in text order. Few words have one.
    possessives: Vec<(usize, u8)>,
    distinct: Vec<Arc<Spelled>>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Low 32 bits of the byte where the word starts.
    start: u32,
    /// The word's spelling, in `distinct`.
    spelled: u32,
}

/// One distinct spelling of a capitalized word (its possessive left out).
#[derive(Debug)]
pub struct Spelled {
    /// This spelling's own number, never another's in the process: name
    /// facts keep their scores of it by it ([`super::scores`]).
    pub id: u64,
    /// Bytes of the word as written.
    len: u32,
    /// The transliteration skeleton of the folded word, as a surname.
    pub surname: Box<str>,
    /// The skeletons of the folded word's parts, as given names
    /// ("Kasim-Yomart": "kasim", "iomart").
    pub tokens: Box<[Box<str>]>,
    /// The folded word names an office ("President").
    pub title: bool,
    /// The folded word is an honorific or a name prefix ("Mr", "Sheikh").
    pub honorific: bool,
    /// The folded word starts sentences or dates rather than names ("The").
    pub stop: bool,
}

impl Spelled {
    pub(super) fn new(word: &str) -> Spelled {
        let folded = fold(word);
        Spelled {
            id: super::scores::fresh_id(),
            len: word.len() as u32,
            surname: skeleton(&folded).into(),
            tokens: folded.split(' ').map(|t| skeleton(t).into()).collect(),
            title: is_title_word(&folded),
            honorific: is_honorific(&folded),
            stop: is_stopword(&folded),
        }
    }
}

impl Capitals {
    /// Reads `text` once, word by word.
    pub fn new(text: &str) -> Capitals {
        let mut capitals = Capitals::default();
        FOLDED.with_borrow_mut(|folded| {
            capitals.read(text, folded);
            if folded.len() > KEPT_SPELLINGS {
                *folded = HashMap::default();
            }
        });
        capitals.words.shrink_to_fit();
        capitals
    }

    /// Lists the capitalized words of `text`, line by line (a word never
    /// runs across a line break, so the words of the text are those of its
    /// lines), each line's taken from [`LINES`] or read and kept there.
    fn read(&mut self, text: &str, folded: &mut HashMap<Box<str>, Arc<Spelled>, Fx>) {
        // Distinct spellings by the word as written: most words of an
        // article repeat, and a repeated word is looked up, not folded
        // (never iterated: the hash decides nothing but speed).
        let mut ids: HashMap<&str, u32, Fx> = HashMap::default();
        let mut from = 0;
        while from <= text.len() {
            let to = text[from..].find('\n').map_or(text.len(), |i| from + i);
            let line = &text[from..to];
            let capitals = if line.len() <= KEPT_LINE_BYTES {
                LINES.with_borrow_mut(|kept| {
                    if let Some(found) = kept.get(line) {
                        return Rc::clone(found);
                    }
                    let found = line_capitals(line, folded);
                    if kept.len() >= KEPT_LINES {
                        kept.clear();
                    }
                    kept.insert(line.into(), Rc::clone(&found));
                    found
                })
            } else {
                line_capitals(line, folded)
            };
            for (at, spelled, possessive) in capitals.iter() {
                let start = from + *at;
                let core = &text[start..start + spelled.len as usize];
                let distinct = &mut self.distinct;
                let spelled = *ids.entry(core).or_insert_with(|| {
                    distinct.push(Arc::clone(spelled));
                    (distinct.len() - 1) as u32
                });
                let high = (start as u64 >> 32) as usize;
                while self.wraps.len() < high {
                    self.wraps.push(self.words.len());
                }
                if *possessive > 0 {
                    self.possessives.push((self.words.len(), *possessive));
                }
                self.words.push(Entry {
                    start: start as u32,
                    spelled,
                });
            }
            from = to + 1;
        }
    }

    /// How many capitalized words the text has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the text has no capitalized word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The distinct spellings; [`Capitals::spelled`] indexes them.
    pub fn distinct(&self) -> &[Arc<Spelled>] {
        &self.distinct
    }

    /// Which distinct spelling word `i` is.
    pub fn spelled(&self, i: usize) -> usize {
        self.words[i].spelled as usize
    }

    /// Where word `i` starts.
    fn start(&self, i: usize) -> usize {
        let high = self.wraps.partition_point(|&w| w <= i) as u64;
        ((high << 32) | u64::from(self.words[i].start)) as usize
    }

    /// Word `i`: its span and its core (the span without a possessive).
    pub fn word(&self, i: usize) -> Word {
        let start = self.start(i);
        let core_end = start + self.distinct[self.spelled(i)].len as usize;
        let possessive = self
            .possessives
            .binary_search_by_key(&i, |&(w, _)| w)
            .map_or(0, |p| self.possessives[p].1 as usize);
        Word {
            span: start..core_end + possessive,
            core: start..core_end,
        }
    }

    /// The first word that starts at or after byte `at`.
    pub fn first_at(&self, at: usize) -> usize {
        let (mut lo, mut hi) = (0, self.words.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.start(mid) < at {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The words `range` of the list, as spans of the text.
    pub fn spans(&self, range: Range<usize>) -> impl Iterator<Item = Word> + '_ {
        range.map(|i| self.word(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold::words;

    #[test]
    fn lists_the_capitalized_words_as_the_word_list_has_them() {
        let text = "Kazakhstan’s President Kasim-Yomart Tokayev's visit, \
            then Toka\u{AD}yev and the TOKAYEV of Ｔｏｋａｙｅｖ; tokayev ÇAVUŞOĞLU Çavuşoğlu’s. Tokayev said";
        let capitals = Capitals::new(text);
        let want: Vec<Word> = words(text)
            .into_iter()
            .filter(|w| capitalized(&text[w.core.clone()]))
            .collect();
        let got: Vec<Word> = capitals.spans(0..capitals.len()).collect();
        assert_eq!(got, want);
        let written: Vec<&str> = got.iter().map(|w| &text[w.core.clone()]).collect();
        assert_eq!(
            written,
            [
                "Kazakhstan",
                "President",
                "Kasim-Yomart",
                "Tokayev",
                "Toka\u{AD}yev",
                "TOKAYEV",
                "Ｔｏｋａｙｅｖ",
                "ÇAVUŞOĞLU",
                "Çavuşoğlu",
                "Tokayev"
            ]
        );
        // "Tokayev's" and "Tokayev" are one spelling, folded once.
        assert_eq!(capitals.spelled(9), capitals.spelled(3));
        assert_eq!(capitals.distinct().len(), 9);
        let tokayev = &capitals.distinct()[capitals.spelled(4)];
        assert_eq!(&*tokayev.surname, "tokaiev");
        let given = &capitals.distinct()[capitals.spelled(2)];
        let tokens: Vec<&str> = given.tokens.iter().map(|t| &**t).collect();
        assert_eq!(tokens, ["kasim", "iomart"]);
        assert!(capitals.distinct()[capitals.spelled(1)].title);
    }

    #[test]
    fn finds_the_first_word_at_a_place() {
        let text = "Mr Lu met.\nMr Lu met.";
        let capitals = Capitals::new(text);
        assert_eq!(capitals.len(), 4);
        assert_eq!(capitals.first_at(0), 0);
        assert_eq!(capitals.first_at(1), 1);
        assert_eq!(capitals.first_at(11), 2);
        assert_eq!(capitals.first_at(text.len()), 4);
        assert!(capitals.distinct()[capitals.spelled(2)].honorific);
        assert_eq!(capitals.distinct().len(), 2);
    }
}
