//! One article read once for every fact that looks at its words: its
//! sentences and clauses ([`super::segment`]), its words and their folded
//! forms ([`super::words`]), and an index from folded form to the words
//! that have it. Cue-based facts find their cue phrases through it; building
//! it costs one pass over the text, looking a phrase up costs one hash
//! lookup plus the phrase's occurrences.

use super::segment;
use super::words::{self, Word};
use std::collections::HashMap;
use std::ops::Range;

/// The sentences, clauses and words of a text.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Byte ranges of the sentences, in order.
    pub sentences: Vec<Range<usize>>,
    /// Byte ranges of the clauses of all sentences, in order.
    pub clauses: Vec<Range<usize>>,
    /// Every word, in order.
    pub words: Vec<Word>,
    /// For each word: its sentence and its clause (indices into the lists above).
    pub places: Vec<(usize, usize)>,
    /// For each sentence: the range of its words in `words`.
    pub sentence_words: Vec<Range<usize>>,
    /// For each folded form: the words that have it, in order.
    by_stem: HashMap<String, Vec<usize>>,
}

impl Analysis {
    /// Reads `text[within]` (an article body without its front matter).
    pub fn new(text: &str, within: Range<usize>) -> Analysis {
        let mut a = Analysis::default();
        for sentence in segment::sentences_in(text, within) {
            let s = a.sentences.len();
            let clauses = segment::clauses(text, sentence.clone());
            let first_clause = a.clauses.len();
            let first_word = a.words.len();
            for word in words::words(text, sentence.clone()) {
                // The last clause that starts at or before the word.
                let c = clauses
                    .iter()
                    .rposition(|c| c.start <= word.span.start)
                    .unwrap_or(0);
                a.places.push((s, first_clause + c));
                a.by_stem
                    .entry(word.stem.clone())
                    .or_default()
                    .push(a.words.len());
                a.words.push(word);
            }
            if clauses.is_empty() {
                a.clauses.push(sentence.clone());
            } else {
                a.clauses.extend(clauses);
            }
            a.sentence_words.push(first_word..a.words.len());
            a.sentences.push(sentence);
        }
        a
    }

    /// Every place the folded `phrase` occurs, as ranges of word indices,
    /// in text order. A phrase does not run across a sentence end.
    pub fn find(&self, phrase: &[String]) -> Vec<Range<usize>> {
        let Some((first, rest)) = phrase.split_first() else {
            return Vec::new();
        };
        let Some(starts) = self.by_stem.get(first) else {
            return Vec::new();
        };
        starts
            .iter()
            .filter(|&&i| {
                let end = i + phrase.len();
                end <= self.words.len()
                    && self.places[end - 1].0 == self.places[i].0
                    && rest
                        .iter()
                        .zip(&self.words[i + 1..end])
                        .all(|(p, w)| *p == w.stem)
            })
            .map(|&i| i..i + phrase.len())
            .collect()
    }

    /// Whether `phrase` occurs in sentence `s`.
    pub fn in_sentence(&self, phrase: &[String], s: usize) -> bool {
        self.find(phrase)
            .iter()
            .any(|r| self.places[r.start].0 == s)
    }

    /// The index of the sentence that holds byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// The index of the clause that holds byte `at`, if any.
    pub fn clause_at(&self, at: usize) -> Option<usize> {
        let i = self.clauses.partition_point(|c| c.end <= at);
        (i < self.clauses.len() && self.clauses[i].start <= at).then_some(i)
    }

    /// How many words lie between byte ranges `a` and `b` (0 when they
    /// touch or overlap), and the words themselves.
    pub fn between(&self, a: &Range<usize>, b: &Range<usize>) -> &[Word] {
        let (left, right) = if a.start <= b.start { (a, b) } else { (b, a) };
        let from = self.words.partition_point(|w| w.span.start < left.end);
        let to = self.words.partition_point(|w| w.span.end <= right.start);
        &self.words[from..to.max(from)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::phrase;

    const TEXT: &str = "Quake kills 398\nThe death toll rose to 398, officials said; 1,801 were injured. Deaths rose again.";

    #[test]
    fn phrases_are_found_by_folded_words_within_sentences() {
        let a = Analysis::new(TEXT, 0..TEXT.len());
        assert_eq!(a.sentences.len(), 3);
        let toll = a.find(&phrase("death tolls"));
        assert_eq!(toll.len(), 1);
        assert_eq!(&TEXT[a.words[toll[0].start].span.clone()], "death");
        let killed = a.find(&phrase("killed"));
        assert_eq!(
            a.places[killed[0].start],
            (0, 0),
            "the headline is sentence 0"
        );
        // "death" in sentences 1 and 2 ("Deaths").
        let death: Vec<usize> = a
            .find(&phrase("death"))
            .iter()
            .map(|r| a.places[r.start].0)
            .collect();
        assert_eq!(death, [1, 2]);
        // "398. Deaths" is no phrase: it would cross a sentence end.
        assert!(a.find(&phrase("injured deaths")).is_empty());
        assert!(a.in_sentence(&phrase("injure"), 1));
        assert!(!a.in_sentence(&phrase("injure"), 2));
    }

    #[test]
    fn clauses_and_words_between() {
        let a = Analysis::new(TEXT, 0..TEXT.len());
        let at = TEXT.find("1,801").unwrap();
        let clause = a.clause_at(at).unwrap();
        assert_eq!(&TEXT[a.clauses[clause].clone()], "1,801 were injured.");
        let toll = TEXT.find("toll").unwrap();
        let value = TEXT.find("398,").unwrap();
        let between: Vec<&str> = a
            .between(&(toll..toll + 4), &(value..value + 3))
            .iter()
            .map(|w| &TEXT[w.span.clone()])
            .collect();
        assert_eq!(between, ["rose", "to"]);
        assert_eq!(a.sentence_at(TEXT.len() - 1), Some(2));
        assert_eq!(a.sentence_at(15), None, "the line break is in no sentence");
    }
}
