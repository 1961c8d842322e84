//! PhraseDetector: finds collocations (`digitale Akte`) in the answers themselves.

use std::collections::{HashMap, HashSet};

use std::path::Path;

use crate::case::{decide, OpenKey};
use crate::error::{list_lines, Error, Result};
use crate::{Token, TokenKind};

/// Counts adjacent pairs of content words over many answers and keeps the pairs that are both
/// frequent (named in at least `min_answers` answers) and significant (Dunning's log-likelihood
/// ratio above `min_llr`, by default 10.83, i.e. p < 0.001).
///
/// A pair is two [`TokenKind::Word`] tokens with nothing between them but spaces: a stop word,
/// a comma or a sentence end breaks it. Detectors are mergeable, so detection can be sharded.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, PhraseDetector};
///
/// let analyzer = Analyzer::german();
/// let mut detector = PhraseDetector::default();
/// for answer in ["fehlende Zeit", "Fehlende Zeit!", "die fehlende Zeit", "Zeit", "fehlt"] {
///     detector.add(&analyzer.analyze(answer));
/// }
/// let keys: Vec<String> = analyzer.analyze("fehlende Zeit").into_iter().map(|t| t.key).collect();
/// assert_eq!(detector.phrases(3, 0.0), [keys]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct PhraseDetector {
    words: u64,
    unigrams: HashMap<String, u64>,
    bigrams: HashMap<(String, String), Pair>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Pair {
    occurrences: u64,
    answers: u64,
}

/// The significance threshold for p < 0.001 (chi-square, one degree of freedom).
pub const DEFAULT_MIN_LLR: f64 = 10.83;

impl PhraseDetector {
    /// Counts the words and adjacent word pairs of one analysed answer.
    pub fn add(&mut self, tokens: &[Token]) {
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            self.words += 1;
            *self.unigrams.entry(t.key.clone()).or_default() += 1;
            let Some(next) = tokens.get(i + 1) else {
                continue;
            };
            if next.kind != TokenKind::Word || t.key.contains(' ') || next.key.contains(' ') {
                continue;
            }
            let pair = self
                .bigrams
                .entry((t.key.clone(), next.key.clone()))
                .or_default();
            pair.occurrences += 1;
            if seen.insert((&t.key, &next.key)) {
                pair.answers += 1;
            }
        }
    }

    /// Adds the counts of `other` (detection split across threads or shards).
    pub fn merge(&mut self, other: PhraseDetector) {
        self.words += other.words;
        for (k, v) in other.unigrams {
            *self.unigrams.entry(k).or_default() += v;
        }
        for (k, v) in other.bigrams {
            let pair = self.bigrams.entry(k).or_default();
            pair.occurrences += v.occurrences;
            pair.answers += v.answers;
        }
    }

    /// The detected phrases as key pairs, most significant first (ties by key).
    ///
    /// A word that starts a sentence (an open key) counts as the reading its words take in these
    /// answers (see [`Counted`](crate::Counted)), so `Interkommunale Zusammenarbeit` at the
    /// start of an answer and `interkommunale Zusammenarbeit` mid-sentence are one phrase.
    pub fn phrases(&self, min_answers: u64, min_llr: f64) -> Vec<Vec<String>> {
        let n = self.words as f64;
        let written = |key: &str| self.unigrams.get(key).copied().unwrap_or(0);
        let resolve = |key: &str| -> String {
            match OpenKey::parse(key) {
                Some(open) => decide(&open, written(open.capital), written(open.lower))
                    .key(&open)
                    .to_owned(),
                None => key.to_owned(),
            }
        };
        let mut unigrams: HashMap<String, u64> = HashMap::new();
        for (key, &count) in &self.unigrams {
            *unigrams.entry(resolve(key)).or_default() += count;
        }
        let mut bigrams: HashMap<(String, String), Pair> = HashMap::new();
        for ((first, second), p) in &self.bigrams {
            let pair = bigrams.entry((resolve(first), second.clone())).or_default();
            pair.occurrences += p.occurrences;
            pair.answers += p.answers;
        }
        let mut found: Vec<(f64, &(String, String))> = bigrams
            .iter()
            .filter(|(_, p)| p.answers >= min_answers.max(1))
            .filter_map(|(pair, p)| {
                let a = unigrams[&pair.0] as f64;
                let b = unigrams[&pair.1] as f64;
                let llr = log_likelihood(p.occurrences as f64, a, b, n);
                (llr >= min_llr).then_some((llr, pair))
            })
            .collect();
        found.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1)));
        found
            .into_iter()
            .map(|(_, (a, b))| vec![a.clone(), b.clone()])
            .collect()
    }
}

/// Dunning's log-likelihood ratio for a pair seen `k11` times, with word counts `a` and `b`
/// among `n` words.
fn log_likelihood(k11: f64, a: f64, b: f64, n: f64) -> f64 {
    let k12 = (a - k11).max(0.0);
    let k21 = (b - k11).max(0.0);
    let k22 = (n - a - b + k11).max(0.0);
    let h = |ks: &[f64]| {
        let total: f64 = ks.iter().sum();
        ks.iter()
            .filter(|&&k| k > 0.0)
            .map(|&k| k * (k / total).ln())
            .sum::<f64>()
    };
    let llr =
        2.0 * (h(&[k11, k12, k21, k22]) - h(&[k11 + k12, k21 + k22]) - h(&[k11 + k21, k12 + k22]));
    llr.max(0.0)
}

/// Parses a phrase file: one multi-word term a line (`digitale Akte`), `#` comments allowed;
/// `source_name` names the file in errors. A single word is an error, since it cannot be a phrase.
///
/// # Example
/// ```
/// let phrases = wortwolke_text::read_phrase_list("p.txt", "# Fachbegriffe\ndigitale Akte\n".as_bytes()).unwrap();
/// assert_eq!(phrases, ["digitale Akte"]);
/// ```
pub fn read_phrase_list(
    source_name: impl AsRef<Path>,
    reader: impl std::io::BufRead,
) -> Result<Vec<String>> {
    let source_name = source_name.as_ref();
    let mut phrases = Vec::new();
    for (line, content) in list_lines(source_name, reader)? {
        if content.split_whitespace().count() < 2 {
            return Err(Error::Syntax {
                source_name: source_name.to_owned(),
                line,
                message: format!(
                    "`{content}` is a single word; a phrase file lists multi-word terms, one a line"
                ),
            });
        }
        phrases.push(content);
    }
    Ok(phrases)
}

#[cfg(test)]
mod tests {
    use super::{log_likelihood, read_phrase_list};

    #[test]
    fn phrase_list_rejects_single_words_with_line() {
        let err = read_phrase_list("p.txt", "digitale Akte\n\n# x\nAkte\n".as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.txt:4: `Akte` is a single word; a phrase file lists multi-word terms, one a line"
        );
    }

    #[test]
    fn llr_of_independent_pair_is_near_zero() {
        // a and b each in half of 1000 words, together as often as chance predicts
        assert!(log_likelihood(250.0, 500.0, 500.0, 1000.0) < 1e-6);
        assert!(log_likelihood(20.0, 20.0, 20.0, 1000.0) > 100.0);
    }
}
