//! Checks each `[[constraint]]` per source: the values one article gives for
//! the names of the expression must keep the relation. A source that gives
//! every value is checked; one that misses a value is not. A violation is a
//! contradiction (exit status 1), like a conflict between sources.

use crate::extract::{Mention, Shared};
use crate::normalize::Key;
use crate::rules::{Constraint, Severity};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// How a constraint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConstraintStatus {
    /// Every source that gives all the values keeps the relation.
    Holds,
    /// At least one source breaks it.
    Violated,
    /// No source gives all the values.
    Unchecked,
}

/// The values one source gives and whether they keep the relation. Held
/// for every source that gives them until the report is written (dense
/// 100k: ~23,000, each a path, a map node and four strings of its own,
/// ~700 bytes): the path is the mentions' and the names and values are
/// shared strings, ~80 bytes.
#[derive(Debug, Clone, Serialize)]
pub struct SourceCheck {
    pub source: Shared,
    pub holds: bool,
    /// Name in the expression → the value as shown, by name (written as
    /// a JSON object).
    #[serde(serialize_with = "as_map")]
    pub values: Box<[(Shared, Shared)]>,
}

/// `values` written as the map it stands for.
fn as_map<S: Serializer>(values: &[(Shared, Shared)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(values.iter().map(|(k, v)| (k, v)))
}

/// The verdict on one constraint.
#[derive(Debug, Clone, Serialize)]
pub struct ConstraintVerdict {
    pub id: String,
    pub claim: String,
    pub expr: String,
    pub severity: Severity,
    pub status: ConstraintStatus,
    /// Where the constraint is defined.
    pub rule: String,
    pub sources: Vec<SourceCheck>,
}

/// Checks every constraint against the mentions of every source.
pub fn check<'m>(
    constraints: &[Constraint],
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> Vec<ConstraintVerdict> {
    // Each source's mentions, by path (file names repeat across folders);
    // grouped once, so the check is linear in mentions, not sources × mentions.
    let mut by_source: BTreeMap<&Shared, Vec<&Mention>> = BTreeMap::new();
    for m in mentions {
        by_source.entry(m.path()).or_default().push(m);
    }
    let mut checks: Vec<Vec<SourceCheck>> = vec![Vec::new(); constraints.len()];
    for (source, own) in &by_source {
        for (list, check) in checks
            .iter_mut()
            .zip(check_source(constraints, source, own, &|s| Shared::from(s)))
        {
            list.extend(check);
        }
    }
    verdicts(constraints, checks)
}

/// One source's check of each constraint (in the constraints' order):
/// `None` where the source does not give every value. `own` are the
/// source's mentions in the order it states them; `shared` makes the
/// names' and values' strings (a scan shares equal ones across sources).
pub fn check_source(
    constraints: &[Constraint],
    source: &Shared,
    own: &[&Mention],
    shared: &dyn Fn(&str) -> Shared,
) -> Vec<Option<SourceCheck>> {
    constraints
        .iter()
        .map(|c| {
            let value_of = |name: &str| -> Option<(&Mention, f64, f64)> {
                let (fact, subject) = c.bindings.get(name)?;
                own.iter().find_map(|m| match &m.normalized().key {
                    Key::Interval { lo, hi, .. }
                        if m.fact() == fact && &m.normalized().subject == subject =>
                    {
                        Some((*m, *lo, *hi))
                    }
                    _ => None,
                })
            };
            let holds = c
                .relation
                .holds(&|name| value_of(name).map(|(_, lo, hi)| (lo, hi)))?;
            // In the bindings' order: by name, as the map was.
            let values = c
                .bindings
                .keys()
                .filter_map(|name| {
                    value_of(name).map(|(m, _, _)| {
                        let value = crate::compare::shown(m.normalized());
                        (shared(name), shared(&value))
                    })
                })
                .collect();
            Some(SourceCheck {
                source: source.clone(),
                holds,
                values,
            })
        })
        .collect()
}

/// The verdict on each constraint from its sources' checks (`checks[i]`
/// for the i-th constraint), sorted here by source path.
pub fn verdicts(
    constraints: &[Constraint],
    checks: Vec<Vec<SourceCheck>>,
) -> Vec<ConstraintVerdict> {
    constraints
        .iter()
        .zip(checks)
        .map(|(c, mut checks)| {
            checks.sort_by(|a, b| a.source.cmp(&b.source));
            let status = if checks.is_empty() {
                ConstraintStatus::Unchecked
            } else if checks.iter().all(|s| s.holds) {
                ConstraintStatus::Holds
            } else {
                ConstraintStatus::Violated
            };
            ConstraintVerdict {
                id: c.id.clone(),
                claim: c.claim.clone(),
                expr: c.expr.clone(),
                severity: c.severity,
                status,
                rule: c.origin.to_string(),
                sources: checks,
            }
        })
        .collect()
}

impl ConstraintVerdict {
    /// "holds in 001.txt (in_favour 141, against 7)" and the like, for reports.
    pub fn describe(&self) -> String {
        let per_source: Vec<String> = self
            .sources
            .iter()
            .map(|s| {
                let values: Vec<String> =
                    s.values.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                format!(
                    "{} {} ({})",
                    if s.holds { "holds in" } else { "VIOLATED in" },
                    s.source,
                    values.join(", ")
                )
            })
            .collect();
        match self.status {
            ConstraintStatus::Unchecked => "unchecked: no source gives every value".into(),
            _ => per_source.join("; "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checks_values_are_written_as_the_map_they_were() {
        let check = SourceCheck {
            source: "d/a.txt".into(),
            holds: false,
            values: vec![
                ("against".into(), "7".into()),
                ("in_favour".into(), "141".into()),
            ]
            .into(),
        };
        let map: BTreeMap<&str, &str> = [("in_favour", "141"), ("against", "7")].into();
        let json = serde_json::to_string(&check).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"source":"d/a.txt","holds":false,"values":{}}}"#,
                serde_json::to_string(&map).unwrap()
            )
        );
    }
}
