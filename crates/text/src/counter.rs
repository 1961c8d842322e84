//! Counter: per-respondent counts of terms, for all answers and for subsets of them.

use rustc_hash::FxHashMap;

use crate::vocabulary::{FormId, TermId, Vocabulary, NO_TERM};
use crate::{Token, TokenKind};

/// Counts of terms over answers. One answer is one respondent.
///
/// A counter knows keys, surface forms and numbers, no language: the labels, the case of
/// sentence-start words and the tables come from [`Counted`](crate::Counted), which a counter
/// becomes when counting is done ([`Tally::finish`](crate::Tally::finish),
/// [`Analyzer::count`](crate::Analyzer::count)).
///
/// Counters are mergeable: count shards of the answers in separate counters (threads, files)
/// and [`merge`](Counter::merge) them; the result is the same as counting all answers in one
/// counter, in any merge order. Each counted answer has a position (0, 1, 2, … unless
/// [`seek`](Counter::seek) says otherwise) that decides which spelling was seen first; counters
/// of parts of one input seek to where their part starts.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Counter};
///
/// let analyzer = Analyzer::german();
/// let mut counter = Counter::default();
/// for answer in ["Personal, Personal!", "fehlendes Personal", "k.A."] {
///     analyzer.count_into(answer, &mut counter);
/// }
/// assert_eq!((counter.answers(), counter.no_answers()), (3, 1));
/// let table = analyzer.finish(counter).table(&Default::default());
/// let top = &table.terms[0];
/// assert_eq!((top.label.as_str(), top.answers, top.occurrences), ("Personal", 2, 3));
/// ```
#[derive(Clone, Default)]
pub struct Counter {
    pub(crate) vocabulary: Vocabulary,
    /// The counts of all answers.
    pub(crate) whole: Counts,
    /// The counts of subsets of the answers (see [`Counter::count_in`]).
    pub(crate) subsets: Vec<Counts>,
    /// The subsets the answers being counted belong to.
    active: Vec<usize>,
    /// Position of the answer being counted, and of the next one.
    position: u64,
    next_position: u64,
    /// Open terms (sentence-start words) named in the answer being counted.
    opened: Vec<TermId>,
    /// Scratch for an answer's overlap signature.
    signature: Vec<TermId>,
}

/// Counts by the counter's term and form ids: the same type for all answers and for a subset.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Counts {
    pub answers: u64,
    pub no_answer: u64,
    /// By term id; shorter than the vocabulary where later terms were not named here.
    pub terms: Vec<Hits>,
    /// By form id, likewise.
    pub forms: Vec<FormHits>,
    /// Answers that named an open term together with another term it may join (its candidate,
    /// or another open term): the sorted terms of such an answer → how many answers named just
    /// those. The table subtracts what would otherwise be counted twice once the case plan
    /// joins them. Only sets of two or more terms are kept.
    pub overlaps: FxHashMap<Box<[TermId]>, u64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Hits {
    pub answers: u64,
    pub occurrences: u64,
    /// Serial number (1-based) of the last answer that named the term: counts a term once per
    /// answer without comparing keys. Bookkeeping of the whole counts only: not merged.
    pub last_answer: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FormHits {
    pub occurrences: u64,
    /// Position of the first answer the form was seen in (ties of the label go to the first).
    pub first: u64,
    /// Occurrences at the start of a sentence, where a capital letter says nothing.
    pub initial: u64,
}

impl Default for FormHits {
    fn default() -> Self {
        FormHits {
            occurrences: 0,
            first: u64::MAX,
            initial: 0,
        }
    }
}

impl FormHits {
    /// Adds the hits of the same form elsewhere (another subset, counter or joined term).
    pub(crate) fn add(&mut self, other: &FormHits) {
        self.occurrences += other.occurrences;
        self.initial += other.initial;
        self.first = self.first.min(other.first);
    }
}

impl Counts {
    /// The hits of a term (zero if never named here).
    pub(crate) fn term(&self, term: TermId) -> Hits {
        self.terms.get(term as usize).copied().unwrap_or_default()
    }

    /// The hits of a form (zero if never seen here).
    pub(crate) fn form(&self, form: FormId) -> FormHits {
        self.forms.get(form as usize).copied().unwrap_or_default()
    }

    fn term_mut(&mut self, term: TermId) -> &mut Hits {
        let i = term as usize;
        if self.terms.len() <= i {
            self.terms.resize(i + 1, Hits::default());
        }
        &mut self.terms[i]
    }

    fn form_mut(&mut self, form: FormId) -> &mut FormHits {
        let i = form as usize;
        if self.forms.len() <= i {
            self.forms.resize(i + 1, FormHits::default());
        }
        &mut self.forms[i]
    }

    /// Adds `other`, whose ids map to ours through `terms` and `forms`.
    fn add(&mut self, other: &Counts, terms: &[TermId], forms: &[FormId]) {
        self.answers += other.answers;
        self.no_answer += other.no_answer;
        for (t, hits) in other.terms.iter().enumerate() {
            if hits.occurrences > 0 {
                let ours = self.term_mut(terms[t]);
                ours.answers += hits.answers;
                ours.occurrences += hits.occurrences;
            }
        }
        for (f, hits) in other.forms.iter().enumerate() {
            if hits.occurrences > 0 {
                self.form_mut(forms[f]).add(hits);
            }
        }
        for (set, n) in &other.overlaps {
            let mut mapped: Vec<TermId> = set.iter().map(|&t| terms[t as usize]).collect();
            mapped.sort_unstable();
            *self.overlaps.entry(mapped.into()).or_default() += n;
        }
    }
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counter")
            .field("answers", &self.whole.answers)
            .field("no_answer", &self.whole.no_answer)
            .field("terms", &self.vocabulary.len())
            .field("forms", &self.vocabulary.forms_len())
            .field("subsets", &self.subsets.len())
            .finish()
    }
}

