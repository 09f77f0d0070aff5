//! One place an article states a fact, held small. At 100,000 dense
//! articles the report holds ~1.64 million mentions, and of what each says
//! only its place in the article (line, column, the moment of a changing
//! figure) is its own: the fact, matched text, sentence and value repeat
//! across thousands of articles (a few thousand distinct combinations),
//! and the file name and path are the article's. So a mention points at
//! one shared [`Said`] (what was said, interned by [`super::Interner`]) and
//! one shared [`Place`] (which article, one per article): 24 bytes, where
//! five strings, a value and a moment of its own took 64 (with the
//! verdict's flags and interval, 40 bytes against 80: ~65 MB less at 100k).
//!
//! It serializes as it always did: the fields of a flat record, `fact`,
//! `source`, `path`, `text`, `quote`, `line`, `column`, the value's
//! fields, then `as_of` when set ([`View`]).

use super::as_of::Moment;
use super::Shared;
use crate::normalize::Normalized;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// What a mention says: the same for every mention of the same fact,
/// wording, sentence and value, wherever it stands.
#[derive(Debug, Clone)]
pub struct Said {
    /// The fact's id.
    pub fact: Shared,
    /// The exact matched text (the `value` group).
    pub text: Shared,
    /// The sentence it stands in.
    pub quote: Shared,
    /// The value read from it (shared with the other records that read
    /// an equal one: judging keys each distinct value by its address).
    pub value: Arc<Normalized>,
    /// The moment the figure stands for, for facts that change over time
    /// (`changes`): the publication date and time, or an "as of" phrase.
    /// Here rather than in each mention: the articles of a story give a
    /// handful of moments, and most facts none.
    pub as_of: Option<Moment>,
}

/// Which article a mention is in: one per article, shared by its mentions
/// (and by its record in the scan, `scan::kept`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The article's file name.
    pub source: Shared,
    /// The article's path as given on the command line.
    pub path: Shared,
}

impl Place {
    pub fn new(source: impl Into<Shared>, path: impl Into<Shared>) -> Place {
        Place {
            source: source.into(),
            path: path.into(),
        }
    }
}

/// One place an article states a fact (see the module doc).
#[derive(Clone)]
pub struct Mention {
    said: Arc<Said>,
    place: Arc<Place>,
    /// 1-based line and column (in characters) of the value (`u32`: an
    /// article of over 4 billion lines is not news copy; places saturate).
    line: u32,
    column: u32,
}

impl Mention {
    pub fn new(said: Arc<Said>, place: Arc<Place>, line: u32, column: u32) -> Mention {
        Mention {
            said,
            place,
            line,
            column,
        }
    }

    /// A mention with strings and a value of its own (tests, records read
    /// back from a file): nothing shared with other mentions.
    #[allow(clippy::too_many_arguments)]
    pub fn of(
        fact: impl Into<Shared>,
        source: impl Into<Shared>,
        path: impl Into<Shared>,
        text: impl Into<Shared>,
        quote: impl Into<Shared>,
        line: u32,
        column: u32,
        value: Normalized,
    ) -> Mention {
        let said = Said {
            fact: fact.into(),
            text: text.into(),
            quote: quote.into(),
            value: Arc::new(value),
            as_of: None,
        };
        let place = Place::new(source, path);
        Mention::new(Arc::new(said), Arc::new(place), line, column)
    }

    /// The mention with its moment set (`changes` facts).
    pub fn at(mut self, as_of: Option<Moment>) -> Mention {
        Arc::make_mut(&mut self.said).as_of = as_of;
        self
    }

    /// The fact's id.
    pub fn fact(&self) -> &Shared {
        &self.said.fact
    }

    /// The article's file name.
    pub fn source(&self) -> &Shared {
        &self.place.source
    }

    /// The article's path as given on the command line.
    pub fn path(&self) -> &Shared {
        &self.place.path
    }

    /// The exact matched text.
    pub fn text(&self) -> &Shared {
        &self.said.text
    }

    /// The sentence the value stands in.
    pub fn quote(&self) -> &Shared {
        &self.said.quote
    }

    /// 1-based line of the value.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// 1-based column (in characters) of the value.
    pub fn column(&self) -> u32 {
        self.column
    }

    /// The value read (one allocation per distinct value: its address
    /// keys it).
    pub fn normalized(&self) -> &Normalized {
        &self.said.value
    }

