//! Renderers: pure functions of a [`Layout`](crate::Layout), so PNG, SVG and JSON cannot disagree.

mod alt;
mod json;
mod png;
mod svg;

pub use alt::{alt_text, DESCRIBED_TERMS};
pub use json::json;
pub use png::{png, write_png};
pub use svg::{svg, word_path, SvgOptions};
