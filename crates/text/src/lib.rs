#![doc = include_str!("../README.md")]
//!
//! # Brief overview
//!
//! - [`Analyzer`] turns one answer into [`Token`]s: a [`Tokenizer`] plus an ordered chain of
//!   [filters](filter) (normalize, stop words, stem, synonyms, phrases, negation).
//! - [`Counter`] counts analysed answers per respondent, for the whole and for subsets
//!   (questions, groups); counters merge.
//! - [`Tally`] analyses and counts many answers fast (one per thread).
//! - [`Counted`] is a finished count: the case of sentence-start words and every label decided
//!   once, the same in every table it makes.
//! - [`FrequencyTable`] is what an analyst reads: label, answers, share, occurrences, variants.
//! - [`SynonymMap`], [`StopWordList`] and [`PhraseDetector`] feed the chain.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod analyzer;
mod answer;
mod arena;
mod case;
mod counter;
mod error;
pub mod filter;
mod german;
mod keyness;
mod language;
mod list;
mod parallel;
mod phrases;
mod portable;
mod stopwords;
mod synonyms;
mod table;
mod tally;
mod token;
mod tokenize;
mod vocabulary;

#[cfg(test)]
mod test_util;

pub use analyzer::{Analyzer, AnalyzerBuilder, AnalyzerConfig, Stage};
pub use answer::{NoAnswer, DEFAULT_NO_ANSWER};
pub use counter::Counter;
pub use error::{Error, Result};
pub use german::german_key;
pub use keyness::{keyness, Keyness, KEYNESS_ALPHA};
pub use language::Language;
pub use parallel::{Answers, Batch, Feed};
pub use phrases::{read_phrase_list, Detected, PhraseDetector, DEFAULT_MIN_LLR};
pub use stopwords::StopWordList;
pub use synonyms::{SynonymGroup, SynonymMap};
pub use table::{Base, Counted, FrequencyTable, TableOptions, Term, Variant, View, Weight};
pub use tally::Tally;
pub use token::{Separator, Token, TokenKind};
pub use tokenize::Tokenizer;

/// The repository README's Rust snippets, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
