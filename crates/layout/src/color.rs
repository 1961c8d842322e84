//! Colours: parsing, WCAG contrast, and the adjustment that keeps every word readable.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha (255 = opaque).
    pub a: u8,
}

impl Color {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color { r, g, b, a: 255 }
    }

    /// White.
    pub const WHITE: Color = Color::rgb(255, 255, 255);
    /// Black.
    pub const BLACK: Color = Color::rgb(0, 0, 0);
    /// Fully transparent.
    pub const TRANSPARENT: Color = Color {
        r: 0,
        g: 0,
        b: 0,
        a: 0,
    };

    /// `#rrggbb`, or `none` for a transparent colour.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG 2 contrast ratio between two opaque colours (1 to 21).
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour, darkened (on a light background) or lightened (on a dark one) in small steps
    /// until its contrast with `background` is at least `min` (3:1 is WCAG's large-text level).
    pub fn with_contrast(self, background: Color, min: f64) -> Color {
        let target = if background.luminance() > 0.18 {
            Color::BLACK
        } else {
            Color::WHITE
        };
        let mut c = self;
        let mut step = 0;
        while c.contrast(background) < min && step < 20 {
            step += 1;
            let t = f64::from(step) * 0.05;
            let mix = |a: u8, b: u8| (f64::from(a) * (1.0 - t) + f64::from(b) * t).round() as u8;
            c = Color::rgb(
                mix(self.r, target.r),
                mix(self.g, target.g),
                mix(self.b, target.b),
            );
        }
        c
    }

    /// Linear interpolation between two colours (`t` in 0..=1).
    pub(crate) fn lerp(self, other: Color, t: f64) -> Color {
        let t = t.clamp(0.0, 1.0);
        let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Color::rgb(
            mix(self.r, other.r),
            mix(self.g, other.g),
            mix(self.b, other.b),
        )
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.a == 0 {
            f.write_str("transparent")
        } else {
            f.write_str(&self.hex())
        }
    }
}

impl serde::Serialize for Color {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

const NAMED: &[(&str, Color)] = &[
    ("white", Color::WHITE),
    ("black", Color::BLACK),
    ("transparent", Color::TRANSPARENT),
    ("none", Color::TRANSPARENT),
    ("red", Color::rgb(0xd5, 0x5e, 0x00)),
    ("blue", Color::rgb(0x00, 0x72, 0xb2)),
    ("green", Color::rgb(0x00, 0x9e, 0x73)),
    ("gray", Color::rgb(0x80, 0x80, 0x80)),
    ("grey", Color::rgb(0x80, 0x80, 0x80)),
];

impl FromStr for Color {
    type Err = Error;

    /// `#rgb`, `#rrggbb`, `#rrggbbaa`, or a name: white, black, transparent, red, blue, green, gray.
    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::Color {
            value: s.to_owned(),
        };
        let lower = s.trim().to_ascii_lowercase();
        if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == lower) {
            return Ok(c);
        }
        let hex = lower.strip_prefix('#').ok_or_else(bad)?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).map_err(|_| bad());
        match hex.len() {
            3 => Ok(Color::rgb(
                digit(0, 1)? * 17,
                digit(1, 1)? * 17,
                digit(2, 1)? * 17,
            )),
            6 => Ok(Color::rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            8 => Ok(Color {
                r: digit(0, 2)?,
                g: digit(2, 2)?,
                b: digit(4, 2)?,
                a: digit(6, 2)?,
            }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Color;

    #[test]
    fn parse_and_contrast() {
        assert_eq!("#fff".parse::<Color>().unwrap(), Color::WHITE);
        assert_eq!(
            "#0072B2".parse::<Color>().unwrap(),
            Color::rgb(0, 0x72, 0xb2)
        );
        assert!("#12".parse::<Color>().is_err() && "weiß".parse::<Color>().is_err());
        assert!((Color::BLACK.contrast(Color::WHITE) - 21.0).abs() < 1e-9);
        let yellow = Color::rgb(0xf0, 0xe4, 0x42);
        assert!(yellow.contrast(Color::WHITE) < 3.0);
        assert!(
            yellow
                .with_contrast(Color::WHITE, 3.0)
                .contrast(Color::WHITE)
                >= 3.0
        );
        assert!(
            Color::rgb(0, 0, 0x40)
                .with_contrast(Color::BLACK, 3.0)
                .contrast(Color::BLACK)
                >= 3.0
        );
    }
}
