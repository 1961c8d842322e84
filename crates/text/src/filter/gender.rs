//! GenderPairs: `Bürgerinnen und Bürger` is one mention of the inclusive term `Bürger*innen`.

use super::{merge_span, TokenFilter};
use crate::{Token, TokenKind};

/// The conjunctions of a pair form.
const CONJUNCTIONS: &[&str] = &["und", "oder", "bzw.", "sowie"];

/// Joins the German pair forms — `Bürgerinnen und Bürger`, `Bürger und Bürgerinnen`,
/// `Kolleginnen und Kollegen`, `der Ansprechpartnerin oder dem Ansprechpartner` — into one
/// mention of the inclusive term, the key of `Bürger*innen` (`bürger*in`), so a pair counts
/// once, like the gender star. A sequence filter, like the codebook's: it reads the words as
/// written (the feminine form, `und`/`oder`/`bzw.`/`sowie`, perhaps an article, then the
/// masculine form, or the other way round).
///
/// The masculine form is the feminine one without `-in`/`-innen`, perhaps with `-e`, `-en` or
/// `-n` (`Kollegin` – `Kollege`, `Studentinnen` – `Studenten`, `Bürgerinnen` – `Bürgern`).
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, TokenKind};
///
/// let analyzer = Analyzer::german();
/// let key = |answer: &str| -> Vec<String> {
///     analyzer.analyze(answer).into_iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.key).collect()
/// };
/// assert_eq!(key("die Bürgerinnen und Bürger"), key("die Bürger*innen"));
/// assert_eq!(key("Bürger und Bürgerinnen"), key("BürgerInnen"));
/// assert_eq!(key("Kolleginnen und Kollegen").len(), 1);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct GenderPairs {
    /// Fold umlauts in the inclusive key (as [`FoldUmlauts`](super::FoldUmlauts) does).
    pub fold_umlauts: bool,
}

impl GenderPairs {
    /// The inclusive key of a pair, if `first` and `second` (lower-cased surfaces) are one:
    /// the feminine form's base with `*in`.
    fn pair(&self, first: &str, second: &str) -> Option<String> {
        let base = feminine_base(first)
            .filter(|base| masculine_of(base, second))
            .or_else(|| feminine_base(second).filter(|base| masculine_of(base, first)))?;
        let key = format!("{base}*in");
        Some(if self.fold_umlauts {
            super::fold::fold(&key)
        } else {
            key
        })
    }
}

/// The base of a feminine form (`bürgerinnen` → `bürger`, `kollegin` → `kolleg`).
fn feminine_base(word: &str) -> Option<&str> {
    let base = word
        .strip_suffix("innen")
        .or_else(|| word.strip_suffix("in"))?;
    (base.chars().count() >= 3 && base.chars().all(char::is_alphabetic)).then_some(base)
}

/// Whether `word` is a masculine form of `base`.
fn masculine_of(base: &str, word: &str) -> bool {
    match word.strip_prefix(base) {
        Some(ending) => ["", "e", "en", "n"].contains(&ending),
        None => false,
    }
}

impl TokenFilter for GenderPairs {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        let mut i = 0;
        while i + 2 < tokens.len() {
            if let Some((n, key)) = self.find(answer, tokens, i) {
                merge_span(tokens, i..i + n, key);
            }
            i += 1;
        }
    }

    fn may_apply(&self, answer: &str) -> bool {
        // a pair is a conjunction between words, with a word ending in `in` (`-in`, `-innen`)
        // right before it or among the two after it (an article may come first)
        let feminine = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            // marked forms (`Bürger*innen`) are one word already
            if !w.chars().all(char::is_alphabetic) {
                return false;
            }
            let w = w.as_bytes();
            let ends = |suffix: &[u8]| {
                w.len() >= suffix.len() + 3
                    && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
            };
            ends(b"in") || ends(b"innen")
        };
        let conjunction = |w: &str| CONJUNCTIONS.iter().any(|c| w.eq_ignore_ascii_case(c));
        let mut words = answer.split_whitespace();
        let mut before = "";
        while let Some(word) = words.next() {
            if conjunction(word) {
                let mut after = words.clone();
                if feminine(before)
                    || after.next().is_some_and(feminine)
                    || after.next().is_some_and(feminine)
                {
                    return true;
                }
            }
            before = word;
        }
        false
    }
}

impl GenderPairs {
    /// A pair form starting at token `i`: its length in tokens and its key.
    fn find(&self, answer: &str, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let first = &tokens[i];
        let conjunction = tokens.get(i + 1)?;
        if first.kind != TokenKind::Word
            || !CONJUNCTIONS.contains(&conjunction.text(answer).to_lowercase().as_str())
        {
            return None;
        }
        // an article or pronoun may stand before the second noun (`oder dem Ansprechpartner`)
        let mut j = i + 2;
        if tokens.get(j)?.kind == TokenKind::StopWord {
            j += 1;
        }
        let second = tokens.get(j)?;
        if second.kind != TokenKind::Word {
            return None;
        }
        let lower = |t: &Token| t.text(answer).to_lowercase();
        let key = self.pair(&lower(first), &lower(second))?;
        Some((j + 1 - i, key))
    }
}

#[cfg(test)]
mod tests {
    use super::GenderPairs;

