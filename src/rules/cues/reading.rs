//! One article as its facts read it ([`Reading`]): its analysis (lines,
//! sentences, words) and the values of each kind, per sentence or over the
//! whole body, each computed when first needed and shared by every fact
//! of the article, and with its readings against other publication dates
//! ([`Reading::redated`]).

use crate::normalize::read::{find_in, shifted, Context, Values};
use crate::normalize::{Found, TextIndex, KINDS};
use crate::text::analysis::{Analysis, SentenceId, KEPT_SENTENCES};
use crate::text::kept::kept;
use crate::text::words::Fx;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

mod ordinals;
pub use ordinals::ordinals_in;

/// One article as its facts read it, each part computed when first needed.
#[derive(Debug)]
pub struct Reading<'a> {
    pub text: &'a str,
    /// Where the body starts (after front matter).
    pub from: usize,
    pub published: Option<jiff::civil::Date>,
    /// The source's time zone (`timezone` in sources.toml), for times written without one.
    pub timezone: Option<&'a str>,
    /// Shared with the article's readings against other publication dates.
    analysis: Rc<OnceCell<Analysis<'a>>>,
    values: Values<'a>,
    /// For each kind of [`KINDS`], its values in each sentence, read when
    /// first asked for: cue facts read only the sentences their cues are in.
    /// At most [`KEPT_SENTENCES`] sentences' values are kept at once.
    by_sentence: RefCell<HashMap<(usize, SentenceId), SentenceValues, Fx>>,
    /// Whether the number at a span is part of another kind's value, as
    /// first worked out: every number fact of the article asks the same
    /// ([`super::find`]).
    pub(super) claimed: RefCell<HashMap<(usize, usize), bool, Fx>>,
    /// What kinds read once for all the article's facts (a name's capitalized words).
    index: TextIndex<'a>,
}

/// The values of one kind in one sentence (`None`: the kind cannot search free text).
pub type SentenceValues = Rc<Option<Vec<Found>>>;

/// Kinds read over the whole text, whose values depend on what comes
/// before ("a day earlier" counts from the date mentioned before it).
const WHOLE_TEXT: &[&str] = &["date", "time"];

/// Kinds whose values in a text depend on that text alone (each decides
/// its number style from the text it reads, and none reads the publication
/// date).
const BY_TEXT: &[&str] = &["number", "quantity", "money", "percent", "year"];

/// Kinds whose values in a text depend on that text and the publication
/// date alone.
const BY_TEXT_AND_DATE: &[&str] = &["date", "time"];

/// How many texts' values a thread keeps ([`values_of`]).
const KEPT_VALUES: usize = 4096;

/// Values of one kind (its index in [`KINDS`]) in one text read against a
/// publication date, spans relative to that text, in text order.
type Kept = HashMap<(usize, Option<jiff::civil::Date>, Box<str>), Rc<Option<Vec<Found>>>, Fx>;

thread_local! {
    /// Values by kind and text: news copy repeats sentences from article to
    /// article, and reading values is most of a cue fact's work.
    static VALUES: RefCell<Kept> = RefCell::default();
}

/// Empties this thread's values by text (see [`crate::rules::clear_thread_caches`]).
pub(crate) fn clear_thread_cache() {
    VALUES.take();
}

/// The values of kind `KINDS[k]` in `part` read against `ctx`, in text
/// order, spans relative to `part`: read once per thread for each text (and
/// publication date, for the kinds that read it) for the kinds of
/// [`BY_TEXT`] and [`BY_TEXT_AND_DATE`], each time for others.
pub(super) fn values_of(k: usize, part: &str, ctx: Context) -> Rc<Option<Vec<Found>>> {
    let read = || {
        let found = find_in(KINDS[k], part, 0..part.len(), ctx).map(|mut found| {
            found.sort_by_key(|f| (f.span.start, f.span.end));
            found
        });
        Rc::new(found)
    };
    let name = KINDS[k].name();
    let published = if BY_TEXT.contains(&name) {
        None
    } else if BY_TEXT_AND_DATE.contains(&name) {
        ctx.published
    } else {
        return read();
    };
    // Looked up by an owned key: one copy of the text, far less than reading it.
    let key = (k, published, Box::from(part));
    kept(&VALUES, KEPT_VALUES, &key, || key.clone(), read)
}

impl<'a> Reading<'a> {
    pub fn new(text: &'a str, from: usize, published: Option<jiff::civil::Date>) -> Reading<'a> {
        Reading {
            text,
            from,
            published,
            timezone: None,
            analysis: Rc::default(),
            values: Values::new(text, from..text.len(), Context { published }),
            by_sentence: RefCell::default(),
            claimed: RefCell::default(),
            index: TextIndex::new(text),
        }
    }

    /// The same article read against another publication date (a
    /// reprint's likely writing day): the values are read again, but the
    /// sentences, words and date expressions, which do not depend on the
    /// date, are shared with this reading.
    pub fn redated(&self, published: Option<jiff::civil::Date>) -> Reading<'a> {
        Reading {
            text: self.text,
            from: self.from,
            published,
            timezone: self.timezone,
            analysis: self.analysis.clone(),
            values: self.values.redated(published),
            by_sentence: RefCell::default(),
            // Dates read against the new day may claim other numbers.
            claimed: RefCell::default(),
            index: TextIndex::new(self.text),
        }
    }

    /// What kinds read once for all the article's facts.
    pub fn index(&self) -> &TextIndex<'a> {
        &self.index
    }

    /// The same reading, for a source in time zone `timezone` (an IANA name).
    pub fn with_timezone(mut self, timezone: Option<&'a str>) -> Reading<'a> {
        self.timezone = timezone;
        self
    }

    /// Every value of `kind` in sentence `s` of the analysis, in text
    /// order; `None` when the kind cannot search free text.
    pub fn values_in(&self, kind: &str, s: SentenceId) -> Option<SentenceValues> {
        self.read_in(kind, s, WHOLE_TEXT.contains(&kind))
    }

    fn read_in(&self, kind: &str, s: SentenceId, whole: bool) -> Option<SentenceValues> {
        let sentence = self.analysis().range(s);
        let k = KINDS.iter().position(|x| x.name() == kind)?;
        let key = (k + if whole { KINDS.len() } else { 0 }, s);
        if let Some(found) = self.by_sentence.borrow().get(&key) {
            return Some(found.clone());
        }
        let found = if whole {
            self.values.of_in(kind, sentence)
        } else {
            let ctx = Context {
                published: self.published,
            };
            let found = values_of(k, &self.text[sentence.clone()], ctx);
            found
                .as_deref()
                .map(|found| shifted(self.text, sentence.start, found.to_vec()))
        };
        let found = Rc::new(found);
        let mut kept = self.by_sentence.borrow_mut();
        if kept.len() >= KEPT_SENTENCES {
            kept.clear();
        }
        kept.insert(key, found.clone());
        Some(found)
    }

    /// The sentences, clauses and words of the body.
    pub fn analysis(&self) -> &Analysis<'a> {
        self.analysis
            .get_or_init(|| Analysis::new(self.text, self.from..self.text.len()))
    }

    /// Every value of each kind in the body.
    pub fn values(&self) -> &Values<'a> {
        &self.values
    }
}
