//! `kind = "name"`: a person (or organisation) declared by the spelling of
//! record, found however an article spells it ("Tokaïev", "Kasim-Yomart
//! Tokayev", "Tleouberdi"), and each other spelling reported as a conflict
//! against the canonical one, with its similarity and what differs.
//!
//! Options: `canonical` (the spelling of record; the last word is the
//! surname), `variants` (known other spellings: a list, or a table of
//! spelling = "hint"), `role`/`roles` (offices that anchor a mention written
//! with the surname alone), `title` (the person's title; a different title
//! written before the name is a reference mismatch under the subject
//! "title"), `threshold` (similarity needed, default 0.85) and `accents`
//! (`"strict"`, the default: diacritics count, "Cavusoglu" is another
//! spelling of "Çavuşoğlu"; `"ignore"`: house style drops them, and only
//! letters count). `patterns` are optional: the kind finds the name itself
//! ([`find`]). Honorifics and name prefixes ("Makhdoom", "H.E.", "Dr.",
//! "Sheikh") are neither given names nor titles.
//!
//! The value is the spelling as written. Two mentions agree when given names
//! and surname are spelled the same (case, hyphens and spacing aside, but
//! diacritics count: "Tokaïev" is another spelling). A mention with the
//! surname alone takes its given names from a fuller mention of the same
//! article, or from the canonical spelling.

mod find;
mod form;
mod index;
mod kept;
mod scores;

pub use find::{is_stopword, is_title_word};
pub use form::Form;
use form::*;
pub use index::Capitals;

/// Empties this thread's caches of names (see [`super::clear_thread_caches`]).
pub(super) fn clear_thread_caches() {
    index::clear_thread_caches();
    kept::clear_thread_caches();
    scores::clear_thread_cache();
}

use super::fold::{fold, similarity, skeleton, spelling, words};
use super::{Key, Kind, Normalized, Normalizer, RawMatch, TextIndex};
use crate::text::words::Fx;
use std::collections::HashMap;
use std::ops::Range;

/// Mentions written with given names, by the spelling of their surname:
/// (where the mention starts, its given names), in text order.
type Fuller<'t> = HashMap<String, Vec<(usize, &'t str)>, Fx>;

/// Similarity a transliteration skeleton needs to count as the same name.
pub const DEFAULT_THRESHOLD: f64 = 0.85;

/// The subject under which titles are compared.
pub const TITLE_SUBJECT: &str = "title";

pub struct NameKind;

impl Kind for NameKind {
    fn name(&self) -> &'static str {
        "name"
    }

    fn options(&self) -> &'static [&'static str] {
        &[
            "canonical",
            "variants",
            "role",
            "roles",
            "title",
            "threshold",
            "accents",
        ]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let canonical = match options.get("canonical") {
            None => None,
            Some(v) => Some(Form::parse(
                v.as_str().ok_or("`canonical` must be a string")?,
                None,
            )?),
        };
        let mut forms: Vec<Form> = canonical.iter().cloned().collect();
        match options.get("variants") {
            None => {}
            Some(toml::Value::Array(list)) => {
                for v in list {
                    forms.push(Form::parse(
                        v.as_str().ok_or("`variants` must hold strings")?,
                        None,
                    )?);
                }
            }
            Some(toml::Value::Table(table)) => {
                for (v, hint) in table {
                    let hint = hint
                        .as_str()
                        .ok_or("each variant's hint must be a string")?;
                    forms.push(Form::parse(v, Some(hint.to_string()))?);
                }
            }
            Some(_) => {
                return Err(
                    "`variants` must be a list of spellings or a table of spelling = \"hint\""
                        .into(),
                )
            }
        }
        if forms.is_empty() {
            return Err(
                "a name fact needs `canonical` (the spelling of record) or `variants`".into(),
            );
        }
        let mut roles = strings(options, "role")?;
        roles.extend(strings(options, "roles")?);
        let roles = roles
            .iter()
            .map(|r| fold(r))
            .filter(|r| !r.is_empty())
            .collect();
        let titles = strings(options, "title")?;
        let threshold = match options.get("threshold") {
            None => DEFAULT_THRESHOLD,
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            Some(_) => return Err("`threshold` must be a number between 0 and 1".into()),
        };
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(format!(
                "`threshold` must be above 0 and at most 1, not {threshold}"
            ));
        }
        let ignore_accents = match options.get("accents").map(|a| a.as_str()) {
            None | Some(Some("strict")) => false,
            Some(Some("ignore")) => true,
            Some(_) => {
                return Err(
                    "`accents` must be \"strict\" (diacritics count) or \"ignore\" (house style drops them)"
                        .into(),
                )
            }
        };
        Ok(Box::new(Name {
            id: scores::fresh_id(),
            canonical,
            forms,
            roles,
            titles,
            threshold,
            ignore_accents,
        }))
    }
}

