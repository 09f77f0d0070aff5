//! `kind = "term"`: a name of a thing with one canonical spelling ("C5+1")
//! and known variants ("C5 1": the plus sign lost in translation). A variant
//! is the same term written otherwise: reported as a conflict against the
//! canonical spelling, with a hint saying how it differs. Options:
//! `canonical` (required) and `variants` (a list of spellings, or a table of
//! spelling = "hint").
//!
//! `patterns` are optional: without them the term is found by a pattern
//! made from its spellings ([`Term::default_patterns`]) that lets spaces and
//! punctuation between letters and digits vary ("C5 1", "C-5+1", "C5 + 1")
//! and stops at word boundaries, so "C5+1's" and "(C5+1)" are found and
//! "C5 10" is not. The value is the spelling as written, without brackets,
//! quotes or a possessive "'s".
//!
//! Typos of long words are found without being listed ([`near_spelling`]):
//! a word of seven letters or more written with two letters swapped
//! ("Alberstons" for "Albertsons"), one letter dropped or one doubled is the
//! term misspelled, reported with that hint.

use super::{Key, Kind, Normalized, Normalizer, RawMatch};
use std::collections::BTreeMap;

pub struct TermKind;

impl Kind for TermKind {
    fn name(&self) -> &'static str {
        "term"
    }

    fn options(&self) -> &'static [&'static str] {
        &["canonical", "variants", "acronym"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let canonical = options
            .get("canonical")
            .ok_or("a term fact needs `canonical` (the spelling of record)")?
            .as_str()
            .ok_or("`canonical` must be a string")?;
        let mut variants = BTreeMap::new();
        match options.get("variants") {
            None => {}
            Some(toml::Value::Array(list)) => {
                for v in list {
                    let v = v.as_str().ok_or("`variants` must hold strings")?;
                    variants.insert(collapse(v), explain(v, canonical));
                }
            }
            Some(toml::Value::Table(table)) => {
                for (v, hint) in table {
                    let hint = hint
                        .as_str()
                        .ok_or("each variant's hint must be a string")?;
                    variants.insert(collapse(v), hint.to_string());
                }
            }
            Some(_) => {
                return Err(
                    "`variants` must be a list of spellings or a table of spelling = \"hint\""
                        .into(),
                )
            }
        }
        let acronym = match options.get("acronym") {
            None => None,
            Some(toml::Value::String(a))
                if a.chars().count() >= 2 && a.chars().all(char::is_alphanumeric) =>
            {
                Some(a.clone())
            }
            Some(_) => {
                return Err(
                    "`acronym` must be letters and digits, at least two, such as \"HLSCC\"".into(),
                )
            }
        };
        Ok(Box::new(Term {
            typos: find::Typos::new(&collapse(canonical)),
            canonical: collapse(canonical),
            variants,
            acronym,
        }))
    }
}

#[derive(Debug)]
pub struct Term {
    pub canonical: String,
    /// Known variant spelling → hint.
    pub variants: BTreeMap<String, String>,
    /// The acronym of the canonical spelling ("HLSCC"), when the rule gives one.
    pub acronym: Option<String>,
    /// The canonical words whose typos are found; `None` without a long word.
    typos: Option<find::Typos>,
}

