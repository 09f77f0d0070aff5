//! Normalizers turn the text a pattern found into a value that can be
//! compared: "some 7,500 kilometers" becomes ≈7500 km, "C5 1" the term C5+1
//! spelled otherwise. One file per fact kind, each implementing [`Kind`]
//! (reads the kind's own rule fields) and [`Normalizer`] (reads a match);
//! [`KINDS`] is the one table that maps `kind = "…"` to its file. Adding a kind
//! is one new file plus one line there.

/// The [`Normalizer`] of a numeric kind: it reads in the number style of
/// the article (`1.234,5` or `1,234.5`) with its own `read`, and agrees
/// within its `tolerance` field.
macro_rules! numeric_normalizer {
    ($kind:ty) => {
        impl $crate::normalize::Normalizer for $kind {
            fn normalize(
                &self,
                m: &$crate::normalize::RawMatch,
            ) -> Result<Vec<$crate::normalize::Normalized>, String> {
                use $crate::normalize::numtext::style::{self, Style};
                style::within(Style::of(m.text), || self.read(m))
            }

            fn agree(
                &self,
                a: &$crate::normalize::Normalized,
                b: &$crate::normalize::Normalized,
            ) -> bool {
                $crate::normalize::keys_agree(a, b, self.tolerance.as_ref())
            }

            fn tolerance(&self) -> Option<&$crate::normalize::tolerance::Tolerance> {
                self.tolerance.as_ref()
            }
        }
    };
}

pub mod agree;
pub mod choice;
pub mod date;
pub mod fold;
pub mod hedge;
pub mod money;
pub mod name;
pub mod number;
pub mod numtext;
pub mod percent;
pub mod quantity;
pub mod read;
pub mod term;
pub mod time;
pub mod tolerance;
pub mod units;
pub mod year;

pub use agree::{compared, keys_agree, written};

use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::fmt::Debug;
use std::ops::Range;
use std::sync::Arc;

/// An article's text and what kinds read from it once for all its facts,
/// each part built when some fact first asks for it: the capitalized words
/// the name kind looks surnames up in ([`name::Capitals`]).
#[derive(Debug)]
pub struct TextIndex<'t> {
    pub text: &'t str,
    capitals: OnceCell<name::Capitals>,
    terms: OnceCell<term::find::Words>,
}

impl<'t> TextIndex<'t> {
    /// Nothing is read until asked for.
    pub fn new(text: &'t str) -> TextIndex<'t> {
        TextIndex {
            text,
            capitals: OnceCell::new(),
            terms: OnceCell::new(),
        }
    }

    /// The capitalized words of the text.
    pub fn capitals(&self) -> &name::Capitals {
        self.capitals.get_or_init(|| name::Capitals::new(self.text))
    }

    /// The words of the text as the term kind reads them.
    pub fn term_words(&self) -> &term::find::Words {
        self.terms.get_or_init(|| term::find::Words::new(self.text))
    }

    /// The capitalized words of the text, when those of `text[from..]` are
    /// the same words (`from` is 0 or follows a line break, as a body after
    /// front matter does).
    pub fn capitals_from(&self, from: usize) -> Option<&name::Capitals> {
        (from == 0 || self.text[..from].ends_with('\n')).then(|| self.capitals())
    }
}

/// What a pattern found in an article, with the context a normalizer may need.
#[derive(Debug, Clone)]
pub struct RawMatch<'a> {
    /// The whole article text (offsets below index into it).
    pub text: &'a str,
    /// Byte span of the `value` group.
    pub value: Range<usize>,
    /// Byte span of the whole pattern match.
    pub whole: Range<usize>,
    /// Other named groups of the pattern that took part in the match.
    pub groups: Vec<(String, Range<usize>)>,
    /// The article's publication date, when known.
    pub published: Option<jiff::civil::Date>,
    /// The source's time zone (`timezone` in sources.toml), an IANA name.
    pub timezone: Option<&'a str>,
}

