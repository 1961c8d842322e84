//! `wortwolke count`: answers → frequency table(s) on standard output or in files.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::args::{CountArgs, TableFormat};
use crate::output::{self, Lang, Style};
use crate::pipeline::{GroupRows, Tables};

/// `--format`, `--excel` and `--table-lang` resolved: the format and the style of the tables.
fn format_and_style(args: &CountArgs) -> Result<(TableFormat, Style)> {
    let format = match (args.format, args.excel) {
        (None, true) | (Some(TableFormat::Csv), _) => TableFormat::Csv,
        (Some(other), true) => anyhow::bail!(
            "--excel: writes CSV for Excel, not --format {}; drop one of them",
            format!("{other:?}").to_lowercase()
        ),
        (Some(format), false) => format,
        (None, false) => TableFormat::Tsv,
    };
    let lang = output::words_lang(args.table_lang, &args.analysis.lang);
    Ok((
        format,
        Style {
            lang,
            excel: args.excel,
        },
    ))
}

pub fn run(args: CountArgs) -> Result<Outcome> {
    let (format, style) = format_and_style(&args)?;
    let auto = args
        .analysis
        .phrases
        .as_deref()
        .is_some_and(|p| p == std::path::Path::new("auto"));
    if args.show_phrases && !auto {
        anyhow::bail!("--show-phrases: lists detected phrases; add --phrases auto");
    }
    let options = super::table_options(&args.analysis, args.count, args.min_count, args.top);
    let counts = crate::pipeline::count(&args.analysis)?;
    if args.show_phrases {
        show_phrases(&counts, args.analysis.phrase_min_answers);
    }
    if args.keyness {
        return keyness(&args, &counts, &options, format, style);
    }
    let all = counts.tables(&options, GroupRows::OfTotal);
    super::small_groups(&all, args.min_group_n, args.analysis.quiet);
    if all.iter().all(|t| t.total.terms.is_empty()) {
        let (answers, none) = all.iter().fold((0, 0), |(a, n), t| {
            (a + t.total.answers, n + t.total.no_answer)
        });
        crate::note(&format!(
            "nothing to count: {answers} answers ({none} without answer) and no term left; check the input, --stopwords and --min-count"
        ));
        return Ok(Outcome::Nothing);
    }
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            output::write_tables(&mut out, &all, format, style)?;
            out.flush()?;
        }
        Some(template) if template.to_string_lossy().contains("{group}") => {
            // one file per question and group: the question's table, and each group's cells
            let files: Vec<(&str, Option<&str>, &wortwolke_text::FrequencyTable)> = all
                .iter()
                .flat_map(|t| {
                    std::iter::once((t.question.as_str(), None, &t.total)).chain(
                        t.groups
                            .iter()
                            .map(|(g, table)| (t.question.as_str(), Some(g.as_str()), table)),
                    )
                })
                .collect();
            let targets = output::targets(
                template,
                files.iter().map(|&(q, g, _)| (q, g)),
                &args.analysis.inputs,
            )?;
            for ((_, _, table), path) in files.iter().zip(targets) {
                let mut buf = Vec::new();
                output::write_table(&mut buf, table, format, style)?;
                write_file(&path, &buf, args.analysis.quiet)?;
            }
        }
        Some(template) => {
            let targets = output::targets(
                template,
                all.iter().map(|t| (t.question.as_str(), None)),
                &args.analysis.inputs,
            )?;
            for (tables, path) in all.iter().zip(targets) {
                let mut buf = Vec::new();
                output::write_tables(&mut buf, std::slice::from_ref(tables), format, style)?;
                write_file(&path, &buf, args.analysis.quiet)?;
            }
        }
    }
    if let (Some(n), false) = (args.top, args.analysis.quiet) {
        for t in all.iter().filter(|t| t.total.tied_out > 0) {
            let last = t.total.terms.last().map_or(0, |r| r.weight(t.total.weight));
            crate::note(&format!(
                "{}--top {n} leaves out {} more terms of weight {last}, as heavy as the last one shown (ties are cut by label); raise --top to see them",
                prefix(&all, &t.question),
                t.total.tied_out
            ));
        }
    }
    if all.len() > 1 && !args.analysis.quiet {
        for t in all.iter().filter(|t| t.total.terms.is_empty()) {
            crate::note(&format!(
                "{}: nothing to count ({} answers, {} without answer, no term left)",
                t.question, t.total.answers, t.total.no_answer
            ));
        }
    }
    if !args.analysis.quiet && matches!(format, TableFormat::Tsv | TableFormat::Csv) {
        for Tables {
            question, total, ..
        } in &all
        {
            crate::note(&format!(
                "{}{}",
                prefix(&all, question),
                output::base_sentence_in(total, style.lang)
            ));
        }
        // the base of each group's columns
        for Tables {
            question, groups, ..
        } in &all
        {
            for (group, table) in groups {
                crate::note(&format!(
                    "{}{group}: {}",
                    prefix(&all, question),
                    output::base_n_in(table, style.lang)
                ));
            }
        }
    }
    Ok(Outcome::Done)
}

