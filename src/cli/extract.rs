//! `factlint extract`: the map step. Scans (a shard of) the corpus and writes
//! every mention as JSON Lines, for `factlint compare` to judge later. Shards
//! split a stable ordering of the files, so N jobs on N machines that each
//! run `--shard K/N` over the same corpus cover every article exactly once.

use super::check::{corpus_paths, entries, rule_paths, ConfigArgs};
use super::progress::RunArgs;
use clap::Args;
use factlint::rules::RuleSet;
use factlint::scan::jsonl;
use factlint::scan::{self, Shard};
use factlint::{Exit, Result};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files or folders (.txt, .md) [default: `corpus` in factlint.toml, else seeds]
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    /// Rule file or folder of *.toml rule files; repeat for several [default: `rules` in factlint.toml, else rules]
    #[arg(long, short, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Scan only part K of N of the corpus (every N-th article, from the K-th)
    #[arg(long, value_name = "K/N", default_value = "1/1")]
    shard: String,
    /// Write the JSON Lines to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    run: RunArgs,
    #[command(flatten)]
    settings: ConfigArgs,
}

pub fn run(args: ExtractArgs) -> Result<Exit> {
    let shard: Shard = args.shard.parse()?;
    let config = args.settings.load()?;
    let rules = RuleSet::load_with(&rule_paths(args.rules, &config)?, args.settings.rule_load())?;
    let bar = args.run.start();
    let paths = corpus_paths(args.paths, &config)?;
    for warning in factlint::corpus::meta::misplaced_manifests(&paths) {
        eprintln!("factlint: warning: {warning}");
    }
    let entries = entries(&paths, &config, args.settings.walk())?;
    let out = args.out.filter(|p| !factlint::text::output::is_stdout(p));
    super::check::refuse(
        "--out",
        out.as_deref(),
        &super::check::inputs(&config, &rules, &entries),
    )?;
    let total = entries.len();
    let scanned = scan::scan_corpus(&rules, entries, shard, &bar)?;
    let header = jsonl::header(&rules, shard, total)?;
    let mentions: usize = scanned
        .iter()
        .map(|s| s.mentions.len() + s.ignored.len())
        .sum();
    let articles = scanned.iter().filter(|s| s.source.is_some()).count();
    match &out {
        Some(path) => {
            jsonl::write_file(path, &header, &scanned)?;
            eprintln!(
                "factlint: wrote {} (shard {shard}: {articles} articles, {mentions} mentions)",
                path.display()
            );
        }
        None => super::print_with(&mut |w| jsonl::write(w, &header, &scanned))?,
    }
    Ok(Exit::Clean)
}
