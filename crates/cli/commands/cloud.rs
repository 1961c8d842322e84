//! `wortwolke cloud`: answers (or a frequency table) → layout → PNG, SVG or JSON.

use std::path::PathBuf;

use anyhow::{bail, Result};
use wortwolke_layout::{
    layout, render, DropReason, DroppedWord, Labels, LayoutOptions, WeightedWord,
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
}

pub fn run(args: CloudArgs) -> Result<Outcome> {
    let options = config::layout_options(&args)?;
    let mut clouds: Vec<Cloud> = Vec::new();
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
        clouds.push(Cloud {
            question: "frequencies".into(),
            group: None,
            terms: words.len(),
            words,
            base: None,
            caption: None,
        });
    } else {
        let options = super::table_options(
            &args.analysis,
            args.count,
            args.min_count,
            Some(args.max_words),
        );
        let counts = crate::pipeline::count(&args.analysis)?;
        for tables in counts.tables(&options, GroupRows::Own) {
            let cloud = |group: Option<&String>, table: &wortwolke_text::FrequencyTable| Cloud {
                question: tables.question.clone(),
                group: group.cloned(),
                words: WeightedWord::from_weights(table.weights()),
                base: Some(output::base_sentence(table)),
                caption: Some(output::cloud_caption(table)),
                terms: table.distinct,
            };
            clouds.push(cloud(None, &tables.total));
            for (group, table) in &tables.groups {
                clouds.push(cloud(Some(group), table));
            }
        }
    }
    let format = image_format(&args)?;
    if args.svg_text && format != ImageFormat::Svg {
        bail!("--svg-text is for SVG output; end the file name in .svg or pass --format svg");
    }
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
    let mut drawn = 0;
    let several = targets.len() > 1;
    for (
        Cloud {
            question,
            group,
            words,
            base,
            caption,
            terms: total,
        },
        path,
    ) in clouds.into_iter().zip(targets)
    {
        let alt_path = alt_targets.as_mut().and_then(Iterator::next);
        let words: Vec<WeightedWord> = words.into_iter().take(args.max_words).collect();
        let what = match &group {
            Some(g) => format!("{question} / {g}"),
            None => question.clone(),
        };
        if words.is_empty() {
            // with one cloud, the closing "nothing to draw" says it all
            if several {
                crate::note(&format!(
                    "{what}: nothing to draw (no term left after stop words and --min-count)"
                ));
            }
            continue;
        }
        if !args.analysis.quiet {
            let missing: Vec<char> = words
                .iter()
                .flat_map(|w| options.font.missing_glyphs(&w.text))
                .collect();
            if !missing.is_empty() {
                crate::note(&format!(
                    "the font has no glyph for {missing:?}; pass --font with a font that has"
                ));
            }
        }
        let options = LayoutOptions {
            labels: Labels {
                title: args.title.clone(),
                // `--caption ''` draws none
                caption: args
                    .caption
                    .clone()
                    .or_else(|| caption.clone())
                    .filter(|c| !c.trim().is_empty()),
                subject: (what != "answers" && what != "frequencies").then(|| what.clone()),
                // the base without the shares, which a cloud does not show
                base: caption,
            },
            ..options.clone()
        };
        let cloud = layout(&words, &options);
        let bytes = match format {
            ImageFormat::Png => {
                let mut buf = Vec::new();
                render::write_png(&cloud, &mut buf)?;
                buf
            }
            ImageFormat::Svg => render::svg(
                &cloud,
                &render::SvgOptions {
                    text: args.svg_text,
                    ..Default::default()
                },
            )
            .into_bytes(),
            ImageFormat::Json => render::json(&cloud).into_bytes(),
        };
        output::write_output(&path, &bytes)?;
        if let Some(alt_path) = alt_path {
            let text = render::alt_text(&cloud, render::DESCRIBED_TERMS);
            output::write_output(&alt_path, text.as_bytes())?;
        }
        drawn += 1;
        for warning in cloud.warnings() {
            crate::note(&format!("{}: {warning}", path.display()));
        }
        let no_room: Vec<&DroppedWord> = cloud
            .dropped
            .iter()
            .filter(|w| w.reason == DropReason::DoesNotFit)
            .collect();
        if !no_room.is_empty() {
            let list: Vec<String> = no_room
                .iter()
                .map(|w| format!("{} ({})", w.text, w.weight))
                .collect();
            crate::note(&format!(
                "{}: {} of {} words did not fit at their size (the lightest at --min-font {}) and are not drawn: {}; use a larger canvas, a smaller --min-font or --max-words",
                path.display(),
                no_room.len(),
                words.len(),
                options.min_font,
                list.join(", ")
            ));
        }
        if !args.analysis.quiet {
            let shown = if total > words.len() {
                format!(
                    " (the top {} of {total} terms; see --max-words)",
                    words.len()
                )
            } else {
                String::new()
            };
            if path.as_os_str() != "-" {
                crate::note(&format!(
                    "wrote {} with {} words{shown}",
                    path.display(),
                    cloud.words.len()
                ));
            }
            if let Some(base) = base {
                crate::note(&base);
            }
        }
    }
    if drawn == 0 {
        crate::note(
            "nothing to draw: no term left after stop words and --min-count; check the input",
        );
        return Ok(Outcome::Nothing);
    }
    Ok(Outcome::Done)
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
fn output_template(args: &CloudArgs, clouds: &[Cloud], format: ImageFormat) -> PathBuf {
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
    if clouds.iter().any(|c| c.group.is_some()) {
        name.push_str("-{group}");
    }
    let ext = match format {
        ImageFormat::Png => "png",
        ImageFormat::Svg => "svg",
        ImageFormat::Json => "json",
    };
    PathBuf::from(format!("{name}.{ext}"))
}
