//! Analyzer: a tokenizer plus an ordered chain of filters.

use std::collections::HashMap;
use std::sync::Arc;

use crate::error::Result;
use crate::filter::{
    Exclude, FoldUmlauts, GenderPairs, KeepNumbers, MergeGender, MergeSynonyms, MinLength,
    Negation, Normalize, Phrases, Stem, StopWords, TokenFilter, TokenRule,
};
use crate::list::ListSplit;
use crate::{
    Counted, Counter, Language, NoAnswer, StopWordList, SynonymMap, Tally, Token, Tokenizer,
};

/// Turns one answer into tokens: tokenize, then every filter in order.
///
/// Most programs start from the standard chain, [`Analyzer::german`] or an
/// [`AnalyzerConfig`]; [`Analyzer::builder`] makes a chain of your own.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Language, StopWordList, Tokenizer, TokenKind};
/// use wortwolke_text::filter::{Normalize, Stem, StopWords};
///
/// let analyzer = Analyzer::builder(Tokenizer::default())
///     .filter(Normalize)                          // stemmer expects case-folded keys
///     .filter(StopWords::new(StopWordList::german()))
///     .filter(Stem::new(Language::German))
///     .build();
/// let answer = "Die Dienste der Kommunen";
/// let keys: Vec<String> = analyzer
///     .analyze(answer)
///     .into_iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| t.key)
///     .collect();
/// assert_eq!(keys, ["dienst", "kommun"]);
/// // Debug is short: the filters by name, not the stop word list
/// assert_eq!(format!("{analyzer:?}"), "Analyzer { filters: [Normalize, StopWords, Stem], labels: 0, splits_lists: false }");
/// ```
#[derive(Clone)]
pub struct Analyzer {
    tokenizer: Tokenizer,
    filters: Vec<Arc<dyn TokenFilter>>,
    /// How many filters at the start of the chain are token rules.
    rules: usize,
    labels: HashMap<String, String>,
    no_answer: NoAnswer,
    /// List answers: split into mentions, each one term.
    list: Option<ListSplit>,
}

/// The name of a filter: its `Debug` text up to the first bracket or space.
fn filter_name(filter: &dyn TokenFilter) -> String {
    let text = format!("{filter:?}");
    let end = text.find([' ', '(', '{', '[']).unwrap_or(text.len());
    text[..end].to_owned()
}

/// Short: the filters by name and how many labels, not their word lists.
impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct Name<'a>(&'a dyn TokenFilter);
        impl std::fmt::Debug for Name<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&filter_name(self.0))
            }
        }
        struct Names<'a>(&'a [Arc<dyn TokenFilter>]);
        impl std::fmt::Debug for Names<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_list()
                    .entries(self.0.iter().map(|filter| Name(filter.as_ref())))
                    .finish()
            }
        }
        f.debug_struct("Analyzer")
            .field("filters", &Names(&self.filters))
            .field("labels", &self.labels.len())
            .field("splits_lists", &self.list.is_some())
            .finish()
    }
}

/// Builds an [`Analyzer`] from a tokenizer and filters, applied in the order added.
///
/// A filter's fixed labels (a codebook's, [`TokenFilter::labels`]) become the analyzer's
/// labels when the filter is added.
#[derive(Debug)]
pub struct AnalyzerBuilder {
    analyzer: Analyzer,
}

impl AnalyzerBuilder {
    /// Appends a filter to the chain, and its labels ([`TokenFilter::labels`]) to the
    /// analyzer's.
    pub fn filter(mut self, filter: impl TokenFilter + 'static) -> Self {
        self.push(Arc::new(filter));
        self
    }

