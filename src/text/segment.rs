//! Sentences: where the sentence holding a span starts and ends (periods of
//! abbreviations and initials do not end one), and the sentence as reports
//! quote it. Kind readers use the bounds to look for context words (a
//! weekday's tense, a name's title) without leaving the sentence.

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
}