    /// The value, to change this mention's alone (copied first when shared).
    pub fn normalized_mut(&mut self) -> &mut Normalized {
        Arc::make_mut(&mut Arc::make_mut(&mut self.said).value)
    }

    /// The moment the figure stands for (`changes` facts).
    pub fn as_of(&self) -> Option<&Moment> {
        self.said.as_of.as_ref()
    }

    /// What the mention says, shared.
    pub fn said(&self) -> &Arc<Said> {
        &self.said
    }

    /// Which article it is in, shared.
    pub fn place(&self) -> &Arc<Place> {
        &self.place
    }

    /// The mention saying `said` instead (the interner's equal record).
    pub(super) fn set_said(&mut self, said: Arc<Said>) {
        self.said = said;
    }
}

impl fmt::Debug for Mention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mention")
            .field("fact", self.fact())
            .field("source", self.source())
            .field("path", self.path())
            .field("text", self.text())
            .field("quote", self.quote())
            .field("line", &self.line)
            .field("column", &self.column)
            .field("normalized", self.normalized())
            .field("as_of", &self.as_of())
            .finish()
    }
}

/// A mention as reports write it: the flat record mentions always were.
#[derive(Serialize)]
struct View<'a> {
    fact: &'a str,
    source: &'a str,
    path: &'a str,
    text: &'a str,
    quote: &'a str,
    line: u32,
    column: u32,
    #[serde(flatten)]
    normalized: &'a Normalized,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<&'a Moment>,
}

impl Serialize for Mention {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        View {
            fact: self.fact(),
            source: self.source(),
            path: self.path(),
            text: self.text(),
            quote: self.quote(),
            line: self.line,
            column: self.column,
            normalized: self.normalized(),
            as_of: self.as_of(),
        }
        .serialize(s)
    }
}

/// [`View`] read back (extract files).
#[derive(Deserialize)]
struct Owned {
    fact: String,
    source: String,
    path: String,
    text: String,
    quote: String,
    line: u32,
    column: u32,
    #[serde(flatten)]
    normalized: Normalized,
    #[serde(default)]
    as_of: Option<Moment>,
}

impl<'de> Deserialize<'de> for Mention {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Mention, D::Error> {
        let o = Owned::deserialize(d)?;
        let m = Mention::of(
            o.fact,
            o.source,
            o.path,
            o.text,
            o.quote,
            o.line,
            o.column,
            o.normalized,
        );
        Ok(m.at(o.as_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Key;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_mention_is_a_few_pointers() {
        // 1.6 million of them at 100k dense articles: each byte here is 1.6 MB.
        assert_eq!(std::mem::size_of::<Shared>(), 8);
        assert_eq!(std::mem::size_of::<Mention>(), 24);
    }

    fn sample() -> Mention {
        let mut value = Normalized::new("12", Key::Label("12".into())).approximate(true);
        value.subject = Some("UK".into());
        Mention::of(
            "toll",
            "a.txt",
            "d/a.txt",
            "12",
            "The toll rose to 12.",
            3,
            7,
            value,
        )
    }

    #[test]
    fn serializes_as_the_flat_record_it_was() {
        let m = sample();
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"fact":"toll","source":"a.txt","path":"d/a.txt","text":"12","quote":"The toll rose to 12.","line":3,"column":7,"value":"12","approximate":true,"subject":"UK"}"#
        );
        let moment = Moment {
            date: "2023-02-24".into(),
            time: None,
            utc: None,
            from: "published".into(),
        };
        let dated = m.at(Some(moment));
        let json = serde_json::to_string(&dated).unwrap();
        assert!(
            json.ends_with(r#""subject":"UK","as_of":{"date":"2023-02-24","from":"published"}}"#),
            "{json}"
        );
        let back: Mention = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        assert_eq!(back.path(), "d/a.txt");
        assert_eq!((back.line(), back.column()), (3, 7));
    }

    #[test]
    fn a_changed_value_is_the_mentions_own() {
        let a = sample();
        let mut b = a.clone();
        b.normalized_mut().value = "13".into();
        assert_eq!(
            (a.normalized().value.as_str(), b.normalized().value.as_str()),
            ("12", "13")
        );
        assert_eq!(a.quote(), b.quote());
    }
}
