//! LayoutOptions: everything that shapes a cloud, with defaults.

use crate::color::Color;
use crate::error::{Error, Result};
use crate::labels::Labels;
use crate::mask::Mask;
use crate::palette::{ColorBy, Palette};
use crate::scale::Scale;
use crate::spiral::SpiralKind;
use crate::Font;

/// Everything that shapes a cloud. `LayoutOptions::default()` is a 1200 × 800 cloud.
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    /// Canvas width in pixels.
    pub width: u32,
    /// Canvas height in pixels.
    pub height: u32,
    /// Weight → size mapping.
    pub scale: Scale,
    /// Smallest font size in pixels: lighter words are drawn at this size (larger than the
    /// scale says, rather than unreadable); words that do not fit even at this size are dropped.
    pub min_font: f32,
    /// How the font sizes are found: the largest that fill the canvas (default), or fixed.
    pub sizing: Sizing,
    /// The smallest gap between two words' ink, in pixels, whatever their size.
    pub padding: u32,
    /// The gap between two words grows by this share of the smaller word's font size (on top
    /// of `padding`), so that big neighbours do not read as one word.
    pub spacing: f32,
    /// Let smaller words fill the holes of bigger words' letters (the inside of `o`, `B`, …).
    /// Off by default: a word inside a letter is hard to read.
    pub fill_holes: bool,
    /// Angles in degrees (counter-clockwise) a word may take.
    pub rotations: Vec<f32>,
    /// Probability that a word is horizontal (when 0° is among the rotations).
    pub prefer_horizontal: f64,
    /// The search path.
    pub spiral: SpiralKind,
    /// Seed of every random choice: the same seed gives the same layout.
    pub seed: u64,
    /// Word colours.
    pub palette: Palette,
    /// How colours are picked from the palette.
    pub color_by: ColorBy,
    /// Background colour (`Color::TRANSPARENT` for none).
    pub background: Color,
    /// Area the words must stay in.
    pub mask: Option<Mask>,
    /// Draw the mask's outline.
    pub contour: Option<Color>,
    /// The font.
    pub font: Font,
    /// Title and caption drawn with the cloud (they take room from the words), and what the
    /// text alternative says.
    pub labels: Labels,
    /// Threads the fill search may use (0: as many as the machine has; only two help): it
    /// lays out the scale it will probably try next beside the current one. The layout does
    /// not depend on it.
    pub threads: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 1200,
            height: 800,
            scale: Scale::Sqrt,
            min_font: 10.0,
            sizing: Sizing::default(),
            padding: 2,
            spacing: 0.1,
            fill_holes: false,
            rotations: vec![0.0, 90.0],
            prefer_horizontal: 0.9,
            spiral: SpiralKind::Archimedean,
            seed: 42,
            palette: Palette::OkabeIto,
            color_by: ColorBy::Auto,
            background: Color::WHITE,
            mask: None,
            contour: None,
            font: Font::default(),
            labels: Labels::default(),
            threads: 0,
        }
    }
}

/// Side by side, the size-dependent part of the gap between two words is this many times
/// [`LayoutOptions::spacing`] × the font size (2.5 × 0.1 em: about the width of a space).
pub const SIDE_BY_SIDE: f32 = 2.5;

/// Largest canvas side accepted (a 20000 × 20000 canvas is 50 MB of occupancy bits).
pub const MAX_SIDE: u32 = 20_000;

/// How the font sizes of a cloud are found. Either way a word's size follows its weight exactly
/// as the [`Scale`] says (down to [`LayoutOptions::min_font`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sizing {
    /// The largest common scale at which every word fits at its exact size, so that the cloud
    /// fills the canvas (or the mask); the heaviest word is at most `max_font` pixels when given.
    /// If not every word fits even when the lightest are at the minimum size, the cloud keeps a
    /// scale derived from the canvas area and the words that do not fit are dropped (and
    /// reported), never drawn smaller than their weight says.
    Fill {
        /// Upper limit of the heaviest word's size.
        max_font: Option<f32>,
    },
    /// The heaviest word at `max_font` pixels (smaller only if it does not fit at all), the
    /// others as the scale says. A word that does not fit at its size is drawn smaller, down to
    /// the minimum size, and dropped below that: sizes are only exact where there is room.
    Fixed {
        /// The heaviest word's size.
        max_font: f32,
    },
    /// The heaviest word at `max_font` pixels and every word exactly at the size the scale
    /// gives it (down to the minimum size); a word that does not fit at that size is dropped
    /// (and reported), never drawn smaller. For clouds drawn on one common scale
    /// ([`layout_shared`](crate::layout_shared)).
    Exact {
        /// The heaviest word's size.
        max_font: f32,
    },
}

