//! SVG: the same glyph outlines as the PNG, as paths, with a text alternative.

use std::fmt::Write as _;

use crate::font::{Curve, P};
use crate::Layout;

/// How the SVG is written.
#[derive(Debug, Clone)]
pub struct SvgOptions {
    /// How many top terms `<desc>` (the text alternative) lists with their counts.
    pub described_terms: usize,
    /// Words as `<text>` elements (editable in Inkscape or PowerPoint) in the layout's font,
    /// embedded as an `@font-face` subset (only the glyphs of the drawn words and a space;
    /// the whole font when it cannot be subset), instead of paths. Each word's advance width is set
    /// with `textLength`, so a viewer's text layout matches the paths' width.
    pub text: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            described_terms: super::DESCRIBED_TERMS,
            text: false,
        }
    }
}

/// The layout as an SVG document. Words (and the title and caption lines) are drawn as filled
/// paths made from the very outlines the PNG is rasterized from, so both look the same without
/// depending on installed fonts. Each word is a group with its text as `<title>`; the document
/// carries a `<title>` ([`Labels::name`](crate::Labels::name)) and a `<desc>`, the text
/// alternative ([`alt_text`](super::alt_text)). All text is XML-escaped.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
///
/// let cloud = layout(&[WeightedWord::new("Bürger & <Innen>", 3.0)], &LayoutOptions { width: 300, height: 100, ..Default::default() });
/// let svg = render::svg(&cloud, &Default::default());
/// assert!(svg.contains("<title>Bürger &amp; &lt;Innen&gt;</title>"));
/// assert!(svg.contains("Terms by count: Bürger &amp; &lt;Innen&gt; (3)."));
/// ```
pub fn svg(layout: &Layout, options: &SvgOptions) -> String {
    let mut out = String::new();
    let (w, h) = (layout.width, layout.height);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"title desc\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"title\">{}</title>",
        escape(layout.labels.name())
    );
    let _ = writeln!(
        out,
        "<desc id=\"desc\">{}</desc>",
        escape(super::alt_text(layout, options.described_terms).trim_end())
    );
    if options.text {
        // only the glyphs drawn: a few kB instead of the whole font
        let drawn = layout.texts().flat_map(|(text, ..)| text.chars());
        let subset = layout.font.subset(drawn);
        let data = subset.as_deref().unwrap_or(layout.font.data());
        let (mime, format) = if data.starts_with(b"OTTO") {
            ("font/otf", "opentype")
        } else {
            ("font/ttf", "truetype")
        };
        let _ = writeln!(
            out,
            "<defs><style>@font-face{{font-family:\"{FAMILY}\";src:url(data:{mime};base64,{}) format(\"{format}\");}}</style></defs>",
            base64(data)
        );
    }
    if layout.background.a > 0 {
        let _ = writeln!(
            out,
            "<rect width=\"100%\" height=\"100%\" fill=\"{}\"{}/>",
            layout.background.hex(),
            opacity(layout.background.a)
        );
    }
    if options.text {
        for (text, size, rotation, centre, color) in layout.texts() {
            out.push_str(&text_element(layout, text, size, rotation, centre, color));
        }
    }
    for word in layout.words.iter().filter(|_| !options.text) {
        let d = path(
            layout,
            &word.text,
            word.font_size,
            word.rotation,
            (word.x, word.y),
        );
        let _ = writeln!(
            out,
            "<g><title>{}</title><path fill=\"{}\"{} d=\"{d}\"/></g>",
            escape(&word.text),
            word.color.hex(),
            opacity(word.color.a)
        );
    }
    for line in layout.lines.iter().filter(|_| !options.text) {
        let d = path(layout, &line.text, line.font_size, 0.0, (line.x, line.y));
        let _ = writeln!(
            out,
            "<path fill=\"{}\"{} d=\"{d}\"><title>{}</title></path>",
            line.color.hex(),
            opacity(line.color.a),
            escape(&line.text)
        );
    }
    if let Some(contour) = &layout.contour {
        let color = contour.color;
        let mut d = String::new();
        for &(x0, y0, x1, y1) in &contour.segments {
            let _ = write!(d, "M{x0} {y0}L{x1} {y1}");
        }
        let _ = writeln!(
            out,
            "<path fill=\"none\" stroke=\"{}\" stroke-width=\"2\" d=\"{d}\"/>",
            color.hex()
        );
    }
    out.push_str("</svg>\n");
    out
}

