//! Tally: one worker's state for analysing and counting many answers with one analyzer.

use hashbrown::HashTable;

use crate::arena::{StrArena, StrRef};
use crate::vocabulary::{FormId, TermId};
use crate::{Analyzer, Counted, Counter, Token, TokenKind};

/// Words remembered per tally before the memo starts over (bounds its memory; the frequent
/// words are back after a few answers): a table of 64k slots, filled to hashbrown's 7/8.
const MEMO_LIMIT: usize = (1 << 16) / 8 * 7;

/// Analyses and counts answers with one [`Analyzer`], fast: what the analyzer's
/// [token rules](crate::filter::TokenRule) make of a word is remembered, so normalizing,
/// stop-word lookup and stemming run once per distinct word, not once per occurrence; when no
/// filter after the token rules may change an answer
/// ([`TokenFilter::may_apply`](crate::filter::TokenFilter::may_apply)), its words
/// are counted by number without hashing their keys again. Buffers are reused from answer to answer.
///
/// A tally is one thread's worker; [`Analyzer::count_parallel_with`] runs one per thread and
/// merges their counters for you. The result equals [`Analyzer::count_into`] over the same
/// answers.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Counter, Tally};
///
/// let analyzer = Analyzer::german();
/// let mut tally = Tally::new(&analyzer);
/// for answer in ["Personal fehlt", "k.A.", "Zeit und Personal"] {
///     tally.count(answer);
/// }
/// let mut plain = Counter::default();
/// for answer in ["Personal fehlt", "k.A.", "Zeit und Personal"] {
///     analyzer.count_into(answer, &mut plain);
/// }
/// assert_eq!(tally.counter(), &plain);
/// let table = tally.finish().table(&Default::default());
/// assert_eq!((table.terms[0].label.as_str(), table.terms[0].answers), ("Personal", 2));
/// ```
#[derive(Debug)]
pub struct Tally<'a> {
    analyzer: &'a Analyzer,
    counter: Counter,
    memo: WordMemo,
    /// The most frequent words' memo entries again, in a table small enough to stay in the
    /// second-level cache: most words of an answer are found here.
    front: Box<[Slot]>,
    tokens: Vec<Token>,
    scratch: crate::tokenize::Scratch,
}

/// What the token rules made of each word, by surface and situation.
#[derive(Debug, Default)]
struct WordMemo {
    table: HashTable<Entry>,
    /// The cold part of each entry (`Entry::word` indexes it).
    words: Vec<Word>,
    /// The keys and long surfaces of `words`.
    text: StrArena,
    /// Debug builds: words found in the memo, to re-run the rules on some of them.
    #[cfg(debug_assertions)]
    hits: u64,
}

/// Surfaces up to this many bytes are compared inside the table, without following a pointer.
const INLINE: usize = 24;

/// The hot part of a memo entry: small and self-contained, so that a lookup reads one entry.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The surface, zero-padded, if it is at most [`INLINE`] bytes long; else its start
    /// (as words: compared in three instructions, not by a call to `memcmp`).
    short: [u64; INLINE / 8],
    len: u32,
    /// The token's kind before the rules and whether it starts a sentence (see [`situation`]).
    situation: u8,
    /// The kind after the rules.
    kind: TokenKind,
    /// The word's term and form in the tally's counter once counted ([`NOT_COUNTED`] before).
    term: TermId,
    form: FormId,
    word: u32,
}

/// The term of a memo entry whose word was not counted yet.
const NOT_COUNTED: TermId = TermId::MAX;

/// The cold part of a memo entry.
#[derive(Debug)]
struct Word {
    /// The key after the rules.
    key: StrRef,
    /// The whole surface, if longer than [`INLINE`] bytes.
    long: Option<StrRef>,
}

/// One word looked up: its surface and situation, hashed and inlined once for both tables.
#[derive(Debug)]
struct Probe<'s> {
    surface: &'s str,
    kind: TokenKind,
    initial: bool,
    situation: u8,
    hash: u64,
    short: [u64; INLINE / 8],
}

impl<'s> Probe<'s> {
    fn new(surface: &'s str, kind: TokenKind, initial: bool) -> Self {
        let situation = situation(kind, initial);
        let short = inline(surface.as_bytes());
        Probe {
            surface,
            kind,
            initial,
            situation,
            hash: hash_word(situation, surface.len(), &short, || surface.as_bytes()),
            short,
        }
    }
}

/// Slots of the front table (32 bytes each: 128 KiB). 4096 slots catch 87 % of the words of the
/// generated million answers (512: 72 %) and make two workers ~12 % faster; one worker gains
/// nothing, but two share the last-level cache.
const FRONT_SLOTS: usize = 4096;

