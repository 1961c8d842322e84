//! The placement loop: largest first, along the spiral, real glyph shapes, no silent loss; and
//! the search for the largest common scale at which every word fits.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::color::Color;
use crate::mask::Mask;
use crate::model::{Layout, PlacedWord, WeightedWord};
use crate::occupancy::Occupancy;
use crate::options::{LayoutOptions, Sizing};
use crate::raster::Raster;
use crate::rng::Rng;
use crate::spiral::SpiralKind;
use crate::sprite::Sprite;

/// Share of the allowed area the words' text boxes cover at the first scale the fill search
/// tries (a guess: the search moves from there).
const FIRST_GUESS_FILL: f64 = 1.2;
/// The fill search steps the scale by this factor until it has a scale that fits and one that
/// does not, then bisects between them.
const STEP: f32 = 1.1;
/// Where words at the minimum size do not fit, the fill search shrinks by this factor.
const CROWDED_STEP: f32 = 1.5;
/// … but not below this many times the minimum size for the heaviest word.
const CROWDED_FLOOR: f32 = 4.0;
/// The bisection stops when the scale that fits is within this factor of one that does not
/// (the heaviest word at most 5 % smaller than it could be): one probe fewer than 3 %.
const PRECISION: f32 = 1.05;
/// Layouts tried at shrinking sizes until the heaviest word is placed (fixed sizes, and clouds
/// that cannot place every word).
const MAX_ATTEMPTS: usize = 8;
/// With fixed sizes, each smaller attempt for a word that does not fit multiplies its size by this.
const SHRINK: f32 = 0.85;

/// Lays out `words` on a canvas as `options` say. Never fails: words that do not fit even at the
/// minimum size are returned in [`Layout::dropped`], and the heaviest word is always placed
/// (everything shrinks until it fits). Invalid options should be caught with
/// [`LayoutOptions::validate`] first; out-of-range values are clamped here.
///
/// With the default [`Sizing::Fill`], the font sizes are the largest at which every word fits
/// at exactly the size its weight gives it: layouts are tried at growing and shrinking scales
/// (each a full deterministic layout) and the largest that places every word is kept.
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
    let full_height = options.height.clamp(16, crate::options::MAX_SIDE);
    // the title and the caption take bands at the top and the bottom; the words get the rest
    let (lines, top, bottom) = crate::labels::lines(
        &options.labels,
        &options.font,
        (width as u32, full_height),
        options.background,
    );
    let height = (full_height - top - bottom) as usize;
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
    let colors = options.palette.assign(
        options.color_by,
        &words.iter().map(|w| w.weight).collect::<Vec<_>>(),
        options.background,
        options.seed,
    );
    let min_font = options.min_font.max(1.0);
    let cap = size_cap(&words, options, width, height);
    let largest = match options.sizing {
        Sizing::Fill { max_font } => max_font.map_or(cap, |m| m.min(cap)),
        Sizing::Fixed { max_font } | Sizing::Exact { max_font } => max_font,
    }
    .max(min_font);
    let mut placer = Placer::new(
        &words,
        &colors,
        options,
        mask.as_ref(),
        (width, height),
        largest,
    );
    let mut cloud = match options.sizing {
        Sizing::Fill { .. } => {
            let guess = first_guess(&words, options, mask.as_ref(), (width, height));
            fill(&mut placer, guess.clamp(min_font, largest), largest)
        }
        Sizing::Fixed { max_font } => placer.top_placed(max_font.max(min_font), Mode::Shrink),
        Sizing::Exact { max_font } => placer.top_placed(max_font.max(min_font), Mode::Drop),
    };
    cloud.contour = options
        .contour
        .zip(mask.as_ref())
        .map(|(color, m)| crate::model::Contour {
            segments: m.contour(),
            color,
        });
    // from the words' band to the canvas
    for word in &mut cloud.words {
        word.y += top as f32;
        word.bbox[1] += top;
        word.bbox[3] += top;
    }
    if let Some(contour) = &mut cloud.contour {
        for segment in &mut contour.segments {
            segment.1 += top;
            segment.3 += top;
        }
    }
    cloud.height = full_height;
    cloud.labels = options.labels.clone();
    cloud.lines = lines;
    cloud
}

