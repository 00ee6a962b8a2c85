//! One JSON Lines record read in pieces, its text analysed as it is read.
//!
//! In: a line too long to hold (its first bytes, and a reader of the rest, which ends where the
//! line ends). Out: the record written, the same bytes as for the line held whole
//! ([`crate::input::parse_jsonl_line_owned`], [`crate::analyze`], [`crate::wire`]), or an error
//! (nothing written), or the line itself when its text never began.
//!
//! The top-level object is read incrementally: every field but `text` is gathered (raw, then
//! parsed by `serde_json` as [`crate::input`] parses it: same values, same meta rules), and the
//! `text` string is unescaped as it comes (the escapes of the in-place reader, a surrogate pair
//! possibly split between pieces) into a [`TextStream`]. Until the text begins, the line's bytes
//! are kept: a line whose text never begins (a huge other field, no text, not an object, broken
//! before its text) goes back whole to the reader that holds lines, for the same result and
//! message. After that, a broken line gets a message of this reader's own (serde's words, the
//! column counted in bytes of the line), invalid UTF-8 the same message as a held line.

use super::analysis::TextStream;
use super::utf8::Utf8;
use crate::input::{self, InputError};
use serde_json::{Map, Value};
use std::io::{self, Read, Write};

/// What became of a long line.
pub enum LineOutcome {
    /// White space only: no record.
    Blank,
    /// Its text never began: the whole line (trailing `\r` removed), to read as any other line.
    Whole(Vec<u8>),
    /// Its record was written (with its newline).
    Written,
    /// It could not be read (the id, or the line number when there is none, and why): nothing was
    /// written.
    Failed(Value, InputError),
    /// Its analysis panicked (the record's id): nothing was written.
    Panicked(Value),
}

/// Bytes read from the rest of the line at a time.
const PIECE: usize = 1 << 20;
/// Bytes of unescaped text gathered before they are given to the analysis.
const PENDING: usize = 64 << 10;

/// Reads the line `head` + `rest` (`line_no` counts from 1; `lossy` replaces invalid UTF-8), and
/// writes its record into `out` (see [`LineOutcome`]). Errors are those of reading `rest` and
/// writing `out`.
pub fn analyze_long_line<W: Write + ?Sized>(
    head: Vec<u8>,
    rest: &mut dyn Read,
    (file, line_no): (&str, usize),
    lossy: bool,
    out: &mut W,
) -> io::Result<LineOutcome> {
    analyze_long_line_in_sections(head, rest, (file, line_no), lossy, crate::text::SECTION_BYTES, out)
}

/// [`analyze_long_line`] with sections of `section_bytes` (see [`crate::analyze_in_sections`]).
pub fn analyze_long_line_in_sections<W: Write + ?Sized>(
    head: Vec<u8>,
    rest: &mut dyn Read,
    (file, line_no): (&str, usize),
    lossy: bool,
    section_bytes: usize,
    out: &mut W,
) -> io::Result<LineOutcome> {
    let bom = if line_no == 1 && head.starts_with(input::UTF8_BOM) { input::UTF8_BOM.len() } else { 0 };
    let mut utf8 = Utf8::new(lossy);
    let mut parser = Parser::new(section_bytes);
    let mut blank = head.iter().all(u8::is_ascii_whitespace);
    utf8.feed(&head[bom..], false, &mut |s| parser.feed(s));
    // The line's bytes while its text has not begun.
    let mut kept = (!parser.began).then_some(head);
    let mut piece = vec![0u8; PIECE];
    loop {
        let n = match rest.read(&mut piece) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let bytes = &piece[..n];
        blank &= bytes.iter().all(u8::is_ascii_whitespace);
        utf8.feed(bytes, false, &mut |s| parser.feed(s));
        if parser.began {
            kept = None;
        } else if let Some(k) = &mut kept {
            k.extend_from_slice(bytes);
        }
    }
    utf8.feed(&[], true, &mut |s| parser.feed(s));
    if let Some(mut line) = kept {
        if blank {
            return Ok(LineOutcome::Blank);
        }
        while line.last() == Some(&b'\r') {
            line.pop();
        }
        return Ok(LineOutcome::Whole(line));
    }
    let what = format!("{file}:{line_no}");
    let fallback_id = Value::from(line_no);
    if let Some(at) = utf8.error {
        let message = format!("{what}: invalid UTF-8 at byte {at} of the line (use --lossy to replace bad bytes)");
        return Ok(LineOutcome::Failed(fallback_id, InputError { message }));
    }
    let Parser { state, error, pos, mut obj, last_text, text, nul_at, io_error, .. } = parser;
    let error = error.or_else(|| match state {
        State::Done => None,
        State::Text => Some(format!("EOF while parsing a string at line 1 column {pos}")),
        _ => Some(format!("EOF while parsing an object at line 1 column {pos}")),
    });
    if let Some(e) = error {
        return Ok(LineOutcome::Failed(fallback_id, InputError { message: format!("{what}: malformed JSON: {e}") }));
    }
    let id = obj.remove("id").filter(|v| !v.is_null()).unwrap_or(fallback_id);
    if let Some(e) = io_error {
        return Ok(LineOutcome::Failed(id, InputError { message: format!("{what}: temporary file: {e}") }));
    }
    if last_text != LastText::String {
        return Ok(LineOutcome::Failed(id, InputError { message: format!("{what}: \"text\" is not a string") }));
    }
    // (The record's meta, by the rules of a held line; an empty text has no NUL.)
    let meta = match input::article(obj, id, String::new(), &what) {
        Ok(a) => (a.id, a.meta),
        Err((id, e)) => return Ok(LineOutcome::Failed(id, e)),
    };
    let (id, meta) = meta;
    if let Some(i) = nul_at {
        let e = input::nul_in_text(&what, &id, i);
        return Ok(LineOutcome::Failed(id, e));
    }
    let Some(mut text) = text else {
        return Ok(LineOutcome::Failed(id, InputError { message: format!("{what}: no \"text\" field") }));
    };
    match text.finish() {
        Ok(true) => {}
        Ok(false) => return Ok(LineOutcome::Panicked(id)),
        Err(e) => return Ok(LineOutcome::Failed(id, InputError { message: format!("{what}: temporary file: {e}") })),
    }
    text.write(out, &id, &meta)?;
    out.write_all(b"\n")?;
    Ok(LineOutcome::Written)
}

