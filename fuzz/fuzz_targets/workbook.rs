//! XLSX/ODS/XLS workbooks from arbitrary bytes through calamine: the answers, or one line of
//! error that names the input. (Start from the seed workbooks: random bytes are rarely ZIP.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let flags: &[&str] = match how & 3 {
        0 => &[],
        1 => &["--group", "2"],
        2 => &["--sheet", "2", "--column", "*"],
        _ => &[
            "--respondent-column",
            "1",
            "--question-column",
            "2",
            "--answer-column",
            "3",
        ],
    };
    if let Err(e) = wortwolke::fuzz::survey("xlsx", bytes, flags) {
        let message = format!("{e:#}");
        assert!(message.contains("input.xlsx"), "{message}");
        assert!(!message.contains(['\n', '\r']), "{message:?}");
    }
});