/// Words up to this many bytes go into the front table.
const FRONT_INLINE: usize = 16;

/// A front-table slot: a word of at most [`FRONT_INLINE`] bytes with its kind after the
/// rules and, for a word that counts, its term and form.
#[derive(Debug, Clone, Copy)]
struct Slot {
    short: [u64; FRONT_INLINE / 8],
    /// Length of the word; 0: the slot is empty (empty words are never looked up).
    len: u8,
    situation: u8,
    kind: TokenKind,
    term: TermId,
    form: FormId,
}

impl Slot {
    const EMPTY: Slot = Slot {
        short: [0; FRONT_INLINE / 8],
        len: 0,
        situation: 0,
        kind: TokenKind::Symbol,
        term: NOT_COUNTED,
        form: 0,
    };

    /// The kind after the rules, if this slot holds `word`.
    fn matches(&self, word: &Probe) -> Option<TokenKind> {
        (usize::from(self.len) == word.surface.len()
            && self.situation == word.situation
            && self.short == word.short[..FRONT_INLINE / 8])
            .then_some(self.kind)
    }

    /// Holds `word` from now on, if it is short enough and counted (or never counts).
    fn fill(&mut self, word: &Probe, entry: &Entry) {
        let counted = entry.kind != TokenKind::Word || entry.term != NOT_COUNTED;
        if word.surface.is_empty() || word.surface.len() > FRONT_INLINE || !counted {
            return;
        }
        *self = Slot {
            short: [word.short[0], word.short[1]],
            len: word.surface.len() as u8,
            situation: word.situation,
            kind: entry.kind,
            term: entry.term,
            form: entry.form,
        };
    }
}

/// The inputs of a token rule besides the surface: the tokenizer's kind and sentence start.
fn situation(kind: TokenKind, initial: bool) -> u8 {
    use crate::Separator::{Hard, Soft};
    let kind = match kind {
        TokenKind::Word => 0,
        TokenKind::StopWord => 1,
        TokenKind::Number => 2,
        TokenKind::Link => 3,
        TokenKind::Symbol => 4,
        TokenKind::Separator(Hard) => 5,
        TokenKind::Separator(Soft) => 6,
    };
    kind << 1 | u8::from(initial)
}

/// The first [`INLINE`] bytes of a surface, zero-padded, as words.
fn inline(surface: &[u8]) -> [u64; INLINE / 8] {
    let mut bytes = [0; INLINE];
    let head = surface.len().min(INLINE);
    bytes[..head].copy_from_slice(&surface[..head]);
    let mut words = [0; INLINE / 8];
    for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(8)) {
        *word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
    }
    words
}

/// The hash of a word of `len` bytes: of its inline words when it fits them (a few
/// multiplications, no loop over bytes), else of all its bytes (`bytes`).
fn hash_word<'b>(
    situation: u8,
    len: usize,
    short: &[u64; INLINE / 8],
    bytes: impl FnOnce() -> &'b [u8],
) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write_u8(situation);
    h.write_usize(len);
    if len <= INLINE {
        for &word in short {
            h.write_u64(word);
        }
    } else {
        h.write(bytes());
    }
    h.finish()
}

impl<'a> Tally<'a> {
    /// An empty tally for `analyzer`.
    pub fn new(analyzer: &'a Analyzer) -> Self {
        Tally {
            analyzer,
            counter: Counter::default(),
            memo: WordMemo::default(),
            front: vec![Slot::EMPTY; FRONT_SLOTS].into_boxed_slice(),
            tokens: Vec::new(),
            scratch: Default::default(),
        }
    }

    /// Tokens of one answer, every filter applied: equal to [`Analyzer::analyze`].
    pub fn analyze(&mut self, answer: &str) -> &[Token] {
        let analyzer = self.analyzer;
        if analyzer.splits_lists() {
            analyzer.analyze_into(answer, &mut self.tokens);
            return &self.tokens;
        }
        let tokenizer = analyzer.tokenizer();
        tokenizer.tokenize_with(answer, &mut self.scratch, &mut self.tokens);
        let mut start = crate::filter::SentenceStart::default();
        for token in &mut self.tokens {
            let initial = start.step(token.kind);
            if token.kind.is_separator() {
                continue;
            }
            let word = Probe::new(token.text(answer), token.kind, initial);
            let (entry, key) = self.memo.get(analyzer, &word);
            token.kind = entry.kind;
            token.key.clear();
            token.key.push_str(key);
        }
        for filter in analyzer.sequence_filters() {
            filter.apply(answer, &mut self.tokens);
        }
        &self.tokens
    }

