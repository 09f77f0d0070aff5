//! The segmenter: where the sentence holding a span starts and ends, every
//! sentence of a text, the clauses of a sentence, and the sentence as
//! reports quote it. Sentences are Unicode's (UAX #29, from the
//! `unicode-segmentation` crate: decimals, quotes and brackets handled),
//! joined again after a period that ends an abbreviation or an initial
//! ("p.m.", "U.S.", "Sept.", "H.E.", "Gen."). A line break always ends a
//! sentence, so a headline, a byline and each paragraph are segments of their
//! own, and so is a dateline ("BEIJING –", "KUNMING, China (AP) —"). Kind
//! readers use the bounds to look for context words (a weekday's tense, a
//! name's title) without leaving the sentence; `normalize::read::find_in`
//! reads the values of one sentence or clause.

use crate::text::words::Fx;
use regex::Regex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "prof", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "co", "corp", "ltd", "approx", "est", "lt", "col", "capt", "sgt", "rev", "hon", "messrs",
];

/// A dateline at the start of a paragraph: a place in capitals, maybe a
/// region, a date and an agency, then a spaced dash.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{Lu}\s.'’-]{1,40}?(?:,\s*[\p{L}.]+(?:\s+[\p{L}\d.]+){0,2})?(?:\s*\([^()\n]{1,40}\))?\s+[-–—]+\s+",
    )
    .expect("the dateline regex is valid")
});

/// Byte range of the sentence that holds `span` in `text` (from the
/// sentence that holds its start to the one that holds its end).
pub fn sentence_bounds(text: &str, span: Range<usize>) -> Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    within_line(
        &line_sentences(text, line_start..line_end),
        span,
        line_start..line_end,
    )
}

/// The sentence of `pieces` (one line's, from [`line_sentences`]) that holds `span`.
fn within_line(pieces: &[Range<usize>], span: Range<usize>, line: Range<usize>) -> Range<usize> {
    // The pieces follow each other and cover the line.
    let holding = |at: usize| {
        let i = pieces.partition_point(|p| p.end <= at);
        (i < pieces.len() && pieces[i].start <= at).then_some(i)
    };
    let first = holding(span.start).unwrap_or(0);
    let last = holding(span.end.saturating_sub(1).max(span.start)).unwrap_or(first);
    match (pieces.get(first), pieces.get(last.max(first))) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => line,
    }
}

/// [`sentence_bounds`] of many spans of one text: its line breaks found
/// once, and each line segmented once, so that a paragraph with thousands
/// of mentions is not segmented once per mention.
#[derive(Debug)]
pub struct Bounds<'a> {
    text: &'a str,
    /// Byte offsets of the text's line breaks.
    breaks: Vec<usize>,
    /// The sentences of each line read so far, by the line's range.
    lines: HashMap<(usize, usize), Vec<Range<usize>>, Fx>,
}

