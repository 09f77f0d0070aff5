//! Facts described the way an editor thinks of them, without regex: `cues`
//! (words that stand near the value), `exclude` (words that rule a sentence
//! out), `window` (how near: the clause, the sentence, or N words) and `by`
//! (who said it: each named source is a subject of its own). The value
//! itself is found by the fact's kind, with the same readers `factlint
//! normalize` uses, so hedges, units, ranges and spelled-out numbers are never
//! the rule author's business. Compiling checks each field and points at it
//! when it cannot work; [`find`] does the matching.

pub mod find;
pub mod reading;

use crate::error::{Error, Location, Result};
use crate::text::words;
use toml::Spanned;

/// A cue, an exclusion or a source name: the phrase as written and its folded words.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub text: String,
    pub words: Vec<String>,
}

/// How near a cue the value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// In the cue's clause (the default).
    Clause,
    /// In the cue's sentence.
    Sentence,
    /// At most N words from the cue, in its sentence.
    Words(usize),
}

/// What happens to values no source of `by` is named for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unattributed {
    /// Compared as a subject of their own, [`UNATTRIBUTED`].
    Keep,
    /// Left out.
    Drop,
}

/// The subject of values that no source of `by` is named for.
pub const UNATTRIBUTED: &str = "unattributed";

/// A named source of a claim: its subject key and the names that stand for it.
#[derive(Debug, Clone)]
pub struct Source {
    pub key: String,
    pub names: Vec<Phrase>,
}

/// The cue fields of a fact.
#[derive(Debug, Clone)]
pub struct Cues {
    /// Any one of them must stand near the value (empty: no such condition).
    pub cues: Vec<Phrase>,
    pub exclude: Vec<Phrase>,
    pub window: Window,
    pub by: Vec<Source>,
    pub unattributed: Unattributed,
}

impl Cues {
    /// The subjects values can have: each source, and the unattributed when kept.
    pub fn subjects(&self) -> Vec<String> {
        let mut out: Vec<String> = self.by.iter().map(|s| s.key.clone()).collect();
        if !self.by.is_empty() && self.unattributed == Unattributed::Keep {
            out.push(UNATTRIBUTED.into());
        }
        out
    }
}

/// The widest `window` in words.
pub const MAX_WINDOW: i64 = 50;

/// The cue fields of a fact as the rule file gives them, with their places.
pub struct CueSpec<'a> {
    pub id: &'a str,
    pub cues: Option<&'a Spanned<Vec<Spanned<String>>>>,
    pub exclude: Option<&'a Spanned<Vec<Spanned<String>>>>,
    pub window: Option<&'a Spanned<toml::Value>>,
    pub by: Option<&'a Spanned<toml::Table>>,
    pub unattributed: Option<&'a Spanned<String>>,
}

/// Compiles the cue fields; `None` when the fact has none of them.
pub fn compile(spec: CueSpec, at: &dyn Fn(usize) -> Location) -> Result<Option<Cues>> {
    let id = spec.id;
    if spec.cues.is_none()
        && spec.exclude.is_none()
        && spec.by.is_none()
        && spec.window.is_none()
        && spec.unattributed.is_none()
    {
        return Ok(None);
    }
    let bad = |offset: usize, message: String, hint: &str| Error::rules(at(offset), message, hint);
    let phrases = |field: &str, list: Option<&Spanned<Vec<Spanned<String>>>>| {
        let Some(list) = list else {
            return Ok(Vec::new());
        };
        if list.get_ref().is_empty() {
            return Err(bad(
                list.span().start,
                format!("`{field}` of fact `{id}` is an empty list"),
                &format!("give at least one word or phrase, or leave `{field}` out"),
            ));
        }
        let label = if field == "cues" { "cue" } else { "exclusion" };
        list.get_ref()
            .iter()
            .map(|p| phrase(label, id, p, &bad))
            .collect::<Result<Vec<_>>>()
    };
    let cues = phrases("cues", spec.cues)?;
    let exclude = phrases("exclude", spec.exclude)?;
    let window = match spec.window {
        None => Window::Clause,
        Some(w) => window(id, w, &bad)?,
    };
    if let (Some(w), None) = (spec.window, spec.cues) {
        return Err(bad(
            w.span().start,
            format!("fact `{id}` has a `window` but no `cues`"),
            "the window says how near a cue the value is: add `cues` or remove `window`",
        ));
    }
    let mut by = Vec::new();
    if let Some(table) = spec.by {
        if table.get_ref().is_empty() {
            return Err(bad(
                table.span().start,
                format!("`by` of fact `{id}` names no source"),
                "write by = { usgs = [\"USGS\", \"U.S. Geological Survey\"] } or leave `by` out",
            ));
        }
        for (key, names) in table.get_ref() {
            by.push(source(id, key, names, table.span().start, &bad)?);
        }
    }
    let unattributed = match spec.unattributed {
        None => Unattributed::Keep,
        Some(u) if spec.by.is_none() => {
            return Err(bad(
                u.span().start,
                format!("fact `{id}` has `unattributed` but no `by`"),
                "`unattributed` says what to do with values no source of `by` is named for",
            ))
        }
        Some(u) => match u.get_ref().as_str() {
            "keep" => Unattributed::Keep,
            "drop" => Unattributed::Drop,
            other => {
                return Err(bad(
                    u.span().start,
                    format!("`unattributed` of fact `{id}` is `{other}`"),
                    "write unattributed = \"keep\" (a subject of their own) or \"drop\"",
                ))
            }
        },
    };
    Ok(Some(Cues {
        cues,
        exclude,
        window,
        by,
        unattributed,
    }))
}

