//! Options shared by the scanning subcommands: `--threads` and the progress
//! bar. The bar goes to stderr, only when stderr is a terminal and the run
//! is long (at least [`LONG_RUN`] articles), so it never mixes into JSON on
//! stdout, logs or CI output.

use clap::Args;
use factlint::scan::Progress;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::OnceLock;

/// Runs shorter than this many articles show no bar.
const LONG_RUN: usize = 1000;

#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Worker threads for reading and scanning [default: one per core, or RAYON_NUM_THREADS]
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Never show the progress bar (it only shows on a terminal, for 1,000+ articles)
    #[arg(long)]
    pub no_progress: bool,
}

impl RunArgs {
    /// Sets the thread count (once per process) and returns the progress bar.
    pub fn start(&self) -> Bar {
        if let Some(n) = self.threads.filter(|n| *n > 0) {
            // Fails only if the pool already exists; the first setting stays.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build_global();
        }
        Bar {
            enabled: !self.no_progress && std::io::stderr().is_terminal(),
            bar: OnceLock::new(),
        }
    }
}

/// A progress bar that appears only for long runs on a terminal.
pub struct Bar {
    enabled: bool,
    bar: OnceLock<ProgressBar>,
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        if self.enabled && total >= LONG_RUN {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {eta} left")
            {
                bar.set_style(style);
            }
            let _ = self.bar.set(bar);
        }
    }

    fn advance(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}
