//! Rule examples double as tests: each example text must match (and yield
//! its `value`, hedged or not as `approximate` says) or, with `match = false`,
//! must not match at all. Checked at load time and by the test suite.

use super::Fact;
use crate::error::Location;

/// One example that did not behave as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// Where the example's `text` is in the rule file.
    pub origin: Location,
    pub message: String,
}

/// Every failing example of `fact`, in file order.
pub fn check_fact(fact: &Fact) -> Vec<ExampleFailure> {
    fact.examples
        .iter()
        .filter_map(|ex| {
            let hits = super::hits(fact, &ex.text, 0, ex.published);
            let fail = |message: String| {
                Some(ExampleFailure {
                    origin: ex.origin.clone(),
                    message,
                })
            };
            if !ex.matches {
                return match hits.first() {
                    Some(hit) => fail(format!(
                        "{:?} must not match, but a pattern found {:?}",
                        ex.text,
                        &ex.text[hit.value.clone()]
                    )),
                    None => None,
                };
            }
            if hits.is_empty() {
                return fail(format!("no pattern matches {:?}", ex.text));
            }
            let values: Vec<_> = hits
                .iter()
                .flat_map(|h| h.values.iter())
                .filter(|v| ex.subject.is_none() || v.subject == ex.subject)
                .collect();
            if let Some(want) = &ex.value {
                if !values.iter().any(|v| &v.value == want) {
                    let got: Vec<String> = values
                        .iter()
                        .map(|v| match &v.note {
                            Some(note) if !v.is_resolved() => format!("unresolved ({note})"),
                            _ => v.value.clone(),
                        })
                        .collect();
                    return fail(format!("{:?} yields {}, not {want:?}", ex.text, show(&got)));
                }
            }
            if let Some(approximate) = ex.approximate {
                let matching = values
                    .iter()
                    .find(|v| ex.value.as_ref().is_none_or(|w| &v.value == w));
                if matching.is_some_and(|v| v.approximate != approximate) {
                    let word = if approximate { "hedged" } else { "exact" };
                    return fail(format!("{:?} should read as {word}", ex.text));
                }
            }
            None
        })
        .collect()
}

fn show(values: &[String]) -> String {
    if values.is_empty() {
        return "no value".into();
    }
    values
        .iter()
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}
