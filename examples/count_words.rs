// # Counting terms per respondent
//
// We will:
// - analyse a few German survey answers with the default German chain,
// - add an analyst's codebook so that three phrasings count as one term,
// - print the frequency table with its base (who answered, who did not).
//
// Run with `cargo run --example count_words`.

#![allow(clippy::print_stdout)] // printing the table is the point of this example

use wortwolke_text::{AnalyzerConfig, SynonymMap, TableOptions};

fn main() -> Result<(), wortwolke_text::Error> {
    let answers = [
        "Fehlendes Personal, keine Zeit",
        "zu wenig Personal",
        "k.A.",
        "Die EfA-Dienste passen nicht zu unseren Fachverfahren",
        "Personalknappheit; Schnittstelle zum Fachverfahren fehlt",
        "",
    ];
    let codebook = "Personalmangel = fehlendes Personal, zu wenig Personal, Personalknappheit\n";
    let codebook = SynonymMap::from_reader("codebook.txt", codebook.as_bytes())?;
    // the codebook is compiled with the chain before it, and its labels come along
    let analyzer = AnalyzerConfig::default().synonyms(codebook).build()?;
    // the table carries the codebook's labels: the count knows its analyzer
    let table = analyzer.count(answers).table(&TableOptions::default());

    println!("{:<20} {:>7} {:>6}", "term", "answers", "share");
    for term in &table.terms {
        println!(
            "{:<20} {:>7} {:>5.0}%",
            term.label,
            term.answers,
            term.share * 100.0
        );
    }
    println!(
        "base: {} answered, {} without answer, {} in total",
        table.answered, table.no_answer, table.answers
    );
    assert_eq!(table.terms[0].label, "Personalmangel");
    assert_eq!(table.terms[0].answers, 3);
    Ok(())
}
