//! The token: one piece of an answer with its byte offsets, its kind and its grouping key.

use std::ops::Range;

/// What a token is; later stages decide by kind whether it counts.
///
/// Only [`TokenKind::Word`] tokens are counted. Stop words are marked, not removed, so that
/// phrase detection and synonym matching still see the gaps they leave.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Separator, TokenKind};
///
/// let kinds: Vec<TokenKind> = Analyzer::german().analyze("Die Akte.").into_iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::StopWord, TokenKind::Word, TokenKind::Separator(Separator::Hard)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A content word (or a merged phrase, synonym or negation term): counted.
    Word,
    /// A word on the stop word list (or a recognised abbreviation such as `z.B.`): not counted.
    StopWord,
    /// A number, year or date such as `2021`, `3,5` or `1.` — counted only when numbers are kept.
    Number,
    /// A URL or an e-mail address: never a term.
    Link,
    /// Emoji, symbols, `@mentions`: never a term.
    Symbol,
    /// Punctuation or a line break between words.
    Separator(Separator),
}

/// How strongly a separator divides the words around it.
///
/// # Example
/// ```
/// use wortwolke_text::{Separator, TokenKind, Tokenizer};
///
/// let kinds: Vec<TokenKind> = Tokenizer::default()
///     .tokenize("Zeit, Geld. Personal")
///     .into_iter()
///     .map(|t| t.kind)
///     .filter(|k| k.is_separator())
///     .collect();
/// assert_eq!(
///     kinds,
///     [TokenKind::Separator(Separator::Soft), TokenKind::Separator(Separator::Hard)]
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Separator {
    /// Sentence or list end: `.`, `!`, `?`, `;`, `:`, a line break.
    Hard,
    /// Anything else between words: `,`, brackets, quotes, a dash, a slash.
    Soft,
}

impl TokenKind {
    /// True for the tokens that the counter counts (content words).
    pub fn is_word(self) -> bool {
        self == TokenKind::Word
    }

    /// True for separators of either strength.
    pub fn is_separator(self) -> bool {
        matches!(self, TokenKind::Separator(_))
    }
}

/// One token of an answer.
///
/// `offset` always slices the answer the token came from: `&answer[token.offset.clone()]` is the
/// surface form a reader typed, which is what labels are made of. `key` is what counting groups
/// by (case-folded, stemmed, or the canonical key of a synonym group).
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, TokenKind};
///
/// let answer = "Fehlendes Personal";
/// let tokens = Analyzer::german().analyze(answer);
/// let words: Vec<&str> = tokens
///     .iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| &answer[t.offset.clone()])
///     .collect();
/// assert_eq!(words, ["Fehlendes", "Personal"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the token in the answer.
    pub offset: Range<usize>,
    /// Index of the token among the answer's non-separator tokens (gaps stay visible).
    pub position: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Grouping key: tokens with equal keys are one term.
    pub key: String,
}

impl Token {
    /// The surface form of this token in `answer` (the text it was made from).
    ///
    /// # Panics
    /// Panics if `answer` is not the text this token was produced from.
    pub fn text<'a>(&self, answer: &'a str) -> &'a str {
        &answer[self.offset.clone()]
    }
}
