//! `factlint compare`: the reduce step. Reads the JSON Lines written by
//! `factlint extract` (any number of shard files, in any order) and renders
//! the same report `factlint check` gives for the whole corpus.

use clap::Args;
use factlint::extract::jsonl;
use factlint::report::{self, Format, Target};
use factlint::rules::RuleSet;
use factlint::{Exit, Result};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Files written by `factlint extract` (every shard of one run)
    #[arg(value_name = "FILES", required = true)]
    files: Vec<PathBuf>,
    /// The rules given to extract [default: rules]
    #[arg(long, short, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: CompareArgs) -> Result<Exit> {
    let rules = RuleSet::load(&if args.rules.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.rules
    })?;
    let scanned = jsonl::read_files(&args.files, &rules)?;
    let report = factlint::scan::report(&rules, scanned);
    for warning in &report.warnings {
        eprintln!("factlint: warning: {warning}");
    }
    let target = Target {
        dir: args
            .out
            .as_ref()
            .map(|o| o.parent().map(PathBuf::from).unwrap_or_default()),
    };
    let rendered = args.format.reporter().render(&report, &target);
    match &args.out {
        Some(path) => {
            report::write_atomic(path, &rendered)?;
            eprintln!(
                "factlint: wrote {} ({})",
                path.display(),
                report.summary_line()
            );
        }
        None => super::print(&rendered),
    }
    Ok(if report.has_contradictions() {
        Exit::Contradictions
    } else {
        Exit::Clean
    })
}