    fn push(&mut self, filter: Arc<dyn TokenFilter>) {
        if let Some(labels) = filter.labels() {
            self.analyzer
                .labels
                .extend(labels.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        self.analyzer.filters.push(filter);
    }

    /// Appends the filter `make` builds from the chain so far (filters that read their
    /// entries as the answers will be read, like [`Phrases::from_texts`]).
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, Tokenizer, TokenKind};
    /// use wortwolke_text::filter::{Normalize, Phrases, Stem};
    /// use wortwolke_text::Language;
    ///
    /// let analyzer = Analyzer::builder(Tokenizer::default())
    ///     .filter(Normalize)
    ///     .filter(Stem::new(Language::German))
    ///     .filter_with(|before| Phrases::from_texts(&["Digitale Akte"], before))
    ///     .build();
    /// let words = analyzer.analyze("digitalen Akten").into_iter().filter(|t| t.kind == TokenKind::Word).count();
    /// assert_eq!(words, 1);
    /// ```
    pub fn filter_with<F: TokenFilter + 'static>(self, make: impl FnOnce(&Analyzer) -> F) -> Self {
        let filter = make(&self.chain());
        self.filter(filter)
    }

    /// Appends the codebook `map`, compiled with the chain so far (so that its variants are
    /// matched as the answers are analysed), and its labels: each group is labelled by its
    /// left side. A codebook that contradicts itself is an error naming both lines.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, SynonymMap, TableOptions, Tokenizer, Language};
    /// use wortwolke_text::filter::{Normalize, Stem, StopWords};
    /// use wortwolke_text::StopWordList;
    ///
    /// let codes = SynonymMap::from_reader("codes.txt", "Personalmangel = fehlendes Personal".as_bytes())?;
    /// let analyzer = Analyzer::builder(Tokenizer::default())
    ///     .filter(Normalize)
    ///     .filter(StopWords::new(StopWordList::german()))
    ///     .filter(Stem::new(Language::German))
    ///     .synonyms(&codes)?
    ///     .build();
    /// let table = analyzer.count(["Fehlendes Personal", "wegen fehlendem Personal"]).table(&TableOptions::default());
    /// assert_eq!((table.terms[0].label.as_str(), table.terms[0].answers), ("Personalmangel", 2));
    /// # Ok::<(), wortwolke_text::Error>(())
    /// ```
    pub fn synonyms(self, map: &SynonymMap) -> Result<Self> {
        let filter = MergeSynonyms::new(map, &self.chain())?;
        Ok(self.filter(filter))
    }

    /// Sets which answers count as no answer (default: [`NoAnswer::default`]).
    pub fn no_answer(mut self, no_answer: NoAnswer) -> Self {
        self.analyzer.no_answer = no_answer;
        self
    }

    /// Treats every answer as a list: split into mentions at `chars` (`\n`: line breaks),
    /// each mention analysed by the chain and counted as one term, its case ignored.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{AnalyzerConfig, TokenKind};
    ///
    /// let analyzer = AnalyzerConfig::default().split_list(",").build().unwrap();
    /// let answer = "Dataport, dataport, Form-Solutions";
    /// let keys: Vec<String> = analyzer.analyze(answer).into_iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.key).collect();
    /// assert_eq!(keys[0], keys[1]);
    /// assert_eq!(keys.len(), 3);
    /// ```
    pub fn split_list(mut self, chars: &str) -> Self {
        self.analyzer.list = Some(ListSplit::new(chars));
        self
    }

    /// Whether `key` has a fixed label (a codebook group's key).
    fn has_label(&self, key: &str) -> bool {
        self.analyzer.labels.contains_key(key)
    }

    /// The analyzer of the chain so far.
    fn chain(&self) -> Analyzer {
        self.analyzer.clone().finished()
    }

    /// The analyzer.
    pub fn build(self) -> Analyzer {
        self.analyzer.finished()
    }
}

/// Where [`AnalyzerConfig::filter`] puts a filter of your own in the standard chain.
///
/// The chain: normalize → numbers (if kept) → stop words → minimum length → **`Words`** → stem →
/// fold umlauts → gender forms → **`Keys`** → codebook → phrases → detected phrases → negation
/// → **`Terms`** → exclusions. Several filters at one stage run in the order added.
///
/// # Example
/// ```
/// use wortwolke_text::filter::MinLength;
/// use wortwolke_text::{AnalyzerConfig, Stage, TokenKind};
///
/// // a second length rule before stemming: words of fewer than 4 letters are no terms
/// let analyzer = AnalyzerConfig::default().filter(Stage::Words, MinLength(4)).build()?;
/// let words: Vec<String> = analyzer.analyze("IT fehlt").into_iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.key).collect();
/// assert_eq!(words.len(), 1);
/// # Ok::<(), wortwolke_text::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// Before stemming: keys are case-folded words ([`TokenKind::StopWord`](crate::TokenKind)
    /// already marked). A filter here shapes what codebook, phrases and exclusions match.
    Words,
    /// After stemming and gender forms, before the codebook: keys are grouping keys.
    Keys,
    /// After codebook, phrases and negation, before exclusions: keys are the terms counted.
    Terms,
}

