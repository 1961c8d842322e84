//! StopWordList: the built-in lists and analyst-supplied ones.

use rustc_hash::FxHashSet;
use std::path::Path;

use crate::error::{list_lines, Result};
use crate::Language;

const GERMAN: &str = include_str!("../stopwords/de.txt");
const ENGLISH: &str = include_str!("../stopwords/en.txt");

/// A set of stop words, compared on normalized (case-folded, NFC) keys.
///
/// # Example
/// ```
/// use wortwolke_text::StopWordList;
///
/// let mut list = StopWordList::german();
/// assert!(list.contains("und") && list.contains("z.b."));
/// assert!(!list.contains("zeit"));
/// list.extend(StopWordList::from_reader("extra.txt", "Zeit # no comment\n".as_bytes()).unwrap());
/// assert!(list.contains("zeit"));
/// ```
#[derive(Clone, Default)]
pub struct StopWordList {
    words: FxHashSet<String>,
}

/// Short: how many words, not the words (`StopWordList { words: 3 }`).
impl std::fmt::Debug for StopWordList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StopWordList")
            .field("words", &self.words.len())
            .finish()
    }
}

impl StopWordList {
    /// The empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-in German list (Snowball plus additions; see `stopwords/README.md`).
    pub fn german() -> Self {
        Self::parse_builtin(GERMAN)
    }

    /// The built-in English list (Snowball).
    pub fn english() -> Self {
        Self::parse_builtin(ENGLISH)
    }

    /// The built-in list for `language`; empty where wortwolke has none.
    pub fn for_language(language: Language) -> Self {
        match language {
            Language::German => Self::german(),
            Language::English => Self::english(),
            _ => Self::new(),
        }
    }

    fn parse_builtin(text: &str) -> Self {
        let mut list = Self::new();
        for line in text.lines() {
            let content = line.split('#').next().unwrap_or("").trim();
            if !content.is_empty() {
                list.insert(content);
            }
        }
        list
    }

    /// Reads a list: one word a line, `#` comments. `source_name` names the file in errors.
    pub fn from_reader(
        source_name: impl AsRef<Path>,
        reader: impl std::io::BufRead,
    ) -> Result<Self> {
        let mut list = Self::new();
        for (_, word) in list_lines(source_name.as_ref(), reader)? {
            list.insert(&word);
        }
        Ok(list)
    }

    /// Adds one word (normalized like a token's key).
    pub fn insert(&mut self, word: &str) {
        self.words.insert(crate::filter::normalize_key(word));
    }

    /// Adds all words of `other`.
    pub fn extend(&mut self, other: StopWordList) {
        self.words.extend(other.words);
    }

    /// Whether the normalized `key` is a stop word.
    pub fn contains(&self, key: &str) -> bool {
        self.words.contains(key)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}
