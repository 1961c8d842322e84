//! Survey exports → questions with one answer per respondent.
//!
//! Wide format: each selected column is a question, each row a respondent. Long format
//! (`--respondent-column`, `--question-column`, `--answer-column`): one row per answer; rows of
//! the same respondent and question are joined (a term still counts once per respondent).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use super::decode::{from_bytes, Decoded};
use crate::args::{AnalysisArgs, InputFormat};

/// The question of plain-text inputs (all of them together are one question).
pub const TEXT_QUESTION: &str = "answers";

/// The answers of all inputs, by question.
#[derive(Debug, Default, Clone)]
pub struct Survey {
    pub questions: Vec<Question>,
}

/// One question: its name and one answer per respondent (empty text = no answer).
#[derive(Debug, Default, Clone)]
pub struct Question {
    pub name: String,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub group: Option<String>,
    /// The respondent's id: the `--id-column` cell of a wide table, the respondent of a long
    /// one (`None` otherwise).
    pub id: Option<String>,
    pub text: String,
}

/// A table read from a delimited file, a spreadsheet or JSON lines: header + rows, with the
/// line (or row) number of each row for error messages.
struct Table {
    name: String,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// Refuses options for tables (`--group`, `--column`, …) when every input is plain text, where
/// they would be ignored without a word.
pub fn check_text_options(args: &AnalysisArgs) -> Result<()> {
    check_table_flags(args, None)
}

/// [`check_text_options`], and `--id-column` (`id_column`) too.
fn check_table_flags(args: &AnalysisArgs, id_column: Option<&str>) -> Result<()> {
    let text = |p: &PathBuf| args.input_format.unwrap_or_else(|| format_of(p)) == InputFormat::Text;
    let all_text = args.inputs.iter().all(text)
        && (!args.inputs.is_empty() || args.input_format.is_none_or(|f| f == InputFormat::Text));
    if !all_text {
        return Ok(());
    }
    let table_options = [
        ("--group", args.group.is_some()),
        ("--column", !args.columns.is_empty()),
        ("--sheet", args.sheet.is_some()),
        ("--field", args.field.is_some()),
        ("--respondent-column", args.respondent_column.is_some()),
        ("--question-column", args.question_column.is_some()),
        ("--answer-column", args.answer_column.is_some()),
        ("--id-column", id_column.is_some()),
    ];
    if let Some((flag, _)) = table_options.iter().find(|(_, given)| *given) {
        let name = args
            .inputs
            .first()
            .map_or("standard input".to_owned(), |p| p.display().to_string());
        bail!(
            "{flag} needs a table (CSV, TSV, XLSX, ODS or JSON lines), but {name} is read as plain text, one answer a line; give a table or --input-format"
        );
    }
    Ok(())
}

pub fn read_survey(args: &AnalysisArgs) -> Result<Survey> {
    read_survey_with_ids(args, None)
}

/// Reads the survey with each answer's respondent id from `id_column` (a column of a wide
/// table or a JSON lines field); long tables always carry the respondent's id.
pub fn read_survey_with_ids(args: &AnalysisArgs, id_column: Option<&str>) -> Result<Survey> {
    check_table_flags(args, id_column)?;
    let stdin = PathBuf::from("-");
    let paths: Vec<&PathBuf> = if args.inputs.is_empty() {
        vec![&stdin]
    } else {
        args.inputs.iter().collect()
    };
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("standard input (`-`) is named more than once; it can be read only once");
    }
    let encoding = args
        .encoding
        .as_deref()
        .map(super::decode::parse_encoding)
        .transpose()?;
    let mut survey = Survey::default();
    for path in paths {
        let format = args.input_format.unwrap_or_else(|| format_of(path));
        let (name, bytes) = super::read_all(path, args.quiet)?;
        let part = read_part(name, &bytes, format, encoding, args, id_column)?;
        merge(&mut survey, part);
    }
    Ok(survey)
}

