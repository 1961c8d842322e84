//! Comparing groups (issue 11): one scale for all group clouds, the same word in the same
//! place, small multiples in one image, and two groups in one comparison cloud.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{scratch, wortwolke, Run};

/// Three groups whose shares are easy to see: `Personal` is named by half of every group
/// (2 of 4, 1 of 2, 3 of 6) and by half of all 12; `Zeit` by 1 of 4, 1 of 2 (as many as
/// `Personal` there) and 6 of 6.
const ANSWERS: &str = "Gruppe;Antwort
A;Personal Zeit
A;Personal Kosten
A;Kosten
A;Server
B;Personal
B;Zeit Akte
C;Personal Zeit
C;Personal Zeit
C;Personal Zeit
C;Zeit
C;Zeit
C;Zeit Kosten
";

/// The answers as a file in a fresh directory.
fn answers(test: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(test);
    let csv = dir.join("antworten.csv");
    std::fs::write(&csv, ANSWERS).unwrap();
    (dir, csv)
}

/// Runs `wortwolke cloud CSV -o OUT ARGS`, which must succeed.
fn cloud(csv: &Path, out: &Path, args: &[&str]) -> Run {
    let mut all = vec!["cloud", csv.to_str().unwrap(), "-o", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let run = wortwolke(&all, "");
    assert_eq!(run.code, 0, "{run:?}");
    run
}

/// Runs `wortwolke cloud CSV -o OUT ARGS` and reads the JSON it wrote.
fn cloud_json(csv: &Path, out: &Path, args: &[&str]) -> Value {
    cloud(csv, out, args);
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

/// A word of a grid's panel, as its JSON says.
#[derive(Debug)]
struct Word {
    panel: String,
    n: u64,
    text: String,
    count: u64,
    size: f64,
    place: (f64, f64, f64),
}

/// Every word of every panel of a grid's JSON.
fn grid_words(grid: &Value) -> Vec<Word> {
    let mut out = Vec::new();
    for panel in grid["panels"].as_array().unwrap() {
        for w in panel["words"].as_array().unwrap() {
            let f = |key: &str| w[key].as_f64().unwrap();
            out.push(Word {
                panel: panel["name"].as_str().unwrap().to_owned(),
                n: panel["n"].as_u64().unwrap(),
                text: w["text"].as_str().unwrap().to_owned(),
                count: f("weight") as u64,
                size: f("font_size"),
                place: (f("x"), f("y"), f("rotation")),
            });
        }
    }
    out
}

#[test]
fn r11_equal_shares_are_equal_sizes_in_every_group_cloud() {
    let (dir, csv) = answers("r11_shared");
    let grid = cloud_json(
        &csv,
        &dir.join("grid.json"),
        &["--group", "Gruppe", "--grid"],
    );
    let names: Vec<&str> = grid["panels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alle Befragten", "A", "B", "C"]);
    let words = grid_words(&grid);
    let mut equal = 0;
    for a in &words {
        for b in &words {
            // shares compared exactly: count_a / n_a against count_b / n_b
            let (sa, sb) = (a.count * b.n, b.count * a.n);
            if sa == sb {
                equal += 1;
                assert!(
                    (a.size - b.size).abs() < 0.01,
                    "equal shares, sizes differ: {a:?} {b:?}"
                );
            } else if sa > sb {
                assert!(
                    a.size >= b.size - 0.01,
                    "a larger share drawn smaller: {a:?} {b:?}"
                );
            }
        }
    }
    // Personal in all four panels (50 %) and Zeit in B: pairs of different panels among them
    assert!(equal > words.len() + 12, "{equal} equal pairs in {words:?}");
    let size = |panel: &str, text: &str| {
        words
            .iter()
            .find(|w| w.panel == panel && w.text == text)
            .unwrap_or_else(|| panic!("{text} in {panel}"))
            .size
    };
    assert!((size("A", "Personal") - size("C", "Personal")).abs() < 0.01);
    assert!((size("B", "Zeit") - size("C", "Personal")).abs() < 0.01);
    // and a word has one colour in every panel
    let mut colors = std::collections::HashMap::new();
    for panel in grid["panels"].as_array().unwrap() {
        for w in panel["words"].as_array().unwrap() {
            let first = colors
                .entry(w["text"].to_string())
                .or_insert(w["color"].clone());
            assert_eq!(*first, w["color"], "{w}");
        }
    }

    // one file per group: the same scale
    let template = dir.join("wolke-{group}.json");
    cloud(&csv, &template, &["--group", "Gruppe"]);
    let file_size = |group: &str, text: &str, scale: &str| {
        let v: Value = serde_json::from_slice(
            &std::fs::read(dir.join(format!("wolke-{scale}{group}.json"))).unwrap(),
        )
        .unwrap();
        v["words"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["text"] == text)
            .unwrap_or_else(|| panic!("{text} in {group}"))["font_size"]
            .as_f64()
            .unwrap()
    };
    assert!((file_size("A", "Personal", "") - file_size("C", "Personal", "")).abs() < 0.01);
    assert!((file_size("all", "Personal", "") - file_size("B", "Personal", "")).abs() < 0.01);

    // --scale-per-group: each cloud's heaviest word as large as its canvas allows
    let template = dir.join("wolke-own-{group}.json");
    cloud(&csv, &template, &["--group", "Gruppe", "--scale-per-group"]);
    // half of B and half of C name Personal: one size on the shared scale, not on their own
    assert!((file_size("B", "Personal", "") - file_size("C", "Personal", "")).abs() < 0.01);
    assert!((file_size("B", "Personal", "own-") - file_size("C", "Personal", "own-")).abs() > 1.0);
}

#[test]
fn r11_same_positions_put_a_word_in_one_place_in_every_panel() {
    let (dir, csv) = answers("r11_same");
    let grid = cloud_json(
        &csv,
        &dir.join("grid.json"),
        &["--group", "Gruppe", "--grid", "--same-positions"],
    );
    let words = grid_words(&grid);
    let mut compared = 0;
    for a in &words {
        for b in words
            .iter()
            .filter(|b| b.text == a.text && b.panel != a.panel)
        {
            compared += 1;
            assert_eq!(a.place, b.place, "{a:?} {b:?}");
        }
    }
    assert!(
        compared >= 12,
        "Personal and Zeit in four panels each: {words:?}"
    );
    // absent words are left out: Akte only in B (and the total)
    let akte: Vec<&str> = words
        .iter()
        .filter(|w| w.text == "Akte")
        .map(|w| w.panel.as_str())
        .collect();
    assert_eq!(akte, ["Alle Befragten", "B"]);
    // … and sizes still follow the shares on one scale
    let size = |panel: &str, text: &str| {
        words
            .iter()
            .find(|w| w.panel == panel && w.text == text)
            .unwrap()
            .size
    };
    assert!((size("A", "Personal") - size("C", "Personal")).abs() < 0.01);
    assert!(size("C", "Zeit") > size("A", "Zeit"));
}

#[test]
fn r11_the_grid_names_each_panel_and_flags_small_groups() {
    let (dir, csv) = answers("r11_grid");
    let svg = dir.join("grid.svg");
    let run = cloud(
        &csv,
        &svg,
        &[
            "--group",
            "Gruppe=C,B",
            "--grid",
            "--min-group-n",
            "5",
            "--svg-text",
            // German answers are captioned in German unless asked otherwise
            "--caption-lang",
            "en",
        ],
    );
    // the drawn lines (a long one wraps), joined by spaces
    let text: Vec<String> = std::fs::read_to_string(&svg)
        .unwrap()
        .split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.to_owned()))
        .collect();
    let text = text.join(" ");
    for title in ["All respondents (n = 12)", "C (n = 6)", "B (n = 2)"] {
        assert!(text.contains(title), "{title} in {text}");
    }
    // only the chosen groups, and only B is small
    assert!(!text.contains("A (n = 4)"));
    assert!(text.contains("Fewer than 5 answered: shares are unstable."));
    assert_eq!(text.matches("shares are unstable").count(), 1, "{text}");
    assert!(
        run.stderr.contains("B: only 2 respondents answered"),
        "{}",
        run.stderr
    );
    // the PNG has the grid's size
    let png = dir.join("grid.png");
    cloud(
        &csv,
        &png,
        &[
            "--group", "Gruppe", "--grid", "--width", "900", "--height", "500",
        ],
    );
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let (w, h) = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (900, 500));
}

