//! Issue 14: what the analyst reads — survey-German stop words and no-answers, `--exclude`,
//! list mentions, German table conventions, gender pairs and clean auto phrases.

use serde_json::Value;

use crate::util::{scratch, wortwolke};

/// `count --format json -q ARGS` of `stdin`: the table as JSON.
fn json(args: &[&str], stdin: &str) -> Value {
    let mut all = vec!["count", "--format", "json", "-q"];
    all.extend_from_slice(args);
    let run = wortwolke(&all, stdin);
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

/// The (label, answers) rows of a JSON table.
fn rows(table: &Value) -> Vec<(String, u64)> {
    table["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let label = t["term"].as_str().unwrap().to_owned();
            (label, t["answers"].as_u64().unwrap())
        })
        .collect()
}

fn labels(table: &Value) -> Vec<String> {
    rows(table).into_iter().map(|(l, _)| l).collect()
}

fn base(table: &Value) -> (u64, u64, u64) {
    let n = |k: &str| table[k].as_u64().unwrap();
    (n("answers"), n("answered"), n("no_answer"))
}

// ---------------------------------------------------------------------------------------------
// 1. Stop words and no-answers

/// The filler words of the trial, each in an answer of its own.
const FILLERS: &str = "Bitte mehr Austausch, danke!\n\
    Leider kein Personal\n\
    siehe oben\n\
    mind. drei Termine\n\
    danach Schulungen\n\
    gerade kaum Zeit\n\
    lieber digital per Videokonferenz\n\
    ein Netzwerktreffen pro Quartal\n\
    ans Netz gehen, raus aus dem Silo\n\
    Weiß nicht genau, Schulungen\n\
    nochmal Schulungen, nochmals Termine\n";

#[test]
fn r14_survey_filler_words_are_not_terms() {
    let table = json(&[], FILLERS);
    let labels: Vec<String> = labels(&table).iter().map(|l| l.to_lowercase()).collect();
    for filler in [
        "bitte", "danke", "leider", "siehe", "oben", "mind.", "danach", "gerade", "kaum", "lieber",
        "per", "pro", "ans", "raus", "weiß", "nochmal", "nochmals",
    ] {
        assert!(
            !labels.contains(&filler.to_owned()),
            "{filler} in {labels:?}"
        );
    }
    // content words stay, `mehr` among them
    for word in [
        "mehr",
        "austausch",
        "personal",
        "quartal",
        "schulungen",
        "zeit",
    ] {
        assert!(labels.contains(&word.to_owned()), "{word} in {labels:?}");
    }
}

#[test]
fn r14_the_trial_clouds_have_no_filler_terms() {
    for (input, extra) in [
        ("examples/answers/efa_gruende.txt", &[][..]),
        ("examples/answers/koordination.txt", &[][..]),
        ("examples/answers/umfrage.csv", &["--column", "F2*"][..]),
    ] {
        let mut args = vec![input];
        args.extend_from_slice(extra);
        let table = json(&args, "");
        for (label, _) in rows(&table) {
            let lower = label.to_lowercase();
            assert!(
                !["bitte", "danke", "leider", "siehe", "pro", "per", "gerade", "weiß"]
                    .contains(&lower.as_str()),
                "{label} in the table of {input}"
            );
        }
    }
}

#[test]
fn r14_exclude_words_and_whole_terms() {
    let dir = scratch("r14_exclude");
    let codes = dir.join("codes.txt");
    std::fs::write(
        &codes,
        "Personalmangel = zu wenig Personal, fehlendes Personal\n",
    )
    .unwrap();
    let input = "zu wenig Personal\nfehlendes Personal, Schulungen\nSchulung fehlt\n\
                 Die interkommunale Zusammenarbeit stärken\nZusammenarbeit\n";
    let all = labels(&json(&["--synonyms", codes.to_str().unwrap()], input));
    assert!(all.contains(&"Personalmangel".to_owned()), "{all:?}");
    let table = json(
        &[
            "--synonyms",
            codes.to_str().unwrap(),
            "--exclude",
            "Personalmangel,schulung",
            "--exclude",
            "interkommunale Zusammenarbeit",
        ],
        input,
    );
    let rows = rows(&table);
    for gone in ["Personalmangel", "Schulungen", "Schulung", "interkommunale"] {
        assert!(rows.iter().all(|(l, _)| l != gone), "{gone} in {rows:?}");
    }
    // a phrase's words still count where they stand alone
    assert!(rows.contains(&("Zusammenarbeit".into(), 1)), "{rows:?}");
    // the base does not change: excluded words are not no-answers
    assert_eq!(base(&table), (5, 5, 0));
}

