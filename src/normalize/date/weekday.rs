//! Weekday names ("on Tuesday", "Thursday's vote", "the vote Thursday") and
//! the tense cues that decide which one is meant. News writes a weekday for
//! a day within about a week of publication: with a past cue ("voted",
//! "did not take part", "was") or no cue, the most recent such day on or
//! before publication; with a future cue ("will", "is to", "is scheduled
//! to", "next") the next one on or after it. A Tuesday article's "on
//! Tuesday" is that day either way. When the cues disagree and the clause
//! does not settle it, both candidates are kept. In reported speech the
//! reported clause governs: "the ministry said Friday's meeting would
//! cover…" is the coming Friday — "would" (future in the past) is the cue
//! of the weekday's clause, "said" only of the sentence.

use super::{need_published, Days, Expr, Resolved};
use jiff::civil::{Date, Weekday};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The tense a date's sentence is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No cue: news reports the past.
    Unmarked,
    /// Both kinds of cue, and the clause does not settle it.
    Unclear,
}

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|shall|won't|is\s+to|are\s+to|(?:is|are)\s+(?:scheduled|set|expected|due|slated|going)\s+to|scheduled\s+to|plans?\s+to|intends?\s+to|upcoming|next|coming|to\s+be\s+held)\b|\w['’]ll\b",
    )
    .expect("future cues")
});

static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:was|were|had|did|didn't|voted|abstained|took|arrived|showed|left|went|came|met|held|visited|announced|told|signed|agreed|called|gave|made|spoke|traveled|travelled|attended|reported|demanded|assured|added|reaffirmed|adopted|passed|approved|rejected|said|ended|began|started|launched|opened|closed|received|welcomed|discussed|stressed|urged|warned|expressed|declared|decided|caused|killed|died|returned|flew|landed|hosted|joined|marked)\b",
    )
    .expect("past cues")
});

static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:after|before|because|since|although|though|while|whereas|when|which|who|until|unless)\b")
        .expect("subordinating words")
});

static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|told|announced|stated|added|noted|confirmed|explained)\b(?:\s+that\b)?")
        .expect("reporting verbs")
});

static WOULD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:would|(?:was|were)\s+(?:to|due\s+to|expected\s+to|scheduled\s+to|set\s+to|slated\s+to))\b|\w['’]d\b")
        .expect("future-in-the-past cues")
});

/// A sentence, where the date is in it, and whether "'s" follows the date:
/// all that [`tense`] reads.
type TenseKey = (Box<str>, usize, usize, bool);

/// How many tenses a thread keeps (a dense archive repeats its sentences).
const KEPT_TENSES: usize = 1 << 12;

thread_local! {
    /// Tenses worked out lately: the cue regexes run over the sentence for
    /// each weekday and month, and the same sentences come back article
    /// after article.
    static TENSES: std::cell::RefCell<std::collections::HashMap<TenseKey, (Tense, String), crate::text::words::Fx>> =
        Default::default();
}

/// Empties this thread's tenses (see [`super::clear_thread_caches`]).
pub(super) fn clear_thread_cache() {
    TENSES.take();
}

/// Tense of the clause (then the sentence) around `span`, and the cue that decided it.
pub fn tense(text: &str, span: Range<usize>) -> (Tense, String) {
    let sentence = crate::text::sentence_bounds(text, span.clone());
    // Nothing outside the sentence is read but whether "'s" follows the date.
    let after = &text[span.end..];
    let key: TenseKey = (
        text[sentence.clone()].into(),
        span.start - sentence.start,
        span.end - sentence.start,
        after.starts_with("'s") || after.starts_with("’s"),
    );
    if let Some(found) = TENSES.with_borrow(|kept| kept.get(&key).cloned()) {
        return found;
    }
    let found = tense_in(text, sentence, span);
    TENSES.with_borrow_mut(|kept| {
        if kept.len() >= KEPT_TENSES {
            kept.clear();
        }
        kept.insert(key, found.clone());
    });
    found
}

