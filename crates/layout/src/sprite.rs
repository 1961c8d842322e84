//! Sprite: a word's ink as 1-bit rows packed in `u64`, for collision tests 64 pixels at a time.

use crate::raster::Raster;

/// The ink of one word (every pixel with any coverage), optionally grown by a padding.
/// Bit `i` of word `k` in a row is pixel `x = 64 k + i` (relative to the sprite's left edge).
/// Each row is also kept as runs of set bits, which the occupancy test uses to check 64
/// positions at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sprite {
    pub width: usize,
    pub height: usize,
    /// u64 words per row
    pub stride: usize,
    pub rows: Vec<u64>,
    /// Ink bounding box inside the sprite: x0, y0, x1, y1 (exclusive), before padding.
    pub ink: (usize, usize, usize, usize),
    /// Runs of set bits per row: `runs[run_start[r]..run_start[r + 1]]` are `(x, len)`.
    pub runs: Vec<(u32, u32)>,
    pub run_start: Vec<usize>,
    /// The rows with the most ink, tested first to reject a window cheaply.
    pub key_rows: Vec<usize>,
    /// The longest run of ink: (row, x, length).
    pub longest_run: (usize, usize, usize),
    /// The longest run in each third of the rows (top, middle, bottom): cheap tests first.
    pub band_runs: Vec<(usize, usize, usize)>,
    /// All rows in the order the full test visits them: spread out (middle, quarters, eighths …)
    /// so that a collision anywhere is found after few rows.
    pub check_order: Vec<usize>,
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
        // the raster is cropped to its ink, so the ink box is the raster's rectangle
        let mut any = false;
        for y in 0..raster.height {
            let coverage = &raster.coverage[y * raster.width..(y + 1) * raster.width];
            let row = &mut rows[(y + padding) * stride..(y + padding + 1) * stride];
            for (k, pixels) in coverage.chunks(64).enumerate() {
                let bits = pixels
                    .iter()
                    .enumerate()
                    .fold(0u64, |acc, (i, &c)| acc | (u64::from(c > 0) << i));
                any |= bits != 0;
                let at = padding + 64 * k;
                let (word, shift) = (at / 64, at % 64);
                row[word] |= bits << shift;
                if shift > 0 && word + 1 < stride {
                    row[word + 1] |= bits >> (64 - shift);
                }
            }
        }
        let ink = if any {
            (
                padding,
                padding,
                padding + raster.width,
                padding + raster.height,
            )
        } else {
            (usize::MAX, usize::MAX, 0, 0)
        };
        if ink.0 == usize::MAX {
            return None;
        }
        let mut sprite = Sprite {
            width,
            height,
            stride,
            rows,
            ink,
            runs: Vec::new(),
            run_start: Vec::new(),
            key_rows: Vec::new(),
            longest_run: (0, 0, 0),
            band_runs: Vec::new(),
            check_order: Vec::new(),
        };
        if padding > 0 {
            sprite.dilate(padding);
        }
        sprite.index_runs();
        Some(sprite)
    }

    fn index_runs(&mut self) {
        let mut counts = Vec::with_capacity(self.height);
        for y in 0..self.height {
            self.run_start.push(self.runs.len());
            let row = &self.rows[y * self.stride..(y + 1) * self.stride];
            let mut count = 0;
            let mut x = 0;
            // runs of set bits, found a word at a time with trailing_zeros
            while x < self.width {
                let (k, b) = (x / 64, x % 64);
                let set = row[k] >> b;
                if set == 0 {
                    x = (k + 1) * 64;
                    continue;
                }
                let start = x + set.trailing_zeros() as usize;
                let mut end = start;
                loop {
                    let (k, b) = (end / 64, end % 64);
                    if k >= row.len() {
                        break;
                    }
                    let clear = !row[k] >> b;
                    if clear == 0 {
                        end = (k + 1) * 64;
                        continue;
                    }
                    end += clear.trailing_zeros() as usize;
                    break;
                }
                let end = end.min(self.width);
                self.runs.push((start as u32, (end - start) as u32));
                if end - start > self.longest_run.2 {
                    self.longest_run = (y, start, end - start);
                }
                count += end - start;
                x = end;
            }
            counts.push(count);
        }
        self.run_start.push(self.runs.len());
        for band in 0..3 {
            let rows = self.height * band / 3..self.height * (band + 1) / 3;
            let best = rows
                .flat_map(|r| {
                    self.row_runs(r)
                        .iter()
                        .map(move |&(x, l)| (r, x as usize, l as usize))
                })
                .max_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)));
            if let Some(run) = best {
                if run.2 >= 3 && !self.band_runs.contains(&run) {
                    self.band_runs.push(run);
                }
            }
        }
        self.check_order = spread_order(self.height);
        // the two fullest rows, apart from each other
        let mut order: Vec<usize> = (0..self.height).collect();
        order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
        if let Some(&first) = order.first() {
            self.key_rows.push(first);
            if let Some(&second) = order
                .iter()
                .find(|&&r| r.abs_diff(first) * 3 >= self.height)
            {
                self.key_rows.push(second);
            }
        }
    }

    /// Runs of row `r`.
    pub(crate) fn row_runs(&self, r: usize) -> &[(u32, u32)] {
        &self.runs[self.run_start[r]..self.run_start[r + 1]]
    }

    #[cfg(test)]
    pub(crate) fn get(&self, x: usize, y: usize) -> bool {
        self.rows[y * self.stride + x / 64] >> (x % 64) & 1 == 1
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
        if !self.width.is_multiple_of(64) {
            let mask = (1u64 << (self.width % 64)) - 1;
            for y in 0..height {
                out[y * stride + stride - 1] &= mask;
            }
        }
        self.rows = out;
    }
}

/// `0..n` in an order that halves the gaps: n/2, n/4, 3n/4, n/8, 3n/8, … (each row once).
fn spread_order(n: usize) -> Vec<usize> {
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(n);
    let mut step = n.next_power_of_two();
    while step >= 1 {
        let mut i = step / 2;
        while i < n {
            if !seen[i] {
                seen[i] = true;
                out.push(i);
            }
            i += step;
        }
        if step == 1 {
            break;
        }
        step /= 2;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn spread_order_visits_every_row_once() {
        for n in [0, 1, 2, 3, 7, 8, 100] {
            let mut o = super::spread_order(n);
            o.sort_unstable();
            assert_eq!(o, (0..n).collect::<Vec<_>>(), "{n}");
        }
    }

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
