//! Survey answers with two groups and a codebook → tables per group and a cloud, using only what
//! the READMEs and rustdoc of `wortwolke-text` and `wortwolke-layout` show. Exits non-zero if a
//! result is not what the documentation promises.

use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
use wortwolke_text::filter::{Normalize, Stem, StopWords, TokenFilter};
use wortwolke_text::{
    Analyzer, AnalyzerConfig, Language, Stage, StopWordList, SynonymMap, TableOptions, Token,
    TokenKind, Tokenizer,
};

/// Marks `bitte` as a stop word (respondents' politeness is no term).
#[derive(Debug)]
struct NoPoliteness;

impl TokenFilter for NoPoliteness {
    fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
        for token in tokens.iter_mut().filter(|t| t.key == "bitte") {
            token.kind = TokenKind::StopWord;
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let answers: Vec<(String, usize)> = [
        ("Fehlendes Personal", 0),
        ("bitte mehr Personal, zu wenig Personal", 1),
        ("k.A.", 0),
        ("Schnittstellen zu den Fachverfahren fehlen", 1),
        ("Personalknappheit und keine Schnittstelle", 0),
    ]
    .repeat(2_000)
    .into_iter()
    .map(|(a, g)| (a.to_owned(), g))
    .collect();
    let codes = "Personalmangel = fehlendes Personal, zu wenig Personal, Personalknappheit\n";

    // the preset, extended
    let analyzer = AnalyzerConfig::default()
        .synonyms(SynonymMap::from_reader("codes.txt", codes.as_bytes())?)
        .filter(Stage::Words, NoPoliteness)
        .build()?;
    let counted = analyzer.count_parallel_with(3, |feed| {
        for (answer, group) in &answers {
            feed.answer(answer, &[*group]);
        }
    });
    let total = counted.table(&TableOptions::default());
    check(
        total.terms[0].label == "Personalmangel",
        "the codebook labels its group",
    )?;
    check(
        total.terms[0].answers == 6_000,
        "three answers in five name the group",
    )?;
    check(total.no_answer == 2_000, "k.A. is no answer")?;
    check(
        !total.terms.iter().any(|t| t.label == "bitte"),
        "our filter ran",
    )?;
    for group in 0..2 {
        let table = counted.subset(group).table(&TableOptions::default());
        println!("group {group}: {} answers", table.answers);
        for term in table.terms.iter().take(3) {
            println!("  {} {}", term.label, term.answers);
        }
    }
    // one thread or three, grouped or not: the same whole table
    let plain: Vec<&str> = answers.iter().map(|(a, _)| a.as_str()).collect();
    check(
        analyzer.count(&plain).table(&TableOptions::default()) == total,
        "count_parallel_with = count",
    )?;
    check(
        analyzer.count_parallel(&plain, 1) == analyzer.count_parallel(&plain, 3),
        "threads do not matter",
    )?;

    // a chain of one's own: the codebook registers its labels when added
    let own = Analyzer::builder(Tokenizer::default())
        .filter(Normalize)
        .filter(StopWords::new(StopWordList::german()))
        .filter(Stem::new(Language::German))
        .synonyms(&SynonymMap::from_reader("codes.txt", codes.as_bytes())?)?
        .build();
    let table = own.count(&plain).table(&TableOptions {
        top: Some(1),
        ..Default::default()
    });
    check(
        table.terms[0].label == "Personalmangel",
        "a built chain keeps the codebook's labels",
    )?;

    let words = WeightedWord::from_weights(total.weights());
    let cloud = layout(
        &words,
        &LayoutOptions {
            width: 500,
            height: 300,
            seed: 7,
            ..Default::default()
        },
    );
    let mut png = Vec::new();
    render::write_png(&cloud, &mut png)?;
    check(png.starts_with(b"\x89PNG"), "a PNG")?;
    check(
        render::svg(&cloud, &Default::default()).contains("<svg"),
        "an SVG",
    )?;
    println!(
        "{} words placed, {} dropped",
        cloud.words.len(),
        cloud.dropped.len()
    );
    Ok(())
}

fn check(ok: bool, what: &str) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("not as documented: {what}"))
    }
}