impl<'a> Bounds<'a> {
    pub fn new(text: &'a str) -> Bounds<'a> {
        Bounds {
            text,
            breaks: text.match_indices('\n').map(|(i, _)| i).collect(),
            lines: HashMap::default(),
        }
    }

    /// The text the bounds are of.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The same as [`sentence_bounds`]`(text, span)`.
    pub fn sentence(&mut self, span: Range<usize>) -> Range<usize> {
        let text = self.text;
        // The last break before the span's start, the first at or after its end.
        let before = self.breaks.partition_point(|&b| b < span.start);
        let line_start = before.checked_sub(1).map_or(0, |i| self.breaks[i] + 1);
        let after = self.breaks.partition_point(|&b| b < span.end);
        let line_end = self.breaks.get(after).copied().unwrap_or(text.len());
        // (A span across a line break reads both lines as one.)
        let pieces = self
            .lines
            .entry((line_start, line_end))
            .or_insert_with(|| line_sentences(text, line_start..line_end));
        within_line(pieces, span, line_start..line_end)
    }

    /// [`quote`] with these bounds.
    pub fn quote(&mut self, span: Range<usize>, max: usize) -> String {
        let bounds = self.sentence(span.clone());
        quote_in(self.text, bounds, span, max)
    }
}

/// Lines longer than this are segmented each time rather than kept.
const KEPT_LINE: usize = 1 << 16;
/// How many lines a thread keeps segmented (about thirty dense articles).
const KEPT_LINES: usize = 1 << 10;

/// A line's sentences, as byte ranges into the line.
type Pieces = Rc<[Range<usize>]>;

thread_local! {
    /// Lines segmented lately, by their text, with sentence ranges relative
    /// to the line: the analysis of cue facts, the quotes of mentions and
    /// each weekday's tense all ask for the sentences of the same lines,
    /// which UAX #29 then reads once.
    static SEGMENTED: RefCell<HashMap<Box<str>, Pieces, Fx>> = RefCell::default();
}

/// Empties this thread's segmented lines (see [`super::clear_thread_caches`]).
pub(super) fn clear_thread_cache() {
    SEGMENTED.take();
}

/// The sentences of one line, covering it (white space stays with the
/// sentence before it). A line's sentences depend only on its own text
/// (an abbreviation's word is read back to the line's start at most), so
/// a line starting the text or after a line break is segmented once per
/// thread and kept.
fn line_sentences(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let whole = line.start == 0 || text.as_bytes()[line.start - 1] == b'\n';
    let part = &text[line.clone()];
    if !whole || part.len() > KEPT_LINE {
        return segment_line(text, line);
    }
    let absolute = |pieces: &[Range<usize>]| {
        pieces
            .iter()
            .map(|p| line.start + p.start..line.start + p.end)
            .collect()
    };
    if let Some(pieces) = SEGMENTED.with_borrow(|kept| kept.get(part).cloned()) {
        return absolute(&pieces);
    }
    let pieces: Pieces = segment_line(text, line.clone())
        .into_iter()
        .map(|p| p.start - line.start..p.end - line.start)
        .collect();
    SEGMENTED.with_borrow_mut(|kept| {
        if kept.len() >= KEPT_LINES {
            kept.clear();
        }
        kept.insert(part.into(), pieces.clone());
    });
    absolute(&pieces)
}

/// [`line_sentences`], computed.
fn segment_line(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let part = &text[line.clone()];
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    // A dateline starts with a word in capitals ("BEIJING", "KUNMING,"):
    // test that before running the regex on every paragraph.
    let capitals = part
        .split([' ', ','])
        .next()
        .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase()));
    if let Some(m) = capitals
        .then(|| DATELINE.find(part))
        .flatten()
        .filter(|m| m.end() < part.len())
    {
        out.push(line.start..line.start + m.end());
        offset = m.end();
    }
    let dateline = out.len();
    // No sentence-ending punctuation: the rest of the line is one sentence.
    if !part[offset..].contains(['.', '!', '?', '…', '。', '！', '？']) {
        out.push(line.start + offset..line.end);
        return out;
    }
    for (i, piece) in part[offset..].split_sentence_bound_indices() {
        let start = line.start + offset + i;
        let end = start + piece.len();
        let joins = out.len() > dateline
            && out
                .last()
                .is_some_and(|last| !ends_sentence(text, last.clone()));
        match out.last_mut() {
            Some(last) if joins => last.end = end,
            _ => out.push(start..end),
        }
    }
    if out.is_empty() {
        out.push(line);
    }
    out
}

/// Whether a piece Unicode ends as a sentence really ends one: not when its
/// last period is that of an abbreviation or an initial ("U.S.", "Feb.").
fn ends_sentence(text: &str, piece: Range<usize>) -> bool {
    let trimmed = text[piece.clone()]
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    if !trimmed.ends_with('.') {
        return true;
    }
    let at = piece.start + trimmed.len() - 1;
    let word_start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(at, |(i, _)| i);
    let word = &text[word_start..at];
    let last = word.rsplit('.').next().unwrap_or("");
    // "U.S.", "p.m.": letters between dots; "7.4." is a decimal that ends one.
    let dotted = word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic());
    if dotted || (last.chars().count() == 1 && last.chars().all(char::is_uppercase)) {
        return false;
    }
    !ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

