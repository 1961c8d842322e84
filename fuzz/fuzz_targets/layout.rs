//! Layout and render from arbitrary words and options: no canvas pixel is ink of two words,
//! all ink is on the canvas, the heaviest drawable word is placed, nothing is lost silently,
//! and the SVG (paths and `<text>`) is well-formed XML with no script and no event attribute.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wortwolke_layout::{
    layout, render, render::SvgOptions, Labels, LayoutOptions, Sizing, SpiralKind, WeightedWord,
};

#[derive(Debug, Arbitrary)]
struct Input {
    words: Vec<(String, u16)>,
    width: u8,
    height: u8,
    padding: u8,
    spacing: u8,
    rotations: Vec<i16>,
    rectangular: bool,
    fixed: Option<u8>,
    min_font: u8,
    seed: u64,
    title: Option<String>,
    caption: Option<String>,
    svg_text: bool,
}

fuzz_target!(|input: Input| {
    let words: Vec<WeightedWord> = input
        .words
        .iter()
        .take(12)
        .map(|(text, weight)| WeightedWord::new(text.clone(), f64::from(*weight) + 1.0))
        .collect();
    if words.is_empty() {
        return;
    }
    let min_font = f32::from(input.min_font % 16) + 1.0;
    let mut rotations: Vec<f32> = input
        .rotations
        .iter()
        .take(4)
        .map(|&r| f32::from(r % 360))
        .collect();
    if rotations.is_empty() {
        rotations.push(0.0);
    }
    let options = LayoutOptions {
        width: 16 + u32::from(input.width),
        height: 16 + u32::from(input.height),
        padding: u32::from(input.padding % 8),
        spacing: f32::from(input.spacing) / 255.0 * 0.5,
        rotations,
        spiral: if input.rectangular {
            SpiralKind::Rectangular
        } else {
            SpiralKind::Archimedean
        },
        sizing: match input.fixed {
            Some(max) => Sizing::Fixed {
                max_font: min_font + f32::from(max % 120),
            },
            None => Sizing::Fill { max_font: None },
        },
        min_font,
        seed: input.seed,
        labels: Labels {
            title: input.title.clone(),
            caption: input.caption.clone(),
            ..Default::default()
        },
        ..Default::default()
    };
    options.validate().expect("the options are in range");
    let cloud = layout(&words, &options);
    // ink: on the canvas, no pixel shared
    let mut owner = vec![usize::MAX; (cloud.width * cloud.height) as usize];
    for i in 0..cloud.words.len() {
        for (x, y) in cloud.ink(i) {
            assert!(
                x < cloud.width && y < cloud.height,
                "{:?} leaves the canvas at {x},{y}",
                cloud.words[i]
            );
            let o = &mut owner[(y * cloud.width + x) as usize];
            assert!(
                *o == usize::MAX,
                "{:?} and {:?} share pixel {x},{y}",
                cloud.words[*o],
                cloud.words[i]
            );
            *o = i;
        }
    }
    // nothing silently lost: every input word placed or dropped with a reason
    assert_eq!(cloud.words.len() + cloud.dropped.len(), words.len());
    // the same input gives the same layout
    assert_eq!(layout(&words, &options).words, cloud.words);
    let svg = render::svg(
        &cloud,
        &SvgOptions {
            text: input.svg_text,
            ..Default::default()
        },
    );
    let doc =
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("SVG is not XML ({e}):\n{svg}"));
    for node in doc.descendants() {
        assert_ne!(node.tag_name().name(), "script", "{svg}");
        for attribute in node.attributes() {
            assert!(
                !attribute.name().to_ascii_lowercase().starts_with("on"),
                "{svg}"
            );
        }
    }
    let _ = render::json(&cloud);
});
