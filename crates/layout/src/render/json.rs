//! JSON: the layout model itself.

use crate::Layout;

/// The layout as pretty-printed JSON: `{"width", "height", "words": [{"text", "weight",
/// "font_size", "x", "y", "rotation", "color"}], "dropped": [{"text", "weight", "reason"}]}` (see
/// [`DropReason`](crate::DropReason) for the reasons). Positions are
/// the centres of the words' text boxes, rotations counter-clockwise in degrees, colours `#rrggbb`.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
///
/// let cloud = layout(&[WeightedWord::new("Wolke", 2.0)], &LayoutOptions { width: 200, height: 100, ..Default::default() });
/// let json = render::json(&cloud);
/// assert!(json.starts_with("{\n  \"width\": 200,"));
/// assert!(json.contains("\"text\": \"Wolke\""));
/// ```
pub fn json(layout: &Layout) -> String {
    let mut s = serde_json::to_string_pretty(layout).expect("a layout always serializes");
    s.push('\n');
    s
}
