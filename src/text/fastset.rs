//! Many [`Pattern`]s searched in one pass over a text, each giving exactly
//! the matches its own [`Pattern::captures_iter`] gives. The date reader has
//! some twenty forms; searched one by one, each is a lazy-DFA scan of the
//! whole article plus a restart after every place it may start.
//!
//! One lazy DFA holds every pattern's loose twin (the pattern without its
//! Unicode word boundaries, see [`super::fastre`]), reversed and unanchored,
//! reporting every match ([`MatchKind::All`]). Run once backwards over the
//! text, it names every (place, pattern) where a match of the twin starts:
//! the places each pattern's own search would stop at, all at once. Walking
//! them forwards, a pattern tests a place (the anchored search of the
//! pattern itself) only when it lies at or after the end of that pattern's
//! last match, which is what its own iteration does; so every pattern gets
//! its own matches in its own order, overlapping those of the others.
//!
//! The DFA needs only where a twin's match may start, not where it ends,
//! so each twin is cut after what every match must begin with
//! ([`prefix`]): a form's optional tail ("…, 2023", "of next month") and
//! the extra turns of a repetition only made the reverse DFA bigger, and
//! building its states was most of the one pass's cost on a fresh process
//! (dense-200: 580 M of 610 M instructions).
//!
//! The places are kept as one `u64` each, and only while a text's fit a
//! budget ([`MAX_PLACES_PER_BYTE`]): a text where nearly every byte may
//! start a match (a file of digits) is searched pattern by pattern instead,
//! with the same results.
//!
//! The lazy DFA's states are built as texts need them, in a cache of each
//! thread's own ([`CACHES`], up to [`CACHE_BYTES`]): ~10 MB per scan
//! thread on a dense corpus, emptied when the scan ends
//! ([`clear_thread_caches`]).

use super::fastre::{loose_hir_of, Pattern};
use regex::{Captures, Regex};
use regex_automata::hybrid::dfa::{Cache, OverlappingState, DFA};
use regex_automata::nfa::thompson;
use regex_automata::{meta, Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind, Repetition};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// At most one place per this many bytes of text is kept (else the
/// patterns are searched one by one): the places stay a fraction of the
/// text's size.
const MAX_PLACES_PER_BYTE: usize = 4;

/// The lazy DFA's states per thread: the forms together make far more
/// states than each alone, and a cache that keeps clearing rebuilds them.
const CACHE_BYTES: usize = 64 << 20;

/// The number the next set takes: a set's caches are found by it.
static NEXT_SET: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's lazy DFA cache of each set it searched, by the set's
    /// number (the date forms' set in a run; a few more in tests, whose
    /// caches stay until the thread ends or [`clear_thread_caches`]). Held
    /// per thread rather than in a pool (regex-automata's `Pool`) so that
    /// a thread can give its own back: a pool cannot be emptied.
    static CACHES: RefCell<Vec<(usize, Cache)>> = const { RefCell::new(Vec::new()) };
}

/// Empties this thread's lazy DFA caches (a later search builds its
/// states again): for when a scan is over.
pub fn clear_thread_caches() {
    CACHES.take();
}

/// Patterns searched together. Each is compiled when first tested: of the
/// ~28 date forms a dense corpus meets about half, and compiling one is
/// about five million instructions.
pub struct Set {
    /// Each pattern's source and syntax tree.
    sources: Vec<(String, Hir)>,
    patterns: Vec<OnceLock<Pattern>>,
    /// Each pattern anchored: whether a match starts at a place (the
    /// pattern's own [`Pattern`] would also build a loose twin, which the
    /// set does not need).
    exact: Vec<OnceLock<Option<meta::Regex>>>,
    /// Where each pattern's loose twin may start; `None` when some pattern
    /// has no twin (it is then searched on its own, as are all).
    starts: Option<DFA>,
    /// The set's number, its caches' key in [`CACHES`].
    number: usize,
}

impl std::fmt::Debug for Set {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Set")
            .field(
                "patterns",
                &self.sources.iter().map(|s| &s.0).collect::<Vec<_>>(),
            )
            .field("one_pass", &self.starts.is_some())
            .finish()
    }
}

