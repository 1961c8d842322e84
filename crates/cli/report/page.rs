//! The report as a value, and its rendering: one HTML string with its styles, script and data
//! inline. Data reaches the page only through `esc` (HTML) and `script_json` (the embedded JSON).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

use serde_json::{json, Value};
use wortwolke_layout::{Font, Layout};
use wortwolke_text::{Base, FrequencyTable, Keyness, Weight};

use super::chart::{self, Axis, Bar, Frame};
use super::cloud::{self, WordRow};
use super::html::{esc, fill, script_json};
use super::kwic::{Listed, TermAnswers};
use super::locale::Lang;
use super::mask::Masked;

const TEMPLATE: &str = include_str!("page.html");
const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Width of the bar charts in pixels (they shrink with the page).
const CHART_WIDTH: f32 = 760.0;
/// Width of each group's chart.
const GROUP_CHART_WIDTH: f32 = 420.0;
/// Bars per group chart at most.
const GROUP_BARS: usize = 10;
/// Terms the cloud's text alternative names.
const DESCRIBED: usize = 15;

/// Everything the page shows.
#[derive(Debug)]
pub struct Page<'a> {
    pub lang: Lang,
    pub title: String,
    /// The date the page was made, as (year, month, day).
    pub date: (i64, u32, u32),
    pub method: Method,
    /// The `--group` column, if any.
    pub group_column: Option<String>,
    /// Group names; answers and group parts refer to them by index.
    pub groups: Vec<String>,
    /// Whether answer texts are shown (not `--no-answers`).
    pub answers_included: bool,
    /// Bars per chart (`--top`).
    pub top: usize,
    pub min_group_n: u64,
    pub questions: Vec<QuestionPage<'a>>,
}

/// One question's part of the page.
#[derive(Debug)]
pub struct QuestionPage<'a> {
    pub question: &'a str,
    /// Its table: every row of weight `--min-count` or more.
    pub total: &'a FrequencyTable,
    /// Its cloud (`None` with no term to draw).
    pub cloud: Option<Layout>,
    pub groups: Vec<GroupPart<'a>>,
    /// Its answers, in input order (what the hits' indices point into).
    pub answers: Vec<ShownAnswer<'a>>,
    /// For each row of `total`, the answers that name it.
    pub terms: Vec<TermAnswers>,
}

/// An answer as the page may show it.
#[derive(Debug, Clone)]
pub struct ShownAnswer<'a> {
    pub text: &'a str,
    /// The respondent's id (`None`: the row number is shown).
    pub id: Option<&'a str>,
    pub group: Option<usize>,
}

/// One group of a question: its cells for the question's rows, and what distinguishes it.
#[derive(Debug)]
pub struct GroupPart<'a> {
    /// Index into [`Page::groups`].
    pub group: usize,
    pub table: &'a FrequencyTable,
    pub keyness: Vec<Keyness>,
}

/// How the tables were made: what the method caption says.
#[derive(Debug, Clone)]
pub struct Method {
    pub version: &'static str,
    /// The input files as given (`None`: standard input).
    pub inputs: Vec<Option<String>>,
    /// The answers' language code.
    pub language: String,
    pub default_stopwords: bool,
    pub stopword_files: Vec<String>,
    pub codebook: Option<String>,
    pub phrases: Phrases,
    pub stem: bool,
    pub fold_umlauts: bool,
    pub keep_numbers: bool,
    pub keep_negation: bool,
    pub split_list: bool,
    pub min_count: u64,
    /// The cloud: scale name, words at most, canvas, seed.
    pub scale: &'static str,
    pub max_words: usize,
    pub canvas: (u32, u32),
    pub seed: u64,
}

/// Where multi-word terms came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrases {
    None,
    File(String),
    /// Detected, in at least this many answers.
    Auto(u64),
}

/// What a question's group part shows: one selection, read by the HTML and by the data
/// (which carries group counts only for the rows a group's button can ask for).
#[derive(Debug)]
struct GroupView<'q> {
    /// Each group's chart: its own heaviest rows.
    bars: Vec<Vec<Bar<'q>>>,
    /// The question's rows compared side by side: the first this many.
    compared: usize,
    /// Each group's significant terms (at most `--top`), with their rows.
    key: Vec<Vec<(&'q Keyness, Option<usize>)>>,
}

