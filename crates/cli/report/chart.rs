//! Horizontal bar charts as SVG: one bar per term, its count and share printed beside it,
//! one axis with grid lines. Every bar is a button that lists the term's answers.

use std::fmt::Write as _;

use wortwolke_layout::Font;

use super::html::esc;
use super::locale::Lang;

/// One bar.
#[derive(Debug, Clone)]
pub struct Bar<'a> {
    /// The row's index in its question's table.
    pub term: usize,
    pub label: &'a str,
    /// The bar's length: the weight (respondents, or occurrences with `--count occurrences`).
    pub count: u64,
    /// Respondents naming the term, and their share.
    pub answers: u64,
    pub share: f64,
}

impl Bar<'_> {
    /// What is printed beside the bar: `14 (21,2 %)`, or with occurrences as the weight
    /// `18 Nennungen · 14 (21,2 %)`.
    pub fn value(&self, lang: Lang) -> String {
        let respondents = format!("{} ({})", lang.int(self.answers), lang.pct(self.share));
        if self.count == self.answers {
            respondents
        } else {
            format!(
                "{} {} · {respondents}",
                lang.int(self.count),
                lang.words().col_occurrences
            )
        }
    }
}

/// What the bars' length and the axis measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Axis {
    /// Counts, up to the given maximum.
    Count(u64),
    /// Shares, up to the given maximum (for groups of different sizes on one scale).
    Share(f64),
}

/// How a chart looks: its width, the width of its label column, the axis title.
#[derive(Debug, Clone)]
pub struct Frame<'a> {
    pub width: f32,
    pub label_width: f32,
    pub axis: Axis,
    pub axis_title: &'a str,
    /// `data-g` on every bar: the group whose answers a click lists.
    pub group: Option<usize>,
}

const FONT_SIZE: f32 = 13.0;
const ROW: f32 = 24.0;
const BAR: f32 = 16.0;
const VALUE_WIDTH: f32 = 112.0;
const AXIS_HEIGHT: f32 = 40.0;
const PAD: f32 = 6.0;
/// Labels are drawn in the reader's system font, measured in the bundled one: room for fonts
/// up to this much wider (DejaVu Sans is about 15 % wider than Open Sans).
const LOOSE: f32 = 1.2;
/// The bundled font's size for a CSS font size of [`FONT_SIZE`]: `Font` sizes are line
/// heights (ascent − descent), 1.36 em in Open Sans.
const MEASURE: f32 = FONT_SIZE * 1.36;

/// The label column wide enough for `labels` (measured with the bundled font, with room for
/// wider system fonts), at most `max`.
pub fn label_width<'a>(font: &Font, labels: impl IntoIterator<Item = &'a str>, max: f32) -> f32 {
    let widest = labels
        .into_iter()
        .map(|l| font.text_width(l, MEASURE))
        .fold(0.0, f32::max);
    (widest * LOOSE + 2.0 * PAD).clamp(60.0, max)
}

/// The chart as an inline `<svg>`, labelled by the element `labelled_by` (the figure caption
/// that is its text alternative).
pub fn svg(bars: &[Bar], frame: &Frame, lang: Lang, font: &Font, labelled_by: &str) -> String {
    let w = frame.width;
    let plot_x = frame.label_width;
    let value_width = if bars.iter().all(|b| b.count == b.answers) {
        VALUE_WIDTH
    } else {
        2.0 * VALUE_WIDTH
    };
    let plot_w = (w - plot_x - value_width).max(40.0);
    let height = ROW * bars.len() as f32 + AXIS_HEIGHT + PAD;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" role=\"group\" aria-labelledby=\"{}\">",
        esc(labelled_by)
    );
    let (max, ticks) = match frame.axis {
        Axis::Count(max) => {
            let (top, step) = nice(max.max(1) as f64);
            (top, ticks(top, step, |v| lang.int(v.round() as u64)))
        }
        Axis::Share(max) => {
            let (top, step) = nice((max * 100.0).max(1.0));
            let labels = ticks(top, step, |v| match lang {
                Lang::De => format!("{}\u{a0}%", lang.num(v, if step < 1.0 { 1 } else { 0 })),
                Lang::En => format!("{}%", lang.num(v, if step < 1.0 { 1 } else { 0 })),
            });
            (
                top / 100.0,
                labels.into_iter().map(|(v, l)| (v / 100.0, l)).collect(),
            )
        }
    };
    let axis_y = ROW * bars.len() as f32 + PAD;
    out.push_str("<g class=\"axis\" aria-hidden=\"true\">");
    for (value, label) in &ticks {
        let x = plot_x + (*value / max) as f32 * plot_w;
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{PAD}\" x2=\"{x:.1}\" y2=\"{axis_y}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            axis_y + 15.0,
            esc(label)
        );
    }
    let _ = write!(
        out,
        "<text class=\"axis-title\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>",
        plot_x + plot_w / 2.0,
        axis_y + 32.0,
        esc(frame.axis_title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = PAD + ROW * i as f32;
        let value = match frame.axis {
            Axis::Count(_) => bar.count as f64,
            Axis::Share(_) => bar.share,
        };
        let len = if max > 0.0 {
            ((value / max) as f32 * plot_w).max(1.0)
        } else {
            1.0
        };
        let text = bar.value(lang);
        let label = fit(font, bar.label, plot_x - 2.0 * PAD);
        let group = frame
            .group
            .map_or(String::new(), |g| format!(" data-g=\"{g}\""));
        let name = Lang::say(
            lang.words().term_button,
            &[
                ("term", bar.label),
                ("n", &lang.int(bar.answers)),
                ("share", &lang.pct(bar.share)),
            ],
        );
        let _ = write!(
            out,
            "<g class=\"term bar\" data-t=\"{}\"{group} tabindex=\"0\" role=\"button\"><title>{name}</title>\
             <rect class=\"hit\" x=\"0\" y=\"{y:.1}\" width=\"{w}\" height=\"{ROW}\"/>\
             <text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect class=\"fill\" x=\"{plot_x:.1}\" y=\"{:.1}\" width=\"{len:.1}\" height=\"{BAR}\"/>\
             <text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            bar.term,
            plot_x - PAD,
            y + ROW / 2.0 + 4.5,
            esc(&label),
            y + (ROW - BAR) / 2.0,
            plot_x + len + PAD,
            y + ROW / 2.0 + 4.5,
            esc(&text)
        );
    }
    out.push_str("</svg>");
    out
}

