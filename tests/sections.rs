//! Issue 6: a text longer than `SECTION_BYTES` is analysed in sections, with spans into the
//! whole text, quotes in order and a named source quoted in several sections merged into one.
//! The article is fictional.

mod common;
use whosaid::text::{SECTION_BYTES, sections};
use whosaid::wire::DocOut;

const ARTICLE: &str = "Velmora reopens its ferry pier after a winter of repairs

“The pier is safe again,” said Mayor Ilsa Brandt, who oversaw the work.

Engineers said that the new pilings would last forty years, according to a report by the Velmora Harbour Board.

“We rebuilt every beam,” Mayor Ilsa Brandt said. “We tested each one twice.”

A harbour official, who spoke on condition of anonymity because she was not authorised to speak, said the ferry would sail on Monday.

“Nobody expected the storm to do so much damage.

“But the town came together, and we are proud of it,” said Tomas Okafor, the harbour master.
";

#[test]
fn issue_6_long_text_is_analysed_in_sections_with_absolute_spans() {
    let one = whosaid::analyze(ARTICLE);
    let per_copy = one.quotes.len();
    let brandt_per_copy = one.sources.iter().find(|s| s.name == "Ilsa Brandt").expect("Ilsa Brandt is a source").quotes.len();
    assert!(per_copy >= 6 && brandt_per_copy >= 2, "{per_copy} quotes, {brandt_per_copy} by Ilsa Brandt");

    let copy = ARTICLE.len() + 1; // each copy is followed by one more newline: a blank line
    let repeats = 3 * SECTION_BYTES / ARTICLE.len() + 7;
    let text = format!("{ARTICLE}\n").repeat(repeats);
    let cuts = sections(&text, SECTION_BYTES);
    assert!(cuts.len() >= 3, "{} sections", cuts.len());
    for r in &cuts[1..] {
        // Cut at a blank line, never before a paragraph that opens with a quotation mark.
        assert!(text[..r.start].ends_with("\n\n"), "cut at {}", r.start);
        assert!(!text[r.start..].starts_with('“'), "cut at {} inside a multi-paragraph quote", r.start);
    }

    let a = whosaid::analyze(&text);
    assert_eq!(a.quotes.len(), repeats * per_copy);
    let out = DocOut::new(serde_json::Value::from("long"), Default::default(), &a);
    for (i, q) in out.quotes.iter().enumerate() {
        assert_eq!(&text[q.start..q.end], q.text, "quote {i}");
        // The same quote, at the same place in its copy, as in the article alone.
        let (k, j) = (i / per_copy, i % per_copy);
        let single = &one.quotes[j];
        assert_eq!((q.start - k * copy, q.end - k * copy), (single.span.start, single.span.end), "quote {i}");
        assert_eq!(q.kind, single.kind, "quote {i}");
        if let Some(c) = &q.cue {
            assert_eq!(&text[c.start..c.end], c.text, "quote {i} cue");
        }
        let speaker = q.speaker.as_ref().map(|s| s.name.as_ref());
        let single_speaker = one.attributions[j].source.map(|id| one.sources[id].name.as_str());
        assert_eq!(speaker, single_speaker, "quote {i}");
    }
    // The mayor, named in full in every copy, is one source across all sections.
    let brandt: Vec<_> = a.sources.iter().filter(|s| s.name == "Ilsa Brandt").collect();
    assert_eq!(brandt.len(), 1);
    assert_eq!(brandt[0].quotes.len(), repeats * brandt_per_copy);
    assert!(brandt[0].quotes.windows(2).all(|w| w[0] < w[1]));
    assert!(brandt[0].mentions.windows(2).all(|w| w[0].end <= w[1].start));
    for m in &brandt[0].mentions {
        assert!(m.slice(&text).contains("Brandt"), "{:?}", m.slice(&text));
    }
    // Anonymous sources are not merged: one per section at least, each with its reason in place.
    let anonymous: Vec<_> = a.sources.iter().filter(|s| s.anonymous && s.anonymity_reason.is_some()).collect();
    assert!(anonymous.len() >= cuts.len());
    for s in anonymous {
        assert!(s.anonymity_reason.unwrap().slice(&text).contains("anonymity"));
    }
    assert_eq!(a.summary.quotes, a.quotes.len());
    assert_eq!(a.summary.sources, a.sources.len());
    for f in &out.findings {
        if let (Some(s), Some(e)) = (f.start, f.end) {
            assert!(text.is_char_boundary(s) && e <= text.len());
        }
    }
}

#[test]
fn issue_6_a_short_text_is_one_section_and_analysed_whole() {
    let whole = whosaid::analyze_in_sections(ARTICLE, usize::MAX);
    let a = whosaid::analyze(ARTICLE);
    assert_eq!(sections(ARTICLE, SECTION_BYTES), vec![0..ARTICLE.len()]);
    let json = |a: &whosaid::Analysis| serde_json::to_string(&DocOut::new(serde_json::Value::Null, Default::default(), a)).unwrap();
    assert_eq!(json(&a), json(&whole));
}

