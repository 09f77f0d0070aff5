//! A publication date the text contradicts (issue 13, item 8). A reprint
//! carries the date it was republished, not the day its text was written:
//! resolved against that date, "the meeting, due to be held tomorrow" lands
//! two days after the "April 23" the same article gives for the meeting.
//!
//! For each date fact (and subject) an article states both relatively
//! ("tomorrow", "Friday", "yesterday", "today", "two days ago") and
//! absolutely ("April 23", "Friday, April 23"), the relative dates are
//! compared with the days the absolute ones share. When some disagree
//! under the manifest date, the article is read again against each day one
//! or two days before or after it; the first day under which every relative
//! date of those facts agrees with the absolute ones is the likely writing
//! date, and the article gets a warning naming it. Offsets that disagree
//! among themselves (one relative date a day off, another two) name no day
//! and give no warning. The manifest date stays in use unless the manifest
//! says `written = …` for the article; then there is nothing to warn about.

use super::Mention;
use crate::corpus::Article;
use crate::normalize::date::{scan, Expr, Unit};
use crate::normalize::Key;
use crate::rules::{hits_in, Fact, Reading, RuleSet};
use crate::text::Warning;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};

/// How a date was written: against the publication date, or outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Relative,
    Absolute,
}

/// How the date written as `text` is anchored; `None` for dates that are
/// neither a single relative day nor a calendar date ("last week", "in 2015").
fn written(text: &str) -> Option<Written> {
    let (_, expr) = scan::scan(text)
        .into_iter()
        .max_by_key(|(span, _)| span.len())?;
    match expr {
        Expr::Calendar { .. } => Some(Written::Absolute),
        Expr::Weekday { .. }
        | Expr::NearestWeekday { .. }
        | Expr::FromPublication {
            unit: Unit::Day, ..
        } => Some(Written::Relative),
        _ => None,
    }
}

/// One date value of a fact in the article: its subject, the text as
/// written and the days it may mean.
struct Dated<'a> {
    subject: Option<&'a str>,
    text: &'a str,
    days: BTreeSet<&'a str>,
}

/// A relative date that disagrees with the article's absolute ones: as
/// written, the day it was resolved to, the day(s) the absolute ones give.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Clash {
    text: String,
    resolved: String,
    absolute: String,
}

/// What the dates of one fact say: relative dates compared with absolute
/// ones (how many), and those that disagree.
#[derive(Debug, Default)]
struct Judgement {
    compared: usize,
    clashes: Vec<Clash>,
}

/// Compares the relative dates of one fact with its absolute ones, per
/// subject. A subject whose absolute dates share no day is left out: it
/// contradicts itself, whatever the publication date.
fn judge<'a>(dates: impl Iterator<Item = Dated<'a>>, into: &mut Judgement) {
    type Group<'a> = (Vec<Dated<'a>>, Option<BTreeSet<&'a str>>);
    let mut groups: BTreeMap<Option<&str>, Group> = BTreeMap::new();
    for d in dates {
        let group = groups.entry(d.subject).or_default();
        match written(d.text) {
            Some(Written::Relative) => group.0.push(d),
            Some(Written::Absolute) => {
                group.1 = Some(match group.1.take() {
                    None => d.days,
                    Some(shared) => shared.intersection(&d.days).copied().collect(),
                });
            }
            None => {}
        }
    }
    for (relative, absolute) in groups.into_values() {
        let Some(absolute) = absolute.filter(|a| !a.is_empty()) else {
            continue;
        };
        for r in relative {
            into.compared += 1;
            if r.days.is_disjoint(&absolute) {
                let join =
                    |days: &BTreeSet<&str>| days.iter().copied().collect::<Vec<_>>().join(" | ");
                into.clashes.push(Clash {
                    text: r.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    resolved: join(&r.days),
                    absolute: join(&absolute),
                });
            }
        }
    }
}

fn days(key: &Key) -> BTreeSet<&str> {
    match key {
        Key::OneOf(days) => days.iter().map(String::as_str).collect(),
        _ => BTreeSet::new(),
    }
}

