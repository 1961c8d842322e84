//! `wortwolke analyze`: how each answer was tokenized and grouped.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use wortwolke_text::{Separator, TokenKind};

use super::Outcome;
use crate::args::{AnalyzeArgs, AnalyzeFormat};
use crate::input;

#[derive(Serialize)]
struct Line<'a> {
    /// The output line (every question's answers in turn).
    line: usize,
    /// The respondent: the answer's place among its question's answers (1-based), the same
    /// for every question of one row of a table.
    row: usize,
    question: &'a str,
    group: Option<&'a str>,
    answer: &'a str,
    no_answer: bool,
    tokens: Vec<TokenOut<'a>>,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: &'static str,
    key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::StopWord => "stopword",
        TokenKind::Number => "number",
        TokenKind::Link => "link",
        TokenKind::Symbol => "symbol",
        TokenKind::Separator(Separator::Hard) => "sentence_end",
        TokenKind::Separator(Separator::Soft) => "punctuation",
    }
}

pub fn run(args: AnalyzeArgs) -> Result<Outcome> {
    if args.analysis.base == crate::args::Base::All {
        anyhow::bail!("--base: analyze prints tokens, not shares; use --base with count or cloud");
    }
    let survey = input::read_survey(&args.analysis)?;
    // the same count as `count` makes: keys resolved and labels chosen over all answers
    let counts = crate::pipeline::count_survey(&args.analysis, &survey)?;
    let (analyzer, counted) = (&counts.analyzer, &counts.counted);
    let mut labels: HashMap<String, Option<String>> = HashMap::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = 0;
    // one output line per answer: every question's answers in order
    for question in &survey.questions {
        for (row, answer) in question.answers.iter().enumerate() {
            line += 1;
            let text = answer.text.as_str();
            let no_answer = analyzer.is_no_answer(text);
            let tokens = if no_answer {
                Vec::new()
            } else {
                analyzer.analyze(text)
            };
            match args.format {
                AnalyzeFormat::Keys => {
                    let keys: Vec<&str> = tokens
                        .iter()
                        .filter(|t| t.kind.is_word())
                        .map(|t| counted.resolve(&t.key))
                        .collect();
                    out.write_all(keys.join(" ").as_bytes())?;
                    out.write_all(b"\n")?;
                }
                AnalyzeFormat::Json => {
                    for t in tokens.iter().filter(|t| t.kind.is_word()) {
                        let key = counted.resolve(&t.key);
                        if !labels.contains_key(key) {
                            let label = counted.label(key).map(|l| l.into_owned());
                            labels.insert(key.to_owned(), label);
                        }
                    }
                    let line = Line {
                        line,
                        row: row + 1,
                        question: &question.name,
                        group: answer.group.as_deref(),
                        answer: text,
                        no_answer,
                        tokens: tokens
                            .iter()
                            .map(|t| {
                                let word = t.kind.is_word();
                                let key = if word {
                                    counted.resolve(&t.key)
                                } else {
                                    t.key.as_str()
                                };
                                TokenOut {
                                    text: &text[t.offset.clone()],
                                    start: t.offset.start,
                                    end: t.offset.end,
                                    kind: kind_name(t.kind),
                                    key,
                                    label: word.then(|| labels[key].as_deref()).flatten(),
                                }
                            })
                            .collect(),
                    };
                    serde_json::to_writer(&mut out, &line)?;
                    out.write_all(b"\n")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}
