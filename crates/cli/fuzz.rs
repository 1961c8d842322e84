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
