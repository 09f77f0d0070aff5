//! `kind = "term"`: a name of a thing with one canonical spelling ("C5+1")
//! and known variants ("C5 1": the plus sign lost in translation). A variant
//! is the same term written otherwise: reported as a conflict against the
//! canonical spelling, with a hint saying how it differs. Options:
//! `canonical` (required) and `variants` (a list of spellings, or a table of
//! spelling = "hint").

use super::{Key, Kind, Normalized, Normalizer, RawMatch};
use std::collections::BTreeMap;

pub struct TermKind;

impl Kind for TermKind {
    fn name(&self) -> &'static str {
        "term"
    }

    fn options(&self) -> &'static [&'static str] {
        &["canonical", "variants"]
    }

    fn build(&self, options: &toml::Table) -> Result<Box<dyn Normalizer>, String> {
        let canonical = options
            .get("canonical")
            .ok_or("a term fact needs `canonical` (the spelling of record)")?
            .as_str()
            .ok_or("`canonical` must be a string")?;
        let mut variants = BTreeMap::new();
        match options.get("variants") {
            None => {}
            Some(toml::Value::Array(list)) => {
                for v in list {
                    let v = v.as_str().ok_or("`variants` must hold strings")?;
                    variants.insert(collapse(v), explain(v, canonical));
                }
            }
            Some(toml::Value::Table(table)) => {
                for (v, hint) in table {
                    let hint = hint
                        .as_str()
                        .ok_or("each variant's hint must be a string")?;
                    variants.insert(collapse(v), hint.to_string());
                }
            }
            Some(_) => {
                return Err(
                    "`variants` must be a list of spellings or a table of spelling = \"hint\""
                        .into(),
                )
            }
        }
        Ok(Box::new(Term {
            canonical: collapse(canonical),
            variants,
        }))
    }
}

#[derive(Debug)]
pub struct Term {
    pub canonical: String,
    /// Known variant spelling → hint.
    pub variants: BTreeMap<String, String>,
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A hint for how `variant` differs from `canonical`.
pub fn explain(variant: &str, canonical: &str) -> String {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    if canonical.contains('+') && !variant.contains('+') && squash(variant) == squash(canonical) {
        return "plus sign lost".into();
    }
    if variant.to_lowercase() == canonical.to_lowercase() {
        return "capitalization differs".into();
    }
    if squash(variant) == squash(canonical) {
        return "spacing or punctuation differs".into();
    }
    "spelled otherwise".into()
}

impl Normalizer for Term {
    fn normalize(&self, m: &RawMatch) -> Result<Vec<Normalized>, String> {
        let written = collapse(m.value_str());
        if written.is_empty() {
            return Err("empty term".into());
        }
        let mut n = Normalized::new(written.clone(), Key::Label(written.clone()));
        if written != self.canonical {
            let hint = self
                .variants
                .get(&written)
                .cloned()
                .unwrap_or_else(|| explain(&written, &self.canonical));
            n.note = Some(format!("variant of {}: {hint}", self.canonical));
        }
        Ok(vec![n])
    }

    fn implicit_expect(&self) -> Option<Normalized> {
        Some(Normalized::new(
            self.canonical.clone(),
            Key::Label(self.canonical.clone()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c5() -> Box<dyn Normalizer> {
        let options: toml::Table =
            toml::from_str("canonical = \"C5+1\"\nvariants = [\"C5 1\", \"C-5+1\"]").unwrap();
        TermKind.build(&options).unwrap()
    }

    #[test]
    fn variants_carry_a_hint_and_do_not_agree_with_the_canonical() {
        let t = c5();
        let garbled = t.parse("C5  1").unwrap();
        assert_eq!(garbled.value, "C5 1");
        assert_eq!(
            garbled.note.as_deref(),
            Some("variant of C5+1: plus sign lost")
        );
        let canonical = t.parse("C5+1").unwrap();
        assert_eq!(canonical.note, None);
        assert!(!t.agree(&garbled, &canonical));
        assert!(t.agree(&canonical, &t.implicit_expect().unwrap()));
    }

    #[test]
    fn explains_how_a_spelling_differs() {
        assert_eq!(explain("C5 1", "C5+1"), "plus sign lost");
        assert_eq!(explain("c5+1", "C5+1"), "capitalization differs");
        assert_eq!(explain("C-5+1", "C5+1"), "spacing or punctuation differs");
        assert_eq!(explain("G7", "C5+1"), "spelled otherwise");
    }
}
