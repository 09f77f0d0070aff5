//! `kind = "choice"`: a categorical claim, such as how each country voted.
//! The rule lists the possible `values` with the phrases that express each,
//! which values are `compatible` ("abstained or did not vote" fits both
//! "abstained" and "did not vote"), the `members` the claim is about, and
//! `groups`: phrases that stand for several members ("all five", "the five
//! former Soviet republics").
//!
//! A mention is a value phrase with members named before it in the same
//! clause (the sentence up to the phrase, after any earlier value phrase):
//! a group phrase expands to its members, otherwise each member named
//! counts ("Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan … chose to
//! abstain"). One mention yields one value per member, with the member as
//! its subject, so the comparer judges each member on its own. A phrase with
//! no member before it is not a mention. `patterns` are optional.

use super::{Key, Kind, Normalized, Normalizer, RawMatch};
use regex::{Regex, RegexBuilder};
use std::collections::BTreeMap;
use std::ops::Range;

pub struct ChoiceKind;

impl Kind for ChoiceKind {
    fn name(&self) -> &'static str {
        "choice"
    }

    fn options(&self) -> &'static [&'static str] {
        &["values", "compatible", "members", "groups"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let values = named_lists(options, "values", true)?;
        if values.is_empty() {
            return Err("a choice fact needs `values`: a table of value = [\"phrase\", …]".into());
        }
        let known = |v: &str| values.iter().any(|(name, _)| name == v);
        let compatible = named_lists(options, "compatible", false)?;
        for (value, others) in &compatible {
            for v in std::iter::once(value).chain(others) {
                if !known(v) {
                    return Err(format!(
                        "`compatible` names `{v}`, which is not one of the `values`"
                    ));
                }
            }
        }
        let members: Vec<(String, Vec<String>)> =
            match options.get("members") {
                None => return Err(
                    "a choice fact needs `members`: the subjects it is about (\"Kazakhstan\", …)"
                        .into(),
                ),
                Some(toml::Value::Array(_)) => list(options, "members")?
                    .into_iter()
                    .map(|m| (m.clone(), vec![m]))
                    .collect(),
                Some(_) => named_lists(options, "members", false)?,
            };
        let is_member = |m: &str| members.iter().any(|(name, _)| name == m);
        let groups: Vec<(String, Vec<String>)> = match options.get("groups") {
            None => Vec::new(),
            Some(toml::Value::Array(_)) => {
                let all: Vec<String> = members.iter().map(|(m, _)| m.clone()).collect();
                list(options, "groups")?
                    .into_iter()
                    .map(|g| (g, all.clone()))
                    .collect()
            }
            Some(_) => named_lists(options, "groups", false)?,
        };
        for (phrase, of) in &groups {
            if let Some(m) = of.iter().find(|m| !is_member(m)) {
                return Err(format!(
                    "group “{phrase}” names `{m}`, which is not one of the `members`"
                ));
            }
        }
        let phrases: Vec<(String, String)> = values
            .iter()
            .flat_map(|(v, ps)| ps.iter().map(move |p| (p.clone(), v.clone())))
            .collect();
        let phrase_re = alternation(phrases.iter().map(|(p, _)| p.as_str()))?;
        let members = members
            .into_iter()
            .map(|(m, mut aliases)| {
                aliases.insert(0, m.clone());
                Ok((m, alternation(aliases.iter().map(String::as_str))?))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let groups = groups
            .into_iter()
            .map(|(g, of)| Ok((alternation(std::iter::once(g.as_str()))?, g, of)))
            .collect::<Result<_, String>>()?;
        let phrases = phrases
            .into_iter()
            .map(|(p, v)| (phrase_key(&p), v))
            .collect();
        // A value is shown as its first phrase, the way a reader writes it.
        let labels = values
            .iter()
            .filter_map(|(v, ps)| ps.first().map(|p| (v.clone(), p.clone())))
            .collect();
        Ok(Box::new(Choice {
            labels,
            values: values.into_iter().map(|(v, _)| v).collect(),
            phrases,
            compatible: compatible.into_iter().collect(),
            members,
            groups,
            phrase_re,
        }))
    }
}

/// A string or a list of strings, as a list.
fn strings(value: &toml::Value, what: &str) -> Result<Vec<String>, String> {
    match value {
        toml::Value::String(s) => Ok(vec![s.clone()]),
        toml::Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("`{what}` must hold strings"))
            })
            .collect(),
        _ => Err(format!("`{what}` must be a string or a list of strings")),
    }
}

/// The list under `key` (missing: empty).
fn list(options: &toml::Table, key: &str) -> Result<Vec<String>, String> {
    options.get(key).map_or(Ok(Vec::new()), |v| strings(v, key))
}

/// A table of name = "text" or name = ["text", …], in file order.
fn named_lists(
    options: &toml::Table,
    key: &str,
    nonempty: bool,
) -> Result<Vec<(String, Vec<String>)>, String> {
    let Some(value) = options.get(key) else {
        return Ok(Vec::new());
    };
    let table = value
        .as_table()
        .ok_or_else(|| format!("`{key}` must be a table of name = [\"…\", …]"))?;
    let mut out = Vec::new();
    for (name, v) in table {
        let items = strings(v, &format!("{key}.{name}"))?;
        if nonempty && items.is_empty() {
            return Err(format!("`{key}.{name}` needs at least one phrase"));
        }
        out.push((name.clone(), items));
    }
    Ok(out)
}

