//! Ready frequency tables for `cloud --frequencies`: `term<TAB>count` lines, and `count`'s own
//! TSV, CSV and JSON.

use anyhow::{bail, Context, Result};
use serde_json::Value;

/// Header names of the term column (any case).
const TERM: &[&str] = &["term", "begriff", "word", "wort", "text", "label"];

/// Header names of the count column, preferred first (any case).
const COUNT: &[&str] = &[
    "answers",
    "befragte",
    "antworten",
    "count",
    "anzahl",
    "weight",
    "occurrences",
    "nennungen",
];

/// Header names of the question column of a table of several questions.
const QUESTION: &[&str] = &["question", "frage"];

/// The rows of a delimited table: TSV (a tab in the first line), else `;` or `,`, whichever
/// the first line has more of outside quotes.
pub fn delimited(name: &str, text: &str) -> Result<Vec<(String, f64)>> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.contains('\t') {
        b'\t'
    } else {
        let outside = |c: char| {
            let mut quoted = false;
            first
                .chars()
                .filter(|&x| {
                    if x == '"' {
                        quoted = !quoted;
                    }
                    x == c && !quoted
                })
                .count()
        };
        if outside(';') > outside(',') {
            b';'
        } else {
            b','
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        // TSV cells are never quoted (count writes them raw)
        .quoting(delimiter != b'\t')
        .from_reader(text.as_bytes());
    let mut columns: Option<(usize, usize, Option<usize>)> = None;
    let mut questions: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.with_context(|| {
            format!("{name}: cannot read it as a table; check the quoting of its cells")
        })?;
        let line = record.position().map_or(i as u64 + 1, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let (term_col, count_col, question_col) = match columns {
            Some(c) => c,
            None => {
                let c = header_columns(&record).unwrap_or((0, 1, None));
                columns = Some(c);
                if header_columns(&record).is_some() || count(record.get(1)).is_none() {
                    // a header line
                    continue;
                }
                c
            }
        };
        let term = record.get(term_col).unwrap_or("").trim();
        match count(record.get(count_col)) {
            Some(c) if !term.is_empty() => {
                if let Some(q) = question_col.and_then(|q| record.get(q)) {
                    if !questions.iter().any(|x| x == q) {
                        questions.push(q.to_owned());
                    }
                }
                rows.push((term.to_owned(), c));
            }
            _ => bail!(
                "{name}:{line}: expected `term<TAB>count` with a non-negative count (or the TSV, CSV or JSON of wortwolke count); fix the line or drop --frequencies"
            ),
        }
    }
    one_question(name, &questions)?;
    Ok(rows)
}

/// The term, count and question columns named by a header record, if it is one.
fn header_columns(record: &csv::StringRecord) -> Option<(usize, usize, Option<usize>)> {
    let find = |names: &[&str]| {
        names.iter().find_map(|n| {
            record
                .iter()
                .position(|cell| cell.trim().eq_ignore_ascii_case(n))
        })
    };
    Some((find(TERM)?, find(COUNT)?, find(QUESTION)))
}

/// A count cell: a non-negative number, with a decimal point or comma.
fn count(cell: Option<&str>) -> Option<f64> {
    cell.map(str::trim)
        .and_then(|c| c.replace(',', ".").parse::<f64>().ok())
        .filter(|c| c.is_finite() && *c >= 0.0)
}

/// A table of several questions cannot be one cloud.
fn one_question(name: &str, questions: &[String]) -> Result<()> {
    if questions.len() > 1 {
        bail!(
            "{name}: holds the tables of {} questions; write one file per question (count -o '{{question}}.tsv') and draw each",
            questions.len()
        );
    }
    Ok(())
}

/// The rows of `count --format json`: one table (`{"terms": [...]}`), or an array of tables
/// of one question (the total and its groups: the total is drawn).
pub fn json(name: &str, text: &str) -> Result<Vec<(String, f64)>> {
    let value: Value = serde_json::from_str(text).with_context(|| {
        format!("{name}: is not valid JSON; pass the JSON of wortwolke count --format json")
    })?;
    let table = match &value {
        Value::Array(tables) => {
            let totals: Vec<&Value> = tables
                .iter()
                .filter(|t| t.get("group").is_none_or(Value::is_null))
                .collect();
            let questions: Vec<String> = totals
                .iter()
                .map(|t| t["question"].as_str().unwrap_or("").to_owned())
                .collect();
            one_question(name, &questions)?;
            match totals.first() {
                Some(t) => *t,
                None => {
                    bail!("{name}: holds no table; pass the JSON of wortwolke count --format json")
                }
            }
        }
        other => other,
    };
    let Some(terms) = table.get("terms").and_then(Value::as_array) else {
        bail!("{name}: has no `terms`; pass the JSON of wortwolke count --format json");
    };
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let term = t["term"].as_str().map(str::trim).unwrap_or("");
            let weight = ["answers", "count", "weight", "occurrences"]
                .iter()
                .find_map(|k| t.get(*k).and_then(Value::as_f64))
                .filter(|c| c.is_finite() && *c >= 0.0);
            match weight {
                Some(c) if !term.is_empty() => Ok((term.to_owned(), c)),
                _ => bail!(
                    "{name}: term {} has no `term` or no non-negative `answers`; pass the JSON of wortwolke count --format json",
                    i + 1
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_own_tables() {
        let want = vec![("Personal".to_owned(), 3.0), ("Zeit".to_owned(), 1.0)];
        for text in [
            "Personal\t3\nZeit\t1\n",
            "term\tanswers\tshare\toccurrences\tvariants\nPersonal\t3\t0.7500\t4\tPersonal (4)\nZeit\t1\t0.2500\t1\tZeit (1)\n",
            "term,answers,share,occurrences,variants\nPersonal,3,0.7500,4,\"Personal (3); personal (1)\"\nZeit,1,0.2500,1,Zeit (1)\n",
            "Begriff;Befragte;Anteil;Nennungen;Varianten\r\nPersonal;3;0,7500;4;\"Personal (3); personal (1)\"\r\nZeit;1;0,2500;1;Zeit (1)\r\n",
        ] {
            assert_eq!(delimited("t", text).unwrap(), want, "{text}");
        }
        let json_text = r#"{"answers": 4, "terms": [{"term": "Personal", "answers": 3}, {"term": "Zeit", "answers": 1}]}"#;
        assert_eq!(json("t.json", json_text).unwrap(), want);
    }

    #[test]
    fn several_questions_are_refused() {
        let text = "question,term,answers\nQ1,Personal,3\nQ2,Zeit,1\n";
        let err = delimited("t.csv", text).unwrap_err().to_string();
        assert!(err.contains("2 questions"), "{err}");
        let text = r#"[{"question": "Q1", "group": null, "terms": []}, {"question": "Q2", "group": null, "terms": []}]"#;
        assert!(json("t.json", text).is_err());
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err = delimited("t.tsv", "Personal\t3\nZeit\tviel\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("t.tsv:2: expected `term<TAB>count`"),
            "{err}"
        );
    }
}