/// Misspellings of `acronym` by one slip, each with its hint: a letter
/// dropped, two neighbours swapped, a letter doubled. Empty under four letters.
pub fn garbled(acronym: &str) -> BTreeMap<String, String> {
    let letters: Vec<char> = acronym.chars().collect();
    let mut out = BTreeMap::new();
    if letters.len() < 4 {
        return out;
    }
    let mut add = |form: Vec<char>, hint: String| {
        let form: String = form.into_iter().collect();
        if form != acronym {
            out.entry(form).or_insert(hint);
        }
    };
    for i in 0..letters.len() {
        let mut dropped = letters.clone();
        let c = dropped.remove(i);
        add(
            dropped,
            format!("letter dropped ({c}), acronym of record {acronym}"),
        );
        let mut doubled = letters.clone();
        doubled.insert(i, letters[i]);
        add(
            doubled,
            format!("letter doubled ({c}), acronym of record {acronym}"),
        );
        if i + 1 < letters.len() {
            let mut swapped = letters.clone();
            swapped.swap(i, i + 1);
            let (a, b) = (letters[i], letters[i + 1]);
            add(
                swapped,
                format!("letters swapped ({a}{b}), acronym of record {acronym}"),
            );
        }
    }
    out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Words of the canonical spelling this long or longer have their typos found.
const LONG_WORD: usize = 7;

/// How `written` is a typo of `canonical` (compared in lower case): "letters
/// swapped", "letter dropped", "letter doubled"; `None` when it is not one
/// of those (or is the same word).
pub fn near_spelling(written: &str, canonical: &str) -> Option<&'static str> {
    let w: Vec<char> = written.to_lowercase().chars().collect();
    let c: Vec<char> = canonical.to_lowercase().chars().collect();
    match w.len() as isize - c.len() as isize {
        0 => {
            let diffs: Vec<usize> = (0..w.len()).filter(|&i| w[i] != c[i]).collect();
            match diffs[..] {
                [a, b] if b == a + 1 && w[a] == c[b] && w[b] == c[a] => Some("letters swapped"),
                _ => None,
            }
        }
        -1 => (0..c.len())
            .any(|i| c[..i] == w[..i] && c[i + 1..] == w[i..])
            .then_some("letter dropped"),
        1 => (1..w.len())
            .any(|i| w[i] == w[i - 1] && w[..i] == c[..i] && w[i + 1..] == c[i..])
            .then_some("letter doubled"),
        _ => None,
    }
}

/// A hint for how `variant` differs from `canonical`: "plus sign lost",
/// "hyphen added", "spacing differs", "capitalization differs", "letters
/// swapped".
pub fn explain(variant: &str, canonical: &str) -> String {
    if squash(variant) != squash(canonical) {
        if squash(variant).to_lowercase() == squash(canonical).to_lowercase() {
            return "capitalization differs".into();
        }
        if let Some(typo) = near_spelling(&squash(variant), &squash(canonical)) {
            return typo.into();
        }
        return "spelled otherwise".into();
    }
    let marks = |s: &str| {
        let mut m: Vec<char> = s
            .chars()
            .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .collect();
        m.sort_unstable();
        m
    };
    let mut mine = marks(variant);
    let mut parts = Vec::new();
    for c in marks(canonical) {
        match mine.iter().position(|m| *m == c) {
            Some(i) => {
                mine.remove(i);
            }
            None => parts.push(format!("{} lost", mark_name(c))),
        }
    }
    parts.extend(mine.iter().map(|c| format!("{} added", mark_name(*c))));
    if parts.is_empty() {
        return "spacing differs".into();
    }
    parts.dedup();
    parts.join(", ")
}

fn mark_name(c: char) -> String {
    match c {
        '+' => "plus sign".into(),
        '-' | '‐' | '‑' => "hyphen".into(),
        '–' | '—' => "dash".into(),
        '.' => "period".into(),
        '&' => "ampersand".into(),
        '/' => "slash".into(),
        '\'' | '’' => "apostrophe".into(),
        c => format!("“{c}”"),
    }
}

/// Characters that may stand between the letters and digits of a term.
const SEPARATORS: &str = r"[\s\-‐–+&/]{0,3}";

/// A regex for `spelling` that tolerates spacing and punctuation between
/// its letters and digits (where the spelling has any, or where a letter
/// meets a digit), anchored at word boundaries.
fn tolerant(spelling: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    let mut gap = false;
    for c in spelling.chars() {
        if !c.is_alphanumeric() {
            gap = prev.is_some();
            continue;
        }
        if let Some(p) = prev {
            if gap || p.is_alphabetic() != c.is_alphabetic() {
                out.push_str(SEPARATORS);
            }
        }
        out.push_str(&regex::escape(&c.to_string()));
        prev = Some(c);
        gap = false;
    }
    bounded(spelling, out)
}

/// A regex for `spelling` as written, spaces free.
fn literal(spelling: &str) -> String {
    let body = spelling
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    bounded(spelling, body)
}

