//! JSON Schemas (draft-07) for the TOML files people write by hand: rule
//! files, `factlint.toml` and `sources.toml`. TOML editors that read JSON
//! Schema (taplo, Even Better TOML) then complete keys and flag mistakes as
//! you type. The schemas are built here from the same tables the loaders use
//! (the kinds and their options, the formats, the lint checks), committed
//! under `schema/`, and a test fails when a committed file is stale.

use crate::config::FailOn;
use crate::normalize::KINDS;
use crate::report::Format;
use serde_json::{json, Map, Value};

/// The committed schema files: (file name under `schema/`, schema).
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("rules.schema.json", rules()),
        ("factlint.schema.json", config()),
        ("sources.schema.json", sources()),
    ]
}

/// The schema as committed: pretty JSON with a final newline.
pub fn render(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

fn names<T: clap::ValueEnum>() -> Vec<String> {
    T::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
        .collect()
}

fn date() -> Value {
    json!({
        "description": "A date, YYYY-MM-DD (a TOML date or a string).",
        "anyOf": [
            { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
            { "type": "string", "format": "date" }
        ]
    })
}

/// A publication date, or a date-time with its offset.
fn published() -> Value {
    json!({
        "description": "The publication date, YYYY-MM-DD, or the date-time with its offset, YYYY-MM-DDTHH:MM:SS+HH:MM (a TOML date or offset date-time, or a string); the time orders figures that change (`changes` on a fact).",
        "anyOf": [
            { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
            { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$" },
            { "type": "string", "format": "date" },
            { "type": "string", "format": "date-time" }
        ]
    })
}

fn one_or_many(what: &str) -> Value {
    json!({
        "description": what,
        "anyOf": [
            { "type": "string" },
            { "type": "array", "items": { "type": "string" } }
        ]
    })
}

/// The keys every `[[fact]]` may have, whatever its kind.
const COMMON: &[&str] = crate::rules::COMMON_KEYS;

/// A rule file: `[[fact]]`, `[[constraint]]` and `[[test]]` tables.
pub fn rules() -> Value {
    let kinds: Vec<&str> = KINDS.iter().map(|k| k.name()).collect();
    let mut properties = Map::new();
    properties.insert("id".into(), json!({ "type": "string", "description": "A short id, unique across the rule files; reports, `factlint explain ID` and ignore markers use it." }));
    properties.insert("claim".into(), json!({ "type": "string", "description": "The fact in one sentence, as a reader would state it." }));
    properties.insert(
        "kind".into(),
        json!({ "enum": kinds, "description": "How values are read and compared." }),
    );
    properties.insert(
        "severity".into(),
        json!({ "enum": ["error", "warning", "info"], "default": "error" }),
    );
    properties.insert("cues".into(), json!({
        "description": "Words or phrases that must stand near the value (its clause by default); inflections and typographic variants fold together.",
        "type": "array",
        "items": { "type": "string", "minLength": 1 }
    }));
    properties.insert("exclude".into(), json!({
        "description": "Words or phrases that rule a sentence out: no value is read in a sentence that holds one.",
        "type": "array",
        "items": { "type": "string", "minLength": 1 }
    }));
    properties.insert("window".into(), json!({
        "description": "How near a cue the value must be: \"clause\" (default), \"sentence\", or a number of words (1-50).",
        "anyOf": [
            { "enum": ["clause", "sentence"] },
            { "type": "integer", "minimum": 1, "maximum": 50 }
        ]
    }));
    properties.insert("by".into(), json!({
        "description": "Who said it: source = [names]; each source's values are compared as a subject of their own.",
        "type": "object",
        "additionalProperties": { "type": "array", "items": { "type": "string" }, "minItems": 1 }
    }));
    properties.insert("unattributed".into(), json!({
        "description": "With `by`: keep values no source is named for (subject `unattributed`) or drop them.",
        "enum": ["keep", "drop"],
        "default": "keep"
    }));
    properties.insert("patterns".into(), json!({
        "description": "Regexes (regex crate syntax) with a (?P<value>…) group; {number}, {weekday}, {month} and {date} are placeholders. Optional for kinds that find values themselves.",
        "type": "array",
        "items": {
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "regex": { "type": "string" },
                        "ignore_case": { "type": "boolean", "default": false }
                    },
                    "required": ["regex"],
                    "additionalProperties": false
                }
            ]
        }
    }));
    properties.insert("changes".into(), json!({
        "enum": ["rises", "falls", "any"],
        "description": "A figure that changes over time (a death toll rises): mentions are ordered by publication time and \"as of\" phrases, and a move in this direction is `updated`, not a conflict."
    }));
    properties.insert("expect".into(), json!({
        "description": "The value from the public record: one value, a list (any matches), or a table of subject = value."
    }));
    properties.insert(
        "examples".into(),
        json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": { "type": "string" },
                    "value": { "type": "string" },
                    "approximate": { "type": "boolean" },
                    "match": { "type": "boolean", "default": true },
                    "published": date(),
                    "subject": { "type": "string" }
                },
                "required": ["text"],
                "additionalProperties": false
            }
        }),
    );
    properties.insert("subjects".into(), json!({
        "description": "Names of the value groups of a pattern that states several values, (?P<in_favour>…).",
        "type": "array",
        "items": { "type": "string", "pattern": "^[A-Za-z0-9_]+$" }
    }));
    let mut by_kind = Vec::new();
    for kind in KINDS {
        for option in kind.options() {
            properties.entry(option.to_string()).or_insert_with(
                || json!({ "description": format!("An option of some kinds ({option}).") }),
            );
        }
        let allowed: Vec<&str> = COMMON.iter().chain(kind.options()).copied().collect();
        by_kind.push(json!({
            "if": { "properties": { "kind": { "const": kind.name() } }, "required": ["kind"] },
            "then": { "propertyNames": { "enum": allowed } }
        }));
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "factlint rule file",
        "description": "Facts to check across articles, with constraints between them and multi-article tests.",
        "type": "object",
        "properties": {
            "fact": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": properties,
                    "required": ["id", "claim", "kind"],
                    "additionalProperties": false,
                    "allOf": by_kind
                }
            },
            "constraint": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": { "type": "string" },
                        "claim": { "type": "string" },
                        "expr": { "type": "string", "description": "One comparison of fact ids, such as `a + b <= 193`." },
                        "severity": { "enum": ["error", "warning", "info"] }
                    },
                    "required": ["id", "expr"],
                    "additionalProperties": false
                }
            },
            "test": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": { "type": "string" },
                        "articles": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "file": { "type": "string" },
                                    "text": { "type": "string" },
                                    "published": date(),
                                    "outlet": { "type": "string" }
                                },
                                "required": ["file", "text"],
                                "additionalProperties": false
                            }
                        },
                        "expect": {
                            "type": "object",
                            "additionalProperties": {
                                "anyOf": [
                                    { "type": "string" },
                                    {
                                        "type": "object",
                                        "properties": {
                                            "status": { "enum": ["agree", "conflict", "single", "missing", "unresolved"] },
                                            "reference": { "enum": ["match", "mismatch", "none"] },
                                            "outliers": { "type": "array", "items": { "type": "string" } },
                                            "consensus": { "type": "string" },
                                            "tie": { "type": "boolean" }
                                        },
                                        "additionalProperties": false
                                    }
                                ]
                            }
                        }
                    },
                    "required": ["name", "articles", "expect"],
                    "additionalProperties": false
                }
            }
        },
        "additionalProperties": false
    })
}

