//! Paragraphs labelled with their speaker: a name and a colon opening a headline
//! (`Lynch: No outside influence on the inquiry`) or a transcript line (`Matthews: Well,
//! speculation is bad.`). The rest of the paragraph is the named speaker's claim, marks or not.
//!
//! In: the document and the quotes found so far. Out: one quote per labelled paragraph that no
//! other rule has claimed (`direct/name-colon` takes a label followed by a quotation mark), save
//! quoted fragments no rule found a cue for, which become part of the claim.

use super::np::{self, MentionKind};
use super::{Quote, QuoteKind};
use crate::text::{Document, TokenKind};

pub fn detect(doc: &Document, taken: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    // Capitalised words → (the first paragraph holding them, whether another one does too); built
    // on the first label, once per document (a scan per label was quadratic in a long text).
    let mut paragraphs_of: Option<rustc_hash::FxHashMap<&str, (usize, bool)>> = None;
    // (Built on the first label too.)
    let mut taken_spans: Option<super::TakenSpans> = None;
    // Whether the text is an interview transcript: a paragraph opens with `Q:` (asked once).
    let mut transcript: Option<bool> = None;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        // An interview's answer (`A: I think we do.`): the interviewee's own words, verbatim; the
        // questions (`Q: ...`) are the interviewer's and no source's.
        if para.first + 2 < para.last && transcript_label(doc, para) == Some("A") {
            let is_transcript = *transcript.get_or_insert_with(|| doc.paragraphs.iter().any(|o| transcript_label(doc, o) == Some("Q")));
            if is_transcript {
                out.extend(answer(doc, p, para.first + 2, Some(doc.tokens[para.first].span())));
                // (An answer may run on over paragraphs of its own, up to the next question.)
                let next_label = (p + 1..doc.paragraphs.len()).take(8).find(|&o| transcript_label(doc, &doc.paragraphs[o]).is_some());
                if let Some(next) = next_label.filter(|&o| transcript_label(doc, &doc.paragraphs[o]) == Some("Q")) {
                    out.extend((p + 1..next).filter_map(|o| answer(doc, o, doc.paragraphs[o].first, None)));
                }
            }
            continue;
        }
        // The label: one to four capitalised words (an abbreviation's period allowed), then a colon.
        let Some(colon) = (para.first + 1..para.last.min(para.first + 6)).find(|&k| doc.word_is(k, ":")) else { continue };
        let label_words = (para.first..colon).filter(|&k| doc.tokens[k].is_word()).count();
        let capitalised = (para.first..colon)
            .all(|k| doc.word_is(k, ".") || doc.tokens[k].is_word() && doc.word(k).starts_with(|c: char| c.is_uppercase()));
        if !(1..=4).contains(&label_words) || !capitalised || super::is_furniture(doc, p) {
            continue;
        }
        // A label of a name: a person or an organisation, not a description ("Update", "Note") or
        // a section heading in capitals ("ENERGY:", "CURRENCIES:"). The name comes up again in
        // the article, which is about what its owner said.
        // A headline (the text's first paragraph) may name a speaker the article only calls by
        // surname or not at all (`Ann Coulter: ...`, a columnist's byline), or a document
        // (`Poll: ...`, `Report: ...`).
        let headline = para.span.start == 0;
        let document_label = headline && label_words == 1 && {
            let w = crate::lexicon::lower(doc.word(para.first));
            let lex = crate::lexicon::lexicon();
            lex.documents.contains(&*w) || lex.org_heads.contains(&*w)
        };
        let mention = if document_label {
            let span = doc.token_span(para.first, colon);
            Some(np::Mention::bare(span, MentionKind::Descriptor))
        } else {
            np::parse(doc, para.first, colon).filter(|m| m.kind == MentionKind::Name)
        };
        let Some(mention) = mention else { continue };
        let last = doc.word(colon - 1);
        let shouting = last.chars().all(|c| !c.is_lowercase());
        let index = paragraphs_of.get_or_insert_with(|| {
            let mut index = rustc_hash::FxHashMap::default();
            for (q, other) in doc.paragraphs.iter().enumerate() {
                for k in other.first..other.last {
                    if doc.tokens[k].is_word() && doc.word(k).starts_with(|c: char| c.is_uppercase()) {
                        let entry = index.entry(doc.word(k)).or_insert((q, false));
                        entry.1 |= entry.0 != q;
                    }
                }
            }
            index
        });
        let named_again = index.get(last).is_some_and(|&(first_paragraph, several)| several || first_paragraph != p);
        // (A name, not a column's title: `Monday's Morning Email:`.)
        let possessive = (para.first..colon).any(|k| doc.word(k).ends_with("'s") || doc.word(k).ends_with("’s"));
        let full_name = headline && label_words >= 2 && mention.title.is_none() && mention.premodifier.is_none() && !possessive;
        if shouting || !(named_again || full_name || document_label) {
            continue;
        }
        // The claim: the rest of the paragraph, a sentence's worth of the writer's words (a quote
        // right after the colon is the direct rules').
        let a = colon + 1;
        let mut b = para.last;
        while b > a && matches!(doc.tokens[b - 1].kind, TokenKind::Punct) {
            b -= 1;
        }
        if a >= b || !doc.is_narrative(a) || doc.tokens[a].is_mark() || (a..b).filter(|&k| doc.tokens[k].is_word()).count() < 3 {
            continue;
        }
        let span = doc.token_span(a, b);
        // (A quoted fragment with no cue inside it is part of the claim: `Bill Clinton: Hillary
        // 'Better Qualified' ...`; `detect` drops it once the label has it.)
        if taken_spans.get_or_insert_with(|| super::TakenSpans::new_without_rule(taken, "direct/no-cue")).overlaps(span) {
            continue;
        }
        let holds_quote = super::holds_top_level_quote(doc, span);
        out.push(Quote {
            span,
            kind: if holds_quote { QuoteKind::Mixed } else { QuoteKind::Indirect },
            cue: Some(doc.tokens[colon].span()),
            cue_lemma: Some(":"),
            mention: Some(mention),
            follows: None,
            rule: if holds_quote { "mixed/name-colon" } else { "indirect/name-colon" },
            paragraph: p,
            words: (0, 0),
        });
    }
    out
}

/// The transcript label opening a paragraph, `Q` or `A`, when a colon follows it.
fn transcript_label<'d>(doc: &'d Document, para: &crate::text::Paragraph) -> Option<&'d str> {
    (para.first + 1 < para.last && doc.word_in(para.first, &["Q", "A"]) && doc.word_is(para.first + 1, ":")).then(|| doc.word(para.first))
}

/// Paragraph `p`'s answer from token `a` (after its `A:` label, or the whole of a paragraph an
/// answer runs on to): the rest of the paragraph, whole (marks inside it are the interviewee's
/// quoting); its cue is the label, if it has one. Its speaker is the person the interview is
/// with, found by the sources stage; later answers continue the first (`link_continuations`).
fn answer(doc: &Document, p: usize, a: usize, label: Option<crate::Span>) -> Option<Quote> {
    let b = doc.paragraphs[p].last;
    if a >= b || (a..b).filter(|&k| doc.tokens[k].is_word()).count() < 2 {
        return None;
    }
    Some(Quote {
        span: doc.token_span(a, b),
        kind: QuoteKind::Direct,
        cue: label,
        cue_lemma: Some(":"),
        mention: None,
        follows: None,
        rule: ANSWER_RULE,
        paragraph: p,
        words: (0, 0),
    })
}

/// The rule of an interview transcript's answer.
pub const ANSWER_RULE: &str = "direct/transcript-answer";
