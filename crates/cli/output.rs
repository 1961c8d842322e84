//! Frequency tables as TSV, CSV, JSON and Markdown; spreadsheet-safe cells.

use std::io::Write;

use anyhow::Result;
use wortwolke_text::{FrequencyTable, Weight};

use crate::args::TableFormat;

/// Writes `table` in `format`.
pub fn write_table(
    out: &mut impl Write,
    table: &FrequencyTable,
    format: TableFormat,
) -> Result<()> {
    match format {
        TableFormat::Tsv => write_delimited(out, table, b'\t'),
        TableFormat::Csv => write_delimited(out, table, b','),
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, table)?;
            writeln!(out)?;
            Ok(())
        }
        TableFormat::Md => write_markdown(out, table),
    }
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

fn write_delimited(out: &mut impl Write, table: &FrequencyTable, delimiter: u8) -> Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(if delimiter == b'\t' {
            csv::QuoteStyle::Never
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(out);
    writer.write_record(["term", "answers", "share", "occurrences", "variants"])?;
    let clean = |s: &str| -> String {
        let s = if delimiter == b'\t' {
            s.replace(['\t', '\n', '\r'], " ")
        } else {
            s.to_owned()
        };
        inert(&s)
    };
    for term in &table.terms {
        writer.write_record([
            clean(&term.term),
            term.answers.to_string(),
            share(term.share),
            term.occurrences.to_string(),
            clean(&variants_cell(term)),
        ])?;
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
    let counted = match table.weight {
        Weight::Answers => {
            "Counts are respondents naming the term (several terms per respondent possible)"
        }
        Weight::Occurrences => "Counts are all occurrences, repeats within an answer included",
    };
    format!(
        "Base: n = {} respondents answered ({} without answer, {} in total). {counted}; share = respondents / n.",
        table.answered, table.no_answer, table.answers
    )
}

fn write_markdown(out: &mut impl Write, table: &FrequencyTable) -> Result<()> {
    let md = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    };
    writeln!(out, "| Term | Answers | Share | Occurrences | Variants |")?;
    writeln!(out, "|---|---:|---:|---:|---|")?;
    for term in &table.terms {
        writeln!(
            out,
            "| {} | {} | {:.1} % | {} | {} |",
            md(&term.term),
            term.answers,
            term.share * 100.0,
            term.occurrences,
            md(&variants_cell(term))
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", base_sentence(table))?;
    Ok(())
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
    }
}
