//! YAML front matter between `---` lines at the top of a Markdown article,
//! as static-site generators (Jekyll, Hugo, Astro) write it. The fields
//! factlint knows are read (`outlet`, `published`, `url`, `translated_from`,
//! `title`, `note`, `written`; `date` stands for `published` when that is absent);
//! other keys belong to the site generator and are left alone.

use super::meta::SourceMeta;
use crate::error::{Error, Location, Result};
use std::path::Path;

/// The keys factlint reads from YAML front matter.
const KNOWN: &[&str] = &[
    "outlet",
    "published",
    "written",
    "url",
    "translated_from",
    "title",
    "note",
];

/// Reads YAML front matter of a Markdown article into `source`: `None` when
/// the article does not open with a `---` block (an unclosed `---` is a
/// thematic break, not front matter), else where the body starts, or why the
/// block could not be read (the caller warns and reads the article whole).
pub fn front_matter(path: &Path, text: &str, source: &mut super::Source) -> Option<Result<usize>> {
    let is_md = path
        .extension()
        .is_some_and(|e| e == "md" || e == "markdown");
    let (start, end, body) = block(text).filter(|_| is_md)?;
    Some(read(path, text, start, end).map(|meta| {
        meta.apply(source);
        body
    }))
}

/// The YAML block between `---` lines: (its start, its end, where the
/// article body starts). `None` when `text` does not open with one.
fn block(text: &str) -> Option<(usize, usize, usize)> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let open_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = open_end;
    for line in text[open_end..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some((open_end, offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// Reads YAML front matter into metadata; `start..end` is the YAML text.
fn read(path: &Path, text: &str, start: usize, end: usize) -> Result<SourceMeta> {
    let yaml = &text[start..end];
    let hint = "fix the front matter (YAML between --- lines): outlet, published (YYYY-MM-DD), written, url, translated_from, title, note";
    let value: serde_norway::Value = serde_norway::from_str(yaml).map_err(|e| {
        let at = match e.location() {
            Some(l) => {
                let (line, _) = crate::text::line_col(text, start);
                Location::at(path, line + l.line() - 1, l.column())
            }
            None => Location::of_offset(path, text, start),
        };
        Error::corpus(
            at,
            e.to_string().lines().next().unwrap_or("").to_string(),
            hint,
        )
    })?;
    let mut table = toml::Table::new();
    let map = match value {
        serde_norway::Value::Mapping(map) => map,
        serde_norway::Value::Null => return Ok(SourceMeta::default()),
        _ => {
            return Err(Error::corpus(
                Location::of_offset(path, text, start),
                "the front matter is not a list of `key: value` lines",
                hint,
            ))
        }
    };
    for (key, value) in map {
        let Some(key) = key.as_str().map(str::to_string) else {
            continue;
        };
        let name = if key == "date" {
            "published"
        } else {
            key.as_str()
        };
        if !KNOWN.contains(&name) || (key == "date" && table.contains_key("published")) {
            continue;
        }
        let offset = yaml.find(&format!("{key}:")).map_or(start, |i| start + i);
        let value = match value {
            serde_norway::Value::String(s) => toml::Value::String(s),
            serde_norway::Value::Number(n) => toml::Value::String(n.to_string()),
            serde_norway::Value::Bool(b) => toml::Value::String(b.to_string()),
            serde_norway::Value::Null => continue,
            _ => {
                return Err(Error::corpus(
                    Location::of_offset(path, text, offset),
                    format!("front matter `{key}` must be a single value"),
                    hint,
                ))
            }
        };
        table.insert(name.to_string(), value);
    }
    let key_at = yaml
        .find("published:")
        .or_else(|| yaml.find("date:"))
        .map_or(start, |i| start + i);
    let written_at = yaml.find("written:").map_or(start, |i| start + i);
    SourceMeta::from_table(
        table,
        Location::of_offset(path, text, key_at),
        Location::of_offset(path, text, written_at),
        hint,
    )
}
