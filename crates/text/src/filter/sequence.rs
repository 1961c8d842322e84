//! KeySequences: matches runs of adjacent tokens by their keys (shared by synonyms and phrases).

use std::collections::HashMap;

use super::{merge_span, run_of_words};
use crate::case::OpenKey;
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
    /// unless a single stop word was listed on its own. A run that starts with a sentence-start
    /// word (an open key) matches under either reading, the default first.
    pub(crate) fn apply(&self, tokens: &mut Vec<Token>) {
        if self.map.is_empty() {
            return;
        }
        let mut i = 0;
        let mut joined = String::new();
        while i < tokens.len() {
            if let Some((n, target)) = self.find(tokens, i, &mut joined) {
                merge_span(tokens, i..i + n, target.clone());
            }
            i += 1;
        }
    }

    /// The length of the longest listed run at `i`, if any (see [`KeySequences::apply`]).
    pub(crate) fn run_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        self.find(tokens, i, &mut String::new()).map(|(n, _)| n)
    }

    /// The longest run at `i` that is listed, with its target; `None` if none is (or the run is
    /// a listed stop word that stays what it is).
    fn find(&self, tokens: &[Token], i: usize, joined: &mut String) -> Option<(usize, &String)> {
        for n in (1..=self.longest).rev() {
            let Some(run) = run_of_words(tokens, i, n) else {
                continue;
            };
            let first = tokens[i].key.as_str();
            let heads = match OpenKey::parse(first) {
                Some(open) => open.candidates(),
                None => [first, first],
            };
            for head in heads {
                joined.clear();
                joined.push_str(head);
                for &j in &run[1..] {
                    joined.push(' ');
                    joined.push_str(&tokens[j].key);
                }
                if let Some(target) = self.map.get(joined.as_str()) {
                    let single_stopword = n == 1 && !tokens[i].kind.is_word();
                    if single_stopword && target == &tokens[i].key {
                        return None;
                    }
                    return Some((n, target));
                }
            }
        }
        None
    }
}

/// The key sequences under which a listed term (phrase, codebook variant) is matched: first the
/// keys of the text as written, then the same with the case of words' first letters flipped.
///
/// Capitalisation decides noun or verb keys in German, but in a list the analyst's casing says
/// little (`Digitale Modellregion` is written capitalised and found as `digitalen Modellregionen`).
/// Separators and links are dropped; stop words and numbers stay (`zu wenig Personal`).
pub(crate) fn key_variants(analyzer: &crate::Analyzer, text: &str) -> Vec<Vec<String>> {
    use crate::TokenKind::{Number, StopWord, Word};
    let tokens: Vec<Token> = analyzer
        .analyze(text)
        .into_iter()
        .filter(|t| matches!(t.kind, Word | StopWord | Number))
        .collect();
    let mut choices: Vec<Vec<String>> = Vec::with_capacity(tokens.len());
    // a listed term's own casing counts as written: its first word's capital, though it
    // starts the entry, is read as a noun's first (then the other reading)
    let readings = |key: &str| -> Vec<String> {
        match OpenKey::parse(key) {
            Some(open) => vec![open.capital.to_owned(), open.lower.to_owned()],
            None => vec![key.to_owned()],
        }
    };
    for token in &tokens {
        let mut keys = readings(&token.key);
        if token.kind == Word && !token.key.contains(' ') {
            let flipped = flip_first(token.text(text));
            if let Some(alt) = analyzer
                .analyze(&flipped)
                .into_iter()
                .find(|t| t.kind == Word)
            {
                for key in readings(&alt.key) {
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        choices.push(keys);
    }
    // cartesian product, the as-written sequence first; bounded for long entries
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for keys in choices {
        let mut next = Vec::with_capacity(out.len() * keys.len());
        for prefix in &out {
            for (i, key) in keys.iter().enumerate() {
                if i > 0 && next.len() >= 64 {
                    break;
                }
                let mut seq = prefix.clone();
                seq.push(key.clone());
                next.push(seq);
            }
        }
        out = next;
    }
    out.retain(|seq| !seq.is_empty());
    out
}

fn flip_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => c.to_lowercase().chain(chars).collect(),
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