/// [`tense`] in `sentence`, the sentence around `span`, worked out.
fn tense_in(text: &str, sentence: Range<usize>, span: Range<usize>) -> (Tense, String) {
    if let Some(found) = reported(text, sentence.clone(), span.clone()) {
        return found;
    }
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')' | '“' | '”' | '"');
    // After the break character, whatever its width ("—" is 3 bytes; found by fuzzing).
    let clause_start = text[sentence.start..span.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let clause_end = text[span.end..sentence.end]
        .find(is_break)
        .map_or(sentence.end, |i| span.end + i);
    // A subordinate clause is a scope of its own: "will hold a meeting on
    // Friday after a conference was postponed" is future.
    let clause_start = SUBORDINATE
        .find_iter(&text[clause_start..span.start])
        .last()
        .map_or(clause_start, |m| clause_start + m.start());
    let clause_end = SUBORDINATE
        .find(&text[span.end..clause_end])
        .map_or(clause_end, |m| span.end + m.start());
    for (scope, name) in [(clause_start..clause_end, "clause"), (sentence, "sentence")] {
        let cues = |re: &Regex| -> Vec<(usize, String)> {
            re.find_iter(&text[scope.clone()])
                // Words of the date itself ("next" in "next Sunday") are not cues.
                .filter(|m| {
                    scope.start + m.end() <= span.start || scope.start + m.start() >= span.end
                })
                .map(|m| (scope.start + m.start(), m.as_str().to_string()))
                .collect()
        };
        let (future, past) = (cues(&FUTURE), cues(&PAST));
        let nearest = |list: &[(usize, String)]| {
            list.iter()
                .min_by_key(|(at, _)| at.abs_diff(span.start))
                .map(|(_, w)| w.to_lowercase())
        };
        match (nearest(&future), nearest(&past)) {
            (Some(f), None) => return (Tense::Future, format!("future cue '{f}'")),
            (None, Some(p)) => return (Tense::Past, format!("past cue '{p}'")),
            (Some(f), Some(p)) if name == "sentence" => {
                return (
                    Tense::Unclear,
                    format!("unclear tense: future cue '{f}' and past cue '{p}'"),
                )
            }
            _ => {}
        }
    }
    (
        Tense::Unmarked,
        "no tense cue (news reports the past)".into(),
    )
}

/// The tense of a weekday in a reported clause ("said Friday's meeting
/// would cover"): after the last reporting verb before it, up to the end
/// of its clause, "would"/"was to" or a future cue against the past cues.
fn reported(text: &str, sentence: Range<usize>, span: Range<usize>) -> Option<(Tense, String)> {
    let verb = REPORTING
        .find_iter(&text[sentence.start..span.start])
        .last()?;
    let start = sentence.start + verb.end();
    // "said on Monday that …", "said Monday": the day of the saying, not
    // of the reported clause ("said Friday's meeting would…" is).
    let gap = text[start..span.start].trim();
    let possessive = ["'s", "’s"]
        .iter()
        .any(|s| text[span.end..].starts_with(s) || text[span.clone()].ends_with(s));
    if (gap.is_empty() || gap.eq_ignore_ascii_case("on")) && !possessive {
        // The reporting verb is in the past ("confirmed Thursday that a
        // meeting will take place on Friday"): its day is past, whatever the
        // reported clause says. Verbs that are past cues themselves ("said",
        // "told") are read as such in the clause below; "says" tells nothing.
        let verb = verb.as_str().split_whitespace().next().unwrap_or("");
        let plain = verb.eq_ignore_ascii_case("says") || PAST.is_match(verb);
        return (!plain).then(|| {
            (
                Tense::Past,
                format!("the day of the saying: '{}'", verb.to_lowercase()),
            )
        });
    }
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')' | '“' | '”' | '"');
    let end = text[span.end..sentence.end]
        .find(is_break)
        .map_or(sentence.end, |i| span.end + i);
    let scope = &text[start..end];
    let outside = |m: &regex::Match| start + m.end() <= span.start || start + m.start() >= span.end;
    let future = WOULD
        .find_iter(scope)
        .chain(FUTURE.find_iter(scope))
        .find(|m| outside(m))
        .map(|m| m.as_str().to_lowercase());
    let past = PAST.find_iter(scope).any(|m| outside(&m));
    match (future, past) {
        (Some(f), false) => Some((
            Tense::Future,
            format!(
                "reported speech: '{} … {f}' (future of the reported clause)",
                verb.as_str().trim().to_lowercase()
            ),
        )),
        _ => None,
    }
}

/// The `weekday` on or before `day`.
pub fn on_or_before(day: Date, weekday: Weekday) -> Option<Date> {
    day.tomorrow().ok()?.nth_weekday(-1, weekday).ok()
}

/// The `weekday` on or after `day`.
pub fn on_or_after(day: Date, weekday: Weekday) -> Option<Date> {
    day.yesterday().ok()?.nth_weekday(1, weekday).ok()
}