impl Default for Sizing {
    fn default() -> Self {
        Sizing::Fill { max_font: None }
    }
}

impl Sizing {
    /// The size limit, if there is one.
    pub fn max_font(self) -> Option<f32> {
        match self {
            Sizing::Fill { max_font } => max_font,
            Sizing::Fixed { max_font } | Sizing::Exact { max_font } => Some(max_font),
        }
    }
}

impl LayoutOptions {
    /// The gaps (pixels of background at least) kept between a word of `font_size` drawn at
    /// `rotation` degrees and any word at least as big, as (horizontal, vertical) on the
    /// canvas. Across the word's line the gap is `padding + spacing × font_size`; along its
    /// line (where a neighbour would read as the next word) [`SIDE_BY_SIDE`] times the
    /// size-dependent part, about a space. A rotated word's gaps turn with it. Rounded to
    /// whole pixels.
    ///
    /// # Example
    /// ```
    /// use wortwolke_layout::LayoutOptions;
    ///
    /// let options = LayoutOptions { padding: 2, spacing: 0.1, ..Default::default() };
    /// assert_eq!(options.gaps(10.0, 0.0), (5, 3));
    /// assert_eq!(options.gaps(100.0, 0.0), (27, 12));
    /// assert_eq!(options.gaps(100.0, 90.0), (12, 27));
    /// ```
    pub fn gaps(&self, font_size: f32, rotation: f32) -> (u32, u32) {
        let grown = self.spacing.clamp(0.0, 1.0) * font_size.clamp(0.0, MAX_SIDE as f32);
        let padding = self.padding.min(100) as f32;
        let (along, across) = (padding + SIDE_BY_SIDE * grown, padding + grown);
        let (sin, cos) = (
            rotation.to_radians().sin().abs(),
            rotation.to_radians().cos().abs(),
        );
        (
            (cos * along + sin * across).round() as u32,
            (sin * along + cos * across).round() as u32,
        )
    }

    /// Checks ranges. The error ([`Error::Option`]) names the field (`width`, `height`,
    /// `min_font`, `sizing.max_font`, `spacing`, `rotations`, `prefer_horizontal`, `padding`);
    /// a program with its own option names maps them (the `wortwolke` CLI to its flags).
    ///
    /// # Example
    /// ```
    /// use wortwolke_layout::{Error, LayoutOptions, Sizing};
    ///
    /// let options = LayoutOptions { min_font: 30.0, sizing: Sizing::Fixed { max_font: 20.0 }, ..Default::default() };
    /// let Err(Error::Option { option, message }) = options.validate() else { panic!() };
    /// assert_eq!(option, "sizing.max_font");
    /// assert_eq!(message, "20 must be at least min_font (30)");
    /// ```
    pub fn validate(&self) -> Result<()> {
        let err = |option: &'static str, message: String| Err(Error::Option { option, message });
        for (option, side) in [("width", self.width), ("height", self.height)] {
            if !(16..=MAX_SIDE).contains(&side) {
                return err(option, format!("{side} is outside 16..={MAX_SIDE} pixels"));
            }
        }
        if !(self.min_font.is_finite() && self.min_font >= 1.0) {
            return err("min_font", format!("{} must be at least 1", self.min_font));
        }
        if let Some(max) = self.sizing.max_font() {
            if !(max.is_finite() && max >= self.min_font) {
                return err(
                    "sizing.max_font",
                    format!("{max} must be at least min_font ({})", self.min_font),
                );
            }
        }
        if !(0.0..=1.0).contains(&self.spacing) {
            return err(
                "spacing",
                format!(
                    "{} must be between 0 and 1 (a share of the font size)",
                    self.spacing
                ),
            );
        }
        if self.rotations.is_empty() || self.rotations.iter().any(|r| !r.is_finite()) {
            return err(
                "rotations",
                "give at least one angle in degrees, e.g. 0,90".into(),
            );
        }
        if !(0.0..=1.0).contains(&self.prefer_horizontal) {
            return err(
                "prefer_horizontal",
                format!("{} must be between 0 and 1", self.prefer_horizontal),
            );
        }
        if self.padding > 100 {
            return err(
                "padding",
                format!("{} pixels is more than 100", self.padding),
            );
        }
        Ok(())
    }
}
