//! `wortwolke cloud`: answers (or a frequency table) → layout → PNG, SVG or JSON; with groups,
//! all clouds of a question on one scale (or in the same places, or in one grid image), or two
//! groups in one comparison cloud (`compare.rs`).

mod compare;

use std::path::PathBuf;

use anyhow::{bail, Result};
use wortwolke_layout::{
    layout, layout_same_positions, layout_shared, render, Cells, DropReason, DroppedWord, Grid,
    GroupCloud, Labels, Layout, LayoutOptions, WeightedWord, Wording,
};

use super::Outcome;
use crate::args::{CloudArgs, ImageFormat};
use crate::pipeline::GroupRows;
use crate::{config, input, output};

/// One cloud to draw.
#[derive(Debug)]
struct Cloud {
    question: String,
    /// `None`: all respondents.
    group: Option<String>,
    /// The top of the terms, heaviest first.
    words: Vec<WeightedWord>,
    /// The sentence stating the base (none for a ready frequency table).
    base: Option<String>,
    /// The default caption: the base and what the sizes count.
    caption: Option<String>,
    /// Terms counted: `words` are the top of them.
    terms: usize,
    /// The base n of the shares, and the respondents who answered (none for a frequency table).
    n: Option<(u64, u64)>,
}

pub fn run(args: CloudArgs) -> Result<Outcome> {
    let options = config::layout_options(&args)?;
    let format = image_format(&args)?;
    if args.svg_text && format != ImageFormat::Svg {
        bail!("--svg-text is for SVG output; end the file name in .svg or pass --format svg");
    }
    if args.frequencies && (args.grid || args.compare || args.same_positions) {
        bail!("--grid, --same-positions and --compare compare groups of answers; read answers with --group instead of --frequencies");
    }
    let mut sets: Vec<Vec<Cloud>> = Vec::new();
    if args.frequencies {
        let mut words: Vec<WeightedWord> = input::read_frequencies(
            &args.analysis.inputs,
            args.analysis.encoding.as_deref(),
            args.analysis.quiet,
        )?
        .into_iter()
        .filter(|(_, c)| *c >= args.min_count as f64 && *c > 0.0)
        .map(|(t, c)| WeightedWord::new(t, c))
        .collect();
        words.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| a.text.cmp(&b.text))
        });
        if args.caption.is_none() && !args.analysis.quiet {
            // a cloud without its base is a cloud an analyst cannot read
            crate::note(
                "a frequency table gives no base to caption the cloud with; state it with --caption 'Basis: n = … Befragte …'",
            );
        }
        sets.push(vec![Cloud {
            question: "frequencies".into(),
            group: None,
            terms: words.len(),
            words,
            base: None,
            caption: None,
            n: None,
        }]);
    } else {
        let counts = crate::pipeline::count(&args.analysis)?;
        if args.compare {
            return compare::run(&args, &counts, &options, format);
        }
        let table_options = super::table_options(
            &args.analysis,
            args.count,
            args.min_count,
            Some(args.max_words),
        );
        let lang = caption_lang(&args);
        let all = counts.tables(&table_options, GroupRows::Own);
        super::small_groups(&all, args.min_group_n, args.analysis.quiet);
        for tables in &all {
            let cloud = |group: Option<&String>, table: &wortwolke_text::FrequencyTable| Cloud {
                question: tables.question.clone(),
                group: group.cloned(),
                words: WeightedWord::from_weights(table.weights()),
                base: Some(output::base_sentence_in(table, lang)),
                caption: Some(output::cloud_caption(table, lang)),
                terms: table.distinct,
                n: Some((base_n(table), table.answered)),
            };
            let mut set = vec![cloud(None, &tables.total)];
            for (group, table) in &tables.groups {
                set.push(cloud(Some(group), table));
            }
            sets.push(set);
        }
    }
    let has_groups = sets.iter().any(|s| s.len() > 1);
    if !has_groups && (args.grid || args.same_positions || args.scale_per_group) {
        bail!("--grid, --same-positions and --scale-per-group need groups: pass --group COLUMN");
    }
    for set in &mut sets {
        for cloud in set.iter_mut() {
            cloud.words.truncate(args.max_words);
        }
    }
    if args.grid {
        return grid(&args, &sets, &options, format);
    }
    let clouds: Vec<&Cloud> = sets.iter().flatten().collect();
    let template = output_template(&args, &clouds, format);
    let targets = output::targets(
        &template,
        clouds
            .iter()
            .map(|c| (c.question.as_str(), c.group.as_deref())),
        &args.analysis.inputs,
    )?;
    if targets.len() > 1 && targets.iter().any(|t| t.as_os_str() == "-") {
        anyhow::bail!(
            "-o - can take one cloud only; write files with {{question}} and {{group}} in -o"
        );
    }
    let mut alt_targets = match &args.alt_text {
        Some(template) => Some(
            output::targets(
                template,
                clouds
                    .iter()
                    .map(|c| (c.question.as_str(), c.group.as_deref())),
                &args.analysis.inputs,
            )?
            .into_iter(),
        ),
        None => None,
    };
    let layouts: Vec<Layout> = sets
        .iter()
        .flat_map(|set| {
            let options: Vec<LayoutOptions> = set
                .iter()
                .map(|c| cloud_options(&args, &options, c, set.len() > 1))
                .collect();
            lay_out(&args, set, &options)
        })
        .collect();
    let mut drawn = 0;
    let several = targets.len() > 1;
    // with one cloud, the closing "nothing to draw" names its base (all no-answers?)
    let only_base = match clouds.as_slice() {
        [only] => only.base.clone(),
        _ => None,
    };
    for ((cloud, path), layout) in clouds.into_iter().zip(targets).zip(layouts) {
        let alt_path = alt_targets.as_mut().and_then(Iterator::next);
        if cloud.words.is_empty() {
            // with one cloud, the closing "nothing to draw" says it all
            if several {
                crate::note(&format!(
                    "{}: nothing to draw (no term left after stop words and --min-count)",
                    cloud.what()
                ));
            }
            continue;
        }
        output::write_output(&path, &render_layout(&layout, format, args.svg_text)?)?;
        if let Some(alt_path) = alt_path {
            let text = render::alt_text(&layout, render::DESCRIBED_TERMS);
            output::write_output(&alt_path, text.as_bytes())?;
        }
        drawn += 1;
        report_dropped(
            &path.display().to_string(),
            &layout,
            cloud.words.len(),
            options.min_font,
        );
        if !args.analysis.quiet {
            let total = cloud.terms;
            let shown = if total > cloud.words.len() {
                format!(
                    " (the top {} of {total} terms; see --max-words)",
                    cloud.words.len()
                )
            } else {
                String::new()
            };
            if path.as_os_str() != "-" {
                crate::note(&format!(
                    "wrote {} with {} words{shown}",
                    path.display(),
                    layout.words.len()
                ));
            }
            if let Some(base) = &cloud.base {
                crate::note(base);
            }
        }
    }
    if drawn == 0 {
        let base = only_base.map(|b| format!(" ({b})")).unwrap_or_default();
        let input = match args.analysis.inputs.as_slice() {
            [one] => format!("{}: ", one.display()),
            _ => String::new(),
        };
        crate::note(&format!(
            "{input}nothing to draw: no term left after stop words and --min-count{base}; check the input"
        ));
        return Ok(Outcome::Nothing);
    }
    Ok(Outcome::Done)
}

