//! Frequency tables as TSV, CSV, JSON and Markdown; spreadsheet-safe cells.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use wortwolke_text::{Base, FrequencyTable, Term, Weight};

use crate::pipeline::Tables;

use crate::args::TableFormat;

/// Writes `table` in `format`.
pub fn write_table(
    out: &mut impl Write,
    table: &FrequencyTable,
    format: TableFormat,
) -> Result<()> {
    match format {
        TableFormat::Tsv => write_delimited(out, &[plain(table)], b'\t'),
        TableFormat::Csv => write_delimited(out, &[plain(table)], b','),
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, table)?;
            writeln!(out)?;
            Ok(())
        }
        TableFormat::Md => write_markdown(out, &plain(table), None),
    }
}

fn plain(table: &FrequencyTable) -> Tables {
    Tables {
        question: String::new(),
        total: table.clone(),
        groups: Vec::new(),
    }
}

/// Writes the tables of one or more questions. One question without groups is the plain
/// contract (`write_table`); otherwise TSV/CSV get a `question` column and per-group columns,
/// Markdown one section per question, JSON an array of tables with `question` and `group`.
pub fn write_tables(out: &mut impl Write, all: &[Tables], format: TableFormat) -> Result<()> {
    if let [only] = all {
        if only.groups.is_empty() {
            return write_table(out, &only.total, format);
        }
    }
    match format {
        TableFormat::Tsv => write_delimited(out, all, b'\t'),
        TableFormat::Csv => write_delimited(out, all, b','),
        TableFormat::Json => {
            #[derive(serde::Serialize)]
            struct Entry<'a> {
                question: &'a str,
                group: Option<&'a str>,
                #[serde(flatten)]
                table: &'a FrequencyTable,
            }
            let entries: Vec<Entry> = all
                .iter()
                .flat_map(|t| {
                    std::iter::once(Entry {
                        question: &t.question,
                        group: None,
                        table: &t.total,
                    })
                    .chain(t.groups.iter().map(|(g, table)| Entry {
                        question: &t.question,
                        group: Some(g),
                        table,
                    }))
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)?;
            Ok(())
        }
        TableFormat::Md => {
            for t in all {
                write_markdown(out, t, Some(&t.question))?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// Each group's rows by key: the cells beside the rows of the question's table.
fn group_cells(t: &Tables) -> Vec<(&str, HashMap<&str, &Term>)> {
    t.groups
        .iter()
        .map(|(name, table)| {
            let rows = table.terms.iter().map(|x| (x.key.as_str(), x)).collect();
            (name.as_str(), rows)
        })
        .collect()
}

fn variants_cell(term: &wortwolke_text::Term) -> String {
    term.variants
        .iter()
        .map(|v| format!("{} ({})", v.form, v.count))
        .collect::<Vec<_>>()
        .join("; ")
}

fn share(value: f64) -> String {
    format!("{value:.4}")
}

fn write_delimited(out: &mut impl Write, all: &[Tables], delimiter: u8) -> Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(if delimiter == b'\t' {
            csv::QuoteStyle::Never
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(out);
    let clean = |s: &str| -> String {
        let s = if delimiter == b'\t' {
            s.replace(['\t', '\n', '\r'], " ")
        } else {
            s.to_owned()
        };
        inert(&s)
    };
    let several = all.len() > 1;
    // groups: the union of group names, in order of appearance
    let mut group_names: Vec<&str> = Vec::new();
    for t in all {
        for (g, _) in &t.groups {
            if !group_names.contains(&g.as_str()) {
                group_names.push(g);
            }
        }
    }
    let mut header: Vec<String> = Vec::new();
    if several {
        header.push("question".into());
    }
    header.extend(["term", "answers", "share", "occurrences", "variants"].map(String::from));
    for g in &group_names {
        header.push(clean(&format!("{g} answers")));
        header.push(clean(&format!("{g} share")));
    }
    writer.write_record(&header)?;
    for t in all {
        let cells = group_cells(t);
        for term in &t.total.terms {
            let mut row: Vec<String> = Vec::new();
            if several {
                row.push(clean(&t.question));
            }
            row.extend([
                clean(&term.label),
                term.answers.to_string(),
                share(term.share),
                term.occurrences.to_string(),
                clean(&variants_cell(term)),
            ]);
            for g in &group_names {
                let found = cells
                    .iter()
                    .find(|(n, _)| n == g)
                    .and_then(|(_, rows)| rows.get(term.key.as_str()).copied());
                row.push(found.map_or("0".into(), |x| x.answers.to_string()));
                row.push(found.map_or(share(0.0), |x| share(x.share)));
            }
            writer.write_record(&row)?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// Makes a cell inert for spreadsheets: a leading `=`, `+`, `-`, `@` (or tab/CR) would start a
/// formula, so it gets a leading apostrophe (the OWASP recommendation).
pub fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The sentence that states the base of a table.
pub fn base_sentence(table: &FrequencyTable) -> String {
    let (base, counted) = base_parts(table);
    match table.base {
        Base::Answered => format!("{base}. Counts are {counted}; share = respondents / n."),
        Base::All => format!(
            "{base}. Counts are {counted}; share = respondents / n, those without answer included."
        ),
    }
}

/// The default caption of a cloud: the base and what the sizes count, without the shares a
/// cloud does not show.
pub fn cloud_caption(table: &FrequencyTable) -> String {
    let (base, counted) = base_parts(table);
    format!("{base}. Word size: {counted}.")
}

/// "Base: n = … (…)" and what a count is, of a table.
fn base_parts(table: &FrequencyTable) -> (String, &'static str) {
    let counted = match table.weight {
        Weight::Answers => "respondents naming the term (several terms per respondent possible)",
        Weight::Occurrences => "all occurrences, repeats within an answer included",
    };
    let base = match table.base {
        Base::Answered => format!(
            "Base: n = {} respondents answered ({} without answer, {} in total)",
            table.answered, table.no_answer, table.answers
        ),
        Base::All => format!(
            "Base: n = {} respondents in total ({} answered, {} without answer)",
            table.answers, table.answered, table.no_answer
        ),
    };
    (base, counted)
}

fn write_markdown(out: &mut impl Write, t: &Tables, heading: Option<&str>) -> Result<()> {
    let md = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    };
    if let Some(h) = heading {
        writeln!(out, "## {}\n", md(h))?;
    }
    let mut head = String::from("| Term | Answers | Share | Occurrences | Variants |");
    let mut rule = String::from("|---|---:|---:|---:|---|");
    for (g, _) in &t.groups {
        head.push_str(&format!(" {} | Share |", md(g)));
        rule.push_str("---:|---:|");
    }
    writeln!(out, "{head}")?;
    writeln!(out, "{rule}")?;
    let cells = group_cells(t);
    for term in &t.total.terms {
        let mut line = format!(
            "| {} | {} | {:.1} % | {} | {} |",
            md(&term.label),
            term.answers,
            term.share * 100.0,
            term.occurrences,
            md(&variants_cell(term))
        );
        for (_, rows) in &cells {
            let found = rows.get(term.key.as_str()).copied();
            line.push_str(&format!(
                " {} | {:.1} % |",
                found.map_or(0, |x| x.answers),
                found.map_or(0.0, |x| x.share) * 100.0
            ));
        }
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", base_sentence(&t.total))?;
    for (g, table) in &t.groups {
        writeln!(out, "{}: {}", md(g), base_sentence(table))?;
    }
    Ok(())
}

/// The output path of each (question, group), from a template with `{question}` and
/// `{group}`. Names are made safe for file names (no separators, no `..`); two outputs that
/// would land in one file are an error, and so is an output that is one of the inputs.
pub fn targets<'a>(
    template: &std::path::Path,
    items: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
    inputs: &[std::path::PathBuf],
) -> Result<Vec<std::path::PathBuf>> {
    let template_s = template.to_string_lossy();
    let items: Vec<(&str, Option<&str>)> = items.into_iter().collect();
    let several_questions = items
        .iter()
        .map(|(q, _)| q)
        .collect::<std::collections::HashSet<_>>()
        .len()
        > 1;
    let several_groups = items.iter().any(|(_, g)| g.is_some());
    if several_questions && !template_s.contains("{question}") {
        anyhow::bail!(
            "{template_s}: there are several questions; put {{question}} in the -o file name"
        );
    }
    if several_groups && !template_s.contains("{group}") {
        anyhow::bail!("{template_s}: there are groups; put {{group}} in the -o file name");
    }
    let mut out: Vec<std::path::PathBuf> = Vec::new();
    for (q, g) in items {
        let path = std::path::PathBuf::from(
            template_s
                .replace("{question}", &safe_name(q))
                .replace("{group}", &safe_name(g.unwrap_or("all"))),
        );
        if out.contains(&path) {
            anyhow::bail!(
                "{}: two outputs would share this file; make the names differ (question `{q}`)",
                path.display()
            );
        }
        for input in inputs {
            if input
                .canonicalize()
                .ok()
                .is_some_and(|i| path.canonicalize().ok() == Some(i))
            {
                anyhow::bail!(
                    "{}: the output would overwrite an input; choose another -o",
                    path.display()
                );
            }
        }
        out.push(path);
    }
    Ok(out)
}

/// A question or group name as part of a file name: letters, digits, `-`, `_`, `.` kept,
/// everything else `_`; no leading dots (no `..`); at most 80 characters.
pub fn safe_name(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    while s.contains("__") {
        s = s.replace("__", "_");
    }
    let s = s
        .trim_matches(['.', '_'])
        .chars()
        .take(80)
        .collect::<String>();
    if s.is_empty() {
        "unnamed".into()
    } else {
        s
    }
}

/// Writes `bytes` to `path` atomically: into a temporary file beside it, then renamed, so that
/// an error never leaves a half-written file. `-` writes to standard output.
pub fn write_output(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use anyhow::Context;
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
        return Ok(());
    }
    if path.is_dir() {
        anyhow::bail!(
            "{}: is a directory; give a file name such as cloud.png",
            path.display()
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .with_context(|| {
            format!(
                "{}: cannot write; check that the directory exists and is writable",
                path.display()
            )
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formula_cells_become_inert() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("-Personal"), "'-Personal");
        assert_eq!(inert("@SUM"), "'@SUM");
        assert_eq!(inert("+1"), "'+1");
        assert_eq!(inert("Personal"), "Personal");
        // no CLI input reaches a cell starting with `=` through a codebook label (the label
        // ends at its first `=`), so that case is checked here
        assert_eq!(inert("=SUMME(1)"), "'=SUMME(1)");
        assert_eq!(inert("\tx"), "'\tx");
        assert_eq!(inert("\rx"), "'\rx");
        assert_eq!(inert("'=already"), "'=already");
    }
}
