//! Names and terms as articles spell them. A person's name is a run of two
//! or more capitalized words (an office before it, "Foreign Minister", is
//! left out, as are sentence words such as "During"); a term is a token of
//! letters and digits ("C5+1", "C5 1", "G20") or an acronym of three to six
//! capitals. Spellings of one name are grouped by the name kind's folding
//! ([`crate::normalize::fold`]: diacritics, transliteration skeletons,
//! Damerau-Levenshtein ≥ 0.85 on the surname); spellings of one term by the
//! term kind's (letters and digits alike, spacing and punctuation free; an
//! acronym garbled by one slip, [`crate::normalize::term::garbled`]).

use crate::normalize::fold::{self, capitalized, fold, similarity, skeleton, spelling};
use crate::normalize::name::{is_stopword, is_title_word, DEFAULT_THRESHOLD};
use crate::normalize::term;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

/// The most words of a name kept (given names and surname).
const NAME_WORDS: usize = 3;
/// How alike the given names of two spellings must be (their skeletons).
const GIVEN_SIMILARITY: f64 = 0.6;

/// Every name in `text[within]`, as written, each once.
pub fn names(text: &str, within: Range<usize>) -> BTreeSet<String> {
    let body = &text[within];
    let words = fold::words(body);
    let mut out = BTreeSet::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    let mut flush = |run: &mut Vec<Range<usize>>| {
        if run.len() >= 2 {
            let keep = &run[run.len().saturating_sub(NAME_WORDS)..];
            out.insert(body[keep[0].start..keep[keep.len() - 1].end].to_string());
        }
        run.clear();
    };
    for (i, w) in words.iter().enumerate() {
        let word = &body[w.core.clone()];
        let folded = fold(word);
        // Names are written in capitals with lower case after ("Tokayev",
        // not "US" or "NATO"); offices and sentence words break a run.
        // "US-Central" holds an acronym: no name word.
        let acronym = word
            .split(['-', '‐'])
            .any(|p| p.chars().filter(|c| c.is_uppercase()).count() >= 2);
        let name_like = capitalized(word)
            && !acronym
            && word.chars().skip(1).any(char::is_lowercase)
            && !word.chars().any(|c| c.is_ascii_digit())
            && !is_stopword(&folded)
            && !is_title_word(&folded);
        let joined = i > 0 && {
            let gap = &body[words[i - 1].span.end..w.span.start];
            gap == " " || gap == "\u{a0}"
        };
        if !name_like || !joined || run.is_empty() {
            flush(&mut run);
        }
        if name_like {
            run.push(w.core.clone());
            // A possessive ends the name ("Kazakhstan’s President").
            if w.core != w.span {
                flush(&mut run);
            }
        }
    }
    flush(&mut run);
    out
}

static TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[A-Z][A-Za-z]{0,4}-?\d{1,4}(?:\s?\+\s?\d{1,3}|\s\d)?\b|[A-Z]{3,6}\b)")
        .expect("the term pattern is valid")
});

/// Every term in `text[within]`, as written, each once.
pub fn terms(text: &str, within: Range<usize>) -> BTreeSet<String> {
    TERM.find_iter(&text[within])
        .map(|m| m.as_str().to_string())
        .filter(|t| {
            // A lone capital word in a headline in capitals is no acronym.
            let letters: String = t.chars().filter(|c| c.is_alphabetic()).collect();
            !letters.is_empty()
        })
        .collect()
}

/// One name or term with its spellings: each as written, with the
/// articles (by index) that write it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spellings {
    pub forms: BTreeMap<String, BTreeSet<usize>>,
}

impl Spellings {
    /// How many articles write it in any form.
    pub fn articles(&self) -> usize {
        self.forms.values().flatten().collect::<BTreeSet<_>>().len()
    }

    /// The spelling most articles write (ties: the longer, which keeps
    /// what a garbled form lost, "C5+1" over "C5 1"; then the first).
    pub fn canonical(&self) -> &str {
        self.forms
            .iter()
            .max_by(|a, b| {
                (a.1.len(), written(a.0))
                    .cmp(&(b.1.len(), written(b.0)))
                    .then(b.0.cmp(a.0))
            })
            .map_or("", |(f, _)| f.as_str())
    }
}

