//! Fonts: the bundled default, any TTF/OTF file, and a word's outline at a size and angle.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use ab_glyph::{Font as _, FontArc, OutlineCurve, ScaleFont as _};

use crate::error::{Error, Result};

/// Open Sans Semibold (Apache-2.0), see `fonts/README.md`.
static DEFAULT_FONT: &[u8] = include_bytes!("../fonts/OpenSans-Semibold.ttf");

/// A font for measuring and drawing words. Cheap to clone.
///
/// # Example
/// ```
/// use wortwolke_layout::Font;
///
/// let font = Font::default();
/// assert!(font.text_width("Personal", 20.0) > 40.0);
/// assert!(Font::from_bytes(b"not a font".to_vec(), "x.ttf").is_err());
/// ```
#[derive(Clone)]
pub struct Font {
    inner: FontArc,
    name: Arc<str>,
    /// The font file, for embedding (SVG with `<text>`).
    data: Arc<Cow<'static, [u8]>>,
    /// Glyph outlines by glyph id, parsed once (a cloud draws the same letters many times).
    outlines: Arc<[std::sync::OnceLock<Option<ab_glyph::Outline>>]>,
}

impl std::fmt::Debug for Font {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Font").field("name", &self.name).finish()
    }
}

impl Default for Font {
    /// The bundled Open Sans Semibold.
    fn default() -> Self {
        let inner = FontArc::try_from_slice(DEFAULT_FONT).expect("the bundled font parses");
        Font::new(inner, "Open Sans Semibold", Cow::Borrowed(DEFAULT_FONT))
    }
}

impl Font {
    fn new(inner: FontArc, name: &str, data: Cow<'static, [u8]>) -> Font {
        let outlines = (0..inner.glyph_count())
            .map(|_| std::sync::OnceLock::new())
            .collect();
        Font {
            inner,
            name: name.into(),
            data: Arc::new(data),
            outlines,
        }
    }

    /// The font file's bytes (TTF or OTF).
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The font file reduced to the glyphs of `chars` (and a space), with a `cmap` for them:
    /// a much smaller font to embed. `None` when this font cannot be subset.
    pub(crate) fn subset(&self, chars: impl IntoIterator<Item = char>) -> Option<Vec<u8>> {
        let kept: std::collections::BTreeMap<char, u16> = chars
            .into_iter()
            .chain([' '])
            .map(|c| (c, self.inner.glyph_id(c).0))
            .filter(|&(_, glyph)| glyph != 0)
            .collect();
        crate::subset::subset(self.data(), &kept)
    }

    /// Ascent (above the baseline, positive) and descent (below, negative) at `size` px.
    pub(crate) fn ascent_descent(&self, size: f32) -> (f32, f32) {
        let scaled = self.inner.as_scaled(size);
        (scaled.ascent(), scaled.descent())
    }

    /// The em size (CSS `font-size`) of a word drawn at `size` px: wortwolke's sizes are line
    /// heights (ascent − descent), CSS sizes are ems.
    pub(crate) fn em_size(&self, size: f32) -> f32 {
        let units_per_em = self.inner.units_per_em().unwrap_or(1000.0);
        self.inner.as_scaled(size).h_scale_factor() * units_per_em
    }

    /// The outline of a glyph, from the cache.
    fn outline(&self, id: ab_glyph::GlyphId) -> Option<&ab_glyph::Outline> {
        match self.outlines.get(usize::from(id.0)) {
            Some(slot) => slot.get_or_init(|| self.inner.outline(id)).as_ref(),
            None => None,
        }
    }

    /// A font from TTF/OTF bytes; `source_name` names them in errors.
    pub fn from_bytes(bytes: Vec<u8>, source_name: impl AsRef<Path>) -> Result<Font> {
        let name = source_name.as_ref().display().to_string();
        let inner = FontArc::try_from_vec(bytes.clone()).map_err(|_| Error::Font {
            source_name: source_name.as_ref().to_owned(),
        })?;
        Ok(Font::new(inner, &name, Cow::Owned(bytes)))
    }