fn phrase(
    label: &str,
    id: &str,
    text: &Spanned<String>,
    bad: &dyn Fn(usize, String, &str) -> Error,
) -> Result<Phrase> {
    let folded = words::phrase(text.get_ref());
    if folded.is_empty() {
        return Err(bad(
            text.span().start,
            format!(
                "{label} {:?} of fact `{id}` has no word, so it can never match",
                text.get_ref()
            ),
            "write a word or phrase with letters or digits, or remove it",
        ));
    }
    Ok(Phrase {
        text: text.get_ref().clone(),
        words: folded,
    })
}

fn window(
    id: &str,
    w: &Spanned<toml::Value>,
    bad: &dyn Fn(usize, String, &str) -> Error,
) -> Result<Window> {
    let hint = format!(
        "write window = \"clause\" (the default), \"sentence\", or a number of words from 1 to {MAX_WINDOW}"
    );
    match w.get_ref() {
        toml::Value::String(s) if s == "clause" => Ok(Window::Clause),
        toml::Value::String(s) if s == "sentence" => Ok(Window::Sentence),
        toml::Value::Integer(n) if (1..=MAX_WINDOW).contains(n) => Ok(Window::Words(*n as usize)),
        toml::Value::Integer(n) => Err(bad(
            w.span().start,
            format!("`window` of fact `{id}` is {n} words, out of range"),
            &hint,
        )),
        other => Err(bad(
            w.span().start,
            format!("`window` of fact `{id}` cannot be {other}"),
            &hint,
        )),
    }
}

fn source(
    id: &str,
    key: &str,
    names: &toml::Value,
    offset: usize,
    bad: &dyn Fn(usize, String, &str) -> Error,
) -> Result<Source> {
    let example = "by = { usgs = [\"USGS\", \"U.S. Geological Survey\"] }";
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return Err(bad(
            offset,
            format!("source `{key}` in `by` of fact `{id}` is not a short name"),
            &format!("use letters, digits, - and _ for the subject: {example}"),
        ));
    }
    if key == UNATTRIBUTED {
        return Err(bad(
            offset,
            format!("`by` of fact `{id}` names a source `{UNATTRIBUTED}`"),
            "that subject holds the values no source is named for: pick another name",
        ));
    }
    let list = match names {
        toml::Value::Array(items) => items,
        _ => {
            return Err(bad(
                offset,
                format!("source `{key}` in `by` of fact `{id}` is not a list of names"),
                &format!("write {example}"),
            ))
        }
    };
    if list.is_empty() {
        return Err(bad(
            offset,
            format!("source `{key}` in `by` of fact `{id}` has an empty list of names"),
            &format!("list the names that stand for it: {example}"),
        ));
    }
    let names = list
        .iter()
        .map(|n| match n {
            toml::Value::String(s) => phrase(
                "source name",
                id,
                &Spanned::new(offset..offset, s.clone()),
                bad,
            ),
            _ => Err(bad(
                offset,
                format!("a name of source `{key}` in `by` of fact `{id}` is not a string"),
                &format!("write {example}"),
            )),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Source {
        key: key.to_string(),
        names,
    })
}