/// A string option or a list of strings, as a list.
fn strings(options: &toml::Table, key: &str) -> Result<Vec<String>, String> {
    match options.get(key) {
        None => Ok(Vec::new()),
        Some(toml::Value::String(s)) => Ok(vec![s.clone()]),
        Some(toml::Value::Array(list)) => list
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("`{key}` must hold strings"))
            })
            .collect(),
        Some(_) => Err(format!("`{key}` must be a string or a list of strings")),
    }
}

#[derive(Debug)]
pub struct Name {
    /// This fact's own number, never another's in the process: what it
    /// keeps per thread across articles is kept by it ([`scores`]).
    id: u64,
    canonical: Option<Form>,
    /// The canonical spelling first, then the variants.
    forms: Vec<Form>,
    /// Folded role phrases.
    roles: Vec<String>,
    titles: Vec<String>,
    threshold: f64,
    /// `accents = "ignore"`: diacritics do not make another spelling.
    ignore_accents: bool,
}

impl Name {
    fn person(&self) -> find::Person<'_> {
        find::Person {
            id: self.id,
            forms: &self.forms,
            roles: &self.roles,
            threshold: self.threshold,
        }
    }

    /// The spelling mentions are compared with in notes.
    fn reference(&self) -> &Form {
        self.canonical.as_ref().unwrap_or(&self.forms[0])
    }

    /// The mentions of `text` written with given names, by the spelling of
    /// their surname, each list in text order: found once per text, so that
    /// reading N surname-only mentions stays linear in N. `capitals`: the
    /// text's capitalized words, when the article has them listed.
    fn fuller<'t>(&self, text: &'t str, capitals: Option<&Capitals>) -> Fuller<'t> {
        let found = match capitals {
            Some(capitals) => self.person().find_in(text, capitals, 0),
            None => self.person().find(text),
        };
        let mut by_surname: Fuller<'t> = HashMap::default();
        for f in found {
            if f.span.start < f.surname.start {
                by_surname
                    .entry(spelling(&text[f.surname.clone()]))
                    .or_default()
                    .push((
                        f.span.start,
                        trailing_initials_cut(text[f.span.start..f.surname.start].trim()),
                    ));
            }
        }
        by_surname
    }

    /// Given names written with the same surname elsewhere in the article,
    /// the nearest mention before `at` first.
    fn given_in_article<'t>(fuller: &Fuller<'t>, surname: &str, at: usize) -> Option<&'t str> {
        let list = fuller.get(&spelling(surname))?;
        // Mentions come in text order (a name's given names never reach
        // before those of the name before it), so the last one before `at`
        // is found by bisection.
        let before = list.partition_point(|(start, _)| *start < at);
        let nearest = before.checked_sub(1).map_or(&list[0], |i| &list[i]);
        Some(nearest.1)
    }

    /// The note of a mention spelled otherwise than the reference.
    fn explain(&self, given: &str, given_from_article: bool, surname: &str) -> String {
        let r = self.reference();
        let mut parts = Vec::new();
        if !given.is_empty() && spelling(given) != spelling(&r.given_written) {
            let whence = if given_from_article {
                " (as earlier in the article)"
            } else {
                ""
            };
            parts.push(format!(
                "given name {given}{whence} for {} ({})",
                r.given_written,
                difference(given, &r.given_written)
            ));
        }
        if spelling(surname) != spelling(&r.surname_written) {
            parts.push(format!(
                "{surname} for {} ({})",
                r.surname_written,
                difference(surname, &r.surname_written)
            ));
        }
        let (mine, theirs) = if given.is_empty() || given_from_article {
            (spelling(surname), spelling(&r.surname_written))
        } else {
            (
                spelling_key(given, surname, self.ignore_accents),
                r.key(self.ignore_accents),
            )
        };
        let listed = self
            .forms
            .iter()
            .find(|f| {
                f.key(self.ignore_accents) == spelling_key(given, surname, self.ignore_accents)
            })
            .and_then(|f| f.hint.clone());
        let mut note = format!(
            "variant of “{}”, similarity {:.2}: {}",
            r.written,
            similarity(&mine, &theirs),
            parts.join("; ")
        );
        if let Some(hint) = listed {
            note.push_str(&format!(" — {hint}"));
        }
        note
    }

    fn title_value(&self, title: &str) -> Normalized {
        let mut n = Normalized::new(title, Key::OneOf(vec![title_key(title)].into()));
        n.subject = Some(TITLE_SUBJECT.into());
        n
    }
}

