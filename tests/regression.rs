//! Regression tests, named after their issue.

use std::collections::{BTreeMap, BTreeSet};

use crate::util::{scratch, wortwolke};

/// A small municipal survey: `;` CSV, two questions, five districts, sentence-start capitals,
/// no-answers.
const SURVEY: &str = "\
Nr;Kreis;Gründe;Themen
1;Nord;Fehlende Zeit und fehlendes Personal;Digitale Akte
2;Nord;keine Zeit. Fehlende Stellen;digitale Akte, Schulungen
3;Nord;Personal fehlt;k.A.
4;Süd;fehlende Zeit;Schulungen
5;Süd;Zeit fehlt, Personal fehlt;Digitale Akte. Schulungen
6;Süd;-;Vernetzung
7;Ost;Fehlende Mittel;Vernetzung und Schulungen
8;Ost;Zeit;digitale Akte
9;West;fehlende Mittel, fehlendes Personal;
10;West;Personal, Zeit, Geld;Schulungen
11;Mitte;Mehr Personal;mehr Austausch
12;Mitte;mehr Zeit;Austausch
";

fn survey_file(name: &str) -> String {
    let dir = scratch(name);
    let path = dir.join("umfrage.csv");
    std::fs::write(&path, SURVEY).unwrap();
    path.to_str().unwrap().to_owned()
}

/// `count … --format json` with groups: (question, group or "") → key → (label, answers).
fn tables(args: &[&str]) -> BTreeMap<(String, String), BTreeMap<String, (String, u64)>> {
    let run = wortwolke(args, "");
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut out = BTreeMap::new();
    for table in v.as_array().unwrap() {
        let question = table["question"].as_str().unwrap().to_owned();
        let group = table["group"].as_str().unwrap_or("").to_owned();
        let rows = table["terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let key = t["key"].as_str().unwrap().to_owned();
                let label = t["term"].as_str().unwrap().to_owned();
                (key, (label, t["answers"].as_u64().unwrap()))
            })
            .collect();
        out.insert((question, group), rows);
    }
    out
}

// See: issue 9 (group cells changed with --top and --min-count)
#[test]
fn r9_group_cells_do_not_depend_on_the_cut() {
    let file = survey_file("r9_cut");
    let base = ["count", &file, "--column", "Gründe", "--group", "Kreis"];
    let json = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend(["--format", "json"]);
        args.extend(extra);
        tables(&args)
    };
    let full = json(&[]);
    for extra in [
        &["--min-count", "2"][..],
        &["--min-count", "5"],
        &["--top", "3"],
        &["--top", "2", "--min-count", "2", "--threads", "1"],
    ] {
        let cut = json(extra);
        assert!(cut.values().any(|rows| !rows.is_empty()), "{extra:?}");
        for (table, rows) in &cut {
            for (key, cell) in rows {
                assert_eq!(
                    Some(cell),
                    full[table].get(key),
                    "{table:?} {key} with {extra:?}"
                );
            }
        }
    }
    // the same cells in the group columns of TSV and Markdown
    let mut args = base.to_vec();
    args.extend(["--min-count", "2", "-q"]);
    let tsv = wortwolke(&args, "");
    let header: Vec<&str> = tsv.stdout.lines().next().unwrap().split('\t').collect();
    for line in tsv.stdout.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let key = full[&("Gründe".to_owned(), String::new())]
            .iter()
            .find(|(_, (label, _))| label == cells[0])
            .map(|(k, _)| k.clone())
            .unwrap();
        for (i, name) in header.iter().enumerate() {
            if let Some(group) = name.strip_suffix(" answers") {
                let expected = full[&("Gründe".to_owned(), group.to_owned())]
                    .get(&key)
                    .map_or(0, |c| c.1);
                assert_eq!(cells[i], expected.to_string(), "{group} {line}");
            }
        }
    }
}