impl Set {
    /// The patterns' sources, in order; their index is what [`Set::each`]
    /// reports. Panics when a source is not a valid regex.
    pub fn new(sources: Vec<String>) -> Set {
        let sources: Vec<(String, Hir)> = sources
            .into_iter()
            .map(|source| {
                let hir = regex_syntax::parse(&source).expect("a set's pattern is a valid regex");
                (source, hir)
            })
            .collect();
        let starts = Self::build(&sources);
        Set {
            patterns: sources.iter().map(|_| OnceLock::new()).collect(),
            exact: sources.iter().map(|_| OnceLock::new()).collect(),
            sources,
            starts,
            number: NEXT_SET.fetch_add(1, Ordering::Relaxed),
        }
    }

    fn build(sources: &[(String, Hir)]) -> Option<DFA> {
        let hirs = sources
            .iter()
            .map(|(_, hir)| loose_hir_of(hir).map(prefix_or_whole))
            .collect::<Option<Vec<_>>>()?;
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .reverse(true)
                    .shrink(true)
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build_many_from_hir(&hirs)
            .ok()?;
        DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(CACHE_BYTES),
            )
            .build_from_nfa(nfa)
            .ok()
    }

    /// How many patterns the set has.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Whether the set has no pattern.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Pattern `i`, compiled when first asked for.
    pub fn pattern(&self, i: usize) -> &Pattern {
        self.patterns[i].get_or_init(|| {
            Pattern::new(Regex::new(&self.sources[i].0).expect("a set's pattern compiles"))
        })
    }

    /// Calls `found` with every match of every pattern in `text` (the
    /// pattern's index and its groups): each pattern's matches are those of
    /// its own `captures_iter`, in order; across patterns they come in no
    /// particular order.
    pub fn each<'h>(&self, text: &'h str, mut found: impl FnMut(usize, Captures<'h>)) {
        let Some(places) = self.places(text) else {
            for i in 0..self.len() {
                for caps in self.pattern(i).captures_iter(text) {
                    found(i, caps);
                }
            }
            return;
        };
        // Where each pattern's next match may start: the end of its last one.
        let mut next = vec![0usize; self.len()];
        // A place where a pattern's own search would not stop is harmless:
        // the pattern matches only where its twin does, so the test fails.
        for &place in &places {
            let (at, i) = ((place >> 8) as usize, (place & 0xff) as usize);
            if at < next[i] {
                continue;
            }
            if let Some(caps) = self.starting_at(i, text, at) {
                // Never empty (a twin is built only then): the next search starts at its end.
                next[i] = caps.get(0).map_or(text.len() + 1, |m| m.end());
                found(i, caps);
            }
        }
    }

    /// Pattern `i`'s match that starts exactly at `at`, with its groups,
    /// as its own iteration would give it had its search reached `at`
    /// (what [`Pattern::captures_starting_at`] does).
    fn starting_at<'h>(&self, i: usize, text: &'h str, at: usize) -> Option<Captures<'h>> {
        let exact = self.exact[i]
            .get_or_init(|| meta::Builder::new().build_from_hir(&self.sources[i].1).ok());
        match exact {
            Some(exact) => {
                let anchored = Input::new(text).range(at..).anchored(Anchored::Yes);
                // Leftmost from `at`, and one starts there: that one. The
                // pattern with its groups is compiled only once one does (a
                // form tested but never matched costs one compilation).
                exact
                    .is_match(anchored)
                    .then(|| self.pattern(i).regex().captures_at(text, at))
                    .flatten()
            }
            None => self.pattern(i).captures_starting_at(text, at),
        }
    }

    /// Every (place, pattern) where a loose twin's match starts, as
    /// `place << 8 | pattern`, sorted; `None` when the patterns must be
    /// searched one by one (no twins, more than 256 patterns, too many
    /// places, or the lazy DFA gave up).
    fn places(&self, text: &str) -> Option<Vec<u64>> {
        let dfa = self.starts.as_ref()?;
        if self.len() > 256 {
            return None;
        }
        CACHES.with_borrow_mut(|caches| {
            let at = match caches.iter().position(|(n, _)| *n == self.number) {
                Some(at) => at,
                None => {
                    caches.push((self.number, dfa.create_cache()));
                    caches.len() - 1
                }
            };
            Self::places_with(dfa, &mut caches[at].1, text)
        })
    }

    /// [`Set::places`] with this thread's cache of the set's DFA.
    fn places_with(dfa: &DFA, cache: &mut Cache, text: &str) -> Option<Vec<u64>> {
        let budget = text.len() / MAX_PLACES_PER_BYTE + 64;
        let input = Input::new(text);
        let mut state = OverlappingState::start();
        let mut places = Vec::new();
        // The place of the latest reports, and the one reported before it
        // (places come last first, each pattern's once or, see below, twice).
        let (mut current, mut above) = (None, None);
        loop {
            dfa.try_search_overlapping_rev(cache, &input, &mut state)
                .ok()?;
            let Some(m) = state.get_match() else {
                places.sort_unstable();
                return Some(places);
            };
            if places.len() >= budget {
                return None;
            }
            let (at, pattern) = (m.offset(), m.pattern().as_u64());
            if current != Some(at) {
                (above, current) = (current, Some(at));
            }
            places.push(((at as u64) << 8) | pattern);
            // When several patterns start at one place, regex-automata 0.4
            // reports the first there and the others one byte before it (its
            // reverse overlapping search gives `at + 1` for the first match of
            // a state, `at` for the next ones). A place one before the last
            // one reported may be such: the pattern is tried at both (a place
            // where the pattern does not start costs one failed test, never a
            // wrong match: see `each`).
            if above == Some(at + 1) {
                places.push((((at + 1) as u64) << 8) | pattern);
            }
        }
    }
}

