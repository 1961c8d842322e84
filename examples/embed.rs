// # Embedding both libraries: a survey with groups, counted on all cores, drawn as clouds
//
// We will:
// - extend the standard German chain: a codebook, a minimum word length and a filter of our own,
// - count the answers of two groups on several threads (each answer in the whole and its group),
// - print each group's table with the codebook's labels,
// - lay out the whole table as a cloud and write it as PNG and SVG.
//
// Only the public API is used. Run with `cargo run --example embed`; it writes
// `target/embed_example.png` and `.svg`.

#![allow(clippy::print_stdout)] // printing the tables is the point of this example

use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
use wortwolke_text::filter::TokenFilter;
use wortwolke_text::{AnalyzerConfig, Stage, SynonymMap, TableOptions, Token, TokenKind};

/// Our own filter: the survey asked about digitalisation, so the word says nothing here.
#[derive(Debug)]
struct NotTheTopic;

impl TokenFilter for NotTheTopic {
    fn apply(&self, _answer: &str, tokens: &mut Vec<Token>) {
        for token in tokens.iter_mut() {
            if token.kind == TokenKind::Word && token.key.starts_with("digitalisier") {
                token.kind = TokenKind::StopWord;
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // (answer, group): the office that answered
    let answers = [
        (
            "Fehlendes Personal, keine Zeit für die Digitalisierung",
            "Stadt",
        ),
        ("zu wenig Personal", "Stadt"),
        ("k.A.", "Stadt"),
        (
            "Die EfA-Dienste passen nicht zu unseren Fachverfahren",
            "Kreis",
        ),
        (
            "Personalknappheit; Schnittstelle zum Fachverfahren fehlt",
            "Kreis",
        ),
        (
            "Fachverfahren ohne Schnittstelle, IT-Sicherheit unklar",
            "Kreis",
        ),
        ("Digitalisierung braucht Personal", "Stadt"),
    ];
    let groups = ["Stadt", "Kreis"];

    let codebook = SynonymMap::from_reader(
        "codebook.txt",
        "Personalmangel = fehlendes Personal, zu wenig Personal, Personalknappheit\n".as_bytes(),
    )?;
    // the codebook is compiled with the chain before it, our filter included; its labels come along
    let analyzer = AnalyzerConfig::default()
        .min_length(3)
        .filter(Stage::Keys, NotTheTopic)
        .synonyms(codebook)
        .build()?;

    // group g counts in subset g; answers go in in input order, no numbering needed
    let counted = analyzer.count_parallel_with(2, |feed| {
        for (answer, group) in answers {
            let g = groups
                .iter()
                .position(|&name| name == group)
                .expect("a known group");
            feed.answer(answer, &[g]);
        }
    });

    let options = TableOptions::default();
    for (g, name) in groups.iter().enumerate() {
        let table = counted.subset(g).table(&options);
        println!(
            "{name}: {} answers, {} answered",
            table.answers, table.answered
        );
        for term in &table.terms {
            println!(
                "  {:<20} {:>3} {:>5.0}%",
                term.label,
                term.answers,
                term.share * 100.0
            );
        }
    }

    let total = counted.table(&options);
    // three phrasings, one term with the codebook's label
    let personal = total.terms.iter().find(|t| t.label == "Personalmangel");
    assert_eq!(personal.map(|t| t.answers), Some(3));
    assert!(total
        .terms
        .iter()
        .all(|t| !t.label.starts_with("Digitalisierung")));

    let words = WeightedWord::from_weights(total.weights());
    let cloud = layout(
        &words,
        &LayoutOptions {
            width: 600,
            height: 400,
            seed: 1,
            ..Default::default()
        },
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir)?;
    render::write_png(
        &cloud,
        std::fs::File::create(dir.join("embed_example.png"))?,
    )?;
    std::fs::write(
        dir.join("embed_example.svg"),
        render::svg(&cloud, &Default::default()),
    )?;
    println!(
        "{} words placed in target/embed_example.png",
        cloud.words.len()
    );
    Ok(())
}
