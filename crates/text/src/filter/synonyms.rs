//! MergeSynonyms: rewrites codebook variants to their group's key.

use std::collections::HashMap;

use super::sequence::KeySequences;
use super::TokenFilter;
use crate::error::{Error, Result};
use crate::{Analyzer, SynonymMap, Token, TokenKind};

/// Rewrites every variant of a codebook group, single or multi-word, to the group's key; the
/// table labels the group with the codebook's left side.
///
/// Variants are matched on grouping keys, so `fehlendem Personal` matches the variant
/// `fehlendes Personal`. Built with the analyzer the answers go through (without synonyms).
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, AnalyzerConfig, SynonymMap, TokenKind};
///
/// let codes = SynonymMap::from_reader("codes.txt", "Personalmangel = fehlendes Personal\n".as_bytes()).unwrap();
/// let analyzer = Analyzer::from_config(&AnalyzerConfig { synonyms: Some(codes), ..Default::default() }).unwrap();
/// let words: Vec<String> = analyzer
///     .analyze("wegen fehlendem Personal")
///     .into_iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| t.key)
///     .collect();
/// assert_eq!(words, [analyzer.analyze("Personalmangel")[0].key.clone()]);
/// assert_eq!(analyzer.labels()[&words[0]], "Personalmangel");
/// ```
#[derive(Debug, Clone, Default)]
pub struct MergeSynonyms {
    sequences: KeySequences,
    labels: HashMap<String, String>,
}

impl MergeSynonyms {
    /// Compiles `map` with `analyzer` (the chain before this filter).
    ///
    /// A variant that belongs to two groups, even after inflection is ignored, is an error
    /// naming both lines.
    pub fn new(map: &SynonymMap, analyzer: &Analyzer) -> Result<Self> {
        let mut sequences = KeySequences::default();
        let mut labels = HashMap::new();
        let mut line_of: HashMap<String, (usize, String)> = HashMap::new();
        for group in map.groups() {
            let key_of = |text: &str| -> Vec<String> {
                analyzer
                    .analyze(text)
                    .into_iter()
                    .filter(|t| {
                        matches!(
                            t.kind,
                            TokenKind::Word | TokenKind::StopWord | TokenKind::Number
                        )
                    })
                    .map(|t| t.key)
                    .collect()
            };
            let label_keys = key_of(&group.label);
            if label_keys.is_empty() {
                return Err(Error::Syntax {
                    source_name: map.source_name().to_owned(),
                    line: group.line,
                    message: format!(
                        "the label `{}` has no word in it; write a term",
                        group.label
                    ),
                });
            }
            let target = label_keys.join(" ");
            labels.insert(target.clone(), group.label.clone());
            for variant in std::iter::once(&group.label).chain(&group.variants) {
                let keys = key_of(variant);
                if keys.is_empty() {
                    return Err(Error::Syntax {
                        source_name: map.source_name().to_owned(),
                        line: group.line,
                        message: format!("the variant `{variant}` has no word in it; remove it"),
                    });
                }
                let joined = keys.join(" ");
                if let Some((line, other)) = line_of.get(&joined) {
                    if *line != group.line {
                        return Err(Error::Syntax {
                            source_name: map.source_name().to_owned(),
                            line: group.line,
                            message: format!(
                                "`{variant}` is already a variant of the group on line {line} (as `{other}`); a term can belong to one group only"
                            ),
                        });
                    }
                }
                line_of.insert(joined, (group.line, variant.clone()));
                sequences.insert(&keys, target.clone());
            }
        }
        Ok(MergeSynonyms { sequences, labels })
    }

    /// Key → label of every group (the codebook's left sides).
    pub fn labels(&self) -> &HashMap<String, String> {
        &self.labels
    }
}

impl TokenFilter for MergeSynonyms {
    fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
        self.sequences.apply(tokens);
    }
}
