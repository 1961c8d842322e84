//! The cloud as inline SVG: the same `Layout` and glyph outlines as `wortwolke cloud`'s SVG
//! and PNG, each word a button that lists the term's answers.

use std::fmt::Write as _;

use wortwolke_layout::{render, Layout};

use super::html::esc;
use super::locale::Lang;

/// One drawn word's row: its index in the question's table, and its share there.
#[derive(Debug, Clone, Copy)]
pub struct WordRow {
    pub term: usize,
    /// Respondents naming it, and their share.
    pub answers: u64,
    pub share: f64,
}

/// `layout` as an inline `<svg>` labelled by `labelled_by` (its text alternative); `rows[i]` is
/// the table row of `layout.words[i]`.
pub fn svg(layout: &Layout, rows: &[WordRow], lang: Lang, labelled_by: &str) -> String {
    let (w, h) = (layout.width, layout.height);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"cloud\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"group\" aria-labelledby=\"{}\">",
        esc(labelled_by)
    );
    if layout.background.a > 0 {
        let _ = write!(
            out,
            "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
            layout.background.hex()
        );
    }
    // outlines in tenths of a pixel (see `compact`)
    out.push_str("<g transform=\"scale(.1)\">");
    for (index, (word, row)) in layout.words.iter().zip(rows).enumerate() {
        let name = Lang::say(
            lang.words().term_button,
            &[
                ("term", &word.text),
                ("n", &lang.int(row.answers)),
                ("share", &lang.pct(row.share)),
            ],
        );
        let _ = write!(
            out,
            // (the title names the button, for screen readers and as a tooltip)
            "<g class=\"term word\" data-t=\"{}\" tabindex=\"0\" role=\"button\"><title>{name}</title><path fill=\"{}\" d=\"{}\"/></g>",
            row.term,
            word.color.hex(),
            compact(&render::word_path(layout, index))
        );
    }
    out.push_str("</g></svg>");
    out
}

/// SVG path data from [`render::word_path`] (absolute `M L Q C Z` with up to two decimals)
/// rewritten shorter: relative commands, whole numbers of tenths of a pixel (to be drawn in a
/// group scaled by 0.1; a tenth of a pixel on a 1200-pixel canvas does not show), repeated
/// commands implied. Positions are rounded absolutely first, so rounding errors never add up
/// along an outline. Less than half the bytes.
fn compact(d: &str) -> String {
    let mut out = String::with_capacity(d.len() / 2);
    let mut command = ' ';
    let mut numbers: Vec<i64> = Vec::with_capacity(6);
    let mut at = (0i64, 0i64);
    let mut start = (0i64, 0i64);
    let mut last = ' ';
    let mut rest = d;
    loop {
        let next = rest.find(|c: char| c.is_ascii_alphabetic());
        let (chunk, letter) = match next {
            Some(i) => (&rest[..i], Some(rest.as_bytes()[i] as char)),
            None => (rest, None),
        };
        numbers.clear();
        numbers.extend(
            chunk
                .split([' ', ','])
                .filter(|t| !t.is_empty())
                .filter_map(|t| t.parse::<f64>().ok())
                .map(|v| (v * 10.0).round() as i64),
        );
        emit(&mut out, command, &numbers, &mut at, &mut start, &mut last);
        match letter {
            Some(c) => {
                command = c;
                rest = &rest[next.unwrap_or(0) + 1..];
            }
            None => break,
        }
    }
    out
}

/// Writes one absolute command (`numbers` in tenths) as a relative one.
fn emit(
    out: &mut String,
    command: char,
    numbers: &[i64],
    at: &mut (i64, i64),
    start: &mut (i64, i64),
    last: &mut char,
) {
    let relative = command.to_ascii_lowercase();
    match command {
        'Z' => {
            out.push('z');
            *at = *start;
            *last = 'z';
            return;
        }
        'M' | 'L' | 'Q' | 'C' if numbers.len() >= 2 && numbers.len().is_multiple_of(2) => {}
        _ => return,
    }
    // after `m` a pair without a letter is `l`; any other command repeats itself (a path's
    // first `m` is relative to the origin: absolute)
    let implied = (*last == relative && relative != 'm') || (*last == 'm' && relative == 'l');
    if !implied {
        out.push(relative);
    }
    let base = *at;
    for (i, pair) in numbers.chunks(2).enumerate() {
        let (x, y) = (pair[0] - base.0, pair[1] - base.1);
        if i > 0 || implied {
            separate(out, x);
        }
        tenths(out, x);
        separate(out, y);
        tenths(out, y);
    }
    let end = numbers.len() - 2;
    *at = (numbers[end], numbers[end + 1]);
    if command == 'M' {
        *start = *at;
    }
    *last = relative;
}

