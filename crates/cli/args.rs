//! The command line, as close to the flags as possible (clap derive; doc comments are the help).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Honest frequency tables and word clouds from free-text survey answers.
///
/// One answer is one respondent: a term counts once per answer that names it.
#[derive(Debug, Parser)]
#[command(name = "wortwolke", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Count terms per respondent and print a frequency table.
    #[command(
        after_help = "Example:\n  wortwolke count examples/answers/efa_gruende.txt --top 20 --format md\n  \
        wortwolke count answers.txt --synonyms codes.txt --phrases auto --format json"
    )]
    Count(CountArgs),
    /// Draw a word cloud (PNG, SVG or JSON) from answers or a frequency table.
    #[command(
        after_help = "Example:\n  wortwolke cloud examples/answers/efa_gruende.txt -o efa.png\n  \
        wortwolke cloud answers.txt --synonyms codes.txt --max-words 60 --palette viridis -o cloud.svg\n  \
        wortwolke count answers.txt > table.tsv && wortwolke cloud --frequencies table.tsv -o cloud.png\n  \
        wortwolke cloud examples/answers/umfrage.csv --column 'F1*' --group Kreis --grid -o kreise.png\n  \
        wortwolke cloud examples/answers/umfrage.csv --column 'F1*' --group Kreis=Nordheide,Bergland --compare -o vergleich.png"
    )]
    Cloud(Box<CloudArgs>),
    /// Write a self-contained HTML report: cloud, chart, table and answers per question.
    ///
    /// Per question: the cloud, a bar chart of the top terms, the full table (sortable,
    /// filterable), the base and the method; a click on a term (or Enter) lists the answers
    /// that name it, its spellings highlighted. With --group: each group's chart on one scale,
    /// n per group, and what distinguishes each group (keyness). The page loads nothing and
    /// sends nothing; e-mail addresses and phone numbers in answers are masked, and
    /// --no-answers leaves out every answer text.
    #[command(
        after_help = "Example:\n  wortwolke report examples/answers/umfrage.csv --column 'F*' --group Kreis -o bericht.html\n  \
        wortwolke report export.xlsx --column 'Q*' --id-column id --no-answers -o public.html"
    )]
    Report(Box<ReportArgs>),
    /// Show how each answer was tokenized and grouped (one output line per input line).
    #[command(
        after_help = "Example:\n  echo 'Die EfA-Dienste sind unbekannt' | wortwolke analyze --format keys\n  \
        wortwolke analyze examples/answers/efa_gruende.txt --format json"
    )]
    Analyze(AnalyzeArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish) to standard output.
    #[command(
        after_help = "Example:\n  wortwolke completions bash > /etc/bash_completion.d/wortwolke"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Where the answers come from and how they are analysed (shared by every command).
#[derive(Debug, Args)]
pub struct AnalysisArgs {
    /// Input files: text (one answer a line), CSV/TSV, XLSX/ODS, JSON lines; `.gz` is read
    /// transparently. `-` or none reads standard input (text unless --input-format).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Input format (default: from the file extension; standard input is text).
    #[arg(long, value_enum, help_heading = "Input")]
    pub input_format: Option<InputFormat>,

    /// Plain text: answers are separated by blank lines (multi-line answers), not one a line.
    #[arg(long, help_heading = "Input")]
    pub blank_line_separated: bool,

    /// CSV: the field delimiter (default: sniffed among `,` `;` tab `|`).
    #[arg(long, value_name = "CHAR", help_heading = "Input")]
    pub delimiter: Option<char>,

    /// Answer column(s): header name, 1-based index or glob (`Q5*`); each is a question. Repeatable.
    #[arg(long = "column", value_name = "NAME|INDEX", help_heading = "Input")]
    pub columns: Vec<String>,

    /// Spreadsheets: the sheet, by name or 1-based index (default: the first).
    #[arg(long, value_name = "NAME|INDEX", help_heading = "Input")]
    pub sheet: Option<String>,

    /// JSON lines: the field holding the answer (dotted path, e.g. `answer.text`).
    #[arg(long, value_name = "PATH", help_heading = "Input")]
    pub field: Option<String>,

    /// Character encoding (default: detected — BOM, UTF-8, else Windows-1252 with a note).
    #[arg(long, value_name = "LABEL", help_heading = "Input")]
    pub encoding: Option<String>,

