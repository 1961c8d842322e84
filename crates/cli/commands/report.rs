//! `wortwolke report`: one self-contained HTML page per survey — per question the cloud, a bar
//! chart, the table, the base, the method and the answers behind every term; groups side by side.

use anyhow::{anyhow, Result};
use wortwolke_layout::{layout, LayoutOptions, WeightedWord};

use super::Outcome;
use crate::args::{PageLang, ReportArgs};
use crate::pipeline::{group_name, GroupRows};
use crate::report::{self, AnswerIn, GroupPart, Lang, Method, Page, Phrases, QuestionPage};
use crate::{input, output};

pub fn run(args: ReportArgs) -> Result<Outcome> {
    let analysis = &args.analysis;
    if analysis.chosen_groups().is_some() {
        anyhow::bail!(
            "--group {}: choosing groups is for count and cloud; the report shows every group of --group COLUMN",
            analysis.group.as_deref().unwrap_or_default()
        );
    }
    let target = output::targets(&args.output, [("report", None)], &analysis.inputs)?.remove(0);
    let date = today()?;
    let options = super::table_options(analysis, args.count, args.min_count, None);
    let survey = input::read_survey_with_ids(analysis, args.id_column.as_deref())?;
    let counts = crate::pipeline::count_survey(analysis, &survey)?;
    let all = counts.tables(&options, GroupRows::OfTotal);
    if all.iter().all(|t| t.total.terms.is_empty()) {
        let (answers, none) = all.iter().fold((0, 0), |(a, n), t| {
            (a + t.total.answers, n + t.total.no_answer)
        });
        crate::note(&format!(
            "nothing to report: {answers} answers ({none} without answer) and no term left; check the input, --stopwords and --min-count"
        ));
        return Ok(Outcome::Nothing);
    }
    // groups in order of first appearance, as the counting pipeline numbers them
    let mut groups: Vec<String> = Vec::new();
    let mut group_of = |raw: &str| -> usize {
        let name = group_name(raw);
        match groups.iter().position(|g| g == name) {
            Some(i) => i,
            None => {
                groups.push(name.to_owned());
                groups.len() - 1
            }
        }
    };
    let mut answer_groups: Vec<Vec<Option<usize>>> = Vec::new();
    for question in &survey.questions {
        answer_groups.push(
            question
                .answers
                .iter()
                .map(|a| a.group.as_deref().map(&mut group_of))
                .collect(),
        );
    }
    let lang = match args.page_lang {
        PageLang::De => Lang::De,
        PageLang::En => Lang::En,
    };
    let max_words = usize::try_from(args.max_words).unwrap_or(usize::MAX);
    // the answers behind the terms, the cloud and the keyness of each question, on all cores;
    // cores left over (fewer questions than cores) go to the fill search of each cloud
    let cores = analysis.threads();
    let threads = cores.min(all.len());
    let layout_options = LayoutOptions {
        threads: (cores / threads.max(1)).max(1),
        ..LayoutOptions::default()
    };
    let work = |q: usize| -> Worked {
        let (tables, question) = (&all[q], &survey.questions[q]);
        let answers: Vec<AnswerIn> = question
            .answers
            .iter()
            .zip(&answer_groups[q])
            .map(|(a, &group)| AnswerIn {
                text: &a.text,
                group,
            })
            .collect();
        let terms = report::collect(
            &counts.analyzer,
            &counts.counted,
            &answers,
            &tables.total,
            args.kwic_max,
        );
        let words = WeightedWord::from_weights(tables.total.weights().take(max_words));
        let cloud = (!words.is_empty()).then(|| layout(&words, &layout_options));
        let keyness = tables
            .groups
            .iter()
            .map(|(_, table)| wortwolke_text::keyness(table, &tables.total))
            .collect();
        Worked {
            terms,
            cloud,
            keyness,
        }
    };
    // each thread takes the next question until none is left
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Worked)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let q = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if q >= all.len() {
                            return done;
                        }
                        done.push((q, work(q)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join())
            .collect::<Result<_, _>>()
    })
    .map_err(|_| anyhow!("a report thread failed; please report this as a bug"))?;
    let mut done: Vec<(usize, Worked)> = done.into_iter().flatten().collect();
    done.sort_by_key(|(q, _)| *q);
    let mut questions = Vec::with_capacity(all.len());
    for (q, worked) in done {
        let (tables, question) = (&all[q], &survey.questions[q]);
        // the answers listed are the answers counted
        if let Some((term, found)) = tables
            .total
            .terms
            .iter()
            .zip(&worked.terms)
            .find(|(term, found)| found.all.named != term.answers)
        {
            return Err(anyhow!(
                "{}: `{}` is counted in {} answers but found in {}; please report this as a bug",
                tables.question,
                term.label,
                term.answers,
                found.all.named
            ));
        }
        let parts = tables
            .groups
            .iter()
            .zip(worked.keyness)
            .map(|((name, table), keyness)| GroupPart {
                group: groups.iter().position(|g| g == name).unwrap_or(0),
                table,
                keyness,
            })
            .collect();
        questions.push(QuestionPage {
            question: &tables.question,
            total: &tables.total,
            cloud: worked.cloud,
            groups: parts,
            answers: question
                .answers
                .iter()
                .zip(&answer_groups[q])
                .map(|(a, &group)| report::ShownAnswer {
                    text: &a.text,
                    id: a.id.as_deref(),
                    group,
                })
                .collect(),
            terms: worked.terms,
        });
    }
    let inputs: Vec<Option<String>> = if analysis.inputs.is_empty() {
        vec![None]
    } else {
        analysis
            .inputs
            .iter()
            .map(|p| (p.as_os_str() != "-").then(|| p.display().to_string()))
            .collect()
    };
    let title = args.title.clone().unwrap_or_else(|| {
        let names: Vec<String> = analysis
            .inputs
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        match names.is_empty() {
            true => lang.words().default_title.to_owned(),
            false => format!("{}: {}", lang.words().default_title, names.join(", ")),
        }
    });
    let page = Page {
        lang,
        title,
        date,
        method: method(&args, inputs, &layout_options, max_words),
        group_column: analysis.group_column().map(str::to_owned),
        groups,
        answers_included: !args.no_answers,
        top: usize::try_from(args.top).unwrap_or(usize::MAX),
        min_group_n: args.min_group_n,
        questions,
    };
    let html = report::render(&page);
    output::write_output(&target, html.as_bytes())?;
    if !analysis.quiet && target.as_os_str() != "-" {
        let respondents = survey
            .questions
            .iter()
            .map(|q| q.answers.len())
            .max()
            .unwrap_or(0);
        let questions = page.questions.len();
        crate::note(&format!(
            "wrote {} ({} KB: {questions} question{}, {respondents} respondents{})",
            target.display(),
            html.len().div_ceil(1024),
            if questions == 1 { "" } else { "s" },
            if args.no_answers {
                ", no answer texts"
            } else {
                "; it holds answers as written: check before passing it on, or use --no-answers"
            }
        ));
    }
    Ok(Outcome::Done)
}

