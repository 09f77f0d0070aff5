//! The rule file format as serde reads it. Field by field documentation is in
//! `docs/rules.md`; checking and compiling happen in the parent module.

use serde::Deserialize;
use toml::Spanned;

/// One rule file: a list of `[[fact]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFileSpec {
    #[serde(default)]
    pub fact: Vec<FactSpec>,
    /// Multi-article tests, run by `factlint rules test` (see [`super::corpus_test`]).
    #[serde(default)]
    pub test: Vec<toml::Value>,
    #[serde(default)]
    pub constraint: Vec<ConstraintSpec>,
}

/// One `[[constraint]]`: a relation between values every source must keep.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstraintSpec {
    pub id: Spanned<String>,
    #[serde(default)]
    pub claim: Option<String>,
    /// `in_favour + against + abstained <= 193`.
    pub expr: Spanned<String>,
    #[serde(default)]
    pub severity: Option<Spanned<String>>,
}

/// One `[[fact]]`. Keys not listed here belong to the fact's kind
/// (`unit`, `tolerance`, `canonical`, …) and are checked by it.
#[derive(Debug, Deserialize)]
pub struct FactSpec {
    pub id: Spanned<String>,
    pub claim: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub severity: Option<Spanned<String>>,
    /// `rises`, `falls` or `any`: a figure that changes over time.
    #[serde(default)]
    pub changes: Option<Spanned<String>>,
    /// Optional for kinds that find their values themselves (name, term, choice).
    #[serde(default)]
    pub patterns: Option<Spanned<Vec<Spanned<toml::Value>>>>,
    #[serde(default)]
    pub expect: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub examples: Vec<ExampleSpec>,
    /// Names of the value groups of a multi-value pattern; each is a subject.
    /// (Written `subjects`: a choice fact's `values` is its own option.)
    #[serde(default, rename = "subjects")]
    pub values: Option<Spanned<Vec<String>>>,
    /// Words or phrases that must stand near the value (issue 12).
    #[serde(default)]
    pub cues: Option<Spanned<Vec<Spanned<String>>>>,
    /// Words or phrases that rule a sentence out.
    #[serde(default)]
    pub exclude: Option<Spanned<Vec<Spanned<String>>>>,
    /// How near a cue: "clause", "sentence" or a number of words.
    #[serde(default)]
    pub window: Option<Spanned<toml::Value>>,
    /// Named sources of the claim: subject = [names].
    #[serde(default)]
    pub by: Option<Spanned<toml::Table>>,
    /// "keep" or "drop" the values no source of `by` is named for.
    #[serde(default)]
    pub unattributed: Option<Spanned<String>>,
    #[serde(flatten)]
    pub options: toml::Table,
}

/// One entry of `examples`: a text the fact's patterns must (or must not) match.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    pub text: Spanned<String>,
    /// The normalized value the text must yield.
    #[serde(default)]
    pub value: Option<String>,
    /// Whether the value must be (or must not be) hedged.
    #[serde(default)]
    pub approximate: Option<bool>,
    /// `false`: the text must not match at all.
    #[serde(default = "yes", rename = "match")]
    pub matches: bool,
    /// Publication date of the example's imaginary article, for relative dates.
    #[serde(default)]
    pub published: Option<Spanned<toml::Value>>,
    /// For facts whose values have subjects (one value per country).
    #[serde(default)]
    pub subject: Option<String>,
}

fn yes() -> bool {
    true
}
