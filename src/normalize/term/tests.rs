//! Unit tables for the term kind: variants, garbles and acronyms.

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
    let table = [
        ("C5 1", "plus sign lost"),
        ("C51", "plus sign lost"),
        ("c5+1", "capitalization differs"),
        ("C-5+1", "hyphen added"),
        ("C5 + 1", "spacing differs"),
        ("C5/1", "plus sign lost, slash added"),
        ("G7", "spelled otherwise"),
    ];
    for (variant, hint) in table {
        assert_eq!(explain(variant, "C5+1"), hint, "{variant}");
    }
}

/// What the generated pattern finds in `text`, as the term normalizes it.
fn found(term: &dyn Normalizer, text: &str) -> Vec<String> {
    let patterns = term.default_patterns();
    assert_eq!(patterns.len(), 1);
    let re = regex::Regex::new(&patterns[0]).unwrap();
    re.captures_iter(text)
        .map(|c| {
            let v = c.name("value").unwrap();
            let m = RawMatch {
                text,
                value: v.range(),
                whole: v.range(),
                groups: vec![],
                published: None,
                timezone: None,
            };
            term.normalize(&m).unwrap().remove(0).value
        })
        .collect()
}

#[test]
fn the_default_pattern_tolerates_spacing_and_punctuation_at_word_boundaries() {
    let t = c5();
    let table: [(&str, &[&str]); 7] = [
        ("the C5+1's ministers (C5+1)", &["C5+1", "C5+1"]),
        ("after the meeting of the so-called C5 1.", &["C5 1"]),
        (
            "the C5 + 1 format and the C-5+1 group",
            &["C5 + 1", "C-5+1"],
        ),
        ("“C5+1”, he said", &["C5+1"]),
        ("a C5 10 cable", &[]),
        ("the AC5+1 unit", &[]),
        ("C5, 1 and 2", &[]),
    ];
    for (text, want) in table {
        assert_eq!(found(t.as_ref(), text), want, "{text}");
    }
}

/// Issue 19: "Alberstons" in the takeover coverage was found only when
/// listed in advance.
#[test]
fn typos_of_long_words_are_found_without_being_listed() {
    let t = TermKind
        .build(&toml::from_str("canonical = \"Albertsons\"").unwrap())
        .unwrap();
    let text = "Kroger agreed to buy Alberstons. Albertons and Albertsonns shares rose; albertsons too, Albertson's stores and Albertsons.";
    // The real 03-wicked-local headline writes it in a compound.
    let compound = "Is there an anti-trust concern with the Kroger-Alberstons merger";
    let found: Vec<&str> = t
        .find_spans(compound)
        .unwrap()
        .into_iter()
        .map(|r| &compound[r])
        .collect();
    assert_eq!(found, ["Alberstons"]);
    let spans: Vec<&str> = t
        .find_spans(text)
        .unwrap()
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(spans, ["Alberstons", "Albertons", "Albertsonns"]);
    let hints: Vec<String> = spans
        .iter()
        .map(|s| t.parse(s).unwrap().note.unwrap())
        .collect();
    assert_eq!(
        hints,
        [
            "variant of Albertsons: letters swapped",
            "variant of Albertsons: letter dropped",
            "variant of Albertsons: letter doubled"
        ]
    );
    assert_eq!(near_spelling("Albertsons", "Albertsons"), None);
    assert_eq!(near_spelling("Alberstones", "Albertsons"), None);
    let two = TermKind
        .build(&toml::from_str("canonical = \"Albertsons Companies\"").unwrap())
        .unwrap();
    let text = "at Albertsons Compaines and Alberstons Companies";
    let spans: Vec<&str> = two
        .find_spans(text)
        .unwrap()
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(spans, ["Albertsons Compaines", "Alberstons Companies"]);
    assert!(c5().find_spans("C5 1").is_none());
}

