//! The segmenter: where the sentence holding a span starts and ends (periods
//! of abbreviations and initials do not end one), every sentence of a text,
//! the clauses of a sentence, and the sentence as reports quote it. Kind
//! readers use the bounds to look for context words (a weekday's tense, a
//! name's title) without leaving the sentence; `normalize::read::find_in`
//! reads the values of one sentence or clause.

use std::ops::Range;

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "prof", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "co", "corp", "ltd", "approx", "est",
];

/// Byte range of the sentence that holds `span` in `text`: from the previous
/// sentence end (or line start) to the next one (or line end).
pub fn sentence_bounds(text: &str, span: Range<usize>) -> Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    // The last sentence end before the span: search backwards (this runs
    // for every match, and a paragraph is often one long line).
    let start = text[line_start..span.start]
        .rmatch_indices(['.', '!', '?'])
        .map(|(i, _)| line_start + i)
        .find(|&at| ends_sentence(text, at))
        .map_or(line_start, |at| at + 1);
    let mut end = line_end;
    for (i, _) in text[span.end..line_end].match_indices(['.', '!', '?']) {
        let at = span.end + i;
        if ends_sentence(text, at) {
            end = at + 1;
            break;
        }
    }
    start..end
}

/// Whether the punctuation at byte `at` ends a sentence: it is followed by
/// white space (or the end of the text), and it is not the period of an
/// abbreviation or an initial ("U.S.", "Feb.").
fn ends_sentence(text: &str, at: usize) -> bool {
    let after = &text[at + 1..];
    let next = after.chars().next();
    if !matches!(
        next,
        None | Some(' ' | '\t' | '\r' | '\n' | '"' | '”' | '’' | ')')
    ) {
        return false;
    }
    if &text[at..at + 1] != "." {
        return true;
    }
    let word_start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(at, |(i, _)| i);
    let word = &text[word_start..at];
    let last = word.rsplit('.').next().unwrap_or("");
    if word.contains('.') || (last.chars().count() == 1 && last.chars().all(char::is_uppercase)) {
        return false;
    }
    if last.is_ascii() {
        !ABBREVIATIONS.iter().any(|a| last.eq_ignore_ascii_case(a))
    } else {
        !ABBREVIATIONS.contains(&last.to_lowercase().as_str())
    }
}

/// Every sentence of `text`, in order, trimmed of surrounding white space
/// (a line break ends a sentence too, so a headline is one).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_in(text, 0..text.len())
}

/// Every sentence of `text[within]` (an article body after its front
/// matter), with byte ranges into `text`.
pub fn sentences_in(text: &str, within: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = within.start;
    let text = &text[..within.end];
    while pos < text.len() {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        if pos >= text.len() {
            break;
        }
        let bounds = sentence_bounds(text, pos..pos);
        let end = bounds
            .end
            .max(pos + rest.trim_start().chars().next().map_or(1, char::len_utf8));
        let trimmed = trim(text, pos..end);
        if !trimmed.is_empty() {
            out.push(trimmed);
        }
        pos = end;
    }
    out
}

/// The clauses of `text[sentence]`: split at `;`, at an em or en dash
/// between spaces, and at `,` or `:` followed by white space (so "7,500"
/// and "10:30" stay whole). Each clause is trimmed, without its separator.
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let part = &text[sentence.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in part.char_indices() {
        let after = &part[i + c.len_utf8()..];
        let splits = match c {
            ';' => true,
            ',' | ':' => after.starts_with(char::is_whitespace),
            '—' | '–' => {
                part[..i].ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace)
            }
            _ => false,
        };
        if splits {
            out.push(sentence.start + start..sentence.start + i);
            start = i + c.len_utf8();
        }
    }
    out.push(sentence.start + start..sentence.end);
    out.into_iter()
        .map(|r| trim(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// `range` without the white space at its ends.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start().len());
    let end = range.end - (part.len() - part.trim_end().len());
    start..end.max(start)
}

/// The sentence around `span`, trimmed and shortened to at most `max` characters.
pub fn quote(text: &str, span: Range<usize>, max: usize) -> String {
    let bounds = sentence_bounds(text, span.clone());
    let sentence = text[bounds.clone()].trim();
    let collapsed: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    // Keep the match in view: centre the window on it.
    let rel = text[bounds.start..span.start].trim_start().chars().count();
    let half = max / 2;
    let start = rel.saturating_sub(half);
    let chars: Vec<char> = collapsed.chars().collect();
    let end = (start + max).min(chars.len());
    let start = end.saturating_sub(max);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let text = "He left. The U.S. envoy met Gen. Smith on Feb. 24 in Astana. Then home.";
        let at = text.find("24").unwrap();
        assert_eq!(
            quote(text, at..at + 2, 200),
            "The U.S. envoy met Gen. Smith on Feb. 24 in Astana."
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_match() {
        let text = format!("{} 7,500 km {}", "word ".repeat(100), "word ".repeat(100));
        let at = text.find("7,500").unwrap();
        let q = quote(&text, at..at + 5, 60);
        assert!(q.contains("7,500 km"), "{q}");
        assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
        assert_eq!(q.chars().count(), 62);
    }

    #[test]
    fn sentences_cover_the_text_in_order() {
        let text =
            "Headline without a period\nHe left. The U.S. envoy met Gen. Smith.  Then home!\n\n";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Headline without a period",
                "He left.",
                "The U.S. envoy met Gen. Smith.",
                "Then home!"
            ]
        );
        assert!(sentences("  \n ").is_empty());
    }

    #[test]
    fn clauses_split_at_punctuation_not_inside_numbers() {
        let text = "Officials said 7,500 km of border, about 40% of it, was agreed; talks resumed at 10:30 — briefly: twice.";
        let sentence = 0..text.len();
        let got: Vec<&str> = clauses(text, sentence)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            [
                "Officials said 7,500 km of border",
                "about 40% of it",
                "was agreed",
                "talks resumed at 10:30",
                "briefly",
                "twice."
            ]
        );
    }
}