/// Resolves a weekday name found at `span` of `text`.
pub fn resolve(
    text: &str,
    span: Range<usize>,
    expr: &Expr,
    published: Option<Date>,
) -> Result<Resolved, String> {
    let written = text[span.clone()].trim();
    let overflow = || format!("`{written}` falls outside the calendar");
    let (weekday, week) = match *expr {
        Expr::Weekday { weekday, week } => (weekday, week),
        Expr::NearestWeekday { weekday, nth } => {
            let published = need_published(published, &format!("`{written}`"))?;
            let date = published
                .nth_weekday(nth, weekday)
                .map_err(|_| overflow())?;
            let side = if nth > 0 { "after" } else { "before" };
            let how = format!(
                "{weekday:?} number {} {side} publication {published}",
                nth.abs()
            );
            return Ok(Resolved::new(Days::one(date), how));
        }
        _ => return Err(format!("`{written}` is not a weekday")),
    };
    let published = need_published(published, &format!("`{written}`"))?;
    if let Some(week) = week {
        // "next Sunday" is the Sunday of next week (weeks start on Monday).
        let monday = on_or_before(published, Weekday::Monday).ok_or_else(overflow)?;
        let monday = monday
            .checked_add(jiff::Span::new().weeks(week))
            .map_err(|_| overflow())?;
        let date = on_or_after(monday, weekday).ok_or_else(overflow)?;
        let which = match week {
            -1 => "last week",
            0 => "the publication week",
            1 => "next week",
            _ => "a week counted from publication",
        };
        return Ok(Resolved::new(
            Days::one(date),
            format!("{weekday:?} of {which} (weeks start on Monday), published {published}"),
        ));
    }
    let before = on_or_before(published, weekday).ok_or_else(overflow)?;
    let after = on_or_after(published, weekday).ok_or_else(overflow)?;
    let (tense, cue) = tense(text, span);
    let (days, how) = match tense {
        Tense::Future => (
            vec![after],
            format!("next {weekday:?} on or after publication {published}, {cue}"),
        ),
        Tense::Past | Tense::Unmarked => (
            vec![before],
            format!("most recent {weekday:?} on or before publication {published}, {cue}"),
        ),
        Tense::Unclear if before == after => (
            vec![before],
            format!("publication day {published} is a {weekday:?}, {cue}"),
        ),
        Tense::Unclear => (
            vec![before, after],
            format!("either the {weekday:?} before or after publication {published}, {cue}"),
        ),
    };
    Ok(Resolved::new(Days::OneOf(days), how))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(text: &str, word: &str, published: Date) -> Resolved {
        let start = text.find(word).unwrap();
        let weekday = super::super::scan::weekday_from(word).unwrap();
        resolve(
            text,
            start..start + word.len(),
            &Expr::Weekday {
                weekday,
                week: None,
            },
            Some(published),
        )
        .unwrap()
    }

    #[test]
    fn tense_cues_pick_the_weekday() {
        let friday = date(2023, 2, 24);
        let past = at(
            "The five republics abstained or did not take part in the vote Thursday at the UN.",
            "Thursday",
            friday,
        );
        assert_eq!(past.days, Days::one(date(2023, 2, 23)));
        assert_eq!(
            past.how,
            "most recent Thursday on or before publication 2023-02-24, past cue 'did'"
        );
        let future = at(
            "Blinken will travel to meet his counterparts in Astana, on Tuesday.",
            "Tuesday",
            friday,
        );
        assert_eq!(future.days, Days::one(date(2023, 2, 28)));
        assert!(future.how.contains("future cue 'will'"), "{}", future.how);
        let same_day = at(
            "The top U.S. diplomat will hold talks Tuesday in Kazakhstan.",
            "Tuesday",
            date(2023, 2, 28),
        );
        assert_eq!(same_day.days, Days::one(date(2023, 2, 28)));
        let none = at("Talks on Monday.", "Monday", friday);
        assert_eq!(none.days, Days::one(date(2023, 2, 20)));
    }

    #[test]
    fn the_day_a_ministry_confirmed_a_coming_meeting_is_past() {
        // tech-consultingstudies.eu, dated Saturday 24 April 2021 (the
        // trilateral fixture's 04): the confirming was on Thursday the 22nd,
        // the meeting it confirms is still to come.
        let text = "Turkey’s Foreign Ministry confirmed Thursday that a trilateral meeting between foreign ministers from Turkey, Afghanistan and Pakistan will take place on Friday, April 23, in Istanbul.";
        let r = at(text, "Thursday", date(2021, 4, 24));
        assert_eq!(r.days, Days::one(date(2021, 4, 22)));
        assert!(
            r.how.ends_with("the day of the saying: 'confirmed'"),
            "{}",
            r.how
        );
    }

    #[test]
    fn mixed_cues_keep_both_candidates() {
        let r = at(
            "He said talks will resume, and that envoys met again; Thursday is key.",
            "Thursday",
            date(2023, 2, 24),
        );
        assert_eq!(
            r.days,
            Days::OneOf(vec![date(2023, 2, 23), date(2023, 3, 2)])
        );
        assert!(r.how.starts_with("either"), "{}", r.how);
    }
}
