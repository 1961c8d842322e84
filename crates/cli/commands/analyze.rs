//! `wortwolke analyze`: how each answer was tokenized and grouped.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use wortwolke_text::{Separator, TokenKind, Weight};

use super::Outcome;
use crate::args::{AnalyzeArgs, AnalyzeFormat};
use crate::config::AnalysisConfig;
use crate::input;

#[derive(Serialize)]
struct Line<'a> {
    line: usize,
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
    let config = AnalysisConfig::from_args(&args.analysis)?;
    let survey = input::read_survey(&args.analysis)?;
    // one output line per answer: every question's answers in order
    let answers: Vec<String> = survey
        .questions
        .into_iter()
        .flat_map(|q| q.answers.into_iter().map(|a| a.text))
        .collect();
    let analyzer = config.analyzer(answers.iter().map(String::as_str))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        AnalyzeFormat::Keys => {
            for answer in &answers {
                if !analyzer.is_no_answer(answer) {
                    let mut first = true;
                    for token in analyzer.analyze(answer).iter().filter(|t| t.kind.is_word()) {
                        if !first {
                            out.write_all(b" ")?;
                        }
                        out.write_all(token.key.as_bytes())?;
                        first = false;
                    }
                }
                out.write_all(b"\n")?;
            }
        }
        AnalyzeFormat::Json => {
            let table = analyzer
                .count(answers.iter().map(String::as_str))
                .table(Weight::Answers, analyzer.labels());
            let labels: std::collections::HashMap<&str, &str> = table
                .terms
                .iter()
                .map(|t| (t.key.as_str(), t.term.as_str()))
                .collect();
            for (i, answer) in answers.iter().enumerate() {
                let no_answer = analyzer.is_no_answer(answer);
                let tokens = if no_answer {
                    Vec::new()
                } else {
                    analyzer.analyze(answer)
                };
                let line = Line {
                    line: i + 1,
                    answer,
                    no_answer,
                    tokens: tokens
                        .iter()
                        .map(|t| TokenOut {
                            text: &answer[t.offset.clone()],
                            start: t.offset.start,
                            end: t.offset.end,
                            kind: kind_name(t.kind),
                            key: &t.key,
                            label: t
                                .kind
                                .is_word()
                                .then(|| labels.get(t.key.as_str()).copied())
                                .flatten(),
                        })
                        .collect(),
                };
                serde_json::to_writer(&mut out, &line)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}
