//! SpiralKind: the order in which positions around the centre are tried.

/// The order in which positions are tried, nearest to the centre first.
///
/// A spiral visits positions in (roughly) increasing distance from the centre; wortwolke
/// visits them in *exactly* increasing distance, which is what an infinitely fine spiral of
/// that shape would do, so no gap is stepped over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SpiralKind {
    /// Elliptic distance, stretched to the canvas' aspect ratio (round clouds), like an
    /// archimedean spiral.
    #[default]
    Archimedean,
    /// Box distance (boxy clouds that fill the corners), like a rectangular spiral.
    Rectangular,
}