/// `--show-phrases`: what `--phrases auto` found, on standard error.
fn show_phrases(counts: &crate::pipeline::Counts, min_answers: u64) {
    crate::note(&format!(
        "{} phrases detected (named in {min_answers} or more answers, G² ≥ {})",
        counts.detected.len(),
        wortwolke_text::DEFAULT_MIN_LLR
    ));
    let codebook = counts.analyzer.labels();
    // a phrase without a row is shown by its grouping keys
    let keys = |d: &wortwolke_text::Detected| {
        d.spellings[0]
            .iter()
            .map(|k| k.trim_end_matches('~'))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for d in &counts.detected {
        let stats = format!(
            "{} answers, {} occurrences, G² = {:.2}",
            d.answers, d.occurrences, d.llr
        );
        let group = d.spellings[0].iter().find_map(|k| codebook.get(k));
        match (group, counts.counted.label(&d.key())) {
            (Some(group), _) => crate::note(&format!(
                "  `{}` ({stats}): left out, the codebook group `{group}` keeps its answers",
                keys(d)
            )),
            (None, Some(label)) => crate::note(&format!("  {label} ({stats})")),
            (None, None) => crate::note(&format!("  `{}` ({stats}): not counted", keys(d))),
        }
    }
}

/// `question: ` before a note when there are several questions.
fn prefix(all: &[Tables], question: &str) -> String {
    if all.len() > 1 {
        format!("{question}: ")
    } else {
        String::new()
    }
}

/// Writes one output file (atomically) and says so unless quiet.
fn write_file(path: &std::path::Path, bytes: &[u8], quiet: bool) -> Result<()> {
    output::write_output(path, bytes)?;
    if !quiet {
        crate::note(&format!("wrote {}", path.display()));
    }
    Ok(())
}

/// `--keyness`: what distinguishes each group, over the terms of weight `--min-count` or more;
/// `--top` keeps the first rows of each group.
fn keyness(
    args: &CountArgs,
    counts: &crate::pipeline::Counts,
    options: &wortwolke_text::TableOptions,
    format: TableFormat,
    style: Style,
) -> Result<Outcome> {
    let all = counts.tables(
        &wortwolke_text::TableOptions {
            top: None,
            ..*options
        },
        GroupRows::OfTotal,
    );
    super::small_groups(&all, args.min_group_n, args.analysis.quiet);
    let mut groups = Vec::new();
    for t in &all {
        for (group, table) in &t.groups {
            let mut terms = wortwolke_text::keyness(table, &t.total);
            if let Some(n) = args.top {
                terms.truncate(n);
            }
            groups.push(output::GroupKeyness {
                question: &t.question,
                group,
                group_answered: table.answered,
                rest_answered: t.total.answered - table.answered,
                terms,
            });
        }
    }
    if groups.iter().all(|g| g.terms.is_empty()) {
        crate::note("nothing to compare: no group has a term left; check --group and --min-count");
        return Ok(Outcome::Nothing);
    }
    let mut buf = Vec::new();
    output::write_keyness(&mut buf, &groups, format, style)?;
    match &args.output {
        Some(path) => write_file(path, &buf, args.analysis.quiet)?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    if !args.analysis.quiet && format != TableFormat::Md {
        // TSV is written in English whatever the style
        let lang = if format == TableFormat::Tsv {
            Lang::En
        } else {
            style.lang
        };
        crate::note(output::keyness_method(lang));
    }
    Ok(Outcome::Done)
}