impl Name {
    /// Reads one match; `fuller` is [`Name::fuller`] of its text, found
    /// when first needed (from `capitals`, the text's capitalized words).
    fn read<'t>(
        &self,
        m: &RawMatch<'t>,
        fuller: &mut Option<Fuller<'t>>,
        capitals: Option<&Capitals>,
    ) -> Result<Vec<Normalized>, String> {
        let mention = m.value_str();
        let parsed = kept::parsed(self.id, mention, || self.parse(mention))?;
        let (written, given) = (&parsed.written, &parsed.written[parsed.given.clone()]);
        let surname = &written[parsed.surname.clone()];
        let from_article = if given.is_empty() {
            let fuller = fuller.get_or_insert_with(|| self.fuller(m.text, capitals));
            Self::given_in_article(fuller, surname, m.value.start)
        } else {
            None
        };
        let value = kept::value(self.id, mention, from_article, || {
            self.value(&parsed, from_article)
        })?;
        let mut values = vec![value];
        if !self.titles.is_empty() {
            if let Some(range) = find::title_before(m.text, m.value.start) {
                let mut title = self.title_value(&collapse(&m.text[range]));
                title.note = Some(format!("title written before “{written}”"));
                values.push(title);
            }
        }
        Ok(values)
    }

    /// A mention as matched, cleaned and scored against the forms.
    fn parse(&self, mention: &str) -> Result<kept::Parsed, String> {
        let written = without_initials(&collapse(without_honorifics(mention)));
        let last = words(&written).pop().ok_or("no name in the match")?;
        let surname = &written[last.core.clone()];
        let head = &written[..last.span.start];
        let given = head.trim();
        let given_start = head.len() - head.trim_start().len();
        let person = self.person();
        let surname_skeleton = skeleton(&fold(surname));
        let mut score = person.surname_score(&surname_skeleton);
        if !given.is_empty() {
            let tokens: Vec<String> = fold(given).split(' ').map(skeleton).collect();
            score = score.max(person.full_score(&tokens, &surname_skeleton));
        }
        Ok(kept::Parsed {
            given: given_start..given_start + given.len(),
            surname: last.core,
            score,
            written,
        })
    }

    /// The value of a parsed mention, its given names taken from the
    /// article (`from_article`, for a surname written alone) or else from
    /// the reference spelling.
    fn value(
        &self,
        parsed: &kept::Parsed,
        from_article: Option<&str>,
    ) -> Result<Normalized, String> {
        let written = &parsed.written;
        let surname = &written[parsed.surname.clone()];
        let given = &written[parsed.given.clone()];
        let mut score = parsed.score;
        if given.is_empty() && from_article.is_some() {
            // Spelled as a fuller mention of the same article that was found.
            score = score.max(self.threshold);
        }
        if score < self.threshold {
            return Err(format!(
                "“{written}” is not {} (surname similarity {score:.2}, threshold {})",
                self.reference().written,
                self.threshold
            ));
        }
        let given_full = from_article.unwrap_or(if given.is_empty() {
            self.reference().given_written.as_str()
        } else {
            given
        });
        let key = spelling_key(given_full, surname, self.ignore_accents);
        let mut value = Normalized::new(written.clone(), Key::Label(key.clone()));
        if key != self.reference().key(self.ignore_accents) {
            let shown_given = if given.is_empty() {
                from_article.unwrap_or("")
            } else {
                given
            };
            value.note = Some(self.explain(shown_given, from_article.is_some(), surname));
        }
        Ok(value)
    }
}

impl Normalizer for Name {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        self.read(m, &mut None, None)
    }

    /// The article's fuller mentions are found once for all its matches,
    /// from the capitalized words the article lists once for all its facts.
    fn normalize_all(
        &self,
        matches: &[RawMatch],
        index: &TextIndex,
    ) -> Vec<Result<Vec<Normalized>, String>> {
        let mut fuller = None;
        let mut text: Option<&str> = None;
        matches
            .iter()
            .map(|m| {
                if text.is_some_and(|t| !std::ptr::eq(t, m.text)) {
                    fuller = None;
                }
                text = Some(m.text);
                let capitals = std::ptr::eq(m.text, index.text).then(|| index.capitals());
                self.read(m, &mut fuller, capitals)
            })
            .collect()
    }

    fn implicit_expects(&self) -> Vec<Normalized> {
        let mut expects: Vec<Normalized> = self
            .canonical
            .iter()
            .map(|c| Normalized::new(c.written.clone(), Key::Label(c.key(self.ignore_accents))))
            .collect();
        if let Some(first) = self.titles.first() {
            let mut title = self.title_value(first);
            title.key = Key::OneOf(self.titles.iter().map(|t| title_key(t)).collect());
            expects.push(title);
        }
        expects
    }

    fn find_spans(&self, text: &str) -> Option<Vec<Range<usize>>> {
        let found = self.person().find(text);
        Some(found.into_iter().map(|f| f.span).collect())
    }

    fn find_spans_in(&self, index: &TextIndex, from: usize) -> Option<Vec<Range<usize>>> {
        let person = self.person();
        let spans = match index.capitals_from(from) {
            Some(capitals) => person
                .find_in(index.text, capitals, from)
                .into_iter()
                .map(|f| f.span)
                .collect(),
            // A body that does not start a line: its own words.
            None => person
                .find(&index.text[from..])
                .into_iter()
                .map(|f| f.span.start + from..f.span.end + from)
                .collect(),
        };
        Some(spans)
    }
}

#[cfg(test)]
mod tests;
