//! Survey exports: every format gives the same table as plain text; bad inputs fail clearly.

use crate::util::{root, scratch, wortwolke};

/// `count --format json` of `args`, parsed.
fn table(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["count", "--format", "json", "-q"];
    all.extend_from_slice(args);
    let run = wortwolke(&all, "");
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

fn plain() -> serde_json::Value {
    table(&["tests/fixtures/gruende.txt"])
}

#[test]
fn every_export_gives_the_plain_text_table() {
    let expected = plain();
    assert_eq!(expected["answers"], 12);
    assert_eq!(expected["no_answer"], 2);
    for args in [
        &["tests/fixtures/gruende.txt.gz"][..],
        &["tests/fixtures/limesurvey.csv", "--column", "G1"],
        &["tests/fixtures/excel_cp1252.csv", "--column", "3"],
        &[
            "tests/fixtures/excel_cp1252.csv",
            "--column",
            "Warum werden EfA-Dienste nicht genutzt?",
        ],
        &["tests/fixtures/utf16.tsv", "--column", "Antwort"],
        &["tests/fixtures/answers.jsonl", "--field", "answer.text"],
    ] {
        assert_eq!(table(args), expected, "{args:?}");
    }
}

#[test]
fn long_format_joins_rows_of_one_respondent() {
    let run = wortwolke(
        &[
            "count",
            "tests/fixtures/long.csv",
            "--respondent-column",
            "respondent",
            "--question-column",
            "question",
            "--answer-column",
            "answer",
            "--format",
            "json",
            "-q",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let tables = v.as_array().unwrap();
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0]["question"], "Gruende");
    let mut first = tables[0].clone();
    first
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "question" && k != "group");
    assert_eq!(first, plain());
    assert_eq!(tables[1]["question"], "Produkte");
}

