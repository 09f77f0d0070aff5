//! `factlint explain FACT_ID [PATHS…] [--format text|json]`: every mention of one fact, with its
//! quote, the raw text, which pattern matched, how the text was read (value,
//! hedge, subject, the normalizer's note, the comparable key), and why the
//! comparer decided as it did: the support of each value, the consensus, the
//! outliers and the record.

use super::check::{corpus_paths, entries, rule_paths, ConfigArgs};
use clap::Args;
use factlint::compare::suppress;
use factlint::compare::{shown, Verdict};
use factlint::normalize::tolerance::Tolerance;
use factlint::normalize::{format_number, Key, Normalized};
use factlint::rules::{Fact, RuleSet};
use factlint::{check, corpus, Error, Exit, Result};
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The fact's id, as in the rule file
    #[arg(value_name = "FACT_ID")]
    fact: String,
    /// Article files or folders [default: `corpus` in factlint.toml, else seeds]
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    /// Rule file or folder; repeat for several [default: `rules` in factlint.toml, else rules]
    #[arg(long, short, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Output format: text for people, json for tools
    #[arg(long, short, value_enum, default_value = "text")]
    format: ExplainFormat,
    #[command(flatten)]
    settings: ConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

/// The comparable key in words.
fn key(k: &Key) -> String {
    match k {
        Key::Interval { lo, hi, unit } => {
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" ({unit}, base unit)")
            };
            if lo == hi {
                format!("exactly {}{unit}", format_number(*lo))
            } else {
                format!(
                    "between {} and {}{unit}",
                    format_number(*lo),
                    format_number(*hi)
                )
            }
        }
        Key::OneOf(items) => format!("one of {}", items.join(", ")),
        Key::Label(l) => format!("the label “{l}”"),
        Key::Time {
            wall, utc, dated, ..
        } => {
            use factlint::normalize::time::clock_text;
            match utc {
                Some(u) if *dated => {
                    format!("the instant {} UTC on the day written", clock_text(*u))
                }
                Some(u) => format!("the time of day {} UTC", clock_text(*u)),
                None => format!("the wall-clock time {}", clock_text(*wall)),
            }
        }
        Key::Unresolved(reason) => format!("unresolved: {reason}"),
    }
}

/// `rises`, `falls`, `any` as the rule writes it.
fn changes_word(c: factlint::rules::Changes) -> &'static str {
    match c {
        factlint::rules::Changes::Rises => "rises",
        factlint::rules::Changes::Falls => "falls",
        factlint::rules::Changes::Any => "any",
    }
}

/// The key actually compared and why it differs from the value as written,
/// when the precision or the tolerance widened it.
fn compared(fact: &Fact, n: &Normalized) -> Option<(Key, String)> {
    let Key::Interval { lo, hi, unit } = &n.key else {
        return None;
    };
    let (clo, chi) = fact.normalizer.compared(n)?;
    if (clo, chi) == (*lo, *hi) {
        return None;
    }
    let mut why = Vec::new();
    if n.precision > 0.0 {
        why.push(format!("±{} as written", format_number(n.precision)));
    }
    match fact.normalizer.tolerance() {
        Some(Tolerance::Absolute(a)) => {
            why.push(format!("the fact's tolerance ±{}", format_number(*a)))
        }
        Some(Tolerance::Relative(r)) => why.push(format!(
            "the fact's tolerance ±{}%",
            format_number(r * 100.0)
        )),
        None => {}
    }
    let widened = Key::Interval {
        lo: clo,
        hi: chi,
        unit: unit.clone(),
    };
    let written = if lo == hi {
        format_number(*lo)
    } else {
        format!("{}–{}", format_number(*lo), format_number(*hi))
    };
    Some((
        widened,
        format!("{written} widened by {}", why.join(" and ")),
    ))
}

