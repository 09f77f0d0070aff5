//! A name fact's readings of its mentions, kept per thread across
//! articles ([`super::Name::read`]). The articles of a story write the
//! same names the same few ways ("Kassym-Jomart Tokaïev", "Tokayev"), and
//! reading one (cleaning the spelling, scoring it against every form,
//! then for another spelling its key and its note of what differs) cost
//! ~45,000 instructions a mention on dense-1k (~230 M of 2,640 M).
//!
//! What is kept is a pure function of the fact and of the text it reads:
//! the mention as matched, and the given names the article wrote with the
//! same surname elsewhere (for a surname written alone). It is kept by the
//! fact's id, never another fact's in the process ([`super::scores`]).

use super::super::Normalized;
use crate::text::kept::kept;
use crate::text::words::Fx;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// How many mentions' readings a thread keeps, all facts together; past
/// it, the table is emptied (a library of many name facts keeps no more).
const KEPT_MENTIONS: usize = 1 << 14;

/// How many sources of given names one mention's values are kept for
/// (a surname alone reads as each fuller mention of its article has it).
const KEPT_SOURCES: usize = 16;

/// A mention as matched, cleaned and scored.
#[derive(Debug)]
pub(super) struct Parsed {
    /// The spelling without honorifics, initials or extra white space.
    pub written: String,
    /// The surname and the given names (trimmed) in `written`.
    pub surname: Range<usize>,
    pub given: Range<usize>,
    /// The best of the surname's and the whole name's similarity to the
    /// fact's forms.
    pub score: f64,
}

/// A mention's value, by the given names the article wrote elsewhere
/// (`None`: none taken from it).
type Sourced = (Option<Box<str>>, Result<Normalized, String>);

/// One mention's reading and its values, by where its given names came from.
struct Entry {
    parsed: Result<Rc<Parsed>, String>,
    values: Vec<Sourced>,
}

/// Entries by the mention as matched.
type Mentions = HashMap<Box<str>, Entry, Fx>;

thread_local! {
    /// By fact id, then by the mention as matched (never iterated).
    static KEPT: RefCell<HashMap<u64, Mentions, Fx>> = RefCell::default();
    /// Whether a fact's role is written in a text around a surname written
    /// alone ([`super::find`]), by fact id and that text: folding the text
    /// cost ~20,000 instructions a surname on dense-1k (never iterated).
    static ROLES: RefCell<HashMap<(u64, Box<str>), bool, Fx>> = RefCell::default();
}

/// Empties this thread's kept name readings and role answers (see
/// [`crate::normalize::clear_thread_caches`]).
pub(super) fn clear_thread_caches() {
    KEPT.take();
    ROLES.take();
}

/// How many texts' role answers a thread keeps; past it, the table is emptied.
const KEPT_ROLES: usize = 4096;

/// Whether fact `fact`'s role is in `context`: kept, or answered by
/// `answer` and kept.
pub(super) fn role_near(fact: u64, context: &str, answer: impl FnOnce() -> bool) -> bool {
    // Looked up by an owned key: one copy of the text, far less than folding it.
    let key = (fact, Box::from(context));
    kept(&ROLES, KEPT_ROLES, &key, || key.clone(), answer)
}

/// [`Parsed`] of `mention` for fact `fact`: kept, or made by `parse` and kept.
pub(super) fn parsed(
    fact: u64,
    mention: &str,
    parse: impl FnOnce() -> Result<Parsed, String>,
) -> Result<Rc<Parsed>, String> {
    let kept = KEPT.with_borrow(|kept| {
        kept.get(&fact)
            .and_then(|mentions| mentions.get(mention))
            .map(|e| e.parsed.clone())
    });
    if let Some(parsed) = kept {
        return parsed;
    }
    let parsed = parse().map(Rc::new);
    KEPT.with_borrow_mut(|kept| {
        // (A sum over the facts: the order they come in decides nothing.)
        if kept.values().map(HashMap::len).sum::<usize>() >= KEPT_MENTIONS {
            kept.clear();
        }
        kept.entry(fact).or_default().insert(
            mention.into(),
            Entry {
                parsed: parsed.clone(),
                values: Vec::new(),
            },
        );
    });
    parsed
}

/// The value of `mention` for fact `fact` with given names `from_article`
/// taken from the article: kept, or made by `value` and kept. The mention
/// must have been [`parsed`] first (else nothing is kept).
pub(super) fn value(
    fact: u64,
    mention: &str,
    from_article: Option<&str>,
    value: impl FnOnce() -> Result<Normalized, String>,
) -> Result<Normalized, String> {
    let kept = KEPT.with_borrow(|kept| {
        let entry = kept.get(&fact)?.get(mention)?;
        entry
            .values
            .iter()
            .find(|(source, _)| source.as_deref() == from_article)
            .map(|(_, v)| v.clone())
    });
    if let Some(kept) = kept {
        return kept;
    }
    let made = value();
    KEPT.with_borrow_mut(|kept| {
        let entry = kept.get_mut(&fact).and_then(|m| m.get_mut(mention));
        if let Some(entry) = entry.filter(|e| e.values.len() < KEPT_SOURCES) {
            entry
                .values
                .push((from_article.map(Box::from), made.clone()));
        }
    });
    made
}

#[cfg(test)]
mod tests {
    use super::super::super::Key;
    use super::super::scores::fresh_id;
    use super::*;

    fn parsed_as(written: &str) -> Parsed {
        Parsed {
            written: written.into(),
            surname: 0..written.len(),
            given: 0..0,
            score: 1.0,
        }
    }

    #[test]
    fn a_mention_is_read_once_per_fact_and_source_of_given_names() {
        let (fact, other) = (fresh_id(), fresh_id());
        let first = parsed(fact, "Tokayev", || Ok(parsed_as("Tokayev"))).unwrap();
        let again = parsed(fact, "Tokayev", || unreachable!("kept")).unwrap();
        assert!(Rc::ptr_eq(&first, &again));
        // Another fact reads it anew.
        let theirs = parsed(other, "Tokayev", || Err("not theirs".into()));
        assert_eq!(theirs.unwrap_err(), "not theirs");
        let label = |s: &str| Normalized::new("Tokayev", Key::Label(s.into()));
        let alone = value(fact, "Tokayev", None, || Ok(label("tokayev")));
        let fuller = value(fact, "Tokayev", Some("Kasim"), || {
            Ok(label("kasim tokayev"))
        });
        assert_ne!(alone, fuller);
        assert_eq!(
            value(fact, "Tokayev", Some("Kasim"), || unreachable!("kept")),
            fuller
        );
        assert_eq!(value(fact, "Tokayev", None, || unreachable!("kept")), alone);
        // Role answers are kept by fact and text.
        assert!(role_near(fact, "the President said", || true));
        assert!(role_near(fact, "the President said", || unreachable!(
            "kept"
        )));
        assert!(!role_near(other, "the President said", || false));
        // A mention never parsed keeps no value.
        let _ = value(fact, "Rakhmon", None, || Err("no".into()));
        assert_eq!(
            value(fact, "Rakhmon", None, || Err("made again".into())).unwrap_err(),
            "made again"
        );
    }
}
