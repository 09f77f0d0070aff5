//! The first reading of discovery: every typed value of an article (dates,
//! times, money, percentages, quantities, years, numbers, read by the kind
//! readers of [`crate::normalize::read`] through the article's
//! [`Reading`]) with its cue words — the content words that govern it in its
//! clause ("killed", "toll", "border"), folded by [`crate::text::words`],
//! stop words left out — and the content words just beyond its clause in its
//! sentence. Each (kind, cue) pair an article gives is summed over the corpus
//! in [`CueStats`]: in how many articles, with which values, how near.

use crate::normalize::Found;
use crate::rules::Reading;
use crate::text::analysis::SentenceId;
use crate::text::words::Word;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// The kinds discovery reads, most specific first: where two kinds read the
/// same words ("February 24" is a date and holds the number 24), the first wins.
pub const KINDS: &[&str] = &[
    "date", "time", "money", "percent", "quantity", "year", "number",
];

/// Content words nearest a value, in its clause, that become its cues.
const IN_CLAUSE: usize = 6;
/// Content words beyond the value's clause, in its sentence, and how far.
const BEYOND_CLAUSE: usize = 3;
const BEYOND_DISTANCE: usize = 4;
/// Distinct values kept per pair (enough to tell agreement from conflict).
const VALUES_KEPT: usize = 16;

/// Words that govern no value: function words, reporting verbs and the
/// words of time that every news sentence holds. Folded forms.
const STOP: &str = "a about above after again against all almost along also although am among an \
    and another any are around as at be been before being below between both but by can could \
    did do does doing down during each either else even ever every few for from further had has \
    have having he her here hers herself him himself his how however i if in into is it its \
    itself just least less many may might more most much must my near nearly neither no nor not \
    now of off on once one only or other our ours out over own per perhaps quite rather said \
    same say says several she should since so some still such than that the their theirs them \
    then there these they this those though through thus to too toward towards under until up \
    upon us very via was we were what when where whether which while who whom whose why will \
    with within without would yet you your accord according ago told tell added add like \
    last next first second third week weeks day days month months year years today yesterday \
    tomorrow monday tuesday wednesday thursday friday saturday sunday time times";

/// [`STOP`] as a set, built once: the test runs for every word near every value.
static STOP_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP.split_whitespace().collect());

fn is_stop(word: &str, stem: &str) -> bool {
    STOP_SET.contains(word) || STOP_SET.contains(stem)
}

/// A value's cue: what was read, near which word, how near.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CueKey {
    pub kind: &'static str,
    /// A quantity's dimension or an amount's currency; empty for other kinds.
    pub dim: String,
    /// The cue word, folded.
    pub stem: String,
    /// A rule with `window = "sentence"`: the cue may stand beyond the value's clause.
    pub sentence: bool,
}

/// What the articles of a corpus say near one cue.
#[derive(Debug, Clone, Default)]
pub struct CueStats {
    /// Articles with a value near the cue.
    pub articles: usize,
    /// Articles whose values near the cue are all the same value.
    pub specific: usize,
    /// Sum over articles of the words between the cue and its nearest value.
    pub distance: usize,
    /// The cue word as first written (lower case), for the rule.
    pub surface: String,
    /// A quantity's unit or an amount's currency, as a rule names it.
    pub unit: String,
    /// Distinct values seen (at most [`VALUES_KEPT`]).
    pub values: BTreeSet<String>,
}

impl CueStats {
    /// Adds another part of the corpus.
    pub fn merge(&mut self, other: CueStats) {
        self.articles += other.articles;
        self.specific += other.specific;
        self.distance += other.distance;
        if self.surface.is_empty() || (!other.surface.is_empty() && other.surface < self.surface) {
            self.surface = other.surface;
        }
        if self.unit.is_empty() || (!other.unit.is_empty() && other.unit < self.unit) {
            self.unit = other.unit;
        }
        for v in other.values {
            if self.values.len() >= VALUES_KEPT {
                break;
            }
            self.values.insert(v);
        }
    }
}