    /// Long format: the column that identifies the respondent.
    #[arg(long, value_name = "COLUMN", help_heading = "Input")]
    pub respondent_column: Option<String>,

    /// Long format: the column that names the question.
    #[arg(long, value_name = "COLUMN", help_heading = "Input")]
    pub question_column: Option<String>,

    /// Long format: the column holding the answer.
    #[arg(long, value_name = "COLUMN", help_heading = "Input")]
    pub answer_column: Option<String>,

    /// A column that splits respondents into groups (e.g. the district): per-group counts,
    /// and one cloud per group in addition to the total. `COLUMN=A,B` shows only the groups A
    /// and B, in that order (count and cloud; the total still counts everybody).
    #[arg(long, value_name = "COLUMN[=GROUP,…]", help_heading = "Input")]
    pub group: Option<String>,

    /// List questions: split each answer into mentions at these characters (default `,;/` and
    /// line breaks) and at ` und `, ` sowie `, ` & ` (unless the codebook or a phrase names the
    /// whole); each mention is one term (`Form-Solutions`, `regio iT`), counted once per
    /// respondent. Links, e-mail addresses and handles are not mentions.
    #[arg(long, value_name = "CHARS", num_args = 0..=1, default_missing_value = ",;/\n", help_heading = "Input")]
    pub split_list: Option<String>,

    /// Threads that analyse answers and lay out clouds (default: all cores). The result does
    /// not depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Base of the shares: respondents who answered the question, or all rows.
    #[arg(long, value_enum, default_value_t = Base::Answered)]
    pub base: Base,

    /// Language of the answers (ISO 639-1): stemmer and built-in stop words.
    #[arg(long, default_value = "de", value_name = "CODE")]
    pub lang: String,

    /// Additional stop word file (one word a line, `#` comments); repeatable.
    #[arg(long = "stopwords", value_name = "FILE")]
    pub stopwords: Vec<PathBuf>,

    /// Do not use the built-in stop word list (only the files given with --stopwords).
    #[arg(long)]
    pub no_default_stopwords: bool,

    /// Words or whole terms that never count, comma-separated (repeatable): a word in any
    /// case and form (`leider`, `Antrag`), a term as the table labels it (a codebook label, a
    /// phrase such as `interkommunale Zusammenarbeit`).
    #[arg(long, value_name = "WORD,…", value_delimiter = ',')]
    pub exclude: Vec<String>,

    /// Synonym codebook: `Label = variant, variant` one group a line.
    #[arg(long, value_name = "FILE")]
    pub synonyms: Option<PathBuf>,

    /// Multi-word terms: a file with one phrase a line, or `auto` to detect collocations.
    #[arg(long, value_name = "FILE|auto")]
    pub phrases: Option<PathBuf>,

    /// With `--phrases auto`: minimum number of answers a phrase must occur in.
    #[arg(long, default_value_t = 3, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub phrase_min_answers: u64,

    /// Join a negation with the next content word into one term (`keine Priorität`).
    #[arg(long)]
    pub keep_negation: bool,

    /// Count numbers and years as terms.
    #[arg(long)]
    pub keep_numbers: bool,

    /// Also join the plain masculine and feminine forms of a person noun (`Bürger`,
    /// `Bürgerinnen`) into the inclusive term (`Bürger*innen`), where the answers write both
    /// (pair forms such as `Bürgerinnen und Bürger` are always one term). German only.
    #[arg(long)]
    pub merge_gender: bool,

    /// Do not group inflected forms (only case and spelling are normalized).
    #[arg(long)]
    pub no_stem: bool,

    /// Treat `ae oe ue ss` and `ä ö ü ß` as equal in keys (for answers typed without umlauts).
    #[arg(long)]
    pub fold_umlauts: bool,

    /// Additional answer that means "no answer" (like `k.A.`, `-`, `keine Angabe`,
    /// `weiß nicht`); repeatable.
    #[arg(long = "no-answer", value_name = "TEXT")]
    pub no_answer: Vec<String>,

    /// A file of no-answer markers, one a line (`#` comments), that replaces the built-in ones
    /// (`--no-answer` still adds to it). Empty answers are always no answers.
    #[arg(long, value_name = "FILE")]
    pub no_answer_file: Option<PathBuf>,

    /// Print no notes on standard error (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,
}

