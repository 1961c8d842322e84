//! Counter and FrequencyTable: per-respondent counting and the table an analyst reads.

use std::collections::HashMap;

use hashbrown::HashTable;
use rustc_hash::FxHashMap;

use crate::arena::{StrArena, StrRef};
use crate::{Token, TokenKind};

/// What the weight of a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Number of answers (respondents) that mention the term; repeats within one answer count
    /// once. The default: a word cloud of a survey shows how many people named something.
    #[default]
    Answers,
    /// Number of times the term occurs, repeats included.
    Occurrences,
}

/// Counts of terms over answers. One answer is one respondent.
///
/// Counters are mergeable: count shards of the answers in separate counters (threads, files)
/// and [`merge`](Counter::merge) them; the result is the same as counting all answers in one
/// counter, in any merge order. Each counted answer has a position (0, 1, 2, … unless
/// [`seek`](Counter::seek) says otherwise) that decides which spelling was seen first; counters
/// of parts of one input should seek to where their part starts.
///
/// Case twins: German keys of lower-case spellings end in `~` (`bahn~`), the capitalised
/// spelling has its own key (`bahn`), so that `Nutzen` and `nutzen` stay apart. Where casing
/// is unreliable the table joins them: a capitalised term seen only at sentence starts joins its
/// lower-case twin, and an all-lower-case term joins a capitalised twin at least twice as
/// frequent. Answers naming both count once.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Counter, Weight};
///
/// let analyzer = Analyzer::german();
/// let mut counter = Counter::default();
/// for answer in ["Personal, Personal!", "fehlendes Personal", "k.A."] {
///     analyzer.count_into(answer, &mut counter);
/// }
/// let table = counter.table(Weight::Answers, &Default::default());
/// assert_eq!((table.answers, table.answered, table.no_answer), (3, 2, 1));
/// let top = &table.terms[0];
/// assert_eq!((top.term.as_str(), top.answers, top.occurrences), ("Personal", 2, 3));
/// assert_eq!(top.share, 1.0);
/// ```
#[derive(Clone, Default)]
pub struct Counter {
    answers: u64,
    no_answer: u64,
    /// Terms in the order first counted; [`TermId`]s index it and `term_hits`.
    terms: Vec<TermCount>,
    /// The counts of each term, apart from the rest: counting touches only these.
    term_hits: Vec<Hits>,
    /// Surface forms of all terms in the order first counted; [`FormId`]s index it and
    /// `form_hits`.
    forms: Vec<Form>,
    form_hits: Vec<FormHits>,
    /// Key → term: ids only, hashed by the key stored in `text` (each key is stored once).
    index: HashTable<TermId>,
    /// The keys and forms.
    text: StrArena,
    /// Position of the answer being counted, and of the next one.
    position: u64,
    next_position: u64,
    /// Lower-case twins named in the answer being counted, to find answers naming both twins.
    twins: Vec<TermId>,
    /// Counts of subsets of the answers (see [`Counter::count_in`]).
    subsets: Vec<Subset>,
    /// The subsets the answers being counted belong to.
    active: Vec<usize>,
}

/// The counts of a subset of the answers — a question, a group — by the counter's own term and
/// form ids: counting an answer into its subsets costs no key lookups.
#[derive(Debug, Clone, Default)]
struct Subset {
    answers: u64,
    no_answer: u64,
    terms: FxHashMap<TermId, SubsetHits>,
    forms: FxHashMap<FormId, FormHits>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct SubsetHits {
    answers: u64,
    occurrences: u64,
    twin_overlap: u64,
}

/// Index of a term in its [`Counter`].
pub(crate) type TermId = u32;

/// Index of a surface form in its [`Counter`].
pub(crate) type FormId = u32;

/// No twin known (yet).
const NO_TWIN: TermId = TermId::MAX;

#[derive(Debug, Clone)]
struct TermCount {
    key: StrRef,
    /// Answers that contain both this key and its case twin `key~` (see [`Counter::table`]).
    twin_overlap: u64,
    /// The term's forms, chained through [`Form::next`] (the newest first).
    first_form: FormId,
    /// For a lower-case twin (`bahn~`): whether it is one, and its capitalised twin if counted.
    is_twin: bool,
    twin_of: TermId,
}

#[derive(Debug, Clone, Copy, Default)]
struct Hits {
    answers: u64,
    occurrences: u64,
    /// Serial number (1-based) of the last answer that named the term in this counter: counts
    /// a term once per answer without comparing keys. Bookkeeping only: not compared, not merged.
    last_answer: u64,
}

#[derive(Debug, Clone)]
struct Form {
    text: StrRef,
    /// The term's form counted before this one ([`NO_FORM`]: none).
    next: FormId,
}

/// The end of a chain of forms.
const NO_FORM: FormId = FormId::MAX;

#[derive(Debug, Clone, Copy, PartialEq)]
struct FormHits {
    occurrences: u64,
    /// Position of the first answer the form was seen in (ties of the label go to the first).
    first: u64,
    /// Occurrences at the start of a sentence, where a capital letter says nothing.
    initial: u64,
}

fn hash_key(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counter")
            .field("answers", &self.answers)
            .field("no_answer", &self.no_answer)
            .field("terms", &self.terms.len())
            .field("forms", &self.forms.len())
            .finish()
    }
}