// See: issue 9 (groups did not add up, labels differed between tables)
#[test]
fn r9_groups_add_up_and_every_table_gives_a_term_one_label() {
    let file = survey_file("r9_labels");
    let all = tables(&[
        "count", &file, "--column", "Gründe", "--column", "Themen", "--group", "Kreis", "--format",
        "json",
    ]);
    let mut labels: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for rows in all.values() {
        for (key, (label, _)) in rows {
            labels.entry(key).or_default().insert(label);
        }
    }
    for (key, seen) in &labels {
        assert_eq!(seen.len(), 1, "{key}: {seen:?}");
    }
    for question in ["Gründe", "Themen"] {
        let total = &all[&(question.to_owned(), String::new())];
        for (key, (_, answers)) in total {
            let groups: u64 = all
                .iter()
                .filter(|((q, g), _)| q == question && !g.is_empty())
                .filter_map(|(_, rows)| rows.get(key).map(|c| c.1))
                .sum();
            assert_eq!(groups, *answers, "{question} {key}");
        }
    }
    // sentence-start capitals take the spelling written mid-sentence
    let gruende = &all[&("Gründe".to_owned(), String::new())];
    let (label, answers) = &gruende["fehlend~"];
    assert_eq!((label.as_str(), *answers), ("fehlende", 5));
    assert_eq!(gruende["mehr~"], ("mehr".to_owned(), 2));
    assert!(!gruende
        .values()
        .any(|(l, _)| l == "Fehlende" || l == "Mehr"));
    let themen = &all[&("Themen".to_owned(), String::new())];
    assert!(themen.values().any(|(l, n)| l == "digitale" && *n == 4));
}

// See: issue 9 (the documented case rule did not hold)
#[test]
fn r9_case_rule() {
    let rows = |input: &str, extra: &[&str]| -> Vec<(String, u64)> {
        let mut args = vec!["count", "--format", "json"];
        args.extend(extra);
        let run = wortwolke(&args, input);
        assert_eq!(run.code, 0, "{run:?}");
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        v["terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let label = t["term"].as_str().unwrap().to_owned();
                (label, t["answers"].as_u64().unwrap())
            })
            .collect()
    };
    let nutzen = "Der Nutzen ist gering\nder Nutzen fehlt\nwir nutzen sie nicht\n";
    for input in [nutzen.to_owned(), format!("{nutzen}Sie nutzen es kaum\n")] {
        let rows = rows(&input, &[]);
        assert!(rows.contains(&("Nutzen".into(), 2)), "{rows:?}");
        assert!(rows.iter().any(|(l, _)| l == "nutzen"), "{rows:?}");
    }
    let rows = rows(
        "Dringend mehr Zeit\nwir bitten, dringend schnell\nMehr Geld\n",
        &[],
    );
    // (`bitte`, the word issue 9 showed this on, is a stop word since issue 14)
    assert!(rows.contains(&("dringend".into(), 2)), "{rows:?}");
    assert!(rows.contains(&("mehr".into(), 2)), "{rows:?}");
    assert!(
        !rows.iter().any(|(l, _)| l == "Dringend" || l == "Mehr"),
        "{rows:?}"
    );
}

// See: issue 9 (a codebook variant at the start of an answer was missed)
#[test]
fn r9_codebook_variants_match_at_the_start_of_an_answer() {
    let dir = scratch("r9_codebook");
    let codes = dir.join("codes.txt");
    std::fs::write(
        &codes,
        "Mitarbeitende = Mitarbeiter, Mitarbeiterinnen, Mitarbeitenden\n",
    )
    .unwrap();
    let run = wortwolke(
        &["count", "-q", "--synonyms", codes.to_str().unwrap()],
        "Mitarbeitende fehlen\nes fehlen Mitarbeitenden\nMitarbeiter gehen\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("\nMitarbeitende\t3\t"),
        "{}",
        run.stdout
    );
}

// See: issue 9 (--base all printed the answered base)
#[test]
fn r9_base_all_says_what_its_base_is() {
    let run = wortwolke(
        &["count", "--base", "all", "--table-lang", "en"],
        "Personal\nk.A.\n-\nZeit\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Personal\t1\t0.2500"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("n = 4 respondents in total (2 answered, 2 without answer)"),
        "{}",
        run.stderr
    );
    let answered = wortwolke(
        &["count", "--table-lang", "en"],
        "Personal\nk.A.\n-\nZeit\n",
    );
    assert!(answered.stdout.contains("Personal\t1\t0.5000"));
    assert!(answered.stderr.contains("n = 2 respondents answered"));
}

