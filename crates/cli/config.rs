//! Raw arguments → validated library configuration: the one place that loads list files.

use std::path::Path;

use anyhow::{Context, Result};
use wortwolke_text::{AnalyzerConfig, Language, NoAnswer, StopWordList, SynonymMap};

use crate::args::AnalysisArgs;
use crate::input;

/// The analysis configuration, and what must happen before the final analyzer exists.
#[derive(Debug)]
pub struct AnalysisConfig {
    pub analyzer: AnalyzerConfig,
    /// `--phrases auto`: detect phrases named in at least this many answers first.
    pub auto_phrases: Option<u64>,
    /// `--merge-gender`: find the person nouns written in both genders first.
    pub merge_gender: bool,
}

impl AnalysisConfig {
    /// Whether the answers are read twice: a first pass finds phrases or gender forms.
    pub fn two_passes(&self) -> bool {
        self.auto_phrases.is_some() || self.merge_gender
    }

    pub fn from_args(args: &AnalysisArgs) -> Result<Self> {
        let language: Language = args.lang.parse().context("--lang")?;
        if args.merge_gender && language != Language::German {
            anyhow::bail!("--merge-gender: joins German gender forms; it needs --lang de");
        }
        let mut extra_stopwords = StopWordList::new();
        for path in &args.stopwords {
            let reader = input::open_list(path)?;
            extra_stopwords.extend(StopWordList::from_reader(path, reader)?);
        }
        let synonyms = match &args.synonyms {
            Some(path) => Some(SynonymMap::from_reader(path, input::open_list(path)?)?),
            None => None,
        };
        let (phrases, auto_phrases) = match &args.phrases {
            Some(p) if p == Path::new("auto") => (Vec::new(), Some(args.phrase_min_answers)),
            Some(path) => (
                wortwolke_text::read_phrase_list(path, input::open_list(path)?)?,
                None,
            ),
            None => (Vec::new(), None),
        };
        let mut no_answer = match &args.no_answer_file {
            Some(path) => NoAnswer::from_reader(path, input::open_list(path)?)?,
            None => NoAnswer::default(),
        };
        for marker in &args.no_answer {
            no_answer.insert(marker);
        }
        Ok(AnalysisConfig {
            analyzer: {
                let config = AnalyzerConfig::new(language)
                    .default_stopwords(!args.no_default_stopwords)
                    .stopwords(extra_stopwords)
                    .stem(!args.no_stem)
                    .fold_umlauts(args.fold_umlauts)
                    .keep_numbers(args.keep_numbers)
                    .keep_negation(args.keep_negation)
                    .phrases(phrases)
                    .no_answer(no_answer)
                    .exclude(exclude(&args.exclude)?);
                let config = match synonyms {
                    Some(map) => config.synonyms(map),
                    None => config,
                };
                match &args.split_list {
                    Some(chars) => config.split_list(chars),
                    None => config,
                }
            },
            auto_phrases,
            merge_gender: args.merge_gender,
        })
    }
}

/// `--exclude`'s entries, trimmed; an empty one is an error.
fn exclude(entries: &[String]) -> Result<Vec<String>> {
    entries
        .iter()
        .map(|e| match e.trim() {
            "" => anyhow::bail!("--exclude: an empty entry; give words or terms separated by commas, e.g. --exclude leider,bitte"),
            trimmed => Ok(trimmed.to_owned()),
        })
        .collect()
}

/// `--min-font` when not given.
pub const DEFAULT_MIN_FONT: f32 = 10.0;

/// `cloud`'s layout flags → validated `LayoutOptions`, loading the font and the mask.
pub fn layout_options(args: &crate::args::CloudArgs) -> Result<wortwolke_layout::LayoutOptions> {
    use crate::args::{ColorByArg, ScaleArg, SpiralArg};
    use wortwolke_layout::{
        Color, ColorBy, Font, LayoutOptions, Mask, Palette, Scale, Sizing, SpiralKind,
    };
    let font = match &args.font {
        Some(path) => {
            if path.is_dir() {
                anyhow::bail!(
                    "{}: is a directory; pass a .ttf or .otf file",
                    path.display()
                );
            }
            Font::from_path(path)?
        }
        None => Font::default(),
    };
    let mask = match &args.mask {
        Some(path) => Some(Mask::from_path(path)?),
        None => None,
    };
    let background: Color = args.background.parse().context("--background")?;
    let contour = match &args.contour {
        Some(c) => Some(c.parse::<Color>().context("--contour")?),
        None => None,
    };
    let options = LayoutOptions {
        width: args.width,
        height: args.height,
        scale: match args.scale {
            ScaleArg::Linear => Scale::Linear,
            ScaleArg::Sqrt => Scale::Sqrt,
            ScaleArg::Log => Scale::Log,
        },
        min_font: args.min_font.unwrap_or(DEFAULT_MIN_FONT),
        // an explicit size range is taken as it is; otherwise the cloud fills the canvas
        sizing: match (args.min_font, args.max_font) {
            (Some(_), Some(max_font)) => Sizing::Fixed { max_font },
            (_, max_font) => Sizing::Fill { max_font },
        },
        padding: args.padding,
        spacing: args.spacing,
        fill_holes: args.fill_holes,
        rotations: args.rotations.clone(),
        prefer_horizontal: args.prefer_horizontal,
        spiral: match args.spiral {
            SpiralArg::Archimedean => SpiralKind::Archimedean,
            SpiralArg::Rectangular => SpiralKind::Rectangular,
        },
        seed: args.seed,
        palette: args.palette.parse::<Palette>()?,
        color_by: match args.color_by {
            ColorByArg::Auto => ColorBy::Auto,
            ColorByArg::Rank => ColorBy::Rank,
            ColorByArg::Random => ColorBy::Random,
            ColorByArg::Weight => ColorBy::Weight,
            ColorByArg::Fixed => ColorBy::Fixed,
        },
        background,
        mask,
        contour,
        font,
        // per cloud: the command knows each cloud's question and base
        labels: Default::default(),
        // the fill search lays out its next scale on a second core (the same cloud)
        threads: args.analysis.threads.map_or(0, usize::from),
    };
    options.validate().map_err(with_flag_names)?;
    Ok(options)
}

/// The layout library names an invalid option by its field; the user knows it by its flag.
fn with_flag_names(err: wortwolke_layout::Error) -> anyhow::Error {
    const FLAGS: [(&str, &str); 8] = [
        ("width", "--width"),
        ("height", "--height"),
        ("min_font", "--min-font"),
        ("sizing.max_font", "--max-font"),
        ("spacing", "--spacing"),
        ("rotations", "--rotate"),
        ("prefer_horizontal", "--prefer-horizontal"),
        ("padding", "--padding"),
    ];
    let flag = |field: &str| {
        FLAGS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, flag)| *flag)
    };
    match err {
        wortwolke_layout::Error::Option { option, message } => {
            let message = message.replace("min_font", "--min-font");
            anyhow::anyhow!(
                "invalid option {}: {message}",
                flag(option).unwrap_or(option)
            )
        }
        other => other.into(),
    }
}
