//! The one helper the unit tests share.

use crate::{Analyzer, TokenKind};

/// `(surface, kind)` of every non-separator token of `text`.
pub(crate) fn collect(analyzer: &Analyzer, text: &str) -> Vec<(String, TokenKind)> {
    analyzer
        .analyze(text)
        .into_iter()
        .filter(|t| !t.kind.is_separator())
        .map(|t| (text[t.offset].to_owned(), t.kind))
        .collect()
}
