//! PNG: the layout drawn with anti-aliasing into an RGBA image.

use std::io::Write;

use image::{ImageEncoder, Rgba, RgbaImage};

use crate::color::Color;
use crate::error::{Error, Result};
use crate::raster::Raster;
use crate::Layout;

/// The layout as an RGBA image: background, then each word's coverage blended in its colour,
/// then the mask contour if there is one.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
///
/// let cloud = layout(&[WeightedWord::new("Wolke", 1.0)], &LayoutOptions { width: 200, height: 100, ..Default::default() });
/// let image = render::png(&cloud);
/// assert_eq!(image.dimensions(), (200, 100));
/// ```
#[must_use]
pub fn png(layout: &Layout) -> RgbaImage {
    let bg = layout.background;
    let mut image =
        RgbaImage::from_pixel(layout.width, layout.height, Rgba([bg.r, bg.g, bg.b, bg.a]));
    for word in &layout.words {
        let shape = layout.font.shape(&word.text, word.font_size, word.rotation);
        let raster = Raster::new(&shape);
        let x0 = (word.x - raster.origin.0).round() as i64;
        let y0 = (word.y - raster.origin.1).round() as i64;
        for y in 0..raster.height {
            for x in 0..raster.width {
                let a = raster.coverage[y * raster.width + x];
                let (cx, cy) = (x0 + x as i64, y0 + y as i64);
                if a > 0
                    && cx >= 0
                    && cy >= 0
                    && cx < i64::from(layout.width)
                    && cy < i64::from(layout.height)
                {
                    let p = image.get_pixel_mut(cx as u32, cy as u32);
                    *p = blend(*p, word.color, a);
                }
            }
        }
    }
    if let Some(contour) = &layout.contour {
        let color = &contour.color;
        for &(x0, y0, x1, y1) in &contour.segments {
            // a 2-pixel line centred on the pixel edge
            for y in y0.saturating_sub(1)..=y1.min(layout.height.saturating_sub(1)) {
                for x in x0.saturating_sub(1)..=x1.min(layout.width.saturating_sub(1)) {
                    let on = if y0 == y1 {
                        y + 1 >= y0 && y <= y0 && x >= x0 && x < x1.max(x0 + 1)
                    } else {
                        x + 1 >= x0 && x <= x0 && y >= y0 && y < y1
                    };
                    if on {
                        let p = image.get_pixel_mut(x, y);
                        *p = blend(*p, *color, 255);
                    }
                }
            }
        }
    }
    image
}

/// Source-over blending of `color` with coverage `a` (0–255) onto `dst`, in sRGB.
fn blend(dst: Rgba<u8>, color: Color, a: u8) -> Rgba<u8> {
    let sa = u32::from(a) * u32::from(color.a) / 255;
    let da = u32::from(dst.0[3]);
    let out_a = sa + da * (255 - sa) / 255;
    if out_a == 0 {
        return Rgba([0, 0, 0, 0]);
    }
    let ch = |s: u8, d: u8| {
        ((u32::from(s) * sa + u32::from(d) * da * (255 - sa) / 255 + out_a / 2) / out_a) as u8
    };
    Rgba([
        ch(color.r, dst.0[0]),
        ch(color.g, dst.0[1]),
        ch(color.b, dst.0[2]),
        out_a as u8,
    ])
}

/// Writes the layout as a PNG file (RGBA, or RGB when the background is opaque).
pub fn write_png(layout: &Layout, out: impl Write) -> Result<()> {
    let image = png(layout);
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        out,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    let result = if layout.background.a == 255 {
        let rgb = image::DynamicImage::ImageRgba8(image).into_rgb8();
        encoder.write_image(
            rgb.as_raw(),
            layout.width,
            layout.height,
            image::ExtendedColorType::Rgb8,
        )
    } else {
        encoder.write_image(
            image.as_raw(),
            layout.width,
            layout.height,
            image::ExtendedColorType::Rgba8,
        )
    };
    result.map_err(|e| Error::Encode(e.to_string()))
}
