//! Plain text read in chunks of whole lines, for counting while reading: memory grows with the
//! vocabulary, not with the input. A chunk is a [`Batch`] of the library's parallel count: its
//! lines are cut (and decoded) by the thread that counts them, and placed where the chunk is
//! in the input.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use encoding_rs::Encoding;
use wortwolke_text::Batch;

/// Bytes per chunk of work.
pub const CHUNK_BYTES: usize = 1 << 20;

/// The longest line (one answer) plain text may have: a file without line breaks stops here,
/// not at the machine's memory.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// One chunk of whole lines, in input order.
#[derive(Debug)]
pub struct Chunk {
    /// How many lines (answers) it holds.
    lines: usize,
    text: ChunkText,
}

/// The lines of a chunk: UTF-8 checked once by the reader, or bytes of a single-byte encoding.
#[derive(Debug)]
enum ChunkText {
    Utf8(String),
    Encoded(Vec<u8>, &'static Encoding),
}

/// Why streaming gave up on an input (the caller then reads it whole).
#[derive(Debug)]
pub enum Fallback {
    /// Not UTF-8 (or UTF-16 with a BOM) and no single-byte `--encoding` given.
    Encoding,
}

/// Reads every input in chunks of whole lines and hands them to `send`.
pub fn read_chunks(
    paths: &[PathBuf],
    encoding: Option<&'static Encoding>,
    quiet: bool,
    send: &mut dyn FnMut(Chunk) -> bool,
) -> Result<std::result::Result<(), Fallback>> {
    let stdin = PathBuf::from("-");
    let paths: Vec<&PathBuf> = if paths.is_empty() {
        vec![&stdin]
    } else {
        paths.iter().collect()
    };
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("standard input (`-`) is named more than once; it can be read only once");
    }
    for path in paths {
        let (name, mut reader, len) = open(path)?;
        let name: Arc<str> = name.into();
        let progress = super::progress_bar(&name, len, quiet);
        // byte-order marks: UTF-8 is dropped, UTF-16 needs the whole-file path
        let head = reader
            .fill_buf()
            .with_context(|| format!("{name}: cannot read"))?;
        if head.is_empty() {
            bail!("{name}: the file is empty; export the answers into it first");
        }
        super::sniff::refuse(&name, head, false)?;
        if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
            if path.as_os_str() == "-" {
                bail!("<stdin>: UTF-16 text on standard input; save it to a file and pass the file name");
            }
            return Ok(Err(Fallback::Encoding));
        }
        let mut offset = 0;
        if head.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
            offset = 3;
        }
        let mut line = 1;
        let mut carry: Vec<u8> = Vec::new();
        // a UTF-8 byte-order mark says the file is UTF-8: never read on as Windows-1252 (the
        // whole-file path then names the bad bytes)
        let mut ascii_so_far = offset == 0;
        let mut chunk_encoding: Option<&'static Encoding> = None;
        loop {
            let mut buf = std::mem::take(&mut carry);
            buf.reserve_exact(CHUNK_BYTES);
            // appends into the spare capacity: nothing is zeroed first
            let n = (&mut reader)
                .take(CHUNK_BYTES as u64)
                .read_to_end(&mut buf)
                .with_context(|| format!("{name}: cannot read"))?;
            if let Some(bar) = &progress {
                bar.inc(n as u64);
            }
            if buf.is_empty() {
                break;
            }
            let eof = n == 0;
            let cut = if eof {
                buf.len()
            } else {
                memchr::memrchr(b'\n', &buf).map_or(0, |p| p + 1)
            };
            if cut == 0 && !eof {
                // a line longer than a chunk: keep reading, up to a limit
                if buf.len() > MAX_LINE_BYTES {
                    bail!(
                        "{name}:{line}: a line of more than {} MiB; plain text has one answer a line — is this a text export? (a table: name it .csv)",
                        MAX_LINE_BYTES >> 20
                    );
                }
                carry = buf;
                continue;
            }
            carry = buf.split_off(cut);
            if buf.contains(&0) {
                return Err(super::decode::nul_error(&name));
            }
            // detection: UTF-8 until a chunk is not; if everything before was ASCII (the same in
            // both), the rest is read as Windows-1252, as the whole-file path would read it all
            let lines = memchr::memchr_iter(b'\n', &buf).count();
            let ends_line = buf.last() == Some(&b'\n');
            let len = buf.len();
            let text = match chunk_encoding.or(encoding) {
                Some(single_byte) if single_byte != encoding_rs::UTF_8 => {
                    ChunkText::Encoded(buf, single_byte)
                }
                _ => match String::from_utf8(buf) {
                    Ok(text) => {
                        ascii_so_far = ascii_so_far && text.is_ascii();
                        ChunkText::Utf8(text)
                    }
                    Err(e) if encoding.is_none() && ascii_so_far => {
                        if !quiet {
                            crate::note(&format!("{name}: not valid UTF-8; read as Windows-1252 (pass --encoding to choose another)"));
                        }
                        chunk_encoding = Some(encoding_rs::WINDOWS_1252);
                        ascii_so_far = false;
                        ChunkText::Encoded(e.into_bytes(), encoding_rs::WINDOWS_1252)
                    }
                    Err(_) if encoding.is_none() => {
                        if path.as_os_str() == "-" {
                            bail!("<stdin>: mixes UTF-8 with another encoding; pass --encoding");
                        }
                        return Ok(Err(Fallback::Encoding));
                    }
                    Err(e) => {
                        let at = e.utf8_error().valid_up_to();
                        let bytes = e.into_bytes();
                        return Err(super::utf8_error(&name, &bytes, line, offset, at));
                    }
                },
            };
            // the last line of the input may end without a line break
            let chunk = Chunk {
                lines: lines + usize::from(!ends_line),
                text,
            };
            line += lines;
            offset += len;
            if !send(chunk) {
                break;
            }
            if eof {
                break;
            }
        }
        if let Some(bar) = progress {
            bar.finish_and_clear();
        }
    }
    Ok(Ok(()))
}

