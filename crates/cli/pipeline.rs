//! The one counting pipeline: every input kind is a source that yields answers with their
//! place in the input, their question and their group; workers count them on all cores into one
//! counter; one place turns it into tables. Whether a source streams (plain text, wide UTF-8
//! CSV/TSV) or is read whole (spreadsheets, JSON lines, long format, other encodings) changes
//! how it is read, never what is counted.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use anyhow::Result;
use wortwolke_text::{
    Analyzer, Counted, Counter, Detected, FrequencyTable, PhraseDetector, TableOptions, Tally,
    DEFAULT_MIN_LLR,
};

use crate::args::{AnalysisArgs, InputFormat};
use crate::config::AnalysisConfig;
use crate::input::{self, Chunk, Fallback, Survey};

/// The tables of one question: all its respondents, and each group (in order of appearance).
#[derive(Debug)]
pub struct Tables {
    pub question: String,
    pub total: FrequencyTable,
    pub groups: Vec<(String, FrequencyTable)>,
}

/// Which rows a group's table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRows {
    /// The rows of its question's table, with the group's own cells (columns beside the total).
    OfTotal,
    /// The group's own heaviest terms (a cloud per group).
    Own,
}

/// A counted survey: one counter for all questions and groups, its case plan and labels
/// decided once.
#[derive(Debug)]
pub struct Counts {
    pub analyzer: Analyzer,
    pub counted: Counted,
    pub questions: Vec<String>,
    groups: Vec<String>,
    subsets: Subsets,
    /// `--phrases auto`: the phrases detected, with their statistics.
    pub detected: Vec<Detected>,
}

impl Counts {
    /// The tables of every question: `options` cut each question's table; groups as `rows` says.
    /// A group's cells are its own counts whatever `options` cut.
    pub fn tables(&self, options: &TableOptions, rows: GroupRows) -> Vec<Tables> {
        let counted = &self.counted;
        self.questions
            .iter()
            .enumerate()
            .map(|(q, question)| {
                let view = if self.questions.len() > 1 {
                    // a question nobody was asked has an empty table
                    counted.subset(self.subsets.find(q, None).unwrap_or(usize::MAX))
                } else {
                    counted.whole()
                };
                let total = view.table(options);
                let groups = self
                    .groups
                    .iter()
                    .enumerate()
                    .filter_map(|(g, name)| {
                        let group = counted.subset(self.subsets.find(q, Some(g))?);
                        let table = match rows {
                            GroupRows::OfTotal => group.rows_of(&total, options),
                            GroupRows::Own => group.table(options),
                        };
                        Some((name.clone(), table))
                    })
                    .collect();
                Tables {
                    question: question.clone(),
                    total,
                    groups,
                }
            })
            .collect()
    }
}

/// Counts the answers `args` names: detects phrases first with `--phrases auto`, on all cores
/// (`--threads`); the result is the same for any number of threads and any source.
pub fn count(args: &AnalysisArgs) -> Result<Counts> {
    let config = AnalysisConfig::from_args(args)?;
    let source = Source::new(args, config.two_passes())?;
    count_from(args, config, source)
}

/// Counts a survey already read (whole).
pub fn count_survey(args: &AnalysisArgs, survey: &Survey) -> Result<Counts> {
    let config = AnalysisConfig::from_args(args)?;
    count_from(args, config, Source::Memory(Cow::Borrowed(survey)))
}

fn count_from(args: &AnalysisArgs, config: AnalysisConfig, mut source: Source) -> Result<Counts> {
    let threads = args
        .threads
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let two_passes = config.two_passes();
    let mut analyzer_config = config.analyzer;
    let mut detected = Vec::new();
    if two_passes {
        let first = Analyzer::from_config(&analyzer_config)?;
        let (workers, _) = source.run(args, threads, || Detect {
            tally: Tally::new(&first),
            detector: PhraseDetector::default(),
        })?;
        let mut detector = PhraseDetector::default();
        for worker in workers {
            detector.merge(worker.detector);
        }
        if let Some(min_answers) = config.auto_phrases {
            detected = detector.detect(min_answers, DEFAULT_MIN_LLR);
            analyzer_config.detected_phrases =
                detected.iter().flat_map(|d| d.spellings.clone()).collect();
        }
        if config.merge_gender {
            analyzer_config.gender_bases = detector.gender_bases();
        }
    }
    let analyzer = Analyzer::from_config(&analyzer_config)?;
    let (tallies, shape) = source.run(args, threads, || Tally::new(&analyzer))?;
    let mut counter = Counter::default();
    for tally in tallies {
        counter.merge(tally.into_counter());
    }
    let counted = analyzer.finish(counter);
    Ok(Counts {
        analyzer,
        counted,
        questions: shape.questions,
        groups: shape.groups.names,
        subsets: shape.subsets,
        detected,
    })
}

