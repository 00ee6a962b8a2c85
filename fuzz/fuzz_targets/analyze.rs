//! Fuzz target: arbitrary bytes through the readers and the whole pipeline.
//!
//! The first byte picks the reader (plain text, HTML, one JSON Lines record); the rest is the
//! input. Whatever the bytes, nothing may panic, every reported span must slice the text on char
//! boundaries, and the output record must serialise.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::input::{self, Format};
use whosaid::wire::DocOut;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else { return };
    let article = match mode % 4 {
        0 => input::parse_jsonl_line(bytes, 1, "fuzz", mode & 4 != 0).ok(),
        1 => input::article_from_file("fuzz.html", bytes, Format::Html, true).ok(),
        // Strict decoding must fail cleanly, never panic, on invalid UTF-8.
        2 => input::article_from_file("fuzz.txt", bytes, Format::Text, false).ok(),
        _ => input::article_from_file("fuzz.txt", bytes, Format::Text, true).ok(),
    };
    let Some(article) = article else { return };
    let analysis = whosaid::analyze(&article.text);
    // DocOut::new slices every span; serialising checks the record is well-formed.
    let doc = DocOut::new(article.id.clone(), article.meta.clone(), &analysis);
    let line = serde_json::to_string(&doc).expect("output serialises");
    assert!(!line.contains('\n'), "one record per line");
});
