//! The errors of `wortwolke-text`: only configuration files can fail; analysis cannot.

use std::path::PathBuf;

/// What went wrong while loading stop word, synonym or phrase lists.
///
/// # Example
/// ```
/// use wortwolke_text::{Error, SynonymMap};
///
/// let error = SynonymMap::from_reader("codes.txt", "Personal\n".as_bytes()).unwrap_err();
/// assert!(matches!(error, Error::Syntax { line: 1, .. }));
/// assert!(error.to_string().starts_with("codes.txt:1"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a list file that cannot be understood.
    #[error("{}:{line}: {message}", source_name.display())]
    Syntax {
        /// The file (or `<stdin>`, `<builtin>`).
        source_name: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A list file that is not valid UTF-8.
    #[error("{}:{line}: invalid UTF-8; save the file as UTF-8", source_name.display())]
    Encoding {
        /// The file.
        source_name: PathBuf,
        /// 1-based line number.
        line: usize,
    },
    /// Reading a file failed.
    #[error("{}: cannot read; check the path", source_name.display())]
    Io {
        /// The file.
        source_name: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A language code that no stemmer exists for.
    #[error("unknown language '{0}'; use one of: ar, da, de, el, en, es, fi, fr, hu, it, nl, no, pt, ro, ru, sv, ta, tr")]
    UnknownLanguage(String),
}

/// `Result` with this crate's [`Error`].
///
/// ```
/// use wortwolke_text::{Language, Result};
///
/// fn language(code: &str) -> Result<Language> {
///     code.parse()
/// }
/// assert!(language("de").is_ok());
/// assert_eq!(
///     language("xx").unwrap_err().to_string(),
///     "unknown language 'xx'; use one of: ar, da, de, el, en, es, fi, fr, hu, it, nl, no, pt, ro, ru, sv, ta, tr"
/// );
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Splits a list file into `(line number, content)` pairs: UTF-8 checked line by line,
/// `#` comments and surrounding blanks removed, empty lines skipped. Shared by every list format.
pub(crate) fn list_lines(
    source_name: &std::path::Path,
    mut reader: impl std::io::BufRead,
) -> Result<Vec<(usize, String)>> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|source| Error::Io {
                source_name: source_name.to_owned(),
                source,
            })?;
        if n == 0 {
            break;
        }
        line += 1;
        let text = std::str::from_utf8(&buf).map_err(|_| Error::Encoding {
            source_name: source_name.to_owned(),
            line,
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let content = text.split('#').next().unwrap_or("").trim();
        if !content.is_empty() {
            out.push((line, content.to_owned()));
        }
    }
    Ok(out)
}
