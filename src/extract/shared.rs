//! Mention text held once per corpus. A dense corpus states the same facts in
//! the same sentences thousands of times (100,000 articles: ~1.6 million
//! mentions, a few hundred distinct quotes and values), so what a mention
//! says (fact id, matched text, quote: [`Shared`] strings; its value: an
//! `Arc<Normalized>`) is one [`Said`] record, and the scan passes each
//! article's mentions through one [`Interner`]: equal records, and the equal
//! strings and values inside different ones, become one allocation, and a
//! mention costs a few pointers ([`super::mention`]).

use super::{Mention, Said};
use crate::normalize::{Key, Normalized};
use crate::text::words::Fx;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{Arc, Mutex};

/// An immutable string behind a thin reference-counted pointer (8 bytes
/// in a mention; `Arc<str>` would take 16). Reads as a `str`, compares,
/// orders and hashes as its text, and serializes as a plain string.
#[derive(Clone, Default)]
pub struct Shared(Arc<String>);

impl Shared {
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Deref for Shared {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        self
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Shared {
        Shared(Arc::new(s))
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Shared {
        Shared(Arc::new(s.to_string()))
    }
}

impl From<&String> for Shared {
    fn from(s: &String) -> Shared {
        Shared::from(s.as_str())
    }
}

impl From<Shared> for String {
    fn from(s: Shared) -> String {
        s.as_str().to_string()
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.as_str() == other.as_str()
    }
}

impl Eq for Shared {}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        *self == other.as_str()
    }
}

impl PartialOrd for Shared {
    fn partial_cmp(&self, other: &Shared) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Shared {
    fn cmp(&self, other: &Shared) -> std::cmp::Ordering {
        // One article's mentions share one path: sorting a fact's mentions
        // compares them with each other most of the time.
        if Arc::ptr_eq(&self.0, &other.0) {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Shared {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
        String::deserialize(d).map(Shared::from)
    }
}

/// One table of the strings and values the mentions of a corpus hold,
/// shared by the scan's worker threads.
#[derive(Default)]
pub struct Interner {
    tables: Mutex<Tables>,
}

/// Looked up, never listed: hashed with Fx (SipHash was ~2 % of a dense scan).
#[derive(Default)]
struct Tables {
    /// What mentions say, each record once.
    said: HashSet<Record, Fx>,
    strings: HashSet<Shared, Fx>,
    /// Values by their canonical text; the few that share a text (another
    /// hedge, another note) are told apart by equality.
    values: HashMap<Shared, Vec<Arc<Normalized>>, Fx>,
}

impl Tables {
    /// The table's record equal to `said`; a new one is made of the
    /// table's strings and value, so that records differing in one part
    /// share the others.
    fn said(&mut self, said: &Arc<Said>) -> Arc<Said> {
        let record = Record(said.clone());
        if let Some(known) = self.said.get(&record) {
            return known.0.clone();
        }
        let shared = Arc::new(Said {
            fact: self.string(&said.fact),
            text: self.string(&said.text),
            quote: self.string(&said.quote),
            value: self.value(&said.value),
            as_of: said.as_of.clone(),
        });
        self.said.insert(Record(shared.clone()));
        shared
    }

    fn string(&mut self, s: &Shared) -> Shared {
        if let Some(known) = self.strings.get(s.as_str()) {
            return known.clone();
        }
        self.strings.insert(s.clone());
        s.clone()
    }

    fn value(&mut self, v: &Arc<Normalized>) -> Arc<Normalized> {
        // Looked up by the text as it is: a key string is made only for a
        // text not seen before.
        let same = match self.values.get_mut(v.value.as_str()) {
            Some(same) => same,
            None => self.values.entry(Shared::from(&v.value)).or_default(),
        };
        if let Some(known) = same.iter().find(|k| identical(k, v)) {
            return known.clone();
        }
        same.push(v.clone());
        v.clone()
    }
}

/// A [`Said`] as the table keys it: equal when its strings are equal and
/// its value is [`identical`].
struct Record(Arc<Said>);

impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        let (a, b) = (&*self.0, &*other.0);
        a.fact == b.fact
            && a.text == b.text
            && a.quote == b.quote
            && identical(&a.value, &b.value)
            && a.as_of == b.as_of
    }
}

impl Eq for Record {}

impl Hash for Record {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The moment is left to equality: it tells few records apart.
        let s = &*self.0;
        (&s.fact, &s.text, &s.quote, s.value.value.as_str()).hash(state);
    }
}

/// Equal, and written the same: `==` on floats holds 0.0 and -0.0 equal,
/// which serialize differently, so a value only stands for another when
/// their floats are the same bits too.
fn identical(a: &Normalized, b: &Normalized) -> bool {
    let floats = |n: &Normalized| match n.key {
        Key::Interval { lo, hi, .. } => [n.precision, lo, hi].map(f64::to_bits),
        _ => [n.precision, 0.0, 0.0].map(f64::to_bits),
    };
    a == b && floats(a) == floats(b)
}