/// The outline of placed word `index` as SVG path data (`M … Z`), in canvas pixels: the
/// same glyph outlines [`svg`] fills and the PNG is rasterized from. For pages that draw the
/// words themselves, e.g. to make each one a link or a button.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
///
/// let cloud = layout(&[WeightedWord::new("Zeit", 3.0)], &LayoutOptions { width: 300, height: 100, ..Default::default() });
/// let d = render::word_path(&cloud, 0);
/// assert!(d.starts_with('M') && d.ends_with('Z'));
/// assert!(render::svg(&cloud, &Default::default()).contains(&format!(" d=\"{d}\"")));
/// ```
///
/// # Panics
/// Panics if `index` is not a placed word's index.
pub fn word_path(layout: &Layout, index: usize) -> String {
    let word = &layout.words[index];
    path(
        layout,
        &word.text,
        word.font_size,
        word.rotation,
        (word.x, word.y),
    )
}

/// The family name of the embedded font.
const FAMILY: &str = "wortwolke-embedded";

/// A `<text>` element that draws `text` as its path would be drawn: the text box (advance
/// width × ascent–descent) centred on `(x, y)`, rotated `rotation` degrees counter-clockwise.
fn text_element(
    layout: &Layout,
    text: &str,
    size: f32,
    rotation: f32,
    (x, y): (f32, f32),
    color: crate::Color,
) -> String {
    let (ascent, descent) = layout.font.ascent_descent(size);
    let width = layout.font.text_width(text, size);
    // the baseline lies (ascent + descent) / 2 below the box's centre; the text starts half
    // the advance width left of it
    let (tx, ty) = (x - width / 2.0, y + (ascent + descent) / 2.0);
    let transform = if rotation == 0.0 {
        String::new()
    } else {
        format!(" transform=\"rotate({} {} {})\"", n(-rotation), n(x), n(y))
    };
    format!(
        "<text x=\"{}\" y=\"{}\" font-family=\"{FAMILY}, sans-serif\" font-size=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" fill=\"{}\"{}{transform} xml:space=\"preserve\">{}</text>\n",
        n(tx),
        n(ty),
        n(layout.font.em_size(size)),
        n(width),
        color.hex(),
        opacity(color.a),
        escape(text)
    )
}

