//! Dispatch on the subcommand.

mod analyze;
mod cloud;
mod count;

use anyhow::Result;
use wortwolke_text::{Counter, FrequencyTable, Tally, Token, TokenKind, Weight};

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
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut cmd = crate::args::Cli::command();
            clap_complete::generate(shell, &mut cmd, "wortwolke", &mut std::io::stdout());
            Ok(Outcome::Done)
        }
    }
}

/// The tables of one question: all respondents, and each group (in order of appearance).
#[derive(Debug)]
pub(crate) struct Tables {
    pub question: String,
    pub total: FrequencyTable,
    pub groups: Vec<(String, FrequencyTable)>,
}

/// Inputs → one set of tables per question, as `count` and `cloud` both need them: read the
/// survey, build the analyzer (detecting phrases first if asked), count every answer into its
/// question's total and group, apply `--min-count` and `--base`.
pub(crate) fn survey_tables(
    analysis: &crate::args::AnalysisArgs,
    count: crate::args::CountBy,
    min_count: u64,
) -> Result<Vec<Tables>> {
    let config = crate::config::AnalysisConfig::from_args(analysis)?;
    let weight = match count {
        crate::args::CountBy::Answers => Weight::Answers,
        crate::args::CountBy::Occurrences => Weight::Occurrences,
    };
    if let Some(tables) = streamed_tables(analysis, &config, weight, min_count)? {
        return Ok(tables);
    }
    if let Some(tables) = streamed_csv_tables(analysis, &config, weight, min_count)? {
        return Ok(tables);
    }
    let survey = crate::input::read_survey(analysis)?;
    let analyzer = config.analyzer(
        survey
            .questions
            .iter()
            .flat_map(|q| q.answers.iter().map(|a| a.text.as_str())),
    )?;
    let mut out = Vec::new();
    let mut tally = Tally::new(&analyzer);
    for question in &survey.questions {
        let mut total = Counter::default();
        let mut groups: Vec<(String, Counter)> = Vec::new();
        for answer in &question.answers {
            count_answer(
                &mut tally,
                analysis.split_list.as_deref(),
                (&mut total, &mut groups),
                answer.group.as_deref(),
                &answer.text,
            );
        }
        let table = |counter: &Counter| {
            finished_table(counter, &analyzer, weight, min_count, analysis.base)
        };
        out.push(Tables {
            question: question.name.clone(),
            total: table(&total),
            groups: groups.iter().map(|(n, c)| (n.clone(), table(c))).collect(),
        });
    }
    Ok(out)
}

/// A counter's table with `--min-count` and `--base` applied.
fn finished_table(
    counter: &Counter,
    analyzer: &wortwolke_text::Analyzer,
    weight: Weight,
    min_count: u64,
    base: crate::args::Base,
) -> FrequencyTable {
    let mut t = counter.table(weight, analyzer.labels());
    t.retain_min(min_count);
    if base == crate::args::Base::All {
        for term in &mut t.terms {
            term.share = if t.answers == 0 {
                0.0
            } else {
                term.answers as f64 / t.answers as f64
            };
        }
    }
    t
}

/// Plain text, one answer a line, nothing that needs all answers at once: counted while it is
/// read, on all cores (see [`crate::stream`]). `None` when the input needs the general path.
fn streamed_tables(
    analysis: &crate::args::AnalysisArgs,
    config: &crate::config::AnalysisConfig,
    weight: Weight,
    min_count: u64,
) -> Result<Option<Vec<Tables>>> {
    use crate::args::InputFormat;
    let text = |p: &std::path::PathBuf| {
        analysis
            .input_format
            .unwrap_or_else(|| crate::input::format_of(p))
            == InputFormat::Text
    };
    let encoding = analysis
        .encoding
        .as_deref()
        .map(crate::input::parse_encoding)
        .transpose()?;
    let eligible = analysis.inputs.iter().all(text)
        && analysis.input_format.is_none_or(|f| f == InputFormat::Text)
        && !analysis.blank_line_separated
        && analysis.split_list.is_none()
        && analysis.group.is_none()
        && encoding.is_none_or(|e| e == encoding_rs::UTF_8 || e.is_single_byte());
    // detecting phrases reads the answers twice: files only (standard input is read once)
    let auto = match config.phrases {
        crate::config::PhraseMode::Auto { min_answers } => Some(min_answers),
        _ => None,
    };
    let stdin = analysis.inputs.is_empty() || analysis.inputs.iter().any(|p| p.as_os_str() == "-");
    if !eligible || auto.is_some() && stdin {
        return Ok(None);
    }
    let threads = analysis
        .threads
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let mut analyzer_config = config.analyzer.clone();
    if let Some(min_answers) = auto {
        let first = wortwolke_text::Analyzer::from_config(&analyzer_config)?;
        let detected = crate::stream::fold_lines(
            &analysis.inputs,
            encoding,
            threads,
            analysis.quiet,
            || {
                (
                    wortwolke_text::Tally::new(&first),
                    wortwolke_text::PhraseDetector::default(),
                )
            },
            |(tally, detector), _, line| {
                if !first.is_no_answer(line) {
                    detector.add(tally.analyze(line));
                }
            },
        )?;
        let Ok(workers) = detected else {
            return Ok(None);
        };
        let mut detector = wortwolke_text::PhraseDetector::default();
        for (_, part) in workers {
            detector.merge(part);
        }
        analyzer_config.detected_phrases =
            detector.phrases(min_answers, wortwolke_text::DEFAULT_MIN_LLR);
    }
    let analyzer = wortwolke_text::Analyzer::from_config(&analyzer_config)?;
    match crate::stream::count_lines(
        &analysis.inputs,
        &analyzer,
        encoding,
        threads,
        analysis.quiet,
    )? {
        Err(crate::stream::Fallback::Encoding) => Ok(None),
        Ok(counter) => Ok(Some(vec![Tables {
            question: "answers".into(),
            total: finished_table(&counter, &analyzer, weight, min_count, analysis.base),
            groups: Vec::new(),
        }])),
    }
}

