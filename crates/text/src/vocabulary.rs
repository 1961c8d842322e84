//! Vocabulary: the keys and surface forms a counter has met, numbered, each stored once.

use hashbrown::HashTable;
use rustc_hash::FxHashMap;

use crate::arena::{StrArena, StrRef};
use crate::case::OpenKey;

/// Index of a term (a key) in its [`Vocabulary`].
pub(crate) type TermId = u32;

/// Index of a surface form in its [`Vocabulary`].
pub(crate) type FormId = u32;

/// No term (an open key's candidate not met yet).
pub(crate) const NO_TERM: TermId = TermId::MAX;

/// The end of a chain of forms.
const NO_FORM: FormId = FormId::MAX;

/// Keys and forms in the order first met, interned in one string arena. An open key (see
/// [`crate::case`]) is linked to its two candidates as soon as they are met, so counting never
/// looks them up.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    terms: Vec<TermEntry>,
    forms: Vec<Form>,
    /// Key → term: ids only, hashed by the key stored in `text`.
    index: HashTable<TermId>,
    text: StrArena,
    /// Hash of a candidate key not met yet → the open terms waiting for it (and which candidate).
    waiting: FxHashMap<u64, Vec<(TermId, usize)>>,
}

#[derive(Debug, Clone)]
struct TermEntry {
    key: StrRef,
    /// The term's forms, chained through [`Form::next`] (the newest first).
    first_form: FormId,
    /// For an open key: its candidates' terms (capital, lower), [`NO_TERM`] until met.
    open: Option<[TermId; 2]>,
}

#[derive(Debug, Clone)]
struct Form {
    text: StrRef,
    /// The term's form met before this one ([`NO_FORM`]: none).
    next: FormId,
}

pub(crate) fn hash_key(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

impl Vocabulary {
    /// Terms met.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// Forms met.
    pub(crate) fn forms_len(&self) -> usize {
        self.forms.len()
    }

    /// The id of the term with `key`, if met.
    pub(crate) fn id(&self, key: &str) -> Option<TermId> {
        let (terms, text) = (&self.terms, &self.text);
        self.index
            .find(hash_key(key), |&id| text.get(terms[id as usize].key) == key)
            .copied()
    }

    /// The key of a term.
    pub(crate) fn key(&self, term: TermId) -> &str {
        self.text.get(self.terms[term as usize].key)
    }

    /// The candidates' terms (capital, lower) of an open term; `None` for a decided key.
    pub(crate) fn open(&self, term: TermId) -> Option<[TermId; 2]> {
        self.terms[term as usize].open
    }

    /// The id of the term with `key`, created if new.
    pub(crate) fn term_id(&mut self, key: &str) -> TermId {
        if let Some(id) = self.id(key) {
            return id;
        }
        let id = TermId::try_from(self.terms.len()).expect("fewer than 2^32 terms");
        let hash = hash_key(key);
        let open = OpenKey::parse(key).map(|open| {
            let mut links = [NO_TERM; 2];
            for (side, candidate) in [open.capital, open.lower].into_iter().enumerate() {
                match self.id(candidate) {
                    Some(c) => links[side] = c,
                    None => self
                        .waiting
                        .entry(hash_key(candidate))
                        .or_default()
                        .push((id, side)),
                }
            }
            links
        });
        let key_ref = self.text.push(key);
        self.terms.push(TermEntry {
            key: key_ref,
            first_form: NO_FORM,
            open,
        });
        let (terms, text) = (&self.terms, &self.text);
        self.index
            .insert_unique(hash, id, |&id| hash_key(text.get(terms[id as usize].key)));
        if open.is_none() {
            self.link_waiting(id, hash);
        }
        id
    }

    /// Links the open terms that were waiting for the new term `id`.
    fn link_waiting(&mut self, id: TermId, hash: u64) {
        let Some(mut waiting) = self.waiting.remove(&hash) else {
            return;
        };
        let key = self.key(id).to_owned();
        waiting.retain(|&(open, side)| {
            let candidates = OpenKey::parse(self.key(open)).map(|o| [o.capital, o.lower]);
            if candidates.is_some_and(|c| c[side] == key) {
                if let Some(links) = &mut self.terms[open as usize].open {
                    links[side] = id;
                }
                false
            } else {
                true // another key of the same hash
            }
        });
        if !waiting.is_empty() {
            self.waiting.insert(hash, waiting);
        }
    }

    /// The id of the surface form `text` of `term`, created if new. Inner whitespace (a
    /// merged phrase across a line break) is collapsed.
    pub(crate) fn form_id(&mut self, term: TermId, text: &str) -> FormId {
        let collapsed;
        let text = if text.contains(char::is_whitespace) {
            collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            collapsed.as_str()
        } else {
            text
        };
        if let Some(id) = self.form_ids(term).find(|&f| self.form_text(f) == text) {
            return id;
        }
        let id = FormId::try_from(self.forms.len()).expect("fewer than 2^32 forms");
        let text = self.text.push(text);
        let first = &mut self.terms[term as usize].first_form;
        self.forms.push(Form { text, next: *first });
        *first = id;
        id
    }

    /// The forms of a term.
    pub(crate) fn form_ids(&self, term: TermId) -> impl Iterator<Item = FormId> + '_ {
        let first = self.terms[term as usize].first_form;
        std::iter::successors((first != NO_FORM).then_some(first), |&f| {
            let next = self.forms[f as usize].next;
            (next != NO_FORM).then_some(next)
        })
    }

    /// The text of a form.
    pub(crate) fn form_text(&self, form: FormId) -> &str {
        self.text.get(self.forms[form as usize].text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(capital: &str, lower: &str) -> String {
        let mut key = String::new();
        OpenKey::write(capital, lower, false, &mut key);
        key
    }

    #[test]
    fn open_terms_link_their_candidates_in_any_order() {
        let mut v = Vocabulary::default();
        let lower = v.term_id("nutz~");
        let o = v.term_id(&open("nutz", "nutz~"));
        assert_eq!(v.open(o), Some([NO_TERM, lower]));
        let capital = v.term_id("nutz");
        assert_eq!(v.open(o), Some([capital, lower]));
        assert_eq!(v.open(capital), None);
        assert_eq!(v.term_id(&open("nutz", "nutz~")), o);
        assert_eq!(v.key(capital), "nutz");
    }

    #[test]
    fn forms_are_kept_per_term() {
        let mut v = Vocabulary::default();
        let t = v.term_id("personal");
        let a = v.form_id(t, "Personal");
        let b = v.form_id(t, "personal");
        assert_eq!(v.form_id(t, "Personal"), a);
        let mut forms: Vec<&str> = v.form_ids(t).map(|f| v.form_text(f)).collect();
        forms.sort_unstable();
        assert_eq!(forms, ["Personal", "personal"]);
        assert_ne!(a, b);
        let collapsed = v.form_id(t, "zu  wenig\nPersonal");
        assert_eq!(v.form_text(collapsed), "zu wenig Personal");
    }
}
