//! Reading articles: plain text, HTML pages and JSON Lines batches.
//!
//! Every error names where it happened (file, line, byte offset) so one bad
//! document can be reported and skipped while the rest are processed.

use serde_json::{Map, Value};
use std::fmt;

/// One article to analyse.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: Value,
    pub meta: Map<String, Value>,
    pub text: String,
    /// True when `text` was extracted (from HTML) rather than given verbatim.
    pub extracted: bool,
}

/// What went wrong with one input, with where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

fn err(message: String) -> InputError {
    InputError { message }
}

/// The input formats whosaid reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Decide from the file name, else from the first non-blank byte.
    Auto,
    Text,
    Html,
    Jsonl,
}

/// The UTF-8 byte-order mark some editors put at the start of a file.
pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Guesses a file's format from its name and first bytes.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
        return Format::Jsonl;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".txt") || lower.ends_with(".text") || lower.ends_with(".md") {
        return Format::Text;
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(b'<') => Format::Html,
        _ => Format::Text,
    }
}

/// Decodes UTF-8, naming the byte offset of the first invalid sequence; with `lossy`,
/// invalid bytes become U+FFFD instead.
pub fn decode(bytes: &[u8], lossy: bool, what: &str) -> Result<String, InputError> {
    decode_in(bytes, lossy, what, "").map(std::borrow::Cow::into_owned)
}

/// [`decode`], with `within` saying what the byte offset counts from (`" of the line"`), and
/// borrowing the bytes when they are valid (no copy).
fn decode_in<'b>(bytes: &'b [u8], lossy: bool, what: &str, within: &str) -> Result<std::borrow::Cow<'b, str>, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(std::borrow::Cow::Borrowed(s)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(err(format!("{what}: invalid UTF-8 at byte {}{within} (use --lossy to replace bad bytes)", e.valid_up_to()))),
    }
}

/// Checks that a text looks like text: not empty, no NUL bytes.
pub fn check_text(text: &str, what: &str) -> Result<(), InputError> {
    if text.trim().is_empty() {
        return Err(err(format!("{what}: empty article")));
    }
    if let Some(i) = text.find('\0') {
        return Err(err(format!("{what}: binary data (NUL byte at offset {i})")));
    }
    Ok(())
}

