//! Labels: the title and caption drawn with a cloud, and what its text alternative says.

use serde::Serialize;

use crate::color::Color;
use crate::Font;

/// The text that goes with a cloud: a title drawn above it, a caption drawn below it, and what
/// its text alternative says ([`render::alt_text`](crate::render::alt_text), the SVG's
/// `<title>` and `<desc>`, the PNG's `tEXt` Title and Description).
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, Labels, LayoutOptions, WeightedWord};
///
/// let labels = Labels {
///     title: Some("Why are EfA services not used?".into()),
///     base: Some("n = 98 respondents answered".into()),
///     ..Default::default()
/// };
/// assert_eq!(labels.name(), "Why are EfA services not used?");
/// let options = LayoutOptions { width: 400, height: 300, labels, ..Default::default() };
/// let cloud = layout(&[WeightedWord::new("Personal", 9.0)], &options);
/// // the title is drawn above the words
/// assert_eq!(cloud.lines[0].text, "Why are EfA services not used?");
/// assert!(cloud.lines[0].y < cloud.words[0].y);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Labels {
    /// Drawn above the cloud; the image's title.
    pub title: Option<String>,
    /// Drawn below the cloud in small print, e.g. the base of the counts.
    pub caption: Option<String>,
    /// What the cloud shows, e.g. the survey question: the image's title when there is no
    /// `title`. Not drawn.
    pub subject: Option<String>,
    /// Who was counted (the base), for the text alternative. Not drawn (put it in `caption`
    /// to draw it).
    pub base: Option<String>,
    /// The language the text alternative's own sentences are in ("Word cloud: …", "Terms by
    /// count: …"); the labels above are taken as they are.
    #[serde(skip)]
    pub wording: Wording,
}

/// The language of the sentences the text alternative frames the labels and terms with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Wording {
    /// "Word cloud: … 12 terms; the larger a term, the higher its count."
    #[default]
    English,
    /// "Wortwolke: … 12 Begriffe; je größer ein Begriff, desto höher seine Zahl."
    German,
}

impl Wording {
    /// `en` in English, `de` in German.
    pub(crate) fn say<'a>(self, en: &'a str, de: &'a str) -> &'a str {
        match self {
            Wording::English => en,
            Wording::German => de,
        }
    }
}

impl Labels {
    /// The image's name: the title, else the subject, else "Word cloud" ("Wortwolke").
    pub fn name(&self) -> &str {
        self.given_name()
            .unwrap_or(self.wording.say("Word cloud", "Wortwolke"))
    }

    /// The title, else the subject, if there is one.
    pub(crate) fn given_name(&self) -> Option<&str> {
        [&self.title, &self.subject]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
    }
}

/// One line of a title or caption, as drawn: (`x`, `y`) is the centre of its text box, like a
/// [`PlacedWord`](crate::PlacedWord)'s.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    /// The text.
    pub text: String,
    /// Font size in pixels.
    pub font_size: f32,
    /// Centre x.
    pub x: f32,
    /// Centre y.
    pub y: f32,
    /// Fill colour.
    pub color: Color,
}

