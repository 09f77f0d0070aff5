//! `[[constraint]]` in rule files: compiled when a file is read, its names
//! bound to facts once every file is read (a constraint may relate facts of
//! several files). The expression language is in [`super::expr`].

use super::expr;
use super::spec;
use super::{Fact, Severity};
use crate::error::{Error, Location, Result};
use std::collections::BTreeMap;

/// A checked `[[constraint]]`.
#[derive(Debug)]
pub struct Constraint {
    pub id: String,
    pub claim: String,
    /// The expression as written.
    pub expr: String,
    pub relation: expr::Relation,
    pub severity: Severity,
    pub origin: Location,
    /// Name in the expression → (fact id, subject).
    pub bindings: BTreeMap<String, (String, Option<String>)>,
}

/// A constraint as parsed, before its names are resolved against every fact.
#[derive(Debug)]
pub struct PendingConstraint {
    pub id: String,
    pub claim: String,
    pub expr: String,
    pub relation: expr::Relation,
    pub severity: Severity,
    pub origin: Location,
    /// Each name with where it is written.
    pub names: Vec<(String, Location)>,
}

impl Fact {
    /// The expected value(s) as text, "7591 km or 7644 km".
    pub fn expected(&self) -> Option<String> {
        let shown: Vec<&str> = self.expect.iter().map(|n| n.value.as_str()).collect();
        (!shown.is_empty()).then(|| shown.join(" or "))
    }
}

pub fn compile(
    spec: spec::ConstraintSpec,
    text: &str,
    at: &dyn Fn(usize) -> Location,
) -> Result<PendingConstraint> {
    let id = spec.id.get_ref().clone();
    let origin = at(spec.id.span().start);
    let expr = spec.expr.get_ref().clone();
    // Offsets inside the expression map to the file when the string is written
    // on one line without escapes (the usual case); else to its start.
    let span = spec.expr.span();
    let raw = &text[span.clone()];
    let quote = raw.find(['"', '\'']).map_or(0, |q| q + 1);
    let verbatim = raw.get(quote..quote + expr.len()) == Some(expr.as_str());
    let place = |offset: usize| at(span.start + if verbatim { quote + offset } else { 0 });
    let relation = expr::parse(&expr).map_err(|(message, offset)| {
        Error::rules(
            place(offset),
            format!("constraint `{id}`: {message}"),
            "write one comparison of fact ids such as `a + b <= 193`",
        )
    })?;
    let severity = match &spec.severity {
        None => Severity::Error,
        Some(s) => Severity::parse(s.get_ref()).ok_or_else(|| {
            Error::rules(
                at(s.span().start),
                format!("unknown severity `{}` in constraint `{id}`", s.get_ref()),
                "use error, warning or info",
            )
        })?,
    };
    let names = relation
        .names()
        .into_iter()
        .map(|(n, offset)| (n, place(offset)))
        .collect();
    Ok(PendingConstraint {
        claim: spec.claim.unwrap_or_else(|| expr.clone()),
        id,
        expr,
        relation,
        severity,
        origin,
        names,
    })
}

/// Binds every name of a constraint to a fact (and subject).
pub fn resolve(c: PendingConstraint, facts: &[Fact]) -> Result<Constraint> {
    let mut bindings = BTreeMap::new();
    for (name, at) in &c.names {
        let by_id = facts
            .iter()
            .find(|f| &f.id == name && f.values.is_empty())
            .map(|f| (f.id.clone(), None));
        let qualified = name.split_once('.').and_then(|(fact, value)| {
            facts
                .iter()
                .find(|f| f.id == fact && f.values.iter().any(|v| v == value))
                .map(|f| (f.id.clone(), Some(value.to_string())))
        });
        let owners: Vec<&Fact> = facts.iter().filter(|f| f.values.contains(name)).collect();
        if owners.len() > 1 && by_id.is_none() {
            let both: Vec<String> = owners.iter().map(|f| format!("{}.{name}", f.id)).collect();
            return Err(Error::rules(
                at.clone(),
                format!(
                    "`{name}` in constraint `{}` is a value of several facts",
                    c.id
                ),
                format!("write one of: {}", both.join(", ")),
            ));
        }
        let bare = owners.first().map(|f| (f.id.clone(), Some(name.clone())));
        let Some(binding) = by_id.or(qualified).or(bare) else {
            let mut known: Vec<String> = facts
                .iter()
                .filter(|f| f.values.is_empty())
                .map(|f| f.id.clone())
                .collect();
            known.extend(
                facts
                    .iter()
                    .flat_map(|f| f.values.iter().map(move |v| format!("{}.{v}", f.id))),
            );
            let near = known.iter().find(|k| strsim::jaro_winkler(k, name) > 0.85);
            let hint = match near {
                Some(n) => format!("did you mean `{n}`? (write subtraction with spaces: `a - b`)"),
                None => format!("use a fact id or fact.value; known: {}", known.join(", ")),
            };
            return Err(Error::rules(
                at.clone(),
                format!("unknown name `{name}` in constraint `{}`", c.id),
                hint,
            ));
        };
        let numeric = facts
            .iter()
            .find(|f| f.id == binding.0)
            .is_some_and(|f| matches!(f.kind, "number" | "quantity" | "money" | "percent"));
        if !numeric {
            return Err(Error::rules(
                at.clone(),
                format!("`{name}` in constraint `{}` is not a numeric fact", c.id),
                "constraints relate number, quantity, money or percent facts",
            ));
        }
        bindings.insert(name.clone(), binding);
    }
    Ok(Constraint {
        id: c.id,
        claim: c.claim,
        expr: c.expr,
        relation: c.relation,
        severity: c.severity,
        origin: c.origin,
        bindings,
    })
}