/// `factlint.toml`.
pub fn config() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "factlint.toml",
        "description": "factlint settings; paths are relative to this file and flags override every key.",
        "type": "object",
        "properties": {
            "corpus": one_or_many("Articles to check: folders or files (.txt, .md, .markdown)."),
            "rules": one_or_many("Rule files, or folders of *.toml rule files."),
            "format": { "enum": names::<Format>(), "description": "Output format." },
            "out": { "type": "string", "description": "Write the report here; the extension picks the format unless `format` is set." },
            "fail_on": { "enum": names::<FailOn>(), "description": "Which contradictions make the exit status 1." },
            "ignore": { "type": "array", "items": { "type": "string" }, "description": "Articles to skip: globs relative to this file." },
            "baseline": { "type": "string", "description": "Accepted contradictions (written by `factlint check --write-baseline`)." },
            "lint": {
                "type": "object",
                "properties": {
                    "id_pattern": { "type": "string", "description": "The fact id style, a regex; \"\" turns the check off." },
                    "ignore": { "type": "array", "items": { "enum": crate::config::LINT_CHECKS } }
                },
                "additionalProperties": false
            }
        },
        "additionalProperties": false
    })
}

/// `sources.toml`, the manifest of a folder of articles.
pub fn sources() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "sources.toml",
        "description": "What is known about each article of this folder.",
        "type": "object",
        "properties": {
            "source": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "file": { "type": "string", "description": "The article's file name, in this folder." },
                        "outlet": { "type": "string" },
                        "published": published(),
                        "url": { "type": "string" },
                        "translated_from": { "type": "string" },
                        "title": { "type": "string" },
                        "timezone": { "type": "string", "description": "The IANA zone the outlet writes clock times in (\"Europe/London\")." },
                        "note": { "type": "string" }
                    },
                    "required": ["file"],
                    "additionalProperties": false
                }
            }
        },
        "additionalProperties": false
    })
}