/// The standard analysis chain, configured step by step; the CLI's flags map onto it.
///
/// Defaults ([`AnalyzerConfig::default`], the chain of [`Analyzer::german`]):
///
/// | setting | default | CLI flag |
/// |---|---|---|
/// | [`language`](AnalyzerConfig::new) | German | `--lang` |
/// | [`default_stopwords`](AnalyzerConfig::default_stopwords) | `true`: the language's built-in list | `--no-default-stopwords` |
/// | [`stopwords`](AnalyzerConfig::stopwords) | none added | `--stopwords` |
/// | [`min_length`](AnalyzerConfig::min_length) | 2 characters | |
/// | [`stem`](AnalyzerConfig::stem) | `true` | `--no-stem` |
/// | [`fold_umlauts`](AnalyzerConfig::fold_umlauts) | `false` | `--fold-umlauts` |
/// | [`keep_numbers`](AnalyzerConfig::keep_numbers) | `false` | `--keep-numbers` |
/// | [`keep_negation`](AnalyzerConfig::keep_negation) | `false` | `--keep-negation` |
/// | [`synonyms`](AnalyzerConfig::synonyms) | none | `--synonyms` |
/// | [`phrases`](AnalyzerConfig::phrases), [`detected_phrases`](AnalyzerConfig::detected_phrases) | none | `--phrases` |
/// | [`no_answer`](AnalyzerConfig::no_answer) | [`NoAnswer::default`] ([`DEFAULT_NO_ANSWER`](crate::DEFAULT_NO_ANSWER)) | `--no-answer` |
/// | [`split_list`](AnalyzerConfig::split_list) | off: answers are running text | `--split-list` |
/// | [`exclude`](AnalyzerConfig::exclude) | none | `--exclude` |
/// | [`gender_bases`](AnalyzerConfig::gender_bases) | none | `--merge-gender` |
/// | [`filter`](AnalyzerConfig::filter) | none | |
///
/// The order of the chain and the [`Stage`]s where filters of your own go are listed at
/// [`Stage`]. Filters that read entries (codebook, phrases, exclusions) are compiled in
/// [`build`](AnalyzerConfig::build) with the chain before them, your filters included.
///
/// # Example
/// ```
/// use wortwolke_text::{AnalyzerConfig, Stage, SynonymMap, TableOptions, Token, TokenKind};
/// use wortwolke_text::filter::TokenFilter;
///
/// /// Drops the word `Digitalisierung` (it is in every answer).
/// #[derive(Debug)]
/// struct NotDigital;
///
/// impl TokenFilter for NotDigital {
///     fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
///         for token in tokens.iter_mut().filter(|t| t.key.starts_with("digitalisier")) {
///             token.kind = TokenKind::StopWord;
///         }
///     }
/// }
///
/// let codes = SynonymMap::from_reader("codes.txt", "Personalmangel = fehlendes Personal".as_bytes())?;
/// let analyzer = AnalyzerConfig::default()
///     .min_length(3)
///     .synonyms(codes)
///     .filter(Stage::Keys, NotDigital)
///     .build()?;
/// let table = analyzer.count(["Digitalisierung: fehlendes Personal", "IT fehlt, Personal fehlt"]).table(&TableOptions::default());
/// let labels: Vec<&str> = table.terms.iter().map(|t| t.label.as_str()).collect();
/// assert_eq!(labels, ["Personal", "Personalmangel", "fehlt"]); // `IT` is shorter than 3
/// # Ok::<(), wortwolke_text::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AnalyzerConfig {
    language: Language,
    default_stopwords: bool,
    extra_stopwords: StopWordList,
    min_length: usize,
    stem: bool,
    fold_umlauts: bool,
    keep_numbers: bool,
    keep_negation: bool,
    synonyms: Option<SynonymMap>,
    phrases: Vec<String>,
    detected_phrases: Vec<Vec<String>>,
    no_answer: NoAnswer,
    split_list: Option<String>,
    exclude: Vec<String>,
    gender_bases: Vec<String>,
    filters: Vec<(Stage, Arc<dyn TokenFilter>)>,
}