/// Equal counts: the same answers, terms, forms and first positions, and the same subsets,
/// whatever the order in which terms and forms were first met (that differs between threads).
impl PartialEq for Counter {
    fn eq(&self, other: &Self) -> bool {
        fn counts(c: &Counter, id: TermId) -> (u64, u64, u64, Vec<(&str, FormHits)>) {
            let hits = c.term_hits[id as usize];
            let mut forms: Vec<(&str, FormHits)> = c.forms_of(id).collect();
            forms.sort_by(|a, b| a.0.cmp(b.0));
            (
                hits.answers,
                hits.occurrences,
                c.terms[id as usize].twin_overlap,
                forms,
            )
        }
        let subsets = self.subsets.len().max(other.subsets.len());
        // a missing subset and an empty one read back alike
        (0..subsets).all(|s| self.subset(s) == other.subset(s))
            && (self.answers, self.no_answer, self.terms.len())
                == (other.answers, other.no_answer, other.terms.len())
            && (0..self.terms.len()).all(|i| {
                let i = i as TermId;
                other
                    .id(self.key(i))
                    .is_some_and(|j| counts(self, i) == counts(other, j))
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
        self.answers += 1;
        self.no_answer += 1;
        self.next_position += 1;
        for &s in &self.active {
            self.subsets[s].answers += 1;
            self.subsets[s].no_answer += 1;
        }
    }

    /// The answers counted from now on also count in `subsets` (numbered from 0: a question, a
    /// group, …), until the next call; `&[]`: in none. Each subset is read back as a counter of
    /// its own with [`Counter::subset`]: one vocabulary for all questions and groups of a survey,
    /// and no key looked up twice.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, Counter, Weight};
    ///
    /// let analyzer = Analyzer::german();
    /// let mut all = Counter::default();
    /// for (answer, group) in [("Personal fehlt", 0), ("Zeit", 1), ("Personal", 1)] {
    ///     all.count_in(&[group]);
    ///     analyzer.count_into(answer, &mut all);
    /// }
    /// let second = all.subset(1).table(Weight::Answers, analyzer.labels());
    /// assert_eq!((second.answers, second.terms.len()), (2, 2));
    /// ```
    pub fn count_in(&mut self, subsets: &[usize]) {
        self.active.clear();
        self.active.extend_from_slice(subsets);
        if let Some(&most) = subsets.iter().max() {
            if self.subsets.len() <= most {
                self.subsets.resize_with(most + 1, Subset::default);
            }
        }
    }

    /// The counts of the answers counted in subset `s` (see [`Counter::count_in`]), as a
    /// counter of their own.
    pub fn subset(&self, s: usize) -> Counter {
        let mut c = Counter {
            next_position: self.next_position,
            ..Counter::default()
        };
        let Some(sub) = self.subsets.get(s) else {
            return c;
        };
        c.answers = sub.answers;
        c.no_answer = sub.no_answer;
        // in the order the terms were first counted here, forms likewise
        let mut terms: Vec<TermId> = sub.terms.keys().copied().collect();
        terms.sort_unstable();
        for t in terms {
            let hits = sub.terms[&t];
            let id = c.term_id(self.key(t));
            c.term_hits[id as usize].answers = hits.answers;
            c.term_hits[id as usize].occurrences = hits.occurrences;
            c.terms[id as usize].twin_overlap = hits.twin_overlap;
            let mut forms: Vec<FormId> = self
                .form_ids(t)
                .filter(|f| sub.forms.contains_key(f))
                .collect();
            forms.sort_unstable();
            for f in forms {
                let form = c.form_id(id, self.form_text(f));
                c.form_hits[form as usize] = sub.forms[&f];
            }
        }
        c
    }

    /// Places the next answer at `position` (the ones after it follow on): counters of parts
    /// of one input seek to where their part starts, so that merged they know which spelling
    /// came first, as one counter over the whole input would.
    pub fn seek(&mut self, position: u64) {
        self.next_position = position;
    }

    /// Starts counting one answer (then [`hit`](Self::hit) its words, then
    /// [`end_answer`](Self::end_answer)).
    pub(crate) fn begin_answer(&mut self) {
        self.answers += 1;
        self.position = self.next_position;
        self.next_position += 1;
        self.twins.clear();
        for &s in &self.active {
            self.subsets[s].answers += 1;
        }
    }

    /// The id of the term with `key`, if counted.
    fn id(&self, key: &str) -> Option<TermId> {
        let (terms, text) = (&self.terms, &self.text);
        self.index
            .find(hash_key(key), |&id| text.get(terms[id as usize].key) == key)
            .copied()
    }

    /// The key of a term.
    fn key(&self, term: TermId) -> &str {
        self.text.get(self.terms[term as usize].key)
    }

    /// The id of the term with `key`, created if new.
    pub(crate) fn term_id(&mut self, key: &str) -> TermId {
        if let Some(id) = self.id(key) {
            return id;
        }
        let id = TermId::try_from(self.terms.len()).expect("fewer than 2^32 terms");
        // link case twins as soon as both exist, so that counting never looks them up
        let is_twin = key.ends_with(TWIN_MARK);
        let mut twin_of = NO_TWIN;
        if is_twin {
            twin_of = self
                .id(&key[..key.len() - TWIN_MARK.len_utf8()])
                .unwrap_or(NO_TWIN);
        } else if let Some(lower) = self.id(&format!("{key}{TWIN_MARK}")) {
            self.terms[lower as usize].twin_of = id;
        }
        let key_ref = self.text.push(key);
        self.terms.push(TermCount {
            key: key_ref,
            twin_overlap: 0,
            first_form: NO_FORM,
            is_twin,
            twin_of,
        });
        self.term_hits.push(Hits::default());
        let (terms, text) = (&self.terms, &self.text);
        self.index.insert_unique(hash_key(key), id, |&id| {
            hash_key(text.get(terms[id as usize].key))
        });
        id
    }

    /// The id of the surface form `text` of `term`, created if new. Inner whitespace (a
    /// merged phrase across a line break) is collapsed.
    pub(crate) fn form_id(&mut self, term: TermId, text: &str) -> FormId {
        let collapsed;
        let text = if text.contains(char::is_whitespace) {
            collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            collapsed.as_str()
        } else {
            text
        };
        if let Some(id) = self.form_ids(term).find(|&f| self.form_text(f) == text) {
            return id;
        }
        let id = FormId::try_from(self.forms.len()).expect("fewer than 2^32 forms");
        let text = self.text.push(text);
        let first = &mut self.terms[term as usize].first_form;
        self.forms.push(Form { text, next: *first });
        *first = id;
        self.form_hits.push(FormHits {
            occurrences: 0,
            first: u64::MAX,
            initial: 0,
        });
        id
    }

    /// The forms of a term.
    fn form_ids(&self, term: TermId) -> impl Iterator<Item = FormId> + '_ {
        let first = self.terms[term as usize].first_form;
        std::iter::successors((first != NO_FORM).then_some(first), |&f| {
            let next = self.forms[f as usize].next;
            (next != NO_FORM).then_some(next)
        })
    }

    /// The text of a form.
    fn form_text(&self, form: FormId) -> &str {
        self.text.get(self.forms[form as usize].text)
    }

    /// One occurrence of `term`, written as its form `form`, in the answer being counted.
    pub(crate) fn hit(&mut self, term: TermId, form: FormId, initial: bool) {
        let serial = self.answers;
        let t = &mut self.term_hits[term as usize];
        t.occurrences += 1;
        let first_in_answer = t.last_answer != serial;
        if first_in_answer {
            t.last_answer = serial;
            t.answers += 1;
            if self.terms[term as usize].is_twin {
                self.twins.push(term);
            }
        }
        let f = &mut self.form_hits[form as usize];
        f.occurrences += 1;
        f.initial += u64::from(initial);
        f.first = f.first.min(self.position);
        for &s in &self.active {
            let sub = &mut self.subsets[s];
            let t = sub.terms.entry(term).or_default();
            t.occurrences += 1;
            t.answers += u64::from(first_in_answer);
            let f = sub.forms.entry(form).or_insert(FormHits {
                occurrences: 0,
                first: u64::MAX,
                initial: 0,
            });
            f.occurrences += 1;
            f.initial += u64::from(initial);
            f.first = f.first.min(self.position);
        }
    }

    /// Ends the answer being counted: records answers that named both case twins.
    pub(crate) fn end_answer(&mut self) {
        let serial = self.answers;
        for &lower in &self.twins {
            let upper = self.terms[lower as usize].twin_of;
            if upper == NO_TWIN {
                continue;
            }
            if self.term_hits[upper as usize].last_answer == serial {
                self.terms[upper as usize].twin_overlap += 1;
                for &s in &self.active {
                    if let Some(t) = self.subsets[s].terms.get_mut(&upper) {
                        t.twin_overlap += 1;
                    }
                }
            }
        }
    }

    /// Adds the counts of `other` (answers not counted here).
    pub fn merge(&mut self, other: Counter) {
        if self.answers == 0 {
            // nothing here yet: take the other counter whole (its bookkeeping stays valid)
            let next_position = self.next_position.max(other.next_position);
            let active = std::mem::take(&mut self.active);
            *self = other;
            self.next_position = next_position;
            self.active = active;
            return;
        }
        self.answers += other.answers;
        self.no_answer += other.no_answer;
        self.next_position = self.next_position.max(other.next_position);
        // other's ids → ours, for its subsets
        let mut term_map = vec![0; other.terms.len()];
        let mut form_map = vec![0; other.forms.len()];
        for (t, (theirs, hits)) in other.terms.iter().zip(&other.term_hits).enumerate() {
            let id = self.term_id(other.key(t as TermId));
            term_map[t] = id;
            let ours = &mut self.term_hits[id as usize];
            ours.answers += hits.answers;
            ours.occurrences += hits.occurrences;
            self.terms[id as usize].twin_overlap += theirs.twin_overlap;
            for f in other.form_ids(t as TermId) {
                let form = self.form_id(id, other.form_text(f));
                form_map[f as usize] = form;
                let (ours, theirs) = (
                    &mut self.form_hits[form as usize],
                    other.form_hits[f as usize],
                );
                ours.occurrences += theirs.occurrences;
                ours.initial += theirs.initial;
                ours.first = ours.first.min(theirs.first);
            }
        }
        if self.subsets.len() < other.subsets.len() {
            self.subsets
                .resize_with(other.subsets.len(), Subset::default);
        }
        for (ours, theirs) in self.subsets.iter_mut().zip(other.subsets) {
            ours.answers += theirs.answers;
            ours.no_answer += theirs.no_answer;
            for (t, hits) in theirs.terms {
                let o = ours.terms.entry(term_map[t as usize]).or_default();
                o.answers += hits.answers;
                o.occurrences += hits.occurrences;
                o.twin_overlap += hits.twin_overlap;
            }
            for (f, hits) in theirs.forms {
                let o = ours.forms.entry(form_map[f as usize]).or_insert(FormHits {
                    occurrences: 0,
                    first: u64::MAX,
                    initial: 0,
                });
                o.occurrences += hits.occurrences;
                o.initial += hits.initial;
                o.first = o.first.min(hits.first);
            }
        }
    }

    /// All answers counted, no-answers included.
    pub fn answers(&self) -> u64 {
        self.answers
    }

    /// The forms of a term with their counts.
    fn forms_of(&self, term: TermId) -> impl Iterator<Item = (&str, FormHits)> + '_ {
        self.form_ids(term)
            .map(|f| (self.form_text(f), self.form_hits[f as usize]))
    }

