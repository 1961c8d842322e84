//! The filters of the analysis chain, one per file, applied in the order they were added.
//!
//! A filter sees the whole token sequence of one answer, because several German rules need
//! neighbours: synonyms and phrases span several words, a negation joins the next word.

mod exclude;
mod fold;
mod gender;
mod length;
mod negation;
mod normalize;
mod numbers;
mod phrases;
mod sequence;
mod stem;
mod stopwords;
mod synonyms;

pub use exclude::Exclude;
pub use fold::FoldUmlauts;
pub(crate) use gender::gender_bases;
pub use gender::{GenderPairs, MergeGender};
pub use length::MinLength;
pub use negation::Negation;
pub(crate) use normalize::normalize as normalize_key;
pub use normalize::Normalize;
pub use numbers::KeepNumbers;
pub use phrases::Phrases;
pub use stem::Stem;
pub use stopwords::StopWords;
pub use synonyms::MergeSynonyms;

use crate::{Separator, Token, TokenKind};

/// One stage of the analysis chain.
///
/// `answer` is the text the tokens were made from; `tokens[i].offset` slices it. Add a filter of
/// your own to the standard chain with [`AnalyzerConfig::filter`](crate::AnalyzerConfig::filter)
/// or to a chain of your own with [`AnalyzerBuilder::filter`](crate::AnalyzerBuilder::filter).
///
/// # Example
/// ```
/// use wortwolke_text::filter::TokenFilter;
/// use wortwolke_text::{AnalyzerConfig, Stage, TableOptions, Token};
///
/// /// Joins `Online` + `Zugang` written apart into one term.
/// #[derive(Debug)]
/// struct OnlineZugang;
///
/// impl TokenFilter for OnlineZugang {
///     fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
///         let mut i = 0;
///         while i + 1 < tokens.len() {
///             if tokens[i].key == "onlin" && tokens[i + 1].key == "zugang" {
///                 let end = tokens[i + 1].offset.end;
///                 tokens[i].offset.end = end;
///                 tokens[i].key = "onlinezugang".into();
///                 tokens.remove(i + 1);
///             }
///             i += 1;
///         }
///     }
///
///     fn may_apply(&self, answer: &str) -> bool {
///         answer.contains("ugang") // counting skips answers no filter may change
///     }
/// }
///
/// let analyzer = AnalyzerConfig::default().filter(Stage::Keys, OnlineZugang).build()?;
/// let table = analyzer.count(["kein Online Zugang", "ohne Onlinezugang"]).table(&TableOptions::default());
/// assert_eq!(table.terms[0].label, "Online Zugang");
/// assert_eq!(table.terms[0].variants.len(), 2);
/// # Ok::<(), wortwolke_text::Error>(())
/// ```
pub trait TokenFilter: Send + Sync + std::fmt::Debug {
    /// Rewrites keys, marks kinds or merges neighbouring tokens of one answer.
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>);

    /// The filter as a [`TokenRule`], if it decides every token by itself. Counting remembers
    /// what a run of rules made of each word ([`Tally`](crate::Tally)), so they run once per
    /// distinct word instead of once per occurrence.
    fn token_rule(&self) -> Option<&dyn TokenRule> {
        None
    }

    /// Whether [`TokenFilter::apply`] may change anything in `answer`: `false` only if it
    /// surely leaves every token of `answer` as it is (a cheap look at the text). Counting
    /// takes a fast path for answers no filter may change.
    fn may_apply(&self, _answer: &str) -> bool {
        true
    }

    /// Keys this filter gives a fixed label (key → label), such as a codebook's groups
    /// ([`MergeSynonyms`]): adding the filter to a chain gives the analyzer these labels, and
    /// every table shows them.
    fn labels(&self) -> Option<&std::collections::HashMap<String, String>> {
        None
    }
}

/// A filter that decides each token alone: from its surface text, its kind, its key and whether
/// it starts a sentence — never from its neighbours. Same inputs, same result: the analyzer may
/// reuse the result for every occurrence of the same word. Rules see every token but
/// separators, and must not turn a token into a separator (sentence starts are decided first).
///
/// Implement [`TokenFilter`] for it with [`apply_rule`] and return `Some(self)` from
/// [`TokenFilter::token_rule`].
///
/// # Example
/// ```
/// use wortwolke_text::filter::{apply_rule, TokenFilter, TokenRule};
/// use wortwolke_text::{AnalyzerConfig, Stage, TableOptions, Token, TokenKind};
///
/// /// `eAkte`, `E-Akte` and `E-akte` are one word.
/// #[derive(Debug)]
/// struct Akte;
///
/// impl TokenRule for Akte {
///     fn apply_token(&self, _surface: &str, _initial: bool, _kind: &mut TokenKind, key: &mut String) {
///         if matches!(key.replace('-', "").as_str(), "eakt" | "eakte") {
///             *key = "e-akt".into();
///         }
///     }
/// }
///
/// impl TokenFilter for Akte {
///     fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
///         apply_rule(self, answer, tokens);
///     }
///     fn token_rule(&self) -> Option<&dyn TokenRule> {
///         Some(self) // remembered per distinct word when counting
///     }
/// }
///
/// let analyzer = AnalyzerConfig::default().filter(Stage::Keys, Akte).build()?;
/// let table = analyzer.count(["die E-Akte fehlt", "keine eAkte"]).table(&TableOptions::default());
/// assert_eq!((table.terms[0].label.as_str(), table.terms[0].answers), ("E-Akte", 2));
/// # Ok::<(), wortwolke_text::Error>(())
/// ```
pub trait TokenRule: Send + Sync + std::fmt::Debug {
    /// Rewrites the `kind` and `key` of one token whose text is `surface`.
    fn apply_token(&self, surface: &str, initial: bool, kind: &mut TokenKind, key: &mut String);
}