fn reading(fact: &Fact, n: &Normalized) -> String {
    let mut parts = vec![format!(
        "{} ({})",
        shown(n),
        if n.approximate { "hedged" } else { "exact" }
    )];
    if let Some(s) = &n.subject {
        parts.push(format!("subject {s}"));
    }
    match compared(fact, n) {
        Some((widened, why)) => parts.push(format!("compared as {}: {why}", key(&widened))),
        None => parts.push(format!("compared as {}", key(&n.key))),
    }
    if let Some(note) = &n.note {
        parts.push(format!("note: {note}"));
    }
    parts.join("; ")
}

/// The pattern (index) that produced the hit with value span `value`.
fn pattern_of(
    fact: &Fact,
    text: &str,
    from: usize,
    value: &std::ops::Range<usize>,
) -> Option<usize> {
    fact.patterns.iter().position(|p| {
        p.regex.captures_iter(&text[from..]).any(|c| {
            c.name("value")
                .is_some_and(|m| m.start() + from == value.start && m.end() + from == value.end)
        })
    })
}

pub fn run(args: ExplainArgs) -> Result<Exit> {
    let config = args.settings.load()?;
    let rules = RuleSet::load_with(&rule_paths(args.rules, &config)?, args.settings.rule_load())?;
    let Some(fact) = rules.facts.iter().find(|f| f.id == args.fact) else {
        let near: Vec<&str> = rules
            .facts
            .iter()
            .map(|f| f.id.as_str())
            .filter(|id| strsim::jaro_winkler(id, &args.fact) > 0.8)
            .collect();
        let hint = if near.is_empty() {
            format!(
                "known facts: {}",
                rules
                    .facts
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            format!("did you mean {}?", near.join(", "))
        };
        return Err(Error::usage(
            format!("no fact `{}` in the rules", args.fact),
            hint,
        ));
    };
    let found = entries(
        &corpus_paths(args.paths, &config)?,
        &config,
        args.settings.walk(),
    )?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} fact, severity {}, defined at {}",
        fact.id, fact.kind, fact.severity, fact.origin
    );
    let _ = writeln!(out, "Claim: {}", fact.claim);
    let _ = writeln!(
        out,
        "Record: {}",
        fact.expected()
            .unwrap_or_else(|| "none (no `expect`)".into())
    );
    for (i, p) in fact.patterns.iter().enumerate() {
        let _ = writeln!(out, "Pattern {}: {}  ({})", i + 1, p.source, p.origin);
    }
    if let Some(cues) = &fact.cues {
        let list = |phrases: &[factlint::rules::cues::Phrase]| {
            phrases
                .iter()
                .map(|p| format!("“{}”", p.text))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !cues.cues.is_empty() {
            let _ = writeln!(
                out,
                "Cues: {} (window: {:?})",
                list(&cues.cues),
                cues.window
            );
        }
        if !cues.exclude.is_empty() {
            let _ = writeln!(out, "Exclude: {}", list(&cues.exclude));
        }
        for source in &cues.by {
            let _ = writeln!(out, "By [{}]: {}", source.key, list(&source.names));
        }
    }

    let mut silent = Vec::new();
    let mut articles = Vec::new();
    let mut json_mentions = Vec::new();
    for entry in &found {
        let (article, _) = corpus::read(entry)?;
        let Some(article) = article else { continue };
        let article_reading = factlint::rules::Reading::new(
            &article.text,
            article.body_start,
            article.source.dated(),
        )
        .with_timezone(article.source.timezone());
        let hits = factlint::rules::hits_in(fact, &article_reading);
        if hits.is_empty() {
            silent.push(article.source.path.clone());
        }
        let ignored = suppress::inline_ignores(&article.text).contains(&fact.id);
        for hit in hits {
            let (line, column) = factlint::text::line_col(&article.text, hit.value.start);
            let _ = writeln!(out, "\n{}:{line}:{column}", article.source.path);
            let _ = writeln!(
                out,
                "  quote:   {}",
                factlint::text::quote(&article.text, hit.value.clone(), 280)
            );
            let whole = article.text[hit.whole.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match pattern_of(fact, &article.text, article.body_start, &hit.value) {
                Some(i) => _ = writeln!(out, "  matched: pattern {} matched “{whole}”", i + 1),
                None => _ = writeln!(out, "  matched: “{whole}”"),
            }
            let _ = writeln!(out, "  raw:     “{}”", &article.text[hit.value.clone()]);
            for n in &hit.values {
                let _ = writeln!(out, "  read as: {}", reading(fact, n));
            }
            json_mentions.push(serde_json::json!({
                "path": article.source.path,
                "line": line,
                "column": column,
                "quote": factlint::text::quote(&article.text, hit.value.clone(), 280),
                "pattern": pattern_of(fact, &article.text, article.body_start, &hit.value).map(|i| i + 1),
                "matched": whole,
                "raw": &article.text[hit.value.clone()],
                "values": hit.values.iter().map(|n| serde_json::json!({
                    "value": n.value,
                    "shown": shown(n),
                    "approximate": n.approximate,
                    "subject": n.subject,
                    "note": n.note,
                    "compared_as": key(&n.key),
                })).collect::<Vec<_>>(),
                "ignored": ignored,
            }));
            if ignored {
                let _ = writeln!(out, "  ignored: the article has a `factlint: ignore {}` marker; left out of the comparison", fact.id);
            }
        }
        articles.push(article);
    }
    if !silent.is_empty() {
        let _ = writeln!(out, "\nNot stated in: {}", silent.join(", "));
    }
    let report = check::check_articles(&rules, articles);
    let mut verdicts = Vec::new();
    for v in report.facts.iter().filter(|v| v.id == fact.id) {
        let mut reason = String::new();
        why(&mut reason, fact, v);
        out.push_str(&reason);
        verdicts.push(serde_json::json!({
            "subject": v.subject,
            "status": v.status,
            "reference": v.reference,
            "expected": v.expected,
            "consensus": v.consensus,
            "outliers": v.outliers,
            "why": reason.trim().lines().map(str::trim).collect::<Vec<_>>(),
        }));
    }
    if args.format == ExplainFormat::Json {
        let json = serde_json::json!({
            "fact": {
                "id": fact.id,
                "claim": fact.claim,
                "kind": fact.kind,
                "severity": fact.severity,
                "rule": fact.origin.to_string(),
                "record": fact.expected(),
                "patterns": fact.patterns.iter().map(|p| serde_json::json!({
                    "regex": p.source,
                    "rule": p.origin.to_string(),
                })).collect::<Vec<_>>(),
            },
            "mentions": json_mentions,
            "not_stated": silent,
            "verdicts": verdicts,
        });
        let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
        text.push('\n');
        super::print(&text)?;
        return Ok(Exit::Clean);
    }
    super::print(&out)?;
    Ok(Exit::Clean)
}

/// Why the comparer reached verdict `v`.
fn why(out: &mut String, fact: &Fact, v: &Verdict) {
    let n = &fact.normalizer;
    let subject = v
        .subject
        .as_ref()
        .map(|s| format!(" [{s}]"))
        .unwrap_or_default();
    let status = serde_json::to_value(v.status)
        .ok()
        .and_then(|s| s.as_str().map(str::to_string))
        .unwrap_or_default();
    let _ = writeln!(out, "\nVerdict{subject}: {status}");
    let active: Vec<_> = v
        .mentions
        .iter()
        .filter(|m| m.suppressed.is_none() && m.mention.normalized().is_resolved())
        .collect();
    let mut values: Vec<&Normalized> = active.iter().map(|m| m.mention.normalized()).collect();
    values.sort_by_key(|n| shown(n));
    values.dedup_by_key(|n| shown(n));
    for value in &values {
        let support: BTreeSet<&str> = active
            .iter()
            .filter(|m| n.agree(m.mention.normalized(), value))
            .map(|m| m.mention.path().as_str())
            .collect();
        let _ = writeln!(
            out,
            "  {} agrees with {} {}: {}",
            shown(value),
            support.len(),
            if support.len() == 1 {
                "source"
            } else {
                "sources"
            },
            support.iter().copied().collect::<Vec<_>>().join(", ")
        );
    }
    let reason = match v.status {
        factlint::compare::Status::Agree => {
            "every pair of values agrees (at the precision written and within the fact's tolerance)"
                .to_string()
        }
        factlint::compare::Status::Updated => format!(
            "the figure changed the way the fact says it does ({}), in order of the moments the articles give (publication time, or an \"as of\" phrase). Newest: {} ({}). Superseded: {}",
            v.changes.map_or("any", changes_word),
            v.latest.as_deref().unwrap_or("?"),
            v.latest_sources.join(", "),
            if v.superseded.is_empty() {
                "none (every source also gives the newest figure)".to_string()
            } else {
                v.superseded.join(", ")
            }
        ),
        factlint::compare::Status::Conflict if v.changes.is_some() => format!(
            "the figure changes over time ({}), but a later figure moves the other way, or two figures stand for the same moment. Blamed: {}",
            v.changes.map_or("any", changes_word),
            v.outliers.join(", ")
        ),
        factlint::compare::Status::Conflict => {
            let groups: Vec<String> = v
                .groups
                .iter()
                .map(|g| {
                    format!(
                        "{{{}}} from {} ({})",
                        g.values.join(", "),
                        g.sources.len(),
                        g.sources.join(", ")
                    )
                })
                .collect();
            let total: BTreeSet<&str> = active.iter().map(|m| m.mention.path().as_str()).collect();
            match &v.consensus {
                Some(consensus) if v.by_record && v.kind == "name" => format!(
                    "some spellings differ, and at least one article spells it as the record does: the record, {consensus}, is the reference, not the majority. Outliers, spelled otherwise: {}",
                    v.outliers.join(", ")
                ),
                Some(consensus) if v.by_record => format!(
                    "some values do not agree, and at least one article gives the public record's value: the record, {consensus}, is the reference, not the majority. Outliers, with another value: {}",
                    v.outliers.join(", ")
                ),
                Some(consensus) => format!(
                    "some values do not agree. Groups of mutually compatible values, one vote per source: {}. Consensus {consensus}: its group is the largest and a majority ({} of {} sources). Outliers, with a value outside it: {}",
                    groups.join("; "),
                    v.groups.first().map_or(0, |g| g.sources.len()),
                    total.len(),
                    v.outliers.join(", ")
                ),
                None => format!(
                    "some values do not agree. Groups of mutually compatible values, one vote per source: {}. No group is both the only largest and a majority of the {} sources, so there is no consensus and no outlier: {}",
                    groups.join("; "),
                    total.len(),
                    factlint::report::labels::split(v)
                ),
            }
        }
        factlint::compare::Status::Single => {
            "only one article states it, so there is nothing to compare across sources".into()
        }
        factlint::compare::Status::Missing => "no article states it".into(),
        factlint::compare::Status::Unresolved => {
            "it is mentioned, but no value could be read".into()
        }
    };
    let _ = writeln!(out, "  Why: {reason}.");
    match (&v.expected, v.reference) {
        (Some(e), factlint::compare::Reference::Mismatch) => {
            let off: Vec<String> = v
                .mentions
                .iter()
                .filter(|m| m.mismatch)
                .map(|m| format!("{} ({})", m.mention.path(), shown(m.mention.normalized())))
                .collect();
            let _ = writeln!(
                out,
                "  Record {e}: mismatch — not in agreement with it: {}.",
                off.join(", ")
            );
        }
        (Some(e), factlint::compare::Reference::Match) => {
            _ = writeln!(out, "  Record {e}: every value agrees with it.")
        }
        (Some(e), _) => _ = writeln!(out, "  Record {e}: nothing to compare with it."),
        (None, _) => {}
    }
    if v.suppressed {
        let _ = writeln!(
            out,
            "  Accepted: every conflicting mention is in the baseline."
        );
    }
}