impl<'a> RawMatch<'a> {
    /// A match that covers all of `text`, for values written in rule files.
    pub fn whole_text(text: &'a str) -> Self {
        RawMatch {
            text,
            value: 0..text.len(),
            whole: 0..text.len(),
            groups: vec![],
            published: None,
            timezone: None,
        }
    }

    pub fn value_str(&self) -> &'a str {
        &self.text[self.value.clone()]
    }

    /// The text of the named group, if it took part in the match.
    pub fn group(&self, name: &str) -> Option<&'a str> {
        self.groups
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| &self.text[r.clone()])
    }

    /// The text of the same sentence before the value, at most `max` bytes.
    pub fn preceding(&self, max: usize) -> &'a str {
        let sentence = crate::text::sentence_bounds(self.text, self.value.clone());
        let mut start = sentence.start.max(self.value.start.saturating_sub(max));
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        &self.text[start..self.value.start]
    }
}

/// A value as factlint compares it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalized {
    /// The value in canonical form, as a string ("7500 km", "2015", "C5 1").
    pub value: String,
    /// Hedged ("some", "about", "more than") or vague ("dozens"): shown
    /// with its mark. The fact's tolerance applies to every value alike.
    pub approximate: bool,
    /// The hedge's bound, as written: "≈" (about), "≥", ">", "≤", "<"
    /// (one-sided). Reports show it before the value ("<50%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<hedge::Hedge>,
    /// Half the last written digit, in base units ("6 miles": ±0.5 mile):
    /// the precision the text implies, kept through conversion. 0 for none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub precision: f64,
    /// Set when one mention states values for several subjects (per-country votes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// How the value was read, or a hint about a variant spelling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How reports show the value when it differs from `value` (a choice
    /// value's first phrase: "did not vote" for `did_not_vote`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What comparison looks at. Not in reports; `factlint extract` writes
    /// it beside the mention so `compare` needs no re-normalization.
    #[serde(skip_serializing, default = "Key::missing")]
    pub key: Key,
}

impl Normalized {
    pub fn new(value: impl Into<String>, key: Key) -> Self {
        Normalized {
            value: value.into(),
            approximate: false,
            bound: None,
            precision: 0.0,
            subject: None,
            note: None,
            label: None,
            key,
        }
    }

    pub fn approximate(mut self, approximate: bool) -> Self {
        self.approximate = approximate;
        self
    }

    /// The value with the bound a hedge put on it (approximate too).
    pub fn bounded(mut self, bound: Option<hedge::Hedge>) -> Self {
        self.bound = bound;
        self.approximate |= bound.is_some();
        self
    }

