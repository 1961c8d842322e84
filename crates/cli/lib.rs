//! The `wortwolke` command line. `main.rs` only calls [`main`]; the library target exists so
//! that the fuzz targets (`fuzz/`) can reach the input readers the commands use. None of this
//! is a stable API: embed `wortwolke-text` and `wortwolke-layout` instead.

mod args;
mod commands;
mod config;
#[doc(hidden)]
pub mod fuzz;
mod input;
mod interrupt;
mod output;
mod pipeline;
mod report;

use std::process::ExitCode;

use clap::Parser;

use commands::Outcome;

/// A note for the user on standard error, prefixed with the program name.
#[allow(clippy::print_stderr)]
pub(crate) fn note(message: &str) {
    eprintln!("wortwolke: {message}");
}

/// The program: parse, run, map the outcome to an exit code (0 done, 1 nothing to count or
/// draw, 2 error; a reader that went away ends quietly with 0).
pub fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // help and version go to stdout with 0; usage errors to stderr with 2
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    interrupt::install();
    match commands::run(cli.command) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Nothing) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            note(&format!("{err:#}"));
            ExitCode::from(2)
        }
    }
}

/// Whether the reader of our output went away (`wortwolke count … | head -1`): then we end
/// quietly with 0, like ripgrep. The CSV and JSON writers wrap the I/O error without exposing
/// it as a `source()`, so they are asked for it by name.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        if let Some(e) = cause.downcast_ref::<std::io::Error>() {
            e.kind() == BrokenPipe
        } else if let Some(e) = cause.downcast_ref::<csv::Error>() {
            matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe)
        } else if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
            e.io_error_kind() == Some(BrokenPipe)
        } else {
            false
        }
    })
}
