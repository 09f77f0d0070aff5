//! Ordinals near cues: a number fact with `ordinal = true` reads the
//! ordinals of a cue's sentence ("7th", "seventh", "twenty-first", each as
//! its number) along with its numbers, and discovery reads them as values
//! of their own. One reader, [`crate::normalize::numtext::ordinal`], the
//! one `ordinal = true` uses in pattern matches.

use super::{Reading, SentenceValues};
use crate::normalize::{Found, Normalized, KINDS};
use crate::text::analysis::{SentenceId, KEPT_SENTENCES};
use std::ops::Range;
use std::rc::Rc;

/// Where [`Reading::numbers_and_ordinals`] keeps its values among the
/// per-sentence readings (past the indexes of [`KINDS`], read in a sentence
/// or over the whole text).
fn ordinals_slot() -> usize {
    2 * KINDS.len()
}

impl Reading<'_> {
    /// The numbers of sentence `s` and its ordinals ("7th", "seventh",
    /// "twenty-first", read as their number), in text order: what a number
    /// fact with `ordinal = true` reads. An ordinal wins over a number it
    /// overlaps ("twenty" in "twenty-first").
    pub fn numbers_and_ordinals(&self, s: SentenceId) -> SentenceValues {
        let key = (ordinals_slot(), s);
        if let Some(found) = self.by_sentence.borrow().get(&key) {
            return found.clone();
        }
        let range = self.analysis().range(s);
        let mut found = ordinals_in(self.text, range);
        let numbers = self.values_in("number", s);
        let numbers = numbers.as_deref().and_then(Option::as_ref);
        for n in numbers.into_iter().flatten() {
            if !found
                .iter()
                .any(|o| o.span.start < n.span.end && n.span.start < o.span.end)
            {
                found.push(n.clone());
            }
        }
        found.sort_by_key(|f| (f.span.start, f.span.end));
        let found = Rc::new(Some(found));
        let mut kept = self.by_sentence.borrow_mut();
        if kept.len() >= KEPT_SENTENCES {
            kept.clear();
        }
        kept.insert(key, found.clone());
        found
    }
}

/// The ordinals in `range` of `text`, each read as its number.
pub fn ordinals_in(text: &str, range: Range<usize>) -> Vec<Found> {
    use crate::normalize::numtext::ordinal;
    let part = &text[range.clone()];
    let mut found = Vec::new();
    crate::normalize::numtext::scan_words(part, |pos| {
        if !may_be_ordinal(&part[pos..]) {
            return None;
        }
        let n = ordinal::at(part, pos)?;
        let span = range.start + n.span.start..range.start + n.span.end;
        let value = Normalized::new(
            crate::normalize::format_number(n.lo),
            crate::normalize::Key::Interval {
                lo: n.lo,
                hi: n.lo,
                unit: String::new(),
            },
        );
        found.push(Found::at(text, span, value));
        Some(n.span.end)
    });
    found
}

/// Whether an ordinal may start `rest`: a digit, or a word that is a
/// cardinal ("twenty" of "twenty-first") or ends as ordinals do ("-st",
/// "-nd", "-rd", "-th"). Spares the ordinal reader most word starts.
fn may_be_ordinal(rest: &str) -> bool {
    use crate::normalize::numtext::words::{TENS, UNITS};
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    ["st", "nd", "rd", "th"].iter().any(|e| word.ends_with(e))
        || UNITS.contains(&word.as_str())
        || TENS.contains(&word.as_str())
}
