//! The placement loop: largest first, along the spiral, real glyph shapes, no silent loss; and
//! the search for the largest common scale at which every word fits.

use std::collections::HashMap;

use crate::color::Color;
use crate::font::Font;
use crate::font::P;
use crate::mask::Mask;
use crate::model::{DropReason, DroppedWord, Layout, PlacedWord, WeightedWord};
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
/// does not (the first guess is usually within a step or two of the result).
const STEP: f32 = 1.05;
/// Where words at the minimum size do not fit, the fill search shrinks by this factor.
const CROWDED_STEP: f32 = 1.5;
/// … but not below this many times the minimum size for the heaviest word.
const CROWDED_FLOOR: f32 = 4.0;
/// Where the crowded search stepped faster, bisection narrows the gap between the scale that
/// fits and one that does not to this factor (the heaviest word at most about 5 % smaller than
/// it could be, as one [`STEP`] leaves it).
const PRECISION: f32 = 1.06;
/// Layouts tried at shrinking sizes until the heaviest word is placed (fixed sizes, and clouds
/// that cannot place every word).
const MAX_ATTEMPTS: usize = 8;
/// With fixed sizes, each smaller attempt for a word that does not fit multiplies its size by this.
const SHRINK: f32 = 0.85;

/// Lays out `words` on a canvas as `options` say. Never fails, and accounts for every word:
/// each is placed or in [`Layout::dropped`] with a [`DropReason`] — it does
/// not fit even at the minimum size, its weight is not positive and finite, its text is empty,
/// it repeats an earlier word's text (the weights are added, the text drawn once), or the font
/// lacks some of its characters (see [`Layout::warnings`]). The heaviest drawable word is always
/// placed (everything shrinks until it fits). Invalid options should be caught with
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
    let (mut words, refused) = accept(words, &options.font);
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
    cloud.dropped.extend(refused);
    cloud.height = full_height;
    cloud.labels = options.labels.clone();
    cloud.lines = lines;
    cloud
}

/// The words that can be drawn (trimmed; a repeated text once, with the weights added), and
/// the others with the reason, in input order.
fn accept(words: &[WeightedWord], font: &Font) -> (Vec<WeightedWord>, Vec<DroppedWord>) {
    let mut accepted: Vec<WeightedWord> = Vec::with_capacity(words.len());
    let mut refused = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(words.len());
    for word in words {
        let text = word.text.trim();
        let missing = font.missing_glyphs(text);
        let reason = if text.is_empty() {
            DropReason::EmptyText
        } else if !(word.weight > 0.0 && word.weight.is_finite()) {
            DropReason::InvalidWeight
        } else if !missing.is_empty() {
            DropReason::MissingGlyphs(missing)
        } else if let Some(&i) = first.get(text) {
            accepted[i].weight += word.weight;
            DropReason::Duplicate
        } else {
            first.insert(text, accepted.len());
            accepted.push(WeightedWord::new(text, word.weight));
            continue;
        };
        refused.push(DroppedWord {
            text: text.to_owned(),
            weight: word.weight,
            reason,
        });
    }
    (accepted, refused)
}

