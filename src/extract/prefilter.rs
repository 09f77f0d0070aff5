//! The prefilter: decides, with one pass of Aho-Corasick over an article,
//! which facts can possibly match in it, so that only their regexes run.
//! With a library of hundreds of facts most articles mention none of them,
//! and a regex that starts with `{number}` has no literal prefix the regex
//! engine could skip ahead with: without this, every fact's regex would scan
//! every article.
//!
//! For each pattern we derive from its syntax tree a set of literals of which
//! at least one must occur in any match ("border", or "favo" for
//! `favou?r`; ASCII case folded). A fact is a candidate in an article when
//! one of its literals occurs there (ASCII case-insensitively, which only
//! widens the set), or when one of its patterns has no such literal. The
//! filter is exact in effect: it only skips regexes that cannot match.
//! A cue-based fact is a candidate where a piece of one of its cues occurs
//! that every inflected form of the cue contains (`text::words::literal`).

use crate::rules::RuleSet;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::{BTreeSet, HashMap};

/// More alternatives than this and a pattern counts as having no literal.
const MAX_ALTERNATIVES: usize = 64;

/// Which facts can occur in a text.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Literal search; `None` when no fact has literals.
    searcher: Option<AhoCorasick>,
    /// For each literal of `searcher`: the facts it stands for (empty: a
    /// character that case folding maps to an ASCII letter, "K" the Kelvin
    /// sign; seeing it makes every fact a candidate).
    owners: Vec<Vec<usize>>,
    /// Facts that must always run (a pattern without a required literal).
    always: Vec<bool>,
}

impl Prefilter {
    /// Builds the filter for every fact of `rules`.
    pub fn new(rules: &RuleSet) -> Prefilter {
        let mut always = vec![false; rules.facts.len()];
        let mut guards = BTreeSet::new();
        // How many cue facts each piece of a cue word stands for.
        let mut cue_users: HashMap<String, usize> = HashMap::new();
        for fact in rules.facts.iter().filter(|f| f.reads_near_cues()) {
            let pieces: BTreeSet<String> = fact
                .cues
                .iter()
                .flat_map(|c| &c.cues)
                .flat_map(|c| &c.words)
                .filter_map(|w| crate::text::words::literal(w))
                .collect();
            for piece in pieces {
                *cue_users.entry(piece).or_default() += 1;
            }
        }
        // Pass 1: every literal set that would do for each pattern.
        let mut choices: Vec<(usize, Vec<LiteralSet>)> = Vec::new();
        for (i, fact) in rules.facts.iter().enumerate() {
            // A cue-based fact needs one of its cues: a piece of each.
            if fact.reads_near_cues() {
                match cue_literals(fact, &cue_users) {
                    Some(set) => {
                        if set.iter().any(|l| l.contains(&b'k')) {
                            guards.insert('\u{212A}');
                        }
                        choices.push((i, vec![set]));
                    }
                    None => always[i] = true,
                }
                continue;
            }
            // Kinds that find their own spans (names) look at every article,
            // unless the spans hold one of a few pieces (a term's typos).
            if fact.patterns.is_empty() {
                always[i] = true;
            } else if fact.normalizer.find_spans("").is_some() {
                match fact.normalizer.span_literals() {
                    Some(pieces) => {
                        let set: LiteralSet = pieces
                            .into_iter()
                            .map(|p| p.to_ascii_lowercase().into_bytes())
                            .collect();
                        if set.iter().any(|l| l.contains(&b'k')) {
                            guards.insert('\u{212A}');
                        }
                        choices.push((i, vec![set]));
                    }
                    None => always[i] = true,
                }
            }
            for pattern in &fact.patterns {
                let options: Vec<LiteralSet> = pattern
                    .scan
                    .hir()
                    .map(|hir| alternatives(&hir, &mut guards))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|set| set.iter().all(|l| !l.is_empty()))
                    .collect();
                if options.is_empty() {
                    always[i] = true;
                } else {
                    choices.push((i, options));
                }
            }
        }
        // Pass 2: a literal many facts share ("council", "pipeline") lets
        // all of them through wherever it occurs; prefer literals few facts
        // use (a name), then longer ones.
        let mut users: HashMap<&[u8], BTreeSet<usize>> = HashMap::new();
        for (fact, options) in &choices {
            for literal in options.iter().flatten() {
                users.entry(literal.as_slice()).or_default().insert(*fact);
            }
        }
        let shared = |set: &LiteralSet| {
            set.iter()
                .map(|l| users[l.as_slice()].len())
                .max()
                .unwrap_or(0)
        };
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        for (fact, options) in &choices {
            let best = options
                .iter()
                .min_by_key(|set| (shared(set), std::cmp::Reverse(score(set))))
                .expect("options are not empty");
            for literal in best {
                let at = *index.entry(literal.clone()).or_insert_with(|| {
                    literals.push(literal.clone());
                    owners.push(Vec::new());
                    literals.len() - 1
                });
                if !owners[at].contains(fact) {
                    owners[at].push(*fact);
                }
            }
        }
        for guard in guards {
            let mut buf = [0; 4];
            literals.push(guard.encode_utf8(&mut buf).as_bytes().to_vec());
            owners.push(Vec::new());
        }
        // Standard semantics, so that overlapping search reports every
        // literal that occurs ("order" inside "border").
        let searcher = (!literals.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&literals)
                .expect("literals of bounded size always build")
        });
        Prefilter {
            searcher,
            owners,
            always,
        }
    }

    /// A filter that lets every fact run (`facts` facts).
    pub fn everything(facts: usize) -> Prefilter {
        Prefilter {
            searcher: None,
            owners: Vec::new(),
            always: vec![true; facts],
        }
    }

    /// For each fact, whether it can match in `text`.
    pub fn candidates(&self, text: &str) -> Vec<bool> {
        let mut wanted = self.always.clone();
        let Some(searcher) = &self.searcher else {
            return wanted;
        };
        for m in searcher.find_overlapping_iter(text) {
            let owners = &self.owners[m.pattern().as_usize()];
            if owners.is_empty() {
                return vec![true; wanted.len()];
            }
            for &fact in owners {
                wanted[fact] = true;
            }
        }
        wanted
    }

    /// How many facts always run (no literal found in one of their patterns).
    pub fn unfiltered(&self) -> usize {
        self.always.iter().filter(|a| **a).count()
    }
}

