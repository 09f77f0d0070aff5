//! Sources as readers know them: by outlet ("The Moscow Times") where the
//! manifest or front matter names one, else by file name. An outlet that has
//! several articles in the corpus gets the file's short id after it
//! ("AFP (wire story) · 000"), so every label still names one article.
//! Where file names repeat across folders (`monday/wire.txt`,
//! `tuesday/wire.txt`) the id is the path less the shared folder
//! ([`super::names`]).

use super::Report;
use crate::corpus::Source;
use std::collections::BTreeMap;

/// The file name up to its first `_` or `.` ("000"), or the whole name.
fn short(file: &str) -> &str {
    match file.split(['_', '.']).next() {
        Some(s) if !s.is_empty() => s,
        _ => file,
    }
}

/// A label per source, in the same order, each naming one article.
pub fn labels(sources: &[Source]) -> Vec<String> {
    let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
    let mut shorts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut files: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sources {
        if let Some(o) = &s.outlet {
            *outlets.entry(o.as_str()).or_default() += 1;
        }
        *shorts.entry(short(&s.file)).or_default() += 1;
        *files.entry(s.file.as_str()).or_default() += 1;
    }
    let names = super::names::Names::new(sources);
    sources
        .iter()
        .map(|s| {
            let file = if files[s.file.as_str()] == 1 {
                s.file.as_str()
            } else {
                names.of(&s.path)
            };
            let id = if shorts[short(&s.file)] == 1 {
                short(&s.file)
            } else {
                file
            };
            match &s.outlet {
                Some(o) if outlets[o.as_str()] == 1 => o.clone(),
                Some(o) => format!("{o} · {id}"),
                None => file.to_string(),
            }
        })
        .collect()
}

/// Each source's label by its path, for lookups per mention.
pub fn by_path<'a>(sources: &'a [Source], labels: &'a [String]) -> BTreeMap<&'a str, &'a str> {
    sources
        .iter()
        .zip(labels)
        .map(|(s, l)| (s.path.as_str(), l.as_str()))
        .collect()
}

/// The label of the source at `path` (a mention's path), or `fallback`.
pub fn label_of(report: &Report, labels: &[String], path: &str, fallback: &str) -> String {
    report
        .sources
        .iter()
        .position(|s| s.path == path)
        .and_then(|i| labels.get(i).cloned())
        .unwrap_or_else(|| fallback.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(file: &str, outlet: Option<&str>) -> Source {
        Source {
            file: file.into(),
            path: format!("a/{file}"),
            outlet: outlet.map(str::to_string),
            ..Source::default()
        }
    }

    #[test]
    fn outlets_label_sources_and_shared_outlets_add_the_file_id() {
        let sources = [
            source("000_f49.txt", Some("AFP")),
            source("001_ac4.txt", Some("El País")),
            source("002_50d.txt", Some("AFP")),
            source("draft.md", None),
        ];
        assert_eq!(
            labels(&sources),
            ["AFP · 000", "El País", "AFP · 002", "draft.md"]
        );
        let same_prefix = [source("a_1.txt", Some("X")), source("a_2.txt", Some("X"))];
        assert_eq!(labels(&same_prefix), ["X · a_1.txt", "X · a_2.txt"]);
        let in_folders = |folder: &str, outlet: Option<&str>| Source {
            file: "wire.txt".into(),
            path: format!("articles/{folder}/wire.txt"),
            outlet: outlet.map(str::to_string),
            ..Source::default()
        };
        let same_name = [in_folders("monday", None), in_folders("tuesday", None)];
        assert_eq!(labels(&same_name), ["monday/wire.txt", "tuesday/wire.txt"]);
        let same_outlet = [
            in_folders("monday", Some("AP")),
            in_folders("tuesday", Some("AP")),
        ];
        assert_eq!(
            labels(&same_outlet),
            ["AP · monday/wire.txt", "AP · tuesday/wire.txt"]
        );
    }
}
