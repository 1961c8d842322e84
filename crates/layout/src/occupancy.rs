//! Occupancy: the canvas as a bitmask of taken pixels, 64 pixels per `u64`.

use crate::sprite::Sprite;

/// Taken pixels of the canvas. Pixels outside the allowed area of a mask start out taken.
/// A free border of `border` pixels around the canvas lets padded sprites hang over the edge
/// without bounds checks in the inner loop.
#[derive(Debug, Clone)]
pub(crate) struct Occupancy {
    width: usize,
    height: usize,
    border: usize,
    stride: usize,
    rows: Vec<u64>,
}

impl Occupancy {
    pub(crate) fn new(width: usize, height: usize, border: usize) -> Occupancy {
        let stride = (width + 2 * border).div_ceil(64) + 1;
        Occupancy {
            width,
            height,
            border,
            stride,
            rows: vec![0; stride * (height + 2 * border)],
        }
    }

    /// Marks canvas pixel (x, y) as taken.
    pub(crate) fn set(&mut self, x: usize, y: usize) {
        let (bx, by) = (x + self.border, y + self.border);
        self.rows[by * self.stride + bx / 64] |= 1 << (bx % 64);
    }

    /// Whether canvas pixel (x, y) is taken.
    pub(crate) fn get(&self, x: usize, y: usize) -> bool {
        let (bx, by) = (x + self.border, y + self.border);
        self.rows[by * self.stride + bx / 64] >> (bx % 64) & 1 == 1
    }

    /// Whether `sprite` with its top-left at canvas position (x, y) (which may be negative by up
    /// to the border) touches a taken pixel. Its ink must lie inside the canvas.
    pub(crate) fn collides(&self, sprite: &Sprite, x: isize, y: isize) -> bool {
        let bx = (x + self.border as isize) as usize;
        let by = (y + self.border as isize) as usize;
        // cheap rejection: a few ink pixels first
        for &(px, py) in &sprite.probes {
            let (cx, cy) = (bx + px, by + py);
            if self.rows[cy * self.stride + cx / 64] >> (cx % 64) & 1 == 1 {
                return true;
            }
        }
        let (k0, shift) = (bx / 64, bx % 64);
        for r in 0..sprite.height {
            let occ = &self.rows[(by + r) * self.stride + k0..];
            let row = &sprite.rows[r * sprite.stride..(r + 1) * sprite.stride];
            if shift == 0 {
                for (k, &bits) in row.iter().enumerate() {
                    if bits & occ[k] != 0 {
                        return true;
                    }
                }
            } else {
                for (k, &bits) in row.iter().enumerate() {
                    if bits != 0
                        && ((bits << shift) & occ[k] != 0
                            || (bits >> (64 - shift)) & occ[k + 1] != 0)
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Marks the unpadded ink of a placed word: `ink` is its coverage-bearing pixels, given as
    /// canvas coordinates.
    pub(crate) fn insert(&mut self, pixels: impl IntoIterator<Item = (usize, usize)>) {
        for (x, y) in pixels {
            if x < self.width && y < self.height {
                self.set(x, y);
            }
        }
    }

    pub(crate) fn width(&self) -> usize {
        self.width
    }

    pub(crate) fn height(&self) -> usize {
        self.height
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::P;
    use crate::raster::Raster;

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
        let sprite = Sprite::new(&raster, 0).unwrap();
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
