//! Mentions as JSON Lines: the seam between `factlint extract` (map: scan a
//! shard of the corpus) and `factlint compare` (reduce: judge every fact).
//! One record per line, tagged by `record`:
//!
//! - `header`: factlint version, shard `K/N`, number of articles in the whole
//!   corpus, and a fingerprint of the rule files (compare refuses shards
//!   extracted with other rules or with shards missing or repeated);
//! - `source`: one per article read (with `seq`, its index in the stable
//!   order of the whole corpus), so articles without mentions still count;
//! - `mention`: one per mention, the same fields as in the JSON report plus
//!   the comparison `key`, so compare needs no re-normalization, and
//!   `ignored: true` for mentions an inline marker sets aside;
//! - `warning`: one per warning, with the `seq` of its article.

use super::{Scanned, Shard};
use crate::error::{Error, Location, Result};
use crate::extract::Mention;
use crate::normalize::Key;
use crate::rules::RuleSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The first line of every extract file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub factlint: String,
    pub shard: String,
    /// Articles in the whole corpus (all shards).
    pub articles: usize,
    /// [`fingerprint`] of the rules used.
    pub rules: String,
}

/// One line of an extract file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum Record {
    Header(Header),
    Source {
        seq: usize,
        #[serde(flatten)]
        source: crate::corpus::Source,
    },
    Mention {
        seq: usize,
        #[serde(flatten)]
        mention: Mention,
        key: Key,
        /// Set aside by an inline ignore marker in its article.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        ignored: bool,
    },
    Warning {
        seq: usize,
        message: String,
    },
}

/// A fingerprint of the rule files' contents (FNV-1a, 64 bits; stable across
/// platforms and Rust versions, unlike the standard hasher). Paths do not
/// count: a shard extracted on another machine compares fine.
pub fn fingerprint(rules: &RuleSet) -> Result<String> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &rules.files {
        for byte in crate::text::read_utf8(file)?.bytes().chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(format!("fnv1a64:{hash:016x}"))
}

/// The header for a shard of a corpus of `articles` articles.
pub fn header(rules: &RuleSet, shard: Shard, articles: usize) -> Result<Header> {
    Ok(Header {
        factlint: env!("CARGO_PKG_VERSION").into(),
        shard: shard.to_string(),
        articles,
        rules: fingerprint(rules)?,
    })
}

/// Writes the header and the records of `scanned` (in `seq` order).
pub fn write(out: &mut dyn Write, header: &Header, scanned: &[Scanned]) -> std::io::Result<()> {
    let mut line = |record: &Record| -> std::io::Result<()> {
        serde_json::to_writer(&mut *out, record)?;
        out.write_all(b"\n")
    };
    line(&Record::Header(header.clone()))?;
    for s in scanned {
        if let Some(source) = &s.source {
            line(&Record::Source {
                seq: s.seq,
                source: source.clone(),
            })?;
        }
        let ignored = s.ignored.iter().map(|m| (m, true));
        for (m, ignored) in s.mentions.iter().map(|m| (m, false)).chain(ignored) {
            line(&Record::Mention {
                seq: s.seq,
                mention: m.clone(),
                key: m.normalized.key.clone(),
                ignored,
            })?;
        }
        for w in &s.warnings {
            line(&Record::Warning {
                seq: s.seq,
                message: w.clone(),
            })?;
        }
    }
    out.flush()
}

/// Writes an extract file atomically (temporary file renamed into place,
/// removed on Ctrl-C; see [`crate::text::output`]).
pub fn write_file(path: &Path, header: &Header, scanned: &[Scanned]) -> Result<()> {
    crate::text::output::write_atomic_with(path, &mut |out| write(out, header, scanned))
}

