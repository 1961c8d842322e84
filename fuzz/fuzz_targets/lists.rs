//! The analyst's list files from arbitrary bytes: codebook, stop words, phrases. A list or an
//! error that names the file (and line) on one line; lists that parse build an analyzer whose
//! tokens slice the answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wortwolke_text::{read_phrase_list, AnalyzerConfig, StopWordList, SynonymMap};

/// An error, if any, is one line that starts with the file's name.
fn check<T>(result: &Result<T, wortwolke_text::Error>, name: &str) {
    if let Err(e) = result {
        let message = e.to_string();
        assert!(message.starts_with(name), "{message}");
        assert!(!message.contains(['\n', '\r']), "{message:?}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let codebook = SynonymMap::from_reader("codes.txt", bytes);
    let stop = StopWordList::from_reader("stop.txt", bytes);
    let phrases = read_phrase_list("phrases.txt", bytes);
    check(&codebook, "codes.txt:");
    check(&stop, "stop.txt:");
    check(&phrases, "phrases.txt:");
    let mut config = AnalyzerConfig::default()
        .stopwords(stop.unwrap_or_default())
        .phrases(phrases.unwrap_or_default())
        .keep_negation(true);
    if let Ok(codebook) = codebook {
        config = config.synonyms(codebook);
    }
    if let Ok(analyzer) = config.build() {
        let text = String::from_utf8_lossy(bytes);
        for line in text.lines().take(64) {
            for t in analyzer.analyze(line) {
                assert!(line.get(t.offset.clone()).is_some(), "{t:?} in {line:?}");
            }
        }
    }
});