/// The fill search: from `guess`, scales grow (or shrink) by [`STEP`] until one places every
/// word and a larger one does not (or `largest` places every word), then bisection narrows the
/// gap to [`PRECISION`]. Each step is a full layout that stops at the first word that does not
/// fit. The result is the layout of the largest scale tried that placed every word. If none
/// does (too many words for the canvas even at the minimum size), the layout at the smallest
/// scale tried, with the words that do not fit dropped.
fn fill(placer: &mut Placer, guess: f32, largest: f32) -> Layout {
    let min_font = placer.options.min_font.max(1.0);
    let mut probes = Probes::new(placer);
    let mut fits: Option<(f32, Layout)> = None;
    let mut too_large: Option<f32> = None;
    let mut scale = guess;
    // the first guess usually fits: the step above it is tried beside it
    let above = |s: f32| (s < largest).then(|| (s * STEP).min(largest));
    match probes.place(scale, above(scale)) {
        Ok(cloud) => fits = Some((scale, cloud)),
        Err(_) => too_large = Some(scale),
    }
    if fits.is_some() {
        while too_large.is_none() && scale < largest {
            let next = (scale * STEP).min(largest);
            match probes.place(next, above(next)) {
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
            // tried beside it: the step below (as if this one does not fit either)
            let below = (next > floor).then(|| (next / STEP).max(floor));
            match probes.place(next, below) {
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
        return probes.placer.top_placed(scale, Mode::Drop);
    };
    if let Some(mut hi) = too_large {
        while hi > lo * PRECISION {
            let mid = (lo * hi).sqrt();
            match probes.place(mid, None) {
                Ok(cloud) => (lo, best) = (mid, cloud),
                Err(_) => hi = mid,
            }
        }
    }
    best
}

/// [`Placer::drawn`] before any word is drawn: a slot per word and rotation.
fn not_drawn(words: &[WeightedWord], options: &LayoutOptions) -> Vec<Vec<Option<(f32, Drawn)>>> {
    (0..words.len())
        .map(|_| (0..options.rotations.len()).map(|_| None).collect())
        .collect()
}

/// The fill search's layouts, with the next one it will probably ask for laid out beside it
/// on a second thread ([`LayoutOptions::threads`]): each layout depends only on its scale, so
/// the search ends with the same layout however many threads ran it, only sooner.
struct Probes<'p, 'a> {
    placer: &'p mut Placer<'a>,
    /// Whether a second thread may lay out the next scale.
    parallel: bool,
    /// The layout of a scale laid out ahead, not yet asked for.
    ahead: Option<(f32, Result<Layout, Misfit>)>,
}

impl<'p, 'a> Probes<'p, 'a> {
    fn new(placer: &'p mut Placer<'a>) -> Probes<'p, 'a> {
        let threads = match placer.options.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        };
        Probes {
            placer,
            parallel: threads > 1,
            ahead: None,
        }
    }

    /// The layout at `scale` (in [`Mode::Exact`]); `next`: the scale likely to be asked for
    /// next, laid out meanwhile on a second thread if there is one.
    fn place(&mut self, scale: f32, next: Option<f32>) -> Result<Layout, Misfit> {
        if let Some((at, cloud)) = self.ahead.take() {
            if at == scale {
                return cloud;
            }
        }
        match next.filter(|&n| self.parallel && n != scale) {
            Some(next) => {
                let mut fork = self.placer.fork();
                let (cloud, ahead) = std::thread::scope(|scope| {
                    let ahead = std::thread::Builder::new()
                        .spawn_scoped(scope, move || fork.place(next, Mode::Exact));
                    let cloud = self.placer.place(scale, Mode::Exact);
                    (cloud, ahead.ok().and_then(|ahead| ahead.join().ok()))
                });
                // no thread to be had (or a layout that panicked there): the next scale is
                // laid out here when it is asked for
                self.ahead = ahead.map(|ahead| (next, ahead));
                cloud
            }
            None => self.placer.place(scale, Mode::Exact),
        }
    }
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

/// A word drawn at one size and rotation, or `None` when it has no ink.
type Drawn = Option<DrawnWord>;

/// A word drawn at one size and rotation.
struct DrawnWord {
    /// The size in pixels of the ink's bounding box, or of its cells on a coarse grid.
    size: (usize, usize),
    /// The text-box centre inside that box, in pixels.
    origin: P,
    /// The same centre in grid cells (inside the coarse raster the sprite was made from).
    cell_origin: P,
    /// The ink in grid cells, grown by the gaps, for collisions.
    sprite: Sprite,
}

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
    /// With a mask, where the searches may begin (see [`Starts`]).
    starts: Option<Starts>,
    /// The colours a word may take instead of its own to differ from its neighbours.
    swappable: Option<Vec<Color>>,
    /// Per word and rotation, the last size it was drawn at and the result: words at the
    /// minimum size keep theirs at every scale, and are rasterized once.
    drawn: Vec<Vec<Option<(f32, Drawn)>>>,
    /// Side of a grid cell in pixels: occupancy, sprites and positions are in cells of
    /// `cell × cell` pixels (see [`grid_cell`]).
    cell: usize,
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
        let cell = grid_cell(width, height);
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
        let border = (gap as usize).div_ceil(cell) + 2;
        let (cw, ch) = (width / cell, height / cell);
        let mut empty = Occupancy::new(cw, ch, border);
        if let Some(mask) = mask {
            // a cell is free only if the mask allows each of its pixels
            for cy in 0..ch {
                for cx in 0..cw {
                    let blocked = (cy * cell..(cy + 1) * cell).any(|y| {
                        (cx * cell..(cx + 1) * cell).any(|x| !mask.allows(x as u32, y as u32))
                    });
                    if blocked {
                        empty.set(cx, cy);
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
            starts: mask.map(Starts::new),
            swappable: options
                .palette
                .swappable(options.color_by, options.background),
            drawn: not_drawn(words, options),
            cell,
        }
    }

    /// A placer for another thread: the same words, options and empty canvas, its own
    /// sprites.
    fn fork(&self) -> Placer<'a> {
        Placer {
            empty: self.empty.clone(),
            starts: self.starts.clone(),
            swappable: self.swappable.clone(),
            drawn: not_drawn(self.words, self.options),
            ..*self
        }
    }

    /// The colour of word `rank` with its ink in `bbox`: its own, or where that is the colour
    /// of a word next to it (boxes less than a line of the smaller word apart) and the palette
    /// allows, the first colour after it in the palette that no neighbour has.
    fn color(&self, rank: usize, bbox: [u32; 4], placed: &[PlacedWord]) -> Color {
        let own = self.colors[rank];
        let Some(palette) = &self.swappable else {
            return own;
        };
        let near = |w: &PlacedWord| {
            let reach = w.font_size.min(palette_reach(bbox)) as u32;
            w.bbox[0] < bbox[2] + reach
                && bbox[0] < w.bbox[2] + reach
                && w.bbox[1] < bbox[3] + reach
                && bbox[1] < w.bbox[3] + reach
        };
        let taken: Vec<Color> = placed.iter().filter(|w| near(w)).map(|w| w.color).collect();
        if !taken.contains(&own) {
            return own;
        }
        let at = palette.iter().position(|&c| c == own).unwrap_or(0);
        (1..palette.len())
            .map(|i| palette[(at + i) % palette.len()])
            .find(|c| !taken.contains(c))
            .unwrap_or(own)
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
        let (options, cell) = (self.options, self.cell);
        let slot = &mut self.drawn[rank][r];
        if slot.as_ref().is_none_or(|(s, _)| *s != size) {
            let shape = options
                .font
                .shape(&self.words[rank].text, size, options.rotations[r]);
            let raster = if cell == 1 {
                Raster::new(&shape)
            } else {
                Raster::cells(&shape, cell)
            };
            let (gx, gy) = options.gaps(size, options.rotations[r]);
            // whole cells of growth: at least the gaps in pixels
            let radius = ((gx as usize).div_ceil(cell), (gy as usize).div_ceil(cell));
            let drawn = Sprite::new(&raster, radius, !options.fill_holes).map(|sprite| DrawnWord {
                size: (raster.width * cell, raster.height * cell),
                origin: P(raster.origin.0 * cell as f32, raster.origin.1 * cell as f32),
                cell_origin: raster.origin,
                sprite,
            });
            *slot = Some((size, drawn));
        }
        &slot.as_ref().expect("set above").1
    }

    /// Lays out every word with the heaviest at `max_font`; `Err` only in [`Mode::Exact`].
    fn place(&mut self, max_font: f32, mode: Mode) -> Result<Layout, Misfit> {
        let options = self.options;
        let (width, height) = self.size;
        let cell = self.cell;
        let grid = (width / cell, height / cell);
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
            let start = match &self.starts {
                // a mask is filled whole: each word starts at a point of its own, deep enough
                // for half its line
                Some(starts) => {
                    starts.pick(if rank == 0 { f32::INFINITY } else { size / 2.0 }, &mut rng)
                }
                None if rank == 0 => self.centre,
                None => {
                    let (jx, jy) = ((width / 12).max(1), (height / 12).max(1));
                    (
                        self.centre.0 + rng.below(2 * jx + 1) as i32 - jx as i32,
                        self.centre.1 + rng.below(2 * jy + 1) as i32 - jy as i32,
                    )
                }
            };
            let start = (start.0 / cell as i32, start.1 / cell as i32);
            let mut found = None;
            let mut blank = false;
            let mut s = size;
            'sizes: loop {
                for &r in &rotations {
                    let Some(drawn) = self.drawn(rank, r, s) else {
                        blank = true;
                        break 'sizes;
                    };
                    let sprite = &drawn.sprite;
                    if let Some(at) = search(
                        &occupancy,
                        sprite,
                        drawn.cell_origin,
                        options.spiral,
                        start,
                        grid,
                    ) {
                        // the sprite's top-left is the raster's, moved out by the growth
                        let (rx, ry) = (sprite.ink.0 as isize, sprite.ink.1 as isize);
                        occupancy.insert(sprite, at.0 - rx, at.1 - ry);
                        let at = (at.0 * cell as isize, at.1 * cell as isize);
                        found = Some((s, options.rotations[r], drawn.size, drawn.origin, at));
                        break 'sizes;
                    }
                }
                if mode != Mode::Shrink || s <= min_font {
                    break;
                }
                s = (s * SHRINK).max(min_font);
            }
            match found {
                Some((font_size, rotation, (w, h), origin, (px, py))) => {
                    // the raster is cropped to the ink, so its rectangle is the ink's bounding box
                    let bbox = [
                        px as u32,
                        py as u32,
                        (px as usize + w) as u32,
                        (py as usize + h) as u32,
                    ];
                    placed.push(PlacedWord {
                        text: word.text.clone(),
                        weight: word.weight,
                        font_size,
                        x: px as f32 + origin.0,
                        y: py as f32 + origin.1,
                        rotation,
                        color: self.color(rank, bbox, &placed),
                        bbox,
                    });
                }
                None if mode == Mode::Exact && !blank => {
                    return Err(Misfit {
                        at_min_font: size <= min_font,
                    })
                }
                None => dropped.push(DroppedWord {
                    text: word.text.clone(),
                    weight: word.weight,
                    reason: if blank {
                        DropReason::EmptyText
                    } else {
                        DropReason::DoesNotFit
                    },
                }),
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
    origin: P,
    kind: SpiralKind,
    centre: (i32, i32),
    (width, height): (usize, usize),
) -> Option<(isize, isize)> {
    // the raster's top-left inside the sprite (the growth around the ink)
    let (pad_x, pad_y) = (sprite.ink.0 as i64, sprite.ink.1 as i64);
    let (ox, oy) = (origin.0 as i64, origin.1 as i64);
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
    // Rows (a few pixels apart for taller words) are visited by their distance from the centre
    // row, each scanned outwards from the centre on both sides in windows of 64 positions
    // (`[tx + 64 k, tx + 64 k + 64)` to the right, `[tx - 64 (k + 1), tx - 64 k)` to the
    // left); on one side of a row the first free position is that side's nearest. A window is
    // only looked at while it may beat the best position found so far, and the rows end when
    // even their centre is no nearer than that.
    let mut best: Option<(i64, i64, i64)> = None; // (distance, x, y)
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
    let rows_up = (ty - y_lo).div_euclid(row_step); // rows at ty - step, ty - 2 step, … ≥ y_lo
    let rows_down = (y_hi - ty).div_euclid(row_step); // rows at ty, ty + step, … ≤ y_hi
                                                      // 0, 1, 2, … ↦ dy = 0, +step, -step, +2 step, …
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
    for n in 0..max_rows {
        let dy = row_dy(n);
        if best.is_some_and(|(b, _, _)| distance(0, dy) >= b) {
            break;
        }
        if !row_exists(dy) {
            continue;
        }
        let y = ty + dy;
        for (right, count) in [(true, windows_right), (false, windows_left)] {
            let mut k = 0;
            while k < count && best.is_none_or(|(b, _, _)| bound(k, right, dy) < b) {
                let x0 = window_x0(k, right);
                // jump over windows whose longest run of ink cannot find room on this row
                match occupancy.next_window(
                    x0 as isize,
                    y as isize,
                    sprite.longest_run,
                    tx as isize,
                    right,
                ) {
                    Some(next) if next > k => k = next,
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
                        k += 1;
                    }
                    None => break,
                }
            }
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

/// Canvases up to this many pixels are laid out pixel by pixel; larger ones in cells of 2 × 2
/// pixels (a quarter of the work, and at most a pixel more gap between two words).
const FINE_GRID_PIXELS: usize = 1_200_000;

/// The side of a grid cell in pixels for a canvas of `width × height`.
fn grid_cell(width: usize, height: usize) -> usize {
    if width * height <= FINE_GRID_PIXELS {
        1
    } else {
        2
    }
}

/// A rough line height of a word whose ink box is `bbox`: the shorter side of the box.
fn palette_reach(bbox: [u32; 4]) -> f32 {
    (bbox[2] - bbox[0]).min(bbox[3] - bbox[1]) as f32
}

/// The points of a mask where searches may begin, deepest first (by whole pixels of depth,
/// then row by row): the points at least `d` pixels from the mask's edge are a prefix.
/// Choosing a word's start at random among the points deep enough for it spreads the words
/// over the whole mask — big ones where it is wide, small ones also into its thin parts (a
/// speech bubble's tail) — instead of growing the cloud from the centre of mass.
#[derive(Clone)]
struct Starts {
    points: Vec<(i32, i32)>,
    /// `deeper[d]`: how many points are at least `d` whole pixels deep.
    deeper: Vec<usize>,
}

impl Starts {
    fn new(mask: &Mask) -> Starts {
        let width = mask.size().0 as usize;
        let depth = mask.depth();
        let max = depth.iter().fold(0.0f32, |m, &d| m.max(d)) as usize;
        // counting sort by whole pixels of depth, deepest first
        let mut count = vec![0usize; max + 2];
        for &d in &depth {
            if d > 0.0 {
                count[d as usize] += 1;
            }
        }
        let mut deeper = vec![0usize; max + 2];
        for d in (0..=max).rev() {
            deeper[d] = deeper[d + 1] + count[d];
        }
        let mut next: Vec<usize> = (0..=max).map(|d| deeper[d + 1]).collect();
        let mut points = vec![(0, 0); deeper[0]];
        for (i, &d) in depth.iter().enumerate() {
            if d > 0.0 {
                let slot = &mut next[d as usize];
                points[*slot] = ((i % width) as i32, (i / width) as i32);
                *slot += 1;
            }
        }
        Starts { points, deeper }
    }

    /// A seeded pick among the points at least `depth` pixels deep (the deepest point if
    /// there are none, or for an infinite depth).
    fn pick(&self, depth: f32, rng: &mut Rng) -> (i32, i32) {
        let d = depth.ceil().min((self.deeper.len() - 1) as f32) as usize;
        match self.deeper[d] {
            0 => self.points.first().copied().unwrap_or((0, 0)),
            n => self.points[rng.below(n)],
        }
    }
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