/// The German chain of [`Analyzer::german`]: see the table at [`AnalyzerConfig`].
impl Default for AnalyzerConfig {
    fn default() -> Self {
        AnalyzerConfig::new(Language::German)
    }
}

impl AnalyzerConfig {
    /// The standard chain for answers in `language`, every other setting at its default (the
    /// table at [`AnalyzerConfig`]).
    pub fn new(language: Language) -> Self {
        AnalyzerConfig {
            language,
            default_stopwords: true,
            extra_stopwords: StopWordList::new(),
            min_length: 2,
            stem: true,
            fold_umlauts: false,
            keep_numbers: false,
            keep_negation: false,
            synonyms: None,
            phrases: Vec::new(),
            detected_phrases: Vec::new(),
            no_answer: NoAnswer::default(),
            split_list: None,
            exclude: Vec::new(),
            gender_bases: Vec::new(),
            filters: Vec::new(),
        }
    }

    /// Whether the language's built-in stop word list is used (default: `true`).
    pub fn default_stopwords(mut self, on: bool) -> Self {
        self.default_stopwords = on;
        self
    }

    /// Adds stop words (an analyst's list) to the built-in ones, or to none.
    pub fn stopwords(mut self, list: StopWordList) -> Self {
        self.extra_stopwords.extend(list);
        self
    }

    /// Words shorter than `chars` characters are not terms (default: 2, so that `IT` and
    /// `DB` count and a stray `x` does not); see [`MinLength`].
    pub fn min_length(mut self, chars: usize) -> Self {
        self.min_length = chars;
        self
    }

    /// Whether inflected forms are grouped by stemming (default: `true`); off, only case and
    /// spelling are normalized.
    pub fn stem(mut self, on: bool) -> Self {
        self.stem = on;
        self
    }

    /// Whether umlauts and ß are folded in keys, so that `Buerger` = `Bürger` (default: `false`).
    pub fn fold_umlauts(mut self, on: bool) -> Self {
        self.fold_umlauts = on;
        self
    }

    /// Whether numbers and years count as terms (default: `false`).
    pub fn keep_numbers(mut self, on: bool) -> Self {
        self.keep_numbers = on;
        self
    }

    /// Whether negations join the next content word, as in `keine Priorität` (default: `false`).
    pub fn keep_negation(mut self, on: bool) -> Self {
        self.keep_negation = on;
        self
    }

    /// The analyst's codebook (default: none): compiled in [`build`](Self::build) with the
    /// chain before it; its groups are labelled by their left sides in every table.
    pub fn synonyms(mut self, map: SynonymMap) -> Self {
        self.synonyms = Some(map);
        self
    }

    /// Multi-word terms, as text (`Digitale Modellregion`), matched ignoring inflection
    /// (default: none); see [`Phrases`].
    pub fn phrases<S: Into<String>>(mut self, phrases: impl IntoIterator<Item = S>) -> Self {
        self.phrases.extend(phrases.into_iter().map(Into::into));
        self
    }

    /// Multi-word terms as key sequences, as found by
    /// [`PhraseDetector::phrases`](crate::PhraseDetector::phrases) (default: none): sequences
    /// that differ only in case are one term; a sequence with a codebook group's key in it is
    /// left out (the group keeps its answers).
    pub fn detected_phrases(mut self, phrases: impl IntoIterator<Item = Vec<String>>) -> Self {
        self.detected_phrases.extend(phrases);
        self
    }

    /// Which answers say nothing (default: [`NoAnswer::default`]).
    pub fn no_answer(mut self, no_answer: NoAnswer) -> Self {
        self.no_answer = no_answer;
        self
    }

    /// Answers are lists: split into mentions at these characters (`\n`: line breaks), each
    /// one term (default: off; see [`AnalyzerBuilder::split_list`]).
    pub fn split_list(mut self, chars: impl Into<String>) -> Self {
        self.split_list = Some(chars.into());
        self
    }

