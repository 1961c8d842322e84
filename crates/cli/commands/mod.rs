//! Dispatch on the subcommand.

mod analyze;
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
    }
}
