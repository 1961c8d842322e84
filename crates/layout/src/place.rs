//! The placement loop: largest first, along the spiral, real glyph shapes, no silent loss.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::color::Color;
use crate::model::{Layout, PlacedWord, WeightedWord};
use crate::occupancy::Occupancy;
use crate::options::LayoutOptions;
use crate::raster::Raster;
use crate::rng::Rng;
use crate::spiral::{offsets, SpiralKind};
use crate::sprite::Sprite;

/// Distance between spiral turns, pixels.
const SPIRAL_SPACING: f64 = 4.0;
/// How much of the allowed area the words' text boxes may cover when the size is derived.
const FILL: f64 = 0.6;
/// Each smaller attempt for a word that does not fit multiplies its size by this.
const SHRINK: f32 = 0.85;

/// Lays out `words` on a canvas as `options` say. Never fails: words that do not fit even at the
/// minimum size are returned in [`Layout::dropped`], and the heaviest word is always placed
/// (everything shrinks until it fits). Invalid options should be caught with
/// [`LayoutOptions::validate`] first; out-of-range values are clamped here.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, LayoutOptions, WeightedWord};
///
/// let words = [WeightedWord::new("Personal", 12.0), WeightedWord::new("Zeit", 5.0), WeightedWord::new("Geld", 3.0)];
/// let options = LayoutOptions { width: 300, height: 200, ..Default::default() };
/// let cloud = layout(&words, &options);
/// assert_eq!(cloud.words.len(), 3);
/// assert!(cloud.dropped.is_empty());
/// assert_eq!(cloud.words[0].text, "Personal");
/// // the same seed gives the same layout
/// assert_eq!(layout(&words, &options).words, cloud.words);
/// ```
pub fn layout(words: &[WeightedWord], options: &LayoutOptions) -> Layout {
    let width = options.width.clamp(16, crate::options::MAX_SIDE) as usize;
    let height = options.height.clamp(16, crate::options::MAX_SIDE) as usize;
    let mut words: Vec<WeightedWord> = words
        .iter()
        .filter(|w| w.weight > 0.0 && w.weight.is_finite() && !w.text.trim().is_empty())
        .map(|w| WeightedWord {
            text: w.text.trim().to_owned(),
            weight: w.weight,
        })
        .collect();
    words.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.text.cmp(&b.text))
    });

    let mask = options
        .mask
        .as_ref()
        .map(|m| m.resized(width as u32, height as u32));
    let allowed_area = mask.as_ref().map_or(width * height, |m| m.area()) as f64;
    let colors = options.palette.assign(
        options.color_by,
        &words.iter().map(|w| w.weight).collect::<Vec<_>>(),
        options.background,
        options.seed,
    );
    let spiral = cached_offsets(options.spiral, width, height);
    let min_font = options.min_font.max(1.0);
    let max_font = options
        .max_font
        .unwrap_or_else(|| derived_max_font(&words, options, width, height, allowed_area));

    let mut factor = 1.0f32;
    let mut best: Option<Layout> = None;
    for attempt in 0..8 {
        let cloud = place_all(
            &words,
            &colors,
            options,
            mask.as_ref(),
            &spiral,
            width,
            height,
            (max_font * factor).max(min_font),
            min_font,
        );
        let top_dropped =
            !words.is_empty() && cloud.words.first().is_none_or(|w| w.text != words[0].text);
        let done = cloud.dropped.is_empty()
            || (options.max_font.is_some() && !top_dropped)
            || attempt == 7;
        let better = best
            .as_ref()
            .is_none_or(|b| cloud.dropped.len() <= b.dropped.len() || top_dropped_in(b, &words));
        if better && !(top_dropped && best.is_some()) {
            best = Some(cloud);
        }
        if done && !top_dropped {
            break;
        }
        factor *= if top_dropped { 0.8 } else { 0.9 };
    }
    let mut cloud = best.expect("at least one attempt");
    cloud.contour = options
        .contour
        .zip(mask.as_ref())
        .map(|(color, m)| (m.contour(), color));
    cloud
}