/// A case-insensitive regex for any of the phrases, whole words, spacing
/// free, longer phrases first (so "abstained or did not vote" wins over
/// "abstained").
fn alternation<'a>(phrases: impl Iterator<Item = &'a str>) -> Result<Regex, String> {
    let mut phrases: Vec<&str> = phrases.filter(|p| !p.trim().is_empty()).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let body: Vec<String> = phrases
        .iter()
        .map(|p| {
            p.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"[\s\-]+")
        })
        .collect();
    RegexBuilder::new(&format!(r"\b(?:{})\b", body.join("|")))
        .case_insensitive(true)
        .build()
        .map_err(|e| format!("cannot build a pattern from the phrases: {e}"))
}

/// A phrase as looked up: lowercase, single spaces.
fn phrase_key(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Debug)]
pub struct Choice {
    /// Value names, in rule order.
    values: Vec<String>,
    /// Value name → its first phrase ("abstained_or_absent" → "abstained or did not take part").
    labels: BTreeMap<String, String>,
    /// Phrase key → value name.
    phrases: BTreeMap<String, String>,
    /// Value → values it is compatible with (either direction counts).
    compatible: BTreeMap<String, Vec<String>>,
    /// Member → its names.
    members: Vec<(String, Regex)>,
    /// Group phrase pattern, phrase, members.
    groups: Vec<(Regex, String, Vec<String>)>,
    phrase_re: Regex,
}

impl Choice {
    /// The value `value`, labelled with its first phrase for reports.
    fn labelled(&self, value: String) -> Normalized {
        let mut n = Normalized::new(value.clone(), Key::Label(value.clone()));
        n.label = self.labels.get(&value).filter(|l| **l != value).cloned();
        n
    }

    /// The value a text expresses: a value name or one of its phrases.
    fn value_of(&self, text: &str) -> Option<String> {
        let text = text.trim();
        if self.values.iter().any(|v| v == text) {
            return Some(text.to_string());
        }
        if let Some(v) = self.phrases.get(&phrase_key(text)) {
            return Some(v.clone());
        }
        self.phrase_re
            .find(text)
            .and_then(|m| self.phrases.get(&phrase_key(m.as_str())).cloned())
    }

    /// The members a value phrase at `value` is said of, and the group
    /// phrase that named them, if one did.
    fn subjects(&self, text: &str, value: Range<usize>) -> (Vec<String>, Option<String>) {
        let sentence = crate::text::sentence_bounds(text, value.clone());
        let sentence_start = sentence.start.min(value.start);
        // The clause starts after an earlier value phrase or a semicolon.
        let mut start = self
            .phrase_re
            .find_iter(&text[sentence_start..value.start])
            .last()
            .map_or(sentence_start, |m| sentence_start + m.end());
        if let Some(i) = text[start..value.start].rfind(';') {
            start += i + 1;
        }
        let clause = &text[start..value.start];
        let mut named: Vec<String> = Vec::new();
        let mut via = None;
        for (re, phrase, of) in &self.groups {
            if re.is_match(clause) {
                named.extend(of.iter().cloned());
                via.get_or_insert_with(|| phrase.clone());
            }
        }
        if named.is_empty() {
            named = self
                .members
                .iter()
                .filter(|(_, re)| re.is_match(clause))
                .map(|(m, _)| m.clone())
                .collect();
        }
        let order = |m: &String| self.members.iter().position(|(name, _)| name == m);
        named.sort_by_key(order);
        named.dedup();
        (named, via)
    }

    fn compatible(&self, a: &str, b: &str) -> bool {
        let listed = |x: &str, y: &str| {
            self.compatible
                .get(x)
                .is_some_and(|l| l.iter().any(|v| v == y))
        };
        a == b || listed(a, b) || listed(b, a)
    }
}

impl Normalizer for Choice {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let written = m.value_str();
        let value = self.value_of(written).ok_or_else(|| {
            format!(
                "“{written}” is none of the phrases of {}",
                self.values.join(", ")
            )
        })?;
        let (members, via) = self.subjects(m.text, m.value.clone());
        if members.is_empty() {
            return Err(format!(
                "no member named before “{written}” in the same clause"
            ));
        }
        let mut note = Vec::new();
        if let Some(group) = via {
            note.push(format!("“{group}”: {}", members.join(", ")));
        }
        if let Some(others) = self.compatible.get(&value) {
            note.push(format!("compatible with {}", others.join(", ")));
        }
        Ok(members
            .into_iter()
            .map(|member| {
                let mut n = self.labelled(value.clone());
                n.subject = Some(member);
                n.note = (!note.is_empty()).then(|| note.join("; "));
                n
            })
            .collect())
    }

    fn parse(&self, text: &str) -> Result<Normalized, String> {
        let value = self
            .value_of(text)
            .ok_or_else(|| format!("`{text}` is none of {}", self.values.join(", ")))?;
        Ok(self.labelled(value))
    }

    fn agree(&self, a: &Normalized, b: &Normalized) -> bool {
        self.compatible(&a.value, &b.value)
    }

    fn find_spans(&self, text: &str) -> Option<Vec<Range<usize>>> {
        let spans = self
            .phrase_re
            .find_iter(text)
            .map(|m| m.range())
            .filter(|r| !self.subjects(text, r.clone()).0.is_empty())
            .collect();
        Some(spans)
    }

    fn subjects(&self) -> Option<Vec<String>> {
        Some(self.members.iter().map(|(m, _)| m.clone()).collect())
    }
}

#[cfg(test)]
mod tests;
