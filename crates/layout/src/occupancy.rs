//! Occupancy: the canvas as a bitmask of taken pixels, 64 pixels per `u64`.

use crate::sprite::Sprite;

/// Taken pixels of the canvas. Pixels outside the allowed area of a mask start out taken.
/// A free border of `border` pixels around the canvas lets padded sprites hang over the edge
/// without bounds checks in the inner loop.
#[derive(Debug, Clone)]
pub(crate) struct Occupancy {
    border: usize,
    stride: usize,
    rows: Vec<u64>,
    /// Per row and u64 word `k`: the longest stretch of free pixels that starts at some pixel
    /// of word `k` (capped at `u16::MAX`). Lets a window be rejected with two lookups when the
    /// sprite's longest run of ink cannot fit there (see [`Occupancy::may_fit_run`]).
    avail: Vec<u16>,
    /// The rows dilated to the left, [`LEVELS`] planes of `rows.len()` words: bit `x` of plane
    /// `p` (0-based) is set if any pixel `x .. x + 2^(p+1)` of the row is taken. A run of any
    /// length up to 64 is then tested with two reads (see [`Occupancy::dilated`]).
    levels: Vec<u64>,
}

/// Planes of [`Occupancy::levels`]: spans 2, 4, … 64.
const LEVELS: usize = 6;

impl Occupancy {
    pub(crate) fn new(width: usize, height: usize, border: usize) -> Occupancy {
        // room on the right for 64-position windows and 128-bit reads past the last sprite
        let stride = (width + 2 * border).div_ceil(64) + 4;
        let mut occupancy = Occupancy {
            border,
            stride,
            rows: vec![0; stride * (height + 2 * border)],
            avail: Vec::new(),
            levels: vec![0; LEVELS * stride * (height + 2 * border)],
        };
        occupancy.avail = vec![u16::MAX; occupancy.stride * (height + 2 * border)];
        occupancy
    }

    /// Marks canvas pixel (x, y) as taken.
    pub(crate) fn set(&mut self, x: usize, y: usize) {
        let (bx, by) = (x + self.border, y + self.border);
        self.rows[by * self.stride + bx / 64] |= 1 << (bx % 64);
    }

    /// Whether `sprite` with its top-left at canvas position (x, y) (which may be negative by up
    /// to the border) touches a taken pixel. Its ink must lie inside the canvas.
    #[cfg(test)]
    pub(crate) fn collides(&self, sprite: &Sprite, x: isize, y: isize) -> bool {
        self.blocked(sprite, x, y, 0..sprite.height, 1) & 1 != 0
    }

    /// For the 64 top-left positions `x .. x + 64` on row `y`, a bit mask of those where the
    /// given sprite rows touch a taken pixel (bit `i` ↔ position `x + i`), ignoring bits not in
    /// `candidates`. Each run of `len` ink pixels costs one 128-bit extraction and `log2(len)`
    /// shift-ors, so 64 positions are tested for about the price of one.
    pub(crate) fn blocked(
        &self,
        sprite: &Sprite,
        x: isize,
        y: isize,
        rows: impl IntoIterator<Item = usize>,
        candidates: u64,
    ) -> u64 {
        let bx = (x + self.border as isize) as usize;
        let by = (y + self.border as isize) as usize;
        let mut blocked = 0u64;
        for r in rows {
            for &(start, len) in sprite.row_runs(r) {
                let (mut start, mut len) = (start as usize, len as usize);
                while len > 0 {
                    let l = len.min(64);
                    blocked |= self.dilated(by + r, bx + start, l);
                    start += l;
                    len -= l;
                }
                if blocked & candidates == candidates {
                    return blocked;
                }
            }
        }
        blocked
    }

    /// Marks the ink of a placed word: the sprite's `solid` rows (its ink with closed holes,
    /// not the growth), with the sprite's top-left corner at canvas position (x, y) (which may
    /// be negative by up to the border).
    pub(crate) fn insert(&mut self, sprite: &Sprite, x: isize, y: isize) {
        let bx = (x + self.border as isize) as usize;
        let by = (y + self.border as isize) as usize;
        let last = self.rows.len() / self.stride;
        for r in 0..sprite.height.min(last.saturating_sub(by)) {
            let row = (by + r) * self.stride;
            let bits = &sprite.solid[r * sprite.stride..(r + 1) * sprite.stride];
            if bits.iter().all(|&b| b == 0) {
                continue;
            }
            // 64 pixels of the sprite at a time, shifted into place
            let (mut lo, mut hi) = (usize::MAX, 0);
            for (k, &bits) in bits.iter().enumerate() {
                if bits == 0 {
                    continue;
                }
                let at = bx + 64 * k;
                let (word, shift) = (at / 64, at % 64);
                self.rows[row + word] |= bits << shift;
                if shift > 0 {
                    self.rows[row + word + 1] |= bits >> (64 - shift);
                }
                lo = lo.min(word);
                hi = hi.max(word + 1);
            }
            self.update_levels(by + r, lo, hi.min(self.stride - 1));
            self.update_avail(by + r);
        }
    }

