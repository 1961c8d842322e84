//! The text alternative: what a cloud shows, in words, for screen readers and reports.

use crate::{DropReason, Layout, Wording};

/// How many of the heaviest terms the text alternative of a PNG names (and an SVG's by default).
pub const DESCRIBED_TERMS: usize = 20;

/// A text alternative for the cloud: its name (title or subject), what the sizes mean, the
/// base, the caption, the `terms` heaviest terms with their counts, and the terms that were not
/// drawn. The same text is the SVG's `<desc>` and the PNG's `Description`.
///
/// # Example
/// ```
/// use wortwolke_layout::{layout, render, Labels, LayoutOptions, WeightedWord};
///
/// let options = LayoutOptions {
///     width: 300,
///     height: 200,
///     labels: Labels {
///         subject: Some("Why are EfA services not used?".into()),
///         base: Some("Base: n = 97 respondents answered.".into()),
///         ..Default::default()
///     },
///     ..Default::default()
/// };
/// let words = [WeightedWord::new("Personal", 31.0), WeightedWord::new("Zeit", 17.0)];
/// let text = render::alt_text(&layout(&words, &options), 20);
/// assert_eq!(
///     text,
///     "Word cloud: Why are EfA services not used? 2 terms; the larger a term, the higher its count.\n\
///      Base: n = 97 respondents answered.\n\
///      Terms by count: Personal (31), Zeit (17).\n"
/// );
/// ```
pub fn alt_text(layout: &Layout, terms: usize) -> String {
    let labels = &layout.labels;
    let say = |en, de| labels.wording.say(en, de);
    let german = labels.wording == Wording::German;
    let shown = layout.words.len();
    let terms_shown = match (german, shown) {
        (false, 1) => "1 term".to_owned(),
        (false, n) => format!("{n} terms"),
        (true, 1) => "1 Begriff".to_owned(),
        (true, n) => format!("{n} Begriffe"),
    };
    let mut out = match labels.given_name() {
        Some(name) => format!(
            "{}: {} {terms_shown}",
            say("Word cloud", "Wortwolke"),
            sentence(name)
        ),
        None if german => format!(
            "Wortwolke aus {}",
            if shown == 1 {
                "1 Begriff".to_owned()
            } else {
                format!("{shown} Begriffen")
            }
        ),
        None => format!("Word cloud of {terms_shown}"),
    };
    out.push_str(say(
        "; the larger a term, the higher its count.\n",
        "; je größer ein Begriff, desto höher seine Zahl.\n",
    ));
    let mut said = Vec::new();
    for text in [&labels.base, &labels.caption].into_iter().flatten() {
        let text = text.trim();
        if !text.is_empty() && !said.contains(&text) {
            out.push_str(&sentence(text));
            out.push('\n');
            said.push(text);
        }
    }
    let list = |words: &mut dyn Iterator<Item = (&str, f64)>| {
        words
            .map(|(t, w)| {
                let n = number(w);
                format!("{t} ({})", if german { n.replace('.', ",") } else { n })
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if shown > 0 {
        let more = if shown > terms {
            format!(" {} {}", say("and", "und"), shown - terms) + say(" more", " weitere")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}: {}{more}.\n",
            say("Terms by count", "Begriffe nach Zahl"),
            list(
                &mut layout
                    .words
                    .iter()
                    .take(terms)
                    .map(|w| (w.text.as_str(), w.weight))
            )
        ));
    }
    let mut no_room = layout
        .dropped
        .iter()
        .filter(|w| w.reason == DropReason::DoesNotFit)
        .map(|w| (w.text.as_str(), w.weight))
        .peekable();
    if no_room.peek().is_some() {
        out.push_str(&format!(
            "{}: {}.\n",
            say(
                "Not drawn for lack of room",
                "Aus Platzmangel nicht gezeichnet"
            ),
            list(&mut no_room)
        ));
    }
    out
}

/// `text` ending in a full stop, question or exclamation mark.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// A count without a trailing `.0`.
pub(crate) fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        format!("{x:.2}")
    }
}
