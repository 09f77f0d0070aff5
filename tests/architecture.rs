//! Stages look only down: every top-level module of `src/` is one stage of
//! the pipeline, and a stage may use the stages before it in [`STAGES`],
//! never one after it. The order is declared once here and shown in
//! `docs/architecture.md` (a test checks that the two agree).
//!
//! The scan is textual, which is enough for this code base: in every line
//! that is not a comment it follows `crate::NAME` (also `crate::{A, B}`) and
//! runs of `super::` that climb out of a top-level module.

use std::path::{Path, PathBuf};

mod common;

/// The stages, lowest first. `cli` is the binary's own module (it may use
/// everything); `lib.rs` and `main.rs` only declare modules.
const STAGES: &[&str] = &[
    "error",
    "text",
    "normalize",
    "rules",
    "corpus",
    "extract",
    "compare",
    "report",
    "config",
    "scan",
    "check",
    "schema",
    "discover",
    "cli",
];

/// One import of a later stage.
#[derive(Debug, PartialEq)]
struct Violation {
    file: String,
    line: usize,
    from: String,
    to: String,
}

fn stage(name: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == name)
}

/// The module path of a file under `src/`: `normalize/date/mod.rs` is
/// `[normalize, date]`, `normalize/date/weekday.rs` is `[normalize, date, weekday]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        if last != "mod.rs" {
            parts.push(last.trim_end_matches(".rs").to_string());
        }
    }
    parts
}

/// The identifiers right after `crate::` (one, or each of a `{…}` group).
fn crate_targets(rest: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    if let Some(group) = rest.strip_prefix('{') {
        let group = group.split('}').next().unwrap_or("");
        group
            .split(',')
            .map(ident)
            .filter(|s| !s.is_empty() && s != "self")
            .collect()
    } else {
        vec![ident(rest)]
    }
}

/// Every import of a later stage in one file's text.
fn violations_in(relative: &Path, text: &str) -> Vec<Violation> {
    let path = module_path(relative);
    let Some(own) = path.first().cloned() else {
        return Vec::new();
    };
    let Some(own_stage) = stage(&own) else {
        return vec![Violation {
            file: relative.display().to_string(),
            line: 0,
            from: own,
            to: "(not in STAGES: add it to tests/architecture.rs and docs/architecture.md)".into(),
        }];
    };
    let mut depth = path.len();
    let mut out = Vec::new();
    let check = |target: String, line: usize, out: &mut Vec<Violation>| {
        if let Some(target_stage) = stage(&target) {
            if target_stage > own_stage {
                out.push(Violation {
                    file: relative.display().to_string(),
                    line,
                    from: own.clone(),
                    to: target,
                });
            }
        }
    };
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        // An inline module (`mod tests {`) is one level deeper for `super::`.
        if code.starts_with("mod ") || code.starts_with("pub mod ") {
            if code.trim_end().ends_with('{') {
                depth += 1;
            }
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            for target in crate_targets(after) {
                check(target, i + 1, &mut out);
            }
            rest = after;
        }
        let mut rest = code;
        while let Some(at) = rest.find("super::") {
            let mut after = &rest[at..];
            let mut climbs = 0;
            while let Some(next) = after.strip_prefix("super::") {
                climbs += 1;
                after = next;
            }
            if climbs >= depth {
                for target in crate_targets(after) {
                    check(target, i + 1, &mut out);
                }
            }
            rest = after;
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn stages_import_only_earlier_stages() {
    let src = common::root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} files in src/", files.len());
    let mut violations = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        if relative == Path::new("lib.rs") || relative == Path::new("main.rs") {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        violations.extend(violations_in(relative, &text));
    }
    let shown: Vec<String> = violations
        .iter()
        .map(|v| match v.line {
            0 => format!("src/{}: module `{}` is {}", v.file, v.from, v.to),
            _ => format!(
                "src/{}:{}: stage `{}` uses `{}`, a later stage",
                v.file, v.line, v.from, v.to
            ),
        })
        .collect();
    assert!(
        shown.is_empty(),
        "stages may only use earlier stages ({}); move the shared code down \
         (see docs/architecture.md):\n{}",
        STAGES.join(" → "),
        shown.join("\n")
    );
}

#[test]
fn the_scan_finds_each_form_of_an_upward_import() {
    let file = Path::new("rules/lint.rs");
    let text = "\
//! Uses crate::check in a comment, which does not count.
use crate::check::run;
use crate::{corpus::Article, normalize};
fn f() { let _ = crate::report::Format::Json; }
use super::super::scan::Shard;
mod tests {
    use super::*;
}
";
    let found: Vec<(usize, String)> = violations_in(file, text)
        .into_iter()
        .map(|v| (v.line, v.to))
        .collect();
    assert_eq!(
        found,
        [
            (2, "check".to_string()),
            (3, "corpus".to_string()),
            (4, "report".to_string()),
            (5, "scan".to_string()),
        ]
    );
    // Downward and sideways imports are fine.
    let ok = "use crate::normalize::Key;\nuse crate::error::Result;\nuse super::Fact;\n";
    assert_eq!(violations_in(Path::new("rules/mod.rs"), ok), []);
    // A module missing from the declared order is reported, not ignored.
    let unknown = violations_in(Path::new("newstage/mod.rs"), "");
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].from, "newstage");
}

#[test]
fn the_doc_shows_the_declared_order() {
    let doc = std::fs::read_to_string(common::root().join("docs/architecture.md")).unwrap();
    let order = STAGES
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(" → ");
    assert!(
        doc.contains(&order),
        "docs/architecture.md must state the stage order as `{order}`"
    );
}