impl Cloud {
    /// `question / group`, or the question.
    fn what(&self) -> String {
        match &self.group {
            Some(g) => format!("{} / {g}", self.question),
            None => self.question.clone(),
        }
    }

    /// Its group's name, or the name of all respondents for the total.
    fn name(&self, lang: output::Lang) -> &str {
        self.group.as_deref().unwrap_or(total_name(lang))
    }

    /// Its group (or all respondents) with the base n: a grid panel's and a group cloud's
    /// heading.
    fn heading(&self, lang: output::Lang) -> String {
        let (n, _) = self.n.unwrap_or((0, 0));
        format!("{} (n = {n})", self.name(lang))
    }

    /// Whether its group has fewer respondents than `--min-group-n`.
    fn small(&self, args: &CloudArgs) -> bool {
        self.group.is_some()
            && self
                .n
                .is_some_and(|(_, answered)| answered < args.min_group_n)
    }
}

/// The base n a table's shares are of (`--base`).
fn base_n(table: &wortwolke_text::FrequencyTable) -> u64 {
    match table.base {
        wortwolke_text::Base::Answered => table.answered,
        wortwolke_text::Base::All => table.answers,
    }
}

/// The options of one cloud of its own file: the title, the caption (the base, what sizes
/// follow, and a small group's note) and what the text alternative names. `grouped`: the
/// cloud is one of a question's several (the total and its groups).
fn cloud_options(
    args: &CloudArgs,
    options: &LayoutOptions,
    cloud: &Cloud,
    grouped: bool,
) -> LayoutOptions {
    let what = cloud.what();
    let mut caption = cloud.caption.clone();
    if grouped && !args.scale_per_group {
        if let Some(c) = &mut caption {
            c.push_str(&format!(" {}", one_scale(args, caption_lang(args))));
        }
    }
    if cloud.terms > cloud.words.len() {
        // a cut-down cloud says so in the image, not only on the terminal
        let (k, total) = (cloud.words.len(), cloud.terms);
        let lang = caption_lang(args);
        let top = lang
            .say(
                &format!("The top {k} of {total} terms."),
                &format!("Die {k} häufigsten von {total} Begriffen."),
            )
            .to_owned();
        caption = Some(match caption {
            Some(c) => format!("{c} {top}"),
            None => top,
        });
    }
    if cloud.small(args) {
        if let Some(c) = &mut caption {
            c.push_str(&format!(
                " {}",
                super::small_group_caption(args.min_group_n, None, caption_lang(args))
            ));
        }
    }
    // a group's cloud, each in its own file, names its group (and question) as the grid's
    // panels do: the file name alone is easily lost
    let title = grouped.then(|| {
        let heading = cloud.heading(caption_lang(args));
        match cloud.question.as_str() {
            "answers" | "frequencies" => heading,
            question => format!("{question} — {heading}"),
        }
    });
    LayoutOptions {
        // the base without the shares, which a cloud does not show
        labels: labels(
            args,
            title,
            caption,
            (what != "answers" && what != "frequencies").then(|| what.clone()),
        ),
        ..options.clone()
    }
}