/// `label` cut with `…` to fit `width` pixels.
fn fit(font: &Font, label: &str, width: f32) -> String {
    let fits = |s: &str| font.text_width(s, MEASURE) * LOOSE <= width + 0.5;
    if fits(label) {
        return label.to_owned();
    }
    let chars: Vec<char> = label.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let cut: String = chars[..n].iter().collect::<String>() + "…";
        if fits(&cut) {
            return cut;
        }
    }
    "…".to_owned()
}

/// A round top of the axis at or above `max`, and the step between ticks (1, 2 or 5 × 10ⁿ,
/// 2 to 6 ticks).
fn nice(max: f64) -> (f64, f64) {
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let step = if max <= 5.0 && max.fract() == 0.0 && step < 1.0 {
        1.0
    } else {
        step
    };
    ((max / step).ceil() * step, step)
}

fn ticks(top: f64, step: f64, label: impl Fn(f64) -> String) -> Vec<(f64, String)> {
    let n = (top / step).round() as usize;
    (0..=n)
        .map(|i| {
            let v = step * i as f64;
            (v, label(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_buttons_with_escaped_labels_and_proportional_lengths() {
        let font = Font::default();
        let bars = [
            Bar {
                term: 0,
                label: "<Personal>",
                count: 10,
                answers: 10,
                share: 0.5,
            },
            Bar {
                term: 3,
                label: "Zeit",
                count: 5,
                answers: 5,
                share: 0.25,
            },
        ];
        let frame = Frame {
            width: 760.0,
            label_width: label_width(&font, bars.iter().map(|b| b.label), 300.0),
            axis: Axis::Count(10),
            axis_title: "Befragte",
            group: Some(2),
        };
        let svg = svg(&bars, &frame, Lang::De, &font, "x");
        assert!(svg.contains(">&lt;Personal&gt;</text>") && !svg.contains("<Personal>"));
        assert_eq!(
            svg.matches("data-g=\"2\" tabindex=\"0\" role=\"button\"")
                .count(),
            2
        );
        assert!(
            svg.contains(">10 (50,0\u{a0}%)</text>") && svg.contains(">5 (25,0\u{a0}%)</text>")
        );
        let widths: Vec<f32> = svg
            .match_indices("class=\"fill\"")
            .map(|(at, _)| {
                let rest = &svg[at..];
                let w = &rest[rest.find("width=\"").unwrap() + 7..];
                w[..w.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert_eq!(widths.len(), 2);
        assert!((widths[0] - 2.0 * widths[1]).abs() < 0.2, "{widths:?}");
    }

    #[test]
    fn long_labels_are_cut_to_fit() {
        let font = Font::default();
        let label = "Donaudampfschifffahrtsgesellschaftskapitänsmütze";
        let cut = fit(&font, label, 120.0);
        assert!(
            cut.ends_with('…') && cut.chars().count() < label.chars().count(),
            "{cut}"
        );
        assert_eq!(fit(&font, "Zeit", 120.0), "Zeit");
    }

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice(12.0), (15.0, 5.0));
        assert_eq!(nice(3.0), (3.0, 1.0));
        assert_eq!(nice(1.0), (1.0, 1.0));
        assert_eq!(nice(97.0), (100.0, 50.0));
        assert_eq!(nice(17.9), (20.0, 5.0));
    }
}
