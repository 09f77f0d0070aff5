//! Precise places for rule-file mistakes: where in the file a bad regex goes
//! wrong (the regex crate's own span, mapped back through the TOML string
//! and the placeholders), a mistyped placeholder (`{numbr}`), and a hint for
//! an apostrophe that closes a '…' literal string early.

use super::placeholders;
use crate::error::{Error, Location};
use crate::text::LineIndex;
use regex_syntax::ast::parse::Parser;
use std::ops::Range;
use std::path::Path;

/// A rule file being compiled: its path, text and line index.
pub struct Source<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl Source<'_> {
    /// The location of byte range `range` of the file, with its width.
    pub fn at(&self, range: Range<usize>) -> Location {
        let (line, column) = self.index.line_col(self.text, range.start);
        let width = self
            .text
            .get(range.clone())
            .map_or(1, |t| t.chars().count());
        Location::at(self.path, line, column).spanning(width)
    }

    /// Where the pattern text `pattern` starts in the file, looked for in
    /// `within` (the TOML value that holds it). `None` when the file spells it
    /// otherwise (a "…" string with escapes).
    pub fn find(&self, within: Range<usize>, pattern: &str) -> Option<usize> {
        let hay = self.text.get(within.clone())?;
        hay.find(pattern).map(|i| within.start + i)
    }
}

/// `{word}` spans in `pattern` that are not placeholders factlint knows and
/// not regex repetitions (`{2}`, `{1,3}`): the mistyped placeholders.
pub fn unknown_placeholders(pattern: &str) -> Vec<(Range<usize>, String)> {
    let known: Vec<&str> = placeholders::table().iter().map(|(n, _)| *n).collect();
    let bytes = pattern.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'{' => {
                let end = pattern[i..].find('}').map(|e| i + e + 1);
                if let Some(end) = end {
                    let name = &pattern[i + 1..end - 1];
                    let word = !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
                    if word && !known.contains(&&pattern[i..end]) {
                        out.push((i..end, pattern[i..end].to_string()));
                    }
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The closest known placeholder to `written` ("{numbr}" → "{number}").
pub fn closest_placeholder(written: &str) -> Option<&'static str> {
    placeholders::table()
        .into_iter()
        .map(|(name, _)| (strsim::jaro_winkler(name, written), name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// Where and why `pattern` (as written, placeholders unexpanded) fails to
/// parse as a regex: the byte range within `pattern` and the regex crate's
/// message. Placeholders are replaced by atoms of the same length first, so
/// offsets stay those of the text as written.
pub fn regex_error(pattern: &str) -> Option<(Range<usize>, String)> {
    let mut masked = pattern.to_string();
    for (name, _) in placeholders::table() {
        let atom = format!("(?:{})", "a".repeat(name.len() - 4));
        masked = masked.replace(name, &atom);
    }
    let err = Parser::new().parse(&masked).err()?;
    let span = err.span();
    // The span of an unclosed group is the opening parenthesis.
    let range = span.start.offset..span.end.offset.max(span.start.offset + 1);
    Some((range, err.kind().to_string()))
}

/// The hint for a TOML syntax error on a line whose '…' literal string an
/// apostrophe cut short (`'Kazakhstan's'`), if the line looks like one.
pub fn apostrophe_hint(text: &str, offset: usize) -> Option<&'static str> {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    let odd = line.matches('\'').count() % 2 == 1;
    (odd && !line.contains("'''")).then_some(
        "a '…' string ends at the next apostrophe: write the pattern as '''…''', or match the apostrophe as \\x27 or [’']",
    )
}

/// An error for a mistyped placeholder at `range` of the pattern that
/// starts at byte `start` of the file.
pub fn placeholder_error(
    file: &Source<'_>,
    start: Option<usize>,
    origin: &Location,
    range: Range<usize>,
    written: &str,
    id: &str,
) -> Error {
    let at = start.map_or_else(
        || origin.clone(),
        |s| file.at(s + range.start..s + range.end),
    );
    let known: Vec<&str> = placeholders::table().iter().map(|(n, _)| *n).collect();
    let hint = match closest_placeholder(written) {
        Some(near) => format!("did you mean {near}? (placeholders: {})", known.join(", ")),
        None => format!(
            "placeholders: {}; write \\{{ and \\}} for literal braces",
            known.join(", ")
        ),
    };
    Error::rules(
        at,
        format!("unknown placeholder `{written}` in a pattern of fact `{id}`"),
        hint,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mistyped_placeholders_but_not_repetitions() {
        let found = unknown_placeholders(r"(?P<value>{numbr})\s+\d{2,3} {number} \{literal\}");
        assert_eq!(found, vec![(10..17, "{numbr}".to_string())]);
        assert_eq!(closest_placeholder("{numbr}"), Some("{number}"));
        assert_eq!(closest_placeholder("{zzz}"), None);
    }

    #[test]
    fn regex_errors_keep_the_written_offsets() {
        // The unclosed group opens at byte 3, after a placeholder of 8 bytes
        // that expands to hundreds: the offset is that of the text as written.
        let (range, message) = regex_error(r"{number}(?P<value>x").unwrap();
        assert_eq!(range.start, 8);
        assert_eq!(message, "unclosed group");
        let (range, message) = regex_error(r"a{2,1}").unwrap();
        assert_eq!(range, 1..6);
        assert!(message.contains("invalid"), "{message}");
        assert!(regex_error(r"(?P<value>{date})").is_none());
    }

    #[test]
    fn apostrophes_in_literal_strings_get_a_hint() {
        let text = "patterns = [\n  'Kazakhstan's (?P<value>{number})',\n]\n";
        assert!(apostrophe_hint(text, 20).is_some());
        assert!(apostrophe_hint("x = 'fine'\n", 3).is_none());
    }
}
