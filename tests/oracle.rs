//! The oracle: every table `wortwolke count` prints, checked against a deliberately simple
//! counter built from what `wortwolke analyze --format json` reports about each answer.
//!
//! Generated German surveys (case twins at sentence starts and mid-sentence, inflections,
//! codebook variants, repeats, no-answers, list answers) are written as wide CSV, long CSV,
//! JSON lines or plain text and counted with random options. The checks, numbered as in the
//! failure messages:
//!
//! 1. each table's base (answers, answered, no answer) is the oracle's;
//! 2. each row's answers, occurrences and share are the oracle's for its key; its variant
//!    counts add up to its occurrences;
//! 3. a total table shows exactly the oracle's keys (of weight ≥ `--min-count`; with `--top N`
//!    the N heaviest);
//! 4. rows are sorted by weight, heaviest first;
//! 5. one label per term in the whole run: in every table and in analyze's tokens; no two rows
//!    of a table share a label;
//! 6. a group's cell for a term of the total is the group's own count, whatever `--top` and
//!    `--min-count` cut; with every respondent in a group, the cells add up to the total;
//! 7. the same tables for any `--threads` and from every reader (streamed CSV, long CSV,
//!    JSON lines, a text file, standard input);
//! 8. the case rule (the plain tests at the end).
//!
//! A failure names the check, the table and the row, the commands, the survey file (kept in
//! `target/tmp`) and the survey itself.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;

use crate::util::{scratch, wortwolke, Run};

// ----------------------------------------------------------------------------------------------
// The surveys

const DISTRICTS: [&str; 4] = ["Aachen", "Düren", "Euskirchen", "Städteregion Aachen"];

const NO_ANSWERS: [&str; 4] = ["", "k.A.", "-", "keine Angabe"];

/// Sentences; `{}` is filled with one entry of [`NOUNS`] (twice in a template: a repeat).
const TEMPLATES: [&str; 31] = [
    "{} fehlt.",
    "Es fehlen {}.",
    "Der Nutzen ist gering, {} fehlt.",
    "Wir nutzen {} kaum.",
    "Nutzen {} überhaupt?",
    "Nutzen für {} ist unklar.",
    "Stellen für {} sind unbesetzt.",
    "Wir stellen {} ein.",
    "Bitte mehr {}.",
    "Wir bitten um {}, bitte schnell!",
    "Mehr {} wäre gut.",
    "Es braucht mehr {}.",
    "Fehlende {}.",
    "Es gibt fehlende {}.",
    "Die fehlenden {} bremsen.",
    "Digitale {} fehlen.",
    "Die digitale {} ist langsam.",
    "{}, {}!",
    "Zu viele Anträge, zu wenig {}.",
    "Der Antrag auf {} dauert.",
    "Mit Anträgen und {} überlastet.",
    "Dienst nach Vorschrift, kein {}.",
    "Die Dienste brauchen {}.",
    "Mitarbeitende fordern {}.",
    "Es fehlen Mitarbeitenden für {}.",
    "Fehlendes Personal bei {}.",
    "Wir haben zu wenig Personal für {}.",
    "Mitarbeiter und {}.",
    "Mitarbeiterinnen wünschen {}.",
    "Personal fehlt. Digitale Akten fehlen.",
    "{} ist wichtig. Mehr {} bitte.",
];

const NOUNS: [&str; 23] = [
    "Personal",
    "Zeit",
    "Geld",
    "Antrag",
    "Anträge",
    "Anträgen",
    "Dienst",
    "Dienste",
    "Stellen",
    "Nutzen",
    "Mitarbeitende",
    "Mitarbeitenden",
    "Akten",
    "Hilfe",
    "Schulung",
    "Dataport",
    "Form-Solutions",
    "fehlendes Personal",
    "zu wenig Personal",
    "Mitarbeiter",
    "Mitarbeiterinnen",
    "digitale Akten",
    "Digitale Akten",
];

/// Mentions of a list question ("Which purchased solutions are used?").
const VENDORS: [&str; 8] = [
    "Dataport",
    "Form-Solutions",
    "regio iT",
    "ekom21",
    "Komm.ONE",
    "Governikus",
    "dataport",
    "k.A.",
];

const CODEBOOK: &str = "Personalmangel = fehlendes Personal, zu wenig Personal\n\
    Mitarbeitende = Mitarbeiter, Mitarbeiterinnen, Mitarbeitenden\n";

/// A survey: per respondent, the group cell (`None`: empty) and one answer per question.
#[derive(Debug, Clone)]
struct Survey {
    questions: usize,
    rows: Vec<(Option<&'static str>, Vec<String>)>,
}

/// One answer: a no-answer, one to three sentences, or (weight `lists`) a list of mentions.
fn answer(lists: u32) -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (0..NO_ANSWERS.len()).prop_map(|i| NO_ANSWERS[i].to_owned()),
        8 => vec((0..TEMPLATES.len(), 0..NOUNS.len()), 1..=3).prop_map(|sentences| {
            sentences
                .iter()
                .map(|&(t, n)| TEMPLATES[t].replace("{}", NOUNS[n]))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        lists => vec(0..VENDORS.len(), 1..=4).prop_map(|items| {
            items.iter().map(|&i| VENDORS[i]).collect::<Vec<_>>().join(", ")
        }),
    ]
}

/// 10–60 respondents, 1–3 questions, 2–4 districts; in some surveys a few group cells are empty.
fn survey(lists: u32) -> impl Strategy<Value = Survey> {
    (1usize..=3, 2usize..=4, any::<bool>()).prop_flat_map(move |(questions, districts, blanks)| {
        let group = (0..districts, 0..if blanks { 6 } else { 1 })
            .prop_map(|(d, blank)| (blank != 5).then_some(DISTRICTS[d]));
        vec((group, vec(answer(lists), questions)), 10..=60)
            .prop_map(move |rows| Survey { questions, rows })
    })
}

impl Survey {
    fn question(q: usize) -> String {
        format!("Q{}", q + 1)
    }