/// A counter's counts by key and form text, for comparing counters whose ids differ.
type Snapshot<'c> = (
    u64,
    u64,
    std::collections::BTreeMap<
        &'c str,
        (
            u64,
            u64,
            std::collections::BTreeMap<&'c str, (u64, u64, u64)>,
        ),
    >,
    std::collections::BTreeMap<Vec<&'c str>, u64>,
);

impl Counter {
    fn snapshot<'c>(&'c self, counts: &Counts) -> Snapshot<'c> {
        let v = &self.vocabulary;
        let mut terms = std::collections::BTreeMap::new();
        for t in 0..v.len() as TermId {
            let hits = counts.term(t);
            if hits.occurrences == 0 {
                continue;
            }
            let forms = v
                .form_ids(t)
                .map(|f| (v.form_text(f), counts.form(f)))
                .filter(|(_, h)| h.occurrences > 0)
                .map(|(text, h)| (text, (h.occurrences, h.first, h.initial)))
                .collect();
            terms.insert(v.key(t), (hits.answers, hits.occurrences, forms));
        }
        let overlaps = counts
            .overlaps
            .iter()
            .map(|(set, &n)| {
                let mut keys: Vec<&str> = set.iter().map(|&t| v.key(t)).collect();
                keys.sort_unstable();
                (keys, n)
            })
            .collect();
        (counts.answers, counts.no_answer, terms, overlaps)
    }
}

/// Equal counts: the same answers, terms, forms and first positions, overlaps and subsets,
/// whatever the order in which terms and forms were first met (that differs between threads).
impl PartialEq for Counter {
    fn eq(&self, other: &Self) -> bool {
        let empty = Counts::default();
        let subsets = self.subsets.len().max(other.subsets.len());
        // a missing subset and an empty one read back alike
        self.snapshot(&self.whole) == other.snapshot(&other.whole)
            && (0..subsets).all(|s| {
                self.snapshot(self.subsets.get(s).unwrap_or(&empty))
                    == other.snapshot(other.subsets.get(s).unwrap_or(&empty))
            })
    }
}

impl Counter {
    /// Counts one answer from its tokens; `answer` is the text they were made from.
    pub fn add(&mut self, answer: &str, tokens: &[Token]) {
        self.begin_answer();
        let mut start = crate::filter::SentenceStart::default();
        for token in tokens {
            let initial = start.step(token.kind);
            if token.kind != TokenKind::Word {
                continue;
            }
            let term = self.term_id(&token.key);
            let form = self.form_id(term, token.text(answer));
            self.hit(term, form, initial);
        }
        self.end_answer();
    }

    /// Counts one respondent who gave no answer (empty, `k.A.`, …).
    pub fn add_no_answer(&mut self) {
        self.whole.answers += 1;
        self.whole.no_answer += 1;
        self.next_position += 1;
        for &s in &self.active {
            self.subsets[s].answers += 1;
            self.subsets[s].no_answer += 1;
        }
    }

    /// The answers counted from now on also count in `subsets` (numbered from 0: a question, a
    /// group, …), until the next call; `&[]`: in none. Each subset gets a table of its own
    /// ([`Counted::subset`](crate::Counted::subset)) with the same terms and labels as the whole:
    /// one vocabulary for all questions and groups of a survey, and no key looked up twice.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, Counter};
    ///
    /// let analyzer = Analyzer::german();
    /// let mut all = Counter::default();
    /// for (answer, group) in [("Personal fehlt", 0), ("Zeit", 1), ("Personal", 1)] {
    ///     all.count_in(&[group]);
    ///     analyzer.count_into(answer, &mut all);
    /// }
    /// let counted = analyzer.finish(all);
    /// let second = counted.subset(1).table(&Default::default());
    /// assert_eq!((second.answers, second.terms.len()), (2, 2));
    /// ```
    pub fn count_in(&mut self, subsets: &[usize]) {
        self.active.clear();
        self.active.extend_from_slice(subsets);
        if let Some(&most) = subsets.iter().max() {
            if self.subsets.len() <= most {
                self.subsets.resize_with(most + 1, Counts::default);
            }
        }
    }

