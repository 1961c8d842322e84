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

/// What distinguishes one group of a question from the other respondents.
#[derive(Debug, serde::Serialize)]
pub struct GroupKeyness<'a> {
    pub question: &'a str,
    pub group: &'a str,
    /// Answering respondents in the group and outside it: the bases of the shares.
    pub group_answered: u64,
    pub rest_answered: u64,
    pub terms: Vec<wortwolke_text::Keyness>,
}

/// The sentence that says how keyness was computed.
pub const KEYNESS_METHOD: &str = "Keyness: respondents naming a term in the group against the other respondents (each counted once); G² = log-likelihood of the 2 × 2 table, p from χ² with 1 df, significant at p < 0.05; log ratio = log2(share in group / share outside), a count of 0 taken as 0.5; `low expected` marks tables with an expected count below 5 (Cochran's rule), where p is not reliable.";

/// Writes keyness tables in `format`: TSV/CSV one row per group and term, JSON an array of
/// groups, Markdown a section per group.
pub fn write_keyness(
    out: &mut impl Write,
    all: &[GroupKeyness],
    format: TableFormat,
) -> Result<()> {
    let direction = |k: &wortwolke_text::Keyness| {
        if k.log_ratio > 0.0 {
            "more"
        } else if k.log_ratio < 0.0 {
            "less"
        } else {
            "equal"
        }
    };
    match format {
        TableFormat::Tsv | TableFormat::Csv => {
            let tab = format == TableFormat::Tsv;
            let mut writer = csv::WriterBuilder::new()
                .delimiter(if tab { b'\t' } else { b',' })
                .quote_style(if tab {
                    csv::QuoteStyle::Never
                } else {
                    csv::QuoteStyle::Necessary
                })
                .from_writer(out);
            let clean = |s: &str| {
                let s = if tab {
                    s.replace(['\t', '\n', '\r'], " ")
                } else {
                    s.to_owned()
                };
                inert(&s)
            };
            writer.write_record([
                "question",
                "group",
                "term",
                "direction",
                "group answers",
                "group share",
                "rest answers",
                "rest share",
                "G2",
                "p",
                "log ratio",
                "significant",
                "low expected",
            ])?;
            for g in all {
                for k in &g.terms {
                    writer.write_record([
                        clean(g.question),
                        clean(g.group),
                        clean(&k.label),
                        direction(k).to_owned(),
                        k.group_answers.to_string(),
                        share(k.group_share),
                        k.rest_answers.to_string(),
                        share(k.rest_share),
                        format!("{:.2}", k.g2),
                        format!("{:.4}", k.p),
                        format!("{:.2}", k.log_ratio),
                        yes_no(k.significant()).to_owned(),
                        yes_no(k.low_expected).to_owned(),
                    ])?;
                }
            }
            writer.flush()?;
        }
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, all)?;
            writeln!(out)?;
        }
        TableFormat::Md => {
            let md = markdown_text;
            for g in all {
                writeln!(out, "## {} — {}\n", md(g.question), md(g.group))?;
                writeln!(
                    out,
                    "| Term | | In group | Share | Others | Share | G² | p | Log ratio | |"
                )?;
                writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|")?;
                for k in &g.terms {
                    let flag = match (k.significant(), k.low_expected) {
                        (_, true) => "low expected",
                        (true, false) => "significant",
                        (false, false) => "",
                    };
                    writeln!(
                        out,
                        "| {} | {} | {} | {:.1} % | {} | {:.1} % | {:.2} | {:.4} | {:.2} | {} |",
                        md(&k.label),
                        direction(k),
                        k.group_answers,
                        k.group_share * 100.0,
                        k.rest_answers,
                        k.rest_share * 100.0,
                        k.g2,
                        k.p,
                        k.log_ratio,
                        flag
                    )?;
                }
                writeln!(
                    out,
                    "\nBase: n = {} in the group, {} other respondents answered.\n",
                    g.group_answered, g.rest_answered
                )?;
            }
            writeln!(out, "{KEYNESS_METHOD}")?;
        }
    }
    Ok(())
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// Text as it reads in a Markdown table cell: characters Markdown would take as markup
/// (`Kund*innen`, `_Unterstrich_`, `|`) are escaped, line breaks become spaces.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '~' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
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
    let share = match table.base {
        Base::Answered => "share = respondents / n",
        Base::All => "share = respondents / n, those without answer included",
    };
    format!("Base: {}. {counted}; {share}.", base_n(table))
}

/// The base of a table in a few words: `n = 17 respondents answered (3 without answer, 20 in
/// total)` (or, with `--base all`, n counts everybody).
pub fn base_n(table: &FrequencyTable) -> String {
    let respondents = |n: u64| if n == 1 { "respondent" } else { "respondents" };
    match table.base {
        Base::Answered => format!(
            "n = {} {} answered ({} without answer, {} in total)",
            table.answered,
            respondents(table.answered),
            table.no_answer,
            table.answers
        ),
        Base::All => format!(
            "n = {} {} in total ({} answered, {} without answer)",
            table.answers,
            respondents(table.answers),
            table.answered,
            table.no_answer
        ),
    }
}

fn write_markdown(out: &mut impl Write, t: &Tables, heading: Option<&str>) -> Result<()> {
    let md = markdown_text;
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
        writeln!(out, "{}: {}", md(g), base_n(table))?;
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
    // a device or a pipe (`/dev/stdout`, `/dev/null`, a FIFO) is written to, never replaced
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
            .with_context(|| format!("{}: cannot write", path.display()));
    }
    // a link to a file: the file is replaced, the link stays
    let resolved;
    let path = if path.is_symlink() {
        resolved = path
            .canonicalize()
            .with_context(|| format!("{}: a link whose target cannot be found", path.display()))?;
        resolved.as_path()
    } else {
        path
    };
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
    fn markdown_cells_escape_markup() {
        assert_eq!(
            super::markdown_text("Kund*innen (2); Nutzer*innen | _a_\nb"),
            "Kund\\*innen (2); Nutzer\\*innen \\| \\_a\\_ b"
        );
    }

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