/// The questions of one input, read whole into `bytes` from `name`, in `format`.
pub fn read_part(
    name: String,
    bytes: &[u8],
    format: InputFormat,
    encoding: Option<&'static encoding_rs::Encoding>,
    args: &AnalysisArgs,
    id_column: Option<&str>,
) -> Result<Survey> {
    Ok(match format {
        InputFormat::Text => text_question(&from_bytes(name, bytes, encoding, args.quiet)?, args),
        InputFormat::Xlsx => {
            let table = read_workbook(name, bytes, args.sheet.as_deref())?;
            table_survey(&table, args, id_column)?
        }
        InputFormat::Jsonl => {
            let decoded = from_bytes(name, bytes, encoding, args.quiet)?;
            table_survey(&read_jsonl(&decoded, args, id_column)?, args, id_column)?
        }
        InputFormat::Csv | InputFormat::Tsv => {
            let decoded = from_bytes(name, bytes, encoding, args.quiet)?;
            let delimiter = match (args.delimiter, format) {
                (Some(d), _) => d as u8,
                (None, InputFormat::Tsv) => b'\t',
                (None, _) => sniff_delimiter(&decoded.text),
            };
            table_survey(&read_delimited(&decoded, delimiter)?, args, id_column)?
        }
    })
}

/// Appends questions; a question of the same name continues (several files of one survey).
fn merge(survey: &mut Survey, part: Survey) {
    for q in part.questions {
        match survey.questions.iter_mut().find(|s| s.name == q.name) {
            Some(existing) => existing.answers.extend(q.answers),
            None => survey.questions.push(q),
        }
    }
}

/// The format by file extension (after `.gz`): `.csv`, `.tsv`/`.tab`, `.xlsx`/`.xls`/`.ods`,
/// `.jsonl`/`.ndjson`; anything else (and stdin) is plain text.
pub fn format_of(path: &Path) -> InputFormat {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "csv" => InputFormat::Csv,
        "tsv" | "tab" => InputFormat::Tsv,
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => InputFormat::Xlsx,
        "jsonl" | "ndjson" => InputFormat::Jsonl,
        _ => InputFormat::Text,
    }
}

/// Plain text: one answer per line, or per blank-line-separated block.
fn text_question(decoded: &Decoded, args: &AnalysisArgs) -> Survey {
    // (the byte-order mark is gone: decoding drops it, as the streamed reader does)
    let text = &decoded.text;
    // a line ends at `\n` or at the end of the file, one `\r` at its end dropped (as the
    // streamed reader cuts them)
    let body = text.strip_suffix('\n').unwrap_or(text);
    let lines = (!text.is_empty())
        .then(|| body.split('\n'))
        .into_iter()
        .flatten()
        .map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut answers = Vec::new();
    if args.blank_line_separated {
        let mut block: Vec<&str> = Vec::new();
        for line in lines.chain(std::iter::once("")) {
            if line.trim().is_empty() {
                if !block.is_empty() {
                    answers.push(Answer {
                        group: None,
                        id: None,
                        text: block.join("\n"),
                    });
                    block.clear();
                }
            } else {
                block.push(line);
            }
        }
    } else {
        answers.extend(lines.map(|l| Answer {
            group: None,
            id: None,
            text: l.to_owned(),
        }));
    }
    // all plain-text inputs together are one question
    Survey {
        questions: vec![Question {
            name: TEXT_QUESTION.into(),
            answers,
        }],
    }
}

/// `,` `;` tab or `|`: the one that splits the first lines into the most, equal, columns.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| {
                let mut n = 0;
                let mut quoted = false;
                for c in l.bytes() {
                    if c == b'"' {
                        quoted = !quoted;
                    } else if c == d && !quoted {
                        n += 1;
                    }
                }
                n
            })
            .collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        let consistent = counts.iter().filter(|&&c| c == first).count();
        let score = if first > 0 {
            consistent * 1000 + first
        } else {
            0
        };
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn read_delimited(decoded: &Decoded, delimiter: u8) -> Result<Table> {
    // (the byte-order mark is gone: decoding drops it, as the streamed reader does)
    let text = &decoded.text;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let name = decoded.name.clone();
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(&name, e))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&name, e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(Table { name, header, rows })
}

fn csv_error(name: &str, e: csv::Error) -> anyhow::Error {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { pos, expected_len, len } => anyhow::anyhow!(
            "{name}:{}: {len} fields where the header has {expected_len}; check the delimiter (--delimiter) and the quoting of that row",
            pos.as_ref().map_or(0, |p| p.line())
        ),
        _ => anyhow::anyhow!("{name}: {e}; check that the file is CSV and the delimiter (--delimiter)"),
    }
}

