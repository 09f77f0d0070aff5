//! Which rule files to read: the files named, and the `*.toml` files under
//! the folders named, found by the shared walker ([`crate::text::walk`]:
//! hidden files and what ignore files list are left out). A file reached
//! twice is read once. A pipe, socket or device named `*.toml` inside a
//! folder is skipped with a warning, as in the corpus (reading it could block
//! or never end); one named on the command line is read as asked.

use crate::error::{Error, Location, Result};
use crate::text::walk::{self, Skip, Walk, Walked};
use std::path::{Path, PathBuf};

/// The rule files under `paths`, sorted within each folder, and warnings
/// about files skipped.
pub fn rule_files(paths: &[PathBuf], how: Walk) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            Error::rules(
                Location::file(path),
                format!("cannot read the rules path: {e}"),
                "pass an existing folder or file with --rules",
            )
        })?;
        if meta.is_dir() {
            let before = files.len();
            collect_toml(path, how, &mut files, &mut warnings)?;
            if files.len() == before {
                return Err(Error::rules(
                    Location::file(path),
                    "no rule files (*.toml) in this folder",
                    "add a rule file (`factlint init` writes a commented example) or pass another folder with --rules",
                ));
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path.clone());
        } else {
            return Err(Error::rules(
                Location::file(path),
                "not a rule file: rule files end in .toml",
                "pass a rule file (*.toml) or a folder of them with --rules",
            ));
        }
    }
    // The same file given twice (`--rules rules --rules rules/a.toml`) is read once.
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok((files, warnings))
}

/// The rule files under `dir`, through the shared walker. A folder link
/// back to a folder being walked is listed once (silently: the rules in it
/// are read once); a folder that cannot be listed is an error, since a rule
/// missing silently would change the verdicts; a `.toml` that cannot be
/// followed is kept, so reading it reports the problem.
fn collect_toml(
    dir: &Path,
    how: Walk,
    out: &mut Vec<PathBuf>,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let is_toml = |p: &Path| p.extension().is_some_and(|e| e == "toml");
    let cannot_list = |at: &Path, e: String| {
        Error::rules(
            Location::file(at),
            format!("cannot list the folder: {e}"),
            "check its permissions",
        )
    };
    let found = walk::walk(dir, how, &is_toml).map_err(|e| cannot_list(dir, e.to_string()))?;
    for walked in found {
        match walked {
            Walked::Dir(_) | Walked::Skipped(_, Skip::Loop(_)) => {}
            Walked::File(path) => out.push(path),
            Walked::Skipped(path, Skip::Unlistable(e)) => return Err(cannot_list(&path, e)),
            Walked::Skipped(path, Skip::BadIgnoreFile(e)) => {
                return Err(Error::rules(
                    Location::file(path),
                    format!("cannot use this ignore file: {e}"),
                    "fix it, or pass --no-ignore",
                ))
            }
            Walked::Skipped(path, Skip::NotRegular) => warnings.push(format!(
                "{}: skipped: not a regular file (a pipe, socket or device)",
                path.display()
            )),
            Walked::Skipped(path, Skip::Unfollowable(_)) => out.push(path),
        }
    }
    Ok(())
}
