//! Multi-article tests in rule files: a `[[test]]` table holds a small
//! inline corpus and the verdicts the comparison must reach on it, so a rule
//! author tests the comparison (tolerance, hedges, the record), not only the
//! regex. Run by `factlint rules test` through the real pipeline
//! ([`crate::check::check_articles`]).
//!
//! ```toml
//! [[test]]
//! name = "a hedged border agrees within tolerance"
//! articles = [
//!   { file = "a.txt", published = 2023-02-28, text = "a border some 7,500 kilometers long" },
//!   { file = "b.txt", text = "its 7,644-km border" },
//! ]
//! expect = { "kz-russia-border-length" = "agree", "un-vote-against" = "missing" }
//! # or, in detail: { status = "conflict", reference = "mismatch", outliers = ["b.txt"], consensus = "141" }
//! ```

use crate::compare::Verdict;
use crate::corpus::{Article, Source};
use crate::error::{Error, Location, Result};
use crate::rules::examples::ExampleFailure;
use crate::rules::RuleSet;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

#[derive(Debug, Deserialize)]
struct FileSpec {
    #[serde(default)]
    test: Vec<TestSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TestSpec {
    name: Spanned<String>,
    articles: Vec<ArticleSpec>,
    expect: Spanned<toml::Table>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleSpec {
    file: String,
    #[serde(default)]
    published: Option<toml::Value>,
    #[serde(default)]
    outlet: Option<String>,
    text: String,
}

/// What one fact's verdict must be.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub outliers: Option<Vec<String>>,
    #[serde(default)]
    pub consensus: Option<String>,
    /// A conflict with no majority (see `compare::Verdict::tie`).
    #[serde(default)]
    pub tie: Option<bool>,
}

/// One `[[test]]` of a rule file, ready to run.
#[derive(Debug, Clone)]
pub struct CorpusTest {
    pub name: String,
    /// Where its `name` is.
    pub origin: Location,
    pub articles: Vec<Article>,
    /// Fact id (optionally `id[subject]`) → what its verdict must be.
    pub expect: Vec<(String, Expectation)>,
}

/// The `[[test]]` tables of the rule file at `path` (text already read).
pub fn parse(path: &Path, text: &str) -> Result<Vec<CorpusTest>> {
    let at = |offset: usize| Location::of_offset(path, text, offset);
    let spec: FileSpec = toml::from_str(text).map_err(|e| {
        Error::rules(
            at(e.span().map_or(0, |s| s.start)),
            e.message().trim().replace('\n', " "),
            "a [[test]] has name, articles = [{ file, text, published, outlet }] and expect",
        )
    })?;
    spec.test
        .into_iter()
        .map(|t| {
            let origin = at(t.name.span().start);
            let bad = |m: String| Error::rules(origin.clone(), m, "a [[test]] has name, articles = [{ file, text, published, outlet }] and expect = { FACT = { status, outliers } }");
            let mut articles = Vec::new();
            for a in t.articles {
                let published = match &a.published {
                    None => None,
                    Some(p) => Some(
                        crate::text::parse_date(p)
                            .map_err(|m| bad(format!("test {:?}: {m}", t.name.get_ref())))?,
                    ),
                };
                let source = Source {
                    file: a.file.clone(),
                    path: a.file,
                    outlet: a.outlet,
                    published,
                    ..Source::default()
                };
                articles.push(Article {
                    source,
                    text: a.text,
                    body_start: 0,
                });
            }
            let mut expect = Vec::new();
            for (fact, value) in t.expect.get_ref() {
                let e = match value {
                    toml::Value::String(s) => Expectation {
                        status: Some(s.clone()),
                        ..Expectation::default()
                    },
                    other => other.clone().try_into().map_err(|e: toml::de::Error| {
                        bad(format!(
                            "test {:?}, fact `{fact}`: {}",
                            t.name.get_ref(),
                            e.message().trim()
                        ))
                    })?,
                };
                expect.push((fact.clone(), e));
            }
            Ok(CorpusTest {
                name: t.name.into_inner(),
                origin,
                articles,
                expect,
            })
        })
        .collect()
}

/// Every `[[test]]` of every rule file of `rules`.
pub fn load(rules: &RuleSet) -> Result<Vec<CorpusTest>> {
    let mut tests = Vec::new();
    for file in &rules.files {
        tests.extend(parse(file, &crate::text::read_utf8(file)?)?);
    }
    Ok(tests)
}

fn label(v: &Verdict) -> String {
    match &v.subject {
        Some(s) => format!("{}[{s}]", v.id),
        None => v.id.clone(),
    }
}

/// Runs one test; every expectation not met is one failure.
pub fn run(rules: &RuleSet, test: &CorpusTest) -> Vec<ExampleFailure> {
    let report = crate::check::check_articles(rules, test.articles.clone());
    let mut failures = Vec::new();
    let mut fail = |message: String| {
        failures.push(ExampleFailure {
            origin: test.origin.clone(),
            message: format!("test {:?}: {message}", test.name),
        })
    };
    for (fact, want) in &test.expect {
        let Some(v) = report
            .facts
            .iter()
            .find(|v| &label(v) == fact || (v.subject.is_none() && &v.id == fact))
        else {
            let known = report.facts.iter().any(|v| &v.id == fact);
            fail(if known {
                format!("fact `{fact}` has no verdict for that subject")
            } else {
                format!("no fact `{fact}` in the rules")
            });
            continue;
        };
        let got_status = serde_json::to_value(v.status)
            .ok()
            .and_then(|s| s.as_str().map(str::to_string))
            .unwrap_or_default();
        let got_reference = serde_json::to_value(v.reference)
            .ok()
            .and_then(|s| s.as_str().map(str::to_string))
            .unwrap_or_default();
        let values: Vec<String> = v
            .mentions
            .iter()
            .map(|m| {
                format!(
                    "{}: {}",
                    m.mention.source(),
                    crate::compare::shown(m.mention.normalized())
                )
            })
            .collect();
        let seen = if values.is_empty() {
            "no mention".to_string()
        } else {
            values.join(", ")
        };
        if let Some(s) = &want.status {
            if s != &got_status {
                fail(format!(
                    "`{fact}` is {got_status}, not {s} (values: {seen})"
                ));
            }
        }
        if let Some(r) = &want.reference {
            if r != &got_reference {
                fail(format!(
                    "`{fact}` reference is {got_reference}, not {r} (values: {seen})"
                ));
            }
        }
        if let Some(o) = &want.outliers {
            if o != &v.outliers {
                fail(format!("`{fact}` outliers are {:?}, not {o:?}", v.outliers));
            }
        }
        if let Some(t) = want.tie {
            if t != v.tie {
                fail(format!("`{fact}` tie is {}, not {t}", v.tie));
            }
        }
        if let Some(c) = &want.consensus {
            if Some(c) != v.consensus.as_ref() {
                fail(format!(
                    "`{fact}` consensus is {}, not {c}",
                    v.consensus.as_deref().unwrap_or("none")
                ));
            }
        }
    }
    failures
}