/// The readable text of an HTML page: the `<article>` (else `<main>`, else `<body>`),
/// without scripts, styles, navigation, headers, footers and forms; one paragraph per block.
pub fn html_to_text(html: &str) -> String {
    use scraper::{Html, Node, Selector};
    let page = Html::parse_document(html);
    let root = ["article", "main", "body"]
        .iter()
        .find_map(|sel| page.select(&Selector::parse(sel).expect("static selector")).next())
        .map(|e| *e)
        .unwrap_or_else(|| *page.root_element());
    const SKIP: &[&str] =
        &["script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "svg", "button", "template", "figure"];
    const BLOCK: &[&str] = &[
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "section",
        "article",
        "br",
        "tr",
        "ul",
        "ol",
        "table",
        "pre",
        "dd",
        "dt",
        "figcaption",
    ];
    let mut out = String::new();
    let mut stack = vec![(root, false)];
    // Iterative walk: deep pages must not overflow the stack.
    while let Some((node, leaving)) = stack.pop() {
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                let block = BLOCK.contains(&name);
                if leaving {
                    if block && !out.ends_with("\n\n") && !out.is_empty() {
                        out.push_str("\n\n");
                    }
                    continue;
                }
                if block && !out.is_empty() && !out.ends_with("\n\n") {
                    out.push_str("\n\n");
                }
                stack.push((node, true));
                let children: Vec<_> = node.children().collect();
                for c in children.into_iter().rev() {
                    stack.push((c, false));
                }
            }
            Node::Text(t) => {
                let s: &str = t;
                let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if !collapsed.is_empty() {
                    if s.starts_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                    out.push_str(&collapsed);
                    if s.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
            _ => {
                if !leaving {
                    for c in node.children().collect::<Vec<_>>().into_iter().rev() {
                        stack.push((c, false));
                    }
                }
            }
        }
    }
    out.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// Deepest nesting of block elements accepted in an HTML page. The HTML parser checks the whole
/// stack of open elements at each block start tag, so its time grows with the square of the
/// depth (200,000 nested `<div>`s: over two minutes); real pages stay far below this.
pub const MAX_HTML_DEPTH: usize = 5000;

/// Block elements whose start tag makes the HTML parser scan its stack of open elements, and that
/// nest when left open (`<p>` is left out: an open `<p>` is closed by the next one).
const SCANNING_BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "search",
    "section",
    "summary",
    "ul",
];

/// An estimate of the deepest nesting of [`SCANNING_BLOCKS`] in `html`, from its tags alone
/// (one linear pass; comments and scripts are not special-cased, which can only over-count
/// tags written inside them).
pub fn html_block_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'<') {
        i += k + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + closing as usize;
        let len = bytes[start..].iter().take(12).take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = &bytes[start..start + len];
        if len > 0 && SCANNING_BLOCKS.iter().any(|b| b.as_bytes().eq_ignore_ascii_case(name)) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

/// Metadata fields taken from the top level of a JSONL object (anything under `meta` is kept too).
const META_FIELDS: &[&str] =
    &["outlet", "author", "date", "url", "title", "section", "publisher", "source", "language", "byline", "published"];

/// Parses one JSON Lines record (`line_no` counts from 1).
pub fn parse_jsonl_line(line: &[u8], line_no: usize, file: &str, lossy: bool) -> Result<Article, (Value, InputError)> {
    let fallback_id = Value::from(line_no);
    let what = format!("{file}:{line_no}");
    // A byte-order mark can only start the file, so only line 1 may carry one.
    let line = if line_no == 1 { line.strip_prefix(UTF8_BOM).unwrap_or(line) } else { line };
    let s = decode_in(line, lossy, &what, " of the line").map_err(|e| (fallback_id.clone(), e))?;
    let v: Value = serde_json::from_str(&s).map_err(|e| (fallback_id.clone(), err(format!("{what}: malformed JSON: {e}"))))?;
    let Value::Object(mut obj) = v else {
        return Err((fallback_id, err(format!("{what}: expected a JSON object"))));
    };
    let id = obj.remove("id").filter(|v| !v.is_null()).unwrap_or(fallback_id);
    let text = match obj.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err((id, err(format!("{what}: \"text\" is not a string")))),
        None => return Err((id, err(format!("{what}: no \"text\" field")))),
    };
    article(obj, id, text, &what)
}

/// The article of a parsed record: its text, and its metadata from `meta` and the top level.
pub(crate) fn article(mut obj: Map<String, Value>, id: Value, text: String, what: &str) -> Result<Article, (Value, InputError)> {
    let mut meta = Map::new();
    if let Some(Value::Object(m)) = obj.remove("meta") {
        meta = m;
    }
    for f in META_FIELDS {
        if let Some(v) = obj.remove(*f) {
            meta.entry(f.to_string()).or_insert(v);
        }
    }
    // (`memchr` is the vectorised search; `str::find` with a `char` scans a word at a time. A
    // NUL byte in UTF-8 is only ever the character U+0000, so the offsets are the same.)
    if let Some(i) = memchr::memchr(0, text.as_bytes()) {
        let e = nul_in_text(what, &id, i);
        return Err((id, e));
    }
    Ok(Article { id, meta, text, extracted: false })
}

/// The error for a record's text holding a NUL character at byte `i`.
pub(crate) fn nul_in_text(what: &str, id: &Value, i: usize) -> InputError {
    err(format!("{what} (id {id}): binary data (NUL byte at offset {i})"))
}

