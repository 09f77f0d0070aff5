//! The corpus: the articles to check and what is known about each (outlet,
//! publication date, URL, original language). Articles are `.txt` and `.md`
//! files, found in the folders given (recursively, in sorted order);
//! metadata comes from a `sources.toml` beside them or from TOML front matter
//! between `+++` lines at the top of a Markdown article. Discovery is
//! separate from reading so a large corpus can be read one article at a time.

pub mod meta;

use crate::error::{Error, Location, Result};
use meta::SourceMeta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What is known about one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// File name ("000_f4926741994e602a.txt").
    pub file: String,
    /// Path as found from the command-line arguments, with `/` separators.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(
        serialize_with = "meta::serialize_date",
        deserialize_with = "meta::deserialize_date",
        default
    )]
    pub published: Option<jiff::civil::Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// An article found on disk, not read yet.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub source: Source,
}

/// An article read into memory.
#[derive(Debug, Clone)]
pub struct Article {
    pub source: Source,
    /// The whole file, decoded.
    pub text: String,
    /// Where the article body starts (after front matter).
    pub body_start: usize,
}

/// Something worth telling the user that does not stop the run.
pub type Warning = String;

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Finds the articles under `paths` and their manifest metadata.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            Error::corpus(
                Location::file(path),
                format!("cannot read the corpus path: {e}"),
                "pass existing article files or folders",
            )
        })?;
        let before = entries.len();
        if meta.is_dir() {
            walk(path, &mut entries)?;
        } else {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let manifest = meta::load_manifest(dir)?;
            entries.push(entry(path, &manifest));
        }
        if entries.len() == before {
            return Err(Error::corpus(
                Location::file(path),
                "no articles (.txt, .md) here",
                "pass a folder that holds articles, or the article files themselves",
            ));
        }
    }
    Ok(entries)
}

fn entry(path: &Path, manifest: &BTreeMap<String, SourceMeta>) -> Entry {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut source = Source {
        file: file.clone(),
        path: display_path(path),
        ..Source::default()
    };
    if let Some(m) = manifest.get(&file) {
        m.apply(&mut source);
    }
    Entry {
        path: path.to_path_buf(),
        source,
    }
}

/// A path as factlint prints it: `/` separators, no leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    shown.strip_prefix("./").unwrap_or(&shown).to_string()
}

fn walk(dir: &Path, entries: &mut Vec<Entry>) -> Result<()> {
    let manifest = meta::load_manifest(dir)?;
    let read = std::fs::read_dir(dir).map_err(|e| {
        Error::corpus(
            Location::file(dir),
            format!("cannot list the folder: {e}"),
            "check its permissions",
        )
    })?;
    let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, entries)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
        {
            entries.push(entry(&path, &manifest));
        }
    }
    Ok(())
}

/// Reads one article. `Ok(None)` with a warning: skipped (binary, unreadable).
pub fn read(entry: &Entry) -> Result<(Option<Article>, Vec<Warning>)> {
    let shown = &entry.source.path;
    let bytes = match std::fs::read(&entry.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Ok((
                None,
                vec![format!("{shown}: skipped: cannot read it ({e})")],
            ))
        }
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Ok((
            None,
            vec![format!(
                "{shown}: skipped: binary file (it holds NUL bytes)"
            )],
        ));
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            warnings.push(format!(
                "{shown}: not valid UTF-8; invalid bytes were replaced (save it as UTF-8)"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        warnings.push(format!("{shown}: the article is empty"));
    }
    let mut source = entry.source.clone();
    let body_start = meta::front_matter(&entry.path, &text, &mut source)?;
    Ok((
        Some(Article {
            source,
            text,
            body_start,
        }),
        warnings,
    ))
}

/// Reads a date written in a rule or a manifest: "2023-02-24" or a TOML date.
pub fn parse_date(value: &toml::Value) -> std::result::Result<jiff::civil::Date, String> {
    let text = match value {
        toml::Value::String(s) => s.trim().to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        other => {
            return Err(format!(
                "a date must be written YYYY-MM-DD, not as a {}",
                other.type_str()
            ))
        }
    };
    text.parse::<jiff::civil::Date>()
        .map_err(|_| format!("`{text}` is not a date"))
}