/// Characters other than white space: what a spelling keeps.
fn written(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Groups name spellings (each with its articles) into people whose
/// spellings differ: same surname skeleton (similarity ≥ 0.85) and alike
/// given names. Only groups with two spellings or more are returned.
pub fn group_names(seen: &BTreeMap<String, BTreeSet<usize>>) -> Vec<Spellings> {
    let parts: Vec<(String, String, String)> = seen
        .keys()
        .map(|n| {
            let folded = fold(n);
            let mut words: Vec<&str> = folded.split(' ').collect();
            let surname = words.pop().unwrap_or_default().to_string();
            (skeleton(&surname), skeleton(&words.join(" ")), spelling(n))
        })
        .collect();
    let alike = |a: usize, b: usize| {
        let (sa, ga, _) = &parts[a];
        let (sb, gb, _) = &parts[b];
        similarity(sa, sb) >= DEFAULT_THRESHOLD
            && (ga.is_empty() || gb.is_empty() || similarity(ga, gb) >= GIVEN_SIMILARITY)
    };
    let names: Vec<&String> = seen.keys().collect();
    let groups = union(names.len(), |a, b| {
        parts[a].0.chars().next() == parts[b].0.chars().next() && alike(a, b)
    });
    groups
        .into_iter()
        .map(|members| {
            let mut s = Spellings::default();
            for m in members {
                s.forms.insert(names[m].clone(), seen[names[m]].clone());
            }
            s
        })
        // The surname itself is spelled two ways ("Tokayev", "Tokaïev"):
        // "Southwest China" and "Southern China" are not one name spelled
        // otherwise, nor "North Africa" and "North African" ("TOKAYEV" and
        // "Tokayev" are one spelling).
        .filter(|s| {
            let surnames: BTreeSet<String> = s
                .forms
                .keys()
                .filter_map(|f| spelling(f).rsplit(' ').next().map(str::to_string))
                .collect();
            let stem_of_other = surnames
                .iter()
                .any(|a| surnames.iter().any(|b| a != b && b.starts_with(a.as_str())));
            surnames.len() >= 2 && !stem_of_other
        })
        .collect()
}

/// Groups term spellings: the same letters and digits ("C5+1", "C5 1"), or
/// an acronym and its one-slip garbles. Only groups of two spellings or more.
pub fn group_terms(seen: &BTreeMap<String, BTreeSet<usize>>) -> Vec<Spellings> {
    let terms: Vec<&String> = seen.keys().collect();
    let squash = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let keys: Vec<String> = terms.iter().map(|t| squash(t)).collect();
    let garbles: Vec<BTreeSet<String>> = terms
        .iter()
        .map(|t| {
            let acronym = t.chars().all(|c| c.is_ascii_uppercase());
            if acronym {
                term::garbled(t).into_keys().map(|g| squash(&g)).collect()
            } else {
                BTreeSet::new()
            }
        })
        .collect();
    let groups = union(terms.len(), |a, b| {
        keys[a] == keys[b] || garbles[a].contains(&keys[b]) || garbles[b].contains(&keys[a])
    });
    groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|members| {
            let mut s = Spellings::default();
            for m in members {
                s.forms.insert(terms[m].clone(), seen[terms[m]].clone());
            }
            s
        })
        .collect()
}

/// Groups of `0..n` linked by `linked` (transitively), each sorted, in order of their first.
fn union(n: usize, linked: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for a in 0..n {
        for b in a + 1..n {
            if linked(a, b) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        names(text, 0..text.len()).into_iter().collect()
    }

    #[test]
    fn names_leave_offices_and_sentence_words_out() {
        assert_eq!(
            all("During the meetings with Kazakh Foreign Minister Mukhtar Tileuberdi and then with Kazakh President Kassym-Jomart Tokayev, Blinken spoke."),
            ["Kassym-Jomart Tokayev", "Mukhtar Tileuberdi"]
        );
        assert_eq!(
            all("Tajikistan’s President, Emomali Rakhmon, caused a stir; the US and NATO did not."),
            ["Emomali Rakhmon"]
        );
    }

    #[test]
    fn spellings_of_one_person_group_together() {
        let mut seen = BTreeMap::new();
        for (name, article) in [
            ("Kassym-Jomart Tokaïev", 0),
            ("Kasim-Yomart Tokayev", 1),
            ("Kassym-Jomart Tokayev", 2),
            ("Kassym-Jomart Tokayev", 3),
            ("Mukhtar Tleouberdi", 2),
            ("Mukhtar Tleuberdi", 1),
            ("Mukhtar Tileuberdi", 4),
            ("Nurlan Tokayev", 4),
            ("Antony Blinken", 0),
            ("Antony Blinken", 1),
        ] {
            seen.entry(name.to_string())
                .or_insert_with(BTreeSet::new)
                .insert(article);
        }
        let groups = group_names(&seen);
        let forms: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.forms.keys().map(String::as_str).collect())
            .collect();
        assert_eq!(
            forms,
            [
                vec![
                    "Kasim-Yomart Tokayev",
                    "Kassym-Jomart Tokayev",
                    "Kassym-Jomart Tokaïev"
                ],
                vec![
                    "Mukhtar Tileuberdi",
                    "Mukhtar Tleouberdi",
                    "Mukhtar Tleuberdi"
                ],
            ],
            "Nurlan Tokayev is another person; Blinken has one spelling"
        );
        assert_eq!(groups[0].canonical(), "Kassym-Jomart Tokayev");
        assert_eq!(groups[0].articles(), 4);
    }

    #[test]
    fn terms_group_by_letters_and_digits_and_garbles() {
        let text =
            "the so-called C5 1. A meeting of the C5+1 group, the HLSCC and the HSLCC, the G20.";
        let found = terms(text, 0..text.len());
        assert_eq!(
            found.iter().map(String::as_str).collect::<Vec<_>>(),
            ["C5 1", "C5+1", "G20", "HLSCC", "HSLCC"]
        );
        let seen: BTreeMap<String, BTreeSet<usize>> = found
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, BTreeSet::from([i])))
            .collect();
        let groups = group_terms(&seen);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].canonical(), "C5+1", "the longer of a tie");
        assert_eq!(
            groups[1].forms.keys().collect::<Vec<_>>(),
            ["HLSCC", "HSLCC"]
        );
    }
}
