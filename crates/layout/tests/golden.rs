//! Golden images: a few small clouds (bundled font, fixed seeds) compared with files in
//! `tests/golden/`. PNGs may differ by 1 per channel; SVGs are compared as text.
//! `UPDATE_GOLDEN=1 cargo test -p wortwolke-layout --test golden` rewrites them; a failing PNG
//! comparison writes `<name>.diff.png` (differences in red) into the target directory.

use std::path::PathBuf;

use wortwolke_layout::{
    image, layout, render, Color, Layout, LayoutOptions, Palette, SpiralKind, WeightedWord,
};

fn words() -> Vec<WeightedWord> {
    [
        ("Personalmangel", 31.0),
        ("Schnittstellen", 17.0),
        ("Datenschutz", 12.0),
        ("Kosten", 9.0),
        ("E-Akte", 7.0),
        ("Bürger*innen", 6.0),
        ("OZG", 5.0),
        ("Priorität", 4.0),
        ("Servicekonto.NRW", 3.0),
        ("Zeit", 3.0),
        ("Größe", 2.0),
        ("Akzeptanz", 2.0),
        ("DMS", 1.0),
        ("Nachfrage", 1.0),
    ]
    .iter()
    .map(|&(t, w)| WeightedWord::new(t, w))
    .collect()
}

fn cases() -> Vec<(&'static str, Layout)> {
    let base = LayoutOptions {
        width: 300,
        height: 200,
        seed: 7,
        ..Default::default()
    };
    vec![
        (
            "horizontal",
            layout(
                &words(),
                &LayoutOptions {
                    rotations: vec![0.0],
                    ..base.clone()
                },
            ),
        ),
        (
            "rotated_viridis",
            layout(
                &words(),
                &LayoutOptions {
                    rotations: vec![0.0, 90.0],
                    prefer_horizontal: 0.6,
                    palette: Palette::Viridis,
                    ..base.clone()
                },
            ),
        ),
        (
            "rectangular_dark",
            layout(
                &words(),
                &LayoutOptions {
                    spiral: SpiralKind::Rectangular,
                    background: Color::rgb(0x20, 0x20, 0x30),
                    ..base
                },
            ),
        ),
    ]
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn update() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1")
}

#[test]
fn png_goldens() {
    for (name, cloud) in cases() {
        let actual = render::png(&cloud);
        let path = golden_dir().join(format!("{name}.png"));
        if update() {
            actual.save(&path).unwrap();
            continue;
        }
        let expected = image::open(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()))
            .to_rgba8();
        assert_eq!(expected.dimensions(), actual.dimensions(), "{name}");
        let mut diff = image::RgbaImage::from_pixel(
            actual.width(),
            actual.height(),
            image::Rgba([255, 255, 255, 255]),
        );
        let mut bad = 0;
        for (x, y, a) in actual.enumerate_pixels() {
            let e = expected.get_pixel(x, y);
            if a.0.iter().zip(e.0).any(|(&a, e)| a.abs_diff(e) > 1) {
                bad += 1;
                diff.put_pixel(x, y, image::Rgba([255, 0, 0, 255]));
            }
        }
        if bad > 0 {
            let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.diff.png"));
            diff.save(&out).unwrap();
            panic!(
                "{name}: {bad} pixels differ by more than 1; diff image: {}",
                out.display()
            );
        }
    }
}

#[test]
fn svg_goldens() {
    for (name, cloud) in cases() {
        let actual = render::svg(
            &cloud,
            &render::SvgOptions {
                title: format!("golden {name}"),
                ..Default::default()
            },
        );
        let path = golden_dir().join(format!("{name}.svg"));
        if update() {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
        assert!(
            expected == actual,
            "{name}: SVG differs from {}; run with UPDATE_GOLDEN=1 if the change is intended",
            path.display()
        );
    }
}

#[test]
fn png_bytes_are_identical_run_to_run() {
    let (a, b) = (cases(), cases());
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        let (mut p, mut q) = (Vec::new(), Vec::new());
        render::write_png(x, &mut p).unwrap();
        render::write_png(y, &mut q).unwrap();
        assert!(p == q, "{name}");
    }
}

/// The SVG, rasterized by resvg, covers the same pixels as the PNG: IoU of the ink masks
/// (alpha ≥ 128) ≥ 0.95. On a 900 × 600 canvas, so that anti-aliasing differences at glyph
/// edges (the two rasterizers round partial coverage differently) do not dominate.
#[test]
fn svg_looks_like_the_png() {
    use resvg::{tiny_skia, usvg};
    for rotations in [vec![0.0], vec![0.0, 90.0, -30.0]] {
        let options = LayoutOptions {
            width: 900,
            height: 600,
            rotations,
            prefer_horizontal: 0.5,
            background: Color::TRANSPARENT,
            ..Default::default()
        };
        let cloud = layout(&words(), &options);
        let png = render::png(&cloud);
        let svg = render::svg(&cloud, &Default::default());
        let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).unwrap();
        let mut pixmap = tiny_skia::Pixmap::new(cloud.width, cloud.height).unwrap();
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        let (mut both, mut either) = (0u64, 0u64);
        for (i, p) in png.pixels().enumerate() {
            let a = p.0[3] >= 128;
            let b = pixmap.data()[i * 4 + 3] >= 128;
            both += u64::from(a && b);
            either += u64::from(a || b);
        }
        let iou = both as f64 / either as f64;
        assert!(iou >= 0.95, "{:?}: IoU {iou:.3}", options.rotations);
    }
}
