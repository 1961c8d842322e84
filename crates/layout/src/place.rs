//! The placement loop: largest first, along the spiral, real glyph shapes, no silent loss.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::color::Color;
use crate::model::{Layout, PlacedWord, WeightedWord};
use crate::occupancy::Occupancy;
use crate::options::LayoutOptions;
use crate::raster::Raster;
use crate::rng::Rng;
use crate::spiral::SpiralKind;
use crate::sprite::Sprite;

/// How much of the allowed area the words' text boxes may cover when the size is derived:
/// a cloud of up to [`FULL_FILL_WORDS`] words fills half of it; larger sets fill less (down to
/// [`FILL`] at 1000 words), which keeps big clouds fast — small words in a dense cloud are the
/// expensive ones to place.
fn fill(words: usize) -> f64 {
    let t = (words.saturating_sub(FULL_FILL_WORDS) as f64 / 900.0).min(1.0);
    0.5 - (0.5 - FILL) * t
}

/// Clouds up to this many words fill half of the allowed area with text boxes.
const FULL_FILL_WORDS: usize = 100;
/// The fill of large clouds (1000 words and more).
const FILL: f64 = 0.38;
/// Layouts tried at shrinking sizes before giving up on placing every word.
const MAX_ATTEMPTS: usize = 8;
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
    let min_font = options.min_font.max(1.0);
    let max_font = options
        .max_font
        .unwrap_or_else(|| derived_max_font(&words, options, width, height, allowed_area));

    // Shrink everything until the heaviest word is placed and, with a derived maximum size,
    // until every word fits — or until shrinking stops helping (words already at the minimum).
    let mut factor = 1.0f32;
    let mut best: Option<Layout> = None;
    for _ in 0..MAX_ATTEMPTS {
        let cloud = place_all(
            &words,
            &colors,
            options,
            mask.as_ref(),
            width,
            height,
            (max_font * factor).max(min_font),
            min_font,
        );
        let stalled = best
            .as_ref()
            .is_some_and(|b| top_placed(b, &words) && cloud.dropped.len() >= b.dropped.len());
        let improved = match &best {
            None => true,
            Some(b) => {
                top_placed(&cloud, &words)
                    && (!top_placed(b, &words) || cloud.dropped.len() < b.dropped.len())
            }
        };
        if improved {
            best = Some(cloud);
        }
        let b = best.as_ref().expect("set on the first attempt");
        if top_placed(b, &words) && (b.dropped.is_empty() || options.max_font.is_some() || stalled)
        {
            break;
        }
        factor *= if top_placed(b, &words) { 0.9 } else { 0.8 };
    }
    let mut cloud = best.expect("at least one attempt");
    cloud.contour = options
        .contour
        .zip(mask.as_ref())
        .map(|(color, m)| crate::model::Contour {
            segments: m.contour(),
            color,
        });
    cloud
}

/// Whether the heaviest word made it onto the canvas.
fn top_placed(cloud: &Layout, words: &[WeightedWord]) -> bool {
    words.is_empty() || cloud.words.first().is_some_and(|w| w.text == words[0].text)
}

/// The largest font size at which (a) the heaviest word fits the canvas width and a third of
/// its height, and (b) the text boxes of all words cover at most [`fill`] of the allowed area.
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
    // advance width per pixel of font size, measured once per word
    let unit_widths: Vec<f64> = words
        .iter()
        .map(|w| f64::from(font.text_width(&w.text, 100.0)) / 100.0)
        .collect();
    for _ in 0..6 {
        let covered: f64 = words
            .iter()
            .zip(&unit_widths)
            .map(|(w, unit_w)| {
                let size = options
                    .scale
                    .size(w.weight, max_w, max, f64::from(options.min_font));
                unit_w * size * unit_h * size
            })
            .sum();
        let fill = fill(words.len());
        if covered <= fill * area {
            break;
        }
        max *= (fill * area / covered).sqrt().max(0.5);
    }
    (max as f32).max(options.min_font)
}

