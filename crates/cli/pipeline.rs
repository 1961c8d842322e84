//! The one counting pipeline: every input kind is a source that hands its answers, in input
//! order, with their question and group, to the library's parallel count
//! ([`Analyzer::count_parallel_counter`]), which counts them on all cores into one counter; one
//! place turns it into tables. Whether a source streams (plain text, wide UTF-8
//! CSV/TSV) or is read whole (spreadsheets, JSON lines, long format, other encodings) changes
//! how it is read, never what is counted.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Result;
use wortwolke_text::{
    Analyzer, Counted, Detected, Feed, FrequencyTable, TableOptions, DEFAULT_MIN_LLR,
};

use crate::args::{AnalysisArgs, InputFormat};
use crate::config::AnalysisConfig;
use crate::input::{self, Fallback, Survey};

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
    /// The groups tables show, as indices into `groups`: all, or those `--group COLUMN=A,B`
    /// chose, in its order.
    shown: Vec<usize>,
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
                    .shown
                    .iter()
                    .map(|&g| (g, &self.groups[g]))
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
    let threads = args.threads();
    let two_passes = config.two_passes();
    let mut analyzer_config = config.analyzer;
    let mut detected = Vec::new();
    if two_passes {
        let first = analyzer_config.build()?;
        let (detector, _) =
            source.run(args, |produce| first.detect_parallel_with(threads, produce))?;
        if let Some(min_answers) = config.auto_phrases {
            detected = detector.detect(min_answers, DEFAULT_MIN_LLR);
            analyzer_config =
                analyzer_config.detected_phrases(detected.iter().flat_map(|d| d.spellings.clone()));
        }
        if config.merge_gender {
            analyzer_config = analyzer_config.gender_bases(detector.gender_bases());
        }
    }
    let analyzer = analyzer_config.build()?;
    let (counter, shape) = source.run(args, |produce| {
        analyzer.count_parallel_counter(threads, produce)
    })?;
    let counted = analyzer.finish(counter);
    let shown = shown_groups(args, &shape.groups.names)?;
    Ok(Counts {
        analyzer,
        counted,
        questions: shape.questions,
        shown,
        groups: shape.groups.names,
        subsets: shape.subsets,
        detected,
    })
}

/// The groups to show, as indices into `names`: those `--group COLUMN=A,B` chose (in its
/// order), else all; a chosen group the column does not hold is an error that lists them.
fn shown_groups(args: &AnalysisArgs, names: &[String]) -> Result<Vec<usize>> {
    let Some(chosen) = args.chosen_groups() else {
        return Ok((0..names.len()).collect());
    };
    let column = args.group_column().unwrap_or_default();
    let mut shown = Vec::new();
    for name in chosen {
        if name.is_empty() {
            anyhow::bail!(
                "--group {column}=…: an empty group name; list groups separated by commas, e.g. --group {column}=A,B"
            );
        }
        let Some(g) = names.iter().position(|n| n == group_name(name)) else {
            anyhow::bail!(
                "--group {column}={name}: column {column} has no group `{name}`; its groups are {}",
                names.join(", ")
            );
        };
        if !shown.contains(&g) {
            shown.push(g);
        }
    }
    Ok(shown)
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

    /// Runs `pass` (a parallel count of the library) over the source's answers; a streamed
    /// source that meets an encoding it cannot stream is read whole instead (once, here), and
    /// the pass runs again.
    fn run<T>(
        &mut self,
        args: &AnalysisArgs,
        mut pass: impl FnMut(&mut dyn FnMut(&mut Feed)) -> T,
    ) -> Result<(T, Shape)> {
        loop {
            let mut read = None;
            let out = pass(&mut |feed| read = Some(self.read(args, feed)));
            match read.expect("a parallel count reads its source")? {
                Ok(shape) => return Ok((out, shape)),
                Err(Fallback::Encoding) => {
                    *self = Source::Memory(Cow::Owned(input::read_survey(args)?));
                }
            }
        }
    }

    /// Reads the source, handing its answers to `feed` in input order (on the reader's thread).
    fn read(
        &self,
        args: &AnalysisArgs,
        feed: &mut Feed,
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
                    feed.batch(chunk);
                    true
                })?;
                shape.questions.push(input::TEXT_QUESTION.to_owned());
                Ok(read.map(|()| shape))
            }
            Source::Delimited(path) => {
                // row by row, each row's questions in order
                let questions = input::visit_delimited(path, args, |v| {
                    let group = v.group.map(|g| shape.groups.index(g));
                    let subsets = shape.subsets.of(v.question, v.questions, group);
                    feed.answer(v.text, subsets.as_slice());
                })?;
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
                // groups and subsets numbered question by question, as they appear
                let subsets: Vec<Vec<AnswerSubsets>> = survey
                    .questions
                    .iter()
                    .enumerate()
                    .map(|(q, question)| {
                        question
                            .answers
                            .iter()
                            .map(|answer| {
                                let group = answer.group.as_deref().map(|g| shape.groups.index(g));
                                shape.subsets.of(q, n, group)
                            })
                            .collect()
                    })
                    .collect();
                // answers in the order of a wide table's cells, respondent by respondent, as
                // the streamed table hands them over
                let respondents = survey.questions.iter().map(|q| q.answers.len()).max();
                for i in 0..respondents.unwrap_or(0) {
                    for (question, subsets) in survey.questions.iter().zip(&subsets) {
                        if let (Some(answer), Some(ids)) = (question.answers.get(i), subsets.get(i))
                        {
                            feed.answer(&answer.text, ids.as_slice());
                        }
                    }
                }
                shape.questions = survey.questions.iter().map(|q| q.name.clone()).collect();
                Ok(Ok(shape))
            }
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
