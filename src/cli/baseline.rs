//! Which baseline a run reads: `--baseline FILE`, else `baseline` in
//! factlint.toml, else `.factlint-baseline.json` beside factlint.toml (or in
//! the working folder without one) when that file exists, so a baseline
//! written by `--write-baseline` is used by the next plain `check` or
//! `compare`. `--no-baseline` reads none.

use clap::Args;
use factlint::compare::suppress::Baseline;
use factlint::config::Config;
use factlint::report::Report;
use factlint::Result;
use std::path::PathBuf;

/// The baseline file `--write-baseline` writes when no file is named.
pub const DEFAULT_BASELINE: &str = ".factlint-baseline.json";

#[derive(Debug, Args, Default)]
pub struct BaselineArgs {
    /// Accept the contradictions listed in FILE [default: `baseline` in factlint.toml, else .factlint-baseline.json when present]
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    baseline: Option<PathBuf>,
    /// Read no baseline, not even the default one
    #[arg(long)]
    no_baseline: bool,
}

/// Where a baseline is written or read by default: the config's
/// `baseline`, else the default name beside the config file.
pub fn default_path(config: &Config) -> PathBuf {
    config
        .baseline
        .clone()
        .unwrap_or_else(|| config.dir.join(DEFAULT_BASELINE))
}

impl BaselineArgs {
    /// The baseline to read, if any. A named `--baseline` must exist; a
    /// default one is read only when present.
    pub fn path(&self, config: &Config) -> Option<PathBuf> {
        if self.no_baseline {
            return None;
        }
        self.baseline
            .clone()
            .or_else(|| Some(default_path(config)).filter(|p| p.is_file()))
    }

    /// `report` with the baseline's accepted contradictions marked.
    pub fn apply(&self, config: &Config, report: Report) -> Result<Report> {
        let Some(path) = self.path(config) else {
            return Ok(report);
        };
        let mut facts = report.facts;
        Baseline::load(&path)?.apply(&mut facts);
        // Rebuilt for the summary counts; constraint verdicts are not baselined.
        let mut applied = Report::new(facts, report.sources, report.rules, report.warnings)
            .with_constraints(report.constraints);
        applied.drafts = report.drafts;
        Ok(applied)
    }
}