    /// Words and terms that never count (default: none): words, codebook labels, phrases,
    /// matched like codebook variants (see [`Exclude`]).
    pub fn exclude<S: Into<String>>(mut self, entries: impl IntoIterator<Item = S>) -> Self {
        self.exclude.extend(entries.into_iter().map(Into::into));
        self
    }

    /// Person nouns whose plain masculine and feminine forms join the inclusive term
    /// (default: none; see [`MergeGender`]), as found by
    /// [`PhraseDetector::gender_bases`](crate::PhraseDetector::gender_bases).
    pub fn gender_bases<S: Into<String>>(mut self, bases: impl IntoIterator<Item = S>) -> Self {
        self.gender_bases.extend(bases.into_iter().map(Into::into));
        self
    }

    /// Adds a filter of your own at `stage` of the chain (see [`Stage`]); its labels
    /// ([`TokenFilter::labels`]) become the analyzer's.
    pub fn filter(mut self, stage: Stage, filter: impl TokenFilter + 'static) -> Self {
        self.filters.push((stage, Arc::new(filter)));
        self
    }

    /// Appends the filters added at `stage`.
    fn stage(&self, stage: Stage, builder: &mut AnalyzerBuilder) {
        for (_, filter) in self.filters.iter().filter(|(s, _)| *s == stage) {
            builder.push(Arc::clone(filter));
        }
    }

    /// The single-word part of the chain (everything up to the codebook).
    fn base(&self) -> AnalyzerBuilder {
        let mut stopwords = if self.default_stopwords {
            StopWordList::for_language(self.language)
        } else {
            StopWordList::new()
        };
        stopwords.extend(self.extra_stopwords.clone());
        let mut builder = Analyzer::builder(Tokenizer::default())
            .filter(Normalize)
            .no_answer(self.no_answer.clone());
        if self.keep_numbers {
            builder = builder.filter(KeepNumbers);
        }
        builder = builder
            .filter(StopWords::new(stopwords))
            .filter(MinLength(self.min_length));
        self.stage(Stage::Words, &mut builder);
        if self.stem {
            builder = builder.filter(Stem::new(self.language));
        }
        if self.fold_umlauts {
            builder = builder.filter(FoldUmlauts);
        }
        if !self.gender_bases.is_empty() {
            builder = builder.filter(MergeGender::new(self.gender_bases.iter().cloned()));
        }
        if self.language == Language::German {
            builder = builder.filter(GenderPairs {
                fold_umlauts: self.fold_umlauts,
            });
        }
        self.stage(Stage::Keys, &mut builder);
        builder
    }

    /// The analyzer: the chain listed at [`Stage`]. Fails only on a codebook that contradicts
    /// itself (a variant in two groups, a group without a word).
    pub fn build(&self) -> Result<Analyzer> {
        let mut builder = self.base();
        // phrases are read by the single-word chain, as the codebook's variants are
        let base = builder.chain();
        if let Some(map) = &self.synonyms {
            builder = builder.synonyms(map)?;
        }
        if !self.phrases.is_empty() {
            builder = builder.filter(Phrases::from_texts(&self.phrases, &base));
        }
        // codebook groups win: a detected phrase with a group in it would take its answers
        let detected = self
            .detected_phrases
            .iter()
            .filter(|keys| !keys.iter().any(|k| builder.has_label(k)))
            .cloned();
        let detected = Phrases::from_keys(detected);
        if !detected.is_empty() {
            builder = builder.filter(detected);
        }
        if self.keep_negation {
            builder = builder.filter(Negation);
        }
        self.stage(Stage::Terms, &mut builder);
        if !self.exclude.is_empty() {
            // entries are read by the chain they exclude from, as running text
            let exclude = Exclude::new(&self.exclude, &builder.chain());
            if !exclude.is_empty() {
                builder = builder.filter(exclude);
            }
        }
        if let Some(chars) = &self.split_list {
            builder = builder.split_list(chars);
        }
        Ok(builder.build())
    }
}

