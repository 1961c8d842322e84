//! Dispatch on the subcommand.

mod analyze;
mod cloud;
mod count;

use anyhow::Result;

use crate::args::Command;

/// What a successful run found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Output written.
    Done,
    /// Nothing left to count or draw (exit code 1).
    Nothing,
}

pub fn run(command: Command) -> Result<Outcome> {
    match command {
        Command::Count(args) => count::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Cloud(args) => cloud::run(*args),
    }
}

/// Answers → frequency table, as `count` and `cloud` both need it: read the inputs, build the
/// analyzer (detecting phrases first if asked), count, apply `--min-count`.
pub(crate) fn frequency_table(
    analysis: &crate::args::AnalysisArgs,
    count: crate::args::CountBy,
    min_count: u64,
) -> Result<(wortwolke_text::FrequencyTable, usize)> {
    let config = crate::config::AnalysisConfig::from_args(analysis)?;
    let answers = crate::input::read_answers(&analysis.inputs)?;
    let analyzer = config.analyzer(&answers)?;
    let counter = analyzer.count(answers.iter().map(String::as_str));
    let weight = match count {
        crate::args::CountBy::Answers => wortwolke_text::Weight::Answers,
        crate::args::CountBy::Occurrences => wortwolke_text::Weight::Occurrences,
    };
    let mut table = counter.table(weight, analyzer.labels());
    let distinct = table.terms.len();
    table.retain_min(min_count);
    Ok((table, distinct))
}
