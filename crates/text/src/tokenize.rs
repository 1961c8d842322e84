//! Splitting an answer into tokens: UAX #29 words plus the German rules that UAX #29 lacks.
//!
//! UAX #29 (via `unicode-segmentation`) already keeps `Servicekonto.NRW`, `Bürger:innen` and
//! `Bürger_innen` together. On top of it, [`Tokenizer`] joins hyphen compounds (`EfA-Dienste`,
//! `E-Akte`), star and slash gender forms (`Bürger*innen`, `Bürger/-innen`), abbreviations
//! (`z.B.`, `z. B.`, `bzw.`), splits typos such as `Personal.Keine` at the missing space, and
//! marks URLs, e-mail addresses, mentions and emoji so they never become terms.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::token::{Separator, Token, TokenKind};

/// Abbreviations that end in a dot and are not made of single letters (`z.B.` is found by shape).
const ABBREVIATIONS: &[&str] = &[
    "bzw", "ggf", "ggfs", "usw", "etc", "evtl", "ca", "inkl", "exkl", "sog", "vgl", "bspw", "ggü",
    "bzgl", "zzgl", "insb", "nr", "str", "tel", "abs", "max", "min", "mind", "allg", "gem", "jhd",
    "jh", "mio", "mrd", "tsd", "std", "dt", "engl", "usf", "bez", "abt", "ref", "kath", "evang",
];

/// Splits text into [`Token`]s whose offsets slice the text.
///
/// The tokenizer sets each token's `key` to its surface text; filters refine it.
///
/// # Example
/// ```
/// use wortwolke_text::{Tokenizer, TokenKind};
///
/// let text = "EfA-Dienste, z. B. Bürger*innen-Portal: www.bund.de";
/// let tokens = Tokenizer::default().tokenize(text);
/// let surface: Vec<&str> = tokens
///     .iter()
///     .filter(|t| !t.kind.is_separator())
///     .map(|t| t.text(text))
///     .collect();
/// assert_eq!(surface, ["EfA-Dienste", "z. B.", "Bürger*innen-Portal", "www.bund.de"]);
/// assert_eq!(tokens.last().unwrap().kind, TokenKind::Link);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {
    _private: (),
}

/// A piece before merging: byte range and a coarse class.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    range: Range<usize>,
    class: Class,
    /// A word or number with a dot inside (`Servicekonto.NRW`, `Personal.Keine`, `3.5`): the
    /// merge pass then looks at it again (see [`split_dotted`]).
    dot: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Number,
    Link,
    Symbol,
    Space { newline: bool },
    Punct(char),
}

impl Tokenizer {
    /// Splits `text` into tokens. Offsets are byte ranges into `text`.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        self.tokenize_into(text, &mut tokens);
        tokens
    }

    /// Like [`Tokenizer::tokenize`], into `tokens` (cleared first). The tokens' key buffers are
    /// reused, so a loop over many answers allocates almost nothing.
    pub fn tokenize_into(&self, text: &str, tokens: &mut Vec<Token>) {
        self.tokenize_with(text, &mut Scratch::default(), tokens);
    }

    /// [`Tokenizer::tokenize_into`] with the caller's working buffers.
    pub(crate) fn tokenize_with(&self, text: &str, scratch: &mut Scratch, tokens: &mut Vec<Token>) {
        let mut n = 0;
        let mut position = 0;
        for (offset, kind) in self.split(text, scratch) {
            let this_position = position;
            if !kind.is_separator() {
                position += 1;
            }
            if n == tokens.len() {
                tokens.push(Token {
                    offset: 0..0,
                    position: 0,
                    kind,
                    key: String::new(),
                });
            }
            let token = &mut tokens[n];
            n += 1;
            token.key.clear();
            if !kind.is_separator() {
                // separators carry no key: nothing groups by them
                token.key.push_str(&text[offset.clone()]);
            }
            token.offset = offset;
            token.position = this_position;
            token.kind = kind;
        }
        tokens.truncate(n);
    }

    /// The tokens of `text` as byte ranges and kinds, without keys (spaces are left out).
    pub(crate) fn split<'s>(
        &self,
        text: &str,
        scratch: &'s mut Scratch,
    ) -> impl Iterator<Item = (Range<usize>, TokenKind)> + 's {
        scratch.pieces.clear();
        pieces(text, &mut scratch.pieces);
        scratch.merged.clear();
        merge(text, &scratch.pieces, &mut scratch.merged);
        scratch.merged.iter().filter_map(|piece| {
            let kind = match piece.class {
                Class::Word => TokenKind::Word,
                Class::Number => TokenKind::Number,
                Class::Link => TokenKind::Link,
                Class::Symbol => TokenKind::Symbol,
                Class::Space { newline: false } => return None,
                Class::Space { newline: true } => TokenKind::Separator(Separator::Hard),
                Class::Punct(c) => TokenKind::Separator(punct_strength(c)),
            };
            Some((piece.range.clone(), kind))
        })
    }
}

