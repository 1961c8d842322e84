//! Palettes and how words get their colours.

use std::str::FromStr;

use crate::color::Color;
use crate::error::{Error, Result};
use crate::rng::Rng;

/// The colours words are drawn in.
#[derive(Debug, Clone, PartialEq)]
pub enum Palette {
    /// Okabe–Ito: eight colours distinguishable with every common colour-vision deficiency.
    OkabeIto,
    /// Viridis: perceptually uniform, colour-blind safe, by weight (heaviest darkest).
    Viridis,
    /// One hue, light to dark blue by weight.
    Blues,
    /// One hue, light to dark grey by weight (prints well in black and white).
    Greys,
    /// The given colours, in order.
    Custom(Vec<Color>),
}

/// How a word's colour is chosen from the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorBy {
    /// Qualitative palettes cycle by rank; ramps (viridis, blues, greys) follow the weight.
    #[default]
    Auto,
    /// The word's rank cycles through the palette.
    Rank,
    /// A seeded random palette entry per word.
    Random,
    /// The word's weight picks a position on the palette (ramps and custom lists).
    Weight,
    /// Every word in the first palette colour.
    Fixed,
}

const OKABE_ITO: [Color; 8] = [
    Color::rgb(0x00, 0x72, 0xb2),
    Color::rgb(0xd5, 0x5e, 0x00),
    Color::rgb(0x00, 0x9e, 0x73),
    Color::rgb(0xcc, 0x79, 0xa7),
    Color::rgb(0xe6, 0x9f, 0x00),
    Color::rgb(0x56, 0xb4, 0xe9),
    Color::rgb(0x00, 0x00, 0x00),
    Color::rgb(0xf0, 0xe4, 0x42),
];

/// Viridis at 9 stops (matplotlib's `viridis`, CC0), dark to light.
const VIRIDIS: [Color; 9] = [
    Color::rgb(0x44, 0x01, 0x54),
    Color::rgb(0x47, 0x2d, 0x7b),
    Color::rgb(0x3b, 0x52, 0x8b),
    Color::rgb(0x2c, 0x72, 0x8e),
    Color::rgb(0x21, 0x91, 0x8c),
    Color::rgb(0x28, 0xae, 0x80),
    Color::rgb(0x5e, 0xc9, 0x62),
    Color::rgb(0xad, 0xdc, 0x30),
    Color::rgb(0xfd, 0xe7, 0x25),
];

impl Palette {
    fn colors(&self) -> Vec<Color> {
        match self {
            Palette::OkabeIto => OKABE_ITO.to_vec(),
            Palette::Viridis => VIRIDIS.to_vec(),
            Palette::Blues => vec![Color::rgb(0x08, 0x30, 0x6b), Color::rgb(0x9e, 0xca, 0xe1)],
            Palette::Greys => vec![Color::rgb(0x10, 0x10, 0x10), Color::rgb(0xa0, 0xa0, 0xa0)],
            Palette::Custom(c) => c.clone(),
        }
    }

    fn is_ramp(&self) -> bool {
        matches!(self, Palette::Viridis | Palette::Blues | Palette::Greys)
    }

    /// The colour of each word: `weights` heaviest first; every colour is adjusted to at least
    /// 3:1 contrast with `background` (a transparent background counts as white).
    pub(crate) fn assign(
        &self,
        by: ColorBy,
        weights: &[f64],
        background: Color,
        seed: u64,
    ) -> Vec<Color> {
        let colors = self.colors();
        let by = match by {
            ColorBy::Auto if self.is_ramp() => ColorBy::Weight,
            ColorBy::Auto => ColorBy::Rank,
            other => other,
        };
        let (min, max) = weights
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &w| {
                (lo.min(w), hi.max(w))
            });
        let mut rng = Rng::new(seed ^ 0xC010_5EED);
        let bg = if background.a == 0 {
            Color::WHITE
        } else {
            background
        };
        weights
            .iter()
            .enumerate()
            .map(|(rank, &w)| {
                let c = match by {
                    ColorBy::Rank | ColorBy::Auto => colors[rank % colors.len()],
                    ColorBy::Random => colors[rng.below(colors.len())],
                    ColorBy::Fixed => colors[0],
                    ColorBy::Weight => {
                        // heaviest → first colour (darkest in the ramps)
                        let t = if max > min {
                            (max - w) / (max - min)
                        } else {
                            0.0
                        };
                        ramp(&colors, t)
                    }
                };
                c.with_contrast(bg, 3.0)
            })
            .collect()
    }
}

