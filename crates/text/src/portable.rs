//! Counters saved and read back (serde): shards counted in other processes or on other machines
//! merge exactly.

use serde::{Deserialize, Serialize};

use crate::counter::{Counts, FormHits, Hits};
use crate::vocabulary::{FormId, TermId};
use crate::Counter;

/// The saved form of a [`Counter`]: keys and forms as text, counts by their index. Independent
/// of hashing and memory layout; read back with the same checks as any untrusted input.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Portable {
    /// Format version (1).
    version: u32,
    /// Keys in id order.
    keys: Vec<String>,
    /// Forms in id order: (term id, text).
    forms: Vec<(TermId, String)>,
    whole: PortableCounts,
    subsets: Vec<PortableCounts>,
    next_position: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PortableCounts {
    answers: u64,
    no_answer: u64,
    /// (term id, answers, occurrences) of the terms named here.
    terms: Vec<(TermId, u64, u64)>,
    /// (form id, occurrences, first position, occurrences at a sentence start).
    forms: Vec<(FormId, u64, u64, u64)>,
    /// Overlap sets (see `Counts::overlaps`) with their answers, sorted for a stable output.
    overlaps: Vec<(Vec<TermId>, u64)>,
}

const VERSION: u32 = 1;

impl PortableCounts {
    fn new(counts: &Counts) -> Self {
        let mut overlaps: Vec<(Vec<TermId>, u64)> = counts
            .overlaps
            .iter()
            .map(|(set, &n)| (set.to_vec(), n))
            .collect();
        overlaps.sort_unstable();
        PortableCounts {
            answers: counts.answers,
            no_answer: counts.no_answer,
            terms: (0..)
                .zip(&counts.terms)
                .filter(|(_, h)| h.occurrences > 0)
                .map(|(t, h)| (t, h.answers, h.occurrences))
                .collect(),
            forms: (0..)
                .zip(&counts.forms)
                .filter(|(_, f)| f.occurrences > 0)
                .map(|(f, h)| (f, h.occurrences, h.first, h.initial))
                .collect(),
            overlaps,
        }
    }

    /// The counts, checked against a vocabulary of `terms` terms and `forms` forms.
    fn counts(self, terms: usize, forms: usize) -> Result<Counts, String> {
        let mut counts = Counts {
            answers: self.answers,
            no_answer: self.no_answer,
            ..Counts::default()
        };
        if self.no_answer > self.answers {
            return Err("more no-answers than answers".into());
        }
        counts.terms = vec![Hits::default(); terms];
        for (t, answers, occurrences) in self.terms {
            let hits = counts
                .terms
                .get_mut(t as usize)
                .ok_or_else(|| format!("term {t} is not in the vocabulary"))?;
            if answers > occurrences || answers > self.answers {
                return Err(format!("term {t} has impossible counts"));
            }
            *hits = Hits {
                answers,
                occurrences,
                last_answer: 0,
            };
        }
        counts.forms = vec![FormHits::default(); forms];
        for (f, occurrences, first, initial) in self.forms {
            let hits = counts
                .forms
                .get_mut(f as usize)
                .ok_or_else(|| format!("form {f} is not in the vocabulary"))?;
            if initial > occurrences {
                return Err(format!("form {f} has impossible counts"));
            }
            *hits = FormHits {
                occurrences,
                first,
                initial,
            };
        }
        for (set, n) in self.overlaps {
            if set.len() < 2 || set.iter().any(|&t| t as usize >= terms) {
                return Err("an overlap names unknown terms".into());
            }
            let mut set = set;
            set.sort_unstable();
            *counts.overlaps.entry(set.into()).or_default() += n;
        }
        Ok(counts)
    }
}

/// Saves the counts (every subset too) with keys and forms as text.
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Counter};
///
/// let analyzer = Analyzer::german();
/// let shard = |answers: &[&str], start: u64| {
///     let mut counter = Counter::default();
///     counter.seek(start);
///     for answer in answers {
///         analyzer.count_into(answer, &mut counter);
///     }
///     serde_json::to_string(&counter).unwrap() // counted elsewhere, sent as text
/// };
/// let first = shard(&["Fehlende Zeit", "Personal fehlt"], 0);
/// let second = shard(&["fehlende Mittel", "k.A."], 2);
/// let mut merged: Counter = serde_json::from_str(&first).unwrap();
/// merged.merge(serde_json::from_str(&second).unwrap());
/// let all = ["Fehlende Zeit", "Personal fehlt", "fehlende Mittel", "k.A."];
/// assert_eq!(analyzer.finish(merged), analyzer.count(all));
/// ```
impl Serialize for Counter {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = &self.vocabulary;
        let mut forms = vec![(0, String::new()); v.forms_len()];
        for t in 0..v.len() as TermId {
            for f in v.form_ids(t) {
                forms[f as usize] = (t, v.form_text(f).to_owned());
            }
        }
        Portable {
            version: VERSION,
            keys: (0..v.len() as TermId)
                .map(|t| v.key(t).to_owned())
                .collect(),
            forms,
            whole: PortableCounts::new(&self.whole),
            subsets: self.subsets.iter().map(PortableCounts::new).collect(),
            next_position: self.next_position(),
        }
        .serialize(serializer)
    }
}

/// Reads saved counts back; inconsistent input (an unknown id, a key or form twice, impossible
/// counts) is an error, never a panic.
impl<'de> Deserialize<'de> for Counter {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let p = Portable::deserialize(deserializer)?;
        if p.version != VERSION {
            return Err(D::Error::custom(format!(
                "saved counter version {} (this version reads {VERSION})",
                p.version
            )));
        }
        let mut counter = Counter::default();
        for (i, key) in p.keys.iter().enumerate() {
            if counter.term_id(key) as usize != i {
                return Err(D::Error::custom(format!("key `{key}` is saved twice")));
            }
        }
        for (i, (term, text)) in p.forms.iter().enumerate() {
            if *term as usize >= p.keys.len() {
                return Err(D::Error::custom(format!("form {i} names an unknown term")));
            }
            if counter.form_id(*term, text) as usize != i {
                return Err(D::Error::custom(format!("form `{text}` is saved twice")));
            }
        }
        let (terms, forms) = (p.keys.len(), p.forms.len());
        counter.whole = p.whole.counts(terms, forms).map_err(D::Error::custom)?;
        counter.subsets = p
            .subsets
            .into_iter()
            .map(|s| s.counts(terms, forms))
            .collect::<Result<_, _>>()
            .map_err(D::Error::custom)?;
        counter.seek(p.next_position);
        Ok(counter)
    }
}
