//! Frequency tables as TSV, CSV, JSON and Markdown; spreadsheet-safe cells.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use wortwolke_text::{Base, FrequencyTable, Term, Weight};

use crate::interrupt::Temporary;
use crate::pipeline::Tables;

use crate::args::{TableFormat, TableLang};

/// The language of the words a table is written with (headers, the base sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    De,
}

/// How tables read: their language, and whether a CSV is made for a German Excel.
/// TSV and JSON are for programs: English headers, decimal points, whatever the style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub lang: Lang,
    /// CSV for a German Excel: `;`, a UTF-8 BOM, decimal commas.
    pub excel: bool,
}

impl Lang {
    /// `en` or `de`, by the language.
    pub fn say<'a>(self, en: &'a str, de: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::De => de,
        }
    }
}

impl Style {
    /// `en` or `de`, by the style's language.
    fn say(&self, en: &'static str, de: &'static str) -> &'static str {
        self.lang.say(en, de)
    }

    /// The style a format is written in: TSV is locale-free; CSV takes the language (and the
    /// decimal comma only for Excel); Markdown takes both from the language.
    fn for_format(self, format: TableFormat) -> Style {
        match format {
            TableFormat::Tsv | TableFormat::Json => Style::default(),
            TableFormat::Csv => self,
            TableFormat::Md => Style {
                excel: false,
                ..self
            },
        }
    }

    /// Whether numbers take a decimal comma.
    fn comma(&self, format: TableFormat) -> bool {
        match format {
            TableFormat::Csv => self.excel,
            TableFormat::Md => self.lang == Lang::De,
            TableFormat::Tsv | TableFormat::Json => false,
        }
    }

    /// `value` with `places` decimals, with a decimal comma where the style asks for one.
    fn number(&self, value: f64, places: usize, format: TableFormat) -> String {
        let text = format!("{value:.places$}");
        if self.comma(format) {
            text.replace('.', ",")
        } else {
            text
        }
    }

    /// The field delimiter of a delimited format.
    fn delimiter(&self, format: TableFormat) -> u8 {
        match format {
            TableFormat::Tsv => b'\t',
            _ if self.excel => b';',
            _ => b',',
        }
    }
}

/// Writes `table` in `format`.
pub fn write_table(
    out: &mut impl Write,
    table: &FrequencyTable,
    format: TableFormat,
    style: Style,
) -> Result<()> {
    match format {
        TableFormat::Tsv | TableFormat::Csv => {
            write_delimited(out, &[plain(table)], format, style.for_format(format))
        }
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, table)?;
            writeln!(out)?;
            Ok(())
        }
        TableFormat::Md => write_markdown(out, &plain(table), None, style.for_format(format)),
    }
}

fn plain(table: &FrequencyTable) -> Tables {
    Tables {
        question: String::new(),
        total: table.clone(),
        groups: Vec::new(),
    }
}

