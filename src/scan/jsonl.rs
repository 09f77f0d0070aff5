//! Mentions as JSON Lines: the seam between `factlint extract` (map: scan a
//! shard of the corpus) and `factlint compare` (reduce: judge every fact).
//! One record per line, tagged by `record`:
//!
//! - `header`: factlint version, shard `K/N`, number of articles in the whole
//!   corpus, a fingerprint of the rule files (compare refuses shards
//!   extracted with other rules or with shards missing or repeated), and
//!   `records`: how many source, mention and warning records follow, so a
//!   truncated file or duplicated lines are refused;
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
use std::io::{BufRead, Read, Write};
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
    /// How many records of each kind follow (set by [`write`]).
    #[serde(default)]
    pub records: Option<Counts>,
}

/// The records an extract file holds after its header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub sources: usize,
    pub mentions: usize,
    pub warnings: usize,
}

impl Counts {
    fn of(scanned: &[Scanned]) -> Counts {
        let mut c = Counts::default();
        for s in scanned {
            c.sources += usize::from(s.source.is_some());
            c.mentions += s.mentions.len() + s.ignored.len();
            c.warnings += s.warnings.len();
        }
        c
    }
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
        records: None,
    })
}

/// Writes the header and the records of `scanned` (in `seq` order).
pub fn write(out: &mut dyn Write, header: &Header, scanned: &[Scanned]) -> std::io::Result<()> {
    let mut line = |record: &Record| -> std::io::Result<()> {
        serde_json::to_writer(&mut *out, record)?;
        out.write_all(b"\n")
    };
    line(&Record::Header(Header {
        records: Some(Counts::of(scanned)),
        ..header.clone()
    }))?;
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
                key: m.normalized().key.clone(),
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

/// The longest line read from an extract file (a mention with its quote is
/// a few KB); a longer one is an error, not a read until memory runs out.
const MAX_LINE: u64 = 64 << 20;

/// What one extract file declared and held, for the checks after reading it.
struct Shard1 {
    shard: Shard,
    declared: Counts,
    held: Counts,
    /// Articles with a source or a warning record (each article has one or the other).
    seen: std::collections::BTreeSet<usize>,
}

/// Reads extract files (any order, any number) back into scanned articles,
/// after checking they belong together (same rules, same corpus size, every
/// shard exactly once) and are whole: each file holds the records its header
/// declares, every record's article belongs to the file's shard, no article
/// has two source records, no mention is there twice, and every article of
/// the shard is accounted for.
pub fn read_files(paths: &[PathBuf], rules: &RuleSet) -> Result<Vec<Scanned>> {
    let expected = fingerprint(rules)?;
    let mut articles: BTreeMap<usize, Scanned> = BTreeMap::new();
    let mut shards: BTreeMap<usize, PathBuf> = BTreeMap::new();
    let mut first: Option<(Header, Shard)> = None;
    // Hashes of the mention lines read: a duplicated line is refused without
    // keeping a second copy of every mention in memory.
    let mut mentions_seen: std::collections::HashSet<u64> = std::collections::HashSet::new();
    for path in paths {
        let bad = |line: usize, message: String, hint: &str| {
            Error::corpus(Location::at(path, line, 1), message, hint)
        };
        let redo = "run `factlint extract` again for this shard";
        let file = std::fs::File::open(path).map_err(|e| {
            Error::corpus(
                Location::file(path),
                format!("cannot read the mentions file: {e}"),
                "pass files written by `factlint extract`",
            )
        })?;
        let mut reader = std::io::BufReader::new(file);
        let mut this: Option<Shard1> = None;
        let mut buf = Vec::new();
        let mut number = 0;
        loop {
            buf.clear();
            let n = (&mut reader)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut buf)
                .map_err(|e| bad(number + 1, format!("cannot read: {e}"), redo))?;
            if n == 0 {
                break;
            }
            number += 1;
            if n as u64 > MAX_LINE {
                return Err(bad(
                    number,
                    format!("a line longer than {} MiB", MAX_LINE >> 20),
                    "pass files written by `factlint extract`",
                ));
            }
            let line = std::str::from_utf8(&buf).map_err(|_| {
                bad(
                    number,
                    "not UTF-8".into(),
                    "pass files written by `factlint extract`",
                )
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record = serde_json::from_str(line).map_err(|e| {
                bad(
                    number,
                    format!("not a factlint extract record: {e}"),
                    "pass files written by `factlint extract`",
                )
            })?;
            if let Record::Header(h) = record {
                if this.is_some() {
                    return Err(bad(number, "a second header line".into(), redo));
                }
                let shard: Shard = h.shard.parse()?;
                if h.rules != expected {
                    return Err(bad(
                        number,
                        "extracted with other rules than these".into(),
                        "run compare with the --rules given to extract",
                    ));
                }
                let Some(declared) = h.records else {
                    return Err(bad(
                        number,
                        "the header does not say how many records follow (an older factlint wrote it)".into(),
                        redo,
                    ));
                };
                if let Some((f, fs)) = &first {
                    if f.factlint != h.factlint
                        || f.articles != h.articles
                        || fs.count != shard.count
                    {
                        return Err(bad(number, format!("shard {} of another run (factlint {}, {} articles) than the first file's", h.shard, h.factlint, h.articles), "compare the shards of one extract run"));
                    }
                }
                if let Some(other) = shards.insert(shard.index, path.clone()) {
                    return Err(bad(
                        number,
                        format!(
                            "shard {} was already read from {}",
                            h.shard,
                            other.display()
                        ),
                        "pass each shard once",
                    ));
                }
                first.get_or_insert((h, shard));
                this = Some(Shard1 {
                    shard,
                    declared,
                    held: Counts::default(),
                    seen: Default::default(),
                });
                continue;
            }
            let Some(this) = this.as_mut() else {
                return Err(bad(
                    number,
                    "no header line before the records".into(),
                    "pass files written by `factlint extract`",
                ));
            };
            let total = first.as_ref().map_or(0, |(h, _)| h.articles);
            let seq = match &record {
                Record::Source { seq, .. }
                | Record::Mention { seq, .. }
                | Record::Warning { seq, .. } => *seq,
                Record::Header(_) => unreachable!("handled above"),
            };
            if seq >= total || !this.shard.takes(seq) {
                return Err(bad(
                    number,
                    format!(
                        "a record for article {seq}, which is not in shard {} of {total} articles",
                        this.shard
                    ),
                    "pass files written by `factlint extract`, unedited",
                ));
            }
            let article = articles.entry(seq).or_insert_with(|| Scanned {
                seq,
                ..Scanned::default()
            });
            match record {
                Record::Header(_) => {}
                Record::Source { source, .. } => {
                    if article.source.is_some() {
                        return Err(bad(
                            number,
                            format!("a second source record for article {seq}"),
                            redo,
                        ));
                    }
                    this.held.sources += 1;
                    this.seen.insert(seq);
                    article.source = Some(source);
                }
                Record::Mention {
                    mut mention,
                    key,
                    ignored,
                    ..
                } => {
                    let hash = {
                        use std::hash::{Hash, Hasher};
                        let mut h = std::hash::DefaultHasher::new();
                        line.trim_end().hash(&mut h);
                        h.finish()
                    };
                    if !mentions_seen.insert(hash) {
                        return Err(bad(
                            number,
                            "the same mention twice (a duplicated line)".into(),
                            redo,
                        ));
                    }
                    this.held.mentions += 1;
                    mention.normalized_mut().key = key;
                    match ignored {
                        true => article.ignored.push(mention),
                        false => article.mentions.push(mention),
                    }
                }
                Record::Warning { message, .. } => {
                    this.held.warnings += 1;
                    this.seen.insert(seq);
                    article.warnings.push(message);
                }
            }
        }
        let Some(this) = this else {
            return Err(Error::corpus(
                Location::file(path),
                "empty mentions file",
                "pass files written by `factlint extract`",
            ));
        };
        let total = first.as_ref().map_or(0, |(h, _)| h.articles);
        let articles_in_shard = (0..total).filter(|s| this.shard.takes(*s)).count();
        if this.held != this.declared || this.seen.len() != articles_in_shard {
            return Err(Error::corpus(
                Location::file(path),
                format!(
                    "truncated or edited: the header declares {} sources, {} mentions and {} warnings for {} articles; the file holds {}, {} and {} for {}",
                    this.declared.sources, this.declared.mentions, this.declared.warnings, articles_in_shard,
                    this.held.sources, this.held.mentions, this.held.warnings, this.seen.len()
                ),
                redo,
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
            Key::OneOf(vec!["2023-02-28".into()].into()),
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