/// What one question's work found: the answers behind each row, the cloud, each group's
/// keyness.
struct Worked {
    terms: Vec<report::TermAnswers>,
    cloud: Option<wortwolke_layout::Layout>,
    keyness: Vec<Vec<wortwolke_text::Keyness>>,
}

/// What the method caption says, from the flags.
fn method(
    args: &ReportArgs,
    inputs: Vec<Option<String>>,
    layout: &LayoutOptions,
    max_words: usize,
) -> Method {
    let a = &args.analysis;
    let name = |p: &std::path::PathBuf| p.display().to_string();
    Method {
        version: env!("CARGO_PKG_VERSION"),
        inputs,
        language: a.lang.clone(),
        default_stopwords: !a.no_default_stopwords,
        stopword_files: a.stopwords.iter().map(name).collect(),
        codebook: a.synonyms.as_ref().map(name),
        phrases: match &a.phrases {
            Some(p) if p.as_os_str() == "auto" => Phrases::Auto(a.phrase_min_answers),
            Some(p) => Phrases::File(name(p)),
            None => Phrases::None,
        },
        stem: !a.no_stem,
        fold_umlauts: a.fold_umlauts,
        keep_numbers: a.keep_numbers,
        keep_negation: a.keep_negation,
        split_list: a.split_list.is_some(),
        min_count: args.min_count,
        scale: match layout.scale {
            wortwolke_layout::Scale::Linear => "linear",
            wortwolke_layout::Scale::Sqrt => "sqrt",
            wortwolke_layout::Scale::Log => "log",
        },
        max_words,
        canvas: (layout.width, layout.height),
        seed: layout.seed,
    }
}

/// Today's date (UTC), or the one `SOURCE_DATE_EPOCH` names (for reproducible pages).
fn today() -> Result<(i64, u32, u32)> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<i64>().map_err(|_| {
            anyhow!("SOURCE_DATE_EPOCH: `{v}` is not a number of seconds since 1970; unset it or fix it")
        })?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    Ok(civil(seconds.div_euclid(86_400)))
}

/// The calendar date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn calendar_dates() {
        assert_eq!(super::civil(0), (1970, 1, 1));
        assert_eq!(super::civil(19_845), (2024, 5, 2));
        assert_eq!(super::civil(11_016), (2000, 2, 29));
        assert_eq!(super::civil(-1), (1969, 12, 31));
    }
}
