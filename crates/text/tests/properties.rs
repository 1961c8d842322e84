//! Invariants that hold for any input: offsets slice the answer, counts add up, counters merge.

use proptest::prelude::*;
use wortwolke_text::{Analyzer, AnalyzerConfig, Counter, Tally, TokenKind, Tokenizer, Weight};

/// Answers made of German-looking pieces, punctuation, marks and arbitrary Unicode.
fn answer() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "Personal", "personal", "Bürger*innen", "BürgerInnen", "EfA-Dienste", "E-Akte", "z. B.", "z.B.",
            "bzw.", "Servicekonto.NRW", "Bund.ID", "keine", "nicht", "Zeit", "fehlende", "fehlt", "Anträge",
            "www.bund.de", "a@b.de", "2021", "3,5", "k.A.", "Digitale", "Fehlende", "Modellregion", "-", "/", "…",
        ]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![" ", " ", ", ", ". ", "\n", "; ", "!", "*", ":", "_", "\u{00AD}", "\u{0308}"])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn offsets_always_slice_the_input(text in answer()) {
        for analyzer in [Analyzer::german(), Analyzer::from_config(&AnalyzerConfig { keep_negation: true, keep_numbers: true, ..Default::default() }).unwrap()] {
            let tokens = analyzer.analyze(&text);
            let mut end = 0;
            for t in &tokens {
                prop_assert!(text.get(t.offset.clone()).is_some(), "{:?} in {:?}", t.offset, text);
                prop_assert!(t.offset.start >= end && t.offset.start < t.offset.end);
                end = t.offset.end;
            }
        }
    }

    #[test]
    fn tokenizer_offsets_slice_arbitrary_strings(text in any::<String>()) {
        for t in Tokenizer::default().tokenize(&text) {
            prop_assert!(text.get(t.offset.clone()).is_some());
        }
    }

    #[test]
    fn counts_add_up(answers in prop::collection::vec(answer(), 0..20)) {
        let analyzer = Analyzer::german();
        let words: u64 = answers
            .iter()
            .filter(|a| !analyzer.is_no_answer(a))
            .map(|a| analyzer.analyze(a).iter().filter(|t| t.kind == TokenKind::Word).count() as u64)
            .sum();
        let table = analyzer.count(answers.iter().map(String::as_str)).table(Weight::Answers, analyzer.labels());
        prop_assert_eq!(table.answers, answers.len() as u64);
        prop_assert_eq!(table.answered + table.no_answer, table.answers);
        prop_assert_eq!(table.terms.iter().map(|t| t.occurrences).sum::<u64>(), words);
        for term in &table.terms {
            prop_assert!(term.answers >= 1 && term.answers <= table.answered);
            prop_assert!(term.answers <= term.occurrences);
            prop_assert_eq!(term.variants.iter().map(|v| v.count).sum::<u64>(), term.occurrences);
            prop_assert!(term.share > 0.0 && term.share <= 1.0);
        }
    }

    #[test]
    fn merged_shards_equal_one_counter(answers in prop::collection::vec(answer(), 0..24), a in 0usize..24, b in 0usize..24) {
        let analyzer = Analyzer::german();
        let (a, b) = (a.min(answers.len()), b.min(answers.len()));
        let (a, b) = (a.min(b), a.max(b));
        // each shard numbers its answers from where it starts in the input
        let count = |start: usize, part: &[String]| {
            let mut tally = Tally::new(&analyzer);
            tally.seek(start as u64);
            for answer in part {
                tally.count(answer);
            }
            tally.into_counter()
        };
        let whole = count(0, &answers);
        let (x, y, z) = (count(0, &answers[..a]), count(a, &answers[a..b]), count(b, &answers[b..]));
        // (x + y) + z
        let mut left = x.clone();
        left.merge(y.clone());
        left.merge(z.clone());
        // x + (y + z)
        let mut yz = y;
        yz.merge(z);
        let mut right = x;
        right.merge(yz);
        let table = |c: &Counter| c.table(Weight::Answers, analyzer.labels());
        prop_assert_eq!(table(&left), table(&whole));
        prop_assert_eq!(table(&right), table(&whole));
        prop_assert_eq!(&left, &whole);
    }

    /// A subset read back from a counter is the counter of its answers alone (positions kept),
    /// also after merging shards counted in separate counters.
    #[test]
    fn subsets_equal_their_own_counters(generated in prop::collection::vec((answer(), 0usize..3), 0..24), cut in 0usize..24) {
        let analyzer = Analyzer::german();
        // case twins named in one answer (their overlap must reach the subsets too)
        let mut answers: Vec<(String, usize)> = vec![
            ("Digitale Akte, digitale Zeit".into(), 0),
            ("Digitale Dienste".into(), 0),
            ("digitale Akte".into(), 1),
        ];
        answers.extend(generated);
        let count = |start: usize, part: &[(String, usize)]| {
            let mut tally = Tally::new(&analyzer);
            tally.seek(start as u64);
            for (answer, group) in part {
                tally.count_in(&[*group, 3]);
                tally.count(answer);
            }
            tally.into_counter()
        };
        let cut = cut.min(answers.len());
        let whole = count(0, &answers);
        let mut merged = count(0, &answers[..cut]);
        merged.merge(count(cut, &answers[cut..]));
        for group in 0..3 {
            let mut alone = Tally::new(&analyzer);
            for (i, (answer, g)) in answers.iter().enumerate() {
                if *g == group {
                    alone.seek(i as u64);
                    alone.count(answer);
                }
            }
            let alone = alone.into_counter();
            let table = |c: &Counter| c.table(Weight::Answers, analyzer.labels());
            prop_assert_eq!(table(&whole.subset(group)), table(&alone));
            prop_assert_eq!(table(&merged.subset(group)), table(&alone));
        }
        // subset 3 holds every answer: it is the whole counter again
        let table = |c: &Counter| c.table(Weight::Answers, analyzer.labels());
        prop_assert_eq!(table(&whole.subset(3)), table(&whole));
        prop_assert_eq!(&merged, &whole);
    }

    /// The memo of a tally changes nothing: its tokens and counts are those of the plain chain,
    /// with token rules only and with filters that see whole answers (negation, codebook).
    #[test]
    fn tally_equals_plain_analysis(answers in prop::collection::vec(answer(), 0..24)) {
        let codebook = "Personalmangel = fehlendes Personal, zu wenig Personal\nZeit = Zeitmangel";
        let synonyms = wortwolke_text::SynonymMap::from_reader("codes.txt", codebook.as_bytes()).unwrap();
        let configs = [
            AnalyzerConfig::default(),
            AnalyzerConfig { keep_numbers: true, fold_umlauts: true, ..Default::default() },
            AnalyzerConfig { keep_negation: true, synonyms: Some(synonyms), ..Default::default() },
        ];
        for config in &configs {
            let analyzer = Analyzer::from_config(config).unwrap();
            let mut tally = Tally::new(&analyzer);
            let mut plain = Counter::default();
            for answer in &answers {
                let expected = analyzer.analyze(answer);
                prop_assert_eq!(tally.analyze(answer), expected.as_slice());
                analyzer.count_into(answer, &mut plain);
            }
            let mut counting = Tally::new(&analyzer);
            for answer in &answers {
                counting.count(answer);
            }
            prop_assert_eq!(counting.counter(), &plain);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Untrusted list files: any bytes give a list, a codebook or a one-line error — never a panic.
    #[test]
    fn list_parsers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), text in "[A-Za-zäöü =,;#\n*.-]{0,200}") {
        let _ = wortwolke_text::SynonymMap::from_reader("codes.txt", &bytes[..]);
        let _ = wortwolke_text::StopWordList::from_reader("stop.txt", &bytes[..]);
        if let Ok(map) = wortwolke_text::SynonymMap::from_reader("codes.txt", text.as_bytes()) {
            let config = AnalyzerConfig { synonyms: Some(map), phrases: text.lines().map(str::to_owned).collect(), keep_negation: true, ..Default::default() };
            if let Ok(analyzer) = Analyzer::from_config(&config) {
                for line in text.lines() {
                    for t in analyzer.analyze(line) {
                        prop_assert!(line.get(t.offset.clone()).is_some());
                    }
                }
            }
        }
        if let Err(e) = wortwolke_text::SynonymMap::from_reader("codes.txt", text.as_bytes()) {
            let message = e.to_string();
            prop_assert!(message.starts_with("codes.txt:") && !message.contains('\n'), "{}", message);
        }
    }
}