fn top_dropped_in(cloud: &Layout, words: &[WeightedWord]) -> bool {
    !words.is_empty() && cloud.words.first().is_none_or(|w| w.text != words[0].text)
}

/// The spiral offsets for a canvas, computed once per process and canvas size.
fn cached_offsets(kind: SpiralKind, width: usize, height: usize) -> Arc<Vec<(i32, i32)>> {
    type Cache = Mutex<HashMap<(SpiralKind, usize, usize), Arc<Vec<(i32, i32)>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    map.entry((kind, width, height))
        .or_insert_with(|| Arc::new(offsets(kind, width, height, SPIRAL_SPACING)))
        .clone()
}

/// The largest font size at which (a) the heaviest word fits the canvas width and a third of
/// its height, and (b) the text boxes of all words cover at most [`FILL`] of the allowed area.
fn derived_max_font(
    words: &[WeightedWord],
    options: &LayoutOptions,
    width: usize,
    height: usize,
    area: f64,
) -> f32 {
    let Some(top) = words.first() else {
        return options.min_font;
    };
    let font = &options.font;
    let unit_w = f64::from(font.text_width(&top.text, 100.0)).max(1.0) / 100.0;
    let unit_h = f64::from(font.line_height(100.0)) / 100.0;
    let mut max = (0.85 * width as f64 / unit_w).min(height as f64 / 3.0 / unit_h);
    let max_w = top.weight;
    for _ in 0..6 {
        let covered: f64 = words
            .iter()
            .map(|w| {
                let size = options
                    .scale
                    .size(w.weight, max_w, max, f64::from(options.min_font));
                let text_w = f64::from(font.text_width(&w.text, 100.0)) / 100.0 * size;
                text_w * unit_h * size
            })
            .sum();
        if covered <= FILL * area {
            break;
        }
        max *= (FILL * area / covered).sqrt().max(0.5);
    }
    (max as f32).max(options.min_font)
}

#[allow(clippy::too_many_arguments)]
fn place_all(
    words: &[WeightedWord],
    colors: &[Color],
    options: &LayoutOptions,
    mask: Option<&crate::mask::Mask>,
    spiral: &[(i32, i32)],
    width: usize,
    height: usize,
    max_font: f32,
    min_font: f32,
) -> Layout {
    let padding = options.padding.min(100) as usize;
    let mut occupancy = Occupancy::new(width, height, padding + 2);
    if let Some(mask) = mask {
        for y in 0..height {
            for x in 0..width {
                if !mask.allows(x as u32, y as u32) {
                    occupancy.set(x, y);
                }
            }
        }
    }
    let mut rng = Rng::new(options.seed);
    let max_w = words.first().map_or(1.0, |w| w.weight);
    let mut placed = Vec::new();
    let mut dropped = Vec::new();
    // where the search may begin: the mask's centre of mass, or the canvas centre
    let centre = mask.map_or((width as i32 / 2, height as i32 / 2), centre_of);

    for (rank, word) in words.iter().enumerate() {
        let size = options
            .scale
            .size(word.weight, max_w, f64::from(max_font), f64::from(min_font))
            as f32;
        let rotations = rotation_order(&options.rotations, options.prefer_horizontal, &mut rng);
        let jitter = if rank == 0 {
            (0, 0)
        } else {
            let (jx, jy) = ((width / 12).max(1), (height / 12).max(1));
            (
                rng.below(2 * jx + 1) as i32 - jx as i32,
                rng.below(2 * jy + 1) as i32 - jy as i32,
            )
        };
        let start = (centre.0 + jitter.0, centre.1 + jitter.1);
        let mut found = None;
        let mut s = size;
        'sizes: loop {
            for &rotation in &rotations {
                let shape = options.font.shape(&word.text, s, rotation);
                let raster = Raster::new(&shape);
                let Some(sprite) = Sprite::new(&raster, padding) else {
                    break 'sizes;
                };
                if let Some(at) = search(
                    &occupancy, &sprite, &raster, padding, spiral, start, width, height,
                ) {
                    found = Some((s, rotation, raster, at));
                    break 'sizes;
                }
            }
            if s <= min_font {
                break;
            }
            s = (s * SHRINK).max(min_font);
        }
        match found {
            Some((font_size, rotation, raster, (px, py))) => {
                let mut bbox = [u32::MAX, u32::MAX, 0, 0];
                let ink = (0..raster.height)
                    .flat_map(|y| (0..raster.width).map(move |x| (x, y)))
                    .filter_map(|(x, y)| {
                        (raster.coverage[y * raster.width + x] > 0)
                            .then(|| ((px + x as isize) as usize, (py + y as isize) as usize))
                    });
                let ink: Vec<(usize, usize)> = ink.collect();
                for &(x, y) in &ink {
                    bbox = [
                        bbox[0].min(x as u32),
                        bbox[1].min(y as u32),
                        bbox[2].max(x as u32 + 1),
                        bbox[3].max(y as u32 + 1),
                    ];
                }
                occupancy.insert(ink);
                placed.push(PlacedWord {
                    text: word.text.clone(),
                    weight: word.weight,
                    font_size,
                    x: px as f32 + raster.origin.0,
                    y: py as f32 + raster.origin.1,
                    rotation,
                    color: colors[rank],
                    bbox,
                });
            }
            None => dropped.push(word.clone()),
        }
    }
    Layout {
        width: width as u32,
        height: height as u32,
        background: options.background,
        words: placed,
        dropped,
        contour: None,
        font: options.font.clone(),
    }
}

