//! The kind readers as one API: every value a kind can read in a text, or in
//! one range of it (a sentence or a clause from [`crate::text::segment`]),
//! each with its byte span in the whole text and its [`Normalized`] value.
//! `factlint normalize` and the conformance suites read through it; rules
//! whose values are found by their kind near a cue word, and a discovery of
//! every typed value in a corpus, are meant to build on it too.
//!
//! [`Normalized`]: super::Normalized

use super::{date, Chars, Found, Kind, KINDS};
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

/// What a reader may need to know about the text besides the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The publication date, against which relative dates are read.
    pub published: Option<jiff::civil::Date>,
}

/// The kinds that find values in free text by themselves, in registry order.
pub fn readers() -> impl Iterator<Item = &'static dyn Kind> {
    KINDS.iter().copied().filter(|k| k.find("", None).is_some())
}

/// Every value of `kind` in `text`. `None`: the kind cannot search free text
/// (it needs rule patterns).
pub fn find(kind: &dyn Kind, text: &str, ctx: Context) -> Option<Vec<Found>> {
    find_in(kind, text, 0..text.len(), ctx)
}

/// Every value of `kind` inside `text[within]` (a sentence or a clause).
/// Spans and character offsets point into the whole `text`.
pub fn find_in(
    kind: &dyn Kind,
    text: &str,
    within: Range<usize>,
    ctx: Context,
) -> Option<Vec<Found>> {
    let part = text.get(within.clone())?;
    let found = kind.find(part, ctx.published)?;
    Some(shifted(text, within.start, found))
}

/// Values read in `text[from..]`, their spans and offsets moved to point
/// into the whole `text`.
pub fn shifted(text: &str, from: usize, found: Vec<Found>) -> Vec<Found> {
    if from == 0 || found.is_empty() {
        return found;
    }
    let chars_before = text[..from].chars().count();
    found
        .into_iter()
        .map(|f| Found {
            start: f.start + chars_before,
            end: f.end + chars_before,
            span: f.span.start + from..f.span.end + from,
            ..f
        })
        .collect()
}

/// The date expressions of a text, before calendar arithmetic.
type DateExpressions = Vec<(Range<usize>, date::Expr)>;

/// Every value of each kind in one text, each kind read once when first
/// asked for: an article's cue-based facts share one reading per kind.
#[derive(Debug)]
pub struct Values<'a> {
    text: &'a str,
    within: Range<usize>,
    ctx: Context,
    /// One slot per entry of [`KINDS`].
    read: Vec<OnceCell<Option<Vec<Found>>>>,
    /// The date expressions of the text, by start then end, shared with its
    /// readings against other publication dates ([`Values::redated`]).
    dates: Rc<OnceCell<DateExpressions>>,
    /// Character offsets in the body, counted on from the last date's.
    chars: RefCell<Chars<'a>>,
}

impl<'a> Values<'a> {
    /// Values of `text[within]` (an article body), read lazily.
    pub fn new(text: &'a str, within: Range<usize>, ctx: Context) -> Values<'a> {
        let body = text.get(within.clone()).unwrap_or_default();
        Values {
            text,
            within,
            ctx,
            read: KINDS.iter().map(|_| OnceCell::new()).collect(),
            dates: Rc::default(),
            chars: RefCell::new(Chars::new(body)),
        }
    }

    /// The same text read against another publication date: nothing is
    /// read yet, but the date expressions, which do not depend on it, are
    /// searched for once for both.
    pub fn redated(&self, published: Option<jiff::civil::Date>) -> Values<'a> {
        Values {
            text: self.text,
            within: self.within.clone(),
            ctx: Context { published },
            read: KINDS.iter().map(|_| OnceCell::new()).collect(),
            dates: self.dates.clone(),
            chars: RefCell::new(Chars::new(
                self.text.get(self.within.clone()).unwrap_or_default(),
            )),
        }
    }