/// [`parse_jsonl_line`] for a line it may take: the same article or error, but a huge article
/// is not held twice. The line is checked as UTF-8 once: a line of up to [`COPY_TEXT_BYTES`] has
/// its text unescaped into a string of its own, read from the checked line; a longer one has it
/// unescaped in place, in the line's own buffer, which becomes the article's text (checked again
/// as UTF-8, the price of not holding the line and a full copy of its text at once: `serde_json`
/// would hold the line, an unescaping buffer and the text). Lines that are not valid UTF-8, or
/// that are not a plain record (malformed, no string `text`, an unpaired surrogate escape, ...),
/// go through [`parse_jsonl_line`], for its result and its message.
pub fn parse_jsonl_line_owned(mut line: Vec<u8>, line_no: usize, file: &str, lossy: bool) -> Result<Article, (Value, InputError)> {
    let bom = if line_no == 1 && line.starts_with(UTF8_BOM) { UTF8_BOM.len() } else { 0 };
    let Ok(record) = std::str::from_utf8(&line[bom..]) else {
        return parse_jsonl_line(&line, line_no, file, lossy);
    };
    // A short line's text is found and unescaped by a scan of our own, in one pass.
    if line.len() <= COPY_TEXT_BYTES {
        if let Some((mut obj, text)) = record_with_text(record) {
            let fallback_id = Value::from(line_no);
            let id = obj.remove("id").filter(|v| !v.is_null()).unwrap_or(fallback_id);
            return article(obj, id, text, &format!("{file}:{line_no}"));
        }
    }
    let Some((mut obj, raw)) = record_fields(record) else {
        return parse_jsonl_line(&line, line_no, file, lossy);
    };
    // The text's content, between its quotation marks, as a range of `record`.
    let content = raw.start + 1..raw.end - 1;
    let text = if line.len() <= COPY_TEXT_BYTES {
        // (An unpaired surrogate escape stops the unescaping, which reads the escapes anyway: no
        // pass of `plain_escapes` first.)
        match unescape(&record[content]) {
            Some(text) => text,
            None => return parse_jsonl_line(&line, line_no, file, lossy),
        }
    } else {
        if !plain_escapes(&record.as_bytes()[content.clone()]) {
            return parse_jsonl_line(&line, line_no, file, lossy);
        }
        let content = content.start + bom..content.end + bom;
        unescape_in_place(&mut line, content);
        // (Valid UTF-8 with escapes replaced by the characters they stand for is valid UTF-8; the
        // lossy conversion is never taken.)
        String::from_utf8(line).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    };
    let fallback_id = Value::from(line_no);
    let id = obj.remove("id").filter(|v| !v.is_null()).unwrap_or(fallback_id);
    article(obj, id, text, &format!("{file}:{line_no}"))
}

/// The longest line whose text [`parse_jsonl_line_owned`] unescapes into a string of its own
/// (for a moment both are held: a section's worth at most, as analysis holds anyway) rather than
/// in the line's buffer.
const COPY_TEXT_BYTES: usize = crate::text::SECTION_BYTES;

/// The fields of a JSON object on one line, but the last `text` field (a string) as its range
/// in `line`, not parsed: `None` unless the line is valid UTF-8 holding exactly one object with
/// a string `text`.
fn record_fields(s: &str) -> Option<(Map<String, Value>, std::ops::Range<usize>)> {
    use serde::de::{Deserializer, MapAccess, Visitor};
    use serde_json::value::RawValue;
    struct Fields<'a>(Map<String, Value>, Option<&'a RawValue>);
    struct FieldsVisitor;
    impl<'de> Visitor<'de> for FieldsVisitor {
        type Value = Fields<'de>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
            let mut fields = Fields(Map::new(), None);
            while let Some(key) = map.next_key::<String>()? {
                // Later fields of the same name replace earlier ones, as in a `Value`.
                if key == "text" {
                    fields.1 = Some(map.next_value()?);
                } else {
                    fields.0.insert(key, map.next_value()?);
                }
            }
            Ok(fields)
        }
    }
    let mut de = serde_json::Deserializer::from_str(s);
    let Fields(obj, raw) = (&mut de).deserialize_map(FieldsVisitor).ok()?;
    de.end().ok()?;
    let raw = raw?.get();
    if !raw.starts_with('"') {
        return None;
    }
    // `raw` borrows from `s`: its range is where it starts in `s`.
    let start = raw.as_ptr() as usize - s.as_ptr() as usize;
    Some((obj, start..start + raw.len()))
}

