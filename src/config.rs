//! `factlint.toml`: project settings, found like `.vale.ini` or
//! `_typos.toml` in the current folder or the nearest parent that has one.
//!
//! Precedence, highest first: command-line flags, then the config file
//! (`--config FILE`, or the one discovered; `--no-config` skips it), then the
//! built-in defaults (corpus `seeds`, rules `rules`, `table`, fail on any
//! contradiction). Paths in the file are relative to the file's folder, so a
//! run from a subfolder checks the same articles.

use crate::compare::constraints::ConstraintStatus;
use crate::error::{Error, Location, Result};
use crate::report::{Format, Report};
use crate::rules::Severity;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The file name factlint looks for.
pub const FILE_NAME: &str = "factlint.toml";

/// Which contradictions make the exit status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Only contradictions of facts with severity error.
    Error,
    /// Severity warning or error.
    Warning,
    /// Any contradiction (the default).
    Info,
    /// Any contradiction, and any figure that changed over time (`updated`).
    Updated,
    /// Never: always exit 0 unless factlint itself fails.
    Never,
}

impl FailOn {
    /// The lowest severity that fails, `None` for never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info | FailOn::Updated => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    /// Whether `report` has a contradiction (not accepted) at or above the threshold.
    pub fn fails(self, report: &Report) -> bool {
        self.threshold().is_some_and(|min| {
            let facts = report
                .facts
                .iter()
                .any(|v| v.is_contradiction() && v.severity >= min);
            // A violated `[[constraint]]` is a contradiction too (README, exit codes).
            let constraints = report
                .constraints
                .iter()
                .any(|c| c.status == ConstraintStatus::Violated && c.severity >= min);
            let updated = self == FailOn::Updated
                && report
                    .facts
                    .iter()
                    .any(|v| v.status == crate::compare::Status::Updated && !v.suppressed);
            facts || constraints || updated
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// The `rules lint` check names, for `[lint] ignore`.
pub const LINT_CHECKS: &[&str] = &[
    "id-case",
    "unreachable-pattern",
    "no-corpus-match",
    "no-example",
    "overlap",
];

/// The kebab-case id style, the default of `[lint] id_pattern`.
pub const KEBAB_IDS: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// What `[lint]` in factlint.toml sets for `factlint rules lint`.
#[derive(Debug, Clone)]
pub struct LintSettings {
    /// The id style; `None` turns `id-case` off.
    pub id_pattern: Option<regex::Regex>,
    /// Checks turned off.
    pub ignore: BTreeSet<String>,
}

impl Default for LintSettings {
    fn default() -> Self {
        LintSettings {
            id_pattern: Some(regex::Regex::new(KEBAB_IDS).expect("kebab regex")),
            ignore: BTreeSet::new(),
        }
    }
}

/// `factlint.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    corpus: Option<OneOrMany>,
    rules: Option<OneOrMany>,
    out: Option<String>,
    format: Option<toml::Spanned<String>>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    ignore: Vec<toml::Spanned<String>>,
    baseline: Option<String>,
    lint: Option<LintSpec>,
}

/// `[lint]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LintSpec {
    id_pattern: Option<toml::Spanned<String>>,
    #[serde(default)]
    ignore: Vec<toml::Spanned<String>>,
}

/// Settings read from a `factlint.toml`, paths resolved against its folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file read; `None` when there is none (all defaults).
    pub path: Option<PathBuf>,
    /// Its folder, as a path relative to the working folder where possible.
    pub dir: PathBuf,
    pub corpus: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub format: Option<Format>,
    pub fail_on: Option<FailOn>,
    pub baseline: Option<PathBuf>,
    /// The ignore globs as written.
    pub ignore: Vec<String>,
    /// `[lint]`: the id style and the checks turned off.
    pub lint: LintSettings,
    ignore_set: Option<GlobSet>,
}

impl Config {
    /// The nearest `factlint.toml` in the working folder or its parents.
    pub fn discover() -> Result<Config> {
        let mut dir = PathBuf::new();
        let mut real = std::env::current_dir().ok();
        while let Some(here) = real {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                return Config::load(&candidate);
            }
            real = here.parent().map(Path::to_path_buf);
            dir = dir.join("..");
        }
        Ok(Config::default())
    }