/// Where the answers come from.
#[derive(Debug)]
enum Source<'s> {
    /// Plain text, one answer a line, read in chunks (UTF-8 or a single-byte encoding).
    Lines(Vec<PathBuf>),
    /// One wide-format CSV/TSV file in UTF-8, read row by row.
    Delimited(PathBuf),
    /// Any input, read whole first.
    Memory(Cow<'s, Survey>),
}

/// What a source held besides the answers: its questions, groups and the subsets they count in.
#[derive(Debug, Default)]
struct Shape {
    questions: Vec<String>,
    groups: GroupNames,
    subsets: Subsets,
}

impl Source<'_> {
    /// The source for `args`; `twice`: it will be read twice (standard input is then read
    /// whole first, as it can be read only once).
    fn new(args: &AnalysisArgs, twice: bool) -> Result<Self> {
        input::check_text_options(args)?;
        let format = |p: &PathBuf| args.input_format.unwrap_or_else(|| input::format_of(p));
        let stdin = args.inputs.is_empty() || args.inputs.iter().any(|p| p.as_os_str() == "-");
        let encoding = args
            .encoding
            .as_deref()
            .map(input::parse_encoding)
            .transpose()?;
        let long = args.respondent_column.is_some()
            || args.question_column.is_some()
            || args.answer_column.is_some();
        // (no input is standard input, whose format is --input-format's)
        let lines = args.input_format.is_none_or(|f| f == InputFormat::Text)
            && args.inputs.iter().all(|p| format(p) == InputFormat::Text)
            && !args.blank_line_separated
            && args.group.is_none()
            && encoding.is_none_or(|e| e == encoding_rs::UTF_8 || e.is_single_byte());
        if lines && !(twice && stdin) {
            return Ok(Source::Lines(args.inputs.clone()));
        }
        if let [path] = args.inputs.as_slice() {
            if matches!(format(path), InputFormat::Csv | InputFormat::Tsv)
                && path.as_os_str() != "-"
                && !long
                && encoding.is_none_or(|e| e == encoding_rs::UTF_8)
            {
                return Ok(Source::Delimited(path.clone()));
            }
        }
        Ok(Source::Memory(Cow::Owned(input::read_survey(args)?)))
    }

    /// Hands every answer to a worker (made by `worker`) on `threads` threads; a streamed
    /// source that meets an encoding it cannot stream is read whole instead (once, here).
    fn run<W: Sink + Send>(
        &mut self,
        args: &AnalysisArgs,
        threads: usize,
        worker: impl Fn() -> W + Sync,
    ) -> Result<(Vec<W>, Shape)> {
        loop {
            let (workers, read) = crate::workers::pool(
                threads,
                &worker,
                |sink: &mut W, batch: Batch| batch.feed(sink),
                |send| self.read(args, send),
            )?;
            match read? {
                Ok(shape) => return Ok((workers, shape)),
                Err(Fallback::Encoding) => {
                    *self = Source::Memory(Cow::Owned(input::read_survey(args)?));
                }
            }
        }
    }

    /// Reads the source, handing its answers to `send` in batches (on the reader's thread).
    fn read(
        &self,
        args: &AnalysisArgs,
        send: &mut dyn FnMut(Batch) -> bool,
    ) -> Result<std::result::Result<Shape, Fallback>> {
        let mut shape = Shape::default();
        match self {
            Source::Lines(paths) => {
                let encoding = args
                    .encoding
                    .as_deref()
                    .map(input::parse_encoding)
                    .transpose()?;
                let read = input::read_chunks(paths, encoding, args.quiet, &mut |chunk| {
                    send(Batch::Lines(chunk))
                })?;
                shape.questions.push(input::TEXT_QUESTION.to_owned());
                Ok(read.map(|()| shape))
            }
            Source::Delimited(path) => {
                let mut batch = Answers::default();
                let questions = input::visit_delimited(path, args, |v| {
                    let group = v.group.map(|g| shape.groups.index(g));
                    let subsets = shape.subsets.of(v.question, v.questions, group);
                    batch.push(
                        v.text,
                        v.row * v.questions as u64 + v.question as u64,
                        subsets,
                    );
                    if batch.text.len() >= BATCH_BYTES {
                        send(Batch::Answers(std::mem::take(&mut batch)));
                    }
                })?;
                send(Batch::Answers(batch));
                Ok(match questions {
                    Some(questions) => {
                        shape.questions = questions;
                        Ok(shape)
                    }
                    None => Err(Fallback::Encoding),
                })
            }
            Source::Memory(survey) => {
                let n = survey.questions.len();
                let mut batch = Answers::default();
                for (q, question) in survey.questions.iter().enumerate() {
                    for (i, answer) in question.answers.iter().enumerate() {
                        let group = answer.group.as_deref().map(|g| shape.groups.index(g));
                        let subsets = shape.subsets.of(q, n, group);
                        // numbered as a wide table's rows: respondent by respondent
                        batch.push(&answer.text, (i * n + q) as u64, subsets);
                        if batch.text.len() >= BATCH_BYTES {
                            send(Batch::Answers(std::mem::take(&mut batch)));
                        }
                    }
                }
                send(Batch::Answers(batch));
                shape.questions = survey.questions.iter().map(|q| q.name.clone()).collect();
                Ok(Ok(shape))
            }
        }
    }
}

