//! Mask: the area words may use, from an image; and its outline (contour).

use std::path::Path;

use crate::error::{Error, Result};

/// Where words may go. Read from an image: if the image has transparent pixels, its *opaque*
/// pixels (alpha ≥ 128) are the allowed area; otherwise its *dark* pixels (luma < 128) are.
/// So a black shape on white, or any shape on a transparent background, works as expected.
/// The mask is stretched to the canvas size (nearest neighbour).
///
/// # Example
/// ```
/// use wortwolke_layout::{image, Mask};
///
/// let mut img = image::GrayImage::from_pixel(4, 4, image::Luma([255]));
/// img.put_pixel(1, 1, image::Luma([0]));
/// let mask = Mask::from_image(&image::DynamicImage::ImageLuma8(img));
/// assert!(mask.allows(1, 1) && !mask.allows(0, 0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mask {
    width: u32,
    height: u32,
    allowed: Vec<bool>,
}

impl Mask {
    /// The allowed area of `image` (see the type's documentation for the polarity).
    pub fn from_image(image: &image::DynamicImage) -> Mask {
        let rgba = image.to_rgba8();
        let has_alpha = rgba.pixels().any(|p| p.0[3] < 255);
        let allowed = rgba
            .pixels()
            .map(|p| {
                let [r, g, b, a] = p.0;
                if has_alpha {
                    a >= 128
                } else {
                    (0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b)) < 128.0
                }
            })
            .collect();
        Mask {
            width: rgba.width(),
            height: rgba.height(),
            allowed,
        }
    }

    /// Reads a mask image (PNG) from a file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Mask> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            source_name: path.to_owned(),
            source,
        })?;
        let image = image::load_from_memory(&bytes).map_err(|e| Error::Mask {
            source_name: path.to_owned(),
            message: e.to_string(),
        })?;
        let mask = Mask::from_image(&image);
        if !mask.allowed.iter().any(|&a| a) {
            return Err(Error::Mask {
                source_name: path.to_owned(),
                message: "it has no dark or opaque pixel, so no area for words".into(),
            });
        }
        Ok(mask)
    }

    /// Whether pixel (x, y) of the mask image is allowed.
    pub fn allows(&self, x: u32, y: u32) -> bool {
        x < self.width && y < self.height && self.allowed[(y * self.width + x) as usize]
    }

    /// Width and height of the mask image.
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// The mask stretched to `width × height`.
    pub fn resized(&self, width: u32, height: u32) -> Mask {
        if (width, height) == (self.width, self.height) {
            return self.clone();
        }
        let mut allowed = Vec::with_capacity((width * height) as usize);
        for y in 0..height {
            let sy = (u64::from(y) * u64::from(self.height) / u64::from(height.max(1))) as u32;
            for x in 0..width {
                let sx = (u64::from(x) * u64::from(self.width) / u64::from(width.max(1))) as u32;
                allowed.push(self.allows(sx, sy));
            }
        }
        Mask {
            width,
            height,
            allowed,
        }
    }

    /// Allowed pixels.
    pub fn area(&self) -> usize {
        self.allowed.iter().filter(|&&a| a).count()
    }

    /// For each pixel (row by row), its distance in pixels to the nearest pixel that is not
    /// allowed or lies outside the image: how far a word centred there may reach. 0 where the
    /// mask does not allow the pixel.
    pub(crate) fn depth(&self) -> Vec<f32> {
        use imageproc::distance_transform::euclidean_squared_distance_transform;
        // the foreground the distance is measured to: forbidden pixels and a frame around all
        let framed = image::GrayImage::from_fn(self.width + 2, self.height + 2, |x, y| {
            let inside = x >= 1 && y >= 1 && self.allows(x - 1, y - 1);
            image::Luma([if inside { 0 } else { 255 }])
        });
        let squared = euclidean_squared_distance_transform(&framed);
        let mut depth = Vec::with_capacity(self.allowed.len());
        for y in 0..self.height {
            for x in 0..self.width {
                depth.push(squared.get_pixel(x + 1, y + 1).0[0].sqrt() as f32);
            }
        }
        depth
    }

    /// The outline between allowed and other pixels as axis-parallel segments
    /// `(x0, y0, x1, y1)` on pixel edges, horizontal runs and vertical runs merged.
    pub fn contour(&self) -> Vec<(u32, u32, u32, u32)> {
        let at = |x: i64, y: i64| x >= 0 && y >= 0 && self.allows(x as u32, y as u32);
        let (w, h) = (i64::from(self.width), i64::from(self.height));
        let mut out = Vec::new();
        // horizontal edges: between row y-1 and y
        for y in 0..=h {
            let mut start: Option<i64> = None;
            for x in 0..=w {
                let edge = x < w && at(x, y - 1) != at(x, y);
                match (edge, start) {
                    (true, None) => start = Some(x),
                    (false, Some(s)) => {
                        out.push((s as u32, y as u32, x as u32, y as u32));
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        // vertical edges: between column x-1 and x
        for x in 0..=w {
            let mut start: Option<i64> = None;
            for y in 0..=h {
                let edge = y < h && at(x - 1, y) != at(x, y);
                match (edge, start) {
                    (true, None) => start = Some(y),
                    (false, Some(s)) => {
                        out.push((x as u32, s as u32, x as u32, y as u32));
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Mask;

    #[test]
    fn depth_is_the_distance_to_the_nearest_forbidden_pixel_or_edge() {
        // a 9 × 5 image, all allowed but (6, 2)
        let mut img = image::GrayImage::from_pixel(9, 5, image::Luma([0]));
        img.put_pixel(6, 2, image::Luma([255]));
        let mask = Mask::from_image(&image::DynamicImage::ImageLuma8(img));
        let depth = mask.depth();
        let at = |x: usize, y: usize| depth[y * 9 + x];
        assert_eq!(at(6, 2), 0.0);
        assert_eq!(
            at(0, 0),
            1.0,
            "the frame around the image is one pixel away"
        );
        assert_eq!(at(2, 2), 3.0, "three to the left edge's frame");
        assert_eq!(at(5, 2), 1.0);
        assert!((at(5, 1) - 2f32.sqrt()).abs() < 1e-6);
    }
}