/// Writes the tables of one or more questions. One question without groups is the plain
/// contract (`write_table`); otherwise TSV/CSV get a `question` column and per-group columns,
/// Markdown one section per question, JSON an array of tables with `question` and `group`.
pub fn write_tables(
    out: &mut impl Write,
    all: &[Tables],
    format: TableFormat,
    style: Style,
) -> Result<()> {
    if let [only] = all {
        if only.groups.is_empty() {
            return write_table(out, &only.total, format, style);
        }
    }
    let style = style.for_format(format);
    match format {
        TableFormat::Tsv | TableFormat::Csv => write_delimited(out, all, format, style),
        TableFormat::Json => {
            #[derive(serde::Serialize)]
            struct Entry<'a> {
                question: &'a str,
                group: Option<&'a str>,
                #[serde(flatten)]
                table: &'a FrequencyTable,
            }
            let entries: Vec<Entry> = all
                .iter()
                .flat_map(|t| {
                    std::iter::once(Entry {
                        question: &t.question,
                        group: None,
                        table: &t.total,
                    })
                    .chain(t.groups.iter().map(|(g, table)| Entry {
                        question: &t.question,
                        group: Some(g),
                        table,
                    }))
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)?;
            Ok(())
        }
        TableFormat::Md => {
            for t in all {
                write_markdown(out, t, Some(&t.question), style)?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// Each group's rows by key: the cells beside the rows of the question's table.
fn group_cells(t: &Tables) -> Vec<(&str, HashMap<&str, &Term>)> {
    t.groups
        .iter()
        .map(|(name, table)| {
            let rows = table.terms.iter().map(|x| (x.key.as_str(), x)).collect();
            (name.as_str(), rows)
        })
        .collect()
}

fn variants_cell(term: &wortwolke_text::Term) -> String {
    term.variants
        .iter()
        .map(|v| format!("{} ({})", v.form, v.count))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Line ends: CRLF for Excel, as Windows writes them; else LF.
/// A CSV/TSV writer: TSV never quotes (its cells lose tabs and line breaks instead), CSV
/// quotes where needed; Excel style ends lines with CRLF.
fn delimited_writer<W: Write>(out: W, delimiter: u8, style: Style) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(terminator(style))
        .delimiter(delimiter)
        .quote_style(if delimiter == b'\t' {
            csv::QuoteStyle::Never
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(out)
}

/// A text cell for a [`delimited_writer`]: inert for spreadsheets, and in TSV without the
/// characters that would end the cell or the row.
fn delimited_cell(s: &str, delimiter: u8) -> String {
    if delimiter == b'\t' {
        inert(&s.replace(['\t', '\n', '\r'], " "))
    } else {
        inert(s)
    }
}

fn terminator(style: Style) -> csv::Terminator {
    if style.excel {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    }
}

/// The UTF-8 byte order mark: how Excel tells a UTF-8 CSV from one in the Windows code page.
const BOM: &str = "\u{feff}";

fn write_delimited(
    out: &mut impl Write,
    all: &[Tables],
    format: TableFormat,
    style: Style,
) -> Result<()> {
    let delimiter = style.delimiter(format);
    if style.excel {
        out.write_all(BOM.as_bytes())?;
    }
    let share = |value: f64| style.number(value, 4, format);
    let say = |en, de| style.say(en, de);
    let mut writer = delimited_writer(out, delimiter, style);
    let clean = |s: &str| delimited_cell(s, delimiter);
    let several = all.len() > 1;
    // groups: the union of group names, in order of appearance
    let mut group_names: Vec<&str> = Vec::new();
    for t in all {
        for (g, _) in &t.groups {
            if !group_names.contains(&g.as_str()) {
                group_names.push(g);
            }
        }
    }
    let mut header: Vec<String> = Vec::new();
    if several {
        header.push(say("question", "Frage").into());
    }
    header.extend(
        [
            say("term", "Begriff"),
            say("answers", "Befragte"),
            say("share", "Anteil"),
            say("occurrences", "Nennungen"),
            say("variants", "Varianten"),
        ]
        .map(String::from),
    );
    for g in &group_names {
        header.push(clean(&format!("{g} {}", say("answers", "Befragte"))));
        header.push(clean(&format!("{g} {}", say("share", "Anteil"))));
    }
    writer.write_record(&header)?;
    for t in all {
        let cells = group_cells(t);
        for term in &t.total.terms {
            let mut row: Vec<String> = Vec::new();
            if several {
                row.push(clean(&t.question));
            }
            row.extend([
                clean(&term.label),
                term.answers.to_string(),
                share(term.share),
                term.occurrences.to_string(),
                clean(&variants_cell(term)),
            ]);
            for g in &group_names {
                let found = cells
                    .iter()
                    .find(|(n, _)| n == g)
                    .and_then(|(_, rows)| rows.get(term.key.as_str()).copied());
                row.push(found.map_or("0".into(), |x| x.answers.to_string()));
                row.push(found.map_or(share(0.0), |x| share(x.share)));
            }
            writer.write_record(&row)?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// What distinguishes one group of a question from the other respondents.
#[derive(Debug, serde::Serialize)]
pub struct GroupKeyness<'a> {
    pub question: &'a str,
    pub group: &'a str,
    /// Answering respondents in the group and outside it: the bases of the shares.
    pub group_answered: u64,
    pub rest_answered: u64,
    pub terms: Vec<wortwolke_text::Keyness>,
}

/// The sentence that says how keyness was computed.
pub const KEYNESS_METHOD: &str = "Keyness: respondents naming a term in the group against the other respondents (each counted once); G² = log-likelihood of the 2 × 2 table, p from χ² with 1 df, significant at p < 0.05; log ratio = log2(share in group / share outside), a count of 0 taken as 0.5; `low expected` marks tables with an expected count below 5 (Cochran's rule), where p is not reliable.";

/// Writes keyness tables in `format`: TSV/CSV one row per group and term, JSON an array of
/// groups, Markdown a section per group.
pub fn write_keyness(
    out: &mut impl Write,
    all: &[GroupKeyness],
    format: TableFormat,
    style: Style,
) -> Result<()> {
    let style = style.for_format(format);
    let number = |value: f64, places: usize| style.number(value, places, format);
    let direction = |k: &wortwolke_text::Keyness| {
        if k.log_ratio > 0.0 {
            "more"
        } else if k.log_ratio < 0.0 {
            "less"
        } else {
            "equal"
        }
    };
    match format {
        TableFormat::Tsv | TableFormat::Csv => {
            if style.excel {
                out.write_all(BOM.as_bytes())?;
            }
            let delimiter = style.delimiter(format);
            let mut writer = delimited_writer(out, delimiter, style);
            let clean = |s: &str| delimited_cell(s, delimiter);
            let say = |en, de| style.say(en, de);
            writer.write_record([
                say("question", "Frage"),
                say("group", "Gruppe"),
                say("term", "Begriff"),
                say("direction", "Richtung"),
                say("group answers", "Befragte in der Gruppe"),
                say("group share", "Anteil in der Gruppe"),
                say("rest answers", "Befragte übrige"),
                say("rest share", "Anteil übrige"),
                "G2",
                "p",
                say("log ratio", "Log-Ratio"),
                say("significant", "signifikant"),
                say("low expected", "kleine Erwartung"),
            ])?;
            let yes_no = |b: bool| {
                if b {
                    say("yes", "ja")
                } else {
                    say("no", "nein")
                }
            };
            let direction = |k: &wortwolke_text::Keyness| match direction(k) {
                "more" => say("more", "mehr"),
                "less" => say("less", "weniger"),
                other => say(other, "gleich"),
            };
            for g in all {
                for k in &g.terms {
                    writer.write_record([
                        clean(g.question),
                        clean(g.group),
                        clean(&k.label),
                        direction(k).to_owned(),
                        k.group_answers.to_string(),
                        number(k.group_share, 4),
                        k.rest_answers.to_string(),
                        number(k.rest_share, 4),
                        number(k.g2, 2),
                        number(k.p, 4),
                        number(k.log_ratio, 2),
                        yes_no(k.significant()).to_owned(),
                        yes_no(k.low_expected).to_owned(),
                    ])?;
                }
            }
            writer.flush()?;
        }
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, all)?;
            writeln!(out)?;
        }
        TableFormat::Md => {
            let md = markdown_text;
            let say = |en, de| style.say(en, de);
            let percent = |value: f64| format!("{} %", number(value * 100.0, 1));
            for g in all {
                writeln!(out, "## {} — {}\n", md(g.question), md(g.group))?;
                writeln!(
                    out,
                    "| {} | | {} | {} | {} | {} | G² | p | {} | |",
                    say("Term", "Begriff"),
                    say("In group", "In der Gruppe"),
                    say("Share", "Anteil"),
                    say("Others", "Übrige"),
                    say("Share", "Anteil"),
                    say("Log ratio", "Log-Ratio"),
                )?;
                writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|")?;
                for k in &g.terms {
                    let flag = match (k.significant(), k.low_expected) {
                        (_, true) => say("low expected", "kleine Erwartung"),
                        (true, false) => say("significant", "signifikant"),
                        (false, false) => "",
                    };
                    let direction = match direction(k) {
                        "more" => say("more", "mehr"),
                        "less" => say("less", "weniger"),
                        other => say(other, "gleich"),
                    };
                    writeln!(
                        out,
                        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                        md(&k.label),
                        direction,
                        k.group_answers,
                        percent(k.group_share),
                        k.rest_answers,
                        percent(k.rest_share),
                        number(k.g2, 2),
                        number(k.p, 4),
                        number(k.log_ratio, 2),
                        flag
                    )?;
                }
                match style.lang {
                    Lang::En => writeln!(
                        out,
                        "\nBase: n = {} in the group, {} other respondents answered.\n",
                        g.group_answered, g.rest_answered
                    )?,
                    Lang::De => writeln!(
                        out,
                        "\nBasis: n = {} Befragte mit Antwort in der Gruppe, {} übrige.\n",
                        g.group_answered, g.rest_answered
                    )?,
                }
            }
            writeln!(out, "{}", keyness_method(style.lang))?;
        }
    }
    Ok(())
}

/// [`KEYNESS_METHOD`] in `lang`.
pub fn keyness_method(lang: Lang) -> &'static str {
    match lang {
        Lang::En => KEYNESS_METHOD,
        Lang::De => KEYNESS_METHOD_DE,
    }
}

/// The sentence that says how keyness was computed, in German.
const KEYNESS_METHOD_DE: &str = "Keyness: Befragte, die einen Begriff in der Gruppe nennen, gegen die übrigen Befragten (jede Person einmal gezählt); G² = Log-Likelihood der Vierfeldertafel, p aus χ² mit 1 Freiheitsgrad, signifikant bei p < 0,05; Log-Ratio = log2(Anteil in der Gruppe / Anteil außerhalb), eine 0 als 0,5 gerechnet; `kleine Erwartung` markiert Tafeln mit einer erwarteten Häufigkeit unter 5 (Cochran-Regel), deren p nicht verlässlich ist.";

/// Text as it reads in a Markdown table cell: characters Markdown would take as markup
/// (`Kund*innen`, `_Unterstrich_`, `|`) are escaped, line breaks become spaces.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '~' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Makes a cell inert for spreadsheets: a leading `=`, `+`, `-`, `@` (or tab/CR) would start a
/// formula, so it gets a leading apostrophe (the OWASP recommendation).
pub fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The language of a table's or a cloud's words: as asked, else German for German answers.
pub fn words_lang(asked: Option<TableLang>, analysis_lang: &str) -> Lang {
    match asked {
        Some(TableLang::De) => Lang::De,
        Some(TableLang::En) => Lang::En,
        None if analysis_lang.eq_ignore_ascii_case("de") => Lang::De,
        None => Lang::En,
    }
}

/// The sentence that states the base of a table, in `lang`.
pub fn base_sentence_in(table: &FrequencyTable, lang: Lang) -> String {
    let (counted, share) = match lang {
        Lang::En => (
            match table.weight {
                Weight::Answers => {
                    "Counts are respondents naming the term (several terms per respondent possible)"
                }
                Weight::Occurrences => {
                    "Counts are all occurrences, repeats within an answer included"
                }
            },
            match table.base {
                Base::Answered => "share = respondents / n",
                Base::All => "share = respondents / n, those without answer included",
            },
        ),
        Lang::De => (
            match table.weight {
                Weight::Answers => {
                    "Gezählt sind Befragte, die den Begriff nennen (Mehrfachnennungen möglich)"
                }
                Weight::Occurrences => {
                    "Gezählt sind alle Nennungen, Wiederholungen in einer Antwort eingeschlossen"
                }
            },
            match table.base {
                Base::Answered => "Anteil = Befragte / n",
                Base::All => "Anteil = Befragte / n, Befragte ohne Antwort eingeschlossen",
            },
        ),
    };
    let base = match lang {
        Lang::En => "Base",
        Lang::De => "Basis",
    };
    format!("{base}: {}. {counted}; {share}.", base_n_in(table, lang))
}

/// The base of a table in a few words, in `lang`: `n = 17 respondents answered (3 without
/// answer, 20 in total)`, `n = 97 Befragte mit Antwort (7 ohne Antwort, 104 insgesamt)` (or,
/// with `--base all`, n counts everybody).
pub fn base_n_in(table: &FrequencyTable, lang: Lang) -> String {
    let respondents = |n: u64| if n == 1 { "respondent" } else { "respondents" };
    match (lang, table.base) {
        (Lang::En, Base::Answered) => format!(
            "n = {} {} answered ({} without answer, {} in total)",
            table.answered,
            respondents(table.answered),
            table.no_answer,
            table.answers
        ),
        (Lang::En, Base::All) => format!(
            "n = {} {} in total ({} answered, {} without answer)",
            table.answers,
            respondents(table.answers),
            table.answered,
            table.no_answer
        ),
        (Lang::De, Base::Answered) => format!(
            "n = {} Befragte mit Antwort ({} ohne Antwort, {} insgesamt)",
            table.answered, table.no_answer, table.answers
        ),
        (Lang::De, Base::All) => format!(
            "n = {} Befragte insgesamt ({} mit Antwort, {} ohne Antwort)",
            table.answers, table.answered, table.no_answer
        ),
    }
}

/// The default caption of a cloud: the base and what the sizes count, without the shares a
/// cloud does not show.
pub fn cloud_caption(table: &FrequencyTable, lang: Lang) -> String {
    let (base, size, counted) = match lang {
        Lang::En => (
            "Base",
            "Word size",
            match table.weight {
                Weight::Answers => {
                    "respondents naming the term (several terms per respondent possible)"
                }
                Weight::Occurrences => "all occurrences, repeats within an answer included",
            },
        ),
        Lang::De => (
            "Basis",
            "Wortgröße",
            match table.weight {
                Weight::Answers => "Befragte, die den Begriff nennen (Mehrfachnennungen möglich)",
                Weight::Occurrences => {
                    "alle Nennungen, Wiederholungen in einer Antwort eingeschlossen"
                }
            },
        ),
    };
    format!("{base}: {}. {size}: {counted}.", base_n_in(table, lang))
}

fn write_markdown(
    out: &mut impl Write,
    t: &Tables,
    heading: Option<&str>,
    style: Style,
) -> Result<()> {
    let md = markdown_text;
    let say = |en, de| style.say(en, de);
    let percent = |value: f64| format!("{} %", style.number(value * 100.0, 1, TableFormat::Md));
    if let Some(h) = heading {
        writeln!(out, "## {}\n", md(h))?;
    }
    let mut head = format!(
        "| {} | {} | {} | {} | {} |",
        say("Term", "Begriff"),
        say("Answers", "Befragte"),
        say("Share", "Anteil"),
        say("Occurrences", "Nennungen"),
        say("Variants", "Varianten")
    );
    let mut rule = String::from("|---|---:|---:|---:|---|");
    for (g, _) in &t.groups {
        head.push_str(&format!(" {} | {} |", md(g), say("Share", "Anteil")));
        rule.push_str("---:|---:|");
    }
    writeln!(out, "{head}")?;
    writeln!(out, "{rule}")?;
    let cells = group_cells(t);
    for term in &t.total.terms {
        let mut line = format!(
            "| {} | {} | {} | {} | {} |",
            md(&term.label),
            term.answers,
            percent(term.share),
            term.occurrences,
            md(&variants_cell(term))
        );
        for (_, rows) in &cells {
            let found = rows.get(term.key.as_str()).copied();
            line.push_str(&format!(
                " {} | {} |",
                found.map_or(0, |x| x.answers),
                percent(found.map_or(0.0, |x| x.share))
            ));
        }
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", base_sentence_in(&t.total, style.lang))?;
    for (g, table) in &t.groups {
        writeln!(out, "{}: {}", md(g), base_n_in(table, style.lang))?;
    }
    Ok(())
}

/// The output path of each (question, group), from a template with `{question}` and
/// `{group}`. Names are made safe for file names (no separators, no `..`); two outputs that
/// would land in one file are an error, and so is an output that is one of the inputs.
pub fn targets<'a>(
    template: &std::path::Path,
    items: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
    inputs: &[std::path::PathBuf],
) -> Result<Vec<std::path::PathBuf>> {
    let template_s = template.to_string_lossy();
    let items: Vec<(&str, Option<&str>)> = items.into_iter().collect();
    let several_questions = items
        .iter()
        .map(|(q, _)| q)
        .collect::<std::collections::HashSet<_>>()
        .len()
        > 1;
    let several_groups = items.iter().any(|(_, g)| g.is_some());
    if several_questions && !template_s.contains("{question}") {
        anyhow::bail!(
            "{template_s}: there are several questions; put {{question}} in the -o file name"
        );
    }
    if several_groups && !template_s.contains("{group}") {
        anyhow::bail!("{template_s}: there are groups; put {{group}} in the -o file name");
    }
    let mut out: Vec<std::path::PathBuf> = Vec::new();
    for (q, g) in items {
        let path = std::path::PathBuf::from(
            template_s
                .replace("{question}", &safe_name(q))
                .replace("{group}", &safe_name(g.unwrap_or("all"))),
        );
        if out.contains(&path) {
            anyhow::bail!(
                "{}: two outputs would share this file; make the names differ (question `{q}`)",
                path.display()
            );
        }
        for input in inputs {
            if input
                .canonicalize()
                .ok()
                .is_some_and(|i| path.canonicalize().ok() == Some(i))
            {
                anyhow::bail!(
                    "{}: the output would overwrite an input; choose another -o",
                    path.display()
                );
            }
        }
        out.push(path);
    }
    Ok(out)
}

/// A question or group name as part of a file name: letters, digits, `-`, `_`, `.` kept;
/// signs that carry meaning in a group's name become words (`< 10.000 EW` → `unter_10.000_EW`,
/// `≥ 50.000` → `ab_50.000`, `65+` → `65_plus`, `10 %` → `10_Prozent`; German, as the group
/// names of German surveys are), dashes become `-`, everything else `_`; no leading dots or
/// dashes (no `..`, nothing that reads as an option; a leading minus before a digit is
/// `minus`); at most 80 characters.
pub fn safe_name(name: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("<=", " bis "),
        (">=", " ab "),
        ("≤", " bis "),
        ("≥", " ab "),
        ("<", " unter "),
        (">", " über "),
        ("+", " plus "),
        ("%", " Prozent "),
        ("&", " und "),
        ("=", " gleich "),
    ];
    let mut text = name.trim().to_owned();
    if let Some(rest) = text.strip_prefix('-') {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            text = format!("minus {rest}");
        }
    }
    for (sign, word) in WORDS {
        text = text.replace(sign, word);
    }
    let mut s: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else if matches!(c, '–' | '—' | '‐' | '‑') {
                '-'
            } else {
                '_'
            }
        })
        .collect();
    while s.contains("__") {
        s = s.replace("__", "_");
    }
    let s = s
        .trim_matches(['.', '_', '-'])
        .chars()
        .take(80)
        .collect::<String>();
    if s.is_empty() {
        "unnamed".into()
    } else {
        s
    }
}

/// Writes `bytes` to `path` atomically: into a temporary file beside it, then renamed, so that
/// an error never leaves a half-written file. `-` writes to standard output.
pub fn write_output(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use anyhow::Context;
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
        return Ok(());
    }
    if path.is_dir() {
        anyhow::bail!(
            "{}: is a directory; give a file name such as cloud.png",
            path.display()
        );
    }
    // a device or a pipe (`/dev/stdout`, `/dev/null`, a FIFO) is written to, never replaced
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
            .with_context(|| format!("{}: cannot write", path.display()));
    }
    // a link to a file: the file is replaced, the link stays
    let resolved;
    let path = if path.is_symlink() {
        resolved = path
            .canonicalize()
            .with_context(|| format!("{}: a link whose target cannot be found", path.display()))?;
        resolved.as_path()
    } else {
        path
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let cannot = || {
        format!(
            "{}: cannot write; check that the directory exists and is writable",
            path.display()
        )
    };
    // a temporary file of an earlier run that was killed outright (same process id)
    let _ = std::fs::remove_file(&tmp);
    let (temporary, mut file) = Temporary::create(&tmp).with_context(cannot)?;
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            hold_for_tests();
            std::fs::rename(temporary.path(), path)
        })
        .with_context(cannot);
    if result.is_err() {
        let _ = std::fs::remove_file(temporary.path());
    }
    result
}