/// The fill search: from `guess`, scales grow (or shrink) by [`STEP`] until one places every
/// word and a larger one does not (or `largest` places every word), then bisection narrows the
/// gap to [`PRECISION`]. Each step is a full layout that stops at the first word that does not
/// fit. The result is the layout of the largest scale tried that placed every word. If none
/// does (too many words for the canvas even at the minimum size), the layout at the smallest
/// scale tried, with the words that do not fit dropped.
fn fill(placer: &mut Placer, guess: f32, largest: f32) -> Layout {
    let min_font = placer.options.min_font.max(1.0);
    let mut fits: Option<(f32, Layout)> = None;
    let mut too_large: Option<f32> = None;
    let mut scale = guess;
    match placer.place(scale, Mode::Exact) {
        Ok(cloud) => fits = Some((scale, cloud)),
        Err(_) => too_large = Some(scale),
    }
    if fits.is_some() {
        while too_large.is_none() && scale < largest {
            let next = (scale * STEP).min(largest);
            match placer.place(next, Mode::Exact) {
                Ok(cloud) => fits = Some((next, cloud)),
                Err(_) => too_large = Some(next),
            }
            scale = next;
        }
    } else {
        // Shrinking the big words makes room for the small ones. Where a word at the minimum
        // size already does not fit, the canvas is crowded: shrink faster, and stop when the
        // heaviest word would be hardly larger than the lightest.
        let floor = (CROWDED_FLOOR * min_font).min(guess);
        let mut crowded = false;
        while scale > floor {
            let next = (scale / if crowded { CROWDED_STEP } else { STEP }).max(floor);
            match placer.place(next, Mode::Exact) {
                Ok(cloud) => {
                    fits = Some((next, cloud));
                    break;
                }
                Err(Misfit { at_min_font }) => {
                    too_large = Some(next);
                    crowded = at_min_font;
                }
            }
            scale = next;
        }
    }
    let Some((mut lo, mut best)) = fits else {
        // too many words for the canvas: the smallest scale tried places the most
        return placer.top_placed(scale, Mode::Drop);
    };
    if let Some(mut hi) = too_large {
        while hi > lo * PRECISION {
            let mid = (lo * hi).sqrt();
            match placer.place(mid, Mode::Exact) {
                Ok(cloud) => (lo, best) = (mid, cloud),
                Err(_) => hi = mid,
            }
        }
    }
    best
}

/// The largest size the heaviest word can have at all: its text box (in the rotation that
/// suits the canvas best) fits the canvas.
fn size_cap(words: &[WeightedWord], options: &LayoutOptions, width: usize, height: usize) -> f32 {
    let Some(top) = words.first() else {
        return options.min_font;
    };
    let unit_w = options.font.text_width(&top.text, 100.0).max(1.0) / 100.0;
    let unit_h = options.font.line_height(100.0).max(1.0) / 100.0;
    let (w, h) = (width as f32, height as f32);
    options
        .rotations
        .iter()
        .map(|r| {
            let (sin, cos) = (r.to_radians().sin().abs(), r.to_radians().cos().abs());
            let (bw, bh) = (unit_w * cos + unit_h * sin, unit_w * sin + unit_h * cos);
            (w / bw).min(h / bh)
        })
        .fold(options.min_font, f32::max)
}

/// The scale at which the words' text boxes cover [`FIRST_GUESS_FILL`] of the allowed area.
fn first_guess(
    words: &[WeightedWord],
    options: &LayoutOptions,
    mask: Option<&Mask>,
    (width, height): (usize, usize),
) -> f32 {
    let Some(top) = words.first() else {
        return options.min_font;
    };
    let area = mask.map_or(width * height, Mask::area) as f64;
    let unit_h = f64::from(options.font.line_height(100.0)) / 100.0;
    // text-box area at a scale of 1 px for the heaviest word (ignoring the minimum size)
    let unit_area: f64 = words
        .iter()
        .map(|w| {
            let t = options.scale.size(w.weight, top.weight, 1.0, 0.0);
            f64::from(options.font.text_width(&w.text, 100.0)) / 100.0 * unit_h * t * t
        })
        .sum();
    (FIRST_GUESS_FILL * area / unit_area.max(1e-9)).sqrt() as f32
}

