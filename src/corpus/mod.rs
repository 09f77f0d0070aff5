//! The corpus: the articles to check and what is known about each (outlet,
//! publication date, URL, original language). Articles are `.txt` and `.md`
//! files, found in the folders given (recursively, in sorted order);
//! metadata comes from a `sources.toml` beside them or from front matter at
//! the top of a Markdown article (TOML between `+++` lines, YAML between
//! `---` lines). Discovery is
//! separate from reading so a large corpus can be read one article at a time.

pub mod meta;
mod source;
pub mod yaml;

pub use source::{More, Source};

use crate::error::{Error, Location, Result};
use crate::text::walk::{self, Walk, Walked};
use meta::Manifest;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// An article found on disk, not read yet.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub source: Source,
    /// Why discovery already knows it cannot be read (a symlink loop, a
    /// folder it cannot list, a pipe); [`read`] turns it into a warning.
    pub skip: Option<String>,
    /// Warnings discovery found on the way (manifest entries that name no
    /// article), given out with this entry's own by [`read`].
    pub notes: Vec<Warning>,
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

pub use crate::text::Warning;

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// The first line of factlint's Markdown report. A file that starts with it
/// is factlint's own output (a report written into the corpus folder), never
/// an article.
pub const REPORT_TITLE: &str = "# factlint report";

/// Whether `bytes` (the start of a file is enough) are a factlint report.
pub fn is_report(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    bytes
        .strip_prefix(REPORT_TITLE.as_bytes())
        .is_some_and(|rest| rest.starts_with(b"\n") || rest.starts_with(b"\r\n"))
}

/// Whether the file at `path` is a factlint report (reads its first line only).
pub fn is_report_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 32];
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let n = file.take(head.len() as u64).read(&mut head).unwrap_or(0);
    is_report(&head[..n])
}

/// Finds the articles under `paths` and their manifest metadata, honouring
/// ignore files (see [`discover_with`]).
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Entry>> {
    discover_with(paths, Walk::default())
}

/// Finds the articles under `paths` with the walker of [`crate::text::walk`]:
/// hidden files and what ignore files list are left out (unless `how` says
/// otherwise), links are followed, and each file is read once: a symlink
/// loop or a second path to the same file becomes a skipped entry, never a
/// hang. A path given by name is always read.
pub fn discover_with(paths: &[PathBuf], how: Walk) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut seen = BTreeSet::new();
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
            walk_dir(path, how, &mut entries, &mut seen)?;
        } else {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let manifest = meta::load_manifest(dir)?;
            let rel = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut found = entry(path, manifest.get(&rel));
            found.notes = manifest.warnings;
            entries.push(once(found, &mut seen));
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

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
}

