//! Inputs: files or standard input (read once), one answer per line, UTF-8 checked per line.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Reads every input and returns all answers in order (one line = one answer).
/// No paths, or `-`, means standard input, which may be named only once.
pub fn read_answers(paths: &[PathBuf]) -> Result<Vec<String>> {
    let stdin = PathBuf::from("-");
    let paths: Vec<&PathBuf> = if paths.is_empty() {
        vec![&stdin]
    } else {
        paths.iter().collect()
    };
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("standard input (`-`) is named more than once; it can be read only once");
    }
    let mut answers = Vec::new();
    for path in paths {
        let (name, bytes) = read_all(path)?;
        split_lines(&name, &bytes, &mut answers)?;
    }
    Ok(answers)
}

fn read_all(path: &Path) -> Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("<stdin>: cannot read standard input")?;
        return Ok(("<stdin>".into(), bytes));
    }
    let name = path.display().to_string();
    let mut file = open(path)?;
    file.read_to_end(&mut bytes)
        .with_context(|| format!("{name}: cannot read the file"))?;
    Ok((name, bytes))
}

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

/// Splits UTF-8 `bytes` into lines (`\n` or `\r\n`), checking each; the first invalid line is
/// an error naming it. A leading BOM is dropped; a final newline does not start an answer.
fn split_lines(name: &str, bytes: &[u8], out: &mut Vec<String>) -> Result<()> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        bail!("{name}: contains NUL bytes, so it is not a text file; export the answers as UTF-8 text");
    }
    let mut lines = bytes.split(|&b| b == b'\n').enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        if line.is_empty() && lines.peek().is_none() {
            break;
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match std::str::from_utf8(line) {
            Ok(text) => out.push(text.to_owned()),
            Err(e) => bail!(
                "{name}:{}: invalid UTF-8 at byte {} of the line; save the file as UTF-8",
                i + 1,
                e.valid_up_to() + 1
            ),
        }
    }
    Ok(())
}

/// Reads frequency tables: `term<TAB>count` a line (more columns are ignored, so the TSV of
/// `wortwolke count` works); a first line whose count is not a number is a header. Terms that
/// appear in several files are summed.
pub fn read_frequencies(paths: &[PathBuf]) -> Result<Vec<(String, f64)>> {
    let stdin = PathBuf::from("-");
    let paths: Vec<&PathBuf> = if paths.is_empty() {
        vec![&stdin]
    } else {
        paths.iter().collect()
    };
    let mut order: Vec<String> = Vec::new();
    let mut sums: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for path in paths {
        let (name, bytes) = read_all(path)?;
        let mut lines = Vec::new();
        split_lines(&name, &bytes, &mut lines)?;
        for (i, line) in lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let term = cols.next().unwrap_or("").trim();
            let count = cols.next().map(str::trim);
            let parsed = count
                .and_then(|c| c.replace(',', ".").parse::<f64>().ok())
                .filter(|c| c.is_finite() && *c >= 0.0);
            match parsed {
                Some(c) if !term.is_empty() => {
                    if !sums.contains_key(term) {
                        order.push(term.to_owned());
                    }
                    *sums.entry(term.to_owned()).or_default() += c;
                }
                None if i == 0 => continue, // header
                _ => bail!(
                    "{name}:{}: expected `term<TAB>count` with a non-negative number; fix the line or drop --frequencies",
                    i + 1
                ),
            }
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

#[cfg(test)]
mod tests {
    use super::split_lines;

    #[test]
    fn lines_bom_crlf_and_final_newline() {
        let mut out = Vec::new();
        split_lines("t", b"\xEF\xBB\xBFa\r\n\nb\n", &mut out).unwrap();
        assert_eq!(out, ["a", "", "b"]);
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = split_lines("t.txt", b"ok\nM\xFCller\n", &mut Vec::new()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.txt:2: invalid UTF-8 at byte 2 of the line; save the file as UTF-8"
        );
    }
}
