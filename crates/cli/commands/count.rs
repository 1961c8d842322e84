//! `wortwolke count`: answers → frequency table(s) on standard output or in files.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::args::{CountArgs, TableFormat};
use crate::output;
use crate::pipeline::{GroupRows, Tables};

pub fn run(args: CountArgs) -> Result<Outcome> {
    let options = super::table_options(&args.analysis, args.count, args.min_count, args.top);
    let counts = crate::pipeline::count(&args.analysis)?;
    let all = counts.tables(&options, GroupRows::OfTotal);
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
            output::write_tables(&mut out, &all, args.format)?;
            out.flush()?;
        }
        Some(template) => {
            let targets = output::targets(
                template,
                all.iter().map(|t| (t.question.as_str(), None)),
                &args.analysis.inputs,
            )?;
            for (tables, path) in all.iter().zip(targets) {
                let mut buf = Vec::new();
                output::write_tables(&mut buf, std::slice::from_ref(tables), args.format)?;
                output::write_output(&path, &buf)?;
                if !args.analysis.quiet {
                    crate::note(&format!("wrote {}", path.display()));
                }
            }
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
    if !args.analysis.quiet && matches!(args.format, TableFormat::Tsv | TableFormat::Csv) {
        for Tables {
            question, total, ..
        } in &all
        {
            let prefix = if all.len() > 1 {
                format!("{question}: ")
            } else {
                String::new()
            };
            crate::note(&format!("{prefix}{}", output::base_sentence(total)));
        }
    }
    Ok(Outcome::Done)
}