/// Every sentence of `text`, in order, trimmed of surrounding white space
/// (a line break ends a sentence too, so a headline is one).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_in(text, 0..text.len())
}

/// Every sentence of `text[within]` (an article body after its front
/// matter), with byte ranges into `text`.
pub fn sentences_in(text: &str, within: Range<usize>) -> Vec<Range<usize>> {
    let text = &text[..within.end];
    let mut out = Vec::new();
    let mut line_start = within.start;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        for piece in line_sentences(text, line_start..line_end) {
            let trimmed = trim(text, piece);
            if !trimmed.is_empty() {
                out.push(trimmed);
            }
        }
        line_start = line_end + 1;
    }
    out
}

/// The clauses of `text[sentence]`: split at `;`, at brackets (an aside
/// is a clause of its own: "32 countries abstained (141 voted in favor)"),
/// at an em or en dash between spaces, and at `,` or `:` followed by white
/// space (so "7,500" and "10:30" stay whole). Each clause is trimmed, without its separator.
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let part = &text[sentence.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in clause_breaks(part) {
        out.push(sentence.start + start..sentence.start + i);
        start = i + c.len_utf8();
    }
    out.push(sentence.start + start..sentence.end);
    out.into_iter()
        .map(|r| trim(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// Where [`clauses`] splits `part`, and the separator found there.
pub fn clause_breaks(part: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    part.char_indices().filter(|&(i, c)| {
        let after = &part[i + c.len_utf8()..];
        match c {
            ';' | '(' | ')' => true,
            ',' | ':' => after.starts_with(char::is_whitespace),
            '—' | '–' => {
                part[..i].ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace)
            }
            _ => false,
        }
    })
}

/// `range` without the white space at its ends.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start().len());
    let end = range.end - (part.len() - part.trim_end().len());
    start..end.max(start)
}

/// The sentence around `span`, trimmed and shortened to at most `max` characters.
pub fn quote(text: &str, span: Range<usize>, max: usize) -> String {
    quote_in(text, sentence_bounds(text, span.clone()), span, max)
}

/// [`quote`] of `span` in the sentence at `bounds`.
fn quote_in(text: &str, bounds: Range<usize>, span: Range<usize>, max: usize) -> String {
    let sentence = text[bounds.clone()].trim();
    // The sentence's words joined by one space, built in place (a mention
    // is quoted for every value: no list of words, no list of characters).
    let mut collapsed = String::with_capacity(sentence.len());
    for word in sentence.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    let count = collapsed.chars().count();
    if count <= max {
        return collapsed;
    }
    // Keep the match in view: centre the window on it.
    let rel = text[bounds.start..span.start].trim_start().chars().count();
    let half = max / 2;
    let start = rel.saturating_sub(half);
    let end = (start + max).min(count);
    let start = end.saturating_sub(max);
    // Byte offset of character `n` of the collapsed sentence.
    let byte = |n: usize| {
        collapsed
            .char_indices()
            .nth(n)
            .map_or(collapsed.len(), |(i, _)| i)
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&collapsed[byte(start)..byte(end)]);
    if end < count {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let text = "He left. The U.S. envoy met Gen. Smith on Feb. 24 in Astana. Then home.";
        let at = text.find("24").unwrap();
        assert_eq!(
            quote(text, at..at + 2, 200),
            "The U.S. envoy met Gen. Smith on Feb. 24 in Astana."
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_match() {
        let text = format!("{} 7,500 km {}", "word ".repeat(100), "word ".repeat(100));
        let at = text.find("7,500").unwrap();
        let q = quote(&text, at..at + 5, 60);
        assert!(q.contains("7,500 km"), "{q}");
        assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
        assert_eq!(q.chars().count(), 62);
    }

    #[test]
    fn sentences_cover_the_text_in_order() {
        let text =
            "Headline without a period\nHe left. The U.S. envoy met Gen. Smith.  Then home!\n\n";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Headline without a period",
                "He left.",
                "The U.S. envoy met Gen. Smith.",
                "Then home!"
            ]
        );
        assert!(sentences("  \n ").is_empty());
    }

    fn all(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_decimals_quotes_and_brackets_stay_inside() {
        let text = "The magnitude-6.1 quake struck at 4:30 p.m. (0830 GMT) Sunday, the U.S. Geological Survey said. H.E. Mr. Cavusoglu met him on Sept. 3. “I have never felt such tremors. All I see are ruins,” Ma said. Was it 6.5? Yes!";
        assert_eq!(
            all(text),
            [
                "The magnitude-6.1 quake struck at 4:30 p.m. (0830 GMT) Sunday, the U.S. Geological Survey said.",
                "H.E. Mr. Cavusoglu met him on Sept. 3.",
                "“I have never felt such tremors.",
                "All I see are ruins,” Ma said.",
                "Was it 6.5?",
                "Yes!"
            ]
        );
    }

    #[test]
    fn a_decimal_at_the_end_of_a_sentence_ends_it() {
        // Hualien, April 2024 (Head Topics): "7.7." was read as a dotted
        // abbreviation, so the next sentence (with "1999") was joined to it.
        let text = "Japanese seismologists reported an even stronger reading of 7.7. The epicenter was 11 miles from Hualien, which the 1999 quake hit. It cost $2.5m. Then U.S. officials came.";
        assert_eq!(
            all(text),
            [
                "Japanese seismologists reported an even stronger reading of 7.7.",
                "The epicenter was 11 miles from Hualien, which the 1999 quake hit.",
                "It cost $2.5m.",
                "Then U.S. officials came."
            ]
        );
    }

    #[test]
    fn headlines_datelines_and_blank_lines_are_their_own_segments() {
        let text = "Quake kills 398 in China\nBy He Huifeng\n\nBEIJING – A strong quake hit Yunnan.\nKUNMING, China (AP) — Rescuers dug on Monday\n\nthrough the rubble.";
        assert_eq!(
            all(text),
            [
                "Quake kills 398 in China",
                "By He Huifeng",
                "BEIJING –",
                "A strong quake hit Yunnan.",
                "KUNMING, China (AP) —",
                "Rescuers dug on Monday",
                "through the rubble."
            ]
        );
        let at = text.find("strong").unwrap();
        assert_eq!(quote(text, at..at + 6, 200), "A strong quake hit Yunnan.");
        // A capitalised sentence start with a dash later is no dateline.
        assert_eq!(
            all("A quake – the worst – hit."),
            ["A quake – the worst – hit."]
        );
    }

    #[test]
    fn a_line_segmented_before_gives_the_same_sentences_elsewhere() {
        let line = "He met Gen. Smith on Feb. 24. Then he left.";
        let first = format!("{line}\nBEIJING – {line}");
        let second = format!("Headline\n{line}");
        let got = |text: &str| -> Vec<String> {
            sentences(text)
                .into_iter()
                .map(|r| text[r].to_string())
                .collect()
        };
        assert_eq!(
            got(&first),
            [
                "He met Gen. Smith on Feb. 24.",
                "Then he left.",
                "BEIJING –",
                "He met Gen. Smith on Feb. 24.",
                "Then he left."
            ]
        );
        // The kept line at another place in another text.
        assert_eq!(
            got(&second),
            ["Headline", "He met Gen. Smith on Feb. 24.", "Then he left."]
        );
        let at = second.find("Then").unwrap();
        assert_eq!(sentence_bounds(&second, at..at + 4), at..second.len());
        // Within a line (an article body cut mid-line) nothing is kept.
        let cut = sentences_in(&first, 3..line.len());
        assert_eq!(&first[cut[0].clone()], "met Gen. Smith on Feb. 24.");
    }

    #[test]
    fn clauses_split_at_punctuation_not_inside_numbers() {
        let text = "Officials said 7,500 km of border, about 40% of it, was agreed; talks resumed at 10:30 — briefly: twice.";
        let sentence = 0..text.len();
        let got: Vec<&str> = clauses(text, sentence)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            [
                "Officials said 7,500 km of border",
                "about 40% of it",
                "was agreed",
                "talks resumed at 10:30",
                "briefly",
                "twice."
            ]
        );
    }
}
