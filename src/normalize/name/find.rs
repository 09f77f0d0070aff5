//! Finding a person in running text however the article spells the name.
//! A capitalized word whose transliteration skeleton is close enough to the
//! surname is a candidate; it is kept only when anchored, so that other
//! people are not pulled in:
//!
//! - written with given names that match the person's ("Kasim-Yomart
//!   Tokayev"); given names that do not match mean another person ("Aidos
//!   Tokayev"), and the candidate is dropped;
//! - or alone, with a surname whose skeleton equals a known one ("Tokaïev",
//!   "Rakhmon"), or near one of the fact's roles in the same sentence
//!   ("Foreign Minister … Tileuberdi");
//! - or alone, spelled exactly as an anchored mention of the same article
//!   (the article introduced the person first: "Tileuberdi said").
//!
//! With given names written, the whole name is compared ("Mohsen Rezai"
//! for "Mohsen Rezaei", 0.92), as reports print the similarity; the surname
//! alone (0.83) would miss a spelling the report calls close.
//!
//! The module also reads the title written before a name ("Under Secretary
//! of State for South and Central Asian Affairs Donald Lu").

use super::super::fold::{capitalized, fold, may_reach, similarity, spelling, words, Word};
use super::index::Capitals;
use super::Form;
use crate::text::words::Fx;
use crate::text::Bounds;
use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

// Word lists as data: lowercase, folded, separated by spaces.

/// Words that name an office; they are never given names and they make a
/// run of capitalized words a title.
const TITLE_WORDS: &str =
    "president vice prime minister foreign secretary undersecretary under assistant deputy \
    ambassador envoy director chairman chairwoman chairperson chair chief head spokesman \
    spokeswoman spokesperson adviser advisor senator governor mayor general king queen prince \
    premier chancellor representative special commissioner emir leader official diplomat \
    ceo cfo coo cto executive officer founder cofounder treasurer";

/// Honorifics and name prefixes: never given names, and not titles either
/// ("Foreign Minister Makhdoom Shah Mahmood Qureshi", "H.E. Mevlut
/// Cavusoglu", "Dr. Abdullah"). "H.E." is the initials h and e.
const HONORIFICS: &str =
    "makhdoom mian syed sayed sayyid sheikh shaikh haji hajji hafiz maulana mullah excellency \
    mr mrs ms dr prof sir madam he";

/// Whether a folded word is an honorific or a name prefix.
pub fn is_honorific(folded: &str) -> bool {
    HONORIFIC_SET.contains(folded)
}

/// Capitalized words that start sentences or dates rather than names.
const STOPWORDS: &str =
    "the a an and but or so yet when while as if in on at for of to with by from after before \
    since during meanwhile however also both yesterday today tomorrow last this that these \
    those his her its their our my monday tuesday wednesday thursday friday saturday sunday \
    january february march april june july august september october november december nor not \
    former acting then later earlier now here there still even only instead indeed thus hence \
    moreover furthermore nonetheless nevertheless although though because where what who which \
    how why it he she they we i you several many some all most every each no once again soon \
    recently previously next first finally currently according unlike like despite whereas \
    said says";

/// Lowercase words a title may hold between capitalized ones.
const CONNECTORS: &str = "of for and the on in to de du des la le";

fn listed(list: &str, folded: &str) -> bool {
    list.split_whitespace().any(|w| w == folded)
}

/// The words of a list, for lists asked about once per word of an article.
fn set(list: &'static str) -> HashSet<&'static str> {
    list.split_whitespace().collect()
}

static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(TITLE_WORDS));
static STOPS: LazyLock<HashSet<&str>> = LazyLock::new(|| set(STOPWORDS));
static HONORIFIC_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(HONORIFICS));

/// Whether a folded word names an office ("president", "minister").
pub fn is_title_word(folded: &str) -> bool {
    TITLES.contains(folded)
}

/// Whether a folded word starts sentences or dates rather than names.
pub fn is_stopword(folded: &str) -> bool {
    STOPS.contains(folded)
}

/// How far before a name [`title_before`] starts reading words: past the
/// 160 bytes a title may span, plus the longest word it may end on.
const TITLE_REACH: usize = 512;

/// How a candidate was anchored.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    /// Given names, a known surname or a role: kept.
    Kept,
    /// A near surname alone: kept only if the article anchors the same spelling elsewhere.
    Pending,
}

/// What the finder needs to know about the person.
pub struct Person<'a> {
    /// The name fact's own number ([`super::scores`]): its surname scores
    /// are kept by it.
    pub id: u64,
    pub forms: &'a [Form],
    /// Folded role phrases ("president", "foreign minister").
    pub roles: &'a [String],
    pub threshold: f64,
}

