//! StopWords: marks stop words, does not remove them.

use super::{apply_rule, TokenFilter, TokenRule};
use crate::{StopWordList, Token, TokenKind};

/// Marks words on a [`StopWordList`] as [`TokenKind::StopWord`].
///
/// The tokens stay in place, so phrase detection sees the gap and never joins the words around
/// a stop word. Compared on the normalized key, so it must run after
/// [`Normalize`](super::Normalize).
///
/// # Example
/// ```
/// use wortwolke_text::{filter::{Normalize, StopWords}, Analyzer, StopWordList, Tokenizer, TokenKind};
///
/// let analyzer = Analyzer::builder(Tokenizer::default())
///     .filter(Normalize)
///     .filter(StopWords::new(StopWordList::german()))
///     .build();
/// let kinds: Vec<TokenKind> = analyzer.analyze("Die Zeit").into_iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::StopWord, TokenKind::Word]);
/// ```
#[derive(Debug, Clone)]
pub struct StopWords {
    list: StopWordList,
}

impl StopWords {
    /// A filter marking the words of `list`.
    pub fn new(list: StopWordList) -> Self {
        StopWords { list }
    }
}

impl TokenRule for StopWords {
    fn apply_token(&self, _surface: &str, _initial: bool, kind: &mut TokenKind, key: &mut String) {
        if *kind == TokenKind::Word && self.list.contains(key) {
            *kind = TokenKind::StopWord;
        }
    }
}

impl TokenFilter for StopWords {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        apply_rule(self, answer, tokens);
    }

    fn token_rule(&self) -> Option<&dyn TokenRule> {
        Some(self)
    }
}