/// The labels of one image: `--title` (else `title`), `--caption` (else the base sentence;
/// `--caption ''` draws none), what the image shows and its base, for the text alternative.
fn labels(
    args: &CloudArgs,
    title: Option<String>,
    base: Option<String>,
    subject: Option<String>,
) -> Labels {
    Labels {
        title: args.title.clone().or(title),
        caption: args
            .caption
            .clone()
            .or_else(|| base.clone())
            .filter(|c| !c.trim().is_empty()),
        subject,
        base,
        wording: wording(caption_lang(args)),
    }
}

/// The text alternative's sentences in the caption's language.
fn wording(lang: output::Lang) -> Wording {
    match lang {
        output::Lang::De => Wording::German,
        output::Lang::En => Wording::English,
    }
}

/// What the caption says about a shared scale (and the same positions).
fn one_scale(args: &CloudArgs, lang: output::Lang) -> &'static str {
    if args.same_positions {
        lang.say(
            "One scale for all groups (equal shares, equal sizes); each word in the same place in every cloud.",
            "Ein Maßstab für alle Gruppen (gleiche Anteile, gleiche Größen); jedes Wort in jeder Wolke an derselben Stelle.",
        )
    } else {
        lang.say(
            "One scale for all groups: equal shares of the group's respondents, equal sizes.",
            "Ein Maßstab für alle Gruppen: gleiche Anteile an den Befragten der Gruppe, gleiche Größen.",
        )
    }
}

/// The language of what a cloud draws in words (captions, panel names, legends).
pub(crate) fn caption_lang(args: &CloudArgs) -> output::Lang {
    output::words_lang(args.caption_lang, &args.analysis.lang)
}

/// The name of the panel of all respondents.
fn total_name(lang: output::Lang) -> &'static str {
    lang.say("All respondents", "Alle Befragten")
}

