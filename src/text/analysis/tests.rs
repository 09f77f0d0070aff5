//! Unit tests of `text::analysis`.

use super::*;
use crate::text::words::phrase;

const TEXT: &str = "Quake kills 398\nThe death toll rose to 398, officials said; 1,801 were injured. Deaths rose again.";

#[test]
fn phrases_are_found_by_folded_words_within_sentences() {
    let a = Analysis::new(TEXT, 0..TEXT.len());
    assert_eq!(a.sentences(), [(0, 0), (1, 0), (1, 1)]);
    let toll = a.find(&phrase("death tolls"));
    assert_eq!(toll.len(), 1);
    assert_eq!(&TEXT[toll[0].span.clone()], "death toll");
    let killed = a.find(&phrase("killed"));
    assert_eq!(killed[0].sentence, (0, 0), "the headline is a sentence");
    // "death" in sentences 1 and 2 ("Deaths").
    let death: Vec<SentenceId> = a
        .find(&phrase("death"))
        .iter()
        .map(|o| o.sentence)
        .collect();
    assert_eq!(death, [(1, 0), (1, 1)]);
    assert_eq!(a.previous((1, 0)), Some((0, 0)));
    // "injured. Deaths" is no phrase: it would cross a sentence end.
    assert!(a.find(&phrase("injured deaths")).is_empty());
    assert!(a.in_sentence(&phrase("injure"), (1, 0)));
    assert!(!a.in_sentence(&phrase("injure"), (1, 1)));
    // A phrase with a five-letter piece reads only the sentences holding it.
    let a = Analysis::new(TEXT, 0..TEXT.len());
    assert_eq!(a.find(&phrase("officials")).len(), 1);
    assert!(a.parts[0].get().is_none(), "the headline was not read");
}

#[test]
fn short_cues_are_found_in_words_with_dots_too() {
    let text = "Aid rose.\nThe U.S. gave it.\nThey voted; the vote stood.\nNo one.";
    let a = Analysis::new(text, 0..text.len());
    let us: Vec<&str> = a
        .find(&phrase("US"))
        .iter()
        .map(|o| &text[o.span.clone()])
        .collect();
    assert_eq!(us, ["U.S"]);
    let votes: Vec<&str> = a
        .find(&phrase("vote"))
        .iter()
        .map(|o| &text[o.span.clone()])
        .collect();
    assert_eq!(votes, ["voted", "vote"]);
    assert_eq!(a.find(&phrase("aid")).len(), 1);
    assert!(a.parts[3].get().is_none(), "the last line was not read");
    assert_eq!(
        dotted_runs("The U.S. and 6.1, end."),
        [(4..8, "us".to_string()), (13..17, "61,".to_string())]
    );
}

#[test]
fn a_long_text_keeps_few_sentences_and_reads_them_again_alike() {
    let text: String = (0..KEPT_SENTENCES + 500)
        .map(|i| format!("Vote {i} passed. It was close.\n"))
        .collect();
    let a = Analysis::new(&text, 0..text.len());
    let first = a.find(&phrase("voted"));
    assert_eq!(first.len(), KEPT_SENTENCES + 500);
    assert_eq!(&text[first[7].span.clone()], "Vote");
    assert!(a.read.borrow().len() <= KEPT_SENTENCES);
    assert!(
        a.parts[1].get().is_some(),
        "the sentence ranges of the lines read stay"
    );
    assert_eq!(a.find(&phrase("votes")), first, "read again, found alike");
    assert!(a.find(&phrase("close")).iter().all(|o| o.sentence.1 == 1));
}

#[test]
fn clauses_and_words_between() {
    let a = Analysis::new(TEXT, 0..TEXT.len());
    let at = TEXT.find("1,801").unwrap();
    let clause = a.clause_at(at).unwrap();
    assert_eq!(&TEXT[clause], "1,801 were injured.");
    let toll = TEXT.find("toll").unwrap();
    let value = TEXT.find("398,").unwrap();
    let between: Vec<&str> = a
        .between(&(toll..toll + 4), &(value..value + 3))
        .words()
        .iter()
        .map(|w| &TEXT[w.span.clone()])
        .collect();
    assert_eq!(between, ["rose", "to"]);
    assert_eq!(a.sentence_at(TEXT.len() - 1), Some((1, 1)));
    assert_eq!(a.sentence_at(15), None, "the line break is in no sentence");
}

/// The texts of the seed articles and of every fixture article.
fn articles() -> Vec<String> {
    let mut texts = Vec::new();
    let mut folders = vec![std::path::PathBuf::from("seeds"), "tests/fixtures".into()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                texts.push(std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    texts
}

#[test]
fn phrases_are_found_wherever_the_words_of_a_sentence_hold_them() {
    let phrases = [
        "vote",
        "US",
        "aid",
        "abstain",
        "in favor",
        "General Assembly",
        "Kazakh",
        "last year",
        "1991",
        "five former Soviet",
        "Blinken",
        "said",
        "killed",
        "p.m.",
    ];
    let texts = articles();
    assert!(texts.len() > 100, "{} articles", texts.len());
    let (mut held, mut tested) = (0, 0);
    for text in &texts {
        let a = Analysis::new(text, 0..text.len());
        for p in phrases {
            let phrase = phrase(p);
            let found: Vec<SentenceId> = a.find(&phrase).iter().map(|o| o.sentence).collect();
            for s in a.sentences() {
                // Every run of the sentence's words, compared word by word.
                let sentence = a.sentence(s);
                let runs: Vec<usize> = (0..sentence.words.len())
                    .filter(|&i| {
                        i + phrase.len() <= sentence.words.len()
                            && phrase
                                .iter()
                                .zip(&sentence.words[i..])
                                .all(|(p, w)| p.as_str() == &*w.stem)
                    })
                    .collect();
                let starts: Vec<usize> = a
                    .find_in(&phrase, s)
                    .iter()
                    .map(|o| o.words.start)
                    .collect();
                assert_eq!(starts, runs, "{p:?} in {:?}", &text[a.range(s)]);
                assert_eq!(
                    found.contains(&s),
                    !runs.is_empty(),
                    "{p:?} in {:?}",
                    &text[a.range(s)]
                );
                held += usize::from(!runs.is_empty());
                tested += 1;
            }
        }
    }
    assert!(held > 100 && tested > 10 * held, "{held} of {tested}");
}
