//! `factlint check`: the main job.

use clap::Args;
use factlint::check::{self, Options};
use factlint::report::{self, Format, Target};
use factlint::rules::RuleSet;
use factlint::{Exit, Result};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Article files or folders (.txt, .md) [default: seeds]
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    /// Rule file or folder of *.toml rule files; repeat for several [default: rules]
    #[arg(long, short, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    run: super::progress::RunArgs,
}

pub fn run(args: CheckArgs) -> Result<Exit> {
    let options = Options {
        corpus: if args.paths.is_empty() {
            vec![PathBuf::from("seeds")]
        } else {
            args.paths
        },
        rules: if args.rules.is_empty() {
            vec![PathBuf::from("rules")]
        } else {
            args.rules
        },
    };
    let bar = args.run.start();
    let rules = RuleSet::load(&options.rules)?;
    let report = check::check_with(&rules, &options.corpus, &bar)?;
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