impl Analyzer {
    /// Starts a chain with `tokenizer` and no filters.
    pub fn builder(tokenizer: Tokenizer) -> AnalyzerBuilder {
        AnalyzerBuilder {
            analyzer: Analyzer {
                tokenizer,
                filters: Vec::new(),
                rules: 0,
                labels: HashMap::new(),
                no_answer: NoAnswer::default(),
                list: None,
            },
        }
    }

    /// The default German chain, [`AnalyzerConfig::default`]: normalize, stop words, minimum
    /// length 2, stem, gender pairs.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, AnalyzerConfig};
    ///
    /// let german = Analyzer::german();
    /// assert_eq!(german.analyze("Fehlendes Personal"), AnalyzerConfig::default().build().unwrap().analyze("Fehlendes Personal"));
    /// ```
    pub fn german() -> Analyzer {
        AnalyzerConfig::default().base().build()
    }

    /// Counts how many filters at the start are token rules.
    fn finished(mut self) -> Analyzer {
        self.rules = self
            .filters
            .iter()
            .take_while(|f| f.token_rule().is_some())
            .count();
        self
    }

    /// Tokens of one answer, every filter applied.
    pub fn analyze(&self, answer: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        self.analyze_into(answer, &mut tokens);
        tokens
    }

    /// Like [`Analyzer::analyze`], into `tokens` (cleared first), reusing its buffers.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::Analyzer;
    ///
    /// let analyzer = Analyzer::german();
    /// let mut tokens = Vec::new();
    /// for answer in ["Personal fehlt", "Zeit"] {
    ///     analyzer.analyze_into(answer, &mut tokens);
    ///     assert_eq!(tokens, analyzer.analyze(answer));
    /// }
    /// ```
    pub fn analyze_into(&self, answer: &str, tokens: &mut Vec<Token>) {
        match &self.list {
            Some(list) => {
                // split characters inside a URL or e-mail address do not split it
                self.tokenizer.tokenize_into(answer, tokens);
                let links: Vec<std::ops::Range<usize>> = tokens
                    .iter()
                    .filter(|t| t.kind == crate::TokenKind::Link)
                    .map(|t| t.offset.clone())
                    .collect();
                list.tokens(answer, &links, tokens, |mention| self.mention(mention));
            }
            None => self.analyze_text_into(answer, tokens),
        }
    }

    /// The chain on running text.
    fn analyze_text_into(&self, answer: &str, tokens: &mut Vec<Token>) {
        self.tokenizer.tokenize_into(answer, tokens);
        for filter in &self.filters {
            filter.apply(answer, tokens);
        }
    }

    /// One mention of a list answer: the key of its words read as names (capitalised), after
    /// the whole chain (the codebook included); `None` for a no-answer or a mention without a
    /// content word (a link, a handle, `siehe oben`).
    fn mention(&self, mention: &str) -> Option<crate::list::Mention> {
        use crate::TokenKind::{Number, StopWord, Word};
        if self.is_no_answer(mention) {
            return None;
        }
        let text = crate::list::capitalised(mention);
        let mut tokens = Vec::new();
        self.analyze_text_into(&text, &mut tokens);
        // what counts: words, numbers and the stop words between them (`zu wenig Personal`),
        // not the stop words around them (`siehe Dataport`, `auch Civento`)
        let content: Vec<&crate::Token> = tokens
            .iter()
            .filter(|t| matches!(t.kind, Word | StopWord | Number))
            .collect();
        let first = content.iter().position(|t| t.kind != StopWord)?;
        let last = content.iter().rposition(|t| t.kind != StopWord)?;
        let content = &content[first..=last];
        let words = content.iter().filter(|t| t.kind == Word).count();
        if words == 0 {
            return None;
        }
        let keys: Vec<&str> = content
            .iter()
            .map(|t| crate::case::OpenKey::parse(&t.key).map_or(t.key.as_str(), |o| o.capital))
            .collect();
        // capitals keep the length of almost every text; where they do not, the whole mention
        let span = if text.len() == mention.len() {
            let start = content[0].offset.start;
            let mut end = content[content.len() - 1].offset.end;
            // a bracket opened inside the mention closes inside it (`Summe(1)`)
            for (open, close) in [('(', ')'), ('[', ']')] {
                let opened = |end: usize| {
                    let inner = &mention[start..end];
                    inner.matches(open).count() > inner.matches(close).count()
                };
                while opened(end) && mention[end..].starts_with(close) {
                    end += close.len_utf8();
                }
            }
            start..end
        } else {
            0..mention.len()
        };
        Some(crate::list::Mention {
            key: keys.join(" "),
            one_term: words == 1 && keys.len() == 1,
            span,
        })
    }

