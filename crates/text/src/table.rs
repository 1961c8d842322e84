//! Counted and FrequencyTable: a finished count — its case plan and labels decided once — and
//! the tables an analyst reads, for all answers and for every question and group.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::case::{decide, lower_first, Evidence, OpenKey, Reading};
use crate::counter::{Counts, FormHits};
use crate::vocabulary::{TermId, NO_TERM};
use crate::Counter;

/// What the weight of a term is.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, TableOptions, Weight};
///
/// let counted = Analyzer::german().count(["Personal, Personal, Personal", "Zeit", "Zeit"]);
/// let by_answers = counted.table(&TableOptions::default()); // the default: respondents
/// let by_occurrences = counted.table(&TableOptions { weight: Weight::Occurrences, ..Default::default() });
/// assert_eq!((by_answers.terms[0].label.as_str(), by_occurrences.terms[0].label.as_str()), ("Zeit", "Personal"));
/// ```
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

/// What a share is relative to.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Base, TableOptions};
///
/// // four respondents, one without an answer
/// let counted = Analyzer::german().count(["Personal fehlt", "Personal", "Zeit", "k.A."]);
/// let answered = counted.table(&TableOptions::default());
/// let all = counted.table(&TableOptions { base: Base::All, ..Default::default() });
/// assert_eq!((answered.answered, answered.no_answer, answered.answers), (3, 1, 4));
/// assert_eq!(answered.terms[0].share, 2.0 / 3.0);
/// assert_eq!(all.terms[0].share, 2.0 / 4.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// The respondents who answered (no-answers left out). The default.
    #[default]
    Answered,
    /// All respondents, no-answers included.
    All,
}

/// Which rows a table holds and how they are weighed. The default: weight by answers
/// (respondents), shares of those who answered, every row (`min: 0`, `top: None`).
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, TableOptions};
///
/// let counted = Analyzer::german().count(["Personal fehlt", "Personal und Zeit", "Geld"]);
/// let top = counted.table(&TableOptions { top: Some(2), ..Default::default() });
/// let full = counted.table(&TableOptions::default());
/// assert_eq!(top.terms, full.terms[..2]);
/// assert_eq!(top.distinct, full.terms.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableOptions {
    /// What the rows are sorted and cut by.
    pub weight: Weight,
    /// What shares are relative to.
    pub base: Base,
    /// Rows of a smaller weight are left out.
    pub min: u64,
    /// At most this many rows, the heaviest (the others are never built).
    pub top: Option<usize>,
}

/// The table an analyst reads: one row per term, plus the base.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FrequencyTable {
    /// All answers (respondents), no-answers included.
    pub answers: u64,
    /// Answers with content.
    pub answered: u64,
    /// Empty answers and no-answer markers.
    pub no_answer: u64,
    /// What the terms are sorted by.
    #[serde(skip)]
    pub weight: Weight,
    /// What `share` is relative to.
    #[serde(skip)]
    pub base: Base,
    /// Terms, heaviest first.
    pub terms: Vec<Term>,
    /// Terms that qualified (of the minimum weight): `terms` holds them all or the top of them.
    #[serde(skip)]
    pub distinct: usize,
    /// Rows the top cut left out although they weigh as much as the last row shown (the cut
    /// went by label among them).
    #[serde(skip)]
    pub tied_out: usize,
}

/// One row of a [`FrequencyTable`].
///
/// # Example
/// ```
/// use wortwolke_text::Analyzer;
///
/// let table = Analyzer::german().count(["Fehlendes Personal, Personal!", "zu wenig Personal", "k.A."]).table(&Default::default());
/// let term = &table.terms[0];
/// assert_eq!((term.label.as_str(), term.answers, term.occurrences, term.share), ("Personal", 2, 3, 1.0));
/// assert_eq!(term.variants[0].form, "Personal");
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Term {
    /// The label: the codebook's label, else the spelling written most often where its case is
    /// known (mid-sentence), else the most frequent spelling. The same in every table of a run.
    #[serde(rename = "term")]
    pub label: String,
    /// The grouping key (stable across runs; what `analyze` prints).
    pub key: String,
    /// Answers mentioning the term.
    pub answers: u64,
    /// `answers` relative to the table's [`Base`].
    pub share: f64,
    /// Occurrences, repeats within an answer included.
    pub occurrences: u64,
    /// Every surface form counted into this term, most frequent first.
    pub variants: Vec<Variant>,
}

