// # A realistic, deterministic German answer set of any size
//
// We will:
// - build a Zipf-distributed vocabulary of administrative nouns, compounds, adjectives, verbs,
//   acronyms and gender forms (see `generator/mod.rs`),
// - write answers in the styles of open survey questions (sentences, lists, fragments, typos,
//   empty and "k.A." answers), one per line, to standard output.
//
// Run: `cargo run --release --example gen_answers -- --answers 1000000 --seed 1 > answers.txt`
// (about 93 MB per million answers). The same seed gives the same bytes. Generated data is
// never committed.

#![allow(clippy::print_stderr)]

#[allow(dead_code)] // `answers` serves the benches
mod generator;

use std::io::{BufWriter, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str, default: u64| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map_or(default, |v| {
                v.parse().unwrap_or_else(|_| {
                    eprintln!("gen_answers: {flag} needs a number");
                    std::process::exit(2)
                })
            })
    };
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    // a closed pipe (| head) ends the program quietly
    if generator::write_answers(value("--answers", 10_000), value("--seed", 1), &mut out).is_ok() {
        let _ = out.flush();
    }
}
