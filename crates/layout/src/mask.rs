//! Mask: the area words may use, from an image; and its outline (contour).

use std::path::Path;

use crate::error::{Error, Result};

/// The largest mask image side accepted, in pixels.
pub const MAX_MASK_SIDE: u32 = 8192;

/// The most memory decoding a mask image may take, in bytes.
pub const MAX_MASK_BYTES: u64 = 256 << 20;

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
        Mask::from_bytes(path, &bytes)
    }

    /// Decodes a mask image (PNG); `source_name` names it in errors. Images larger than
    /// [`MAX_MASK_SIDE`] on a side, or whose decoding needs more than [`MAX_MASK_BYTES`], are
    /// refused before they are decoded: a mask is stretched to the canvas anyway.
    ///
    /// # Example
    /// ```
    /// use wortwolke_layout::Mask;
    ///
    /// let err = Mask::from_bytes("shape.png", b"not a PNG").unwrap_err();
    /// assert!(err.to_string().starts_with("shape.png: cannot read the mask image"));
    /// ```
    pub fn from_bytes(source_name: impl AsRef<Path>, bytes: &[u8]) -> Result<Mask> {
        let source_name = source_name.as_ref();
        let error = |message: String| Error::Mask {
            source_name: source_name.to_owned(),
            message,
        };
        let mut limits = image::Limits::default();
        limits.max_image_width = Some(MAX_MASK_SIDE);
        limits.max_image_height = Some(MAX_MASK_SIDE);
        limits.max_alloc = Some(MAX_MASK_BYTES);
        let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| error(e.to_string()))?;
        reader.limits(limits);
        let image = reader.decode().map_err(|e| match e {
            image::ImageError::Limits(_) => error(format!(
                "larger than {MAX_MASK_SIDE} × {MAX_MASK_SIDE} pixels or {} MiB decoded; scale it down",
                MAX_MASK_BYTES >> 20
            )),
            e => error(e.to_string()),
        })?;
        let mask = Mask::from_image(&image);
        if !mask.allowed.iter().any(|&a| a) {
            return Err(error(
                "it has no dark or opaque pixel, so no area for words".into(),
            ));
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
    use super::*;

    /// A PNG that claims `width × height` RGBA pixels of `depth` bits per channel: signature
    /// and header, and no pixel data.
    fn png_header(width: u32, height: u32, depth: u8) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = !0u32;
            for &b in bytes {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8], data: &[u8]| {
            let body = [kind, data].concat();
            png.extend((data.len() as u32).to_be_bytes());
            png.extend(&body);
            png.extend(crc32(&body).to_be_bytes());
        };
        let header = [
            &width.to_be_bytes()[..],
            &height.to_be_bytes(),
            &[depth, 6, 0, 0, 0],
        ];
        chunk(b"IHDR", &header.concat());
        // a zlib stream of one empty stored block: far too little data
        chunk(
            b"IDAT",
            &[
                0x78, 0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
            ],
        );
        chunk(b"IEND", &[]);
        png
    }

    // See: issue 13 (image decoding limits for masks)
    #[test]
    fn huge_masks_are_refused_before_decoding() {
        // too wide, too high, or (16 bits a channel) more than 256 MiB decoded
        for (w, h, depth) in [(100_000, 10, 8), (10, 100_000, 8), (6000, 6000, 16)] {
            let err = Mask::from_bytes("big.png", &png_header(w, h, depth)).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("big.png: cannot read the mask image (larger than 8192 × 8192 pixels or 256 MiB decoded"),
                "{w}×{h}×{depth}: {err}"
            );
        }
        // a small image with a broken body is an ordinary decoding error
        let err = Mask::from_bytes("small.png", &png_header(4, 4, 8)).unwrap_err();
        assert!(!err.to_string().contains("larger than"), "{err}");
    }

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
