//! Clouds made to be compared: several on one scale, the same word in the same place, and two
//! groups in one cloud coloured by which of them names a term more.

use std::collections::HashMap;

use crate::color::Color;
use crate::labels::TextLine;
use crate::layout;
use crate::model::{Layout, PlacedWord, WeightedWord};
use crate::options::{LayoutOptions, Sizing};
use crate::raster::Raster;

/// One of several clouds to compare: its words (weights are counts, such as respondents), the
/// number the counts are shares of (such as the group's respondents), and its options (canvas,
/// labels). Sizes follow `weight / base`, so that equal shares are equal sizes in every cloud.
#[derive(Debug, Clone, Copy)]
pub struct GroupCloud<'a> {
    /// The words, weights as counts.
    pub words: &'a [WeightedWord],
    /// What the counts are shares of (a positive number).
    pub base: f64,
    /// Canvas, labels and the rest; all clouds should share the scale and the font.
    pub options: &'a LayoutOptions,
}

impl GroupCloud<'_> {
    /// The words with their shares (in percent, so that [`Scale::Log`](crate::Scale::Log) has
    /// room to flatten) as weights.
    fn shares(&self) -> Vec<WeightedWord> {
        let base = if self.base > 0.0 { self.base } else { 1.0 };
        self.words
            .iter()
            .map(|w| WeightedWord::new(w.text.trim(), 100.0 * w.weight / base))
            .collect()
    }

    /// `cloud`, laid out from shares, with the counts back as the words' weights.
    fn with_counts(&self, mut cloud: Layout) -> Layout {
        let counts: HashMap<&str, f64> = self
            .words
            .iter()
            .map(|w| (w.text.trim(), w.weight))
            .collect();
        for word in &mut cloud.words {
            word.weight = counts[word.text.as_str()];
        }
        for word in &mut cloud.dropped {
            word.weight = counts[word.text.as_str()];
        }
        cloud
    }
}

/// Every word of `clouds` once, at its largest weight in any of them, heaviest first (then by
/// text).
fn union(clouds: &[Vec<WeightedWord>]) -> Vec<WeightedWord> {
    let mut union: Vec<WeightedWord> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for word in clouds.iter().flatten() {
        match index.get(word.text.as_str()) {
            Some(&i) => union[i].weight = union[i].weight.max(word.weight),
            None => {
                index.insert(&word.text, union.len());
                union.push(word.clone());
            }
        }
    }
    union.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.text.cmp(&b.text))
    });
    union
}

/// The heaviest positive weight of `words`.
fn heaviest(words: &[WeightedWord]) -> Option<f64> {
    words
        .iter()
        .map(|w| w.weight)
        .filter(|w| *w > 0.0 && w.is_finite())
        .max_by(f64::total_cmp)
}

