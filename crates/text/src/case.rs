//! Sentence-start capitals: the key a word gets when its position hides its case.
//!
//! German capitalises nouns, so the grouping key of a word depends on its first letter
//! (`Nutzen` the benefit, `nutzen` to use). At the start of an answer or a sentence every word
//! is capitalised, and the capital says nothing: `Fehlende Akten` is the adjective `fehlende`,
//! `Personal fehlt` the noun. The analyzer cannot decide such a word alone, so it gives it an
//! *open key* that names both candidates — the key of the capitalised word and the key of the
//! lower-case word — and which one the language's rules would take.
//!
//! The decision is made once per run, over the whole vocabulary, by [`decide`]: the word takes
//! the reading in which its spelling was written where the case is known — `Dringend` joins
//! `dringend`, `Stellen` joins mid-sentence `Stellen` — the more frequent one if both were, and
//! only if neither was does the rules' default stand (`Fehler` stays a noun even where `fehlen`
//! was written). A noun at another sentence start, in a spelling that only the noun explains,
//! outweighs a lower-case twin of the same spelling, unless the word looks like an inflected
//! adjective: `Dämme` at a sentence start joins `Damm` rather than the verb form `dämme`.
//! It is applied identically to the total, every question and every group (see
//! [`Counted`](crate::Counted)), and `analyze` shows it.

/// Separates the candidates of an open key whose default is the capitalised word (a noun).
const OPEN_CAPITAL: char = '\u{1E}';

/// Separates the candidates of an open key whose default is the lower-case word (an adjective
/// or verb form).
const OPEN_LOWER: char = '\u{1F}';

/// The two candidate keys of a word whose case its position hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OpenKey<'k> {
    /// The key of the word read as capitalised (a noun).
    pub capital: &'k str,
    /// The key of the word read as lower case.
    pub lower: &'k str,
    /// Whether the language's rules take the lower-case reading when nothing else decides.
    pub lower_by_default: bool,
}

impl<'k> OpenKey<'k> {
    /// The open key in `key`, if it is one.
    pub(crate) fn parse(key: &'k str) -> Option<Self> {
        // both marks are single bytes that no other key contains
        let i = key
            .bytes()
            .position(|b| b == OPEN_CAPITAL as u8 || b == OPEN_LOWER as u8)?;
        Some(OpenKey {
            capital: &key[..i],
            lower: &key[i + 1..],
            lower_by_default: key[i..].starts_with(OPEN_LOWER),
        })
    }

    /// Writes the open key of `capital` and `lower` into `out` (cleared first).
    pub(crate) fn write(capital: &str, lower: &str, lower_by_default: bool, out: &mut String) {
        out.clear();
        out.push_str(capital);
        out.push(if lower_by_default {
            OPEN_LOWER
        } else {
            OPEN_CAPITAL
        });
        out.push_str(lower);
    }

    /// The candidate the language's rules take when nothing else decides.
    pub(crate) fn default_key(&self) -> &'k str {
        if self.lower_by_default {
            self.lower
        } else {
            self.capital
        }
    }

    /// Both candidates, the default first.
    pub(crate) fn candidates(&self) -> [&'k str; 2] {
        if self.lower_by_default {
            [self.lower, self.capital]
        } else {
            [self.capital, self.lower]
        }
    }
}

/// `text` with its first letter in lower case.
pub(crate) fn lower_first(text: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => first.to_lowercase().chain(chars).collect(),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// Which reading an open word takes in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    Capital,
    Lower,
}

/// What a run says about one open word (see [`decide`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// How often its spellings were written capitalised where the case is known
    /// (`Stellen` mid-sentence).
    pub capital: u64,
    /// How often its spellings were written in lower case (`stellen`).
    pub lower: u64,
    /// Whether the noun was written mid-sentence in another form (`Mitarbeitenden`).
    pub noun_written: bool,
    /// Whether the noun stands at another sentence start in a spelling that no lower-case word
    /// of this key shares and that was never written in lower case (`Damm` beside `Dämme`,
    /// whose lower-case reading is the verb form `dämme`).
    pub noun_sibling: bool,
}

