//! XLSX/ODS/XLS workbooks from arbitrary bytes through calamine, wide, by group, by sheet and
//! column or long: the answers, or one line of error that names the input. (Random bytes are
//! rarely a ZIP: the seeds are small workbooks, stored uncompressed.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke::fuzz::{check_error, survey, table_flags};

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    check_error(&survey("xlsx", bytes, table_flags(how)), "input.xlsx");
});