fn read_workbook(name: String, bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    use calamine::Reader;
    if bytes.is_empty() {
        bail!("{name}: the file is empty; export the answers into it first");
    }
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
            anyhow::anyhow!("{name}: cannot read the workbook ({e}); save it as .xlsx or .ods")
        })?;
    let names = book.sheet_names();
    let chosen = match sheet {
        None => names.first().cloned(),
        Some(s) => match s.parse::<usize>() {
            Ok(i) if i >= 1 && i <= names.len() => Some(names[i - 1].clone()),
            _ => names.iter().find(|n| n.as_str() == s).cloned(),
        },
    };
    let Some(sheet_name) = chosen else {
        bail!(
            "{name}: no sheet `{}`; sheets: {}",
            sheet.unwrap_or(""),
            super::shown(&names.join(", "))
        );
    };
    let shown_sheet = super::shown(&sheet_name);
    let range = book.worksheet_range(&sheet_name).map_err(|e| {
        anyhow::anyhow!("{name}: cannot read sheet `{shown_sheet}` ({e}); check --sheet")
    })?;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(|c| c.to_string().trim().to_owned()).collect())
        .unwrap_or_default();
    if header.is_empty() {
        bail!("{name}: sheet `{shown_sheet}` is empty; choose another with --sheet");
    }
    let rows = rows
        .enumerate()
        .map(|(i, r)| (i + 2, r.iter().map(|c| c.to_string()).collect()))
        .collect();
    Ok(Table {
        name: format!("{name} [{shown_sheet}]"),
        header,
        rows,
    })
}

/// JSON lines: each line an object; `--field` (dotted path) is the answer, and other fields
/// named by --group/--respondent-column/--question-column can be read too.
fn read_jsonl(decoded: &Decoded, args: &AnalysisArgs, id_column: Option<&str>) -> Result<Table> {
    let Some(field) = args.field.as_deref() else {
        bail!(
            "{}: JSON lines need --field NAME (a dotted path like answer.text)",
            decoded.name
        );
    };
    let mut fields = vec![field.to_owned()];
    for extra in [
        args.group_column(),
        args.respondent_column.as_deref(),
        args.question_column.as_deref(),
        id_column,
    ]
    .into_iter()
    .flatten()
    {
        fields.push(extra.to_owned());
    }
    let mut rows = Vec::new();
    for (i, line) in decoded.text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            anyhow::anyhow!(
                "{}:{}: not JSON ({e}); each line must be one JSON object",
                decoded.name,
                i + 1
            )
        })?;
        let row = fields
            .iter()
            .map(|f| {
                let v = f.split('.').try_fold(&value, |v, key| v.get(key));
                match v {
                    None | Some(serde_json::Value::Null) => String::new(),
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Array(items)) => items
                        .iter()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Some(other) => other.to_string(),
                }
            })
            .collect();
        rows.push((i + 1, row));
    }
    if rows.is_empty() {
        bail!(
            "{}: no JSON lines; export the answers into it first",
            decoded.name
        );
    }
    // the answer column is named after the field; --column selects it by default
    Ok(Table {
        name: decoded.name.clone(),
        header: fields,
        rows,
    })
}

/// A column reference: a header name, a 1-based index, or a glob with `*` / `?`.
/// The columns `wanted` names (1-based indices, exact names, or `*`/`?` patterns); a pattern
/// does not pick the columns in `taken` (the group column: `--column 'F*'` must not count
/// `Fachbereich` as a question), a name or an index does.
fn select_columns(table: &Table, wanted: &[String], taken: &[usize]) -> Result<Vec<usize>> {
    let mut out = Vec::new();
    for w in wanted {
        let found: Vec<usize> = if let Ok(i) = w.parse::<usize>() {
            if i >= 1 && i <= table.header.len() {
                vec![i - 1]
            } else {
                Vec::new()
            }
        } else if w.contains(['*', '?']) {
            (0..table.header.len())
                .filter(|&i| glob(w, &table.header[i]) && !taken.contains(&i))
                .collect()
        } else {
            (0..table.header.len())
                .filter(|&i| table.header[i] == *w)
                .collect()
        };
        if found.is_empty() {
            bail!(
                "{}: no column `{w}`; available: {}{}",
                table.name,
                available(table),
                column_hint(table, w)
            );
        }
        out.extend(
            found
                .into_iter()
                .filter(|i| !out.contains(i))
                .collect::<Vec<_>>(),
        );
    }
    Ok(out)
}