/// [`record_fields`] with the text unescaped, for a line whose `text` field is found by a scan
/// of our own: the fields before it are passed over (not checked: `serde_json` checks them
/// below), the text is checked and unescaped in one pass that reads each byte once, and the
/// other fields are parsed by `serde_json` from a copy of the line with the text's value
/// replaced by `""` (a copy of the other fields only: id and metadata, a few hundred bytes).
/// `serde_json` had scanned the whole text for its end, then [`unescape`] scanned it again for
/// its escapes. `None` whenever this scan is not sure to give what [`record_fields`] and
/// [`unescape`] give, or they would give nothing: a field name with an escape, a `text` that is
/// not a string or that `serde_json` would refuse (a control character, a bad escape), an
/// unpaired surrogate escape, a second `text` field, a malformed line; the caller then takes
/// the general path, for its result and its messages.
fn record_with_text(record: &str) -> Option<(Map<String, Value>, String)> {
    let value = top_level_text_value(record.as_bytes())?;
    let (text, value_end) = unescape_string(record, value)?;
    let mut others = String::with_capacity(record.len() - (value_end - value) + 2);
    others.push_str(&record[..value]);
    others.push_str("\"\"");
    others.push_str(&record[value_end..]);
    let (obj, raw) = record_fields(&others)?;
    // (The text `serde_json` took is the `""` put in its place, not a later `text` field.)
    (raw == (value..value + 2)).then_some((obj, text))
}

/// JSON white space.
fn skip_json_space(s: &[u8], mut i: usize) -> usize {
    while matches!(s.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// Where the value of the `text` field of the object `s` starts, when a field named `text`
/// (written without escapes) is found at its top level. The fields before it are passed over,
/// not checked: a well-formed line is read right, and a malformed one is turned away later, by
/// `serde_json`'s parse of the line's other fields.
fn top_level_text_value(s: &[u8]) -> Option<usize> {
    let mut i = skip_json_space(s, 0);
    if s.get(i) != Some(&b'{') {
        return None;
    }
    loop {
        i = skip_json_space(s, i + 1);
        if s.get(i) != Some(&b'"') {
            return None;
        }
        let name = i + 1;
        let name_end = name + memchr::memchr2(b'"', b'\\', &s[name..])?;
        if s[name_end] != b'"' {
            return None;
        }
        i = skip_json_space(s, name_end + 1);
        if s.get(i) != Some(&b':') {
            return None;
        }
        i = skip_json_space(s, i + 1);
        if &s[name..name_end] == b"text" {
            return Some(i);
        }
        i = skip_json_space(s, skip_json_value(s, i)?);
        if s.get(i) != Some(&b',') {
            return None;
        }
    }
}

/// The end of the JSON value starting at `i` (assumed well formed: see [`top_level_text_value`]).
fn skip_json_value(s: &[u8], i: usize) -> Option<usize> {
    match s.get(i)? {
        b'"' => skip_json_string(s, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match s.get(j)? {
                    b'"' => {
                        j = skip_json_string(s, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        // A number, `true`, `false` or `null`.
        _ => Some(i + s[i..].iter().position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))?),
    }
}

/// The end of the JSON string whose opening mark is at `i` (past its closing mark).
fn skip_json_string(s: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        j += memchr::memchr2(b'"', b'\\', &s[j..])?;
        if s[j] == b'"' {
            return Some(j + 1);
        }
        j += 2;
        if j > s.len() {
            return None;
        }
    }
}

/// The JSON string at byte `at` of `record` (its opening mark) unescaped, and the end of the
/// string (past its closing mark): checked as `serde_json` checks a string (no control
/// character, only its escapes, four hex digits after `\u`), and `None` where it would refuse
/// one, or where [`unescape`] would give nothing (an unpaired surrogate escape). The runs between
/// escapes are copied as the `str` they are.
fn unescape_string(record: &str, at: usize) -> Option<(String, usize)> {
    let bytes = record.as_bytes();
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut out = String::with_capacity(bytes.len() - at);
    let mut r = at + 1;
    loop {
        // (An escape right after another, as in the `\n\n` between paragraphs, is found without
        // calling `memchr2`.)
        let k = if bytes.get(r) == Some(&b'\\') { 0 } else { memchr::memchr2(b'"', b'\\', &bytes[r..])? };
        if k > 0 {
            let run = &record[r..r + k];
            // (The least byte of the run, in a loop that the compiler vectorises.)
            if run.bytes().fold(u8::MAX, u8::min) < 0x20 {
                return None;
            }
            out.push_str(run);
        }
        r += k;
        if bytes[r] == b'"' {
            return Some((out, r + 1));
        }
        let escape = &bytes[r..];
        let hex_at = |i: usize| escape.get(i..i + 4).is_some_and(|d| d.iter().all(u8::is_ascii_hexdigit));
        match escape.get(1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
            b'u' if hex_at(2) => {
                // (A lead surrogate followed by a second escape: `escaped_char` reads that one's
                // digits too, so they are checked here first.)
                if (0xD800..=0xDBFF).contains(&hex4(&escape[2..6])) && escape[6..].starts_with(b"\\u") && !hex_at(8) {
                    return None;
                }
            }
            _ => return None,
        }
        let (c, len) = escaped_char(escape)?;
        out.push(c);
        r += len;
    }
}

/// Whether every `\u` escape in a JSON string's content (already checked by the parser) is a
/// character, or a pair of surrogates making one: what `serde_json` accepts in a `String`.
fn plain_escapes(content: &[u8]) -> bool {
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &content[i..]) {
        i += k;
        if content[i + 1] != b'u' {
            i += 2;
            continue;
        }
        match hex4(&content[i + 2..i + 6]) {
            0xD800..=0xDBFF if content[i + 6..].starts_with(b"\\u") && (0xDC00..=0xDFFF).contains(&hex4(&content[i + 8..i + 12])) => {
                i += 12
            }
            0xD800..=0xDFFF => return false,
            _ => i += 6,
        }
    }
    true
}

/// The value of four hex digits (checked by the parser).
fn hex4(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, &d| n * 16 + (d as char).to_digit(16).unwrap_or(0))
}

/// The character the escape at the start of `escape` stands for, and the escape's length (a
/// surrogate pair is one escape of 12 bytes), or `None` for a surrogate escape that is not one
/// of a pair (what [`plain_escapes`] turns away). The escape was checked by the parser.
fn escaped_char(escape: &[u8]) -> Option<(char, usize)> {
    Some(match escape[1] {
        b'"' => ('"', 2),
        b'\\' => ('\\', 2),
        b'/' => ('/', 2),
        b'b' => ('\x08', 2),
        b'f' => ('\x0c', 2),
        b'n' => ('\n', 2),
        b'r' => ('\r', 2),
        b't' => ('\t', 2),
        _ => {
            let n = hex4(&escape[2..6]);
            let (c, len) = match n {
                0xD800..=0xDBFF if escape[6..].starts_with(b"\\u") && (0xDC00..=0xDFFF).contains(&hex4(&escape[8..12])) => {
                    (0x1_0000 + ((n - 0xD800) << 10) + (hex4(&escape[8..12]) - 0xDC00), 12)
                }
                0xD800..=0xDFFF => return None,
                _ => (n, 6),
            };
            (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), len)
        }
    })
}