/// A space before `value` unless its minus sign separates it anyway.
fn separate(out: &mut String, value: i64) {
    if value >= 0 {
        out.push(' ');
    }
}

/// `value` (tenths) as written in the scaled group.
fn tenths(out: &mut String, value: i64) {
    use std::fmt::Write as _;
    let _ = write!(out, "{value}");
}

#[cfg(test)]
mod tests {
    use super::compact;

    /// The absolute points a path visits (in tenths), read back from relative commands;
    /// `scale`: tenths per unit of the path's numbers.
    fn points(d: &str, scale: f64) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        let (mut at, mut start) = ((0i64, 0i64), (0i64, 0i64));
        let mut command = ' ';
        let mut numbers: Vec<i64> = Vec::new();
        let mut flush =
            |command: char, numbers: &mut Vec<i64>, at: &mut (i64, i64), start: &mut (i64, i64)| {
                let per = match command.to_ascii_lowercase() {
                    'm' | 'l' => 2,
                    'q' => 4,
                    'c' => 6,
                    _ => 0,
                };
                if per == 0 {
                    return;
                }
                for (k, group) in numbers.chunks(per).enumerate() {
                    let base = *at;
                    for pair in group.chunks(2) {
                        let p = if command.is_ascii_uppercase() {
                            (pair[0], pair[1])
                        } else {
                            (base.0 + pair[0], base.1 + pair[1])
                        };
                        out.push(p);
                        *at = p;
                    }
                    if command.eq_ignore_ascii_case(&'m') && k == 0 {
                        *start = *at;
                    }
                }
                numbers.clear();
            };
        let mut token = String::new();
        let push = |token: &mut String, numbers: &mut Vec<i64>| {
            if !token.is_empty() {
                numbers.push((token.parse::<f64>().unwrap() * scale).round() as i64);
                token.clear();
            }
        };
        for c in d.chars() {
            if c.is_ascii_alphabetic() {
                push(&mut token, &mut numbers);
                flush(command, &mut numbers, &mut at, &mut start);
                command = c;
                if c == 'z' || c == 'Z' {
                    at = start;
                }
            } else if c == ' ' || (c == '-' && !token.is_empty()) {
                push(&mut token, &mut numbers);
                if c == '-' {
                    token.push(c);
                }
            } else {
                token.push(c);
            }
        }
        push(&mut token, &mut numbers);
        flush(command, &mut numbers, &mut at, &mut start);
        out
    }

    #[test]
    fn compact_paths_visit_the_same_points() {
        let d = "M10.25 20L30.5 20L30.5 40.04Q31 41 32.15 42ZM100 100C101 102 103 104 105 106L99.95 100Z";
        let short = compact(d);
        assert!(short.len() < d.len(), "{short}");
        assert_eq!(points(&short, 1.0), points(d, 10.0), "{short}");
        assert!(
            short.starts_with("m103 200 202 0 0 200q5 10 17 20z"),
            "{short}"
        );
    }

    #[test]
    fn compact_paths_of_a_real_cloud() {
        use wortwolke_layout::{layout, render, LayoutOptions, WeightedWord};
        let words =
            WeightedWord::from_weights([("Personalmangel", 9), ("Bürger*innen", 4), ("Zeit", 2)]);
        let cloud = layout(
            &words,
            &LayoutOptions {
                width: 400,
                height: 200,
                ..Default::default()
            },
        );
        for i in 0..cloud.words.len() {
            let d = render::word_path(&cloud, i);
            let short = compact(&d);
            assert!(
                short.len() * 10 < d.len() * 7,
                "{} → {}",
                d.len(),
                short.len()
            );
            assert_eq!(points(&short, 1.0), points(&d, 10.0));
        }
    }
}
