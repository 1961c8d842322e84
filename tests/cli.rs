use crate::util::{scratch, wortwolke};

const EXAMPLE: &str = "examples/answers/efa_gruende.txt";

#[test]
fn count_example_top_terms_and_base() {
    let run = wortwolke(
        &[
            "count",
            EXAMPLE,
            "--synonyms",
            "examples/answers/codebook.txt",
            "--format",
            "md",
            "--top",
            "5",
            "--table-lang",
            "en",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let first = run.stdout.lines().nth(2).unwrap();
    assert!(
        first.starts_with("| Personalmangel | 10 |"),
        "{}",
        run.stdout
    );
    // `weiß nicht` is a no-answer since issue 14
    assert!(run
        .stdout
        .contains("Base: n = 96 respondents answered (8 without answer, 104 in total)"));
    assert_eq!(
        run.stdout
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Term"))
            .count(),
        5
    );
}

#[test]
fn count_json_follows_the_contract() {
    let run = wortwolke(
        &["count", "--format", "json"],
        "Personal fehlt\nk.A.\nPersonal, Zeit\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["answers"], 3);
    assert_eq!(v["answered"], 2);
    assert_eq!(v["no_answer"], 1);
    let top = &v["terms"][0];
    let mut keys: Vec<&str> = top
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["answers", "key", "occurrences", "share", "term", "variants"]
    );
    assert_eq!(top["term"], "Personal");
    assert_eq!(top["key"], "personal");
    assert_eq!(top["answers"], 2);
    assert_eq!(top["share"], 1.0);
    assert_eq!(top["variants"][0]["form"], "Personal");
    assert_eq!(top["variants"][0]["count"], 2);
}

#[test]
fn count_is_sorted_by_weight_then_term() {
    let run = wortwolke(
        &["count", "--format", "tsv", "-q"],
        "Zeit\nGeld\nZeit Geld Raum\nZeit\n",
    );
    let terms: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(terms, ["Zeit", "Geld", "Raum"]);
}

#[test]
fn count_occurrences_min_count_and_top() {
    let input = "Zeit Zeit Zeit\nGeld\nGeld\n";
    let run = wortwolke(
        &["count", "--count", "occurrences", "--format", "tsv", "-q"],
        input,
    );
    assert!(
        run.stdout
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("Zeit\t1\t0.3333\t3\t"),
        "{}",
        run.stdout
    );
    let run = wortwolke(
        &["count", "--min-count", "2", "--format", "tsv", "-q"],
        input,
    );
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    let run = wortwolke(&["count", "--top", "1", "--format", "tsv", "-q"], input);
    assert_eq!(run.stdout.lines().count(), 2);
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`
/// in CSV and TSV, whatever the text came from. Answer words cannot show it (the tokenizer
/// drops `=`, `+` and `@`), so the cells here come from the analyst's own files: codebook
/// labels, `--split-list` mentions, group names and question headings.
#[test]
fn csv_and_tsv_cells_are_inert_in_spreadsheets() {
    let dir = scratch("inert");
    // A codebook label cannot start with `=` (the first `=` ends the label, and an empty one
    // is refused): `output::tests::formula_cells_become_inert` covers that case. `@Personal`
    // is refused as a label with no word in it; `@ Personal` is accepted.
    let codebook = dir.join("codes.txt");
    std::fs::write(
        &codebook,
        "+Kosten = kosten, geld\n-Zeit = zeit\n@ Personal = personal, mitarbeiter\n",
    )
    .unwrap();
    let survey = dir.join("survey.csv");
    std::fs::write(
        &survey,
        "Amt,@Frage1,+Frage2\n=cmd,Personal,Kosten\n-Bauamt,Zeit,Geld\n",
    )
    .unwrap();
    let runs: [(&[&str], &str, &[&str]); 3] = [
        (
            &["--synonyms", codebook.to_str().unwrap()],
            "Geld fehlt\nZeit und Mitarbeiter\n",
            &["'+Kosten", "'-Zeit", "'@ Personal"],
        ),
        (
            &["--split-list"],
            "-Form-Solutions, @regio iT, =SUMME(1)\n+49 Bürgertelefon\n",
            // a mention is named by its words: the signs before them, a handle (`@regio`)
            // and links are not part of it (issue 14)
            &["Form-Solutions", "iT", "SUMME(1)", "49 Bürgertelefon"],
        ),
        (
            &[
                survey.to_str().unwrap(),
                "--group",
                "Amt",
                "--column",
                "@Frage1",
                "--column",
                "+Frage2",
            ],
            "",
            &["'=cmd answers", "'-Bauamt share", "'@Frage1", "'+Frage2"],
        ),
    ];
    for (format, delimiter) in [("csv", b','), ("tsv", b'\t')] {
        for (args, stdin, expected) in &runs {
            let mut all = vec!["count", "-q", "--format", format, "--table-lang", "en"];
            all.extend_from_slice(args);
            let run = wortwolke(&all, stdin);
            assert_eq!(run.code, 0, "{run:?}");
            let cells: Vec<String> = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .quoting(delimiter == b',')
                .has_headers(false)
                .from_reader(run.stdout.as_bytes())
                .records()
                .flat_map(|record| {
                    record
                        .unwrap()
                        .into_iter()
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect();
            for cell in *expected {
                assert!(
                    cells.iter().any(|c| c == cell),
                    "{format}: {cell} in {}",
                    run.stdout
                );
            }
            for cell in &cells {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "{format}: {cell} in {}",
                    run.stdout
                );
            }
        }
    }
}

#[test]
fn tsv_prints_the_base_on_stderr_unless_quiet() {
    let run = wortwolke(&["count", "--table-lang", "en"], "Zeit\n\n");
    assert!(
        run.stderr
            .contains("n = 1 respondent answered (1 without answer"),
        "{run:?}"
    );
    assert_eq!(wortwolke(&["count", "-q"], "Zeit\n").stderr, "");
}

#[test]
fn analyze_keys_one_line_per_input_line() {
    let run = wortwolke(
        &["analyze", "--format", "keys"],
        "Die EfA-Dienste\n\nk.A.\nder und die\nBürger*innen, BürgerInnen\n",
    );
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines, ["efa-dienst", "", "", "", "bürger*in bürger*in"]);
}

#[test]
fn analyze_json_shows_offsets_kinds_keys_labels() {
    let run = wortwolke(
        &["analyze", "--format", "json"],
        "Die Dienste, z. B. Anträge\nDienst\n",
    );
    let first: serde_json::Value =
        serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    let tokens = first["tokens"].as_array().unwrap();
    let kinds: Vec<&str> = tokens.iter().map(|t| t["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["stopword", "word", "punctuation", "stopword", "word"]
    );
    assert_eq!(tokens[1]["text"], "Dienste");
    assert_eq!(
        (tokens[1]["start"].as_u64(), tokens[1]["end"].as_u64()),
        (Some(4), Some(11))
    );
    assert_eq!(tokens[1]["key"], "dienst");
    assert_eq!(tokens[1]["label"], "Dienste");
    assert_eq!(tokens[3]["text"], "z. B.");
}

#[test]
fn stdin_dash_and_several_inputs() {
    let dir = scratch("several_inputs");
    std::fs::write(dir.join("a.txt"), "Zeit\n").unwrap();
    let a = dir.join("a.txt");
    let run = wortwolke(
        &["count", "--format", "json", a.to_str().unwrap(), "-"],
        "Zeit\nGeld",
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["answers"], 3);
    wortwolke(&["count", "-", "-"], "").assert_error("read only once");
}

#[test]
fn missing_file_is_a_one_line_error() {
    wortwolke(&["count", "no/such/file.txt"], "").assert_error("no/such/file.txt: cannot open");
}

#[test]
fn directory_is_a_one_line_error() {
    wortwolke(&["count", "examples"], "").assert_error("examples: is a directory");
}

#[test]
fn invalid_utf8_is_read_as_cp1252_with_a_note_or_an_error_when_utf8_is_forced() {
    let dir = scratch("invalid_utf8");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"Zeit\nM\xFCller\n").unwrap();
    let p = path.to_str().unwrap();
    let run = wortwolke(&["count", p, "--format", "tsv"], "");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Müller\t1\t"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("latin1.txt: not valid UTF-8; read as Windows-1252"),
        "{}",
        run.stderr
    );
    wortwolke(&["count", p, "--encoding", "utf-8"], "")
        .assert_error("latin1.txt:2: invalid UTF-8 at byte 2 of the line (byte 7 of the file)");
}

#[test]
fn binary_input_is_refused() {
    let dir = scratch("binary");
    let path = dir.join("x.bin");
    std::fs::write(&path, [0u8, 1, 2, 3]).unwrap();
    wortwolke(&["count", path.to_str().unwrap()], "").assert_error("not a text file");
}

#[test]
fn bad_codebook_line_names_file_and_line() {
    let dir = scratch("codebook");
    let path = dir.join("codes.txt");
    std::fs::write(
        &path,
        "# codes\nPersonalmangel = fehlendes Personal\nZeitmangel keine Zeit\n",
    )
    .unwrap();
    wortwolke(&["count", "--synonyms", path.to_str().unwrap()], "x")
        .assert_error("codes.txt:3: expected `Label = variant");
}

#[test]
fn variant_in_two_groups_is_an_error() {
    let dir = scratch("codebook_twice");
    let path = dir.join("codes.txt");
    std::fs::write(
        &path,
        "Personalmangel = fehlendes Personal\nPersonal = fehlendem Personal\n",
    )
    .unwrap();
    wortwolke(&["count", "--synonyms", path.to_str().unwrap()], "x").assert_error("codes.txt:2:");
}

#[test]
fn unknown_language_is_an_error() {
    wortwolke(&["count", "--lang", "xx"], "x").assert_error("unknown language 'xx'");
}

#[test]
fn nothing_to_count_exits_1() {
    let run = wortwolke(&["count"], "und die der\nk.A.\n");
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("nothing to count"));
}

#[test]
fn usage_error_exits_2_and_help_has_an_example() {
    let run = wortwolke(&["count", "--format", "xml"], "");
    assert_eq!(run.code, 2);
    for cmd in ["count", "analyze"] {
        let help = wortwolke(&[cmd, "--help"], "");
        assert_eq!(help.code, 0);
        assert!(help.stdout.contains("Example:"), "{cmd}: {}", help.stdout);
    }
}

#[test]
fn phrases_auto_detects_collocations() {
    let mut input = String::from(
        "digitale Akte fehlt\ndie digitale Akte\nkeine digitale Akte\nAkte\ndigitale Welt\n",
    );
    for word in [
        "Personal",
        "Zeit",
        "Geld",
        "Raum",
        "Kosten",
        "Technik",
        "Schulung",
        "Beratung",
        "Austausch",
        "Software",
    ] {
        input.push_str(&format!("{word} fehlt, {word} und Software\n"));
    }
    let run = wortwolke(
        &["count", "--phrases", "auto", "--format", "tsv", "-q"],
        &input,
    );
    let rows: Vec<&str> = run.stdout.lines().collect();
    assert!(
        rows.iter().any(|r| r.starts_with("digitale Akte\t3\t")),
        "{}",
        run.stdout
    );
    // the parts stop counting where they occur inside the phrase
    assert!(
        rows.iter().any(|r| r.starts_with("Akte\t1\t")),
        "{}",
        run.stdout
    );
    assert!(
        rows.iter().any(|r| r.starts_with("digitale\t1\t")),
        "{}",
        run.stdout
    );
}

#[test]
fn phrases_file_and_negation() {
    let dir = scratch("phrases");
    let path = dir.join("phrases.txt");
    std::fs::write(&path, "Digitale Modellregion\n").unwrap();
    let run = wortwolke(
        &[
            "count",
            "--phrases",
            path.to_str().unwrap(),
            "--keep-negation",
            "--format",
            "tsv",
            "-q",
        ],
        "in der digitalen Modellregion\nkeine Priorität\n",
    );
    let terms: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(terms, ["digitalen Modellregion", "keine Priorität"]);
    std::fs::write(&path, "Modellregion\n").unwrap();
    wortwolke(&["count", "--phrases", path.to_str().unwrap()], "x").assert_error("phrases.txt:1:");
}

#[test]
fn own_stopwords_and_no_default_stopwords() {
    let dir = scratch("stopwords");
    let path = dir.join("stop.txt");
    std::fs::write(&path, "Zeit\n").unwrap();
    let p = path.to_str().unwrap();
    let run = wortwolke(
        &["count", "--stopwords", p, "--format", "tsv", "-q"],
        "die Zeit und Geld\n",
    );
    let terms: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(terms, ["Geld"]);
    let run = wortwolke(
        &[
            "count",
            "--no-default-stopwords",
            "--stopwords",
            p,
            "--format",
            "tsv",
            "-q",
        ],
        "die Zeit und Geld\n",
    );
    assert_eq!(run.stdout.lines().count(), 4, "{}", run.stdout);
}

#[test]
fn no_stem_and_english() {
    let run = wortwolke(
        &["count", "--no-stem", "--format", "tsv", "-q"],
        "Dienst\nDienste\n",
    );
    assert_eq!(run.stdout.lines().count(), 3);
    let run = wortwolke(
        &["count", "--lang", "en", "--format", "tsv", "-q"],
        "the connections\nconnection\n",
    );
    assert!(
        run.stdout.lines().nth(1).unwrap().contains("\t2\t"),
        "{}",
        run.stdout
    );
}

#[test]
fn cloud_png_svg_json_from_the_example() {
    let dir = scratch("cloud_formats");
    for ext in ["png", "svg", "json"] {
        let out = dir.join(format!("efa.{ext}"));
        let run = wortwolke(
            &[
                "cloud",
                EXAMPLE,
                "--width",
                "400",
                "--height",
                "300",
                "-o",
                out.to_str().unwrap(),
            ],
            "",
        );
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stderr.contains("wrote"), "{run:?}");
        let bytes = std::fs::read(&out).unwrap();
        match ext {
            "png" => assert_eq!(&bytes[1..4], b"PNG"),
            "svg" => {
                let svg = String::from_utf8(bytes).unwrap();
                assert!(
                    svg.starts_with("<svg")
                        && svg.contains(
                            "Begriffe nach Zahl: fehlende (10), fehlt (10), Personal (9)"
                        ),
                    "{}",
                    &svg[..300]
                );
            }
            _ => {
                let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(
                    (v["width"].as_u64(), v["height"].as_u64()),
                    (Some(400), Some(300))
                );
                let w = &v["words"][0];
                for key in ["text", "weight", "font_size", "x", "y", "rotation", "color"] {
                    assert!(!w[key].is_null(), "{key} in {w}");
                }
                assert!(v["dropped"].is_array());
            }
        }
    }
}

