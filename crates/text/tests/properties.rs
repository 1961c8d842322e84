//! Invariants that hold for any input: offsets slice the answer, counts add up, counters merge.

use proptest::prelude::*;
use std::collections::BTreeMap;

use wortwolke_text::{
    Analyzer, AnalyzerConfig, Counted, Counter, TableOptions, Tally, TokenKind, Tokenizer,
};

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
        for analyzer in [Analyzer::german(), AnalyzerConfig::default().keep_negation(true).keep_numbers(true).build().unwrap()] {
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
        let table = analyzer.count(&answers).table(&TableOptions::default());
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
        let table = |c: &Counter| analyzer.finish(c.clone()).table(&TableOptions::default());
        prop_assert_eq!(table(&left), table(&whole));
        prop_assert_eq!(table(&right), table(&whole));
        prop_assert_eq!(&left, &whole);
    }

    /// Every table of a run — the whole and each subset, cut or not, counted in one counter or
    /// merged from shards — equals a plain count of the keys `analyze` gives its answers once
    /// the run's case plan resolves them; a key has one label in every table.
    #[test]
    fn every_table_equals_counting_its_resolved_keys(generated in prop::collection::vec((answer(), 0usize..3), 0..24), cut in 0usize..24, min in 0u64..3, top in 1usize..6) {
        let analyzer = Analyzer::german();
        // sentence-start capitals next to their mid-sentence spellings, in one answer and apart
        let mut answers: Vec<(String, usize)> = vec![
            ("Digitale Akte, digitale Zeit".into(), 0),
            ("Digitale Dienste. Fehlende Akte".into(), 0),
            ("digitale Akte".into(), 1),
            ("Fehlende Zeit, fehlende Akte. Fehlende".into(), 2),
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
        let whole = analyzer.finish(count(0, &answers));
        let mut merged = count(0, &answers[..cut]);
        merged.merge(count(cut, &answers[cut..]));
        let merged = analyzer.finish(merged);
        prop_assert_eq!(&merged, &whole);
        let options = [
            TableOptions::default(),
            TableOptions { min, top: Some(top), ..Default::default() },
        ];
        let all = whole.table(&TableOptions::default());
        let label = |key: &str| all.terms.iter().find(|t| t.key == key).map(|t| t.label.clone());
        for group in 0..4 {
            let expected = oracle(&analyzer, &whole, answers.iter().filter(|(_, g)| group == 3 || *g == group).map(|(a, _)| a.as_str()));
            for counted in [&whole, &merged] {
                for options in &options {
                    let table = counted.subset(group).table(options);
                    let eligible = expected.values().filter(|(a, _)| *a >= options.min).count();
                    prop_assert_eq!(table.terms.len(), options.top.map_or(eligible, |n| n.min(eligible)));
                    prop_assert_eq!(table.distinct, eligible);
                    for term in &table.terms {
                        prop_assert_eq!(Some(&(term.answers, term.occurrences)), expected.get(&term.key), "{} in group {}", &term.key, group);
                        prop_assert_eq!(Some(term.label.clone()), label(&term.key));
                    }
                    // a group's cells for the rows of the whole table are the group's own
                    let cells = counted.subset(group).rows_of(&counted.table(options), options);
                    for term in &cells.terms {
                        prop_assert_eq!(Some(&(term.answers, term.occurrences)), expected.get(&term.key));
                    }
                }
            }
        }
        // subset 3 holds every answer: it is the whole table again
        prop_assert_eq!(whole.subset(3).table(&TableOptions::default()), all);
    }

    /// A counter saved and read back is the same counter, and merges like the original: shards
    /// counted anywhere (other processes, other machines) give the table of one counter.
    #[test]
    fn saved_counters_read_back_and_merge_exactly(generated in prop::collection::vec((answer(), 0usize..3), 0..24), cut in 0usize..24) {
        let analyzer = Analyzer::german();
        let cut = cut.min(generated.len());
        let count = |start: usize, part: &[(String, usize)]| {
            let mut tally = Tally::new(&analyzer);
            tally.seek(start as u64);
            for (answer, group) in part {
                tally.count_in(&[*group]);
                tally.count(answer);
            }
            tally.into_counter()
        };
        let whole = count(0, &generated);
        let round = |c: &Counter| -> Counter { serde_json::from_str(&serde_json::to_string(c).unwrap()).unwrap() };
        prop_assert_eq!(&round(&whole), &whole);
        let mut merged = round(&count(0, &generated[..cut]));
        merged.merge(round(&count(cut, &generated[cut..])));
        prop_assert_eq!(&merged, &whole);
        let (a, b) = (analyzer.finish(merged), analyzer.finish(whole));
        for s in 0..3 {
            prop_assert_eq!(a.subset(s).table(&TableOptions::default()), b.subset(s).table(&TableOptions::default()));
        }
    }

    /// Saved counters are untrusted input: any change gives a counter or an error, never a panic.
    #[test]
    fn damaged_saved_counters_never_panic(answers in prop::collection::vec(answer(), 1..8), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let analyzer = Analyzer::german();
        let counter = analyzer.count(&answers).counter().clone();
        let mut text = serde_json::to_vec(&counter).unwrap();
        let i = at.index(text.len());
        text[i] = byte;
        if let Ok(read) = serde_json::from_slice::<Counter>(&text) {
            let _ = analyzer.finish(read).table(&TableOptions::default());
        }
    }

    /// The memo of a tally changes nothing: its tokens and counts are those of the plain chain,
    /// with token rules only and with filters that see whole answers (negation, codebook).
    #[test]
    fn tally_equals_plain_analysis(answers in prop::collection::vec(answer(), 0..24)) {
        let codebook = "Personalmangel = fehlendes Personal, zu wenig Personal\nZeit = Zeitmangel";
        let synonyms = wortwolke_text::SynonymMap::from_reader("codes.txt", codebook.as_bytes()).unwrap();
        let configs = [
            AnalyzerConfig::default(),
            AnalyzerConfig::default().keep_numbers(true).fold_umlauts(true),
            AnalyzerConfig::default().keep_negation(true).synonyms(synonyms),
        ];
        for config in &configs {
            let analyzer = config.build().unwrap();
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
            let config = AnalyzerConfig::default().synonyms(map).phrases(text.lines()).keep_negation(true);
            if let Ok(analyzer) = config.build() {
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

/// Key → (answers naming it, occurrences) over `answers`: the keys `analyze` gives, resolved by
/// the run's case plan, counted the simplest way.
fn oracle<'a>(
    analyzer: &Analyzer,
    counted: &Counted,
    answers: impl Iterator<Item = &'a str>,
) -> BTreeMap<String, (u64, u64)> {
    let mut counts: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for answer in answers.filter(|a| !analyzer.is_no_answer(a)) {
        let keys: Vec<String> = analyzer
            .analyze(answer)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| counted.resolve(&t.key).to_owned())
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for key in keys {
            let entry = counts.entry(key.clone()).or_default();
            entry.1 += 1;
            if seen.insert(key) {
                entry.0 += 1;
            }
        }
    }
    counts
}