/// Bytes of answer text per batch handed to a worker.
const BATCH_BYTES: usize = 1 << 20;

/// A piece of work: answers for one worker to count.
#[derive(Debug)]
enum Batch {
    /// Lines of plain text: each an answer of the only question, in no group.
    Lines(Chunk),
    /// Answers with their places and subsets.
    Answers(Answers),
}

/// Answers of consecutive rows, their texts in one buffer.
#[derive(Debug, Default)]
struct Answers {
    text: String,
    items: Vec<Item>,
}

/// One answer of a batch: where its text is, its place in the input, the subsets it counts in.
#[derive(Debug)]
struct Item {
    text: Range<usize>,
    position: u64,
    subsets: AnswerSubsets,
}

impl Answers {
    fn push(&mut self, text: &str, position: u64, subsets: AnswerSubsets) {
        let start = self.text.len();
        self.text.push_str(text);
        self.items.push(Item {
            text: start..self.text.len(),
            position,
            subsets,
        });
    }
}

impl Batch {
    fn feed(self, sink: &mut impl Sink) {
        match self {
            Batch::Lines(chunk) => chunk.lines(|position, line| sink.answer(position, &[], line)),
            Batch::Answers(answers) => {
                for item in &answers.items {
                    let text = &answers.text[item.text.clone()];
                    sink.answer(item.position, item.subsets.as_slice(), text);
                }
            }
        }
    }
}

/// What a worker does with each answer.
trait Sink {
    fn answer(&mut self, position: u64, subsets: &[usize], text: &str);
}

impl Sink for Tally<'_> {
    fn answer(&mut self, position: u64, subsets: &[usize], text: &str) {
        self.seek(position);
        self.count_in(subsets);
        self.count(text);
    }
}

/// `--phrases auto`: the collocations of the answers, before they are counted.
struct Detect<'a> {
    tally: Tally<'a>,
    detector: PhraseDetector,
}

impl Sink for Detect<'_> {
    fn answer(&mut self, _position: u64, _subsets: &[usize], text: &str) {
        if !self.tally.analyzer().is_no_answer(text) {
            self.detector.add(self.tally.analyze(text));
        }
    }
}

/// The name of the group whose cell reads `raw`: trimmed; a blank cell is the group `(none)`.
pub fn group_name(raw: &str) -> &str {
    match raw.trim() {
        "" => "(none)",
        trimmed => trimmed,
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
        let name = group_name(raw);
        match self.names.iter().position(|n| n == name) {
            Some(i) => i,
            None => {
                self.names.push(name.to_owned());
                self.names.len() - 1
            }
        }
    }
}

/// Where answers are counted besides the whole: their question's total (when there are several
/// questions) and their group, as subsets of one counter, numbered in order of first appearance.
#[derive(Debug, Default)]
struct Subsets {
    ids: HashMap<(usize, Option<usize>), usize>,
}

impl Subsets {
    fn id(&mut self, question: usize, group: Option<usize>) -> usize {
        let next = self.ids.len();
        *self.ids.entry((question, group)).or_insert(next)
    }

    /// The subset of `question` (with several questions) or of its `group`, if anything was
    /// counted in it.
    fn find(&self, question: usize, group: Option<usize>) -> Option<usize> {
        self.ids.get(&(question, group)).copied()
    }

    /// The subsets of an answer to `question` (of `questions`) in `group`.
    fn of(&mut self, question: usize, questions: usize, group: Option<usize>) -> AnswerSubsets {
        let mut ids = AnswerSubsets::default();
        if questions > 1 {
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
