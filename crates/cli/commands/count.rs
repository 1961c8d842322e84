//! `wortwolke count`: answers → frequency table on standard output.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::args::{CountArgs, TableFormat};
use crate::output;

pub fn run(args: CountArgs) -> Result<Outcome> {
    let (mut table, distinct) = super::frequency_table(&args.analysis, args.count, args.min_count)?;
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
