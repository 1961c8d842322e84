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
    // one tally for every question and group: each is a subset of its counter
    let mut tally = Tally::new(&analyzer);
    let mut subsets = Subsets::new(survey.questions.len());
    let mut names: Vec<GroupNames> = Vec::new();
    for (q, question) in survey.questions.iter().enumerate() {
        let mut groups = GroupNames::default();
        for answer in &question.answers {
            let group = answer.group.as_deref().map(|g| groups.index(g));
            let ids = subsets.of(q, group);
            count_answer(
                &mut tally,
                analysis.split_list.as_deref(),
                ids.as_slice(),
                &answer.text,
            );
        }
        names.push(groups);
    }
    let counter = tally.into_counter();
    let out = survey
        .questions
        .iter()
        .zip(names)
        .enumerate()
        .map(|(q, (question, groups))| {
            tables(
                question.name.clone(),
                &counter,
                &mut subsets,
                q,
                &groups,
                &analyzer,
                &cut,
            )
        })
        .collect();
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

/// Where answers are counted besides the whole: their question's total and their group, as
/// subsets of one counter (see [`Counter::count_in`]), numbered in order of first appearance.
/// With one question, the whole counter is its total.
#[derive(Debug, Default)]
struct Subsets {
    ids: std::collections::HashMap<(usize, Option<usize>), usize>,
    one_question: bool,
}

impl Subsets {
    fn new(questions: usize) -> Self {
        Subsets {
            ids: Default::default(),
            one_question: questions == 1,
        }
    }

    fn id(&mut self, question: usize, group: Option<usize>) -> usize {
        let next = self.ids.len();
        *self.ids.entry((question, group)).or_insert(next)
    }

    /// The subsets of an answer to `question` in `group`: the question's, and the group's.
    fn of(&mut self, question: usize, group: Option<usize>) -> AnswerSubsets {
        let mut ids = AnswerSubsets::default();
        if !self.one_question {
            ids.push(self.id(question, None));
        }
        if let Some(g) = group {
            ids.push(self.id(question, Some(g)));
        }
        ids
    }
}

/// The (at most two) subsets of one answer, kept without allocating.
#[derive(Debug, Clone, Copy, Default)]
struct AnswerSubsets {
    ids: [usize; 2],
    len: usize,
}

impl AnswerSubsets {
    fn push(&mut self, id: usize) {
        self.ids[self.len] = id;
        self.len += 1;
    }

    fn as_slice(&self) -> &[usize] {
        &self.ids[..self.len]
    }
}

/// The tables of one question from the counter of all answers: its total and its groups are
/// subsets, or the whole counter is the total of the only question.
fn tables(
    question: String,
    counter: &Counter,
    subsets: &mut Subsets,
    q: usize,
    groups: &GroupNames,
    analyzer: &wortwolke_text::Analyzer,
    cut: &Cut,
) -> Tables {
    let total = if subsets.one_question {
        finished_table(counter, analyzer, cut)
    } else {
        finished_table(&counter.subset(subsets.id(q, None)), analyzer, cut)
    };
    let groups = groups
        .names
        .iter()
        .enumerate()
        .map(|(g, name)| {
            let group = counter.subset(subsets.id(q, Some(g)));
            (name.clone(), finished_table(&group, analyzer, cut))
        })
        .collect();
    Tables {
        question,
        total,
        groups,
    }
}

/// Counts one answer (analysed by `tally`, which remembers its analyzer's word rules from
/// answer to answer), also into `subsets`.
fn count_answer(tally: &mut Tally, split_list: Option<&str>, subsets: &[usize], text: &str) {
    tally.count_in(subsets);
    let analyzer = tally.analyzer();
    if let Some(chars) = split_list {
        if !analyzer.is_no_answer(text) {
            let items = list_items(analyzer, text, chars);
            tally.add(text, &items);
            return;
        }
    }
    tally.count(text);
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
}

/// One answer of a CSV batch: where its text is, its row, and the subsets it counts in.
#[derive(Debug)]
struct CsvAnswer {
    text: std::ops::Range<usize>,
    row: u64,
    subsets: AnswerSubsets,
}

impl CsvBatch {
    /// Counts the batch into `tally`, each answer at its row.
    fn count(self, tally: &mut Tally, split_list: Option<&str>) {
        for answer in self.answers {
            tally.seek(answer.row);
            count_answer(
                tally,
                split_list,
                answer.subsets.as_slice(),
                &self.text[answer.text],
            );
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
    let mut subsets = Subsets::default();
    // rows are parsed here and counted on all cores, in batches, into one tally per worker
    let (workers, visited) = crate::stream::pool(
        threads(analysis),
        || Tally::new(&analyzer),
        |tally, batch: CsvBatch| batch.count(tally, split_list),
        |send| {
            let mut batch = CsvBatch::default();
            let visited = crate::input::visit_delimited(path, analysis, |v| {
                subsets.one_question = v.questions == 1;
                let group = v.group.map(|g| names.index(g));
                let start = batch.text.len();
                batch.text.push_str(v.text);
                batch.answers.push(CsvAnswer {
                    text: start..batch.text.len(),
                    row: v.row,
                    subsets: subsets.of(v.question, group),
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
    let mut counter = Counter::default();
    for tally in workers {
        counter.merge(tally.into_counter());
    }
    Ok(Some(
        questions
            .into_iter()
            .enumerate()
            .map(|(q, question)| {
                tables(question, &counter, &mut subsets, q, &names, &analyzer, cut)
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
