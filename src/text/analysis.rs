//! One article read once for every fact that looks at its words: its lines,
//! and for each, when first asked for, its sentences ([`super::segment`]),
//! and for each sentence its clauses and its words with their folded forms
//! ([`super::words`]).
//! Cue-based facts find their cue phrases through it: a phrase is looked for
//! only in the sentences that hold a piece of text every form of it
//! contains, so an article's words are folded only where a cue may be.
//! What it holds stays small beside the text: no copy of the text, the
//! sentences' byte ranges, and the words of at most [`KEPT_SENTENCES`]
//! sentences at a time (a sentence read again after it was let go is read
//! anew, with the same result).

mod pieces;

use super::segment;
use super::words::{self, Word};
use aho_corasick::AhoCorasick;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// The words and clauses of one sentence.
#[derive(Debug, Default)]
pub struct Sentence {
    /// Its words, in order, with spans into the whole text.
    pub words: Vec<Word>,
    /// Byte ranges of its clauses, in order.
    pub clauses: Vec<Range<usize>>,
    /// For each word, the index of its clause in `clauses` (shared by
    /// every reading of the same sentence text).
    pub clause_of: Rc<[usize]>,
    /// For each word, [`key`] of its folded form (shared likewise): a
    /// phrase is looked for among the words whose key is its first word's,
    /// and the words of a sentence are compared with a phrase only there
    /// (on dense-1k, ~136,000 searches of a sentence's words, ~800
    /// instructions each when every word's folded form was read).
    keys: Rc<[u64]>,
}

/// A number that two equal folded words always share and two different
/// ones seldom do (the words are still compared where it matches).
fn key(stem: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = words::FxHasher::default();
    h.write(stem.as_bytes());
    h.write_usize(stem.len());
    h.finish()
}

/// A sentence: its line (paragraph) and its place in that line.
pub type SentenceId = (usize, usize);

/// A place a phrase occurs: its sentence, its words there, and its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub sentence: SentenceId,
    /// Indices into the sentence's words.
    pub words: Range<usize>,
    /// Byte span in the whole text.
    pub span: Range<usize>,
}

/// How many sentences' words and clauses an analysis keeps at once. A news
/// article has a few hundred sentences, so all of them stay; a 200 MB text
/// holds its words for at most this many sentences, not for all of them.
pub const KEPT_SENTENCES: usize = 4096;

/// The words of one sentence between two spans ([`Analysis::between`]).
#[derive(Debug)]
pub struct Between {
    sentence: Option<Rc<Sentence>>,
    words: Range<usize>,
}

impl Between {
    /// The words, in text order.
    pub fn words(&self) -> &[Word] {
        self.sentence
            .as_ref()
            .map_or(&[], |s| &s.words[self.words.clone()])
    }
}

/// The lines of a text, and the sentences, words and clauses of each, read
/// when first asked for.
#[derive(Debug)]
pub struct Analysis<'a> {
    text: &'a str,
    /// Byte ranges of the non-blank lines (a line break always ends a sentence).
    lines: Vec<Range<usize>>,
    /// For each line, the byte ranges of its sentences, once read.
    parts: Vec<OnceCell<Box<[Range<usize>]>>>,
    /// The sentences read into words and clauses, at most [`KEPT_SENTENCES`].
    read: RefCell<HashMap<SentenceId, Rc<Sentence>, words::Fx>>,
    /// Runs of non-blank text with a dot inside ("U.S.", "p.m.", "6.1"):
    /// their byte range, and their lower case without dots, since words
    /// fold without their dots. Read when a phrase is first looked for.
    dotted: OnceCell<Vec<(Range<usize>, String)>>,
    /// Whether the text holds the Kelvin sign, which lower-cases to an
    /// ASCII "k" a search for pieces would miss.
    kelvin: OnceCell<bool>,
    /// Where each cue piece is in the text, found when first asked for.
    places: RefCell<pieces::Places>,
}

