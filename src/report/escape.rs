//! Escaping for the Markdown report: article text, file names, outlets and
//! warnings are data, never markup. HTML (`<script>`, `<img onerror>`) is
//! escaped by `pulldown-cmark-escape` (the escaping of the pulldown-cmark
//! Markdown renderer), Markdown punctuation by a backslash, and link
//! targets are percent-encoded so that a file named `javascript:alert(1).md`
//! stays a relative link.

use pulldown_cmark_escape::{escape_href, escape_html_body_text};

/// Markdown punctuation that could start markup inside a line.
const INLINE: &[char] = &['\\', '`', '*', '[', ']', '|', '~'];

/// Text as a table cell or a line of the report: HTML escaped, Markdown
/// punctuation backslashed, line breaks turned into spaces, and a marker
/// that would start a block at the start of a line (`# `, `- `, `+ `, `>`,
/// `1. `) escaped.
pub fn text(raw: &str) -> String {
    let mut html = String::with_capacity(raw.len());
    // Writing to a String cannot fail.
    let _ = escape_html_body_text(&mut html, raw);
    let mut out = String::with_capacity(html.len() + 8);
    let mut chars = html.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        match c {
            // Inside a word (`abstained_or_absent`) an underscore is no emphasis.
            '_' if previous.is_alphanumeric() && next.is_alphanumeric() => out.push('_'),
            '_' => out.push_str("\\_"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{fffd}'),
            c if INLINE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        previous = c;
    }
    let at = out.len() - out.trim_start().len();
    if let Some(marker) = block_marker(&out[at..]) {
        out.insert(at + marker, '\\');
    }
    out
}

/// Where a block marker starts `line` would begin (its byte offset), if any.
fn block_marker(line: &str) -> Option<usize> {
    let ends = |rest: &str| rest.is_empty() || rest.starts_with(' ');
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let heading = (1..=6).contains(&hashes) && ends(&line[hashes..]);
    let bullet = line.starts_with(['-', '+']) && ends(&line[1..]);
    if line.starts_with('>') || heading || bullet {
        Some(0)
    } else if digits > 0 && line[digits..].starts_with(['.', ')']) && ends(&line[digits + 1..]) {
        Some(digits)
    } else {
        None
    }
}

/// A relative path as a link target: percent-encoded (parentheses and
/// spaces too, so the link cannot end early), and `./` in front when a
/// colon before the first `/` would read as a scheme (`javascript:`).
pub fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let first = path.split('/').next().unwrap_or("");
    if first.contains(':') && !path.starts_with('/') {
        out.push_str("./");
    }
    let mut encoded = String::with_capacity(path.len());
    let _ = escape_href(&mut encoded, path);
    for c in encoded.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_in_text_are_data() {
        assert_eq!(
            text("<script>alert(1)</script> & <img src=x onerror=alert(1)>"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            text("a | b [x](javascript:y) *c*"),
            "a \\| b \\[x\\](javascript:y) \\*c\\*"
        );
        assert_eq!(text("# Heading"), "\\# Heading");
        assert_eq!(text("1. first"), "1\\. first");
        assert_eq!(text("1.2 km"), "1.2 km");
        assert_eq!(text("-5 degrees"), "-5 degrees");
        assert_eq!(text("- item"), "\\- item");
        assert_eq!(text("#1 seed"), "#1 seed");
        assert_eq!(text("two\nlines\u{1b}[31m"), "two lines\u{fffd}\\[31m");
        assert_eq!(text("Tokaïev, 7,500 km"), "Tokaïev, 7,500 km");
        assert_eq!(text("did_not_vote _x_"), "did_not_vote \\_x\\_");
    }

    #[test]
    fn link_targets_cannot_become_schemes_or_end_early() {
        assert_eq!(href("seeds/000_f49.txt"), "seeds/000_f49.txt");
        assert_eq!(
            href("javascript:alert(1).md"),
            "./javascript:alert%281%29.md"
        );
        assert_eq!(href("../a b.md"), "../a%20b.md");
        assert!(!href("x\".md").contains('"'));
    }
}