/// One surface form of a term and how often it occurred.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, TableOptions};
///
/// let counted = Analyzer::german().count(["viele Anträge", "der Antrag", "die Anträge"]);
/// let term = &counted.table(&TableOptions::default()).terms[0];
/// assert_eq!(term.label, "Anträge");
/// let forms: Vec<(&str, u64)> = term.variants.iter().map(|v| (v.form.as_str(), v.count)).collect();
/// assert_eq!(forms, [("Anträge", 2), ("Antrag", 1)]);
/// ```
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
    /// use wortwolke_text::Analyzer;
    ///
    /// let table = Analyzer::german().count(["Personal fehlt", "Personal"]).table(&Default::default());
    /// assert_eq!(table.weights().next(), Some(("Personal", 2)));
    /// ```
    pub fn weights(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.terms
            .iter()
            .map(|t| (t.label.as_str(), t.weight(self.weight)))
    }
}

/// A finished count: the counter with its case plan and labels, decided once over all answers
/// and applied alike to the whole and to every subset (question, group). Every table of a
/// `Counted` gives a term the same key and label, and a subset's cells are its own counts,
/// whatever the other tables' options.
///
/// Made by [`Analyzer::count`](crate::Analyzer::count), [`Analyzer::finish`](crate::Analyzer::finish)
/// or [`Tally::finish`](crate::Tally::finish), which bring the analyzer's codebook labels.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, TableOptions};
///
/// let analyzer = Analyzer::german();
/// // `Fehlende` starts the answer: its capital says nothing, so it joins `fehlende`
/// let counted = analyzer.count(["Fehlende Stellen", "es gibt fehlende Mittel", "k.A."]);
/// let table = counted.table(&TableOptions::default());
/// let row = table.terms.iter().find(|t| t.label == "fehlende").unwrap();
/// assert_eq!((row.answers, row.occurrences), (2, 2));
/// assert_eq!((table.answers, table.answered, table.no_answer), (3, 2, 1));
/// ```
#[derive(Clone)]
pub struct Counted {
    counter: Counter,
    codebook: HashMap<String, String>,
    /// The rows of every table: one per decided term, open terms joined in.
    rows: Vec<Row>,
    /// Term → its row.
    row_of: Vec<u32>,
    /// Open terms joined into a row besides its main term.
    joined: FxHashMap<u32, Vec<TermId>>,
    /// Keys of rows made of open terms alone (their candidate was never written) → row.
    own: HashMap<String, u32>,
}

/// One row of the plan.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// The row's term (for a row of open terms alone: the first of them).
    main: TermId,
    /// For a row of open terms alone: the reading decided (its key, its label's case).
    reading: Option<Reading>,
}

/// Short: the counter's sizes and the plan's, not every row.
impl std::fmt::Debug for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counted")
            .field("counter", &self.counter)
            .field("rows", &self.rows.len())
            .field("joined", &self.joined.len())
            .field("codebook_labels", &self.codebook.len())
            .finish()
    }
}

impl PartialEq for Counted {
    fn eq(&self, other: &Self) -> bool {
        self.counter == other.counter && self.codebook == other.codebook
    }
}

