//! Golden images: a few small clouds (bundled font, fixed seeds) compared with files in
//! `tests/golden/`. PNGs may differ by 1 per channel; SVGs are compared as text. Each case and
//! format is its own `#[test]`, so one failure does not hide the others.
//!
//! `UPDATE_GOLDEN=1 cargo test -p wortwolke-layout --test golden` rewrites the references and
//! fails every test that wrote one (like resvg's reference switch): a run that changed the
//! references never looks green, and review sees each changed picture. Run again without it
//! to check. A failing PNG comparison writes `<name>.diff.png` (differences in red) into the
//! target directory. `GOLDEN_DIR=…` reads and writes the references elsewhere.

use std::path::PathBuf;

use wortwolke_layout::{
    image, layout, render, Color, Labels, Layout, LayoutOptions, Palette, SpiralKind, WeightedWord,
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

/// The layout of the golden case `name`.
fn case(name: &str) -> Layout {
    let base = LayoutOptions {
        width: 300,
        height: 200,
        seed: 7,
        labels: Labels {
            subject: Some(format!("golden {name}")),
            ..Default::default()
        },
        ..Default::default()
    };
    let options = match name {
        "horizontal" => LayoutOptions {
            rotations: vec![0.0],
            ..base
        },
        "rotated_viridis" => LayoutOptions {
            rotations: vec![0.0, 90.0],
            prefer_horizontal: 0.6,
            palette: Palette::Viridis,
            ..base
        },
        "rectangular_dark" => LayoutOptions {
            spiral: SpiralKind::Rectangular,
            background: Color::rgb(0x20, 0x20, 0x30),
            ..base
        },
        "captioned" => LayoutOptions {
            labels: Labels {
                title: Some("Warum werden EfA-Dienste nicht genutzt?".into()),
                caption: Some("Base: n = 97 respondents answered (7 without answer).".into()),
                ..Default::default()
            },
            ..base
        },
        other => panic!("no golden case {other}"),
    };
    layout(&words(), &options)
}

/// One `#[test]` per case and format, and `CASES`, the names of all cases.
macro_rules! golden {
    ($($name:ident),* $(,)?) => {
        const CASES: &[&str] = &[$(stringify!($name)),*];
        mod png {
            $(#[test]
            fn $name() {
                super::check_png(stringify!($name));
            })*
        }
        mod svg {
            $(#[test]
            fn $name() {
                super::check_svg(stringify!($name));
            })*
        }
    };
}

golden!(horizontal, rotated_viridis, rectangular_dark, captioned);

/// `tests/golden/`, or `GOLDEN_DIR` (used by `update_writes_the_reference_and_fails`).
fn golden_dir() -> PathBuf {
    std::env::var_os("GOLDEN_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden"),
        PathBuf::from,
    )
}

fn update() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1")
}

/// After rewriting a reference: fail, so that the run is not mistaken for a passing one.
fn written(path: &std::path::Path) -> ! {
    panic!(
        "{}: reference rewritten (UPDATE_GOLDEN=1); review it, then run without UPDATE_GOLDEN",
        path.display()
    )
}

fn check_png(name: &str) {
    let actual = render::png(&case(name));
    let path = golden_dir().join(format!("{name}.png"));
    if update() {
        actual.save(&path).unwrap();
        written(&path);
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

fn check_svg(name: &str) {
    let actual = render::svg(&case(name), &Default::default());
    let path = golden_dir().join(format!("{name}.svg"));
    if update() {
        std::fs::write(&path, &actual).unwrap();
        written(&path);
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name}: SVG differs from {}; run with UPDATE_GOLDEN=1 if the change is intended",
        path.display()
    );
}

/// The switch itself: this test binary, run for one case with `UPDATE_GOLDEN=1` into a scratch
/// directory, writes both references and fails both tests.
#[test]
fn update_writes_the_reference_and_fails() {
    if update() {
        return; // the run fails anyway; do not nest a second update
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("golden_update");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "png::horizontal",
            "svg::horizontal",
            "--test-threads=1",
        ])
        .env("UPDATE_GOLDEN", "1")
        .env("GOLDEN_DIR", &dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "the update run passed: {stdout}");
    assert!(
        stdout.contains("2 failed"),
        "each written reference fails its own test: {stdout}"
    );
    for file in ["horizontal.png", "horizontal.svg"] {
        assert!(dir.join(file).is_file(), "{file} not written: {stdout}");
    }
    // and what it wrote is what the comparison then accepts
    let check = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "png::horizontal", "svg::horizontal"])
        .env_remove("UPDATE_GOLDEN")
        .env("GOLDEN_DIR", &dir)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn png_bytes_are_identical_run_to_run() {
    for &name in CASES {
        let (mut p, mut q) = (Vec::new(), Vec::new());
        render::write_png(&case(name), &mut p).unwrap();
        render::write_png(&case(name), &mut q).unwrap();
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
