//! Frequency tables (`term<TAB>count`, `count`'s own TSV/CSV/JSON) from arbitrary bytes:
//! terms with finite, non-negative counts, or one line of error that names the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match wortwolke::fuzz::frequencies(bytes) {
        Ok(rows) => {
            for (term, count) in rows {
                assert!(count.is_finite() && count >= 0.0, "{term:?}: {count}");
            }
        }
        Err(e) => {
            let message = format!("{e:#}");
            assert!(message.contains("table.tsv"), "{message}");
            assert!(!message.contains(['\n', '\r']), "{message:?}");
        }
    }
});