impl<'q> GroupView<'q> {
    fn new(page: &Page, question: &'q QuestionPage) -> Self {
        let row_of: HashMap<&str, usize> = question
            .total
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.key.as_str(), i))
            .collect();
        let bars = question
            .groups
            .iter()
            .map(|part| {
                part.table
                    .terms
                    .iter()
                    .take(page.top.min(GROUP_BARS))
                    .filter_map(|t| {
                        Some(Bar {
                            term: *row_of.get(t.key.as_str())?,
                            label: &t.label,
                            count: t.weight(part.table.weight),
                            answers: t.answers,
                            share: t.share,
                        })
                    })
                    .collect()
            })
            .collect();
        let key = question
            .groups
            .iter()
            .map(|part| {
                part.keyness
                    .iter()
                    .filter(|k| k.significant())
                    .take(page.top)
                    .map(|k| (k, row_of.get(k.key.as_str()).copied()))
                    .collect()
            })
            .collect();
        GroupView {
            bars,
            compared: question.total.terms.len().min(page.top),
            key,
        }
    }

    /// Whether a button of a group asks for row `term`.
    fn asks_for(&self, term: usize) -> bool {
        term < self.compared
            || self.bars.iter().flatten().any(|b| b.term == term)
            || self.key.iter().flatten().any(|(_, t)| *t == Some(term))
    }
}

/// The page as one HTML document.
pub fn render(page: &Page) -> String {
    let font = Font::default();
    let words = page.lang.words();
    let views: Vec<GroupView> = page
        .questions
        .iter()
        .map(|q| GroupView::new(page, q))
        .collect();
    let mut body = String::new();
    header(&mut body, page);
    body.push_str("<main>");
    for (q, question) in page.questions.iter().enumerate() {
        section(&mut body, page, q, question, &views[q], &font);
    }
    body.push_str("</main>");
    let _ = write!(
        body,
        "<footer><p>{}</p></footer>",
        Lang::say(
            words.footer,
            &[
                ("version", page.method.version),
                ("date", &page.lang.date(page.date))
            ]
        )
    );
    let data = script_json(&data(page, &views));
    let nonce = nonce(&body, &data);
    fill(
        TEMPLATE,
        &[
            ("lang", page.lang.code()),
            ("title", &esc(&page.title)),
            ("version", &esc(page.method.version)),
            ("nonce", &nonce),
            ("style", STYLE),
            ("body", &body),
            ("data", &data),
            ("script", SCRIPT),
        ],
    )
}

/// The script's nonce for the Content-Security-Policy: derived from the page's content, so
/// the page stays reproducible and no answer can know it in advance. (Escaping is what keeps
/// answers from running; the policy is the second wall.)
fn nonce(body: &str, data: &str) -> String {
    let mut out = String::new();
    for salt in 0u8..2 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut h);
        body.hash(&mut h);
        data.hash(&mut h);
        let _ = write!(out, "{:016x}", h.finish());
    }
    out
}

fn header(out: &mut String, page: &Page) {
    let words = page.lang.words();
    let _ = write!(out, "<header><h1>{}</h1>", esc(&page.title));
    let _ = write!(
        out,
        "<p class=\"subtitle\">{}</p>",
        Lang::say(
            words.subtitle,
            &[
                ("inputs", &inputs(page)),
                ("n", &page.lang.int(page.questions.len() as u64)),
                ("date", &page.lang.date(page.date)),
                ("version", page.method.version),
            ]
        )
    );
    let privacy = if page.answers_included {
        words.privacy_answers
    } else {
        words.privacy_none
    };
    let _ = write!(
        out,
        "<aside class=\"privacy\" role=\"note\"><p>{privacy}</p></aside>"
    );
    if page.questions.len() > 1 {
        let _ = write!(out, "<nav aria-label=\"{}\"><ol>", esc(words.questions));
        for (q, question) in page.questions.iter().enumerate() {
            let _ = write!(
                out,
                "<li><a href=\"#q{}\">{}</a></li>",
                q + 1,
                esc(question.question)
            );
        }
        out.push_str("</ol></nav>");
    }
    out.push_str("</header>");
}

fn inputs(page: &Page) -> String {
    let names: Vec<&str> = page
        .method
        .inputs
        .iter()
        .map(|i| i.as_deref().unwrap_or(page.lang.words().method_facts.stdin))
        .collect();
    names.join(", ")
}