/// Counts one answer into its question's total and group counters (analysed by `tally`,
/// which remembers its analyzer's word rules from answer to answer).
fn count_answer(
    tally: &mut Tally,
    split_list: Option<&str>,
    (total, groups): (&mut Counter, &mut Vec<(String, Counter)>),
    group: Option<&str>,
    text: &str,
) {
    let group = group.map(|g| {
        let name = if g.trim().is_empty() {
            "(none)"
        } else {
            g.trim()
        };
        match groups.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                groups.push((name.to_owned(), Counter::default()));
                groups.len() - 1
            }
        }
    });
    let analyzer = tally.analyzer();
    if analyzer.is_no_answer(text) {
        total.add_no_answer();
        if let Some(g) = group {
            groups[g].1.add_no_answer();
        }
        return;
    }
    let items;
    let tokens = match split_list {
        Some(chars) => {
            items = list_items(analyzer, text, chars);
            &items
        }
        None => tally.analyze(text),
    };
    total.add(text, tokens);
    if let Some(g) = group {
        groups[g].1.add(text, tokens);
    }
}

/// One CSV/TSV file in wide format, UTF-8, without `--phrases auto`: counted row by row while
/// it is read (see [`crate::input::visit_delimited`]); `None` when it needs the general path.
fn streamed_csv_tables(
    analysis: &crate::args::AnalysisArgs,
    config: &crate::config::AnalysisConfig,
    weight: Weight,
    min_count: u64,
) -> Result<Option<Vec<Tables>>> {
    use crate::args::InputFormat;
    let [path] = analysis.inputs.as_slice() else {
        return Ok(None);
    };
    let format = analysis
        .input_format
        .unwrap_or_else(|| crate::input::format_of(path));
    let long = analysis.respondent_column.is_some()
        || analysis.question_column.is_some()
        || analysis.answer_column.is_some();
    let utf8 = analysis
        .encoding
        .as_deref()
        .map(crate::input::parse_encoding)
        .transpose()?
        .is_none_or(|e| e == encoding_rs::UTF_8);
    if !matches!(format, InputFormat::Csv | InputFormat::Tsv)
        || path.as_os_str() == "-"
        || long
        || !utf8
        || matches!(config.phrases, crate::config::PhraseMode::Auto { .. })
    {
        return Ok(None);
    }
    let analyzer = wortwolke_text::Analyzer::from_config(&config.analyzer)?;
    let mut counters: Vec<(Counter, Vec<(String, Counter)>)> = Vec::new();
    let split_list = analysis.split_list.as_deref();
    let mut tally = Tally::new(&analyzer);
    let Some(questions) = crate::input::visit_delimited(path, analysis, |v| {
        if counters.len() <= v.question {
            counters.resize_with(v.question + 1, Default::default);
        }
        let (total, groups) = &mut counters[v.question];
        count_answer(&mut tally, split_list, (total, groups), v.group, v.text);
    })?
    else {
        return Ok(None);
    };
    counters.resize_with(questions.len(), Default::default);
    Ok(Some(
        questions
            .into_iter()
            .zip(counters)
            .map(|(question, (total, groups))| Tables {
                question,
                total: finished_table(&total, &analyzer, weight, min_count, analysis.base),
                groups: groups
                    .iter()
                    .map(|(n, c)| {
                        (
                            n.clone(),
                            finished_table(c, &analyzer, weight, min_count, analysis.base),
                        )
                    })
                    .collect(),
            })
            .collect(),
    ))
}

/// The mentions of a list answer as terms: split at `chars` (`\n` = line break), each trimmed
/// mention one token whose key is its case-folded, space-collapsed text.
fn list_items(analyzer: &wortwolke_text::Analyzer, text: &str, chars: &str) -> Vec<Token> {
    let chars = chars.replace("\\n", "\n");
    let mut tokens = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if i == text.len() || chars.contains(c) || c == '\r' && chars.contains('\n') {
            let item = &text[start..i];
            let trimmed = item.trim();
            if !trimmed.is_empty() && !analyzer.is_no_answer(trimmed) {
                let offset = start + (item.len() - item.trim_start().len());
                tokens.push(Token {
                    offset: offset..offset + trimmed.len(),
                    position: tokens.len(),
                    kind: TokenKind::Word,
                    key: trimmed
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase(),
                });
            }
            start = i + c.len_utf8();
        }
    }
    tokens
}
