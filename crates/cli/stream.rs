//! Streaming, parallel counting of plain-text answers: memory grows with the vocabulary, not
//! with the input, and all cores work.
//!
//! The input is cut into chunks of about [`CHUNK_BYTES`] at line ends; each worker analyses the
//! chunks it takes into its own [`Tally`], numbering every line by its place in the input, and
//! the workers' counters are merged at the end. Merging counters that number their answers by
//! input position equals counting in one counter, so the table is the same for any number of
//! threads.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use anyhow::{bail, Context, Result};
use encoding_rs::Encoding;
use wortwolke_text::{Analyzer, Counter, Tally};

/// Bytes per chunk of work.
pub const CHUNK_BYTES: usize = 1 << 20;

/// One chunk of whole lines, in input order.
struct Chunk {
    seq: usize,
    text: ChunkText,
}

/// The lines of a chunk: UTF-8 checked once by the reader, or bytes of a single-byte encoding.
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

/// Counts every line of `paths` (`-` = standard input) as one answer, on `threads` threads.
/// `Ok(Err(Fallback))` means the input needs the in-memory path (detected encodings).
pub fn count_lines(
    paths: &[PathBuf],
    analyzer: &Analyzer,
    encoding: Option<&'static Encoding>,
    threads: usize,
    quiet: bool,
) -> Result<std::result::Result<Counter, Fallback>> {
    let tallies = fold_lines(
        paths,
        encoding,
        threads,
        quiet,
        || Tally::new(analyzer),
        |tally, position, line| {
            tally.seek(position);
            tally.count(line);
        },
    )?;
    Ok(tallies.map(|tallies| {
        let mut total = Counter::default();
        for tally in tallies {
            total.merge(tally.into_counter());
        }
        total
    }))
}

/// Hands every line of `paths` to `per_line` with its position (ordered like the input),
/// on `threads` workers that each keep their own state (made by `worker`) from chunk to
/// chunk: any mergeable summary of the answers — counts, collocation statistics — without
/// holding the input. Returns the workers' states.
pub fn fold_lines<W: Send>(
    paths: &[PathBuf],
    encoding: Option<&'static Encoding>,
    threads: usize,
    quiet: bool,
    worker: impl Fn() -> W + Sync,
    per_line: impl Fn(&mut W, u64, &str) + Sync,
) -> Result<std::result::Result<Vec<W>, Fallback>> {
    let (states, sent) = pool(
        threads,
        worker,
        |state, chunk: Chunk| fold_chunk(&chunk, |position, line| per_line(state, position, line)),
        |send| read_chunks(paths, encoding, quiet, send),
    )?;
    Ok(sent?.map(|()| states))
}

/// Runs `produce` on this thread and `threads` workers beside it: `produce` hands out pieces of
/// work through the function it is given (which says `false` once the workers are gone); each
/// worker keeps its own state (made by `worker`) and folds the pieces it takes into it with
/// `work`. Returns the workers' states and what `produce` returned. At most two pieces per
/// worker wait in line, so memory stays bounded however large the input.
pub fn pool<W: Send, P: Send, R>(
    threads: usize,
    worker: impl Fn() -> W + Sync,
    work: impl Fn(&mut W, P) + Sync,
    produce: impl FnOnce(&mut dyn FnMut(P) -> bool) -> R,
) -> Result<(Vec<W>, R)> {
    let threads = threads.max(1);
    let (worker, work) = (&worker, &work);
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = mpsc::sync_channel::<P>(threads * 2);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let work_rx = Arc::clone(&work_rx);
                scope.spawn(move || -> W {
                    let mut state = worker();
                    loop {
                        let piece = match work_rx.lock().map(|rx| rx.recv()) {
                            Ok(Ok(piece)) => piece,
                            _ => return state,
                        };
                        work(&mut state, piece);
                    }
                })
            })
            .collect();
        let produced = produce(&mut |piece| work_tx.send(piece).is_ok());
        drop(work_tx);
        let mut states = Vec::with_capacity(threads);
        for w in workers {
            match w.join() {
                Ok(state) => states.push(state),
                Err(_) => bail!("a counting thread failed"),
            }
        }
        Ok((states, produced))
    })
}

/// Reads every input in chunks of whole lines and hands them to `send`.
fn read_chunks(
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
    let mut seq = 0;
    for path in paths {
        let (name, mut reader, len) = open(path)?;
        let name: Arc<str> = name.into();
        let progress = crate::input::progress_bar(&name, len, quiet);
        // byte-order marks: UTF-8 is dropped, UTF-16 needs the whole-file path
        let head = reader
            .fill_buf()
            .with_context(|| format!("{name}: cannot read"))?;
        if head.is_empty() {
            bail!("{name}: the file is empty; export the answers into it first");
        }
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
        let mut ascii_so_far = true;
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
                // a line longer than a chunk: keep reading
                carry = buf;
                continue;
            }
            carry = buf.split_off(cut);
            if buf.contains(&0) {
                bail!("{name}: contains NUL bytes, so it is not a text file; export the answers as CSV or text");
            }
            // detection: UTF-8 until a chunk is not; if everything before was ASCII (the same in
            // both), the rest is read as Windows-1252, as the whole-file path would read it all
            let lines = memchr::memchr_iter(b'\n', &buf).count();
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
                        return Err(crate::input::utf8_error(&name, &bytes, line, offset, at));
                    }
                },
            };
            let chunk = Chunk { seq, text };
            seq += 1;
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
        let file = crate::input::open(path)?;
        let len = file.metadata().map_or(0, |m| m.len());
        (path.display().to_string(), Box::new(file), len)
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let head = reader
        .fill_buf()
        .with_context(|| format!("{name}: cannot read"))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        return Ok((
            name,
            Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(reader))),
            len,
        ));
    }
    Ok((name, Box::new(reader), len))
}

/// Hands the lines of one chunk to `per_line` with their positions: the chunk's number in
/// the high 32 bits, the line's index in it in the low ones.
fn fold_chunk(chunk: &Chunk, mut per_line: impl FnMut(u64, &str)) {
    let text: std::borrow::Cow<str> = match &chunk.text {
        ChunkText::Utf8(text) => std::borrow::Cow::Borrowed(text),
        ChunkText::Encoded(bytes, single_byte) => single_byte.decode_without_bom_handling(bytes).0,
    };
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let base = (chunk.seq as u64) << 32;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for (i, end) in ends.enumerate() {
        let line = &text[start..end];
        start = end + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        per_line(base + i as u64, line);
    }
}