fn council() -> Box<dyn Normalizer> {
    let options: toml::Table = toml::from_str(
        "canonical = \"High-Level Strategic Cooperation Council\"\nacronym = \"HLSCC\"",
    )
    .unwrap();
    TermKind.build(&options).unwrap()
}

#[test]
fn an_acronym_agrees_with_its_spelled_out_form_and_garbles_conflict() {
    let t = council();
    let text = "The High-Level Strategic Cooperation Council (HLSCC) met; the HLSC and the HSLCC, \
                the HLSSCC, not the hlscc or the HLSCCX or the UN.";
    let found = found(t.as_ref(), text);
    assert_eq!(
        found,
        [
            "High-Level Strategic Cooperation Council",
            "HLSCC",
            "HLSC",
            "HSLCC",
            "HLSSCC"
        ]
    );
    let spelled = t.parse("High-Level Strategic Cooperation Council").unwrap();
    let acronym = t.parse("HLSCC").unwrap();
    assert!(t.agree(&spelled, &acronym));
    assert!(t.agree(&acronym, &t.implicit_expect().unwrap()));
    assert_eq!(
        acronym.note.as_deref(),
        Some("acronym of High-Level Strategic Cooperation Council")
    );
    let table = [
        ("HLSC", "letter dropped (C), acronym of record HLSCC"),
        ("HSLCC", "letters swapped (LS), acronym of record HLSCC"),
        ("HLSSCC", "letter doubled (S), acronym of record HLSCC"),
    ];
    for (garbled, hint) in table {
        let n = t.parse(garbled).unwrap();
        assert!(!t.agree(&n, &acronym), "{garbled}");
        assert_eq!(
            n.note.unwrap(),
            format!("variant of High-Level Strategic Cooperation Council: {hint}")
        );
    }
}

#[test]
fn short_acronyms_are_not_garbled_and_bad_acronyms_are_refused() {
    assert!(garbled("UN").is_empty());
    assert!(garbled("NATO").contains_key("NAO"));
    for bad in ["acronym = \"H\"", "acronym = \"H-L\"", "acronym = 5"] {
        let options: toml::Table =
            toml::from_str(&format!("canonical = \"High Level\"\n{bad}")).unwrap();
        let err = TermKind.build(&options).err().unwrap();
        assert!(err.contains("`acronym` must be letters"), "{bad}: {err}");
    }
}

#[test]
fn variants_with_other_letters_get_their_own_alternative() {
    let options: toml::Table =
        toml::from_str("canonical = \"C5+1\"\nvariants = [\"Central Asia Plus One\"]").unwrap();
    let t = TermKind.build(&options).unwrap();
    assert_eq!(
        found(t.as_ref(), "the Central Asia  Plus One format"),
        ["Central Asia Plus One"]
    );
    let v = t.parse("Central Asia Plus One").unwrap();
    assert_eq!(
        v.note.as_deref(),
        Some("variant of C5+1: spelled otherwise")
    );
}

#[test]
fn a_typo_leaves_half_of_the_word_whole() {
    // Every typo near_spelling knows keeps the first or the last half.
    for typo in [
        "Albertosns",
        "Albertons",
        "Albertssons",
        "Lbertsons",
        "Albertson",
    ] {
        assert!(near_spelling(typo, "Albertsons").is_some(), "{typo}");
        let text = format!("Kroger and {typo} agreed.");
        assert!(may_hold(&text, &["Kroger", "Albertsons"]), "{typo}");
    }
    // Without the word, the short word, or either half, the words are not listed.
    assert!(!may_hold(
        "Kroger agreed to buy a rival.",
        &["Kroger", "Albertsons"]
    ));
    assert!(!may_hold("Albertsons agreed.", &["Kroger", "Albertsons"]));
    assert!(!may_hold("Albany agreed.", &["Albertsons"]));
    // ASCII case is ignored; a long word that is not ASCII is always read.
    assert!(may_hold("KROGER and ALBERTSONS", &["Kroger", "Albertsons"]));
    assert!(may_hold("nothing", &["Çavuşoğlu"]));
}
