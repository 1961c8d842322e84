//! MinLength: words too short to be a term.

use super::{apply_rule, TokenFilter, TokenRule};
use crate::{Token, TokenKind};

/// Marks words with fewer than `min` characters as stop words (`S` of a split `S- und U-Bahn`,
/// a stray `x`). Acronyms of two letters (`DB`, `IT`) stay terms with the default of 2.
///
/// # Example
/// ```
/// use wortwolke_text::{filter::MinLength, Analyzer, Tokenizer, TokenKind};
///
/// let analyzer = Analyzer::builder(Tokenizer::default()).filter(MinLength(2)).build();
/// let kinds: Vec<TokenKind> = analyzer.analyze("x IT").into_iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::StopWord, TokenKind::Word]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct MinLength(pub usize);

impl TokenRule for MinLength {
    fn apply_token(&self, surface: &str, _initial: bool, kind: &mut TokenKind, _key: &mut String) {
        if *kind == TokenKind::Word && surface.trim_end_matches('-').chars().count() < self.0 {
            *kind = TokenKind::StopWord;
        }
    }
}

impl TokenFilter for MinLength {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        apply_rule(self, answer, tokens);
    }

    fn token_rule(&self) -> Option<&dyn TokenRule> {
        Some(self)
    }
}
