//! Help texts, flag errors and the end of output: what a user meets first.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use crate::util::{root, wortwolke};

/// The subcommands `wortwolke --help` lists (without `help`).
fn subcommands() -> Vec<String> {
    let help = wortwolke(&["--help"], "").stdout;
    let listed: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(String::from)
        .collect();
    assert!(listed.len() >= 4, "subcommands in {help}");
    listed
}

/// The `examples/…` paths a text mentions, without trailing punctuation.
fn example_paths(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '`' | '(' | '\'' | '"'))
        .filter(|word| word.starts_with("examples/"))
        .map(|word| word.trim_end_matches(['.', ',', ';', ':', ')']))
        .collect()
}

#[test]
fn every_example_path_in_help_exists() {
    let mut seen = 0;
    for command in subcommands() {
        let help = wortwolke(&[&command, "--help"], "");
        assert_eq!(help.code, 0, "{command}: {help:?}");
        for path in example_paths(&help.stdout) {
            seen += 1;
            assert!(
                root().join(path).is_file(),
                "`wortwolke {command} --help` mentions {path}, which does not exist"
            );
        }
    }
    // the examples use the bundled answer sets: a test that checks nothing would pass too
    assert!(seen >= 3, "only {seen} example paths found");
}

#[test]
fn a_bad_palette_colour_names_the_flag() {
    for palette in ["#12345", "#1b9e77,#d95f0", "#1b9e77,rot"] {
        let run = wortwolke(&["cloud", "-o", "-", "--palette", palette], "Personal\n");
        run.assert_error("--palette");
        assert!(
            !run.stderr.contains("option colour"),
            "{palette}: {}",
            run.stderr
        );
        // and says what to write
        assert!(
            run.stderr.contains("#1b9e77,#d95f02"),
            "{palette}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_bad_background_names_only_the_flag() {
    let run = wortwolke(&["cloud", "-o", "-", "--background", "#12"], "Personal\n");
    run.assert_error("--background");
    assert!(!run.stderr.contains("option colour"), "{}", run.stderr);
}

/// `wortwolke count … | head -1`: the reader goes away, and the output ends quietly with 0
/// (like ripgrep), for every table format.
#[test]
fn a_closed_pipe_ends_quietly() {
    // many distinct terms: far more table than a pipe buffer holds
    let mut input = String::new();
    for i in 0..40_000u32 {
        let mut n = i;
        input.push_str("zq");
        for _ in 0..4 {
            input.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        input.push_str("bix\n");
    }
    for format in ["tsv", "csv", "json", "md"] {
        let args = ["count", "-", "-q", "--no-stem", "--format", format];
        let (code, stderr) = with_stdout_closed(&args, &input);
        assert_eq!(code, Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}

// See: issue 13 (a closed standard output)
/// A cloud on standard output whose reader went away ends quietly too, in every format.
#[test]
fn a_cloud_to_a_closed_pipe_ends_quietly() {
    for format in ["svg", "png", "json"] {
        let args = ["cloud", "-q", "-o", "-", "--format", format];
        let (code, stderr) = with_stdout_closed(&args, "Personal\nZeit\n");
        assert_eq!(code, Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}

/// `completions` writes through clap_complete, which panics on a failed write: it must end
/// quietly on a closed pipe too.
#[test]
fn completions_to_a_closed_pipe_end_quietly() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, stderr) = with_stdout_closed(&["completions", shell], "");
        assert_eq!(code, Some(0), "{shell}: {stderr}");
        assert_eq!(stderr, "", "{shell}");
    }
}

/// Runs `wortwolke ARGS` with `stdin` and its standard output closed before it writes: its
/// exit code and standard error.
fn with_stdout_closed(args: &[&str], stdin: &str) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wortwolke"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    // close the read end before the binary writes anything
    drop(child.stdout.take());
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap().code(), stderr)
}

/// The I/O error is the cause in the chain, so `{:#}` must not print it a second time.
#[test]
fn a_missing_font_or_mask_says_why_once() {
    for flag in ["--font", "--mask"] {
        let run = wortwolke(&["cloud", "-o", "-", flag, "missing.file"], "Personal\n");
        run.assert_error("missing.file: cannot read");
        assert_eq!(run.stderr.matches("os error").count(), 1, "{}", run.stderr);
    }
}

/// Options for tables on a plain-text input would be ignored without a word: they are errors.
#[test]
fn table_options_on_plain_text_are_errors() {
    for flag in ["--group", "--column", "--sheet"] {
        let run = wortwolke(
            &["count", "examples/answers/efa_gruende.txt", flag, "Kreis"],
            "",
        );
        run.assert_error(&format!("{flag} needs a table"));
    }
    let run = wortwolke(&["analyze", "--group", "Kreis"], "Personal\n");
    run.assert_error("--group needs a table");
    // standard input read as CSV is a table
    let run = wortwolke(
        &["count", "--input-format", "csv", "--group", "Kreis", "-q"],
        "Kreis;Antwort\nNord;Personal\n",
    );
    assert_eq!(run.code, 0, "{run:?}");
}
