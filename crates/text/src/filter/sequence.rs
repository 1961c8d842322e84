//! KeySequences: matches runs of adjacent tokens by their keys (shared by synonyms and phrases).

use std::collections::HashMap;

use super::{merge_span, run_of_words};
use crate::Token;

/// A dictionary from key sequences (`["fehlend", "personal"]`) to the key that replaces them.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeySequences {
    map: HashMap<String, String>,
    longest: usize,
}

impl KeySequences {
    /// Adds a sequence; returns the key it replaced if it was there already.
    pub(crate) fn insert(&mut self, keys: &[String], target: String) -> Option<String> {
        self.longest = self.longest.max(keys.len());
        self.map.insert(keys.join(" "), target)
    }

    /// The target of a sequence, if known.
    pub(crate) fn get(&self, keys: &[String]) -> Option<&String> {
        self.map.get(&keys.join(" "))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Replaces every matched run (longest first, left to right) by one merged word token.
    /// Runs never span a separator; a run must start and end with a content word
    /// unless a single stop word was listed on its own.
    pub(crate) fn apply(&self, tokens: &mut Vec<Token>) {
        if self.map.is_empty() {
            return;
        }
        let mut i = 0;
        let mut joined = String::new();
        while i < tokens.len() {
            for n in (1..=self.longest).rev() {
                let Some(run) = run_of_words(tokens, i, n) else {
                    continue;
                };
                joined.clear();
                for (k, &j) in run.iter().enumerate() {
                    if k > 0 {
                        joined.push(' ');
                    }
                    joined.push_str(&tokens[j].key);
                }
                if let Some(target) = self.map.get(&joined) {
                    let single_stopword = n == 1 && !tokens[i].kind.is_word();
                    if single_stopword && target == &tokens[i].key {
                        break;
                    }
                    merge_span(tokens, i..i + n, target.clone());
                    break;
                }
            }
            i += 1;
        }
    }
}
