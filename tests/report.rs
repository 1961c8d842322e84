//! `wortwolke report`: one self-contained HTML page; its counts are `count`'s, its answers the
//! ones counted, and nothing from the data reaches the page unescaped.

use std::path::Path;

use serde_json::Value;

use crate::util::{scratch, wortwolke, Run};

const SURVEY: &str = "examples/answers/umfrage.csv";

/// Runs `wortwolke report ARGS -o <scratch>/bericht.html` and returns the run and the page.
fn report(test: &str, args: &[&str]) -> (Run, String) {
    let dir = scratch(test);
    let out = dir.join("bericht.html");
    let out_s = out.to_string_lossy().into_owned();
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend(["-o", &out_s]);
    let run = wortwolke(&all, "");
    let html = std::fs::read_to_string(&out).unwrap_or_default();
    (run, html)
}

/// The JSON the page embeds for its script, each row of `terms` made an object with the
/// names `term_columns` gives its columns.
fn data(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"wortwolke-data\">";
    let start = html.find(open).expect("embedded data") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let mut data: Value = serde_json::from_str(&html[start..end]).expect("embedded data is JSON");
    let columns: Vec<String> = data["term_columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    for question in data["questions"].as_array_mut().unwrap() {
        for row in question["terms"].as_array_mut().unwrap() {
            let named: serde_json::Map<String, Value> = columns
                .iter()
                .cloned()
                .zip(row.as_array().unwrap().iter().cloned())
                .collect();
            *row = Value::Object(named);
        }
    }
    data
}