/// What may have gone wrong when no column is `wanted`: a header of one column that holds
/// another delimiter, a name that differs only in case, a pattern with more than `*` and `?`.
fn column_hint(table: &Table, wanted: &str) -> String {
    if let [only] = table.header.as_slice() {
        if let Some(d) = [';', ',', '\t', '|']
            .into_iter()
            .find(|&d| only.contains(d))
        {
            return match d {
                '\t' => " — the header looks tab-separated: pass --input-format tsv".to_owned(),
                d => format!(" — the header looks `{d}`-separated: pass --delimiter '{d}'"),
            };
        }
    }
    if let Some(name) = table
        .header
        .iter()
        .find(|h| h.to_lowercase() == wanted.to_lowercase())
    {
        return format!(" — did you mean `{name}`? (names are matched exactly)");
    }
    if wanted.contains(['[', ']', '{', '}']) {
        return " — patterns know only `*` (any text) and `?` (one character)".to_owned();
    }
    String::new()
}

fn column(table: &Table, wanted: &str, option: &str) -> Result<usize> {
    let found = select_columns(table, &[wanted.to_owned()], &[])
        .map_err(|e| anyhow::anyhow!("{option}: {e}"))?;
    Ok(found[0])
}

fn available(table: &Table) -> String {
    let names: Vec<String> = table
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| format!("{} ({})", super::shown(h), i + 1))
        .collect();
    names.join(", ")
}

fn glob(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match (p.first(), t.first()) {
            (None, None) => true,
            (Some('*'), _) => go(&p[1..], t) || (!t.is_empty() && go(p, &t[1..])),
            (Some('?'), Some(_)) => go(&p[1..], &t[1..]),
            (Some(a), Some(b)) if a == b => go(&p[1..], &t[1..]),
            _ => false,
        }
    }
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    go(&p, &t)
}