    /// The date expressions of the body, by start then end (in the order
    /// [`Values::of`] gives their values).
    fn dates(&self, part: &str) -> &[(Range<usize>, date::Expr)] {
        self.dates.get_or_init(|| {
            let mut expressions = date::expressions(part);
            expressions.sort_by_key(|(span, _)| (span.start, span.end));
            expressions.shrink_to_fit();
            expressions
        })
    }

    /// The values of the kind called `kind` whose span starts inside
    /// `range` (a sentence), in text order: those of [`Values::of`] there.
    /// Dates are resolved here from the article's date expressions (spans
    /// and what they say, ~60 bytes a date), so an article whose facts ask
    /// for a few sentences holds no value of the others: a value holds its
    /// text, a note and every day it may mean ("last year": 365 strings).
    pub fn of_in(&self, kind: &str, range: Range<usize>) -> Option<Vec<Found>> {
        if kind != "date" {
            let all = self.of(kind)?;
            let lo = all.partition_point(|f| f.span.start < range.start);
            let hi = all.partition_point(|f| f.span.start < range.end);
            return Some(all[lo..hi.max(lo)].to_vec());
        }
        let part = self.text.get(self.within.clone())?;
        let expressions = self.dates(part);
        let from = self.within.start;
        let (start, end) = (
            range.start.saturating_sub(from),
            range.end.saturating_sub(from),
        );
        let lo = expressions.partition_point(|(span, _)| span.start < start);
        let hi = expressions.partition_point(|(span, _)| span.start < end);
        let chars = &mut self.chars.borrow_mut();
        let found = date::read_counted(
            part,
            &expressions[lo..hi.max(lo)],
            self.ctx.published,
            chars,
        );
        Some(shifted(self.text, from, found))
    }

