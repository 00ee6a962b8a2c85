//! Issue 7: any input, no panic, every span well-formed.
//!
//! Property tests over arbitrary strings and over strings built from a news-like alphabet rich
//! in quotation marks, apostrophes, periods, capitals and newlines; then regression tests for
//! the panics and quadratic paths found while working on the issue (each big input would take
//! hours if the path it exercises were still quadratic).

use proptest::prelude::*;
use whosaid::wire::{DocOut, SpanText};

/// Checks one reported span against the text: inside it, on char boundaries, and `text` matches.
fn check_span(text: &str, what: &str, start: usize, end: usize, reported: Option<&str>) -> Result<(), String> {
    if start > end || end > text.len() {
        return Err(format!("{what}: span {start}..{end} outside text of {} bytes", text.len()));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!("{what}: span {start}..{end} not on char boundaries"));
    }
    if let Some(r) = reported {
        if &text[start..end] != r {
            return Err(format!("{what}: text[{start}..{end}] = {:?}, reported {r:?}", &text[start..end]));
        }
    }
    Ok(())
}

fn check_span_text(text: &str, what: &str, s: &SpanText) -> Result<(), String> {
    check_span(text, what, s.start, s.end, Some(&s.text))
}

/// Every invariant the output promises, for one text: analysed whole, and in sections of a few
/// dozen bytes (issue 6: spans made absolute, ids renumbered, sources merged).
fn check_all(text: &str) -> Result<(), String> {
    check_sections(text, whosaid::text::SECTION_BYTES)?;
    check_sections(text, 48).map_err(|e| format!("in sections of 48 bytes: {e}"))
}

fn check_sections(text: &str, section_bytes: usize) -> Result<(), String> {
    let analysis = whosaid::analyze_in_sections(text, section_bytes);
    let doc = DocOut::new(serde_json::Value::from("t"), Default::default(), &analysis);
    for (i, q) in doc.quotes.iter().enumerate() {
        check_span(text, &format!("quote {i}"), q.start, q.end, Some(&q.text))?;
        if let Some(c) = &q.cue {
            check_span_text(text, &format!("quote {i} cue"), c)?;
        }
        if let Some(sp) = &q.speaker {
            if let Some(m) = &sp.mention {
                check_span_text(text, &format!("quote {i} mention"), m)?;
            }
            if let Some(id) = sp.source {
                if id >= doc.sources.len() {
                    return Err(format!("quote {i}: source {id} does not exist"));
                }
            }
        }
    }
    // Quotes never overlap: mixed quotes absorb their fragments, direct quotes are top-level regions.
    for w in doc.quotes.windows(2) {
        if w[1].start < w[0].end && w[0].start < w[1].end {
            return Err(format!("quotes overlap: {}..{} and {}..{}", w[0].start, w[0].end, w[1].start, w[1].end));
        }
        if (w[1].start, w[1].end) < (w[0].start, w[0].end) {
            return Err("quotes out of order".to_string());
        }
    }
    for (i, s) in doc.sources.iter().enumerate() {
        for m in &s.mentions {
            check_span_text(text, &format!("source {i} mention"), m)?;
        }
        if let Some(r) = &s.anonymity_reason {
            check_span_text(text, &format!("source {i} anonymity reason"), r)?;
        }
        if let Some(&q) = s.quotes.iter().find(|&&q| q >= doc.quotes.len()) {
            return Err(format!("source {i}: quote {q} does not exist"));
        }
    }
    for f in &doc.findings {
        if let (Some(s), Some(e)) = (f.start, f.end) {
            check_span(text, &format!("finding {}", f.id), s, e, None)?;
        }
    }
    if doc.summary.quotes != doc.quotes.len() || doc.summary.sources != doc.sources.len() {
        return Err("summary counts disagree with the lists".to_string());
    }
    let line = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
    let back: DocOut = serde_json::from_str(&line).map_err(|e| format!("output does not read back: {e}"))?;
    if back.quotes.len() != doc.quotes.len() {
        return Err("output does not round-trip".to_string());
    }
    Ok(())
}

/// Pieces of news-like text: quotation marks of every family, apostrophes, primes, periods,
/// abbreviations, capitals, cue verbs, names, anonymity phrases, newlines and multi-byte letters.
const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "`",
    "``",
    "''",
    "′",
    "″",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "said ",
    "says ",
    "told reporters ",
    "according to ",
    "that ",
    "he ",
    "she ",
    "they ",
    "it ",
    "Mr. ",
    "Dr. ",
    "Gen. ",
    "Ana ",
    "Ruiz ",
    "Ruiz",
    "U.S. ",
    "a.m. ",
    "J. ",
    "The ",
    "the ",
    "officials ",
    "a senior official ",
    "three officials and a US official ",
    "who spoke on condition of anonymity ",
    "because they were not authorized to speak ",
    "We ",
    "are ",
    "ready",
    "members' ",
    "Iraq’s ",
    "5'11\" ",
    "1,000 ",
    "3.5 ",
    "é",
    "İ",
    "ẞ",
    "😀",
    "\u{feff}",
    "\r\n",
    "\t",
    "Company ",
    "Ltd. ",
    "report ",
    "shows ",
    "critics ",
    "saying ",
    "Ruiz said",
    ", said ",
    // (The third session's rules: objects of judging verbs, `call X Y`, documents, headlines.)
    "accused ",
    "called for ",
    "called on ",
    "called ",
    "him a ",
    "of ",
    "announced ",
    "reads ",
    "Poll: ",
    "Ann Lee: ",
    "and criticized ",
    "but ",
    "asked that her name not be used ",
    "Asked whether ",
    "[",
    "]",
];

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