/// The date facts whose mentions in the article hold a relative and an
/// absolute date for one subject, and how those mentions compare.
fn under_manifest<'r>(rules: &'r RuleSet, mentions: &[Mention]) -> (Vec<&'r Fact>, Judgement) {
    let mut facts = Vec::new();
    let mut judgement = Judgement::default();
    for fact in rules.facts.iter().filter(|f| f.kind == "date") {
        let before = judgement.compared;
        let dated = mentions
            .iter()
            .filter(|m| *m.fact() == fact.id)
            .map(|m| Dated {
                subject: m.normalized().subject.as_deref(),
                text: m.text(),
                days: days(&m.normalized().key),
            });
        judge(dated, &mut judgement);
        if judgement.compared > before {
            facts.push(fact);
        }
    }
    (facts, judgement)
}

/// How the relative dates of `facts` compare when the article (as
/// `reading` read it) is read as written on `day`.
fn under(facts: &[&Fact], article: &Article, reading: &Reading, day: Date) -> Judgement {
    let reading = reading.redated(Some(day));
    let mut judgement = Judgement::default();
    for fact in facts {
        let hits = hits_in(fact, &reading);
        let dated = hits.iter().flat_map(|hit| {
            let text = &article.text[hit.value.clone()];
            hit.values.iter().map(move |v| Dated {
                subject: v.subject.as_deref(),
                text,
                days: days(&v.key),
            })
        });
        judge(dated, &mut judgement);
    }
    judgement
}

/// The warning for an article whose relative dates all read as written one
/// or two days off its publication date, given its `mentions`; `None` when
/// they agree with its absolute dates, name no single day, or the manifest
/// already gives the day it was written. `reading` is the article's
/// reading that found `mentions`: what it read that does not depend on the
/// publication date is not read again for each day tried.
pub fn check(
    rules: &RuleSet,
    article: &Article,
    reading: &Reading,
    mentions: &[Mention],
) -> Option<Warning> {
    let published = article.source.published?;
    if article.source.more().written.is_some() {
        return None;
    }
    let (facts, judgement) = under_manifest(rules, mentions);
    let first = judgement.clashes.first()?;
    for shift in [-1i8, 1, -2, 2] {
        let Ok(day) = published.checked_add(jiff::Span::new().days(shift)) else {
            continue;
        };
        let shifted = under(&facts, article, reading, day);
        if shifted.compared == 0 || !shifted.clashes.is_empty() {
            continue;
        }
        let count = shift.unsigned_abs();
        let (days, side) = (
            if count == 1 { "1 day" } else { "2 days" },
            if shift < 0 { "before" } else { "after" },
        );
        let more = match judgement.clashes.len() - 1 {
            0 => String::new(),
            n => format!(", and {n} more"),
        };
        return Some(format!(
            "{}: its relative dates read as written on {day}, {days} {side} its publication date {published} ({} → {} vs {}{more}); they are resolved against {published} — set `written = {day}` for it in sources.toml if that is when it was written",
            article.source.path, first.text, first.resolved, first.absolute
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_absolute_dates_are_told_apart() {
        for (text, want) in [
            ("tomorrow", Some(Written::Relative)),
            ("yesterday", Some(Written::Relative)),
            ("today", Some(Written::Relative)),
            ("Friday", Some(Written::Relative)),
            ("two days ago", Some(Written::Relative)),
            ("April 23", Some(Written::Absolute)),
            ("Friday, April 23", Some(Written::Absolute)),
            ("23 April 2021", Some(Written::Absolute)),
            ("last week", None),
            ("in 2015", None),
        ] {
            assert_eq!(written(text), want, "{text}");
        }
    }

    fn dated<'a>(text: &'a str, days: &[&'a str]) -> Dated<'a> {
        Dated {
            subject: None,
            text,
            days: days.iter().copied().collect(),
        }
    }

    #[test]
    fn a_relative_date_off_the_absolute_one_is_a_clash() {
        let mut j = Judgement::default();
        judge(
            [
                dated("April 23", &["2021-04-23"]),
                dated("tomorrow", &["2021-04-25"]),
                dated("Friday", &["2021-04-23", "2021-04-30"]),
            ]
            .into_iter(),
            &mut j,
        );
        assert_eq!(j.compared, 2);
        assert_eq!(
            j.clashes,
            [Clash {
                text: "tomorrow".into(),
                resolved: "2021-04-25".into(),
                absolute: "2021-04-23".into()
            }]
        );
        // Absolute dates that share no day compare nothing.
        let mut j = Judgement::default();
        judge(
            [
                dated("April 23", &["2021-04-23"]),
                dated("April 24", &["2021-04-24"]),
                dated("tomorrow", &["2021-04-25"]),
            ]
            .into_iter(),
            &mut j,
        );
        assert_eq!(j.compared, 0);
    }
}
