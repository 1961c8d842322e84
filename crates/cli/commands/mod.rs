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
    top: Option<usize>,
) -> Result<Vec<Tables>> {
    let config = crate::config::AnalysisConfig::from_args(analysis)?;
    let cut = Cut {
        weight: match count {
            crate::args::CountBy::Answers => Weight::Answers,
            crate::args::CountBy::Occurrences => Weight::Occurrences,
        },
        min_count,
        top,
        base: analysis.base,
    };
    if let Some(tables) = streamed_tables(analysis, &config, &cut)? {
        return Ok(tables);
    }
    if let Some(tables) = streamed_csv_tables(analysis, &config, &cut)? {
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
        let mut names = GroupNames::default();
        let mut groups: Vec<Counter> = Vec::new();
        for answer in &question.answers {
            let group = answer.group.as_deref().map(|g| {
                let i = names.index(g);
                if i == groups.len() {
                    groups.push(Counter::default());
                }
                &mut groups[i]
            });
            count_answer(
                &mut tally,
                analysis.split_list.as_deref(),
                &mut total,
                group,
                &answer.text,
            );
        }
        let table = |counter: &Counter| finished_table(counter, &analyzer, &cut);
        out.push(Tables {
            question: question.name.clone(),
            total: table(&total),
            groups: names
                .names
                .into_iter()
                .zip(&groups)
                .map(|(n, c)| (n, table(c)))
                .collect(),
        });
    }
    Ok(out)
}

/// Which rows of a counter make a table, and how shares are based.
#[derive(Debug, Clone, Copy)]
struct Cut {
    weight: Weight,
    /// `--min-count`.
    min_count: u64,
    /// `--top` (count), `--max-words` (cloud): rows past it are never built.
    top: Option<usize>,
    base: crate::args::Base,
}

/// A counter's table with `--min-count`, the top rows and `--base` applied.
fn finished_table(
    counter: &Counter,
    analyzer: &wortwolke_text::Analyzer,
    cut: &Cut,
) -> FrequencyTable {
    let mut t = counter.top(
        cut.weight,
        analyzer.labels(),
        cut.min_count,
        cut.top.unwrap_or(usize::MAX),
    );
    if cut.base == crate::args::Base::All {
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
    cut: &Cut,
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
    let threads = threads(analysis);
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
            total: finished_table(&counter, &analyzer, cut),
            groups: Vec::new(),
        }])),
    }
}

/// Group names in order of first appearance; a blank group is `(none)`.
#[derive(Debug, Default)]
struct GroupNames {
    names: Vec<String>,
}

impl GroupNames {
    /// The index of the group `raw` (a new one is added at the end).
    fn index(&mut self, raw: &str) -> usize {
        let name = match raw.trim() {
            "" => "(none)",
            trimmed => trimmed,
        };
        match self.names.iter().position(|n| n == name) {
            Some(i) => i,
            None => {
                self.names.push(name.to_owned());
                self.names.len() - 1
            }
        }
    }
}

