//! CSV/TSV exports from arbitrary bytes, with the delimiter sniffed (or tab for TSV), wide,
//! by group, by column or long: the answers, or one line of error that names the input. Where
//! `count` would stream the file row by row (wide tables), the streamed reader must give the
//! whole-file reader's questions, answers and groups, or fail where it fails.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke::fuzz::{check_error, streamed, survey_with_groups, table_flags};

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let format = if how & 0x80 == 0 { "csv" } else { "tsv" };
    let flags = table_flags(how);
    let whole = survey_with_groups(format, bytes, flags);
    check_error(&whole, &format!("input.{format}"));
    // long tables (respondent, question and answer columns) are never streamed
    if flags.contains(&"--respondent-column") {
        return;
    }
    let stream = streamed(format, bytes, flags);
    check_error(&stream, &format!("input.{format}"));
    match (&whole, &stream) {
        (_, Ok(None)) => {}
        (Ok(whole), Ok(Some(stream))) => assert_eq!(whole, stream, "streamed ≠ whole file"),
        (Err(_), Err(_)) => {}
        (whole, stream) => panic!("whole file: {whole:?}\nstreamed: {stream:?}"),
    }
});
