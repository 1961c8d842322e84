//! `wortwolke count`: answers → frequency table on standard output.

use std::io::Write;

use anyhow::Result;
use wortwolke_text::Weight;

use super::Outcome;
use crate::args::{CountArgs, CountBy, TableFormat};
use crate::config::AnalysisConfig;
use crate::{input, output};

pub fn run(args: CountArgs) -> Result<Outcome> {
    let config = AnalysisConfig::from_args(&args.analysis)?;
    let answers = input::read_answers(&args.analysis.inputs)?;
    let analyzer = config.analyzer(&answers)?;
    let counter = analyzer.count(answers.iter().map(String::as_str));
    let weight = match args.count {
        CountBy::Answers => Weight::Answers,
        CountBy::Occurrences => Weight::Occurrences,
    };
    let mut table = counter.table(weight, analyzer.labels());
    let distinct = table.terms.len();
    table.retain_min(args.min_count);
    if let Some(top) = args.top {
        table.truncate(top);
    }
    if table.terms.is_empty() {
        crate::note(&format!(
            "nothing to count: {} answers ({} without answer), {distinct} terms before --min-count/--top; \
             check the input, --stopwords and --min-count",
            table.answers, table.no_answer
        ));
        return Ok(Outcome::Nothing);
    }
    let mut out = std::io::stdout().lock();
    output::write_table(&mut out, &table, args.format)?;
    out.flush()?;
    if !args.analysis.quiet && matches!(args.format, TableFormat::Tsv | TableFormat::Csv) {
        crate::note(&output::base_sentence(&table));
    }
    Ok(Outcome::Done)
}