    /// Reconciles case twins: German keys of lower-case spellings end in `~` (`bahn~`), and the
    /// same word written with a capital gets the key without it (`bahn`). Casing is unreliable in
    /// two places, so the twins are joined there:
    /// - a capitalised term seen only at sentence starts (`Digitale Akte`) joins its lower-case
    ///   twin (`digitale`): its capital came from the position, not from being a noun;
    /// - an all-lower-case term (`bahn`, typed without capitals) joins its capitalised twin when
    ///   that twin is at least twice as frequent; a rarer twin stays apart (`nutzen` the verb
    ///   next to `Nutzen` the noun).
    ///
    /// Answers naming both twins count once (the counter records that overlap exactly).
    /// Returns source term → (target term, answers naming both).
    fn twin_plan(&self) -> FxHashMap<TermId, (TermId, u64)> {
        let mut plan = FxHashMap::default();
        for (lower, term) in self.terms.iter().enumerate() {
            if !term.is_twin {
                continue;
            }
            let (lower, upper) = (lower as TermId, term.twin_of);
            if upper == NO_TWIN {
                continue;
            }
            let overlap = self.terms[upper as usize].twin_overlap;
            let only_initial = self
                .forms_of(upper)
                .all(|(_, f)| f.initial == f.occurrences);
            let all_lower = self
                .forms_of(lower)
                .all(|(text, _)| text.chars().next().is_some_and(|c| !c.is_uppercase()));
            let (upper_n, lower_n) = (
                self.term_hits[upper as usize].occurrences,
                self.term_hits[lower as usize].occurrences,
            );
            if only_initial {
                plan.insert(upper, (lower, overlap));
            } else if all_lower && upper_n >= 2 * lower_n {
                plan.insert(lower, (upper, overlap));
            }
        }
        plan
    }