fn section(
    out: &mut String,
    page: &Page,
    q: usize,
    question: &QuestionPage,
    view: &GroupView,
    font: &Font,
) {
    let lang = page.lang;
    let words = lang.words();
    let id = format!("q{}", q + 1);
    let table = question.total;
    let _ = write!(
        out,
        "<section class=\"question\" id=\"{id}\" data-q=\"{q}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{}</h2>",
        esc(question.question)
    );
    let _ = write!(out, "<p class=\"base\">{}</p>", base_sentence(table, lang));
    if table.terms.is_empty() {
        let _ = write!(
            out,
            "<p class=\"empty\">{}</p>",
            Lang::say(
                words.nothing,
                &[
                    ("answers", &lang.int(table.answers)),
                    ("none", &lang.int(table.no_answer))
                ]
            )
        );
        method(out, page);
        out.push_str("</section>");
        return;
    }
    if page.answers_included {
        let _ = write!(out, "<p class=\"hint\">{}</p>", esc(words.hint));
    }
    if let Some(layout) = &question.cloud {
        cloud_figure(out, page, &id, question, layout);
    }
    // the top bars
    let bars: Vec<Bar> = table
        .terms
        .iter()
        .enumerate()
        .take(page.top)
        .map(|(i, t)| Bar {
            term: i,
            label: &t.label,
            count: t.weight(table.weight),
            answers: t.answers,
            share: t.share,
        })
        .collect();
    let frame = Frame {
        width: CHART_WIDTH,
        label_width: chart::label_width(font, bars.iter().map(|b| b.label), 300.0),
        axis: Axis::Count(bars.first().map_or(1, |b| b.count)),
        axis_title: if table.weight == Weight::Answers {
            words.chart_axis_count
        } else {
            words.col_occurrences
        },
        group: None,
    };
    let list: Vec<String> = bars
        .iter()
        .map(|b| format!("{} {}", b.label, b.value(lang)))
        .collect();
    let _ = write!(
        out,
        "<h3>{}</h3><figure class=\"chart-figure\">{}<figcaption id=\"{id}-chart-alt\">{}</figcaption></figure>",
        esc(words.chart),
        chart::svg(&bars, &frame, lang, font, &format!("{id}-chart-alt")),
        Lang::say(
            words.chart_alt,
            &[
                ("n", &lang.int(bars.len() as u64)),
                ("list", &list.join(", "))
            ]
        )
    );
    // the answers of the term chosen
    let _ = write!(
        out,
        "<div class=\"answers\" id=\"{id}-answers\" tabindex=\"-1\" role=\"region\" aria-label=\"{}\" hidden></div>",
        esc(words.answers_panel)
    );
    terms_table(out, page, &id, question);
    if !question.groups.is_empty() {
        groups(out, page, &id, question, view, font);
    }
    method(out, page);
    out.push_str("</section>");
}

fn cloud_figure(out: &mut String, page: &Page, id: &str, question: &QuestionPage, layout: &Layout) {
    let lang = page.lang;
    let words = lang.words();
    let table = question.total;
    // each placed word's row: by label and weight (labels are one per term in a run)
    let mut used = vec![false; table.terms.len()];
    let rows: Vec<WordRow> = layout
        .words
        .iter()
        .map(|w| {
            let term = table
                .terms
                .iter()
                .enumerate()
                .position(|(i, t)| {
                    !used[i] && t.label == w.text && t.weight(table.weight) as f64 == w.weight
                })
                .unwrap_or(0);
            used[term] = true;
            WordRow {
                term,
                answers: table.terms[term].answers,
                share: table.terms[term].share,
            }
        })
        .collect();
    let named: Vec<String> = layout
        .words
        .iter()
        .take(DESCRIBED)
        .map(|w| format!("{} ({})", w.text, lang.int(w.weight.round() as u64)))
        .collect();
    let mut alt = Lang::say(
        words.cloud_alt,
        &[
            ("n", &lang.int(layout.words.len() as u64)),
            ("list", &named.join(", ")),
        ],
    );
    let no_room = layout
        .dropped
        .iter()
        .filter(|w| w.reason == wortwolke_layout::DropReason::DoesNotFit);
    if no_room.clone().next().is_some() {
        let dropped: Vec<String> = no_room
            .map(|w| format!("{} ({})", w.text, lang.int(w.weight.round() as u64)))
            .collect();
        alt.push_str(&Lang::say(
            words.cloud_dropped,
            &[
                ("n", &lang.int(dropped.len() as u64)),
                ("list", &dropped.join(", ")),
            ],
        ));
    }
    let _ = write!(
        out,
        "<h3>{}</h3><figure class=\"cloud-figure\">{}<figcaption id=\"{id}-cloud-alt\">{alt}</figcaption></figure>",
        esc(words.cloud),
        cloud::svg(layout, &rows, lang, &format!("{id}-cloud-alt"))
    );
}