    /// (first, second, the inclusive key or none)
    #[test]
    fn pairs() {
        let pairs = GenderPairs::default();
        for (first, second, want) in [
            ("bürgerinnen", "bürger", Some("bürger*in")),
            ("bürger", "bürgerinnen", Some("bürger*in")),
            ("bürgerinnen", "bürgern", Some("bürger*in")),
            ("kolleginnen", "kollegen", Some("kolleg*in")),
            ("kollegin", "kollege", Some("kolleg*in")),
            ("ärztinnen", "ärzte", Some("ärzt*in")),
            ("studentinnen", "studenten", Some("student*in")),
            (
                "ansprechpartnerin",
                "ansprechpartner",
                Some("ansprechpartner*in"),
            ),
            ("termin", "term", Some("term*in")),
            ("bürgerinnen", "unternehmen", None),
            ("termine", "fristen", None),
            ("zeit", "geld", None),
        ] {
            assert_eq!(
                pairs.pair(first, second).as_deref(),
                want,
                "{first} {second}"
            );
        }
        use crate::filter::TokenFilter;
        assert!(pairs.may_apply("Die BÜRGERINNEN UND Bürger"));
        assert!(pairs.may_apply("Kollege oder Kollegin."));
        assert!(!pairs.may_apply("Bürgerinnen"));
        assert!(!pairs.may_apply("Zeit und Geld"));
        let folded = GenderPairs { fold_umlauts: true };
        assert_eq!(
            folded.pair("ärztinnen", "ärzte").as_deref(),
            Some("aerzt*in")
        );
    }
}

/// Joins the plain masculine and feminine forms of person nouns (`Bürger`, `Bürgerinnen`) into
/// the inclusive term (`Bürger*innen`), for the bases found in the answers themselves
/// ([`PhraseDetector::gender_bases`](crate::PhraseDetector::gender_bases)): a noun is a person
/// noun there only if its feminine form (or the inclusive one) was written too, so `Fehler`
/// never becomes `Fehler*in`. Opt-in (`--merge-gender`): it merges what the respondents kept
/// apart. Runs after stemming.
///
/// # Example
/// ```
/// use wortwolke_text::{AnalyzerConfig, TokenKind};
///
/// let analyzer = AnalyzerConfig::default().gender_bases(["bürger"]).build().unwrap();
/// let key = |answer: &str| analyzer.analyze(answer).into_iter().find(|t| t.kind == TokenKind::Word).unwrap().key;
/// assert_eq!(key("die Bürger"), key("die Bürger*innen"));
/// assert_eq!(key("die Bürgerinnen"), key("die Bürger*innen"));
/// assert_ne!(key("die Fehler"), key("die Bürger"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct MergeGender {
    bases: rustc_hash::FxHashSet<String>,
}

impl MergeGender {
    /// The rule for these bases (grouping keys of masculine forms: `bürger`, `kolleg`).
    pub fn new(bases: impl IntoIterator<Item = String>) -> Self {
        MergeGender {
            bases: bases.into_iter().collect(),
        }
    }

    /// Whether no base is known.
    pub fn is_empty(&self) -> bool {
        self.bases.is_empty()
    }

    /// The inclusive key of a noun's key, if it is a form of a known base.
    fn inclusive(&self, key: &str) -> Option<String> {
        let base = if self.bases.contains(key) {
            key
        } else {
            key.strip_suffix("in").filter(|b| self.bases.contains(*b))?
        };
        Some(format!("{base}*in"))
    }
}

impl super::TokenRule for MergeGender {
    fn apply_token(&self, _surface: &str, _initial: bool, kind: &mut TokenKind, key: &mut String) {
        if *kind != TokenKind::Word {
            return;
        }
        match crate::case::OpenKey::parse(key) {
            Some(open) => {
                if let Some(inclusive) = self.inclusive(open.capital) {
                    let (lower, by_default) = (open.lower.to_owned(), open.lower_by_default);
                    crate::case::OpenKey::write(&inclusive, &lower, by_default, key);
                }
            }
            None => {
                if let Some(inclusive) = self.inclusive(key) {
                    *key = inclusive;
                }
            }
        }
    }
}

impl TokenFilter for MergeGender {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        super::apply_rule(self, answer, tokens);
    }

    fn token_rule(&self) -> Option<&dyn super::TokenRule> {
        Some(self)
    }
}

/// The bases of person nouns among `keys` (the grouping keys of the words of some answers):
/// those written as a masculine noun and as its feminine or inclusive form (`bürger` with
/// `bürgerin` or `bürger*in`).
pub(crate) fn gender_bases<'k>(keys: impl IntoIterator<Item = &'k str>) -> Vec<String> {
    let nouns: rustc_hash::FxHashSet<&str> = keys
        .into_iter()
        .map(|k| crate::case::OpenKey::parse(k).map_or(k, |open| open.capital))
        .filter(|k| !k.ends_with(crate::german::LOWER_MARK))
        .collect();
    let mut bases: Vec<String> = nouns
        .iter()
        .filter_map(|k| {
            if let Some(base) = k.strip_suffix("*in") {
                let feminine = format!("{base}in");
                (nouns.contains(base) || nouns.contains(feminine.as_str())).then_some(base)
            } else {
                let base = k.strip_suffix("in")?;
                (base.chars().count() >= 3
                    && base.chars().all(char::is_alphabetic)
                    && nouns.contains(base))
                .then_some(base)
            }
        })
        .map(str::to_owned)
        .collect();
    bases.sort();
    bases.dedup();
    bases
}

#[cfg(test)]
mod merge_tests {
    #[test]
    fn bases_need_both_forms() {
        let keys = [
            "bürger",
            "bürgerin",
            "kolleg",
            "kolleg*in",
            "nutzer*in",
            "fehler",
            "termin",
            "zeit",
        ];
        assert_eq!(super::gender_bases(keys), ["bürger", "kolleg"]);
    }
}
