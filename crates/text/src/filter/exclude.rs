//! Exclude: the analyst's words and terms that never count (`--exclude`).

use rustc_hash::FxHashSet;

use super::sequence::{key_variants, KeySequences};
use super::TokenFilter;
use crate::case::OpenKey;
use crate::{Analyzer, Token, TokenKind};

/// Marks the listed words and terms as [`TokenKind::StopWord`], after every other filter, so
/// they drop out of every table (and leave a gap, like any stop word).
///
/// An entry is matched like a codebook variant, ignoring case and inflection: a word
/// (`leider` — and so `Leider`), a term as a table labels it (a codebook group's label such as
/// `Personalmangel`, a listed or detected phrase such as `interkommunale Zusammenarbeit`), or
/// any run of words (`siehe oben`), whose words then do not count where they occur together.
/// Built with the analyzer the answers go through, without this filter.
///
/// # Example
/// ```
/// use wortwolke_text::{AnalyzerConfig, TokenKind};
///
/// let analyzer = AnalyzerConfig::default().exclude(["Anträge", "neue Software"]).build().unwrap();
/// let answer = "Antrag über neue Software, Antrag auf Software";
/// let words: Vec<&str> = analyzer
///     .analyze(answer)
///     .into_iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| &answer[t.offset])
///     .collect();
/// assert_eq!(words, ["Software"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    /// Keys of excluded terms (every reading of each).
    keys: FxHashSet<String>,
    /// Runs of several words.
    runs: KeySequences,
}

impl Exclude {
    /// The filter for `entries`, analysed with `analyzer` (the chain before this filter).
    pub fn new<S: AsRef<str>>(entries: &[S], analyzer: &Analyzer) -> Self {
        let mut exclude = Exclude::default();
        for entry in entries {
            let variants = key_variants(analyzer, entry.as_ref());
            match variants.first().map(Vec::len) {
                Some(1) => {
                    for keys in variants {
                        exclude.keys.extend(keys);
                    }
                }
                Some(_) => {
                    for keys in variants {
                        exclude.runs.insert(&keys, String::new());
                    }
                }
                None => {}
            }
        }
        exclude
    }

    /// Whether nothing is excluded.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.runs.is_empty()
    }

    /// Whether a word with `key` is excluded (a sentence-start word if either reading is).
    fn excludes(&self, key: &str) -> bool {
        match OpenKey::parse(key) {
            Some(open) => open.candidates().iter().any(|k| self.keys.contains(*k)),
            None => self.keys.contains(key),
        }
    }
}

impl TokenFilter for Exclude {
    fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
        let mut i = 0;
        while i < tokens.len() {
            let run = if self.runs.is_empty() {
                None
            } else {
                self.runs.run_at(tokens, i)
            };
            match run {
                Some(n) => {
                    for t in &mut tokens[i..i + n] {
                        if t.kind == TokenKind::Word {
                            t.kind = TokenKind::StopWord;
                        }
                    }
                    i += n;
                }
                None => {
                    let t = &mut tokens[i];
                    if t.kind == TokenKind::Word && self.excludes(&t.key) {
                        t.kind = TokenKind::StopWord;
                    }
                    i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_util::collect;
    use crate::TokenKind::{StopWord, Word};
    use crate::{Analyzer, AnalyzerConfig, SynonymMap};

    fn analyzer(exclude: &[&str], codebook: &str) -> Analyzer {
        let synonyms = (!codebook.is_empty())
            .then(|| SynonymMap::from_reader("codes.txt", codebook.as_bytes()).unwrap());
        let config = AnalyzerConfig::default().exclude(exclude.iter().copied());
        match synonyms {
            Some(map) => config.synonyms(map),
            None => config,
        }
        .build()
        .unwrap()
    }

    #[test]
    fn words_in_any_case_and_form() {
        let a = analyzer(&["Schulung"], "");
        assert_eq!(
            collect(&a, "Schulungen. Mehr Schulung, Zeit"),
            [
                ("Schulungen".into(), StopWord),
                ("Mehr".into(), Word),
                ("Schulung".into(), StopWord),
                ("Zeit".into(), Word)
            ]
        );
    }

    #[test]
    fn a_codebook_label_drops_its_whole_group() {
        let a = analyzer(
            &["Personalmangel"],
            "Personalmangel = zu wenig Personal, fehlendes Personal",
        );
        let words = |s: &str| {
            collect(&a, s)
                .into_iter()
                .filter(|(_, k)| *k == Word)
                .count()
        };
        assert_eq!(words("zu wenig Personal"), 0);
        assert_eq!(words("Fehlendes Personal und Zeit"), 1);
    }

    #[test]
    fn a_run_of_words_only_where_they_stand_together() {
        let a = analyzer(&["digitale Akte"], "");
        assert_eq!(
            collect(&a, "digitale Akten, Akte"),
            [
                ("digitale".into(), StopWord),
                ("Akten".into(), StopWord),
                ("Akte".into(), Word)
            ]
        );
    }
}