#[test]
fn issue_6_sections_of_a_text_without_paragraphs_stay_bounded() {
    // One huge paragraph (no newline): cut at white space; no white space at all: at a character
    // boundary. Either way every section is at most the size, and together they are the text.
    let words = "The harbour board met on Tuesday and said little. ".repeat(20_000);
    let letters = "é".repeat(300_000) + "ü";
    for text in [words.as_str(), letters.as_str()] {
        for max in [100, 4096, SECTION_BYTES] {
            let cuts = sections(text, max);
            assert_eq!(cuts.first().unwrap().start, 0);
            assert_eq!(cuts.last().unwrap().end, text.len());
            for (i, r) in cuts.iter().enumerate() {
                assert!(r.len() <= max && r.end > r.start, "section {i} of {max}: {r:?}");
                assert!(i + 1 == cuts.len() || r.len() >= max / 2 - 3, "section {i} of {max}: {r:?}");
                assert!(i == 0 || cuts[i - 1].end == r.start);
                let _ = &text[r.clone()]; // on character boundaries
            }
            if text == words && max > 100 {
                assert!(cuts[1..].iter().all(|r| text[..r.start].ends_with(' ')));
            }
        }
        let a = whosaid::analyze_in_sections(text, 4096);
        for q in &a.quotes {
            let _ = q.span.slice(text);
        }
    }
}

#[test]
fn issue_6_analyze_writes_a_long_article_straight_from_the_analysis() {
    // The CLI writes a record longer than a section one quote at a time: the same bytes as the
    // record built whole, for a JSONL line (with metadata) and for a text file.
    let text = format!("{ARTICLE}\n").repeat(SECTION_BYTES / ARTICLE.len() + 3);
    let dir = std::env::temp_dir().join(format!("whosaid-sections-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("long.jsonl");
    let line = serde_json::json!({"id": "long", "text": text, "outlet": "Velmora Post"});
    std::fs::write(&jsonl, format!("{line}\n{}\n", serde_json::json!({"id": "short", "text": ARTICLE}))).unwrap();
    let txt = dir.join("long.txt");
    std::fs::write(&txt, &text).unwrap();
    let record = |id: &str, meta: serde_json::Map<String, serde_json::Value>, text: &str| {
        let a = whosaid::analyze(text);
        serde_json::to_string(&DocOut::new(serde_json::Value::from(id), meta, &a)).unwrap() + "\n"
    };
    let mut meta = serde_json::Map::new();
    meta.insert("outlet".into(), "Velmora Post".into());
    let expected = record("long", meta, &text) + &record("short", Default::default(), ARTICLE);
    for threads in ["1", "2"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(["analyze", "--threads", threads, jsonl.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8(out.stdout).unwrap() == expected, "{threads} threads");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid")).args(["analyze", txt.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap() == record(txt.to_str().unwrap(), Default::default(), &text));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A reader that gives a few bytes at a time (1 to 13), so that escapes, surrogate pairs and
/// UTF-8 characters are cut between pieces.
struct Dribble<'a>(&'a [u8], usize);

impl std::io::Read for Dribble<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        self.1 = self.1.wrapping_mul(7).wrapping_add(3);
        let n = (self.1 % 13 + 1).min(self.0.len()).min(out.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// Issue 6: a JSONL line read in pieces (`whosaid::stream`) gives, byte for byte, the record of
/// its article analysed whole in the same sections, for every fixture article and batch record,
/// with small sections (many cuts and merges), `\u` escapes for every non-ASCII character, and
/// the id and metadata after the text.
#[test]
fn issue_6_a_line_read_in_pieces_gives_the_record_of_its_article() {
    use serde_json::Value;
    use whosaid::stream::{LineOutcome, analyze_long_line_in_sections};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut records: Vec<(Value, String)> = Vec::new();
    let batch = std::fs::read_to_string(root.join("fixtures/batch.jsonl")).unwrap();
    for line in batch.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        records.push((v["id"].clone(), v["text"].as_str().unwrap().to_string()));
    }
    for e in std::fs::read_dir(root.join("fixtures/articles")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            records.push((Value::from(p.display().to_string()), std::fs::read_to_string(&p).unwrap() + "\u{1F600} x"));
        }
    }
    records.push((Value::from("all"), records.iter().map(|r| r.1.as_str()).collect::<Vec<_>>().join("\n\n")));
    for (i, (id, text)) in records.iter().enumerate() {
        let mut line = format!("{{\"text\": {}", common::json_string_with_u_escapes(&text));
        line.push_str(&format!(", \"outlet\": \"o\", \"id\": {id}}}"));
        let mut meta = serde_json::Map::new();
        meta.insert("outlet".into(), Value::from("o"));
        for size in [300, 2_000, SECTION_BYTES] {
            let mut expected = Vec::new();
            let a = whosaid::analyze_in_sections(&text, size);
            whosaid::wire::write_analysis_json(&mut expected, id, &meta, None, &a).unwrap();
            expected.push(b'\n');
            let bytes = line.as_bytes();
            let head = bytes.len().min(20);
            let mut got = Vec::new();
            let r = analyze_long_line_in_sections(bytes[..head].to_vec(), &mut Dribble(&bytes[head..], i), ("f", 2), false, size, &mut got)
                .unwrap();
            assert!(matches!(r, LineOutcome::Written), "record {i}");
            assert!(got == expected, "record {i}, sections of {size} bytes: {}", String::from_utf8_lossy(&got));
        }
    }
}