/// What every match of `hir` begins with: the regex cut after its last
/// element that may not match empty (a trailing `(?:, \d{4})?` or `\b`
/// goes), that element cut the same way, and a trailing repetition kept
/// to its least count (`\d{1,2}` → `\d`). Every match of `hir` starting
/// at a place has a prefix the cut regex matches there (an assertion
/// dropped only lets more text match), so the cut regex starts at least
/// wherever `hir` does; a place where only the cut one starts costs one
/// failed test in [`Set::each`].
fn prefix(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Concat(xs) => {
            let mut kept = xs.clone();
            while kept.len() > 1
                && kept
                    .last()
                    .is_some_and(|x| x.properties().minimum_len() == Some(0))
            {
                kept.pop();
            }
            if let Some(last) = kept.pop() {
                kept.push(prefix(&last));
            }
            Hir::concat(kept)
        }
        HirKind::Alternation(xs) => Hir::alternation(xs.iter().map(prefix).collect()),
        HirKind::Capture(c) => prefix(&c.sub),
        HirKind::Repetition(r) if r.min == 1 => prefix(&r.sub),
        HirKind::Repetition(r) if r.min > 1 => Hir::repetition(Repetition {
            max: Some(r.min),
            ..r.clone()
        }),
        _ => hir.clone(),
    }
}