    /// The frequency table: terms sorted by `weight` (descending), then by label.
    /// `labels` fixes the label of some keys (synonym groups: see [`Analyzer::labels`](crate::Analyzer::labels)).
    /// Case twins are reconciled first (see the type's documentation: lower-case spellings and
    /// sentence-start capitals join their twin).
    pub fn table(&self, weight: Weight, labels: &HashMap<String, String>) -> FrequencyTable {
        self.top(weight, labels, 0, usize::MAX)
    }

    /// The first `n` rows of [`Counter::table`] among the terms of weight `min` or more; the
    /// other rows are never built, so a cloud of 200 words from 160,000 terms costs 200 rows.
    /// [`FrequencyTable::distinct`] tells how many terms had weight `min` or more.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, Weight};
    ///
    /// let analyzer = Analyzer::german();
    /// let counter = analyzer.count(["Personal fehlt", "Personal und Zeit", "Geld"]);
    /// let top = counter.top(Weight::Answers, analyzer.labels(), 1, 2);
    /// let full = counter.table(Weight::Answers, analyzer.labels());
    /// assert_eq!(top.terms, full.terms[..2]);
    /// assert_eq!(top.distinct, full.terms.len());
    /// ```
    pub fn top(
        &self,
        weight: Weight,
        labels: &HashMap<String, String>,
        min: u64,
        n: usize,
    ) -> FrequencyTable {
        let answered = self.answers - self.no_answer;
        // term → the twins that join it, and the answers they share with it
        let plan = self.twin_plan();
        let mut joined: FxHashMap<TermId, (Vec<TermId>, u64)> = FxHashMap::default();
        for (&from, &(into, shared)) in &plan {
            let entry = joined.entry(into).or_default();
            entry.0.push(from);
            entry.1 += shared;
        }
        // every row's weight and label first (borrowed, nothing built), then the top rows whole
        struct Row<'c> {
            parts: Vec<TermId>,
            answers: u64,
            occurrences: u64,
            label: &'c str,
            key: &'c str,
        }
        let mut rows: Vec<Row> = Vec::new();
        for id in 0..self.terms.len() as TermId {
            if plan.contains_key(&id) {
                continue; // counted with its twin
            }
            let (twins, shared) = joined.remove(&id).unwrap_or_default();
            let parts: Vec<TermId> = std::iter::once(id).chain(twins).collect();
            let hits = |p: &TermId| self.term_hits[*p as usize];
            let answers = parts.iter().map(|p| hits(p).answers).sum::<u64>() - shared;
            let occurrences = parts.iter().map(|p| hits(p).occurrences).sum();
            let w = match weight {
                Weight::Answers => answers,
                Weight::Occurrences => occurrences,
            };
            if w < min {
                continue;
            }
            let key = self.key(id);
            let label = match labels.get(key) {
                Some(label) => label.as_str(),
                // the most frequent form, first seen on ties (found without building the list)
                None if parts.len() == 1 => self
                    .forms_of(id)
                    .min_by(form_order)
                    .map_or("", |(text, _)| text),
                None => self.variants(&parts)[0].0,
            };
            rows.push(Row {
                parts,
                answers,
                occurrences,
                label,
                key,
            });
        }
        let by_weight = |r: &Row| match weight {
            Weight::Answers => r.answers,
            Weight::Occurrences => r.occurrences,
        };
        let order = |a: &Row, b: &Row| {
            by_weight(b)
                .cmp(&by_weight(a))
                .then_with(|| a.label.cmp(b.label))
                .then_with(|| a.key.cmp(b.key))
        };
        let distinct = rows.len();
        if n < rows.len() {
            rows.select_nth_unstable_by(n, order);
            rows.truncate(n);
        }
        rows.sort_by(order);
        let terms = rows
            .into_iter()
            .map(|row| Term {
                key: row.key.to_owned(),
                term: row.label.to_owned(),
                answers: row.answers,
                share: if answered == 0 {
                    0.0
                } else {
                    row.answers as f64 / answered as f64
                },
                occurrences: row.occurrences,
                variants: self
                    .variants(&row.parts)
                    .into_iter()
                    .map(|(form, f)| Variant {
                        form: form.to_owned(),
                        count: f.occurrences,
                    })
                    .collect(),
            })
            .collect();
        FrequencyTable {
            answers: self.answers,
            answered,
            no_answer: self.no_answer,
            weight,
            terms,
            distinct,
        }
    }

    /// The forms of a term and its twins (`parts`), most frequent first (then first seen).
    fn variants(&self, parts: &[TermId]) -> Vec<(&str, FormHits)> {
        // a term's forms are distinct; only its twins' forms can repeat them
        let mut variants: Vec<(&str, FormHits)> = self.forms_of(parts[0]).collect();
        for (text, f) in parts[1..].iter().flat_map(|&p| self.forms_of(p)) {
            match variants.iter_mut().find(|(t, _)| *t == text) {
                Some((_, v)) => {
                    v.occurrences += f.occurrences;
                    v.initial += f.initial;
                    v.first = v.first.min(f.first);
                }
                None => variants.push((text, f)),
            }
        }
        variants.sort_by(form_order);
        variants
    }
}

