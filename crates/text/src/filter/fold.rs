//! FoldUmlauts: opt-in folding of umlauts and ß in keys.

use super::{apply_rule, TokenFilter, TokenRule};
use crate::{Token, TokenKind};

/// Folds `ä ö ü ß` to `ae oe ue ss` in keys, so that `Bürger` and `Buerger` (typed without
/// umlauts) are one term. Labels keep the most frequent spelling.
///
/// Off by default: folding merges different words (`Maße`/`Masse`). Runs after stemming.
///
/// # Example
/// ```
/// use wortwolke_text::{filter::{FoldUmlauts, Normalize}, Analyzer, Tokenizer};
///
/// let analyzer = Analyzer::builder(Tokenizer::default()).filter(Normalize).filter(FoldUmlauts).build();
/// assert_eq!(analyzer.analyze("Bürger")[0].key, analyzer.analyze("Buerger")[0].key);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct FoldUmlauts;

impl TokenRule for FoldUmlauts {
    fn apply_token(&self, _surface: &str, _initial: bool, kind: &mut TokenKind, key: &mut String) {
        if *kind == TokenKind::Word && key.contains(['ä', 'ö', 'ü', 'ß']) {
            *key = fold(key);
        }
    }
}

impl TokenFilter for FoldUmlauts {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        apply_rule(self, answer, tokens);
    }

    fn token_rule(&self) -> Option<&dyn TokenRule> {
        Some(self)
    }
}

pub(crate) fn fold(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            _ => out.push(c),
        }
    }
    out
}
