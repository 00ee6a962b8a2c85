//! Classifying quotation marks and pairing them into quote regions.
//!
//! A mark's role (opening, closing, apostrophe, prime) is decided from the
//! characters beside it; marks are then paired with one stack per paragraph,
//! so the pass is linear however many marks are unbalanced. A double quote
//! left open at the end of a paragraph runs on when the next paragraph opens
//! with a mark of the same family (the news convention for quotes that run
//! over several paragraphs).

use super::{Paragraph, Token, TokenKind};
use crate::Span;

/// Which kind of quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// `"` `“` `”` `„`
    Double,
    /// `'` `‘` `’` `‚`
    Single,
    /// `«` `»`
    Angle,
    /// `‹` `›`
    SingleAngle,
    /// ` `` ` and `''`, the old ASCII style.
    Backtick,
}

/// The glyph's shape, before context decides its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkShape {
    Straight,
    Left,
    Right,
    Low,
}

/// A pair of quotation marks and what they enclose.
#[derive(Clone, Copy, Debug)]
pub struct QuoteRegion {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the region runs to the end of its paragraph.
    pub close: Option<usize>,
    /// The enclosed text, marks excluded.
    pub content: Span,
    /// Token indices `[first, last)` of the content.
    pub first: usize,
    pub last: usize,
    pub family: Family,
    /// 0 for a top-level quote, 1 for a quote inside a quote, ...
    pub depth: u16,
    pub paragraph: usize,
    /// The quote goes on in the next paragraph (which opens with a mark).
    pub runs_on: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Ignore,
}

/// The family a closing mark must match (`„` is closed by `“` or `”`; ` `` ` by `''` or `”`).
fn closes(open: Family, close: Family) -> bool {
    open == close || (open == Family::Backtick && close == Family::Double) || (open == Family::Double && close == Family::Backtick)
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/".contains(c) || matches!(c, '“' | '‘' | '"' | '\'' | '«' | '„' | '‚' | '‹'),
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}—–-…".contains(c) || matches!(c, '”' | '’' | '"' | '\'' | '»' | '›'),
    }
}

/// Whether the text after a single mark reads as a shortened year (`in ‘08`, `the '90s`): two
/// digits, then an `s` or the end of the word. Such a mark is an apostrophe of elision, not an
/// opening quote; `‘13th’` (a title) is still quoted.
pub(super) fn starts_year_elision(after: &str) -> bool {
    let b = after.as_bytes();
    let word_ends = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && (word_ends(2) || (b[2] == b's' && word_ends(3)))
}

