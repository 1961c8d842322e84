//! The layout model: what was placed where, independent of any output format.

use serde::Serialize;

use crate::color::Color;
use crate::labels::{Labels, TextLine};
use crate::Font;

/// A word and its weight (a count), the input of [`layout`](crate::layout).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightedWord {
    /// The label to draw.
    pub text: String,
    /// The weight; only words with a positive weight are drawn.
    pub weight: f64,
}

impl WeightedWord {
    /// A word with a weight.
    pub fn new(text: impl Into<String>, weight: f64) -> Self {
        WeightedWord {
            text: text.into(),
            weight,
        }
    }

    /// Words from (label, count) pairs — a frequency table's rows, such as
    /// `wortwolke_text::FrequencyTable::weights()` yields — in their order.
    ///
    /// # Example
    /// ```
    /// use wortwolke_layout::WeightedWord;
    ///
    /// let words = WeightedWord::from_weights([("Personal", 12), ("Zeit", 7)]);
    /// assert_eq!(words[1], WeightedWord::new("Zeit", 7.0));
    /// ```
    pub fn from_weights<S: Into<String>>(rows: impl IntoIterator<Item = (S, u64)>) -> Vec<Self> {
        rows.into_iter()
            .map(|(text, count)| WeightedWord::new(text, count as f64))
            .collect()
    }
}

/// Why a word of the input is not drawn.
///
/// In JSON: `"reason": "does_not_fit"` (or `invalid_weight`, `empty_text`, `duplicate`,
/// `missing_glyphs` with `"characters": ["ő"]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "characters", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DropReason {
    /// There is no room for it at its size, on the canvas or in the mask.
    DoesNotFit,
    /// Its weight is zero, negative, NaN or infinite: it has no size.
    InvalidWeight,
    /// Its text is empty, only white space, or draws no ink.
    EmptyText,
    /// The same text (after trimming white space) came earlier in the input; this word's
    /// weight was added to that word's, which is drawn once.
    Duplicate,
    /// The font has no glyph for these characters (they would be drawn as empty boxes).
    MissingGlyphs(Vec<char>),
}

impl std::fmt::Display for DropReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DropReason::DoesNotFit => f.write_str("it does not fit at its size"),
            DropReason::InvalidWeight => f.write_str("its weight is not a positive, finite number"),
            DropReason::EmptyText => f.write_str("its text draws nothing"),
            DropReason::Duplicate => {
                f.write_str("the same text came earlier; its weight was added there")
            }
            DropReason::MissingGlyphs(chars) => {
                let named: Vec<String> = chars
                    .iter()
                    .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                    .collect();
                write!(f, "the font has no glyph for {}", named.join(", "))
            }
        }
    }
}

/// A word of the input that is not drawn, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DroppedWord {
    /// The text as given (white space around it trimmed).
    pub text: String,
    /// The weight as given.
    pub weight: f64,
    /// Why it is not drawn.
    #[serde(flatten)]
    pub reason: DropReason,
}

/// One placed word. (`x`, `y`) is the centre of the word's text box (advance width × font
/// ascent–descent) in canvas pixels; the word is rotated `rotation` degrees counter-clockwise
/// around it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedWord {
    /// The label.
    pub text: String,
    /// Its weight.
    pub weight: f64,
    /// Font size in pixels.
    pub font_size: f32,
    /// Centre x.
    pub x: f32,
    /// Centre y.
    pub y: f32,
    /// Degrees counter-clockwise.
    pub rotation: f32,
    /// Fill colour.
    pub color: Color,
    /// Ink bounding box on the canvas: x0, y0, x1, y1 (exclusive). Canvases of more than
    /// 1.2 million pixels are laid out in cells of 2 × 2 pixels; there the box is rounded out to
    /// whole cells (at most a pixel larger on each side).
    #[serde(skip)]
    pub bbox: [u32; 4],
}

