//! Inputs: plain text, CSV/TSV, spreadsheets, JSON lines; files, gzip or standard input (read
//! once); any common encoding. The text crate stays free of file formats.

mod decode;
mod frequencies;
mod lines;
mod sniff;
mod survey;

use std::fs::File;
use std::io::{BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

pub use decode::{parse_encoding, utf8_error};
pub use lines::{read_chunks, Fallback};
pub use survey::{
    check_text_options, format_of, read_part, read_survey, read_survey_with_ids, visit_delimited,
    Survey, TEXT_QUESTION,
};

/// Text from an input (a column header, a sheet name) as a one-line message shows it: control
/// characters (line breaks included), line separators and bidirectional overrides escaped as
/// `\n`, `\u{202e}`, so that the message stays one line and reads in order.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// All bytes of `path` (`-` = standard input) and the name errors use.
fn read_all(path: &Path, quiet: bool) -> Result<(String, Vec<u8>)> {
    // the same opening as streaming: standard input or file, gzip-decompressed when it is gzip
    let (name, reader, len) = lines::open(path)?;
    let progress = progress_bar(&name, len, quiet);
    let bytes = match &progress {
        Some(bar) => read_capped(&name, bar.wrap_read(reader), MAX_WHOLE_BYTES),
        None => read_capped(&name, reader, MAX_WHOLE_BYTES),
    }?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok((name, bytes))
}

/// Inputs read whole (spreadsheets, JSON lines, long format, other encodings) may hold at most
/// this many bytes, decompressed: a gzip or zip bomb stops here, not at the machine's memory.
/// Plain text and wide CSV/TSV in UTF-8 are streamed and have no such limit.
pub const MAX_WHOLE_BYTES: u64 = 2 << 30;

/// Reads `reader` to its end, refusing more than `cap` bytes.
fn read_capped(name: &str, reader: impl Read, cap: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .with_context(|| {
            format!("{name}: cannot read it (an I/O error, or broken gzip data); check the file")
        })?;
    if bytes.len() as u64 > cap {
        bail!(
            "{name}: more than {} MiB (after decompression) to read whole; export it as plain text or a UTF-8 CSV, which are streamed, or split it",
            cap >> 20
        );
    }
    Ok(bytes)
}

/// A progress bar over `len` bytes of `name` — for big inputs, when a person watches stderr
/// and --quiet was not given.
pub fn progress_bar(name: &str, len: u64, quiet: bool) -> Option<indicatif::ProgressBar> {
    let wanted = len > PROGRESS_BYTES && std::io::stderr().is_terminal() && !quiet;
    wanted.then(|| {
        let bar = indicatif::ProgressBar::new(len).with_message(name.to_owned());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} {bar:40} {bytes}/{total_bytes} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Inputs above this size show a progress bar on a terminal.
const PROGRESS_BYTES: u64 = 8 << 20;

/// Opens a file for reading with an error that says what to do.
pub fn open(path: &Path) -> Result<File> {
    if path.is_dir() {
        bail!("{}: is a directory; pass a file", path.display());
    }
    File::open(path).with_context(|| format!("{}: cannot open; check the path", path.display()))
}

/// A list file (stop words, codebook, phrases) as a buffered reader.
pub fn open_list(path: &Path) -> Result<BufReader<File>> {
    Ok(BufReader::new(open(path)?))
}

/// Reads frequency tables: `term<TAB>count` a line, or `wortwolke count`'s own TSV, CSV
/// (`,` or `;`, with or without a BOM, decimal commas, English or German headers) and JSON.
/// A first line whose count is not a number is a header; with a header the columns are found
/// by name (`term`/`Begriff`, `answers`/`Befragte`/`count`), else they are the first two.
/// Terms that appear in several files are summed.
pub fn read_frequencies(
    paths: &[PathBuf],
    encoding: Option<&str>,
    quiet: bool,
) -> Result<Vec<(String, f64)>> {
    let stdin = PathBuf::from("-");
    let paths: Vec<&PathBuf> = if paths.is_empty() {
        vec![&stdin]
    } else {
        paths.iter().collect()
    };
    let encoding = encoding.map(decode::parse_encoding).transpose()?;
    let mut order: Vec<String> = Vec::new();
    let mut sums: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for path in paths {
        let decoded = decode::load(path, encoding, quiet)?;
        for (term, count) in frequency_rows(&decoded)? {
            if !sums.contains_key(&term) {
                order.push(term.clone());
            }
            *sums.entry(term).or_default() += count;
        }
    }
    Ok(order
        .into_iter()
        .map(|t| {
            let c = sums[&t];
            (t, c)
        })
        .collect())
}

/// The rows of one frequency table: JSON (`count`'s own) or delimited.
fn frequency_rows(decoded: &decode::Decoded) -> Result<Vec<(String, f64)>> {
    let text = decoded
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&decoded.text);
    if text.trim_start().starts_with(['{', '[']) {
        frequencies::json(&decoded.name, text)
    } else {
        frequencies::delimited(&decoded.name, text)
    }
}

/// The rows of a frequency table read whole into `bytes` from the input `name` (see
/// [`read_frequencies`]).
pub fn frequencies_from_bytes(name: String, bytes: &[u8]) -> Result<Vec<(String, f64)>> {
    frequency_rows(&decode::from_bytes(name, bytes, None, true)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn shown_text_stays_on_one_line() {
        assert_eq!(
            super::shown("Zeile\nzwei\r\t\u{1b}[1m \u{202e}Zeit\u{2028}"),
            "Zeile\\nzwei\\r\\t\\u{1b}[1m \\u{202e}Zeit\\u{2028}"
        );
        assert_eq!(
            super::shown("Gründe \"F1\" (Sp. 2)"),
            "Gründe \"F1\" (Sp. 2)"
        );
    }

    #[test]
    fn whole_reads_stop_at_the_cap() {
        let data = [b'a'; 100];
        assert_eq!(super::read_capped("x", &data[..], 100).unwrap().len(), 100);
        let err = super::read_capped("x.jsonl.gz", &data[..], 99).unwrap_err();
        assert!(
            err.to_string().starts_with("x.jsonl.gz: more than 0 MiB"),
            "{err}"
        );
    }
}