fn terms_table(out: &mut String, page: &Page, id: &str, question: &QuestionPage) {
    let lang = page.lang;
    let words = lang.words();
    let table = question.total;
    let _ = write!(
        out,
        "<h3 id=\"{id}-table-h\">{}</h3><div class=\"tools\"><label>{} <input type=\"search\" class=\"filter\" autocomplete=\"off\"></label> <span class=\"count\" aria-live=\"polite\"></span></div>",
        esc(words.table),
        esc(words.filter)
    );
    let _ = write!(
        out,
        "<div class=\"scroll\"><table class=\"terms\"><caption>{}</caption><thead><tr>",
        Lang::say(
            words.table_caption,
            &[
                ("n", &lang.int(table.terms.len() as u64)),
                ("question", question.question)
            ]
        )
    );
    for (key, name, numeric) in [
        ("label", words.col_term, false),
        ("answers", words.col_answers, true),
        ("share", words.col_share, true),
        ("occurrences", words.col_occurrences, true),
        ("variants", words.col_variants, false),
    ] {
        let class = if numeric { " class=\"num\"" } else { "" };
        let _ = write!(
            out,
            "<th scope=\"col\"{class} data-sort=\"{key}\"><button type=\"button\" class=\"sort\">{}</button></th>",
            esc(name)
        );
    }
    out.push_str("</tr></thead><tbody>");
    for term in &table.terms {
        // a term only ever written as its label has no other spelling to show
        let variants: Vec<String> = match term.variants.as_slice() {
            [only] if only.form == term.label => Vec::new(),
            all => all
                .iter()
                .map(|v| format!("{} ({})", v.form, lang.int(v.count)))
                .collect(),
        };
        let _ = write!(
            out,
            // lean markup, for a table may have thousands of rows: end tags HTML implies left
            // out, cells aligned by column in CSS, the row's index (`data-t`) set by the script
            "<tr><th><button class=\"term\">{}</button><td>{}<td>{}<td>{}<td>{}",
            esc(&term.label),
            lang.int(term.answers),
            lang.pct(term.share),
            lang.int(term.occurrences),
            esc(&variants.join(", "))
        );
    }
    out.push_str("</tbody></table></div>");
}

