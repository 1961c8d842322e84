//! Files that are not survey data, recognised by their content (not their name) and refused
//! with a message that says what they look like.

use anyhow::{bail, Result};

/// Leading bytes of formats that are never answers.
const NOT_SURVEYS: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"\x7FELF", "a program (ELF)"),
    (b"\xCF\xFA\xED\xFE", "a program (Mach-O)"),
    (b"\0asm", "a WebAssembly program"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"\xFD7zXZ\0", "xz-compressed data"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"{\\rtf", "an RTF document"),
];

/// Leading bytes of containers that hold workbooks (XLSX and ODS are ZIP archives, XLS an OLE
/// compound file), and other things when they do not.
const CONTAINERS: &[(&[u8], &str)] = &[
    (b"PK\x03\x04", "a ZIP archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Office file (XLS, DOC)",
    ),
];

/// What `head` (the first bytes of an input, after gzip) looks like, if it is not survey data
/// of any kind; containers only when `workbook` is false (a workbook is read from them).
pub fn refuse(name: &str, head: &[u8], workbook: bool) -> Result<()> {
    let found = NOT_SURVEYS
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|&(_, what)| what)
        .or_else(|| {
            // `MZ` also starts words; a program has NUL bytes right after it
            (head.starts_with(b"MZ") && head[..head.len().min(64)].contains(&0))
                .then_some("a Windows program")
        })
        .or_else(|| {
            (head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP"))
                .then_some("a WebP image")
        });
    if let Some(what) = found {
        bail!("{name}: not a text or survey file: looks like {what}; export the answers as CSV, XLSX or text");
    }
    if !workbook {
        if let Some((_, what)) = CONTAINERS.iter().find(|(magic, _)| head.starts_with(magic)) {
            bail!("{name}: not a text file: looks like {what}; if it is an Excel or Calc workbook, name it .xlsx or .ods (or pass --input-format xlsx)");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::refuse;

    #[test]
    fn by_content() {
        let err = |head: &[u8], workbook| refuse("x.txt", head, workbook).unwrap_err().to_string();
        assert!(err(b"%PDF-1.7\n%\xE2\xE3", false).contains("looks like a PDF"));
        assert!(err(b"\x89PNG\r\n\x1a\n\0\0", true).contains("a PNG image"));
        assert!(err(b"MZ\x90\0\x03\0", false).contains("Windows program"));
        assert!(err(b"PK\x03\x04\x14\0", false).contains("name it .xlsx"));
        assert!(refuse("x.xlsx", b"PK\x03\x04\x14\0", true).is_ok());
        // text that merely starts like a signature is text
        assert!(refuse("x.txt", b"MZ-Kreis: fehlendes Personal\n", false).is_ok());
        assert!(refuse("x.txt", b"Personal fehlt\n", false).is_ok());
        assert!(refuse("x.txt", b"", false).is_ok());
    }
}
