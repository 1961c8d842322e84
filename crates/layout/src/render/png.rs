//! PNG: the layout drawn with anti-aliasing into an RGBA image.

use std::io::Write;

use image::{Rgba, RgbaImage};

use crate::color::Color;
use crate::error::{Error, Result};
use crate::raster::Raster;
use crate::Layout;

/// The layout as an RGBA image: background, then each word's coverage blended in its colour,
/// then the title and caption lines, then the mask contour if there is one.
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
    for (text, font_size, rotation, (cx, cy), color) in layout.texts() {
        let raster = Raster::new(&layout.font.shape(text, font_size, rotation));
        let x0 = (cx - raster.origin.0).round() as i64;
        let y0 = (cy - raster.origin.1).round() as i64;
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
                    *p = blend(*p, color, a);
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

/// Writes the layout as a PNG file (RGBA, or RGB when the background is opaque) that carries
/// its text alternative: `Title` ([`Labels::name`](crate::Labels::name)) and `Description`
/// ([`alt_text`](super::alt_text)) as `tEXt` chunks (`iTXt` for text beyond Latin-1).
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, render, Labels, LayoutOptions, WeightedWord};
///
/// let options = LayoutOptions {
///     width: 200,
///     height: 100,
///     labels: Labels { title: Some("Gründe".into()), ..Default::default() },
///     ..Default::default()
/// };
/// let mut png = Vec::new();
/// render::write_png(&layout(&[WeightedWord::new("Zeit", 4.0)], &options), &mut png).unwrap();
/// // a tEXt chunk: keyword, NUL, Latin-1 text
/// assert!(png.windows(12).any(|w| w == b"Title\0Gr\xfcnde"));
/// ```
pub fn write_png(layout: &Layout, out: impl Write) -> Result<()> {
    let image = png(layout);
    let encode = |e: ::png::EncodingError| Error::Encode(e.to_string());
    let mut encoder = ::png::Encoder::new(out, layout.width, layout.height);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(::png::Compression::Fast);
    encoder.set_filter(::png::Filter::Adaptive);
    for (keyword, text) in [
        ("Title", layout.labels.name().to_owned()),
        (
            "Description",
            super::alt_text(layout, super::DESCRIBED_TERMS),
        ),
    ] {
        if text.chars().all(|c| u32::from(c) <= 0xff) {
            encoder.add_text_chunk(keyword.into(), text)
        } else {
            encoder.add_itxt_chunk(keyword.into(), text)
        }
        .map_err(encode)?;
    }
    if layout.background.a == 255 {
        encoder.set_color(::png::ColorType::Rgb);
        let rgb = image::DynamicImage::ImageRgba8(image).into_rgb8();
        let mut writer = encoder.write_header().map_err(encode)?;
        writer.write_image_data(rgb.as_raw()).map_err(encode)?;
        writer.finish().map_err(encode)
    } else {
        encoder.set_color(::png::ColorType::Rgba);
        let mut writer = encoder.write_header().map_err(encode)?;
        writer.write_image_data(image.as_raw()).map_err(encode)?;
        writer.finish().map_err(encode)
    }
}
