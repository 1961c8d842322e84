//! LayoutOptions: everything that shapes a cloud, with defaults.

use crate::color::Color;
use crate::error::{Error, Result};
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
    /// Smallest font size in pixels; words that do not fit even at this size are dropped.
    pub min_font: f32,
    /// Largest font size in pixels; `None` derives it from the canvas and the words, so that the
    /// heaviest word is as large as the canvas allows and every word fits.
    pub max_font: Option<f32>,
    /// Minimum gap between words in pixels.
    pub padding: u32,
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
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 1200,
            height: 800,
            scale: Scale::Sqrt,
            min_font: 10.0,
            max_font: None,
            padding: 2,
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
        }
    }
}

/// Largest canvas side accepted (a 20000 × 20000 canvas is 50 MB of occupancy bits).
pub const MAX_SIDE: u32 = 20_000;

impl LayoutOptions {
    /// Checks ranges; the error names the option.
    pub fn validate(&self) -> Result<()> {
        let err = |option: &'static str, message: String| Err(Error::Option { option, message });
        if !(16..=MAX_SIDE).contains(&self.width) || !(16..=MAX_SIDE).contains(&self.height) {
            return err(
                "--width/--height",
                format!(
                    "{}×{} is outside 16..={MAX_SIDE} pixels",
                    self.width, self.height
                ),
            );
        }
        if !(self.min_font.is_finite() && self.min_font >= 1.0) {
            return err(
                "--min-font",
                format!("{} must be at least 1", self.min_font),
            );
        }
        if let Some(max) = self.max_font {
            if !(max.is_finite() && max >= self.min_font) {
                return err(
                    "--max-font",
                    format!("{max} must be at least --min-font ({})", self.min_font),
                );
            }
        }
        if self.rotations.is_empty() || self.rotations.iter().any(|r| !r.is_finite()) {
            return err(
                "--rotate",
                "give at least one angle in degrees, e.g. 0,90".into(),
            );
        }
        if !(0.0..=1.0).contains(&self.prefer_horizontal) {
            return err(
                "--prefer-horizontal",
                format!("{} must be between 0 and 1", self.prefer_horizontal),
            );
        }
        if self.padding > 100 {
            return err(
                "--padding",
                format!("{} pixels is more than 100", self.padding),
            );
        }
        Ok(())
    }
}