impl Interner {
    pub fn new() -> Interner {
        Interner::default()
    }

    /// The table's string equal to `s` (added when new): for a string many
    /// articles hold, such as their outlet's name.
    pub fn string(&self, s: &str) -> Shared {
        let mut t = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = t.strings.get(s) {
            return known.clone();
        }
        let new = Shared::from(s);
        t.strings.insert(new.clone());
        new
    }

    /// The mentions with what they say replaced by the table's equal
    /// record (added when new, its strings and value replaced by the
    /// table's equal ones first): the mentions' own copies are dropped.
    /// The article a mention is in is left as it is: the scan makes it once
    /// per article, and keeping every one in the table would only add an
    /// entry per article.
    pub fn mentions(&self, mentions: &mut [Mention]) {
        if mentions.is_empty() {
            return;
        }
        // A poisoned lock only means another thread panicked while holding
        // it; the tables are still consistent (each insert is one step).
        let mut t = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        for m in mentions {
            let said = t.said(m.said());
            m.set_said(said);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Key;

    fn mention(path: &str, quote: String, value: &str) -> Mention {
        let normalized = Normalized::new(value, Key::Label(value.into()));
        Mention::of("toll", "a.txt", path, value, quote, 1, 1, normalized)
    }

    #[test]
    fn equal_strings_and_values_become_one_allocation() {
        let interner = Interner::new();
        let sentence = "The toll rose to 12.".to_string();
        let mut first = vec![mention("d/a.txt", sentence.clone(), "12")];
        let mut second = vec![
            mention("d/b.txt", sentence.clone(), "12"),
            mention("d/b.txt", sentence, "13"),
        ];
        interner.mentions(&mut first);
        interner.mentions(&mut second);
        let (a, b, c) = (&first[0], &second[0], &second[1]);
        // The same thing said in two articles: one record.
        assert!(Arc::ptr_eq(a.said(), b.said()));
        assert!(!Arc::ptr_eq(b.said(), c.said()));
        assert_eq!(
            (a.path().as_str(), b.path().as_str()),
            ("d/a.txt", "d/b.txt")
        );
        // Two records share their equal strings.
        assert!(Arc::ptr_eq(&a.quote().0, &c.quote().0));
        assert!(Arc::ptr_eq(&a.fact().0, &c.fact().0));
        assert!(!std::ptr::eq(b.normalized(), c.normalized()));
        assert_eq!(
            (b.normalized().value.as_str(), c.text().as_str()),
            ("12", "13")
        );
    }

    #[test]
    fn a_figure_as_of_another_moment_is_another_record() {
        let interner = Interner::new();
        let on = |date: &str| {
            mention("d/a.txt", "The toll rose to 12.".into(), "12").at(Some(
                super::super::as_of::Moment {
                    date: date.into(),
                    time: None,
                    utc: None,
                    from: "published".into(),
                },
            ))
        };
        let mut ms = vec![on("2023-02-24"), on("2023-02-25"), on("2023-02-24")];
        interner.mentions(&mut ms);
        assert!(Arc::ptr_eq(ms[0].said(), ms[2].said()));
        assert!(!Arc::ptr_eq(ms[0].said(), ms[1].said()));
        assert_eq!(ms[1].as_of().map(|m| m.date.as_str()), Some("2023-02-25"));
    }

    #[test]
    fn a_negative_zero_is_not_taken_for_a_zero() {
        let interner = Interner::new();
        let zero = |lo: f64| {
            let mut m = mention("d/a.txt", "It was 0.".into(), "0");
            m.normalized_mut().key = Key::Interval {
                lo,
                hi: 0.0,
                unit: String::new(),
            };
            m
        };
        let mut ms = vec![zero(0.0), zero(-0.0)];
        interner.mentions(&mut ms);
        assert!(!std::ptr::eq(ms[0].normalized(), ms[1].normalized()));
        // The interval reports show is read from the key: it keeps its sign.
        let lo = |m: &Mention| match m.normalized().key {
            Key::Interval { lo, .. } => lo.is_sign_negative(),
            _ => false,
        };
        assert_eq!((lo(&ms[0]), lo(&ms[1])), (false, true));
    }

    #[test]
    fn reads_compares_and_serializes_as_its_text() {
        let s = Shared::from("Tokaïev");
        assert_eq!(s, "Tokaïev");
        assert_eq!(s.len(), "Tokaïev".len());
        let mut sorted = vec![Shared::from("b"), Shared::from("a")];
        sorted.sort();
        assert_eq!(sorted, ["a", "b"]);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"Tokaïev\"");
        let back: Shared = serde_json::from_str("\"Tokaïev\"").unwrap();
        assert_eq!(back, s);
        assert_eq!(format!("{s} {s:?}"), "Tokaïev \"Tokaïev\"");
    }
}