/// The rotations to try for one word: a preferred one first (horizontal with probability
/// `prefer_horizontal` when 0° is allowed, otherwise a seeded pick), then the others in order.
fn rotation_order(rotations: &[f32], prefer_horizontal: f64, rng: &mut Rng) -> Vec<f32> {
    let horizontal = rotations.iter().position(|&r| r == 0.0);
    let roll = rng.unit();
    let others: Vec<usize> = (0..rotations.len())
        .filter(|&i| Some(i) != horizontal)
        .collect();
    let first = match horizontal {
        Some(h) if roll < prefer_horizontal || others.is_empty() => h,
        _ if others.is_empty() => 0,
        _ => others[rng.below(others.len())],
    };
    let mut order = vec![rotations[first]];
    order.extend(
        rotations
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != first)
            .map(|(_, &r)| r),
    );
    order
}

/// The first free position along the spiral around `start`: the raster's top-left corner.
#[allow(clippy::too_many_arguments)]
fn search(
    occupancy: &Occupancy,
    sprite: &Sprite,
    raster: &Raster,
    padding: usize,
    spiral: &[(i32, i32)],
    start: (i32, i32),
    width: usize,
    height: usize,
) -> Option<(isize, isize)> {
    let (ox, oy) = (raster.origin.0 as i32, raster.origin.1 as i32);
    let (ix0, iy0, ix1, iy1) = sprite.ink;
    let (w, h) = (width as i32, height as i32);
    let pad = padding as i32;
    for &(dx, dy) in spiral {
        // raster top-left
        let (rx, ry) = (start.0 + dx - ox, start.1 + dy - oy);
        // the ink (sprite coordinates include the padding) must be inside the canvas
        let (sx, sy) = (rx - pad, ry - pad);
        if sx + ix0 as i32 >= 0
            && sy + iy0 as i32 >= 0
            && sx + ix1 as i32 <= w
            && sy + iy1 as i32 <= h
            && !occupancy.collides(sprite, sx as isize, sy as isize)
        {
            return Some((rx as isize, ry as isize));
        }
    }
    None
}

/// The centre of mass of a mask's allowed area.
fn centre_of(mask: &crate::mask::Mask) -> (i32, i32) {
    let (w, h) = mask.size();
    let (mut sx, mut sy, mut n) = (0u64, 0u64, 0u64);
    for y in 0..h {
        for x in 0..w {
            if mask.allows(x, y) {
                sx += u64::from(x);
                sy += u64::from(y);
                n += 1;
            }
        }
    }
    if n == 0 {
        return (w as i32 / 2, h as i32 / 2);
    }
    ((sx / n) as i32, (sy / n) as i32)
}