/// Literals (ASCII lower-cased), one of which occurs in every match.
type LiteralSet = Vec<Vec<u8>>;

/// For a cue-based fact, one piece of text per cue that every form of the
/// cue contains (of its words, the one fewest facts share, then the
/// longest: "velmoran" rather than "council"); `None` when a cue has none.
fn cue_literals(fact: &crate::rules::Fact, users: &HashMap<String, usize>) -> Option<LiteralSet> {
    let cues = fact.cues.as_ref()?;
    let mut set = LiteralSet::new();
    for cue in &cues.cues {
        let best = cue
            .words
            .iter()
            .filter_map(|w| crate::text::words::literal(w))
            .min_by_key(|l| (users.get(l).copied().unwrap_or(0), usize::MAX - l.len()))?;
        if !set.contains(&best.clone().into_bytes()) {
            set.push(best.into_bytes());
        }
    }
    Some(set)
}

/// Every literal set [`required`] could pick for a pattern: at the top level
/// of a concatenation each run of characters and each item's own set.
fn alternatives(hir: &Hir, guards: &mut BTreeSet<char>) -> Vec<LiteralSet> {
    match hir.kind() {
        HirKind::Capture(cap) => alternatives(&cap.sub, guards),
        HirKind::Concat(items) => concat_candidates(items, guards),
        _ => required(hir, guards).into_iter().collect(),
    }
}

/// The literal sets of a concatenation, in order: each run of adjacent single
/// characters is a literal, and each other item's own requirement a set.
fn concat_candidates(items: &[Hir], guards: &mut BTreeSet<char>) -> Vec<LiteralSet> {
    let mut found = Vec::new();
    let mut run: Vec<u8> = Vec::new();
    for item in items {
        match item.kind() {
            HirKind::Look(_) | HirKind::Empty => continue,
            HirKind::Literal(lit) => run.extend(lit.0.to_ascii_lowercase()),
            HirKind::Class(_) if letter(item, guards).is_some() => {
                run.extend(letter(item, guards).unwrap_or_default());
            }
            _ => {
                if !run.is_empty() {
                    found.push(vec![std::mem::take(&mut run)]);
                }
                found.extend(required(item, guards));
            }
        }
    }
    if !run.is_empty() {
        found.push(vec![run]);
    }
    found
}