/// The tokenizer's working buffers, kept from answer to answer by whoever tokenizes many.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pieces: Vec<Piece>,
    merged: Vec<Piece>,
}

fn punct_strength(c: char) -> Separator {
    match c {
        '.' | '!' | '?' | ';' | ':' | '…' | '\n' | '•' | '·' => Separator::Hard,
        _ => Separator::Soft,
    }
}

/// First pass: links by whitespace-delimited chunk, everything else by UAX #29 word bounds.
fn pieces(text: &str, out: &mut Vec<Piece>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    // end of the last whitespace-delimited chunk looked at
    let mut examined = 0;
    // every URL, domain, e-mail address and mention has one of these characters; a dot only
    // in `www.` or before a letter or digit (the next part of a domain): `Personal.` is no link
    for p in memchr::memchr3_iter(b'.', b'@', b'/', bytes) {
        let plain_dot = bytes[p] == b'.'
            && !bytes.get(p + 1).is_some_and(u8::is_ascii_alphanumeric)
            && !(p >= 3 && bytes[p - 3..p].eq_ignore_ascii_case(b"www"));
        if p < examined || plain_dot {
            continue;
        }
        let chunk_start = text[..p]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let chunk_end = text[p..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| p + i);
        examined = chunk_end;
        if let Some(link) = link_span(&text[chunk_start..chunk_end]) {
            segment(text, start..chunk_start + link.start, out);
            out.push(Piece {
                range: chunk_start + link.start..chunk_start + link.end,
                class: Class::Link,
                dot: false,
            });
            start = chunk_start + link.end;
        }
    }
    segment(text, start..text.len(), out);
}

