//! Article metadata: `sources.toml` manifests and front matter (`+++` TOML,
//! or `---` YAML read by [`super::yaml`]).

use super::Source;
use crate::error::{Error, Location, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// The fields both a manifest entry and front matter may set.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default, skip)]
    pub published: Option<jiff::civil::Date>,
    /// The publication time, when `published` gives one (RFC 3339 with offset).
    #[serde(default, skip)]
    pub published_at: Option<String>,
    #[serde(default, rename = "published")]
    published_raw: Option<toml::Value>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub translated_from: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The zone the outlet writes times in: an IANA name ("Asia/Shanghai").
    #[serde(default)]
    pub timezone: Option<String>,
}

impl SourceMeta {
    pub fn apply(&self, source: &mut Source) {
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if value.is_some() {
                field.clone_from(value);
            }
        };
        set(&mut source.outlet, &self.outlet);
        set(&mut source.url, &self.url);
        set(&mut source.translated_from, &self.translated_from);
        set(&mut source.title, &self.title);
        set(&mut source.timezone, &self.timezone);
        if self.published.is_some() {
            source.published = self.published;
            source.published_at.clone_from(&self.published_at);
        }
    }

    /// Metadata from a table of fields (YAML front matter); errors point at `at`.
    pub(crate) fn from_table(table: toml::Table, at: Location, hint: &str) -> Result<SourceMeta> {
        let mut meta: SourceMeta = table.try_into().map_err(|e: toml::de::Error| {
            Error::corpus(at.clone(), e.message().trim().replace('\n', " "), hint)
        })?;
        meta.check_timezone(at.clone())?;
        meta.resolve_date(at)?;
        Ok(meta)
    }

    /// Checks `timezone` against the zone database; an error points at `at`.
    fn check_timezone(&self, at: Location) -> Result<()> {
        if let Some(name) = &self.timezone {
            crate::normalize::time::zones::iana(name).map_err(|m| {
                Error::corpus(
                    at,
                    m,
                    "write the source's zone as an IANA name (\"Europe/London\"), or leave `timezone` out",
                )
            })?;
        }
        Ok(())
    }

    /// Reads `published`; an error points at `at`.
    fn resolve_date(&mut self, at: Location) -> Result<()> {
        if let Some(raw) = &self.published_raw {
            let (date, time) = crate::text::parse_published(raw).map_err(|m| {
                Error::corpus(
                    at,
                    format!("publication date: {m}"),
                    "write the publication date as YYYY-MM-DD",
                )
            })?;
            self.published = Some(date);
            self.published_at = time;
        }
        Ok(())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    source: Vec<ManifestEntry>,
}

#[derive(Debug, Deserialize)]
struct ManifestEntry {
    file: Spanned<String>,
    #[serde(flatten)]
    meta: toml::Table,
}

fn toml_error(path: &Path, text: &str, shift: usize, e: &toml::de::Error, hint: &str) -> Error {
    let offset = shift + e.span().map_or(0, |s| s.start);
    Error::corpus(
        Location::of_offset(path, text, offset),
        e.message().trim().replace('\n', " "),
        hint,
    )
}

/// Reads `dir/sources.toml` if there is one: file name → metadata.
pub fn load_manifest(dir: &Path) -> Result<BTreeMap<String, SourceMeta>> {
    let path = dir.join("sources.toml");
    let mut map = BTreeMap::new();
    if !path.is_file() {
        return Ok(map);
    }
    let text = crate::text::read_utf8(&path).map_err(|e| match e {
        // Keep the location; say "file", not "rule file".
        Error::Rules { at, message, hint } => {
            Error::corpus(at, message.replace("rule file", "file"), hint)
        }
        other => other,
    })?;
    let hint = "fix sources.toml: [[source]] entries with file, outlet, published, url, translated_from, title, note, timezone";
    let manifest: Manifest =
        toml::from_str(&text).map_err(|e| toml_error(&path, &text, 0, &e, hint))?;
    // One line index for the file: a manifest of 1,000 entries would
    // otherwise be scanned from the top for every entry.
    let index = crate::text::LineIndex::new(&text);
    for entry in manifest.source {
        let (line, column) = index.line_col(&text, entry.file.span().start);
        let at = Location::at(&path, line, column);
        let mut meta: SourceMeta = entry.meta.try_into().map_err(|e: toml::de::Error| {
            Error::corpus(at.clone(), e.message().trim().replace('\n', " "), hint)
        })?;
        meta.resolve_date(at.clone())?;
        // The `timezone` key of this entry (between its [[source]] headers), else the entry.
        let from = text[..entry.file.span().start]
            .rfind("[[source]]")
            .unwrap_or(0);
        let to = text[entry.file.span().start..]
            .find("[[source]]")
            .map_or(text.len(), |i| entry.file.span().start + i);
        let zone_at = text[from..to].find("timezone").map_or(at.clone(), |i| {
            let (line, column) = index.line_col(&text, from + i);
            Location::at(&path, line, column)
        });
        meta.check_timezone(zone_at)?;
        let file = entry.file.into_inner();
        if !dir.join(&file).is_file() {
            return Err(Error::corpus(
                at,
                format!(
                    "sources.toml names `{file}`, which is not in {}",
                    dir.display()
                ),
                "fix the file name or remove the entry",
            ));
        }
        if map.insert(file.clone(), meta).is_some() {
            return Err(Error::corpus(
                at,
                format!("`{file}` is listed twice"),
                "keep one entry per file",
            ));
        }
    }
    Ok(map)
}

/// Reads `+++` front matter at the top of a Markdown article into `source`;
/// returns where the body starts (0 without front matter). YAML front
/// matter is [`super::yaml`]'s.
pub fn front_matter(path: &Path, text: &str, source: &mut Source) -> Result<usize> {
    let is_md = path
        .extension()
        .is_some_and(|e| e == "md" || e == "markdown");
    if !is_md {
        return Ok(0);
    }
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Ok(0);
    }
    let open_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = open_end;
    for line in text[open_end..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let body = &text[open_end..offset];
            let mut meta: SourceMeta = toml::from_str(body).map_err(|e| {
                toml_error(
                    path,
                    text,
                    open_end,
                    &e,
                    "fix the front matter (TOML between +++ lines)",
                )
            })?;
            let key = body.find("published").map_or(open_end, |i| open_end + i);
            meta.resolve_date(Location::of_offset(path, text, key))?;
            let key = body.find("timezone").map_or(open_end, |i| open_end + i);
            meta.check_timezone(Location::of_offset(path, text, key))?;
            meta.apply(source);
            return Ok(offset + line.len());
        }
        offset += line.len();
    }
    Err(Error::corpus(
        Location::at(path, 1, 1),
        "front matter opened with +++ is never closed",
        "add a line with +++ after the front matter",
    ))
}

/// Serializes a date as "YYYY-MM-DD" (or null).
pub fn serialize_date<S: serde::Serializer>(
    date: &Option<jiff::civil::Date>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// Reads a date written by [`serialize_date`].
pub fn deserialize_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<jiff::civil::Date>, D::Error> {
    let text: Option<String> = Option::deserialize(d)?;
    text.map(|t| t.parse().map_err(serde::de::Error::custom))
        .transpose()
}