    /// Reads the config file at `path`.
    pub fn load(path: &Path) -> Result<Config> {
        let at = |line: Option<(usize, usize)>| match line {
            Some((l, c)) => Location::at(path, l, c),
            None => Location::file(path),
        };
        let bad = |loc: Location, message: String, hint: &str| Error::config(loc, message, hint);
        let text = crate::text::read_utf8(path).map_err(|e| match e {
            // One message, one hint; "the settings file", not "the rule file".
            Error::Rules { at, message, .. } => bad(
                at,
                message.replace("rule file", "settings file"),
                "pass an existing UTF-8 file with --config, or --no-config",
            ),
            other => other,
        })?;
        let pos = |offset: usize| Some(crate::text::line_col(&text, offset));
        let spec: FileSpec = toml::from_str(&text).map_err(|e| {
            let message = e.message().trim().replace('\n', " ");
            bad(at(e.span().and_then(|s| pos(s.start))), message, "keys: corpus, rules, out, format, fail_on, ignore, baseline, [lint] (`factlint init` writes a commented example)")
        })?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let resolve = |p: String| dir.join(p);
        let format = match spec.format {
            None => None,
            Some(f) => Some(
                <Format as clap::ValueEnum>::from_str(f.get_ref(), true).map_err(|_| {
                    let names: Vec<String> = <Format as clap::ValueEnum>::value_variants()
                        .iter()
                        .filter_map(|v| {
                            clap::ValueEnum::to_possible_value(v).map(|p| p.get_name().to_string())
                        })
                        .collect();
                    bad(
                        at(pos(f.span().start)),
                        format!("unknown format `{}`", f.get_ref()),
                        &format!("use one of: {}", names.join(", ")),
                    )
                })?,
            ),
        };
        let mut builder = GlobSetBuilder::new();
        for glob in &spec.ignore {
            let compiled = Glob::new(glob.get_ref()).map_err(|e| {
                bad(
                    at(pos(glob.span().start)),
                    format!("bad ignore glob: {e}"),
                    "write globs like \"drafts/**\" or \"**/*.draft.md\"",
                )
            })?;
            builder.add(compiled);
        }
        let ignore_set = if spec.ignore.is_empty() {
            None
        } else {
            Some(builder.build().map_err(|e| {
                bad(
                    at(None),
                    format!("bad ignore globs: {e}"),
                    "fix the ignore list",
                )
            })?)
        };
        let lint = match spec.lint {
            None => LintSettings::default(),
            Some(l) => {
                let mut settings = LintSettings::default();
                if let Some(p) = l.id_pattern {
                    settings.id_pattern = if p.get_ref().is_empty() {
                        None
                    } else {
                        Some(regex::Regex::new(p.get_ref()).map_err(|e| {
                            let detail = e.to_string().lines().last().unwrap_or("").trim().to_string();
                            bad(
                                at(pos(p.span().start)),
                                format!("bad id_pattern: {detail}"),
                                "write a regex such as \"^[A-Za-z0-9]+(-[a-z0-9]+)*$\", or \"\" to turn the id check off",
                            )
                        })?)
                    };
                }
                for check in l.ignore {
                    if !LINT_CHECKS.contains(&check.get_ref().as_str()) {
                        return Err(bad(
                            at(pos(check.span().start)),
                            format!("unknown lint check `{}`", check.get_ref()),
                            &format!("use one of: {}", LINT_CHECKS.join(", ")),
                        ));
                    }
                    settings.ignore.insert(check.into_inner());
                }
                settings
            }
        };
        Ok(Config {
            lint,
            path: Some(path.to_path_buf()),
            corpus: spec
                .corpus
                .map(OneOrMany::into_vec)
                .unwrap_or_default()
                .into_iter()
                .map(resolve)
                .collect(),
            rules: spec
                .rules
                .map(OneOrMany::into_vec)
                .unwrap_or_default()
                .into_iter()
                .map(resolve)
                .collect(),
            out: spec.out.map(resolve),
            baseline: spec.baseline.map(resolve),
            format,
            fail_on: spec.fail_on,
            ignore: spec.ignore.into_iter().map(|g| g.into_inner()).collect(),
            ignore_set,
            dir,
        })
    }

    /// Whether an article path (as discovered) matches an ignore glob. Globs
    /// are matched against the path relative to the config file's folder.
    pub fn is_ignored(&self, path: &Path) -> bool {
        let Some(set) = &self.ignore_set else {
            return false;
        };
        let relative = path.strip_prefix(&self.dir).unwrap_or(path);
        let shown = crate::corpus::display_path(relative);
        set.is_match(&shown) || set.is_match(crate::corpus::display_path(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paths_relative_to_the_file_and_rejects_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "corpus = \"articles\"\nrules = [\"rules\", \"more\"]\nformat = \"json\"\nfail_on = \"warning\"\nignore = [\"articles/drafts/**\"]\n").unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.corpus, vec![dir.path().join("articles")]);
        assert_eq!(config.rules.len(), 2);
        assert_eq!(config.format, Some(Format::Json));
        assert_eq!(config.fail_on, Some(FailOn::Warning));
        assert!(config.is_ignored(&dir.path().join("articles/drafts/a.md")));
        assert!(!config.is_ignored(&dir.path().join("articles/a.md")));

        std::fs::write(&path, "corpus = \"a\"\nfail-on = \"error\"\n").unwrap();
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("factlint.toml:2:1") && err.contains("unknown field `fail-on`"),
            "{err}"
        );
        std::fs::write(&path, "format = \"html\"\n").unwrap();
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(
            err.contains(":1:10") && err.contains("unknown format `html`"),
            "{err}"
        );
    }
}