/// Forms in the order a term lists them: most frequent first, then first seen, then by text.
fn form_order(a: &(&str, FormHits), b: &(&str, FormHits)) -> std::cmp::Ordering {
    b.1.occurrences
        .cmp(&a.1.occurrences)
        .then(a.1.first.cmp(&b.1.first))
        .then(a.0.cmp(b.0))
}

/// The mark that ends the key of a lower-case spelling whose capitalised twin has its own key.
const TWIN_MARK: char = crate::german::VERB_MARK;

/// The table an analyst reads: one row per term, plus the base.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FrequencyTable {
    /// All answers (respondents), no-answers included.
    pub answers: u64,
    /// Answers with content (the base of `share`).
    pub answered: u64,
    /// Empty answers and no-answer markers.
    pub no_answer: u64,
    /// What the terms are sorted by.
    #[serde(skip)]
    pub weight: Weight,
    /// Terms, heaviest first.
    pub terms: Vec<Term>,
    /// Terms counted (of the minimum weight, for [`Counter::top`]): `terms` holds them all
    /// or the top of them.
    #[serde(skip)]
    pub distinct: usize,
}

/// One row of a [`FrequencyTable`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Term {
    /// The grouping key (not shown to readers; stable across runs).
    #[serde(skip)]
    pub key: String,
    /// The label: the most frequent surface form (first seen on ties), or the codebook label.
    pub term: String,
    /// Answers mentioning the term.
    pub answers: u64,
    /// `answers / answered`.
    pub share: f64,
    /// Occurrences, repeats within an answer included.
    pub occurrences: u64,
    /// Every surface form counted into this term, most frequent first.
    pub variants: Vec<Variant>,
}

/// One surface form of a term and how often it occurred.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Variant {
    /// The form as written.
    pub form: String,
    /// Occurrences of this form.
    pub count: u64,
}

impl Term {
    /// The term's weight under `weight`.
    pub fn weight(&self, weight: Weight) -> u64 {
        match weight {
            Weight::Answers => self.answers,
            Weight::Occurrences => self.occurrences,
        }
    }
}

impl FrequencyTable {
    /// Each label with its weight under the table's [`Weight`], heaviest first: what a cloud draws.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, Weight};
    ///
    /// let analyzer = Analyzer::german();
    /// let table = analyzer.count(["Personal fehlt", "Personal"]).table(Weight::Answers, analyzer.labels());
    /// assert_eq!(table.weights().next(), Some(("Personal", 2)));
    /// ```
    pub fn weights(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.terms
            .iter()
            .map(|t| (t.term.as_str(), t.weight(self.weight)))
    }
}
