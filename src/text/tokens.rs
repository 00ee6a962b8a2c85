//! Splitting a paragraph into word, number, punctuation and quotation-mark tokens.

use super::marks::{Family, MarkShape};
use crate::Span;
use crate::lexicon::{Classes, classify, classify_alnum, classify_char, lexicon};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or abbreviation dots.
    Word,
    /// Digits, possibly with inner `,` `.` `:`.
    Number,
    /// Any other single character that is not white space.
    Punct,
    /// A quotation mark (or an apostrophe standing alone) of the given family and shape.
    Mark(Family, MarkShape),
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// Byte offsets, in 32 bits: a token takes 12 bytes, not 24 (the token list is the largest
    /// thing held for a long article). [`Document::new`](super::Document::new) refuses texts of
    /// 4 GiB or more.
    start: u32,
    end: u32,
    pub kind: TokenKind,
    /// What the lexicon says about the token's text, worked out once here for every rule.
    pub classes: Classes,
}

// (The token list is the largest thing held for a long article: keep a token at 12 bytes.)
const _: () = assert!(std::mem::size_of::<Token>() == 12);

impl Token {
    pub fn new(span: Span, kind: TokenKind, classes: Classes) -> Token {
        Token { start: span.start as u32, end: span.end as u32, kind, classes }
    }

    /// The token's text, as a byte span into the article.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
    pub fn is_mark(&self) -> bool {
        matches!(self.kind, TokenKind::Mark(..))
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‑')
}

/// The mark family and shape of a quotation-mark character.
fn mark_of(c: char) -> Option<(Family, MarkShape)> {
    Some(match c {
        '"' => (Family::Double, MarkShape::Straight),
        '“' => (Family::Double, MarkShape::Left),
        '”' => (Family::Double, MarkShape::Right),
        '„' => (Family::Double, MarkShape::Low),
        '\'' => (Family::Single, MarkShape::Straight),
        '‘' => (Family::Single, MarkShape::Left),
        '’' => (Family::Single, MarkShape::Right),
        '‚' => (Family::Single, MarkShape::Low),
        '«' => (Family::Angle, MarkShape::Left),
        '»' => (Family::Angle, MarkShape::Right),
        '‹' => (Family::SingleAngle, MarkShape::Left),
        '›' => (Family::SingleAngle, MarkShape::Right),
        '`' => (Family::Backtick, MarkShape::Left),
        _ => return None,
    })
}

/// Bits of [`ASCII_CLASS`].
pub(super) const SPACE: u8 = 1;
pub(super) const ALNUM: u8 = 2;
/// A byte that may join two parts of a word (`'` `-` `.` `,` `:` `&`, see `tokenize`): any other
/// ASCII byte that is not a letter or digit ends the word.
const JOINER: u8 = 4;
/// A byte of a character beyond ASCII, decoded when it matters.
pub(super) const NOT_ASCII: u8 = 8;

/// What the tokenizer needs to know of each byte, from one look-up instead of the character
/// tests: ASCII white space as `char::is_whitespace` has it (U+0009 to U+000D and the space),
/// letters and digits, joiners; every byte from 0x80 on is `NOT_ASCII`.
pub(super) const ASCII_CLASS: [u8; 256] = {
    let mut class = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        class[b] = if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\'' | b'-' | b'.' | b',' | b':' | b'&') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    class
};

/// The tokens that the passes after the tokenizer stop at, listed by it (token indices, in
/// order): each of those passes reads only its own few tokens instead of testing every token
/// again.
#[derive(Default)]
pub struct Stops {
    /// The tokens that may end a sentence, for [`super::sentences::split`] (few: about one a
    /// sentence): those whose end the splitter may accept, a terminal (`.` `?` `!` `…`), a
    /// quotation mark right after one in the paragraph, and a word whose last byte ends an
    /// ambiguous abbreviation (`U.S.`).
    pub may_end_sentence: Vec<u32>,
    /// The quotation marks, for [`super::marks::pair`].
    pub marks: Vec<u32>,
}