/// The part of a chunk that is a URL, e-mail address or @mention, if any.
fn link_span(chunk: &str) -> Option<Range<usize>> {
    // a URL has `://` or `www.` in it; only then is the lower-cased copy worth making
    let bytes = chunk.as_bytes();
    let maybe_url = bytes.windows(3).any(|w| w == b"://")
        || bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
    let begin = if maybe_url {
        let lower = chunk.to_ascii_lowercase();
        ["https://", "http://", "ftp://", "www."]
            .iter()
            .filter_map(|p| lower.find(p))
            .min()
    } else {
        None
    };
    let trim_end = |s: &str| {
        s.trim_end_matches(|c: char| ".,;:!?)]}\"'»«“”„".contains(c))
            .len()
    };
    if let Some(b) = begin {
        let end = b + trim_end(&chunk[b..]);
        return (end > b + 4).then_some(b..end);
    }
    let start = chunk.find(|c: char| c.is_alphanumeric())?;
    let end = trim_end(chunk);
    if start < end && is_domain(&chunk[start..end]) {
        return Some(start..end);
    }
    // e-mail address: local@domain.tld
    let at = chunk.find('@')?;
    let local_start = chunk[..at]
        .rfind(|c: char| !(c.is_alphanumeric() || "._%+-".contains(c)))
        .map_or(0, |i| {
            i + chunk[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = at + 1 + trim_end(&chunk[at + 1..]);
    let domain = &chunk[at + 1..end];
    if at > local_start && domain.contains('.') && !domain.starts_with('.') {
        return Some(local_start..end);
    }
    // @mention
    if at == 0 && end > 1 {
        return Some(0..end);
    }
    None
}

/// Top-level domains that make `bahn.de` or `service.bund.de` a web address, not two words.
const TLDS: &[&str] = &[
    "de", "com", "org", "net", "eu", "info", "io", "gov", "at", "ch", "nrw", "bayern", "berlin",
    "hamburg", "koeln", "ruhr", "saarland", "edu", "biz", "online", "digital", "app",
];

/// `bahn.de`, `service.bund.de`: lower-case dotted names ending in a top-level domain.
fn is_domain(chunk: &str) -> bool {
    let Some((rest, tld)) = chunk.rsplit_once('.') else {
        return false;
    };
    TLDS.contains(&tld)
        && !rest.is_empty()
        && rest
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// UAX #29 word bounds of `text[range]`, classified.
fn segment(text: &str, range: Range<usize>, out: &mut Vec<Piece>) {
    let base = range.start;
    let region = &text[range];
    let before = out.len();
    let simple = simple_bounds(region, |r, class, dot| {
        out.push(Piece {
            range: base + r.start..base + r.end,
            class,
            dot,
        });
    });
    if simple {
        return;
    }
    out.truncate(before);
    for (i, seg) in region.split_word_bound_indices() {
        classify(region, base, i..i + seg.len(), out);
    }
}

/// Characters whose UAX #29 word-break class [`simple_bounds`] knows: Latin letters, ASCII
/// digits, spaces, line breaks and ASCII punctuation. Anything else (combining marks, emoji,
/// other scripts, other spaces) goes through `unicode-segmentation`. ([`simple_bounds`] decides
/// it byte by byte; the tests hold it to this definition.)
#[cfg(test)]
fn is_simple(c: char) -> bool {
    c.is_ascii() && (c.is_ascii_graphic() || matches!(c, ' ' | '\n' | '\r' | '\t'))
        || ('\u{C0}'..='\u{24F}').contains(&c)
            && c.is_alphabetic()
            && c != '\u{D7}'
            && c != '\u{F7}'
}

/// Whether the two bytes at a non-ASCII position are an [`is_simple`] Latin letter
/// (U+00C0–U+024F without `×` and `÷`).
fn simple_latin(lead: u8, cont: u8) -> bool {
    (0x80..=0xBF).contains(&cont)
        && match lead {
            0xC3 => cont != 0x97 && cont != 0xB7,
            0xC4..=0xC8 => true,
            0xC9 => cont <= 0x8F,
            _ => false,
        }
}

/// UAX #29 word boundaries for text made only of [`is_simple`] characters — the same bounds
/// `split_word_bound_indices` finds (a property test checks it), several times faster: letters,
/// digits and `_` join; `:` `.` `'` join letters (WB6/7); `.` `,` `;` `'` join digits (WB11/12);
/// spaces join spaces (WB3d), CR joins LF (WB3); every other character stands alone.
/// Each segment comes with the class [`classify`] would give it (the property test checks that
/// too): in these characters a run with a letter is a word, one with a digit a number; and
/// with whether a dot joined it.
///
/// Returns false, having emitted part of the text, at the first character that is not
/// [`is_simple`]: the caller then segments it all the general way.
fn simple_bounds(text: &str, mut emit: impl FnMut(Range<usize>, Class, bool)) -> bool {
    // byte classes, as bits: a run's bits say whether it has a letter or a digit
    const OTHER: u8 = 0; // ASCII punctuation, line breaks, tab
    const LETTER: u8 = 1;
    const DIGIT: u8 = 2;
    const UNDERSCORE: u8 = 4;
    const SPACE: u8 = 8;
    const HIGH: u8 = 16; // a byte of a non-ASCII character
    const CONTROL: u8 = 32; // never simple
    const JOINS: u8 = LETTER | DIGIT | UNDERSCORE | HIGH;
    const KIND: [u8; 256] = {
        let mut kind = [OTHER; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            kind[c] = if b >= 0x80 {
                HIGH
            } else if b.is_ascii_alphabetic() {
                LETTER
            } else if b.is_ascii_digit() {
                DIGIT
            } else if b == b'_' {
                UNDERSCORE
            } else if b == b' ' {
                SPACE
            } else if b.is_ascii_graphic() || matches!(b, b'\n' | b'\r' | b'\t') {
                OTHER
            } else {
                CONTROL
            };
            c += 1;
        }
        kind
    };
    let b = text.as_bytes();
    // a letter for joining: ASCII or not (a non-simple one is caught when the run reaches it)
    let letter_at = |i: usize| {
        b.get(i)
            .is_some_and(|&c| KIND[usize::from(c)] & (LETTER | HIGH) != 0)
    };
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let k = KIND[usize::from(b[i])];
        let mut dot = false;
        let class = if k & JOINS != 0 {
            let mut bits = 0;
            // letters, digits and `_`, and the punctuation that joins them
            while i < b.len() {
                let k = KIND[usize::from(b[i])];
                if k & (LETTER | DIGIT | UNDERSCORE) != 0 {
                    bits |= k;
                    i += 1;
                    continue;
                }
                if k == HIGH {
                    if !simple_latin(b[i], b.get(i + 1).copied().unwrap_or(0)) {
                        return false;
                    }
                    bits |= LETTER;
                    i += 2;
                    continue;
                }
                let mid = b[i];
                let last_letter = bits & LETTER != 0 && letter_at(i - 1) || b[i - 1] >= 0x80;
                let last_digit = b[i - 1].is_ascii_digit();
                let letters = last_letter && letter_at(i + 1) && matches!(mid, b':' | b'.' | b'\'');
                let digits =
                    last_digit && digit_at(i + 1) && matches!(mid, b'.' | b',' | b';' | b'\'');
                if letters || digits {
                    dot |= mid == b'.';
                    i += 1;
                    continue;
                }
                break;
            }
            if bits & LETTER != 0 {
                Class::Word
            } else if bits & DIGIT != 0 {
                Class::Number
            } else {
                Class::Punct('_')
            }
        } else if k == SPACE {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            Class::Space { newline: false }
        } else if k == CONTROL {
            return false;
        } else {
            let c = b[i];
            i += if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            match c {
                b'\n' | b'\r' => Class::Space { newline: true },
                b'\t' => Class::Space { newline: false },
                _ => Class::Punct(char::from(c)),
            }
        };
        emit(start..i, class, dot);
    }
    true
}

/// One segment → a classified piece.
fn classify(region: &str, base: usize, r: Range<usize>, out: &mut Vec<Piece>) {
    let seg = &region[r.clone()];
    let r = base + r.start..base + r.end;
    {
        let class = if seg.chars().all(char::is_whitespace) {
            Class::Space {
                newline: seg.contains(['\n', '\r', '\u{2028}', '\u{2029}']),
            }
        } else if seg.chars().any(char::is_alphabetic) {
            Class::Word
        } else if seg.chars().any(|c| c.is_numeric()) {
            Class::Number
        } else {
            let c = seg.chars().next().unwrap_or(' ');
            if c.is_ascii_punctuation() || is_unicode_punct(c) {
                Class::Punct(c)
            } else {
                Class::Symbol
            }
        };
        out.push(Piece {
            range: r,
            class,
            dot: matches!(class, Class::Word | Class::Number) && seg.contains('.'),
        });
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»' | '¡' | '¿' | '§' | '°' | '·'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_gender_mark(c: char) -> bool {
    matches!(c, '*' | '/' | ':' | '_' | '·' | '\u{2022}')
}

/// Second pass: the German joining and splitting rules.
fn merge(text: &str, pieces: &[Piece], out: &mut Vec<Piece>) {
    let mut i = 0;
    let at = |j: usize| pieces.get(j);
    let punct = |j: usize| match at(j).map(|p| p.class) {
        Some(Class::Punct(c)) => Some(c),
        _ => None,
    };
    let is_wordlike =
        |j: usize| matches!(at(j).map(|p| p.class), Some(Class::Word | Class::Number));
    let adjacent = |a: &Range<usize>, b: &Piece| a.end == b.range.start;
    while i < pieces.len() {
        let piece = &pieces[i];
        if !matches!(piece.class, Class::Word | Class::Number) {
            out.push(piece.clone());
            i += 1;
            continue;
        }
        let mut range = piece.range.clone();
        let mut class = piece.class;
        let mut dotted = piece.dot;
        i += 1;
        loop {
            // Hyphen compound: word-word (EfA-Dienste, E-Akte, 5G-Netz, 2-Faktor-Auth).
            if punct(i).is_some_and(is_hyphen)
                && adjacent(&range, &pieces[i])
                && is_wordlike(i + 1)
                && adjacent(&pieces[i].range, &pieces[i + 1])
            {
                range.end = pieces[i + 1].range.end;
                dotted |= pieces[i + 1].dot;
                if pieces[i + 1].class == Class::Word {
                    class = Class::Word;
                }
                i += 2;
                continue;
            }
            // Gender star/slash: Bürger*innen, Bürger/innen, Bürger/-innen, Mitarbeiter*in.
            if class == Class::Word
                && punct(i).is_some_and(is_gender_mark)
                && adjacent(&range, &pieces[i])
            {
                let mut j = i + 1;
                if punct(j).is_some_and(is_hyphen) && adjacent(&pieces[i].range, &pieces[j]) {
                    j += 1;
                }
                if let Some(next) = at(j) {
                    let t = &text[next.range.clone()];
                    if next.class == Class::Word
                        && adjacent(&pieces[j - 1].range, next)
                        && (t.starts_with("innen") || t.starts_with("in") && t.len() == 2)
                    {
                        range.end = next.range.end;
                        dotted |= next.dot;
                        i = j + 1;
                        continue;
                    }
                }
            }
            break;
        }
        // Abbreviation: z.B. / z. B. / i. d. R. / bzw. / u.a.
        if class == Class::Word {
            if let Some(end) = abbreviation_end(text, pieces, range.clone(), i) {
                range.end = end.0;
                i = end.1;
                out.push(Piece {
                    range,
                    class,
                    dot: false,
                });
                continue;
            }
            // Suspended compound: "Bürger- und Unternehmensservice" keeps its hyphen.
            if punct(i).is_some_and(is_hyphen)
                && adjacent(&range, &pieces[i])
                && !is_wordlike(i + 1)
                && out.last().is_none_or(|p| p.range.end != range.start)
            {
                range.end = pieces[i].range.end;
                i += 1;
            }
        }
        debug_assert_eq!(dotted, text.as_bytes()[range.clone()].contains(&b'.'));
        if class == Class::Word && dotted {
            split_dotted(text, range, out);
        } else {
            out.push(Piece {
                range,
                class,
                dot: false,
            });
        }
    }
}

/// If the word at `range` starts an abbreviation, the end of it and the next piece index.
fn abbreviation_end(
    text: &str,
    pieces: &[Piece],
    range: Range<usize>,
    next: usize,
) -> Option<(usize, usize)> {
    let word = &text[range.clone()];
    let dot_after = |j: usize, end: usize| {
        pieces
            .get(j)
            .is_some_and(|p| p.class == Class::Punct('.') && p.range.start == end)
    };
    if !dot_after(next, range.end) {
        return None;
    }
    // abbreviations are short: only those are worth lower-casing
    let listed = word.len() <= 6
        && (ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
            || !word.is_ascii() && ABBREVIATIONS.contains(&word.to_lowercase().as_str()));
    if listed || is_letter_dots(word) && word.contains('.') {
        return Some((pieces[next].range.end, next + 1));
    }
    // Spaced single letters: "z. B.", "u. a.", "i. d. R.", "k. A.".
    if word.chars().count() == 1 {
        let mut end = pieces[next].range.end;
        let mut j = next + 1;
        let mut letters = 1;
        while let (Some(space), Some(letter)) = (pieces.get(j), pieces.get(j + 1)) {
            let single = letter.class == Class::Word
                && text[letter.range.clone()].chars().count() == 1
                && text[space.range.clone()] == *" ";
            if !(single && space.range.start == end && dot_after(j + 2, letter.range.end)) {
                break;
            }
            end = pieces[j + 2].range.end;
            j += 3;
            letters += 1;
        }
        if letters > 1 {
            return Some((end, j));
        }
    }
    None
}

/// `z.B`, `u.a`, `i.d.R`: single letters separated by dots.
fn is_letter_dots(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// Keeps dotted names (`Servicekonto.NRW`, `Bund.ID`) and splits missing-space typos
/// (`Personal.Keine`) into word, hard separator, word.
fn split_dotted(text: &str, range: Range<usize>, out: &mut Vec<Piece>) {
    let word = &text[range.clone()];
    let parts: Vec<&str> = word.split('.').collect();
    let name_like = parts[1..].iter().any(|p| {
        p.chars().filter(|c| c.is_uppercase()).count() >= 2 || p.chars().all(|c| c.is_ascii_digit())
    }) || parts[0].chars().all(|c| !c.is_lowercase());
    if name_like {
        out.push(Piece {
            range,
            class: Class::Word,
            dot: false,
        });
        return;
    }
    let mut start = range.start;
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            out.push(Piece {
                range: start..start + 1,
                class: Class::Punct('.'),
                dot: false,
            });
            start += 1;
        }
        if !part.is_empty() {
            let class = if part.chars().any(char::is_alphabetic) {
                Class::Word
            } else {
                Class::Number
            };
            out.push(Piece {
                range: start..start + part.len(),
                class,
                dot: false,
            });
        }
        start += part.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surface(text: &str) -> Vec<(&str, TokenKind)> {
        Tokenizer::default()
            .tokenize(text)
            .into_iter()
            .map(|t| (&text[t.offset], t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        surface(text)
            .into_iter()
            .filter(|(_, k)| !k.is_separator())
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "EfA-Dienste werden kaum genutzt",
                &["EfA-Dienste", "werden", "kaum", "genutzt"],
            ),
            (
                "die E-Akte und OZG-Umsetzung",
                &["die", "E-Akte", "und", "OZG-Umsetzung"],
            ),
            (
                "Servicekonto.NRW, Bund.ID und WSP.NRW",
                &["Servicekonto.NRW", "Bund.ID", "und", "WSP.NRW"],
            ),
            ("Bürger*innen", &["Bürger*innen"]),
            ("Bürger:innen", &["Bürger:innen"]),
            ("Bürger_innen", &["Bürger_innen"]),
            (
                "Bürger/-innen und Mitarbeiter/innen",
                &["Bürger/-innen", "und", "Mitarbeiter/innen"],
            ),
            ("Mitarbeiter*in", &["Mitarbeiter*in"]),
            ("BürgerInnen", &["BürgerInnen"]),
            ("z.B. Personal", &["z.B.", "Personal"]),
            ("z. B. Personal", &["z. B.", "Personal"]),
            ("Personal bzw. Zeit", &["Personal", "bzw.", "Zeit"]),
            ("i. d. R. nicht", &["i. d. R.", "nicht"]),
            ("u.a. Geld", &["u.a.", "Geld"]),
            ("Personal.Keine Zeit", &["Personal", "Keine", "Zeit"]),
            (
                "Bürger- und Unternehmensservice",
                &["Bürger-", "und", "Unternehmensservice"],
            ),
            (
                "siehe https://www.example.org/a?b=1.",
                &["siehe", "https://www.example.org/a?b=1"],
            ),
            (
                "Mail an info@amt.example.de bitte",
                &["Mail", "an", "info@amt.example.de", "bitte"],
            ),
            ("@DB_Bahn ist 👍 toll", &["@DB_Bahn", "ist", "👍", "toll"]),
            (
                "auf bahn.de (service.bund.de)",
                &["auf", "bahn.de", "service.bund.de"],
            ),
            (
                "im Jahr 2021 zu 3,5 %",
                &["im", "Jahr", "2021", "zu", "3,5"],
            ),
            ("5G-Netz", &["5G-Netz"]),
            ("geht's", &["geht's"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    #[test]
    fn kinds() {
        let s = surface("Zeit. Geld 2021 👍 www.x.de\nLinks");
        let kinds: Vec<TokenKind> = s.iter().map(|(_, k)| *k).collect();
        use TokenKind::*;
        let hard = TokenKind::Separator(super::Separator::Hard);
        assert_eq!(kinds, [Word, hard, Word, Number, Symbol, Link, hard, Word]);
        let s = surface("Zeit, Geld");
        assert_eq!(s[1].1, TokenKind::Separator(super::Separator::Soft));
    }

    /// The first pass as it was written first: every whitespace-delimited chunk with a link
    /// character is looked at.
    fn reference_pieces(text: &str) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut start = 0;
        for chunk in text.split_whitespace() {
            let chunk_start = chunk.as_ptr() as usize - text.as_ptr() as usize;
            if !chunk.contains(['.', '@', '/']) {
                continue;
            }
            if let Some(link) = link_span(chunk) {
                segment(text, start..chunk_start + link.start, &mut out);
                out.push(Piece {
                    range: chunk_start + link.start..chunk_start + link.end,
                    class: Class::Link,
                    dot: false,
                });
                start = chunk_start + link.end;
            }
        }
        segment(text, start..text.len(), &mut out);
        out
    }

    proptest::proptest! {
        /// Looking only at chunks around link characters finds the links the chunk-by-chunk
        /// pass finds.
        #[test]
        fn links_found_as_chunk_by_chunk(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "bund", ".", "de", "www.", "WwW", "https://", "@", "/", " ", "\u{a0}", "a", "2", "-", "Ä", ":", "x.y", "\n", ",",
            ]), 0..16)
        ) {
            let text = parts.concat();
            let mut fast = Vec::new();
            pieces(&text, &mut fast);
            proptest::prop_assert_eq!(fast, reference_pieces(&text));
        }

        /// The fast path takes exactly the text made of simple characters.
        #[test]
        fn simple_bounds_takes_simple_text(text in "[\\u{0}-\\u{300}]{0,12}") {
            let simple = simple_bounds(&text, |_, _, _| {});
            proptest::prop_assert_eq!(simple, text.chars().all(is_simple));
        }

        /// The fast path finds exactly the bounds of UAX #29 on the characters it takes.
        #[test]
        fn simple_bounds_equal_uax29(text in "[aZk9_ :.',;\\-\n\r\täöüßÉ*(@#]{0,40}") {
            let uax: Vec<Range<usize>> = text
                .split_word_bound_indices()
                .map(|(i, s)| i..i + s.len())
                .collect();
            proptest::prop_assert!(text.chars().all(is_simple));
            let mut fast = Vec::new();
            let mut classes = Vec::new();
            let mut dots = Vec::new();
            let simple = simple_bounds(&text, |r, class, dot| {
                dots.push(dot);
                fast.push(r);
                classes.push(class);
            });
            proptest::prop_assert!(simple);
            let mut classified = Vec::new();
            for r in &uax {
                classify(&text, 0, r.clone(), &mut classified);
            }
            let expected: Vec<Class> = classified.iter().map(|p| p.class).collect();
            let expected_dots: Vec<bool> = classified.iter().map(|p| p.dot).collect();
            proptest::prop_assert_eq!(fast, uax);
            proptest::prop_assert_eq!(classes, expected);
            proptest::prop_assert_eq!(dots, expected_dots);
        }
    }

    #[test]
    fn positions_skip_separators() {
        let t = Tokenizer::default().tokenize("a, b. c");
        let pos: Vec<usize> = t
            .iter()
            .filter(|t| !t.kind.is_separator())
            .map(|t| t.position)
            .collect();
        assert_eq!(pos, [0, 1, 2]);
    }
}