    /// A font from a file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Font> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            source_name: path.to_owned(),
            source,
        })?;
        Font::from_bytes(bytes, path)
    }

    /// Advance width of `text` at `size` px (kerning included).
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        self.glyphs(text, size)
            .last()
            .map_or(0.0, |(_, x, advance)| x + advance)
    }

    /// Each glyph of `text` at `size` px with its pen position and advance (kerning applied):
    /// the one layout of a line that measuring and drawing share.
    fn glyphs<'a>(
        &'a self,
        text: &'a str,
        size: f32,
    ) -> impl Iterator<Item = (ab_glyph::GlyphId, f32, f32)> + 'a {
        let scaled = self.inner.as_scaled(size);
        let mut x = 0.0;
        let mut prev = None;
        text.chars().filter(|&c| !invisible(c)).map(move |c| {
            let id = scaled.glyph_id(c);
            if let Some(p) = prev {
                x += scaled.kern(p, id);
            }
            let at = x;
            let advance = scaled.h_advance(id);
            x += advance;
            prev = Some(id);
            (id, at, advance)
        })
    }

    /// Height of a line box (ascent − descent) at `size` px.
    pub fn line_height(&self, size: f32) -> f32 {
        let scaled = self.inner.as_scaled(size);
        scaled.ascent() - scaled.descent()
    }

    /// Characters of `text` the font has no glyph for (white space and the invisible control
    /// and format characters, which are never drawn, aside).
    ///
    /// # Example
    /// ```
    /// let font = wortwolke_layout::Font::default();
    /// assert_eq!(font.missing_glyphs("Wolke\u{202E} 雲"), ['雲']);
    /// ```
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        text.chars()
            .filter(|&c| !c.is_whitespace() && !invisible(c) && self.inner.glyph_id(c).0 == 0)
            .collect()
    }

    /// The outline of `text` at `size` px, centred on the origin of its text box (advance
    /// width × ascent–descent) and rotated `rotation` degrees counter-clockwise; y grows down.
    pub(crate) fn shape(&self, text: &str, size: f32, rotation: f32) -> Shape {
        let scaled = self.inner.as_scaled(size);
        let (h, v) = (scaled.h_scale_factor(), scaled.v_scale_factor());
        let width = self.text_width(text, size);
        let cy = (-scaled.ascent() - scaled.descent()) / 2.0;
        let cx = width / 2.0;
        let (sin, cos) = (rotation.to_radians().sin(), rotation.to_radians().cos());
        let map = |x: f32, y: f32| -> P {
            let (x, y) = (x - cx, y - cy);
            P(x * cos + y * sin, -x * sin + y * cos)
        };
        let mut curves = Vec::new();
        for (id, x, _) in self.glyphs(text, size) {
            if let Some(outline) = self.outline(id) {
                let pt = |p: ab_glyph::Point| map(x + p.x * h, -p.y * v);
                curves.extend(outline.curves.iter().map(|curve| match *curve {
                    OutlineCurve::Line(a, b) => Curve::Line(pt(a), pt(b)),
                    OutlineCurve::Quad(a, b, c) => Curve::Quad(pt(a), pt(b), pt(c)),
                    OutlineCurve::Cubic(a, b, c, d) => Curve::Cubic(pt(a), pt(b), pt(c), pt(d)),
                }));
            }
        }
        Shape::new(curves)
    }
}

/// A point in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct P(pub f32, pub f32);

/// One outline segment in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Curve {
    Line(P, P),
    Quad(P, P, P),
    Cubic(P, P, P, P),
}

/// A word's outline, relative to its centre, with the bounds of its control points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    pub curves: Vec<Curve>,
    pub min: P,
    pub max: P,
}

impl Shape {
    fn new(curves: Vec<Curve>) -> Shape {
        let mut min = P(f32::INFINITY, f32::INFINITY);
        let mut max = P(f32::NEG_INFINITY, f32::NEG_INFINITY);
        let mut add = |p: &P| {
            min = P(min.0.min(p.0), min.1.min(p.1));
            max = P(max.0.max(p.0), max.1.max(p.1));
        };
        for c in &curves {
            match c {
                Curve::Line(a, b) => [a, b].into_iter().for_each(&mut add),
                Curve::Quad(a, b, c) => [a, b, c].into_iter().for_each(&mut add),
                Curve::Cubic(a, b, c, d) => [a, b, c, d].into_iter().for_each(&mut add),
            }
        }
        if curves.is_empty() {
            min = P(0.0, 0.0);
            max = P(0.0, 0.0);
        }
        Shape { curves, min, max }
    }
}

/// Characters that draw nothing and need no glyph: control characters and the invisible
/// format characters (bidi controls, zero-width spaces and joiners, the BOM, the soft hyphen).
/// Drawing skips them, so they never become empty boxes.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}
