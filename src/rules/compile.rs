//! Compiling one rule file: TOML → [`Fact`]s and pending constraints, with
//! every error pointing at the file, line and column of the field at fault.

use super::constraint::{self, PendingConstraint};
use super::spec::{FactSpec, RuleFileSpec};
use super::{diagnose, Example, Fact, Severity};
use crate::error::{Error, Location, Result};
use crate::normalize::{self, Normalized, Normalizer};
use std::collections::BTreeMap;
use std::path::Path;

mod pattern;
use pattern::compile_pattern;

/// The keys every `[[fact]]` may have, whatever its kind (the JSON Schema
/// of rule files lists the same).
pub const COMMON_KEYS: &[&str] = &[
    "id",
    "claim",
    "kind",
    "severity",
    "cues",
    "exclude",
    "window",
    "by",
    "unattributed",
    "patterns",
    "expect",
    "examples",
    "subjects",
    "changes",
];

/// Parses and compiles the facts of one rule file.
pub fn parse_file(path: &Path, text: &str) -> Result<Vec<Fact>> {
    parse_file_full(path, text).map(|(facts, _)| facts)
}

/// Parses and compiles the facts and constraints of one rule file (the
/// constraints' names are resolved once every file is read).
pub fn parse_file_full(path: &Path, text: &str) -> Result<(Vec<Fact>, Vec<PendingConstraint>)> {
    let (facts, constraints, errors) = parse_file_all(path, text);
    if errors.is_empty() {
        Ok((facts, constraints))
    } else {
        Err(Error::several(errors))
    }
}

/// Parses and compiles one rule file, keeping every fact and constraint
/// that compiles and every error of those that do not.
pub fn parse_file_all(path: &Path, text: &str) -> (Vec<Fact>, Vec<PendingConstraint>, Vec<Error>) {
    // One line index per file: a library of 1,000 facts asks for thousands of locations.
    let index = crate::text::LineIndex::new(text);
    let file = diagnose::Source {
        path,
        text,
        index: &index,
    };
    let at = |offset: usize| {
        let (line, column) = index.line_col(text, offset);
        Location::at(path, line, column)
    };
    let spec: RuleFileSpec = match toml::from_str(text) {
        Ok(spec) => spec,
        Err(e) => return (Vec::new(), Vec::new(), vec![toml_error(&at, text, &e)]),
    };
    // The same facts again with the place of every value, so an error in a
    // kind's own field (`tolerance`, `unit`) can point at that field.
    #[derive(serde::Deserialize)]
    struct Places {
        #[serde(default)]
        fact: Vec<BTreeMap<String, toml::Spanned<toml::Value>>>,
    }
    let places = toml::from_str::<Places>(text).map_or_else(|_| Vec::new(), |p| p.fact);
    let mut errors = Vec::new();
    let mut facts = Vec::new();
    for (i, f) in spec.fact.into_iter().enumerate() {
        match compile_fact(f, &at, &file, places.get(i)) {
            Ok(fact) => facts.push(fact),
            Err(e) => errors.push(e),
        }
    }
    let mut constraints = Vec::new();
    for c in spec.constraint {
        match constraint::compile(c, text, &at) {
            Ok(c) => constraints.push(c),
            Err(e) => errors.push(e),
        }
    }
    (facts, constraints, errors)
}

/// A TOML syntax or schema error of a rule file, at its place.
fn toml_error(at: &dyn Fn(usize) -> Location, text: &str, e: &toml::de::Error) -> Error {
    let offset = e.span().map_or(0, |s| s.start);
    let message = e.message().trim().replace('\n', " ");
    let hint = if let Some(apostrophe) = diagnose::apostrophe_hint(text, offset) {
        apostrophe
    } else if message.starts_with("missing field") {
        "every [[fact]] needs id, claim and kind, and cues (or patterns) unless its kind finds values itself (name, term, choice)"
    } else {
        "fix the TOML: a [[fact]] has id, claim, kind, severity, cues, exclude, window, by, patterns, expect, examples and its kind's options"
    };
    Error::rules(at(offset), message, hint)
}

