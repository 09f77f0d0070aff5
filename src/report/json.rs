//! `--format json`: the report as JSON, a contract for other tools. Field
//! names are documented in the README; serde of [`Report`] is the format.
//!
//! Pretty-printed by serde_json, with one difference in how, not what: the
//! verdicts' mentions (nearly all of a large report: 120 MB at 10,000
//! articles) are rendered on all threads, a block at a time, and spliced
//! into the output where serde_json wrote each verdict's placeholder
//! ([`compare::deferred`]). The bytes are those of
//! `serde_json::to_writer_pretty(report)` (tested).

use super::{Report, Reporter, Target};
use crate::compare::{self, MentionVerdict, Verdict};
use rayon::prelude::*;
use std::io::{self, Write};

pub struct Json;

impl Reporter for Json {
    fn render(&self, report: &Report, target: &Target) -> String {
        let mut out = Vec::new();
        match self.write(report, target, &mut out) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
        }
    }

    fn write(&self, report: &Report, _target: &Target, out: &mut dyn Write) -> io::Result<()> {
        let mut splice = Splice {
            out: &mut *out,
            pending: Vec::with_capacity(FLUSH_AT + KEEP),
            verdicts: report.facts.iter(),
        };
        compare::deferred::deferring(|| serde_json::to_writer_pretty(&mut splice, report))?;
        splice.drain(true)?;
        if splice.verdicts.next().is_some() {
            return Err(io::Error::other("a verdict's mentions were not written"));
        }
        out.write_all(b"\n")
    }
}

/// The placeholder as serde_json writes it (a NUL is escaped `\u0000`).
const MARK: &[u8] = b"\"\\u0000mentions deferred\"";
/// Output is searched for placeholders and passed on in blocks of this size.
const FLUSH_AT: usize = 1 << 16;
/// Bytes held back at the end of a block: a placeholder cut in two, and the
/// line before it (whose indentation the mentions continue).
const KEEP: usize = 512;
/// Mentions rendered per task, and per block of tasks written in turn (the
/// memory a block takes: ~800 bytes of JSON per mention).
const PER_TASK: usize = 64;
const PER_BLOCK: usize = 8192;

/// Passes serde_json's output to `out`, writing in place of the `n`-th
/// placeholder the mentions of the `n`-th verdict.
struct Splice<'a> {
    out: &'a mut dyn Write,
    pending: Vec<u8>,
    verdicts: std::slice::Iter<'a, Verdict>,
}

impl Write for Splice<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= FLUSH_AT {
            self.drain(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Splice<'_> {
    /// Writes what is pending, each placeholder replaced; holds back the
    /// last `KEEP` bytes unless `all`.
    fn drain(&mut self, all: bool) -> io::Result<()> {
        let finder = memchr::memmem::Finder::new(MARK);
        let pending = std::mem::take(&mut self.pending);
        let mut from = 0;
        while let Some(at) = finder.find(&pending[from..]).map(|i| from + i) {
            self.out.write_all(&pending[from..at])?;
            let verdict = self
                .verdicts
                .next()
                .ok_or_else(|| io::Error::other("more mention placeholders than verdicts"))?;
            write_mentions(
                &mut *self.out,
                &verdict.mentions,
                indent_before(&pending[..at]),
            )?;
            from = at + MARK.len();
        }
        let keep_from = if all {
            pending.len()
        } else {
            pending.len().saturating_sub(KEEP).max(from)
        };
        self.out.write_all(&pending[from..keep_from])?;
        self.pending = pending;
        self.pending.drain(..keep_from);
        Ok(())
    }
}

/// The indentation of the line `text` ends in (the `"mentions": ` key's).
fn indent_before(text: &[u8]) -> usize {
    let line = text.rsplit(|&b| b == b'\n').next().unwrap_or(text);
    line.iter().take_while(|&&b| b == b' ').count()
}

/// A JSON array of `mentions` as serde_json's pretty printer writes it as
/// the value of a key indented `indent` spaces.
fn write_mentions(
    out: &mut dyn Write,
    mentions: &[MentionVerdict],
    indent: usize,
) -> io::Result<()> {
    if mentions.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let inner = indent + 2;
    for (block, chunk) in mentions.chunks(PER_BLOCK).enumerate() {
        let rendered: Vec<io::Result<Vec<u8>>> = chunk
            .par_chunks(PER_TASK)
            .enumerate()
            .map(|(task, ms)| {
                let first = block == 0 && task == 0;
                render(ms, first, inner)
            })
            .collect();
        for part in rendered {
            out.write_all(&part?)?;
        }
    }
    out.write_all(b"\n")?;
    out.write_all(&b" ".repeat(indent))?;
    out.write_all(b"]")
}

/// Array elements, each on its own lines indented `inner` spaces, with the
/// separators before them (none before the array's first).
fn render(mentions: &[MentionVerdict], first: bool, inner: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(mentions.len() * 1024);
    let mut one = Vec::with_capacity(2048);
    for (i, m) in mentions.iter().enumerate() {
        out.extend_from_slice(if first && i == 0 { b"\n" } else { b",\n" });
        out.resize(out.len() + inner, b' ');
        one.clear();
        serde_json::to_writer_pretty(&mut one, m)?;
        // Strings hold no raw newline (JSON escapes it): every newline is
        // the pretty printer's, and the nested lines are `inner` deeper.
        for (j, line) in one.split(|&b| b == b'\n').enumerate() {
            if j > 0 {
                out.push(b'\n');
                out.resize(out.len() + inner, b' ');
            }
            out.extend_from_slice(line);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_written_as_the_mark() {
        let written = serde_json::to_vec(compare::deferred::PLACEHOLDER).unwrap();
        assert_eq!(written, MARK);
    }

    #[test]
    fn indentation_is_read_from_the_last_line() {
        assert_eq!(indent_before(b"{\n  \"a\": 1,\n      \"mentions\": "), 6);
        assert_eq!(indent_before(b"\"mentions\": "), 0);
    }
}
