//! Sentence boundaries: after `.`, `?`, `!` or `…` outside quotes (or after a
//! closing mark that follows one), when the next token starts a sentence.
//! Abbreviations from the lexicon keep their period; ambiguous ones (`U.S.`)
//! end a sentence only before a word that cannot be part of a name.

use super::{Paragraph, Sentence, Token, TokenKind};
use crate::Span;
use crate::lexicon::lexicon;

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "?" | "!" | "…")
}

/// The sentences of `paragraphs`, in a vector with room for `capacity` of them to start with.
/// `may_end` lists, in order, the tokens that may end a sentence (see [`super::tokens::tokenize`]):
/// every other token is passed over without being read.
pub fn split(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
    region_of: &[Option<std::num::NonZeroU32>],
    may_end: &[u32],
    capacity: usize,
) -> Vec<Sentence> {
    let lex = lexicon();
    let mut out = Vec::with_capacity(capacity);
    // The next entry of `may_end` to read.
    let mut next = 0;
    for (p, para) in paragraphs.iter().enumerate() {
        let mut first = para.first;
        let mut t = para.first;
        while t < para.last {
            // The next token that may end a sentence, from `t` on (one taken in by the closing
            // marks of the last sentence end is passed over).
            while may_end.get(next).is_some_and(|&c| (c as usize) < t) {
                next += 1;
            }
            match may_end.get(next) {
                Some(&c) if (c as usize) < para.last => t = c as usize,
                _ => break,
            }
            let tok = tokens[t];
            // (The token's text is sliced only in the arms that read it.)
            let ends = region_of[t].is_none()
                && match tok.kind {
                    TokenKind::Punct => is_terminal(tok.span().slice(text)),
                    // A closing mark after terminal punctuation: `... win."`
                    TokenKind::Mark(..) => t > para.first && is_terminal(tokens[t - 1].span().slice(text)),
                    TokenKind::Word => {
                        lex.is_ambiguous_abbreviation(tok.span().slice(text))
                            && (tokens.get(t + 1).is_some_and(|n| t + 1 < para.last && lex.is_not_name(n.span().slice(text)))
                                || opens_quoted_sentence(text, tokens, region_of, t + 1, para.last))
                    }
                    TokenKind::Number => false,
                };
            let mut end = t + 1;
            // Closing marks and brackets after the terminal belong to this sentence.
            while ends && end < para.last && region_of[end].is_none() && {
                let k = tokens[end].kind;
                let w = tokens[end].span().slice(text);
                matches!(k, TokenKind::Mark(..)) && is_closing(tokens, text, end) || w == ")" || w == "]"
            } {
                end += 1;
            }
            // "JAZZ.FM91", "Yahoo!News": no space, no new sentence. (Asked only after a
            // terminal: most tokens end nothing.)
            let spaced = ends && end < para.last && tokens[end].span().start > tokens[end - 1].span().end;
            let starts_next = spaced && {
                let n = tokens[end];
                let w = n.span().slice(text);
                matches!(n.kind, TokenKind::Mark(..) | TokenKind::Number)
                    || w.starts_with(|c: char| c.is_uppercase())
                    || w == "("
                    || w == "—"
                    || w == "–"
            };
            if ends && starts_next {
                out.push(Sentence {
                    span: Span::new(tokens[first].span().start, tokens[end - 1].span().end),
                    paragraph: p,
                    first,
                    last: end,
                });
                first = end;
            }
            t = end;
        }
        if first < para.last {
            out.push(Sentence {
                span: Span::new(tokens[first].span().start, tokens[para.last - 1].span().end),
                paragraph: p,
                first,
                last: para.last,
            });
        }
    }
    out
}

/// Token `t` opens a quote whose first word is capitalised: `... in the U.S. "Forget it," he
/// said.` (after an ambiguous abbreviation, a new sentence; a name does not start with a mark).
fn opens_quoted_sentence(text: &str, tokens: &[Token], region_of: &[Option<std::num::NonZeroU32>], t: usize, last: usize) -> bool {
    t + 1 < last
        && matches!(tokens[t].kind, TokenKind::Mark(..))
        && region_of[t].is_none()
        && region_of[t + 1].is_some()
        && tokens[t + 1].span().slice(text).starts_with(|c: char| c.is_uppercase())
}

/// A mark that ends something: nothing but space or punctuation follows it before the next token.
fn is_closing(tokens: &[Token], text: &str, t: usize) -> bool {
    let end = tokens[t].span().end;
    match tokens.get(t + 1) {
        Some(n) => text[end..n.span().start].chars().any(char::is_whitespace) || !tokens[t + 1].is_word(),
        None => true,
    }
}
