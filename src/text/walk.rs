//! The one folder walker, for articles and rule files alike: ripgrep's
//! `ignore` crate. Hidden files and folders are skipped; `.gitignore`,
//! `.ignore` and `.factlintignore` files are honoured (in the folder walked
//! and its parents, inside a git repository or not) unless
//! [`Walk::ignore_files`] is off (`--no-ignore`); symbolic links are
//! followed, and a link back to a folder being walked is reported as a loop
//! instead of walked again. The user's global git excludes are not read, so
//! a run gives the same files on every machine. Folders are listed in name
//! order, so the result is deterministic.
//!
//! The walker does not decide what a problem means: it returns what it met
//! ([`Walked`]), and the corpus turns a skipped path into a warning while the
//! rule loader turns some into errors.

use std::fmt;
use std::path::{Path, PathBuf};

/// The name of factlint's own ignore file (gitignore syntax).
pub const IGNORE_FILE: &str = ".factlintignore";

/// How to walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walk {
    /// Honour `.gitignore`, `.ignore` and `.factlintignore` (on by default).
    pub ignore_files: bool,
}

impl Default for Walk {
    fn default() -> Self {
        Walk { ignore_files: true }
    }
}

/// What the walker met, in walking order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walked {
    /// A folder, before its contents.
    Dir(PathBuf),
    /// A regular file the caller wants.
    File(PathBuf),
    /// A path that could not be walked or read, and why.
    Skipped(PathBuf, Skip),
}

/// Why a path was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A folder below the top that cannot be listed (the system's message).
    Unlistable(String),
    /// A link that cannot be followed: dangling, or a cycle of file links.
    Unfollowable(String),
    /// A folder link that leads back to a folder being walked (its real path).
    Loop(PathBuf),
    /// A wanted name that is a pipe, socket or device, which would block.
    NotRegular,
    /// An ignore file that cannot be read or parsed.
    BadIgnoreFile(String),
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Unlistable(e) => write!(f, "cannot list the folder ({e})"),
            Skip::Unfollowable(e) => write!(f, "cannot follow it ({e})"),
            Skip::Loop(real) => write!(
                f,
                "symlink loop: it leads back to {}, which is already read",
                real.display()
            ),
            Skip::NotRegular => write!(f, "not a regular file (a pipe, socket or device)"),
            Skip::BadIgnoreFile(e) => {
                write!(f, "ignore file not used ({e}); fix it or pass --no-ignore")
            }
        }
    }
}

/// Walks the folder `root`. `wanted` picks the files to return by path
/// (their extension); problems with other paths are only reported when the
/// path is a link. `Err`: `root` itself cannot be listed.
pub fn walk(
    root: &Path,
    how: Walk,
    wanted: &dyn Fn(&Path) -> bool,
) -> std::io::Result<Vec<Walked>> {
    let on = how.ignore_files;
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .follow_links(true)
        .hidden(true)
        .git_global(false)
        .require_git(false)
        .parents(on)
        .ignore(on)
        .git_ignore(on)
        .git_exclude(on)
        .sort_by_file_name(|a, b| a.cmp(b));
    if on {
        builder.add_custom_ignore_filename(IGNORE_FILE);
    }
    let mut out = Vec::new();
    for item in builder.build() {
        let entry = match item {
            Ok(entry) => entry,
            Err(err) => {
                if let Some(walked) = problem(root, &err, wanted)? {
                    out.push(walked);
                }
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        if entry.file_type().is_some_and(|t| t.is_dir()) {
            out.push(Walked::Dir(path));
        } else if wanted(&path) {
            let regular = std::fs::metadata(&path).map(|m| m.is_file());
            out.push(match regular {
                Ok(true) => Walked::File(path),
                Ok(false) => Walked::Skipped(path, Skip::NotRegular),
                Err(e) => Walked::Skipped(path, Skip::Unfollowable(e.to_string())),
            });
        }
    }
    Ok(out)
}

/// What an error of the walk means: a skipped path, nothing (a path the
/// caller does not want), or `Err` when the top folder cannot be listed.
fn problem(
    root: &Path,
    err: &ignore::Error,
    wanted: &dyn Fn(&Path) -> bool,
) -> std::io::Result<Option<Walked>> {
    let mut path: Option<&Path> = None;
    let mut depth = None;
    let mut inner = err;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = path.or(Some(p));
                inner = err;
            }
            ignore::Error::WithDepth { depth: d, err } => {
                depth = depth.or(Some(*d));
                inner = err;
            }
            _ => break,
        }
    }
    let path = path.unwrap_or(root).to_path_buf();
    let skip = match inner {
        ignore::Error::Loop { ancestor, child } => {
            let real = std::fs::canonicalize(ancestor).unwrap_or_else(|_| ancestor.clone());
            return Ok(Some(Walked::Skipped(child.clone(), Skip::Loop(real))));
        }
        // The walker's I/O errors name the path again; the system's own
        // message is what factlint has always shown after the path.
        ignore::Error::Io(e) => system_error(e),
        other => {
            return Ok(Some(Walked::Skipped(
                path,
                Skip::BadIgnoreFile(other.to_string()),
            )))
        }
    };
    if depth == Some(0) || path == root {
        return Err(skip);
    }
    if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
        return Ok(Some(Walked::Skipped(
            path,
            Skip::Unlistable(skip.to_string()),
        )));
    }
    if wanted(&path) || path.is_symlink() {
        return Ok(Some(Walked::Skipped(
            path,
            Skip::Unfollowable(skip.to_string()),
        )));
    }
    // A path the system refuses outright (longer than its limit): whatever
    // it holds cannot be read, and saying nothing would hide articles.
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Ok(Some(Walked::Skipped(
            path,
            Skip::Unlistable(skip.to_string()),
        ))),
        _ => Ok(None),
    }
}

/// The system's own error under the walker's (which names the path again):
/// what factlint has always shown after the path.
fn system_error(e: &std::io::Error) -> std::io::Error {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|c| c as _);
    while let Some(c) = cause {
        if let Some(code) = c
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::raw_os_error)
        {
            return std::io::Error::from_raw_os_error(code);
        }
        cause = c.source();
    }
    e.raw_os_error().map_or_else(
        || std::io::Error::new(e.kind(), e.to_string()),
        std::io::Error::from_raw_os_error,
    )
}

/// Device and inode of a regular file (following links): the same for
/// every path to it (`./a.txt`, a symbolic link, a hard link). `None` for
/// what is no regular file or cannot be read.
#[cfg(unix)]
pub fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub fn file_id(path: &Path) -> Option<(u64, u64)> {
    let real = std::fs::canonicalize(path).ok()?;
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    real.hash(&mut h);
    Some((0, h.finish()))
}
