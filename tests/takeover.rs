//! Issue 19 on a small takeover corpus (tests/fixtures/takeover): every
//! format shows a bound as written ("≤375", "<50%", "≈USD 25 billion") and
//! digits as written ("61.95%", never "62%"), and lists the mention the
//! money kind could not read with its reason, which the summary counts. A
//! `sources.toml` beside the corpus folder, or articles without publication
//! dates under date facts, get one warning naming the file and the fix.

mod common;

use common::{code, run_in, stderr, stdout};
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/takeover")
}

fn check(dir: &Path, format: &str) -> std::process::Output {
    run_in(
        dir,
        &[
            "check",
            "--no-config",
            "articles",
            "--rules",
            "rules",
            "--format",
            format,
        ],
    )
}

const REASON: &str = "no currency with the amount in `24.6 billion`";

#[test]
fn every_format_shows_bounds_as_written_and_lists_what_was_not_read() {
    let dir = fixture();
    let table = stdout(&check(&dir, "table"));
    for want in ["≤375", "<50%", "61.95%", "≈USD 25 billion", "49.8%"] {
        assert!(table.contains(want), "table lacks {want}:\n{table}");
    }
    assert!(!table.contains("62%"), "{table}");
    assert!(
        table.contains(&format!(
            "not read: deal-value articles/c.txt:3 “24.6 billion”: {REASON}"
        )),
        "{table}"
    );
    assert!(table.contains("1 mention not read"), "{table}");

    let markdown = stdout(&check(&dir, "markdown"));
    assert!(markdown.contains("## Mentions not read"), "{markdown}");
    // The reason is text in a table cell: its backticks are escaped like any article text.
    let escaped = REASON.replace('`', "\\`");
    assert!(
        markdown.contains(&format!(
            "| `deal-value` | [articles/c.txt:3](articles/c.txt#L3) | “24.6 billion” | {escaped} |"
        )),
        "{markdown}"
    );
    // "<" is escaped as HTML in Markdown (it renders as "<50%").
    for want in ["**61.95%** ✗", "≤375", "&lt;50%", "1 mention not read"] {
        assert!(markdown.contains(want), "markdown lacks {want}");
    }

    let json: serde_json::Value = serde_json::from_str(&stdout(&check(&dir, "json"))).unwrap();
    assert_eq!(json["summary"]["unresolved_mentions"], 1);
    let mentions = |id: &str| -> Vec<serde_json::Value> {
        common::fact(&json, id)["mentions"]
            .as_array()
            .unwrap()
            .clone()
    };
    let stores = mentions("stores-sold");
    assert_eq!(
        (stores[0]["value"].as_str(), stores[0]["bound"].as_str()),
        (Some("375"), Some("≤"))
    );
    let turnout_fact = common::fact(&json, "turnout");
    assert_eq!(turnout_fact["consensus"], "49.8%");
    assert_eq!(
        turnout_fact["outliers"],
        serde_json::json!(["articles/c.txt"])
    );
    let turnout = mentions("turnout");
    assert_eq!(turnout[2]["value"], "61.95%");
    let lost = mentions("deal-value")
        .into_iter()
        .find(|m| m["value"] == "unresolved")
        .unwrap();
    assert_eq!(
        (lost["text"].as_str(), lost["note"].as_str()),
        (Some("24.6 billion"), Some(REASON))
    );

    let sarif: serde_json::Value = serde_json::from_str(&stdout(&check(&dir, "sarif"))).unwrap();
    let errors: Vec<String> = common::sarif_validator()
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let notes: Vec<&serde_json::Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"] == "note")
        .collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0]["message"]["text"],
        format!("“24.6 billion” was found but not read: {REASON}")
    );

    let github = stdout(&check(&dir, "github"));
    assert!(
        github.contains("::notice file=articles/c.txt,line=3,col="),
        "{github}"
    );
    assert!(github.contains(
        "title=factlint%3A deal-value (not read)::“24.6 billion” was found but not read"
    ));
}

/// A copy of the fixture with its manifest moved out of the corpus folder.
fn misplaced() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let from = fixture();
    for sub in ["articles", "rules"] {
        std::fs::create_dir_all(tmp.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(from.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_owned();
            let target = if name == "sources.toml" {
                tmp.path().join(&name)
            } else {
                tmp.path().join(sub).join(&name)
            };
            std::fs::copy(&path, target).unwrap();
        }
    }
    tmp
}

#[test]
fn a_manifest_beside_the_corpus_folder_is_named_with_the_fix() {
    let tmp = misplaced();
    let out = check(tmp.path(), "table");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "factlint: warning: sources.toml: this manifest is beside the corpus folder articles, not inside it, so it is not read (no outlet or publication date reaches the articles) — move it to articles/sources.toml"
    );
    // Without publication dates "by the end of the year" cannot be read: the
    // date warning names where the dates belong, and the mention is listed.
    assert_eq!(
        lines[1],
        "factlint: warning: articles/sources.toml: 3 of 3 articles have no publication date (a.txt, b.txt, c.txt), and rules/takeover.toml has date facts: their relative dates (\"Thursday\", \"yesterday\") stay unresolved — add `published = YYYY-MM-DD` to their [[source]] entries there, or to each article's front matter"
    );
    assert_eq!(lines.len(), 2, "{err}");
    let table = stdout(&out);
    assert!(
        table.contains("not read: deal-closing articles/c.txt:3 “by the end of the year”"),
        "{table}"
    );
    assert!(table.contains("2 mentions not read"), "{table}");
    assert_eq!(code(&out), 1);
}
