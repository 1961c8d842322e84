//! `cloud --compare`: two groups in one cloud. Every term either group names is drawn once,
//! its size by both groups' count, its colour by which group names it more often relative to
//! its size; terms named at equal rates are drawn in the neutral colour, not left out.

use std::collections::HashMap;

use anyhow::{bail, Result};
use wortwolke_layout::{layout_compare, Diverging, LayoutOptions, WeightedWord};
use wortwolke_text::{FrequencyTable, Weight};

use super::{base_n, output_template, render_layout, report_dropped, Cloud};
use crate::args::{CloudArgs, ImageFormat};
use crate::commands::Outcome;
use crate::output::{self, Lang};
use crate::pipeline::{Counts, GroupRows};

/// One term of the comparison: its label, its counts in the two groups.
#[derive(Debug)]
struct Row {
    label: String,
    counts: [u64; 2],
}

/// The lean of a term named `a` times among `na` and `b` times among `nb`: from -1 (only the
/// first group names it) through 0 (equal shares) to 1 (only the second),
/// `(b/nb − a/na) / (b/nb + a/na)`. Equal shares are exactly 0.
fn lean(a: u64, na: u64, b: u64, nb: u64) -> f64 {
    if u128::from(a) * u128::from(nb) == u128::from(b) * u128::from(na) {
        return 0.0;
    }
    let (pa, pb) = (a as f64 / na.max(1) as f64, b as f64 / nb.max(1) as f64);
    (pb - pa) / (pb + pa)
}

/// The rows of both tables, each term once, heaviest (both groups together) first.
fn rows(tables: [&FrequencyTable; 2], min_count: u64) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (side, table) in tables.iter().enumerate() {
        for term in &table.terms {
            let i = *at.entry(term.key.as_str()).or_insert_with(|| {
                rows.push(Row {
                    label: term.label.clone(),
                    counts: [0, 0],
                });
                rows.len() - 1
            });
            rows[i].counts[side] = term.weight(table.weight);
        }
    }
    rows.retain(|r| r.counts[0] + r.counts[1] >= min_count.max(1));
    rows.sort_by(|a, b| {
        (b.counts[0] + b.counts[1])
            .cmp(&(a.counts[0] + a.counts[1]))
            .then_with(|| a.label.cmp(&b.label))
    });
    rows
}