/// A name found in text: the span of the name, given names included.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    /// The surname word (possessive left out).
    pub surname: Range<usize>,
}

impl Person<'_> {
    /// Best similarity of a folded surname skeleton to the person's surnames.
    pub fn surname_score(&self, surname_skeleton: &str) -> f64 {
        self.forms
            .iter()
            .map(|f| similarity(surname_skeleton, &f.surname))
            .fold(0.0, f64::max)
    }

    /// [`Person::surname_score`] where it is at least `floor`; below, some
    /// score under `floor`. Surnames whose lengths alone keep them under
    /// `floor` get no edit distance computed ("Kazakhstan" for "Tokayev").
    fn surname_score_from(&self, surname_skeleton: &str, floor: f64) -> f64 {
        self.forms
            .iter()
            .filter(|f| may_reach(surname_skeleton, &f.surname, floor))
            .map(|f| similarity(surname_skeleton, &f.surname))
            .fold(0.0, f64::max)
    }

    /// Best similarity of the whole name as written (given-name and
    /// surname skeletons) to the person's: the measure reports print.
    pub fn full_score<S: Borrow<str>>(&self, given: &[S], surname_skeleton: &str) -> f64 {
        let written = format!("{}{surname_skeleton}", given.concat());
        self.forms
            .iter()
            .filter(|f| !f.given.is_empty())
            .map(|f| {
                let given = best_window(given, &f.given);
                similarity(&written, &format!("{given}{}", f.surname))
            })
            .fold(0.0, f64::max)
    }

    /// Best similarity of written given-name tokens (skeletons) to the person's.
    pub fn given_score<S: Borrow<str>>(&self, given: &[S]) -> f64 {
        self.forms
            .iter()
            .map(|f| given_similarity(given, &f.given))
            .fold(0.0, f64::max)
    }

    fn max_given_tokens(&self) -> usize {
        self.forms.iter().map(|f| f.given.len()).max().unwrap_or(0)
    }

    /// Every mention of the person in `text`, in text order.
    pub fn find(&self, text: &str) -> Vec<Found> {
        self.find_in(text, &Capitals::new(text), 0)
    }

    /// Every mention of the person in `text[from..]`, in text order, with
    /// spans in `text`; `capitals` lists the capitalized words of all of
    /// `text`, and `from` is 0 or follows a line break (the same words as
    /// in `text[from..]` alone). The same mentions as [`Person::find`] of
    /// `text[from..]`, shifted.
    pub fn find_in(&self, text: &str, capitals: &Capitals, from: usize) -> Vec<Found> {
        let first = capitals.first_at(from);
        let floor = self.threshold - NEAR;
        // Each distinct spelling is compared with the surnames once per
        // thread (the articles of a story share most of them).
        let scores = super::scores::scores(self.id, capitals.distinct(), |d| {
            self.surname_score_from(&d.surname, floor)
        });
        let mut bounds = None;
        let mut candidates: Vec<(Found, Anchor, usize)> = Vec::new();
        for i in first..capitals.len() {
            let spelled = capitals.spelled(i);
            let score = scores[spelled];
            // A surname this far off can still be the person's with given
            // names written; alone, only as spelled by an anchored mention.
            if score < floor {
                continue;
            }
            let near = score >= self.threshold;
            let w = capitals.word(i);
            let given = self.given_before(text, capitals, first, i);
            let span = given.as_ref().map_or(w.core.start, |(g, _)| g.start)..w.core.end;
            let anchor = match given {
                Some((_, k)) => {
                    let distinct = capitals.distinct();
                    let tokens: Vec<&str> = (k..i)
                        .filter(|&j| !is_initial(text, capitals, j))
                        .flat_map(|j| distinct[capitals.spelled(j)].tokens.iter())
                        .map(|t| &**t)
                        .collect();
                    if self.given_score(&tokens) < self.threshold {
                        continue; // Someone else with a similar surname.
                    }
                    let surname = &distinct[spelled].surname;
                    if !near && self.full_score(&tokens, surname) < self.threshold {
                        continue;
                    }
                    Anchor::Kept
                }
                // "Lu Xun": a surname-first name of someone else.
                None if self.name_follows(text, capitals, i) => continue,
                None if !near => Anchor::Pending,
                None if score >= 1.0 => Anchor::Kept,
                None => {
                    let bounds = bounds.get_or_insert_with(|| Bounds::new(&text[from..]));
                    let core = w.core.start - from..w.core.end - from;
                    if self.role_near(bounds, core) {
                        Anchor::Kept
                    } else {
                        Anchor::Pending
                    }
                }
            };
            let found = Found {
                span,
                surname: w.core,
            };
            candidates.push((found, anchor, spelled));
        }
        // Spelling keys by distinct spelling, made once each.
        let mut keys: HashMap<usize, String, Fx> = HashMap::default();
        for (f, _, spelled) in &candidates {
            keys.entry(*spelled)
                .or_insert_with(|| spelling(&text[f.surname.clone()]));
        }
        let kept: HashSet<&str> = candidates
            .iter()
            .filter(|(_, a, _)| *a == Anchor::Kept)
            .map(|(_, _, s)| keys[s].as_str())
            .collect();
        candidates
            .into_iter()
            .filter(|(_, a, s)| *a == Anchor::Kept || kept.contains(keys[s].as_str()))
            .map(|(f, _, _)| f)
            .collect()
    }

    /// The given names written right before capitalized word `i` (and the
    /// first of their words), if any: capitalized words separated by spaces
    /// only, that are neither titles nor sentence words nor possessives, at
    /// most as many as the person has; none before word `first`.
    fn given_before(
        &self,
        text: &str,
        capitals: &Capitals,
        first: usize,
        i: usize,
    ) -> Option<(Range<usize>, usize)> {
        let max = self.max_given_tokens();
        let mut start = None;
        let mut tokens = 0;
        let mut j = i;
        let mut next = capitals.word(i);
        let space = |c: char| c == ' ' || c == '\u{a0}';
        while j > first {
            let prev = capitals.word(j - 1);
            // A word between the two (not capitalized) is not white space.
            let gap = &text[prev.span.end..next.span.start];
            // A middle initial ("Shannon N. Gilreath") belongs to the name
            // but is no given name: it adds no token, and a name does not
            // start with it.
            if is_initial(text, capitals, j - 1)
                && gap
                    .strip_prefix('.')
                    .is_some_and(|g| !g.is_empty() && g.chars().all(space))
            {
                j -= 1;
                next = prev;
                continue;
            }
            let d = &capitals.distinct()[capitals.spelled(j - 1)];
            let count = d.tokens.len();
            if gap.is_empty()
                || !gap.chars().all(space)
                || prev.core != prev.span
                || d.title
                || d.honorific
                || d.stop
                || tokens + count > max
            {
                break;
            }
            tokens += count;
            start = Some(j - 1);
            j -= 1;
            next = prev;
        }
        start.map(|k| {
            (
                capitals.word(k).span.start..capitals.word(i - 1).span.end,
                k,
            )
        })
    }

    /// Whether capitalized word `i` is followed, after a single space, by a
    /// capitalized word that is not a sentence or office word: then it is
    /// part of another name written surname first ("Lu Xun", "Rahman Khan").
    fn name_follows(&self, text: &str, capitals: &Capitals, i: usize) -> bool {
        if i + 1 >= capitals.len() {
            return false;
        }
        let (w, next) = (capitals.word(i), capitals.word(i + 1));
        // A word between the two (not capitalized) is not a single space.
        if w.core != w.span || &text[w.span.end..next.span.start] != " " {
            return false;
        }
        let listed = if next.core == next.span {
            let d = &capitals.distinct()[capitals.spelled(i + 1)];
            d.stop || d.title || d.honorific
        } else {
            // The lists are asked about the word with its possessive.
            let folded = fold(&text[next.span]);
            is_stopword(&folded) || is_title_word(&folded) || is_honorific(&folded)
        };
        !listed
    }

    /// Whether one of the roles is written in the same sentence near `span`.
    fn role_near(&self, bounds: &mut Bounds, span: Range<usize>) -> bool {
        if self.roles.is_empty() {
            return false;
        }
        let text = bounds.text();
        let sentence = bounds.sentence(span.clone());
        let before = floor(text, sentence.start.max(span.start.saturating_sub(100)));
        let after = floor(text, sentence.end.min(span.end + 100));
        super::kept::role_near(self.id, &text[before..after], || {
            let context = format!(" {} ", fold(&text[before..after]));
            self.roles
                .iter()
                .any(|r| context.contains(&format!(" {r} ")))
        })
    }
}

