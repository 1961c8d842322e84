//! Rasterizing a word's shape into anti-aliased coverage on an integer pixel grid.

use ab_glyph_rasterizer::{point, Rasterizer};

use crate::font::{Curve, Shape, P};

/// A word rasterized: `coverage` is `width × height`, row-major, 0–255. The word's centre lies
/// at `origin` inside this bitmap, so moving the bitmap by whole pixels moves the word exactly.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raster {
    pub width: usize,
    pub height: usize,
    pub origin: P,
    pub coverage: Vec<u8>,
}

impl Raster {
    pub(crate) fn new(shape: &Shape) -> Raster {
        // + 0.5 and truncation rounds like `round` for these non-negative values, without libm
        Raster::rasterize(shape, 1, |a| (a.clamp(0.0, 1.0) * 255.0 + 0.5) as u8)
    }

    /// The shape on a grid of `cell × cell`-pixel cells: a cell is inked (255) if the shape
    /// covers any part of it, so every pixel [`Raster::new`] inks lies in an inked cell
    /// (a pixel needs coverage ≥ 1/510 to be inked, its cell then has ≥ 1/(510 cell²)).
    /// `origin` is in cells.
    pub(crate) fn cells(shape: &Shape, cell: usize) -> Raster {
        Raster::rasterize(shape, cell, |a| if a > 1e-6 { 255 } else { 0 })
    }

    fn rasterize(shape: &Shape, cell: usize, level: impl Fn(f32) -> u8) -> Raster {
        let k = 1.0 / cell as f32;
        let x0 = (shape.min.0 * k).floor();
        let y0 = (shape.min.1 * k).floor();
        let width = ((shape.max.0 * k).ceil() - x0).max(1.0) as usize + 1;
        let height = ((shape.max.1 * k).ceil() - y0).max(1.0) as usize + 1;
        let origin = P(-x0, -y0);
        SCRATCH.with_borrow_mut(|(r, coverage)| {
            r.reset(width, height);
            let at = |p: P| point(p.0 * k + origin.0, p.1 * k + origin.1);
            for c in &shape.curves {
                match *c {
                    Curve::Line(a, b) => r.draw_line(at(a), at(b)),
                    Curve::Quad(a, b, c) => r.draw_quad(at(a), at(b), at(c)),
                    Curve::Cubic(a, b, c, d) => r.draw_cubic(at(a), at(b), at(c), at(d)),
                }
            }
            coverage.clear();
            coverage.resize(width * height, 0);
            r.for_each_pixel(|i, a| coverage[i] = level(a));
            let raster = cropped(width, height, origin, coverage);
            if width * height > KEEP_PIXELS {
                // a rare giant word: give its memory back
                (*r, *coverage) = (Rasterizer::new(0, 0), Vec::new());
            }
            raster
        })
    }
}

/// Scratch buffers up to this many pixels are kept for the next word (about 20 MB).
const KEEP_PIXELS: usize = 4 << 20;

thread_local! {
    /// The rasterizer and the full (uncropped) coverage of this thread, kept from word to
    /// word: a big word's buffers are fresh memory mappings when allocated anew, and two
    /// threads mapping and unmapping memory at once slow each other down (the fill search
    /// lays out two scales at once).
    static SCRATCH: std::cell::RefCell<(Rasterizer, Vec<u8>)> =
        std::cell::RefCell::new((Rasterizer::new(0, 0), Vec::new()));
}

/// The `width × height` coverage cut down to the pixels with ink (a blank raster is 1 × 1).
fn cropped(width: usize, height: usize, origin: P, coverage: &[u8]) -> Raster {
    let row = |y: usize| &coverage[y * width..(y + 1) * width];
    let inked = |y: usize| row(y).iter().any(|&c| c > 0);
    let (y0, y1) = match (
        (0..height).find(|&y| inked(y)),
        (0..height).rev().find(|&y| inked(y)),
    ) {
        (Some(a), Some(b)) => (a, b + 1),
        _ => (usize::MAX, 0),
    };
    let (mut x0, mut x1) = (usize::MAX, 0);
    for y in y0.min(height)..y1 {
        let r = row(y);
        if let (Some(a), Some(b)) = (
            r.iter().position(|&c| c > 0),
            r.iter().rposition(|&c| c > 0),
        ) {
            (x0, x1) = (x0.min(a), x1.max(b + 1));
        }
    }
    if x0 == usize::MAX {
        return Raster {
            width: 1,
            height: 1,
            origin,
            coverage: vec![0],
        };
    }
    let mut cropped = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        cropped.extend_from_slice(&coverage[y * width + x0..y * width + x1]);
    }
    Raster {
        width: x1 - x0,
        height: y1 - y0,
        origin: P(origin.0 - x0 as f32, origin.1 - y0 as f32),
        coverage: cropped,
    }
}

#[cfg(test)]
mod tests {
    use super::Raster;
    use crate::Font;

    #[test]
    fn whole_word_is_rasterized() {
        let font = Font::default();
        for size in [12.0, 50.0, 196.09511, 500.0] {
            let width = font.text_width("Personal", size);
            let raster = Raster::new(&font.shape("Personal", size, 0.0));
            // the ink spans nearly the advance width (side bearings are small)
            assert!(
                raster.width as f32 > width * 0.9,
                "{size}: ink {} of advance {width}",
                raster.width
            );
        }
    }
}
