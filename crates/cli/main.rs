//! The `wortwolke` binary: parse, run, map the outcome to an exit code. Nothing else.

mod args;
mod commands;
mod config;
mod input;
mod output;
mod pipeline;
mod workers;

use std::process::ExitCode;

use clap::Parser;

use commands::Outcome;

/// A note for the user on standard error, prefixed with the program name.
#[allow(clippy::print_stderr)]
pub(crate) fn note(message: &str) {
    eprintln!("wortwolke: {message}");
}

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // help and version go to stdout with 0; usage errors to stderr with 2
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
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

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
