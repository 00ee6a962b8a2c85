//! Fuzz target: arbitrary bytes through the readers and the whole pipeline.
//!
//! The first byte picks the reader (plain text, HTML, one JSON Lines record); the rest is the
//! input. Whatever the bytes, nothing may panic, every reported span must slice the text on char
//! boundaries (also when the text is analysed in tiny sections), the in-place JSONL reader must
//! agree with the serde one, and the output record must serialise.

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
    if mode % 4 == 0 {
        // The reader that unescapes in place must agree with serde's, error or not.
        let owned = input::parse_jsonl_line_owned(bytes.to_vec(), 1, "fuzz", mode & 4 != 0);
        match (&article, &owned) {
            (Some(a), Ok(b)) => assert_eq!((&a.id, &a.meta, &a.text), (&b.id, &b.meta, &b.text)),
            (None, Err(_)) => {}
            _ => panic!("the in-place JSONL reader disagrees with parse_jsonl_line"),
        }
    }
    let Some(article) = article else { return };
    // Tiny sections exercise cutting and merging on every input (spans must stay absolute).
    let sectioned = whosaid::analyze_in_sections(&article.text, 64);
    for q in &sectioned.quotes {
        assert!(article.text.get(q.span.start..q.span.end).is_some(), "sectioned span off a char boundary");
    }
    let analysis = whosaid::analyze(&article.text);
    // DocOut::new slices every span; serialising checks the record is well-formed.
    let doc = DocOut::new(article.id.clone(), article.meta.clone(), &analysis);
    let line = serde_json::to_string(&doc).expect("output serialises");
    assert!(!line.contains('\n'), "one record per line");
});
