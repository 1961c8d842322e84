//! Negation: joins a negation with the next content word (`keine Priorität`).

use super::{merge_span, TokenFilter};
use crate::{Token, TokenKind};

/// German negations, by normalized key, with the key part they contribute.
const NEGATIONS: &[(&str, &str)] = &[
    ("kein", "kein"),
    ("keine", "kein"),
    ("keinem", "kein"),
    ("keinen", "kein"),
    ("keiner", "kein"),
    ("keines", "kein"),
    ("nicht", "nicht"),
    ("nichts", "nichts"),
    ("ohne", "ohne"),
    ("no", "no"),
    ("not", "not"),
    ("without", "without"),
];

/// Joins a negation directly followed by a content word into one term: `keine Priorität`,
/// `keinen Bedarf` and `kein Bedarf` are all the term `kein bedarf`, labelled by the most
/// frequent spelling. A negation followed by a stop word or punctuation stays a stop word.
///
/// Runs after stop words and stemming, so that the joined key is made of grouping keys.
///
/// # Example
/// ```
/// use wortwolke_text::{AnalyzerConfig, TokenKind};
///
/// let analyzer = AnalyzerConfig::default().keep_negation(true).build().unwrap();
/// let answer = "Keine Priorität";
/// let words: Vec<&str> = analyzer
///     .analyze(answer)
///     .into_iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| &answer[t.offset])
///     .collect();
/// assert_eq!(words, ["Keine Priorität"]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Negation;

impl TokenFilter for Negation {
    fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
        let mut i = 0;
        while i + 1 < tokens.len() {
            let negation = NEGATIONS
                .iter()
                .find(|(k, _)| *k == tokens[i].key)
                .map(|&(_, base)| base);
            if let (Some(base), TokenKind::Word) = (negation, tokens[i + 1].kind) {
                let key = format!("{base} {}", tokens[i + 1].key);
                merge_span(tokens, i..i + 2, key);
            }
            i += 1;
        }
    }
}
