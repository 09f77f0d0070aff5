//! Matching a cue-based fact in an article. Each place a cue occurs (its
//! folded words in a row, in a sentence no `exclude` phrase is in) looks for
//! the value its kind reads nearest to it inside the window; each value is
//! then attributed to the source of `by` named nearest to it in its
//! sentence, or else in the sentence before. The article's [`Reading`] (its
//! words, sentences and every value of each kind) is built once and shared
//! by all of its facts.

use super::reading::{values_of, Reading};
use super::{Cues, Unattributed, Window, UNATTRIBUTED};
use crate::normalize::read::Context;
use crate::normalize::{Found, Normalized, RawMatch, KINDS};
use crate::text::analysis::{Analysis, SentenceId};
use crate::text::words::Fx;
use std::collections::HashMap;
use std::ops::Range;

/// Words that join two statements: a value beyond one belongs to the other
/// ("381 dead and 1,801 injured").
const JOINERS: &[&str] = &["and", "or", "but", "while", "wherea", "with"];
/// What crossing a joiner costs, in words of distance.
const JOINER_COST: usize = 5;
/// Joiners that open a contrasting statement of its own ("two were rescued
/// while six others are feared dead"): crossing one costs more than a
/// plain clause holds words, so a value on the cue's own side wins.
const CONTRASTS: &[&str] = &["while", "wherea"];
const CONTRAST_COST: usize = 15;

/// Units of time: "N hours", "six decades" are durations, not counts.
const DURATIONS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "centurie", "century",
];

/// How many bytes either side of a number are read to see whether it is
/// part of another kind's value ("August 3", "4:30 p.m.", "12 km").
const CONTEXT: usize = 40;

/// Kinds whose values a `number` fact never takes: "10 km", "40%", "$5m",
/// "August 3" and "in 2012" hold numbers that are not counts.
const CLAIMED_BY_OTHERS: &[&str] = &["quantity", "percent", "money", "date", "time"];