/// How far below the threshold a surname may score and still be the
/// person's, when given names or an anchored mention say so.
const NEAR: f64 = 0.15;

/// The given names of `form` to compare `written` with, concatenated: all
/// of them, or the run of as many as are written that is most alike.
fn best_window<S: Borrow<str>>(written: &[S], form: &[String]) -> String {
    if written.len() >= form.len() {
        return form.concat();
    }
    let joined = written.concat();
    form.windows(written.len())
        .map(|w| w.concat())
        .max_by(|a, b| similarity(&joined, a).total_cmp(&similarity(&joined, b)))
        .unwrap_or_default()
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn trim_end(text: &str, r: Range<usize>) -> usize {
    r.start + text[r].trim_end().len()
}

/// Similarity of written given names to a form's: whole against whole, or,
/// when fewer are written ("Kassym Tokayev"), against the best run of the
/// form's given names of the same length.
fn given_similarity<S: Borrow<str>>(written: &[S], form: &[String]) -> f64 {
    if written.is_empty() || form.is_empty() {
        return 0.0;
    }
    let joined = written.concat();
    if written.len() >= form.len() {
        return similarity(&joined, &form.concat());
    }
    form.windows(written.len())
        .map(|w| similarity(&joined, &w.concat()))
        .fold(0.0, f64::max)
}

/// Whether capitalized word `j` is an initial: one capital letter followed
/// by a period ("N." in "Shannon N. Gilreath").
fn is_initial(text: &str, capitals: &Capitals, j: usize) -> bool {
    let w = capitals.word(j);
    let mut letters = text[w.core.clone()].chars();
    letters.next().is_some_and(char::is_uppercase)
        && letters.next().is_none()
        && text[w.span.end..].starts_with('.')
}

/// The title written right before byte `start` (a name's first letter):
/// capitalized words and connectors, in the same clause, holding at least
/// one office word ("Under Secretary of State for South and Central Asian
/// Affairs"). A possessive ("Kazakhstan’s") or punctuation ends it.
pub fn title_before(text: &str, start: usize) -> Option<Range<usize>> {
    // A title ends at most ~160 bytes before the name: words are read from
    // a space some way before that, not from the top of the text (which
    // made N mentions cost N times the text).
    let mut from = start.saturating_sub(TITLE_REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    // From the start of the word before the white space there, so that a
    // run of spaces (which a title may span) is read whole.
    let from = text[..from].rfind(char::is_whitespace).unwrap_or(0);
    let before = text[..from].trim_end_matches(char::is_whitespace);
    let from = before.rfind(char::is_whitespace).unwrap_or(0);
    let ws: Vec<Word> = words(&text[from..start])
        .into_iter()
        .map(|w| Word {
            span: w.span.start + from..w.span.end + from,
            core: w.core.start + from..w.core.end + from,
        })
        .collect();
    let mut first = None;
    let mut edge = start;
    for w in ws.iter().rev() {
        let gap = &text[w.span.end..edge];
        let word = &text[w.span.clone()];
        // "U.S." is words "U" and "S" with periods between.
        let initial = word.chars().count() == 1 && capitalized(word);
        let gap_ok = !gap.is_empty()
            && gap
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}' || (initial && c == '.'));
        let folded = fold(word);
        if !gap_ok
            || w.core != w.span
            || !(capitalized(word) || listed(CONNECTORS, folded.as_str()))
        {
            break;
        }
        first = Some(w.span.start);
        edge = w.span.start;
        if first.is_some_and(|f| start - f > 160) {
            break;
        }
    }
    let first = first?;
    // Connectors and sentence words at the front are not part of the title.
    let begin = ws
        .iter()
        .filter(|w| w.span.start >= first)
        .find(|w| {
            let folded = fold(&text[w.span.clone()]);
            !listed(CONNECTORS, folded.as_str()) && !is_stopword(&folded)
        })
        .map_or(start, |w| w.span.start);
    // A title starts at its first office word: an organisation or a
    // country before it ("Kroger Chairman and CEO", "Kazakh Foreign
    // Minister") says whom the person serves, not the office.
    let begin = ws
        .iter()
        .filter(|w| w.span.start >= begin)
        .find(|w| is_title_word(&fold(&text[w.span.clone()])))
        .map(|w| w.span.start)?;
    // Honorifics after the office ("Foreign Minister Makhdoom", "… H.E.")
    // are not part of it.
    let mut end = trim_end(text, begin..start);
    while let Some(w) = ws
        .iter()
        .rev()
        .find(|w| w.span.start >= begin && w.span.end <= end)
    {
        let folded = fold(&text[w.span.clone()]);
        let initial_of_he = matches!(folded.as_str(), "h" | "e");
        if !(is_honorific(&folded) || initial_of_he) {
            break;
        }
        end = trim_end(text, begin..w.span.start);
    }
    let range = begin..end;
    (!range.is_empty()).then_some(range)
}

#[cfg(test)]
mod tests;