    /// Analyses `answer` and counts it (or counts a no-answer) into the tally's counter.
    pub fn count(&mut self, answer: &str) {
        let analyzer = self.analyzer;
        if analyzer.is_no_answer(answer) {
            self.counter.add_no_answer();
            return;
        }
        let sequences = analyzer.sequence_filters();
        if analyzer.splits_lists() || sequences.iter().any(|f| f.may_apply(answer)) {
            self.analyze(answer);
            self.counter.add(answer, &self.tokens);
            return;
        }
        // nothing but token rules apply: each word's term and form are remembered with it
        self.counter.begin_answer();
        let mut start = crate::filter::SentenceStart::default();
        for (offset, kind) in analyzer.tokenizer().split(answer, &mut self.scratch) {
            let initial = start.step(kind);
            if kind.is_separator() {
                continue;
            }
            let word = Probe::new(&answer[offset], kind, initial);
            let slot = &mut self.front[word.hash as usize % FRONT_SLOTS];
            if let Some(kind) = slot.matches(&word) {
                if kind == TokenKind::Word {
                    self.counter.hit(slot.term, slot.form, initial);
                }
                continue;
            }
            let (entry, key) = self.memo.get(analyzer, &word);
            if entry.kind == TokenKind::Word && entry.term == NOT_COUNTED {
                entry.term = self.counter.term_id(key);
                entry.form = self.counter.form_id(entry.term, word.surface);
            }
            slot.fill(&word, entry);
            if entry.kind == TokenKind::Word {
                self.counter.hit(entry.term, entry.form, initial);
            }
        }
        self.counter.end_answer();
    }

    /// The analyzer this tally analyses with.
    pub fn analyzer(&self) -> &'a Analyzer {
        self.analyzer
    }

    /// The answers counted from now on also count in `subsets` — a question, a group — read
    /// back with [`Counted::subset`] (see [`Counter::count_in`]).
    pub fn count_in(&mut self, subsets: &[usize]) {
        self.counter.count_in(subsets);
    }

    /// Counts one answer from tokens made elsewhere (the mentions of a list answer).
    pub fn add(&mut self, answer: &str, tokens: &[Token]) {
        self.counter.add(answer, tokens);
    }

    /// Places the next answer at `position` (see [`Counter::seek`]): only for a shard of the
    /// input counted apart (another process), whose counter is merged later; threads of one
    /// process are placed by [`Analyzer::count_parallel_with`].
    pub fn seek(&mut self, position: u64) {
        self.counter.seek(position);
    }

    /// The counts so far.
    pub fn counter(&self) -> &Counter {
        &self.counter
    }

    /// The counts, to merge with other tallies' (then [`Analyzer::finish`]).
    pub fn into_counter(self) -> Counter {
        self.counter
    }

    /// The finished count, with the analyzer's labels: what tables are made from.
    pub fn finish(self) -> Counted {
        self.analyzer.finish(self.counter)
    }
}