/// What one article gives: its (kind, cue) pairs, and how many date
/// values it left out for want of a publication date.
#[derive(Debug, Default)]
pub struct ArticleCues {
    pub cues: HashMap<CueKey, CueStats>,
    pub undated: usize,
    /// Sentences read, and for each content word (folded) how many hold it.
    pub sentences: usize,
    pub stems: HashMap<String, usize>,
}

/// One typed value in a sentence: its kind, span, value and grouping key.
struct Value {
    kind: &'static str,
    span: Range<usize>,
    value: String,
    dim: String,
    unit: String,
}

/// Reads every sentence of an article.
pub fn read(reading: &Reading) -> ArticleCues {
    let mut out = ArticleCues::default();
    let mut per: HashMap<CueKey, (BTreeSet<String>, usize, String, String)> = HashMap::new();
    for s in reading.analysis().sentences() {
        out.sentences += 1;
        let sentence = reading.analysis().sentence(s);
        let words = &sentence.words;
        let held: BTreeSet<&str> = words
            .iter()
            .filter(|w| content(reading, w))
            .map(|w| &*w.stem)
            .collect();
        for stem in held {
            *out.stems.entry(stem.to_string()).or_default() += 1;
        }
        let values = values_in(reading, s, &mut out.undated);
        if values.is_empty() {
            continue;
        }
        cue_words(reading, s, &values, &mut per);
    }
    for (key, (values, distance, surface, unit)) in per {
        let stats = CueStats {
            articles: 1,
            specific: usize::from(values.len() == 1),
            distance,
            surface,
            unit,
            values,
        };
        out.cues.insert(key, stats);
    }
    out
}

/// The values of sentence `s`, one per place: the most specific kind wins.
fn values_in(reading: &Reading, s: SentenceId, undated: &mut usize) -> Vec<Value> {
    let mut taken: Vec<Range<usize>> = Vec::new();
    let mut out = Vec::new();
    for &kind in KINDS {
        let Some(found) = reading.values_in(kind, s) else {
            continue;
        };
        for f in found.iter().flatten() {
            if taken
                .iter()
                .any(|t| t.start < f.span.end && f.span.start < t.end)
            {
                continue;
            }
            // "in 2015" is a whole year to the date reader: the year kind reads it.
            if kind == "date" && f.text.trim().chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            taken.push(f.span.clone());
            if !f.value.is_resolved() {
                if kind == "date" && reading.published.is_none() {
                    *undated += 1;
                }
                continue;
            }
            let (dim, unit) = grouping(kind, f);
            out.push(Value {
                kind,
                span: f.span.clone(),
                value: f.value.value.clone(),
                dim,
                unit,
            });
        }
    }
    out
}