/// Counts one answer into its question's total and its group's counter (analysed by
/// `tally`, which remembers its analyzer's word rules from answer to answer).
fn count_answer(
    tally: &mut Tally,
    split_list: Option<&str>,
    total: &mut Counter,
    group: Option<&mut Counter>,
    text: &str,
) {
    let analyzer = tally.analyzer();
    if analyzer.is_no_answer(text) {
        total.add_no_answer();
        if let Some(group) = group {
            group.add_no_answer();
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
    if let Some(group) = group {
        group.add(text, tokens);
    }
}

/// The worker threads to count on: `--threads`, or all cores.
fn threads(analysis: &crate::args::AnalysisArgs) -> usize {
    analysis
        .threads
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Bytes of answer text per batch of CSV rows handed to a worker.
const CSV_BATCH_BYTES: usize = 1 << 20;

/// Answers of consecutive CSV rows, for one worker to count.
#[derive(Debug, Default)]
struct CsvBatch {
    text: String,
    answers: Vec<CsvAnswer>,
    /// One question, no groups, no lists: the answers go straight into the worker's tally.
    plain: bool,
}

/// One answer of a CSV batch: where its text is, its question, group and row.
#[derive(Debug)]
struct CsvAnswer {
    text: std::ops::Range<usize>,
    question: usize,
    group: Option<usize>,
    row: u64,
}

/// One worker's counts of CSV answers: per question the total and each group's counter
/// (a plain file's answers are counted by the tally itself: see [`CsvBatch::plain`]).
struct CsvCounts<'a> {
    tally: Tally<'a>,
    questions: Vec<(Counter, Vec<Counter>)>,
}

impl CsvCounts<'_> {
    fn count(&mut self, batch: CsvBatch, split_list: Option<&str>) {
        if batch.plain {
            for answer in batch.answers {
                self.tally.seek(answer.row);
                self.tally.count(&batch.text[answer.text]);
            }
            return;
        }
        for answer in batch.answers {
            if self.questions.len() <= answer.question {
                self.questions
                    .resize_with(answer.question + 1, Default::default);
            }
            let (total, groups) = &mut self.questions[answer.question];
            // every counter numbers the answers by row, so that merged they know what came first
            total.seek(answer.row);
            let group = answer.group.map(|g| {
                if groups.len() <= g {
                    groups.resize_with(g + 1, Default::default);
                }
                let group = &mut groups[g];
                group.seek(answer.row);
                group
            });
            let text = &batch.text[answer.text];
            count_answer(&mut self.tally, split_list, total, group, text);
        }
    }
}

/// One CSV/TSV file in wide format, UTF-8, without `--phrases auto`: counted row by row while
/// it is read (see [`crate::input::visit_delimited`]); `None` when it needs the general path.
fn streamed_csv_tables(
    analysis: &crate::args::AnalysisArgs,
    config: &crate::config::AnalysisConfig,
    cut: &Cut,
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
    let split_list = analysis.split_list.as_deref();
    let mut names = GroupNames::default();
    // rows are parsed here and counted on all cores, in batches
    let (workers, visited) = crate::stream::pool(
        threads(analysis),
        || CsvCounts {
            tally: Tally::new(&analyzer),
            questions: Vec::new(),
        },
        |counts, batch| counts.count(batch, split_list),
        |send| {
            let mut batch = CsvBatch::default();
            let visited = crate::input::visit_delimited(path, analysis, |v| {
                batch.plain = v.questions == 1 && v.group.is_none() && split_list.is_none();
                let start = batch.text.len();
                batch.text.push_str(v.text);
                batch.answers.push(CsvAnswer {
                    text: start..batch.text.len(),
                    question: v.question,
                    group: v.group.map(|g| names.index(g)),
                    row: v.row,
                });
                if batch.text.len() >= CSV_BATCH_BYTES {
                    send(std::mem::take(&mut batch));
                }
            });
            send(batch);
            visited
        },
    )?;
    let Some(questions) = visited? else {
        return Ok(None);
    };
    let mut counters: Vec<(Counter, Vec<Counter>)> = Vec::new();
    counters.resize_with(questions.len(), Default::default);
    for worker in workers {
        if let Some((total, _)) = counters.first_mut() {
            total.merge(worker.tally.into_counter());
        }
        for (ours, (total, groups)) in counters.iter_mut().zip(worker.questions) {
            ours.0.merge(total);
            ours.1.resize_with(names.names.len(), Default::default);
            for (ours, theirs) in ours.1.iter_mut().zip(groups) {
                ours.merge(theirs);
            }
        }
    }
    Ok(Some(
        questions
            .into_iter()
            .zip(counters)
            .map(|(question, (total, groups))| Tables {
                question,
                total: finished_table(&total, &analyzer, cut),
                groups: names
                    .names
                    .iter()
                    .zip(&groups)
                    .map(|(n, c)| (n.clone(), finished_table(c, &analyzer, cut)))
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