fn compile_fact(
    spec: FactSpec,
    at: &dyn Fn(usize) -> Location,
    file: &diagnose::Source<'_>,
    places: Option<&BTreeMap<String, toml::Spanned<toml::Value>>>,
) -> Result<Fact> {
    let origin = at(spec.id.span().start);
    let id = spec.id.get_ref().clone();
    let bad = |offset: usize, message: String, hint: &str| Error::rules(at(offset), message, hint);
    // Where the value of `key` is, or the fact's id when unknown.
    let place = |key: &str| {
        places
            .and_then(|p| p.get(key))
            .map_or(spec.id.span().start, |v| v.span().start)
    };
    if id.trim().is_empty() {
        return Err(bad(
            spec.id.span().start,
            "empty fact id".into(),
            "give the fact a short kebab-case id",
        ));
    }
    let kind_name = spec.kind.get_ref();
    let kind = normalize::kind(kind_name).ok_or_else(|| {
        let known: Vec<_> = normalize::KINDS.iter().map(|k| k.name()).collect();
        bad(
            spec.kind.span().start,
            format!("unknown kind `{kind_name}` in fact `{id}`"),
            &format!("use one of: {}", known.join(", ")),
        )
    })?;
    for key in spec.options.keys() {
        if !kind.options().contains(&key.as_str()) {
            let mut accepted: Vec<&str> = COMMON_KEYS.to_vec();
            accepted.extend(kind.options());
            let near = accepted
                .iter()
                .find(|a| strsim::jaro_winkler(a, key) > 0.85);
            let hint = match near {
                Some(n) => format!("did you mean `{n}`?"),
                None => format!("a {} fact accepts: {}", kind.name(), accepted.join(", ")),
            };
            return Err(bad(
                place(key),
                format!("unknown key `{key}` in fact `{id}`"),
                &hint,
            ));
        }
    }
    let ordinals = kind.name() == "number"
        && spec
            .options
            .get("ordinal")
            .and_then(toml::Value::as_bool)
            .unwrap_or(false);
    let normalizer = kind.build(&spec.options).map_err(|m| {
        // The kind's field the message names: one in backticks first ("unknown
        // currency `MAD` in `rates`" is about `rates`), else any (`tolerance …`).
        let given = || {
            kind.options()
                .iter()
                .filter(|k| spec.options.contains_key(**k))
        };
        let field = given()
            .find(|k| m.contains(&format!("`{k}`")))
            .or_else(|| given().find(|k| m.contains(**k)));
        let options = kind.options();
        let hint = if options.is_empty() {
            format!("a {} fact has no options of its own", kind.name())
        } else {
            format!(
                "a {} fact's own options: {}",
                kind.name(),
                options.join(", ")
            )
        };
        bad(
            field.map_or(spec.id.span().start, |k| place(k)),
            format!("fact `{id}`: {m}"),
            &hint,
        )
    })?;
    let severity = match &spec.severity {
        None => Severity::Error,
        Some(s) => Severity::parse(s.get_ref()).ok_or_else(|| {
            bad(
                s.span().start,
                format!("unknown severity `{}` in fact `{id}`", s.get_ref()),
                "use error, warning or info",
            )
        })?,
    };
    let changes = match &spec.changes {
        None => None,
        Some(c) => Some(super::Changes::parse(c.get_ref()).ok_or_else(|| {
            bad(
                c.span().start,
                format!("unknown `changes = \"{}\"` in fact `{id}`", c.get_ref()),
                "use rises, falls or any (how the figure moves over time)",
            )
        })?),
    };
    if changes.is_some() && !matches!(kind.name(), "number" | "quantity" | "money" | "percent") {
        let c = spec.changes.as_ref().map_or(0, |c| c.span().start);
        return Err(bad(
            c,
            format!("fact `{id}`: `changes` needs a figure (number, quantity, money or percent), not a {}", kind.name()),
            "leave `changes` out, or use it on a numeric fact",
        ));
    }
    let values: Vec<String> = spec
        .values
        .as_ref()
        .map(|v| v.get_ref().clone())
        .unwrap_or_default();
    if let Some(v) = &spec.values {
        let bad_name = values.iter().find(|n| {
            n.is_empty()
                || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                || n.as_str() == "value"
        });
        if values.is_empty() || bad_name.is_some() {
            return Err(bad(
                v.span().start,
                format!("fact `{id}`: `subjects` must list group names such as [\"in_favour\", \"against\"]"),
                "use letters, digits and _ (not `value`)",
            ));
        }
    }
    let cues = super::cues::compile(
        super::cues::CueSpec {
            id: &id,
            cues: spec.cues.as_ref(),
            exclude: spec.exclude.as_ref(),
            window: spec.window.as_ref(),
            by: spec.by.as_ref(),
            unattributed: spec.unattributed.as_ref(),
        },
        at,
    )?;
    let written = spec
        .patterns
        .as_ref()
        .map_or(&[][..], |p| p.get_ref().as_slice());
    check_cues(&spec, &id, kind.name(), written.is_empty(), at)?;
    let near_cues = written.is_empty() && spec.cues.is_some();
    let patterns = if near_cues {
        // The kind reads the values near the cues.
        Vec::new()
    } else if written.is_empty() {
        // Kinds that find values themselves may do without patterns.
        let offset = spec
            .patterns
            .as_ref()
            .map_or(spec.id.span().start, |p| p.span().start);
        let defaults = normalizer.default_patterns();
        if defaults.is_empty() && normalizer.find_spans("").is_none() {
            return Err(bad(
                offset,
                format!("fact `{id}` has no cues and no patterns"),
                "add cues = [\"words near the value\"] (see docs/rules.md), or a regex with a (?P<value>…) group",
            ));
        }
        defaults
            .iter()
            .map(|p| {
                compile_pattern(
                    &toml::Spanned::new(offset..offset, toml::Value::String(p.clone())),
                    &id,
                    &values,
                    at,
                    file,
                )
            })
            .collect::<Result<Vec<_>>>()?
    } else {
        written
            .iter()
            .map(|p| compile_pattern(p, &id, &values, at, file))
            .collect::<Result<Vec<_>>>()?
    };
    let expect = match &spec.expect {
        None => normalizer.implicit_expects(),
        Some(v) => {
            let mut groups = values.clone();
            if let Some(c) = cues.as_ref().filter(|c| !c.by.is_empty()) {
                groups = c.subjects();
            }
            expected_values(v.get_ref(), normalizer.as_ref(), kind_name, &groups).map_err(|m| {
                bad(
                    v.span().start,
                    format!("fact `{id}`: {m}"),
                    "write the value from the public record in the fact's kind",
                )
            })?
        }
    };
    let examples = spec
        .examples
        .into_iter()
        .map(|e| {
            let published = match &e.published {
                None => None,
                Some(p) => Some(
                    crate::text::parse_date(p.get_ref())
                        .map_err(|m| bad(p.span().start, m, "write it as YYYY-MM-DD"))?,
                ),
            };
            Ok(Example {
                origin: at(e.text.span().start),
                text: e.text.into_inner(),
                value: e.value,
                approximate: e.approximate,
                matches: e.matches,
                published,
                subject: e.subject,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Fact {
        id,
        claim: spec.claim.into_inner(),
        kind: kind.name(),
        severity,
        patterns,
        expect,
        examples,
        normalizer,
        origin,
        values,
        changes,
        cues,
        ordinals,
    })
}

/// Checks that the cue fields fit the fact's kind and its other fields.
fn check_cues(
    spec: &FactSpec,
    id: &str,
    kind: &str,
    no_patterns: bool,
    at: &dyn Fn(usize) -> Location,
) -> Result<()> {
    let bad = |offset: usize, message: String, hint: &str| Error::rules(at(offset), message, hint);
    if let Some(c) = &spec.cues {
        if no_patterns && !crate::normalize::read::readers().any(|k| k.name() == kind) {
            let readers: Vec<&str> = crate::normalize::read::readers()
                .map(|k| k.name())
                .collect();
            return Err(bad(
                c.span().start,
                format!("fact `{id}` has `cues`, but kind `{kind}` cannot read values near them"),
                &format!(
                    "a {kind} fact finds its mentions itself: remove `cues` (`exclude` still works); cues work with {}",
                    readers.join(", ")
                ),
            ));
        }
        if let (true, Some(v)) = (no_patterns, &spec.values) {
            return Err(bad(
                v.span().start,
                format!("fact `{id}` has `subjects` and `cues` but no patterns"),
                "`subjects` name the groups of a pattern: add patterns, or use `by` for sources",
            ));
        }
    }
    if let Some(by) = &spec.by {
        if spec.values.is_some() || kind == "choice" || kind == "name" {
            return Err(bad(
                by.span().start,
                format!("fact `{id}` has `by`, but its values already have subjects"),
                "`by` makes each source a subject: it cannot combine with `subjects` or a name or choice fact",
            ));
        }
    }
    Ok(())
}

/// The values of an `expect` field: one value, a list (any of them), or a
/// table of subject = value ({ Turkmenistan = "did_not_vote" }).
fn expected_values(
    expect: &toml::Value,
    normalizer: &dyn Normalizer,
    kind_name: &str,
    groups: &[String],
) -> std::result::Result<Vec<Normalized>, String> {
    let values: Vec<(Option<&String>, &toml::Value)> = match expect {
        toml::Value::Array(items) => items.iter().map(|i| (None, i)).collect(),
        toml::Value::Table(t) => t.iter().map(|(k, i)| (Some(k), i)).collect(),
        other => vec![(None, other)],
    };
    // Subjects are a multi-value fact's `subjects`, or what the kind declares (choice members).
    let known = if groups.is_empty() {
        normalizer.subjects()
    } else {
        Some(groups.to_vec())
    };
    values
        .into_iter()
        .map(|(subject, value)| {
            if let (Some(s), Some(known)) = (subject, &known) {
                if !known.contains(s) {
                    let known = known.join(", ");
                    return Err(format!(
                        "`expect` names `{s}`, which is not one of this fact's subjects ({known})"
                    ));
                }
            }
            if let toml::Value::Float(f) = value {
                if !f.is_finite() {
                    return Err(format!("`expect` value {f} is not a finite number"));
                }
            }
            let text = match value {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::Datetime(_) => {
                    value.to_string()
                }
                other => return Err(format!("`expect` cannot be {}", crate::text::a_type(other))),
            };
            let mut n = normalizer
                .parse(&text)
                .map_err(|m| format!("`expect` value {text:?} is not a {kind_name}: {m}"))?;
            // "1e400" reads as infinity: a record no value can match or miss.
            if let crate::normalize::Key::Interval { lo, hi, .. } = &n.key {
                if lo.is_nan() || hi.is_nan() || *lo == f64::INFINITY || *hi == f64::NEG_INFINITY {
                    return Err(format!(
                        "`expect` value {text:?} is not a finite number (it reads as {lo}..{hi})"
                    ));
                }
            }
            if subject.is_some() {
                n.subject = subject.cloned();
            }
            Ok(n)
        })
        .collect()
}
