//! NoAnswer: recognising answers that say nothing (`k.A.`, `-`, `keine Angabe`).

use std::collections::HashSet;

/// The default no-answer markers, compared case-insensitively with whitespace collapsed: dashes
/// and dots, `k.A.` and `keine Angabe`, `n/a`, and the German formulas of a respondent who has
/// nothing to say (`weiß nicht`, `keine Ahnung`, `nichts`, `entfällt`, `trifft nicht zu`).
///
/// A whole answer `keine` is *not* a marker: it answers a question such as "Which solutions do
/// you use?".
///
/// # Example
/// The markers (this list is checked against the constant):
/// ```
/// use wortwolke_text::DEFAULT_NO_ANSWER;
///
/// assert_eq!(DEFAULT_NO_ANSWER, ["-", "--", "---", "–", "—", "/", ".", "..", "...", "?", "k.a.",
///     "k. a.", "k.a", "ka", "keine angabe", "keine angaben", "n/a", "n.a.", "na", "nan", "null",
///     "none", "entfällt", "-/-", "??", "???", "x", "n.b.", "weiß nicht", "weiss nicht",
///     "weiß ich nicht", "weiss ich nicht", "ich weiß es nicht", "ich weiss es nicht",
///     "keine ahnung", "kann ich nicht sagen", "nicht bekannt", "unbekannt", "nichts", "nix",
///     "keine antwort", "keine meinung", "kein kommentar", "keine anmerkung", "keine anmerkungen",
///     "keine weiteren anmerkungen", "trifft nicht zu", "nicht zutreffend"]);
/// ```
pub const DEFAULT_NO_ANSWER: &[&str] = &[
    "-",
    "--",
    "---",
    "–",
    "—",
    "/",
    ".",
    "..",
    "...",
    "?",
    "k.a.",
    "k. a.",
    "k.a",
    "ka",
    "keine angabe",
    "keine angaben",
    "n/a",
    "n.a.",
    "na",
    "nan",
    "null",
    "none",
    "entfällt",
    "-/-",
    "??",
    "???",
    "x",
    "n.b.",
    "weiß nicht",
    "weiss nicht",
    "weiß ich nicht",
    "weiss ich nicht",
    "ich weiß es nicht",
    "ich weiss es nicht",
    "keine ahnung",
    "kann ich nicht sagen",
    "nicht bekannt",
    "unbekannt",
    "nichts",
    "nix",
    "keine antwort",
    "keine meinung",
    "kein kommentar",
    "keine anmerkung",
    "keine anmerkungen",
    "keine weiteren anmerkungen",
    "trifft nicht zu",
    "nicht zutreffend",
];

/// Decides which answers count as "no answer": empty or whitespace-only answers and answers that
/// are exactly one of the markers.
///
/// # Example
/// ```
/// use wortwolke_text::NoAnswer;
///
/// let markers = NoAnswer::default();
/// assert!(markers.is_no_answer("  k. A. "));
/// assert!(markers.is_no_answer("Keine Angabe"));
/// assert!(markers.is_no_answer("„Keine Angabe.“"));
/// assert!(markers.is_no_answer("k.A.!"));
/// assert!(!markers.is_no_answer("keine Zeit"));
/// assert!(markers.is_no_answer("..."));
/// assert!(markers.is_no_answer("Weiß ich nicht."));
/// assert!(markers.is_no_answer("keine Ahnung"));
/// assert!(!markers.is_no_answer("keine"));
/// ```
#[derive(Clone)]
pub struct NoAnswer {
    markers: HashSet<String>,
    /// Longest marker in bytes: longer answers are never markers (checked without allocating).
    longest: usize,
    /// First characters of the markers: answers starting otherwise are never markers.
    firsts: Vec<char>,
}

/// Short: how many markers, not the markers.
impl std::fmt::Debug for NoAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoAnswer")
            .field("markers", &self.markers.len())
            .finish()
    }
}

impl Default for NoAnswer {
    fn default() -> Self {
        NoAnswer::new(DEFAULT_NO_ANSWER.iter().copied())
    }
}

impl NoAnswer {
    /// Only the given markers (plus empty answers).
    pub fn new<S: AsRef<str>>(markers: impl IntoIterator<Item = S>) -> Self {
        let markers = markers.into_iter().map(|m| canonical(m.as_ref()));
        let mut no_answer = NoAnswer {
            markers: HashSet::new(),
            longest: 0,
            firsts: Vec::new(),
        };
        for marker in markers {
            no_answer.insert_canonical(marker);
        }
        no_answer
    }

    /// Reads markers from a list file: one marker a line, `#` comments (they replace the
    /// defaults: add [`DEFAULT_NO_ANSWER`] yourself to extend them). `source_name` names the
    /// file in errors.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::NoAnswer;
    ///
    /// let markers = NoAnswer::from_reader("marker.txt", "# ours\nentfällt\nweiß nicht\n".as_bytes()).unwrap();
    /// assert!(markers.is_no_answer("Entfällt") && markers.is_no_answer(""));
    /// assert!(!markers.is_no_answer("k.A."));
    /// ```
    pub fn from_reader(
        source_name: impl AsRef<std::path::Path>,
        reader: impl std::io::BufRead,
    ) -> crate::Result<Self> {
        let lines = crate::error::list_lines(source_name.as_ref(), reader)?;
        Ok(NoAnswer::new(lines.into_iter().map(|(_, marker)| marker)))
    }

    /// Adds a marker.
    pub fn insert(&mut self, marker: &str) {
        self.insert_canonical(canonical(marker));
    }

    fn insert_canonical(&mut self, marker: String) {
        self.longest = self.longest.max(marker.len());
        if let Some(c) = marker.chars().next() {
            if !self.firsts.contains(&c) {
                self.firsts.push(c);
            }
        }
        self.markers.insert(marker);
    }

    /// Whether `answer` says nothing: empty, a marker, or a marker in quotes or followed by
    /// punctuation (`"keine Angabe"`, `Keine Angabe.`, `k.A.!`).
    pub fn is_no_answer(&self, answer: &str) -> bool {
        let trimmed = answer.trim();
        if trimmed.is_empty() {
            return true;
        }
        // long answers are never markers, not even with quotes and punctuation around them:
        // decided before any trimming (this runs for every answer)
        if trimmed.len() > 4 * self.longest.max(1) + 16 {
            return false;
        }
        if self.is_marker(trimmed) {
            return true;
        }
        let core = trimmed
            .trim_matches(QUOTES)
            .trim()
            .trim_end_matches(['.', '!', ',', ';', ':'])
            .trim();
        !core.is_empty() && core != trimmed && self.is_marker(core)
    }

    /// Whether `trimmed` is one of the markers.
    fn is_marker(&self, trimmed: &str) -> bool {
        // a marker, once whitespace is collapsed, is at most `longest` bytes; runs of
        // whitespace can make the raw answer longer, hence the generous bound
        if trimmed.len() > 4 * self.longest.max(1) {
            return false;
        }
        let first = trimmed.chars().next().and_then(|c| c.to_lowercase().next());
        if !first.is_some_and(|c| self.firsts.contains(&c)) {
            return false;
        }
        let c = canonical(trimmed);
        c.is_empty() || self.markers.contains(&c)
    }
}

/// Quotation marks around an answer.
const QUOTES: &[char] = &['"', '\'', '„', '“', '”', '‚', '‘', '’', '«', '»'];

fn canonical(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