impl AnalysisArgs {
    /// `--group`'s column (before an `=`).
    pub fn group_column(&self) -> Option<&str> {
        let group = self.group.as_deref()?;
        Some(group.split_once('=').map_or(group, |(column, _)| column))
    }

    /// The groups `--group COLUMN=A,B` chose, trimmed, in their order (`None`: all).
    pub fn chosen_groups(&self) -> Option<Vec<&str>> {
        let (_, groups) = self.group.as_deref()?.split_once('=')?;
        Some(groups.split(',').map(str::trim).collect())
    }

    /// The threads to work on: `--threads`, else every core.
    pub fn threads(&self) -> usize {
        self.threads
            .map(usize::from)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
    }
}

#[derive(Debug, Args)]
pub struct CountArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,

    /// What a term's weight is: answers naming it (respondents) or all occurrences.
    #[arg(long = "count", value_enum, default_value_t = CountBy::Answers)]
    pub count: CountBy,

    /// Leave out terms whose weight is below N.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: u64,

    /// Print only the N heaviest terms.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Output format (default: tsv; csv with --excel).
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,

    /// CSV for a German Excel: `;` between cells, a UTF-8 byte order mark and decimal commas,
    /// so that Excel opens it in columns with its umlauts. Implies --format csv.
    #[arg(long)]
    pub excel: bool,

    /// Language of the table's words (md and csv headers, the base sentence): `de` or `en`.
    /// Default: `de` when the answers are German (--lang de), else `en`. Markdown tables in
    /// German also take decimal commas; TSV and JSON are for programs and stay English.
    #[arg(long, value_enum, value_name = "LANG")]
    pub table_lang: Option<TableLang>,

    /// Write the table(s) to files instead of standard output; `{question}` (and `{group}`)
    /// in the name make one file per question (and group).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With --group: instead of the counts, what distinguishes each group from the other
    /// respondents — per term the respondents and shares in and out of the group,
    /// log-likelihood G² with its p-value, and the log ratio (log2 of the two shares);
    /// significant terms (p < 0.05) first, by effect.
    #[arg(long, requires = "group")]
    pub keyness: bool,

    /// With `--phrases auto`: list the phrases detected on standard error, each with its
    /// answers, occurrences and G² (log-likelihood), and the ones left out because a codebook
    /// group names one of their words.
    #[arg(long)]
    pub show_phrases: bool,

    /// Groups with fewer answering respondents than this are still counted, with a note that
    /// their shares are unstable.
    #[arg(long, default_value_t = 30, value_name = "N")]
    pub min_group_n: u64,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,

    /// `keys`: the grouping keys of each line's content terms; `json`: every token (JSON Lines).
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Keys)]
    pub format: AnalyzeFormat,
}

