//! Stage 1: the article as a token stream.
//!
//! In: the untouched article text (`&str`).
//! Out: a [`Document`]: paragraphs, tokens (words, numbers, punctuation and
//! quotation marks with their class), quote regions (paired marks, nested and
//! running over paragraphs), and sentences that never split inside a quote.
//! Every position is a byte [`Span`] into the input; nothing is rewritten.

mod marks;
mod sentences;
mod tokens;

pub use marks::{Family, QuoteRegion};
pub use tokens::{Token, TokenKind};
pub(crate) use tokens::{ascii_alnum_bytes, ascii_alnum_run};

use crate::Span;
use crate::lexicon::Classes;
use std::num::NonZeroU32;

/// One sentence: a token range inside one paragraph.
#[derive(Clone, Copy, Debug)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Token indices `[first, last)`.
    pub first: usize,
    pub last: usize,
}

/// One paragraph: a line, or lines up to a blank line.
#[derive(Clone, Copy, Debug)]
pub struct Paragraph {
    pub span: Span,
    /// Token indices `[first, last)`.
    pub first: usize,
    pub last: usize,
}

/// The analysed text of one article.
///
/// ```
/// let doc = whosaid::text::Document::new("“Yes,” she said.\n\nNo.");
/// assert_eq!(doc.paragraphs.len(), 2);
/// assert_eq!(doc.regions.len(), 1);
/// assert_eq!(doc.regions[0].content.slice(doc.text), "Yes,");
/// ```
pub struct Document<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Paragraph>,
    pub tokens: Vec<Token>,
    pub regions: Vec<QuoteRegion>,
    pub sentences: Vec<Sentence>,
    /// For each token, the index of the innermost quote region whose content holds it, plus one
    /// (so that `None` costs no extra bytes: 4 per token, not 8); see [`Document::region_of`].
    region_of: Vec<Option<NonZeroU32>>,
    /// For each token, its sentence.
    pub sentence_of: Vec<u32>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Document<'a> {
        // Token offsets are 32-bit (see `Token`). Such an article would need tens of gigabytes
        // to analyse; the panic becomes that article's error record.
        assert!(u32::try_from(text.len()).is_ok(), "articles of 4 GiB or more are not supported");
        // (Room for a paragraph every 128 bytes, a sentence every 96: more than news text has, so
        // neither vector grows for most articles, where each growth copied what was held so far;
        // a few kilobytes for an article, a tenth of the text at most.)
        let mut paragraphs = Vec::with_capacity(text.len() / 128 + 1);
        // News text runs at about 5.5 bytes a token (words, spaces and punctuation): a quarter of
        // the length holds the tokens of nearly every article without growing the vector (each
        // growth copied all the tokens so far). For one large article it is also less than the
        // doubling reached (54 MB: 13.5M tokens' room for 11M, where doubling reached 16.8M).
        let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
        // (Room for a token that may end a sentence every 32 bytes, about one in six tokens, and
        // a quotation mark every 128.)
        let mut stops =
            tokens::Stops { may_end_sentence: Vec::with_capacity(text.len() / 32 + 1), marks: Vec::with_capacity(text.len() / 128 + 1) };
        for span in paragraph_spans(text) {
            let first = tokens.len();
            tokens::tokenize(text, span, &mut tokens, &mut stops);
            paragraphs.push(Paragraph { span, first, last: tokens.len() });
        }
        let regions = marks::pair(text, &tokens, &paragraphs, &stops.marks);
        let mut region_of = vec![None; tokens.len()];
        // Regions are sorted by open position, outer before inner, so the innermost region holding a
        // token is the latest-opened one still open there: one sweep with a stack of open regions,
        // linear however deep quotes nest (filling each region's range was quadratic, issue 7).
        // Between regions (most of the text) nothing is open and `None` is already in place: the
        // sweep jumps from there to the next region's first token.
        let mut open: Vec<usize> = Vec::new();
        let mut next = 0;
        let mut t = 0;
        while t < region_of.len() {
            if open.is_empty() {
                match regions.get(next) {
                    Some(r) => t = t.max(r.first),
                    None => break,
                }
            }
            while next < regions.len() && regions[next].first <= t {
                open.push(next);
                next += 1;
            }
            while open.last().is_some_and(|&i| regions[i].last <= t) {
                open.pop();
            }
            if let Some(slot) = region_of.get_mut(t) {
                *slot = open.last().and_then(|&i| NonZeroU32::new(i as u32 + 1));
            }
            t += 1;
        }
        let sentences = sentences::split(text, &tokens, &paragraphs, &region_of, &stops.may_end_sentence, text.len() / 96 + 1);
        // (Filled sentence by sentence, not zeroed first and then written over: the sentences
        // are in token order and do not overlap; a token in none, if there were one, keeps 0.)
        let mut sentence_of = Vec::with_capacity(tokens.len());
        for (i, s) in sentences.iter().enumerate() {
            debug_assert!(s.first >= sentence_of.len(), "sentences in order, not overlapping");
            sentence_of.resize(s.first, 0);
            sentence_of.extend(std::iter::repeat_n(i as u32, s.last - s.first));
        }
        sentence_of.resize(tokens.len(), 0);
        Document { text, paragraphs, tokens, regions, sentences, region_of, sentence_of }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].span().slice(self.text)
    }

    /// The bytes of token `i`, for tests that compare bytes: no slicing of the text at
    /// character boundaries (two boundary tests a slice). The rules ask such tests of most
    /// tokens they walk (`,`, `that`, `and`, their word lists); a token's span always lies on
    /// boundaries, so the answers are those of [`Document::word`].
    #[inline]
    pub fn word_bytes(&self, i: usize) -> &'a [u8] {
        let span = self.tokens[i].span();
        &self.text.as_bytes()[span.start..span.end]
    }

    /// `matches!(self.word(i), w1 | w2 | ...)`, comparing bytes (see [`Document::word_bytes`]).
    #[inline]
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word_bytes(i);
        words.iter().any(|x| x.as_bytes() == w)
    }

    /// `self.word(i) == w`, comparing bytes (see [`Document::word_bytes`]).
    #[inline]
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        let span = self.tokens[i].span();
        span.end - span.start == w.len() && self.text.as_bytes()[span.start..span.end] == *w.as_bytes()
    }

    /// True when token `i` can be part of a proper name ([`crate::lexicon::is_name_word`]).
    pub fn is_name_word(&self, i: usize) -> bool {
        self.tokens[i].classes.has(Classes::NAME_WORD)
    }

    /// True when token `i` is a single mark shortening a year (`in ‘08`, `the '90s`): an
    /// apostrophe of elision, never a quotation mark.
    pub fn is_year_elision(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Mark(Family::Single, _))
            && marks::starts_year_elision(&self.text[self.tokens[i].span().end..])
    }

    /// True when token `i` has the lexicon class `c` (worked out once per token by the tokenizer).
    pub fn has_class(&self, i: usize, c: Classes) -> bool {
        self.tokens[i].classes.has(c)
    }

    /// The index of the innermost quote region whose content holds token `i`.
    pub fn region_of(&self, i: usize) -> Option<u32> {
        self.region_of[i].map(|r| r.get() - 1)
    }

    /// True when token `i` lies outside every quote region (narrative text).
    pub fn is_narrative(&self, i: usize) -> bool {
        self.region_of[i].is_none()
    }

    /// The paragraph holding token `i`.
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.sentences[self.sentence_of[i] as usize].paragraph
    }

    /// The index of the first token that ends after byte `at` (the token holding it, or the next one).
    pub fn token_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span().end <= at)
    }

    /// [`Document::token_after`], searched from token `near` (where the answer is expected to
    /// be close: the cue, for a mention of its subject) in steps that double each way, then by
    /// bisection in the last step: a few steps instead of a bisection of all the tokens. The
    /// same answer for any `near`.
    pub fn token_after_near(&self, at: usize, near: usize) -> usize {
        // (True for every token before the answer, false from it on.)
        let ends_by = |i: usize| self.tokens[i].span().end <= at;
        let n = self.tokens.len();
        let near = near.min(n);
        // The answer lies in `[lo, hi]`.
        let (lo, hi) = if near < n && ends_by(near) {
            let (mut lo, mut step) = (near + 1, 1);
            loop {
                let probe = near + step;
                if probe >= n {
                    break (lo, n);
                }
                if !ends_by(probe) {
                    break (lo, probe);
                }
                lo = probe + 1;
                step *= 2;
            }
        } else {
            let (mut hi, mut step) = (near, 1);
            loop {
                if step > near {
                    break (0, hi);
                }
                let probe = near - step;
                if ends_by(probe) {
                    break (probe + 1, hi);
                }
                hi = probe;
                step *= 2;
            }
        };
        lo + self.tokens[lo..hi].partition_point(|t| t.span().end <= at)
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub fn token_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span().start, self.tokens[b.max(a + 1) - 1].span().end)
    }
}

