//! Normalize: NFC, typographic characters, gender forms, case folding.

use unicode_normalization::UnicodeNormalization;

use super::{apply_rule, TokenFilter, TokenRule};
use crate::{Token, TokenKind};

/// Makes the key of every word the case-folded, canonical spelling of its surface form.
///
/// - Unicode NFC (a decomposed `u` + `¨` and a precomposed `ü` are one letter),
/// - typographic apostrophes and hyphens become ASCII, soft hyphens disappear,
/// - abbreviations lose inner spaces (`z. B.` → `z.b.`),
/// - gender forms get one key: `Bürger*innen`, `Bürger:innen`, `Bürger_innen`, `Bürger/-innen`,
///   `BürgerInnen` and the singular `Bürger*in` all become `bürger*in`,
/// - a suspended compound loses its hyphen (`Bürger-` → `bürger`),
/// - the key is lower-cased.
///
/// # Example
/// ```
/// use wortwolke_text::{filter::Normalize, Analyzer, Tokenizer};
///
/// let analyzer = Analyzer::builder(Tokenizer::default()).filter(Normalize).build();
/// let keys: Vec<String> = analyzer
///     .analyze("BürgerInnen Bürger:innen")
///     .into_iter()
///     .map(|t| t.key)
///     .collect();
/// assert_eq!(keys, ["bürger*in", "bürger*in"]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Normalize;

impl TokenRule for Normalize {
    fn apply_token(&self, surface: &str, _initial: bool, kind: &mut TokenKind, key: &mut String) {
        if matches!(kind, TokenKind::Word | TokenKind::Number) {
            // the tokenizer's key is the surface: plain words are lower-cased in place
            match plain(surface) {
                Some(Plain::Ascii) if key == surface => key.make_ascii_lowercase(),
                Some(Plain::Lower) if key == surface => {}
                _ => *key = normalize(surface),
            }
        }
    }
}

impl TokenFilter for Normalize {
    fn apply(&self, answer: &str, tokens: &mut Vec<Token>) {
        apply_rule(self, answer, tokens);
    }

    fn token_rule(&self) -> Option<&dyn TokenRule> {
        Some(self)
    }
}

/// Words whose key is just their lower-cased text.
enum Plain {
    /// ASCII letters and digits (not a Binnen-I gender form): lower-case it.
    Ascii,
    /// Already lower-case letters and digits in NFC: the key is the text.
    Lower,
}

fn plain(surface: &str) -> Option<Plain> {
    if surface.bytes().all(|b| b.is_ascii_alphanumeric())
        && !surface.ends_with("In")
        && !surface.ends_with("Innen")
    {
        return Some(Plain::Ascii);
    }
    let lower = |c: char| c.is_alphanumeric() && !c.is_uppercase();
    (surface.chars().all(lower)
        && unicode_normalization::is_nfc_quick(surface.chars())
            == unicode_normalization::IsNormalized::Yes)
        .then_some(Plain::Lower)
}

/// The normalized, case-folded key of one surface form.
pub(crate) fn normalize(surface: &str) -> String {
    // fast path: plain words (the vast majority) need only lower-casing
    match plain(surface) {
        Some(Plain::Ascii) => return surface.to_ascii_lowercase(),
        Some(Plain::Lower) => return surface.to_owned(),
        None => {}
    }
    // the Unicode pass only where there is something to compose or replace
    let composed = unicode_normalization::is_nfc_quick(surface.chars())
        == unicode_normalization::IsNormalized::Yes;
    let typographic = [
        '\u{00AD}', '\u{2019}', '\u{2018}', '`', '´', '\u{2010}', '\u{2011}',
    ];
    let mut s: String = if composed && !surface.contains(typographic) {
        surface.to_owned()
    } else {
        surface
            .nfc()
            .filter(|&c| c != '\u{00AD}')
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' | '`' | '´' => '\'',
                '\u{2010}' | '\u{2011}' => '-',
                _ => c,
            })
            .collect()
    };
    if s.contains(". ") {
        s.retain(|c| c != ' ');
    }
    if let Some(base) = gender_base(&s) {
        let mut key = base.to_lowercase();
        key.push_str("*in");
        return key;
    }
    if s.len() > 1 && s.ends_with('-') {
        s.pop();
    }
    s.to_lowercase()
}

/// The masculine base of a gender form, if `word` is one (`Bürger*innen` → `Bürger`).
pub(crate) fn gender_base(word: &str) -> Option<&str> {
    for suffix in ["innen", "in"] {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        // Bürger*innen, Bürger:innen, Bürger_innen, Bürger/innen, Bürger/-innen, Bürger·innen
        let marked = stem
            .strip_suffix("/-")
            .or_else(|| stem.strip_suffix(['*', ':', '_', '/', '·', '\u{2022}']));
        if let Some(base) = marked {
            if base.chars().count() >= 2 && base.chars().all(|c| c.is_alphabetic() || c == '-') {
                return Some(base);
            }
        }
    }
    // Binnen-I: BürgerInnen, MitarbeiterIn (a lowercase letter before the capital I).
    for suffix in ["Innen", "In"] {
        let Some(base) = word.strip_suffix(suffix) else {
            continue;
        };
        let before = base.chars().last()?;
        if before.is_lowercase() && base.chars().count() >= 3 {
            return Some(base);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (surface, key) in [
            ("Bürger*innen", "bürger*in"),
            ("Bürger:innen", "bürger*in"),
            ("Bürger_innen", "bürger*in"),
            ("Bürger/-innen", "bürger*in"),
            ("Bürger/innen", "bürger*in"),
            ("BürgerInnen", "bürger*in"),
            ("Mitarbeiter*in", "mitarbeiter*in"),
            ("MitarbeiterIn", "mitarbeiter*in"),
            ("Bürgerinnen", "bürgerinnen"),
            ("Bu\u{0308}rger", "bürger"),
            ("geht\u{2019}s", "geht's"),
            ("z. B.", "z.b."),
            ("Bürger-", "bürger"),
            ("E-Akte", "e-akte"),
            ("Berlin", "berlin"),
            ("In", "in"),
        ] {
            assert_eq!(normalize(surface), key, "{surface}");
        }
    }
}
