//! Stem: the language's grouping key for content words.

use super::{apply_rule, TokenFilter, TokenRule};
use crate::language::LanguageStemmer;
use crate::{Language, Token, TokenKind};

/// Replaces each word's key by its stem, so inflected forms are one term.
///
/// Acronyms and brand casing (`OZG`, `DMS`, `LoRaWAN`, `optiGov`, `EfA`), dotted names
/// (`Bund.ID`) and gender forms keep their normalized key. In a hyphen compound only the last
/// part is stemmed (`EfA-Dienste` → `efa-dienst`). Runs after [`Normalize`](super::Normalize).
///
/// A capitalised word at the start of a sentence, whose capital may be the noun's or the
/// sentence's, gets an open key naming both readings (German only); the count decides it once
/// for the whole run (see [`Counted`](crate::Counted)).
///
/// # Example
/// ```
/// use wortwolke_text::{filter::{Normalize, Stem}, Analyzer, Language, Tokenizer};
///
/// let analyzer = Analyzer::builder(Tokenizer::default())
///     .filter(Normalize)
///     .filter(Stem::new(Language::German))
///     .build();
/// let key = |s: &str| analyzer.analyze(s)[0].key.clone();
/// assert_eq!(key("EfA-Dienste"), key("EfA-Dienst"));
/// assert_eq!(key("LoRaWAN"), "lorawan");
/// ```
#[derive(Debug)]
pub struct Stem {
    stemmer: LanguageStemmer,
}

impl Stem {
    /// A stemming filter for `language`.
    pub fn new(language: Language) -> Self {
        Stem {
            stemmer: language.stemmer(),
        }
    }
}

impl TokenRule for Stem {
    fn apply_token(&self, surface: &str, initial: bool, kind: &mut TokenKind, key: &mut String) {
        if *kind != TokenKind::Word || key.contains(['.', '*', '\'', '@']) {
            return;
        }
        let (head, last) = match key.rfind('-') {
            Some(i) => key.split_at(i + 1),
            None => ("", key.as_str()),
        };
        let last_surface = surface
            .rsplit(['-', '\u{2010}', '\u{2011}'])
            .next()
            .unwrap_or(surface);
        if is_acronym_or_brand(last_surface) || last.is_empty() {
            return;
        }
        let capitalized = last_surface.chars().next().is_some_and(char::is_uppercase);
        let mut stem = String::new();
        if initial && head.is_empty() && capitalized {
            // a capital at a sentence start says nothing: both readings, decided per run
            if let Some(open) = self.stemmer.open_key(last) {
                *key = open;
                return;
            }
        }
        self.stemmer.stem_into(last, capitalized, &mut stem);
        if stem != last {
            // keep the compound's head, replace its last part
            let head_len = head.len();
            key.truncate(head_len);
            key.push_str(&stem);
        }
    }
}

impl TokenFilter for Stem {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        apply_rule(self, answer, tokens);
    }

    fn token_rule(&self) -> Option<&dyn TokenRule> {
        Some(self)
    }
}

/// `OZG`, `DMS`, `LoRaWAN`, `optiGov`, `eAkte`: an upper-case letter after the first letter.
pub(crate) fn is_acronym_or_brand(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}
