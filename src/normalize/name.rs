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
mod index;

pub use find::{is_stopword, is_title_word};
pub use index::Capitals;

use super::fold::{fold, similarity, skeleton, spelling, words};
use super::{Key, Kind, Normalized, Normalizer, RawMatch, TextIndex};
use std::collections::HashMap;
use std::ops::Range;

/// Mentions written with given names, by the spelling of their surname:
/// (where the mention starts, its given names), in text order.
type Fuller<'t> = HashMap<String, Vec<(usize, &'t str)>>;

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

/// One known spelling of the name, split into given names and surname.
#[derive(Debug, Clone)]
pub struct Form {
    /// As written in the rule ("Kassym-Jomart Tokayev").
    pub written: String,
    pub given_written: String,
    pub surname_written: String,
    /// Skeletons of the given-name tokens (["kasim", "iomart"]) and the surname.
    pub given: Vec<String>,
    pub surname: String,
    /// Hint from a `variants` table.
    pub hint: Option<String>,
}

impl Form {
    fn parse(written: &str, hint: Option<String>) -> Result<Form, String> {
        let written = collapse(written);
        let last = words(&written)
            .pop()
            .ok_or_else(|| format!("`{written}` is not a name"))?;
        let given_written = written[..last.span.start].trim().to_string();
        let surname_written = written[last.core].to_string();
        let given = if given_written.is_empty() {
            Vec::new()
        } else {
            fold(&given_written).split(' ').map(skeleton).collect()
        };
        let surname = skeleton(&fold(&surname_written));
        Ok(Form {
            written,
            given_written,
            surname_written,
            given,
            surname,
            hint,
        })
    }

    /// The spelling key: given names and surname as spelled (without
    /// diacritics when `ignore_accents`).
    fn key(&self, ignore_accents: bool) -> String {
        spelling_key(&self.given_written, &self.surname_written, ignore_accents)
    }
}

fn spelling_key(given: &str, surname: &str, ignore_accents: bool) -> String {
    let spell = |s: &str| {
        if ignore_accents {
            spelling(&fold(s))
        } else {
            spelling(s)
        }
    };
    format!("{} {}", spell(given), spell(surname))
        .trim()
        .to_string()
}

/// `written` without the honorifics and name prefixes that lead it
/// ("Makhdoom Shah Mahmood Qureshi" → "Shah Mahmood Qureshi", "H.E.
/// Mevlut Cavusoglu" → "Mevlut Cavusoglu").
fn without_honorifics(written: &str) -> &str {
    let mut rest = written;
    loop {
        let trimmed = rest.trim_start();
        let Some(w) = words(trimmed).into_iter().next() else {
            return trimmed;
        };
        let folded = fold(&trimmed[w.span.clone()]);
        let he = folded == "h" && trimmed[w.span.end..].starts_with(".E.");
        if he {
            rest = &trimmed[w.span.end + 3..];
        } else if find::is_honorific(&folded) && words(trimmed).len() > 1 {
            rest = trimmed[w.span.end..].trim_start_matches('.');
        } else {
            return trimmed;
        }
    }
}

/// Whether a written word is an initial: a capital letter and a period ("N.").
fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

/// Given names without the initials that end them ("Shannon N." is
/// Shannon, "George H. W." George).
fn trailing_initials_cut(given: &str) -> &str {
    let mut given = given;
    while let Some((rest, last)) = given.rsplit_once(' ') {
        if !is_initial(last) {
            break;
        }
        given = rest.trim_end();
    }
    given
}

/// `written` without middle initials ("Shannon N. Gilreath" is Shannon
/// Gilreath): a capital letter and a period between the first and last word.
fn without_initials(written: &str) -> String {
    let parts: Vec<&str> = written.split(' ').collect();
    parts
        .iter()
        .enumerate()
        .filter(|&(i, p)| i == 0 || i + 1 == parts.len() || !is_initial(p))
        .map(|(_, p)| *p)
        .collect::<Vec<_>>()
        .join(" ")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How two spellings of a name part differ.
fn difference(written: &str, reference: &str) -> &'static str {
    if fold(written) == fold(reference) {
        "diacritics"
    } else if skeleton(&fold(written)) == skeleton(&fold(reference)) {
        "transliteration"
    } else {
        "letters differ"
    }
}

/// A title as compared: folded, a leading "U.S."/"US"/"American" dropped.
fn title_key(title: &str) -> String {
    let folded = fold(title);
    for prefix in ["united states ", "us ", "u s ", "american "] {
        if let Some(rest) = folded.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    folded
}

#[derive(Debug)]
pub struct Name {
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
        let mut by_surname: HashMap<String, Vec<(usize, &'t str)>> = HashMap::new();
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
        let mut n = Normalized::new(title, Key::OneOf(vec![title_key(title)]));
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
        let written = without_initials(&collapse(without_honorifics(m.value_str())));
        let last = words(&written).pop().ok_or("no name in the match")?;
        let surname = &written[last.core];
        let given = written[..last.span.start].trim();
        let person = self.person();
        let surname_skeleton = skeleton(&fold(surname));
        let mut score = person.surname_score(&surname_skeleton);
        if !given.is_empty() {
            let tokens: Vec<String> = fold(given).split(' ').map(skeleton).collect();
            score = score.max(person.full_score(&tokens, &surname_skeleton));
        } else if Self::given_in_article(
            fuller.get_or_insert_with(|| self.fuller(m.text, capitals)),
            surname,
            m.value.start,
        )
        .is_some()
        {
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
        let from_article = if given.is_empty() {
            let fuller = fuller.get_or_insert_with(|| self.fuller(m.text, capitals));
            Self::given_in_article(fuller, surname, m.value.start)
        } else {
            None
        };
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
