//! CSV/TSV exports from arbitrary bytes, with the delimiter sniffed (or tab for TSV), wide
//! with a group column or long: the answers, or one line of error that names the input
//! (after the flag it concerns, if any).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let format = if how & 1 == 0 { "csv" } else { "tsv" };
    let flags: &[&str] = match how >> 1 & 3 {
        0 => &[],
        1 => &["--group", "2"],
        2 => &["--column", "1", "--column", "Q*"],
        _ => &[
            "--respondent-column",
            "1",
            "--question-column",
            "2",
            "--answer-column",
            "3",
        ],
    };
    if let Err(e) = wortwolke::fuzz::survey(format, bytes, flags) {
        let message = format!("{e:#}");
        assert!(
            message.contains("input.csv") || message.contains("input.tsv"),
            "{message}"
        );
        assert!(!message.contains(['\n', '\r']), "{message:?}");
    }
});
