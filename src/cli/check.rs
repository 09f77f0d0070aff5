//! `factlint check`: the main job. Settings come from flags, then
//! `factlint.toml`, then the defaults (see `factlint::config`).

use super::output;
use clap::Args;
use factlint::check;
use factlint::compare::suppress::Baseline;
use factlint::config::{Config, FailOn};
use factlint::report::{self, github, Format, Report, Target};
use factlint::rules::{Load, RuleSet};
use factlint::text::walk::Walk;
use factlint::{corpus, Error, Exit, Location, Result};
use std::path::{Path, PathBuf};

/// Where the settings come from.
#[derive(Debug, Args, Default)]
pub struct ConfigArgs {
    /// Read settings from FILE instead of the nearest factlint.toml
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any factlint.toml (flags and built-in defaults only)
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Read every file in the folders walked, even those .gitignore, .ignore or .factlintignore list
    #[arg(long)]
    no_ignore: bool,
    /// What all the rules' compiled patterns may take together, by factlint's estimate (e.g. 64M, 1G) [default: 256M]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    regex_size_limit: Option<usize>,
}

/// A size as ripgrep's `--regex-size-limit` takes it: bytes, or a number
/// with a K, M or G suffix (powers of 1024).
fn parse_size(text: &str) -> std::result::Result<usize, String> {
    let t = text.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 10),
        Some((i, 'M' | 'm')) => (&t[..i], 20),
        Some((i, 'G' | 'g')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1usize << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            format!(
                "`{text}` is not a size: give bytes, or a number with a K, M or G suffix (512M)"
            )
        })
}

impl ConfigArgs {
    pub fn load(&self) -> Result<Config> {
        match (&self.config, self.no_config) {
            (_, true) => Ok(Config::default()),
            (Some(path), _) => Config::load(path),
            (None, false) => Config::discover(),
        }
    }

    /// How rules are loaded: their folders walked, their patterns bounded.
    pub fn rule_load(&self) -> Load {
        Load {
            walk: self.walk(),
            budget: self.regex_size_limit.unwrap_or(Load::default().budget),
        }
    }

