//! PhraseDetector: finds collocations (`digitale Akte`) in the answers themselves.

use std::collections::{HashMap, HashSet};

use std::path::Path;

use crate::case::{decide, Evidence, OpenKey};
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

/// The significance threshold for p < 0.001 (chi-square, one degree of freedom): the default
/// `min_llr` of [`PhraseDetector::detect`] in the `wortwolke` CLI's `--phrases auto`.
///
/// ```
/// assert_eq!(wortwolke_text::DEFAULT_MIN_LLR, 10.83);
/// ```
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

    /// The bases of the person nouns these answers name both in the masculine and in the
    /// feminine or inclusive form (`Bürger` and `Bürgerinnen` or `Bürger*innen`): give them to
    /// [`AnalyzerConfig::gender_bases`](crate::AnalyzerConfig::gender_bases) to join those
    /// forms into one term (see [`MergeGender`](crate::filter::MergeGender)).
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, PhraseDetector};
    ///
    /// let analyzer = Analyzer::german();
    /// let mut detector = PhraseDetector::default();
    /// for answer in ["die Bürger fragen", "Bürgerinnen fragen", "Fehler"] {
    ///     detector.add(&analyzer.analyze(answer));
    /// }
    /// assert_eq!(detector.gender_bases(), ["bürger"]);
    /// ```
    pub fn gender_bases(&self) -> Vec<String> {
        crate::filter::gender_bases(self.unigrams.keys().map(String::as_str))
    }

    /// The detected phrases as key pairs, most significant first (ties by key): every
    /// spelling of each [`Detected`] phrase, the phrase's own first (see
    /// [`PhraseDetector::detect`]). Give them to
    /// [`AnalyzerConfig::detected_phrases`](crate::AnalyzerConfig::detected_phrases):
    /// spellings of one phrase that differ only in case are one term there.
    pub fn phrases(&self, min_answers: u64, min_llr: f64) -> Vec<Vec<String>> {
        self.detect(min_answers, min_llr)
            .into_iter()
            .flat_map(|d| d.spellings)
            .collect()
    }

    /// The detected phrases with their statistics, most significant first (ties by key).
    ///
    /// Detection ignores case: a word that starts a sentence (an open key) counts as the
    /// reading its words take in these answers (see [`Counted`](crate::Counted)), and a
    /// capitalised adjective (`Interkommunale Zusammenarbeit` mid-sentence) is the same word
    /// as its lower-case spelling, so one phrase is found whatever its capitals. No phrase
    /// starts or ends with a function word or preposition (`Netzwerktreffen pro`), even
    /// where the stop word list lets one through.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, PhraseDetector};
    ///
    /// let analyzer = Analyzer::german();
    /// let mut detector = PhraseDetector::default();
    /// for answer in ["die Interkommunale Zusammenarbeit", "interkommunale Zusammenarbeit", "mehr interkommunale Zusammenarbeit", "Zeit"] {
    ///     detector.add(&analyzer.analyze(answer));
    /// }
    /// let found = detector.detect(3, 0.0);
    /// assert_eq!((found.len(), found[0].answers, found[0].spellings.len()), (1, 3, 2));
    /// ```
    pub fn detect(&self, min_answers: u64, min_llr: f64) -> Vec<Detected> {
        let n = self.words as f64;
        let written = |key: &str| self.unigrams.get(key).copied().unwrap_or(0);
        let resolve = |key: &str| -> String {
            match OpenKey::parse(key) {
                Some(open) => {
                    let evidence = Evidence {
                        capital: written(open.capital),
                        lower: written(open.lower),
                        noun_written: false,
                        noun_sibling: false,
                    };
                    decide(&open, evidence).key(&open).to_owned()
                }
                None => key.to_owned(),
            }
        };
        let mut unigrams: HashMap<String, u64> = HashMap::new();
        for (key, &count) in &self.unigrams {
            *unigrams.entry(fold(&resolve(key)).to_owned()).or_default() += count;
        }
        // by the case-free pair: the counts, and each spelling (resolved keys) with its own
        let mut bigrams: HashMap<(String, String), (Pair, Spellings)> = HashMap::new();
        for ((first, second), p) in &self.bigrams {
            let first = resolve(first);
            let folded = (fold(&first).to_owned(), fold(second).to_owned());
            let (pair, spellings) = bigrams.entry(folded).or_default();
            pair.occurrences += p.occurrences;
            pair.answers += p.answers;
            *spellings.entry(vec![first, second.clone()]).or_default() += p.occurrences;
        }
        let mut found: Vec<Detected> = bigrams
            .into_iter()
            .filter(|(_, (p, _))| p.answers >= min_answers.max(1))
            .filter(|((a, b), _)| !is_function_word(a) && !is_function_word(b))
            .filter_map(|(pair, (p, spellings))| {
                let a = unigrams[&pair.0] as f64;
                let b = unigrams[&pair.1] as f64;
                let llr = log_likelihood(p.occurrences as f64, a, b, n);
                let mut spellings: Vec<(Vec<String>, u64)> = spellings.into_iter().collect();
                spellings.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
                (llr >= min_llr).then(|| Detected {
                    spellings: spellings.into_iter().map(|(keys, _)| keys).collect(),
                    llr,
                    answers: p.answers,
                    occurrences: p.occurrences,
                })
            })
            .collect();
        found.sort_by(|x, y| {
            y.llr
                .total_cmp(&x.llr)
                .then_with(|| x.spellings[0].cmp(&y.spellings[0]))
        });
        found
    }
}

