//! Words as cue matching sees them: found by Unicode word boundaries (UAX #29,
//! so "6.1", "China’s" and "U.S." are one word each), then folded to one form
//! per word family: lower case, typographic variants made plain (’ → ',
//! – → -), dots inside a word dropped ("U.S." = "US"), and inflections
//! removed by the Snowball English stemmer ("killed", "killing" and "kills"
//! all fold to "kill"), except "-ly": "deadly" is not "dead", "nearly" not
//! "near". A cue phrase is a list of folded words; it matches
//! where the same folded words follow each other.

use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// One word of a text and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the whole text.
    pub span: Range<usize>,
    /// The folded form that cues are compared on ("kill" for "Killed"),
    /// shared with every other word of the thread written the same way.
    pub stem: Rc<str>,
}

/// Words folded per thread, since the same words come back in every
/// sentence and article ("the", "said", "Blinken"): the stemmer runs once
/// per distinct word, not once per word read, and a word read again costs
/// a hash lookup and a reference count, no allocation.
const FOLDED_CACHE: usize = 1 << 16;

thread_local! {
    static FOLDED: RefCell<HashMap<Box<str>, Rc<str>, Fx>> = RefCell::default();
}

/// Empties this thread's folded words (see [`super::clear_thread_caches`]).
pub(super) fn clear_thread_cache() {
    FOLDED.take();
}

/// A fast hash (FxHash, the one rustc uses) for the per-thread caches of
/// words and sentences, whose keys are short strings looked up for every
/// word read: SipHash cost more than the rest of a lookup. The caches are
/// bounded and never iterated, so the hash decides neither output nor order.
pub type Fx = std::hash::BuildHasherDefault<FxHasher>;

/// The hasher of [`Fx`].
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The folded form of one word: see the module comment.
pub fn fold(word: &str) -> Rc<str> {
    if let Some(stem) = FOLDED.with_borrow(|cache| cache.get(word).cloned()) {
        return stem;
    }
    let stem: Rc<str> = fold_uncached(word).into();
    FOLDED.with_borrow_mut(|cache| {
        if cache.len() >= FOLDED_CACHE {
            cache.clear();
        }
        cache.insert(word.into(), stem.clone());
    });
    stem
}

fn fold_uncached(word: &str) -> String {
    let mut plain = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '′' => plain.push('\''),
            '‐' | '‑' | '‒' | '–' | '—' => plain.push('-'),
            '.' => {}
            c => plain.extend(c.to_lowercase()),
        }
    }
    let stem = ENGLISH.stem(&plain).into_owned();
    // The stemmer takes "-ly" off adverbs and adjectives ("deadly" → "dead",
    // "nearly" → "near"): a cue "dead" must not find "Deadly Disaster", so
    // such a word keeps its "li" (inflections still fold: "killed" → "kill").
    if plain.len() > 4 && plain.strip_suffix("ly") == Some(stem.as_str()) {
        return stem + "li";
    }
    stem
}

/// Every word of `text[within]`, in order, with byte spans into `text`.
/// Punctuation and white space are not words.
pub fn words(text: &str, within: Range<usize>) -> Vec<Word> {
    let links = links(&text[within.clone()]);
    text[within.clone()]
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        // A link is not prose: "…/2023/02/28/blinken-eyes-…" names no one.
        .filter(|(i, _)| !links.iter().any(|l| l.contains(i)))
        .map(|(i, w)| {
            // "U.S." is the word "U.S" and a period: keep the period of an
            // abbreviation out of the span but fold the word without it.
            let start = within.start + i;
            Word {
                span: start..start + w.len(),
                stem: fold(w),
            }
        })
        .collect()
}

/// Byte ranges of web links (`http://…`, `https://…`, `www.…`) in `text`,
/// up to the next white space or closing bracket.
fn links(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| text[from..].find(p).map(|i| from + i))
        .min()
    {
        let end = text[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | ']' | '"'))
            .map_or(text.len(), |i| at + i);
        found.push(at..end);
        from = end.max(at + 1);
    }
    found
}

/// The folded words of a cue phrase as a rule writes it ("death toll" →
/// ["death", "toll"]). Empty when the phrase has no word (only punctuation).
pub fn phrase(text: &str) -> Vec<String> {
    words(text, 0..text.len())
        .into_iter()
        .map(|w| w.stem.to_string())
        .collect()
}

/// A piece of text every word folding to `stem` contains, in ASCII lower
/// case, so a cheap substring search can rule a text out before its words
/// are folded. `None` when no such piece is known: stems under five letters
/// (abbreviations written with dots, "U.S.A.", fold without them),
/// non-ASCII ones, and the stemmer's irregular forms ("dying" → "die").
pub fn literal(stem: &str) -> Option<String> {
    if stem.len() < 5 || !stem.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    // The stemmer rewrites only the end of a word: "-biliti" → "-ble" adds
    // "le", a trailing "e" ("hoping" → "hope") or "i" ("casualty" →
    // "casualti") may be its own; everything before is in every form.
    let core = if let Some(head) = stem.strip_suffix("ble").or(stem.strip_suffix("bl")) {
        format!("{head}b")
    } else {
        stem.trim_end_matches(['e', 'i']).to_string()
    };
    (core.len() >= 4).then_some(core)
}