#[allow(clippy::too_many_arguments)]
fn place_all(
    words: &[WeightedWord],
    colors: &[Color],
    options: &LayoutOptions,
    mask: Option<&crate::mask::Mask>,
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
        occupancy.update_all();
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
                    &occupancy,
                    &sprite,
                    &raster,
                    padding,
                    options.spiral,
                    start,
                    (width, height),
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
                // the raster is cropped to the ink, so its rectangle is the ink's bounding box
                let bbox = [
                    px as u32,
                    py as u32,
                    (px as usize + raster.width) as u32,
                    (py as usize + raster.height) as u32,
                ];
                occupancy.insert_raster(&raster, px as usize, py as usize);
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

/// The free position nearest to `centre` for the sprite's text-box centre, or `None`.
///
/// Positions are taken in order of distance from the centre — elliptic (the canvas' aspect
/// ratio) for [`SpiralKind::Archimedean`], box-shaped for [`SpiralKind::Rectangular`]: the order
/// an ideal, infinitely fine spiral would visit them in. The search is exact: rows are scanned
/// outwards from the centre row, 64 positions at a time (see [`Occupancy::blocked`]), and stops
/// as soon as no unvisited position can be nearer than the best one found. Returns the raster's
/// top-left corner.
fn search(
    occupancy: &Occupancy,
    sprite: &Sprite,
    raster: &Raster,
    padding: usize,
    kind: SpiralKind,
    centre: (i32, i32),
    (width, height): (usize, usize),
) -> Option<(isize, isize)> {
    let pad = padding as i64;
    let (ox, oy) = (raster.origin.0 as i64, raster.origin.1 as i64);
    // sprite top-left that puts the text-box centre on `centre`
    let (tx, ty) = (
        i64::from(centre.0) - ox - pad,
        i64::from(centre.1) - oy - pad,
    );
    let (ix0, iy0, ix1, iy1) = sprite.ink;
    // sprite top-left range that keeps the ink inside the canvas
    let (x_lo, x_hi) = (-(ix0 as i64), width as i64 - ix1 as i64);
    let (y_lo, y_hi) = (-(iy0 as i64), height as i64 - iy1 as i64);
    if x_lo > x_hi || y_lo > y_hi {
        return None;
    }
    let (w, h) = (width as i64, height as i64);
    let distance = |dx: i64, dy: i64| -> i64 {
        let (a, b) = (dx.abs() * h, dy.abs() * w);
        match kind {
            SpiralKind::Archimedean => a * a + b * b,
            SpiralKind::Rectangular => a.max(b).pow(2),
        }
    };
    let mut best: Option<(i64, i64, i64)> = None; // (distance, x, y)
                                                  // Every row (a few pixels apart for taller words) has two cursors: the next window of 64
                                                  // positions right of the centre (`[tx + 64 k, tx + 64 k + 64)`) and left of it
                                                  // (`[tx - 64 (k + 1), tx - 64 k)`). A heap hands out the window that may hold the nearest
                                                  // position next; the search ends when that lower bound is no better than the best found.
    let row_step = (sprite.height as i64 / 8).clamp(2, 6);
    let windows_right = (x_hi - tx).max(-1) / 64 + 1;
    let windows_left = ((tx - x_lo).max(0) + 63) / 64;
    let window_x0 = |k: i64, right: bool| {
        if right {
            tx + 64 * k
        } else {
            tx - 64 * (k + 1)
        }
    };
    let bound = |k: i64, right: bool, dy: i64| {
        let x0 = window_x0(k, right);
        distance(if right { x0 - tx } else { tx - (x0 + 63) }, dy)
    };
    // heap entries packed into one u128: distance, row, side, window index (compared at once)
    let pack = |d: i64, y: i64, right: bool, k: i64| -> u128 {
        (d as u128) << 64 | ((y - y_lo) as u128) << 32 | u128::from(right) << 31 | k as u128
    };
    let unpack = |v: u128| -> (i64, i64, bool, i64) {
        (
            (v >> 64) as i64,
            ((v >> 32) as u32) as i64 + y_lo,
            (v >> 31) & 1 == 1,
            (v as u32 & 0x7fff_ffff) as i64,
        )
    };
    // Rows join the heap lazily, nearest first, when their lower bound comes up: the heap
    // holds only the rows of the disc searched so far.
    let mut heap = BinaryHeap::new();
    let rows_up = (ty - y_lo).div_euclid(row_step); // rows at ty - step, ty - 2 step, … ≥ y_lo
    let rows_down = (y_hi - ty).div_euclid(row_step); // rows at ty, ty + step, … ≤ y_hi
    let mut next_row = 0i64; // 0, 1, 2, … ↦ dy = 0, +step, -step, +2 step, …
    let row_dy = |n: i64| {
        if n % 2 == 0 {
            (n / 2) * row_step
        } else {
            -((n + 1) / 2) * row_step
        }
    };
    let row_exists = |dy: i64| {
        if dy >= 0 {
            dy / row_step <= rows_down && ty + dy >= y_lo
        } else {
            -dy / row_step <= rows_up && ty + dy <= y_hi
        }
    };
    let max_rows = 2 * (rows_up.max(rows_down) + 1) + 1;
    loop {
        // admit every row whose nearest window may beat the heap's best candidate
        while next_row < max_rows {
            let dy = row_dy(next_row);
            let lower = distance(0, dy);
            if heap.peek().is_some_and(|Reverse(e)| lower > unpack(*e).0) {
                break;
            }
            next_row += 1;
            if !row_exists(dy) {
                continue;
            }
            if windows_right > 0 {
                heap.push(Reverse(pack(bound(0, true, dy), ty + dy, true, 0)));
            }
            if windows_left > 0 {
                heap.push(Reverse(pack(bound(0, false, dy), ty + dy, false, 0)));
            }
        }
        let Some(Reverse(entry)) = heap.pop() else {
            break;
        };
        let (lower, y, right, k) = unpack(entry);
        if best.is_some_and(|(b, _, _)| lower >= b) {
            break;
        }
        let dy = y - ty;
        let x0 = window_x0(k, right);
        let count = if right { windows_right } else { windows_left };
        // jump over windows whose longest run of ink cannot find room on this row
        let next = match occupancy.next_window(
            x0 as isize,
            y as isize,
            sprite.longest_run,
            tx as isize,
            right,
        ) {
            Some(next) if next > k => next,
            Some(_) => {
                if let Some((d, x)) =
                    test_window(occupancy, sprite, x0, y, (x_lo, x_hi), right, |x| {
                        distance(x - tx, dy)
                    })
                {
                    if best.is_none_or(|(b, _, _)| d < b) {
                        best = Some((d, x, y));
                    }
                }
                k + 1
            }
            None => count,
        };
        if next < count {
            heap.push(Reverse(pack(bound(next, right, dy), y, right, next)));
        }
    }
    best.map(|(_, x, y)| ((x + pad) as isize, (y + pad) as isize))
}

/// Tests the 64 positions `[x0, x0 + 64)` of row `y` and returns the free one nearest to the
/// centre (`towards_right`: the window lies right of the centre, so its lowest free bit is the
/// nearest) with its distance.
fn test_window(
    occupancy: &Occupancy,
    sprite: &Sprite,
    x0: i64,
    y: i64,
    (x_lo, x_hi): (i64, i64),
    towards_right: bool,
    distance: impl Fn(i64) -> i64,
) -> Option<(i64, i64)> {
    // test from `base` (never left of the allowed range, so indices stay inside the border)
    let base = x0.max(x_lo);
    let hi = (x_hi - base + 1).min(x0 + 64 - base).clamp(0, 64);
    if hi <= 0 {
        return None;
    }
    let (bx, by) = (base as isize, y as isize);
    if !occupancy.may_fit_run(bx, by, sprite.longest_run)
        || sprite
            .band_runs
            .iter()
            .any(|&run| !occupancy.may_fit_run(bx, by, run))
    {
        return None;
    }
    let mut free = if hi == 64 { u64::MAX } else { (1u64 << hi) - 1 };
    free &= !occupancy.blocked_run(bx, by, sprite.longest_run);
    if free == 0 {
        return None;
    }
    free &= !occupancy.blocked(sprite, bx, by, sprite.key_rows.iter().copied(), free);
    if free == 0 {
        return None;
    }
    free &= !occupancy.blocked(sprite, bx, by, sprite.check_order.iter().copied(), free);
    if free == 0 {
        return None;
    }
    let i = if towards_right {
        free.trailing_zeros()
    } else {
        63 - free.leading_zeros()
    } as i64;
    Some((distance(base + i), base + i))
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