proptest! {
    // 256 cases keeps the suite fast; set PROPTEST_CASES for a longer local run.
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn issue_7_arbitrary_strings_keep_every_invariant(text in any::<String>()) {
        prop_assert_eq!(check_all(&text), Ok(()));
    }

    #[test]
    fn issue_7_news_like_strings_keep_every_invariant(text in news_like()) {
        prop_assert_eq!(check_all(&text), Ok(()));
    }

    #[test]
    fn issue_7_lossy_decoding_of_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(a) = whosaid::input::article_from_file("x.txt", &bytes, whosaid::input::Format::Text, true) {
            prop_assert_eq!(check_all(&a.text), Ok(()));
        }
        // Strict decoding fails cleanly with the byte offset of the first bad byte.
        if let Err(e) = whosaid::input::article_from_file("x.txt", &bytes, whosaid::input::Format::Text, false) {
            prop_assert!(e.message.starts_with("x.txt: "), "{}", e.message);
        }
    }
}

/// Inputs that crashed whosaid or broke an invariant, each kept as a regression test.
#[test]
fn issue_7_known_panics_are_fixed() {
    let cases = [
        // A straight double mark after a digit looked 4 bytes back, into a 4-byte emoji (prime check).
        "😀1\" and so on",
        "x😀5\" he said.",
        // The anonymity reason ended on `”` (3 bytes) and was trimmed one byte at a time.
        "Officials spoke on condition of anonymity.”",
        // Unicode lower-casing changed byte lengths, so the reason's offset fell inside a character.
        "İİİ Officials, who spoke on condition of anonymity because they were not authorized to speak, said it.",
        // A sentence-initial appositive made the subject search step before token 0 (found by cargo fuzz).
        ", x, said that it rained.",
        // A headline's quote widened to the rest of its sentence took in reported speech found
        // before it (overlapping quotes; found by the news-like property test in CI).
        "Mr. :‹“›he are —saying “said ",
        // A fragment with no cue running past a labelled headline's claim overlapped it.
        "Poll: ′„Ruiz said«said said ′\n„",
        // The second piece of a parenthetical cue was not past where the next cue's content
        // could start: the same span twice.
        "said -′,he said ,''Poll: “according to said ",
        // A lone comma after `)` before a cue, at the start of the text: the subject search
        // walked out of the token list (found by the news-like property test).
        "“““““““““.“““““ said critics and criticized “““), said ““",
    ];
    for text in cases {
        assert_eq!(check_all(text), Ok(()), "{text:?}");
    }
}

#[test]
fn issue_7_anonymity_reason_span_is_the_reason_despite_case_changing_letters() {
    let text = "İİİ. Two officials said the talks failed. They spoke on condition of anonymity.";
    let a = whosaid::analyze(text);
    let reasons: Vec<&str> = a.sources.iter().filter_map(|s| s.anonymity_reason).map(|r| r.slice(text)).collect();
    assert!(!reasons.is_empty());
    for r in &reasons {
        // The span is the reason as written ("spoke on condition of anonymity" per the lexicon),
        // not shifted by the case-changing letters before it.
        assert!(r.starts_with("spoke on condition of anonymity") || r.starts_with("on condition of anonymity"), "{r:?}");
    }
}

/// Big adversarial inputs: each would run for hours through a quadratic path.
fn big_cases() -> Vec<(&'static str, String)> {
    let n = 200_000;
    vec![
        ("a thousand-fold run of opening marks", "“".repeat(n)),
        ("unclosed opening marks, then closing singles", format!("{}{}", "“".repeat(n), " x’".repeat(n))),
        ("deeply nested quotes", format!("{}{}", "“a ".repeat(n / 2), "”".repeat(n / 2))),
        ("a long initialism", "a.".repeat(n)),
        ("mixed exotic marks", "« ‹ „ ‚ ` \" ' ".repeat(n / 8)),
        ("many quotes by one pronoun on one line", "“We are ready,” he said. ".repeat(n / 20)),
        ("many quotes, one per paragraph", "“We are ready,” he said.\n".repeat(n / 20)),
        ("many quotes with no cue", "He wrote “We are ready to go now today.”\n".repeat(n / 30)),
        ("many distinct names", (0..n / 20).map(|i| format!("“Yes,” said Ana Ruiz{i}. ")).collect()),
        ("many reported quotes holding fragments", "He said that “we are ready to go” and more. ".repeat(n / 30)),
        (
            "many named speakers, each followed by a pronoun",
            (0..n / 40).map(|i| format!("“Yes,” said Ana Ruiz{i}. “No,” he said.\n")).collect(),
        ),
        // An early unclosed mark leaves every later region of the paragraph nested (depth > 0).
        (
            "one long paragraph after an unclosed mark",
            "„Open. ".to_string()
                + &"“We are ready,” said Ana Ruiz, who spoke on condition of anonymity. Officials said the «road» would reopen. "
                    .repeat(n / 60),
        ),
        ("many anonymous sources with reasons", "Officials, who spoke on condition of anonymity, said it was fine. ".repeat(n / 50)),
    ]
}

#[test]
fn issue_7_big_adversarial_inputs_finish_with_well_formed_output() {
    for (what, text) in big_cases() {
        // Whole (so that a quadratic path in any stage shows at the full size) and in sections.
        for section_bytes in [usize::MAX, whosaid::text::SECTION_BYTES] {
            let a = whosaid::analyze_in_sections(&text, section_bytes);
            let doc = DocOut::new(serde_json::Value::from(what), Default::default(), &a);
            let line = serde_json::to_string(&doc).expect("serialises");
            assert!(serde_json::from_str::<serde_json::Value>(&line).is_ok(), "{what}");
            for q in &doc.quotes {
                assert_eq!(&text[q.start..q.end], q.text, "{what}");
            }
        }
    }
}