    /// Wide CSV: `Kreis;Q1;Q2;…`, one row per respondent.
    fn wide_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        let mut header = vec!["Kreis".to_owned()];
        header.extend((0..self.questions).map(Survey::question));
        w.write_record(&header).unwrap();
        for (group, answers) in &self.rows {
            let mut record = vec![group.unwrap_or("")];
            record.extend(answers.iter().map(String::as_str));
            w.write_record(&record).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    /// Long CSV: `id;Kreis;frage;antwort`, one row per respondent and question (the first
    /// `questions`).
    fn long_csv(&self, questions: usize) -> String {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        w.write_record(["id", "Kreis", "frage", "antwort"]).unwrap();
        for (r, (group, answers)) in self.rows.iter().enumerate() {
            for (q, answer) in answers.iter().take(questions).enumerate() {
                let id = format!("r{}", r + 1);
                let question = Survey::question(q);
                w.write_record([&id, group.unwrap_or(""), &question, answer])
                    .unwrap();
            }
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    /// The long format as JSON lines (an empty group is `null`).
    fn long_jsonl(&self, questions: usize) -> String {
        let mut out = String::new();
        for (r, (group, answers)) in self.rows.iter().enumerate() {
            for (q, answer) in answers.iter().take(questions).enumerate() {
                let line = serde_json::json!({
                    "id": format!("r{}", r + 1),
                    "Kreis": group,
                    "frage": Survey::question(q),
                    "antwort": answer,
                });
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
        out
    }

    /// The answers to the first question, one a line.
    fn text(&self) -> String {
        self.rows
            .iter()
            .map(|(_, a)| format!("{}\n", a[0]))
            .collect()
    }
}

// ----------------------------------------------------------------------------------------------
// Runs

/// Options of a run.
#[derive(Debug, Clone)]
struct Opts {
    threads: u16,
    top: Option<usize>,
    min_count: Option<u64>,
    base_all: bool,
    synonyms: bool,
    split: bool,
    group: bool,
    one_question: bool,
}

fn opts(split: bool) -> impl Strategy<Value = Opts> {
    (
        1u16..=3,
        prop::option::of(1usize..=12),
        prop::option::of(1u64..=4),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![3 => Just(false), 1 => Just(true)],
    )
        .prop_map(
            move |(threads, top, min_count, base_all, synonyms, group, one_question)| Opts {
                threads,
                top,
                min_count,
                base_all,
                synonyms,
                split,
                group,
                one_question,
            },
        )
}

/// What the test knows of an input without asking the binary: the questions in order and, when
/// grouped, each respondent's group.
#[derive(Debug, Clone)]
struct Layout {
    questions: Vec<String>,
    rows: usize,
    /// Per respondent (`--group` only): the group name as count shows it.
    groups: Option<Vec<String>>,
}

impl Layout {
    /// Every respondent has a group (so group cells add up to the total).
    fn complete_groups(&self) -> bool {
        self.groups
            .as_ref()
            .is_some_and(|g| g.iter().all(|g| g != NO_GROUP))
    }
}

/// The group of an empty group cell.
const NO_GROUP: &str = "(none)";

fn group_name(cell: Option<&str>) -> String {
    match cell.map(str::trim) {
        None | Some("") => NO_GROUP.to_owned(),
        Some(name) => name.to_owned(),
    }
}

/// An input: the arguments that name and read it, standard input, what the test knows of it.
#[derive(Debug, Clone)]
struct Input {
    args: Vec<String>,
    stdin: String,
    /// Where standard input comes from, for messages.
    stdin_file: Option<PathBuf>,
    layout: Layout,
}

/// One proptest case: its directory (named after the survey, kept for reproduction), the
/// commands run so far, the failures found.
struct Case {
    dir: PathBuf,
    survey: Survey,
    codebook: PathBuf,
    commands: Vec<String>,
    fails: Fails,
}

impl Case {
    fn new(test: &str, survey: &Survey) -> Case {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        survey.wide_csv().hash(&mut hasher);
        let dir = scratch(&format!("oracle-{test}-{:016x}", hasher.finish()));
        std::fs::write(dir.join("survey.csv"), survey.wide_csv()).unwrap();
        let codebook = dir.join("codebook.txt");
        std::fs::write(&codebook, CODEBOOK).unwrap();
        Case {
            dir,
            survey: survey.clone(),
            codebook,
            commands: Vec::new(),
            fails: Fails::default(),
        }
    }

    fn questions(&self, opts: &Opts) -> usize {
        if opts.one_question {
            1
        } else {
            self.survey.questions
        }
    }

    fn layout(&self, opts: &Opts) -> Layout {
        Layout {
            questions: (0..self.questions(opts)).map(Survey::question).collect(),
            rows: self.survey.rows.len(),
            groups: opts.group.then(|| {
                self.survey
                    .rows
                    .iter()
                    .map(|(g, _)| group_name(*g))
                    .collect()
            }),
        }
    }

    fn group_args(opts: &Opts) -> Vec<String> {
        if opts.group {
            vec!["--group".into(), "Kreis".into()]
        } else {
            Vec::new()
        }
    }

    /// The wide CSV (streamed by count).
    fn wide(&self, opts: &Opts) -> Input {
        let column = if opts.one_question { "Q1" } else { "Q*" };
        let mut args = vec![
            path(&self.dir.join("survey.csv")),
            "--column".into(),
            column.into(),
        ];
        args.extend(Case::group_args(opts));
        Input {
            args,
            stdin: String::new(),
            stdin_file: None,
            layout: self.layout(opts),
        }
    }

    /// The long format, as CSV or as JSON lines (both read whole).
    fn long(&self, opts: &Opts, jsonl: bool) -> Input {
        let questions = self.questions(opts);
        let (name, content) = if jsonl {
            ("long.jsonl", self.survey.long_jsonl(questions))
        } else {
            ("long.csv", self.survey.long_csv(questions))
        };
        let file = self.dir.join(name);
        std::fs::write(&file, content).unwrap();
        let mut args = vec![path(&file)];
        if jsonl {
            args.extend(["--field".into(), "antwort".into()]);
        }
        for (flag, column) in [
            ("--respondent-column", "id"),
            ("--question-column", "frage"),
            ("--answer-column", "antwort"),
        ] {
            args.extend([flag.into(), column.into()]);
        }
        args.extend(Case::group_args(opts));
        Input {
            args,
            stdin: String::new(),
            stdin_file: None,
            layout: self.layout(opts),
        }
    }

    /// The first question as plain text, one answer a line: a file or standard input.
    fn text(&self, stdin: bool) -> Input {
        let file = self.dir.join("answers.txt");
        let text = self.survey.text();
        std::fs::write(&file, &text).unwrap();
        let layout = Layout {
            questions: vec!["answers".into()],
            rows: self.survey.rows.len(),
            groups: None,
        };
        if stdin {
            Input {
                args: vec!["-".into()],
                stdin: text,
                stdin_file: Some(file),
                layout,
            }
        } else {
            Input {
                args: vec![path(&file)],
                stdin: String::new(),
                stdin_file: None,
                layout,
            }
        }
    }

    /// Runs `wortwolke ARGS` on `input` and remembers the command.
    fn run(&mut self, args: Vec<String>, input: &Input) -> (String, Run) {
        let mut command = format!(
            "wortwolke {}",
            args.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" ")
        );
        if let Some(file) = &input.stdin_file {
            command.push_str(&format!(" < {}", file.display()));
        }
        self.commands.push(command.clone());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        (command, wortwolke(&args, &input.stdin))
    }

    /// The analysis options of `opts` (shared by count and analyze; `--base` is count's only:
    /// analyze prints no shares and refuses it).
    fn analysis_args(&self, opts: &Opts) -> Vec<String> {
        let mut args = vec!["--threads".to_owned(), opts.threads.to_string()];
        if opts.synonyms {
            args.extend(["--synonyms".into(), path(&self.codebook)]);
        }
        if opts.split {
            args.extend(["--split-list".into(), ",".into()]);
        }
        args
    }

    /// `wortwolke count INPUT … --format json`: the tables it printed, or `None` when it found
    /// nothing to count (exit code 1).
    fn count(&mut self, input: &Input, opts: &Opts) -> Option<Count> {
        let mut args = vec!["count".to_owned()];
        args.extend(input.args.iter().cloned());
        args.extend(self.analysis_args(opts));
        args.extend(["--format".into(), "json".into(), "-q".into()]);
        args.extend([
            "--base".into(),
            if opts.base_all { "all" } else { "answered" }.into(),
        ]);
        if let Some(n) = opts.top {
            args.extend(["--top".into(), n.to_string()]);
        }
        if let Some(m) = opts.min_count {
            args.extend(["--min-count".into(), m.to_string()]);
        }
        let (command, run) = self.run(args, input);
        match run.code {
            0 => {}
            1 => return None,
            _ => {
                self.fails
                    .add("run", format!("`{command}` failed: {}", run.stderr.trim()));
                return None;
            }
        }
        let tables = parse_tables(&run.stdout, &input.layout, &mut self.fails);
        Some(Count {
            command,
            stdout: run.stdout,
            tables,
        })
    }

    /// `wortwolke analyze INPUT … --format json` turned into the oracle.
    fn oracle(&mut self, input: &Input, opts: &Opts) -> Oracle {
        let mut args = vec!["analyze".to_owned()];
        args.extend(input.args.iter().cloned());
        args.extend(self.analysis_args(opts));
        args.extend(["--format".into(), "json".into(), "-q".into()]);
        let (command, run) = self.run(args, input);
        if run.code != 0 {
            self.fails
                .add("run", format!("`{command}` failed: {}", run.stderr.trim()));
        }
        Oracle::new(&run.stdout, &input.layout, &mut self.fails)
    }

    /// Counts `input` with `opts` and checks every table against the oracle (checks 1–6).
    fn check(&mut self, input: &Input, opts: &Opts) -> Option<Checked> {
        let oracle = self.oracle(input, opts);
        let Some(count) = self.count(input, opts) else {
            // nothing to count: right only when the oracle has no row for any total either
            let min = opts.min_count.unwrap_or(1);
            for ((q, g), t) in &oracle.tables {
                if g.is_none() && t.terms.values().any(|&(r, _)| r >= min) {
                    self.fails.add(
                        "3",
                        format!(
                            "count found nothing to count, but {} has terms of weight ≥ {min}: {:?}",
                            id(q, g),
                            t.terms.iter().take(5).collect::<Vec<_>>()
                        ),
                    );
                }
            }
            return None;
        };
        let resolved = check_tables(&count.tables, &oracle, opts, &input.layout, &mut self.fails);
        Some(Checked { count, resolved })
    }

    /// Check 7: two runs printed the same bytes.
    fn same(&mut self, a: &Checked, b: &Option<Count>, what: &str) {
        let Some(b) = b else {
            self.fails.add(
                "7",
                format!(
                    "{what}: `{}` printed tables, the other run none",
                    a.count.command
                ),
            );
            return;
        };
        if a.count.stdout != b.stdout {
            let (la, lb): (Vec<&str>, Vec<&str>) =
                (a.count.stdout.lines().collect(), b.stdout.lines().collect());
            let i = (0..la.len().max(lb.len()))
                .find(|&i| la.get(i) != lb.get(i))
                .unwrap_or(0);
            self.fails.add(
                "7",
                format!(
                    "{what}: output differs at line {}: `{}` prints {:?}, `{}` prints {:?}",
                    i + 1,
                    a.count.command,
                    la.get(i).unwrap_or(&"<end>"),
                    b.command,
                    lb.get(i).unwrap_or(&"<end>"),
                ),
            );
        }
    }

    /// Passes when nothing failed; else fails the case with everything needed to reproduce it.
    fn finish(self) -> Result<(), TestCaseError> {
        if self.fails.lines.is_empty() {
            return Ok(());
        }
        let mut msg = format!(
            "{} oracle check(s) failed; survey and files in {}\n",
            self.fails.lines.len(),
            self.dir.display()
        );
        msg.push_str("commands (run in the repository root, target/debug/wortwolke):\n");
        for c in &self.commands {
            msg.push_str(&format!("  {c}\n"));
        }
        // at most six failures of each check, so that every failing check shows
        let mut by_check: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
        for line in &self.fails.lines {
            let check = line.split(']').next().unwrap_or_default();
            by_check.entry(check).or_default().push(line);
        }
        msg.push_str("failures:\n");
        for (check, lines) in by_check {
            for line in lines.iter().take(6) {
                msg.push_str(&format!("  {line}\n"));
            }
            if lines.len() > 6 {
                msg.push_str(&format!("  … and {} more {check}]\n", lines.len() - 6));
            }
        }
        for (name, json) in &self.fails.tables {
            msg.push_str(&format!("table {name} as printed: {json}\n"));
        }
        msg.push_str(&format!(
            "survey ({}):\n{}",
            self.dir.join("survey.csv").display(),
            self.survey.wide_csv()
        ));
        Err(TestCaseError::fail(msg))
    }
}

fn path(p: &Path) -> String {
    p.to_str().expect("UTF-8 path").to_owned()
}

/// An argument as a shell word.
fn quote(arg: &str) -> String {
    if !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,".contains(c))
    {
        arg.to_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// The failures of a case, each with its check's number; the first failing tables as printed.
#[derive(Debug, Default)]
struct Fails {
    lines: Vec<String>,
    tables: Vec<(String, String)>,
}

impl Fails {
    fn add(&mut self, check: &str, msg: String) {
        let line = format!("[check {check}] {msg}");
        if !self.lines.contains(&line) {
            self.lines.push(line);
        }
    }

    /// A failure in `table`: the table is shown too (the first two tables).
    fn in_table(&mut self, check: &str, table: &Table, msg: String) {
        self.add(check, format!("{}: {msg}", table.id()));
        if self.tables.len() < 2 && !self.tables.iter().any(|(n, _)| *n == table.id()) {
            let mut json = table.json.to_string();
            if json.len() > 4000 {
                let mut end = 4000;
                while !json.is_char_boundary(end) {
                    end -= 1;
                }
                json.truncate(end);
                json.push('…');
            }
            self.tables.push((table.id(), json));
        }
    }
}

fn id(question: &str, group: &Option<String>) -> String {
    match group {
        None => format!("{question} (total)"),
        Some(g) => format!("{question} / {g}"),
    }
}

// ----------------------------------------------------------------------------------------------
// What count printed

/// A count run: its command, its output and the tables in it.
#[derive(Debug)]
struct Count {
    command: String,
    stdout: String,
    tables: Vec<Table>,
}

/// A checked count run, and the oracle key of each row of each table (`None`: no key found).
#[derive(Debug)]
struct Checked {
    count: Count,
    resolved: Vec<Vec<Option<String>>>,
}

#[derive(Debug)]
struct Table {
    question: String,
    group: Option<String>,
    answers: u64,
    answered: u64,
    no_answer: u64,
    rows: Vec<Row>,
    json: Value,
}

impl Table {
    fn id(&self) -> String {
        id(&self.question, &self.group)
    }
}

#[derive(Debug)]
struct Row {
    key: Option<String>,
    term: String,
    answers: u64,
    share: f64,
    occurrences: u64,
    variants: Vec<(String, u64)>,
}

fn number(v: &Value, field: &str) -> u64 {
    v[field].as_u64().unwrap_or(u64::MAX)
}

/// `count --format json`: one object (one question, no groups) or an array of tables with
/// `question` and `group`.
fn parse_tables(stdout: &str, layout: &Layout, fails: &mut Fails) -> Vec<Table> {
    let v: Value = match serde_json::from_str(stdout) {
        Ok(v) => v,
        Err(e) => {
            fails.add(
                "format",
                format!("count printed no JSON ({e}): {stdout:.200}"),
            );
            return Vec::new();
        }
    };
    let entries: Vec<(String, Option<String>, &Value)> = match &v {
        Value::Array(items) => items
            .iter()
            .map(|t| {
                let question = t["question"].as_str().unwrap_or("<no question>").to_owned();
                (question, t["group"].as_str().map(str::to_owned), t)
            })
            .collect(),
        Value::Object(_) => vec![(layout.questions[0].clone(), None, &v)],
        _ => Vec::new(),
    };
    entries
        .into_iter()
        .map(|(question, group, t)| Table {
            question,
            group,
            answers: number(t, "answers"),
            answered: number(t, "answered"),
            no_answer: number(t, "no_answer"),
            rows: t["terms"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|r| Row {
                    key: r["key"].as_str().map(str::to_owned),
                    term: r["term"].as_str().unwrap_or_default().to_owned(),
                    answers: number(r, "answers"),
                    share: r["share"].as_f64().unwrap_or(f64::NAN),
                    occurrences: number(r, "occurrences"),
                    variants: r["variants"]
                        .as_array()
                        .map(Vec::as_slice)
                        .unwrap_or_default()
                        .iter()
                        .map(|x| {
                            let form = x["form"].as_str().unwrap_or_default().to_owned();
                            (form, number(x, "count"))
                        })
                        .collect(),
                })
                .collect(),
            json: t.clone(),
        })
        .collect()
}

// ----------------------------------------------------------------------------------------------
// The oracle

/// The counts of one table: answers, no-answers, and per key (respondents, occurrences).
#[derive(Debug, Default)]
struct OracleTable {
    answers: u64,
    no_answer: u64,
    terms: BTreeMap<String, (u64, u64)>,
}

impl OracleTable {
    fn answered(&self) -> u64 {
        self.answers - self.no_answer
    }
}

/// Everything analyze said, counted the simple way.
#[derive(Debug, Default)]
struct Oracle {
    /// The tables in the order count prints them: per question its total, then its groups in
    /// order of appearance.
    order: Vec<(String, Option<String>)>,
    tables: BTreeMap<(String, Option<String>), OracleTable>,
    /// key → the labels analyze gave its word tokens.
    labels: BTreeMap<String, BTreeSet<String>>,
    /// label → the keys analyze gave it.
    keys_of_label: BTreeMap<String, BTreeSet<String>>,
    /// token text → the keys analyze gave it (to find a row's key from its variants).
    keys_of_form: BTreeMap<String, BTreeSet<String>>,
}

impl Oracle {
    /// From analyze's lines: the question and group of a line are its `question` and `group`
    /// fields, or else follow from the order (question 1 in row order, then question 2, …).
    fn new(stdout: &str, layout: &Layout, fails: &mut Fails) -> Oracle {
        let lines: Vec<Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
            .collect();
        let expected = layout.rows * layout.questions.len();
        if lines.len() != expected {
            fails.add(
                "analyze",
                format!(
                    "analyze printed {} lines for {} respondents × {} questions",
                    lines.len(),
                    layout.rows,
                    layout.questions.len()
                ),
            );
        }
        let mut o = Oracle::default();
        let mut unlabelled: BTreeSet<String> = BTreeSet::new();
        for (i, line) in lines.iter().enumerate() {
            let question = match line.get("question").and_then(Value::as_str) {
                Some(q) => q.to_owned(),
                None => layout
                    .questions
                    .get(i / layout.rows.max(1))
                    .cloned()
                    .unwrap_or_default(),
            };
            let group = layout
                .groups
                .as_ref()
                .map(|groups| match line.get("group") {
                    Some(g) => group_name(g.as_str()),
                    None => groups[i % layout.rows].clone(),
                });
            let no_answer = line["no_answer"].as_bool().unwrap_or(false);
            let mut keys: BTreeMap<String, u64> = BTreeMap::new();
            for t in line["tokens"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if t["kind"] != "word" {
                    continue;
                }
                let key = t["key"].as_str().unwrap_or_default().to_owned();
                let text = t["text"].as_str().unwrap_or_default().to_owned();
                *keys.entry(key.clone()).or_default() += 1;
                o.keys_of_form
                    .entry(text.clone())
                    .or_default()
                    .insert(key.clone());
                match t["label"].as_str() {
                    Some(label) => {
                        o.labels
                            .entry(key.clone())
                            .or_default()
                            .insert(label.into());
                        o.keys_of_label.entry(label.into()).or_default().insert(key);
                    }
                    None => {
                        if unlabelled.insert(key.clone()) {
                            fails.add(
                                "5",
                                format!(
                                    "analyze gives no label to key `{key}` (token {text:?}, line {})",
                                    i + 1
                                ),
                            );
                        }
                    }
                }
            }
            let mut tables = vec![(question.clone(), None)];
            tables.extend(group.map(|g| (question.clone(), Some(g))));
            for t in tables {
                if !o.order.contains(&t) {
                    o.order.push(t.clone());
                }
                let table = o.tables.entry(t).or_default();
                table.answers += 1;
                if no_answer {
                    table.no_answer += 1;
                }
                for (key, n) in &keys {
                    let entry = table.terms.entry(key.clone()).or_default();
                    entry.0 += 1;
                    entry.1 += n;
                }
            }
        }
        for (key, labels) in &o.labels {
            if labels.len() > 1 {
                fails.add(
                    "5",
                    format!("analyze gives key `{key}` several labels: {labels:?}"),
                );
            }
        }
        for (label, keys) in &o.keys_of_label {
            if keys.len() > 1 {
                fails.add(
                    "5",
                    format!("analyze gives the label {label:?} to several keys: {keys:?}"),
                );
            }
        }
        o
    }

    /// The oracle key of a row: its `key`, else the key analyze labels like the row, else the
    /// one key of the row's variants (a label mismatch is a check 5 failure).
    fn key_of(&self, table: &Table, row: &Row, fails: &mut Fails) -> Option<String> {
        if let Some(key) = &row.key {
            return Some(key.clone());
        }
        if let Some(keys) = self.keys_of_label.get(&row.term) {
            if keys.len() == 1 {
                return keys.first().cloned();
            }
        } else {
            fails.in_table(
                "5",
                table,
                format!(
                    "row {:?} has a label analyze gives no token (analyze labels its forms {})",
                    row.term,
                    self.labels_of_forms(row)
                ),
            );
        }
        let keys: BTreeSet<&String> = row
            .variants
            .iter()
            .filter_map(|(form, _)| self.keys_of_form.get(form))
            .flatten()
            .collect();
        if keys.len() == 1 {
            return keys.first().map(|k| (*k).clone());
        }
        fails.in_table(
            "3",
            table,
            format!(
                "row {:?} is not one term of analyze: its variants {:?} have the keys {keys:?}",
                row.term, row.variants
            ),
        );
        None
    }

    /// How analyze labels the forms of a row, for messages.
    fn labels_of_forms(&self, row: &Row) -> String {
        let labels: BTreeSet<String> = row
            .variants
            .iter()
            .filter_map(|(form, _)| self.keys_of_form.get(form))
            .flatten()
            .map(|k| format!("{k}→{:?}", self.labels.get(k).cloned().unwrap_or_default()))
            .collect();
        format!("{labels:?}")
    }
}

// ----------------------------------------------------------------------------------------------
// The checks

/// Checks 1–6 for every table of one count run; returns each row's oracle key.
fn check_tables(
    tables: &[Table],
    oracle: &Oracle,
    opts: &Opts,
    layout: &Layout,
    fails: &mut Fails,
) -> Vec<Vec<Option<String>>> {
    let printed: Vec<(String, Option<String>)> = tables
        .iter()
        .map(|t| (t.question.clone(), t.group.clone()))
        .collect();
    if printed != oracle.order {
        fails.add(
            "1",
            format!(
                "count prints the tables {printed:?}, analyze's answers make {:?}",
                oracle.order
            ),
        );
    }
    let resolved: Vec<Vec<Option<String>>> = tables
        .iter()
        .map(|t| t.rows.iter().map(|r| oracle.key_of(t, r, fails)).collect())
        .collect();
    // check 5: one label per key in the whole run
    let mut label_of_key: BTreeMap<&str, (&str, String)> = BTreeMap::new();
    for (t, keys) in tables.iter().zip(&resolved) {
        let Some(o) = oracle.tables.get(&(t.question.clone(), t.group.clone())) else {
            continue;
        };
        // 1: the base
        if (t.answers, t.answered, t.no_answer) != (o.answers, o.answered(), o.no_answer) {
            fails.in_table(
                "1",
                t,
                format!(
                    "base (answers, answered, no_answer) = {:?}, oracle {:?}",
                    (t.answers, t.answered, t.no_answer),
                    (o.answers, o.answered(), o.no_answer)
                ),
            );
        }
        let base = if opts.base_all {
            o.answers
        } else {
            o.answered()
        };
        let mut terms: BTreeSet<&str> = BTreeSet::new();
        let mut shown: BTreeSet<&str> = BTreeSet::new();
        for (i, (row, key)) in t.rows.iter().zip(keys).enumerate() {
            // 4: order
            if i > 0 && row.answers > t.rows[i - 1].answers {
                fails.in_table(
                    "4",
                    t,
                    format!(
                        "row {:?} ({}) after {:?} ({}): not sorted by weight",
                        row.term,
                        row.answers,
                        t.rows[i - 1].term,
                        t.rows[i - 1].answers
                    ),
                );
            }
            // 2: the variants add up
            let sum: u64 = row.variants.iter().map(|(_, n)| n).sum();
            if sum != row.occurrences {
                fails.in_table(
                    "2",
                    t,
                    format!(
                        "row {:?}: variant counts {:?} add up to {sum}, occurrences {}",
                        row.term, row.variants, row.occurrences
                    ),
                );
            }
            // 5: one label per table
            if !terms.insert(&row.term) {
                fails.in_table("5", t, format!("two rows are labelled {:?}", row.term));
            }
            let Some(key) = key else { continue };
            if !shown.insert(key) {
                fails.in_table("3", t, format!("two rows for the key `{key}`"));
            }
            // 5: the same label in every table and in analyze's tokens
            match label_of_key.get(key.as_str()) {
                Some((label, table)) if *label != row.term => fails.in_table(
                    "5",
                    t,
                    format!(
                        "key `{key}` is labelled {:?} here but {label:?} in {table}",
                        row.term
                    ),
                ),
                Some(_) => {}
                None => {
                    label_of_key.insert(key, (&row.term, t.id()));
                }
            }
            if let Some(labels) = oracle.labels.get(key) {
                if !labels.contains(&row.term) {
                    fails.in_table(
                        "5",
                        t,
                        format!(
                            "key `{key}` is labelled {:?} here, analyze labels it {labels:?}",
                            row.term
                        ),
                    );
                }
            }
            // 2: the counts
            let (answers, occurrences) = o.terms.get(key).copied().unwrap_or((0, 0));
            let share = if base == 0 {
                0.0
            } else {
                answers as f64 / base as f64
            };
            if (row.answers, row.occurrences) != (answers, occurrences)
                || (row.share - share).abs() > 1e-9
            {
                fails.in_table(
                    "2",
                    t,
                    format!(
                        "row {:?} (key `{key}`): answers {}, occurrences {}, share {}; oracle {answers}, {occurrences}, {share}",
                        row.term, row.answers, row.occurrences, row.share
                    ),
                );
            }
        }
        // 3: which rows a total shows
        if t.group.is_none() {
            check_row_set(t, keys, o, opts, fails);
        }
    }
    check_group_cells(tables, &resolved, oracle, layout, fails);
    resolved
}

/// Check 3: a total shows exactly the oracle's keys of weight ≥ `--min-count`, or with
/// `--top N` the N heaviest of them.
fn check_row_set(
    t: &Table,
    keys: &[Option<String>],
    o: &OracleTable,
    opts: &Opts,
    fails: &mut Fails,
) {
    let min = opts.min_count.unwrap_or(1);
    let eligible: BTreeMap<&str, u64> = o
        .terms
        .iter()
        .filter(|(_, &(r, _))| r >= min)
        .map(|(k, &(r, _))| (k.as_str(), r))
        .collect();
    let shown: BTreeSet<&str> = keys.iter().flatten().map(String::as_str).collect();
    let extra: Vec<&str> = shown
        .iter()
        .filter(|k| !eligible.contains_key(*k))
        .copied()
        .collect();
    if !extra.is_empty() {
        fails.in_table(
            "3",
            t,
            format!("shows keys the oracle has not (of weight ≥ {min}): {extra:?}"),
        );
    }
    let omitted: Vec<(&str, u64)> = eligible
        .iter()
        .filter(|(k, _)| !shown.contains(*k))
        .map(|(k, w)| (*k, *w))
        .collect();
    match opts.top {
        None => {
            if !omitted.is_empty() {
                fails.in_table(
                    "3",
                    t,
                    format!(
                        "misses keys of weight ≥ {min} (key, answers): {:?}",
                        &omitted[..omitted.len().min(8)]
                    ),
                );
            }
        }
        Some(n) => {
            if t.rows.len() != n.min(eligible.len()) {
                fails.in_table(
                    "3",
                    t,
                    format!(
                        "--top {n}: {} rows, the oracle has {} keys of weight ≥ {min}",
                        t.rows.len(),
                        eligible.len()
                    ),
                );
            }
            let lightest = t.rows.last().map_or(0, |r| r.answers);
            let heavier: Vec<&(&str, u64)> =
                omitted.iter().filter(|(_, w)| *w > lightest).collect();
            if !heavier.is_empty() {
                fails.in_table(
                    "3",
                    t,
                    format!(
                        "--top {n}: leaves out keys heavier than its lightest row ({lightest}): {heavier:?}"
                    ),
                );
            }
        }
    }
}

/// A group's cell for each term of its question's total, as the TSV and Markdown show it (the
/// group table's row for the key, else 0): (question, group, key) → answers.
fn group_cells(
    tables: &[Table],
    resolved: &[Vec<Option<String>>],
) -> BTreeMap<(String, String, String), u64> {
    let mut cells = BTreeMap::new();
    for (total, total_keys) in tables.iter().zip(resolved) {
        if total.group.is_some() {
            continue;
        }
        for (g, g_keys) in tables.iter().zip(resolved) {
            let Some(group) = &g.group else { continue };
            if g.question != total.question {
                continue;
            }
            for key in total_keys.iter().flatten() {
                let cell = g
                    .rows
                    .iter()
                    .zip(g_keys)
                    .find(|(_, k)| k.as_ref() == Some(key))
                    .map_or(0, |(r, _)| r.answers);
                cells.insert((total.question.clone(), group.clone(), key.clone()), cell);
            }
        }
    }
    cells
}

/// Check 6: each group cell is the oracle's count for that group alone; with every respondent
/// in a group, a term's cells add up to its total.
fn check_group_cells(
    tables: &[Table],
    resolved: &[Vec<Option<String>>],
    oracle: &Oracle,
    layout: &Layout,
    fails: &mut Fails,
) {
    let cells = group_cells(tables, resolved);
    let mut sums: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for ((question, group, key), &cell) in &cells {
        let expected = oracle
            .tables
            .get(&(question.clone(), Some(group.clone())))
            .and_then(|o| o.terms.get(key))
            .map_or(0, |&(r, _)| r);
        if cell != expected {
            let table = tables
                .iter()
                .find(|t| t.question == *question && t.group.as_ref() == Some(group))
                .unwrap();
            fails.in_table(
                "6",
                table,
                format!(
                    "the cell of key `{key}` is {cell}, the oracle for the group alone {expected}"
                ),
            );
        }
        *sums.entry((question, key)).or_default() += cell;
    }
    if !layout.complete_groups() {
        return;
    }
    for (t, keys) in tables.iter().zip(resolved) {
        if t.group.is_some() {
            continue;
        }
        for (row, key) in t.rows.iter().zip(keys) {
            let Some(key) = key else { continue };
            let sum = sums
                .get(&(t.question.as_str(), key.as_str()))
                .copied()
                .unwrap_or(0);
            if sum != row.answers {
                fails.in_table(
                    "6",
                    t,
                    format!(
                        "row {:?} (key `{key}`): {} answers, its group cells add up to {sum}",
                        row.term, row.answers
                    ),
                );
            }
        }
    }
}

// ----------------------------------------------------------------------------------------------
// The properties

/// 24 cases, a little shrinking (each case spawns processes); `PROPTEST_CASES`,
/// `PROPTEST_MAX_SHRINK_ITERS` and `PROPTEST_RNG_SEED` still override. No regression file
/// beside the sources: the failure message holds the whole survey.
fn config() -> ProptestConfig {
    let set = |name: &str| std::env::var_os(name).is_some();
    let mut config = ProptestConfig::default();
    if !set("PROPTEST_CASES") {
        config.cases = 24;
    }
    if !set("PROPTEST_MAX_SHRINK_ITERS") {
        config.max_shrink_iters = 48;
    }
    config.failure_persistence = None;
    config
}

proptest! {
    #![proptest_config(config())]

    /// Checks 1–6 on the wide CSV with random options.
    #[test]
    fn count_agrees_with_analyze(survey in survey(1), opts in opts(false)) {
        let mut case = Case::new("wide", &survey);
        let input = case.wide(&opts);
        case.check(&input, &opts);
        case.finish()?;
    }

    /// Checks 1–6 for a list question (`--split-list ','`).
    #[test]
    fn list_answers_agree_with_analyze(survey in survey(24), opts in opts(true)) {
        let mut case = Case::new("list", &survey);
        let input = case.wide(&opts);
        case.check(&input, &opts);
        case.finish()?;
    }

    /// Check 6: a group's cells do not depend on `--top` and `--min-count`.
    #[test]
    fn group_cells_do_not_depend_on_the_cut(survey in survey(1), opts in opts(false)) {
        let opts = Opts { group: true, top: None, min_count: None, ..opts };
        let cut = Opts { top: Some(3), min_count: Some(2), ..opts.clone() };
        let mut case = Case::new("cut", &survey);
        let input = case.wide(&opts);
        let whole = case.check(&input, &opts);
        let part = case.check(&input, &cut);
        if let (Some(whole), Some(part)) = (whole, part) {
            let a = group_cells(&whole.count.tables, &whole.resolved);
            let b = group_cells(&part.count.tables, &part.resolved);
            for (cell, n) in &a {
                if let Some(m) = b.get(cell).filter(|m| *m != n) {
                    let (question, group, key) = cell;
                    case.fails.add("6, cut", format!(
                        "{question} / {group}: the cell of key `{key}` is {n} without a cut, {m} with --top 3 --min-count 2"
                    ));
                }
            }
        }
        case.finish()?;
    }

    /// Check 7: threads 1, 2, 3, the streamed wide CSV, long CSV and JSON lines print the same
    /// (and the long formats, read whole, pass checks 1–6 too).
    #[test]
    fn every_reader_prints_the_same_tables(survey in survey(1), opts in opts(false)) {
        let mut case = Case::new("readers", &survey);
        let wide = case.wide(&opts);
        let one = Opts { threads: 1, ..opts.clone() };
        if let Some(first) = case.check(&wide, &one) {
            for threads in [2, 3] {
                let other = case.count(&wide, &Opts { threads, ..opts.clone() });
                case.same(&first, &other, &format!("--threads 1 vs {threads}"));
            }
            for (jsonl, what) in [(false, "wide CSV vs long CSV"), (true, "wide CSV vs JSON lines")] {
                let long = case.long(&opts, jsonl);
                let other = case.check(&long, &one).map(|c| c.count);
                case.same(&first, &other, what);
            }
        }
        case.finish()?;
    }

    /// Checks 1–5 and 7 on plain text, one answer a line: a file and standard input.
    #[test]
    fn plain_text_agrees_with_analyze(survey in survey(1), opts in opts(false)) {
        let opts = Opts { group: false, one_question: true, ..opts };
        let mut case = Case::new("text", &survey);
        let file = case.text(false);
        if let Some(first) = case.check(&file, &opts) {
            let stdin = case.text(true);
            let other = case.count(&stdin, &opts);
            case.same(&first, &other, "text file vs standard input");
            let threads = opts.threads % 3 + 1;
            let other = case.count(&file, &Opts { threads, ..opts.clone() });
            case.same(&first, &other, &format!("--threads {} vs {threads}", opts.threads));
        }
        case.finish()?;
    }
}

// ----------------------------------------------------------------------------------------------
// Check 8: the case rule

/// `count --format json` of `stdin` (plain text) with `args`: (label, answers) per row.
fn rows(args: &[&str], stdin: &str) -> Vec<(String, u64)> {
    let mut all = vec!["count", "--format", "json", "-q"];
    all.extend_from_slice(args);
    let run = wortwolke(&all, stdin);
    assert_eq!(run.code, 0, "{stdin:?}: {run:?}");
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    v["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["term"].as_str().unwrap().to_owned(), number(t, "answers")))
        .collect()
}

fn answers_of(rows: &[(String, u64)], label: &str) -> Option<u64> {
    rows.iter().find(|(l, _)| l == label).map(|(_, n)| *n)
}

#[test]
fn nutzen_the_noun_and_nutzen_the_verb_stay_apart() {
    let input = "Der Nutzen ist gering\nder Nutzen fehlt\nwir nutzen sie nicht\n";
    let table = rows(&[], input);
    assert_eq!(
        (answers_of(&table, "Nutzen"), answers_of(&table, "nutzen")),
        (Some(2), Some(1)),
        "{input:?}: {table:?}"
    );
    let input = format!("{input}Sie nutzen es kaum\n");
    let table = rows(&[], &input);
    assert_eq!(
        (answers_of(&table, "Nutzen"), answers_of(&table, "nutzen")),
        (Some(2), Some(2)),
        "{input:?}: {table:?}"
    );
}

#[test]
fn a_capital_at_the_sentence_start_joins_the_lower_case_word() {
    // (`bitte`, the word this was first shown on, is a stop word since issue 14)
    let input = "Dringend mehr Zeit\nwir bitten um Hilfe, dringend schnell\n";
    let table = rows(&[], input);
    let dringend: Vec<&(String, u64)> = table
        .iter()
        .filter(|(l, _)| l.to_lowercase().starts_with("dring"))
        .collect();
    assert_eq!(
        dringend,
        [&("dringend".to_owned(), 2)],
        "{input:?}: {table:?}"
    );
}

#[test]
fn a_joined_sentence_start_is_labelled_lower_case() {
    let input = "Fehlende Stellen\nes gibt fehlende Mittel\n";
    let table = rows(&[], input);
    assert_eq!(
        answers_of(&table, "fehlende"),
        Some(2),
        "{input:?}: {table:?}"
    );
    assert_eq!(answers_of(&table, "Fehlende"), None, "{input:?}: {table:?}");
}

#[test]
fn a_codebook_label_at_the_sentence_start_is_its_group() {
    let dir = scratch("oracle-case-rule-codebook");
    let codebook = dir.join("codebook.txt");
    std::fs::write(&codebook, CODEBOOK).unwrap();
    let input = "Mitarbeitende fehlen\nes fehlen Mitarbeitenden\n";
    let table = rows(&["--synonyms", &path(&codebook)], input);
    let mitarbeit: Vec<&(String, u64)> = table
        .iter()
        .filter(|(l, _)| l.starts_with("Mitarbeit"))
        .collect();
    assert_eq!(
        mitarbeit,
        [&("Mitarbeitende".to_owned(), 2)],
        "{input:?} with {CODEBOOK:?}: {table:?}"
    );
}