    /// Places the next answer at `position` (the ones after it follow on): counters of parts
    /// of one input seek to where their part starts, so that merged they know which spelling
    /// came first, as one counter over the whole input would.
    pub fn seek(&mut self, position: u64) {
        self.next_position = position;
    }

    /// Where the next answer will be placed (see [`Counter::seek`]).
    pub(crate) fn next_position(&self) -> u64 {
        self.next_position
    }

    /// All answers counted, no-answers included.
    pub fn answers(&self) -> u64 {
        self.whole.answers
    }

    /// The answers counted that said nothing.
    pub fn no_answers(&self) -> u64 {
        self.whole.no_answer
    }

    /// Starts counting one answer (then [`hit`](Self::hit) its words, then
    /// [`end_answer`](Self::end_answer)).
    pub(crate) fn begin_answer(&mut self) {
        self.whole.answers += 1;
        self.position = self.next_position;
        self.next_position += 1;
        self.opened.clear();
        for &s in &self.active {
            self.subsets[s].answers += 1;
        }
    }

    /// The id of the term with `key`, created if new.
    pub(crate) fn term_id(&mut self, key: &str) -> TermId {
        let id = self.vocabulary.term_id(key);
        if self.whole.terms.len() <= id as usize {
            self.whole.terms.resize(id as usize + 1, Hits::default());
        }
        id
    }

    /// The id of the surface form `text` of `term`, created if new.
    pub(crate) fn form_id(&mut self, term: TermId, text: &str) -> FormId {
        let id = self.vocabulary.form_id(term, text);
        if self.whole.forms.len() <= id as usize {
            self.whole
                .forms
                .resize(id as usize + 1, FormHits::default());
        }
        id
    }

    /// One occurrence of `term`, written as its form `form`, in the answer being counted.
    pub(crate) fn hit(&mut self, term: TermId, form: FormId, initial: bool) {
        let serial = self.whole.answers;
        let t = &mut self.whole.terms[term as usize];
        t.occurrences += 1;
        let first_in_answer = t.last_answer != serial;
        if first_in_answer {
            t.last_answer = serial;
            t.answers += 1;
            if self.vocabulary.open(term).is_some() {
                self.opened.push(term);
            }
        }
        let hits = FormHits {
            occurrences: 1,
            first: self.position,
            initial: u64::from(initial),
        };
        self.whole.forms[form as usize].add(&hits);
        for &s in &self.active {
            let sub = &mut self.subsets[s];
            let t = sub.term_mut(term);
            t.occurrences += 1;
            t.answers += u64::from(first_in_answer);
            sub.form_mut(form).add(&hits);
        }
    }

    /// Ends the answer being counted: records which open terms it named together with a term
    /// they may join.
    pub(crate) fn end_answer(&mut self) {
        if self.opened.is_empty() {
            return;
        }
        let serial = self.whole.answers;
        let signature = &mut self.signature;
        signature.clear();
        for &open in &self.opened {
            signature.push(open);
            for candidate in self.vocabulary.open(open).into_iter().flatten() {
                if candidate != NO_TERM
                    && self.whole.terms[candidate as usize].last_answer == serial
                {
                    signature.push(candidate);
                }
            }
        }
        if signature.len() < 2 {
            return;
        }
        signature.sort_unstable();
        signature.dedup();
        let set: Box<[TermId]> = signature.as_slice().into();
        for &s in &self.active {
            *self.subsets[s].overlaps.entry(set.clone()).or_default() += 1;
        }
        *self.whole.overlaps.entry(set).or_default() += 1;
    }

    /// Adds the counts of `other` (answers not counted here).
    pub fn merge(&mut self, other: Counter) {
        if self.whole.answers == 0 && self.subsets.iter().all(|s| s.answers == 0) {
            // nothing here yet: take the other counter whole (its bookkeeping stays valid)
            let next_position = self.next_position.max(other.next_position);
            let active = std::mem::take(&mut self.active);
            *self = other;
            self.next_position = next_position;
            self.active = active;
            return;
        }
        self.next_position = self.next_position.max(other.next_position);
        // other's ids → ours
        let v = &other.vocabulary;
        let mut terms = vec![0; v.len()];
        let mut forms = vec![0; v.forms_len()];
        for t in 0..v.len() as TermId {
            let id = self.term_id(v.key(t));
            terms[t as usize] = id;
            for f in v.form_ids(t) {
                forms[f as usize] = self.form_id(id, v.form_text(f));
            }
        }
        self.whole.add(&other.whole, &terms, &forms);
        if self.subsets.len() < other.subsets.len() {
            self.subsets
                .resize_with(other.subsets.len(), Counts::default);
        }
        for (ours, theirs) in self.subsets.iter_mut().zip(&other.subsets) {
            ours.add(theirs, &terms, &forms);
        }
    }
}
