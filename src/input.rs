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
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

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
    let mut meta = Map::new();
    if let Some(Value::Object(m)) = obj.remove("meta") {
        meta = m;
    }
    for f in META_FIELDS {
        if let Some(v) = obj.remove(*f) {
            meta.entry(f.to_string()).or_insert(v);
        }
    }
    let what_id = format!("{what} (id {id})");
    if let Some(i) = text.find('\0') {
        return Err((id, err(format!("{what_id}: binary data (NUL byte at offset {i})"))));
    }
    Ok(Article { id, meta, text, extracted: false })
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
