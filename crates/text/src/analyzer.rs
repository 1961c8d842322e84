//! Analyzer: a tokenizer plus an ordered chain of filters.

use std::collections::HashMap;

use crate::error::Result;
use crate::filter::{
    Exclude, FoldUmlauts, GenderPairs, KeepNumbers, MergeGender, MergeSynonyms, MinLength,
    Negation, Normalize, Phrases, Stem, StopWords, TokenFilter, TokenRule,
};
use crate::list::ListSplit;
use crate::{
    Counted, Counter, Language, NoAnswer, StopWordList, SynonymMap, Tally, Token, Tokenizer,
};

/// Answers per block of work in [`Analyzer::count_parallel`].
pub const PARALLEL_BLOCK: usize = 4096;

/// Turns one answer into tokens: tokenize, then every filter in order.
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
/// ```
#[derive(Debug)]
pub struct Analyzer {
    tokenizer: Tokenizer,
    filters: Vec<Box<dyn TokenFilter>>,
    /// How many filters at the start of the chain are token rules.
    rules: usize,
    labels: HashMap<String, String>,
    no_answer: NoAnswer,
    /// List answers: split into mentions, each one term.
    list: Option<ListSplit>,
}

/// Builds an [`Analyzer`] from a tokenizer and filters, applied in the order added.
#[derive(Debug)]
pub struct AnalyzerBuilder {
    analyzer: Analyzer,
}