    /// Recomputes the free-stretch index of every row (after a mask was drawn with `set`).
    pub(crate) fn update_all(&mut self) {
        for row in 0..self.rows.len() / self.stride {
            self.update_levels(row, 0, self.stride - 1);
            self.update_avail(row);
        }
    }

    /// Bit `i` is set if any of the pixels `off + i .. off + i + len` of bordered row `row` is
    /// taken (`1 ≤ len ≤ 64`): one read of the row, or two of a [`Occupancy::levels`] plane
    /// (the largest span `2^(p+1)` ≤ `len`, at the start and at the end of the run).
    #[inline]
    pub(crate) fn dilated(&self, row: usize, off: usize, len: usize) -> u64 {
        let plane = self.rows.len();
        let base = row * self.stride;
        let read = |words: &[u64], off: usize| {
            let (k, s) = (off / 64, off % 64);
            ((u128::from(words[k]) | (u128::from(words[k + 1]) << 64)) >> s) as u64
        };
        if len == 1 {
            return read(&self.rows[base..base + self.stride], off);
        }
        let p = (usize::BITS - 1 - len.leading_zeros()) as usize - 1; // 2^(p+1) ≤ len
        let at = p * plane + base;
        let words = &self.levels[at..at + self.stride];
        read(words, off) | read(words, off + len - (2 << p))
    }

    /// Recomputes the dilated planes of one bordered row after its words `lo ..= hi` changed:
    /// a plane's word depends on the words `k` and `k + 1` of the plane below, so each plane
    /// changes one word further left than the one below it, and none right of `hi`.
    fn update_levels(&mut self, row: usize, lo: usize, hi: usize) {
        let (plane, stride) = (self.rows.len(), self.stride);
        let base = row * stride;
        for p in 0..LEVELS {
            // plane p = plane p - 1 (the row for p = 0) | itself shifted by 2^p
            let shift = 1 << p;
            for k in lo.saturating_sub(p + 1)..=hi {
                let src = |k: usize| {
                    if k >= stride {
                        0
                    } else if p == 0 {
                        self.rows[base + k]
                    } else {
                        self.levels[(p - 1) * plane + base + k]
                    }
                };
                let (cur, next) = (src(k), src(k + 1));
                self.levels[p * plane + base + k] = cur | (cur >> shift) | (next << (64 - shift));
            }
        }
    }

    /// Recomputes `avail` for one bordered row from its free runs.
    fn update_avail(&mut self, row: usize) {
        let words = &self.rows[row * self.stride..(row + 1) * self.stride];
        let avail = &mut self.avail[row * self.stride..(row + 1) * self.stride];
        avail.fill(0);
        let bits = words.len() * 64;
        let mut p = 0;
        while p < bits {
            // next free pixel at or after p
            let k = p / 64;
            let free_bits = !words[k] & (u64::MAX << (p % 64));
            if free_bits == 0 {
                p = (k + 1) * 64;
                continue;
            }
            let s = k * 64 + free_bits.trailing_zeros() as usize;
            // end of this free run
            let mut e = s;
            loop {
                let k = e / 64;
                if k >= words.len() {
                    e = bits;
                    break;
                }
                let taken = words[k] & (u64::MAX << (e % 64));
                if taken != 0 {
                    e = k * 64 + taken.trailing_zeros() as usize;
                    break;
                }
                e = (k + 1) * 64;
            }
            for (k, a) in avail
                .iter_mut()
                .enumerate()
                .take((e - 1) / 64 + 1)
                .skip(s / 64)
            {
                let from = s.max(k * 64);
                let len = (e - from).min(u16::MAX as usize) as u16;
                *a = (*a).max(len);
            }
            p = e;
        }
    }

    /// Like [`Occupancy::blocked`] for one run of ink: `(row, x, len)` of the sprite.
    pub(crate) fn blocked_run(
        &self,
        x: isize,
        y: isize,
        (r, start, len): (usize, usize, usize),
    ) -> u64 {
        let bx = (x + self.border as isize) as usize;
        let row = (y + self.border as isize) as usize + r;
        let (mut start, mut len) = (bx + start, len);
        let mut blocked = 0;
        while len > 0 {
            let l = len.min(64);
            blocked |= self.dilated(row, start, l);
            start += l;
            len -= l;
        }
        blocked
    }