/// A set of literals (ASCII lower-cased) one of which occurs in every match
/// of `hir`, or `None` when there is no such set. Non-ASCII characters that
/// fold to an ASCII letter under `(?i)` go to `guards`.
fn required(hir: &Hir, guards: &mut BTreeSet<char>) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_ascii_lowercase()]),
        HirKind::Class(_) => letter(hir, guards).map(|c| vec![c]),
        HirKind::Capture(cap) => required(&cap.sub, guards),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub, guards),
        HirKind::Alternation(branches) => {
            let mut all: Vec<Vec<u8>> = Vec::new();
            for branch in branches {
                for literal in required(branch, guards)? {
                    if !all.contains(&literal) {
                        all.push(literal);
                    }
                }
            }
            (all.len() <= MAX_ALTERNATIVES).then_some(all)
        }
        HirKind::Concat(items) => {
            // Keep the most selective candidate (the first of equals).
            let mut best: Option<LiteralSet> = None;
            for set in concat_candidates(items, guards) {
                if best.as_ref().is_none_or(|b| score(&set) > score(b)) {
                    best = Some(set);
                }
            }
            best
        }
        _ => None,
    }
}

/// How selective a literal set is: its shortest literal, then fewer literals.
fn score(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    (
        set.iter().map(Vec::len).min().unwrap_or(0),
        std::cmp::Reverse(set.len()),
    )
}