    /// Whether answers are lists (see [`AnalyzerBuilder::split_list`]).
    pub(crate) fn splits_lists(&self) -> bool {
        self.list.is_some()
    }

    /// Whether `answer` counts as no answer.
    pub fn is_no_answer(&self, answer: &str) -> bool {
        self.no_answer.is_no_answer(answer)
    }

    /// Analyses `answer` and counts it (or counts a no-answer) into `counter`: the plain chain,
    /// every filter on every word. To count many answers, a [`Tally`] is much faster.
    pub fn count_into(&self, answer: &str, counter: &mut Counter) {
        if self.is_no_answer(answer) {
            counter.add_no_answer();
            return;
        }
        counter.add(answer, &self.analyze(answer));
    }

    /// Counts all `answers` (through a [`Tally`]): the finished count, with this analyzer's
    /// labels.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::Analyzer;
    ///
    /// let answers = vec![String::from("Personal fehlt"), String::from("zu wenig Personal")];
    /// let table = Analyzer::german().count(&answers).table(&Default::default());
    /// assert_eq!((table.terms[0].label.as_str(), table.terms[0].answers), ("Personal", 2));
    /// ```
    pub fn count<S: AsRef<str>>(&self, answers: impl IntoIterator<Item = S>) -> Counted {
        let mut tally = Tally::new(self);
        for answer in answers {
            tally.count(answer.as_ref());
        }
        tally.finish()
    }

    /// The finished count of `counter` (counted with this analyzer, perhaps merged from
    /// several tallies): the case of sentence-start words decided over all its answers, and
    /// the codebook's labels.
    pub fn finish(&self, counter: Counter) -> Counted {
        Counted::new(counter, self.labels.clone())
    }

    /// The tokenizer the chain starts with.
    pub(crate) fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The token rules at the start of the chain (see [`TokenFilter::token_rule`]).
    pub(crate) fn token_rules(&self) -> impl Iterator<Item = &dyn TokenRule> {
        self.filters[..self.rules]
            .iter()
            .filter_map(|f| f.token_rule())
    }

    /// The filters after the token rules: they see whole answers.
    pub(crate) fn sequence_filters(&self) -> &[Arc<dyn TokenFilter>] {
        &self.filters[self.rules..]
    }

    /// Key → fixed label (synonym groups are labelled by the codebook's left side).
    pub fn labels(&self) -> &HashMap<String, String> {
        &self.labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::collect;
    use crate::TokenKind::{StopWord, Word};

    #[test]
    fn german_chain_marks_stop_words_and_abbreviations() {
        let a = Analyzer::german();
        assert_eq!(
            collect(&a, "z. B. die E-Akte"),
            [
                ("z. B.".into(), StopWord),
                ("die".into(), StopWord),
                ("E-Akte".into(), Word)
            ]
        );
    }

    #[test]
    fn numbers_only_with_keep_numbers() {
        let a = Analyzer::german();
        assert!(collect(&a, "2021").iter().all(|(_, k)| *k != Word));
        let a = AnalyzerConfig::default()
            .keep_numbers(true)
            .build()
            .unwrap();
        assert_eq!(collect(&a, "2021"), [("2021".into(), Word)]);
    }

    #[test]
    fn negation_joins_only_adjacent_content_word() {
        let a = AnalyzerConfig::default()
            .keep_negation(true)
            .build()
            .unwrap();
        assert_eq!(
            collect(&a, "keinen Bedarf"),
            [("keinen Bedarf".into(), Word)]
        );
        assert_eq!(
            collect(&a, "nicht, Bedarf"),
            [("nicht".into(), StopWord), ("Bedarf".into(), Word)]
        );
        let keys = |s: &str| a.analyze(s).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys("keine Priorität"), keys("kein Priorität"));
    }
}