    /// The index of the first window (counted outwards from `centre_x` as the layout does:
    /// windows `[c + 64 i, c + 64 i + 64)` to the right, `[c - 64 (i + 1), c - 64 i)` to the left)
    /// at or beyond the one starting at `x` that may hold the sprite's run `(r, start, len)`
    /// on row `y`, or `None` if no window further out can. Skips dense stretches in one step.
    pub(crate) fn next_window(
        &self,
        x: isize,
        y: isize,
        (r, start, len): (usize, usize, usize),
        centre_x: isize,
        rightwards: bool,
    ) -> Option<i64> {
        let border = self.border as isize;
        let row = (y + border) as usize + r;
        let avail = &self.avail[row * self.stride..(row + 1) * self.stride];
        // pixel of the run's first ink for the window's first (right) or last (left) position
        let p = if rightwards {
            x + border + start as isize
        } else {
            x + 63 + border + start as isize
        };
        let k0 = (p.max(0) as usize / 64).min(avail.len() - 1);
        let fits = |k: usize| usize::from(avail[k]) >= len;
        let k = if rightwards {
            (k0..avail.len()).find(|&k| fits(k))?
        } else {
            (0..=k0)
                .rev()
                .find(|&k| fits(k) || (k + 1 < avail.len() && fits(k + 1)))?
        };
        let index = if rightwards {
            // first position whose run starts in word k (or later): x' = 64 k − border − start
            let x_first = 64 * k as isize - border - start as isize;
            ((x_first - centre_x).max(0) / 64) as i64
        } else {
            // last position whose run starts in word k + 1 at the latest
            let x_last = 64 * (k as isize + 2) - 1 - border - start as isize;
            ((centre_x - 1 - x_last).max(0) / 64) as i64
        };
        Some(index)
    }

    /// False if no position `x .. x + 64` of row `y` (top-left coordinates of a sprite whose
    /// row `r` has a run of `len` ink pixels starting at `start`) can have that run on free
    /// pixels. A cheap necessary condition; true means "test properly".
    pub(crate) fn may_fit_run(
        &self,
        x: isize,
        y: isize,
        (r, start, len): (usize, usize, usize),
    ) -> bool {
        let p = (x + self.border as isize) as usize + start;
        let row = (y + self.border as isize) as usize + r;
        let avail = &self.avail[row * self.stride..(row + 1) * self.stride];
        let (k0, k1) = (p / 64, p.div_ceil(64));
        usize::from(avail[k0]) >= len || usize::from(avail[k1.min(avail.len() - 1)]) >= len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::P;
    use crate::raster::Raster;

    #[test]
    fn dilated_matches_naive() {
        // one row of 120 pixels (no border): pixels 0, 63 and 68 taken
        let mut occ = Occupancy::new(120, 1, 0);
        for x in [0, 63, 68] {
            occ.set(x, 0);
        }
        occ.update_all();
        let taken = |b: usize| [0, 63, 68].contains(&b);
        for off in 0..100 {
            for len in 1..=64 {
                let naive = (0..64).fold(0u64, |acc, i| {
                    let any = (off + i..off + i + len).any(taken);
                    acc | (u64::from(any) << i)
                });
                assert_eq!(occ.dilated(0, off, len), naive, "{off} {len}");
            }
        }
    }

    #[test]
    fn inserting_updates_the_index_as_a_full_rebuild_does() {
        // sprites of assorted widths inserted at assorted offsets (also across word bounds)
        let mut occ = Occupancy::new(700, 40, 8);
        occ.update_all();
        let mut seed = 7u64;
        for i in 0..60 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let (w, h) = (
                1 + (seed >> 33) as usize % 150,
                1 + (seed >> 20) as usize % 9,
            );
            let coverage = (0..w * h)
                .map(|j| if (j * 7 + i) % 5 == 0 { 0 } else { 255 })
                .collect();
            let raster = Raster {
                width: w,
                height: h,
                origin: P(0.0, 0.0),
                coverage,
            };
            let sprite = Sprite::new(&raster, (i % 3, i % 2), true).unwrap();
            let x = (seed >> 40) as isize % 690 - 4;
            let y = (seed >> 50) as isize % 36 - 4;
            occ.insert(&sprite, x, y);
            let mut rebuilt = occ.clone();
            rebuilt.update_all();
            assert_eq!(
                occ.levels, rebuilt.levels,
                "dilated planes after insert {i}"
            );
            assert_eq!(occ.avail, rebuilt.avail, "free runs after insert {i}");
        }
    }

    #[test]
    fn collides_only_on_shared_pixels() {
        let mut coverage = vec![0; 4 * 2];
        coverage[0] = 255; // (0, 0)
        coverage[7] = 10; // (3, 1)
        let raster = Raster {
            width: 4,
            height: 2,
            origin: P(0.0, 0.0),
            coverage,
        };
        let sprite = Sprite::new(&raster, (0, 0), true).unwrap();
        let mut occ = Occupancy::new(200, 10, 4);
        occ.set(100, 5);
        for x in 90..110isize {
            for y in 0..9isize {
                let hit = (x, y) == (100, 5) || (x + 3, y + 1) == (100, 5);
                assert_eq!(occ.collides(&sprite, x, y), hit, "{x},{y}");
            }
        }
    }
}