/// Appends the tokens of `para` (a span of `text`) to `out`, and those of them that later passes
/// stop at to `stops`.
// (Inlined into `Document::new`, its only caller: left to itself the compiler stops doing so
// when unrelated code in the lexicon changes, which costs about 2M instructions on 2 MB.)
#[inline]
pub fn tokenize(text: &str, para: Span, out: &mut Vec<Token>, stops: &mut Stops) {
    let lex = lexicon();
    let s = para.slice(text);
    let base = para.start;
    let bytes = s.as_bytes();
    let mut pos = 0;
    // Whether the last token of the paragraph so far is a terminal (a mark after it may end a
    // sentence: `... win."`).
    let mut after_terminal = false;
    while pos < bytes.len() {
        let b = bytes[pos];
        // Most bytes are ASCII: white space, letters and digits are told apart by one table
        // look-up, and only a non-ASCII character is decoded.
        let class = ASCII_CLASS[b as usize];
        if class & SPACE != 0 {
            pos += 1;
            continue;
        }
        let i = pos;
        // (The length with the character: one ASCII byte, known without asking the character.)
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = s[pos..].chars().next().expect("pos is a character boundary");
            (c, c.len_utf8())
        };
        pos += len;
        // Zero-width and soft-hyphen characters from web pages separate nothing visible: skip them.
        // (ASCII white space was skipped above, and these are all beyond ASCII.)
        if b >= 0x80 && (c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}')) {
            continue;
        }
        if class & ALNUM != 0 || (b >= 0x80 && is_alphanumeric(c)) {
            let numeric = c.is_ascii_digit();
            let mut end = pos;
            // Whether `s[i..end]` is an initialism so far ("U.S"), kept up to date as the word grows
            // so a long `a.a.a.…` run is not rescanned at every period (issue 7: quadratic).
            let mut initialism = true;
            let mut part_chars = 1;
            // Whether the word is ASCII letters and digits only so far (most words): its classes
            // are then cheaper to work out (`classify_alnum`).
            let mut plain = c.is_ascii();
            // Extend over letters and digits, and over joiners that have a letter or digit on both sides.
            loop {
                // A run of ASCII letters and digits (most of every word), byte by byte: the same
                // as the character steps below, without decoding or a look-ahead per letter.
                let run = ascii_alnum_run(bytes, end);
                if run > 0 {
                    end += run;
                    part_chars += run;
                    // (As `&= part_chars == 1` after each letter: true only for one letter in all.)
                    initialism &= part_chars == 1;
                }
                // Most words end at white space or at ASCII punctuation that joins nothing: the
                // byte says so, without decoding the next character and the one after it.
                match bytes.get(end) {
                    None => break,
                    Some(&nb) if ASCII_CLASS[nb as usize] & (JOINER | NOT_ASCII) == 0 => break,
                    _ => {}
                }
                let Some(n) = char_at(s, end) else { break };
                if is_alphanumeric(n) {
                    // (Not ASCII: the run above took every ASCII letter and digit.)
                    plain = false;
                    end += n.len_utf8();
                    part_chars += 1;
                    initialism &= part_chars == 1;
                    continue;
                }
                let after = char_at(s, end + n.len_utf8());
                let joins = match n {
                    _ if is_apostrophe(n) => !numeric && after.is_some_and(char::is_alphabetic),
                    _ if is_hyphen(n) => after.is_some_and(char::is_alphanumeric),
                    // "U.S", and web names such as "Atlantic.Net" or "Rentals.ca": a period with
                    // letters right after it (no space) joins. (The look-ahead reads only the next
                    // part, so the scan stays linear.)
                    '.' => after.is_some_and(|a| {
                        if numeric {
                            a.is_ascii_digit()
                        } else {
                            a.is_alphabetic() && (initialism || s[end + 1..].chars().take(2).filter(|c| c.is_alphabetic()).count() == 2)
                        }
                    }),
                    ',' | ':' => numeric && after.is_some_and(|a| a.is_ascii_digit()),
                    '&' => after.is_some_and(char::is_uppercase),
                    _ => false,
                };
                if !joins {
                    break;
                }
                plain = false;
                if n == '.' {
                    part_chars = 0;
                } else {
                    // An apostrophe or hyphen joins parts that are no longer single letters.
                    initialism = false;
                }
                end += n.len_utf8();
            }
            // A final period belongs to abbreviations and initials ("Mr.", "U.S.", "J.").
            if end < s.len() && bytes[end] == b'.' && !numeric {
                let word = &s[i..=end];
                // (An initial is one character, `c`, and the period: counted from `c`'s length
                // rather than by counting the word's characters.)
                let initial = end - i == len && c.is_uppercase();
                if initial || lex.is_abbreviation(word) || (s[i..end].contains('.') && is_initialism(&s[i..end])) {
                    end += 1;
                    plain = false;
                }
            }
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            if !numeric && lex.may_end_ambiguous_abbreviation(bytes[end - 1]) {
                stops.may_end_sentence.push(out.len() as u32);
            }
            after_terminal = false;
            // (A one-character word, "a", "I", "5", reads its classes from a table.)
            let classes = if end == pos {
                classify_char(c)
            } else if plain {
                classify_alnum(s, i..end)
            } else {
                classify(&s[i..end])
            };
            out.push(Token::new(Span::new(base + i, base + end), kind, classes));
            // (Most words are followed by one space: passed over here rather than by another
            // turn of the loop.)
            pos = if bytes.get(end) == Some(&b' ') { end + 1 } else { end };
            continue;
        }
        let kind = match mark_of(c) {
            // Two backticks, or two straight singles, make one old-style double mark.
            Some((Family::Backtick, _)) if s[pos..].starts_with('`') => {
                pos += 1;
                TokenKind::Mark(Family::Backtick, MarkShape::Left)
            }
            Some((Family::Single, MarkShape::Straight)) if s[pos..].starts_with('\'') => {
                pos += 1;
                TokenKind::Mark(Family::Backtick, MarkShape::Right)
            }
            // Two right single marks typed for one right double mark ("…creators,’’ says …").
            Some((Family::Single, MarkShape::Right)) if s[pos..].starts_with('’') => {
                pos += '’'.len_utf8();
                TokenKind::Mark(Family::Double, MarkShape::Right)
            }
            Some((f, shape)) => TokenKind::Mark(f, shape),
            None => TokenKind::Punct,
        };
        // Punctuation and quotation marks are one character (but for the doubled marks above):
        // their classes come from a table.
        let classes = if pos == i + len { classify_char(c) } else { classify(&s[i..pos]) };
        let terminal = kind == TokenKind::Punct && matches!(c, '.' | '?' | '!' | '…');
        let mark = matches!(kind, TokenKind::Mark(..));
        if terminal || (after_terminal && mark) {
            stops.may_end_sentence.push(out.len() as u32);
        }
        if mark {
            stops.marks.push(out.len() as u32);
        }
        after_terminal = terminal;
        out.push(Token::new(Span::new(base + i, base + pos), kind, classes));
    }
}

