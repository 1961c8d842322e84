//! SynonymMap: the analyst's codebook, `Label = variant, variant, …` one group a line.

use std::path::{Path, PathBuf};

use crate::error::{list_lines, Error, Result};

/// A codebook of synonym groups, as written by the analyst.
///
/// One group a line: `Personalmangel = fehlendes Personal, zu wenig Personal, Personalknappheit`.
/// The left side is the label shown for the group (and is itself a variant); variants may be
/// several words. Matching ignores case and inflection, because variants are analysed with the
/// same analyzer as the answers (see [`AnalyzerConfig::synonyms`](crate::AnalyzerConfig::synonyms)).
///
/// # Example
/// ```
/// use wortwolke_text::SynonymMap;
///
/// let map = SynonymMap::from_reader("codes.txt", "Personalmangel = fehlendes Personal\n".as_bytes()).unwrap();
/// assert_eq!(map.groups()[0].label, "Personalmangel");
/// assert!(SynonymMap::from_reader("codes.txt", "no equals sign\n".as_bytes()).is_err());
/// ```
#[derive(Debug, Clone, Default)]
pub struct SynonymMap {
    source_name: PathBuf,
    groups: Vec<SynonymGroup>,
}

/// One line of a codebook.
///
/// # Example
/// ```
/// use wortwolke_text::SynonymMap;
///
/// let codes = "# Personal\nPersonalmangel = fehlendes Personal, zu wenig Personal\n";
/// let map = SynonymMap::from_reader("codes.txt", codes.as_bytes()).unwrap();
/// let group = &map.groups()[0];
/// assert_eq!(group.label, "Personalmangel");
/// assert_eq!(group.variants, ["fehlendes Personal", "zu wenig Personal"]);
/// assert_eq!(group.line, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymGroup {
    /// The label shown for the group (the left side).
    pub label: String,
    /// The variants (the right side), in file order.
    pub variants: Vec<String>,
    /// 1-based line in the codebook.
    pub line: usize,
}

impl SynonymMap {
    /// Parses a codebook; `source_name` names the file in errors.
    pub fn from_reader(
        source_name: impl AsRef<Path>,
        reader: impl std::io::BufRead,
    ) -> Result<Self> {
        let source_name = source_name.as_ref().to_owned();
        let mut groups = Vec::new();
        for (line, content) in list_lines(&source_name, reader)? {
            let syntax = |message: &str| Error::Syntax {
                source_name: source_name.clone(),
                line,
                message: message.to_owned(),
            };
            let Some((label, variants)) = content.split_once('=') else {
                return Err(syntax(
                    "expected `Label = variant, variant, …`; add an `=` after the label",
                ));
            };
            let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
            if label.is_empty() {
                return Err(syntax("the label before `=` is empty; write the term to show, e.g. `Personalmangel = fehlendes Personal`"));
            }
            if variants.contains('=') {
                return Err(syntax("more than one `=`; put each group on its own line"));
            }
            let variants: Vec<String> = variants
                .split([',', ';'])
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty())
                .collect();
            if variants.is_empty() {
                return Err(syntax(
                    "no variants after `=`; list them separated by commas",
                ));
            }
            groups.push(SynonymGroup {
                label,
                variants,
                line,
            });
        }
        Ok(SynonymMap {
            source_name,
            groups,
        })
    }

    /// The groups in file order.
    pub fn groups(&self) -> &[SynonymGroup] {
        &self.groups
    }

    /// The file the map was read from.
    pub fn source_name(&self) -> &Path {
        &self.source_name
    }

    /// Whether the codebook has no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}
