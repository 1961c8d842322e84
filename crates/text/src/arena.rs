//! StrArena: many short strings in one buffer.

/// Strings appended to one buffer and named by position: no allocation, no pointer and no
/// allocator overhead per string. For the counter's keys and forms and the memo's keys, which
/// are many, short and never removed one by one.
#[derive(Debug, Clone, Default)]
pub(crate) struct StrArena {
    buf: String,
}

/// A string in a [`StrArena`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StrRef {
    start: u64,
    end: u64,
}

impl StrArena {
    /// Appends `s`.
    pub(crate) fn push(&mut self, s: &str) -> StrRef {
        let start = self.buf.len() as u64;
        self.buf.push_str(s);
        StrRef {
            start,
            end: self.buf.len() as u64,
        }
    }

    /// The string `r` names.
    pub(crate) fn get(&self, r: StrRef) -> &str {
        &self.buf[r.start as usize..r.end as usize]
    }

    /// Forgets every string (keeps the buffer).
    pub(crate) fn clear(&mut self) {
        self.buf.clear();
    }

    /// Bytes held.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back() {
        let mut arena = StrArena::default();
        let a = arena.push("Bürger*innen");
        let b = arena.push("");
        let c = arena.push("Personal");
        assert_eq!(
            (arena.get(a), arena.get(b), arena.get(c)),
            ("Bürger*innen", "", "Personal")
        );
        arena.clear();
        assert_eq!(arena.len(), 0);
    }
}
