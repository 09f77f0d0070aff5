//! Text layout for the terminal table: display widths (a CJK character or
//! an emoji takes two columns, a combining accent none), word wrapping that
//! never breaks inside a word (only at spaces, or after a hyphen inside a
//! word too long for a line of its own: `kz-russia-` / `border-length`), and column widths that follow
//! the content, the way browsers lay out an auto-width table: each column
//! gets at least its longest unbreakable word, and the space left is shared
//! in proportion to how much more each column would like.

use unicode_width::UnicodeWidthStr;

/// Columns a string takes on a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Continuation lines of a wrapped line are indented by this much, so a
/// wrapped fact id is not read as a new row.
pub const HANG: usize = 2;

/// The pieces a line may be broken between: words, and within a word the
/// parts after each inner hyphen ("border-", "length"). Each piece carries
/// the separator that goes before it when both stay on one line.
fn pieces(line: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let mut sep = if out.is_empty() { "" } else { " " };
        let mut from = 0;
        for (i, c) in word.char_indices() {
            if c == '-' && i > from && i + 1 < word.len() {
                out.push((&word[from..=i], sep));
                sep = "";
                from = i + 1;
            }
        }
        out.push((&word[from..], sep));
    }
    out
}

/// The narrowest a column holding `text` can be without breaking a word.
pub fn min_width(text: &str) -> usize {
    text.lines()
        .flat_map(|line| {
            pieces(line)
                .into_iter()
                .enumerate()
                .map(|(i, (p, _))| width(p) + if i == 0 { 0 } else { HANG })
        })
        .max()
        .unwrap_or(0)
}

/// The widest line of `text`.
pub fn max_width(text: &str) -> usize {
    text.lines().map(width).max().unwrap_or(0)
}

/// `text` wrapped to `limit` columns: breaks at spaces, continuation
/// lines indented by [`HANG`]; a word too long for a line of its own is
/// broken after one of its hyphens. A piece wider than the limit stands
/// alone on its line rather than being cut.
pub fn wrap(text: &str, limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        if width(line) <= limit {
            out.push(line.to_string());
            continue;
        }
        let mut current = String::new();
        let mut filled = false;
        let mut words: Vec<(&str, &str)> = Vec::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let sep = if words.is_empty() { "" } else { " " };
            if width(word) + HANG <= limit {
                words.push((word, sep));
            } else {
                let mut parts = pieces(word).into_iter();
                if let Some((first, _)) = parts.next() {
                    words.push((first, sep));
                }
                words.extend(parts);
            }
        }
        for (piece, sep) in words {
            if filled && width(&current) + width(sep) + width(piece) > limit {
                out.push(current.trim_end().to_string());
                current = " ".repeat(HANG);
                filled = false;
            }
            if filled {
                current.push_str(sep);
            }
            current.push_str(piece);
            filled = true;
        }
        if filled {
            out.push(current.trim_end().to_string());
        }
    }
    out
}

/// Column widths for cells whose content needs `min` and would like `max`
/// columns, within `total` columns of content (borders excluded). The
/// columns listed in `first` get what they would like first (short columns
/// such as an id, so they do not wrap); the space left is shared by the
/// others in proportion to how much more each would like. `None` when even
/// the minimum does not fit.
pub fn columns(min: &[usize], max: &[usize], total: usize, first: &[usize]) -> Option<Vec<usize>> {
    let least: usize = min.iter().sum();
    if least > total {
        return None;
    }
    let mut widths = min.to_vec();
    let mut spare = total - least;
    for &i in first {
        let give = (max[i] - widths[i]).min(spare);
        widths[i] += give;
        spare -= give;
    }
    let wish: Vec<usize> = (0..min.len())
        .map(|i| {
            if first.contains(&i) {
                0
            } else {
                max[i] - min[i]
            }
        })
        .collect();
    let wished: usize = wish.iter().sum();
    if wished <= spare {
        for (i, w) in wish.iter().enumerate() {
            widths[i] += w;
        }
        return Some(widths);
    }
    for (i, w) in wish.iter().enumerate() {
        widths[i] += w * spare / wished;
    }
    // Rounding leftovers go to the columns that still want more, left first.
    let mut left = total - widths.iter().sum::<usize>();
    for (i, w) in widths.iter_mut().enumerate() {
        if left == 0 {
            break;
        }
        if *w < max[i] {
            let give = (max[i] - *w).min(left);
            *w += give;
            left -= give;
        }
    }
    Some(widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_and_after_hyphens_never_inside_a_word() {
        assert_eq!(
            wrap("kz-russia-border-length", 14),
            ["kz-russia-", "  border-", "  length"]
        );
        assert_eq!(
            wrap("000_f4926741994e602a.txt:9 ≈7500 km “7,500 kilometers”", 30),
            [
                "000_f4926741994e602a.txt:9",
                "  ≈7500 km “7,500 kilometers”"
            ]
        );
        // A word wider than the column stays whole.
        assert_eq!(wrap("abcdefghij xy", 4), ["abcdefghij", "  xy"]);
        assert_eq!(wrap("short", 40), ["short"]);
        assert_eq!(min_width("kz-russia-border-length"), 9);
        assert_eq!(min_width("a 001_ac4287f27224b710.txt:10"), 29);
        assert_eq!(width("Tokaïev 东京"), 12);
    }

    #[test]
    fn columns_follow_content_and_refuse_what_cannot_fit() {
        assert_eq!(columns(&[5, 5], &[10, 30], 100, &[]), Some(vec![10, 30]));
        // 20 spare columns shared 5 : 25 (rounded down, then the leftover to the left).
        assert_eq!(columns(&[5, 5], &[10, 30], 30, &[]), Some(vec![9, 21]));
        assert_eq!(columns(&[5, 5], &[10, 30], 9, &[]), None);
        // The first column is served first; the other two share the rest 10 : 30.
        assert_eq!(
            columns(&[5, 5, 5], &[10, 15, 35], 30, &[0]),
            Some(vec![10, 8, 12])
        );
    }
}
