//! The tokenizer and the analysis chain on arbitrary answers and options: offsets on char
//! boundaries, in order, slicing the answer; counted keys non-empty; the memoized chain (a
//! `Tally`) gives the tokens and counts of the plain one (`Analyzer::analyze`, `count_into`).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wortwolke_text::{
    AnalyzerConfig, Counter, Language, SynonymMap, TableOptions, Tally, TokenKind,
};

#[derive(Debug, Arbitrary)]
struct Input {
    english: bool,
    stem: bool,
    fold_umlauts: bool,
    keep_numbers: bool,
    keep_negation: bool,
    codebook: bool,
    list: Option<String>,
    phrases: Vec<String>,
    answers: Vec<String>,
}

const CODEBOOK: &str =
    "Personalmangel = fehlendes Personal, zu wenig Personal, Personalknappheit\n\
                        Zeit = Zeitmangel, keine Zeit\nE-Akte = elektronische Akte, eAkte";

fuzz_target!(|input: Input| {
    let mut config = AnalyzerConfig::new(if input.english {
        Language::English
    } else {
        Language::German
    })
    .stem(input.stem)
    .fold_umlauts(input.fold_umlauts)
    .keep_numbers(input.keep_numbers)
    .keep_negation(input.keep_negation)
    .phrases(input.phrases.iter().take(4).cloned());
    if input.codebook {
        config =
            config.synonyms(SynonymMap::from_reader("codes.txt", CODEBOOK.as_bytes()).unwrap());
    }
    if let Some(list) = input
        .list
        .filter(|l| !l.is_empty() && l.chars().count() <= 3)
    {
        config = config.split_list(list);
    }
    // phrases the configuration refuses (one word, empty) are an error, not a panic
    let Ok(analyzer) = config.build() else {
        return;
    };
    let answers = &input.answers[..input.answers.len().min(16)];
    let mut tally = Tally::new(&analyzer);
    let mut plain = Counter::default();
    for answer in answers {
        let tokens = analyzer.analyze(answer);
        let mut end = 0;
        for t in &tokens {
            assert!(
                answer.get(t.offset.clone()).is_some(),
                "{:?} does not slice {answer:?}",
                t.offset
            );
            assert!(
                t.offset.start < t.offset.end,
                "empty token {t:?} in {answer:?}"
            );
            assert!(t.offset.start >= end, "{t:?} out of order in {answer:?}");
            end = t.offset.end;
            if t.kind == TokenKind::Word {
                assert!(!t.key.is_empty(), "empty key {t:?} in {answer:?}");
            }
        }
        assert_eq!(
            tally.analyze(answer),
            tokens.as_slice(),
            "memo vs plain: {answer:?}"
        );
        analyzer.count_into(answer, &mut plain);
    }
    let mut counting = Tally::new(&analyzer);
    for answer in answers {
        counting.count(answer);
    }
    assert_eq!(counting.counter(), &plain, "memo vs plain counts");
    let table = counting.finish().table(&TableOptions::default());
    assert_eq!(table.answers, answers.len() as u64);
    for term in &table.terms {
        assert!(!term.key.is_empty() && !term.label.is_empty(), "{term:?}");
    }
});
