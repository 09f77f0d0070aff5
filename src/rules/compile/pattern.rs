//! Compiling one `patterns` entry of a fact (a regex string, or a table
//! with `regex` and `ignore_case`): placeholders expanded, the group it
//! reads checked, and errors pointing at the entry.

use super::super::{diagnose, placeholders, Pattern};
use crate::error::{Error, Location, Result};
use regex::RegexBuilder;

pub(super) fn compile_pattern(
    spec: &toml::Spanned<toml::Value>,
    id: &str,
    values: &[String],
    at: &dyn Fn(usize) -> Location,
    file: &diagnose::Source<'_>,
) -> Result<Pattern> {
    let origin = at(spec.span().start);
    let bad = |message: String, hint: &str| Error::rules(origin.clone(), message, hint);
    let (source, ignore_case) = match spec.get_ref() {
        toml::Value::String(s) => (s.clone(), false),
        toml::Value::Table(t) => {
            for key in t.keys() {
                if key != "regex" && key != "ignore_case" {
                    return Err(bad(
                        format!("unknown key `{key}` in a pattern of fact `{id}`"),
                        "a pattern table has `regex` and `ignore_case`",
                    ));
                }
            }
            let regex = t.get("regex").and_then(|r| r.as_str()).ok_or_else(|| {
                bad(
                    format!("a pattern of fact `{id}` has no `regex` string"),
                    "write { regex = '…', ignore_case = true }",
                )
            })?;
            let ignore_case = match t.get("ignore_case") {
                None => false,
                Some(toml::Value::Boolean(b)) => *b,
                Some(_) => {
                    return Err(bad(
                        format!("`ignore_case` of a pattern of fact `{id}` must be true or false"),
                        "write ignore_case = true",
                    ))
                }
            };
            (regex.to_string(), ignore_case)
        }
        other => {
            return Err(bad(
                format!("a pattern of fact `{id}` is {}", crate::text::a_type(other)),
                "write a regex string or a { regex = '…' } table",
            ))
        }
    };
    // Where the pattern's text starts in the file, for exact carets.
    let start = file.find(spec.span(), &source);
    if let Some((range, written)) = diagnose::unknown_placeholders(&source).into_iter().next() {
        return Err(diagnose::placeholder_error(
            file, start, &origin, range, &written, id,
        ));
    }
    // The flag goes into the regex text, so `rules patterns` prints what runs.
    let expanded = format!(
        "{}{}",
        if ignore_case { "(?i)" } else { "" },
        placeholders::expand(&source)
    );
    let regex = RegexBuilder::new(&expanded).build().map_err(|e| match e {
        regex::Error::CompiledTooBig(limit) => {
            bad(format!("pattern of fact `{id}` is too large (compiled size over {limit} bytes)"), "split it into several smaller patterns")
        }
        other => {
            let hint = "fix the pattern (regex crate syntax; escape \\ as \\\\ or use '…' literal strings)";
            // The regex crate's own span, mapped back to the file.
            if let Some((range, detail)) = diagnose::regex_error(&source) {
                let at = start.map_or_else(|| origin.clone(), |s| file.at(s + range.start..s + range.end));
                return Error::rules(at, format!("invalid regex in fact `{id}`: {detail}"), hint);
            }
            let detail = other.to_string().lines().last().unwrap_or("").trim().trim_start_matches("error: ").to_string();
            bad(format!("invalid regex in fact `{id}`: {detail}"), hint)
        }
    })?;
    if !values.is_empty() {
        if !regex
            .capture_names()
            .flatten()
            .any(|n| values.iter().any(|v| v == n))
        {
            return Err(bad(
                format!("pattern of fact `{id}` has none of the groups in `subjects`"),
                &format!(
                    "name the groups that hold values: {}",
                    values
                        .iter()
                        .map(|v| format!("(?P<{v}>…)"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    } else if !regex.capture_names().any(|n| n == Some("value")) {
        return Err(bad(
            format!("pattern of fact `{id}` has no `value` group"),
            "wrap the part that holds the value in (?P<value>…)",
        ));
    }
    Ok(Pattern {
        scan: crate::text::fastre::Pattern::new(regex.clone()),
        regex,
        source,
        origin,
    })
}
