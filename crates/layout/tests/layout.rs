//! Geometry of layouts, without looking at pixels of the encoders: no overlaps, inside the
//! canvas and the mask, deterministic, nothing silently lost.

use proptest::prelude::*;
use wortwolke_layout::{image, layout, Layout, LayoutOptions, Mask, SpiralKind, WeightedWord};

/// Asserts that no canvas pixel is ink of two words, and all ink lies on the canvas (and in
/// the mask, if given).
fn assert_sound(cloud: &Layout, mask: Option<&Mask>) {
    let mut owner = vec![usize::MAX; (cloud.width * cloud.height) as usize];
    for i in 0..cloud.words.len() {
        let pixels = cloud.ink(i);
        assert!(!pixels.is_empty(), "{} has ink", cloud.words[i].text);
        for (x, y) in pixels {
            assert!(
                x < cloud.width && y < cloud.height,
                "{} leaves the canvas at {x},{y}",
                cloud.words[i].text
            );
            if let Some(mask) = mask {
                assert!(
                    mask.allows(x, y),
                    "{} leaves the mask at {x},{y}",
                    cloud.words[i].text
                );
            }
            let o = &mut owner[(y * cloud.width + x) as usize];
            assert!(
                *o == usize::MAX,
                "{} and {} share pixel {x},{y}",
                cloud.words[*o].text,
                cloud.words[i].text
            );
            *o = i;
        }
    }
}

