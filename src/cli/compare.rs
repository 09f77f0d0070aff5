//! `factlint compare`: the reduce step. Reads the JSON Lines written by
//! `factlint extract` (any number of shard files, in any order) and renders
//! the same report `factlint check` gives for the whole corpus.

use super::check::{rule_paths, ConfigArgs};
use clap::Args;
use factlint::config::FailOn;
use factlint::report::{self, Format, Target};
use factlint::rules::RuleSet;
use factlint::scan::jsonl;
use factlint::{Exit, Result};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Files written by `factlint extract` (every shard of one run)
    #[arg(value_name = "FILES", required = true)]
    files: Vec<PathBuf>,
    /// The rules given to extract [default: `rules` in factlint.toml, else rules]
    #[arg(long, short, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Output format [default: `format` in factlint.toml, else table]
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Which contradictions give exit status 1, by the fact's severity [default: info, i.e. any]
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOn>,
    #[command(flatten)]
    baseline: super::baseline::BaselineArgs,
    #[command(flatten)]
    settings: ConfigArgs,
}

pub fn run(args: CompareArgs) -> Result<Exit> {
    let config = args.settings.load()?;
    let rules = RuleSet::load_with(&rule_paths(args.rules, &config)?, args.settings.rule_load())?;
    let format = super::check::pick_format(args.format, args.out.as_deref(), &config);
    let out = args
        .out
        .or(config.out.clone())
        .filter(|p| !factlint::text::output::is_stdout(p));
    let mut read: Vec<(PathBuf, &'static str)> =
        args.files.iter().map(|p| (p.clone(), "a shard")).collect();
    read.extend(super::check::inputs(&config, &rules, &[]));
    read.extend(args.baseline.path(&config).map(|p| (p, "the baseline")));
    super::check::refuse("--out", out.as_deref(), &read)?;
    let scanned = jsonl::read_files(&args.files, &rules)?;
    let report = args
        .baseline
        .apply(&config, factlint::scan::report(&rules, scanned))?;
    for warning in &report.warnings {
        eprintln!("factlint: warning: {warning}");
    }
    let target = Target {
        dir: out
            .as_ref()
            .map(|o| o.parent().map(PathBuf::from).unwrap_or_default()),
    };
    let reporter = match &out {
        None => super::output::reporter(format, super::output::width(), super::output::colors()),
        Some(_) => format.reporter(),
    };
    let mut fill = |w: &mut dyn std::io::Write| reporter.write(&report, &target, w);
    match &out {
        Some(path) => {
            report::write_atomic_with(path, &mut fill)?;
            eprintln!(
                "factlint: wrote {} ({})",
                path.display(),
                report.summary_line()
            );
        }
        None => super::print_with(&mut fill)?,
    }
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Info);
    Ok(if fail_on.fails(&report) {
        Exit::Contradictions
    } else {
        Exit::Clean
    })
}
