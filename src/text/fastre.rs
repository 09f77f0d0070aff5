//! Regexes with Unicode word boundaries (`\b`), searched so that the lazy DFA
//! does the scanning. The regex crate's DFA cannot look at a Unicode `\b`
//! next to a non-ASCII byte: on an article with one curly quote it gives up
//! and every search runs on its slow engines (PikeVM, backtracker), ~1 MB/s.
//!
//! A [`Pattern`] keeps the regex as written, and beside it the same regex
//! without its Unicode word boundaries ("loose"), which the DFA runs at full
//! speed. Every match of the regex starts where the loose regex matches
//! (dropping an assertion only lets more text match), so the loose regex
//! finds the leftmost place a match may start, an anchored search of the
//! regex there says whether one does, and only then are its groups read.
//! The matches are exactly those of `regex::Regex::captures_iter`, Unicode
//! text included ("Tokaïev", "Çavuşoğlu"): nothing is made ASCII.

use regex::{Captures, Regex};
use regex_automata::{meta, nfa::thompson::WhichCaptures, Anchored, Input};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};
use std::sync::{Arc, Mutex, OnceLock};

/// A regex and, built when first searched, its loose twin.
#[derive(Debug)]
pub struct Pattern {
    regex: Regex,
    /// The regex's syntax tree, parsed once for all who read it (the
    /// prefilter's literals, the size budget, then the twin, which lets it
    /// go: a `{number}` pattern's tree weighs tens of kilobytes).
    hir: Mutex<Option<Arc<Hir>>>,
    fast: OnceLock<Option<Fast>>,
}

#[derive(Debug)]
struct Fast {
    /// The regex without Unicode word boundaries, to find where a match may start.
    loose: meta::Regex,
    /// The regex itself, to test one place (anchored).
    exact: meta::Regex,
}

impl Pattern {
    /// Wraps a compiled regex (the loose twin is built on first use).
    pub fn new(regex: Regex) -> Pattern {
        Pattern {
            regex,
            hir: Mutex::new(None),
            fast: OnceLock::new(),
        }
    }

    /// The regex's syntax tree (`regex_syntax::parse` of it), parsed on
    /// first use and kept until the twin is built: a `{number}` pattern
    /// costs more to parse than most articles cost to read.
    pub fn hir(&self) -> Option<Arc<Hir>> {
        let mut kept = self.hir.lock().unwrap_or_else(|e| e.into_inner());
        if kept.is_none() {
            *kept = regex_syntax::parse(self.regex.as_str()).ok().map(Arc::new);
        }
        kept.clone()
    }

    fn fast(&self) -> &Option<Fast> {
        self.fast.get_or_init(|| {
            let kept = self.hir.lock().unwrap_or_else(|e| e.into_inner()).take();
            let hir = kept.or_else(|| regex_syntax::parse(self.regex.as_str()).ok().map(Arc::new));
            hir.and_then(|hir| Fast::build(&hir))
        })
    }

    /// The regex as written.
    pub fn regex(&self) -> &Regex {
        &self.regex
    }

    /// The loose twin's syntax tree, when the pattern has one: the regex
    /// without its Unicode word boundaries, whose matches start wherever
    /// the regex's may ([`super::fastset`] scans many at once).
    pub fn loose_hir(&self) -> Option<Hir> {
        loose_hir_of(self.hir()?.as_ref())
    }

    /// The match that starts exactly at `start`, with its groups, as
    /// [`Pattern::captures_iter`] would give it had its search reached `start`.
    pub fn captures_starting_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        let anchored = Input::new(text).range(start..).anchored(Anchored::Yes);
        match self.fast() {
            Some(fast) if !fast.exact.is_match(anchored) => None,
            // Leftmost from `start`, and one starts there: that one.
            Some(_) => self.regex.captures_at(text, start),
            None => self
                .regex
                .captures_at(text, start)
                .filter(|c| c.get(0).is_some_and(|m| m.start() == start)),
        }
    }

    /// The same as [`Regex::captures_iter`], the DFA doing the scanning.
    pub fn captures_iter<'p, 'h>(&'p self, text: &'h str) -> CapturesIter<'p, 'h> {
        CapturesIter {
            pattern: self,
            fast: self.fast(),
            text,
            at: 0,
            slow: None,
        }
    }
}

impl Fast {
    /// `None` when the twin would not help (no Unicode word boundary) or
    /// could not keep the iteration exact (a regex that matches empty text).
    fn build(hir: &Hir) -> Option<Fast> {
        if !twin_helps(hir) {
            return None;
        }
        let loose = meta::Builder::new()
            .build_from_hir(&without_unicode_boundaries(hir))
            .ok()?;
        // Only asked whether a match starts at one place: no groups, and no
        // literals to skip ahead with (their extraction, and the reverse
        // suffix and inner searches it enables, cost as much to build as
        // the rest).
        let exact = meta::Builder::new()
            .configure(
                meta::Config::new()
                    .which_captures(WhichCaptures::None)
                    .auto_prefilter(false)
                    .hybrid(false),
            )
            .build_from_hir(hir)
            .ok()?;
        Some(Fast { loose, exact })
    }
}

