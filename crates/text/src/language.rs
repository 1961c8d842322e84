//! Our `Language`, wrapping the stemmers of `rust-stemmers`.

use rust_stemmers::{Algorithm, Stemmer};

/// A language of the answers: chooses the stemmer and the built-in stop word list.
///
/// German uses wortwolke's own case-aware algorithm ([`german_key`](crate::german_key));
/// every other language uses its Snowball stemmer from `rust-stemmers`.
///
/// # Example
/// ```
/// use wortwolke_text::Language;
///
/// let lang: Language = "en".parse().unwrap();
/// assert_eq!(lang, Language::English);
/// assert_eq!(lang.stem("connections", false), "connect");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

/// Every language with its ISO 639-1 code.
const CODES: &[(Language, &str)] = &[
    (Language::Arabic, "ar"),
    (Language::Danish, "da"),
    (Language::Dutch, "nl"),
    (Language::English, "en"),
    (Language::Finnish, "fi"),
    (Language::French, "fr"),
    (Language::German, "de"),
    (Language::Greek, "el"),
    (Language::Hungarian, "hu"),
    (Language::Italian, "it"),
    (Language::Norwegian, "no"),
    (Language::Portuguese, "pt"),
    (Language::Romanian, "ro"),
    (Language::Russian, "ru"),
    (Language::Spanish, "es"),
    (Language::Swedish, "sv"),
    (Language::Tamil, "ta"),
    (Language::Turkish, "tr"),
];

impl Language {
    /// All supported languages.
    pub fn all() -> impl Iterator<Item = Language> {
        CODES.iter().map(|&(l, _)| l)
    }

    /// The ISO 639-1 code (`de`, `en`, …).
    pub fn code(self) -> &'static str {
        CODES
            .iter()
            .find(|&&(l, _)| l == self)
            .map_or("", |&(_, c)| c)
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Language::Arabic => Algorithm::Arabic,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::English => Algorithm::English,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Greek => Algorithm::Greek,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Tamil => Algorithm::Tamil,
            Language::Turkish => Algorithm::Turkish,
        }
    }

    /// A stemmer for this language (see [`Language::stem`]).
    pub(crate) fn stemmer(self) -> LanguageStemmer {
        LanguageStemmer {
            language: self,
            snowball: (self != Language::German).then(|| Stemmer::create(self.algorithm())),
        }
    }

    /// The grouping key of one lower-cased `word`; `capitalized` tells whether it was written
    /// with a capital first letter (used by German only).
    pub fn stem(self, word: &str, capitalized: bool) -> String {
        self.stemmer().stem(word, capitalized)
    }
}

/// A ready stemmer (Snowball stemmers are built once, not per word).
pub(crate) struct LanguageStemmer {
    language: Language,
    snowball: Option<Stemmer>,
}

impl std::fmt::Debug for LanguageStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageStemmer")
            .field("language", &self.language)
            .finish()
    }
}

impl LanguageStemmer {
    /// The grouping key of one lower-cased `word`; `capitalized`: written with a capital first
    /// letter (German: a noun).
    pub(crate) fn stem(&self, word: &str, capitalized: bool) -> String {
        let mut out = String::new();
        self.stem_into(word, capitalized, &mut out);
        out
    }

    /// Like [`LanguageStemmer::stem`], appending the stem to `out`.
    pub(crate) fn stem_into(&self, word: &str, capitalized: bool, out: &mut String) {
        // no cache here: a Tally remembers every word's key, stem included
        match &self.snowball {
            Some(s) => out.push_str(&s.stem(word)),
            None => out.push_str(&crate::german::german_key(word, capitalized)),
        }
    }

    /// The open key of a capitalised `word` (lower-cased) at a sentence start, where the capital
    /// may be the sentence's: both readings, the one the language's rules prefer marked (see
    /// [`crate::case`]). `None` where the reading does not change the key (languages whose keys
    /// ignore case, short words).
    pub(crate) fn open_key(&self, word: &str) -> Option<String> {
        if self.snowball.is_some() {
            return None;
        }
        let capital = crate::german::german_key(word, true);
        let lower = crate::german::german_key(word, false);
        if capital == lower {
            return None;
        }
        let mut key = String::new();
        crate::case::OpenKey::write(
            &capital,
            &lower,
            crate::german::looks_adjectival(word),
            &mut key,
        );
        Some(key)
    }
}

impl std::str::FromStr for Language {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.to_ascii_lowercase();
        CODES
            .iter()
            .find(|&&(l, code)| code == lower || format!("{l:?}").eq_ignore_ascii_case(&lower))
            .map(|&(l, _)| l)
            .ok_or_else(|| crate::Error::UnknownLanguage(s.to_owned()))
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