fn word() -> impl Strategy<Value = WeightedWord> {
    ("[A-Za-zÄÖÜäöüß*.-]{1,14}", 1u32..500).prop_map(|(t, w)| WeightedWord::new(t, f64::from(w)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_word_sets_are_laid_out_soundly(
        words in prop::collection::vec(word(), 1..40),
        width in 120u32..420,
        height in 100u32..320,
        padding in 0u32..5,
        vertical in any::<bool>(),
        rectangular in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let options = LayoutOptions {
            width,
            height,
            padding,
            seed,
            rotations: if vertical { vec![0.0, 90.0, -45.0] } else { vec![0.0] },
            spiral: if rectangular { SpiralKind::Rectangular } else { SpiralKind::Archimedean },
            ..Default::default()
        };
        let cloud = layout(&words, &options);
        assert_sound(&cloud, None);
        // nothing silently lost: every drawable word is placed or reported
        let drawable = words.iter().filter(|w| !w.text.trim().is_empty()).count();
        prop_assert_eq!(cloud.words.len() + cloud.dropped.len(), drawable);
        // the heaviest word is always placed
        let top = words.iter().map(|w| w.weight).fold(f64::MIN, f64::max);
        prop_assert_eq!(cloud.words[0].weight, top);
        // same input and seed, same layout
        prop_assert_eq!(&layout(&words, &options).words, &cloud.words);
    }
}

#[test]
fn words_stay_inside_a_mask() {
    // a dark disc on white: the allowed area
    let mut img = image::GrayImage::from_pixel(200, 200, image::Luma([255]));
    for y in 0..200u32 {
        for x in 0..200u32 {
            let (dx, dy) = (x as f64 - 100.0, y as f64 - 100.0);
            if dx * dx + dy * dy < 90.0 * 90.0 {
                img.put_pixel(x, y, image::Luma([0]));
            }
        }
    }
    let mask = Mask::from_image(&image::DynamicImage::ImageLuma8(img));
    let words: Vec<WeightedWord> = [
        "Kreis", "Kommune", "Region", "Amt", "Rat", "Bürger", "Portal", "Akte", "Netz",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| WeightedWord::new(*t, 20.0 - i as f64))
    .collect();
    let options = LayoutOptions {
        width: 300,
        height: 300,
        mask: Some(mask.clone()),
        ..Default::default()
    };
    let cloud = layout(&words, &options);
    assert_eq!(cloud.words.len() + cloud.dropped.len(), words.len());
    assert_sound(&cloud, Some(&mask.resized(300, 300)));
}

#[test]
fn transparent_mask_polarity_uses_alpha() {
    let mut img = image::RgbaImage::from_pixel(10, 10, image::Rgba([0, 0, 0, 0]));
    img.put_pixel(5, 5, image::Rgba([255, 255, 255, 255]));
    let mask = Mask::from_image(&image::DynamicImage::ImageRgba8(img));
    assert!(mask.allows(5, 5) && !mask.allows(0, 0));
}

#[test]
fn words_that_cannot_fit_are_dropped_and_reported_never_the_top_one() {
    let words: Vec<WeightedWord> = (0..400)
        .map(|i| WeightedWord::new(format!("Wort{i}"), 400.0 - i as f64))
        .collect();
    let options = LayoutOptions {
        width: 160,
        height: 100,
        min_font: 10.0,
        ..Default::default()
    };
    let cloud = layout(&words, &options);
    assert!(!cloud.dropped.is_empty());
    assert_eq!(cloud.words[0].text, "Wort0");
    assert_eq!(cloud.words.len() + cloud.dropped.len(), 400);
    assert_sound(&cloud, None);
}

#[test]
fn a_fixed_max_font_that_is_too_large_still_places_the_top_word() {
    let words = [
        WeightedWord::new("Digitalisierungsstrategie", 10.0),
        WeightedWord::new("Zeit", 1.0),
    ];
    let options = LayoutOptions {
        width: 200,
        height: 100,
        max_font: Some(400.0),
        ..Default::default()
    };
    let cloud = layout(&words, &options);
    assert_eq!(cloud.words[0].text, "Digitalisierungsstrategie");
    assert_sound(&cloud, None);
}

#[test]
fn larger_weights_get_larger_fonts() {
    let words: Vec<WeightedWord> = [
        ("Personal", 40.0),
        ("Zeit", 10.0),
        ("Geld", 10.0),
        ("Raum", 1.0),
    ]
    .iter()
    .map(|&(t, w)| WeightedWord::new(t, w))
    .collect();
    let cloud = layout(
        &words,
        &LayoutOptions {
            width: 600,
            height: 400,
            ..Default::default()
        },
    );
    let size = |t: &str| cloud.words.iter().find(|w| w.text == t).unwrap().font_size;
    assert!(
        size("Personal") > size("Zeit")
            && size("Zeit") == size("Geld")
            && size("Geld") > size("Raum")
    );
    // sqrt scale: a quarter of the weight gives half the size (unless clamped)
    assert!((size("Zeit") / size("Personal") - 0.5).abs() < 0.01);
}

#[test]
fn different_seeds_can_give_different_layouts() {
    let words: Vec<WeightedWord> = (0..30)
        .map(|i| WeightedWord::new(format!("Wort{i}"), 30.0 - i as f64))
        .collect();
    let a = layout(
        &words,
        &LayoutOptions {
            width: 400,
            height: 300,
            seed: 1,
            ..Default::default()
        },
    );
    let b = layout(
        &words,
        &LayoutOptions {
            width: 400,
            height: 300,
            seed: 2,
            ..Default::default()
        },
    );
    assert_ne!(a.words, b.words);
}

/// The bundled example answer sets, counted and drawn with the defaults: all words placed,
/// none overlapping.
#[test]
fn example_answer_sets_are_laid_out_soundly() {
    use wortwolke_text::{Analyzer, TableOptions};
    for answers in [
        include_str!("../../../examples/answers/efa_gruende.txt"),
        include_str!("../../../examples/answers/koordination.txt"),
    ] {
        let analyzer = Analyzer::german();
        let table = analyzer.count(answers.lines()).table(&TableOptions {
            top: Some(100),
            ..Default::default()
        });
        let words = WeightedWord::from_weights(table.weights());
        let cloud = layout(&words, &LayoutOptions::default());
        assert!(cloud.dropped.is_empty(), "{:?}", cloud.dropped);
        assert_eq!(cloud.words.len(), words.len());
        assert_sound(&cloud, None);
    }
}
