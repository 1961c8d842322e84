//! Bytes → text: gzip, byte-order marks, UTF-16, and Windows-1252 when the bytes are not UTF-8.

use std::path::Path;

use anyhow::{bail, Result};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// One input, decoded.
#[derive(Debug)]
pub struct Decoded {
    /// The name errors use: the path, or `<stdin>`.
    pub name: String,
    pub text: String,
}

/// Reads `path` (`-` = standard input) completely (gzip-decompressed, see
/// [`super::lines::open`]), then decodes. `encoding`: `None` detects (BOM, else UTF-8, else
/// Windows-1252 with a note on stderr), `Some` forces one.
pub fn load(path: &Path, encoding: Option<&'static Encoding>, quiet: bool) -> Result<Decoded> {
    let (name, bytes) = super::read_all(path, quiet)?;
    from_bytes(name, &bytes, encoding, quiet)
}

/// The text of `bytes`, read whole from the input `name` (see [`load`]): refused when empty or
/// not text, decoded as `encoding` says.
pub fn from_bytes(
    name: String,
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
    quiet: bool,
) -> Result<Decoded> {
    if bytes.is_empty() {
        bail!("{name}: the file is empty; export the answers into it first");
    }
    super::sniff::refuse(&name, &bytes[..bytes.len().min(64)], false)?;
    let text = decode(&name, bytes, encoding, quiet)?;
    Ok(Decoded { name, text })
}

fn decode(
    name: &str,
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
    quiet: bool,
) -> Result<String> {
    let bom = Encoding::for_bom(bytes);
    if let Some((enc, len)) = bom.filter(|_| encoding.is_none()) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[len..]);
        if had_errors {
            bail!(
                "{name}: invalid {} data after the byte-order mark; re-export the file",
                enc.name()
            );
        }
        return checked(name, text.into_owned());
    }
    match encoding {
        Some(enc) if enc == UTF_8 => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(text) => checked(name, text.to_owned()),
                Err(e) => Err(utf8_error(name, bytes, 1, 0, e.valid_up_to())),
            }
        }
        Some(enc) => {
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                bail!(
                    "{name}: bytes that are not {}; check --encoding",
                    enc.name()
                );
            }
            checked(name, text.into_owned())
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => checked(name, text.to_owned()),
            Err(_) => {
                if bytes.contains(&0) {
                    return Err(nul_error(name));
                }
                if !quiet {
                    crate::note(&format!(
                        "{name}: not valid UTF-8; read as Windows-1252 (pass --encoding to choose another)"
                    ));
                }
                let (text, _, _) = WINDOWS_1252.decode(bytes);
                checked(name, text.into_owned())
            }
        },
    }
}

/// The error for invalid UTF-8 at `at` in `bytes`, a piece of the file `name` that starts at
/// line `first_line` and byte `first_byte`: names the line, the byte in the line and in the file.
pub fn utf8_error(
    name: &str,
    bytes: &[u8],
    first_line: usize,
    first_byte: usize,
    at: usize,
) -> anyhow::Error {
    let line = first_line + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    anyhow::anyhow!(
        "{name}:{line}: invalid UTF-8 at byte {} of the line (byte {} of the file); save the file as UTF-8 or pass --encoding windows-1252",
        at - line_start + 1,
        first_byte + at + 1
    )
}

/// The error for an input with NUL bytes: binary data, not an export of answers.
pub fn nul_error(name: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{name}: contains NUL bytes, so it is not a text file; export the answers as CSV or text"
    )
}

/// Refuses binary data (NUL characters after decoding).
fn checked(name: &str, text: String) -> Result<String> {
    if text.contains('\0') {
        return Err(nul_error(name));
    }
    Ok(text)
}

/// `--encoding` values: any WHATWG label (`utf-8`, `windows-1252`, `latin1`, `utf-16le`, …).
pub fn parse_encoding(label: &str) -> Result<&'static Encoding> {
    match label.to_ascii_lowercase().as_str() {
        "utf-16" => return Ok(UTF_16LE),
        "utf-16-be" => return Ok(UTF_16BE),
        _ => {}
    }
    Encoding::for_label(label.as_bytes())
        .ok_or_else(|| anyhow::anyhow!("--encoding: unknown encoding `{label}`; use utf-8, windows-1252, latin1, utf-16le or utf-16be"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_utf16_and_cp1252() {
        let d = |b: &[u8]| decode("t", b, None, true).unwrap();
        assert_eq!(d(b"\xEF\xBB\xBFM\xC3\xBCller"), "Müller");
        assert_eq!(d(b"\xFF\xFEM\x00\xFC\x00"), "Mü");
        assert_eq!(d(b"\xFE\xFF\x00M\x00\xFC"), "Mü");
        assert_eq!(d(b"M\xFCller \x80"), "Müller €");
        let err = decode("t.csv", b"ok\nM\xFCller", Some(UTF_8), true).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv:2: invalid UTF-8 at byte 2 of the line (byte 5 of the file); save the file as UTF-8 or pass --encoding windows-1252"
        );
        assert!(decode("t", b"a\0b\xFF", None, true)
            .unwrap_err()
            .to_string()
            .contains("not a text file"));
    }
}