/// What to do with a word that does not fit at its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Stop: the scale is too large (the fill search).
    Exact,
    /// Drop it (and report it).
    Drop,
    /// Try it smaller, down to the minimum size, then drop it (fixed sizes).
    Shrink,
}

/// A layout in [`Mode::Exact`] stopped at a word that did not fit.
#[derive(Debug)]
struct Misfit {
    /// The word was at the minimum size already.
    at_min_font: bool,
}

/// A word drawn at one size and rotation: its raster (for the position of its centre) and
/// its sprite (for collisions), or `None` when it has no ink.
type Drawn = Option<(Raster, Sprite)>;

/// Places words at a given scale; keeps what stays the same from one scale to the next.
struct Placer<'a> {
    words: &'a [WeightedWord],
    colors: &'a [Color],
    options: &'a LayoutOptions,
    size: (usize, usize),
    /// The empty canvas: the mask's forbidden pixels taken.
    empty: Occupancy,
    /// Where the search begins: the mask's centre of mass, or the canvas centre.
    centre: (i32, i32),
    /// Per word and rotation, the last size it was drawn at and the result: words at the
    /// minimum size keep theirs at every scale, and are rasterized once.
    drawn: Vec<Vec<Option<(f32, Drawn)>>>,
}

impl<'a> Placer<'a> {
    /// `largest`: no word will be larger (sets the free border the grown sprites need).
    fn new(
        words: &'a [WeightedWord],
        colors: &'a [Color],
        options: &'a LayoutOptions,
        mask: Option<&Mask>,
        (width, height): (usize, usize),
        largest: f32,
    ) -> Placer<'a> {
        // the widest gap at any of the rotations: an oblique word's gap exceeds both of the
        // upright word's (√2 × at 45°)
        let gap = std::iter::once(&0.0)
            .chain(&options.rotations)
            .map(|&rotation| {
                let (gx, gy) = options.gaps(largest, rotation);
                gx.max(gy)
            })
            .max()
            .unwrap_or(0);
        let border = gap as usize + 2;
        let mut empty = Occupancy::new(width, height, border);
        if let Some(mask) = mask {
            for y in 0..height {
                for x in 0..width {
                    if !mask.allows(x as u32, y as u32) {
                        empty.set(x, y);
                    }
                }
            }
            empty.update_all();
        }
        Placer {
            words,
            colors,
            options,
            size: (width, height),
            empty,
            centre: mask.map_or((width as i32 / 2, height as i32 / 2), centre_of),
            drawn: vec![vec![None; options.rotations.len()]; words.len()],
        }
    }

    /// The layout at the first of `max_font`, 0.8 × `max_font`, … that places the heaviest word.
    fn top_placed(&mut self, max_font: f32, mode: Mode) -> Layout {
        let min_font = self.options.min_font.max(1.0);
        let mut best: Option<Layout> = None;
        let mut factor = 1.0;
        for _ in 0..MAX_ATTEMPTS {
            let cloud = self
                .place((max_font * factor).max(min_font), mode)
                .expect("only Mode::Exact stops early");
            let placed = self.words.is_empty()
                || cloud
                    .words
                    .first()
                    .is_some_and(|w| w.text == self.words[0].text);
            if placed || best.is_none() {
                best = Some(cloud);
            }
            if placed {
                break;
            }
            factor *= 0.8;
        }
        best.expect("at least one attempt")
    }

    /// The sprite of word `rank` at `size` and rotation number `r`, drawn or from the last scale.
    fn drawn(&mut self, rank: usize, r: usize, size: f32) -> &Drawn {
        let options = self.options;
        let slot = &mut self.drawn[rank][r];
        if slot.as_ref().is_none_or(|(s, _)| *s != size) {
            let shape = options
                .font
                .shape(&self.words[rank].text, size, options.rotations[r]);
            let raster = Raster::new(&shape);
            let (gx, gy) = options.gaps(size, options.rotations[r]);
            let radius = (gx as usize, gy as usize);
            let drawn = Sprite::new(&raster, radius, !options.fill_holes).map(|s| (raster, s));
            *slot = Some((size, drawn));
        }
        &slot.as_ref().expect("set above").1
    }

    /// Lays out every word with the heaviest at `max_font`; `Err` only in [`Mode::Exact`].
    fn place(&mut self, max_font: f32, mode: Mode) -> Result<Layout, Misfit> {
        let options = self.options;
        let (width, height) = self.size;
        let min_font = options.min_font.max(1.0);
        let mut occupancy = self.empty.clone();
        let mut rng = Rng::new(options.seed);
        let max_w = self.words.first().map_or(1.0, |w| w.weight);
        let mut placed = Vec::new();
        let mut dropped = Vec::new();

        let words = self.words;
        for (rank, word) in words.iter().enumerate() {
            let size =
                options
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
            let start = (self.centre.0 + jitter.0, self.centre.1 + jitter.1);
            let mut found = None;
            let mut blank = false;
            let mut s = size;
            'sizes: loop {
                for &r in &rotations {
                    let Some((raster, sprite)) = self.drawn(rank, r, s) else {
                        blank = true;
                        break 'sizes;
                    };
                    if let Some(at) = search(
                        &occupancy,
                        sprite,
                        raster,
                        options.spiral,
                        start,
                        (width, height),
                    ) {
                        // the sprite's top-left is the raster's, moved out by the growth
                        let (rx, ry) = (sprite.ink.0 as isize, sprite.ink.1 as isize);
                        occupancy.insert(sprite, at.0 - rx, at.1 - ry);
                        found = Some((s, options.rotations[r], raster.clone(), at));
                        break 'sizes;
                    }
                }
                if mode != Mode::Shrink || s <= min_font {
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
                    placed.push(PlacedWord {
                        text: word.text.clone(),
                        weight: word.weight,
                        font_size,
                        x: px as f32 + raster.origin.0,
                        y: py as f32 + raster.origin.1,
                        rotation,
                        color: self.colors[rank],
                        bbox,
                    });
                }
                None if mode == Mode::Exact && !blank => {
                    return Err(Misfit {
                        at_min_font: size <= min_font,
                    })
                }
                None => dropped.push(word.clone()),
            }
        }
        Ok(Layout {
            width: width as u32,
            height: height as u32,
            background: options.background,
            words: placed,
            dropped,
            contour: None,
            font: options.font.clone(),
            labels: Default::default(),
            lines: Vec::new(),
        })
    }
}

/// The rotations to try for one word, as indices into `rotations`: a preferred one first
/// (horizontal with probability `prefer_horizontal` when 0° is allowed, otherwise a seeded
/// pick), then the others in order.
fn rotation_order(rotations: &[f32], prefer_horizontal: f64, rng: &mut Rng) -> Vec<usize> {
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
    let mut order = vec![first];
    order.extend((0..rotations.len()).filter(|&i| i != first));
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
    kind: SpiralKind,
    centre: (i32, i32),
    (width, height): (usize, usize),
) -> Option<(isize, isize)> {
    // the raster's top-left inside the sprite (the growth around the ink)
    let (pad_x, pad_y) = (sprite.ink.0 as i64, sprite.ink.1 as i64);
    let (ox, oy) = (raster.origin.0 as i64, raster.origin.1 as i64);
    // sprite top-left that puts the text-box centre on `centre`
    let (tx, ty) = (
        i64::from(centre.0) - ox - pad_x,
        i64::from(centre.1) - oy - pad_y,
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
    best.map(|(_, x, y)| ((x + pad_x) as isize, (y + pad_y) as isize))
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
fn centre_of(mask: &Mask) -> (i32, i32) {
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