/// A table → questions, wide or long.
fn table_survey(table: &Table, args: &AnalysisArgs, id_column: Option<&str>) -> Result<Survey> {
    let group = args
        .group_column()
        .map(|g| column(table, g, "--group"))
        .transpose()?;
    let id = id_column
        .map(|c| column(table, c, "--id-column"))
        .transpose()?;
    let cell = |row: &[String], i: usize| row.get(i).map_or("", String::as_str).to_owned();
    let long = [
        &args.respondent_column,
        &args.question_column,
        &args.answer_column,
    ];
    if long.iter().any(|o| o.is_some()) {
        let (Some(r), Some(q), Some(a)) = (
            &args.respondent_column,
            &args.question_column,
            &args.answer_column,
        ) else {
            bail!("long format needs all three of --respondent-column, --question-column and --answer-column");
        };
        let (r, q, a) = (
            column(table, r, "--respondent-column")?,
            column(table, q, "--question-column")?,
            column(table, a, "--answer-column")?,
        );
        let mut respondents: Vec<String> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut questions: Vec<String> = Vec::new();
        let mut texts: HashMap<(usize, usize), Vec<String>> = HashMap::new();
        let mut groups: HashMap<usize, String> = HashMap::new();
        let mut ids: HashMap<usize, String> = HashMap::new();
        for (_, row) in &table.rows {
            let who = cell(row, r);
            let idx = *seen.entry(who.clone()).or_insert_with(|| {
                respondents.push(who);
                respondents.len() - 1
            });
            let question = cell(row, q);
            let qi = match questions.iter().position(|x| *x == question) {
                Some(i) => i,
                None => {
                    questions.push(question);
                    questions.len() - 1
                }
            };
            if let Some(g) = group {
                groups.entry(idx).or_insert_with(|| cell(row, g));
            }
            if let Some(i) = id {
                ids.entry(idx).or_insert_with(|| cell(row, i));
            }
            texts.entry((qi, idx)).or_default().push(cell(row, a));
        }
        let questions = questions
            .into_iter()
            .enumerate()
            .map(|(qi, name)| Question {
                name,
                answers: (0..respondents.len())
                    .map(|who| Answer {
                        group: groups.get(&who).cloned(),
                        // the respondent column identifies a respondent unless --id-column names another
                        id: Some(ids.get(&who).unwrap_or(&respondents[who]).clone()),
                        text: texts
                            .get(&(qi, who))
                            .map(|t| t.join("\n"))
                            .unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect();
        return Ok(Survey { questions });
    }
    let columns = wide_columns(table, args, group)?;
    let questions = columns
        .into_iter()
        .map(|c| Question {
            name: table.header[c].clone(),
            answers: table
                .rows
                .iter()
                .map(|(_, row)| Answer {
                    group: group.map(|g| cell(row, g)),
                    id: id.map(|i| cell(row, i)),
                    text: cell(row, c),
                })
                .collect(),
        })
        .collect();
    Ok(Survey { questions })
}

/// The answer columns of a wide table: `--column`, or the only column that is not `--group`.
fn wide_columns(table: &Table, args: &AnalysisArgs, group: Option<usize>) -> Result<Vec<usize>> {
    if !args.columns.is_empty() {
        return select_columns(table, &args.columns, group.as_slice());
    }
    let candidates: Vec<usize> = (0..table.header.len())
        .filter(|&i| Some(i) != group)
        .collect();
    if candidates.len() != 1 {
        bail!(
            "{}: choose the answer column(s) with --column NAME|INDEX|GLOB; available: {}",
            table.name,
            available(table)
        );
    }
    Ok(candidates)
}

/// One answer of a streamed table: its question (index into the returned names), group, text.
/// Answers are visited row by row, each row's questions in order.
pub struct Visit<'a> {
    pub question: usize,
    /// How many questions each row has.
    pub questions: usize,
    pub group: Option<&'a str>,
    pub text: &'a str,
}

/// A wide-format CSV/TSV in UTF-8, visited row by row without keeping the rows: memory stays
/// at the size of one row. Returns the question names, or `None` when the file needs the
/// whole-file path (another encoding, detected only by reading it all); answers visited before
/// a `None` must then be discarded.
pub fn visit_delimited(
    path: &Path,
    args: &AnalysisArgs,
    mut visit: impl FnMut(Visit),
) -> Result<Option<Vec<String>>> {
    use std::io::BufRead;
    let (name, mut reader, _) = super::lines::open(path)?;
    let head = reader.fill_buf()?;
    if head.is_empty() {
        bail!("{name}: the file is empty; export the answers into it first");
    }
    super::sniff::refuse(&name, head, false)?;
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Ok(None);
    }
    // the start must be UTF-8 (a character cut at the end of the buffer is fine)
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if !valid {
        return Ok(None);
    }
    let start = String::from_utf8_lossy(head).into_owned();
    let delimiter = match (args.delimiter, args.input_format) {
        (Some(d), _) => d as u8,
        (None, Some(InputFormat::Tsv)) => b'\t',
        _ if format_of(path) == InputFormat::Tsv => b'\t',
        _ => sniff_delimiter(start.trim_start_matches('\u{feff}')),
    };
    if head.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(reader);
    // binary data is refused as the whole-file path refuses it (there: before parsing)
    let header: Vec<String> = match csv.headers() {
        Ok(h) if h.as_slice().contains('\0') => return Err(super::decode::nul_error(&name)),
        Ok(h) => h.iter().map(|h| h.trim().to_owned()).collect(),
        Err(e) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => return Ok(None),
        Err(e) => return Err(csv_error(&name, e)),
    };
    let table = Table {
        name: name.clone(),
        header,
        rows: Vec::new(),
    };
    let group = args
        .group_column()
        .map(|g| column(&table, g, "--group"))
        .transpose()?;
    let columns = wide_columns(&table, args, group)?;
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.as_slice().contains('\0') {
                    return Err(super::decode::nul_error(&name));
                }
                let g = group.map(|g| record.get(g).unwrap_or(""));
                for (question, &c) in columns.iter().enumerate() {
                    visit(Visit {
                        question,
                        questions: columns.len(),
                        group: g,
                        text: record.get(c).unwrap_or(""),
                    });
                }
            }
            Err(e) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => return Ok(None),
            Err(e) => return Err(csv_error(&name, e)),
        }
    }
    Ok(Some(
        columns.iter().map(|&c| table.header[c].clone()).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(sniff_delimiter("a,b\n\"x;y\",2\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b\n1|2\n"), b'|');
    }

    #[test]
    fn globs() {
        assert!(glob("Q5*", "Q5[SQ001]") && glob("Q5*", "Q5") && !glob("Q5*", "Q15"));
        assert!(glob("Q?", "Q1") && !glob("Q?", "Q10"));
    }
}
