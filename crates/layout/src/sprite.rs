//! Sprite: a word's ink as 1-bit rows packed in `u64`, for collision tests 64 pixels at a time.

use crate::raster::Raster;

/// The ink of one word (every pixel with any coverage), optionally grown by a padding.
/// Bit `i` of word `k` in a row is pixel `x = 64 k + i` (relative to the sprite's left edge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sprite {
    pub width: usize,
    pub height: usize,
    /// u64 words per row
    pub stride: usize,
    pub rows: Vec<u64>,
    /// Ink bounding box inside the sprite: x0, y0, x1, y1 (exclusive).
    pub ink: (usize, usize, usize, usize),
    /// A few ink pixels for cheap rejection before the full test.
    pub probes: Vec<(usize, usize)>,
}

impl Sprite {
    /// The ink of `raster`, grown by `padding` pixels on every side (the sprite is larger than
    /// the raster by `2 × padding`; raster pixel (x, y) is sprite pixel (x + padding, y + padding)).
    /// `None` if the word has no ink at all.
    pub(crate) fn new(raster: &Raster, padding: usize) -> Option<Sprite> {
        let width = raster.width + 2 * padding;
        let height = raster.height + 2 * padding;
        let stride = width.div_ceil(64);
        let mut rows = vec![0u64; stride * height];
        let mut ink = (usize::MAX, usize::MAX, 0, 0);
        for y in 0..raster.height {
            for x in 0..raster.width {
                if raster.coverage[y * raster.width + x] > 0 {
                    let (sx, sy) = (x + padding, y + padding);
                    rows[sy * stride + sx / 64] |= 1 << (sx % 64);
                    ink = (
                        ink.0.min(sx),
                        ink.1.min(sy),
                        ink.2.max(sx + 1),
                        ink.3.max(sy + 1),
                    );
                }
            }
        }
        if ink.0 == usize::MAX {
            return None;
        }
        let mut sprite = Sprite {
            width,
            height,
            stride,
            rows,
            ink,
            probes: Vec::new(),
        };
        sprite.probes = sprite.pick_probes();
        if padding > 0 {
            sprite.dilate(padding);
        }
        Some(sprite)
    }

    pub(crate) fn get(&self, x: usize, y: usize) -> bool {
        self.rows[y * self.stride + x / 64] >> (x % 64) & 1 == 1
    }

    /// Ink pixels spread over the word (before padding): the middle row's first ink pixel in
    /// each of eight column bands, plus the first ink pixel found scanning from the centre.
    fn pick_probes(&self) -> Vec<(usize, usize)> {
        let (x0, y0, x1, y1) = self.ink;
        let mut probes = Vec::new();
        let bands = 8;
        for b in 0..bands {
            let (bx0, bx1) = (x0 + (x1 - x0) * b / bands, x0 + (x1 - x0) * (b + 1) / bands);
            let ym = (y0 + y1) / 2;
            'band: for dy in 0..(y1 - y0) {
                for y in [ym + dy / 2, ym.saturating_sub(dy / 2 + dy % 2)] {
                    if y < y0 || y >= y1 {
                        continue;
                    }
                    for x in bx0..bx1 {
                        if self.get(x, y) {
                            probes.push((x, y));
                            break 'band;
                        }
                    }
                }
            }
        }
        probes
    }

    /// Grows the ink by `r` pixels horizontally and vertically (a square structuring element).
    fn dilate(&mut self, r: usize) {
        let (stride, height) = (self.stride, self.height);
        // horizontal: OR of shifts by 1..=r in both directions, carrying across u64 words
        let mut out = self.rows.clone();
        for y in 0..height {
            let row = &self.rows[y * stride..(y + 1) * stride];
            for s in 1..=r {
                for k in 0..stride {
                    let (q, b) = (s / 64, s % 64);
                    // shift left (towards larger x)
                    if k >= q {
                        let mut v = row[k - q] << b;
                        if b > 0 && k > q {
                            v |= row[k - q - 1] >> (64 - b);
                        }
                        out[y * stride + k] |= v;
                    }
                    // shift right (towards smaller x)
                    if k + q < stride {
                        let mut v = row[k + q] >> b;
                        if b > 0 && k + q + 1 < stride {
                            v |= row[k + q + 1] << (64 - b);
                        }
                        out[y * stride + k] |= v;
                    }
                }
            }
        }
        // vertical
        let horizontal = out.clone();
        for y in 0..height {
            for dy in 1..=r {
                for src in [y.checked_sub(dy), Some(y + dy).filter(|&v| v < height)]
                    .into_iter()
                    .flatten()
                {
                    for k in 0..stride {
                        out[y * stride + k] |= horizontal[src * stride + k];
                    }
                }
            }
        }
        // keep bits beyond the width clear
        if self.width % 64 != 0 {
            let mask = (1u64 << (self.width % 64)) - 1;
            for y in 0..height {
                out[y * stride + stride - 1] &= mask;
            }
        }
        self.rows = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::P;

    fn raster(w: usize, h: usize, ink: &[(usize, usize)]) -> Raster {
        let mut coverage = vec![0; w * h];
        for &(x, y) in ink {
            coverage[y * w + x] = 255;
        }
        Raster {
            width: w,
            height: h,
            origin: P(0.0, 0.0),
            coverage,
        }
    }

    #[test]
    fn blank_is_none() {
        assert!(Sprite::new(&raster(3, 3, &[]), 0).is_none());
    }

    #[test]
    fn bits_and_padding_across_word_boundary() {
        let s = Sprite::new(&raster(70, 3, &[(63, 1)]), 0).unwrap();
        assert!(s.get(63, 1) && !s.get(64, 1) && !s.get(62, 1));
        let p = Sprite::new(&raster(70, 3, &[(63, 1)]), 2).unwrap();
        // pixel (63, 1) is at (65, 3) in the padded sprite; it grew to 63..=67 × 1..=5
        for x in 63..=67 {
            for y in 1..=5 {
                assert!(p.get(x, y), "{x},{y}");
            }
        }
        assert!(!p.get(62, 3) && !p.get(68, 3) && !p.get(65, 0) && !p.get(65, 6));
    }
}
