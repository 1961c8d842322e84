//! The filters of the analysis chain, one per file, applied in the order they were added.
//!
//! A filter sees the whole token sequence of one answer, because several German rules need
//! neighbours: synonyms and phrases span several words, a negation joins the next word.

mod fold;
mod length;
mod negation;
mod normalize;
mod numbers;
mod phrases;
mod sequence;
mod stem;
mod stopwords;
mod synonyms;

pub use fold::FoldUmlauts;
pub use length::MinLength;
pub use negation::Negation;
pub(crate) use normalize::normalize as normalize_key;
pub use normalize::Normalize;
pub use numbers::KeepNumbers;
pub use phrases::Phrases;
pub use stem::Stem;
pub use stopwords::StopWords;
pub use synonyms::MergeSynonyms;

use crate::Token;

/// One stage of the analysis chain.
///
/// `answer` is the text the tokens were made from; `tokens[i].offset` slices it.
pub trait TokenFilter: Send + Sync + std::fmt::Debug {
    /// Rewrites keys, marks kinds or merges neighbouring tokens of one answer.
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>);
}

/// Replaces `tokens[range]` with one [`TokenKind::Word`](crate::TokenKind::Word) token that
/// spans them all and carries `key`. Shared by the multi-word filters.
pub(crate) fn merge_span(tokens: &mut Vec<Token>, range: std::ops::Range<usize>, key: String) {
    let first = &tokens[range.start];
    let merged = Token {
        offset: first.offset.start..tokens[range.end - 1].offset.end,
        position: first.position,
        kind: crate::TokenKind::Word,
        key,
    };
    tokens.splice(range, std::iter::once(merged));
}

/// Tokens from `start` on that are adjacent terms: no separator and no link or symbol between.
/// Returns the indices of the next `n` non-separator tokens if they follow without a gap.
pub(crate) fn run_of_words(tokens: &[Token], start: usize, n: usize) -> Option<Vec<usize>> {
    use crate::TokenKind::{Number, StopWord, Word};
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    while out.len() < n {
        let t = tokens.get(i)?;
        if !matches!(t.kind, Word | StopWord | Number) {
            return None;
        }
        out.push(i);
        i += 1;
    }
    Some(out)
}
