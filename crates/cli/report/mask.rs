//! Masks e-mail addresses and phone numbers in answers shown on the page, and maps byte
//! offsets of the original answer to UTF-16 offsets of the masked text (what JavaScript's
//! `String.prototype.slice` counts in).

use std::ops::Range;

/// An answer with its e-mail addresses and phone numbers replaced by placeholders.
#[derive(Debug)]
pub struct Masked<'a> {
    original: &'a str,
    /// Masked byte ranges of `original` (sorted, disjoint) and their placeholders.
    masks: Vec<(Range<usize>, &'static str)>,
}

impl<'a> Masked<'a> {
    /// Finds what to mask in `answer`; `email` and `phone` are the placeholders.
    pub fn new(answer: &'a str, email: &'static str, phone: &'static str) -> Self {
        let mut masks: Vec<(Range<usize>, &'static str)> =
            emails(answer).into_iter().map(|r| (r, email)).collect();
        for r in phones(answer) {
            if !masks
                .iter()
                .any(|(m, _)| m.start < r.end && r.start < m.end)
            {
                masks.push((r, phone));
            }
        }
        masks.sort_by_key(|(r, _)| r.start);
        Masked {
            original: answer,
            masks,
        }
    }

    /// The masked text.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.original.len());
        let mut at = 0;
        for (r, placeholder) in &self.masks {
            out.push_str(&self.original[at..r.start]);
            out.push_str(placeholder);
            at = r.end;
        }
        out.push_str(&self.original[at..]);
        out
    }

    /// Where the original bytes `range` are in the masked text, in UTF-16 code units; `None`
    /// when the range touches a masked part (a highlight there would show what was hidden).
    pub fn utf16(&self, range: &Range<usize>) -> Option<(usize, usize)> {
        if self
            .masks
            .iter()
            .any(|(m, _)| m.start < range.end && range.start < m.end)
        {
            return None;
        }
        Some((self.position(range.start), self.position(range.end)))
    }

    /// The UTF-16 offset in the masked text of byte `b` of the original (outside every mask).
    fn position(&self, b: usize) -> usize {
        let units = |s: &str| s.encode_utf16().count();
        let mut out = 0;
        let mut at = 0;
        for (r, placeholder) in &self.masks {
            if r.end > b {
                break;
            }
            out += units(&self.original[at..r.start]) + units(placeholder);
            at = r.end;
        }
        out + units(&self.original[at..b])
    }
}

/// E-mail addresses: `local@domain.tld`, the local part of letters, digits and `._%+-`, the
/// domain of letters, digits, `.` and `-` with at least one dot inside.
fn emails(text: &str) -> Vec<Range<usize>> {
    let local = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_alphanumeric() || ".-".contains(c);
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| local(c))
            .last()
            .map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        let len = after
            .char_indices()
            .find(|&(_, c)| !domain(c))
            .map_or(after.len(), |(i, _)| i);
        let host = after[..len].trim_end_matches(['.', '-']);
        let dotted = host
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty());
        if start < at && dotted {
            let end = at + 1 + host.len();
            if out.last().is_none_or(|r: &Range<usize>| r.end <= start) {
                out.push(start..end);
            }
        }
    }
    out
}

/// Phone numbers: they start with `+` and a digit, or `0`, or `(0`, after a non-word character;
/// go on in digits, single spaces, `/`, `-`, `(` and `)`; have at least 7 digits; and their
/// first run of digits has at least 2 (after `+`) or 3 (an area code): `0511 123456`,
/// `+49 (0)511 12 34 56`, `0171/1234567`, `(030) 1234567` — not `01.05.2024`, `2024-05-02`,
/// `01067 Dresden` or `0,5`.
fn phones(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let starts = match c {
            b'+' => bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
            b'0' => true,
            b'(' => bytes.get(i + 1) == Some(&b'0'),
            _ => false,
        };
        // (an ASCII byte starts a character: `i` is a char boundary here)
        let boundary = starts && {
            let prev = text[..i].chars().next_back().unwrap_or(' ');
            !prev.is_alphanumeric() && !matches!(prev, '+' | '.' | ',' | '-' | '/')
        };
        if !boundary {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = 0;
        let mut first_run = 0;
        let mut in_first = true;
        let mut last_digit = i;
        while j < bytes.len() {
            let b = bytes[j];
            match b {
                b'0'..=b'9' => {
                    digits += 1;
                    if in_first {
                        first_run += 1;
                    }
                    last_digit = j + 1;
                }
                b' ' if bytes
                    .get(j + 1)
                    .is_some_and(|n| n.is_ascii_digit() || *n == b'(') => {}
                b'/' | b'-' | b'(' | b')' => {}
                b'+' if j == i => {}
                _ => break,
            }
            if !b.is_ascii_digit() && digits > 0 {
                in_first = false;
            }
            j += 1;
        }
        let area = if c == b'+' { 2 } else { 3 };
        let followed_by_word = text[last_digit..].chars().next().is_some_and(|n| {
            n.is_alphanumeric()
                || (matches!(n, '.' | ',')
                    && text[last_digit + 1..].starts_with(|d: char| d.is_ascii_digit()))
        });
        if digits >= 7 && first_run >= area && !followed_by_word {
            out.push(i..last_digit);
            i = last_digit;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> String {
        Masked::new(text, "[E-Mail]", "[Telefon]").text()
    }

    #[test]
    fn personal_data_is_masked() {
        let cases = [
            (
                "Mail an max.muster@kreis-nordheide.de bitte",
                "Mail an [E-Mail] bitte",
            ),
            ("(a.b+c@x.org).", "([E-Mail])."),
            ("Tel. 0511 123456, danke", "Tel. [Telefon], danke"),
            ("Ruf an: +49 (0)511 12 34 56!", "Ruf an: [Telefon]!"),
            ("Handy 0171/1234567", "Handy [Telefon]"),
            (
                "(030) 1234567 oder 030-12345678",
                "[Telefon] oder [Telefon]",
            ),
            ("zwei: a@b.de, c@d.de", "zwei: [E-Mail], [E-Mail]"),
            ("für 0511 1234567 ü", "für [Telefon] ü"),
            ("ü@ö.de", "[E-Mail]"),
        ];
        for (raw, want) in cases {
            assert_eq!(masked(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn other_numbers_and_at_signs_stay() {
        for text in [
            "seit 01.05.2024 online",
            "am 2024-05-02",
            "01067 Dresden",
            "0,5 Stellen",
            "Preis 1.000.000 Euro",
            "@Kreis und a@b",
            "Version 10 / 2023",
            "Fax 0511",
            "Mail an x@localhost",
        ] {
            assert_eq!(masked(text), text, "{text:?}");
        }
    }

    #[test]
    fn offsets_move_with_the_masks_and_count_utf16() {
        let text = "😀 a@b.de Zeit und Geld";
        let m = Masked::new(text, "[E-Mail]", "[Telefon]");
        let shown = m.text();
        assert_eq!(shown, "😀 [E-Mail] Zeit und Geld");
        let zeit = text.find("Zeit").unwrap();
        let (s, e) = m.utf16(&(zeit..zeit + 4)).unwrap();
        let units: Vec<u16> = shown.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), "Zeit");
        let at = text.find('@').unwrap();
        assert_eq!(m.utf16(&(at - 1..at + 2)), None);
    }
}