    /// Every value of the kind called `kind`, in text order; `None` when
    /// there is no such kind or it cannot search free text.
    pub fn of(&self, kind: &str) -> Option<&[Found]> {
        let i = KINDS.iter().position(|k| k.name() == kind)?;
        self.read[i]
            .get_or_init(|| {
                let mut found = if kind == "date" {
                    let part = self.text.get(self.within.clone())?;
                    let expressions = self.dates(part);
                    let found = date::read(part, expressions, self.ctx.published);
                    shifted(self.text, self.within.start, found)
                } else {
                    find_in(KINDS[i], self.text, self.within.clone(), self.ctx)?
                };
                found.sort_by_key(|f| (f.span.start, f.span.end));
                Some(found)
            })
            .as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::kind;
    use crate::text::segment;

    #[test]
    fn values_in_a_clause_point_into_the_whole_text() {
        let text = "Talks began in Astana. Officials said 7,500 km of border, about 40% of it, was agreed.";
        let sentence = segment::sentences(text)[1].clone();
        let clauses = segment::clauses(text, sentence);
        let quantity = kind("quantity").unwrap();
        let found = find_in(quantity, text, clauses[0].clone(), Context::default()).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "7,500 km");
        assert_eq!(found[0].value.value, "7500 km");
        assert_eq!(found[0].start, text[..found[0].span.start].chars().count());
        let percent = kind("percent").unwrap();
        let in_second = find_in(percent, text, clauses[1].clone(), Context::default()).unwrap();
        assert_eq!(in_second.len(), 1);
        assert_eq!(&text[in_second[0].span.clone()], "40%");
        assert!(in_second[0].value.approximate, "\"about\" hedges it");
        // Nothing of the first clause is read in the second.
        assert!(
            find_in(quantity, text, clauses[1].clone(), Context::default())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn relative_dates_are_read_against_the_publication_date() {
        let published = "2023-02-24".parse().ok();
        let date = kind("date").unwrap();
        let found = find(date, "The vote was held yesterday.", Context { published }).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value.value, "2023-02-23");
    }

    #[test]
    fn values_are_read_once_per_kind_in_text_order() {
        let text = "+++\nx = 1\n+++\nIn 2014, 381 died; 12 km away, 2 died.";
        let body = text.find("In").unwrap();
        let values = Values::new(text, body..text.len(), Context::default());
        let numbers: Vec<&str> = values
            .of("number")
            .unwrap()
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(
            numbers,
            ["2014", "381", "12", "2"],
            "front matter is not read"
        );
        let first = values.of("number").unwrap().as_ptr();
        assert_eq!(values.of("number").unwrap().as_ptr(), first, "read once");
        assert_eq!(values.of("year").unwrap()[0].text, "2014");
        assert!(values.of("term").is_none());
        assert!(values.of("no such kind").is_none());
    }

    #[test]
    fn a_redated_reading_shares_the_date_expressions_and_resolves_anew() {
        let text = "He arrived on Tuesday. The vote was held on 23 February 2023.";
        let friday = Context {
            published: "2023-03-03".parse().ok(),
        };
        let monday = "2023-02-27".parse().ok();
        let values = Values::new(text, 0..text.len(), friday);
        let dates: Vec<&str> = values
            .of("date")
            .unwrap()
            .iter()
            .map(|f| f.value.value.as_str())
            .collect();
        assert_eq!(dates, ["2023-02-28", "2023-02-23"]);
        let redated = values.redated(monday);
        assert!(Rc::ptr_eq(&values.dates, &redated.dates));
        let fresh = Values::new(text, 0..text.len(), Context { published: monday });
        let read = |v: &Values| -> Vec<(Range<usize>, String)> {
            v.of("date")
                .unwrap()
                .iter()
                .map(|f| (f.span.clone(), f.value.value.clone()))
                .collect()
        };
        assert_eq!(read(&redated), read(&fresh));
        assert_eq!(
            read(&redated)[0].1,
            "2023-02-21",
            "the Tuesday before that Monday"
        );
    }

    #[test]
    fn dates_of_one_sentence_are_those_of_the_whole_text_there() {
        let text = "+++\npublished = 2023-03-02\n+++\nTokaïev — “yesterday” — met him. \
                    A day earlier, on Feb. 27, he was in Astana; last year too. \
                    3 days after January 12th it ended, on Thursday.";
        let body = text.find("Tokaïev").unwrap();
        let ctx = Context {
            published: "2023-03-02".parse().ok(),
        };
        let values = Values::new(text, body..text.len(), ctx);
        let all = values.of("date").unwrap().to_vec();
        assert_eq!(all.len(), 6, "{all:?}");
        let sentences = segment::sentences(text);
        let mut seen = 0;
        // Last sentence first: the character count goes back as well as on.
        for s in sentences.iter().rev().filter(|s| s.start >= body) {
            let some = values.of_in("date", s.clone()).unwrap();
            let want: Vec<Found> = all
                .iter()
                .filter(|f| s.contains(&f.span.start))
                .cloned()
                .collect();
            assert_eq!(some, want, "{:?}", &text[s.clone()]);
            seen += some.len();
        }
        assert_eq!(seen, 6);
        let around = |what: &str| {
            let at = text.find(what).unwrap();
            sentences.iter().find(|s| s.contains(&at)).unwrap().clone()
        };
        let earlier = values.of_in("date", around("A day")).unwrap();
        assert_eq!(earlier[0].text, "A day earlier");
        assert_eq!(earlier[0].value.value, "2023-02-28");
        assert_eq!(
            earlier[0].start,
            text[..earlier[0].span.start].chars().count()
        );
        // Another kind gives the same slice of its values.
        let sentence = around("3 days");
        let numbers = values.of_in("number", sentence.clone()).unwrap();
        let all_numbers = values.of("number").unwrap();
        let want: Vec<&str> = all_numbers
            .iter()
            .filter(|f| sentence.contains(&f.span.start))
            .map(|f| f.text.as_str())
            .collect();
        assert!(want.contains(&"3"), "{want:?}");
        assert_eq!(
            numbers.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
            want
        );
    }

    #[test]
    fn kinds_that_need_patterns_are_not_readers() {
        let names: Vec<&str> = readers().map(|k| k.name()).collect();
        assert!(names.contains(&"date") && names.contains(&"quantity"));
        assert!(!names.contains(&"term"), "{names:?}");
        assert_eq!(
            find(kind("term").unwrap(), "anything", Context::default()),
            None
        );
    }
}
