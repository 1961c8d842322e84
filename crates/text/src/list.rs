//! List answers ("Which solutions do you use?" — `Dataport, Form-Solutions`): each mention one term.

use crate::{Separator, Token, TokenKind};

/// Splits list answers into mentions, each analysed by the analyzer's chain and counted as one
/// term: normalised, stemmed, and matched by the codebook like any answer, its case ignored
/// (`Dataport` and `dataport` are one mention; a list has no sentences to tell a noun by).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListSplit {
    chars: Vec<char>,
}

/// What the analyzer makes of one mention: its key, and whether the chain made one term of it
/// (a word, a codebook group, a phrase) rather than several words (`Dataport und regio iT`).
pub(crate) struct Mention {
    pub(crate) key: String,
    pub(crate) one_term: bool,
    /// The bytes of the mention that name it (without links and stop words around it).
    pub(crate) span: std::ops::Range<usize>,
}

/// The conjunctions between mentions of one list item: `Dataport und regio iT`.
const CONJUNCTIONS: &[&str] = &[" und ", " sowie ", " & "];

impl ListSplit {
    /// Splits at `chars`; `\n` (two characters) or a line break means line breaks (`\r\n` too).
    pub(crate) fn new(chars: &str) -> Self {
        ListSplit {
            chars: chars.replace("\\n", "\n").chars().collect(),
        }
    }

    /// The tokens of a list answer: one word token per mention whose key is made by `key` from
    /// the mention's text, hard separators between them. Mentions that `key` finds no term in
    /// (a no-answer marker, a link, punctuation) are left out. The split characters inside
    /// `links` (byte ranges of URLs and e-mail addresses) do not split. An item joined by `und`,
    /// `sowie` or `&` is two mentions unless the analyzer makes one term of it (a codebook
    /// group or a listed phrase such as `Information und Technik`, a gender pair).
    pub(crate) fn tokens(
        &self,
        answer: &str,
        links: &[std::ops::Range<usize>],
        tokens: &mut Vec<Token>,
        mut key: impl FnMut(&str) -> Option<Mention>,
    ) {
        tokens.clear();
        let breaks_lines = self.chars.contains(&'\n');
        let in_link = |i: usize| links.iter().any(|l| l.start <= i && i < l.end);
        let mut start = 0;
        let ends = answer
            .char_indices()
            .filter(|&(i, c)| (self.chars.contains(&c) || c == '\r' && breaks_lines) && !in_link(i))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .chain(std::iter::once((answer.len(), answer.len())));
        for (end, next) in ends {
            let item = without_bullet(&answer[start..end]);
            let item_start = end - item.len();
            let trimmed = item.trim();
            let offset = item_start + (item.len() - item.trim_start().len());
            if !trimmed.is_empty() {
                mentions(trimmed, offset, tokens, &mut key);
            }
            if next > end {
                tokens.push(Token {
                    offset: end..next,
                    position: tokens.len(),
                    kind: TokenKind::Separator(Separator::Hard),
                    key: answer[end..next].to_owned(),
                });
            }
            start = next;
        }
    }
}

/// The mentions of one list item at `offset` in the answer: the item as one term, or its
/// parts between conjunctions, each a mention, the conjunctions stop words between them.
fn mentions(
    item: &str,
    offset: usize,
    tokens: &mut Vec<Token>,
    key: &mut impl FnMut(&str) -> Option<Mention>,
) {
    // the part of `item` at `at` named by mention `m`
    let word = |at: usize, m: Mention, tokens: &mut Vec<Token>| {
        tokens.push(Token {
            offset: offset + at + m.span.start..offset + at + m.span.end,
            position: tokens.len(),
            kind: TokenKind::Word,
            key: m.key,
        });
    };
    let joints = conjunctions(item);
    let whole = key(item);
    if joints.is_empty() || whole.as_ref().is_some_and(|m| m.one_term) {
        if let Some(m) = whole {
            word(0, m, tokens);
        }
        return;
    }
    let mut start = 0;
    for joint in joints
        .iter()
        .cloned()
        .chain(std::iter::once(item.len()..item.len()))
    {
        let part = &item[start..joint.start];
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        if let Some(m) = (!trimmed.is_empty()).then(|| key(trimmed)).flatten() {
            word(start + lead, m, tokens);
        }
        if joint.end > joint.start {
            let conjunction = item[joint.clone()].trim();
            let at =
                joint.start + (item[joint.clone()].len() - item[joint.clone()].trim_start().len());
            tokens.push(Token {
                offset: offset + at..offset + at + conjunction.len(),
                position: tokens.len(),
                kind: TokenKind::StopWord,
                key: conjunction.to_owned(),
            });
        }
        start = joint.end;
    }
}

