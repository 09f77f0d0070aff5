//! `factlint init [DIR]`: writes a starter `factlint.toml` and a commented
//! example rule file (`rules/example.toml`). It refuses to overwrite either.

use clap::Args;
use factlint::{report, Error, Exit, Location, Result};
use std::path::PathBuf;

/// The starter config.
pub const CONFIG: &str = include_str!("templates/factlint.toml");
/// The commented example rule file.
pub const EXAMPLE_RULES: &str = include_str!("templates/example.toml");

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The project folder [default: the current folder]
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
}

pub fn run(args: InitArgs) -> Result<Exit> {
    let config = args.dir.join(factlint::config::FILE_NAME);
    let rules = args.dir.join("rules").join("example.toml");
    for path in [&config, &rules] {
        if path.exists() {
            return Err(Error::output(
                Location::file(path),
                "already exists; factlint init never overwrites",
                "remove it or edit it by hand",
            ));
        }
    }
    let folder = args.dir.join("rules");
    std::fs::create_dir_all(&folder).map_err(|e| {
        Error::output(
            Location::file(&folder),
            format!("cannot create the folder: {e}"),
            "check the permissions",
        )
    })?;
    report::write_atomic(&config, CONFIG)?;
    report::write_atomic(&rules, EXAMPLE_RULES)?;
    eprintln!(
        "factlint: wrote {} and {}\nNext: put articles in {}, then run `factlint rules test` and `factlint`.",
        config.display(),
        rules.display(),
        args.dir.join("articles").display()
    );
    Ok(Exit::Clean)
}
