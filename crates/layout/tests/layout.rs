//! Geometry of layouts, without looking at pixels of the encoders: no overlaps, inside the
//! canvas and the mask, deterministic, nothing silently lost.

use proptest::prelude::*;
use wortwolke_layout::{
    image, layout, DropReason, Font, Layout, LayoutOptions, Mask, Scale, Sizing, SpiralKind,
    WeightedWord,
};

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

/// The owner of every canvas pixel of ink (`usize::MAX`: background).
fn owners(cloud: &Layout) -> Vec<usize> {
    let mut owner = vec![usize::MAX; (cloud.width * cloud.height) as usize];
    for i in 0..cloud.words.len() {
        for (x, y) in cloud.ink(i) {
            owner[(y * cloud.width + x) as usize] = i;
        }
    }
    owner
}

/// Asserts the spacing rule: around every ink pixel of a word, within `options.gaps(its size,
/// its rotation)` = (gx, gy) pixels (gx left and right, gy up and down, and the rectangle
/// between), there is no ink of a word placed before it (heavier, so at least as big); so
/// between any two words there are at least the gaps of the smaller one in background pixels.
fn assert_spaced(cloud: &Layout, options: &LayoutOptions) {
    let owner = owners(cloud);
    let (w, h) = (cloud.width as i64, cloud.height as i64);
    for (i, word) in cloud.words.iter().enumerate() {
        let (gx, gy) = options.gaps(word.font_size, word.rotation);
        let (gx, gy) = (i64::from(gx), i64::from(gy));
        for (x, y) in cloud.ink(i) {
            let (x, y) = (i64::from(x), i64::from(y));
            for ny in (y - gy).max(0)..=(y + gy).min(h - 1) {
                for nx in (x - gx).max(0)..=(x + gx).min(w - 1) {
                    let j = owner[(ny * w + nx) as usize];
                    if j != usize::MAX && j != i {
                        let other = &cloud.words[j];
                        assert!(
                            j > i,
                            "{} ({} px) and {} ({} px) are {}, {} px apart at {x},{y}, within the gaps {gx}, {gy}",
                            word.text,
                            word.font_size,
                            other.text,
                            other.font_size,
                            (nx - x).abs() - 1,
                            (ny - y).abs() - 1,
                        );
                    }
                }
            }
        }
    }
}

