//! Table-driven German cases: what one answer becomes, and which words are one term.

use wortwolke_text::{Analyzer, AnalyzerConfig, TableOptions, TokenKind, Weight};

/// Content terms of `answer` as `(surface, key)`.
fn terms(analyzer: &Analyzer, answer: &str) -> Vec<(String, String)> {
    analyzer
        .analyze(answer)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (answer[t.offset].to_owned(), t.key))
        .collect()
}

fn surfaces(analyzer: &Analyzer, answer: &str) -> Vec<String> {
    terms(analyzer, answer)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

macro_rules! test_terms {
    ($name:ident, $answer:expr, $expected:expr) => {
        #[test]
        fn $name() {
            assert_eq!(surfaces(&Analyzer::german(), $answer), $expected as &[&str]);
        }
    };
}

test_terms!(
    hyphen_compounds,
    "EfA-Dienste und die E-Akte",
    &["EfA-Dienste", "E-Akte"]
);
test_terms!(
    ozg_compound,
    "OZG-Umsetzung läuft",
    &["OZG-Umsetzung", "läuft"]
);
test_terms!(
    dotted_names,
    "Servicekonto.NRW oder Bund.ID",
    &["Servicekonto.NRW", "Bund.ID"]
);
test_terms!(
    gender_star,
    "Bürger*innen informieren",
    &["Bürger*innen", "informieren"]
);
test_terms!(
    abbreviations_are_stop_words,
    "z.B. Personal, z. B. Geld, bzw. Zeit, ggf. u.a. Räume",
    &["Personal", "Geld", "Zeit", "Räume"]
);
test_terms!(
    numbers_dropped,
    "seit 2021 rund 3,5 Stellen",
    &["rund", "Stellen"]
);
test_terms!(
    urls_and_mail_never_terms,
    "Infos www.bund.de oder info@kreis.de 😀",
    &["Infos"]
);
test_terms!(
    negation_is_stop_word_by_default,
    "keine Priorität",
    &["Priorität"]
);
test_terms!(single_letters_are_not_terms, "S- und U-Bahn", &["U-Bahn"]);

/// Groups of surface forms that must share one key (`true`) or must not (`false`).
const GROUPING: &[(&[&str], bool)] = &[
    (
        &[
            "Bürger*innen",
            "Bürger:innen",
            "Bürger_innen",
            "BürgerInnen",
            "Bürger/-innen",
        ],
        true,
    ),
    (&["Dienst", "Dienste", "Diensten", "Dienstes"], true),
    (&["EfA-Dienst", "EfA-Dienste", "EfA-Diensten"], true),
    (&["Antrag", "Anträge", "Anträgen"], true),
    (&["Kommune", "Kommunen"], true),
    (&["Schnittstelle", "Schnittstellen"], true),
    (&["Verwaltung", "Verwaltungen"], true),
    (&["fehlt", "fehlen", "fehlte"], true),
    (&["umgesetzt", "umsetzen", "umzusetzen"], true),
    (&["genutzt", "nutzen", "nutzt"], true),
    (&["digital", "digitale", "digitalen", "digitaler"], true),
    (&["Bürger", "Burg"], false),
    (&["Arbeiter", "Arbeit"], false),
    (&["Nutzen", "nutzen"], false),
    (&["Maße", "Masse"], false),
    (&["OZG", "Ozg"], true),
    (&["Leistung", "leisten"], false),
];

#[test]
fn grouping_table() {
    let analyzer = Analyzer::german();
    // mid-sentence, so that capitalisation is the writer's
    let key = |w: &str| terms(&analyzer, &format!("wegen {w}"))[0].1.clone();
    for (words, same) in GROUPING {
        let first = key(words[0]);
        for w in &words[1..] {
            assert_eq!(key(w) == first, *same, "{w} vs {}", words[0]);
        }
    }
}

#[test]
fn acronyms_and_brands_are_never_stemmed() {
    let analyzer = Analyzer::german();
    for (word, key) in [
        ("OZG", "ozg"),
        ("DMS", "dms"),
        ("LoRaWAN", "lorawan"),
        ("optiGov", "optigov"),
        ("EfA", "efa"),
    ] {
        assert_eq!(terms(&analyzer, word), [(word.to_owned(), key.to_owned())]);
    }
}

#[test]
fn umlauts_and_sharp_s_stay_in_labels() {
    let analyzer = Analyzer::german();
    let table = analyzer
        .count(["Größe der Büros", "die Größe", "Straße"])
        .table(&Default::default());
    let labels: Vec<&str> = table.terms.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Größe", "Büros", "Straße"]);
}

#[test]
fn label_is_the_most_frequent_surface_form_never_a_stem() {
    let analyzer = Analyzer::german();
    let table = analyzer
        .count([
            "Schnittstellen fehlen",
            "Schnittstelle",
            "die Schnittstellen",
            "fehlende Schnittstellen",
        ])
        .table(&Default::default());
    assert_eq!(table.terms[0].label, "Schnittstellen");
    assert_eq!(table.terms[0].answers, 4);
    assert!(table
        .terms
        .iter()
        .all(|t| t.variants.iter().any(|v| v.form == t.label)));
}

#[test]
fn label_ties_go_to_the_form_seen_first() {
    let analyzer = Analyzer::german();
    let table = analyzer
        .count(["Anträge", "Antrag"])
        .table(&Default::default());
    assert_eq!(table.terms[0].label, "Anträge");
}

#[test]
fn a_term_repeated_in_one_answer_counts_once_by_default() {
    let analyzer = Analyzer::german();
    let counter = analyzer.count(["Personal, Personal, Personal", "Personal"]);
    let by_answers = counter.table(&Default::default());
    assert_eq!(
        (by_answers.terms[0].answers, by_answers.terms[0].occurrences),
        (2, 4)
    );
    let by_occurrences = counter.table(&TableOptions {
        weight: Weight::Occurrences,
        ..Default::default()
    });
    assert_eq!(by_occurrences.terms[0].occurrences, 4);
}

#[test]
fn no_answer_markers() {
    let analyzer = Analyzer::german();
    let table = analyzer
        .count([
            "",
            "  ",
            "-",
            "k.A.",
            "k. A.",
            "keine Angabe",
            "n/a",
            "/",
            "Personal",
        ])
        .table(&Default::default());
    assert_eq!((table.answers, table.answered, table.no_answer), (9, 1, 8));
    assert_eq!(table.terms[0].share, 1.0);
}

#[test]
fn keep_negation_joins_with_the_next_word() {
    let analyzer = AnalyzerConfig::default()
        .keep_negation(true)
        .build()
        .unwrap();
    let table = analyzer
        .count([
            "keine Priorität",
            "Keine Priorität!",
            "kein Personal",
            "nicht, Priorität",
        ])
        .table(&Default::default());
    let rows: Vec<(&str, u64)> = table
        .terms
        .iter()
        .map(|t| (t.label.as_str(), t.answers))
        .collect();
    assert_eq!(
        rows,
        [
            ("keine Priorität", 2),
            ("Priorität", 1),
            ("kein Personal", 1)
        ]
    );
}

/// A row of a table: (label, answers).
type Row = (&'static str, u64);

/// (answers, the rows expected): the case rule, decided once per run.
#[test]
fn case_is_decided_once_per_run() {
    let nutzen = [
        "Der Nutzen ist gering",
        "der Nutzen fehlt",
        "wir nutzen sie nicht",
    ];
    let mut more = nutzen.to_vec();
    more.push("Sie nutzen es kaum");
    let cases: &[(&[&str], &[Row])] = &[
        // mid-sentence capital and lower case are two terms, however many of each
        (&nutzen, &[("Nutzen", 2), ("nutzen", 1)]),
        (&more, &[("Nutzen", 2), ("nutzen", 2)]),
        (
            &[
                "die Bahn",
                "Bahn",
                "mit der Bahn",
                "bahn fahren",
                "Bahn und bahn",
            ],
            &[("Bahn", 4), ("bahn", 2)],
        ),
        // a sentence-start capital joins the spelling written mid-sentence
        (
            &["Dringend mehr Zeit", "wir bitten darum, dringend schnell"],
            &[("dringend", 2), ("Zeit", 1), ("mehr", 1)],
        ),
        (
            &["Mehr Personal", "mehr Zeit", "Mehr Geld"],
            &[("mehr", 3), ("Geld", 1), ("Personal", 1), ("Zeit", 1)],
        ),
        (
            &["Fehlende Stellen", "es gibt fehlende Mittel"],
            &[("fehlende", 2), ("Mittel", 1), ("Stellen", 1)],
        ),
        // … the more frequent one if both were written
        (
            &[
                "Stellen fehlen",
                "offene Stellen",
                "freie Stellen",
                "wir stellen um",
            ],
            &[
                ("Stellen", 3),
                ("fehlen", 1),
                ("offene", 1),
                ("freie", 1),
                ("stellen", 1),
            ],
        ),
        // … and the German rules if neither was: a noun stays, an adjective is lower case
        (&["Personal fehlt"], &[("Personal", 1), ("fehlt", 1)]),
        (&["Fehlende Akten"], &[("Akten", 1), ("fehlende", 1)]),
        // the noun written in another form decides for a sentence-start capital …
        (
            &["Mitarbeitende überlastet", "die Mitarbeitenden sind müde"],
            &[("Mitarbeitenden", 2)],
        ),
        // … a verb in another form does not (`Fehler` is no form of `fehlen`)
        (
            &["Fehler im Portal", "es fehlen Daten", "Daten fehlen"],
            &[("Fehler", 1), ("fehlen", 2)],
        ),
        // … at another sentence start, in a spelling only the noun explains, it outweighs a
        // verb form of the same spelling (`Zäune` is no form of `zäunen` beside `Zaun`) …
        (
            &["Zäune fehlen", "Zaun hält", "ich zäune den Garten ein"],
            &[("Zäune", 2), ("zäune", 1)],
        ),
        // … mid-sentence it does not: a capital there may be an adjective in a name or shouting
        (
            &["Zäune fehlen", "der Zaun hält", "ich zäune den Garten ein"],
            &[("Zaun", 1), ("zäune", 2)],
        ),
        // … but not a spelling that may be the verb's too (`Zäunen`: both take the verb form
        // written), nor an adjective's
        (
            &[
                "Zäune fehlen",
                "Zäunen fehlt es",
                "ich zäune den Garten ein",
            ],
            &[("zäune", 3)],
        ),
        (
            &["Fehlende Zeit", "die Fehlenden", "es gibt fehlende Mittel"],
            &[("fehlende", 2), ("Fehlenden", 1)],
        ),
        // the label is the spelling the sentence-start capitals hide
        (
            &[
                "Fehlende Zeit",
                "Fehlende Mittel",
                "Fehlende Leute",
                "es gibt fehlendes Personal",
                "auch fehlende Räume",
            ],
            &[("fehlende", 5)],
        ),
        // one answer naming both spellings counts once
        (
            &["Digitale Akte, digitale Zeit", "digitale Dienste"],
            &[("digitale", 2), ("Akte", 1), ("Dienste", 1), ("Zeit", 1)],
        ),
    ];
    let analyzer = Analyzer::german();
    for (answers, expected) in cases {
        let table = analyzer.count(*answers).table(&TableOptions::default());
        let rows: Vec<(&str, u64)> = table
            .terms
            .iter()
            .map(|t| (t.label.as_str(), t.answers))
            .collect();
        for row in *expected {
            assert!(rows.contains(row), "{row:?} in {rows:?} of {answers:?}");
        }
        // no other row carries a spelling of an expected label
        for (label, _) in rows.iter().filter(|r| !expected.contains(r)) {
            assert!(
                expected.iter().all(|(e, _)| !e.eq_ignore_ascii_case(label)),
                "{label} besides {expected:?} in {rows:?} of {answers:?}"
            );
        }
    }
}

#[test]
fn codebook_variants_match_at_the_start_of_an_answer() {
    let codes = wortwolke_text::SynonymMap::from_reader(
        "codes.txt",
        "Mitarbeitende = Mitarbeiter, Mitarbeiterinnen, Mitarbeitenden\n".as_bytes(),
    )
    .unwrap();
    let analyzer = AnalyzerConfig::default().synonyms(codes).build().unwrap();
    let table = analyzer
        .count([
            "Mitarbeitende fehlen",
            "es fehlen Mitarbeitenden",
            "Mitarbeiter fehlen",
            "keine Mitarbeiterinnen",
        ])
        .table(&TableOptions::default());
    assert_eq!(table.terms[0].label, "Mitarbeitende");
    assert_eq!(table.terms[0].answers, 4);
}

#[test]
fn sentence_start_capitals_join_their_lower_case_twin() {
    let analyzer = Analyzer::german();
    let table = analyzer
        .count(["Digitale Akte", "die digitale Akte", "digitale Akte"])
        .table(&Default::default());
    let rows: Vec<(&str, u64)> = table
        .terms
        .iter()
        .map(|t| (t.label.as_str(), t.answers))
        .collect();
    assert_eq!(rows, [("Akte", 3), ("digitale", 3)]);
}
