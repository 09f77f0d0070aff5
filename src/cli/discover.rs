//! `factlint discover`: candidate facts across articles with no rules at
//! all, ranked (disagreements first), and with `--write-rules FILE` the
//! candidates as draft cue-based rules. Articles are found as for `check`
//! (manifest, front matter, factlint.toml's `corpus` and `ignore`).

use super::check::{corpus_paths, entries, ConfigArgs};
use super::output;
use clap::{Args, ValueEnum};
use factlint::discover::{self, Options};
use factlint::report::{self, Format, Target};
use factlint::rules::RuleSet;
use factlint::{Error, Exit, Location, Result};
use std::path::PathBuf;

/// The formats discovery writes (those of `check` that read as a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiscoverFormat {
    /// A table for the terminal.
    Table,
    /// One line per finding: `path:line:col: candidate: wrote X; others Y`.
    Concise,
    /// A report for readers, with quotes and links.
    Markdown,
    /// The JSON contract of `check`, candidates as facts.
    Json,
}

impl From<DiscoverFormat> for Format {
    fn from(f: DiscoverFormat) -> Format {
        match f {
            DiscoverFormat::Table => Format::Table,
            DiscoverFormat::Concise => Format::Concise,
            DiscoverFormat::Markdown => Format::Markdown,
            DiscoverFormat::Json => Format::Json,
        }
    }
}

#[derive(Debug, Args)]
pub struct DiscoverArgs {
    /// Article files or folders (.txt, .md) [default: `corpus` in factlint.toml, else seeds]
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    /// Rules already written (file or folder; repeat for several): facts they state are not proposed again
    #[arg(long, short, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Output format [default: the extension of --out, else table]
    #[arg(long, short, value_enum)]
    format: Option<DiscoverFormat>,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write the candidates as cue-based rules (TOML) to FILE, for review
    #[arg(long, value_name = "FILE")]
    write_rules: Option<PathBuf>,
    /// Replace an existing --write-rules file
    #[arg(long, requires = "write_rules")]
    force: bool,
    /// The most candidates shown and drafted
    #[arg(long, value_name = "N", default_value_t = 50)]
    limit: usize,
    #[command(flatten)]
    settings: ConfigArgs,
    #[command(flatten)]
    run: super::progress::RunArgs,
}

pub fn run(args: DiscoverArgs) -> Result<Exit> {
    if let Some(path) = &args.write_rules {
        if path.exists() && !args.force {
            return Err(Error::output(
                Location::file(path),
                "the file already exists; discover does not overwrite it",
                "pass --force to replace it, or write the rules to another file",
            ));
        }
    }
    if let Some(path) = &args.write_rules {
        writable(path)?;
    }
    if args.limit == 0 {
        return Err(Error::usage(
            "--limit 0 leaves no candidate",
            "give --limit a number of candidates, 1 or more",
        ));
    }
    let config = args.settings.load()?;
    let walk = args.settings.walk();
    let existing = if args.rules.is_empty() {
        None
    } else {
        Some(RuleSet::load_with(&args.rules, args.settings.rule_load())?)
    };
    let corpus = corpus_paths(args.paths, &config)?;
    let found = entries(&corpus, &config, walk)?;
    let options = Options {
        limit: args.limit,
        rules_file: args
            .write_rules
            .clone()
            .unwrap_or_else(|| Options::default().rules_file),
    };
    let bar = args.run.start();
    let found = discover::discover(found, existing.as_ref(), &options, &bar)?;
    for warning in &found.report.warnings {
        if !found.notes.contains(warning) {
            eprintln!("factlint: warning: {warning}");
        }
    }
    for note in &found.notes {
        eprintln!("factlint: note: {note}");
    }
    if let Some(path) = &args.write_rules {
        report::write_atomic(path, &found.rules)?;
        eprintln!(
            "factlint: wrote {} ({} draft {})",
            path.display(),
            found.report.facts.len(),
            if found.report.facts.len() == 1 {
                "rule"
            } else {
                "rules"
            }
        );
    }
    let format = args
        .format
        .map(Format::from)
        .or_else(|| args.out.as_deref().and_then(output::format_for))
        .unwrap_or(Format::Table);
    let target = Target {
        dir: args
            .out
            .as_ref()
            .map(|o| o.parent().map(PathBuf::from).unwrap_or_default()),
    };
    let reporter = match &args.out {
        None => output::reporter(format, output::width(), output::colors()),
        Some(_) => output::reporter(format, report::table::DEFAULT_WIDTH, false),
    };
    let mut fill = |w: &mut dyn std::io::Write| reporter.write(&found.report, &target, w);
    match &args.out {
        Some(path) => {
            report::write_atomic_with(path, &mut fill)?;
            eprintln!(
                "factlint: wrote {} ({} candidates)",
                path.display(),
                found.report.facts.len()
            );
        }
        None => super::print_with(&mut fill)?,
    }
    Ok(Exit::Clean)
}

/// Fails early, before the corpus is read, when `path` cannot be written:
/// a folder, or a place where no file can be created.
fn writable(path: &std::path::Path) -> Result<()> {
    let fail = |why: String| {
        Error::output(
            Location::file(path),
            why,
            "give --write-rules a file in a folder you can write to",
        )
    };
    if path.is_dir() {
        return Err(fail("this is a folder, not a file".into()));
    }
    // The nearest folder that exists (missing ones are created on writing).
    let mut dir = path.parent().map(PathBuf::from).unwrap_or_default();
    while !dir.as_os_str().is_empty() && !dir.exists() {
        dir = dir.parent().map(PathBuf::from).unwrap_or_default();
    }
    if !dir.as_os_str().is_empty() && !dir.is_dir() {
        return Err(fail(format!("{} is a file, not a folder", dir.display())));
    }
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    tempfile::Builder::new()
        .prefix(".factlint-")
        .tempfile_in(&dir)
        .map(drop)
        .map_err(|e| {
            fail(format!(
                "cannot create a file in {} ({})",
                dir.display(),
                e.kind()
            ))
        })
}