/// [`prefix`] of a twin, or the twin itself when its prefix could match
/// empty text (it would start everywhere).
fn prefix_or_whole(twin: Hir) -> Hir {
    let cut = prefix(&twin);
    if cut.properties().minimum_len().unwrap_or(0) > 0 {
        cut
    } else {
        twin
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn show(c: &Captures) -> String {
        format!(
            "{:?}",
            c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()
        )
    }

    /// Each pattern's matches, from the set and from the pattern alone.
    fn both(patterns: &[&str], text: &str) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
        let compiled = |p: &&str| Pattern::new(Regex::new(p).unwrap());
        let want = patterns
            .iter()
            .map(|p| compiled(p).captures_iter(text).map(|c| show(&c)).collect())
            .collect();
        let set = Set::new(patterns.iter().map(|p| p.to_string()).collect());
        let mut got = vec![Vec::new(); patterns.len()];
        set.each(text, |i, c| got[i].push(show(&c)));
        (got, want)
    }

    #[test]
    fn each_pattern_gets_its_own_matches_overlapping_the_others() {
        let text = "“Mr Tokaïev met Çavuşoğlu” on Tuesday, Feb. 28, 2023 — Tuesday’s talks; \
                    monday 3/4, Tokai, tues 12 Feb and 2023-02-28 in Astana. Feb";
        let patterns = [
            r"(?i)\b(?:next\s+)?(?P<wd>tuesday|tues|monday)\b",
            r"(?i)\b(?P<m>feb)\.?(?:\s+(?P<d>\d{1,2}))?\b(?:,\s+(?P<y>\d{4}))?",
            r"(?i)\b(?P<d>\d{1,2})\s+(?P<m>feb)\b",
            r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b",
            r"\bTok\w+",
            r"\b\d+\b",
            r"(?i)\bfeb\b\s*$",
        ];
        let set = Set::new(patterns.iter().map(|p| p.to_string()).collect());
        assert!(set.starts.is_some(), "every pattern has a twin: one pass");
        let (got, want) = both(&patterns, text);
        assert!(want.iter().all(|w| !w.is_empty()), "{want:?}");
        assert_eq!(got, want);
    }

    #[test]
    fn a_cleared_thread_builds_its_cache_again_and_finds_the_same() {
        let patterns = [r"(?i)\b(?P<m>feb)\.?\s+(?P<d>\d{1,2})\b", r"\b\d{4}\b"];
        let set = Set::new(patterns.iter().map(|p| p.to_string()).collect());
        let text = "On Feb. 24, 2023 and feb 28 in 2022.";
        let found = || {
            let mut got = Vec::new();
            set.each(text, |i, c| got.push((i, show(&c))));
            got
        };
        let cached = || CACHES.with_borrow(|c| c.iter().any(|(n, _)| *n == set.number));
        let first = found();
        assert_eq!(first.len(), 4, "{first:?}");
        assert!(cached());
        clear_thread_caches();
        assert!(!cached());
        assert_eq!(found(), first);
        assert!(cached());
    }

    #[test]
    fn a_pattern_without_a_twin_sends_all_through_their_own_search() {
        let patterns = [r"(?-u:\b)feb(?-u:\b)", r"\bmar\b"];
        let set = Set::new(patterns.iter().map(|p| p.to_string()).collect());
        assert!(set.starts.is_none());
        let (got, want) = both(&patterns, "feb mar feb");
        assert_eq!(got, want);
        assert_eq!(got[0].len(), 2);
    }

    #[test]
    fn a_twin_is_cut_after_what_every_match_begins_with() {
        let cut = |p: &str| prefix_or_whole(regex_syntax::parse(p).unwrap()).to_string();
        let same = |p: &str| regex_syntax::parse(p).unwrap().to_string();
        assert_eq!(cut(r"feb\.?(?:\s+(\d{1,2}))?"), same("feb"));
        assert_eq!(
            cut(r"(?:on\s+)?\d{1,2}/\d{1,2}"),
            same(r"(?:on\s+)?\d{1,2}/\d")
        );
        assert_eq!(cut(r"x(?:ab){2,}y?"), same(r"x(?:ab){2}"));
        assert_eq!(cut(r"(?:a\s*$|bc?)"), same(r"(?:a|b)"));
        assert_eq!(
            cut(r"a?"),
            same("a?"),
            "a cut that matches empty text is not used"
        );
    }

    #[test]
    fn too_many_places_fall_back_with_the_same_matches() {
        let text = "1 ".repeat(3000);
        let patterns = [r"\b\d\b", r"\b\d\s+\d\b"];
        let set = Set::new(patterns.iter().map(|p| p.to_string()).collect());
        assert!(set.places(&text).is_none(), "two places per two bytes");
        assert!(set.places("1 1 and some more words here").is_some());
        let (got, want) = both(&patterns, &text);
        assert_eq!((got[0].len(), got[1].len()), (3000, 1500));
        assert_eq!(got, want);
    }
}
