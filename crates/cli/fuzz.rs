//! Entry points for the fuzz targets in `fuzz/` (not a stable API): the input readers on bytes
//! held in memory, given the flags a user would give, called as the commands call them.

use anyhow::Result;
use clap::Parser;

use crate::args::{Cli, Command};

/// The survey in `bytes`, read as `wortwolke count --input-format FORMAT FLAGS…` reads a file
/// named `input.FORMAT`: each question's name with its answers.
///
/// # Panics
/// Panics if `format` or `flags` are not valid flags of `count`.
pub fn survey(format: &str, bytes: &[u8], flags: &[&str]) -> Result<Vec<(String, Vec<String>)>> {
    let name = format!("input.{format}");
    let argv = ["wortwolke", "count", "-q", "--input-format", format];
    let cli = Cli::try_parse_from(argv.iter().chain(flags)).expect("valid flags of count");
    let Command::Count(args) = cli.command else {
        unreachable!("parsed as count");
    };
    let args = args.analysis;
    let format = args.input_format.expect("--input-format is given");
    let survey = crate::input::read_part(name, bytes, format, None, &args, None)?;
    Ok(survey
        .questions
        .into_iter()
        .map(|q| (q.name, q.answers.into_iter().map(|a| a.text).collect()))
        .collect())
}

/// The rows of a frequency table in `bytes`, as `cloud --frequencies` reads a file named
/// `table.tsv`: term and count.
pub fn frequencies(bytes: &[u8]) -> Result<Vec<(String, f64)>> {
    crate::input::frequencies_from_bytes("table.tsv".into(), bytes)
}

/// The table flags a fuzz input's first byte chooses: wide (every column a question), by
/// group, by column (index, glob, sheet), or long.
pub fn table_flags(choice: u8) -> &'static [&'static str] {
    match choice % 4 {
        0 => &[],
        1 => &["--group", "2"],
        2 => &["--sheet", "2", "--column", "1", "--column", "Q*"],
        _ => &[
            "--respondent-column",
            "1",
            "--question-column",
            "2",
            "--answer-column",
            "3",
        ],
    }
}

/// Panics unless `result` is a success or an error of one line that names `input` (after
/// the flag it concerns, if any): the CLI's contract for bad input.
pub fn check_error<T>(result: &Result<T>, input: &str) {
    if let Err(e) = result {
        let message = format!("{e:#}");
        assert!(message.contains(input), "{message}");
        assert!(!message.contains(['\n', '\r']), "{message:?}");
    }
}