impl<'a> Analysis<'a> {
    /// Reads `text[within]` (an article body without its front matter):
    /// only where its lines are; sentences and words are read when needed.
    pub fn new(text: &'a str, within: Range<usize>) -> Analysis<'a> {
        let mut lines = Vec::new();
        let mut start = within.start;
        while start < within.end {
            let end = text[start..within.end]
                .find('\n')
                .map_or(within.end, |i| start + i);
            if !text[start..end].trim().is_empty() {
                lines.push(start..end);
            }
            start = end + 1;
        }
        Analysis {
            text,
            parts: lines.iter().map(|_| OnceCell::new()).collect(),
            lines,
            read: RefCell::default(),
            dotted: OnceCell::new(),
            kelvin: OnceCell::new(),
            places: RefCell::default(),
        }
    }

    /// The byte ranges of the sentences of line `l`.
    fn line(&self, l: usize) -> &[Range<usize>] {
        self.parts[l].get_or_init(|| segment::sentences_in(self.text, self.lines[l].clone()).into())
    }

    /// Every sentence, in order (reads every line).
    pub fn sentences(&self) -> Vec<SentenceId> {
        (0..self.lines.len())
            .flat_map(|l| (0..self.line(l).len()).map(move |k| (l, k)))
            .collect()
    }

    /// The byte range of sentence `s`.
    pub fn range(&self, s: SentenceId) -> Range<usize> {
        self.line(s.0)[s.1].clone()
    }

    /// The sentence before `s`, in its line or the line before.
    pub fn previous(&self, s: SentenceId) -> Option<SentenceId> {
        if s.1 > 0 {
            return Some((s.0, s.1 - 1));
        }
        let l = (0..s.0).rev().find(|&l| !self.line(l).is_empty())?;
        Some((l, self.line(l).len() - 1))
    }

    /// The words and clauses of sentence `s`.
    pub fn sentence(&self, s: SentenceId) -> Rc<Sentence> {
        if let Some(read) = self.read.borrow().get(&s) {
            return read.clone();
        }
        let range = self.range(s);
        let shape = shape(&self.text[range.clone()]);
        let at = range.start;
        let sentence = Rc::new(Sentence {
            words: shape
                .words
                .iter()
                .map(|w| Word {
                    span: at + w.span.start..at + w.span.end,
                    stem: w.stem.clone(),
                })
                .collect(),
            clauses: shape
                .clauses
                .iter()
                .map(|c| at + c.start..at + c.end)
                .collect(),
            clause_of: shape.clause_of.clone(),
            keys: shape.keys.clone(),
        });
        let mut read = self.read.borrow_mut();
        if read.len() >= KEPT_SENTENCES {
            read.clear();
        }
        read.insert(s, sentence.clone());
        sentence
    }

    /// Every place the folded `phrase` occurs, in text order. A phrase does
    /// not run across a sentence end. Only sentences that hold a piece every
    /// form of the phrase contains are read ([`words::piece`]): where the
    /// piece is in the text (ASCII case ignored), or in a word written with
    /// dots once they are dropped ("U.S." for "us").
    pub fn find(&self, phrase: &[String]) -> Vec<Occurrence> {
        let piece = phrase
            .iter()
            .filter_map(|w| words::piece(w))
            .max_by_key(String::len)
            .filter(|_| !*self.kelvin.get_or_init(|| self.text.contains('\u{212A}')));
        let Some(piece) = piece else {
            return self
                .sentences()
                .into_iter()
                .flat_map(|s| self.find_in(phrase, s))
                .collect();
        };
        let mut places: Vec<usize> = self.places.borrow_mut().of(self.text, &piece).to_vec();
        let dotted = self.dotted.get_or_init(|| dotted_runs(self.text));
        let before = places.len();
        // A word whose piece a dot splits holds that dot: the sentences of
        // the run's dots are those its words can be in.
        for (run, _) in dotted
            .iter()
            .filter(|(_, dotless)| dotless.contains(piece.as_str()))
        {
            places.extend(
                self.text[run.clone()]
                    .match_indices('.')
                    .map(|(i, _)| run.start + i),
            );
        }
        if places.len() > before {
            places.sort_unstable();
        }
        let mut out = Vec::new();
        let mut last = None;
        for at in places {
            let s = self.sentence_at(at);
            if s.is_some() && s != last {
                last = s;
                out.extend(s.map(|s| self.find_in(phrase, s)).unwrap_or_default());
            }
        }
        out
    }

    /// Every place the folded `phrase` occurs in sentence `s`.
    pub fn find_in(&self, phrase: &[String], s: SentenceId) -> Vec<Occurrence> {
        let sentence = self.sentence(s);
        let words = &sentence.words;
        if phrase.is_empty() || phrase.len() > words.len() {
            return Vec::new();
        }
        // Most words differ from the phrase's first: their keys tell, before
        // any string is compared.
        let first = key(&phrase[0]);
        let last = words.len() - phrase.len();
        sentence.keys[..=last]
            .iter()
            .enumerate()
            .filter(|&(i, &k)| {
                k == first
                    && phrase
                        .iter()
                        .zip(&words[i..])
                        .all(|(p, w)| p.as_str() == &*w.stem)
            })
            .map(|(i, _)| Occurrence {
                sentence: s,
                words: i..i + phrase.len(),
                span: words[i].span.start..words[i + phrase.len() - 1].span.end,
            })
            .collect()
    }

    /// Whether `phrase` occurs in sentence `s`.
    pub fn in_sentence(&self, phrase: &[String], s: SentenceId) -> bool {
        !self.find_in(phrase, s).is_empty()
    }

    /// The sentence that holds byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<SentenceId> {
        let l = self.lines.partition_point(|r| r.end <= at);
        if l >= self.lines.len() || self.lines[l].start > at {
            return None;
        }
        let line = self.line(l);
        let k = line.partition_point(|r| r.end <= at);
        (k < line.len() && line[k].start <= at).then_some((l, k))
    }

