//! JSON lines from arbitrary bytes, with a dotted field path, a group field, long format or
//! list answers: the answers, or one line of error that names the input and the line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke::fuzz::{check_error, survey};

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let flags: &[&str] = match how & 3 {
        0 => &["--field", "answer"],
        1 => &["--field", "answer.text", "--group", "kreis"],
        2 => &[
            "--field",
            "a",
            "--respondent-column",
            "id",
            "--question-column",
            "q",
            "--answer-column",
            "a",
        ],
        _ => &["--field", "answer", "--split-list"],
    };
    check_error(&survey("jsonl", bytes, flags), "input.jsonl");
});