    /// The value as reports show it: "<50%", "≥140", "≈7500 km" (hedged
    /// or vague), "7500 km".
    pub fn shown(&self) -> String {
        let text = self.label.as_deref().unwrap_or(&self.value);
        match (self.bound, self.approximate) {
            (Some(b), _) => format!("{}{text}", b.symbol()),
            (None, true) => format!("≈{text}"),
            (None, false) => text.to_string(),
        }
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    pub fn is_resolved(&self) -> bool {
        !matches!(self.key, Key::Unresolved(_))
    }
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

/// Empties this thread's caches of the readers (names' spellings and
/// lines, the date reader's chunks, texts and tenses); see
/// [`crate::text::clear_thread_caches`].
pub fn clear_thread_caches() {
    name::clear_thread_caches();
    date::clear_thread_caches();
}

/// The value of a match the normalizer could not read, with the reason.
pub fn unresolved(reason: String) -> Normalized {
    Normalized::new("unresolved", Key::Unresolved(reason.clone())).note(reason)
}

/// The comparable part of a value. Kinds pick the shape that fits them.
/// Serializable (infinite bounds as "inf"/"-inf") for `factlint extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Key {
    /// A number in a base unit, as an interval (a point when `lo == hi`);
    /// values with different units never agree.
    Interval {
        #[serde(with = "crate::text::float")]
        lo: f64,
        #[serde(with = "crate::text::float")]
        hi: f64,
        unit: String,
    },
    /// A set of candidates; two values agree when their sets intersect.
    /// Shared: a date fact's period lists every day ("last year": 365), and
    /// a value is cloned per mention, so the list is made once per thread
    /// and period ([`date`]) and a clone is a count.
    OneOf(Arc<[String]>),
    /// A label; two values agree when equal.
    Label(String),
    /// A clock time (`kind = "time"`), in seconds: `wall` after midnight as
    /// written; `utc` the instant (seconds since 1970 UTC) when the zone is
    /// known; `dated` when the day was written with it (else only the time
    /// of day counts); `twelve` when 12 hours later is as likely (no a.m./p.m.).
    Time {
        wall: i64,
        utc: Option<i64>,
        dated: bool,
        twelve: bool,
    },
    /// Could not be resolved (the reason); left out of comparison but reported.
    Unresolved(String),
}

impl Key {
    /// The key of a value read from a report, where keys are not written.
    pub fn missing() -> Key {
        Key::Unresolved("no key recorded".into())
    }
}

/// Reads the kind-specific fields of a fact and builds its normalizer.
pub trait Kind: Sync {
    /// The name used in `kind = "…"`.
    fn name(&self) -> &'static str;
    /// Rule fields this kind accepts beyond the common ones.
    fn options(&self) -> &'static [&'static str];
    /// Builds the normalizer from the kind's fields (already checked against `options`).
    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String>;
    /// Finds every value of this kind in free text, without rule patterns
    /// (`factlint normalize`, conformance suites). `None`: not supported.
    fn find(&self, _text: &str, _published: Option<jiff::civil::Date>) -> Option<Vec<Found>> {
        None
    }
}

/// A value found in free text by [`Kind::find`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// The text found, exactly as written.
    pub text: String,
    /// Character offsets of the text in the input line (end exclusive).
    pub start: usize,
    pub end: usize,
    /// Byte span of the text in the input (not in JSON: `start`/`end` are).
    #[serde(skip)]
    pub span: Range<usize>,
    #[serde(flatten)]
    pub value: Normalized,
    /// Kind-specific details (unit, currency, candidate dates…).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Found {
    /// A value found at byte range `span` of `text`.
    pub fn at(text: &str, span: Range<usize>, value: Normalized) -> Found {
        Found::counted(&mut Chars::new(text), span, value)
    }

    /// The same, character offsets counted on from the last value's: for
    /// the many values of a long text, found in text order.
    pub fn counted(chars: &mut Chars, span: Range<usize>, value: Normalized) -> Found {
        Found {
            text: chars.text[span.clone()].to_string(),
            start: chars.at(span.start),
            end: chars.at(span.end),
            span,
            value,
            extra: Default::default(),
        }
    }
}