pub(super) fn run(
    args: &CloudArgs,
    counts: &Counts,
    options: &LayoutOptions,
    format: ImageFormat,
) -> Result<Outcome> {
    // every row of each group: the comparison cuts after joining them
    let table_options = crate::commands::table_options(&args.analysis, args.count, 1, None);
    let all = counts.tables(&table_options, GroupRows::Own);
    let column = args.analysis.group_column().unwrap_or_default();
    let mut names: Vec<&str> = Vec::new();
    for (g, _) in all.iter().flat_map(|t| &t.groups) {
        if !names.contains(&g.as_str()) {
            names.push(g);
        }
    }
    let [a, b] = names.as_slice() else {
        bail!(
            "--compare compares two groups, and column {column} has {} here ({}); choose two: --group {column}=A,B",
            names.len(),
            names.join(", ")
        );
    };
    crate::commands::small_groups(&all, args.min_group_n, args.analysis.quiet);
    let questions: Vec<&crate::pipeline::Tables> = all
        .iter()
        .filter(|t| {
            let both = t.groups.len() == 2;
            if !both {
                crate::note(&format!(
                    "{}: not both groups answered it; no comparison drawn",
                    t.question
                ));
            }
            both
        })
        .collect();
    let placeholders: Vec<Cloud> = questions
        .iter()
        .map(|t| Cloud {
            question: t.question.clone(),
            group: None,
            words: Vec::new(),
            base: None,
            caption: None,
            terms: 0,
            n: None,
        })
        .collect();
    let template = match &args.output {
        Some(p) => p.clone(),
        None => {
            let path = output_template(args, &placeholders.iter().collect::<Vec<_>>(), format);
            let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
            let stem = path.with_extension("");
            let suffix = format!("-{}-{}", output::safe_name(a), output::safe_name(b));
            std::path::PathBuf::from(format!(
                "{}{suffix}.{}",
                stem.display(),
                ext.unwrap_or_default()
            ))
        }
    };
    let targets = output::targets(
        &template,
        questions.iter().map(|t| (t.question.as_str(), None)),
        &args.analysis.inputs,
    )?;
    let mut alt_targets = match &args.alt_text {
        Some(t) => Some(
            output::targets(
                t,
                questions.iter().map(|t| (t.question.as_str(), None)),
                &args.analysis.inputs,
            )?
            .into_iter(),
        ),
        None => None,
    };
    let mut drawn = 0;
    for (tables, path) in questions.into_iter().zip(targets) {
        let alt_path = alt_targets.as_mut().and_then(Iterator::next);
        let [(na_name, ta), (nb_name, tb)] = [&tables.groups[0], &tables.groups[1]];
        let (na, nb) = (base_n(ta), base_n(tb));
        let rows = rows([ta, tb], args.min_count);
        let terms = rows.len();
        let rows: Vec<Row> = rows.into_iter().take(args.max_words).collect();
        if rows.is_empty() {
            crate::note(&format!("{}: nothing to draw", tables.question));
            continue;
        }
        let words: Vec<WeightedWord> = rows
            .iter()
            .map(|r| WeightedWord::new(r.label.clone(), (r.counts[0] + r.counts[1]) as f64))
            .collect();
        let leans: Vec<f64> = rows
            .iter()
            .map(|r| lean(r.counts[0], na, r.counts[1], nb))
            .collect();
        let lang = super::caption_lang(args);
        let sized = match ta.weight {
            Weight::Answers => lang.say(
                "respondents of both groups naming the term",
                "Befragte beider Gruppen, die den Begriff nennen",
            ),
            Weight::Occurrences => {
                lang.say("occurrences in both groups", "Nennungen in beiden Gruppen")
            }
        };
        let mut caption = match lang {
            Lang::En => format!(
                "Base: {na_name} n = {na}, {nb_name} n = {nb}. Word size: {sized}. Colour: which group names the term more often, as a share of its own n, from grey (equal shares) to the group's colour (only that group names it)."
            ),
            Lang::De => format!(
                "Basis: {na_name} n = {na}, {nb_name} n = {nb}. Wortgröße: {sized}. Farbe: welche Gruppe den Begriff häufiger nennt, als Anteil an ihrem n, von Grau (gleiche Anteile) bis zur Farbe der Gruppe (nur diese Gruppe nennt ihn)."
            ),
        };
        let small: Vec<&str> = [(na_name, ta), (nb_name, tb)]
            .into_iter()
            .filter(|(_, t)| t.answered < args.min_group_n)
            .map(|(name, _)| name.as_str())
            .collect();
        if !small.is_empty() {
            caption.push_str(&format!(
                " {}",
                crate::commands::small_group_caption(
                    args.min_group_n,
                    Some(&small.join(lang.say(" and ", " und "))),
                    lang,
                )
            ));
        }
        let compared = lang.say("compared with", "im Vergleich mit");
        let pair = format!("{na_name} {compared} {nb_name}");
        let subject = match tables.question.as_str() {
            "answers" => pair,
            question => format!("{question}: {pair}"),
        };
        let cloud_options = LayoutOptions {
            labels: super::labels(args, None, Some(caption), Some(subject)),
            ..options.clone()
        };
        // the lean of a share three times the other's: (1 - 3) / (1 + 3)
        let legend = [
            (
                format!("{} {na_name} (n = {na})", lang.say("only", "nur")),
                -1.0,
            ),
            (
                format!("{} {na_name}", lang.say("3 × as often in", "3 × so oft in")),
                -0.5,
            ),
            (lang.say("equal shares", "gleiche Anteile").to_owned(), 0.0),
            (
                format!("{} {nb_name}", lang.say("3 × as often in", "3 × so oft in")),
                0.5,
            ),
            (
                format!("{} {nb_name} (n = {nb})", lang.say("only", "nur")),
                1.0,
            ),
        ];
        let cloud = layout_compare(
            &words,
            &leans,
            &Diverging::default(),
            &legend,
            &cloud_options,
        );
        output::write_output(&path, &render_layout(&cloud, format, args.svg_text)?)?;
        if let Some(alt_path) = alt_path {
            let text = wortwolke_layout::render::alt_text(
                &cloud,
                wortwolke_layout::render::DESCRIBED_TERMS,
            );
            output::write_output(&alt_path, text.as_bytes())?;
        }
        drawn += 1;
        report_dropped(
            &path.display().to_string(),
            &cloud,
            words.len(),
            options.min_font,
        );
        if !args.analysis.quiet && path.as_os_str() != "-" {
            let shown = if terms > words.len() {
                format!(
                    " (the top {} of {terms} terms; see --max-words)",
                    words.len()
                )
            } else {
                String::new()
            };
            let equal = leans.iter().filter(|&&t| t == 0.0).count();
            crate::note(&format!(
                "wrote {} with {} words{shown}, {equal} of them named at equal shares (grey)",
                path.display(),
                cloud.words.len()
            ));
        }
    }
    Ok(if drawn == 0 {
        Outcome::Nothing
    } else {
        Outcome::Done
    })
}

#[cfg(test)]
mod tests {
    use super::lean;

    #[test]
    fn lean_is_zero_at_equal_shares_and_signed_by_the_group() {
        assert_eq!(lean(2, 10, 4, 20), 0.0);
        assert_eq!(lean(0, 10, 0, 20), 0.0);
        assert_eq!(lean(3, 10, 0, 20), -1.0);
        assert_eq!(lean(0, 10, 1, 20), 1.0);
        // 40 % against 20 %: (0.2 - 0.4) / 0.6
        assert!((lean(4, 10, 4, 20) + 1.0 / 3.0).abs() < 1e-12);
    }
}