/// `\b` at each end of `body` where the spelling starts or ends with a word character.
fn bounded(spelling: &str, body: String) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let start = if word(spelling.chars().next()) {
        r"\b"
    } else {
        ""
    };
    let end = if word(spelling.chars().last()) {
        r"\b"
    } else {
        ""
    };
    format!("{start}(?:{body}){end}")
}

/// The value as written, without what surrounds a term in running text:
/// brackets, quotes, a trailing comma, a possessive.
fn trim_written(text: &str) -> &str {
    let mut t = text.trim_matches(|c: char| "()[]{}\"“”‘'’,;:".contains(c) || c.is_whitespace());
    for s in ["'s", "’s"] {
        t = t.strip_suffix(s).unwrap_or(t);
    }
    t.trim_matches(|c: char| "()[]{}\"“”‘'’".contains(c) || c.is_whitespace())
}

impl Normalizer for Term {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let written = collapse(trim_written(m.value_str()));
        if written.is_empty() {
            return Err("empty term".into());
        }
        if let Some(acronym) = &self.acronym {
            if written == *acronym {
                // The acronym is the term itself: it agrees with the spelled-out form.
                let key = Key::Label(self.canonical.clone());
                return Ok(vec![
                    Normalized::new(written, key).note(format!("acronym of {}", self.canonical))
                ]);
            }
            if let Some(hint) = garbled(acronym).get(&written) {
                let n = Normalized::new(written.clone(), Key::Label(written.clone()));
                return Ok(vec![
                    n.note(format!("variant of {}: {hint}", self.canonical))
                ]);
            }
        }
        let mut n = Normalized::new(written.clone(), Key::Label(written.clone()));
        if written != self.canonical {
            let hint = self
                .variants
                .get(&written)
                .cloned()
                .unwrap_or_else(|| explain(&written, &self.canonical));
            n.note = Some(format!("variant of {}: {hint}", self.canonical));
        }
        Ok(vec![n])
    }

    fn implicit_expect(&self) -> Option<Normalized> {
        Some(Normalized::new(
            self.canonical.clone(),
            Key::Label(self.canonical.clone()),
        ))
    }

    /// Typos of the canonical spelling's long words, with its other words
    /// as written: "Alberstons", "Albertsons Compaines".
    fn find_spans(&self, text: &str) -> Option<Vec<std::ops::Range<usize>>> {
        let typos = self.typos.as_ref()?;
        Some(typos.find(text, &find::Words::new(text), 0))
    }

    /// [`Normalizer::find_spans`] with the article's words listed once
    /// for all its term facts, when those of `text[from..]` are the same
    /// words (`from` is 0 or follows a line break).
    fn find_spans_in(
        &self,
        index: &super::TextIndex,
        from: usize,
    ) -> Option<Vec<std::ops::Range<usize>>> {
        let typos = self.typos.as_ref()?;
        let text = index.text;
        if from == 0 || text[..from].ends_with('\n') {
            return Some(typos.find(text, index.term_words(), from));
        }
        let rest = &text[from..];
        let spans = typos.find(rest, &find::Words::new(rest), 0);
        Some(
            spans
                .into_iter()
                .map(|s| s.start + from..s.end + from)
                .collect(),
        )
    }

    fn span_literals(&self) -> Option<Vec<String>> {
        self.typos.as_ref()?.literals()
    }

    fn default_patterns(&self) -> Vec<String> {
        let mut alternatives = vec![tolerant(&self.canonical)];
        // Variants with other letters than the canonical need their own alternative.
        for v in self
            .variants
            .keys()
            .filter(|v| squash(v) != squash(&self.canonical))
        {
            alternatives.push(literal(v));
        }
        if let Some(acronym) = &self.acronym {
            // Exactly as written, capitals and all: "hlscc" is a word, not the acronym.
            alternatives.push(literal(acronym));
            alternatives.extend(garbled(acronym).keys().map(|g| literal(g)));
        }
        alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
        vec![format!("(?P<value>{})", alternatives.join("|"))]
    }
}

pub mod find;
#[cfg(test)]
mod tests;