    /// The byte range of the clause that holds byte `at`, if any.
    pub fn clause_at(&self, at: usize) -> Option<Range<usize>> {
        let s = self.sentence_at(at)?;
        let sentence = self.sentence(s);
        let clauses = &sentence.clauses;
        let i = clauses.partition_point(|c| c.end <= at);
        clauses.get(i).filter(|c| c.start <= at).cloned()
    }

    /// The clause an occurrence starts in.
    pub fn clause_of(&self, o: &Occurrence) -> Range<usize> {
        let part = self.sentence(o.sentence);
        part.clauses[part.clause_of[o.words.start]].clone()
    }

    /// The words between byte ranges `a` and `b` of one sentence (none when
    /// they touch or overlap).
    pub fn between(&self, a: &Range<usize>, b: &Range<usize>) -> Between {
        let (left, right) = if a.start <= b.start { (a, b) } else { (b, a) };
        let Some(s) = self.sentence_at(left.start) else {
            return Between {
                sentence: None,
                words: 0..0,
            };
        };
        let sentence = self.sentence(s);
        let words = &sentence.words;
        let from = words.partition_point(|w| w.span.start < left.end);
        let to = words.partition_point(|w| w.span.end <= right.start);
        Between {
            words: from..to.max(from),
            sentence: Some(sentence),
        }
    }
}

/// How many sentences' shapes a thread keeps ([`shape`]).
const KEPT_SHAPES: usize = 4096;

thread_local! {
    /// Sentences read lately, by their text: news copy repeats whole
    /// sentences from article to article (wire copy, quotes, boilerplate),
    /// and a sentence's words and clauses depend on its text alone.
    static SHAPES: RefCell<HashMap<Box<str>, Rc<Sentence>, words::Fx>> = RefCell::default();
    /// The searches [`searcher`] built, by piece.
    static SEARCHERS: RefCell<HashMap<Box<str>, AhoCorasick, words::Fx>> = RefCell::default();
}

/// Empties this thread's sentence shapes, searchers and cue pieces (see
/// [`super::clear_thread_caches`]).
pub(super) fn clear_thread_caches() {
    SHAPES.take();
    SEARCHERS.take();
    pieces::clear_thread_cache();
}

/// The words and clauses of `sentence` (the text of one sentence), with
/// spans relative to its start, read once per thread for each sentence text.
fn shape(sentence: &str) -> Rc<Sentence> {
    if let Some(kept) = SHAPES.with_borrow(|kept| kept.get(sentence).cloned()) {
        return kept;
    }
    let clauses = segment::clauses(sentence, 0..sentence.len());
    let words = words::words(sentence, 0..sentence.len());
    let clause_of = words
        .iter()
        .map(|w| {
            clauses
                .iter()
                .rposition(|c| c.start <= w.span.start)
                .unwrap_or(0)
        })
        .collect();
    let keys = words.iter().map(|w| key(&w.stem)).collect();
    let read = Rc::new(Sentence {
        words,
        clauses: if clauses.is_empty() {
            std::iter::once(0..sentence.len()).collect()
        } else {
            clauses
        },
        clause_of,
        keys,
    });
    SHAPES.with_borrow_mut(|kept| {
        if kept.len() >= KEPT_SHAPES {
            kept.clear();
        }
        kept.insert(sentence.into(), read.clone());
    });
    read
}

/// A search for `piece` (ASCII lower case) that ignores ASCII case, built
/// once per thread for each piece: the text is searched as it is, with no
/// lower-case copy of it.
fn searcher(piece: &str) -> AhoCorasick {
    const KEPT: usize = 1024;
    if let Some(found) = SEARCHERS.with_borrow(|s| s.get(piece).cloned()) {
        return found;
    }
    let built = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([piece])
        .expect("one short ASCII pattern always builds");
    SEARCHERS.with_borrow_mut(|s| {
        if s.len() >= KEPT {
            s.clear();
        }
        s.insert(piece.into(), built.clone());
    });
    built
}

/// The runs of non-blank `text` that hold a dot with something on both
/// sides: each run's byte range, and the run in ASCII lower case without
/// its dots. A word is never wider than its run.
fn dotted_runs(text: &str) -> Vec<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let blank = |b: u8| b.is_ascii_whitespace();
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    let mut covered = 0;
    for (at, _) in text.match_indices('.') {
        let inside = at > 0
            && at + 1 < bytes.len()
            && !blank(bytes[at - 1])
            && !blank(bytes[at + 1])
            && bytes[at + 1] != b'.';
        if !inside || at < covered {
            continue;
        }
        let start = bytes[..at]
            .iter()
            .rposition(|&b| blank(b))
            .map_or(0, |i| i + 1);
        let end = bytes[at..]
            .iter()
            .position(|&b| blank(b))
            .map_or(bytes.len(), |i| at + i);
        out.push((
            start..end,
            text[start..end].to_ascii_lowercase().replace('.', ""),
        ));
        covered = end;
    }
    out
}

#[cfg(test)]
mod tests;
