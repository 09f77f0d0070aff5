//! `reports/seeds.md` is the committed report on the bundled seeds. This test
//! regenerates it and fails when the committed file is stale. To refresh it:
//! `cargo run --release -- check --format markdown --out reports/seeds.md`
//! (or run this test with FACTLINT_BLESS=1).

use factlint::check::{self, Options};
use factlint::report::{Format, Target};
use std::path::PathBuf;

#[test]
fn committed_seed_report_is_fresh() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(&root).unwrap();
    let report = check::run(&Options {
        corpus: vec!["seeds".into()],
        rules: vec!["rules".into()],
    })
    .unwrap();
    let fresh = Format::Markdown.reporter().render(
        &report,
        &Target {
            dir: Some("reports".into()),
        },
    );
    let path = root.join("reports/seeds.md");
    if std::env::var_os("FACTLINT_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "reports/seeds.md is stale: run `cargo run --release -- check --format markdown --out reports/seeds.md`"
    );
}
