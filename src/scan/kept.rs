//! What [`super::scan_report`] keeps of an article from its scan to the
//! report: its source, warnings, ignored mentions and constraint checks,
//! without spare capacity. At 100,000 articles this record is held 100,000
//! times, so it is small: ~100 bytes and no allocation of its own for the
//! usual article (a `Scanned` in a box took ~290 bytes and a result slot 120
//! more, and each article's file name, path and outlet were strings of
//! their own beside the same strings in its mentions: now the record holds
//! its mentions' [`Place`]).

use crate::compare::constraints::SourceCheck;
use crate::corpus::{Source, Warning};
use crate::extract::{Interner, Mention, Place, Shared};
use std::sync::Arc;

/// One article's record (see the module doc).
pub(super) struct Kept {
    source: Option<Held>,
    warnings: Box<[Warning]>,
    ignored: Box<[Mention]>,
    /// One per constraint of the rules (`None`: not checked here).
    pub(super) checks: Box<[Option<SourceCheck>]>,
}

/// An article's [`Source`], compact when it has only the usual fields.
enum Held {
    /// A file name and path shared with the article's mentions, an
    /// outlet shared with the other articles of the outlet (the
    /// interner's), and the publication date; every other field unset.
    Plain {
        place: Arc<Place>,
        outlet: Option<Shared>,
        published: Option<jiff::civil::Date>,
    },
    /// Any other source, as it is.
    Full(Box<Source>),
}

impl Held {
    /// `source` held compactly, its file name and path taken from `named`
    /// (the article's mentions' place) when they are the same.
    fn new(source: Source, named: Option<&Arc<Place>>, interner: &Interner) -> Held {
        let Source {
            file,
            path,
            outlet,
            published,
            more: None,
        } = source
        else {
            return Held::Full(Box::new(source));
        };
        let place = match named {
            Some(p) if p.source == file && p.path == path => p.clone(),
            _ => Arc::new(Place::new(file, path)),
        };
        Held::Plain {
            place,
            outlet: outlet.map(|o| interner.string(&o)),
            published,
        }
    }

    /// The source as the report lists it.
    fn into_source(self) -> Source {
        match self {
            Held::Plain {
                place,
                outlet,
                published,
            } => Source {
                file: place.source.to_string(),
                path: place.path.to_string(),
                outlet: outlet.map(String::from),
                published,
                ..Source::default()
            },
            Held::Full(source) => *source,
        }
    }
}

impl Kept {
    /// The record of an article (`source` is `None` when it was skipped);
    /// `named` is the file name and path its mentions share, if it has any.
    pub(super) fn new(
        source: Option<Source>,
        named: Option<&Arc<Place>>,
        warnings: Vec<Warning>,
        ignored: Vec<Mention>,
        checks: Vec<Option<SourceCheck>>,
        interner: &Interner,
    ) -> Kept {
        Kept {
            source: source.map(|s| Held::new(s, named, interner)),
            warnings: warnings.into_boxed_slice(),
            ignored: ignored.into_boxed_slice(),
            checks: checks.into_boxed_slice(),
        }
    }

    /// The record as the report takes it: its source, warnings and ignored
    /// mentions (the checks are taken before).
    pub(super) fn into_scanned(self) -> super::Scanned {
        super::Scanned {
            seq: 0,
            source: self.source.map(Held::into_source),
            mentions: Vec::new(),
            ignored: self.ignored.into_vec(),
            warnings: self.warnings.into_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_come_back_as_they_were() {
        let interner = Interner::new();
        let plain = Source {
            file: "a.txt".into(),
            path: "d/a.txt".into(),
            outlet: Some("Desk".into()),
            published: Some(jiff::civil::date(2023, 2, 24)),
            ..Source::default()
        };
        let mut fuller = plain.clone();
        fuller.more_mut().url = Some("https://example.org/a".into());
        fuller.more_mut().timezone = Some("Asia/Almaty".into());
        let named = Arc::new(Place::new("a.txt", "d/a.txt"));
        let other = Arc::new(Place::new("b.txt", "d/b.txt"));
        for source in [plain.clone(), fuller, Source::default()] {
            for named in [None, Some(&named), Some(&other)] {
                let kept = Kept::new(
                    Some(source.clone()),
                    named,
                    vec!["w".into()],
                    Vec::new(),
                    Vec::new(),
                    &interner,
                );
                let back = kept.into_scanned();
                assert_eq!(back.source.as_ref(), Some(&source));
                assert_eq!(back.warnings, ["w"]);
            }
        }
        // Two articles of one outlet share its name.
        let outlet = |k: Kept| match k.source {
            Some(Held::Plain { outlet, .. }) => outlet.unwrap(),
            _ => panic!("plain"),
        };
        let k = |s: &Source| Kept::new(Some(s.clone()), None, vec![], vec![], vec![], &interner);
        let (a, b) = (outlet(k(&plain)), outlet(k(&plain)));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
    }
}