/// How many ASCII letters and digits `bytes` holds from `at` on: eight bytes at a time (most
/// words are one step), then byte by byte for the last few bytes of the paragraph.
#[inline]
pub(crate) fn ascii_alnum_run(bytes: &[u8], at: usize) -> usize {
    let mut end = at;
    while let Some(chunk) = bytes.get(end..end + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let not_alnum = !ascii_alnum_bytes(x) & HIGH_BITS;
        if not_alnum != 0 {
            // (Little-endian: the lowest byte is the first.)
            return end + (not_alnum.trailing_zeros() / 8) as usize - at;
        }
        end += 8;
    }
    while end < bytes.len() && ASCII_CLASS[bytes[end] as usize] & ALNUM != 0 {
        end += 1;
    }
    end - at
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` set when that byte is an ASCII letter or digit, all eight
/// bytes tested at once (the bytes of a character beyond ASCII are neither).
#[inline]
pub(crate) fn ascii_alnum_bytes(x: u64) -> u64 {
    // With each byte's high bit cleared, adding at most 0x80 to a byte carries into no other:
    // the sum's high bit says whether the byte is at least `lo` (and the second, above `hi`).
    let in_range = |v: u64, lo: u8, hi: u8| (v + ONES * (0x80 - lo as u64)) & !(v + ONES * (0x7F - hi as u64));
    let low7 = x & !HIGH_BITS;
    // (Setting the case bit, 0x20, makes capitals small letters and no other byte a letter.)
    let letters = in_range(low7 | (ONES * 0x20), b'a', b'z');
    let digits = in_range(low7, b'0', b'9');
    (letters | digits) & !x & HIGH_BITS
}

/// The character at byte `i` of `s` (a character boundary), without decoding when it is ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
    }
}

/// `char::is_alphanumeric`, with the ASCII answer first, and then that of the General
/// Punctuation block (U+2000–U+206F: curly quotation marks, dashes, ellipsis, the commonest
/// characters beyond ASCII in news), which holds no letter or digit: the Unicode tables' look-up
/// costs hundreds of instructions a character.
#[inline]
pub(super) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// "U.S", "U.N", "e.g": single letters joined by periods.
fn is_initialism(w: &str) -> bool {
    let mut letters = 0;
    for part in w.split('.') {
        if part.chars().count() != 1 {
            return false;
        }
        letters += 1;
    }
    letters >= 1 && !w.is_empty()
}

#[cfg(test)]
mod tests {
    use super::{ALNUM, ASCII_CLASS, JOINER, NOT_ASCII, SPACE};

    /// The eight-byte run of letters and digits stops where the byte-by-byte one does: every
    /// byte at every position of a 19-byte text of letters, and runs of every length.
    #[test]
    fn ascii_alnum_run_agrees_with_bytes() {
        let reference = |b: &[u8], at: usize| b[at..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let base = b"Az09mZaz19AZ0b9yYqQ".to_vec();
        for c in 0u8..=255 {
            for k in 0..base.len() {
                let mut b = base.clone();
                b[k] = c;
                for at in 0..b.len() {
                    assert_eq!(super::ascii_alnum_run(&b, at), reference(&b, at), "{b:?} at {at}");
                }
            }
        }
        for n in 0..40 {
            let b = format!("{} x", "aZ5".repeat(n));
            assert_eq!(super::ascii_alnum_run(b.as_bytes(), 0), 3 * n);
        }
    }

    /// The byte table answers as the character tests it replaces, for every byte.
    #[test]
    fn ascii_class_agrees_with_char() {
        for b in 0u8..=255 {
            let class = ASCII_CLASS[b as usize];
            if b >= 0x80 {
                assert_eq!(class, NOT_ASCII, "{b:#x}");
                continue;
            }
            let c = b as char;
            assert_eq!(class & SPACE != 0, c.is_whitespace(), "{c:?}");
            assert_eq!(class & ALNUM != 0, super::is_alphanumeric(c), "{c:?}");
            assert_eq!(class & JOINER != 0, "'-.,:&".contains(c), "{c:?}");
        }
    }

    /// The shortcuts of `is_alphanumeric` give `char::is_alphanumeric`'s answer for every character.
    #[test]
    fn is_alphanumeric_agrees_with_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }
}