impl WordMemo {
    /// The entry of the word `surface`, of `kind` as the tokenizer found it, made on first sight
    /// by running the analyzer's token rules.
    fn get(&mut self, analyzer: &Analyzer, word: &Probe) -> (&mut Entry, &str) {
        if self.table.len() >= MEMO_LIMIT {
            self.table.clear();
            self.words.clear();
            self.text.clear();
        }
        let &Probe {
            surface,
            kind,
            initial,
            situation,
            hash,
            short,
        } = word;
        let len = u32::try_from(surface.len()).unwrap_or(u32::MAX);
        let (words, text) = (&self.words, &self.text);
        let long = |e: &Entry| words[e.word as usize].long.map(|r| text.get(r));
        let same = |e: &Entry| {
            e.len == len
                && e.situation == situation
                && e.short == short
                && (surface.len() <= INLINE || long(e) == Some(surface))
        };
        let rehash = |e: &Entry| {
            hash_word(e.situation, e.len as usize, &e.short, || {
                long(e).unwrap_or_default().as_bytes()
            })
        };
        let rules = |mut kind: TokenKind| {
            // the tokenizer's key is the surface
            let mut key = surface.to_owned();
            for rule in analyzer.token_rules() {
                rule.apply_token(surface, initial, &mut kind, &mut key);
            }
            (kind, key)
        };
        let entry = match self.table.entry(hash, same, rehash) {
            hashbrown::hash_table::Entry::Occupied(known) => {
                let entry = known.into_mut();
                // a token rule must decide each word alone, the same every time: the memo
                // relies on it, so debug builds re-run the rules on every 16th word found
                #[cfg(debug_assertions)]
                {
                    self.hits += 1;
                    if self.hits % 16 == 0 {
                        let remembered =
                            (entry.kind, self.text.get(words[entry.word as usize].key));
                        let (kind, key) = rules(kind);
                        assert_eq!(
                            (kind, key.as_str()),
                            remembered,
                            "a token rule gave {surface:?} another result than before: rules must decide each word alone"
                        );
                    }
                }
                entry
            }
            hashbrown::hash_table::Entry::Vacant(new) => {
                let (kind, key) = rules(kind);
                let word = u32::try_from(self.words.len()).expect("the memo is bounded");
                let key = self.text.push(&key);
                let long = (surface.len() > INLINE).then(|| self.text.push(surface));
                self.words.push(Word { key, long });
                new.insert(Entry {
                    short,
                    len,
                    situation,
                    kind,
                    term: NOT_COUNTED,
                    form: 0,
                    word,
                })
                .into_mut()
            }
        };
        let key = self.text.get(self.words[entry.word as usize].key);
        (entry, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AnalyzerConfig;

    /// Answers where the same word means different things by position and neighbours.
    const ANSWERS: &[&str] = &[
        "Fehlende Akte fehlt",
        "die Fehlende Akte",
        "die Digitale Akte. Digitale Akte!",
        "Nutzen: kein Nutzen, nutzen wir nicht",
        "k.A.",
        "keine Zeit, fehlendes Personal",
        "Bürger*innen und BürgerInnen",
        "Bürgerinnen und Bürger, Kolleginnen oder Kollegen",
        "Der Termin und die Zeit",
        "",
        "2021 fehlendes Personal",
    ];

    fn check(config: &AnalyzerConfig) {
        let analyzer = config.build().unwrap();
        let mut tally = Tally::new(&analyzer);
        let mut plain = Counter::default();
        for _ in 0..2 {
            for answer in ANSWERS {
                assert_eq!(tally.analyze(answer), analyzer.analyze(answer), "{answer}");
                analyzer.count_into(answer, &mut plain);
            }
        }
        let mut counting = Tally::new(&analyzer);
        for _ in 0..2 {
            for answer in ANSWERS {
                counting.count(answer);
            }
        }
        assert_eq!(counting.counter(), &plain);
    }

    #[test]
    fn memo_tells_sentence_starts_apart() {
        check(&AnalyzerConfig::default());
        let analyzer = Analyzer::german();
        let mut tally = Tally::new(&analyzer);
        let start = tally.analyze("Fehlende Akte")[0].key.clone();
        let inner = tally.analyze("die Fehlende Akte")[1].key.clone();
        assert_ne!(
            start, inner,
            "a capital at a sentence start may be an adjective's"
        );
    }

    #[test]
    fn sequence_filters_see_memoized_keys() {
        let codebook = "Personalmangel = fehlendes Personal\nZeit = Zeitmangel";
        check(
            &AnalyzerConfig::default()
                .keep_negation(true)
                .keep_numbers(true)
                .synonyms(
                    crate::SynonymMap::from_reader("codes.txt", codebook.as_bytes()).unwrap(),
                ),
        );
    }

    /// A rule that gives a word another key each time (here: it counts its calls).
    #[derive(Debug, Default)]
    struct Fickle(std::sync::atomic::AtomicUsize);

    impl crate::filter::TokenRule for Fickle {
        fn apply_token(&self, _: &str, _: bool, _: &mut TokenKind, key: &mut String) {
            let n = self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            key.push_str(&n.to_string());
        }
    }

    impl crate::filter::TokenFilter for Fickle {
        fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
            crate::filter::apply_rule(self, answer, tokens);
        }

        fn token_rule(&self) -> Option<&dyn crate::filter::TokenRule> {
            Some(self)
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "rules must decide each word alone")]
    fn a_rule_that_changes_its_mind_is_caught_in_debug_builds() {
        let analyzer = Analyzer::builder(crate::Tokenizer::default())
            .filter(Fickle::default())
            .build();
        let mut tally = Tally::new(&analyzer);
        for _ in 0..64 {
            tally.analyze("Personal");
        }
    }

    #[test]
    fn memo_starts_over_when_full() {
        let analyzer = Analyzer::german();
        let mut tally = Tally::new(&analyzer);
        let mut plain = Counter::default();
        let answers: Vec<String> = (0..MEMO_LIMIT + 100)
            .map(|i| format!("Wort{i} Personal"))
            .collect();
        for answer in &answers {
            tally.count(answer);
            analyzer.count_into(answer, &mut plain);
        }
        assert!(tally.memo.table.len() < MEMO_LIMIT);
        assert_eq!(tally.memo.table.len(), tally.memo.words.len());
        assert_eq!(tally.counter(), &plain);
    }
}
