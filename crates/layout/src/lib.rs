#![doc = include_str!("../README.md")]
//!
//! # Brief overview
//!
//! - [`layout`] places [`WeightedWord`]s as [`LayoutOptions`] say and returns a [`Layout`]:
//!   words, positions, sizes, rotations, colours, and the words that did not fit.
//! - [`render::png`], [`render::svg`] and [`render::json`] are pure functions of a `Layout`.
//! - [`Font`] is the bundled Open Sans or any TTF/OTF; [`Mask`] limits the area; [`Palette`]
//!   colours the words with at least 3:1 contrast.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod color;
mod error;
mod font;
mod mask;
mod model;
mod occupancy;
mod options;
mod palette;
mod place;
mod raster;
pub mod render;
mod rng;
mod scale;
mod spiral;
mod sprite;

pub use image;

pub use color::Color;
pub use error::{Error, Result};
pub use font::Font;
pub use mask::Mask;
pub use model::{Layout, PlacedWord, WeightedWord};
pub use options::{LayoutOptions, MAX_SIDE};
pub use palette::{ColorBy, Palette};
pub use place::layout;
pub use scale::Scale;
pub use spiral::SpiralKind;

#[cfg(test)]
pub(crate) mod test_util {
    //! Shared helpers of the unit tests.
    use crate::raster::Raster;
    use crate::sprite::Sprite;
    use crate::Layout;

    /// Every placed word's ink pixels on the canvas (coverage > 0), re-rasterized from the model.
    pub(crate) fn ink(layout: &Layout) -> Vec<Vec<(u32, u32)>> {
        layout
            .words
            .iter()
            .map(|w| {
                let raster = Raster::new(&layout.font.shape(&w.text, w.font_size, w.rotation));
                let _ = Sprite::new(&raster, 0);
                let (x0, y0) = (
                    (w.x - raster.origin.0).round() as i64,
                    (w.y - raster.origin.1).round() as i64,
                );
                let mut px = Vec::new();
                for y in 0..raster.height {
                    for x in 0..raster.width {
                        if raster.coverage[y * raster.width + x] > 0 {
                            px.push(((x0 + x as i64) as u32, (y0 + y as i64) as u32));
                        }
                    }
                }
                px
            })
            .collect()
    }
}