/// A quantity's dimension and unit, an amount's currency (twice).
fn grouping(kind: &str, f: &Found) -> (String, String) {
    let extra = |k: &str| {
        f.extra
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    match kind {
        "quantity" => (extra("dimension"), extra("unit")),
        "money" => (extra("currency"), extra("currency")),
        _ => (String::new(), String::new()),
    }
}

/// Whether a word can govern a value: letters, three or more, no stop word.
fn content(reading: &Reading, w: &Word) -> bool {
    let surface = reading.text[w.span.clone()].to_lowercase();
    w.stem.chars().count() >= 3
        && w.stem.chars().any(char::is_alphabetic)
        && !is_stop(&surface, &w.stem)
}

/// Adds the cue words of each value of sentence `s` to `per`.
fn cue_words(
    reading: &Reading,
    s: SentenceId,
    values: &[Value],
    per: &mut HashMap<CueKey, (BTreeSet<String>, usize, String, String)>,
) {
    let sentence = reading.analysis().sentence(s);
    let words = &sentence.words;
    // Words inside any value ("kilometers", "February") are no cues.
    let inside = |w: &Range<usize>| {
        values
            .iter()
            .any(|v| v.span.start < w.end && w.start < v.span.end)
    };
    let content: Vec<usize> = (0..words.len())
        .filter(|&i| content(reading, &words[i]) && !inside(&words[i].span))
        .collect();
    for v in values {
        // The value's words: those it overlaps, or the place it stands.
        let first = words.partition_point(|w| w.span.end <= v.span.start);
        let last = words.partition_point(|w| w.span.start < v.span.end);
        let clause = reading
            .analysis()
            .clause_at(v.span.start)
            .unwrap_or(v.span.clone());
        let mut near: Vec<(usize, bool, usize)> = content
            .iter()
            .map(|&i| {
                let d = if i < first {
                    first - i - 1
                } else {
                    i.saturating_sub(last)
                };
                let w = &words[i].span;
                let beyond = !(clause.start <= w.start && w.end <= clause.end);
                (d, beyond, i)
            })
            .collect();
        near.sort();
        // A clause cue also stands in the sentence: both windows are proposed.
        let in_clause = near
            .iter()
            .filter(|(_, b, _)| !b)
            .take(IN_CLAUSE)
            .flat_map(|&(d, _, i)| [(d, false, i), (d, true, i)]);
        let beyond = near
            .iter()
            .filter(|(d, b, _)| *b && *d <= BEYOND_DISTANCE)
            .take(BEYOND_CLAUSE)
            .copied();
        for (d, sentence_window, i) in in_clause.chain(beyond) {
            let key = CueKey {
                kind: v.kind,
                dim: v.dim.clone(),
                stem: words[i].stem.to_string(),
                sentence: sentence_window,
            };
            let surface = reading.text[words[i].span.clone()].to_lowercase();
            let entry = per
                .entry(key)
                .or_insert_with(|| (BTreeSet::new(), d, surface, v.unit.clone()));
            entry.0.insert(v.value.clone());
            entry.1 = entry.1.min(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues_of(text: &str, published: Option<&str>) -> ArticleCues {
        let published = published.and_then(|p| p.parse().ok());
        read(&Reading::new(text, 0, published))
    }

    #[test]
    fn values_take_the_content_words_of_their_clause() {
        let text =
            "Kazakhstan, which shares a border some 7,500 kilometers long with Russia, is wary.";
        let got = cues_of(text, None);
        let border = CueKey {
            kind: "quantity",
            dim: "length".into(),
            stem: "border".into(),
            sentence: false,
        };
        let stats = &got.cues[&border];
        assert_eq!(stats.values.iter().collect::<Vec<_>>(), ["7500 km"]);
        assert_eq!(stats.unit, "km");
        assert_eq!(stats.distance, 1, "\"some\" stands between");
        // The unit is part of the value, not a cue; "which" is a stop word.
        let stems: BTreeSet<&str> = got.cues.keys().map(|k| k.stem.as_str()).collect();
        assert!(
            stems.contains("share") && stems.contains("long"),
            "{stems:?}"
        );
        assert!(!stems.contains("kilomet") && !stems.contains("which"));
        // The number 7,500 is read as the quantity, not twice.
        assert!(got.cues.keys().all(|k| k.kind == "quantity"));
    }

    #[test]
    fn words_beyond_the_clause_are_sentence_cues() {
        let text = "The last secretary of state to visit, Mike Pompeo, in 2020 pushed them.";
        let got = cues_of(text, None);
        let pompeo = CueKey {
            kind: "year",
            dim: String::new(),
            stem: "pompeo".into(),
            sentence: true,
        };
        assert_eq!(
            got.cues[&pompeo].values.iter().collect::<Vec<_>>(),
            ["2020"]
        );
        let pushed = CueKey {
            stem: "push".into(),
            sentence: false,
            ..pompeo
        };
        assert!(got.cues.contains_key(&pushed));
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        let text = "The five abstained in the vote Thursday at the UN.";
        let undated = cues_of(text, None);
        assert_eq!(undated.undated, 1);
        assert!(undated.cues.keys().all(|k| k.kind != "date"));
        let dated = cues_of(text, Some("2023-02-24"));
        let vote = CueKey {
            kind: "date",
            dim: String::new(),
            stem: "vote".into(),
            sentence: false,
        };
        assert_eq!(
            dated.cues[&vote].values.iter().collect::<Vec<_>>(),
            ["2023-02-23"]
        );
    }
}