/// Decides an open word from the run's [`Evidence`]:
///
/// 1. if neither of its spellings was written where the case shows but the noun was, in another
///    form, the noun (`Mitarbeitende` at the start, `Mitarbeitenden` mid-sentence; a lower-case
///    word in another form is no evidence: `Fehler` is not `fehlen`);
/// 2. if its spelling was written in lower case only, but the noun stands at another sentence
///    start in a spelling only the noun explains, the noun, unless the word looks like an
///    inflected adjective (`Dämme` joins `Damm`, not `dämme`; `Fehlende` stays `fehlende`). A
///    capital mid-sentence is no such evidence: it may be an adjective in a name or shouting
///    (`die Allgemeine Zeitung`, `EGAL`);
/// 3. else the reading that was written, the more frequent one if both were;
/// 4. on a tie, and if neither was, the default (the language's rules).
pub(crate) fn decide(open: &OpenKey, evidence: Evidence) -> Reading {
    let default = if open.lower_by_default {
        Reading::Lower
    } else {
        Reading::Capital
    };
    let Evidence {
        capital,
        lower,
        noun_written,
        noun_sibling,
    } = evidence;
    if capital == 0 && lower == 0 && (noun_written || noun_sibling)
        || capital == 0 && noun_sibling && !open.lower_by_default
    {
        return Reading::Capital;
    }
    match capital.cmp(&lower) {
        std::cmp::Ordering::Greater => Reading::Capital,
        std::cmp::Ordering::Less => Reading::Lower,
        std::cmp::Ordering::Equal => default,
    }
}

impl Reading {
    /// The key of this reading of `open`.
    pub(crate) fn key<'k>(self, open: &OpenKey<'k>) -> &'k str {
        match self {
            Reading::Capital => open.capital,
            Reading::Lower => open.lower,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_keys_round_trip() {
        let mut key = String::from("old");
        OpenKey::write("fehlend", "fehlend~", true, &mut key);
        let open = OpenKey::parse(&key).unwrap();
        assert_eq!((open.capital, open.lower), ("fehlend", "fehlend~"));
        assert_eq!(open.default_key(), "fehlend~");
        assert_eq!(open.candidates(), ["fehlend~", "fehlend"]);
        OpenKey::write("personal", "personal~", false, &mut key);
        assert_eq!(OpenKey::parse(&key).unwrap().default_key(), "personal");
        assert!(OpenKey::parse("personal").is_none());
    }

    /// (capital written, lower written, noun written elsewhere, default lower) → reading.
    #[test]
    fn the_written_case_decides_then_the_noun_elsewhere_then_the_default() {
        let noun = OpenKey {
            capital: "nutz",
            lower: "nutz~",
            lower_by_default: false,
        };
        let adjective = OpenKey {
            lower_by_default: true,
            ..noun
        };
        for (open, capital, lower, elsewhere, want) in [
            (noun, 0, 3, (false, false), Reading::Lower),
            (noun, 3, 0, (false, false), Reading::Capital),
            (noun, 2, 1, (false, false), Reading::Capital),
            (noun, 1, 2, (false, false), Reading::Lower),
            (noun, 0, 0, (false, false), Reading::Capital),
            (adjective, 0, 0, (false, false), Reading::Lower),
            (adjective, 1, 1, (false, false), Reading::Lower),
            (noun, 1, 1, (false, false), Reading::Capital),
            // (noun written mid-sentence, noun at another sentence start): either decides a
            // spelling never written where its case shows …
            (noun, 0, 0, (true, false), Reading::Capital),
            (noun, 0, 0, (false, true), Reading::Capital),
            (adjective, 0, 0, (true, false), Reading::Capital),
            (adjective, 0, 0, (false, true), Reading::Capital),
            // … only the sentence start outweighs a lower-case twin (`Dämme`, `dämme`), and not
            // the same spelling written mid-sentence, nor an adjective's twin
            (noun, 0, 3, (false, true), Reading::Capital),
            (noun, 0, 3, (true, false), Reading::Lower),
            (noun, 1, 3, (true, true), Reading::Lower),
            (adjective, 0, 1, (true, true), Reading::Lower),
            (adjective, 2, 1, (true, true), Reading::Capital),
        ] {
            let (noun_written, noun_sibling) = elsewhere;
            let evidence = Evidence {
                capital,
                lower,
                noun_written,
                noun_sibling,
            };
            assert_eq!(
                decide(&open, evidence),
                want,
                "{open:?} {capital} {lower} {elsewhere:?}"
            );
        }
    }
}
