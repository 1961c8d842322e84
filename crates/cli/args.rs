//! The command line, as close to the flags as possible (clap derive; doc comments are the help).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Honest frequency tables and word clouds from free-text survey answers.
///
/// One answer is one respondent: a term counts once per answer that names it.
#[derive(Debug, Parser)]
#[command(name = "wortwolke", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Count terms per respondent and print a frequency table.
    #[command(
        after_help = "Example:\n  wortwolke count examples/efa_gruende.txt --top 20 --format md\n  \
        wortwolke count answers.txt --synonyms codes.txt --phrases auto --format json"
    )]
    Count(CountArgs),
    /// Show how each answer was tokenized and grouped (one output line per input line).
    #[command(
        after_help = "Example:\n  echo 'Die EfA-Dienste sind unbekannt' | wortwolke analyze --format keys\n  \
        wortwolke analyze examples/efa_gruende.txt --format json"
    )]
    Analyze(AnalyzeArgs),
}

/// Where the answers come from and how they are analysed (shared by every command).
#[derive(Debug, Args)]
pub struct AnalysisArgs {
    /// Input files, one answer per line (UTF-8). `-` or none reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Language of the answers (ISO 639-1): stemmer and built-in stop words.
    #[arg(long, default_value = "de", value_name = "CODE")]
    pub lang: String,

    /// Additional stop word file (one word a line, `#` comments); repeatable.
    #[arg(long = "stopwords", value_name = "FILE")]
    pub stopwords: Vec<PathBuf>,

    /// Do not use the built-in stop word list (only the files given with --stopwords).
    #[arg(long)]
    pub no_default_stopwords: bool,

    /// Synonym codebook: `Label = variant, variant` one group a line.
    #[arg(long, value_name = "FILE")]
    pub synonyms: Option<PathBuf>,

    /// Multi-word terms: a file with one phrase a line, or `auto` to detect collocations.
    #[arg(long, value_name = "FILE|auto")]
    pub phrases: Option<PathBuf>,

    /// With `--phrases auto`: minimum number of answers a phrase must occur in.
    #[arg(long, default_value_t = 3, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub phrase_min_answers: u64,

    /// Join a negation with the next content word into one term (`keine Priorität`).
    #[arg(long)]
    pub keep_negation: bool,

    /// Count numbers and years as terms.
    #[arg(long)]
    pub keep_numbers: bool,

    /// Do not group inflected forms (only case and spelling are normalized).
    #[arg(long)]
    pub no_stem: bool,

    /// Treat `ae oe ue ss` and `ä ö ü ß` as equal in keys (for answers typed without umlauts).
    #[arg(long)]
    pub fold_umlauts: bool,

    /// Additional answer that means "no answer" (like `k.A.`, `-`, `keine Angabe`); repeatable.
    #[arg(long = "no-answer", value_name = "TEXT")]
    pub no_answer: Vec<String>,

    /// Print no notes on standard error (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CountArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,

    /// What a term's weight is: answers naming it (respondents) or all occurrences.
    #[arg(long = "count", value_enum, default_value_t = CountBy::Answers)]
    pub count: CountBy,

    /// Leave out terms whose weight is below N.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: u64,

    /// Print only the N heaviest terms.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,

    /// `keys`: the grouping keys of each line's content terms; `json`: every token (JSON Lines).
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Keys)]
    pub format: AnalyzeFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountBy {
    /// Answers (respondents) naming the term; repeats within an answer count once.
    Answers,
    /// Every occurrence.
    Occurrences,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Tab-separated values with a header row.
    Tsv,
    /// Comma-separated values with a header row.
    Csv,
    /// JSON with the base (answers, answered, no_answer) and the terms.
    Json,
    /// A Markdown table with a line stating the base.
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    /// Grouping keys of the content terms, space-separated, one line per input line.
    Keys,
    /// Every token with text, byte offsets, kind, key and label (one JSON object per line).
    Json,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