impl AnalyzerBuilder {
    /// Appends a filter to the chain.
    pub fn filter(mut self, filter: impl TokenFilter + 'static) -> Self {
        self.analyzer.filters.push(Box::new(filter));
        self
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
    /// use wortwolke_text::{Analyzer, AnalyzerConfig, TokenKind};
    ///
    /// let analyzer = Analyzer::from_config(&AnalyzerConfig { split_list: Some(",".into()), ..Default::default() }).unwrap();
    /// let answer = "Dataport, dataport, Form-Solutions";
    /// let keys: Vec<String> = analyzer.analyze(answer).into_iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.key).collect();
    /// assert_eq!(keys[0], keys[1]);
    /// assert_eq!(keys.len(), 3);
    /// ```
    pub fn split_list(mut self, chars: &str) -> Self {
        self.analyzer.list = Some(ListSplit::new(chars));
        self
    }

    /// Fixes the labels of some keys (as the synonym filter does for its groups).
    pub fn labels(mut self, labels: HashMap<String, String>) -> Self {
        self.analyzer.labels.extend(labels);
        self
    }

    /// Whether `key` has a fixed label (a codebook group's key).
    fn has_label(&self, key: &str) -> bool {
        self.analyzer.labels.contains_key(key)
    }

    /// The analyzer.
    pub fn build(mut self) -> Analyzer {
        let filters = &self.analyzer.filters;
        self.analyzer.rules = filters
            .iter()
            .take_while(|f| f.token_rule().is_some())
            .count();
        self.analyzer
    }
}

/// Everything that configures the standard analysis chain; the CLI's flags map onto it.
#[derive(Debug, Clone)]
pub struct AnalyzerConfig {
    /// Language of the answers: stemmer and built-in stop words.
    pub language: Language,
    /// Use the built-in stop word list of the language.
    pub default_stopwords: bool,
    /// Additional stop words (analyst's lists).
    pub extra_stopwords: StopWordList,
    /// Group inflected forms (stemming); off: only case and spelling are normalized.
    pub stem: bool,
    /// Fold umlauts and ß in keys (`Buerger` = `Bürger`).
    pub fold_umlauts: bool,
    /// Count numbers and years as terms.
    pub keep_numbers: bool,
    /// Join negations with the next content word (`keine Priorität`).
    pub keep_negation: bool,
    /// The analyst's codebook.
    pub synonyms: Option<SynonymMap>,
    /// Multi-word terms, as text (`Digitale Modellregion`).
    pub phrases: Vec<String>,
    /// Multi-word terms as key sequences (from [`PhraseDetector`](crate::PhraseDetector)):
    /// sequences that differ only in case are one term; a sequence with a codebook group's
    /// key in it is left out (the group keeps its answers).
    pub detected_phrases: Vec<Vec<String>>,
    /// Which answers say nothing.
    pub no_answer: NoAnswer,
    /// List answers: split into mentions at these characters (`\n`: line breaks), each one
    /// term (see [`AnalyzerBuilder::split_list`]).
    pub split_list: Option<String>,
    /// Words and terms that never count (see [`Exclude`]): words, codebook labels, phrases.
    pub exclude: Vec<String>,
    /// Person nouns whose plain masculine and feminine forms join the inclusive term (see
    /// [`MergeGender`]), as found by
    /// [`PhraseDetector::gender_bases`](crate::PhraseDetector::gender_bases).
    pub gender_bases: Vec<String>,
}

impl Default for AnalyzerConfig {
    fn default() -> Self {
        AnalyzerConfig {
            language: Language::German,
            default_stopwords: true,
            extra_stopwords: StopWordList::new(),
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
        }
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

    /// The default German chain: normalize, stop words, stem, gender pairs.
    pub fn german() -> Analyzer {
        Self::base(&AnalyzerConfig::default()).build()
    }

    /// The single-word part of the standard chain (everything up to synonyms and phrases).
    fn base(config: &AnalyzerConfig) -> AnalyzerBuilder {
        let mut stopwords = if config.default_stopwords {
            StopWordList::for_language(config.language)
        } else {
            StopWordList::new()
        };
        stopwords.extend(config.extra_stopwords.clone());
        let mut builder = Analyzer::builder(Tokenizer::default())
            .filter(Normalize)
            .no_answer(config.no_answer.clone());
        if config.keep_numbers {
            builder = builder.filter(KeepNumbers);
        }
        builder = builder
            .filter(StopWords::new(stopwords))
            .filter(MinLength(2));
        if config.stem {
            builder = builder.filter(Stem::new(config.language));
        }
        if config.fold_umlauts {
            builder = builder.filter(FoldUmlauts);
        }
        if !config.gender_bases.is_empty() {
            builder = builder.filter(MergeGender::new(config.gender_bases.iter().cloned()));
        }
        if config.language == Language::German {
            builder = builder.filter(GenderPairs {
                fold_umlauts: config.fold_umlauts,
            });
        }
        builder
    }

    /// The standard chain for `config`: normalize → numbers → stop words → length → stem → fold →
    /// gender pairs (German) → synonyms → phrases → negation → exclusions. Fails only on a codebook that contradicts
    /// itself.
    pub fn from_config(config: &AnalyzerConfig) -> Result<Analyzer> {
        let base = Self::base(config).build();
        let mut builder = Self::base(config);
        if let Some(map) = &config.synonyms {
            let synonyms = MergeSynonyms::new(map, &base)?;
            builder = builder.labels(synonyms.labels().clone()).filter(synonyms);
        }
        if !config.phrases.is_empty() {
            builder = builder.filter(Phrases::from_texts(&config.phrases, &base));
        }
        // codebook groups win: a detected phrase with a group in it would take its answers
        let detected = config
            .detected_phrases
            .iter()
            .filter(|keys| !keys.iter().any(|k| builder.has_label(k)))
            .cloned();
        let detected = Phrases::from_keys(detected);
        if !detected.is_empty() {
            builder = builder.filter(detected);
        }
        if config.keep_negation {
            builder = builder.filter(Negation);
        }
        if !config.exclude.is_empty() {
            // entries are read by the chain they exclude from, as running text
            let before = Self::from_config(&AnalyzerConfig {
                exclude: Vec::new(),
                split_list: None,
                ..config.clone()
            })?;
            let exclude = Exclude::new(&config.exclude, &before);
            if !exclude.is_empty() {
                builder = builder.filter(exclude);
            }
        }
        if let Some(chars) = &config.split_list {
            builder = builder.split_list(chars);
        }
        Ok(builder.build())
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

    /// Counts `answers` on `threads` threads. The answers are cut into blocks of
    /// [`PARALLEL_BLOCK`] that threads take in turn, each thread with its own [`Tally`] placing
    /// every block at its position in the input, so the merged result equals
    /// [`Analyzer::count`] for any number of threads.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::Analyzer;
    ///
    /// let analyzer = Analyzer::german();
    /// let answers: Vec<&str> = ["Personal fehlt", "k.A.", "Zeit und Personal"].repeat(3000);
    /// assert_eq!(analyzer.count_parallel(&answers, 2), analyzer.count(&answers));
    /// ```
    pub fn count_parallel<S: AsRef<str> + Sync>(&self, answers: &[S], threads: usize) -> Counted {
        let blocks: Vec<&[S]> = answers.chunks(PARALLEL_BLOCK).collect();
        let threads = threads.clamp(1, blocks.len().max(1));
        if threads == 1 {
            return self.count(answers);
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let counters: Vec<Counter> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut tally = Tally::new(self);
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(block) = blocks.get(i) else { break };
                            tally.seek((i * PARALLEL_BLOCK) as u64);
                            for answer in *block {
                                tally.count(answer.as_ref());
                            }
                        }
                        tally.into_counter()
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().expect("a counting thread panicked"))
                .collect()
        });
        let mut total = Counter::default();
        for c in counters {
            total.merge(c);
        }
        self.finish(total)
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
    pub(crate) fn sequence_filters(&self) -> &[Box<dyn TokenFilter>] {
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
        let a = Analyzer::from_config(&AnalyzerConfig {
            keep_numbers: true,
            ..Default::default()
        })
        .unwrap();
        assert_eq!(collect(&a, "2021"), [("2021".into(), Word)]);
    }

    #[test]
    fn negation_joins_only_adjacent_content_word() {
        let config = AnalyzerConfig {
            keep_negation: true,
            ..Default::default()
        };
        let a = Analyzer::from_config(&config).unwrap();
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