/// Standard base64 with padding (RFC 4648).
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let v = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(v >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The outline of `text` at `size` and `rotation`, centred on `(x, y)`, as path data.
fn path(layout: &Layout, text: &str, size: f32, rotation: f32, (x, y): (f32, f32)) -> String {
    let shape = layout.font.shape(text, size, rotation);
    let mut d = String::new();
    let mut last: Option<P> = None;
    let at = |p: P| P(p.0 + x, p.1 + y);
    for curve in &shape.curves {
        let (start, end) = match *curve {
            Curve::Line(a, b) => (a, b),
            Curve::Quad(a, _, c) => (a, c),
            Curve::Cubic(a, _, _, d) => (a, d),
        };
        if last != Some(start) {
            if last.is_some() {
                d.push('Z');
            }
            let s = at(start);
            let _ = write!(d, "M{} {}", n(s.0), n(s.1));
        }
        match *curve {
            Curve::Line(_, b) => {
                let b = at(b);
                let _ = write!(d, "L{} {}", n(b.0), n(b.1));
            }
            Curve::Quad(_, b, c) => {
                let (b, c) = (at(b), at(c));
                let _ = write!(d, "Q{} {} {} {}", n(b.0), n(b.1), n(c.0), n(c.1));
            }
            Curve::Cubic(_, b, c, e) => {
                let (b, c, e) = (at(b), at(c), at(e));
                let _ = write!(
                    d,
                    "C{} {} {} {} {} {}",
                    n(b.0),
                    n(b.1),
                    n(c.0),
                    n(c.1),
                    n(e.0),
                    n(e.1)
                );
            }
        }
        last = Some(end);
    }
    if last.is_some() {
        d.push('Z');
    }
    d
}

fn opacity(a: u8) -> String {
    if a == 255 {
        String::new()
    } else {
        format!(" fill-opacity=\"{}\"", n(f32::from(a) / 255.0))
    }
}

/// A coordinate with at most two decimals.
fn n(x: f32) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// XML-escapes text for element content and attribute values; drops characters XML forbids.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (raw, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), encoded);
        }
    }

    #[test]
    fn text_elements_sit_where_the_paths_are() {
        use crate::{layout, LayoutOptions, WeightedWord};
        let cloud = layout(
            &[
                WeightedWord::new("Zeit & Geld", 3.0),
                WeightedWord::new("Akte", 1.0),
            ],
            &LayoutOptions {
                width: 300,
                height: 200,
                rotations: vec![90.0],
                ..Default::default()
            },
        );
        let svg = svg(
            &cloud,
            &SvgOptions {
                text: true,
                ..Default::default()
            },
        );
        assert!(svg.contains(
            "@font-face{font-family:\"wortwolke-embedded\";src:url(data:font/ttf;base64,AAEAAA"
        ));
        assert_eq!(svg.matches("<text ").count(), 2);
        assert!(!svg.contains("<path"));
        let word = &cloud.words[0];
        let width = cloud.font.text_width(&word.text, word.font_size);
        assert!(svg.contains(&format!(
            "textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" fill=\"{}\" transform=\"rotate(-90 {} {})\" xml:space=\"preserve\">Zeit &amp; Geld</text>",
            n(width),
            word.color.hex(),
            n(word.x),
            n(word.y)
        )), "{svg}");
    }

    #[test]
    fn text_svg_embeds_a_subset_with_every_drawn_character() {
        use crate::{layout, Labels, LayoutOptions, WeightedWord};
        use ab_glyph::Font as _;
        let words = [
            WeightedWord::new("Bürgerämter", 5.0),
            WeightedWord::new("E-Akte & Co.", 3.0),
            WeightedWord::new("Zeit", 2.0),
        ];
        let mut options = LayoutOptions {
            width: 400,
            height: 300,
            ..Default::default()
        };
        options.labels = Labels {
            title: Some("Wörter quer".into()),
            ..Default::default()
        };
        let cloud = layout(&words, &options);
        assert_eq!(cloud.words.len(), 3);
        let svg = svg(
            &cloud,
            &SvgOptions {
                text: true,
                ..Default::default()
            },
        );
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        let styles: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("style"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(styles.len(), 1);
        assert_eq!(styles[0].matches("@font-face").count(), 1);
        let encoded = styles[0]
            .split_once("base64,")
            .and_then(|(_, rest)| rest.split_once(')'))
            .expect("a data: URL")
            .0;
        let font = decode_base64(encoded);
        assert!(
            font.len() * 10 < cloud.font.data().len(),
            "{} bytes of {}",
            font.len(),
            cloud.font.data().len()
        );
        let parsed = ab_glyph::FontRef::try_from_slice(&font).expect("the subset parses");
        let texts: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .collect();
        assert_eq!(texts.len(), cloud.words.len() + cloud.lines.len());
        for text in texts {
            assert_eq!(
                text.attribute("font-family"),
                Some("wortwolke-embedded, sans-serif")
            );
            for c in text.text().unwrap().chars() {
                assert_ne!(parsed.glyph_id(c).0, 0, "{c:?} is in the subset");
            }
        }
    }

    fn decode_base64(s: &str) -> Vec<u8> {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let sextets: Vec<u32> = s
            .bytes()
            .filter(|&b| b != b'=')
            .map(|b| ALPHABET.iter().position(|&a| a == b).unwrap() as u32)
            .collect();
        let mut out = Vec::new();
        for chunk in sextets.chunks(4) {
            let v = chunk
                .iter()
                .enumerate()
                .fold(0, |v, (i, &x)| v | x << (18 - 6 * i));
            out.extend(&v.to_be_bytes()[1..chunk.len()]);
        }
        out
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(n(1.005), "1");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(12.5), "12.5");
    }
}
