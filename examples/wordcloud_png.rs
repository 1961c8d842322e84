// # From answers to a word cloud
//
// We will:
// - count a few German answers per respondent with `wortwolke-text`,
// - turn the frequency table into weighted words,
// - lay them out with `wortwolke-layout` and write a PNG and an SVG.
//
// Run with `cargo run --example wordcloud_png`; it writes `target/wordcloud_example.png` and `.svg`.

use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
use wortwolke_text::{Analyzer, TableOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let answers = include_str!("answers/koordination.txt");
    let analyzer = Analyzer::german();
    let table = analyzer.count(answers.lines()).table(&TableOptions {
        top: Some(80),
        ..Default::default()
    });
    let words = WeightedWord::from_weights(table.weights());

    let options = LayoutOptions {
        width: 800,
        height: 500,
        seed: 1,
        ..Default::default()
    };
    let cloud = layout(&words, &options);
    assert!(cloud.dropped.is_empty(), "every word fits");

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir)?;
    render::write_png(
        &cloud,
        std::fs::File::create(dir.join("wordcloud_example.png"))?,
    )?;
    std::fs::write(
        dir.join("wordcloud_example.svg"),
        render::svg(&cloud, &Default::default()),
    )?;
    Ok(())
}
