//! Phrases: multi-word terms that count as one (`Digitale Modellregion`).

use super::sequence::{key_variants, KeySequences};
use super::TokenFilter;
use crate::{Analyzer, Token};

/// Joins listed multi-word terms into one term; their parts then do not count on their own
/// where they occur inside the phrase. Phrases are matched on grouping keys (inflection-insensitive)
/// and never across punctuation.
///
/// # Example
/// ```
/// use wortwolke_text::{AnalyzerConfig, TokenKind};
///
/// let analyzer = AnalyzerConfig::default().phrases(["Digitale Modellregion"]).build().unwrap();
/// let answer = "Die digitalen Modellregionen";
/// let words: Vec<&str> = analyzer
///     .analyze(answer)
///     .into_iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| &answer[t.offset])
///     .collect();
/// assert_eq!(words, ["digitalen Modellregionen"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    sequences: KeySequences,
}

impl Phrases {
    /// Phrases given as text, analysed with `analyzer` (the chain before this filter).
    /// Entries with fewer than two words are ignored.
    /// Matching ignores inflection and the casing of the list (see the example).
    pub fn from_texts<S: AsRef<str>>(texts: &[S], analyzer: &Analyzer) -> Self {
        let mut sequences = KeySequences::default();
        for text in texts {
            let variants = key_variants(analyzer, text.as_ref());
            let Some(written) = variants.first().filter(|k| k.len() >= 2) else {
                continue;
            };
            let target = written.join(" ");
            for keys in &variants {
                if sequences.get(keys).is_none() {
                    sequences.insert(keys, target.clone());
                }
            }
        }
        Phrases { sequences }
    }

    /// Phrases given as key sequences (as found by [`PhraseDetector`](crate::PhraseDetector)).
    /// Sequences that differ only in the case of their words (`interkommunal~ zusammenarbeit`
    /// and `interkommunal zusammenarbeit`) are one phrase, with the key of the first given.
    pub fn from_keys(phrases: impl IntoIterator<Item = Vec<String>>) -> Self {
        let mut sequences = KeySequences::default();
        let mut targets: std::collections::HashMap<String, String> = Default::default();
        for keys in phrases {
            if keys.len() >= 2 {
                let folded: Vec<&str> = keys
                    .iter()
                    .map(|k| k.trim_end_matches(crate::german::LOWER_MARK))
                    .collect();
                let target = targets
                    .entry(folded.join(" "))
                    .or_insert_with(|| keys.join(" "))
                    .clone();
                sequences.insert(&keys, target);
            }
        }
        Phrases { sequences }
    }

    /// Whether no phrase is listed.
    pub fn is_empty(&self) -> bool {
        self.sequences.is_empty()
    }

    /// Whether `keys` is one of the phrases.
    pub fn contains(&self, keys: &[String]) -> bool {
        self.sequences.get(keys).is_some()
    }
}

impl TokenFilter for Phrases {
    fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
        self.sequences.apply(tokens);
    }
}
