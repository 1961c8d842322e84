//! CSV/TSV exports from arbitrary bytes, with the delimiter sniffed (or tab for TSV), wide,
//! by group, by column or long: the answers, or one line of error that names the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke::fuzz::{check_error, survey, table_flags};

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let format = if how & 0x80 == 0 { "csv" } else { "tsv" };
    let result = survey(format, bytes, table_flags(how));
    check_error(&result, &format!("input.{format}"));
});