#[derive(Debug, Args)]
pub struct CloudArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,

    /// The inputs are frequency tables (`term<TAB>count` a line, like `wortwolke count`'s TSV),
    /// not answers.
    #[arg(long)]
    pub frequencies: bool,

    /// What a term's weight is: answers naming it (respondents) or all occurrences.
    #[arg(long = "count", value_enum, default_value_t = CountBy::Answers)]
    pub count: CountBy,

    /// Leave out terms whose weight is below N.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: u64,

    /// Draw at most N terms (the heaviest).
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub max_words: usize,

    /// Output file; PNG, SVG or JSON by its extension (or --format). `-` writes to standard
    /// output. `{question}` and `{group}` in the name make one file per question and group.
    /// Default: `<input name>.png` (`<input name>-{question}-{group}.png` for several).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format (default: from the output file's extension).
    #[arg(long, value_enum)]
    pub format: Option<ImageFormat>,

    /// Canvas width in pixels.
    #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(16..=20000))]
    pub width: u32,

    /// Canvas height in pixels.
    #[arg(long, default_value_t = 800, value_parser = clap::value_parser!(u32).range(16..=20000))]
    pub height: u32,

    /// Weight → font size: `sqrt` (default) makes a word's area proportional to its count,
    /// which is what readers compare; `linear` exaggerates differences; `log` flattens them.
    #[arg(long, value_enum, default_value_t = ScaleArg::Sqrt)]
    pub scale: ScaleArg,

    /// Smallest font size in pixels [default: 10]: lighter words are drawn at this size.
    /// Given together with --max-font, the sizes are fixed: the heaviest word gets --max-font,
    /// and a word that does not fit at its size is drawn smaller (down to --min-font).
    #[arg(long, value_name = "PX")]
    pub min_font: Option<f32>,

    /// Largest font size in pixels. By default the words are as large as they can be with
    /// every word placed at the size its count gives it, so that the cloud fills the canvas;
    /// --max-font caps that size.
    #[arg(long, value_name = "PX")]
    pub max_font: Option<f32>,

    /// Smallest gap between two words in pixels, whatever their size.
    #[arg(long, default_value_t = 2, value_name = "PX")]
    pub padding: u32,

    /// The gap between two words grows by this share of the smaller word's font size (0 to 1),
    /// so that neighbours never read as one word.
    #[arg(long, default_value_t = 0.1, value_name = "SHARE")]
    pub spacing: f32,

    /// Let small words fill the holes of big words' letters (the inside of `o`, `B`, …).
    #[arg(long)]
    pub fill_holes: bool,

    /// Angles (degrees, counter-clockwise) words may take, comma-separated.
    #[arg(
        long = "rotate",
        value_delimiter = ',',
        default_value = "0,90",
        value_name = "DEG,…",
        allow_hyphen_values = true
    )]
    pub rotations: Vec<f32>,

    /// Share of words drawn horizontally (0 to 1) when 0 is among the angles.
    #[arg(long, default_value_t = 0.9, value_name = "P")]
    pub prefer_horizontal: f64,

    /// Search path from the centre.
    #[arg(long, value_enum, default_value_t = SpiralArg::Archimedean)]
    pub spiral: SpiralArg,

    /// Seed of every random choice; the same seed and input give byte-identical output.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,

    /// Colours: okabe-ito (colour-blind safe, default), viridis, blues, greys, or a list like
    /// `#1b9e77,#d95f02`. Every colour is adjusted to at least 3:1 contrast with the background.
    #[arg(long, default_value = "okabe-ito", value_name = "PALETTE")]
    pub palette: String,

    /// How words pick colours: auto (ramps by weight, others by rank), rank, random, weight, fixed.
    #[arg(long, value_enum, default_value_t = ColorByArg::Auto)]
    pub color_by: ColorByArg,

    /// Background colour (`#rrggbb`, a name) or `transparent`.
    #[arg(long, default_value = "white", value_name = "COLOR")]
    pub background: String,

    /// A PNG whose dark pixels (or, if it has transparency, opaque pixels) are the area words
    /// may use; stretched to the canvas.
    #[arg(long, value_name = "FILE")]
    pub mask: Option<PathBuf>,

    /// Draw the mask's outline, optionally in the given colour.
    #[arg(long, value_name = "COLOR", num_args = 0..=1, default_missing_value = "#555555", requires = "mask")]
    pub contour: Option<String>,

    /// A TrueType/OpenType font file (default: the bundled Open Sans Semibold).
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,

    /// A title drawn above the cloud (PNG and SVG), e.g. the survey question; also the image's
    /// name in its metadata.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// A caption drawn below the cloud in small print. Default: the base (who answered, and
    /// what the sizes count); `--caption ''` draws none.
    #[arg(long, value_name = "TEXT")]
    pub caption: Option<String>,

    /// Language of the default caption and the base on standard error: `de` or `en`.
    /// Default: `de` when the answers are German (--lang de), else `en`.
    #[arg(long, value_enum, value_name = "LANG")]
    pub caption_lang: Option<TableLang>,

    /// SVG: words as `<text>` in the embedded font (editable in Inkscape or PowerPoint)
    /// instead of paths.
    #[arg(long)]
    pub svg_text: bool,

    /// Also write a text alternative (what the cloud shows, the base, the top terms with their
    /// counts) to FILE, for reports and web pages; `{question}` and `{group}` as in -o.
    #[arg(long, value_name = "FILE")]
    pub alt_text: Option<PathBuf>,

    /// With --group: draw each cloud on its own scale (its heaviest word as large as the canvas
    /// allows). By default a question's clouds (the total and each group) share one scale: a
    /// word's size follows its share of the group's respondents, so equal shares are equal
    /// sizes in every cloud.
    #[arg(long, requires = "group", help_heading = "Groups")]
    pub scale_per_group: bool,

    /// With --group: lay out the words of all clouds of a question once, and draw each cloud's
    /// words in those places (words a group does not name are left out), so that the eye
    /// compares like with like.
    #[arg(
        long,
        requires = "group",
        conflicts_with = "scale_per_group",
        help_heading = "Groups"
    )]
    pub same_positions: bool,

    /// With --group: one image per question with a panel for all respondents and one per
    /// group (small multiples), each with its name and n; PNG, SVG or JSON
    /// (`cloud umfrage.csv --column 'F1*' --group Kreis --grid -o kreise.png`).
    #[arg(long, requires = "group", help_heading = "Groups")]
    pub grid: bool,

    /// Two groups in one cloud (`--group Kreis=Nordheide,Bergland --compare`): every term of
    /// either group drawn once, its size by both groups' count, its colour by which group names
    /// it more often as a share of its n (a legend names both groups and their n); terms named
    /// at equal shares are drawn in grey, not left out.
    #[arg(long, requires = "group", conflicts_with_all = ["grid", "same_positions", "scale_per_group"], help_heading = "Groups")]
    pub compare: bool,

    /// Groups with fewer answering respondents than this are drawn with a caption note (and a
    /// note on standard error) that their shares are unstable.
    #[arg(long, default_value_t = 30, value_name = "N", help_heading = "Groups")]
    pub min_group_n: u64,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub analysis: AnalysisArgs,

    /// The HTML file to write (`-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// What a term's weight is: answers naming it (respondents) or all occurrences.
    #[arg(long = "count", value_enum, default_value_t = CountBy::Answers)]
    pub count: CountBy,

    /// Leave out terms whose weight is below N (table, chart and cloud).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: u64,

    /// Bars in each chart and rows of the group comparison: the N heaviest terms.
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub top: u64,

    /// Words in each cloud (the heaviest).
    #[arg(long, default_value_t = 100, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_words: u64,

    /// The column (or JSON lines field) that identifies a respondent, shown beside each answer
    /// (default: the row number; in long format the respondent column).
    #[arg(long, value_name = "COLUMN")]
    pub id_column: Option<String>,

    /// Answers listed per term (and per group); the rest are counted ("and 1,234 more").
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub kwic_max: usize,

    /// Leave out every raw answer (for publishing): tables, charts and clouds only.
    #[arg(long)]
    pub no_answers: bool,

    /// Language of the page's own text and numbers (not of the answers: see --lang).
    #[arg(long, value_enum, default_value_t = PageLang::De)]
    pub page_lang: PageLang,

    /// The page's title (default: the input file's name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Groups with fewer answering respondents than this are shown with a warning that their
    /// shares are unstable.
    #[arg(long, default_value_t = 30, value_name = "N")]
    pub min_group_n: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PageLang {
    /// German: `17,9 %`, `1.234`.
    De,
    /// English: `17.9%`, `1,234`.
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One answer a line (or blank-line separated).
    Text,
    /// Comma/semicolon/tab/pipe-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// XLSX, XLS or ODS workbook.
    Xlsx,
    /// JSON lines (one object a line).
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Base {
    /// Respondents who answered the question.
    Answered,
    /// All rows (respondents), answered or not.
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    Png,
    Svg,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScaleArg {
    Linear,
    Sqrt,
    Log,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpiralArg {
    Archimedean,
    Rectangular,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorByArg {
    Auto,
    Rank,
    Random,
    Weight,
    Fixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountBy {
    /// Answers (respondents) naming the term; repeats within an answer count once.
    Answers,
    /// Every occurrence.
    Occurrences,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Tab-separated values with a header row.
    Tsv,
    /// Comma-separated values with a header row.
    Csv,
    /// JSON with the base (answers, answered, no_answer) and the terms (term = label, key,
    /// answers, share, occurrences, variants); several questions or groups: an array of such
    /// tables with `question` and `group`.
    Json,
    /// A Markdown table with a line stating the base.
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableLang {
    /// German: `Begriff`, `Befragte`, `Basis: n = 97 Befragte mit Antwort …`.
    De,
    /// English: `term`, `answers`, `Base: n = 97 respondents answered …`.
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    /// Grouping keys of the content terms, space-separated, one line per input line.
    Keys,
    /// Every token with text, byte offsets, kind, key and label, and each answer's question
    /// and group (one JSON object per answer and line). Keys and labels are those of `count`'s
    /// tables: a word starting a sentence has the key its case was decided to over all answers.
    Json,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