/// Applies `rule` to every token of one answer (the [`TokenFilter::apply`] of a [`TokenRule`]).
///
/// # Example
/// ```
/// use wortwolke_text::filter::{apply_rule, TokenRule};
/// use wortwolke_text::{TokenKind, Tokenizer};
///
/// /// Marks the sentence-initial words with a `^`.
/// #[derive(Debug)]
/// struct MarkInitial;
/// impl TokenRule for MarkInitial {
///     fn apply_token(&self, _: &str, initial: bool, _: &mut TokenKind, key: &mut String) {
///         if initial {
///             key.insert(0, '^');
///         }
///     }
/// }
///
/// let answer = "Zeit fehlt. (Geld) auch";
/// let mut tokens = Tokenizer::default().tokenize(answer);
/// apply_rule(&MarkInitial, answer, &mut tokens);
/// let keys: Vec<&str> = tokens.iter().filter(|t| t.kind.is_word()).map(|t| t.key.as_str()).collect();
/// assert_eq!(keys, ["^Zeit", "fehlt", "^Geld", "auch"]);
/// ```
pub fn apply_rule(rule: &dyn TokenRule, answer: &str, tokens: &mut [Token]) {
    let mut start = SentenceStart::default();
    for token in tokens {
        let initial = start.step(token.kind);
        if token.kind.is_separator() {
            continue;
        }
        rule.apply_token(
            &answer[token.offset.clone()],
            initial,
            &mut token.kind,
            &mut token.key,
        );
    }
}

/// Tells, token by token, whether a token starts a sentence: the first token of an answer and
/// every token after a hard separator. Quotes and brackets (soft separators) before a word keep
/// it sentence-initial.
///
/// # Example
/// ```
/// use wortwolke_text::filter::SentenceStart;
/// use wortwolke_text::Tokenizer;
///
/// let mut start = SentenceStart::default();
/// let initial: Vec<bool> = Tokenizer::default()
///     .tokenize("Zeit fehlt. „Geld“")
///     .into_iter()
///     .map(|t| start.step(t.kind))
///     .collect();
/// // Zeit, fehlt, `.`, `„`, Geld, `“`
/// assert_eq!(initial, [true, false, false, true, true, false]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SentenceStart(bool);

impl Default for SentenceStart {
    fn default() -> Self {
        SentenceStart(true)
    }
}

impl SentenceStart {
    /// Whether the token of `kind` (the next one of the answer) starts a sentence.
    pub fn step(&mut self, kind: TokenKind) -> bool {
        let initial = self.0;
        self.0 = match kind {
            TokenKind::Separator(Separator::Hard) => true,
            TokenKind::Separator(Separator::Soft) => initial,
            _ => false,
        };
        initial
    }
}

/// Replaces `tokens[range]` with one [`TokenKind::Word`](crate::TokenKind::Word) token that
/// spans them all and carries `key`. Shared by the multi-word filters.
pub(crate) fn merge_span(tokens: &mut Vec<Token>, range: std::ops::Range<usize>, key: String) {
    let first = &tokens[range.start];
    let merged = Token {
        offset: first.offset.start..tokens[range.end - 1].offset.end,
        position: first.position,
        kind: crate::TokenKind::Word,
        key,
    };
    tokens.splice(range, std::iter::once(merged));
}

/// Tokens from `start` on that are adjacent terms: no separator and no link or symbol between.
/// Returns the indices of the next `n` non-separator tokens if they follow without a gap.
pub(crate) fn run_of_words(tokens: &[Token], start: usize, n: usize) -> Option<Vec<usize>> {
    use crate::TokenKind::{Number, StopWord, Word};
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    while out.len() < n {
        let t = tokens.get(i)?;
        if !matches!(t.kind, Word | StopWord | Number) {
            return None;
        }
        out.push(i);
        i += 1;
    }
    Some(out)
}