/// Character offsets of byte offsets in a text, each counted from the
/// previous one asked for: the values of a whole article (every date of a
/// 10 MB text) cost one count of the text, not one per value.
#[derive(Debug)]
pub struct Chars<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> Chars<'t> {
    pub fn new(text: &'t str) -> Chars<'t> {
        Chars {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The number of characters before byte `byte` (a character boundary).
    pub fn at(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

/// Turns matches into values and decides which values agree.
pub trait Normalizer: Send + Sync + Debug {
    /// Reads one match. An error is a reason: the mention is kept as unresolved.
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String>;

    /// Reads every match of one article, in text order: the same as
    /// [`Normalizer::normalize`] on each, for kinds that look at the rest of
    /// the article (a name's given names written elsewhere) to do that work
    /// once per article rather than once per match. `index` is the
    /// article's, shared with its other facts.
    fn normalize_all(
        &self,
        matches: &[RawMatch],
        _index: &TextIndex,
    ) -> Vec<Result<Vec<Normalized>, String>> {
        matches.iter().map(|m| self.normalize(m)).collect()
    }

    /// Reads a value written in a rule file (`expect`, examples).
    fn parse(&self, text: &str) -> Result<Normalized, String> {
        let mut values = self.normalize(&RawMatch::whole_text(text))?;
        match values.len() {
            1 => Ok(values.remove(0).approximate(false)),
            _ => Err(format!("`{text}` is not one value of this kind")),
        }
    }

    /// Whether two values state the same fact.
    fn agree(&self, a: &Normalized, b: &Normalized) -> bool {
        keys_agree(a, b, None)
    }

    /// The fact's tolerance, for kinds that have one.
    fn tolerance(&self) -> Option<&tolerance::Tolerance> {
        None
    }

    /// The interval actually compared for a value (its precision and the
    /// fact's tolerance applied), or `None` when the key is not an interval.
    fn compared(&self, value: &Normalized) -> Option<(f64, f64)> {
        compared(value, self.tolerance())
    }

    /// The value the kind expects without an `expect` field (a term's canonical spelling).
    fn implicit_expect(&self) -> Option<Normalized> {
        None
    }

    /// Every value expected without an `expect` field, each for its subject
    /// (a name's canonical spelling, and its title under subject "title").
    fn implicit_expects(&self) -> Vec<Normalized> {
        self.implicit_expect().into_iter().collect()
    }

    /// Patterns the fact runs when its rule has none (a term's spellings, a
    /// choice's phrases). Regexes with a `value` group, as in rule files.
    fn default_patterns(&self) -> Vec<String> {
        Vec::new()
    }

    /// Byte spans of values this fact finds by itself in `text`, beyond
    /// its patterns (a name spelled in ways no pattern lists). `None`: the
    /// kind relies on patterns. A fact whose normalizer has default
    /// patterns or finds spans may leave out `patterns`.
    fn find_spans(&self, _text: &str) -> Option<Vec<Range<usize>>> {
        None
    }

    /// Pieces of text (ASCII, lower case), one of which every span
    /// [`Normalizer::find_spans`] finds holds, ASCII case ignored, unless
    /// the text has a Kelvin sign (lower case "k"): the prefilter skips the
    /// fact where none occurs. `None`: the fact reads every article.
    fn span_literals(&self) -> Option<Vec<String>> {
        None
    }

    /// [`Normalizer::find_spans`] of `index.text[from..]`, with spans in
    /// `index.text`: what a kind reads of the article once for all its facts
    /// (the name kind's capitalized words) is read from `index`.
    fn find_spans_in(&self, index: &TextIndex, from: usize) -> Option<Vec<Range<usize>>> {
        let spans = self.find_spans(&index.text[from..])?;
        Some(
            spans
                .into_iter()
                .map(|s| s.start + from..s.end + from)
                .collect(),
        )
    }

    /// The subjects this fact's values can have, when the rule fixes them
    /// (a choice's members); checks the keys of an `expect` table.
    fn subjects(&self) -> Option<Vec<String>> {
        None
    }
}

/// Every fact kind factlint knows. Adding a kind: one file, one line here.
pub static KINDS: &[&dyn Kind] = &[
    &number::NumberKind,
    &quantity::QuantityKind,
    &year::YearKind,
    &term::TermKind,
    &name::NameKind,
    &choice::ChoiceKind,
    &money::MoneyKind,
    &percent::PercentKind,
    &date::DateKind,
    &time::TimeKind,
];

/// The kind called `name`.
pub fn kind(name: &str) -> Option<&'static dyn Kind> {
    KINDS.iter().copied().find(|k| k.name() == name)
}

/// A number as factlint prints it: no trailing zeros, no exponent.
pub fn format_number(value: f64) -> String {
    if value.is_infinite() {
        return if value > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    if (value - value.round()).abs() < 1e-9 && value.abs() < 1e15 {
        return format!("{}", value.round() as i64);
    }
    let s = format!("{value:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
