//! Scale: from a word's weight to its font size.

use std::str::FromStr;

use crate::error::{Error, Result};

/// How weights map to font sizes. The heaviest word gets the maximum size; a word's size is
/// `max × f(weight) / f(max weight)`, clamped to the minimum size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// Size proportional to the weight: a word named half as often is half as tall, and covers
    /// a quarter of the area. Exaggerates differences.
    Linear,
    /// Size proportional to the square root of the weight, so a word's *area* is proportional
    /// to its weight: readers judge word clouds by area. The default.
    #[default]
    Sqrt,
    /// Size proportional to `ln(1 + weight)`: compresses large differences (long-tailed data).
    Log,
}

impl Scale {
    /// Font size of a word of weight `w`, when the heaviest word has weight `max_w` and size `max`.
    pub fn size(self, w: f64, max_w: f64, max: f64, min: f64) -> f64 {
        let f = |x: f64| match self {
            Scale::Linear => x,
            Scale::Sqrt => x.sqrt(),
            Scale::Log => (1.0 + x).ln(),
        };
        let t = if max_w > 0.0 {
            f(w.max(0.0)) / f(max_w)
        } else {
            1.0
        };
        (max * t).max(min)
    }
}

impl FromStr for Scale {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "linear" => Ok(Scale::Linear),
            "sqrt" => Ok(Scale::Sqrt),
            "log" => Ok(Scale::Log),
            _ => Err(Error::Option {
                option: "--scale",
                message: format!("unknown scale `{s}`; use linear, sqrt or log"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Scale;

    #[test]
    fn sqrt_makes_area_proportional() {
        let half = Scale::Sqrt.size(25.0, 100.0, 100.0, 1.0);
        assert!((half - 50.0).abs() < 1e-9);
        assert_eq!(Scale::Linear.size(1.0, 100.0, 100.0, 10.0), 10.0);
        assert!(
            Scale::Log.size(10.0, 100.0, 100.0, 1.0) > Scale::Sqrt.size(10.0, 100.0, 100.0, 1.0)
        );
    }
}