// See: issue 9 (analyze ignored --group and --base; its keys must be the tables' keys)
#[test]
fn r9_analyze_shows_the_keys_and_labels_of_the_tables() {
    let file = survey_file("r9_analyze");
    let run = wortwolke(
        &[
            "analyze", &file, "--column", "Gründe", "--group", "Kreis", "--format", "json",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let count = tables(&[
        "count", &file, "--column", "Gründe", "--group", "Kreis", "--format", "json",
    ]);
    let total = &count[&("Gründe".to_owned(), String::new())];
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 12);
    assert_eq!(lines[0]["question"], "Gründe");
    assert_eq!(lines[0]["group"], "Nord");
    for line in &lines {
        for token in line["tokens"].as_array().unwrap() {
            if token["kind"] == "word" {
                let key = token["key"].as_str().unwrap();
                let label = token["label"].as_str().unwrap();
                assert_eq!(total[key].0, label, "{key}");
            }
        }
    }
    let keys = wortwolke(
        &["analyze", "--format", "keys"],
        "Fehlende Stellen\nfehlende Zeit\n",
    );
    let lines: Vec<&str> = keys.stdout.lines().collect();
    assert_eq!(
        lines[0].split(' ').next(),
        lines[1].split(' ').next(),
        "{lines:?}"
    );
    wortwolke(&["analyze", "--base", "all"], "Personal\n").assert_error("--base");
}

// See: issue 9 (a question with nothing to count went unmentioned)
#[test]
fn r9_a_question_with_nothing_to_count_is_named() {
    let dir = scratch("r9_empty_question");
    let path = dir.join("umfrage.csv");
    std::fs::write(&path, "Q1;Q2\nPersonal fehlt;k.A.\nZeit;-\n").unwrap();
    let run = wortwolke(&["count", path.to_str().unwrap(), "--column", "Q*"], "");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("Q2: nothing to count"),
        "{}",
        run.stderr
    );
}

// See: issue 9 (tried as a new user: group bases, files per group, ties cut by --top)
#[test]
fn r9_group_bases_files_per_group_and_ties() {
    let file = survey_file("r9_files");
    let dir = scratch("r9_files_out");
    let template = dir.join("gruende-{group}.tsv");
    let run = wortwolke(
        &[
            "count",
            &file,
            "--column",
            "Gründe",
            "--group",
            "Kreis",
            "-o",
            template.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    for group in ["all", "Nord", "Süd", "Ost", "West", "Mitte"] {
        let path = dir.join(format!("gruende-{group}.tsv"));
        assert!(path.exists(), "{} in {run:?}", path.display());
    }
    let nord = std::fs::read_to_string(dir.join("gruende-Nord.tsv")).unwrap();
    assert!(nord.contains("\nZeit\t2\t0.6667\t"), "{nord}");
    // each group's base is stated, not only the total's
    let run = wortwolke(
        &[
            "count",
            &file,
            "--column",
            "Gründe",
            "--group",
            "Kreis",
            "--table-lang",
            "en",
        ],
        "",
    );
    assert!(
        run.stderr
            .contains("Süd: n = 2 respondents answered (1 without answer, 3 in total)"),
        "{}",
        run.stderr
    );
    // --top cuts between equal weights: said
    let run = wortwolke(&["count", "--top", "1"], "Zeit\nGeld\nRaum\n");
    assert!(
        run.stderr
            .contains("--top 1 leaves out 2 more terms of weight 1"),
        "{}",
        run.stderr
    );
}

// See: issue 9 (tried as a new user: list bullets, no-answers in quotes, analyze rows)
#[test]
fn r9_list_bullets_quoted_no_answers_and_analyze_rows() {
    let run = wortwolke(
        &["count", "--split-list", "-q"],
        "- Dataport\n• Civento, Dataport\n\"keine Angabe\"\nKeine Angabe.\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("\nDataport\t2\t1.0000\t"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\nCivento\t1\t"), "{}", run.stdout);
    let run = wortwolke(
        &["count", "--table-lang", "en"],
        "- Dataport\n\"keine Angabe\"\nKeine Angabe.\n",
    );
    assert!(run.stderr.contains("(2 without answer"), "{}", run.stderr);
    let file = survey_file("r9_rows");
    let run = wortwolke(
        &[
            "analyze", &file, "--column", "Gründe", "--column", "Themen", "--format", "json",
        ],
        "",
    );
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[12]["question"], "Themen");
    assert_eq!(lines[12]["row"], 1);
    assert_eq!(lines[12]["line"], 13);
}