/// The unescaped JSON string content `content` (checked by the parser), in a string of its own,
/// or `None` at an unpaired surrogate escape: the runs between escapes are copied as the `str`
/// they are, so the text is not checked as UTF-8 again.
fn unescape(content: &str) -> Option<String> {
    let mut out = String::with_capacity(content.len());
    let mut r = 0;
    // (An escape right after another, as in the `\n\n` between paragraphs, is found without
    // calling `memchr`.)
    let next_escape = |r: usize| match content.as_bytes().get(r) {
        Some(b'\\') => Some(0),
        _ => memchr::memchr(b'\\', &content.as_bytes()[r..]),
    };
    while let Some(k) = next_escape(r) {
        // (A backslash is ASCII: the run ends at a character boundary.)
        if k > 0 {
            out.push_str(&content[r..r + k]);
        }
        let (c, len) = escaped_char(&content.as_bytes()[r + k..])?;
        out.push(c);
        r += k + len;
    }
    out.push_str(&content[r..]);
    Some(out)
}

/// Replaces `buf` with the unescaped JSON string content at `content` (checked by the parser and
/// [`plain_escapes`]). Each escape is longer than the character it stands for, so the text is
/// written from the start of the buffer, never past what is still to be read.
fn unescape_in_place(buf: &mut Vec<u8>, content: std::ops::Range<usize>) {
    let (mut w, mut r, end) = (0, content.start, content.end);
    while r < end {
        let run = memchr::memchr(b'\\', &buf[r..end]).map_or(end, |k| r + k);
        buf.copy_within(r..run, w);
        w += run - r;
        r = run;
        if r == end {
            break;
        }
        let mut utf8 = [0u8; 4];
        let (c, len) = escaped_char(&buf[r..end]).expect("plain_escapes turned away unpaired surrogates");
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        buf[w..w + bytes.len()].copy_from_slice(bytes);
        w += bytes.len();
        r += len;
    }
    buf.truncate(w);
    // Give back the rest of the line's buffer (for a huge line, whole pages).
    buf.shrink_to_fit();
}

