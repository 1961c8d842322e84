//! Inputs: plain text, CSV/TSV, spreadsheets, JSON lines; files, gzip or standard input (read
//! once); any common encoding. The text crate stays free of file formats.

mod decode;
mod frequencies;
mod lines;
mod survey;

use std::fs::File;
use std::io::{BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

pub use decode::{parse_encoding, utf8_error};
pub use lines::{read_chunks, Chunk, Fallback};
pub use survey::{
    check_text_options, format_of, read_survey, visit_delimited, Survey, TEXT_QUESTION,
};

/// All bytes of `path` (`-` = standard input) and the name errors use.
fn read_all(path: &Path, quiet: bool) -> Result<(String, Vec<u8>)> {
    // the same opening as streaming: standard input or file, gzip-decompressed when it is gzip
    let (name, reader, len) = lines::open(path)?;
    let mut bytes = Vec::new();
    let progress = progress_bar(&name, len, quiet);
    match &progress {
        Some(bar) => bar.wrap_read(reader).read_to_end(&mut bytes),
        None => {
            let mut reader = reader;
            reader.read_to_end(&mut bytes)
        }
    }
    .with_context(|| {
        format!("{name}: cannot read it (an I/O error, or broken gzip data); check the file")
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok((name, bytes))
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
        let text = decoded
            .text
            .strip_prefix('\u{feff}')
            .unwrap_or(&decoded.text);
        let rows = if text.trim_start().starts_with(['{', '[']) {
            frequencies::json(&decoded.name, text)?
        } else {
            frequencies::delimited(&decoded.name, text)?
        };
        for (term, count) in rows {
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
