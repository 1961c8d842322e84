//! Layout and rendering on generated word lists: 50, 200 and 1000 words on 800×600 and
//! 2000×1500. Each bench checks that every word was placed (1000 words cannot all fit on
//! 800×600 at the 10 px minimum: there it checks the count and the top word), so a broken
//! layout cannot look fast.
//!
//! `fill` measures how much of the canvas the default cloud uses, on fixed tables: the top 60
//! terms of the bundled example answers on 1200 × 800 (also inside a speech-bubble mask) and
//! the top 150 terms of 20,000 generated answers on 2000 × 1500. It prints the ink coverage
//! (share of canvas — or mask — pixels inked) and the extent (share of the width and height the
//! ink spans) of the rendered PNG, then times the layout.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use wortwolke_layout::image::RgbaImage;
use wortwolke_layout::{image, layout, render, LayoutOptions, Mask, WeightedWord};
use wortwolke_text::{Analyzer, TableOptions};

#[path = "../examples/generator/mod.rs"]
#[allow(dead_code)]
mod generator;

/// `n` different German-looking words with Zipf-like weights (deterministic).
pub fn words(n: usize) -> Vec<WeightedWord> {
    const PARTS: &[&str] = &[
        "Personal",
        "Verwaltung",
        "Schnitt",
        "Stelle",
        "Daten",
        "Schutz",
        "Dienst",
        "Leistung",
        "Antrag",
        "Portal",
        "Konto",
        "Akte",
        "Prozess",
        "Förder",
        "Mittel",
        "Bürger",
        "Service",
        "Netz",
        "Kreis",
        "Kommune",
        "Region",
        "Beratung",
        "Software",
        "Technik",
        "Sicherheit",
        "Plan",
        "Amt",
        "Zeit",
    ];
    // every text once (a repeated text would be drawn once, its weights added): a part, then
    // two parts, then three
    let p = PARTS.len();
    (0..n)
        .map(|i| {
            let a = PARTS[i % p];
            let b = PARTS[(i / p) % p].to_lowercase();
            let c = PARTS[(i / (p * p)) % p].to_lowercase();
            let text = if i < p {
                a.to_owned()
            } else if i < p * p {
                format!("{a}{b}")
            } else {
                format!("{a}{b}{c}")
            };
            WeightedWord::new(text, (1000.0 / (i as f64 + 1.0)).max(1.0).round())
        })
        .collect()
}

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    for (w, h) in [(800, 600), (2000, 1500)] {
        for n in [50, 200, 1000] {
            let words = words(n);
            let options = LayoutOptions {
                width: w,
                height: h,
                ..Default::default()
            };
            group.bench_with_input(
                BenchmarkId::new(format!("{w}x{h}"), n),
                &words,
                |b, words| {
                    b.iter(|| {
                        let cloud = layout(words, &options);
                        assert_eq!(cloud.words.len() + cloud.dropped.len(), n);
                        assert_eq!(cloud.words[0].text, words[0].text, "the top word is placed");
                        // 1000 words at ≥ 10 px barely fit on 800×600: there a few may be
                        // dropped (and reported); everywhere else all must fit
                        if (w, n) != (800, 1000) {
                            assert!(cloud.dropped.is_empty(), "{} dropped", cloud.dropped.len());
                        }
                        cloud
                    })
                },
            );
        }
    }
    group.finish();
}

fn bench_render(c: &mut Criterion) {
    let words = words(200);
    let options = LayoutOptions {
        width: 2000,
        height: 1500,
        ..Default::default()
    };
    let cloud = layout(&words, &options);
    assert!(cloud.dropped.is_empty());
    let mut group = c.benchmark_group("render_2000x1500_200_words");
    group.sample_size(10);
    group.bench_function("png_encode", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            render::write_png(&cloud, &mut out).unwrap();
            assert!(out.len() > 1000);
            out
        })
    });
    group.bench_function("svg", |b| {
        b.iter(|| render::svg(&cloud, &Default::default()))
    });
    group.finish();
}

/// How much of a rendered cloud is ink.
#[derive(Debug, Clone, Copy)]
pub struct Fill {
    /// Share of the canvas pixels that differ from the background.
    pub coverage: f64,
    /// Share of the canvas width and height between the outermost inked pixels.
    pub extent: (f64, f64),
}

