//! Pull quotes and embedded posts: a paragraph whose attribution is a bare
//! name line after it (`— Norvale Power (@norvalepower) March 3, 2025`, or a closing
//! `Linda Lamoureux` with no verb), as web news pages print them.

use super::np::{self, MentionKind};
use super::{Quote, QuoteKind};
use crate::lexicon::Classes;
use crate::text::{Document, TokenKind};

pub fn detect(doc: &Document, taken: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in 0..doc.paragraphs.len() {
        let para = doc.paragraphs[p];
        if para.last <= para.first {
            continue;
        }
        // The attribution: the next paragraph, or the paragraph's own last sentence.
        let last_sentence = doc.sentences[doc.sentence_of[para.last - 1] as usize];
        // A line of its own must say more than a name (a role, a handle), or it is a heading.
        let (content_end, mention) = if let Some(m) =
            (last_sentence.first > para.first).then(|| bare_name(doc, last_sentence.first, last_sentence.last, false)).flatten()
        {
            (last_sentence.first, m)
        } else if let Some(m) = doc.paragraphs.get(p + 1).and_then(|n| bare_name(doc, n.first, n.last, true)) {
            (para.last, m)
        } else {
            continue;
        };
        // The content: the paragraph's own words, at least a sentence's worth, not already a quote.
        let (mut a, mut b) = (para.first, content_end);
        while a < b && doc.tokens[a].is_mark() {
            a += 1;
        }
        while b > a && (doc.tokens[b - 1].is_mark() || doc.word_in(b - 1, &[".", "!", "?"])) {
            b -= 1;
        }
        let words = (a..b).filter(|&k| doc.tokens[k].is_word()).count();
        if words < 6 {
            continue;
        }
        let span = doc.token_span(a, b);
        if taken.iter().chain(&out).any(|q: &Quote| q.span.overlaps(span)) {
            continue;
        }
        let kind = if super::holds_top_level_quote(doc, span) && doc.is_narrative(a) { QuoteKind::Mixed } else { QuoteKind::Indirect };
        let kind = if !doc.is_narrative(a) { QuoteKind::Direct } else { kind };
        out.push(Quote {
            span,
            kind,
            cue: None,
            cue_lemma: None,
            mention: Some(mention),
            follows: None,
            rule: "pull-quote/name-line",
            paragraph: p,
            words: (0, 0),
        });
    }
    out
}

/// Tokens `[a, b)` are only an attribution: `— Name (@handle) date`, `Name, role` or `Name`.
pub(super) fn bare_name(doc: &Document, a: usize, b: usize, needs_more: bool) -> Option<np::Mention> {
    let mut a = a;
    while a < b && doc.word_in(a, &["—", "–", "-", "―"]) {
        a += 1;
    }
    if a >= b || b - a > 16 || doc.word(a).eq_ignore_ascii_case("by") {
        return None;
    }
    // The name runs to a comma, a bracket or the end.
    let mut e = a;
    while e < b && doc.tokens[e].is_word() {
        e += 1;
    }
    if e == a || e - a > 5 {
        return None;
    }
    if e < b && !doc.word_in(e, &[",", "(", "."]) {
        return None;
    }
    // On a line of its own: `Name Surname, role` or `Name (@handle)`; a photo credit `(Agency)` is not one.
    let handle = e + 1 < b && doc.word_is(e, "(") && doc.word_is(e + 1, "@");
    let role = e < b && doc.word_is(e, ",") && e - a >= 2;
    if needs_more && !(handle || role) {
        return None;
    }
    // What follows the name must not be a sentence: no verbs, no quotes.
    if (e..b).any(|k| doc.tokens[k].is_mark() || matches!(doc.tokens[k].kind, TokenKind::Word) && doc.has_class(k, Classes::VERB)) {
        return None;
    }
    // A credit in brackets or an agency name is not a speaker.
    if a > 0 && doc.word_is(a - 1, "(") || (e - a < 2 && !needs_more) {
        return None;
    }
    if crate::sources::is_organisation_name(doc.token_span(a, e).slice(doc.text)) && !handle {
        return None;
    }
    let m = np::parse(doc, a, e)?;
    (m.kind == MentionKind::Name && m.span == m.name.unwrap_or_default() && (a..e).all(|k| np::is_name_word(doc.word(k)))).then_some(m)
}