impl Counted {
    /// Decides the case plan of `counter` and fixes its labels (`codebook`: key → label).
    pub(crate) fn new(counter: Counter, codebook: HashMap<String, String>) -> Self {
        let v = &counter.vocabulary;
        let whole = &counter.whole;
        let mut rows = Vec::with_capacity(v.len());
        let mut row_of = vec![u32::MAX; v.len()];
        let mut opens = Vec::new();
        for t in 0..v.len() as TermId {
            if v.open(t).is_some() {
                opens.push(t);
            } else {
                row_of[t as usize] = rows.len() as u32;
                rows.push(Row {
                    main: t,
                    reading: None,
                });
            }
        }
        let mut joined: FxHashMap<u32, Vec<TermId>> = FxHashMap::default();
        let mut own: HashMap<String, u32> = HashMap::new();
        // how often `text` was written as a form of `term` where its case means something
        let written = |term: TermId, text: &str| -> u64 {
            if term == NO_TERM {
                return 0;
            }
            v.form_ids(term)
                .find(|&f| v.form_text(f) == text)
                .map_or(0, |f| {
                    let hits = whole.form(f);
                    if text.starts_with(char::is_uppercase) {
                        hits.occurrences - hits.initial
                    } else {
                        hits.occurrences
                    }
                })
        };
        let written_term = |term: TermId| term != NO_TERM && whole.term(term).occurrences > 0;
        // the same spellings written where their case is known: as written, and in lower case
        let evidence: Vec<(u64, u64)> = opens
            .iter()
            .map(|&t| {
                let [capital, lower] = v.open(t).expect("an open term");
                v.form_ids(t).fold((0, 0), |(c, l), f| {
                    let text = v.form_text(f);
                    (
                        c + written(capital, text),
                        l + written(lower, &lower_first(text)),
                    )
                })
            })
            .collect();
        // noun readings → the lower-case readings of the open spellings never written in lower
        // case: a sentence start that only the noun explains (`Damm` beside `Dämme`/`dämmen`)
        let mut noun_only: HashMap<&str, Vec<&str>> = HashMap::new();
        for (&t, &(_, as_lower)) in opens.iter().zip(&evidence) {
            if as_lower == 0 {
                let open = OpenKey::parse(v.key(t)).expect("an open key");
                noun_only.entry(open.capital).or_default().push(open.lower);
            }
        }
        for (&t, &(as_capital, as_lower)) in opens.iter().zip(&evidence) {
            let [capital, lower] = v.open(t).expect("an open term");
            let open = OpenKey::parse(v.key(t)).expect("an open key");
            let noun_sibling = noun_only
                .get(open.capital)
                .is_some_and(|lowers| lowers.iter().any(|&l| l != open.lower));
            let reading = decide(
                &open,
                Evidence {
                    capital: as_capital,
                    lower: as_lower,
                    noun_written: written_term(capital),
                    noun_sibling,
                },
            );
            let key = reading.key(&open);
            let target = match reading {
                Reading::Capital => capital,
                Reading::Lower => lower,
            };
            let row = if target != NO_TERM {
                row_of[target as usize]
            } else if let Some(&row) = own.get(key) {
                row
            } else {
                let row = rows.len() as u32;
                rows.push(Row {
                    main: t,
                    reading: Some(reading),
                });
                own.insert(key.to_owned(), row);
                row_of[t as usize] = row;
                continue;
            };
            joined.entry(row).or_default().push(t);
            row_of[t as usize] = row;
        }
        Counted {
            counter,
            codebook,
            rows,
            row_of,
            joined,
            own,
        }
    }

    /// The table of all answers.
    pub fn table(&self, options: &TableOptions) -> FrequencyTable {
        self.whole().table(options)
    }

