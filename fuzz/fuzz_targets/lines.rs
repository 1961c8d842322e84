//! Plain text (one answer a line) from arbitrary bytes, read as `count` streams it in chunks of
//! lines and as the whole-file path reads it (clouds, reports, other encodings): the same
//! answers in the same order, or an error of one line naming the input from both.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke::fuzz::{check_error, streamed_lines, survey};

fuzz_target!(|bytes: &[u8]| {
    let whole = survey("text", bytes, &[]);
    check_error(&whole, "input.text");
    let stream = streamed_lines(bytes);
    check_error(&stream, "input.txt");
    match (&whole, &stream) {
        (_, Ok(None)) => {}
        (Ok(whole), Ok(Some(stream))) => {
            let whole: Vec<&String> = whole.iter().flat_map(|(_, answers)| answers).collect();
            let stream: Vec<&String> = stream.iter().collect();
            assert_eq!(whole, stream, "streamed ≠ whole file");
        }
        (Err(_), Err(_)) => {}
        (whole, stream) => panic!("whole file: {whole:?}\nstreamed: {stream:?}"),
    }
});