#[test]
fn r14_an_empty_exclude_entry_is_an_error() {
    wortwolke(&["count", "--exclude", "leider,,bitte"], "Zeit\n").assert_error("--exclude");
}

#[test]
fn r14_no_answer_formulas() {
    let markers = [
        "weiß nicht",
        "Weiss nicht.",
        "Keine Ahnung!",
        "nichts",
        "entfällt",
        "n/a",
        "/",
        "?",
        "k.A.",
    ];
    let input = format!("{}\nkeine\nZeit\n", markers.join("\n"));
    let table = json(&[], &input);
    // `keine` answers "which solutions?": an answer without a term, not a no-answer
    assert_eq!(base(&table), (11, 2, 9), "{table}");
    assert_eq!(rows(&table), [("Zeit".to_owned(), 1)]);
}

#[test]
fn r14_a_no_answer_file_replaces_the_markers() {
    let dir = scratch("r14_no_answer_file");
    let file = dir.join("marker.txt");
    std::fs::write(&file, "# our markers\nentfällt\n").unwrap();
    let file = file.to_str().unwrap();
    let input = "entfällt\nk.A.\nweiß nicht\n\nZeit\n";
    let table = json(&["--no-answer-file", file], input);
    assert_eq!(base(&table), (5, 3, 2), "{table}");
    let table = json(&["--no-answer-file", file, "--no-answer", "k.A."], input);
    assert_eq!(base(&table), (5, 2, 3), "{table}");
    wortwolke(&["count", "--no-answer-file", "missing.txt"], "Zeit\n").assert_error("missing.txt");
}

// ---------------------------------------------------------------------------------------------
// 2. Lists

#[test]
fn r14_list_links_addresses_and_handles_are_not_items() {
    let input = "siehe https://www.dataport.example/loesungen/efa, regio iT\n\
                 Dataport (www.dataport.example)\n\
                 info@dataport.example; @dataport\n\
                 auch Dataport etc.\n";
    let table = json(&["--split-list"], input);
    assert_eq!(
        rows(&table),
        [("Dataport".to_owned(), 2), ("regio iT".to_owned(), 1)]
    );
    assert_eq!(base(&table), (4, 4, 0));
}

#[test]
fn r14_list_mentions_go_through_the_codebook() {
    let dir = scratch("r14_list_codebook");
    let codes = dir.join("codes.txt");
    std::fs::write(&codes, "Form-Solutions = Form Solutions, Formsolutions\n").unwrap();
    let table = json(
        &["--split-list", "--synonyms", codes.to_str().unwrap()],
        "Form Solutions, Dataport\nform-solutions\nFormsolutions\nform solutions\n",
    );
    assert_eq!(
        rows(&table),
        [("Form-Solutions".to_owned(), 4), ("Dataport".to_owned(), 1)]
    );
}

#[test]
fn r14_list_und_and_sowie_join_mentions_but_not_listed_names() {
    let input = "Dataport und regio iT\nekom21 sowie Civento, Dataport\nInformation und Technik\n";
    let table = json(&["--split-list"], input);
    assert_eq!(
        rows(&table),
        [
            ("Dataport".to_owned(), 2),
            ("Civento".to_owned(), 1),
            ("Information".to_owned(), 1),
            ("Technik".to_owned(), 1),
            ("ekom21".to_owned(), 1),
            ("regio iT".to_owned(), 1),
        ]
    );
    // a name with `und` in it stays whole where the codebook or a phrase file lists it
    let dir = scratch("r14_list_und");
    let codes = dir.join("codes.txt");
    std::fs::write(&codes, "IT.NRW = Information und Technik\n").unwrap();
    let table = json(
        &["--split-list", "--synonyms", codes.to_str().unwrap()],
        input,
    );
    assert!(rows(&table).contains(&("IT.NRW".to_owned(), 1)), "{table}");
    assert!(!labels(&table).contains(&"Technik".to_owned()), "{table}");
}

