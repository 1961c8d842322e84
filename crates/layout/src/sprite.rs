//! Sprite: a word's ink as 1-bit rows packed in `u64`, for collision tests 64 pixels at a time.

use crate::raster::Raster;

/// The ink of one word (every pixel with any coverage) for collision tests, grown by a radius.
/// Bit `i` of word `k` in a row is pixel `x = 64 k + i` (relative to the sprite's left edge).
/// Each row is also kept as runs of set bits, which the occupancy test uses to check 64
/// positions at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sprite {
    pub width: usize,
    pub height: usize,
    /// u64 words per row
    pub stride: usize,
    /// The ink grown by the radius: what must not touch another word's ink.
    pub rows: Vec<u64>,
    /// The ink itself (holes closed unless asked otherwise), at the same offsets as `rows`:
    /// what the occupancy marks once the word is placed.
    pub solid: Vec<u64>,
    /// Ink bounding box inside the sprite: x0, y0, x1, y1 (exclusive), before the growth.
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
    /// The ink of `raster`, grown by `radius` = (rx, ry) pixels left and right, and above and
    /// below (the sprite is larger than the raster by `2 × rx` and `2 × ry`; raster pixel
    /// (x, y) is sprite pixel (x + rx, y + ry)).
    /// With `close_holes`, the holes of the letters (the inside of `o`, `e`, `B`, and any
    /// background the ink encloses) count as ink, so no other word can be placed inside them.
    /// `None` if the word has no ink at all.
    pub(crate) fn new(
        raster: &Raster,
        (rx, ry): (usize, usize),
        close_holes: bool,
    ) -> Option<Sprite> {
        let width = raster.width + 2 * rx;
        let height = raster.height + 2 * ry;
        let stride = width.div_ceil(64);
        // the raster's ink, one row of bits per raster row
        let raster_stride = raster.width.div_ceil(64);
        let mut ink = vec![0u64; raster_stride * raster.height];
        for (y, coverage) in raster.coverage.chunks(raster.width).enumerate() {
            for (k, pixels) in coverage.chunks(64).enumerate() {
                ink[y * raster_stride + k] = pixels
                    .iter()
                    .enumerate()
                    .fold(0u64, |acc, (i, &c)| acc | (u64::from(c > 0) << i));
            }
        }
        if ink.iter().all(|&w| w == 0) {
            return None;
        }
        if close_holes {
            self::close_holes(&mut ink, raster_stride, raster.width, raster.height);
        }
        // into the sprite, moved by the growth
        let mut rows = vec![0u64; stride * height];
        for y in 0..raster.height {
            let row = &mut rows[(y + ry) * stride..(y + ry + 1) * stride];
            for (k, &bits) in ink[y * raster_stride..(y + 1) * raster_stride]
                .iter()
                .enumerate()
            {
                let at = rx + 64 * k;
                let (word, shift) = (at / 64, at % 64);
                row[word] |= bits << shift;
                if shift > 0 && word + 1 < stride {
                    row[word + 1] |= bits >> (64 - shift);
                }
            }
        }
        let ink = (rx, ry, rx + raster.width, ry + raster.height);
        let mut sprite = Sprite {
            width,
            height,
            stride,
            solid: rows.clone(),
            rows,
            ink,
            runs: Vec::new(),
            run_start: Vec::new(),
            key_rows: Vec::new(),
            longest_run: (0, 0, 0),
            band_runs: Vec::new(),
            check_order: Vec::new(),
        };
        if rx > 0 || ry > 0 {
            sprite.dilate(rx, ry);
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

    /// Grows the ink by `rx` pixels horizontally and `ry` vertically (a rectangular
    /// structuring element), in `O(log r)` passes: a span of `n` shifts is doubled by OR-ing
    /// the result with itself shifted by `n`.
    fn dilate(&mut self, rx: usize, ry: usize) {
        let (stride, height) = (self.stride, self.height);
        let mut shifted = vec![0u64; stride];
        for y in 0..height {
            let row = &mut self.rows[y * stride..(y + 1) * stride];
            // towards larger x, then towards smaller x: shifts -rx ..= rx
            for towards_larger_x in [true, false] {
                let mut span = 1;
                while span <= rx {
                    let by = span.min(rx + 1 - span);
                    shift_row(row, by, towards_larger_x, &mut shifted);
                    row.iter_mut().zip(&shifted).for_each(|(r, s)| *r |= s);
                    span += by;
                }
            }
        }
        // vertical, the same doubling over whole rows: downwards, then upwards
        for downwards in [true, false] {
            let mut span = 1;
            while span <= ry {
                let by = span.min(ry + 1 - span);
                if downwards {
                    for y in (by..height).rev() {
                        for k in 0..stride {
                            self.rows[y * stride + k] |= self.rows[(y - by) * stride + k];
                        }
                    }
                } else {
                    for y in 0..height - by {
                        for k in 0..stride {
                            self.rows[y * stride + k] |= self.rows[(y + by) * stride + k];
                        }
                    }
                }
                span += by;
            }
        }
        // keep bits beyond the width clear
        if !self.width.is_multiple_of(64) {
            let mask = (1u64 << (self.width % 64)) - 1;
            for y in 0..height {
                self.rows[y * stride + stride - 1] &= mask;
            }
        }
    }
}

/// `row` shifted by `by` pixels (towards larger or smaller x) into `out`, across `u64` words.
fn shift_row(row: &[u64], by: usize, towards_larger_x: bool, out: &mut [u64]) {
    let (q, b) = (by / 64, by % 64);
    let n = row.len();
    for (k, o) in out.iter_mut().enumerate() {
        *o = if towards_larger_x {
            match k.checked_sub(q) {
                Some(src) => {
                    let mut v = row[src] << b;
                    if b > 0 && src > 0 {
                        v |= row[src - 1] >> (64 - b);
                    }
                    v
                }
                None => 0,
            }
        } else if k + q < n {
            let mut v = row[k + q] >> b;
            if b > 0 && k + q + 1 < n {
                v |= row[k + q + 1] << (64 - b);
            }
            v
        } else {
            0
        };
    }
}

/// Closes the holes of the ink in `rows` (`height` rows of `stride` words, `width` pixels):
/// background that is not 4-connected to the edge of the rectangle through background becomes
/// ink. Background runs of each row are joined with the runs they touch in the row above
/// (union-find); the components that reach the edge are outside, the others are holes.
fn close_holes(rows: &mut [u64], stride: usize, width: usize, height: usize) {
    // background runs, row by row: (row, start, end)
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut row_start = Vec::with_capacity(height + 1);
    for y in 0..height {
        row_start.push(runs.len());
        let row = &rows[y * stride..(y + 1) * stride];
        let mut x = 0;
        while x < width {
            // next background pixel at or after x
            let (k, b) = (x / 64, x % 64);
            let free = !row[k] & (u64::MAX << b);
            if free == 0 {
                x = (k + 1) * 64;
                continue;
            }
            let start = k * 64 + free.trailing_zeros() as usize;
            if start >= width {
                break;
            }
            let mut end = start;
            loop {
                let (k, b) = (end / 64, end % 64);
                if k >= stride {
                    break;
                }
                let ink = row[k] & (u64::MAX << b);
                if ink != 0 {
                    end = k * 64 + ink.trailing_zeros() as usize;
                    break;
                }
                end = (k + 1) * 64;
            }
            let end = end.min(width);
            runs.push((y, start, end));
            x = end;
        }
    }
    row_start.push(runs.len());
    // union-find over the runs; parent 0 stands for "outside" (run ids are shifted by one)
    let mut parent: Vec<usize> = (0..=runs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        // the smaller id wins, so "outside" (0) stays the root of its component
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        parent[hi] = lo;
    };
    for (i, &(y, start, end)) in runs.iter().enumerate() {
        if y == 0 || y + 1 == height || start == 0 || end == width {
            join(&mut parent, i + 1, 0);
        }
        if y > 0 {
            // runs of the row above that overlap [start, end)
            let above = row_start[y - 1]..row_start[y];
            for (j, &(_, s, e)) in runs[above.clone()].iter().enumerate() {
                if s < end && start < e {
                    join(&mut parent, i + 1, above.start + j + 1);
                }
            }
        }
    }
    for (i, &(y, start, end)) in runs.iter().enumerate() {
        if root(&mut parent, i + 1) != 0 {
            let row = &mut rows[y * stride..(y + 1) * stride];
            for x in start..end {
                row[x / 64] |= 1 << (x % 64);
            }
        }
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
        assert!(Sprite::new(&raster(3, 3, &[]), (0, 0), true).is_none());
    }

    #[test]
    fn bits_and_padding_across_word_boundary() {
        let s = Sprite::new(&raster(70, 3, &[(63, 1)]), (0, 0), true).unwrap();
        assert!(s.get(63, 1) && !s.get(64, 1) && !s.get(62, 1));
        let p = Sprite::new(&raster(70, 3, &[(63, 1)]), (2, 2), true).unwrap();
        // pixel (63, 1) is at (65, 3) in the padded sprite; it grew to 63..=67 × 1..=5
        for x in 63..=67 {
            for y in 1..=5 {
                assert!(p.get(x, y), "{x},{y}");
            }
        }
        assert!(!p.get(62, 3) && !p.get(68, 3) && !p.get(65, 0) && !p.get(65, 6));
    }

    /// A ring of ink around a hole, with a gap in the ring for the open variant.
    fn ring(open: bool) -> Raster {
        let mut ink = Vec::new();
        for i in 0..7 {
            ink.extend([(i, 0), (i, 6), (0, i), (6, i)]);
        }
        if open {
            ink.retain(|&p| p != (3, 0));
        }
        raster(7, 7, &ink)
    }

    #[test]
    fn holes_are_closed_unless_open_to_the_border() {
        let closed = Sprite::new(&ring(false), (0, 0), true).unwrap();
        assert!(closed.get(3, 3) && closed.get(1, 5), "the hole is ink");
        assert_eq!(closed.rows, closed.solid, "no growth without a radius");
        let kept = Sprite::new(&ring(false), (0, 0), false).unwrap();
        assert!(!kept.get(3, 3), "--fill-holes keeps the hole free");
        let open = Sprite::new(&ring(true), (0, 0), true).unwrap();
        assert!(
            !open.get(3, 3) && !open.get(3, 0),
            "an open ring has no hole"
        );
    }

    #[test]
    fn growth_matches_a_naive_dilation() {
        let ink = [(0, 0), (63, 3), (64, 3), (100, 7), (129, 9), (30, 5)];
        let r = raster(130, 10, &ink);
        for (rx, ry) in [(0, 1), (1, 0), (3, 2), (64, 4), (70, 9)] {
            let s = Sprite::new(&r, (rx, ry), false).unwrap();
            for y in 0..s.height {
                for x in 0..s.width {
                    let naive = ink.iter().any(|&(ix, iy)| {
                        (ix + rx).abs_diff(x) <= rx && (iy + ry).abs_diff(y) <= ry
                    });
                    assert_eq!(s.get(x, y), naive, "{rx},{ry}: {x},{y}");
                }
            }
        }
    }

    #[test]
    fn solid_is_the_ink_before_growth() {
        let p = Sprite::new(&raster(5, 5, &[(2, 2)]), (3, 1), true).unwrap();
        let set = |rows: &[u64]| rows.iter().map(|r| r.count_ones()).sum::<u32>();
        assert_eq!(set(&p.solid), 1);
        assert_eq!(set(&p.rows), 7 * 3, "grown 3 left and right, 1 up and down");
        assert_eq!(p.solid[(2 + 1) * p.stride] >> 5 & 1, 1);
        assert_eq!((p.width, p.height), (11, 7));
    }
}
