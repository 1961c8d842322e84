//! KeepNumbers: lets numbers and years count as terms.

use super::{apply_rule, TokenFilter, TokenRule};
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

impl TokenRule for KeepNumbers {
    fn apply_token(&self, _surface: &str, _initial: bool, kind: &mut TokenKind, _key: &mut String) {
        if *kind == TokenKind::Number {
            *kind = TokenKind::Word;
        }
    }
}

impl TokenFilter for KeepNumbers {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        apply_rule(self, answer, tokens);
    }

    fn token_rule(&self) -> Option<&dyn TokenRule> {
        Some(self)
    }
}