/// The layouts of one question's clouds (the total and its groups), each with its options:
/// on one scale unless --scale-per-group, in the same places with --same-positions.
fn lay_out(args: &CloudArgs, set: &[Cloud], options: &[LayoutOptions]) -> Vec<Layout> {
    if set.len() < 2 || args.scale_per_group {
        return set
            .iter()
            .zip(options)
            .map(|(c, o)| layout(&c.words, o))
            .collect();
    }
    let clouds: Vec<GroupCloud> = set
        .iter()
        .zip(options)
        .map(|(c, o)| GroupCloud {
            words: &c.words,
            base: c.n.map_or(1, |(n, _)| n) as f64,
            options: o,
        })
        .collect();
    if args.same_positions {
        layout_same_positions(&clouds)
    } else {
        layout_shared(&clouds)
    }
}

/// `layout` as PNG, SVG or JSON bytes.
fn render_layout(layout: &Layout, format: ImageFormat, svg_text: bool) -> Result<Vec<u8>> {
    Ok(match format {
        ImageFormat::Png => {
            let mut buf = Vec::new();
            render::write_png(layout, &mut buf)?;
            buf
        }
        ImageFormat::Svg => render::svg(
            layout,
            &render::SvgOptions {
                text: svg_text,
                ..Default::default()
            },
        )
        .into_bytes(),
        ImageFormat::Json => render::json(layout).into_bytes(),
    })
}

/// Says which words of `layout` (of `words` given) did not fit.
fn report_dropped(what: &str, layout: &Layout, words: usize, min_font: f32) {
    // the other reasons (duplicates merged, empty text, weights) cannot come from a table
    for warning in layout.warnings() {
        crate::note(&format!("{what}: {warning}"));
    }
    let no_room: Vec<&DroppedWord> = layout
        .dropped
        .iter()
        .filter(|w| w.reason == DropReason::DoesNotFit)
        .collect();
    if no_room.is_empty() {
        return;
    }
    let list: Vec<String> = no_room
        .iter()
        .map(|w| format!("{} ({})", w.text, w.weight))
        .collect();
    crate::note(&format!(
        "{what}: {} of {words} words did not fit at their size (the lightest at --min-font {min_font}) and are not drawn: {}; use a larger canvas, a smaller --min-font or --max-words",
        no_room.len(),
        list.join(", ")
    ));
}

