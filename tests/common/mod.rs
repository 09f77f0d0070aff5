//! Helpers shared by the integration tests: run the binary in a folder, find
//! a fact in a JSON report, copy the editors fixture to change it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editors")
}

/// The repository root (where the seeds and bundled rules are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs factlint in `dir` with a clean environment for what it reads.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("NO_COLOR")
        .env_remove("RAYON_NUM_THREADS")
        .output()
        .expect("run factlint")
}

/// The fact (the first entry, for facts with subjects) called `id` in a JSON report.
pub fn fact<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no fact {id}"))
}

pub fn check(args: &[&str]) -> Output {
    let mut all = vec!["check", "--no-config", "articles", "--rules", "rules"];
    all.extend_from_slice(args);
    run_in(&fixture(), &all)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

/// A copy of the fixture in a temporary folder, to change.
pub fn copy_fixture() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for sub in ["articles", "rules"] {
        std::fs::create_dir_all(tmp.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(fixture().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, tmp.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    tmp
}

/// The official SARIF 2.1.0 schema, compiled. Its two `language` patterns
/// have a stray `]` (`…-[a-zA-Z]{2}]?$`) that the regex crate rejects when
/// the schema itself is checked; they are replaced by the pattern they mean
/// (see tests/sarif/README.md). factlint never writes `language`.
pub fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).unwrap();
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(
        text.matches(stray).count(),
        2,
        "the vendored schema changed"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&text.replace(stray, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#)).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}