fn groups(
    out: &mut String,
    page: &Page,
    id: &str,
    question: &QuestionPage,
    view: &GroupView,
    font: &Font,
) {
    let lang = page.lang;
    let words = lang.words();
    let total = question.total;
    let name = |g: usize| page.groups[g].as_str();
    let _ = write!(
        out,
        "<section class=\"groups\" aria-labelledby=\"{id}-groups-h\"><h3 id=\"{id}-groups-h\">{}</h3><ul class=\"group-n\">",
        Lang::say(
            words.groups,
            &[("column", page.group_column.as_deref().unwrap_or(""))]
        )
    );
    for part in &question.groups {
        let n = part.table.answered;
        let _ = write!(
            out,
            "<li><strong>{}</strong>: {}",
            esc(name(part.group)),
            Lang::say(words.group_n, &[("n", &lang.int(n))])
        );
        if n < page.min_group_n {
            let _ = write!(
                out,
                " <span class=\"warn\">⚠ {}</span>",
                Lang::say(
                    words.small_group,
                    &[("n", &lang.int(n)), ("min", &lang.int(page.min_group_n))]
                )
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    // small multiples on one scale: the groups' own heaviest rows, by share
    let bars = &view.bars;
    let max = bars.iter().flatten().map(|b| b.share).fold(0.0, f64::max);
    let label_width = chart::label_width(
        font,
        bars.iter().flatten().map(|b| b.label),
        GROUP_CHART_WIDTH * 0.42,
    );
    let _ = write!(
        out,
        "<h4>{}</h4><p class=\"note\">{}</p><div class=\"multiples\">",
        esc(words.multiples),
        esc(words.multiples_note)
    );
    for (part, bars) in question.groups.iter().zip(bars) {
        let frame = Frame {
            width: GROUP_CHART_WIDTH,
            label_width,
            axis: Axis::Share(max),
            axis_title: words.chart_axis_share,
            group: Some(part.group),
        };
        let alt_id = format!("{id}-g{}-alt", part.group);
        let list: Vec<String> = bars
            .iter()
            .map(|b| format!("{} {}", b.label, b.value(lang)))
            .collect();
        let _ = write!(
            out,
            "<figure class=\"group-chart\"><figcaption><strong>{}</strong> ({})<span class=\"sr-only\" id=\"{alt_id}\">: {}</span></figcaption>{}</figure>",
            esc(name(part.group)),
            Lang::say(words.group_n, &[("n", &lang.int(part.table.answered))]),
            esc(&list.join(", ")),
            chart::svg(bars, &frame, lang, font, &alt_id)
        );
    }
    out.push_str("</div>");
    // the question's heaviest rows side by side
    let cells: Vec<std::collections::HashMap<&str, &wortwolke_text::Term>> = question
        .groups
        .iter()
        .map(|p| p.table.terms.iter().map(|t| (t.key.as_str(), t)).collect())
        .collect();
    let rows = view.compared;
    let _ = write!(
        out,
        "<h4>{}</h4><div class=\"scroll\"><table class=\"compare\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}<br><small>{}</small></th>",
        Lang::say(words.compare, &[("n", &lang.int(rows as u64))]),
        esc(words.col_term),
        esc(words.total),
        Lang::say(words.group_n, &[("n", &lang.int(total.answered))])
    );
    for part in &question.groups {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"num\">{}<br><small>{}</small></th>",
            esc(name(part.group)),
            Lang::say(words.group_n, &[("n", &lang.int(part.table.answered))])
        );
    }
    out.push_str("</tr></thead><tbody>");
    for (i, term) in total.terms.iter().take(rows).enumerate() {
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><button type=\"button\" class=\"term\" data-t=\"{i}\">{}</button></th><td class=\"num\">{} ({})</td>",
            esc(&term.label),
            lang.int(term.answers),
            lang.pct(term.share)
        );
        for (part, cells) in question.groups.iter().zip(&cells) {
            let (n, share) = cells
                .get(term.key.as_str())
                .map_or((0, 0.0), |t| (t.answers, t.share));
            let _ = write!(
                out,
                "<td class=\"num\"><button type=\"button\" class=\"term cell\" data-t=\"{i}\" data-g=\"{}\">{} ({})</button></td>",
                part.group,
                lang.int(n),
                lang.pct(share)
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    keyness(out, page, question, view);
    out.push_str("</section>");
}

fn keyness(out: &mut String, page: &Page, question: &QuestionPage, view: &GroupView) {
    let lang = page.lang;
    let words = lang.words();
    let _ = write!(out, "<h4>{}</h4>", esc(words.keyness));
    for (part, significant) in question.groups.iter().zip(&view.key) {
        let _ = write!(out, "<h5>{}</h5>", esc(&page.groups[part.group]));
        if significant.is_empty() {
            let _ = write!(out, "<p class=\"note\">{}</p>", esc(words.keyness_none));
            continue;
        }
        out.push_str("<div class=\"scroll\"><table class=\"keyness\"><thead><tr>");
        for (i, col) in words.keyness_cols.iter().enumerate() {
            let class = if i >= 2 { " class=\"num\"" } else { "" };
            let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", esc(col));
        }
        out.push_str("</tr></thead><tbody>");
        let mut flagged = false;
        for &(k, row) in significant {
            let direction = if k.log_ratio >= 0.0 {
                words.more
            } else {
                words.less
            };
            let term = match row {
                Some(t) => format!(
                    "<button type=\"button\" class=\"term\" data-t=\"{t}\" data-g=\"{}\">{}</button>",
                    part.group,
                    esc(&k.label)
                ),
                None => esc(&k.label),
            };
            // a dagger, not a star: a star next to p reads as "significant"
            let flag = if k.low_expected {
                flagged = true;
                format!(" <span class=\"warn\" title=\"{0}\" aria-hidden=\"true\">†</span><span class=\"sr-only\">{0}</span>", esc(words.low_expected))
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{term}</th><td>{}</td><td class=\"num\">{} ({})</td><td class=\"num\">{} ({})</td><td class=\"num\">{}</td><td class=\"num\">{}{flag}</td><td class=\"num\">{}</td></tr>",
                esc(direction),
                lang.int(k.group_answers),
                lang.pct(k.group_share),
                lang.int(k.rest_answers),
                lang.pct(k.rest_share),
                lang.num(k.g2, 2),
                if k.p < 0.0001 { format!("< {}", lang.num(0.0001, 4)) } else { lang.num(k.p, 4) },
                lang.num(k.log_ratio, 2)
            );
        }
        out.push_str("</tbody></table></div>");
        if flagged {
            // said on the page, not only on hover: it must survive print
            let _ = write!(
                out,
                "<p class=\"note\" aria-hidden=\"true\">† {}</p>",
                esc(words.low_expected)
            );
        }
    }
    let _ = write!(out, "<p class=\"note\">{}</p>", esc(words.keyness_method));
}

/// The sentence stating a table's base, in the page's language.
fn base_sentence(table: &FrequencyTable, lang: Lang) -> String {
    let words = lang.words();
    let values = [
        ("answered", lang.int(table.answered)),
        ("none", lang.int(table.no_answer)),
        ("answers", lang.int(table.answers)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (base, share) = match table.base {
        Base::Answered => (words.base_answered, words.share_answered),
        Base::All => (words.base_all, words.share_all),
    };
    let counted = match table.weight {
        Weight::Answers => words.counted_answers,
        Weight::Occurrences => words.counted_occurrences,
    };
    format!(
        "{} {}; {}",
        Lang::say(base, &values),
        esc(counted),
        esc(share)
    )
}

/// The method caption.
fn method(out: &mut String, page: &Page) {
    let lang = page.lang;
    let words = lang.words();
    let m = &page.method;
    let f = &words.method_facts;
    let mut parts: Vec<String> = Vec::new();
    let date = lang.date(page.date);
    let head = Lang::say(
        f.head,
        &[
            ("version", m.version),
            ("inputs", &inputs(page)),
            ("date", &date),
        ],
    );
    let files = m.stopword_files.join(", ");
    parts.push(match (m.default_stopwords, m.stopword_files.is_empty()) {
        (true, true) => Lang::say(f.stopwords_builtin, &[("lang", &m.language)]),
        (true, false) => format!(
            "{} + {}",
            Lang::say(f.stopwords_builtin, &[("lang", &m.language)]),
            esc(&files)
        ),
        (false, false) => Lang::say(f.stopwords_files, &[("files", &files)]),
        (false, true) => esc(f.stopwords_none),
    });
    parts.push(match &m.codebook {
        Some(file) => Lang::say(f.codebook, &[("file", file)]),
        None => esc(f.codebook_none),
    });
    parts.push(match &m.phrases {
        Phrases::File(file) => Lang::say(f.phrases_file, &[("file", file)]),
        Phrases::Auto(n) => Lang::say(f.phrases_auto, &[("n", &lang.int(*n))]),
        Phrases::None => esc(f.phrases_none),
    });
    parts.push(if m.stem {
        Lang::say(f.stem, &[("lang", &m.language)])
    } else {
        esc(f.no_stem)
    });
    for (on, text) in [
        (m.fold_umlauts, f.fold_umlauts),
        (m.keep_numbers, f.keep_numbers),
        (m.keep_negation, f.keep_negation),
        (m.split_list, f.split_list),
    ] {
        if on {
            parts.push(esc(text));
        }
    }
    if m.min_count > 1 {
        parts.push(Lang::say(f.min_count, &[("n", &lang.int(m.min_count))]));
    }
    let cloud = Lang::say(
        f.cloud,
        &[
            ("scale", m.scale),
            ("words", &lang.int(m.max_words as u64)),
            ("width", &lang.int(u64::from(m.canvas.0))),
            ("height", &lang.int(u64::from(m.canvas.1))),
            ("seed", &m.seed.to_string()),
        ],
    );
    let _ = write!(
        out,
        "<p class=\"caption\"><strong>{}:</strong> {head} {} {}. {cloud}</p>",
        esc(words.method),
        esc(f.respondent),
        capitalise(&parts.join("; "))
    );
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What each row of a question's `terms` holds: its label, respondents and occurrences (as
/// `count --format json` has them), the answers listed (`[answer, start, end, …]`: an index
/// into `shown`, the highlights as UTF-16 ranges; `null` without answers), and per group
/// `[group, respondents]`, with the group's own list when the row's list was cut.
const TERM_COLUMNS: [&str; 5] = ["term", "answers", "occurrences", "hits", "groups"];

/// The data the script reads: per question its rows (the counts of `count --format json`) and
/// the answers behind them, as text with the matched spellings' UTF-16 ranges.
fn data(page: &Page, views: &[GroupView]) -> Value {
    let words = page.lang.words();
    let ui: serde_json::Map<String, Value> = words
        .ui
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
        .collect();
    let questions: Vec<Value> = page
        .questions
        .iter()
        .zip(views)
        .map(|(q, view)| question_data(page, q, view))
        .collect();
    json!({
        "term_columns": TERM_COLUMNS,
        "lang": page.lang.code(),
        "answers_included": page.answers_included,
        "groups": page.groups,
        "ui": ui,
        "questions": questions,
    })
}

fn question_data(page: &Page, question: &QuestionPage, view: &GroupView) -> Value {
    let words = page.lang.words();
    // the answers some list shows, each once, numbered in input order
    let mut shown: BTreeMap<usize, usize> = BTreeMap::new();
    if page.answers_included {
        for term in &question.terms {
            let lists = std::iter::once(&term.all).chain(
                term.groups
                    .iter()
                    .filter(|_| !term.all.complete())
                    .map(|(_, l)| l),
            );
            for listed in lists {
                for hit in &listed.hits {
                    shown.insert(hit.answer, 0);
                }
            }
        }
        for (n, slot) in shown.values_mut().enumerate() {
            *slot = n;
        }
    }
    let masked: BTreeMap<usize, Masked> = shown
        .keys()
        .map(|&a| {
            (
                a,
                Masked::new(question.answers[a].text, words.mask_email, words.mask_phone),
            )
        })
        .collect();
    let answers: Vec<Value> = shown
        .keys()
        .map(|&a| {
            let answer = &question.answers[a];
            json!([
                answer
                    .id
                    .map_or_else(|| Value::from(a as u64 + 1), Value::from),
                answer.group,
                masked[&a].text(),
            ])
        })
        .collect();
    let hits = |listed: &Listed| -> Value {
        listed
            .hits
            .iter()
            .map(|hit| {
                let m = &masked[&hit.answer];
                let mut entry = vec![Value::from(shown[&hit.answer])];
                for range in &hit.marks {
                    if let Some((s, e)) = m.utf16(range) {
                        entry.push(Value::from(s));
                        entry.push(Value::from(e));
                    }
                }
                Value::from(entry)
            })
            .collect()
    };
    let terms: Vec<Value> = question
        .total
        .terms
        .iter()
        .zip(&question.terms)
        .enumerate()
        .map(|(row, (term, found))| {
            // one array per row, its columns named by `term_columns` (a table may have
            // thousands of rows); `found.all.named` equals `term.answers` (the command checks)
            let groups: Value = if found.groups.is_empty() || !view.asks_for(row) {
                Value::Null
            } else {
                let complete = found.all.complete();
                found
                    .groups
                    .iter()
                    .map(|(g, listed)| {
                        if page.answers_included && !complete {
                            json!([g, listed.named, hits(listed)])
                        } else {
                            json!([g, listed.named])
                        }
                    })
                    .collect()
            };
            let listed = if page.answers_included {
                hits(&found.all)
            } else {
                Value::Null
            };
            json!([term.label, term.answers, term.occurrences, listed, groups])
        })
        .collect();
    let groups: Vec<Value> = question
        .groups
        .iter()
        .map(|p| {
            json!({
                "group": page.groups[p.group],
                "answers": p.table.answers,
                "answered": p.table.answered,
                "no_answer": p.table.no_answer,
            })
        })
        .collect();
    json!({
        "question": question.question,
        "answers": question.total.answers,
        "answered": question.total.answered,
        "no_answer": question.total.no_answer,
        "terms": terms,
        "groups": groups,
        "shown": answers,
    })
}
