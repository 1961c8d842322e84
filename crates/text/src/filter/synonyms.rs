//! MergeSynonyms: rewrites codebook variants to their group's key.

use std::collections::HashMap;

use super::sequence::{key_variants, KeySequences};
use super::TokenFilter;
use crate::error::{Error, Result};
use crate::{Analyzer, SynonymMap, Token};

/// Rewrites every variant of a codebook group, single or multi-word, to the group's key; the
/// table labels the group with the codebook's left side.
///
/// Variants are matched on grouping keys, so `fehlendem Personal` matches the variant
/// `fehlendes Personal`. Built with the analyzer the answers go through (without synonyms):
/// [`AnalyzerConfig::synonyms`](crate::AnalyzerConfig::synonyms) and
/// [`AnalyzerBuilder::synonyms`](crate::AnalyzerBuilder::synonyms) do that for you, and
/// adding the filter to a chain adds its labels.
///
/// # Example
/// ```
/// use wortwolke_text::{AnalyzerConfig, SynonymMap, TokenKind};
///
/// let codes = SynonymMap::from_reader("codes.txt", "Personalmangel = fehlendes Personal\n".as_bytes()).unwrap();
/// let analyzer = AnalyzerConfig::default().synonyms(codes).build().unwrap();
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
        // key sequence as written → (line, variant text): two groups may not share one
        let mut owner: HashMap<String, (usize, String)> = HashMap::new();
        let mut alternatives: Vec<(Vec<String>, String)> = Vec::new();
        let error = |line: usize, message: String| Error::Syntax {
            source_name: map.source_name().to_owned(),
            line,
            message,
        };
        for group in map.groups() {
            let label_keys = key_variants(analyzer, &group.label);
            let Some(target) = label_keys.first().map(|k| k.join(" ")) else {
                return Err(error(
                    group.line,
                    format!(
                        "the label `{}` has no word in it; write a term",
                        group.label
                    ),
                ));
            };
            labels.insert(target.clone(), group.label.clone());
            for variant in std::iter::once(&group.label).chain(&group.variants) {
                let variants = key_variants(analyzer, variant);
                let Some(written) = variants.first() else {
                    return Err(error(
                        group.line,
                        format!("the variant `{variant}` has no word in it; remove it"),
                    ));
                };
                let joined = written.join(" ");
                if let Some((line, other)) = owner.get(&joined) {
                    if *line != group.line {
                        return Err(error(
                            group.line,
                            format!(
                                "`{variant}` is already a variant of the group on line {line} (as `{other}`); a term can belong to one group only"
                            ),
                        ));
                    }
                }
                owner.insert(joined, (group.line, variant.clone()));
                sequences.insert(written, target.clone());
                alternatives.extend(variants.into_iter().skip(1).map(|k| (k, target.clone())));
            }
        }
        // case-flipped spellings never override a sequence some group wrote explicitly
        for (keys, target) in alternatives {
            if sequences.get(&keys).is_none() {
                sequences.insert(&keys, target);
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

    fn labels(&self) -> Option<&HashMap<String, String>> {
        Some(&self.labels)
    }
}