/// The lines of the title (top) and caption (bottom) on a `width × height` canvas, and the
/// heights of the bands they take at the top and the bottom, which the words keep clear of.
pub(crate) fn lines(
    labels: &Labels,
    font: &Font,
    (width, height): (u32, u32),
    background: Color,
) -> (Vec<TextLine>, u32, u32) {
    let (w, h) = (width as f32, height as f32);
    let margin = (h / 60.0).clamp(2.0, 16.0);
    let max_width = w - 2.0 * margin;
    // on a transparent background, text is drawn for a white page
    let bg = if background.a < 128 {
        Color::WHITE
    } else {
        background
    };
    let ink = if bg.luminance() > 0.18 {
        Color::rgb(0x20, 0x20, 0x20)
    } else {
        Color::rgb(0xf0, 0xf0, 0xf0)
    };
    let grey = Color::rgb(0x60, 0x60, 0x60).with_contrast(bg, 4.5);
    // the words keep at least half of the canvas: lines that do not fit in the other half
    // are left out, the caption's first
    let limit = h / 2.0;
    let block = |text: &Option<String>, size: f32, room: f32| -> Vec<String> {
        let text = text.as_deref().filter(|t| !t.trim().is_empty());
        let line_height = font.line_height(size);
        let mut lines = text.map_or_else(Vec::new, |t| wrap(font, t, size, max_width));
        let fit = ((room - 2.0 * margin) / line_height).floor().max(0.0) as usize;
        lines.truncate(fit);
        lines
    };
    let title_size = (h / 22.0).clamp(12.0, 44.0);
    let title = block(&labels.title, title_size, limit);
    let top = band(&title, font.line_height(title_size), margin);
    let caption_size = (h / 45.0).clamp(9.0, 20.0);
    let caption = block(&labels.caption, caption_size, limit - top);
    let bottom = band(&caption, font.line_height(caption_size), margin);
    let line = |text: String, size: f32, y: f32, color: Color| TextLine {
        text,
        font_size: size,
        x: w / 2.0,
        y,
        color,
    };
    let (title_height, caption_height) =
        (font.line_height(title_size), font.line_height(caption_size));
    let out = title
        .into_iter()
        .enumerate()
        .map(|(i, t)| line(t, title_size, margin + title_height * (i as f32 + 0.5), ink))
        .chain(caption.into_iter().enumerate().map(|(i, t)| {
            let y = h - bottom + margin + caption_height * (i as f32 + 0.5);
            line(t, caption_size, y, grey)
        }))
        .collect();
    (out, top.ceil() as u32, bottom.ceil() as u32)
}

/// The height of a band of `lines` lines: the lines and a margin above and below (0 for none).
fn band(lines: &[String], line_height: f32, margin: f32) -> f32 {
    if lines.is_empty() {
        0.0
    } else {
        lines.len() as f32 * line_height + 2.0 * margin
    }
}

/// `text` broken into lines at spaces, each at most `max_width` wide at `size` where a single
/// word allows it.
fn wrap(font: &Font, text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && font.text_width(&candidate, size) > max_width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_captions_wrap_inside_the_canvas() {
        let font = Font::default();
        let labels = Labels {
            caption: Some("Base: n = 98 respondents answered (6 without answer, 104 in total). Counts are respondents naming the term.".into()),
            ..Default::default()
        };
        let (lines, top, bottom) = lines(&labels, &font, (160, 200), Color::WHITE);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(top, 0);
        assert!(bottom > 0 && bottom < 100);
        for line in &lines {
            assert!(
                font.text_width(&line.text, line.font_size) <= 160.0,
                "{line:?}"
            );
            assert!(line.y > 200.0 - bottom as f32 && line.y < 200.0);
        }
        assert_eq!(
            lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            labels.caption.unwrap()
        );
    }

    #[test]
    fn the_words_keep_half_of_the_canvas() {
        let font = Font::default();
        let long =
            "Warum werden die Online-Dienste nach dem Einer-für-Alle-Prinzip nicht genutzt? "
                .repeat(6);
        let labels = Labels {
            title: Some(long.clone()),
            caption: Some(long),
            ..Default::default()
        };
        let (lines, top, bottom) = lines(&labels, &font, (200, 100), Color::WHITE);
        assert!(top + bottom <= 50, "{top} + {bottom}");
        assert!(!lines.is_empty());
        for line in &lines {
            let half = font.line_height(line.font_size) / 2.0;
            let (y0, y1) = (line.y - half, line.y + half);
            assert!(
                y1 <= top as f32 || y0 >= (100 - bottom) as f32,
                "{line:?} in the words' band"
            );
        }
    }

    #[test]
    fn name_falls_back_to_the_subject() {
        let mut labels = Labels::default();
        assert_eq!(labels.name(), "Word cloud");
        labels.subject = Some("Q5".into());
        assert_eq!(labels.name(), "Q5");
        labels.title = Some("Gründe".into());
        assert_eq!(labels.name(), "Gründe");
    }
}
