//! A plain-text article too long to hold: read in pieces, analysed a section at a time.
//!
//! In: a text file's first bytes and a reader of the rest. Out: its record written (the bytes
//! [`crate::input::article_from_file_owned`] and [`crate::analyze`] give for the file held
//! whole), or the same error (nothing written).

use super::analysis::TextStream;
use super::utf8::Utf8;
use crate::input::InputError;
use serde_json::{Map, Value};
use std::io::{self, Read, Write};

/// What became of a text file.
pub enum FileOutcome {
    /// Its record was written (with its newline).
    Written,
    /// It could not be read as an article: nothing was written.
    Failed(InputError),
    /// Its analysis panicked: nothing was written.
    Panicked,
}

/// Reads the text file `name` (`head` + `rest`), and writes its record into `out`. Errors are
/// those of reading `rest` and writing `out`.
pub fn analyze_text_file<W: Write + ?Sized>(
    name: &str,
    head: Vec<u8>,
    rest: &mut dyn Read,
    lossy: bool,
    out: &mut W,
) -> io::Result<FileOutcome> {
    let failed = |message: String| Ok(FileOutcome::Failed(InputError { message }));
    let text = match TextStream::new(crate::text::SECTION_BYTES) {
        Ok(t) => Some(t),
        Err(e) => return failed(format!("{name}: temporary file: {e}")),
    };
    let mut utf8 = Utf8::new(lossy);
    // The checks of a file held whole: a NUL byte anywhere (unless `lossy`), then invalid UTF-8,
    // then a text of white space only, then (`lossy`) a NUL character in the text.
    let (mut len, mut nul_byte) = (0usize, None);
    let mut decoded = Decoded { text, len: 0, nul_char: None, blank: true, io_error: None };
    let mut piece = head;
    loop {
        if nul_byte.is_none() {
            nul_byte = memchr::memchr(0, &piece).map(|i| len + i);
        }
        len += piece.len();
        utf8.feed(&piece, false, &mut |s| decoded.take(s));
        // (Nothing more to analyse once the file is known to be an error.)
        if (nul_byte.is_some() && !lossy) || utf8.error.is_some() {
            decoded.text = None;
        }
        // (The first piece is the file's first 4 MB or so: its room is given back.)
        piece.clear();
        piece.shrink_to(1 << 20);
        piece.resize(1 << 20, 0);
        let n = loop {
            match rest.read(&mut piece) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => break r?,
            }
        };
        if n == 0 {
            break;
        }
        piece.truncate(n);
    }
    // (The rest of a character cut off at the end: lossy only, a replacement character.)
    utf8.feed(&[], true, &mut |s| decoded.take(s));
    let Decoded { text, nul_char, blank, io_error, .. } = decoded;
    if len == 0 {
        return failed(format!("{name}: empty file"));
    }
    if let (Some(i), false) = (nul_byte, lossy) {
        return failed(format!("{name}: binary data (NUL byte at offset {i})"));
    }
    if let Some(at) = utf8.error {
        return failed(format!("{name}: invalid UTF-8 at byte {at} (use --lossy to replace bad bytes)"));
    }
    if blank {
        return failed(format!("{name}: empty article"));
    }
    if let Some(i) = nul_char {
        return failed(format!("{name}: binary data (NUL byte at offset {i})"));
    }
    if let Some(e) = io_error {
        return failed(format!("{name}: temporary file: {e}"));
    }
    let mut text = text.expect("kept while the file is readable");
    match text.finish() {
        Ok(true) => {}
        Ok(false) => return Ok(FileOutcome::Panicked),
        Err(e) => return failed(format!("{name}: temporary file: {e}")),
    }
    text.write(out, &Value::from(name), &Map::new())?;
    out.write_all(b"\n")?;
    Ok(FileOutcome::Written)
}

/// The decoded text of a file read in pieces, with what the checks of a file held whole need
/// to know of it.
struct Decoded {
    /// The text so far, for analysis; `None` once the file is known to be an error.
    text: Option<TextStream>,
    /// Its length in bytes.
    len: usize,
    /// Where its first NUL character is.
    nul_char: Option<usize>,
    /// Whether it is all white space so far.
    blank: bool,
    /// The first error writing the text to its temporary file.
    io_error: Option<io::Error>,
}

impl Decoded {
    /// Takes the next piece of decoded text.
    fn take(&mut self, s: &str) {
        if self.nul_char.is_none() {
            self.nul_char = s.find('\0').map(|i| self.len + i);
        }
        self.len += s.len();
        self.blank = self.blank && s.chars().all(char::is_whitespace);
        if let Some(t) = &mut self.text {
            if let Err(e) = t.push(s) {
                self.io_error.get_or_insert(e);
                self.text = None;
            }
        }
    }
}
