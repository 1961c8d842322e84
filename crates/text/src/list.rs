//! List answers ("Which solutions do you use?" — `Dataport, Form-Solutions`): each mention one term.

use crate::{Separator, Token, TokenKind};

/// Splits list answers into mentions, each analysed by the analyzer's chain and counted as one
/// term: normalised, stemmed, and matched by the codebook like any answer, its case ignored
/// (`Dataport` and `dataport` are one mention; a list has no sentences to tell a noun by).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListSplit {
    chars: Vec<char>,
}

impl ListSplit {
    /// Splits at `chars`; `\n` (two characters) or a line break means line breaks (`\r\n` too).
    pub(crate) fn new(chars: &str) -> Self {
        ListSplit {
            chars: chars.replace("\\n", "\n").chars().collect(),
        }
    }

    /// The tokens of a list answer: one word token per mention whose key is made by `key` from
    /// the mention's text, hard separators between them. Mentions that `key` finds no term in
    /// (a no-answer marker, a link, punctuation) are left out.
    pub(crate) fn tokens(
        &self,
        answer: &str,
        tokens: &mut Vec<Token>,
        mut key: impl FnMut(&str) -> Option<String>,
    ) {
        tokens.clear();
        let breaks_lines = self.chars.contains(&'\n');
        let mut start = 0;
        let ends = answer
            .char_indices()
            .filter(|&(_, c)| self.chars.contains(&c) || c == '\r' && breaks_lines)
            .map(|(i, c)| (i, i + c.len_utf8()))
            .chain(std::iter::once((answer.len(), answer.len())));
        for (end, next) in ends {
            let item = without_bullet(&answer[start..end]);
            let item_start = end - item.len();
            let trimmed = item.trim();
            if let Some(k) = (!trimmed.is_empty()).then(|| key(trimmed)).flatten() {
                let offset = item_start + (item.len() - item.trim_start().len());
                tokens.push(Token {
                    offset: offset..offset + trimmed.len(),
                    position: tokens.len(),
                    kind: TokenKind::Word,
                    key: k,
                });
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
        split.tokens(answer, &mut tokens, |item| {
            (item != "-").then(|| item.to_lowercase())
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

    #[test]
    fn capitals_for_names() {
        assert_eq!(capitalised("zu wenig personal"), "Zu Wenig Personal");
        assert_eq!(capitalised("form-solutions"), "Form-Solutions");
        assert_eq!(capitalised("über"), "Über");
    }
}