/// The largest char boundary at or before `i` (a byte offset a few bytes back may fall inside a
/// multi-byte character; slicing there would panic).
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Pairs the marks of every paragraph; regions come out sorted by opening position, outer first.
/// `marks` lists the mark tokens in order (see [`super::tokens::Stops`]): the other tokens are
/// not read.
pub fn pair(text: &str, tokens: &[Token], paragraphs: &[Paragraph], marks: &[u32]) -> Vec<QuoteRegion> {
    let mut regions = Vec::new();
    let mut stack: Vec<(usize, Family, MarkShape)> = Vec::new();
    // The paragraph's first entry of `marks`.
    let mut next = 0;
    // Open marks on the stack per family, so `has_open` is O(1) however many marks are open
    // (issue 7: a long run of unclosed marks made every later mark scan the whole stack).
    for (p, para) in paragraphs.iter().enumerate() {
        stack.clear();
        let mut open_count = [0usize; 5];
        let in_para = marks[next..].iter().take_while(|&&t| (t as usize) < para.last).count();
        let para_marks = &marks[next..next + in_para];
        next += in_para;
        for &t in para_marks {
            let t = t as usize;
            let TokenKind::Mark(family, shape) = tokens[t].kind else { continue };
            let span = tokens[t].span();
            let before = text[para.span.start..span.start].chars().next_back();
            let after = text[span.end..para.span.end].chars().next();
            let left_open = is_opening_context(before);
            let right_closed = is_closing_context(after);
            let has_open = |f: Family| match f {
                Family::Double | Family::Backtick => open_count[Family::Double as usize] + open_count[Family::Backtick as usize] > 0,
                _ => open_count[f as usize] > 0,
            };
            let role = match (family, shape) {
                // A straight mark right after a digit is a prime (5'11"), unless it closes a quote.
                (Family::Single, MarkShape::Straight) if before.is_some_and(|c| c.is_ascii_digit()) => Role::Ignore,
                (Family::Single, MarkShape::Left | MarkShape::Straight) if starts_year_elision(&text[span.end..para.span.end]) => {
                    Role::Ignore
                }
                (Family::Double, MarkShape::Straight)
                    if before.is_some_and(|c| c.is_ascii_digit())
                        && text[para.span.start..span.start].ends_with(|c: char| c.is_ascii_digit())
                        && text[floor_char_boundary(text, span.start.saturating_sub(4).max(para.span.start))..span.start]
                            .contains(['\'', '′']) =>
                {
                    Role::Ignore
                }
                (Family::Double, MarkShape::Left) if stack.last().is_some_and(|&(_, f, s)| f == Family::Double && s == MarkShape::Low) => {
                    Role::Close
                }
                (_, MarkShape::Left | MarkShape::Low) => {
                    if family == Family::Single && !left_open {
                        Role::Ignore
                    } else {
                        Role::Open
                    }
                }
                (Family::Single, _) => {
                    // A right single mark or straight apostrophe: closing only inside a single quote,
                    // and not a plural possessive ("members' homes").
                    let plural_possessive = before == Some('s') && after.is_some_and(char::is_whitespace) && {
                        let rest = text[span.end..para.span.end].trim_start();
                        rest.starts_with(|c: char| c.is_lowercase())
                    };
                    if has_open(Family::Single) && !left_open && !plural_possessive {
                        Role::Close
                    } else if shape == MarkShape::Straight && left_open && !right_closed {
                        Role::Open
                    } else {
                        Role::Ignore
                    }
                }
                (_, MarkShape::Right) => {
                    if has_open(family) {
                        Role::Close
                    } else if left_open && !right_closed {
                        Role::Open
                    } else {
                        Role::Ignore
                    }
                }
                (_, MarkShape::Straight) => {
                    if has_open(family) && !(left_open && !right_closed && stack.last().is_some_and(|&(_, f, _)| f != family)) {
                        Role::Close
                    } else if !right_closed || left_open {
                        Role::Open
                    } else {
                        Role::Ignore
                    }
                }
            };
            match role {
                Role::Open => {
                    stack.push((t, family, shape));
                    open_count[family as usize] += 1;
                }
                Role::Close => {
                    if let Some(k) = stack.iter().rposition(|&(_, g, _)| closes(g, family)) {
                        let (o, f, _) = stack[k];
                        for &(_, g, _) in &stack[k..] {
                            open_count[g as usize] -= 1;
                        }
                        stack.truncate(k);
                        regions.push(QuoteRegion {
                            open: o,
                            close: Some(t),
                            content: Span::new(tokens[o].span().end, span.start),
                            first: o + 1,
                            last: t,
                            family: f,
                            depth: k as u16,
                            paragraph: p,
                            runs_on: false,
                        });
                    }
                }
                Role::Ignore => {}
            }
        }
        // A quote still open at the paragraph's end: only an outermost double-style one survives,
        // when the next paragraph opens with a mark or the quote opened the paragraph.
        if let Some(&(o, f, _)) = stack.first() {
            let next_opens = paragraphs.get(p + 1).is_some_and(|n| {
                n.first < n.last && matches!(tokens[n.first].kind, TokenKind::Mark(g, s) if closes(f, g) && s != MarkShape::Right)
            });
            let opened_paragraph = o == para.first;
            // (A single-mark quote, whose marks are also apostrophes, only in the British way of
            // running a quote on: it opens this paragraph and a mark opens the next.)
            let runs_on_single = f == Family::Single && opened_paragraph && next_opens && stack.len() == 1;
            if (f != Family::Single && (next_opens || opened_paragraph) || runs_on_single) && para.last > o + 1 {
                regions.push(QuoteRegion {
                    open: o,
                    close: None,
                    content: Span::new(tokens[o].span().end, para.span.end),
                    first: o + 1,
                    last: para.last,
                    family: f,
                    depth: 0,
                    paragraph: p,
                    runs_on: next_opens,
                });
            }
        }
    }
    regions.sort_by_key(|r| (r.open, r.depth));
    regions
}
