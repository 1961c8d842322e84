//! Dispatch on the subcommand.

mod analyze;
mod cloud;
mod count;
mod report;

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
        Command::Report(args) => report::run(*args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            use std::io::Write;
            let mut cmd = crate::args::Cli::command();
            // generated whole first: clap_complete panics on a failed write (a closed pipe)
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "wortwolke", &mut script);
            let mut out = std::io::stdout().lock();
            out.write_all(&script)?;
            out.flush()?;
            Ok(Outcome::Done)
        }
    }
}

/// `--count` and `--base` (and, for count, `--min-count` and `--top`) as table options.
pub(crate) fn table_options(
    analysis: &crate::args::AnalysisArgs,
    count: crate::args::CountBy,
    min: u64,
    top: Option<usize>,
) -> wortwolke_text::TableOptions {
    use crate::args::{Base, CountBy};
    wortwolke_text::TableOptions {
        weight: match count {
            CountBy::Answers => wortwolke_text::Weight::Answers,
            CountBy::Occurrences => wortwolke_text::Weight::Occurrences,
        },
        base: match analysis.base {
            Base::Answered => wortwolke_text::Base::Answered,
            Base::All => wortwolke_text::Base::All,
        },
        min,
        top,
    }
}

/// Says on standard error which groups are too small for stable shares (`--min-group-n`).
pub(crate) fn small_groups(all: &[crate::pipeline::Tables], min_group_n: u64, quiet: bool) {
    if quiet {
        return;
    }
    for t in all {
        for (group, table) in t.groups.iter().filter(|(_, g)| g.answered < min_group_n) {
            let question = if all.len() > 1 {
                format!("{}: ", t.question)
            } else {
                String::new()
            };
            crate::note(&format!(
                "{question}{group}: only {} respondents answered; shares of groups under {min_group_n} (--min-group-n) are unstable",
                table.answered,
            ));
        }
    }
}

/// The caption note of a group too small for stable shares, drawn in its cloud or panel;
/// `who`: the groups' names, where the cloud shows more than the small ones.
pub(crate) fn small_group_caption(
    min_group_n: u64,
    who: Option<&str>,
    lang: crate::output::Lang,
) -> String {
    use crate::output::Lang;
    match (who, lang) {
        (Some(who), Lang::En) => {
            format!("Fewer than {min_group_n} answered in {who}: shares are unstable.")
        }
        (Some(who), Lang::De) => {
            format!("Weniger als {min_group_n} Antworten in {who}: Anteile sind unsicher.")
        }
        (None, Lang::En) => format!("Fewer than {min_group_n} answered: shares are unstable."),
        (None, Lang::De) => format!("Weniger als {min_group_n} Antworten: Anteile sind unsicher."),
    }
}