// ---------------------------------------------------------------------------------------------
// 3. German conventions

const EFA: &str = "examples/answers/efa_gruende.txt";
const CODEBOOK: &str = "examples/answers/codebook.txt";

#[test]
fn r14_markdown_in_german_by_default_for_german_answers() {
    let run = wortwolke(
        &[
            "count",
            EFA,
            "--synonyms",
            CODEBOOK,
            "--format",
            "md",
            "--top",
            "2",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .starts_with("| Begriff | Befragte | Anteil | Nennungen | Varianten |\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("| Personalmangel | 10 | 10,4 % | 10 |"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Basis: n = 96 Befragte mit Antwort (8 ohne Antwort, 104 insgesamt). Gezählt sind Befragte"),
        "{}",
        run.stdout
    );
    // English on request, and for answers in another language
    let en = wortwolke(
        &[
            "count",
            EFA,
            "--format",
            "md",
            "--top",
            "2",
            "--table-lang",
            "en",
        ],
        "",
    );
    assert!(en.stdout.starts_with("| Term | Answers |"), "{}", en.stdout);
    assert!(en.stdout.contains("Base: n = 96 respondents answered"));
    let english = wortwolke(
        &["count", "--format", "md", "--lang", "en"],
        "staff missing\n",
    );
    assert!(english.stdout.contains("| 100.0 % |"), "{}", english.stdout);
}

/// Issue 14: a cloud of German answers is captioned in German (drawn and on standard error);
/// `--caption-lang en` and answers in another language give English.
#[test]
fn r14_cloud_caption_follows_the_language() {
    let dir = scratch("r14_cloud_caption");
    let svg = dir.join("efa.svg");
    let svg_path = svg.to_str().unwrap();
    let de = wortwolke(
        &[
            "cloud", EFA, "--width", "400", "--height", "300", "-o", svg_path,
        ],
        "",
    );
    assert_eq!(de.code, 0, "{de:?}");
    assert!(
        de.stderr
            .contains("Basis: n = 96 Befragte mit Antwort (8 ohne Antwort, 104 insgesamt)."),
        "{}",
        de.stderr
    );
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(
        drawn.contains("><title>Basis: n = 96 Befragte mit Antwort (8 ohne Antwort, 104 insgesamt). Wortgröße: Befragte, die den Begriff nennen"),
        "the German caption is drawn"
    );
    let en = wortwolke(
        &[
            "cloud",
            EFA,
            "--width",
            "400",
            "--height",
            "300",
            "--caption-lang",
            "en",
            "-o",
            svg_path,
        ],
        "",
    );
    assert_eq!(en.code, 0, "{en:?}");
    assert!(en.stderr.contains("Base: n = 96 respondents answered"));
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(drawn.contains("><title>Base: n = 96 respondents answered"));
    let english = wortwolke(
        &["cloud", "--lang", "en", "--format", "json", "-o", "-"],
        "staff missing\nstaff missing\n",
    );
    assert!(
        english.stderr.contains("Base: n = 2 respondents answered"),
        "{}",
        english.stderr
    );
}

#[test]
fn r14_machine_formats_stay_locale_free() {
    let tsv = wortwolke(&["count", EFA, "--top", "1"], "");
    assert!(
        tsv.stdout
            .starts_with("term\tanswers\tshare\toccurrences\tvariants\n"),
        "{}",
        tsv.stdout
    );
    assert!(tsv.stdout.contains("\t0.1042\t"), "{}", tsv.stdout);
    // the note on stderr is for people: German
    assert!(
        tsv.stderr.contains("Basis: n = 96 Befragte"),
        "{}",
        tsv.stderr
    );
    let json = wortwolke(&["count", EFA, "--top", "1", "--format", "json"], "");
    assert!(json.stdout.contains("\"share\": 0.1041"), "{}", json.stdout);
}

#[test]
fn r14_excel_csv_opens_in_columns() {
    let run = wortwolke(
        &[
            "count",
            EFA,
            "--synonyms",
            CODEBOOK,
            "--excel",
            "-q",
            "--top",
            "2",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .starts_with("\u{feff}Begriff;Befragte;Anteil;Nennungen;Varianten\r\n"),
        "{:?}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\r\nPersonalmangel;10;0,1042;10;\""),
        "{:?}",
        run.stdout
    );
    // plain CSV stays as it was
    let csv = wortwolke(
        &[
            "count",
            EFA,
            "--format",
            "csv",
            "-q",
            "--top",
            "1",
            "--table-lang",
            "en",
        ],
        "",
    );
    assert!(
        csv.stdout.starts_with("term,answers,share,"),
        "{}",
        csv.stdout
    );
    assert!(csv.stdout.contains(",0.1042,"), "{}", csv.stdout);
    // --excel is CSV
    wortwolke(&["count", EFA, "--excel", "--format", "md"], "").assert_error("--excel");
}

#[test]
fn r14_keyness_for_excel() {
    let run = wortwolke(
        &[
            "count",
            "examples/answers/umfrage.csv",
            "--column",
            "F1*",
            "--group",
            "Kreis",
            "--keyness",
            "--excel",
            "-q",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("\u{feff}Frage;Gruppe;Begriff;Richtung;"),
        "{first}"
    );
    let second = run.stdout.lines().nth(1).unwrap();
    assert!(second.contains(";0,"), "{second}");
}

#[test]
fn r14_cloud_reads_counts_own_tables() {
    let dir = scratch("r14_frequencies");
    let mut weights: Vec<Vec<(String, f64)>> = Vec::new();
    for (name, args) in [
        ("table.tsv", &[][..]),
        ("table.csv", &["--format", "csv"][..]),
        ("excel.csv", &["--excel"][..]),
        (
            "english.csv",
            &["--format", "csv", "--table-lang", "en"][..],
        ),
        ("table.json", &["--format", "json"][..]),
    ] {
        let table = dir.join(name);
        let mut all = vec![
            "count",
            EFA,
            "--synonyms",
            CODEBOOK,
            "-q",
            "--top",
            "30",
            "-o",
        ];
        all.push(table.to_str().unwrap());
        all.extend_from_slice(args);
        let run = wortwolke(&all, "");
        assert_eq!(run.code, 0, "{run:?}");
        let out = dir.join(format!("{name}.json"));
        let run = wortwolke(
            &[
                "cloud",
                "--frequencies",
                table.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--width",
                "600",
                "--height",
                "400",
                "-q",
            ],
            "",
        );
        assert_eq!(run.code, 0, "{name}: {run:?}");
        let layout: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let mut words: Vec<(String, f64)> = layout["words"]
            .as_array()
            .unwrap()
            .iter()
            .chain(layout["dropped"].as_array().unwrap())
            .map(|w| {
                (
                    w["text"].as_str().unwrap().to_owned(),
                    w["weight"].as_f64().unwrap(),
                )
            })
            .collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(words.len(), 30, "{name}");
        weights.push(words);
    }
    for w in &weights[1..] {
        assert_eq!(w, &weights[0]);
    }
    assert!(weights[0].contains(&("Personalmangel".to_owned(), 10.0)));
}

#[test]
fn r14_cloud_frequencies_refuse_several_questions() {
    let dir = scratch("r14_frequencies_questions");
    let table = dir.join("all.csv");
    let run = wortwolke(
        &[
            "count",
            "examples/answers/umfrage.csv",
            "--column",
            "F1*",
            "--column",
            "F2*",
            "--format",
            "csv",
            "-q",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    std::fs::write(&table, run.stdout).unwrap();
    wortwolke(
        &[
            "cloud",
            "--frequencies",
            table.to_str().unwrap(),
            "-o",
            "x.png",
        ],
        "",
    )
    .assert_error("2 questions");
}

#[test]
fn r14_file_names_from_groups_keep_their_meaning() {
    let dir = scratch("r14_group_files");
    let survey = dir.join("survey.csv");
    std::fs::write(
        &survey,
        "Größe;Antwort\n< 10.000 EW;Personal fehlt\n> 50.000 EW;Zeit fehlt\n10.000 – 50.000 EW;Geld\n",
    )
    .unwrap();
    let template = dir.join("t-{group}.tsv");
    let run = wortwolke(
        &[
            "count",
            survey.to_str().unwrap(),
            "--column",
            "Antwort",
            "--group",
            "Größe",
            "-q",
            "-o",
            template.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    for name in [
        "all",
        "unter_10.000_EW",
        "über_50.000_EW",
        "10.000_-_50.000_EW",
    ] {
        let path = dir.join(format!("t-{name}.tsv"));
        assert!(path.exists(), "{}", path.display());
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Gender pairs

#[test]
fn r14_gender_pairs_are_one_mention_of_the_inclusive_term() {
    let input = "Die Bürgerinnen und Bürger fragen nicht\n\
                 Bürger und Bürgerinnen informieren\n\
                 Bürger*innen kennen es nicht\n\
                 Kolleginnen und Kollegen schulen, die Kolleg*innen\n\
                 Bürgerinnen und Bürger, Bürger*innen und BürgerInnen\n";
    let table = json(&[], input);
    let rows = rows(&table);
    let burger: Vec<&(String, u64)> = rows.iter().filter(|(l, _)| l.contains("Bürger")).collect();
    assert_eq!(burger.len(), 1, "{rows:?}");
    assert_eq!(burger[0].1, 4, "{rows:?}");
    let kolleg: Vec<&(String, u64)> = rows.iter().filter(|(l, _)| l.contains("Kolleg")).collect();
    assert_eq!(kolleg.len(), 1, "{rows:?}");
    assert_eq!(kolleg[0].1, 1, "{rows:?}");
    // the pair is one occurrence: the answer naming it twice counts it twice, once as an answer
    let terms = table["terms"].as_array().unwrap();
    let row = terms
        .iter()
        .find(|t| t["term"].as_str().unwrap().contains("Bürger"))
        .unwrap();
    assert_eq!(row["occurrences"], 6, "{row}");
    // the label is the most frequent written form
    assert_eq!(row["term"], "Bürgerinnen und Bürger", "{row}");
}

#[test]
fn r14_gender_pairs_in_the_example_and_in_analyze() {
    let table = json(&[EFA], "");
    let rows = rows(&table);
    let burger: Vec<&(String, u64)> = rows
        .iter()
        .filter(|(l, _)| l.starts_with("Bürger") && l.contains("innen"))
        .collect();
    assert_eq!(burger.len(), 1, "{rows:?}");
    assert_eq!(burger[0].1, 2, "{rows:?}");
    let run = wortwolke(
        &["analyze", "--format", "keys"],
        "die Bürgerinnen und Bürger\nBürger*innen\nBürger und Bürgerinnen\n",
    );
    let keys: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(keys, ["bürger*in"; 3], "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// 5. Auto phrases

const PHRASES: &str = "Interkommunale Zusammenarbeit\n\
    interkommunale Zusammenarbeit\n\
    mehr Interkommunale Zusammenarbeit\n\
    Die interkommunale Zusammenarbeit stärken\n\
    ein Netzwerktreffen pro Quartal\n\
    Netzwerktreffen pro Quartal\n\
    Netzwerktreffen pro Jahr\n\
    zentrale Ansprechperson\n\
    eine zentrale Ansprechperson\n\
    zentrale Ansprechperson fehlt\n\
    Ansprechperson benennen\n\
    Ansprechpartner im Amt\n\
    mehr Austausch\n\
    Mehr Austausch!\n\
    mehr Austausch untereinander\n";

#[test]
fn r14_auto_phrases_ignore_case_and_are_labelled_as_written_mid_sentence() {
    let rows = rows(&json(&["--phrases", "auto"], PHRASES));
    let inter: Vec<&(String, u64)> = rows
        .iter()
        .filter(|(l, _)| l.to_lowercase().starts_with("interkommunale"))
        .collect();
    assert_eq!(
        inter,
        [&("interkommunale Zusammenarbeit".to_owned(), 4)],
        "{rows:?}"
    );
    // `mehr` is a word, so `mehr Austausch` can be a phrase
    assert!(rows.contains(&("mehr Austausch".to_owned(), 3)), "{rows:?}");
}

#[test]
fn r14_auto_phrases_never_start_or_end_with_a_function_word() {
    for extra in [&[][..], &["--no-default-stopwords"][..]] {
        let mut args = vec!["--phrases", "auto"];
        args.extend_from_slice(extra);
        let rows = rows(&json(&args, PHRASES));
        assert!(
            rows.iter()
                .all(|(l, _)| !l.ends_with(" pro") && !l.starts_with("pro ")),
            "{extra:?}: {rows:?}"
        );
    }
}

#[test]
fn r14_codebook_groups_win_over_detected_phrases() {
    let dir = scratch("r14_phrases_codebook");
    let codes = dir.join("codes.txt");
    std::fs::write(&codes, "Ansprechperson = Ansprechpartner\n").unwrap();
    let codes = codes.to_str().unwrap();
    let rows = rows(&json(&["--phrases", "auto", "--synonyms", codes], PHRASES));
    assert!(rows.contains(&("Ansprechperson".to_owned(), 5)), "{rows:?}");
    assert!(
        rows.iter().all(|(l, _)| !l.contains("zentrale Ansprech")),
        "{rows:?}"
    );
    // without the codebook the phrase is found
    let plain = json(&["--phrases", "auto"], PHRASES);
    assert!(
        labels(&plain).contains(&"zentrale Ansprechperson".to_owned()),
        "{plain}"
    );
    let run = wortwolke(
        &[
            "count",
            "--phrases",
            "auto",
            "--show-phrases",
            "--synonyms",
            codes,
            "-q",
        ],
        PHRASES,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("interkommunale Zusammenarbeit (4 answers, 4 occurrences, G² = "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("left out, the codebook group `Ansprechperson` keeps its answers"),
        "{}",
        run.stderr
    );
}

#[test]
fn r14_show_phrases_needs_auto_phrases() {
    wortwolke(&["count", "--show-phrases"], "Zeit\n").assert_error("--phrases auto");
}

#[test]
fn r14_merge_gender_joins_plain_forms_where_both_are_written() {
    let input = "die Bürgerinnen und Bürger\nBürger fragen\ndie Bürgerinnen\nBürger*innen\n\
                 Kollegen\nFehler im System\n";
    let plain = rows(&json(&[], input));
    assert!(plain.contains(&("Bürger".to_owned(), 1)), "{plain:?}");
    let table = json(&["--merge-gender"], input);
    let rows = rows(&table);
    let burger: Vec<&(String, u64)> = rows.iter().filter(|(l, _)| l.contains("Bürger")).collect();
    assert_eq!(burger.len(), 1, "{rows:?}");
    assert_eq!(burger[0].1, 4, "{rows:?}");
    // only one form written: nothing to join (`Kollegen`, `Fehler` stay)
    assert!(rows.contains(&("Kollegen".to_owned(), 1)), "{rows:?}");
    assert!(rows.contains(&("Fehler".to_owned(), 1)), "{rows:?}");
    // analyze shows the same keys (read from standard input twice: once to find the forms)
    let key = table["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["term"].as_str().unwrap().contains("Bürger"))
        .unwrap()["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let run = wortwolke(&["analyze", "--format", "keys", "--merge-gender"], input);
    assert_eq!(run.code, 0, "{run:?}");
    let firsts: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(firsts[..4], [key.as_str(); 4], "{run:?}");
    wortwolke(&["count", "--merge-gender", "--lang", "en"], "x\n").assert_error("--merge-gender");
}