// See: issue 11 (what distinguishes a group): the table worked by hand in keyness.rs —
// group A: 20 of 50 name `Personal`, the others: 10 of 100; G² = 17.80, log ratio = 2.
#[test]
fn r11_keyness_matches_the_hand_computed_table() {
    let dir = scratch("r11_keyness");
    let path = dir.join("umfrage.csv");
    let mut csv = String::from("Kreis;Antwort\n");
    for i in 0..150 {
        let (group, personal) = if i < 50 { ("A", i < 20) } else { ("B", i < 60) };
        let answer = if personal { "Personal fehlt" } else { "Zeit" };
        csv.push_str(&format!("{group};{answer}\n"));
    }
    std::fs::write(&path, csv).unwrap();
    let run = wortwolke(
        &[
            "count",
            path.to_str().unwrap(),
            "--group",
            "Kreis",
            "--keyness",
            "--column",
            "Antwort",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains(
            "Antwort\tA\tPersonal\tmore\t20\t0.4000\t10\t0.1000\t17.80\t0.0000\t2.00\tyes\tno"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "Antwort\tB\tPersonal\tless\t10\t0.1000\t20\t0.4000\t17.80\t0.0000\t-2.00\tyes\tno"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("G² = log-likelihood"), "{}", run.stderr);
    // without --group it is a usage error
    let run = wortwolke(&["count", "--keyness"], "Personal\n");
    assert_eq!(run.code, 2, "{run:?}");
}

/// `cloud EXAMPLE --format json ARGS` on a 600 × 400 canvas: the layout as JSON.
fn cloud_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec![
        "cloud",
        "examples/answers/efa_gruende.txt",
        "-q",
        "--width",
        "600",
        "--height",
        "400",
        "-o",
        "-",
        "--format",
        "json",
    ];
    all.extend_from_slice(args);
    let run = wortwolke(&all, "");
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

// See: issue 10 (default clouds were small; sizes must stay exactly proportional)
#[test]
fn r10_font_sizes_follow_the_scale_exactly_and_flags_bound_them() {
    let v = cloud_json(&[]);
    let words = v["words"].as_array().unwrap();
    assert!(v["dropped"].as_array().unwrap().is_empty());
    let (top_size, top_weight) = (
        words[0]["font_size"].as_f64().unwrap(),
        words[0]["weight"].as_f64().unwrap(),
    );
    for w in words {
        let (size, weight) = (
            w["font_size"].as_f64().unwrap(),
            w["weight"].as_f64().unwrap(),
        );
        // --scale sqrt: area ∝ count, so size ∝ √count (words below 10 px are drawn at 10 px)
        let expected = (top_size * (weight / top_weight).sqrt()).max(10.0);
        assert!((size - expected).abs() < 1e-3 * expected, "{w}: {expected}");
    }
    // the default fills the canvas (less the caption's band): larger than the old default of
    // 41.8 px on 600 × 400
    assert!(top_size > 50.0, "{top_size}");
    // --max-font caps the fill
    let capped = cloud_json(&["--max-font", "40"]);
    assert_eq!(capped["words"][0]["font_size"].as_f64(), Some(40.0));
    // an explicit range is taken as it is
    let fixed = cloud_json(&["--min-font", "8", "--max-font", "50"]);
    assert_eq!(fixed["words"][0]["font_size"].as_f64(), Some(50.0));
}

// See: issue 10 (--spacing is a share of the font size)
#[test]
fn r10_spacing_out_of_range_names_the_flag() {
    wortwolke(
        &["cloud", "-o", "-", "--format", "png", "--spacing", "2"],
        "Personal\n",
    )
    .assert_error("--spacing");
    wortwolke(
        &[
            "cloud",
            "-o",
            "-",
            "--format",
            "png",
            "--min-font",
            "30",
            "--max-font",
            "20",
        ],
        "Personal\n",
    )
    .assert_error("--max-font");
}

// See: issue 10 (--title was ignored for PNG; a PNG carried no caption, base or text alternative)
#[test]
fn r10_title_caption_and_text_alternative() {
    let dir = scratch("r10_labels");
    let (png, svg, alt) = (dir.join("c.png"), dir.join("c.svg"), dir.join("c.txt"));
    for out in [&png, &svg] {
        let run = wortwolke(
            &[
                "cloud",
                "examples/answers/efa_gruende.txt",
                "-q",
                "--width",
                "600",
                "--height",
                "400",
                "--title",
                "Warum nicht EfA?",
                "--alt-text",
                alt.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            "",
        );
        assert_eq!(run.code, 0, "{run:?}");
    }
    let text = std::fs::read_to_string(&alt).unwrap();
    assert!(
        text.starts_with("Wortwolke: Warum nicht EfA? 100 Begriffe; je größer ein Begriff, desto höher seine Zahl.")
            && text.contains("\nBasis: n = 96 Befragte mit Antwort (8 ohne Antwort, 104 insgesamt). Wortgröße: Befragte, die den Begriff nennen")
            && text.contains("\nBegriffe nach Zahl: fehlende (10), fehlt (10), Personal (9)"),
        "{text}"
    );
    // the PNG carries the same text as tEXt chunks (Latin-1)
    let bytes = std::fs::read(&png).unwrap();
    let latin1: Vec<u8> = text.trim_end().chars().map(|c| c as u8).collect();
    let chunk = |keyword: &[u8], value: &[u8]| {
        let mut c = keyword.to_vec();
        c.push(0);
        c.extend_from_slice(value);
        bytes.windows(c.len()).any(|w| w == c.as_slice())
            || bytes.windows(c.len() - 1).any(|w| w == &c[..c.len() - 1])
    };
    assert!(chunk(b"Title", b"Warum nicht EfA?"));
    assert!(chunk(b"Description", &latin1[..latin1.len().min(200)]));
    // title and caption are drawn: in the SVG as paths named by their text
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("<title id=\"title\">Warum nicht EfA?</title>"));
    assert!(
        svg.contains("><title>Warum nicht EfA?</title></path>"),
        "the title is drawn"
    );
    assert!(
        svg.contains("><title>Basis: n = 96"),
        "the caption is drawn"
    );
    // the example's cloud as SVG on standard output, with `args`
    let svg_of = |args: &[&str]| {
        let base = [
            "cloud",
            "examples/answers/efa_gruende.txt",
            "-q",
            "-o",
            "-",
            "--format",
            "svg",
        ];
        wortwolke(&[&base[..], args].concat(), "")
    };
    // `--caption ''` draws none; the text alternative keeps the base
    let run = svg_of(&["--caption", ""]);
    assert!(
        !run.stdout.contains("><title>Basis:")
            && run
                .stdout
                .contains("<desc id=\"desc\">Wortwolke aus 100 Begriffen;"),
        "{}",
        &run.stdout[..400]
    );
    // the text alternative's sentences follow the caption's language
    let run = svg_of(&["--caption-lang", "en"]);
    assert!(
        run.stdout
            .contains("<desc id=\"desc\">Word cloud of 100 terms; the larger a term, the higher its count.\nBase: n = 96")
            && run.stdout.contains("\nTerms by count: fehlende (10), fehlt (10), Personal (9)"),
        "{}",
        &run.stdout[..600]
    );
}

// See: issue 10 (the SVG drew words as paths only, so a cloud could not be edited)
#[test]
fn r10_svg_text_writes_words_as_text_in_the_embedded_font() {
    let run = wortwolke(
        &[
            "cloud",
            "-q",
            "-o",
            "-",
            "--format",
            "svg",
            "--svg-text",
            "--title",
            "Gründe",
            "--caption",
            "",
        ],
        "Personal & Zeit\nPersonal\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let svg = &run.stdout;
    assert!(
        svg.contains("@font-face{font-family:\"wortwolke-embedded\";src:url(data:font/ttf;base64,")
    );
    // two words and the title, as text; no paths
    assert_eq!(svg.matches("<text ").count(), 3, "{svg}");
    assert!(svg.contains(">Personal</text>") && svg.contains(">Gründe</text>"));
    assert!(!svg.contains("<path"));
    wortwolke(
        &["cloud", "-o", "-", "--format", "png", "--svg-text"],
        "Personal\n",
    )
    .assert_error("--svg-text");
}

// See: issue 15 (characters the font lacks were drawn as empty boxes, unreported)
#[test]
fn r15_words_with_characters_the_font_lacks_are_dropped_with_a_warning() {
    let run = wortwolke(
        &[
            "cloud",
            "--frequencies",
            "--width",
            "300",
            "--height",
            "200",
            "-o",
            "-",
            "--format",
            "json",
        ],
        "Personal\t5\nWolke雲\t3\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["words"].as_array().unwrap().len(), 1);
    assert_eq!(v["dropped"][0]["text"], "Wolke雲");
    assert_eq!(v["dropped"][0]["reason"], "missing_glyphs");
    assert!(
        run.stderr
            .contains("`Wolke雲` is not drawn: the font has no glyph for 雲 (U+96F2)")
            && !run.stderr.contains("did not fit"),
        "{}",
        run.stderr
    );
}

// See: issue 13 (found by the `delimited` fuzz target): a header with a line break in quotes
// broke the error that lists the columns over two lines
#[test]
fn r13_headers_in_errors_stay_on_one_line() {
    let dir = scratch("r13_headers");
    let path = dir.join("umfrage.csv");
    std::fs::write(&path, "id;\"Zeile\nzwei \u{202e}x\"\n1;Personal\n").unwrap();
    let run = wortwolke(&["count", path.to_str().unwrap()], "");
    run.assert_error("available: id (1), Zeile\\nzwei \\u{202e}x (2)");
}

// See: issue 13 (found while writing the test above): standard input given no file name was
// read as plain text whatever --input-format said
#[test]
fn r13_standard_input_takes_the_input_format() {
    let csv = "id;Antwort\n1;Personal\n";
    wortwolke(&["count", "--input-format", "csv"], csv)
        .assert_error("available: id (1), Antwort (2)");
    let run = wortwolke(
        &["count", "-q", "--input-format", "csv", "--column", "2"],
        csv,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("Personal\t1") && !run.stdout.contains("Antwort"),
        "{run:?}"
    );
}

// See: issue 13 (found by the `delimited` fuzz target once it compared the streamed reader with
// the whole-file reader): a UTF-8 CSV with NUL bytes was refused when read whole (a cloud, a
// workbook-sized file) but counted when `count` streamed it row by row
#[test]
fn r13_streamed_tables_refuse_nul_bytes_as_whole_files_do() {
    let dir = scratch("r13_nul");
    for (name, body) in [
        ("row.csv", "id;Antwort\n1;Personal\n2;Zeit\0\0\0Geld\n"),
        ("header.csv", "id;Ant\0wort\n1;Personal\n"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        for command in ["count", "cloud"] {
            let out = dir.join("out.png");
            let mut args = vec![command, "-q", path.to_str().unwrap(), "--column", "2"];
            if command == "cloud" {
                args.extend(["-o", out.to_str().unwrap()]);
            }
            wortwolke(&args, "").assert_error(&format!("{name}: contains NUL bytes"));
            assert!(!out.exists(), "{command} {name}");
        }
    }
}

// See: issue 13 (found by the `lines` fuzz target, which compares the streamed plain-text
// reader of `count` with the whole-file reader of `cloud` and `report`): a `\r` at the end of
// the file, a line ending `\r\r\n` and a second byte-order mark were cut differently, and text
// with a UTF-8 byte-order mark but bad bytes later was read on as Windows-1252 by the streamed
// reader only (the whole-file reader refuses it, naming the mark)
#[test]
fn r13_streamed_and_whole_file_text_give_the_same_answers() {
    use wortwolke::fuzz::{streamed_lines, survey};
    for bytes in [
        &b"Personal fehlt\r\nkeine Zeit\r\n\r\nk.A.\r"[..],
        b"Zeit\r\r\nGeld\n",
        b"\xEF\xBB\xBF\xEF\xBB\xBFPersonal\n",
        b"\n\nZeit",
    ] {
        let whole: Vec<String> = survey("text", bytes, &[]).unwrap().remove(0).1;
        let stream = streamed_lines(bytes).unwrap().expect("streamed");
        assert_eq!(whole, stream, "{:?}", String::from_utf8_lossy(bytes));
    }
    let bad = b"\xEF\xBB\xBFPersonal fehlt\nGeb\xFChren\n";
    let whole = survey("text", bad, &[]).unwrap_err();
    assert!(
        format!("{whole:#}").contains("after the byte-order mark"),
        "{whole:#}"
    );
    // the streamed reader hands such a file to the whole-file reader
    assert!(streamed_lines(bad).unwrap().is_none());
}
