//! Counter and FrequencyTable: per-respondent counting and the table an analyst reads.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::{Separator, Token, TokenKind};

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
/// and [`merge`](Counter::merge) them in input order; the result is the same as counting all
/// answers in one counter.
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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counter {
    answers: u64,
    no_answer: u64,
    terms: FxHashMap<String, TermCount>,
}

#[derive(Debug, Clone, Default)]
struct TermCount {
    answers: u64,
    occurrences: u64,
    /// Answers that contain both this key and its case twin `key~` (see [`Counter::table`]).
    twin_overlap: u64,
    forms: FxHashMap<String, FormCount>,
    /// 1 + index of the last answer that named the term (0: none yet): counts a term once per
    /// answer without comparing keys. Bookkeeping only: not part of equality, not merged.
    last_answer: u64,
}

impl PartialEq for TermCount {
    fn eq(&self, other: &Self) -> bool {
        (self.answers, self.occurrences, self.twin_overlap)
            == (other.answers, other.occurrences, other.twin_overlap)
            && self.forms == other.forms
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct FormCount {
    occurrences: u64,
    /// Index of the first answer the form was seen in (ties of the label go to the first).
    first: u64,
    /// Occurrences at the start of a sentence, where a capital letter says nothing.
    initial: u64,
}

impl Counter {
    /// Counts one answer from its tokens; `answer` is the text they were made from.
    pub fn add(&mut self, answer: &str, tokens: &[Token]) {
        let index = self.answers;
        self.answers += 1;
        // lower-case twins named in this answer, to find answers naming both twins
        let mut twins: Vec<&str> = Vec::new();
        let mut sentence_initial = true;
        for token in tokens {
            let initial = sentence_initial;
            sentence_initial = match token.kind {
                TokenKind::Separator(Separator::Hard) => true,
                TokenKind::Separator(Separator::Soft) => sentence_initial,
                _ => false,
            };
            if token.kind != TokenKind::Word {
                continue;
            }
            // look up by borrowed key: allocate only for a new term or a new form
            let term = match self.terms.get_mut(token.key.as_str()) {
                Some(term) => term,
                None => self.terms.entry(token.key.clone()).or_default(),
            };
            term.occurrences += 1;
            if term.last_answer != index + 1 {
                term.last_answer = index + 1;
                term.answers += 1;
                if token.key.ends_with(TWIN_MARK) {
                    twins.push(&token.key);
                }
            }
            let text = token.text(answer);
            let form = if text.contains(char::is_whitespace) {
                term.forms.entry(surface_form(text)).or_insert(FormCount {
                    occurrences: 0,
                    first: index,
                    initial: 0,
                })
            } else {
                match term.forms.get_mut(text) {
                    Some(form) => form,
                    None => term.forms.entry(text.to_owned()).or_insert(FormCount {
                        occurrences: 0,
                        first: index,
                        initial: 0,
                    }),
                }
            };
            form.occurrences += 1;
            form.initial += u64::from(initial);
        }
        for key in twins {
            let base = &key[..key.len() - TWIN_MARK.len_utf8()];
            if let Some(term) = self.terms.get_mut(base) {
                if term.last_answer == index + 1 {
                    term.twin_overlap += 1;
                }
            }
        }
    }

    /// Counts one respondent who gave no answer (empty, `k.A.`, …).
    pub fn add_no_answer(&mut self) {
        self.answers += 1;
        self.no_answer += 1;
    }

    /// Appends the counts of `other`, whose answers come after this counter's answers.
    pub fn merge(&mut self, other: Counter) {
        let offset = self.answers;
        self.answers += other.answers;
        self.no_answer += other.no_answer;
        for (key, theirs) in other.terms {
            let ours = self.terms.entry(key).or_default();
            ours.answers += theirs.answers;
            ours.occurrences += theirs.occurrences;
            ours.twin_overlap += theirs.twin_overlap;
            for (form, f) in theirs.forms {
                let entry = ours.forms.entry(form).or_insert(FormCount {
                    occurrences: 0,
                    first: f.first + offset,
                    initial: 0,
                });
                entry.occurrences += f.occurrences;
                entry.initial += f.initial;
            }
        }
    }

    /// All answers counted, no-answers included.
    pub fn answers(&self) -> u64 {
        self.answers
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
    /// Returns source key → (target key, answers naming both).
    fn twin_plan(&self) -> FxHashMap<&str, (&str, u64)> {
        let mut plan = FxHashMap::default();
        for lower_key in self.terms.keys().filter(|k| k.ends_with(TWIN_MARK)) {
            let base = &lower_key[..lower_key.len() - TWIN_MARK.len_utf8()];
            let (Some((base, upper)), Some(lower)) = (
                self.terms.get_key_value(base),
                self.terms.get(lower_key.as_str()),
            ) else {
                continue;
            };
            let only_initial = upper.forms.values().all(|f| f.initial == f.occurrences);
            let all_lower = lower
                .forms
                .keys()
                .all(|f| f.chars().next().is_some_and(|c| !c.is_uppercase()));
            if only_initial {
                plan.insert(base.as_str(), (lower_key.as_str(), upper.twin_overlap));
            } else if all_lower && upper.occurrences >= 2 * lower.occurrences {
                plan.insert(lower_key.as_str(), (base.as_str(), upper.twin_overlap));
            }
        }
        plan
    }

    /// The frequency table: terms sorted by `weight` (descending), then by label.
    /// `labels` fixes the label of some keys (synonym groups: see [`Analyzer::labels`](crate::Analyzer::labels)).
    /// Case twins are reconciled first (see the type's documentation: lower-case spellings and
    /// sentence-start capitals join their twin).
    pub fn table(&self, weight: Weight, labels: &HashMap<String, String>) -> FrequencyTable {
        let answered = self.answers - self.no_answer;
        // term key → the twins that join it, and the answers they share with it
        let plan = self.twin_plan();
        let mut joined: FxHashMap<&str, (Vec<&TermCount>, u64)> = FxHashMap::default();
        for (from, (into, shared)) in &plan {
            let entry = joined.entry(into).or_default();
            entry.0.push(&self.terms[*from]);
            entry.1 += shared;
        }
        let mut terms: Vec<Term> = Vec::with_capacity(self.terms.len());
        for (key, count) in &self.terms {
            if plan.contains_key(key.as_str()) {
                continue; // counted with its twin
            }
            let (twins, shared) = joined.remove(key.as_str()).unwrap_or_default();
            let parts: Vec<&TermCount> = std::iter::once(count).chain(twins).collect();
            let answers = parts.iter().map(|p| p.answers).sum::<u64>() - shared;
            let occurrences = parts.iter().map(|p| p.occurrences).sum();
            let mut forms: FxHashMap<&str, FormCount> = FxHashMap::default();
            for part in &parts {
                for (form, f) in &part.forms {
                    let entry = forms.entry(form).or_insert(FormCount {
                        occurrences: 0,
                        first: f.first,
                        initial: 0,
                    });
                    entry.occurrences += f.occurrences;
                    entry.initial += f.initial;
                    entry.first = entry.first.min(f.first);
                }
            }
            let mut variants: Vec<(&str, FormCount)> = forms.into_iter().collect();
            variants.sort_by(|a, b| {
                b.1.occurrences
                    .cmp(&a.1.occurrences)
                    .then(a.1.first.cmp(&b.1.first))
                    .then(a.0.cmp(b.0))
            });
            let label = labels
                .get(key)
                .cloned()
                .unwrap_or_else(|| variants[0].0.to_owned());
            terms.push(Term {
                key: key.clone(),
                term: label,
                answers,
                share: if answered == 0 {
                    0.0
                } else {
                    answers as f64 / answered as f64
                },
                occurrences,
                variants: variants
                    .into_iter()
                    .map(|(form, f)| Variant {
                        form: form.to_owned(),
                        count: f.occurrences,
                    })
                    .collect(),
            });
        }
        terms.sort_by(|a, b| {
            b.weight(weight)
                .cmp(&a.weight(weight))
                .then_with(|| a.term.cmp(&b.term))
                .then_with(|| a.key.cmp(&b.key))
        });
        FrequencyTable {
            answers: self.answers,
            answered,
            no_answer: self.no_answer,
            weight,
            terms,
        }
    }
}

/// The mark that ends the key of a lower-case spelling whose capitalised twin has its own key.
const TWIN_MARK: char = crate::german::VERB_MARK;

/// The surface form as shown: inner whitespace (line breaks in a merged phrase) collapsed.
fn surface_form(text: &str) -> String {
    if text.contains(char::is_whitespace) {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text.to_owned()
    }
}

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
    /// Keeps terms whose weight is at least `min`.
    pub fn retain_min(&mut self, min: u64) {
        let w = self.weight;
        self.terms.retain(|t| t.weight(w) >= min);
    }

    /// Keeps the first `n` terms.
    pub fn truncate(&mut self, n: usize) {
        self.terms.truncate(n);
    }

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