/// The longest text analysed in one piece: [`crate::analyze`] cuts a longer one into sections
/// of at most this many bytes (see [`sections`]), so its working memory (about 7.5 times the
/// text: tokens and per-token tables) stays that of one section. Far above any news article
/// (the longest in the development sets is 34 KB), so articles are analysed whole.
pub const SECTION_BYTES: usize = 256 * 1024;

/// Cuts `text` into consecutive sections of at most `max` bytes (at least half of it, except the
/// last), covering the whole text: `[0, a)`, `[a, b)`, ... A text of `max` bytes or fewer is one
/// section.
///
/// Each cut falls, by preference, in the second half of the section: after a blank line whose
/// next paragraph does not open with a quotation mark (a quote running over several paragraphs
/// opens each of them with one, so it is not cut), after any blank line, after a line that is not
/// followed by one opening with a quotation mark, after any line, at white space; only a run of
/// `max / 2` bytes with none of these is cut inside a word (at a character boundary). Each cut
/// looks at most `max / 2` bytes back, so the whole is linear in the text's length.
///
/// ```
/// use whosaid::text::sections;
/// let text = "One.\n\n“Two,\n\n“three.”\n\nFour.";
/// // The cut goes before "Four", not before the quote's second paragraph.
/// let cuts = sections(text, 30);
/// assert_eq!(cuts.len(), 2);
/// assert_eq!(&text[cuts[1].clone()], "Four.");
/// assert_eq!(sections("Short.", 30), vec![0..6]);
/// ```
pub fn sections(text: &str, max: usize) -> Vec<std::ops::Range<usize>> {
    let max = max.max(8);
    let mut out = Vec::with_capacity((text.len() / max).saturating_mul(2).saturating_add(1));
    let mut start = 0;
    while text.len() - start > max {
        // (`start + max` cannot overflow: it is below `text.len()`.)
        let cut = cut_point(text, start, max);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// How far past a section's end its cut may look ([`opens_with_quote`] reads 64 characters).
const CUT_LOOKAHEAD: usize = 64 * 4;

/// The end of the first section [`sections`] cuts from a text that starts with `text`: all of it
/// when `complete`, else only its start so far (a text arriving in pieces). `None` when that cut
/// depends on text not given yet: the text is `max` bytes or fewer, or the cut's look past the
/// section's end would run off the end. Each answer is the cut [`sections`] makes in the whole
/// text, so a text read in pieces is cut exactly as when it is given at once.
///
/// ```
/// use whosaid::text::{first_section_end, sections};
/// let text = "One two.\n\n".repeat(100);
/// let cuts = sections(&text, 300);
/// assert_eq!(first_section_end(&text, 300, true), Some(cuts[0].end));
/// assert_eq!(first_section_end(&text[..400], 300, false), None);
/// assert_eq!(first_section_end(&text[..600], 300, false), Some(cuts[0].end));
/// assert_eq!(first_section_end("Short.", 300, false), None);
/// assert_eq!(first_section_end("Short.", 300, true), Some(6));
/// ```
pub fn first_section_end(text: &str, max: usize, complete: bool) -> Option<usize> {
    // (As in `sections`, and `cut_point` reads only `text[start..]`, so the start of a text is
    // cut as the whole would be once it holds the section and its look-ahead.)
    let max = max.max(8);
    if text.len() <= max {
        return complete.then_some(text.len());
    }
    if !complete && text.len() - max <= CUT_LOOKAHEAD {
        return None;
    }
    Some(cut_point(text, 0, max))
}

/// Where to end the section that starts at `start` (see [`sections`]).
fn cut_point(text: &str, start: usize, max: usize) -> usize {
    let b = text.as_bytes();
    let mut hi = start + max;
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let lo = start + max / 2;
    // The best cut of each kind, nearest the end: blank line then no quote, blank line, line then
    // no quote, line. (Newlines and spaces are ASCII, never inside a multi-byte character.)
    let mut best: [Option<usize>; 4] = [None; 4];
    let mut i = hi;
    while let Some(k) = b[lo..i].iter().rposition(|&c| c == b'\n') {
        i = lo + k;
        let cut = i + 1;
        let blank = b[start..i].iter().rev().take(16).find(|c| !matches!(c, b' ' | b'\t' | b'\r')) == Some(&b'\n');
        let quote = opens_with_quote(&text[cut..]);
        let kind = match (blank, quote) {
            (true, false) => return cut,
            (true, true) => 1,
            (false, false) => 2,
            (false, true) => 3,
        };
        best[kind].get_or_insert(cut);
    }
    if let Some(cut) = best.into_iter().flatten().next() {
        return cut;
    }
    match b[lo..hi].iter().rposition(|&c| c == b' ' || c == b'\t') {
        Some(k) => lo + k + 1,
        None => hi,
    }
}

/// Whether the paragraph starting at (or after a little white space at) the start of `rest`
/// opens with a quotation mark.
fn opens_with_quote(rest: &str) -> bool {
    let mut chars = rest.chars().take(64).skip_while(|c| c.is_whitespace());
    matches!(chars.next(), Some('"' | '\'' | '`' | '“' | '‘' | '”' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›'))
}

/// How many words `s` has as `split_whitespace` cuts it, and how many of those hold a letter or a
/// digit (`chars().any(char::is_alphanumeric)`): one pass that reads ASCII bytes from the
/// tokenizer's byte classes without decoding them, for the quoted-word figures.
pub fn word_counts(s: &str) -> (usize, usize) {
    use tokens::{ALNUM, ASCII_CLASS, NOT_ASCII, SPACE};
    let (mut words, mut alphanumeric_words) = (0, 0);
    // Whether the last character was inside a word, and whether that word is counted as holding
    // a letter or digit already.
    let (mut in_word, mut counted) = (false, false);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // (A joiner byte, `'` `-` `.` ..., is neither space nor a letter: punctuation here.)
        let mut class = ASCII_CLASS[b[i] as usize];
        let mut len = 1;
        if class == NOT_ASCII {
            let c = s[i..].chars().next().expect("i is a character boundary");
            class = if c.is_whitespace() {
                SPACE
            } else if tokens::is_alphanumeric(c) {
                ALNUM
            } else {
                0
            };
            len = c.len_utf8();
        }
        i += len;
        if class == SPACE {
            in_word = false;
            continue;
        }
        if !in_word {
            words += 1;
            in_word = true;
            counted = false;
        }
        if class == ALNUM && !counted {
            alphanumeric_words += 1;
            counted = true;
        }
        if counted {
            // The rest of a counted word changes no count: skip its ASCII bytes up to white space
            // or a non-ASCII character (most bytes of a quote are here).
            i = skip_counted_word(b, i);
        }
    }
    (words, alphanumeric_words)
}

/// The first position from `i` on of a byte of `b` that is ASCII white space or not ASCII (or
/// `b.len()`): eight bytes at a time, then byte by byte.
#[inline]
fn skip_counted_word(b: &[u8], mut i: usize) -> usize {
    use tokens::{ASCII_CLASS, NOT_ASCII, SPACE};
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        // The high bit of each byte below 0x21 (white space and control bytes: `x - 0x21` borrows
        // and the byte's own high bit is clear) or at 0x80 and above (not ASCII). A borrow can
        // flag a byte after the first flagged one, never before it, so the lowest flag is exact.
        // Control bytes that are not white space stop the step too; the byte loop below then
        // goes on over them, as before.
        let stop = ((x.wrapping_sub(ONES * 0x21) & !x) | x) & HIGH_BITS;
        if stop != 0 {
            // (Little-endian: the lowest byte is the first.)
            i += (stop.trailing_zeros() / 8) as usize;
            break;
        }
        i += 8;
    }
    while i < b.len() && ASCII_CLASS[b[i] as usize] & (SPACE | NOT_ASCII) == 0 {
        i += 1;
    }
    i
}

/// Paragraph spans: each non-blank line; trailing white space excluded.
fn paragraph_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut offset = 0;
    lines_inclusive(text).filter_map(move |line| {
        let start = offset;
        offset += line.len();
        let body = trimmed(line);
        if body.is_empty() { None } else { Some(Span::new(start + body.start, start + body.end)) }
    })
}

/// The range of `line.trim()` in `line`: ASCII white space is passed over byte by byte, and only
/// a character beyond ASCII at either end is decoded (`trim_start` and `trim` decoded every
/// character they passed, twice at the start: about 80 instructions a line).
fn trimmed(line: &str) -> std::ops::Range<usize> {
    // (`char::is_whitespace` of an ASCII byte: tab to carriage return, and the space.)
    let white = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    let b = line.as_bytes();
    let mut start = b.iter().position(|&c| !white(c)).unwrap_or(b.len());
    if b.get(start).is_some_and(|&c| !c.is_ascii()) {
        start = line.len() - line[start..].trim_start().len();
    }
    let mut end = start + b[start..].iter().rposition(|&c| !white(c)).map_or(0, |i| i + 1);
    if end > start && !b[end - 1].is_ascii() {
        end = start + line[start..end].trim_end().len();
    }
    start..end
}

/// The lines of `text`, each with its newline: `split_inclusive('\n')`, with the newlines found
/// by `memchr` (vectorised; `split_inclusive` with a `char` scans a word at a time).
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        // (`\n` is ASCII: the byte after it is a character boundary.)
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    /// `token_after_near` answers as `token_after` for every byte and every starting token.
    #[test]
    fn token_after_near_is_token_after() {
        let text = "“We are ready,” said Gen. Ana Ruiz, who leads the U.S. team — in Kyiv.\n\nShe left.  Then: 12 %";
        let doc = super::Document::new(text);
        for at in 0..=text.len() + 2 {
            for near in 0..=doc.tokens.len() + 1 {
                assert_eq!(doc.token_after_near(at, near), doc.token_after(at), "at {at}, near {near}");
            }
        }
    }

    /// `trimmed` is where `trim` puts a line's text: every character alone, around a word, and
    /// mixed white space.
    #[test]
    fn trimmed_is_trim() {
        let mut lines: Vec<String> =
            ["", " ", " \t\n", "a", " a b \n", "\u{a0}x\u{2003} \u{85}", " \u{a0} \u{3000}"].map(String::from).to_vec();
        for c in (0..0x3100).chain([0xFEFF, 0x10FFFF]).filter_map(char::from_u32) {
            lines.push(c.to_string());
            lines.push(format!("{c}x{c}"));
            lines.push(format!(" {c} x y {c} \n"));
            lines.push(format!("{c}{c} \u{a0}"));
        }
        for l in &lines {
            let lead = l.len() - l.trim_start().len();
            let r = super::trimmed(l);
            assert_eq!(&l[r.clone()], l.trim(), "{l:?}");
            if !l.trim().is_empty() {
                assert_eq!(r.start, lead, "{l:?}");
            }
        }
    }

    /// `lines_inclusive` cuts as `split_inclusive('\n')` does.
    #[test]
    fn lines_inclusive_agrees_with_split_inclusive() {
        for t in ["", "\n", "\n\n", "a", "a\n", "a\nb", "\na\n\nb\n", "“x”\r\n\r\ny", " \n \n"] {
            assert_eq!(super::lines_inclusive(t).collect::<Vec<_>>(), t.split_inclusive('\n').collect::<Vec<_>>(), "{t:?}");
        }
    }

    /// `word_counts` counts as `split_whitespace` and `char::is_alphanumeric` do, for every
    /// character alone and between words, and on mixed text.
    #[test]
    fn word_counts_agree_with_split_whitespace() {
        let reference =
            |s: &str| (s.split_whitespace().count(), s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count());
        let mut texts: Vec<String> = Vec::new();
        for c in (0..=0x10FFFF).step_by(7).chain(0..0x3100).filter_map(char::from_u32) {
            texts.push(c.to_string());
            texts.push(format!("a{c}b"));
            texts.push(format!(" {c} -- x"));
        }
        texts.extend(
            ["", " ", "“We are ready,” said Gen. Ana Ruiz.", "— — ’s\u{a0}x\u{2003}y\u{85}z\x0bw", "  two  words  ", "½ ² ª"]
                .map(String::from),
        );
        // Long words (the eight-byte steps of `skip_counted_word`) with every byte at every
        // position after their first letter.
        for c in (0..=0xFF).chain(0x2000..0x2070).filter_map(char::from_u32) {
            for at in 0..20 {
                let mut w: String = "abcdefghijklmnopqrstuvw".chars().take(at + 1).collect();
                w.push(c);
                w.push_str("xyz0123456789 .,-- 1");
                texts.push(w.clone());
                texts.push(format!("-{w}"));
            }
        }
        for t in &texts {
            assert_eq!(super::word_counts(t), reference(t), "{t:?}");
        }
    }
}