/// Debug builds wait this many milliseconds (`WORTWOLKE_TEST_HOLD_MS`) between writing a
/// temporary output and renaming it, so that the CLI tests can interrupt a run at that moment.
fn hold_for_tests() {
    if cfg!(debug_assertions) {
        if let Some(ms) = std::env::var("WORTWOLKE_TEST_HOLD_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
        {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    /// Group names as file names keep their meaning.
    #[test]
    fn safe_names() {
        for (name, want) in [
            ("< 10.000 EW", "unter_10.000_EW"),
            ("> 100.000 EW", "über_100.000_EW"),
            ("10.000 – 50.000 EW", "10.000_-_50.000_EW"),
            ("≥ 50.000", "ab_50.000"),
            ("<= 5", "bis_5"),
            ("65+", "65_plus"),
            ("-5 %", "minus_5_Prozent"),
            ("Städte & Gemeinden", "Städte_und_Gemeinden"),
            ("../etc/passwd", "etc_passwd"),
            ("--force", "force"),
            ("", "unnamed"),
            ("Nordheide", "Nordheide"),
        ] {
            assert_eq!(super::safe_name(name), want, "{name}");
        }
    }

    #[test]
    fn markdown_cells_escape_markup() {
        assert_eq!(
            super::markdown_text("Kund*innen (2); Nutzer*innen | _a_\nb"),
            "Kund\\*innen (2); Nutzer\\*innen \\| \\_a\\_ b"
        );
    }

    #[test]
    fn formula_cells_become_inert() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("-Personal"), "'-Personal");
        assert_eq!(inert("@SUM"), "'@SUM");
        assert_eq!(inert("+1"), "'+1");
        assert_eq!(inert("Personal"), "Personal");
        // no CLI input reaches a cell starting with `=` through a codebook label (the label
        // ends at its first `=`), so that case is checked here
        assert_eq!(inert("=SUMME(1)"), "'=SUMME(1)");
        assert_eq!(inert("\tx"), "'\tx");
        assert_eq!(inert("\rx"), "'\rx");
        assert_eq!(inert("'=already"), "'=already");
    }
}