/// Words after which four digits are a year ("in 2012", "since 1974"),
/// where without one they may be a count ("2012 people had been killed").
const BEFORE_YEARS: &[&str] = &[
    "in",
    "since",
    "of",
    "from",
    "until",
    "till",
    "by",
    "before",
    "after",
    "during",
    "year",
    "early",
    "late",
    "mid",
    "the",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The values a cue-based fact reads: for each value, its byte span and
/// what `normalize` makes of it. With `ordinals` (a number fact with
/// `ordinal = true`) ordinals are read along with numbers.
pub fn values_near_cues(
    cues: &Cues,
    kind: &str,
    ordinals: bool,
    reading: &Reading,
    normalize: &dyn Fn(&RawMatch) -> Option<Vec<Normalized>>,
) -> Vec<(Range<usize>, Vec<Normalized>)> {
    let a = reading.analysis();
    // Spans of other kinds' values in a sentence, which a number fact skips.
    // Whether a number is part of another kind's value, read in a few
    // words around it (only for the candidates a number fact weighs).
    let claimed = |f: &Found, sentence: &Range<usize>| {
        if kind != "number" {
            return false;
        }
        // The answer depends on the number's place only (its sentence is
        // the one it stands in): asked once per article, not once per fact.
        let key = (f.span.start, f.span.end);
        if let Some(&known) = reading.claimed.borrow().get(&key) {
            return known;
        }
        let mut from = f.span.start.saturating_sub(CONTEXT).max(sentence.start);
        while !reading.text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (f.span.end + CONTEXT).min(sentence.end);
        while !reading.text.is_char_boundary(to) {
            to += 1;
        }
        let ctx = Context {
            published: reading.published,
        };
        // The spans of a kind's values in the few words around the number
        // (read once per thread for each such text: see `values_of`).
        let in_kind = |k: &str| -> Vec<Range<usize>> {
            let Some(i) = KINDS.iter().position(|x| x.name() == k) else {
                return Vec::new();
            };
            let found = values_of(i, &reading.text[from..to], ctx);
            found.as_deref().map_or_else(Vec::new, |found| {
                found
                    .iter()
                    .map(|f| f.span.start + from..f.span.end + from)
                    .collect()
            })
        };
        let year = in_kind("year").iter().any(|y| {
            let before = reading.text[..y.start].trim_end();
            let word = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            overlaps(y, &f.span) && BEFORE_YEARS.contains(&word.as_str())
        });
        let claimed = year
            || CLAIMED_BY_OTHERS
                .iter()
                .any(|k| in_kind(k).iter().any(|c| overlaps(c, &f.span)));
        reading.claimed.borrow_mut().insert(key, claimed);
        claimed
    };
    // "a 6.1-magnitude quake", "an 18-year-old": a number hyphenated to a
    // word qualifies that word; it is the value only when the word is the cue.
    let glued = |f: &Found, cue: &Range<usize>| {
        let t = reading.text;
        // "a 948-foot-long ship": a measure adjective qualifies the value itself.
        let after = t[f.span.end..]
            .strip_prefix('-')
            .filter(|r| r.starts_with(char::is_alphabetic))
            .filter(|r| !crate::normalize::units::measure_adjective(r));
        let before = t[..f.span.start]
            .strip_suffix('-')
            .filter(|r| r.ends_with(char::is_alphabetic));
        let word_after = after.map(|_| f.span.end + 1);
        let word_before = before.map(|r| r.len() - 1);
        [word_after, word_before]
            .into_iter()
            .flatten()
            .any(|at| !(cue.start <= at && at < cue.end))
    };
    // "about 36 hours after the quake", "in more than six decades": a
    // duration is no count.
    let duration = |f: &Found| {
        let unit = reading.text[f.span.end..]
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or_default()
            .to_lowercase();
        // Hyphenated ("a two-day visit") is a modifier: see `glued`.
        let spaced = reading.text[f.span.end..].starts_with(' ');
        kind == "number" && spaced && DURATIONS.contains(&unit.trim_end_matches('s'))
    };
    // "10 kilometres (six miles)": the bracketed value restates the one before.
    let restated = |f: &Found, found: &[Found]| {
        let before = reading.text[..f.span.start].trim_end();
        before.strip_suffix('(').is_some_and(|b| {
            let end = b.trim_end().len();
            found.iter().any(|g| g.span.end == end)
        })
    };
    // "transitioning to one of search and recovery", "one of the victims":
    // a spelled "one of" picks one out of something; it counts nothing.
    let partitive = |f: &Found| {
        let t = reading.text;
        kind == "number"
            && t[f.span.clone()].eq_ignore_ascii_case("one")
            && t[f.span.end..]
                .trim_start()
                .get(..3)
                .is_some_and(|w| w.eq_ignore_ascii_case("of "))
    };
    let clock = |f: &Found| {
        // "4:30" without a time kind: two numbers around a colon.
        let t = reading.text.as_bytes();
        let before = f.span.start >= 2
            && t[f.span.start - 1] == b':'
            && t[f.span.start - 2].is_ascii_digit();
        let after = t.get(f.span.end) == Some(&b':')
            && t.get(f.span.end + 1).is_some_and(u8::is_ascii_digit);
        kind == "number" && (before || after)
    };
    // Whether an `exclude` phrase is in a sentence (only cue sentences are read).
    let mut excluded: HashMap<SentenceId, bool, Fx> = HashMap::default();
    let mut out: Vec<(Range<usize>, Vec<Normalized>)> = Vec::new();
    for cue in &cues.cues {
        for occurrence in a.find(&cue.words) {
            let sentence = occurrence.sentence;
            if *excluded.entry(sentence).or_insert_with(|| {
                cues.exclude
                    .iter()
                    .any(|x| a.in_sentence(&x.words, sentence))
            }) {
                continue;
            }
            let found = if ordinals {
                Some(reading.numbers_and_ordinals(sentence))
            } else {
                reading.values_in(kind, sentence)
            };
            let Some(found) = found else {
                return Vec::new();
            };
            let found: &[Found] = found.as_deref().unwrap_or_default();
            let bounds = a.range(sentence);
            let cue_span = occurrence.span.clone();
            let window = match cues.window {
                Window::Clause => across_aside(reading.text, a.clause_of(&occurrence), &bounds),
                Window::Sentence => a.range(sentence),
                // The sentence, and at most N words between (checked below).
                Window::Words(_) => a.range(sentence),
            };
            let near = |f: &Found| match cues.window {
                Window::Words(n) => distance(a, reading.text, &cue_span, &f.span) <= n,
                _ => true,
            };
            let mut candidates: Vec<(usize, bool, &Found)> = found
                .iter()
                .filter(|f| f.span.start >= window.start && f.span.end <= window.end)
                .filter(|f| f.span.end <= cue_span.start || f.span.start >= cue_span.end)
                .filter(|f| !clock(f) && !partitive(f))
                .filter(|f| !glued(f, &cue_span) && near(f) && !restated(f, found))
                .filter(|f| !duration(f))
                .map(|f| {
                    let d = distance(a, reading.text, &cue_span, &f.span);
                    (d, f.span.start < cue_span.start, f)
                })
                .collect();
            // Nearest first; at equal distance the value after the cue.
            candidates.sort_by_key(|(d, before, f)| (*d, *before, f.span.start));
            for (_, _, f) in candidates {
                if claimed(f, &bounds) {
                    continue;
                }
                if out.iter().any(|(span, _)| *span == f.span) {
                    break;
                }
                let raw = RawMatch {
                    text: reading.text,
                    value: f.span.clone(),
                    whole: f.span.clone(),
                    groups: Vec::new(),
                    published: reading.published,
                    timezone: reading.timezone,
                };
                if let Some(values) = normalize(&raw) {
                    out.push((f.span.clone(), values));
                    break;
                }
                // What the kind itself could not resolve ("Tuesday" without a
                // publication date) is reported as such, not skipped.
                if !f.value.is_resolved() {
                    out.push((f.span.clone(), vec![f.value.clone()]));
                    break;
                }
            }
        }
    }
    out.sort_by_key(|(span, _)| span.start);
    out
}

/// Whether a value found by a pattern at `span` keeps to the cue fields:
/// not in an excluded sentence, and near a cue when there are cues.
pub fn admits(cues: &Cues, reading: &Reading, span: &Range<usize>) -> bool {
    let a = reading.analysis();
    let Some(sentence) = a.sentence_at(span.start) else {
        return cues.cues.is_empty();
    };
    if cues
        .exclude
        .iter()
        .any(|x| a.in_sentence(&x.words, sentence))
    {
        return false;
    }
    if cues.cues.is_empty() {
        return true;
    }
    let clause = a.clause_at(span.start);
    cues.cues
        .iter()
        .flat_map(|c| a.find_in(&c.words, sentence))
        .any(|o| match cues.window {
            Window::Clause => Some(a.clause_of(&o)) == clause,
            Window::Sentence => true,
            Window::Words(n) => distance(a, reading.text, &o.span, span) <= n,
        })
}

/// The subject of a value at `span` under `by`: the key of the source
/// named nearest to it in its clause, or else in its sentence, or else last
/// in the sentence before; [`UNATTRIBUTED`] for none, or `None` when such values are dropped.
pub fn attribute(cues: &Cues, reading: &Reading, span: &Range<usize>) -> Option<String> {
    let a = reading.analysis();
    let sentence = a.sentence_at(span.start);
    // Source names in the value's sentence and the one before.
    let near: Vec<SentenceId> = sentence
        .map(|s| a.previous(s).into_iter().chain([s]).collect())
        .unwrap_or_default();
    let named: Vec<(SentenceId, Range<usize>, &str)> = cues
        .by
        .iter()
        .flat_map(|s| s.names.iter().map(move |n| (s, n)))
        .flat_map(|(source, n)| {
            near.iter().flat_map(move |&s| {
                a.find_in(&n.words, s)
                    .into_iter()
                    .map(move |o| (o.sentence, o.span, source.key.as_str()))
            })
        })
        .collect();
    // In the value's clause first ("the USGS put the depth at 10 km, while
    // China's agency put it at 12 km"), then anywhere in its sentence.
    let clause = a.clause_at(span.start);
    let nearest = |same_clause: bool| {
        let s = sentence?;
        named
            .iter()
            .filter(|(place, at, _)| {
                *place == s && (!same_clause || a.clause_at(at.start) == clause)
            })
            .min_by_key(|(_, at, _)| (distance(a, reading.text, at, span), at.start))
    };
    let in_own = nearest(true).or_else(|| nearest(false));
    let before = || {
        let s = a.previous(sentence?)?;
        named
            .iter()
            .filter(|(place, _, _)| *place == s)
            .max_by_key(|(_, at, _)| at.start)
    };
    match in_own.or_else(before) {
        Some((_, _, key)) => Some(key.to_string()),
        None if cues.unattributed == Unattributed::Keep => Some(UNATTRIBUTED.into()),
        None => None,
    }
}

/// A clause continued across a bracketed aside: in "a massive 948ft (289m)
/// container ship" the cue "ship" and the value "948ft" are one clause that
/// the aside splits. `clause` grows over one aside on either side when clause
/// text (not a separator or the sentence's end) stands beyond it; an aside
/// that ends its clause ("32 abstained (141 voted in favour)") stays apart.
fn across_aside(text: &str, clause: Range<usize>, sentence: &Range<usize>) -> Range<usize> {
    let clause_text = |r: &str| {
        r.trim_start()
            .starts_with(|c: char| c.is_alphanumeric() || c == '$' || c == '"' || c == '\u{201c}')
    };
    let mut out = clause.clone();
    let after = &text[clause.end..sentence.end];
    if after.trim_start().starts_with('(') {
        let open = clause.end + (after.len() - after.trim_start().len());
        if let Some(close) = text[open..sentence.end].find(')').map(|i| open + i) {
            let rest = &text[close + 1..sentence.end];
            if clause_text(rest) {
                let stop = crate::text::segment::clause_breaks(rest)
                    .map(|(i, _)| i)
                    .next()
                    .unwrap_or(rest.len());
                out.end = close + 1 + rest[..stop].trim_end().len();
            }
        }
    }
    let before = &text[sentence.start..clause.start];
    if before.trim_end().ends_with(')') {
        let close = sentence.start + before.trim_end().len() - 1;
        if let Some(open) = text[sentence.start..close]
            .rfind('(')
            .map(|i| sentence.start + i)
        {
            let head = &text[sentence.start..open];
            let start = crate::text::segment::clause_breaks(head)
                .last()
                .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
            if !head[start - sentence.start..].trim().is_empty() {
                out.start = start
                    + (head[start - sentence.start..].len()
                        - head[start - sentence.start..].trim_start().len());
            }
        }
    }
    out
}

/// How far apart two spans are, in words between them; a joining word
/// ("and") counts as [`JOINER_COST`] words, a contrasting one ("while") as
/// [`CONTRAST_COST`].
fn distance(a: &Analysis, text: &str, x: &Range<usize>, y: &Range<usize>) -> usize {
    let (left, right) = if x.start <= y.start { (x, y) } else { (y, x) };
    // Words in brackets between them are an aside ("44 miles (71
    // kilometers) southwest of Marrakesh"): they do not count.
    let mut depth = 0usize;
    let mut at = left.end.min(right.start);
    let mut count = 0;
    let between = a.between(x, y);
    for w in between.words() {
        for c in text[at.min(w.span.start)..w.span.start].chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        at = w.span.end;
        if depth == 0 {
            count += if CONTRASTS.contains(&&*w.stem) {
                CONTRAST_COST
            } else if JOINERS.contains(&&*w.stem) {
                JOINER_COST
            } else {
                1
            };
        }
    }
    count
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