/// Ink coverage and extent of `image`: a pixel is inked if it differs from the `background`
/// colour. With a mask, the coverage is the share of the mask's allowed pixels inked.
pub fn fill(image: &RgbaImage, background: [u8; 4], mask: Option<&Mask>) -> Fill {
    let (w, h) = image.dimensions();
    let (mut inked, mut x0, mut y0, mut x1, mut y1) = (0u64, w, h, 0, 0);
    for (x, y, p) in image.enumerate_pixels() {
        if p.0 != background {
            inked += 1;
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1));
        }
    }
    let area = mask.map_or(f64::from(w) * f64::from(h), |m| m.area() as f64);
    Fill {
        coverage: inked as f64 / area,
        extent: (
            f64::from(x1.saturating_sub(x0)) / f64::from(w),
            f64::from(y1.saturating_sub(y0)) / f64::from(h),
        ),
    }
}

/// A speech bubble on 1200 × 800: an ellipse with a tail to the lower left (dark on white).
pub fn speech_bubble() -> Mask {
    let img = image::GrayImage::from_fn(1200, 800, |x, y| {
        let (x, y) = (f64::from(x), f64::from(y));
        let ellipse = ((x - 640.0) / 540.0).powi(2) + ((y - 330.0) / 300.0).powi(2) <= 1.0;
        // the tail: a triangle from the bubble's lower left down to (170, 790)
        let side = |(ax, ay): (f64, f64), (bx, by): (f64, f64)| {
            (bx - ax) * (y - ay) - (by - ay) * (x - ax)
        };
        let (a, b, c) = ((330.0, 560.0), (170.0, 790.0), (520.0, 600.0));
        let (d1, d2, d3) = (side(a, b), side(b, c), side(c, a));
        let tail = (d1 >= 0.0 && d2 >= 0.0 && d3 >= 0.0) || (d1 <= 0.0 && d2 <= 0.0 && d3 <= 0.0);
        image::Luma([if ellipse || tail { 0 } else { 255 }])
    });
    Mask::from_image(&image::DynamicImage::ImageLuma8(img))
}

/// One fill figure: (name, words, width, height, mask).
type FillCase = (&'static str, Vec<WeightedWord>, u32, u32, Option<Mask>);

/// The fixed tables of the fill figures.
fn fill_cases() -> Vec<FillCase> {
    let analyzer = Analyzer::german();
    let top = |n: usize, answers: &mut dyn Iterator<Item = &str>| {
        let table = analyzer.count(answers).table(&TableOptions {
            top: Some(n),
            ..Default::default()
        });
        assert_eq!(table.terms.len(), n, "the table has {n} terms");
        WeightedWord::from_weights(table.weights())
    };
    let examples = concat!(
        include_str!("../examples/answers/efa_gruende.txt"),
        include_str!("../examples/answers/koordination.txt")
    );
    let generated = generator::answers(20_000, 1);
    vec![
        ("survey_60", top(60, &mut examples.lines()), 1200, 800, None),
        (
            "generated_150",
            top(150, &mut generated.iter().map(String::as_str)),
            2000,
            1500,
            None,
        ),
        (
            "survey_60_bubble",
            top(60, &mut examples.lines()),
            1200,
            800,
            Some(speech_bubble()),
        ),
    ]
}

#[allow(clippy::print_stderr)]
fn bench_fill(c: &mut Criterion) {
    let mut group = c.benchmark_group("fill");
    group.sample_size(10);
    for (name, words, width, height, mask) in fill_cases() {
        let options = LayoutOptions {
            width,
            height,
            mask: mask.clone(),
            ..Default::default()
        };
        let cloud = layout(&words, &options);
        assert!(cloud.dropped.is_empty(), "{name}: {:?}", cloud.dropped);
        let bg = options.background;
        let png = render::png(&cloud);
        if let Some(dir) = std::env::var_os("FILL_PNG_DIR") {
            let dir = std::path::Path::new(&dir);
            png.save(dir.join(format!("{name}.png")))
                .expect("FILL_PNG_DIR is writable");
            // the table, for other tools to draw the same cloud (term<TAB>count)
            let table: String = words
                .iter()
                .map(|w| format!("{}\t{}\n", w.text, w.weight))
                .collect();
            std::fs::write(
                dir.join(format!("{name}.tsv")),
                format!("term\tcount\n{table}"),
            )
            .expect("FILL_PNG_DIR is writable");
        }
        let f = fill(&png, [bg.r, bg.g, bg.b, bg.a], mask.as_ref());
        eprintln!(
            "fill {name} ({} words, {width}x{height}): ink coverage {:.3}, extent {:.2} x {:.2}, top word {:.0} px",
            words.len(),
            f.coverage,
            f.extent.0,
            f.extent.1,
            cloud.words[0].font_size
        );
        group.bench_with_input(BenchmarkId::new(name, words.len()), &words, |b, words| {
            b.iter(|| {
                let cloud = layout(words, &options);
                assert!(cloud.dropped.is_empty());
                cloud
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout, bench_render, bench_fill);
criterion_main!(benches);