impl Palette {
    /// The colours a word may swap its own for, so that it differs from its neighbours: the
    /// palette's colours (contrast-adjusted as [`Palette::assign`] does) where the colour only
    /// tells words apart (by rank or at random), `None` where it means something (a ramp by
    /// weight) or there is only one.
    pub(crate) fn swappable(&self, by: ColorBy, background: Color) -> Option<Vec<Color>> {
        let by = match by {
            ColorBy::Auto if self.is_ramp() => ColorBy::Weight,
            other => other,
        };
        if !matches!(by, ColorBy::Auto | ColorBy::Rank | ColorBy::Random) {
            return None;
        }
        let n = self.colors().len();
        let ranks: Vec<f64> = (0..n).map(|i| (n - i) as f64).collect();
        let mut colors = self.assign(ColorBy::Rank, &ranks, background, 0);
        colors.dedup();
        (colors.len() > 1).then_some(colors)
    }
}

fn ramp(colors: &[Color], t: f64) -> Color {
    if colors.len() == 1 {
        return colors[0];
    }
    let x = t.clamp(0.0, 1.0) * (colors.len() - 1) as f64;
    let i = (x.floor() as usize).min(colors.len() - 2);
    colors[i].lerp(colors[i + 1], x - i as f64)
}

/// What a palette may be, for error messages.
const PALETTE_HINT: &str =
    "use okabe-ito, viridis, blues, greys or a list of #rrggbb colours like #1b9e77,#d95f02";

impl FromStr for Palette {
    type Err = Error;

    /// `okabe-ito`, `viridis`, `blues`, `greys`, or a comma-separated list of colours.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "okabe-ito" | "okabeito" | "default" => Ok(Palette::OkabeIto),
            "viridis" => Ok(Palette::Viridis),
            "blues" => Ok(Palette::Blues),
            "greys" | "grays" => Ok(Palette::Greys),
            _ if s.contains('#') || s.contains(',') => s
                .split(',')
                .map(|c| {
                    c.parse::<Color>().map_err(|_| Error::Option {
                        option: "--palette",
                        message: format!("`{}` is not a colour; {PALETTE_HINT}", c.trim()),
                    })
                })
                .collect::<Result<Vec<_>>>()
                .map(Palette::Custom),
            _ => Err(Error::Option {
                option: "--palette",
                message: format!("unknown palette `{s}`; {PALETTE_HINT}"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_has_contrast() {
        let weights: Vec<f64> = (1..=40).rev().map(f64::from).collect();
        for palette in [
            Palette::OkabeIto,
            Palette::Viridis,
            Palette::Blues,
            Palette::Greys,
        ] {
            for bg in [Color::WHITE, Color::BLACK, Color::rgb(0xff, 0xf8, 0xe7)] {
                for c in palette.assign(ColorBy::Auto, &weights, bg, 1) {
                    assert!(c.contrast(bg) >= 3.0, "{palette:?} {c} on {bg}");
                }
            }
        }
    }

    #[test]
    fn parse() {
        assert_eq!("viridis".parse::<Palette>().unwrap(), Palette::Viridis);
        assert_eq!(
            "#000,#fff".parse::<Palette>().unwrap(),
            Palette::Custom(vec![Color::BLACK, Color::WHITE])
        );
        assert!("rainbow".parse::<Palette>().is_err());
        // a bad list entry names the option, not just "colour"
        let err = "#1b9e77,#12345".parse::<Palette>().unwrap_err().to_string();
        assert!(
            err.contains("--palette") && err.contains("`#12345`"),
            "{err}"
        );
    }
}
