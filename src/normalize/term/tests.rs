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
        "ALBERTSONS",
    ] {
        assert!(find::may_be(typo, "Albertsons"), "{typo}");
    }
    // Neither half, or two letters more: no typo of the word.
    for other in ["Albany", "Albxrtsonsx", "Xlbertsonx", "Albertsonsss"] {
        assert!(!find::may_be(other, "Albertsons"), "{other}");
    }
    // A word that is not ASCII is always compared.
    assert!(find::may_be("Çavuşoğlu", "Cavusoglu"));
    assert!(find::may_be("Albertsons", "Çavuşoğlu"));
}

/// The spans of [`Normalizer::find_spans`] as first written: every window
/// of the article's words compared, left to right.
fn every_window(canonical: &str, text: &str) -> Vec<std::ops::Range<usize>> {
    let want: Vec<&str> = canonical
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<super::super::fold::Word> = super::super::fold::words(text)
        .into_iter()
        .flat_map(|w| {
            let mut parts = Vec::new();
            let mut start = w.span.start;
            for (i, c) in text[w.core.clone()].char_indices() {
                if c == '-' {
                    let end = w.core.start + i;
                    parts.push(super::super::fold::Word {
                        span: start..end,
                        core: start..end,
                    });
                    start = end + 1;
                }
            }
            parts.push(super::super::fold::Word {
                span: start..w.span.end,
                core: start..w.core.end,
            });
            parts
        })
        .filter(|w| !w.core.is_empty())
        .collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i + want.len() <= words.len() {
        let run = &words[i..i + want.len()];
        let joined = run.windows(2).all(|p| {
            text[p[0].span.end..p[1].span.start]
                .chars()
                .all(|c| c == ' ' || c == '-')
        });
        let mut typos = 0;
        let fits = joined
            && run.iter().zip(&want).all(|(w, c)| {
                let written = &text[w.core.clone()];
                if written.eq_ignore_ascii_case(c) {
                    return true;
                }
                if squash(&text[w.span.clone()]).eq_ignore_ascii_case(c) {
                    return false;
                }
                let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
                let typo = c.chars().count() >= 7
                    && capital(written) == capital(c)
                    && near_spelling(written, c).is_some();
                typos += usize::from(typo);
                typo
            });
        if fits && typos > 0 {
            spans.push(run[0].span.start..run[want.len() - 1].core.end);
            i += want.len();
        } else {
            i += 1;
        }
    }
    spans
}

/// The article's words listed once and compared by length find what
/// comparing every window found, on texts of typos, compounds,
/// possessives, capitals and letters that are not ASCII.
#[test]
fn words_listed_once_find_what_every_window_found() {
    let pieces = [
        "Albertsons",
        "Alberstons",
        "Albertons",
        "Albertsonns",
        "albertsons",
        "ALBERTSONS",
        "Albertson's",
        "Albertsons’s",
        "Albertsons'",
        "Kroger-Alberstons",
        "Companies",
        "Compaines",
        "Companis",
        "companies",
        "Kroger",
        "and",
        "the",
        "Çavuşoğlu",
        "Çavuşoglu",
        "Cavuşoğlu",
        "\u{212A}roger",
        "Krogger",
        "İstanbul",
        "Istanbul",
        "Istanbull",
        "a-b",
        "--",
        "-",
        "(",
        ")",
        "\n",
        ".",
        ",",
        "“",
        "Arpemish",
        "Arpemsih",
        "6",
        "Arpemishh",
    ];
    let seps = [" ", " ", " ", "  ", "-", ", ", "\n", " – "];
    let canonicals = [
        "Albertsons",
        "Albertsons Companies",
        "Kroger Albertsons",
        "Çavuşoğlu",
        "İstanbul",
        "Arpemish+6",
        "Companies of Albertsons",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut compared = 0;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..next(24) {
            text.push_str(pieces[next(pieces.len())]);
            text.push_str(seps[next(seps.len())]);
        }
        for canonical in canonicals {
            let term = TermKind
                .build(&toml::from_str(&format!("canonical = \"{canonical}\"")).unwrap())
                .unwrap();
            let want = every_window(canonical, &text);
            compared += want.len();
            assert_eq!(
                term.find_spans(&text).unwrap(),
                want,
                "{canonical} in {text:?}"
            );
            let index = super::super::TextIndex::new(&text);
            for from in (0..=text.len()).filter(|&f| text.is_char_boundary(f)) {
                let shifted: Vec<_> = every_window(canonical, &text[from..])
                    .into_iter()
                    .map(|s| s.start + from..s.end + from)
                    .collect();
                assert_eq!(
                    term.find_spans_in(&index, from).unwrap(),
                    shifted,
                    "{canonical} in {text:?} from {from}"
                );
            }
        }
    }
    assert!(compared > 1000, "{compared} spans compared");
}
