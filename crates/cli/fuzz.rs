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
    Ok(survey_with_groups(format, bytes, flags)?
        .into_iter()
        .map(|(name, answers)| (name, answers.into_iter().map(|(_, text)| text).collect()))
        .collect())
}

/// Each question's name with its answers as (group, text), groups named as the counting
/// pipeline names them (trimmed; blank is `(none)`).
pub type Answers = Vec<(String, Vec<(Option<String>, String)>)>;

/// The survey in `bytes`, read whole as [`survey`] reads it, with each answer's group.
///
/// # Panics
/// Panics if `format` or `flags` are not valid flags of `count`.
pub fn survey_with_groups(format: &str, bytes: &[u8], flags: &[&str]) -> Result<Answers> {
    let args = count_args(format, flags);
    let name = format!("input.{format}");
    let format = args.input_format.expect("--input-format is given");
    let survey = crate::input::read_part(name, bytes, format, None, &args, None)?;
    Ok(survey
        .questions
        .into_iter()
        .map(|q| {
            let answers = q
                .answers
                .into_iter()
                .map(|a| {
                    (
                        a.group
                            .as_deref()
                            .map(|g| crate::pipeline::group_name(g).to_owned()),
                        a.text,
                    )
                })
                .collect();
            (q.name, answers)
        })
        .collect())
}

/// The CSV/TSV survey in `bytes` as `count` streams a single file row by row (written to a
/// file `input.FORMAT` in a folder of this process under the system's temporary folder):
/// `None` when the streamed reader hands the file to the whole-file path (not UTF-8).
///
/// # Panics
/// Panics if `format` or `flags` are not valid flags of `count`, or the temporary file cannot
/// be written.
pub fn streamed(format: &str, bytes: &[u8], flags: &[&str]) -> Result<Option<Answers>> {
    let args = count_args(format, flags);
    let path = temporary(&format!("input.{format}"), bytes);
    let mut answers: Answers = Vec::new();
    let names = crate::input::visit_delimited(&path, &args, |v| {
        if answers.len() < v.questions {
            answers.resize_with(v.questions, Default::default);
        }
        let group = v.group.map(|g| crate::pipeline::group_name(g).to_owned());
        answers[v.question].1.push((group, v.text.to_owned()));
    })?;
    Ok(names.map(|names| {
        answers.resize_with(names.len(), Default::default);
        for (slot, name) in answers.iter_mut().zip(names) {
            slot.0 = name;
        }
        answers
    }))
}

/// Plain text in `bytes` as `count` streams it in chunks of lines (written to a file
/// `input.txt` as [`streamed`] does): each answer, or `None` when the streamed reader hands the
/// file to the whole-file path (an encoding it cannot stream). Panics if a chunk holds another
/// number of answers than it says.
///
/// # Panics
/// Panics if the temporary file cannot be written.
pub fn streamed_lines(bytes: &[u8]) -> Result<Option<Vec<String>>> {
    use wortwolke_text::Batch;
    let path = temporary("input.txt", bytes);
    let mut answers = Vec::new();
    let read = crate::input::read_chunks(&[path], None, true, &mut |chunk| {
        let before = answers.len();
        chunk.for_each(&mut |text, _| answers.push(text.to_owned()));
        assert_eq!(
            answers.len() - before,
            chunk.len(),
            "the chunk's count of lines"
        );
        true
    })?;
    Ok(read.ok().map(|()| answers))
}

/// `bytes` written to the file `name` in a folder of this process under the system's
/// temporary folder.
fn temporary(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wortwolke-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("a temporary file");
    path
}

/// The analysis options of `wortwolke count -q --input-format FORMAT FLAGS…`.
fn count_args(format: &str, flags: &[&str]) -> crate::args::AnalysisArgs {
    let argv = ["wortwolke", "count", "-q", "--input-format", format];
    let cli = Cli::try_parse_from(argv.iter().chain(flags)).expect("valid flags of count");
    let Command::Count(args) = cli.command else {
        unreachable!("parsed as count");
    };
    args.analysis
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