/// A piece of text every word folding to `stem` contains once the dots
/// inside it are dropped ("U.S." is the word "us"), in ASCII lower case:
/// [`literal`] where there is one, else, for a short stem ("vote", "aid",
/// "us"), the stem without the last letters the stemmer may have written
/// itself (a final "e", "i" or "y": "voted" → "vote", "skies" → "sky").
/// [`super::analysis::Analysis::find`] looks for it in the text and in the
/// dotless form of every word written with dots, so no sentence that holds
/// the stem is skipped. `None` for pieces under two letters ("dying" →
/// "die" leaves "d") and non-ASCII stems.
pub fn piece(stem: &str) -> Option<String> {
    if let Some(long) = literal(stem) {
        return Some(long);
    }
    if !stem.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let core = stem.trim_end_matches(['e', 'i', 'y']);
    (core.len() >= 2).then(|| core.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adverbs_in_ly_keep_a_stem_of_their_own() {
        // "Four Dead, 700 Injured in Taiwan's Deadly Disaster" (USNN, Hualien
        // 2024): "Deadly" is not the cue "dead", or 700 reads as a death toll.
        assert_eq!(&*fold("Deadly"), "deadli");
        assert_eq!(&*fold("nearly"), "nearli");
        assert_eq!(&*fold("dead"), "dead");
        assert_eq!(&*fold("killed"), "kill");
        // Words the stemmer does not shorten by "ly" stay as they were.
        assert_eq!(&*fold("possibly"), &*fold("possible"));
        assert_eq!(&*fold("families"), &*fold("family"));
    }

    #[test]
    fn links_are_not_words() {
        // Seed 003 ends with its URL, which holds "blinken" and a date.
        let text = "Original url: <https://www.themoscowtimes.com/2023/02/28/blinken-eyes-us> said Blinken";
        let stems: Vec<String> = words(text, 0..text.len())
            .into_iter()
            .map(|w| w.stem.to_string())
            .collect();
        assert_eq!(stems, ["origin", "url", "said", "blinken"]);
    }

    #[test]
    fn inflections_and_typography_fold_together() {
        for (a, b) in [
            ("killed", "kill"),
            ("Killing", "kills"),
            ("deaths", "death"),
            ("China’s", "china's"),
            ("U.S.", "US"),
            ("casualties", "casualty"),
            ("injured", "injuring"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} vs {b}");
        }
        assert_ne!(fold("killed"), fold("skilled"));
    }

    #[test]
    fn words_are_unicode_words_with_spans() {
        let text = "The 6.1-magnitude quake – China’s worst – hit the U.S. base.";
        let got: Vec<(&str, String)> = words(text, 0..text.len())
            .into_iter()
            .map(|w| (&text[w.span], w.stem.to_string()))
            .collect();
        let surface: Vec<&str> = got.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            surface,
            [
                "The",
                "6.1",
                "magnitude",
                "quake",
                "China’s",
                "worst",
                "hit",
                "the",
                "U.S",
                "base"
            ]
        );
        assert_eq!(got[8].1, "us");
        assert_eq!(phrase("Death toll"), ["death", "toll"]);
        assert!(phrase(" – , ").is_empty());
    }

    #[test]
    fn literals_are_in_every_inflected_form() {
        for (cue, forms) in [
            ("evacuated", &["evacuation", "evacuating", "EVACUATE"][..]),
            ("casualty", &["casualties", "casualty"]),
            ("injure", &["injured", "injures", "injuring"]),
            ("collapsed", &["collapsing", "collapses", "Collapse"]),
            ("possibly", &["possible", "possibility"]),
            ("magnitude", &["magnitudes"]),
        ] {
            let lit = literal(&fold(cue)).unwrap();
            for form in forms {
                assert_eq!(fold(form), fold(cue), "{form}");
                assert!(
                    form.to_ascii_lowercase().contains(&lit),
                    "{form} lacks {lit}"
                );
            }
        }
        assert_eq!(literal(&fold("dying")), None);
        // Short stems have a piece (found in dotless words too), not a literal.
        for (cue, forms) in [
            ("vote", &["voted", "voting", "VOTES"][..]),
            ("aid", &["aided", "aids", "Aid"]),
            ("sky", &["skies", "sky"]),
            ("US", &["U.S.", "us"]),
            ("cried", &["cries", "crying"]),
        ] {
            let piece = piece(&fold(cue)).unwrap();
            for form in forms {
                assert_eq!(fold(form), fold(cue), "{form}");
                let dotless = form.to_ascii_lowercase().replace('.', "");
                assert!(dotless.contains(&piece), "{form} lacks {piece}");
            }
        }
        assert_eq!(piece(&fold("dying")), None, "\"d\" would be no help");
        assert_eq!(piece(&fold("evacuated")), literal(&fold("evacuated")));
        assert_eq!(literal(&fold("killed")), None, "under five letters");
        assert_eq!(literal(&fold("km")), None);
    }
}