/// A survey file in `dir` (`;`-separated).
fn write_survey(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// `text[start..end]` in UTF-16 code units, as the page's script slices it.
fn utf16_slice(text: &str, start: &Value, end: &Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    String::from_utf16(&units[s..e]).unwrap()
}

#[test]
fn report_of_the_bundled_survey_is_one_self_contained_page() {
    let (run, html) = report(
        "report_self_contained",
        &[SURVEY, "--column", "F*", "--group", "Kreis"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("bericht.html"), "{run:?}");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    assert!(html.contains(
        "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-"
    ));
    // nothing to load: no external references of any kind
    for needle in [
        "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(",
    ] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    for attr in ["src=\"", "href=\"", "src='", "href='", "xlink:href"] {
        for (at, _) in html.match_indices(attr) {
            let value = &html[at + attr.len()..];
            assert!(
                value.starts_with('#'),
                "{attr} with a target outside the page: {}",
                &value[..40.min(value.len())]
            );
            assert!(!value.starts_with("http"));
        }
    }
    // (an answer may quote a web address: as text in the data, never as a link)
    let outside_data = &html[..html.find("<script type=\"application/json\"").unwrap()];
    assert!(!outside_data.contains("http://") && !outside_data.contains("https://"));
    // one data block and one script, which carries the policy's nonce
    assert_eq!(html.matches("<script").count(), 2);
    let nonce_at = html.find("'nonce-").unwrap() + 7;
    let nonce = &html[nonce_at..nonce_at + 32];
    assert!(html.contains(&format!("<script nonce=\"{nonce}\">")));
    // per question: heading, base, cloud, chart, table, caption; groups with n and a warning
    for q in ["F1 Warum", "F2 Welche Themen", "F3 Welche Lösungen"] {
        assert!(html.contains(&format!("\">{q}")), "{q}");
    }
    assert_eq!(html.matches("<svg class=\"cloud\"").count(), 3);
    assert_eq!(html.matches("<table class=\"terms\">").count(), 3);
    assert_eq!(
        html.matches("<p class=\"caption\"><strong>Methode:</strong>")
            .count(),
        3
    );
    assert!(
        html.contains("Basis: n = 64 Befragte haben geantwortet (12 ohne Antwort, 76 insgesamt).")
    );
    assert!(html.contains(
        "<strong>Kleinau</strong>: n = 3 <span class=\"warn\">⚠ nur 3 Befragte (weniger als 30)"
    ));
    assert!(html.contains("Was die Gruppen unterscheidet"));
    // the count depends on the stop words: the sentence, not the number
    assert!(html.contains("Wortwolke der ") && html.contains(" häufigsten Begriffe"));
    assert!(html.contains("Stoppwörter: eingebaute Liste (de)"));
    assert!(
        html.contains("<aside class=\"privacy\" role=\"note\"><p><strong>Vertraulich:</strong>")
    );
    assert!(html.contains("@page { size: A4;") && html.contains("@media print"));
    // German numbers
    assert!(html.contains("14 (21,9\u{a0}%)"), "German percentages");
    // spellings where there are several; a term only written as its label shows none
    assert!(html.contains(
        "<tr><th><button class=\"term\">fehlende</button><td>14<td>21,9\u{a0}%<td>18<td>Fehlende (12), fehlende (4), fehlendes (2)"
    ));
    assert!(html.contains(
        "<tr><th><button class=\"term\">Zeit</button><td>13<td>20,3\u{a0}%<td>15<td><tr>"
    ));
}

#[test]
fn embedded_counts_equal_count_json() {
    let args = [SURVEY, "--column", "F*", "--group", "Kreis"];
    let (run, html) = report("report_counts", &args);
    assert_eq!(run.code, 0, "{run:?}");
    let page = data(&html);
    let mut count_args = vec!["count", "--format", "json", "-q"];
    count_args.extend_from_slice(&args);
    let count = wortwolke(&count_args, "");
    assert_eq!(count.code, 0, "{count:?}");
    let tables: Value = serde_json::from_str(&count.stdout).unwrap();
    let tables = tables.as_array().unwrap();
    let questions = page["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 3);
    let groups = page["groups"].as_array().unwrap();
    for question in questions {
        let name = question["question"].as_str().unwrap();
        let total = tables
            .iter()
            .find(|t| t["question"] == name && t["group"].is_null())
            .unwrap();
        for key in ["answers", "answered", "no_answer"] {
            assert_eq!(question[key], total[key], "{name} {key}");
        }
        let terms = question["terms"].as_array().unwrap();
        let want = total["terms"].as_array().unwrap();
        assert_eq!(terms.len(), want.len(), "{name}");
        for (got, want) in terms.iter().zip(want) {
            for key in ["term", "answers", "occurrences"] {
                assert_eq!(got[key], want[key], "{name} {key}");
            }
            // the answers listed are exactly those counted
            assert_eq!(
                got["hits"].as_array().unwrap().len() as u64,
                want["answers"].as_u64().unwrap()
            );
            // and each group's number is the group's cell
            for entry in got["groups"].as_array().into_iter().flatten() {
                let group = &groups[entry[0].as_u64().unwrap() as usize];
                let cells = tables
                    .iter()
                    .find(|t| t["question"] == name && t["group"] == *group)
                    .unwrap();
                let cell = cells["terms"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|t| t["key"] == want["key"])
                    .unwrap();
                assert_eq!(entry[1], cell["answers"], "{name} {group}");
            }
        }
        for g in question["groups"].as_array().unwrap() {
            let cells = tables
                .iter()
                .find(|t| t["question"] == name && t["group"] == g["group"])
                .unwrap();
            assert_eq!(g["answered"], cells["answered"]);
        }
    }
}

#[test]
fn hostile_text_appears_only_escaped() {
    let dir = scratch("report_hostile_input");
    let hostile = [
        "</script><script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "{{x}} {{body}} {{data}}",
        "&amp; &lt;b&gt;",
        "<!-- <script>",
    ];
    let mut csv = String::from("id;Gruppe </script><script>alert(2)</script>;Frage \"><img src=x onerror=alert(3)> {{title}}\n");
    for (i, text) in hostile.iter().enumerate() {
        let group = if i % 2 == 0 {
            "\"><img src=x onerror=alert(4)>"
        } else {
            "</script><b>G</b>"
        };
        csv.push_str(&format!(
            "\"</script>{i}\";\"{}\";\"Personal fehlt {} Personal\"\n",
            group.replace('"', "\"\""),
            text.replace('"', "\"\"")
        ));
    }
    let input = write_survey(&dir, "boese.csv", &csv);
    let codebook = write_survey(
        &dir,
        "codes.txt",
        "</script><script>alert(5)</script> & \"Co\" = Personal\n",
    );
    let (run, html) = report(
        "report_hostile",
        &[
            &input,
            "--column",
            "3",
            "--group",
            "2",
            "--id-column",
            "id",
            "--synonyms",
            &codebook,
            "--title",
            "<script>alert(6)</script>",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    // no markup from the data: the only script elements are the page's two
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert_eq!(html.matches("</script>").count(), 2);
    for raw in ["<img", "<b>", "<!--", "alert(1)</", "alert(2)</"] {
        assert!(!html.contains(raw), "{raw} unescaped");
    }
    // shown escaped: headings, labels, group names, the title
    assert!(html.contains("Frage &quot;&gt;&lt;img src=x onerror=alert(3)&gt; {{title}}"));
    assert!(
        html.contains("&lt;/script&gt;&lt;script&gt;alert(5)&lt;/script&gt; &amp; &quot;Co&quot;")
    );
    assert!(html.contains("&lt;/script&gt;&lt;b&gt;G&lt;/b&gt;"));
    assert!(html.contains("<title>&lt;script&gt;alert(6)&lt;/script&gt;</title>"));
    // placeholders in the data are text, not template
    assert!(html.contains("{{title}}"));
    // the data reads back as the answers were written
    let page = data(&html);
    let shown = page["questions"][0]["shown"].as_array().unwrap();
    let texts: Vec<&str> = shown.iter().map(|a| a[2].as_str().unwrap()).collect();
    for text in hostile {
        assert!(
            texts.contains(&format!("Personal fehlt {text} Personal").as_str()),
            "{text} in {texts:?}"
        );
    }
    assert_eq!(shown[0][0], "</script>0");
    let label = page["questions"][0]["terms"][0]["term"].as_str().unwrap();
    assert_eq!(label, "</script><script>alert(5)</script> & \"Co\"");
}

#[test]
fn no_answers_leaves_out_every_answer_text() {
    let (run, html) = report(
        "report_no_answers",
        &[
            SURVEY,
            "--column",
            "F*",
            "--group",
            "Kreis",
            "--no-answers",
            "--id-column",
            "id",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("no answer texts"), "{run:?}");
    let mut survey = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(crate::util::root().join(SURVEY))
        .unwrap();
    let mut checked = 0;
    for row in survey.records() {
        let cells = row.unwrap();
        assert!(
            !html.contains(&format!("\"{}\"", &cells[0])),
            "respondent id {}",
            &cells[0]
        );
        for answer in cells.iter().skip(3) {
            if answer.contains(' ') && answer.len() > 12 {
                assert!(!html.contains(answer), "answer text {answer:?} in the page");
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "{checked} answers checked");
    let page = data(&html);
    assert_eq!(page["answers_included"], false);
    for q in page["questions"].as_array().unwrap() {
        assert!(q["shown"].as_array().unwrap().is_empty());
        assert!(q["terms"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["hits"].is_null()));
    }
    assert!(html.contains("keine Antworten im Wortlaut"));
    assert!(!html.contains("Vertraulich"));
}

#[test]
fn answers_are_highlighted_by_utf16_offsets_and_masked() {
    let dir = scratch("report_kwic_input");
    let input = write_survey(
        &dir,
        "a.csv",
        "nr;Antwort\n\
         A1;😀 Fehlendes Personal, bitte 🙏 mehr Personal\n\
         A2;Personal: max.muster@kreis.de oder Tel. 0511 1234567\n\
         A3;k.A.\n\
         A4;Zeit\n",
    );
    let (run, html) = report(
        "report_kwic",
        &[&input, "--column", "Antwort", "--id-column", "nr"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!html.contains("max.muster") && !html.contains("1234567"));
    let page = data(&html);
    let q = &page["questions"][0];
    let personal = q["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["term"] == "Personal")
        .unwrap();
    assert_eq!(personal["answers"], 2);
    let hits = personal["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    let shown = q["shown"].as_array().unwrap();
    let first = &shown[hits[0][0].as_u64().unwrap() as usize];
    assert_eq!(first[0], "A1");
    let text = first[2].as_str().unwrap();
    let marks: Vec<String> = hits[0].as_array().unwrap()[1..]
        .chunks(2)
        .map(|r| utf16_slice(text, &r[0], &r[1]))
        .collect();
    assert_eq!(marks, ["Personal", "Personal"]);
    let second = &shown[hits[1][0].as_u64().unwrap() as usize];
    assert_eq!(
        second[2], "Personal: [E-Mail] oder Tel. [Telefon]",
        "e-mail and phone masked"
    );
    // the no-answer is listed nowhere
    assert!(shown.iter().all(|a| a[2] != "k.A."));
}

#[test]
fn kwic_max_caps_each_list_and_keeps_the_count() {
    let (run, html) = report(
        "report_kwic_max",
        &[
            SURVEY,
            "--column",
            "F1*",
            "--group",
            "Kreis",
            "--kwic-max",
            "2",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let page = data(&html);
    let top = &page["questions"][0]["terms"][0];
    assert_eq!(
        (top["term"].as_str(), top["answers"].as_u64()),
        (Some("fehlende"), Some(14))
    );
    assert_eq!(top["hits"].as_array().unwrap().len(), 2);
    // a capped list carries each group's own list, capped too
    for entry in top["groups"].as_array().unwrap() {
        let listed = entry[2].as_array().unwrap().len() as u64;
        assert_eq!(listed, entry[1].as_u64().unwrap().min(2));
    }
    let ui = page["ui"]["more"].as_str().unwrap();
    assert!(ui.contains("{n} weitere"), "{ui}");
}

#[test]
fn respondents_are_rows_without_an_id_column() {
    let (run, html) = report("report_rows", &[SURVEY, "--column", "F1*"]);
    assert_eq!(run.code, 0, "{run:?}");
    let page = data(&html);
    let shown = page["questions"][0]["shown"].as_array().unwrap();
    assert_eq!(shown[0][0], 1, "the first respondent is row 1");
    assert!(shown[0][1].is_null(), "no group");
    // no groups: no group section
    assert!(!html.contains("class=\"groups\""));
}

#[test]
fn page_language_is_english_on_request() {
    let (run, html) = report(
        "report_english",
        &[
            SURVEY,
            "--column",
            "F1*",
            "--page-lang",
            "en",
            "--lang",
            "de",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("14 (21.9%)"));
    assert!(html.contains("Base: n = 64 respondents answered (12 without answer, 76 in total)."));
    assert!(html.contains("<strong>Confidential:</strong>"));
    assert_eq!(data(&html)["lang"], "en");
}

#[test]
fn a_survey_of_plain_text_makes_a_page() {
    let (run, html) = report(
        "report_text",
        &[
            "examples/answers/efa_gruende.txt",
            "--synonyms",
            "examples/answers/codebook.txt",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(html.contains("Codebuch: examples/answers/codebook.txt"));
    let page = data(&html);
    assert_eq!(page["questions"][0]["terms"][0]["term"], "Personalmangel");
    assert_eq!(page["questions"][0]["terms"][0]["answers"], 10);
    assert_eq!(
        page["questions"][0]["terms"][0]["hits"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
}

#[test]
fn bad_input_is_a_one_line_error() {
    let dir = scratch("report_errors");
    let out = dir.join("x.html").to_string_lossy().into_owned();
    let run = wortwolke(
        &[
            "report",
            SURVEY,
            "--column",
            "F1*",
            "--id-column",
            "nr",
            "-o",
            &out,
        ],
        "",
    );
    run.assert_error("--id-column");
    assert!(
        run.stderr.contains("umfrage.csv") && run.stderr.contains("available"),
        "{run:?}"
    );
    let run = wortwolke(
        &[
            "report",
            "examples/answers/efa_gruende.txt",
            "--id-column",
            "id",
            "-o",
            &out,
        ],
        "",
    );
    run.assert_error("--id-column needs a table");
    let run = wortwolke(&["report", SURVEY, "--column", "F1*"], "");
    assert_eq!(run.code, 2, "-o is required: {run:?}");
    let missing = dir
        .join("no/such/dir/x.html")
        .to_string_lossy()
        .into_owned();
    let run = wortwolke(&["report", SURVEY, "--column", "F1*", "-o", &missing], "");
    run.assert_error("cannot write");
    let dir_s = dir.to_string_lossy().into_owned();
    let run = wortwolke(&["report", SURVEY, "--column", "F1*", "-o", &dir_s], "");
    run.assert_error("is a directory");
    let run = wortwolke(&["report", SURVEY, "--column", "F1*", "-o", SURVEY], "");
    run.assert_error("overwrite an input");
    assert!(!dir.join("x.html").exists());
}

#[test]
fn nothing_to_report_exits_1() {
    let dir = scratch("report_nothing");
    let out = dir.join("x.html");
    let run = wortwolke(
        &["report", "-o", &out.to_string_lossy()],
        "k.A.\n\nund die\n",
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("nothing to report"), "{run:?}");
    assert!(!out.exists());
}

#[test]
fn occurrences_as_weight_print_both_counts() {
    let (run, html) = report(
        "report_occurrences",
        &[
            SURVEY,
            "--column",
            "F1*",
            "--count",
            "occurrences",
            "--base",
            "all",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    // the bar is as long as the occurrences; respondents and their share beside them
    assert!(
        html.contains(">18 Nennungen · 14 (18,4\u{a0}%)</text>"),
        "occurrences and respondents"
    );
    // weiß nicht and the like are no answers (issue 14): 12 without answer, as in the tests above
    assert!(html.contains("Basis: n = 76 Befragte insgesamt (64 mit Antwort, 12 ohne Antwort)."));
    assert!(html.contains("Gezählt werden alle Nennungen"));
    assert!(html.contains("<title>fehlende: 14 Befragte, 18,4\u{a0}%</title>"));
}

/// A keyness row whose p is unreliable (an expected count below 5) is marked with a dagger, not
/// a star (a star next to p reads as "significant"), and the mark is explained on the page
/// itself, not only on hover: a printed report keeps it.
#[test]
fn unreliable_p_is_marked_and_explained_visibly() {
    let dir = scratch("report_low_expected_input");
    let mut csv = String::from("id;Bereich;Antwort\n");
    for i in 0..130 {
        let (group, text) = match i {
            0..6 => ("Bauen", "Datenschutz fehlt"),
            6..30 => ("Bauen", "Zeit fehlt"),
            _ => ("Soziales", "Zeit fehlt"),
        };
        csv.push_str(&format!("{i};{group};{text}\n"));
    }
    let input = write_survey(&dir, "umfrage.csv", &csv);
    let (run, html) = report(
        "report_low_expected",
        &[&input, "--column", "Antwort", "--group", "Bereich"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let note = "p unsicher (erwartete Anzahl unter 5)";
    assert!(
        html.contains(&format!(
            "aria-hidden=\"true\">†</span><span class=\"sr-only\">{note}</span>"
        )),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<p class=\"note\" aria-hidden=\"true\">† {note}</p>"
    )));
    assert!(!html.contains(">*</span>"));
}