/// Asserts that no word has ink inside another word's letter holes: background enclosed by a
/// word's ink (not 4-connected to the edge of its bounding box).
fn assert_no_word_in_holes(cloud: &Layout) {
    let owner = owners(cloud);
    for (i, word) in cloud.words.iter().enumerate() {
        let [x0, y0, x1, y1] = word.bbox;
        let (bw, bh) = ((x1 - x0) as usize, (y1 - y0) as usize);
        let own = |x: usize, y: usize| {
            let (cx, cy) = (x0 as usize + x, y0 as usize + y);
            cx < cloud.width as usize
                && cy < cloud.height as usize
                && owner[cy * cloud.width as usize + cx] == i
        };
        let mut outside = vec![false; bw * bh];
        let mut stack: Vec<(usize, usize)> = (0..bw)
            .flat_map(|x| [(x, 0), (x, bh - 1)])
            .chain((0..bh).flat_map(|y| [(0, y), (bw - 1, y)]))
            .collect();
        while let Some((x, y)) = stack.pop() {
            if own(x, y) || outside[y * bw + x] {
                continue;
            }
            outside[y * bw + x] = true;
            if x > 0 {
                stack.push((x - 1, y));
            }
            if x + 1 < bw {
                stack.push((x + 1, y));
            }
            if y > 0 {
                stack.push((x, y - 1));
            }
            if y + 1 < bh {
                stack.push((x, y + 1));
            }
        }
        for y in 0..bh {
            for x in 0..bw {
                let (cx, cy) = (x0 as usize + x, y0 as usize + y);
                if !own(x, y) && !outside[y * bw + x] && cx < cloud.width as usize {
                    let j = owner[cy * cloud.width as usize + cx];
                    assert!(
                        j == usize::MAX,
                        "{} is inside a hole of {} at {cx},{cy}",
                        cloud.words[j].text,
                        word.text
                    );
                }
            }
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
        spacing in 0.0f32..0.3,
        vertical in any::<bool>(),
        rectangular in any::<bool>(),
        seed in any::<u64>(),
        threads in 1usize..4,
    ) {
        let options = LayoutOptions {
            width,
            height,
            padding,
            spacing,
            seed,
            threads,
            rotations: if vertical { vec![0.0, 90.0, -45.0] } else { vec![0.0] },
            spiral: if rectangular { SpiralKind::Rectangular } else { SpiralKind::Archimedean },
            ..Default::default()
        };
        let cloud = layout(&words, &options);
        assert_sound(&cloud, None);
        assert_spaced(&cloud, &options);
        assert_no_word_in_holes(&cloud);
        // nothing silently lost: every word is placed or reported
        assert_accounted(&words, &cloud);
        // the heaviest word is always placed
        // (a text given twice is drawn once with the weights added)
        let mut merged = std::collections::HashMap::<&str, f64>::new();
        for w in &words {
            *merged.entry(w.text.trim()).or_default() += w.weight;
        }
        let top = merged.values().copied().fold(f64::MIN, f64::max);
        prop_assert_eq!(cloud.words[0].weight, top);
        // same input and seed, same layout, on one thread as on several
        prop_assert_eq!(&layout(&words, &options).words, &cloud.words);
        let one = LayoutOptions { threads: 1, ..options.clone() };
        prop_assert_eq!(&layout(&words, &one).words, &cloud.words);
        // every word at the size its weight gives it
        assert_sizes_follow_the_scale(&cloud, &options);
    }
}

/// Asserts that every input word is accounted for exactly once: placed (a repeated text once,
/// with the weights of its valid repetitions added) or dropped with a reason that holds.
fn assert_accounted(input: &[WeightedWord], cloud: &Layout) {
    use std::collections::HashMap;
    assert_eq!(
        cloud.words.len() + cloud.dropped.len(),
        input.len(),
        "every word placed or dropped, once"
    );
    let mut texts: Vec<&str> = input.iter().map(|w| w.text.trim()).collect();
    let mut out: Vec<&str> = cloud
        .words
        .iter()
        .map(|w| w.text.as_str())
        .chain(cloud.dropped.iter().map(|w| w.text.as_str()))
        .collect();
    texts.sort_unstable();
    out.sort_unstable();
    assert_eq!(texts, out, "the same texts come out as went in");
    let valid = |w: &WeightedWord| {
        !w.text.trim().is_empty()
            && w.weight > 0.0
            && w.weight.is_finite()
            && Font::default().missing_glyphs(w.text.trim()).is_empty()
    };
    let mut merged: HashMap<&str, f64> = HashMap::new();
    for w in input.iter().filter(|w| valid(w)) {
        *merged.entry(w.text.trim()).or_default() += w.weight;
    }
    let mut placed = std::collections::HashSet::new();
    for w in &cloud.words {
        assert!(placed.insert(w.text.as_str()), "{} is placed twice", w.text);
        assert_eq!(merged.get(w.text.as_str()), Some(&w.weight), "{}", w.text);
    }
    for d in &cloud.dropped {
        let holds = match &d.reason {
            DropReason::EmptyText => d.text.is_empty() || merged.contains_key(d.text.as_str()),
            DropReason::InvalidWeight => !(d.weight > 0.0 && d.weight.is_finite()),
            DropReason::MissingGlyphs(chars) => {
                !chars.is_empty() && chars.iter().all(|c| d.text.contains(*c))
            }
            DropReason::Duplicate | DropReason::DoesNotFit => merged.contains_key(d.text.as_str()),
            other => panic!("unexpected reason {other:?}"),
        };
        assert!(holds, "{d:?}");
        if d.reason == DropReason::DoesNotFit {
            assert!(
                !placed.contains(d.text.as_str()),
                "{} placed and dropped",
                d.text
            );
        }
    }
}

/// A word as a program might pass it: often valid, sometimes empty, weightless, repeated or
/// in characters the bundled font lacks.
fn messy_word() -> impl Strategy<Value = WeightedWord> {
    let text = prop_oneof![
        6 => "[A-Za-zÄÖÜäöüß-]{1,10}",
        2 => prop::sample::select(vec!["Personal", " Personal ", "Zeit", "Geld"]).prop_map(String::from),
        1 => prop::sample::select(vec!["", "  ", "\t"]).prop_map(String::from),
        1 => prop::sample::select(vec!["雲", "Wolke雲", "Wolke☁", "🙂 ok"]).prop_map(String::from),
    ];
    let weight = prop_oneof![
        8 => (1u32..300).prop_map(f64::from),
        1 => prop::sample::select(vec![0.0, -3.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY]),
    ];
    (text, weight).prop_map(|(t, w)| WeightedWord::new(t, w))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    // See: issue 15 (layout lost words silently)
    #[test]
    fn r15_every_input_word_is_placed_or_dropped_with_a_reason(
        words in prop::collection::vec(messy_word(), 0..30),
        fixed in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let options = LayoutOptions {
            width: 260,
            height: 180,
            seed,
            sizing: if fixed { Sizing::Fixed { max_font: 60.0 } } else { Sizing::default() },
            ..Default::default()
        };
        let cloud = layout(&words, &options);
        assert_accounted(&words, &cloud);
        assert_sound(&cloud, None);
    }
}

// See: issue 15
#[test]
fn r15_missing_glyphs_invalid_weights_and_duplicates_are_reported() {
    let words = [
        WeightedWord::new("Personal", 5.0),
        WeightedWord::new("Zeit", f64::NAN),
        WeightedWord::new(" Personal", 2.0),
        WeightedWord::new("Wolke雲", 3.0),
        WeightedWord::new("", 1.0),
    ];
    let cloud = layout(
        &words,
        &LayoutOptions {
            width: 300,
            height: 200,
            ..Default::default()
        },
    );
    assert_eq!(cloud.words.len(), 1);
    assert_eq!(
        cloud.words[0].weight, 7.0,
        "the duplicate's weight is merged"
    );
    let reasons: Vec<(&str, &DropReason)> = cloud
        .dropped
        .iter()
        .map(|d| (d.text.as_str(), &d.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            ("Zeit", &DropReason::InvalidWeight),
            ("Personal", &DropReason::Duplicate),
            ("Wolke雲", &DropReason::MissingGlyphs(vec!['雲'])),
            ("", &DropReason::EmptyText),
        ]
    );
    assert!(
        cloud.warnings().iter().any(|w| w.contains("雲 (U+96F2)")),
        "{:?}",
        cloud.warnings()
    );
    let json: serde_json::Value =
        serde_json::from_str(&wortwolke_layout::render::json(&cloud)).unwrap();
    assert_eq!(json["dropped"][2]["reason"], "missing_glyphs");
    assert_eq!(json["dropped"][2]["characters"][0], "雲");
    assert_eq!(json["dropped"][1]["reason"], "duplicate");
}

// Large canvases are laid out in 2 × 2-pixel cells: still no overlap, the gaps kept, no word
// in a letter's hole, everything inside the mask.
#[test]
fn large_canvases_in_cells_are_sound_and_spaced() {
    let words = example_words(40);
    let options = LayoutOptions {
        width: 1500,
        height: 900,
        sizing: Sizing::Fixed { max_font: 70.0 },
        rotations: vec![0.0, 90.0, 30.0],
        ..Default::default()
    };
    let cloud = layout(&words, &options);
    assert!(cloud.dropped.is_empty(), "{:?}", cloud.dropped);
    assert_sound(&cloud, None);
    assert_spaced(&cloud, &options);
    assert_no_word_in_holes(&cloud);
}

/// Asserts that every placed word above the minimum size is exactly as large as the scale
/// says, relative to the heaviest word.
fn assert_sizes_follow_the_scale(cloud: &Layout, options: &LayoutOptions) {
    let top = &cloud.words[0];
    for word in &cloud.words {
        let expected = options.scale.size(
            word.weight,
            top.weight,
            f64::from(top.font_size),
            f64::from(options.min_font),
        ) as f32;
        assert!(
            (word.font_size - expected).abs() <= 1e-3 * expected,
            "{}: {} px, the scale says {expected} px",
            word.text,
            word.font_size
        );
    }
}

/// The top 60 terms of the bundled example answers.
fn example_words(n: usize) -> Vec<WeightedWord> {
    use wortwolke_text::{Analyzer, TableOptions};
    let answers = concat!(
        include_str!("../../../examples/answers/efa_gruende.txt"),
        include_str!("../../../examples/answers/koordination.txt")
    );
    let table = Analyzer::german()
        .count(answers.lines())
        .table(&TableOptions {
            top: Some(n),
            ..Default::default()
        });
    WeightedWord::from_weights(table.weights())
}

/// Share of the canvas width and height between the outermost ink pixels.
fn extent(cloud: &Layout) -> (f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    for w in &cloud.words {
        x0 = x0.min(w.bbox[0]);
        y0 = y0.min(w.bbox[1]);
        x1 = x1.max(w.bbox[2]);
        y1 = y1.max(w.bbox[3]);
    }
    (
        f64::from(x1 - x0) / f64::from(cloud.width),
        f64::from(y1 - y0) / f64::from(cloud.height),
    )
}

// See: issue 10 (clouds that fill their canvas, with honest sizes)
#[test]
fn r10_the_default_cloud_fills_the_canvas_with_exact_sizes() {
    let words = example_words(60);
    for (width, height, scale) in [
        (1200, 800, Scale::Sqrt),
        (800, 800, Scale::Linear),
        (600, 900, Scale::Log),
    ] {
        let options = LayoutOptions {
            width,
            height,
            scale,
            ..Default::default()
        };
        let cloud = layout(&words, &options);
        assert!(cloud.dropped.is_empty(), "{:?}", cloud.dropped);
        let (w, h) = extent(&cloud);
        assert!(
            w >= 0.9 && h >= 0.9,
            "{width}x{height} {scale:?}: the words span {w:.2} x {h:.2} of the canvas"
        );
        assert_sizes_follow_the_scale(&cloud, &options);
        assert_spaced(&cloud, &options);
    }
}

// The fill search lays out the next scale on a second thread: the cloud must not depend on it,
// whether the search grows (room to spare), shrinks (the first guess too large) or is crowded
// (words at the minimum size do not fit), with and without a mask.
#[test]
fn the_fill_search_gives_the_same_cloud_on_any_number_of_threads() {
    let bubble = image::GrayImage::from_fn(400, 300, |x, y| {
        let (dx, dy) = (
            (f64::from(x) - 200.0) / 190.0,
            (f64::from(y) - 150.0) / 140.0,
        );
        image::Luma([if dx * dx + dy * dy <= 1.0 { 0 } else { 255 }])
    });
    let mask = Mask::from_image(&image::DynamicImage::ImageLuma8(bubble));
    let cases = [
        (example_words(60), 1200, 800, None),
        (example_words(60), 400, 300, Some(mask)),
        (example_words(200), 300, 200, None),
        (
            vec![WeightedWord::new("Verwaltungsdigitalisierung", 3.0)],
            200,
            100,
            None,
        ),
    ];
    for (words, width, height, mask) in cases {
        let clouds: Vec<Layout> = [1, 2, 3, 0]
            .into_iter()
            .map(|threads| {
                layout(
                    &words,
                    &LayoutOptions {
                        width,
                        height,
                        mask: mask.clone(),
                        threads,
                        ..Default::default()
                    },
                )
            })
            .collect();
        for cloud in &clouds[1..] {
            assert_eq!(cloud.words, clouds[0].words, "{width}x{height}");
            assert_eq!(cloud.dropped, clouds[0].dropped, "{width}x{height}");
        }
    }
}

#[test]
fn max_font_caps_the_fill_and_fixed_sizes_are_kept() {
    let words = example_words(30);
    let base = LayoutOptions {
        width: 600,
        height: 400,
        ..Default::default()
    };
    let filled = layout(&words, &base);
    let capped = layout(
        &words,
        &LayoutOptions {
            sizing: Sizing::Fill {
                max_font: Some(30.0),
            },
            ..base.clone()
        },
    );
    assert!(filled.words[0].font_size > 30.0);
    assert_eq!(capped.words[0].font_size, 30.0);
    assert!(capped.dropped.is_empty());
    let fixed = layout(
        &words,
        &LayoutOptions {
            sizing: Sizing::Fixed { max_font: 45.0 },
            ..base
        },
    );
    assert_eq!(fixed.words[0].font_size, 45.0);
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
        sizing: Sizing::Fixed { max_font: 400.0 },
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

// See: issue 13 (found by the `layout` fuzz target): the free border around the canvas was
// sized for upright words' gaps; an oblique word's gap is wider, so its sprite could hang
// past the border and the placement indexed outside its rows (a panic).
#[test]
fn r13_oblique_rotations_with_wide_gaps_stay_inside_the_border() {
    let options = LayoutOptions {
        width: 113,
        height: 119,
        padding: 5,
        spacing: 105.0 / 255.0 * 0.5,
        rotations: vec![88.0, 337.0],
        min_font: 2.0,
        seed: 8007508147319083009,
        ..Default::default()
    };
    let words = [WeightedWord::new("Pers", 28617.0)];
    let cloud = layout(&words, &options);
    assert_sound(&cloud, None);
    assert_eq!(cloud.words.len(), 1);
}
