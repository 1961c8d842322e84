#![doc = include_str!("../README.md")]
//!
//! # Brief overview
//!
//! - [`layout`] places [`WeightedWord`]s as [`LayoutOptions`] say and returns a [`Layout`]:
//!   words, positions, sizes, rotations, colours, and the words that did not fit.
//! - [`render::png`], [`render::svg`], [`render::json`] and [`render::alt_text`] are pure
//!   functions of a `Layout`; [`Labels`] (title, caption, base) travel with it.
//! - [`Font`] is the bundled Open Sans or any TTF/OTF; [`Mask`] limits the area; [`Palette`]
//!   colours the words with at least 3:1 contrast.
//! - [`layout_shared`], [`layout_same_positions`] and [`layout_compare`] lay out clouds to be
//!   compared (one scale, the same places, two groups in one cloud); a [`Grid`] puts several
//!   in one image.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod color;
mod compare;
mod error;
mod font;
mod grid;
mod labels;
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
mod subset;

pub use image;

pub use color::Color;
pub use compare::{layout_compare, layout_same_positions, layout_shared, Diverging, GroupCloud};
pub use error::{Error, Result};
pub use font::Font;
pub use grid::{Cells, Grid, Panel};
pub use labels::{Labels, TextLine, Wording};
pub use mask::{Mask, MAX_MASK_BYTES, MAX_MASK_SIDE};
pub use model::{Contour, DropReason, DroppedWord, Layout, PlacedWord, WeightedWord};
pub use options::{LayoutOptions, Sizing, MAX_SIDE, SIDE_BY_SIDE};
pub use palette::{ColorBy, Palette};
pub use place::layout;
pub use scale::Scale;
pub use spiral::SpiralKind;
