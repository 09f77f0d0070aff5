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
    /// When the text was written, if not on its publication date (a reprint
    /// dated later): its relative dates ("tomorrow", "Friday") are resolved
    /// against this day instead.
    #[serde(default, skip)]
    pub written: Option<jiff::civil::Date>,
    #[serde(default, rename = "written")]
    written_raw: Option<toml::Value>,
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
        // The rare fields' box is made only for a value to set.
        if self.url.is_some() {
            set(&mut source.more_mut().url, &self.url);
        }
        if self.translated_from.is_some() {
            set(
                &mut source.more_mut().translated_from,
                &self.translated_from,
            );
        }
        if self.title.is_some() {
            set(&mut source.more_mut().title, &self.title);
        }
        if self.timezone.is_some() {
            set(&mut source.more_mut().timezone, &self.timezone);
        }
        if self.published.is_some() {
            source.published = self.published;
            if self.published_at.is_some() || source.more().published_at.is_some() {
                source
                    .more_mut()
                    .published_at
                    .clone_from(&self.published_at);
            }
        }
        if self.written.is_some() {
            source.more_mut().written = self.written;
        }
    }

    /// Metadata from a table of fields (YAML front matter); errors point at
    /// `at`, those of `written` at `written_at`.
    pub(crate) fn from_table(
        table: toml::Table,
        at: Location,
        written_at: Location,
        hint: &str,
    ) -> Result<SourceMeta> {
        let mut meta: SourceMeta = table.try_into().map_err(|e: toml::de::Error| {
            Error::corpus(at.clone(), e.message().trim().replace('\n', " "), hint)
        })?;
        meta.check_timezone(at.clone())?;
        meta.resolve_date(at)?;
        meta.resolve_written(written_at)?;
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

    /// Reads `written` (a date, like `published` without a time); an error
    /// points at `at`.
    fn resolve_written(&mut self, at: Location) -> Result<()> {
        if let Some(raw) = &self.written_raw {
            let date = crate::text::parse_date(raw).map_err(|m| {
                Error::corpus(
                    at,
                    format!("writing date: {m}"),
                    "write the day the text was written as YYYY-MM-DD (`written = 2021-04-22`), or leave `written` out",
                )
            })?;
            self.written = Some(date);
        }
        Ok(())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestSpec {
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

/// A `sources.toml` beside a corpus folder instead of inside it: not read,
/// so every relative date of the corpus would go unresolved without a word.
/// One warning per such folder, naming the file and where it belongs.
pub fn misplaced_manifests(paths: &[std::path::PathBuf]) -> Vec<String> {
    let mut warnings = Vec::new();
    for dir in paths.iter().filter(|p| p.is_dir()) {
        if dir.join("sources.toml").is_file() {
            continue;
        }
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // The folder itself, when given as ".": its parent is no sibling.
        if dir.file_name().is_none() {
            continue;
        }
        let beside = parent.join("sources.toml");
        if beside.is_file() {
            let shown = |p: &Path| super::display_path(p);
            warnings.push(format!(
                "{}: this manifest is beside the corpus folder {}, not inside it, so it is not read (no outlet or publication date reaches the articles) — move it to {}",
                shown(&beside),
                shown(dir),
                shown(&dir.join("sources.toml"))
            ));
        }
    }
    warnings
}

/// The manifest's file name.
pub const MANIFEST: &str = "sources.toml";

/// A `sources.toml`: metadata for the articles in its folder and below.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    /// Entries by path relative to the manifest's folder, normalized
    /// (`./a.txt` is `a.txt`; `sub/a.txt` stays), each with where it is written.
    pub entries: BTreeMap<String, (SourceMeta, Location)>,
    /// Entries that cannot name an article of this folder (`../x.txt`, an
    /// absolute path), as warnings with file:line:col.
    pub warnings: Vec<crate::text::Warning>,
}

impl Manifest {
    /// The metadata for the article at `rel` (relative to the manifest's folder).
    pub fn get(&self, rel: &str) -> Option<&SourceMeta> {
        self.entries.get(rel).map(|(meta, _)| meta)
    }
}

/// `file` as a key relative to the manifest's folder: `./` and empty parts
/// dropped, `\` read as `/`; `None` when it leaves the folder (`..`, absolute).
pub fn relative_key(file: &str) -> Option<String> {
    if file.starts_with('/') || file.starts_with('\\') || file.get(1..2) == Some(":") {
        return None;
    }
    let mut parts = Vec::new();
    for part in file.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => return None,
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Reads `dir/sources.toml` if there is one. Entries are paths relative to
/// the manifest (`a.txt`, `./a.txt`, `sub/a.txt`); one that leaves its
/// folder is a warning; one that matches no article is a warning too, given
/// by the caller once the folder has been walked.
pub fn load_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join(MANIFEST);
    let mut manifest = Manifest::default();
    if !path.is_file() {
        return Ok(manifest);
    }
    let text = crate::text::read_utf8(&path).map_err(|e| match e {
        // Keep the location; say "file", not "rule file".
        Error::Rules { at, message, hint } => {
            Error::corpus(at, message.replace("rule file", "file"), hint)
        }
        other => other,
    })?;
    let hint = "fix sources.toml: [[source]] entries with file, outlet, published, written, url, translated_from, title, note, timezone";
    let spec: ManifestSpec =
        toml::from_str(&text).map_err(|e| toml_error(&path, &text, 0, &e, hint))?;
    // One line index for the file: a manifest of 1,000 entries would
    // otherwise be scanned from the top for every entry.
    let index = crate::text::LineIndex::new(&text);
    for entry in spec.source {
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
        let key_at = |key: &str| {
            text[from..to].find(key).map_or(at.clone(), |i| {
                let (line, column) = index.line_col(&text, from + i);
                Location::at(&path, line, column)
            })
        };
        meta.check_timezone(key_at("timezone"))?;
        meta.resolve_written(key_at("written"))?;
        let file = entry.file.into_inner();
        let Some(key) = relative_key(&file) else {
            manifest.warnings.push(format!(
                "{at}: `{file}` is outside the folder of {MANIFEST}, so its metadata is not used; list it in a {MANIFEST} in its own folder or above it"
            ));
            continue;
        };
        if let Some((_, first)) = manifest.entries.get(&key) {
            return Err(Error::corpus(
                at,
                format!(
                    "`{file}` is listed twice (first at line {})",
                    first.line.unwrap_or(0)
                ),
                "keep one entry per file",
            ));
        }
        manifest.entries.insert(key, (meta, at));
    }
    Ok(manifest)
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
            let key = body.find("written").map_or(open_end, |i| open_end + i);
            meta.resolve_written(Location::of_offset(path, text, key))?;
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

#[cfg(test)]
mod tests {
    use super::relative_key;

    #[test]
    fn entries_are_paths_relative_to_the_manifest() {
        assert_eq!(relative_key("a.txt").as_deref(), Some("a.txt"));
        assert_eq!(relative_key("./a.txt").as_deref(), Some("a.txt"));
        assert_eq!(relative_key("sub//./b.md").as_deref(), Some("sub/b.md"));
        assert_eq!(relative_key("sub\\b.md").as_deref(), Some("sub/b.md"));
        for outside in [
            "../a.txt",
            "sub/../../a.txt",
            "/etc/a.txt",
            "C:\\a.txt",
            ".",
        ] {
            assert_eq!(relative_key(outside), None, "{outside}");
        }
    }
}
