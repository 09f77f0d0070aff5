//! What is known about one article: its file name, path, outlet and
//! publication date, and the fields few articles set (time of publication,
//! writing date, URL, original language, title, time zone) in one box,
//! absent when none is set. The report lists every article's source: at
//! 100,000 dense articles the ten fields inline took 208 bytes each
//! (21 MB, held with the verdicts until the report is written), the boxed
//! form 88.
//!
//! It serializes as the flat record it always was: `file`, `path`,
//! `outlet`, `published`, then the boxed fields in their order.

use super::meta;
use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What is known about one article.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// File name ("000_f4926741994e602a.txt").
    pub file: String,
    /// Path as found from the command-line arguments, with `/` separators.
    pub path: String,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    /// The rarely set fields; `None` when none is (see [`Source::more`]).
    pub more: Option<Box<More>>,
}

/// The fields of a [`Source`] few articles set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct More {
    /// The publication time when the manifest gives one, RFC 3339 with the
    /// offset it was written with ("2014-08-04T00:37:00+08:00").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    /// When the text was written, when the manifest says it differs from
    /// `published` (`written`, a reprint): relative dates resolve against it.
    #[serde(
        serialize_with = "meta::serialize_date",
        deserialize_with = "meta::deserialize_date",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub written: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The zone the outlet writes times in (an IANA name, `timezone` in
    /// sources.toml or the front matter), for times written without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// No rare field set.
static NONE: More = More {
    published_at: None,
    written: None,
    url: None,
    translated_from: None,
    title: None,
    timezone: None,
};

impl Source {
    /// The rarely set fields (all unset when there is no box).
    pub fn more(&self) -> &More {
        self.more.as_deref().unwrap_or(&NONE)
    }

    /// The rarely set fields, to set one (the box is made then: call it
    /// only to set a value).
    pub fn more_mut(&mut self) -> &mut More {
        self.more.get_or_insert_with(Box::default)
    }

    /// The day the article's relative dates ("tomorrow", "Friday",
    /// "yesterday") are resolved against: `written` when the manifest gives
    /// one, else the publication date.
    pub fn dated(&self) -> Option<Date> {
        self.more().written.or(self.published)
    }

    /// The publication time, when it falls on [`Source::dated`]: a reprint's
    /// time belongs to the reprint, not to the day its text was written.
    pub fn dated_at(&self) -> Option<&str> {
        let more = self.more();
        more.published_at
            .as_deref()
            .filter(|_| more.written.is_none() || more.written == self.published)
    }

    /// The zone the outlet writes times in, when given.
    pub fn timezone(&self) -> Option<&str> {
        self.more().timezone.as_deref()
    }
}

/// Equal when every field is, a box of unset fields counting as none.
impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        self.file == other.file
            && self.path == other.path
            && self.outlet == other.outlet
            && self.published == other.published
            && self.more() == other.more()
    }
}

/// A source as reports write it.
#[derive(Serialize)]
struct View<'a> {
    file: &'a str,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(serialize_with = "meta::serialize_date")]
    published: Option<Date>,
    #[serde(flatten)]
    more: &'a More,
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        View {
            file: &self.file,
            path: &self.path,
            outlet: self.outlet.as_deref(),
            published: self.published,
            more: self.more(),
        }
        .serialize(s)
    }
}

/// [`View`] read back (extract files).
#[derive(Deserialize)]
struct Owned {
    file: String,
    path: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(deserialize_with = "meta::deserialize_date", default)]
    published: Option<Date>,
    #[serde(flatten)]
    more: More,
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Source, D::Error> {
        let o = Owned::deserialize(d)?;
        Ok(Source {
            file: o.file,
            path: o.path,
            outlet: o.outlet,
            published: o.published,
            more: (o.more != More::default()).then(|| Box::new(o.more)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_source_keeps_its_rare_fields_in_a_box() {
        // One per article in the report: 100,000 at dense-100k.
        assert_eq!(std::mem::size_of::<Source>(), 88);
    }

    #[test]
    fn serializes_as_the_flat_record_it_was_and_reads_back() {
        let plain = Source {
            file: "a.txt".into(),
            path: "d/a.txt".into(),
            ..Source::default()
        };
        assert_eq!(
            serde_json::to_string(&plain).unwrap(),
            r#"{"file":"a.txt","path":"d/a.txt","published":null}"#
        );
        let mut full = Source {
            outlet: Some("Desk".into()),
            published: Some(jiff::civil::date(2023, 2, 24)),
            ..plain.clone()
        };
        full.more_mut().written = Some(jiff::civil::date(2023, 2, 23));
        full.more_mut().timezone = Some("Asia/Almaty".into());
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(
            json,
            r#"{"file":"a.txt","path":"d/a.txt","outlet":"Desk","published":"2023-02-24","written":"2023-02-23","timezone":"Asia/Almaty"}"#
        );
        for source in [plain, full] {
            let json = serde_json::to_string(&source).unwrap();
            let back: Source = serde_json::from_str(&json).unwrap();
            assert_eq!(back, source);
            assert_eq!(back.more.is_some(), source.more.is_some());
        }
    }
}
