//! Positions in text: byte offsets to 1-based line and column (columns
//! count characters, so "Tokaïev" is one column per letter and a CRLF file
//! gives the same columns as an LF one). Every stage that points at a place
//! in an article, a rule file or a config uses these.

use crate::error::Location;
use std::path::Path;

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Line index for many lookups in the same text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

// `Location` belongs to `error`, which imports nothing; turning an offset
// into a location needs the line arithmetic here, so the method lives here.
impl Location {
    /// The location of byte offset `offset` in `text`, read from `path`.
    pub fn of_offset(path: &Path, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        Location::at(path, line, column)
    }
}

pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "first line\nKassym-Jomart Tokaïev, who\r\nthird";
        let at = text.find("who").unwrap();
        assert_eq!(line_col(text, at), (2, 24));
        assert_eq!(LineIndex::new(text).line_col(text, at), (2, 24));
        let third = text.find("third").unwrap();
        assert_eq!(line_col(text, third), (3, 1));
        assert_eq!(LineIndex::new(text).line_col(text, third), (3, 1));
    }
}