/// The articles of one folder given on the command line, each with the
/// metadata of its folder's `sources.toml`.
fn walk_dir(
    dir: &Path,
    how: Walk,
    entries: &mut Vec<Entry>,
    seen: &mut BTreeSet<FileKey>,
) -> Result<()> {
    let found = walk::walk(dir, how, &is_article).map_err(|e| {
        Error::corpus(
            Location::file(dir),
            format!("cannot list the folder: {e}"),
            "check its permissions",
        )
    })?;
    let first = entries.len();
    // Each folder's manifest is parsed on the worker threads (a manifest of
    // 1,000 articles is ~6 ms of TOML); the first error in walking order wins.
    let mut loaded = found
        .par_iter()
        .filter_map(|walked| match walked {
            Walked::Dir(path) => Some(meta::load_manifest(path)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .into_iter();
    let mut manifests: BTreeMap<PathBuf, Manifest> = BTreeMap::new();
    // Looked up, never listed: hashed (10,000 path comparisons in a tree were ~7 % of listing).
    let mut used: std::collections::HashSet<(PathBuf, String)> = std::collections::HashSet::new();
    for walked in found {
        match walked {
            Walked::Dir(path) => {
                let manifest = loaded
                    .next()
                    .unwrap_or_else(|| meta::load_manifest(&path))?;
                if !manifest.entries.is_empty() || !manifest.warnings.is_empty() {
                    manifests.insert(path, manifest);
                }
            }
            Walked::File(path) => {
                // The nearest manifest, in the article's folder or above it
                // (within the folder walked), that names it.
                let meta = path.ancestors().skip(1).find_map(|folder| {
                    let manifest = manifests.get(folder)?;
                    let rel = display_path(path.strip_prefix(folder).ok()?);
                    let meta = manifest.get(&rel)?;
                    used.insert((folder.to_path_buf(), rel));
                    Some(meta)
                });
                entries.push(once(entry(&path, meta), seen));
            }
            Walked::Skipped(path, why) => entries.push(skipped(&path, why.to_string())),
        }
    }
    let mut notes = Vec::new();
    for (folder, manifest) in &manifests {
        notes.extend(manifest.warnings.iter().cloned());
        for (rel, (_, at)) in &manifest.entries {
            if !used.contains(&(folder.clone(), rel.clone())) {
                notes.push(format!(
                    "{at}: {} names `{rel}`, which is no article found here (missing, ignored, or not .txt/.md); its metadata is not used",
                    meta::MANIFEST
                ));
            }
        }
    }
    if let Some(entry) = entries.get_mut(first) {
        entry.notes.extend(notes);
    }
    Ok(())
}

/// What makes two paths the same article: the file they lead to (device
/// and inode: one `stat`, where resolving the real path took a `readlink`
/// per folder of the path), else the path as written.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum FileKey {
    File(u64, u64),
    Path(PathBuf),
}

/// `entry`, or a skipped entry when its file was already found by another path.
fn once(mut entry: Entry, seen: &mut BTreeSet<FileKey>) -> Entry {
    let key = walk::file_id(&entry.path).map_or_else(
        || FileKey::Path(entry.path.clone()),
        |(dev, ino)| FileKey::File(dev, ino),
    );
    if !seen.insert(key) && entry.skip.is_none() {
        entry.skip =
            Some("already read under another path (given twice, or a symlink to it)".into());
    }
    entry
}

fn skipped(path: &Path, why: String) -> Entry {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Entry {
        path: path.to_path_buf(),
        source: Source {
            file,
            path: display_path(path),
            ..Source::default()
        },
        skip: Some(why),
        notes: Vec::new(),
    }
}

fn entry(path: &Path, meta: Option<&meta::SourceMeta>) -> Entry {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut source = Source {
        file: file.clone(),
        path: display_path(path),
        ..Source::default()
    };
    if let Some(m) = meta {
        m.apply(&mut source);
    }
    Entry {
        path: path.to_path_buf(),
        source,
        skip: None,
        notes: Vec::new(),
    }
}

/// A path as factlint prints it: `/` separators, no leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    shown.strip_prefix("./").unwrap_or(&shown).to_string()
}

/// Reads one article. `Ok(None)` with a warning: skipped (binary,
/// unreadable); text that is not UTF-8 is decoded with a warning that names
/// the encoding assumed.
pub fn read(entry: &Entry) -> Result<(Option<Article>, Vec<Warning>)> {
    read_owned(entry.clone())
}

/// [`read`], moving the entry's metadata into the article instead of
/// copying it (a large corpus keeps one copy per article, not two).
pub fn read_owned(mut entry: Entry) -> Result<(Option<Article>, Vec<Warning>)> {
    let shown = &entry.source.path.clone();
    let mut warnings = std::mem::take(&mut entry.notes);
    if let Some(why) = &entry.skip {
        warnings.push(format!("{shown}: skipped: {why}"));
        return Ok((None, warnings));
    }
    let bytes = match std::fs::read(&entry.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Ok((
                None,
                with(warnings, format!("{shown}: skipped: cannot read it ({e})")),
            ))
        }
    };
    if is_report(&bytes) {
        return Ok((
            None,
            with(
                warnings,
                format!(
                    "{shown}: skipped: a factlint report (factlint's own output), not an article"
                ),
            ),
        ));
    }
    let text = match crate::text::decode::decode_owned(bytes) {
        crate::text::decode::Decoded::Binary => {
            return Ok((
                None,
                with(
                    warnings,
                    format!("{shown}: skipped: binary file (it holds NUL bytes)"),
                ),
            ))
        }
        crate::text::decode::Decoded::Text { text, note } => {
            if let Some(note) = note {
                warnings.push(format!("{shown}: {note}; save it as UTF-8 to be sure"));
            }
            text
        }
    };
    if text.trim().is_empty() {
        warnings.push(format!("{shown}: the article is empty"));
    }
    let mut source = entry.source;
    let body_start = match yaml::front_matter(&entry.path, &text, &mut source) {
        Some(Ok(body)) => body,
        // A `---` block that is not YAML metadata may be prose between two
        // thematic breaks: the article is read whole, with a warning.
        Some(Err(e)) => {
            warnings.push(format!(
                "{e}; the --- block at the top was not read as front matter"
            ));
            0
        }
        None => meta::front_matter(&entry.path, &text, &mut source)?,
    };
    if let Some(date) = source.published.filter(|d| d > &tomorrow()) {
        warnings.push(format!("{shown}: publication date {date} is in the future; check sources.toml or the front matter"));
    }
    Ok((
        Some(Article {
            source,
            text,
            body_start,
        }),
        warnings,
    ))
}

/// `warnings` with one more.
fn with(mut warnings: Vec<Warning>, last: Warning) -> Vec<Warning> {
    warnings.push(last);
    warnings
}

/// Tomorrow in UTC: a date past it is in the future in every time zone.
fn tomorrow() -> jiff::civil::Date {
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    today.tomorrow().unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file reached by two paths is read once: given twice, through a
    /// symbolic link, or through a hard link (the same device and inode).
    #[test]
    fn a_file_reached_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "The vote was held on Thursday.").unwrap();
        std::fs::write(dir.path().join("c.txt"), "Another article.").unwrap();
        std::fs::hard_link(&a, dir.path().join("b.txt")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&a, dir.path().join("d.txt")).unwrap();
        let entries = discover(&[dir.path().to_path_buf(), a.clone()]).unwrap();
        let read: Vec<&str> = entries
            .iter()
            .filter(|e| e.skip.is_none())
            .map(|e| e.source.file.as_str())
            .collect();
        assert_eq!(read, ["a.txt", "c.txt"]);
        let skipped = entries.iter().filter(|e| e.skip.is_some()).count();
        assert_eq!(skipped, if cfg!(unix) { 3 } else { 2 });
    }
}