/// [`Pattern::loose_hir`] of a regex's syntax tree.
pub fn loose_hir_of(hir: &Hir) -> Option<Hir> {
    twin_helps(hir).then(|| without_unicode_boundaries(hir))
}

/// A twin helps when the regex has a Unicode word boundary, and keeps
/// iteration exact when the regex cannot match empty text.
fn twin_helps(hir: &Hir) -> bool {
    hir.properties().minimum_len() != Some(0) && has_unicode_boundary(hir)
}

fn unicode_boundary(look: Look) -> bool {
    matches!(
        look,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

fn has_unicode_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => unicode_boundary(*look),
        HirKind::Repetition(r) => has_unicode_boundary(&r.sub),
        HirKind::Capture(c) => has_unicode_boundary(&c.sub),
        HirKind::Concat(xs) | HirKind::Alternation(xs) => xs.iter().any(has_unicode_boundary),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => false,
    }
}

/// The regex with every Unicode word boundary dropped (and no groups).
fn without_unicode_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if unicode_boundary(*look) => Hir::empty(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(without_unicode_boundaries(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(Capture { sub, .. }) => without_unicode_boundaries(sub),
        HirKind::Concat(xs) => Hir::concat(xs.iter().map(without_unicode_boundaries).collect()),
        HirKind::Alternation(xs) => {
            Hir::alternation(xs.iter().map(without_unicode_boundaries).collect())
        }
        _ => hir.clone(),
    }
}

/// The matches of a [`Pattern`], in order.
pub struct CapturesIter<'p, 'h> {
    pattern: &'p Pattern,
    fast: &'p Option<Fast>,
    text: &'h str,
    /// Where the next search starts.
    at: usize,
    /// The regex crate's own iterator, for patterns without a twin.
    slow: Option<regex::CaptureMatches<'p, 'h>>,
}

impl<'h> Iterator for CapturesIter<'_, 'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        let Some(fast) = self.fast else {
            let text = self.text;
            return self
                .slow
                .get_or_insert_with(|| self.pattern.regex.captures_iter(text))
                .next();
        };
        while self.at <= self.text.len() {
            // The leftmost place a match may start.
            let start = fast
                .loose
                .search(&Input::new(self.text).range(self.at..))?
                .start();
            let anchored = Input::new(self.text).range(start..).anchored(Anchored::Yes);
            if fast.exact.is_match(anchored) {
                // No match starts before `start`, and one starts there: the
                // leftmost match from `start` is the one the regex crate finds.
                let caps = self.pattern.regex.captures_at(self.text, start)?;
                // Never empty (see `Fast::build`), so the next search starts at its end.
                self.at = caps.get(0).map_or(self.text.len() + 1, |m| m.end());
                return Some(caps);
            }
            self.at = start + self.text[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match, as the regex crate finds them and as a [`Pattern`] does.
    fn both(pattern: &str, text: &str) -> (Vec<String>, Vec<String>) {
        let regex = Regex::new(pattern).unwrap();
        let show = |c: Captures| {
            format!(
                "{:?}",
                c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()
            )
        };
        let want = regex.captures_iter(text).map(show).collect();
        let p = Pattern::new(regex);
        let got = p.captures_iter(text).map(show).collect();
        (got, want)
    }

    #[test]
    fn finds_what_the_regex_crate_finds_unicode_text_included() {
        let text = "“Mr Tokaïev met Çavuşoğlu”, the minister’s aide said on Tuesday, \
                    Feb. 28 — then Tokai, Tokaïevski and Çavuşoğlu’s staff; 7,500 km. Çavuş";
        for pattern in [
            r"\bÇavuşoğlu\b",
            r"\bTokaïev\b",
            r"\bTok\w+",
            r"(?i)\b(?P<value>tuesday|feb\.?\s+\d+)\b",
            r"(?P<value>\d{1,3}(?:,\d{3})+)\s*km\b",
            r"\w+\b’s",
            r"\Bo\w*",
            r"\bŞ|ş\b|\bavu",
        ] {
            let (got, want) = both(pattern, text);
            assert!(!want.is_empty(), "{pattern} finds something");
            assert_eq!(got, want, "{pattern}");
        }
    }

    #[test]
    fn twins_only_where_they_help_and_keep_iteration_exact() {
        let build = |p: &str| Fast::build(&regex_syntax::parse(p).unwrap());
        assert!(build(r"\bvote\b").is_some());
        assert!(build(r"(?-u:\b)vote").is_none(), "the DFA runs it already");
        assert!(build(r"\b\w*").is_none(), "may match empty text");
        let (got, want) = both(r"\b\w*", "a é b");
        assert_eq!(got, want);
    }
}