/// The outline of a mask, to be drawn over the words.
#[derive(Debug, Clone, PartialEq)]
pub struct Contour {
    /// Axis-parallel segments on pixel edges: `(x0, y0, x1, y1)`.
    pub segments: Vec<(u32, u32, u32, u32)>,
    /// Line colour.
    pub color: Color,
}

/// A cloud: the canvas, the placed words (heaviest first) and the words that did not fit.
///
/// PNG, SVG and JSON are all rendered from this one value, so they cannot disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// Canvas width in pixels.
    pub width: u32,
    /// Canvas height in pixels.
    pub height: u32,
    /// Background colour.
    #[serde(skip)]
    pub background: Color,
    /// Placed words, heaviest first.
    pub words: Vec<PlacedWord>,
    /// Every word of the input that is not drawn, with the reason: first those that did not
    /// fit (heaviest first), then those refused before the layout (in input order). Every input
    /// word is either in `words` or here, once (a duplicate's weight is merged into its first
    /// occurrence and the duplicate is listed here).
    pub dropped: Vec<DroppedWord>,
    /// The mask outline to draw.
    #[serde(skip)]
    pub contour: Option<Contour>,
    /// The font the words were measured with (renderers draw with the same font).
    #[serde(skip)]
    pub font: Font,
    /// Title, caption, subject and base: what the renderers say about the cloud.
    #[serde(skip)]
    pub labels: Labels,
    /// The title's and the caption's lines as drawn (above and below the words).
    #[serde(skip)]
    pub lines: Vec<TextLine>,
}

/// One piece of text as drawn: text, font size, rotation, centre (x, y), colour.
pub(crate) type Drawn<'a> = (&'a str, f32, f32, (f32, f32), Color);

impl Layout {
    /// One line for each dropped word that the caller should hear about beyond "no room": a
    /// font without some of its characters, an invalid weight, an empty text, a duplicate.
    ///
    /// # Example
    /// ```
    /// use wortwolke_layout::{layout, LayoutOptions, WeightedWord};
    ///
    /// let words = [WeightedWord::new("Wolke", 3.0), WeightedWord::new("雲", 2.0)];
    /// let cloud = layout(&words, &LayoutOptions { width: 200, height: 100, ..Default::default() });
    /// assert_eq!(cloud.warnings(), ["`雲` is not drawn: the font has no glyph for 雲 (U+96F2)"]);
    /// ```
    pub fn warnings(&self) -> Vec<String> {
        self.dropped
            .iter()
            .filter(|w| w.reason != DropReason::DoesNotFit)
            .map(|w| format!("`{}` is not drawn: {}", w.text, w.reason))
            .collect()
    }

    /// Everything drawn as text, in drawing order: the words, then the title and caption lines.
    pub(crate) fn texts(&self) -> impl Iterator<Item = Drawn<'_>> {
        let words = self.words.iter().map(|w| {
            (
                w.text.as_str(),
                w.font_size,
                w.rotation,
                (w.x, w.y),
                w.color,
            )
        });
        let lines = self
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.font_size, 0.0, (l.x, l.y), l.color));
        words.chain(lines)
    }

    /// The canvas pixels that word `index` covers with any ink (the pixels the PNG paints),
    /// recomputed from the model. Useful for hit-testing, and for checking that no two words
    /// share a pixel.
    ///
    /// # Panics
    /// Panics if `index` is not a placed word's index.
    pub fn ink(&self, index: usize) -> Vec<(u32, u32)> {
        let word = &self.words[index];
        let raster =
            crate::raster::Raster::new(&self.font.shape(&word.text, word.font_size, word.rotation));
        let (x0, y0) = (
            (word.x - raster.origin.0).round() as i64,
            (word.y - raster.origin.1).round() as i64,
        );
        let mut pixels = Vec::new();
        for y in 0..raster.height {
            for x in 0..raster.width {
                let (cx, cy) = (x0 + x as i64, y0 + y as i64);
                if raster.coverage[y * raster.width + x] > 0 && cx >= 0 && cy >= 0 {
                    pixels.push((cx as u32, cy as u32));
                }
            }
        }
        pixels
    }
}
