//! Frequency tables (`term<TAB>count`, `count`'s own TSV/CSV/JSON) from arbitrary bytes:
//! terms with finite, non-negative counts, or one line of error that names the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke::fuzz::{check_error, frequencies};

fuzz_target!(|bytes: &[u8]| {
    let result = frequencies(bytes);
    check_error(&result, "table.tsv");
    for (term, count) in result.iter().flatten() {
        assert!(count.is_finite() && *count >= 0.0, "{term:?}: {count}");
    }
});