/// A buffered reader over a file, gzip-decompressed if it starts with the gzip magic.
pub fn open(path: &Path) -> Result<(String, Box<dyn BufRead + Send>, u64)> {
    let (name, raw, len): (String, Box<dyn Read + Send>, u64) = if path.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(std::io::stdin()), 0)
    } else {
        let file = super::open(path)?;
        let len = file.metadata().map_or(0, |m| m.len());
        (path.display().to_string(), Box::new(file), len)
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let head = reader
        .fill_buf()
        .with_context(|| format!("{name}: cannot read"))?;
    let mut reader: Box<dyn BufRead + Send> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(reader)))
    } else {
        Box::new(reader)
    };
    // what is inside decides, not the name: a PDF or an image is refused here, a ZIP only where
    // no workbook is expected (see `super::sniff`)
    let head = reader
        .fill_buf()
        .with_context(|| format!("{name}: cannot read (broken gzip data?)"))?;
    super::sniff::refuse(&name, head, true)?;
    Ok((name, reader, len))
}

impl Batch for Chunk {
    fn len(&self) -> usize {
        self.lines
    }

    /// Each line an answer of the only question, in no group.
    fn for_each(&self, answer: &mut dyn FnMut(&str, &[usize])) {
        let text: std::borrow::Cow<str> = match &self.text {
            ChunkText::Utf8(text) => std::borrow::Cow::Borrowed(text),
            ChunkText::Encoded(bytes, single_byte) => {
                single_byte.decode_without_bom_handling(bytes).0
            }
        };
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
        for end in ends {
            let line = &text[start..end];
            start = end + 1;
            answer(line.strip_suffix('\r').unwrap_or(line), &[]);
        }
    }
}