#[test]
fn xlsx_with_two_sheets() {
    let dir = scratch("xlsx");
    let path = dir.join("umfrage.xlsx");
    let answers: Vec<String> = std::fs::read_to_string(root().join("tests/fixtures/gruende.txt"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let cover = book.add_worksheet().set_name("Deckblatt").unwrap();
    cover.write(0, 0, "Umfrage 2023").unwrap();
    let sheet = book.add_worksheet().set_name("Antworten").unwrap();
    sheet.write(0, 0, "Nr").unwrap();
    sheet.write(0, 1, "Gründe").unwrap();
    for (i, a) in answers.iter().enumerate() {
        sheet.write(i as u32 + 1, 0, i as u32 + 1).unwrap();
        if !a.is_empty() {
            sheet.write(i as u32 + 1, 1, a.as_str()).unwrap();
        }
    }
    book.save(&path).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(
        table(&[p, "--sheet", "Antworten", "--column", "Gründe"]),
        plain()
    );
    assert_eq!(table(&[p, "--sheet", "2", "--column", "2"]), plain());
    wortwolke(&["count", p, "--sheet", "Tabelle9", "--column", "1"], "")
        .assert_error("no sheet `Tabelle9`; sheets: Deckblatt, Antworten");
}

#[test]
fn columns_by_glob_are_one_question_each_and_split_list_counts_mentions() {
    let run = wortwolke(
        &[
            "count",
            "tests/fixtures/limesurvey.csv",
            "--column",
            "P2*",
            "--split-list",
            "--format",
            "tsv",
            "-q",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let rows: Vec<&str> = run.stdout.lines().collect();
    // the [other] column is empty: only the P2[SQ001] question has terms
    assert!(
        rows[0].starts_with("question\tterm\tanswers"),
        "{}",
        run.stdout
    );
    // 12 rows, 3 without answer (two empty, one `-`): base 9; a product is one term
    assert!(
        rows.contains(&"P2[SQ001]\toptiGov\t4\t0.4444\t4\toptiGov (4)"),
        "{}",
        run.stdout
    );
    assert!(
        rows.contains(&"P2[SQ001]\tregio iT\t4\t0.4444\t4\tregio iT (4)"),
        "{}",
        run.stdout
    );
    assert!(
        rows.contains(&"P2[SQ001]\tForm-Solutions\t4\t0.4444\t4\tForm-Solutions (4)"),
        "{}",
        run.stdout
    );
    assert!(
        rows.contains(&"P2[SQ001]\tOZG-Hub\t1\t0.1111\t1\tOZG-Hub (1)"),
        "{}",
        run.stdout
    );
}

#[test]
fn groups_get_their_own_counts_and_clouds() {
    let run = wortwolke(
        &[
            "count",
            "tests/fixtures/excel_cp1252.csv",
            "--column",
            "3",
            "--group",
            "Kreis",
            "--format",
            "tsv",
            "-q",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let header = run.stdout.lines().next().unwrap();
    assert_eq!(header, "term\tanswers\tshare\toccurrences\tvariants\tLippe answers\tLippe share\tGütersloh answers\tGütersloh share\tHöxter answers\tHöxter share");
    let personal = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Personal\t"))
        .unwrap();
    let cells: Vec<&str> = personal.split('\t').collect();
    // total 3; Lippe answers 1 (row 1), Höxter 1 (row 7: "zu wenig Personal"), Gütersloh 1 (row 12)
    assert_eq!(
        (cells[1], cells[5], cells[7], cells[9]),
        ("3", "1", "1", "1"),
        "{personal}"
    );

    let dir = scratch("group_clouds");
    let template = dir.join("{question}-{group}.json");
    let run = wortwolke(
        &[
            "cloud",
            "tests/fixtures/excel_cp1252.csv",
            "--column",
            "3",
            "--group",
            "Kreis",
            "--width",
            "300",
            "--height",
            "200",
            "-o",
            template.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    for g in ["all", "Lippe", "Gütersloh", "Höxter"] {
        let path = dir.join(format!("Warum_werden_EfA-Dienste_nicht_genutzt-{g}.json"));
        assert!(
            path.exists(),
            "{} missing; {:?}",
            path.display(),
            std::fs::read_dir(&dir).unwrap().collect::<Vec<_>>()
        );
    }
}

#[test]
fn base_all_divides_by_all_rows() {
    let answered = plain();
    let all = table(&["tests/fixtures/gruende.txt", "--base", "all"]);
    let (a, b) = (&answered["terms"][0], &all["terms"][0]);
    assert_eq!(a["answers"], b["answers"]);
    assert!(
        (a["share"].as_f64().unwrap() * 10.0 - b["share"].as_f64().unwrap() * 12.0).abs() < 1e-9
    );
}

#[test]
fn blank_line_separated_answers() {
    let run = wortwolke(
        &["count", "--blank-line-separated", "--format", "json", "-q"],
        "Personal\nfehlt\n\n\nZeit\n\nPersonal\n",
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["answers"], 3);
    assert_eq!(v["terms"][0]["term"], "Personal");
    assert_eq!(v["terms"][0]["answers"], 2);
}

#[test]
fn bad_inputs_fail_with_one_line() {
    wortwolke(
        &["count", "tests/fixtures/limesurvey.csv", "--column", "Q9"],
        "",
    )
    .assert_error("no column `Q9`; available: id (1), submitdate (2)");
    wortwolke(&["count", "tests/fixtures/limesurvey.csv"], "")
        .assert_error("choose the answer column(s) with --column");
    wortwolke(&["count", "tests/fixtures/ragged.csv", "--column", "a"], "")
        .assert_error("ragged.csv:3: 1 fields where the header has 2");
    let dir = scratch("bad_inputs");
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    wortwolke(&["count", empty.to_str().unwrap()], "").assert_error("empty.csv: the file is empty");
    let binary = dir.join("data.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
    wortwolke(&["count", binary.to_str().unwrap()], "").assert_error("not a text file");
    let not_xlsx = dir.join("broken.xlsx");
    std::fs::write(&not_xlsx, "not a workbook").unwrap();
    wortwolke(&["count", not_xlsx.to_str().unwrap(), "--column", "1"], "")
        .assert_error("cannot read the workbook");
    wortwolke(&["count", "tests/fixtures/answers.jsonl"], "")
        .assert_error("JSON lines need --field");
    wortwolke(
        &[
            "count",
            "tests/fixtures/long.csv",
            "--question-column",
            "question",
        ],
        "",
    )
    .assert_error("long format needs all three");
    wortwolke(&["count", "--encoding", "klingon"], "x").assert_error("unknown encoding `klingon`");
}

#[test]
fn several_questions_need_a_template_and_names_are_safe() {
    let dir = scratch("templates");
    let out = dir.join("table.tsv");
    wortwolke(
        &[
            "count",
            "tests/fixtures/limesurvey.csv",
            "--column",
            "G1",
            "--column",
            "P2*",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    )
    .assert_error("put {question} in the -o file name");
    let template = dir.join("{question}.md");
    let run = wortwolke(
        &[
            "count",
            "tests/fixtures/limesurvey.csv",
            "--column",
            "G1",
            "--column",
            "P2[SQ001]",
            "--format",
            "md",
            "-q",
            "-o",
            template.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(dir.join("G1.md").exists());
    assert!(
        dir.join("P2_SQ001.md").exists(),
        "{:?}",
        std::fs::read_dir(&dir).unwrap().collect::<Vec<_>>()
    );
}

#[test]
fn completions() {
    let run = wortwolke(&["completions", "bash"], "");
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("wortwolke") && run.stdout.contains("--split-list"));
}

#[test]
fn thread_count_does_not_change_the_table() {
    // more than one chunk of work (1 MiB), with no-answers and umlauts
    let mut input = String::new();
    for i in 0..40_000 {
        input.push_str(match i % 7 {
            0 => "Fehlendes Personal, keine Zeit für die E-Akte\n",
            1 => "k.A.\n",
            2 => "Schnittstellen zum Fachverfahren fehlen; Größe der Verwaltung\n",
            3 => "\n",
            4 => "Bürger*innen kennen die Online-Dienste nicht\n",
            5 => "zu wenig Personal und Geld\n",
            _ => "Die Digitalisierung dauert\n",
        });
    }
    let dir = scratch("threads");
    let path = dir.join("big.txt");
    std::fs::write(&path, &input).unwrap();
    let p = path.to_str().unwrap();
    let one = wortwolke(&["count", p, "--format", "json", "--threads", "1"], "");
    let two = wortwolke(&["count", p, "--format", "json", "--threads", "2"], "");
    let three = wortwolke(&["count", "--format", "json", "--threads", "3"], &input);
    assert_eq!(one.code, 0, "{one:?}");
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, three.stdout);
    let v: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(v["answers"], 40_000);
}

#[test]
fn csv_rows_counted_on_several_threads_give_the_same_tables() {
    // two questions, a group column, more than one batch of work (1 MiB of answers); ASCII, so
    // that the whole-file path (forced by naming an encoding) must read it the same
    let answers = [
        "Fehlendes Personal, keine Zeit fuer die E-Akte",
        "k.A.",
        "Schnittstellen zum Fachverfahren fehlen",
        "",
        "Personal fehlt. Zeit fehlt",
        "zu wenig Personal und Geld; Die Digitalisierung dauert",
        "\"Personal\", sagt sie",
    ];
    let mut csv = String::from("id;Amt;Warum;Was fehlt\n");
    for i in 0..30_000 {
        let why = answers[i % answers.len()];
        let what = answers[(i / 3) % answers.len()].replace('"', "");
        let office = ["Bauamt", "Ordnungsamt", " ", "Kreis"][(i / 5) % 4];
        let why = why.replace('"', "\"\"");
        csv.push_str(&format!("{i};{office};\"{why}\";\"{what}\"\n"));
    }
    let dir = scratch("csv_threads");
    let path = dir.join("survey.csv");
    std::fs::write(&path, &csv).unwrap();
    let p = path.to_str().unwrap();
    let run = |extra: &[&str]| {
        let fixed = [
            "count",
            p,
            "--group",
            "Amt",
            "--column",
            "Warum",
            "--column",
            "Was fehlt",
        ];
        let args = [&fixed[..], &["--format", "json"], extra].concat();
        let out = wortwolke(&args, "");
        assert_eq!(out.code, 0, "{out:?}");
        out.stdout
    };
    let one = run(&["--threads", "1"]);
    assert_eq!(one, run(&["--threads", "2"]));
    assert_eq!(one, run(&["--threads", "3"]));
    assert_eq!(one, run(&["--encoding", "windows-1252"]));
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v[0]["answers"], 30_000);
    // one question, no groups: the rows go straight into the workers' tallies
    let plain = |extra: &[&str]| {
        let args = [
            &["count", p, "--column", "Warum", "--format", "json"][..],
            extra,
        ]
        .concat();
        wortwolke(&args, "").stdout
    };
    let single = plain(&["--threads", "1"]);
    assert!(single.contains("\"Personal\""), "{single}");
    assert_eq!(single, plain(&["--threads", "2"]));
    assert_eq!(single, plain(&["--encoding", "windows-1252"]));
    // two questions, each with its total and four groups, in order of appearance
    let groups: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["group"].as_str())
        .collect();
    assert_eq!(
        groups,
        ["Bauamt", "Ordnungsamt", "(none)", "Kreis"].repeat(2),
        "{one}"
    );
}

/// Untrusted inputs: random bytes in every input format end with exit 0, 1 or 2 — never a
/// panic (exit 101, or a panic message from a worker thread that did not take the process
/// down); an error (2) is exactly one line on stderr, `wortwolke: ` and the message. With
/// `-q`, because notes (`read as Windows-1252`) may come before an error, and they are not it.
#[test]
fn random_bytes_never_panic() {
    let dir = scratch("fuzz");
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..24 {
        let len = (next() % 600) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        if case % 3 == 0 {
            // mostly text with separators, quotes and line breaks
            let alphabet = b"ab;,\t\"\n\r\xC3\xBC=#k.A. ";
            for b in &mut bytes {
                *b = alphabet[(*b as usize) % alphabet.len()];
            }
        }
        for ext in ["txt", "csv", "tsv", "jsonl", "xlsx", "gz"] {
            let path = dir.join(format!("input{case}.{ext}"));
            std::fs::write(&path, &bytes).unwrap();
            let p = path.to_str().unwrap();
            for args in [
                vec!["count", p, "-q", "--column", "1", "--field", "a"],
                vec![
                    "cloud", p, "-q", "--column", "1", "--field", "a", "-o", "-", "--format",
                    "json",
                ],
            ] {
                let run = wortwolke(&args, "");
                assert!(
                    matches!(run.code, 0..=2),
                    "{args:?} exited {}: {}",
                    run.code,
                    run.stderr
                );
                assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
                assert!(
                    run.stderr.lines().all(|l| l.starts_with("wortwolke: ")),
                    "{args:?}: {}",
                    run.stderr
                );
                if run.code == 2 {
                    run.assert_one_line_error();
                }
            }
        }
    }
}

#[test]
fn windows_1252_on_standard_input_is_detected_while_streaming() {
    let child = crate::util::start(
        &["count", "--format", "tsv"],
        &[],
        b"Zeit\nM\xFCller und Gr\xF6\xDFe\n",
    );
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(
        stdout.contains("Müller\t1\t") && stdout.contains("Größe\t1\t"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("<stdin>: not valid UTF-8; read as Windows-1252"));
}

#[test]
fn auto_phrases_streamed_from_a_file_equal_the_whole_input_path() {
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(match i % 5 {
            0 => "digitale Akte fehlt\n",
            1 => "die digitale Akte und das Servicekonto\n",
            2 => "Personal fehlt, Zeit fehlt\n",
            3 => "k.A.\n",
            _ => "Servicekonto einrichten\n",
        });
    }
    let dir = scratch("auto_phrases");
    let path = dir.join("answers.txt");
    std::fs::write(&path, &input).unwrap();
    let args = [
        "count",
        "--phrases",
        "auto",
        "--format",
        "json",
        "--threads",
        "2",
    ];
    let from_file = wortwolke(&[&args[..], &[path.to_str().unwrap()]].concat(), "");
    let from_stdin = wortwolke(&args, &input); // standard input: the whole-input path
    assert_eq!(from_file.code, 0, "{from_file:?}");
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let v: serde_json::Value = serde_json::from_str(&from_file.stdout).unwrap();
    assert!(
        v["terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["term"] == "digitale Akte"),
        "{}",
        from_file.stdout
    );
}

// See: issue 13 (a PDF without NUL bytes was drawn as a cloud of `PDF-1.7`, `endobj`)
#[test]
fn files_that_are_not_survey_data_are_refused_by_content() {
    let dir = scratch("not_survey_data");
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "bericht.txt",
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            "looks like a PDF",
        ),
        (
            "antworten.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "looks like a PNG image",
        ),
        (
            "antworten.csv",
            b"PK\x03\x04\x14\0\0\0\x08\0",
            "name it .xlsx",
        ),
        (
            "antworten.jsonl",
            b"\x7FELF\x02\x01\x01\0\0\0",
            "looks like a program",
        ),
    ];
    for (name, bytes, needle) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let run = wortwolke(&["count", path.to_str().unwrap(), "--field", "a"], "");
        let run = if name.ends_with(".jsonl") {
            run
        } else {
            wortwolke(&["count", path.to_str().unwrap()], "")
        };
        run.assert_error(needle);
        // inside gzip too, and on standard input
        let run = wortwolke(
            &["count", "-"],
            std::str::from_utf8(bytes).unwrap_or("%PDF-1.7\n"),
        );
        assert_ne!(run.code, 0, "{name} on stdin: {run:?}");
    }
    let gz = dir.join("bericht.txt.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut encoder, b"%PDF-1.4\n%binary\n").unwrap();
    std::fs::write(&gz, encoder.finish().unwrap()).unwrap();
    wortwolke(&["count", gz.to_str().unwrap()], "").assert_error("looks like a PDF");
}

// See: issue 13 (a file without line breaks grew in memory without a limit)
#[test]
fn a_text_line_longer_than_the_limit_is_an_error() {
    let dir = scratch("long_line");
    let path = dir.join("eine_zeile.txt");
    // the limit is checked while the line has no end yet: go one chunk (1 MiB) past it
    let line = "a".repeat((66 << 20) + 1);
    std::fs::write(&path, format!("Zeit\n{line}\n")).unwrap();
    wortwolke(&["count", path.to_str().unwrap()], "")
        .assert_error("eine_zeile.txt:2: a line of more than 64 MiB");
}

// See: issue 13 (outputs on failing disks and special files)
#[test]
fn outputs_to_devices_and_full_disks() {
    // a full device: one line, exit 2, and /dev/full is still the device
    let run = wortwolke(&["count", "-o", "/dev/full"], "Personal\n");
    run.assert_error("/dev/full: cannot write");
    let kind = std::fs::metadata("/dev/full").unwrap().file_type();
    assert!(!kind.is_file(), "/dev/full was replaced by a file");
    // a device is written to, not replaced
    let run = wortwolke(
        &["cloud", "-o", "/dev/null", "--format", "svg"],
        "Personal\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    // a link to a file: the file gets the output, the link stays a link
    let dir = scratch("output_link");
    let target = dir.join("table.tsv");
    std::fs::write(&target, "old").unwrap();
    let link = dir.join("link.tsv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let run = wortwolke(&["count", "-q", "-o", link.to_str().unwrap()], "Personal\n");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(link.is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("Personal\t1"));
    // no temporary file is left behind
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

// See: issue 13 (hostile text in every output)
#[test]
fn hostile_text_stays_inert_in_every_table_format() {
    let dir = scratch("hostile_tables");
    let path = dir.join("umfrage.csv");
    let hostile = "\"<script>alert(1)</script>\"";
    std::fs::write(
        &path,
        format!(
            "Gruppe;\"=HYPERLINK(\"\"x\"\")\"\n\
             \"=cmd|' /C calc'!A0\";{hostile} Personal ]]> \u{202E}Zeit\u{1b}[31m\n\
             \"@SUM(1)\";Personal\n"
        ),
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for format in ["tsv", "csv", "json", "md"] {
        let run = wortwolke(
            &[
                "count", file, "--column", "2", "--group", "Gruppe", "--format", format, "-q",
            ],
            "",
        );
        assert_eq!(run.code, 0, "{format}: {run:?}");
        match format {
            "json" => {
                let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
                assert!(v.as_array().unwrap().len() >= 3, "{format}");
            }
            "tsv" | "csv" => {
                // every cell that would start a formula starts with an apostrophe
                let delimiter = if format == "tsv" { b'\t' } else { b',' };
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(delimiter)
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(run.stdout.as_bytes());
                for record in reader.records() {
                    for cell in record.unwrap().iter() {
                        assert!(
                            !cell.starts_with(['=', '+', '-', '@']),
                            "{format}: {cell:?}"
                        );
                    }
                }
            }
            _ => assert!(!run.stdout.contains("<script>"), "{format}: {}", run.stdout),
        }
    }
    let run = wortwolke(&["analyze", file, "--column", "2", "--format", "json"], "");
    for line in run.stdout.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

// See: issue 13 (hostile text in every output)
#[test]
fn hostile_text_stays_inert_in_svg() {
    let dir = scratch("hostile_svg");
    let survey = dir.join("umfrage.csv");
    let script = "<script>alert(1)</script>";
    std::fs::write(
        &survey,
        format!(
            "Gruppe;\"{script} ]]> \"\"q\"\"\"\n\
             \"{script}\u{202E}Nord\";\"{script} Personal ]]> \u{202E}Zeit\u{1b}[31m \"\"x\"\" onload=alert(1)\"\n\
             \"Süd\u{7}\";\"Personal <svg onload=alert(1)> Zeit ]]> Geld\u{202D}\"\n"
        ),
    )
    .unwrap();
    let codebook = dir.join("codes.txt");
    std::fs::write(
        &codebook,
        format!("{script}\"]]>\u{202E}\u{1} = Personal\n"),
    )
    .unwrap();
    let title = format!("{script} \"]]> \u{202E}\u{1b}[1m <img src=x onerror=alert(1)>");
    for (mode, text) in [("paths", false), ("text", true)] {
        let out = dir.join(mode);
        std::fs::create_dir_all(&out).unwrap();
        let template = out.join("{question}_{group}.svg");
        let mut args = vec![
            "cloud",
            survey.to_str().unwrap(),
            "--column",
            "2",
            "--group",
            "Gruppe",
            "--synonyms",
            codebook.to_str().unwrap(),
            "--title",
            &title,
            "--width",
            "400",
            "--height",
            "300",
            "-q",
            "-o",
            template.to_str().unwrap(),
        ];
        if text {
            args.push("--svg-text");
        }
        let run = wortwolke(&args, "");
        assert_eq!(run.code, 0, "{mode}: {run:?}");
        let files = std::fs::read_dir(&out).unwrap().count();
        assert!(files >= 3, "{mode}: total and two groups, {files} files");
        for entry in std::fs::read_dir(&out).unwrap() {
            let path = entry.unwrap().path();
            let svg = std::fs::read_to_string(&path).unwrap();
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{}: not XML ({e})", path.display()));
            let mut texts = String::new();
            for node in doc.descendants() {
                assert_ne!(node.tag_name().name(), "script", "{}", path.display());
                for attribute in node.attributes() {
                    let name = attribute.name().to_ascii_lowercase();
                    assert!(!name.starts_with("on"), "{}: {name}", path.display());
                    assert!(
                        !attribute.value().contains("javascript:"),
                        "{}",
                        path.display()
                    );
                }
                if node.is_text() {
                    texts.push_str(node.text().unwrap_or(""));
                }
            }
            // the hostile text is there, as text: the title and the codebook's label
            assert!(
                texts.contains("<script>alert(1)</script> \"]]> \u{202E}[1m <img"),
                "{}: {texts}",
                path.display()
            );
            assert!(
                texts.contains("<script>alert(1)</script>\"]]>\u{202E}"),
                "{}: {texts}",
                path.display()
            );
        }
    }
}

/// A column pattern that also matches the `--group` column (`F*` and `Fachbereich`) leaves the
/// group column out: its values are group names, not answers. Named by its name, it is taken.
#[test]
fn column_patterns_leave_the_group_column_out() {
    let dir = scratch("glob_group");
    let path = dir.join("umfrage.csv");
    std::fs::write(
        &path,
        "Lfd-Nr;Fachbereich;F1 Hindernisse;F2 Wünsche\n1;Jugend;Personal fehlt;mehr Personal\n2;Bauen;keine Zeit;mehr Zeit\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let questions = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|q| q["question"].as_str().unwrap().to_owned())
            .collect()
    };
    let v = table(&[path, "--column", "F*", "--group", "Fachbereich"]);
    let mut names = questions(&v);
    names.dedup();
    assert_eq!(names, ["F1 Hindernisse", "F2 Wünsche"], "{v}");
    let v = table(&[
        path,
        "--column",
        "F*",
        "--column",
        "Fachbereich",
        "--group",
        "2",
    ]);
    let mut names = questions(&v);
    names.dedup();
    assert_eq!(
        names,
        ["F1 Hindernisse", "F2 Wünsche", "Fachbereich"],
        "{v}"
    );
}

/// When no column has the name asked for, the error says what may have gone wrong: another
/// delimiter (the whole header read as one column), a name in other case, a pattern with more
/// than `*` and `?`.
#[test]
fn a_missing_column_gets_a_hint() {
    let dir = scratch("column_hints");
    let path = dir.join("umfrage.csv");
    std::fs::write(&path, "Lfd-Nr;Fachbereich;F1 Hindernisse\n1;Bauen;Zeit\n").unwrap();
    let path = path.to_str().unwrap();
    let tsv = dir.join("export.csv");
    std::fs::write(&tsv, "Lfd-Nr\tAntwort\n1\tZeit\n").unwrap();
    let tsv = tsv.to_str().unwrap();
    for (args, hint) in [
        (
            &[path, "--delimiter", ",", "--column", "F1 Hindernisse"][..],
            "the header looks `;`-separated: pass --delimiter ';'",
        ),
        (
            &[tsv, "--delimiter", ";", "--column", "Antwort"],
            "the header looks tab-separated: pass --input-format tsv",
        ),
        (
            &[path, "--column", "f1 hindernisse"],
            "did you mean `F1 Hindernisse`? (names are matched exactly)",
        ),
        (
            &[path, "--column", "F[12]*"],
            "patterns know only `*` (any text) and `?` (one character)",
        ),
    ] {
        let all = [&["count"][..], args].concat();
        wortwolke(&all, "").assert_error(hint);
    }
}

/// A cloud drawn from a frequency table cannot state its base (the table does not carry it):
/// stderr says so and how to give one; with `--caption` it is quiet about it.
#[test]
fn a_cloud_from_a_table_asks_for_its_base() {
    let dir = scratch("table_base");
    let table = dir.join("f1.tsv");
    std::fs::write(&table, "Personal\t12\nZeit\t3\n").unwrap();
    let out = dir.join("c.png");
    let args = [
        "cloud",
        "--frequencies",
        table.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let run = wortwolke(&args, "");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("gives no base to caption the cloud with; state it with --caption"),
        "{run:?}"
    );
    let run = wortwolke(
        &[&args[..], &["--caption", "Basis: n = 20 Befragte"]].concat(),
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stderr.contains("no base"), "{run:?}");
}

/// A survey whose answers are all no-answers draws nothing (exit 1), and the message names the
/// file and its base, so the analyst sees why.
#[test]
fn nothing_to_draw_names_the_file_and_its_base() {
    let dir = scratch("nothing_to_draw");
    let path = dir.join("na.csv");
    std::fs::write(&path, "id;Antwort\n1;k.A.\n2;-\n3;keine Angabe\n").unwrap();
    let out = dir.join("c.png");
    let run = wortwolke(
        &[
            "cloud",
            path.to_str().unwrap(),
            "--column",
            "Antwort",
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("na.csv: nothing to draw")
            && run
                .stderr
                .contains("Basis: n = 0 Befragte mit Antwort (3 ohne Antwort, 3 insgesamt)"),
        "{run:?}"
    );
    assert!(!out.exists());
}