    /// How folders of articles and rules are walked.
    pub fn walk(&self) -> Walk {
        Walk {
            ignore_files: !self.no_ignore,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Article files or folders (.txt, .md) [default: `corpus` in factlint.toml, else seeds]
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    /// Draft mode: judge the PATHS (drafts) against these articles and the record; only the drafts' contradictions are reported
    #[arg(long, value_name = "CORPUS", num_args = 1.., requires = "paths")]
    against: Vec<PathBuf>,
    /// Rule file or folder of *.toml rule files; repeat for several [default: `rules` in factlint.toml, else rules]
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
    /// Print only contradictions: no agreeing facts, no warnings, nothing when clean
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    baseline: super::baseline::BaselineArgs,
    /// Accept every current contradiction: write them to FILE (`=` required) [default: .factlint-baseline.json] and exit 0
    #[arg(long, value_name = "FILE", num_args = 0..=1, require_equals = true)]
    write_baseline: Option<Option<PathBuf>>,
    #[command(flatten)]
    settings: ConfigArgs,
    #[command(flatten)]
    run: super::progress::RunArgs,
}

/// Rule paths: the flags, else the config, else `rules`. In a folder with
/// neither (a new project) the error points at `factlint init`.
pub fn rule_paths(flags: Vec<PathBuf>, config: &Config) -> Result<Vec<PathBuf>> {
    pick(
        flags,
        &config.rules,
        "rules",
        config,
        "pass rule files with --rules DIR",
    )
}

/// Corpus paths: the flags, else the config, else `seeds`.
pub fn corpus_paths(flags: Vec<PathBuf>, config: &Config) -> Result<Vec<PathBuf>> {
    pick(
        flags,
        &config.corpus,
        "seeds",
        config,
        "name the articles: factlint check ARTICLES…",
    )
}

fn pick(
    flags: Vec<PathBuf>,
    configured: &[PathBuf],
    default: &str,
    config: &Config,
    or: &str,
) -> Result<Vec<PathBuf>> {
    match (flags.is_empty(), configured.is_empty()) {
        (false, _) => Ok(flags),
        (true, false) => Ok(configured.to_vec()),
        (true, true) if config.path.is_none() && !Path::new(default).exists() => Err(Error::usage(
            format!("no factlint.toml here or in a parent folder, and no {default}/ folder"),
            format!("run `factlint init` to start a project here, or {or}"),
        )),
        (true, true) => Ok(vec![PathBuf::from(default)]),
    }
}

/// The articles under `paths` less those the config's ignore globs name.
pub fn entries(paths: &[PathBuf], config: &Config, how: Walk) -> Result<Vec<corpus::Entry>> {
    let found = corpus::discover_with(paths, how)?;
    let kept: Vec<corpus::Entry> = found
        .into_iter()
        .filter(|e| !config.is_ignored(&e.path))
        .collect();
    if kept.is_empty() {
        let at = paths
            .first()
            .map(Location::file)
            .unwrap_or_else(|| Location::file("."));
        return Err(Error::corpus(
            at,
            "every article is excluded by the ignore globs",
            "check `ignore` in factlint.toml",
        ));
    }
    Ok(kept)
}

/// Every file a run reads, each with what it is, so no output replaces one.
pub fn inputs(
    config: &Config,
    rules: &RuleSet,
    entries: &[corpus::Entry],
) -> Vec<(PathBuf, &'static str)> {
    let mut found: Vec<(PathBuf, &'static str)> = Vec::new();
    found.extend(config.path.iter().map(|p| (p.clone(), "the settings file")));
    found.extend(rules.files.iter().map(|p| (p.clone(), "a rule file")));
    let mut folders = std::collections::BTreeSet::new();
    for entry in entries {
        // A report an earlier run wrote among the articles is skipped, not
        // read: `refuse` lets an output replace it, opening only the
        // (regular) file an output names, not every article of the corpus.
        found.push((entry.path.clone(), ARTICLE));
        // A manifest in the article's folder or above may describe it.
        for folder in entry.path.ancestors().skip(1) {
            if !folders.insert(folder.to_path_buf()) {
                break;
            }
            let manifest = folder.join(corpus::meta::MANIFEST);
            if manifest.is_file() {
                found.push((manifest, "a manifest"));
            }
        }
    }
    found
}

/// What [`inputs`] calls an article.
const ARTICLE: &str = "an article";

/// Refuses `out` (given with `flag`) when it is one of `inputs`, unless it
/// is a report an earlier run wrote among the articles (skipped, not read).
pub fn refuse(flag: &str, out: Option<&Path>, inputs: &[(PathBuf, &'static str)]) -> Result<()> {
    match out {
        Some(out) => factlint::text::output::refuse_inputs(
            flag,
            out,
            inputs.iter().map(|(p, what)| (p.as_path(), *what)),
            &|input, what| what == ARTICLE && corpus::is_report_file(input),
        ),
        None => Ok(()),
    }
}

pub fn run(args: CheckArgs) -> Result<Exit> {
    let config = args.settings.load()?;
    let walk = args.settings.walk();
    let rule_files = rule_paths(args.rules, &config)?;
    let rule_load = args.settings.rule_load();
    // Sets the thread count before anything runs on the pool.
    let bar = args.run.start();
    // The rules compile while the corpus is listed (each ~0.1 s at 10,000
    // articles); a rule error is reported first, as when they ran in turn.
    let (rules, corpus) = rayon::join(
        || RuleSet::load_with(&rule_files, rule_load),
        || -> Result<_> {
            if !args.against.is_empty() {
                let drafts = entries(&args.paths, &config, walk)?;
                return Ok((Vec::new(), drafts, entries(&args.against, &config, walk)?));
            }
            let corpus = corpus_paths(args.paths.clone(), &config)?;
            let misplaced = corpus::meta::misplaced_manifests(&corpus);
            Ok((misplaced, entries(&corpus, &config, walk)?, Vec::new()))
        },
    );
    let rules = rules?;
    let (misplaced, drafts, against) = corpus?;
    let format = pick_format(args.format, args.out.as_deref(), &config);
    // `-` and /dev/stdout are standard output, written like no --out at all.
    let out = args
        .out
        .or(config.out.clone())
        .filter(|p| !factlint::text::output::is_stdout(p));
    let write_baseline = args
        .write_baseline
        .map(|path| path.unwrap_or_else(|| super::baseline::default_path(&config)));
    // Before any article is read and anything written.
    let mut read = inputs(&config, &rules, &drafts);
    read.extend(inputs(&config, &rules, &against));
    read.extend(args.baseline.path(&config).map(|p| (p, "the baseline")));
    refuse("--out", out.as_deref(), &read)?;
    refuse("--write-baseline", write_baseline.as_deref(), &read)?;
    // Every article's path: 10 MB at 100,000 articles, not kept for the run.
    drop(read);
    let report = if against.is_empty() {
        let mut report = check::check_with(&rules, drafts, &bar)?;
        report.warnings.splice(0..0, misplaced);
        report
    } else {
        check::check_drafts(&rules, drafts, against, &bar)?
    };
    if !args.quiet {
        for warning in &report.warnings {
            eprintln!("factlint: warning: {warning}");
        }
    }

    if let Some(path) = write_baseline {
        let baseline = Baseline::from_verdicts(&report.facts);
        report::write_atomic(&path, &baseline.to_json())?;
        eprintln!(
            "factlint: wrote {} ({} accepted {})",
            path.display(),
            baseline.accepted.len(),
            if baseline.accepted.len() == 1 {
                "mention"
            } else {
                "mentions"
            }
        );
        return Ok(Exit::Clean);
    }
    let report = args.baseline.apply(&config, report)?;

    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Info);
    if format == Format::Github {
        append_job_summary(&report)?;
    }
    // Borrowed unless --quiet: a report of 100k articles is worth not copying.
    let shown = if args.quiet {
        std::borrow::Cow::Owned(only_contradictions(&report))
    } else {
        std::borrow::Cow::Borrowed(&report)
    };
    let target = Target {
        dir: out
            .as_ref()
            .map(|o| o.parent().map(PathBuf::from).unwrap_or_default()),
    };
    let reporter = match &out {
        None => output::reporter(format, output::width(), output::colors()),
        Some(_) => output::reporter(format, report::table::DEFAULT_WIDTH, false),
    };
    // Quiet and clean: nothing to show, but `--out` still gets its (empty) file.
    let silent = args.quiet && shown.facts.is_empty();
    let mut fill = |w: &mut dyn std::io::Write| {
        if silent {
            Ok(())
        } else {
            reporter.write(&shown, &target, w)
        }
    };
    match &out {
        Some(path) => {
            report::write_atomic_with(path, &mut fill)?;
            if !args.quiet {
                eprintln!(
                    "factlint: wrote {} ({})",
                    path.display(),
                    report.summary_line()
                );
            }
        }
        None => super::print_with(&mut fill)?,
    }
    Ok(if fail_on.fails(&report) {
        Exit::Contradictions
    } else {
        Exit::Clean
    })
}

/// The format: `--format`, else the extension of `--out` (`.md`, `.json`,
/// `.sarif`), else `format` in factlint.toml, else the extension of its
/// `out`, else the table.
pub fn pick_format(flag: Option<Format>, out: Option<&Path>, config: &Config) -> Format {
    flag.or_else(|| out.and_then(output::format_for))
        .or(config.format)
        .or_else(|| config.out.as_deref().and_then(output::format_for))
        .unwrap_or(Format::Table)
}

/// The report restricted to contradictions (for `--quiet`).
fn only_contradictions(report: &Report) -> Report {
    let facts = report
        .facts
        .iter()
        .filter(|v| v.is_contradiction())
        .cloned()
        .collect();
    let mut shown = Report::new(
        facts,
        report.sources.clone(),
        report.rules.clone(),
        Vec::new(),
    );
    shown.summary = report.summary.clone();
    shown.drafts = report.drafts.clone();
    shown
}

/// Appends the Markdown job summary to `$GITHUB_STEP_SUMMARY` when set.
fn append_job_summary(report: &Report) -> Result<()> {
    use std::io::Write;
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let path = Path::new(&path);
    let fail = |e: std::io::Error| {
        Error::output(
            Location::file(path),
            format!("cannot append the job summary: {e}"),
            "check GITHUB_STEP_SUMMARY",
        )
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(fail)?;
    file.write_all(github::job_summary(report).as_bytes())
        .map_err(fail)
}
