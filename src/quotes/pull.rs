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
        // (Or a post's signature glued to its last sentence, after its links and tags: `... days.
        // #NVStorm pic.twitter.com/x — Norvale Power (@norvalepower) December 22, 2018`.)
        let glued_signature = || {
            (last_sentence.first + 1..para.last)
                .rev()
                .take(16)
                .filter(|&k| doc.word_in(k, &["—", "–", "―"]))
                .find_map(|k| bare_name(doc, k, last_sentence.last, true).map(|m| (k, m)))
        };
        let (content_end, mention) = if let Some(m) =
            (last_sentence.first > para.first).then(|| bare_name(doc, last_sentence.first, last_sentence.last, false)).flatten()
        {
            (last_sentence.first, m)
        } else if let Some(found) = glued_signature() {
            found
        } else if let Some(m) = doc.paragraphs.get(p + 1).and_then(|n| bare_name(doc, n.first, n.last, true)) {
            (para.last, m)
        } else {
            continue;
        };
        // The content: the paragraph's own words, at least a sentence's worth, not already a quote.
        // (Past a post's markup, `<tweet id="..." author="@x">`, as some archives keep it.)
        let (mut a, mut b) = (para.first, content_end);
        if doc.word_is(a, "<") {
            a = (a..b.min(a + 40)).find(|&k| doc.word_is(k, ">")).map_or(a, |k| k + 1);
        }
        while a < b && doc.tokens[a].is_mark() {
            a += 1;
        }
        // (Without the post's trailing links and tags: `pic.twitter.com/x`, `https://t.co/x`, `#NVStorm`.)
        let content_text = doc.text[doc.tokens[a].span().start..doc.tokens[b.max(a + 1) - 1].span().end].trim_end();
        let mut kept = content_text.len();
        while let Some((rest, last)) = content_text[..kept].trim_end().rsplit_once(char::is_whitespace) {
            if !(last.starts_with('#') || last.contains("://") || last.contains("twitter.com/") || last.starts_with("t.co/")) {
                break;
            }
            kept = rest.len();
        }
        let kept_end = doc.tokens[a].span().start + kept;
        while b > a + 1 && doc.tokens[b - 1].span().start >= kept_end {
            b -= 1;
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
