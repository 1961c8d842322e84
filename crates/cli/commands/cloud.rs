//! `wortwolke cloud`: answers (or a frequency table) → layout → PNG, SVG or JSON.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use wortwolke_layout::{layout, render, WeightedWord};

use super::Outcome;
use crate::args::{CloudArgs, ImageFormat};
use crate::{config, input, output};

pub fn run(args: CloudArgs) -> Result<Outcome> {
    let options = config::layout_options(&args)?;
    let (output_path, format) = output_target(&args)?;
    refuse_overwriting_inputs(&output_path, &args.analysis.inputs)?;
    let (words, base) = if args.frequencies {
        let mut words: Vec<WeightedWord> = input::read_frequencies(&args.analysis.inputs)?
            .into_iter()
            .filter(|(_, c)| *c >= args.min_count as f64 && *c > 0.0)
            .map(|(t, c)| WeightedWord::new(t, c))
            .collect();
        words.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| a.text.cmp(&b.text))
        });
        (words, None)
    } else {
        let (table, _) = super::frequency_table(&args.analysis, args.count, args.min_count)?;
        let words = table
            .terms
            .iter()
            .map(|t| WeightedWord::new(t.term.clone(), t.weight(table.weight) as f64))
            .collect();
        (words, Some(output::base_sentence(&table)))
    };
    let total = words.len();
    let words: Vec<WeightedWord> = words.into_iter().take(args.max_words).collect();
    if words.is_empty() {
        crate::note(
            "nothing to draw: no term left after stop words and --min-count; check the input",
        );
        return Ok(Outcome::Nothing);
    }
    for word in &words {
        let missing = options.font.missing_glyphs(&word.text);
        if !missing.is_empty() && !args.analysis.quiet {
            crate::note(&format!(
                "the font has no glyph for {missing:?} in `{}`; pass --font with a font that has",
                word.text
            ));
        }
    }
    let cloud = layout(&words, &options);
    let bytes = match format {
        ImageFormat::Png => {
            let mut buf = Vec::new();
            render::write_png(&cloud, &mut buf)?;
            buf
        }
        ImageFormat::Svg => {
            let title = args.title.clone().unwrap_or_else(|| "Word cloud".into());
            render::svg(
                &cloud,
                &render::SvgOptions {
                    title,
                    ..Default::default()
                },
            )
            .into_bytes()
        }
        ImageFormat::Json => render::json(&cloud).into_bytes(),
    };
    output::write_output(&output_path, &bytes)?;
    if !cloud.dropped.is_empty() {
        let list: Vec<String> = cloud
            .dropped
            .iter()
            .map(|w| format!("{} ({})", w.text, w.weight))
            .collect();
        crate::note(&format!(
            "{} of {} words did not fit even at --min-font {} and are not drawn: {}; use a larger canvas, a smaller --min-font or --max-words",
            cloud.dropped.len(),
            words.len(),
            args.min_font,
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
        if output_path.as_os_str() != "-" {
            crate::note(&format!(
                "wrote {} with {} words{shown}",
                output_path.display(),
                cloud.words.len()
            ));
        }
        if let Some(base) = base {
            crate::note(&base);
        }
    }
    Ok(Outcome::Done)
}

/// The output file and its format: `-o`, or `<input name>.png` in the current directory.
fn output_target(args: &CloudArgs) -> Result<(PathBuf, ImageFormat)> {
    let path = match &args.output {
        Some(p) => p.clone(),
        None => {
            let stem = args
                .analysis
                .inputs
                .iter()
                .find(|p| p.as_os_str() != "-")
                .and_then(|p| p.file_stem())
                .map_or("wortwolke".into(), |s| s.to_string_lossy().into_owned());
            let ext = match args.format {
                Some(ImageFormat::Svg) => "svg",
                Some(ImageFormat::Json) => "json",
                _ => "png",
            };
            PathBuf::from(format!("{stem}.{ext}"))
        }
    };
    let format = match args.format {
        Some(f) => f,
        None if path.as_os_str() == "-" => bail!("-o - needs --format png, svg or json"),
        None => match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("png") => ImageFormat::Png,
            Some("svg") => ImageFormat::Svg,
            Some("json") => ImageFormat::Json,
            _ => bail!("{}: unknown image type; end the file name in .png, .svg or .json, or pass --format", path.display()),
        },
    };
    Ok((path, format))
}

fn refuse_overwriting_inputs(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Ok(out) = output.canonicalize() else {
        return Ok(());
    };
    for input in inputs {
        if input.canonicalize().is_ok_and(|i| i == out) {
            bail!(
                "{}: the output would overwrite an input; choose another -o",
                output.display()
            );
        }
    }
    Ok(())
}