/// The one character a class stands for (its UTF-8, ASCII lower-cased):
/// a single character, or an ASCII letter in both cases (plus characters that
/// fold to it, which become guards).
fn letter(hir: &Hir, guards: &mut BTreeSet<char>) -> Option<Vec<u8>> {
    let HirKind::Class(class) = hir.kind() else {
        return None;
    };
    let chars: Vec<char> = match class {
        Class::Unicode(c) => {
            let mut chars = Vec::new();
            for r in c.ranges() {
                if (r.end() as u32) - (r.start() as u32) > 3 || chars.len() > 4 {
                    return None;
                }
                chars.extend(r.start()..=r.end());
            }
            chars
        }
        Class::Bytes(c) => {
            let mut chars = Vec::new();
            for r in c.ranges() {
                if r.end() - r.start() > 3 || !r.end().is_ascii() {
                    return None;
                }
                chars.extend((r.start()..=r.end()).map(char::from));
            }
            chars
        }
    };
    let (ascii, other): (Vec<char>, Vec<char>) = chars.iter().partition(|c| c.is_ascii());
    match ascii.as_slice() {
        [one] if other.is_empty() => Some(vec![one.to_ascii_lowercase() as u8]),
        [] if other.len() == 1 => Some(other[0].to_string().into_bytes()),
        [a, b] if a.is_ascii_alphabetic() && a.eq_ignore_ascii_case(b) => {
            guards.extend(other);
            Some(vec![a.to_ascii_lowercase() as u8])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Option<Vec<String>> {
        let mut guards = BTreeSet::new();
        let hir = regex_syntax::parse(&crate::rules::placeholders::expand(pattern)).unwrap();
        required(&hir, &mut guards).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn finds_the_most_selective_required_literal() {
        assert_eq!(
            literals(r"(?i)(?P<value>{number})\s+(?:voted\s+)?in\s+favou?r\b").unwrap(),
            ["favo"]
        );
        assert_eq!(
            literals(r"(?i)border\s+(?P<value>{number})").unwrap(),
            ["border"]
        );
        assert_eq!(
            literals(r"Pompeo,?\s+in\s+(?P<value>\d{4})").unwrap(),
            ["pompeo"]
        );
        assert_eq!(
            literals(r"(?i)(?:aid|assistance|funding)\s+of\s+(?P<value>{number})").unwrap(),
            ["aid", "assistance", "funding"]
        );
        assert_eq!(literals(r"\b(?P<value>C-?5\s?\+?\s?1)\b").unwrap(), ["c"]);
        assert_eq!(literals(r"(?P<value>\d+)\s*(?:km)?"), None);
    }

    #[test]
    fn candidates_are_exactly_the_facts_whose_literals_occur() {
        let dir = tempfile::tempdir().unwrap();
        let rules = "[[fact]]\nid = \"a\"\nclaim = \"a\"\nkind = \"number\"\npatterns = ['(?i)(?P<value>{number}) kilometres of pipe']\n\
                     [[fact]]\nid = \"b\"\nclaim = \"b\"\nkind = \"year\"\npatterns = ['treaty of (?P<value>\\d{4})']\n\
                     [[fact]]\nid = \"c\"\nclaim = \"c\"\nkind = \"number\"\npatterns = ['(?P<value>\\d+)']\n";
        std::fs::write(dir.path().join("r.toml"), rules).unwrap();
        let rules = RuleSet::load(&[dir.path().to_path_buf()]).unwrap();
        let filter = Prefilter::new(&rules);
        assert_eq!(filter.unfiltered(), 1);
        assert_eq!(
            filter.candidates("12 KILOMETRES OF PIPE"),
            [true, false, true]
        );
        assert_eq!(filter.candidates("the Treaty of 1990"), [false, true, true]);
        assert_eq!(filter.candidates("the treaty of 1990"), [false, true, true]);
        // "\u{212A}" (Kelvin sign) matches (?i)k: every fact must run.
        assert_eq!(
            filter.candidates("12 \u{212A}ILOMETRES OF PIPE"),
            [true, true, true]
        );
        assert!(rules.facts[0].patterns[0]
            .regex
            .is_match("12 \u{212A}ILOMETRES OF PIPE"));
    }

    #[test]
    fn cue_facts_run_where_a_piece_of_a_cue_occurs() {
        let dir = tempfile::tempdir().unwrap();
        let rules = "[[fact]]\nid = \"a\"\nclaim = \"a\"\nkind = \"number\"\ncues = [\"casualties\", \"evacuated\"]\n\
                     [[fact]]\nid = \"b\"\nclaim = \"b\"\nkind = \"number\"\ncues = [\"Velmoran council\", \"dead\"]\n";
        std::fs::write(dir.path().join("r.toml"), rules).unwrap();
        let rules = RuleSet::load(&[dir.path().to_path_buf()]).unwrap();
        let filter = Prefilter::new(&rules);
        // "dead" is too short to have a safe piece: fact b always runs.
        assert_eq!(filter.unfiltered(), 1);
        assert_eq!(filter.candidates("One CASUALTY was reported"), [true, true]);
        assert_eq!(filter.candidates("the evacuation went on"), [true, true]);
        assert_eq!(filter.candidates("nothing here"), [false, true]);
    }

    #[test]
    fn term_facts_run_where_their_word_or_a_typo_of_it_occurs() {
        let dir = tempfile::tempdir().unwrap();
        let rules = "[[fact]]\nid = \"a\"\nclaim = \"a\"\nkind = \"term\"\ncanonical = \"Kroger Albertsons\"\n\
                     [[fact]]\nid = \"b\"\nclaim = \"b\"\nkind = \"term\"\ncanonical = \"Çavuşoğlu\"\n\
                     [[fact]]\nid = \"c\"\nclaim = \"c\"\nkind = \"term\"\ncanonical = \"Kazakhstan\"\n";
        std::fs::write(dir.path().join("r.toml"), rules).unwrap();
        let rules = RuleSet::load(&[dir.path().to_path_buf()]).unwrap();
        let filter = Prefilter::new(&rules);
        // No long word in ASCII: the second fact reads every article.
        assert_eq!(filter.unfiltered(), 1);
        for typo in [
            "Albertsons",
            "ALBERSTONS",
            "Albertons",
            "Albertssons",
            "lbertsons",
        ] {
            assert_eq!(
                filter.candidates(&format!("Kroger {typo}")),
                [true, true, false],
                "{typo}"
            );
        }
        assert_eq!(filter.candidates("Kroger Albany"), [false, true, false]);
        assert_eq!(filter.candidates("Kroger Alberxsons"), [false, true, false]);
        assert_eq!(filter.candidates("in Kazakshtan"), [false, true, true]);
        // A Kelvin sign is a "k" in lower case: where a piece has a "k",
        // every fact runs.
        assert_eq!(filter.candidates("\u{212A}azakhstan"), [true, true, true]);
    }

    #[test]
    fn prefers_literals_few_facts_share() {
        let dir = tempfile::tempdir().unwrap();
        let fact = |id: &str, name: &str| {
            format!("[[fact]]\nid = \"{id}\"\nclaim = \"c\"\nkind = \"number\"\npatterns = ['(?i)the {name} council has (?P<value>{{number}}) members']\n")
        };
        let text = fact("a", "Vel") + &fact("b", "Tor") + &fact("c", "Kar");
        std::fs::write(dir.path().join("r.toml"), text).unwrap();
        let rules = RuleSet::load(&[dir.path().to_path_buf()]).unwrap();
        let filter = Prefilter::new(&rules);
        // "council" and "members" are longer, but every fact has them.
        assert_eq!(
            filter.candidates("the Tor council has 41 members"),
            [false, true, false]
        );
        assert_eq!(
            filter.candidates("the city council has 41 members"),
            [false, false, false]
        );
    }
}
