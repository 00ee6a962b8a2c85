//! UTF-8 decoding of bytes that arrive in pieces (a line or a file read a piece at a time).
//!
//! In: the pieces ([`Utf8::feed`]), the last one marked. Out: `&str`s that make up what
//! `String::from_utf8` (or `String::from_utf8_lossy`) gives for all the bytes, or the offset of
//! the first invalid byte.

/// UTF-8 decoding of bytes arriving in pieces: what `String::from_utf8` (or, when `lossy`,
/// `String::from_utf8_lossy`) gives for all of them, as a series of `&str`.
pub(super) struct Utf8 {
    lossy: bool,
    /// The start of a character cut off at the end of the last piece.
    carry: Vec<u8>,
    /// Bytes decoded so far.
    pos: usize,
    /// Where the first invalid byte is (unless `lossy`): nothing after it is decoded.
    pub(super) error: Option<usize>,
}

impl Utf8 {
    pub(super) fn new(lossy: bool) -> Utf8 {
        Utf8 { lossy, carry: Vec::new(), pos: 0, error: None }
    }

    /// Decodes `bytes` (and the line's last bytes when `end`) into `f`.
    pub(super) fn feed(&mut self, bytes: &[u8], end: bool, f: &mut dyn FnMut(&str)) {
        if self.error.is_some() {
            return;
        }
        // (Rare: a character cut between pieces. The copy is of one piece.)
        let joined;
        let bytes = if self.carry.is_empty() {
            bytes
        } else {
            joined = [std::mem::take(&mut self.carry).as_slice(), bytes].concat();
            &joined[..]
        };
        let split = if end { bytes.len() } else { cut_character_start(bytes) };
        self.carry = bytes[split..].to_vec();
        // (Nearly always valid: checked at the speed of `from_utf8`, not chunk by chunk.)
        if let Ok(s) = std::str::from_utf8(&bytes[..split]) {
            f(s);
            self.pos += split;
            return;
        }
        // Invalid sequences are replaced as `from_utf8_lossy` does: a piece never ends inside
        // one that continues in the next piece (see `cut_character_start`).
        for chunk in bytes[..split].utf8_chunks() {
            if !chunk.valid().is_empty() {
                f(chunk.valid());
            }
            self.pos += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                if !self.lossy {
                    self.error = Some(self.pos);
                    return;
                }
                f("\u{FFFD}");
                self.pos += chunk.invalid().len();
            }
        }
    }
}

/// Where the bytes of a character that may continue past the end of `bytes` start (`bytes.len()`
/// when none does): a lead byte in the last three bytes whose sequence is longer than what follows
/// it. (Every character or invalid sequence before it ends before it.)
fn cut_character_start(bytes: &[u8]) -> usize {
    for k in (bytes.len().saturating_sub(3)..bytes.len()).rev() {
        let b = bytes[k];
        if b < 0x80 {
            break;
        }
        if b >= 0xC0 {
            let need = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            return if bytes.len() - k < need { k } else { bytes.len() };
        }
    }
    bytes.len()
}