/// Where the reader is in the top-level object.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Before the `{`.
    Start,
    /// After `{` (`first`) or `,`: a key next.
    Key { first: bool },
    /// Inside a key.
    InKey,
    /// After a key.
    Colon,
    /// After the `:`.
    Value,
    /// Inside the `text` string.
    Text,
    /// Inside another value.
    Raw,
    /// After a value: `,` or `}`.
    AfterValue,
    /// After the `}`: white space only.
    Done,
}

/// Where the reader is in an escape of the text.
#[derive(Clone, Copy)]
enum Escape {
    None,
    /// After `\`.
    Backslash,
    /// In the hex digits of `\u` (`digits` read, worth `value`), after a leading surrogate `high`.
    Hex {
        value: u32,
        digits: u8,
        high: Option<u32>,
    },
    /// After a leading surrogate: `\u` and a trailing one must follow (`backslash` once `\` has).
    High {
        high: u32,
        backslash: bool,
    },
}

/// What the last `text` field was.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LastText {
    None,
    String,
    Other,
}

struct Parser {
    section_bytes: usize,
    state: State,
    /// Bytes of the line read before the current piece.
    pos: usize,
    /// The first syntax error: nothing is read after it.
    error: Option<String>,
    /// The current key, raw (quotes and escapes), and whether its last byte was an escaping `\`.
    key: Vec<u8>,
    key_escaped: bool,
    /// The current key, parsed.
    name: String,
    /// The current value other than the text, raw; where it started; its nesting depth; whether
    /// the reader is in a string of it, and after an escaping `\` there.
    raw: Vec<u8>,
    raw_at: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
    escape: Escape,
    /// The fields other than `text`, parsed.
    obj: Map<String, Value>,
    last_text: LastText,
    /// A text string has begun: the line cannot be given back whole.
    began: bool,
    /// The last text's analysis (none after a NUL, which makes the record an error).
    text: Option<TextStream>,
    /// Text unescaped but not yet given to `text` (given a piece at a time, not a character).
    pending: String,
    /// The last text's length so far, and where its first NUL is.
    text_len: usize,
    nul_at: Option<usize>,
    /// The first error of the temporary files.
    io_error: Option<io::Error>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Parser {
    fn new(section_bytes: usize) -> Parser {
        Parser {
            section_bytes,
            state: State::Start,
            pos: 0,
            error: None,
            key: Vec::new(),
            key_escaped: false,
            name: String::new(),
            raw: Vec::new(),
            raw_at: 0,
            depth: 0,
            in_string: false,
            escaped: false,
            escape: Escape::None,
            obj: Map::new(),
            last_text: LastText::None,
            began: false,
            text: None,
            pending: String::new(),
            text_len: 0,
            nul_at: None,
            io_error: None,
        }
    }

    /// Records a syntax error at byte `i` of the current piece (serde_json's words for it).
    fn fail(&mut self, i: usize, what: &str) {
        if self.error.is_none() {
            self.error = Some(format!("{what} at line 1 column {}", self.pos + i + 1));
        }
    }

    /// Reads the next piece of the line.
    fn feed(&mut self, s: &str) {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() && self.error.is_none() {
            match self.state {
                State::Text => {
                    i = self.text_run(s, i);
                    continue;
                }
                State::Raw => {
                    i = self.raw_run(b, i);
                    continue;
                }
                State::InKey => {
                    i = self.key_run(b, i);
                    continue;
                }
                _ => {}
            }
            let c = b[i];
            if is_space(c) {
                i += 1;
                continue;
            }
            match self.state {
                State::Start if c == b'{' => self.state = State::Key { first: true },
                // (The line is not an object: it is kept whole, as its text never begins.)
                State::Start => self.fail(i, "expected a JSON object"),
                State::Key { .. } if c == b'"' => {
                    self.key.clear();
                    self.key.push(c);
                    self.key_escaped = false;
                    self.state = State::InKey;
                }
                State::Key { first: true } if c == b'}' => self.state = State::Done,
                State::Key { first: false } if c == b'}' => self.fail(i, "trailing comma"),
                State::Key { .. } => self.fail(i, "key must be a string"),
                State::Colon if c == b':' => self.state = State::Value,
                State::Colon => self.fail(i, "expected `:`"),
                State::Value if c == b'"' && self.name == "text" => self.begin_text(),
                State::Value if matches!(c, b',' | b'}' | b']' | b':') => self.fail(i, "expected value"),
                State::Value => {
                    self.raw.clear();
                    self.raw.push(c);
                    self.raw_at = self.pos + i;
                    self.in_string = c == b'"';
                    self.escaped = false;
                    self.depth = usize::from(matches!(c, b'{' | b'['));
                    self.state = State::Raw;
                }
                State::AfterValue if c == b',' => self.state = State::Key { first: false },
                State::AfterValue if c == b'}' => self.state = State::Done,
                State::AfterValue => self.fail(i, "expected `,` or `}`"),
                State::Done => self.fail(i, "trailing characters"),
                State::Text | State::Raw | State::InKey => unreachable!("handled above"),
            }
            i += 1;
        }
        self.pos += b.len();
        self.flush();
    }

    /// Reads a key from byte `i` on; returns where it stopped.
    fn key_run(&mut self, b: &[u8], mut i: usize) -> usize {
        while i < b.len() {
            let c = b[i];
            self.key.push(c);
            i += 1;
            if self.key_escaped {
                self.key_escaped = false;
            } else if c == b'\\' {
                self.key_escaped = true;
            } else if c == b'"' {
                match serde_json::from_slice::<String>(&self.key) {
                    Ok(name) => self.name = name,
                    Err(e) => self.fail(i - 1, &serde_words(&e)),
                }
                self.state = State::Colon;
                break;
            }
        }
        i
    }

    /// Reads a value other than the text from byte `i` on; returns where it stopped.
    fn raw_run(&mut self, b: &[u8], mut i: usize) -> usize {
        while i < b.len() {
            let c = b[i];
            if self.in_string {
                self.raw.push(c);
                i += 1;
                if self.escaped {
                    self.escaped = false;
                } else if c == b'\\' {
                    self.escaped = true;
                } else if c == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        self.end_raw();
                        break;
                    }
                }
                continue;
            }
            match c {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' if self.depth > 0 => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        self.raw.push(c);
                        self.end_raw();
                        return i + 1;
                    }
                }
                // (A number or a literal ends at what follows it, read as after a value.)
                b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' if self.depth == 0 => {
                    self.end_raw();
                    return i;
                }
                _ => {}
            }
            self.raw.push(c);
            i += 1;
        }
        i
    }

    /// A value other than the text is complete in `raw`.
    fn end_raw(&mut self) {
        self.state = State::AfterValue;
        match serde_json::from_slice::<Value>(&self.raw) {
            Ok(v) if self.name == "text" => {
                let _ = v;
                // (Later fields of the same name replace earlier ones, as in a held line.)
                self.last_text = LastText::Other;
                self.text = None;
            }
            Ok(v) => {
                self.obj.insert(std::mem::take(&mut self.name), v);
            }
            Err(e) => {
                if self.error.is_none() {
                    self.error = Some(format!("{} at line 1 column {}", serde_words(&e), self.raw_at + e.column()));
                }
            }
        }
    }

    /// A `text` string begins (a later one replaces an earlier one).
    fn begin_text(&mut self) {
        self.began = true;
        self.state = State::Text;
        self.escape = Escape::None;
        self.last_text = LastText::String;
        self.text_len = 0;
        self.nul_at = None;
        self.text = None;
        self.pending.clear();
        match TextStream::new(self.section_bytes) {
            Ok(t) => self.text = Some(t),
            Err(e) => {
                self.io_error.get_or_insert(e);
            }
        }
    }

    /// Adds `s` to the text.
    fn emit(&mut self, s: &str) {
        self.text_len += s.len();
        if self.text.is_some() {
            self.pending.push_str(s);
            if self.pending.len() >= PENDING {
                self.flush();
            }
        }
    }

    /// Gives the text unescaped so far to its analysis.
    fn flush(&mut self) {
        if let Some(t) = &mut self.text {
            if let Err(e) = t.push(&self.pending) {
                self.io_error.get_or_insert(e);
                self.text = None;
            }
        }
        self.pending.clear();
    }

    /// Adds the character of an escape to the text.
    fn emit_char(&mut self, c: char) {
        if c == '\0' && self.nul_at.is_none() {
            self.nul_at = Some(self.text_len);
            // (The record is an error now, unless a later text replaces this one.)
            self.text = None;
        }
        self.emit(c.encode_utf8(&mut [0; 4]));
    }

    /// Reads the text from byte `i` on; returns where it stopped.
    fn text_run(&mut self, s: &str, mut i: usize) -> usize {
        let b = s.as_bytes();
        while i < b.len() {
            match self.escape {
                Escape::None => {
                    // (A run to the next quotation mark or backslash; a control character in it,
                    // never in valid JSON, is looked for only when there is one.)
                    let mut end = memchr::memchr2(b'"', b'\\', &b[i..]).map_or(b.len(), |k| i + k);
                    if b[i..end].iter().fold(false, |any, &c| any | (c < 0x20)) {
                        end = i + b[i..end].iter().position(|&c| c < 0x20).expect("found above");
                    }
                    if end > i {
                        // (Cut at ASCII bytes: character boundaries.)
                        self.emit(&s[i..end]);
                    }
                    i = end;
                    match b.get(i) {
                        None => {}
                        Some(b'"') => {
                            self.state = State::AfterValue;
                            return i + 1;
                        }
                        Some(b'\\') => {
                            self.escape = Escape::Backslash;
                            i += 1;
                        }
                        Some(_) => {
                            self.fail(i, "control character (\\u0000-\\u001F) found while parsing a string");
                            return i;
                        }
                    }
                }
                Escape::Backslash => {
                    let c = match b[i] {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\x08',
                        b'f' => '\x0c',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.escape = Escape::Hex { value: 0, digits: 0, high: None };
                            i += 1;
                            continue;
                        }
                        _ => {
                            self.fail(i, "invalid escape");
                            return i;
                        }
                    };
                    i += 1;
                    self.escape = Escape::None;
                    self.emit_char(c);
                }
                Escape::Hex { value, digits, high } => {
                    let Some(d) = (b[i] as char).to_digit(16) else {
                        self.fail(i, "invalid escape");
                        return i;
                    };
                    i += 1;
                    let value = value * 16 + d;
                    if digits < 3 {
                        self.escape = Escape::Hex { value, digits: digits + 1, high };
                        continue;
                    }
                    self.escape = Escape::None;
                    match (high, value) {
                        (Some(h), 0xDC00..=0xDFFF) => {
                            let c = 0x1_0000 + ((h - 0xD800) << 10) + (value - 0xDC00);
                            self.emit_char(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                        }
                        // (serde_json's word for a trailing surrogate alone too.)
                        (Some(_), _) | (None, 0xDC00..=0xDFFF) => {
                            self.fail(i - 1, "lone leading surrogate in hex escape");
                            return i;
                        }
                        (None, 0xD800..=0xDBFF) => self.escape = Escape::High { high: value, backslash: false },
                        (None, _) => self.emit_char(char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)),
                    }
                }
                Escape::High { high, backslash } => {
                    let want = if backslash { b'u' } else { b'\\' };
                    if b[i] != want {
                        self.fail(i, "unexpected end of hex escape");
                        return i;
                    }
                    i += 1;
                    self.escape = if backslash {
                        Escape::Hex { value: 0, digits: 0, high: Some(high) }
                    } else {
                        Escape::High { high, backslash: true }
                    };
                }
            }
        }
        i
    }
}

/// serde_json's description of an error, without its position.
fn serde_words(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(k) => s[..k].to_string(),
        None => s,
    }
}