/// Reads one whole-file article (text or HTML).
pub fn article_from_file(name: &str, bytes: &[u8], format: Format, lossy: bool) -> Result<Article, InputError> {
    let format = if format == Format::Auto { detect_format(name, bytes) } else { format };
    if bytes.is_empty() {
        return Err(err(format!("{name}: empty file")));
    }
    if !lossy && bytes.contains(&0) {
        let i = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(err(format!("{name}: binary data (NUL byte at offset {i})")));
    }
    let raw = decode(bytes, lossy, name)?;
    let (text, extracted) = match format {
        Format::Html => {
            let depth = html_block_depth(&raw);
            if depth > MAX_HTML_DEPTH {
                return Err(err(format!(
                    "{name}: HTML nested too deeply ({depth} levels of block elements; the limit is {MAX_HTML_DEPTH})"
                )));
            }
            (html_to_text(&raw), true)
        }
        _ => (raw, false),
    };
    check_text(&text, name)?;
    Ok(Article { id: Value::from(name), meta: Map::new(), text, extracted })
}

/// [`article_from_file`] for bytes it may take: the bytes of a text file become the article's
/// text, not a copy of them (a huge file is held once). HTML, and bytes that are not valid
/// UTF-8, go through [`article_from_file`], for the same result and message.
pub fn article_from_file_owned(name: &str, bytes: Vec<u8>, format: Format, lossy: bool) -> Result<Article, InputError> {
    let format = if format == Format::Auto { detect_format(name, &bytes) } else { format };
    if format == Format::Html || bytes.is_empty() || (!lossy && bytes.contains(&0)) {
        return article_from_file(name, &bytes, format, lossy);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            check_text(&text, name)?;
            Ok(Article { id: Value::from(name), meta: Map::new(), text, extracted: false })
        }
        Err(e) => article_from_file(name, e.as_bytes(), format, lossy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The readers that take their input give the same article, or the same error, as the others.
    #[test]
    fn owned_inputs_read_as_the_borrowed_ones() {
        let lines: &[&[u8]] = &[
            br#"{"id": 7, "text": "\u201cYes,\u201d she said.\n\nNo \"quotes\" \\ here\/ \b\f\r\t.", "outlet": "Ap", "meta": {"date": "x"}}"#,
            br#"{"id":"a","text":"plain text, nothing to unescape"}"#,
            "{\"text\": \"caf\u{e9} \u{1F600} \\ud83d\\ude00 and \\u00e9\\u0041\"}".as_bytes(),
            br#"{"text": "lone \ud83d here"}"#,
            br#"{"text": "lone \ude00 here"}"#,
            br#"{"text": "lead then other \ud83d\u0041"}"#,
            br#"{"text": "nul \u0000 inside"}"#,
            br#"{"text": "first", "text": "second", "id": 1, "id": null}"#,
            br#"{"text": "first", "text": 5}"#,
            br#"{"te\u0078t": "escaped key"}"#,
            br#"{"id": 3}"#,
            br#"{"text": 3}"#,
            br#"["text"]"#,
            br#"{"text": "unterminated}"#,
            br#"{"text": "x"} trailing"#,
            br#"{"text": "bad \q escape"}"#,
            b"{\"text\": \"raw control \x01 char\"}",
            b"\xEF\xBB\xBF{\"text\": \"after a BOM \\n\"}",
            b"{\"text\": \"invalid \xFF UTF-8\"}",
            b"",
            // (For `record_with_text`'s scan: fields before the text of every kind, nested
            // `text` fields, white space, and texts that end or break off inside an escape.)
            br#" { "meta" : {"text": "inner", "a": [1, {"text": 2}, "]}"]}, "n": -1.5e3, "t": true, "z": null , "s": "a\"b\\", "text" : "the \u00e9 text" , "id": "x" } "#,
            br#"{"a": [[], {}], "text": "x", "meta": {"outlet": "o"}, "author": "b"}"#,
            br#"{"a": "\"text\": \"no\"", "text": "yes"}"#,
            br#"{"text": "first", "meta": {}, "text": "second"}"#,
            br#"{"id": 1 "text": "missing comma"}"#,
            br#"{"id": [1, "text": "x"}"#,
            br#"{"text": "pair with a bad digit \ud83d\ude0g"}"#,
            br#"{"text": "bad digit \u00g9"}"#,
            br#"{"text": "cut \u00"}"#,
            br#"{"text": "cut \"#,
            br#"{"text": "ends in a lead \ud83d\u"}"#,
            b"{\"text\": \"tab\tinside\"}",
            b"{\"text\": \"delete \x7F is no control character\"}",
            br#"{"text": "x", "id": 1}}"#,
            br#"{"text": "x""#,
        ];
        for &line in lines {
            for lossy in [false, true] {
                let a = parse_jsonl_line(line, 1, "f", lossy);
                let b = parse_jsonl_line_owned(line.to_vec(), 1, "f", lossy);
                match (a, b) {
                    (Ok(a), Ok(b)) => {
                        assert_eq!((a.id, a.meta, a.text, a.extracted), (b.id, b.meta, b.text, b.extracted), "{line:?}")
                    }
                    (Err(a), Err(b)) => assert_eq!(a, b, "{line:?}"),
                    (a, b) => panic!("{line:?}: {:?} against {:?}", a.map(|a| a.text), b.map(|b| b.text)),
                }
            }
        }
        for bytes in [&b"plain text"[..], b"", b"  \n ", b"nul \0 byte", b"bad \xFF byte", b"<p>Hello</p>", b"\xEF\xBB\xBFbom"] {
            for (name, format) in [("a.txt", Format::Auto), ("a.html", Format::Auto), ("a", Format::Text), ("a", Format::Auto)] {
                for lossy in [false, true] {
                    let a = article_from_file(name, bytes, format, lossy).map(|a| (a.id, a.text, a.extracted));
                    let b = article_from_file_owned(name, bytes.to_vec(), format, lossy).map(|a| (a.id, a.text, a.extracted));
                    assert_eq!(a, b, "{bytes:?} {name} {format:?} {lossy}");
                }
            }
        }
        // The text of a long line is the line's own buffer, unescaped where it lay; a shorter
        // line's is a string of its own. Both read every escape as serde_json does.
        let text = "“We are ready,” said Gen. Ana Ruiz.\n\n".repeat(10_000);
        let line = serde_json::to_vec(&serde_json::json!({"id": "long", "text": text})).unwrap();
        assert!(line.len() > COPY_TEXT_BYTES);
        assert_eq!(parse_jsonl_line_owned(line, 2, "f", false).unwrap().text, text);
        let escaped = r#""\u201cA\u201d \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t caf\u00e9 \u0000 é end""#;
        let expected: String = serde_json::from_str(escaped).unwrap();
        let content = &escaped[1..escaped.len() - 1];
        assert_eq!(unescape(content).unwrap(), expected);
        for lone in [r"a \ud83d b", r"a \ude00 b", r"\ud83d\u0041", r"\ud83d\n", r"end \ud83d"] {
            assert!(!plain_escapes(lone.as_bytes()) && unescape(lone).is_none(), "{lone}");
        }
        // The scan takes plain records itself (the others above may go either way, with the
        // same result).
        for line in [&br#"{"id": 7, "text": "a \"b\" \n\n\u201cc\ud83d\ude00", "meta": {"x": [1]}}"#[..], br#"{"text":""}"#] {
            assert!(record_with_text(std::str::from_utf8(line).unwrap()).is_some(), "{line:?}");
        }
        let mut buf = escaped.as_bytes().to_vec();
        unescape_in_place(&mut buf, 1..escaped.len() - 1);
        assert_eq!(String::from_utf8(buf).unwrap(), expected);
    }
}
