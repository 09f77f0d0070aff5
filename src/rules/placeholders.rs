//! Placeholders rule authors may write inside patterns instead of hand-made
//! regexes: `{number}` stands for a number as newsrooms write it ("7,500",
//! "4.5", "seven", "twenty-five", "one hundred and forty-one", "25 million").
//! `{name}` is not regex syntax, so expanding it cannot change a valid regex.

const WORDS: &str = "seventeen|seventy|seven|eighteen|eighty|eight|nineteen|ninety|nine|fourteen|forty|four|fifteen|fifty|five|sixteen|sixty|six|thirteen|thirty|three|twelve|twenty|two|eleven|ten|one|zero";
const SCALES: &str = "hundred|thousand|million|billion|trillion";

/// The regex `{number}` expands to.
pub fn number() -> String {
    let digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[ -]?(?i:thousand|million|billion|trillion|bn|mn|m|k)\b)?";
    let word = format!(r"(?:{WORDS})\b");
    let any = format!(r"(?:{WORDS}|{SCALES})\b");
    format!(r"(?:{digits}|\b(?i:{word}(?:(?:[ -]|\s+and\s+){any})*))")
}

/// Every placeholder and its expansion.
pub fn table() -> Vec<(&'static str, String)> {
    vec![("{number}", number())]
}

/// `pattern` with every placeholder expanded.
pub fn expand(pattern: &str) -> String {
    let mut out = pattern.to_string();
    for (name, regex) in table() {
        out = out.replace(name, &regex);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn number_placeholder_matches_numbers_only() {
        let re = Regex::new(&format!("^{}$", number())).unwrap();
        for yes in [
            "7,500",
            "141",
            "4.5",
            "seven",
            "Seven",
            "twenty-five",
            "one hundred and forty-one",
            "25 million",
            "1.2bn",
        ] {
            assert!(re.is_match(yes), "{yes}");
        }
        for no in ["someone", "tense", "a", "and", "7,50"] {
            assert!(!re.is_match(no), "{no}");
        }
        let find = Regex::new(&format!("(?P<value>{})\\s+against", number())).unwrap();
        assert_eq!(
            &find.captures("141 voted in favor, seven against").unwrap()["value"],
            "seven"
        );
    }
}