    /// All answers, as a view to make tables from.
    pub fn whole(&self) -> View<'_> {
        View {
            counted: self,
            counts: &self.counter.whole,
        }
    }

    /// Subset `s` (see [`Counter::count_in`]); empty if nothing was counted in it.
    pub fn subset(&self, s: usize) -> View<'_> {
        static EMPTY: std::sync::OnceLock<Counts> = std::sync::OnceLock::new();
        View {
            counted: self,
            counts: self
                .counter
                .subsets
                .get(s)
                .unwrap_or_else(|| EMPTY.get_or_init(Counts::default)),
        }
    }

    /// The counter counted.
    pub fn counter(&self) -> &Counter {
        &self.counter
    }

    /// The key a token's `key` counts under in this run: an open key (a sentence-start capital)
    /// becomes the key of the reading decided; every other key stays.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::Analyzer;
    ///
    /// let analyzer = Analyzer::german();
    /// let answers = ["Dringend schneller", "es dauert, dringend helfen", "Personal fehlt"];
    /// let counted = analyzer.count(answers);
    /// let key = |answer: &str| counted.resolve(&analyzer.analyze(answer)[0].key).to_owned();
    /// // `Dringend` starts its answer; `dringend` was written mid-sentence: one term
    /// assert_eq!(key("Dringend schneller"), analyzer.analyze("es dauert, dringend helfen")[3].key);
    /// assert_eq!(counted.label(&key("Dringend schneller")).as_deref(), Some("dringend"));
    /// // `Personal` was never written elsewhere: a noun stays a noun
    /// assert_eq!(counted.label(&key("Personal fehlt")).as_deref(), Some("Personal"));
    /// ```
    pub fn resolve<'k>(&'k self, key: &'k str) -> &'k str {
        let Some(open) = OpenKey::parse(key) else {
            return key;
        };
        match self.counter.vocabulary.id(key) {
            Some(t) => self.row_key(self.row_of[t as usize]),
            None => open.default_key(),
        }
    }

    /// The label of the term with the (resolved) `key` in every table of this run.
    pub fn label(&self, key: &str) -> Option<Cow<'_, str>> {
        let row = self.row(self.resolve(key))?;
        Some(self.row_label(row))
    }

    /// The row of a resolved key.
    fn row(&self, key: &str) -> Option<u32> {
        if let Some(&row) = self.own.get(key) {
            return Some(row);
        }
        let t = self.counter.vocabulary.id(key)?;
        self.counter
            .vocabulary
            .open(t)
            .is_none()
            .then(|| self.row_of[t as usize])
    }

    fn row_key(&self, row: u32) -> &str {
        let Row { main, reading } = self.rows[row as usize];
        let key = self.counter.vocabulary.key(main);
        match reading {
            None => key,
            Some(reading) => reading.key(&OpenKey::parse(key).expect("an open key")),
        }
    }

    /// The terms counted in a row.
    fn parts(&self, row: u32) -> impl Iterator<Item = TermId> + '_ {
        std::iter::once(self.rows[row as usize].main)
            .chain(self.joined.get(&row).into_iter().flatten().copied())
    }

    /// The forms of a row's terms with their counts in `counts`, merged by text, in label order.
    fn forms<'c>(&'c self, row: u32, counts: &Counts) -> Vec<(&'c str, FormHits)> {
        let v = &self.counter.vocabulary;
        let mut forms: Vec<(&str, FormHits)> = Vec::new();
        for t in self.parts(row) {
            for f in v.form_ids(t) {
                let hits = counts.form(f);
                if hits.occurrences == 0 {
                    continue;
                }
                let text = v.form_text(f);
                match forms.iter_mut().find(|(x, _)| *x == text) {
                    Some((_, known)) => known.add(&hits),
                    None => forms.push((text, hits)),
                }
            }
        }
        forms
    }

    /// A row's label, from all answers: the codebook's, else the most frequent spelling. Where
    /// the row holds words that started a sentence, whose capital says nothing, a spelling
    /// counts where its case is known (a lower-case spelling always, a capitalised one
    /// mid-sentence), and sentence-start capitals count for the lower-case spelling they hide
    /// (`Fehlende` for `fehlende`); a row of such words alone decided to be lower case is
    /// labelled in lower case.
    fn row_label(&self, row: u32) -> Cow<'_, str> {
        if let Some(label) = self.codebook.get(self.row_key(row)) {
            return Cow::Borrowed(label);
        }
        let forms = self.forms(row, &self.counter.whole);
        let Row { reading, .. } = self.rows[row as usize];
        if reading.is_none() && !self.joined.contains_key(&row) {
            if self.row_key(row).contains(' ') {
                // a term of several words (a phrase, a pair): the spelling written most often
                // where its case means something (in lower case anywhere, capitalised
                // mid-sentence); else the most frequent
                let known = |text: &str, f: &FormHits| {
                    if text.starts_with(char::is_uppercase) {
                        f.occurrences - f.initial
                    } else {
                        f.occurrences
                    }
                };
                let inner = |(text, f): &(&str, FormHits)| known(text, f);
                let any_inner = forms.iter().any(|form| inner(form) > 0);
                return forms
                    .into_iter()
                    .min_by(|a, b| {
                        let (x, y) = if any_inner {
                            (inner(a), inner(b))
                        } else {
                            (0, 0)
                        };
                        y.cmp(&x).then_with(|| form_order(a, b))
                    })
                    .map_or(Cow::Borrowed(""), |(text, _)| Cow::Borrowed(text));
            }
            // no sentence-start word in it: case is what was written
            return forms
                .into_iter()
                .min_by(form_order)
                .map_or(Cow::Borrowed(""), |(text, _)| Cow::Borrowed(text));
        }
        let score = |(text, f): &(&str, FormHits)| -> u64 {
            if text.starts_with(char::is_uppercase) {
                return f.occurrences - f.initial;
            }
            let hidden: u64 = forms
                .iter()
                .filter(|(other, _)| other.starts_with(char::is_uppercase))
                .filter(|(other, _)| lower_first(other) == *text)
                .map(|(_, g)| g.initial)
                .sum();
            f.occurrences + hidden
        };
        let Some((text, hits)) = forms
            .iter()
            .min_by(|a, b| score(b).cmp(&score(a)).then_with(|| form_order(a, b)))
        else {
            return Cow::Borrowed("");
        };
        if reading == Some(Reading::Lower) && hits.occurrences == hits.initial {
            return lower_first(text);
        }
        Cow::Borrowed(text)
    }
}

