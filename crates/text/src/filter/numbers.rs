//! KeepNumbers: lets numbers and years count as terms.

use super::TokenFilter;
use crate::{Token, TokenKind};

/// Turns [`TokenKind::Number`] tokens into words so that they are counted (`2021`, `3,5`).
///
/// Without this filter numbers are never terms.
///
/// # Example
/// ```
/// use wortwolke_text::{filter::KeepNumbers, Analyzer, Tokenizer, TokenKind};
///
/// let analyzer = Analyzer::builder(Tokenizer::default()).filter(KeepNumbers).build();
/// assert_eq!(analyzer.analyze("2021")[0].kind, TokenKind::Word);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct KeepNumbers;

impl TokenFilter for KeepNumbers {
    fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
        for token in tokens.iter_mut() {
            if token.kind == TokenKind::Number {
                token.kind = TokenKind::Word;
            }
        }
    }
}
