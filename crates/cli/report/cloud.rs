//! The cloud as inline SVG: the same `Layout` and glyph outlines as `wortwolke cloud`'s SVG
//! and PNG, each word a button that lists the term's answers.

use std::fmt::Write as _;

use wortwolke_layout::{render, Layout};

use super::html::esc;
use super::locale::Lang;

/// One drawn word's row: its index in the question's table, and its share there.
#[derive(Debug, Clone, Copy)]
pub struct WordRow {
    pub term: usize,
    pub share: f64,
}

/// `layout` as an inline `<svg>` labelled by `labelled_by` (its text alternative); `rows[i]` is
/// the table row of `layout.words[i]`.
pub fn svg(layout: &Layout, rows: &[WordRow], lang: Lang, labelled_by: &str) -> String {
    let (w, h) = (layout.width, layout.height);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"cloud\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"group\" aria-labelledby=\"{}\">",
        esc(labelled_by)
    );
    if layout.background.a > 0 {
        let _ = write!(
            out,
            "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
            layout.background.hex()
        );
    }
    for (index, (word, row)) in layout.words.iter().zip(rows).enumerate() {
        let name = Lang::say(
            lang.words().term_button,
            &[
                ("term", &word.text),
                ("n", &lang.int(word.weight.round() as u64)),
                ("share", &lang.pct(row.share)),
            ],
        );
        let _ = write!(
            out,
            "<g class=\"term word\" data-t=\"{}\" tabindex=\"0\" role=\"button\" aria-label=\"{name}\"><title>{name}</title><path fill=\"{}\" d=\"{}\"/></g>",
            row.term,
            word.color.hex(),
            render::word_path(layout, index)
        );
    }
    out.push_str("</svg>");
    out
}
