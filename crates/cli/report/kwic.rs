//! The answers behind each term (keyword in context): which answers name it, and where, from
//! the analyzer's byte offsets and the run's resolved keys — the very keys the tables count.

use std::collections::HashMap;
use std::ops::Range;

use wortwolke_text::{Analyzer, Counted, FrequencyTable, Tally};

/// One answer naming a term: the answer's index and the byte ranges of its matched spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub answer: usize,
    pub marks: Vec<Range<usize>>,
}

/// The answers naming a term: how many, and the first of them (at most the cap).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    pub named: u64,
    pub hits: Vec<Hit>,
}

impl Listed {
    fn push(&mut self, hit: impl FnOnce() -> Hit, cap: usize) {
        self.named += 1;
        if self.hits.len() < cap {
            self.hits.push(hit());
        }
    }

    /// Whether every answer naming the term is listed.
    pub fn complete(&self) -> bool {
        self.hits.len() as u64 == self.named
    }
}

/// The answers naming one row of a table: in all, and in each group (by group index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermAnswers {
    pub all: Listed,
    pub groups: Vec<(usize, Listed)>,
}

/// One answer of a question as the report reads it: its text and its group's index.
#[derive(Debug, Clone, Copy)]
pub struct AnswerIn<'a> {
    pub text: &'a str,
    pub group: Option<usize>,
}

/// For each row of `table` (a table of `counted`'s run, of the question whose answers are
/// `answers`), the answers that name it: the same answers its count counts, at most `cap`
/// listed per row and per group. `analyzer` is the run's.
pub fn collect(
    analyzer: &Analyzer,
    counted: &Counted,
    answers: &[AnswerIn],
    table: &FrequencyTable,
    cap: usize,
) -> Vec<TermAnswers> {
    let rows: HashMap<&str, usize> = table
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key.as_str(), i))
        .collect();
    let mut out = vec![TermAnswers::default(); table.terms.len()];
    // a tally analyses as the analyzer does, remembering what it made of each word
    let mut tally = Tally::new(analyzer);
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    for (index, answer) in answers.iter().enumerate() {
        if analyzer.is_no_answer(answer.text) {
            continue;
        }
        let tokens = tally.analyze(answer.text);
        found.clear();
        found.extend(
            tokens
                .iter()
                .filter(|t| t.kind.is_word())
                .filter_map(|t| Some((*rows.get(counted.resolve(&t.key))?, t.offset.clone()))),
        );
        // by row, each row's spellings in reading order
        found.sort_by_key(|(row, range)| (*row, range.start));
        for same in found.chunk_by(|a, b| a.0 == b.0) {
            let row = same[0].0;
            let hit = || Hit {
                answer: index,
                marks: same.iter().map(|(_, r)| r.clone()).collect(),
            };
            let term = &mut out[row];
            term.all.push(hit, cap);
            if let Some(g) = answer.group {
                let at = match term.groups.iter().position(|(x, _)| *x == g) {
                    Some(at) => at,
                    None => {
                        term.groups.push((g, Listed::default()));
                        term.groups.len() - 1
                    }
                };
                term.groups[at].1.push(hit, cap);
            }
        }
    }
    for term in &mut out {
        term.groups.sort_by_key(|(g, _)| *g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wortwolke_text::TableOptions;

    #[test]
    fn every_counted_answer_is_found_with_its_spellings() {
        let analyzer = Analyzer::german();
        let texts = [
            "Fehlendes Personal",
            "k.A.",
            "Personal, Personal und nochmals PERSONAL?",
            "Zeit fehlt",
            "Bitte mehr Zeit. Personal!",
        ];
        let counted = analyzer.count(texts);
        let table = counted.table(&TableOptions::default());
        let answers: Vec<AnswerIn> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| AnswerIn {
                text,
                group: Some(i % 2),
            })
            .collect();
        let found = collect(&analyzer, &counted, &answers, &table, 2);
        for (term, listed) in table.terms.iter().zip(&found) {
            assert_eq!(listed.all.named, term.answers, "{}", term.label);
            let in_groups: u64 = listed.groups.iter().map(|(_, l)| l.named).sum();
            assert_eq!(in_groups, term.answers);
        }
        let personal = table
            .terms
            .iter()
            .position(|t| t.label == "Personal")
            .unwrap();
        let listed = &found[personal].all;
        assert_eq!(listed.named, 3);
        assert_eq!(listed.hits.len(), 2, "capped at 2");
        assert!(!listed.complete());
        let second = &listed.hits[1];
        assert_eq!(second.answer, 2);
        let spellings: Vec<&str> = second.marks.iter().map(|r| &texts[2][r.clone()]).collect();
        assert_eq!(spellings, ["Personal", "Personal", "PERSONAL"]);
    }
}