#[test]
fn r11_the_comparison_cloud_keeps_terms_named_at_equal_rates() {
    let (dir, csv) = answers("r11_compare");
    let compared = cloud_json(
        &csv,
        &dir.join("vergleich.json"),
        &["--group", "Gruppe=A,B", "--compare"],
    );
    let words = compared["words"].as_array().unwrap();
    let word = |text: &str| {
        words
            .iter()
            .find(|w| w["text"] == text)
            .unwrap_or_else(|| panic!("{text} in {compared}"))
    };
    // every term of either group, once: Personal Zeit Kosten Server Akte
    let mut texts: Vec<&str> = words.iter().map(|w| w["text"].as_str().unwrap()).collect();
    texts.sort();
    assert_eq!(texts, ["Akte", "Kosten", "Personal", "Server", "Zeit"]);
    // sizes by both groups' count: Personal 2 + 1
    assert_eq!(word("Personal")["weight"], 3.0);
    // Personal: 2 of 4 in A, 1 of 2 in B — equal rates, drawn in the neutral grey
    assert_eq!(word("Personal")["color"], "#767676");
    // only A names Kosten, only B Akte: the two ends of the scale
    assert_eq!(word("Kosten")["color"], "#c04f00");
    assert_eq!(word("Akte")["color"], "#0064a4");
    // Zeit: 25 % in A, 50 % in B — towards B, not at its end
    let zeit = word("Zeit")["color"].as_str().unwrap();
    assert!(!["#767676", "#0064a4", "#c04f00"].contains(&zeit), "{zeit}");

    // the legend names both groups with their n
    let svg = dir.join("vergleich.svg");
    cloud(
        &csv,
        &svg,
        &["--group", "Gruppe=A,B", "--compare", "--svg-text"],
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Weniger als 30 Antworten in A und B: Anteile sind unsicher."));
    for legend in [
        "nur A (n = 4)",
        "3 × so oft in A",
        "gleiche Anteile",
        "nur B (n = 2)",
    ] {
        assert!(text.contains(legend), "{legend} in {text}");
    }
}

#[test]
fn r11_comparing_needs_two_groups_that_exist() {
    let (_dir, csv) = answers("r11_compare_errors");
    let csv = csv.to_str().unwrap();
    let run = wortwolke(
        &[
            "cloud",
            csv,
            "--group",
            "Gruppe",
            "--compare",
            "-o",
            "x.png",
        ],
        "",
    );
    run.assert_error("--group Gruppe=A,B");
    assert!(run.stderr.contains("A, B, C"), "{}", run.stderr);
    let run = wortwolke(
        &[
            "cloud",
            csv,
            "--group",
            "Gruppe=A,D",
            "--compare",
            "-o",
            "x.png",
        ],
        "",
    );
    run.assert_error("no group `D`");
    let run = wortwolke(&["count", csv, "--group", "Gruppe=Z"], "");
    run.assert_error("its groups are A, B, C");
    // the report shows every group; it says so rather than choosing some quietly
    let run = wortwolke(&["report", csv, "--group", "Gruppe=A", "-o", "x.html"], "");
    run.assert_error("choosing groups is for count and cloud");
    let run = wortwolke(&["cloud", csv, "--grid", "-o", "x.png"], "");
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--group"), "{}", run.stderr);
}

#[test]
fn r11_group_clouds_do_not_depend_on_the_thread_count() {
    let (dir, csv) = answers("r11_threads");
    let cases: [&[&str]; 3] = [
        &["--group", "Gruppe", "--grid", "-o", "grid.png"],
        &[
            "--group",
            "Gruppe",
            "--grid",
            "--same-positions",
            "-o",
            "same.json",
        ],
        &["--group", "Gruppe=C,A", "--compare", "-o", "compare.json"],
    ];
    for case in cases {
        let mut outputs = Vec::new();
        for threads in ["1", "2", "3"] {
            let out = dir.join(format!("{threads}-{}", case[case.len() - 1]));
            let mut args = vec!["cloud", csv.to_str().unwrap(), "--threads", threads];
            args.extend_from_slice(&case[..case.len() - 1]);
            args.push(out.to_str().unwrap());
            let run = wortwolke(&args, "");
            assert_eq!(run.code, 0, "{run:?}");
            outputs.push(std::fs::read(&out).unwrap());
        }
        assert!(outputs.windows(2).all(|w| w[0] == w[1]), "{case:?}");
    }
}

#[test]
fn r11_long_format_questions_get_a_grid_each() {
    let dir = scratch("r11_long");
    let csv = dir.join("lang.csv");
    let mut text = String::from("person;frage;antwort;kreis\n");
    for (i, (kreis, a, b)) in [
        ("Nord", "Personal Zeit", "Austausch"),
        ("Nord", "Personal", "Austausch Schulungen"),
        ("Süd", "Kosten", "Schulungen"),
        ("Süd", "Personal Kosten", "Austausch"),
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!("{i};F1;{a};{kreis}\n{i};F2;{b};{kreis}\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let out = dir.join("g-{question}.json");
    cloud(
        &csv,
        &out,
        &[
            "--respondent-column",
            "person",
            "--question-column",
            "frage",
            "--answer-column",
            "antwort",
            "--group",
            "kreis",
            "--grid",
        ],
    );
    for question in ["F1", "F2"] {
        let v: Value =
            serde_json::from_slice(&std::fs::read(dir.join(format!("g-{question}.json"))).unwrap())
                .unwrap();
        let names: Vec<&str> = v["panels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Alle Befragten", "Nord", "Süd"], "{question}");
        assert_eq!(v["panels"][1]["n"], 2);
    }
}

/// Each group's cloud in a file of its own names its group and n (and its question) in its
/// title, as the grid's panels do: a file name alone is easily lost. `--title` still wins.
#[test]
fn group_clouds_in_files_of_their_own_name_their_group() {
    let (dir, input) = answers("group_titles");
    let group = ["-q", "--column", "Antwort", "--group", "Gruppe"];
    cloud(&input, &dir.join("c-{group}.svg"), &group);
    for (file, title) in [
        ("c-all.svg", "Antwort — Alle Befragten (n = 12)"),
        ("c-A.svg", "Antwort — A (n = 4)"),
        ("c-C.svg", "Antwort — C (n = 6)"),
    ] {
        let svg = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            svg.contains(&format!("<title id=\"title\">{title}</title>")),
            "{file}"
        );
    }
    let titled = [&group[..], &["--title", "Eigener Titel"]].concat();
    cloud(&input, &dir.join("t-{group}.svg"), &titled);
    let svg = std::fs::read_to_string(dir.join("t-B.svg")).unwrap();
    assert!(svg.contains("<title id=\"title\">Eigener Titel</title>"));
}

/// A cloud cut down by `--max-words` says so in its caption (and so in its text alternative),
/// not only on the terminal; a cloud of every term does not.
#[test]
fn a_cut_down_cloud_says_how_many_terms_it_leaves_out() {
    let (dir, input) = answers("top_caption");
    let alt = dir.join("alt.txt");
    let args = [
        "-q",
        "--column",
        "Antwort",
        "--alt-text",
        alt.to_str().unwrap(),
    ];
    cloud(
        &input,
        &dir.join("c.png"),
        &[&args[..], &["--max-words", "2"]].concat(),
    );
    let text = std::fs::read_to_string(&alt).unwrap();
    assert!(
        text.contains(" Die 2 häufigsten von 5 Begriffen.\n"),
        "{text}"
    );
    cloud(&input, &dir.join("c.png"), &args);
    let text = std::fs::read_to_string(&alt).unwrap();
    assert!(!text.contains("häufigsten von"), "{text}");
}