/// The key sequences a phrase was written as, with their occurrences.
type Spellings = HashMap<Vec<String>, u64>;

/// A phrase found by [`PhraseDetector::detect`].
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, PhraseDetector, DEFAULT_MIN_LLR};
///
/// let analyzer = Analyzer::german();
/// let mut detector = PhraseDetector::default();
/// for answer in ["mehr interkommunale Zusammenarbeit", "Interkommunale Zusammenarbeit!"].repeat(4) {
///     detector.add(&analyzer.analyze(answer));
/// }
/// let found = detector.detect(3, DEFAULT_MIN_LLR);
/// assert_eq!(found.len(), 1);
/// // both capitalisations are one phrase, counted in all eight answers
/// assert_eq!((found[0].answers, found[0].occurrences), (8, 8));
/// assert!(found[0].llr > DEFAULT_MIN_LLR);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// The key sequences it was written as (spellings that differ in case), the most frequent
    /// first: the phrase's key is that one's, joined by spaces.
    pub spellings: Vec<Vec<String>>,
    /// Dunning's log-likelihood ratio (G²) of the pair.
    pub llr: f64,
    /// Answers naming it (counted per answer and spelling).
    pub answers: u64,
    /// Its occurrences.
    pub occurrences: u64,
}

impl Detected {
    /// The key the phrase counts under: its first spelling's keys joined by spaces.
    pub fn key(&self) -> String {
        self.spellings[0].join(" ")
    }
}

/// A key without the mark of a lower-case word: the case-free identity of a word for
/// detection (`interkommunal~` and the capitalised `interkommunal` are one word).
fn fold(key: &str) -> &str {
    key.trim_end_matches(crate::german::LOWER_MARK)
}

/// German function words and prepositions: a phrase never starts or ends with one, whatever
/// the stop word list says.
const FUNCTION_WORDS: &[&str] = &[
    "ab",
    "an",
    "ans",
    "auf",
    "aus",
    "bei",
    "beim",
    "bis",
    "durch",
    "für",
    "gegen",
    "hinter",
    "in",
    "im",
    "ins",
    "mit",
    "nach",
    "neben",
    "ohne",
    "seit",
    "über",
    "um",
    "unter",
    "von",
    "vom",
    "vor",
    "während",
    "wegen",
    "zu",
    "zum",
    "zur",
    "zwischen",
    "trotz",
    "laut",
    "statt",
    "pro",
    "per",
    "via",
    "je",
    "samt",
    "mittels",
    "gemäß",
    "entlang",
    "innerhalb",
    "außerhalb",
    "anhand",
    "aufgrund",
    "bezüglich",
    "seitens",
    "zwecks",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "einem",
    "einen",
    "eines",
    "und",
    "oder",
    "aber",
    "sondern",
    "sowie",
    "bzw",
    "dass",
    "ob",
    "weil",
    "wenn",
    "als",
    "wie",
    "sehr",
    "auch",
    "nur",
    "noch",
];

/// Whether a (case-free) key is the key of a function word.
fn is_function_word(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        FUNCTION_WORDS
            .iter()
            .flat_map(|w| {
                [
                    (*w).to_owned(),
                    fold(&crate::german_key(w, false)).to_owned(),
                    crate::german_key(w, true),
                ]
            })
            .collect()
    })
    .contains(key)
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
    use crate::{AnalyzerConfig, PhraseDetector};

    #[test]
    fn no_phrase_with_a_function_word_even_without_stop_words() {
        let analyzer = AnalyzerConfig::default()
            .default_stopwords(false)
            .build()
            .unwrap();
        let mut detector = PhraseDetector::default();
        for answer in [
            "Treffen pro Quartal",
            "ein Treffen pro Quartal",
            "Treffen pro Jahr",
        ] {
            detector.add(&analyzer.analyze(answer));
        }
        let found = detector.detect(2, 0.0);
        assert!(found.is_empty(), "{found:?}");
        assert!(super::is_function_word("pro") && !super::is_function_word("mehr"));
    }

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