/// Forms in the order a term lists them: most frequent first, then first seen, then by text.
fn form_order(a: &(&str, FormHits), b: &(&str, FormHits)) -> std::cmp::Ordering {
    b.1.occurrences
        .cmp(&a.1.occurrences)
        .then(a.1.first.cmp(&b.1.first))
        .then(a.0.cmp(b.0))
}

/// The answers of a [`Counted`] or of one of its subsets, to make tables from. Rows, keys and
/// labels are the run's; the counts are the view's own.
#[derive(Debug, Clone, Copy)]
pub struct View<'c> {
    counted: &'c Counted,
    counts: &'c Counts,
}

impl<'c> View<'c> {
    /// The table of this view's answers: its terms by `options.weight` (descending), then by
    /// label, then key; `options.min` and `options.top` cut it (the rows cut are never built).
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, TableOptions};
    ///
    /// let analyzer = Analyzer::german();
    /// let counted = analyzer.count(["Personal fehlt", "Personal und Zeit", "Geld"]);
    /// let table = counted.whole().table(&TableOptions { min: 2, ..Default::default() });
    /// assert_eq!(table.weights().collect::<Vec<_>>(), [("Personal", 2)]);
    /// ```
    pub fn table(&self, options: &TableOptions) -> FrequencyTable {
        let rows = 0..self.counted.rows.len() as u32;
        self.build(rows, options, true)
    }

    /// The rows of `table` (by key, from any view of the same run) with this view's counts,
    /// heaviest first: a group's cells for the rows the whole table shows. Rows this view never
    /// named are left out; `options.min` and `options.top` are not applied again.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, Counter, TableOptions};
    ///
    /// let analyzer = Analyzer::german();
    /// let mut counter = Counter::default();
    /// for (answer, group) in [("Personal fehlt", 0), ("Personal", 0), ("Zeit", 1), ("Personal", 1)] {
    ///     counter.count_in(&[group]);
    ///     analyzer.count_into(answer, &mut counter);
    /// }
    /// let counted = analyzer.finish(counter);
    /// let total = counted.table(&TableOptions { min: 3, ..Default::default() });
    /// let group = counted.subset(1).rows_of(&total, &TableOptions::default());
    /// assert_eq!(group.weights().collect::<Vec<_>>(), [("Personal", 1)]);
    /// ```
    pub fn rows_of(&self, table: &FrequencyTable, options: &TableOptions) -> FrequencyTable {
        let rows: Vec<u32> = table
            .terms
            .iter()
            .filter_map(|t| self.counted.row(&t.key))
            .collect();
        let options = TableOptions {
            min: 0,
            top: None,
            ..*options
        };
        self.build(rows.into_iter(), &options, false)
    }

    /// The answers of this view.
    pub fn answers(&self) -> u64 {
        self.counts.answers
    }

    fn build(
        &self,
        rows: impl Iterator<Item = u32>,
        options: &TableOptions,
        cut: bool,
    ) -> FrequencyTable {
        let counted = self.counted;
        let counts = self.counts;
        // answers that named two terms of one row counted them once
        let mut twice: FxHashMap<u32, u64> = FxHashMap::default();
        for (set, &n) in &counts.overlaps {
            let mut rows: Vec<u32> = set.iter().map(|&t| counted.row_of[t as usize]).collect();
            rows.sort_unstable();
            for pair in rows.windows(2) {
                if pair[0] == pair[1] {
                    *twice.entry(pair[0]).or_default() += n;
                }
            }
        }
        struct Cell<'c> {
            row: u32,
            answers: u64,
            occurrences: u64,
            label: Cow<'c, str>,
        }
        let weight = |c: &Cell| match options.weight {
            Weight::Answers => c.answers,
            Weight::Occurrences => c.occurrences,
        };
        let mut cells: Vec<Cell> = Vec::new();
        for row in rows {
            let (mut answers, mut occurrences) = (0, 0);
            for t in counted.parts(row) {
                let hits = counts.term(t);
                answers += hits.answers;
                occurrences += hits.occurrences;
            }
            if occurrences == 0 {
                continue;
            }
            // saturating: saved counters read back are untrusted
            answers = answers.saturating_sub(twice.get(&row).copied().unwrap_or(0));
            let cell = Cell {
                row,
                answers,
                occurrences,
                label: Cow::Borrowed(""),
            };
            if !cut || weight(&cell) >= options.min {
                cells.push(cell);
            }
        }
        let distinct = cells.len();
        let top = options.top.filter(|&n| cut && n < cells.len());
        if let Some(n) = top {
            // only rows as heavy as the n-th can be among the first n: label just those
            if n == 0 {
                cells.clear();
            } else {
                cells.select_nth_unstable_by(n - 1, |a, b| weight(b).cmp(&weight(a)));
                let lightest = weight(&cells[n - 1]);
                cells.retain(|c| weight(c) >= lightest);
            }
        }
        for cell in &mut cells {
            cell.label = counted.row_label(cell.row);
        }
        let order = |a: &Cell, b: &Cell| {
            weight(b)
                .cmp(&weight(a))
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| counted.row_key(a.row).cmp(counted.row_key(b.row)))
        };
        cells.sort_by(order);
        let mut tied_out = 0;
        if let Some(n) = top {
            // what is left beyond n weighs as much as the last row shown
            tied_out = cells.len().saturating_sub(n);
            cells.truncate(n);
        }
        let answered = counts.answers - counts.no_answer;
        let base = match options.base {
            Base::Answered => answered,
            Base::All => counts.answers,
        };
        let terms = cells
            .into_iter()
            .map(|cell| {
                let mut forms = counted.forms(cell.row, counts);
                forms.sort_by(form_order);
                Term {
                    label: cell.label.into_owned(),
                    key: counted.row_key(cell.row).to_owned(),
                    answers: cell.answers,
                    share: if base == 0 {
                        0.0
                    } else {
                        cell.answers as f64 / base as f64
                    },
                    occurrences: cell.occurrences,
                    variants: forms
                        .into_iter()
                        .map(|(form, f)| Variant {
                            form: form.to_owned(),
                            count: f.occurrences,
                        })
                        .collect(),
                }
            })
            .collect();
        FrequencyTable {
            answers: counts.answers,
            answered,
            no_answer: counts.no_answer,
            weight: options.weight,
            base: options.base,
            terms,
            distinct,
            tied_out,
        }
    }
}