/// Reads extract files (any order, any number) back into scanned articles,
/// after checking they belong together: same rules, same corpus size, every
/// shard exactly once.
pub fn read_files(paths: &[PathBuf], rules: &RuleSet) -> Result<Vec<Scanned>> {
    let expected = fingerprint(rules)?;
    let mut articles: BTreeMap<usize, Scanned> = BTreeMap::new();
    let mut shards: BTreeMap<usize, PathBuf> = BTreeMap::new();
    let mut first: Option<(Header, Shard)> = None;
    for path in paths {
        let bad = |line: usize, message: String, hint: &str| {
            Error::corpus(Location::at(path, line, 1), message, hint)
        };
        let file = std::fs::File::open(path).map_err(|e| {
            Error::corpus(
                Location::file(path),
                format!("cannot read the mentions file: {e}"),
                "pass files written by `factlint extract`",
            )
        })?;
        let mut header_seen = false;
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| {
                bad(
                    i + 1,
                    format!("cannot read: {e}"),
                    "pass files written by `factlint extract`",
                )
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record = serde_json::from_str(&line).map_err(|e| {
                bad(
                    i + 1,
                    format!("not a factlint extract record: {e}"),
                    "pass files written by `factlint extract`",
                )
            })?;
            match record {
                Record::Header(h) => {
                    let shard: Shard = h.shard.parse()?;
                    if h.rules != expected {
                        return Err(bad(
                            i + 1,
                            "extracted with other rules than these".into(),
                            "run compare with the --rules given to extract",
                        ));
                    }
                    if let Some((f, fs)) = &first {
                        if f.factlint != h.factlint
                            || f.articles != h.articles
                            || fs.count != shard.count
                        {
                            return Err(bad(i + 1, format!("shard {} of another run (factlint {}, {} articles) than the first file's", h.shard, h.factlint, h.articles), "compare the shards of one extract run"));
                        }
                    }
                    if let Some(other) = shards.insert(shard.index, path.clone()) {
                        return Err(bad(
                            i + 1,
                            format!(
                                "shard {} was already read from {}",
                                h.shard,
                                other.display()
                            ),
                            "pass each shard once",
                        ));
                    }
                    first.get_or_insert((h, shard));
                    header_seen = true;
                }
                _ if !header_seen => {
                    return Err(bad(
                        i + 1,
                        "no header line before the records".into(),
                        "pass files written by `factlint extract`",
                    ))
                }
                Record::Source { seq, source } => {
                    articles
                        .entry(seq)
                        .or_insert_with(|| Scanned {
                            seq,
                            ..Scanned::default()
                        })
                        .source = Some(source)
                }
                Record::Mention {
                    seq,
                    mut mention,
                    key,
                    ignored,
                } => {
                    mention.normalized.key = key;
                    let article = articles.entry(seq).or_insert_with(|| Scanned {
                        seq,
                        ..Scanned::default()
                    });
                    match ignored {
                        true => article.ignored.push(mention),
                        false => article.mentions.push(mention),
                    }
                }
                Record::Warning { seq, message } => articles
                    .entry(seq)
                    .or_insert_with(|| Scanned {
                        seq,
                        ..Scanned::default()
                    })
                    .warnings
                    .push(message),
            }
        }
        if !header_seen {
            return Err(Error::corpus(
                Location::file(path),
                "empty mentions file",
                "pass files written by `factlint extract`",
            ));
        }
    }
    if let Some((_, shard)) = &first {
        if let Some(missing) = (0..shard.count).find(|k| !shards.contains_key(k)) {
            let missing = Shard {
                index: missing,
                count: shard.count,
            };
            return Err(Error::usage(
                format!("shard {missing} is missing"),
                "pass the files of every shard of the extract run",
            ));
        }
    }
    Ok(articles.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_exactly_including_infinite_bounds() {
        let keys = [
            Key::Interval {
                lo: 140.0,
                hi: f64::INFINITY,
                unit: "count".into(),
            },
            Key::Interval {
                lo: f64::NEG_INFINITY,
                hi: 0.1 + 0.2,
                unit: "length".into(),
            },
            Key::OneOf(vec!["2023-02-28".into()]),
            Key::Label("C5+1".into()),
            Key::Unresolved("no unit".into()),
        ];
        for key in keys {
            let json = serde_json::to_string(&key).unwrap();
            assert_eq!(serde_json::from_str::<Key>(&json).unwrap(), key, "{json}");
        }
        let json = serde_json::to_string(&Key::Interval {
            lo: 1.0,
            hi: f64::INFINITY,
            unit: "km".into(),
        })
        .unwrap();
        assert_eq!(json, r#"{"Interval":{"lo":1.0,"hi":"inf","unit":"km"}}"#);
    }
}