#[test]
fn cloud_png_is_byte_identical_run_to_run() {
    let dir = scratch("cloud_identical");
    let (a, b) = (dir.join("a.png"), dir.join("b.png"));
    for out in [&a, &b] {
        let run = wortwolke(
            &[
                "cloud",
                EXAMPLE,
                "--width",
                "300",
                "--height",
                "200",
                "--seed",
                "3",
                "-q",
                "-o",
                out.to_str().unwrap(),
            ],
            "",
        );
        assert_eq!(run.code, 0, "{run:?}");
    }
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn cloud_from_a_frequency_table_and_to_stdout() {
    let table = "term\tanswers\nPersonalmangel\t31\nSchnittstellen\t17\nDatenschutz\t9\n";
    let run = wortwolke(
        &[
            "cloud",
            "--frequencies",
            "-o",
            "-",
            "--format",
            "json",
            "--width",
            "300",
            "--height",
            "200",
        ],
        table,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["words"][0]["text"], "Personalmangel");
    assert_eq!(v["words"][0]["weight"], 31.0);
    let out = scratch("cloud_frequencies").join("x.json");
    wortwolke(
        &["cloud", "--frequencies", "-o", out.to_str().unwrap()],
        "Geld\t3\nZeit\tviel\n",
    )
    .assert_error("<stdin>:2: expected `term<TAB>count`");
    assert!(!out.exists());
}

#[test]
fn cloud_reports_dropped_words_with_counts() {
    let mut table = String::new();
    for i in 0..300 {
        table.push_str(&format!("Wort{i}\t{}\n", 300 - i));
    }
    let run = wortwolke(
        &[
            "cloud",
            "--frequencies",
            "--max-words",
            "300",
            "--width",
            "120",
            "--height",
            "80",
            "-o",
            "-",
            "--format",
            "json",
        ],
        &table,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let dropped = v["dropped"].as_array().unwrap();
    assert!(!dropped.is_empty());
    assert_eq!(v["words"].as_array().unwrap().len() + dropped.len(), 300);
    assert!(
        run.stderr.contains("did not fit")
            && run
                .stderr
                .contains(&format!("{} (", dropped[0]["text"].as_str().unwrap())),
        "{}",
        run.stderr
    );
}

#[test]
fn cloud_default_output_name_is_the_input_name() {
    let dir = scratch("cloud_default_name");
    let input = dir.join("fragen.txt");
    std::fs::write(&input, "Personal\nZeit\nPersonal\n").unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_wortwolke"))
        .args([
            "cloud",
            input.to_str().unwrap(),
            "--width",
            "200",
            "--height",
            "100",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    assert!(dir.join("fragen.png").exists());
    assert!(String::from_utf8_lossy(&status.stderr).contains("wrote fragen.png"));
}

#[test]
fn cloud_errors() {
    let dir = scratch("cloud_errors");
    let not_a_font = dir.join("font.ttf");
    std::fs::write(&not_a_font, "hello").unwrap();
    let x = dir.join("x.png");
    let x = x.to_str().unwrap();
    wortwolke(
        &[
            "cloud",
            EXAMPLE,
            "--font",
            not_a_font.to_str().unwrap(),
            "-o",
            x,
        ],
        "",
    )
    .assert_error("not a TrueType or OpenType font");
    let not_a_mask = dir.join("mask.png");
    std::fs::write(&not_a_mask, "hello").unwrap();
    wortwolke(
        &[
            "cloud",
            EXAMPLE,
            "--mask",
            not_a_mask.to_str().unwrap(),
            "-o",
            x,
        ],
        "",
    )
    .assert_error("cannot read the mask image");
    wortwolke(
        &["cloud", EXAMPLE, "-o", dir.join("x.gif").to_str().unwrap()],
        "",
    )
    .assert_error("end the file name in .png, .svg or .json");
    wortwolke(&["cloud", EXAMPLE, "--background", "rosa", "-o", x], "")
        .assert_error("not a colour");
    wortwolke(&["cloud", EXAMPLE, "--palette", "rainbow", "-o", x], "")
        .assert_error("unknown palette");
    assert!(!dir.join("x.png").exists());
    wortwolke(&["cloud", EXAMPLE, "-o", EXAMPLE, "--format", "png"], "")
        .assert_error("would overwrite an input");
    let missing_dir = dir.join("no/such/dir/x.png");
    wortwolke(&["cloud", EXAMPLE, "-o", missing_dir.to_str().unwrap()], "")
        .assert_error("cannot write");
    assert!(!missing_dir.exists());
    let run = wortwolke(
        &["cloud", "-o", dir.join("empty.png").to_str().unwrap()],
        "und die\n",
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!dir.join("empty.png").exists());
}