/// Lays out `clouds` on one common scale: a word's font size follows its share (`weight /
/// base`) the same way in every cloud, so equal shares are equal sizes. Each cloud is first
/// laid out on its own ([`Sizing::Fill`]: as large as its canvas allows); the common scale is
/// the smallest of those, at which every cloud is then laid out again ([`Sizing::Exact`]).
/// With [`Sizing::Fixed`], the largest share of all clouds gets `max_font`.
///
/// A word has the same colour in every cloud (its colour among the union of their words).
/// The returned layouts carry the counts as weights.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout_shared, GroupCloud, LayoutOptions, WeightedWord};
///
/// let options = LayoutOptions { width: 300, height: 200, ..Default::default() };
/// // "Zeit": 2 of 10 in one group, 8 of 40 in the other
/// let a = [WeightedWord::new("Personal", 6.0), WeightedWord::new("Zeit", 2.0)];
/// let b = [WeightedWord::new("Zeit", 8.0), WeightedWord::new("Geld", 4.0)];
/// let clouds = layout_shared(&[
///     GroupCloud { words: &a, base: 10.0, options: &options },
///     GroupCloud { words: &b, base: 40.0, options: &options },
/// ]);
/// let size = |i: usize, t: &str| clouds[i].words.iter().find(|w| w.text == t).unwrap().font_size;
/// assert!((size(0, "Zeit") - size(1, "Zeit")).abs() < 0.01);
/// assert_eq!(clouds[1].words[0].weight, 8.0);
/// ```
pub fn layout_shared(clouds: &[GroupCloud<'_>]) -> Vec<Layout> {
    let shares: Vec<Vec<WeightedWord>> = clouds.iter().map(GroupCloud::shares).collect();
    let mut layouts = shared(clouds, &shares);
    // a word has one colour in every cloud: its colour in the union of their words
    if let Some(first) = clouds.first() {
        let union = union(&shares);
        let options = first.options;
        let colors = options.palette.assign(
            options.color_by,
            &union.iter().map(|w| w.weight).collect::<Vec<_>>(),
            options.background,
            options.seed,
        );
        let color: HashMap<&str, Color> =
            union.iter().map(|w| w.text.as_str()).zip(colors).collect();
        for word in layouts.iter_mut().flat_map(|l| &mut l.words) {
            if let Some(&c) = color.get(word.text.as_str()) {
                word.color = c;
            }
        }
    }
    layouts
}

/// [`layout_shared`] without the common colours.
fn shared(clouds: &[GroupCloud<'_>], shares: &[Vec<WeightedWord>]) -> Vec<Layout> {
    let Some(top) = shares
        .iter()
        .filter_map(|s| heaviest(s))
        .max_by(f64::total_cmp)
    else {
        return clouds
            .iter()
            .zip(shares)
            .map(|(c, s)| c.with_counts(layout(s, c.options)))
            .collect();
    };
    // the font size of a share of `top` on each cloud's own scale (and its own layout)
    let mut own: Vec<Option<(f32, Option<Layout>)>> = Vec::with_capacity(clouds.len());
    for (cloud, words) in clouds.iter().zip(shares) {
        own.push(match cloud.options.sizing {
            Sizing::Fixed { max_font } => Some((max_font, None)),
            Sizing::Fill { .. } | Sizing::Exact { .. } => {
                let fitted = layout(words, cloud.options);
                let scale = fitted.words.first().map(|first| {
                    let t = cloud.options.scale.size(first.weight, top, 1.0, 0.0) as f32;
                    first.font_size / t.max(f32::MIN_POSITIVE)
                });
                scale.map(|s| (s, Some(fitted)))
            }
        });
    }
    let common = own.iter().flatten().map(|(s, _)| *s).min_by(f32::total_cmp);
    clouds
        .iter()
        .zip(shares)
        .zip(own)
        .map(|((cloud, words), own)| {
            let (Some(common), Some(heaviest)) = (common, heaviest(words)) else {
                return cloud.with_counts(layout(words, cloud.options));
            };
            let max_font = common * cloud.options.scale.size(heaviest, top, 1.0, 0.0) as f32;
            let sizing = match cloud.options.sizing {
                Sizing::Fixed { .. } => Sizing::Fixed { max_font },
                _ => match own {
                    // the cloud that set the common scale keeps its layout
                    Some((s, Some(fitted))) if s == common => return cloud.with_counts(fitted),
                    _ => Sizing::Exact { max_font },
                },
            };
            let options = LayoutOptions {
                sizing,
                ..cloud.options.clone()
            };
            cloud.with_counts(layout(words, &options))
        })
        .collect()
}

/// Lays out `clouds` with each word in the same place in every cloud: the union of their words
/// (each at its largest share) is laid out once, on the band every cloud's title and caption
/// leave free; each cloud then draws its own words there, at the size its share gives on that
/// one scale (never larger than in the union, so words cannot overlap), in the union's colours.
/// Words of the union a cloud does not name are left out of it. The options of the first cloud
/// lay out the union.
///
/// The returned layouts carry the counts as weights.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout_same_positions, GroupCloud, LayoutOptions, WeightedWord};
///
/// let options = LayoutOptions { width: 300, height: 200, ..Default::default() };
/// let a = [WeightedWord::new("Personal", 6.0), WeightedWord::new("Zeit", 2.0)];
/// let b = [WeightedWord::new("Zeit", 8.0), WeightedWord::new("Geld", 4.0)];
/// let clouds = layout_same_positions(&[
///     GroupCloud { words: &a, base: 10.0, options: &options },
///     GroupCloud { words: &b, base: 40.0, options: &options },
/// ]);
/// let at = |i: usize, t: &str| {
///     let w = clouds[i].words.iter().find(|w| w.text == t).unwrap();
///     (w.x, w.y)
/// };
/// assert_eq!(at(0, "Zeit"), at(1, "Zeit"));
/// assert!(clouds[0].words.iter().all(|w| w.text != "Geld"));
/// ```
pub fn layout_same_positions(clouds: &[GroupCloud<'_>]) -> Vec<Layout> {
    let Some(first) = clouds.first() else {
        return Vec::new();
    };
    let shares: Vec<Vec<WeightedWord>> = clouds.iter().map(GroupCloud::shares).collect();
    let union = union(&shares);
    let (width, height) = (first.options.width, first.options.height);
    let bands: Vec<(Vec<TextLine>, u32, u32)> = clouds
        .iter()
        .map(|c| {
            crate::labels::lines(
                &c.options.labels,
                &c.options.font,
                (width, height),
                c.options.background,
            )
        })
        .collect();
    let top = bands.iter().map(|b| b.1).max().unwrap_or(0);
    let bottom = bands.iter().map(|b| b.2).max().unwrap_or(0);
    let options = LayoutOptions {
        height: height.saturating_sub(top + bottom).max(16),
        labels: Default::default(),
        ..first.options.clone()
    };
    let base = layout(&union, &options);
    let min_font = first.options.min_font.max(1.0);
    clouds
        .iter()
        .zip(&shares)
        .zip(bands)
        .map(|((cloud, words), (lines, _, _))| {
            let share: HashMap<&str, f64> =
                words.iter().map(|w| (w.text.as_str(), w.weight)).collect();
            let placed = base
                .words
                .iter()
                .filter_map(|w| {
                    let own = *share.get(w.text.as_str())?;
                    let ratio = options.scale.size(own, w.weight, 1.0, 0.0) as f32;
                    let font_size = (w.font_size * ratio).max(min_font).min(w.font_size);
                    Some(moved(w, own, font_size, top, &options))
                })
                .collect();
            let dropped = base
                .dropped
                .iter()
                .filter_map(|w| {
                    let own = *share.get(w.text.as_str())?;
                    Some(WeightedWord::new(w.text.clone(), own))
                })
                .collect();
            let mut contour = base.contour.clone();
            if let Some(contour) = &mut contour {
                for segment in &mut contour.segments {
                    segment.1 += top;
                    segment.3 += top;
                }
            }
            cloud.with_counts(Layout {
                width,
                height,
                background: cloud.options.background,
                words: placed,
                dropped,
                contour,
                font: base.font.clone(),
                labels: cloud.options.labels.clone(),
                lines,
            })
        })
        .collect()
}

/// `word` at `font_size` and weight `weight`, `down` pixels lower, its ink box measured anew.
fn moved(
    word: &PlacedWord,
    weight: f64,
    font_size: f32,
    down: u32,
    options: &LayoutOptions,
) -> PlacedWord {
    let y = word.y + down as f32;
    let raster = Raster::new(&options.font.shape(&word.text, font_size, word.rotation));
    let (x0, y0) = (
        (word.x - raster.origin.0).round().max(0.0) as u32,
        (y - raster.origin.1).round().max(0.0) as u32,
    );
    PlacedWord {
        text: word.text.clone(),
        weight,
        font_size,
        x: word.x,
        y,
        rotation: word.rotation,
        color: word.color,
        bbox: [x0, y0, x0 + raster.width as u32, y0 + raster.height as u32],
    }
}

/// A diverging colour scale: from `low` (-1) through `neutral` (0) to `high` (1). The default
/// runs from Okabe–Ito vermillion through grey to Okabe–Ito blue (distinguishable with every
/// common colour-vision deficiency).
///
/// # Example
/// ```
/// use wortwolke_layout::{Color, Diverging};
///
/// let scale = Diverging::default();
/// assert_eq!(scale.at(0.0, Color::WHITE), scale.neutral);
/// assert_eq!(scale.at(-1.0, Color::WHITE), scale.low);
/// assert_eq!(scale.at(1.0, Color::WHITE), scale.high);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Diverging {
    /// The colour of -1.
    pub low: Color,
    /// The colour of 0.
    pub neutral: Color,
    /// The colour of 1.
    pub high: Color,
}

impl Default for Diverging {
    fn default() -> Self {
        Diverging {
            low: Color::rgb(0xc0, 0x4f, 0x00),
            neutral: Color::rgb(0x76, 0x76, 0x76),
            high: Color::rgb(0x00, 0x64, 0xa4),
        }
    }
}

impl Diverging {
    /// The colour at `t` (clamped to -1..=1), mixed from the neutral colour towards the end,
    /// adjusted to at least 3:1 contrast with `background` (a transparent one counts as white).
    pub fn at(&self, t: f64, background: Color) -> Color {
        let t = if t.is_finite() {
            t.clamp(-1.0, 1.0)
        } else {
            0.0
        };
        let end = if t < 0.0 { self.low } else { self.high };
        let a = t.abs();
        let mix = |n: u8, e: u8| (f64::from(n) * (1.0 - a) + f64::from(e) * a).round() as u8;
        let color = Color::rgb(
            mix(self.neutral.r, end.r),
            mix(self.neutral.g, end.g),
            mix(self.neutral.b, end.b),
        );
        let background = if background.a < 128 {
            Color::WHITE
        } else {
            background
        };
        color.with_contrast(background, 3.0)
    }
}

/// Two groups in one cloud: `words` with their combined counts (sizes follow them), each with
/// its `lean` from -1 (named only by the first group, relative to its size) through 0 (named
/// at equal rates) to 1 (only by the second), coloured on `scale`. Every word is drawn, the
/// equal-rate ones in the neutral colour. Below the caption, a legend band shows `legend`:
/// texts with the lean whose colour they take (e.g. the two group names with their n, and
/// "equal rates" at 0).
///
/// # Example
/// ```
/// use wortwolke_layout::{layout_compare, Diverging, LayoutOptions, WeightedWord};
///
/// let options = LayoutOptions { width: 300, height: 200, ..Default::default() };
/// let words = [WeightedWord::new("Personal", 6.0), WeightedWord::new("Zeit", 4.0)];
/// let scale = Diverging::default();
/// let legend = [("more in A (n = 10)".to_owned(), -1.0), ("more in B (n = 12)".to_owned(), 1.0)];
/// let cloud = layout_compare(&words, &[-0.5, 0.0], &scale, &legend, &options);
/// assert_eq!(cloud.height, 200);
/// let zeit = cloud.words.iter().find(|w| w.text == "Zeit").unwrap();
/// assert_eq!(zeit.color, scale.neutral);
/// assert!(cloud.lines.iter().any(|l| l.text == "more in B (n = 12)"));
/// ```
pub fn layout_compare(
    words: &[WeightedWord],
    lean: &[f64],
    scale: &Diverging,
    legend: &[(String, f64)],
    options: &LayoutOptions,
) -> Layout {
    let font = &options.font;
    let (width, height) = (options.width as f32, options.height as f32);
    let size = (height / 40.0).clamp(11.0, 22.0);
    let line_height = font.line_height(size);
    let margin = (height / 60.0).clamp(2.0, 16.0);
    let gap = font.text_width("    ", size);
    // the legend's entries in rows that fit the canvas
    let mut rows: Vec<Vec<(&str, f64, f32)>> = vec![Vec::new()];
    let mut row_width = 0.0;
    for (text, t) in legend {
        let w = font.text_width(text, size);
        let row = rows.last_mut().expect("one row at least");
        if !row.is_empty() && row_width + gap + w > width - 2.0 * margin {
            rows.push(Vec::new());
            row_width = 0.0;
        }
        let row = rows.last_mut().expect("one row at least");
        row_width += if row.is_empty() { w } else { gap + w };
        row.push((text.as_str(), *t, w));
    }
    let rows: Vec<_> = rows.into_iter().filter(|r| !r.is_empty()).collect();
    let band = if rows.is_empty() {
        0
    } else {
        (rows.len() as f32 * line_height + 2.0 * margin).ceil() as u32
    };
    let band = band.min(options.height / 4);
    let inner = LayoutOptions {
        height: options.height - band,
        ..options.clone()
    };
    let mut cloud = layout(words, &inner);
    let leans: HashMap<&str, f64> = words
        .iter()
        .zip(lean)
        .map(|(w, &t)| (w.text.trim(), t))
        .collect();
    for word in &mut cloud.words {
        let t = leans.get(word.text.as_str()).copied().unwrap_or(0.0);
        word.color = scale.at(t, options.background);
    }
    let top = options.height - band;
    for (i, row) in rows.iter().enumerate() {
        let total: f32 = row.iter().map(|e| e.2).sum::<f32>() + gap * (row.len() - 1) as f32;
        let mut x = (width - total) / 2.0;
        let y = top as f32 + margin + line_height * (i as f32 + 0.5);
        if y + line_height / 2.0 > height {
            break;
        }
        for &(text, t, w) in row {
            cloud.lines.push(TextLine {
                text: text.to_owned(),
                font_size: size,
                x: x + w / 2.0,
                y,
                color: scale.at(t, options.background),
            });
            x += w + gap;
        }
    }
    cloud.height = options.height;
    cloud
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[(&str, f64)]) -> Vec<WeightedWord> {
        list.iter()
            .map(|(t, w)| WeightedWord::new(*t, *w))
            .collect()
    }

    fn group<'a>(
        words: &'a [WeightedWord],
        base: f64,
        options: &'a LayoutOptions,
    ) -> GroupCloud<'a> {
        GroupCloud {
            words,
            base,
            options,
        }
    }

    #[test]
    fn equal_shares_are_equal_sizes_on_a_shared_scale() {
        let options = LayoutOptions {
            width: 400,
            height: 300,
            ..Default::default()
        };
        let a = words(&[("Personal", 9.0), ("Zeit", 3.0), ("Geld", 1.0)]);
        let b = words(&[("Zeit", 6.0), ("Kosten", 2.0), ("Personal", 2.0)]);
        let c = words(&[("Dataport", 30.0), ("Zeit", 15.0)]);
        let clouds = layout_shared(&[
            group(&a, 10.0, &options),
            group(&b, 20.0, &options),
            group(&c, 50.0, &options),
        ]);
        let size = |i: usize, t: &str| {
            clouds[i]
                .words
                .iter()
                .find(|w| w.text == t)
                .unwrap_or_else(|| panic!("{t} in {i}"))
                .font_size
        };
        // Zeit: 30 % everywhere
        assert!((size(0, "Zeit") - size(1, "Zeit")).abs() < 0.01);
        assert!((size(0, "Zeit") - size(2, "Zeit")).abs() < 0.01);
        // Personal 90 % vs 10 %
        assert!(size(0, "Personal") > 2.0 * size(1, "Personal"));
        // one colour per word in every cloud
        let color = |i: usize, t: &str| clouds[i].words.iter().find(|w| w.text == t).unwrap().color;
        assert_eq!(color(0, "Zeit"), color(1, "Zeit"));
        assert_eq!(color(0, "Zeit"), color(2, "Zeit"));
        assert_eq!(color(0, "Personal"), color(1, "Personal"));
        assert!(clouds.iter().all(|c| c.dropped.is_empty()));
    }

    #[test]
    fn same_positions_keep_every_word_in_its_place_and_smaller() {
        let options = LayoutOptions {
            width: 400,
            height: 300,
            labels: crate::Labels {
                title: Some("A".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let other = LayoutOptions {
            labels: crate::Labels {
                title: Some("B".into()),
                caption: Some("n = 3: a small group".into()),
                ..Default::default()
            },
            ..options.clone()
        };
        let a = words(&[("Personal", 9.0), ("Zeit", 3.0), ("Geld", 1.0)]);
        let b = words(&[("Zeit", 2.0), ("Kosten", 1.0)]);
        let clouds = layout_same_positions(&[group(&a, 10.0, &options), group(&b, 3.0, &other)]);
        let find = |i: usize, t: &str| clouds[i].words.iter().find(|w| w.text == t).cloned();
        let (za, zb) = (find(0, "Zeit").unwrap(), find(1, "Zeit").unwrap());
        assert_eq!((za.x, za.y, za.rotation), (zb.x, zb.y, zb.rotation));
        assert!(za.font_size < zb.font_size, "30 % < 67 %");
        assert!(find(1, "Personal").is_none() && find(0, "Kosten").is_none());
        assert_eq!(find(1, "Zeit").unwrap().weight, 2.0);
        // the words stay clear of both clouds' title and caption
        for cloud in &clouds {
            for line in &cloud.lines {
                let half = cloud.font.line_height(line.font_size) / 2.0;
                for w in &cloud.words {
                    assert!(
                        w.bbox[3] as f32 <= line.y - half || w.bbox[1] as f32 >= line.y + half,
                        "{w:?} over {line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_comparison_keeps_equal_rates_in_the_neutral_colour() {
        let options = LayoutOptions {
            width: 400,
            height: 300,
            ..Default::default()
        };
        let list = words(&[("Personal", 9.0), ("Zeit", 3.0), ("Geld", 2.0)]);
        let scale = Diverging::default();
        let legend = [
            ("A".to_owned(), -1.0),
            ("gleich".to_owned(), 0.0),
            ("B".to_owned(), 1.0),
        ];
        let cloud = layout_compare(&list, &[-1.0, 0.0, 0.6], &scale, &legend, &options);
        assert_eq!(cloud.words.len(), 3);
        let color = |t: &str| cloud.words.iter().find(|w| w.text == t).unwrap().color;
        assert_eq!(color("Zeit"), scale.neutral);
        assert_eq!(color("Personal"), scale.low);
        assert_ne!(color("Geld"), scale.high);
        for line in &cloud.lines {
            assert!(line.y < 300.0);
            for w in &cloud.words {
                assert!((w.bbox[3] as f32) < line.y, "{w:?} over the legend");
            }
        }
        assert!(Diverging::default().low.contrast(Color::WHITE) >= 3.0);
        assert!(Diverging::default().high.contrast(Color::WHITE) >= 3.0);
        assert!(Diverging::default().neutral.contrast(Color::WHITE) >= 3.0);
    }
}