/// Byte ranges of the conjunctions in `item`, in order.
fn conjunctions(item: &str) -> Vec<std::ops::Range<usize>> {
    let mut found: Vec<std::ops::Range<usize>> = CONJUNCTIONS
        .iter()
        .flat_map(|c| item.match_indices(c).map(|(i, c)| i..i + c.len()))
        .collect();
    found.sort_by_key(|r| r.start);
    found.dedup_by(|b, a| b.start < a.end);
    found
}

/// A mention without the bullet a list line may start with (`- Dataport`, `• Civento`): a
/// dash, bullet or star followed by a space.
fn without_bullet(item: &str) -> &str {
    let trimmed = item.trim_start();
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (Some('-' | '–' | '•' | '·' | '*' | '+'), Some(c)) if c.is_whitespace() => {
            chars.as_str()
        }
        _ => item,
    }
}

/// `text` with every word's first letter capitalised: mentions read as names, whatever their
/// case (the German stemmer reads capitalised words as nouns).
pub(crate) fn capitalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_start = true;
    for c in text.chars() {
        if at_start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        at_start = c.is_whitespace() || c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_split_trimmed_and_keyed() {
        let split = ListSplit::new(",;/\\n");
        let answer = "Dataport, Form-Solutions;\r\n regio iT,, -\n- Civento\n• ekom21";
        let mut tokens = Vec::new();
        split.tokens(answer, &[], &mut tokens, |item| {
            (item != "-").then(|| mention(item))
        });
        let words: Vec<(&str, &str)> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| (t.text(answer), t.key.as_str()))
            .collect();
        assert_eq!(
            words,
            [
                ("Dataport", "dataport"),
                ("Form-Solutions", "form-solutions"),
                ("regio iT", "regio it"),
                ("Civento", "civento"),
                ("ekom21", "ekom21")
            ]
        );
        assert!(tokens
            .iter()
            .all(|t| t.text(answer) == &answer[t.offset.clone()]));
    }

    fn mention(item: &str) -> Mention {
        Mention {
            key: item.to_lowercase(),
            one_term: !item.contains(' ') || item == "Information und Technik",
            span: 0..item.len(),
        }
    }

    /// (answer, links, the mentions' texts)
    #[test]
    fn conjunctions_and_links() {
        let split = ListSplit::new(",;/\\n");
        let url = "siehe https://www.x.example/a/b";
        for (answer, links, want) in [
            (
                "Dataport und regio iT, ekom21 sowie Civento",
                vec![],
                &["Dataport", "und", "regio iT", "ekom21", "sowie", "Civento"][..],
            ),
            (
                "Information und Technik",
                vec![],
                &["Information und Technik"],
            ),
            ("Bund & Land", vec![], &["Bund", "&", "Land"]),
            (url, std::iter::once(6..url.len()).collect(), &[url]),
        ] {
            let mut tokens = Vec::new();
            split.tokens(answer, &links, &mut tokens, |item| Some(mention(item)));
            let texts: Vec<&str> = tokens
                .iter()
                .filter(|t| !t.kind.is_separator())
                .map(|t| t.text(answer))
                .collect();
            assert_eq!(texts, want, "{answer}");
        }
    }

    #[test]
    fn capitals_for_names() {
        assert_eq!(capitalised("zu wenig personal"), "Zu Wenig Personal");
        assert_eq!(capitalised("form-solutions"), "Form-Solutions");
        assert_eq!(capitalised("über"), "Über");
    }
}