/// `--grid`: each question's clouds (the total and its groups) as panels of one image.
fn grid(
    args: &CloudArgs,
    sets: &[Vec<Cloud>],
    options: &LayoutOptions,
    format: ImageFormat,
) -> Result<Outcome> {
    let template = match &args.output {
        Some(p) => p.clone(),
        None => output_template(
            args,
            &sets.iter().map(|s| &s[0]).collect::<Vec<_>>(),
            format,
        ),
    };
    let targets = output::targets(
        &template,
        sets.iter().map(|s| (s[0].question.as_str(), None)),
        &args.analysis.inputs,
    )?;
    let mut alt_targets = match &args.alt_text {
        Some(t) => Some(
            output::targets(
                t,
                sets.iter().map(|s| (s[0].question.as_str(), None)),
                &args.analysis.inputs,
            )?
            .into_iter(),
        ),
        None => None,
    };
    let mut drawn = 0;
    for (set, path) in sets.iter().zip(targets) {
        let alt_path = alt_targets.as_mut().and_then(Iterator::next);
        let total = &set[0];
        if set.iter().all(|c| c.words.is_empty()) {
            crate::note(&format!("{}: nothing to draw", total.question));
            continue;
        }
        let mut caption = total.caption.clone().unwrap_or_default();
        if !args.scale_per_group {
            caption.push_str(&format!(" {}", one_scale(args, caption_lang(args))));
        }
        let grid_options = LayoutOptions {
            labels: labels(
                args,
                (total.question != "answers").then(|| total.question.clone()),
                Some(caption),
                Some(total.question.clone()),
            ),
            ..options.clone()
        };
        let cells = Cells::new(set.len(), &grid_options);
        let panel_options: Vec<LayoutOptions> = set
            .iter()
            .map(|c| {
                let heading = c.heading(caption_lang(args));
                LayoutOptions {
                    width: cells.cell.0,
                    height: cells.cell.1,
                    labels: Labels {
                        // a small group's note under its name: a panel's caption would be
                        // in the smallest print
                        title: Some(match c.small(args) {
                            true => format!(
                                "{heading}\n{}",
                                super::small_group_caption(
                                    args.min_group_n,
                                    None,
                                    caption_lang(args)
                                )
                            ),
                            false => heading,
                        }),
                        caption: None,
                        subject: Some(c.name(caption_lang(args)).to_owned()),
                        base: None,
                        wording: wording(caption_lang(args)),
                    },
                    ..options.clone()
                }
            })
            .collect();
        let layouts = lay_out(args, set, &panel_options);
        for (c, l) in set.iter().zip(&layouts) {
            report_dropped(
                &format!(
                    "{} / {}",
                    path.display(),
                    c.group.as_deref().unwrap_or("all")
                ),
                l,
                c.words.len(),
                options.min_font,
            );
        }
        let grid = Grid::new(
            set.iter().zip(layouts).map(|(c, l)| {
                (
                    c.group
                        .clone()
                        .unwrap_or_else(|| total_name(caption_lang(args)).into()),
                    c.n.map(|(n, _)| n),
                    l,
                )
            }),
            &cells,
            &grid_options,
        );
        let bytes = match format {
            ImageFormat::Json => grid.json().into_bytes(),
            _ => render_layout(&grid.layout(), format, args.svg_text)?,
        };
        output::write_output(&path, &bytes)?;
        if let Some(alt_path) = alt_path {
            let text: String = grid
                .panels
                .iter()
                .map(|p| render::alt_text(&p.layout, render::DESCRIBED_TERMS))
                .collect::<Vec<_>>()
                .join("\n");
            output::write_output(&alt_path, text.as_bytes())?;
        }
        drawn += 1;
        if !args.analysis.quiet && path.as_os_str() != "-" {
            crate::note(&format!(
                "wrote {} with {} panels ({} columns × {} rows)",
                path.display(),
                grid.panels.len(),
                cells.columns,
                cells.rows
            ));
        }
    }
    Ok(if drawn == 0 {
        Outcome::Nothing
    } else {
        Outcome::Done
    })
}

fn image_format(args: &CloudArgs) -> Result<ImageFormat> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    match &args.output {
        None => Ok(ImageFormat::Png),
        Some(p) if p.as_os_str() == "-" => bail!("-o - needs --format png, svg or json"),
        Some(p) => match p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("png") => Ok(ImageFormat::Png),
            Some("svg") => Ok(ImageFormat::Svg),
            Some("json") => Ok(ImageFormat::Json),
            _ => bail!("{}: unknown image type; end the file name in .png, .svg or .json, or pass --format", p.display()),
        },
    }
}

/// `-o`, or `<input name>.<ext>` in the current directory, with `-{question}` and `-{group}`
/// added when there are several questions or groups.
fn output_template(args: &CloudArgs, clouds: &[&Cloud], format: ImageFormat) -> PathBuf {
    if let Some(p) = &args.output {
        return p.clone();
    }
    let stem = args
        .analysis
        .inputs
        .iter()
        .find(|p| p.as_os_str() != "-")
        .and_then(|p| p.file_name())
        .map(|n| {
            let n = n.to_string_lossy();
            let n = n.strip_suffix(".gz").unwrap_or(&n);
            n.rsplit_once('.')
                .map_or(n.to_owned(), |(s, _)| s.to_owned())
        })
        .unwrap_or_else(|| "wortwolke".into());
    let questions: std::collections::HashSet<&str> =
        clouds.iter().map(|c| c.question.as_str()).collect();
    let mut name = stem;
    if questions.len() > 1 {
        name.push_str("-{question}");
    }
    if clouds.iter().any(|c| c.group.is_some()) && !args.grid {
        name.push_str("-{group}");
    }
    let ext = match format {
        ImageFormat::Png => "png",
        ImageFormat::Svg => "svg",
        ImageFormat::Json => "json",
    };
    PathBuf::from(format!("{name}.{ext}"))
}
