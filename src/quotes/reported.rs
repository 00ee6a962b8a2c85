//! Reported speech: `X said (that) ...`, `..., X said.`, `..., said X.`,
//! `according to X, ...`, `..., according to X.`, `X told reporters ...`,
//! `..., saying ...`. Reported content that holds quoted fragments becomes one
//! mixed quote, and the fragments' regions are marked absorbed.

use super::cues::{cue_at, is_participle, takes_addressee, Cue};
use super::np::{self, is_lower_in, Mention, MentionKind};
use super::{Quote, QuoteKind};
use crate::lexicon::{lexicon, VerbClass};
use crate::text::{Document, Sentence, TokenKind};

/// Words that open a short phrase after a sentence-final cue: `said Tuesday`, `said in a statement`.
const TAIL_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "to", "last", "this", "earlier", "later", "late", "yesterday", "today", "tonight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "via", "through", "after", "before",
    "when", "while", "as", "by", "from", "with", "over", "recently", "previously", "publicly", "again", "also",
];

pub fn detect(doc: &Document, absorbed: &mut [bool]) -> Vec<Quote> {
    let mut out = Vec::new();
    // The top-level regions, in order: they never overlap, so those inside a quote's content are
    // found by binary search (issue 7: scanning all regions per quote was quadratic).
    let top: Vec<usize> = doc.regions.iter().enumerate().filter(|(_, r)| r.depth == 0).map(|(i, _)| i).collect();
    let top = &top[..];
    for s in &doc.sentences {
        let end = content_end(doc, s);
        let mut t = s.first;
        // Where the next quote's content may start: after the previous quote and its speaker, so
        // two `..., according to X` in one sentence give two quotes that do not overlap (issue 7).
        let mut from = s.first;
        while t < end {
            if let Some(cue) = cue_at(doc, t) {
                if let Some(q) = try_cue(doc, s, from, end, &cue, absorbed, top) {
                    t = cue.end.max(doc.token_after(q.span.end).min(end));
                    from = t.max(q.mention.map_or(0, |m| mention_end(doc, &m)));
                    out.push(q);
                    continue;
                }
                t = cue.end;
                continue;
            }
            t += 1;
        }
    }
    out
}

/// The sentence's last token index, exclusive, without its final punctuation.
fn content_end(doc: &Document, s: &Sentence) -> usize {
    let mut e = s.last;
    while e > s.first && doc.is_narrative(e - 1) && matches!(doc.tokens[e - 1].kind, TokenKind::Punct) && !matches!(doc.word(e - 1), ")") {
        e -= 1;
    }
    e
}

fn mention_end(doc: &Document, m: &Mention) -> usize {
    let end = m.role.map_or(m.span.end, |r| r.end.max(m.span.end));
    doc.token_after(end)
}

fn try_cue(doc: &Document, s: &Sentence, from: usize, end: usize, cue: &Cue, absorbed: &mut [bool], top: &[usize]) -> Option<Quote> {
    let lex = lexicon();
    if cue.verb.class == VerbClass::Belief {
        return None;
    }
    let cue_span = Some(doc.token_span(cue.start, cue.end));
    let first = leading_start(doc, s).max(from);
    if cue.according {
        let m = np::phrase_after(doc, cue.end, end)?;
        let m_end = mention_end(doc, &m);
        let (a, b, rule) = if cue.start <= first {
            // According to X, CONTENT.
            let mut a = m_end;
            while a < end && matches!(doc.word(a), "," | "—" | ":") {
                a += 1;
            }
            (a, end, "indirect/according-to-before")
        } else {
            (first, cue.start, "indirect/according-to-after")
        };
        return make(doc, s, a, b, cue_span, cue.verb.lemma, Some(m), rule, absorbed, top);
    }
    let comma_before = cue.start > s.first && matches!(doc.word(cue.start - 1), "," | "—" | "–");
    if is_participle(doc, cue) {
        if !comma_before {
            return None;
        }
        let m = leading_subject(doc, first, cue.start)?;
        let a = skip_that(doc, cue.end, end);
        return make(doc, s, a, end, cue_span, cue.verb.lemma, Some(m), "indirect/participle", absorbed, top);
    }
    if let Some(m) = np::subject_before(doc, cue.start, s.first) {
        if cue.verb.class == VerbClass::Evidence && !is_document(doc, &m) {
            return None;
        }
        let m_start = doc.token_after(m.span.start);
        if is_tail(doc, cue.end, end) {
            // CONTENT, X said.
            let mut b = m_start;
            if b <= first || !matches!(doc.word(b - 1), "," | "—" | "–") {
                return None;
            }
            while b > first && matches!(doc.word(b - 1), "," | "—" | "–") {
                b -= 1;
            }
            return make(doc, s, first, b, cue_span, cue.verb.lemma, Some(m), "indirect/said-after", absorbed, top);
        }
        // X said (that) CONTENT.
        let mut a = cue.end;
        if takes_addressee(cue.verb.lemma) {
            a = skip_addressee(doc, a, end)?;
        }
        a = skip_that(doc, a, end);
        if a < end && np::is_lower_in(&["to", "for", "with", "about", "of", "by", "up", "off", "out", "into", "over", "away", "back", "down"], doc.word(a)) {
            return None;
        }
        return make(doc, s, a, end, cue_span, cue.verb.lemma, Some(m), "indirect/said-that", absorbed, top);
    }
    if comma_before && cue.verb.class == VerbClass::Speech {
        // CONTENT, said X.
        let m = np::phrase_after(doc, cue.end, end)?;
        if mention_end(doc, &m) < end && !is_tail(doc, mention_end(doc, &m), end) {
            return None;
        }
        let mut b = cue.start;
        while b > first && matches!(doc.word(b - 1), "," | "—" | "–") {
            b -= 1;
        }
        let _ = lex;
        return make(doc, s, first, b, cue_span, cue.verb.lemma, Some(m), "indirect/said-inverted", absorbed, top);
    }
    None
}

/// The first token of the sentence's own words (after a leading conjunction or dash).
fn leading_start(doc: &Document, s: &Sentence) -> usize {
    let mut a = s.first;
    while a < s.last && (matches!(doc.word(a), "—" | "–" | "-") || doc.word(a) == "But" || doc.word(a) == "And") {
        a += 1;
    }
    a
}

fn is_document(doc: &Document, m: &Mention) -> bool {
    let lex = lexicon();
    let last = doc.word(doc.token_after(m.span.end).saturating_sub(1)).to_lowercase();
    lex.documents.contains(&last) || lex.documents.contains(&m.span.slice(doc.text).to_lowercase())
}

/// True when tokens `[a, end)` hold nothing but a short adverbial (`in a statement on Tuesday`).
fn is_tail(doc: &Document, a: usize, end: usize) -> bool {
    if a >= end {
        return true;
    }
    if end - a > 10 {
        return false;
    }
    let w = doc.word(a);
    (is_lower_in(TAIL_OPENERS, w) || (a + 1 < end && doc.word(a) == "," && is_lower_in(TAIL_OPENERS, doc.word(a + 1))))
        && !(a..end).any(|k| doc.word(k) == "that" || !doc.is_narrative(k))
}

fn skip_that(doc: &Document, mut a: usize, end: usize) -> usize {
    // "said in a statement that ...", "said on Tuesday that ...": jump to the "that" when it is near.
    if a < end && is_lower_in(TAIL_OPENERS, doc.word(a)) {
        if let Some(k) = (a..end.min(a + 9)).find(|&k| doc.word(k) == "that") {
            if !(a..k).any(|j| matches!(doc.tokens[j].kind, TokenKind::Punct | TokenKind::Mark(..))) {
                a = k;
            }
        }
    }
    while a < end && (doc.word(a) == "that" || matches!(doc.word(a), "," | ":")) {
        a += 1;
    }
    a
}

/// `told reporters (on Tuesday) (that) ...`: the addressee and what follows it.
fn skip_addressee(doc: &Document, a: usize, end: usize) -> Option<usize> {
    if a >= end {
        return None;
    }
    if let Some(k) = (a..end.min(a + 10)).find(|&k| doc.word(k) == "that") {
        if !(a..k).any(|j| matches!(doc.tokens[j].kind, TokenKind::Punct | TokenKind::Mark(..)) && doc.word(j) != ".") {
            return Some(k);
        }
    }
    let w = doc.word(a);
    let lower = w.to_lowercase();
    let mut k = a;
    if matches!(lower.as_str(), "him" | "her" | "them" | "me" | "us" | "you" | "reporters" | "journalists" | "lawmakers" | "supporters" | "listeners" | "viewers" | "students" | "members" | "parliament" | "congress") {
        k += 1;
    } else if w.starts_with(|c: char| c.is_uppercase()) || lower == "the" || lower == "a" || lower == "an" {
        // A named addressee: "the Globe and Mail", "CBC News", "a news conference".
        k += 1;
        while k < end && doc.tokens[k].is_word() && (doc.word(k).starts_with(|c: char| c.is_uppercase()) || doc.word(k) == "and" && k + 1 < end && doc.word(k + 1).starts_with(|c: char| c.is_uppercase())) {
            k += 1;
        }
        if k == a + 1 && lower != "the" && lower != "a" && lower != "an" {
            // a single capitalised word: "told Reuters"
        } else if k == a + 1 {
            // "the" / "a" + lower-case noun phrase: "told a news conference", up to a clause start
            while k < end && k < a + 5 && doc.tokens[k].is_word() && !doc.word(k).starts_with(|c: char| c.is_uppercase()) && lexicon().pronoun(doc.word(k)).is_none() {
                k += 1;
            }
        }
    } else {
        return None;
    }
    // "told reporters on Tuesday" / "told CBC News in an interview"
    while k < end && (is_lower_in(TAIL_OPENERS, doc.word(k)) || doc.word(k) == ",") && k + 1 < end {
        let mut j = k + 1;
        while j < end && j < k + 5 && doc.tokens[j].is_word() && doc.word(j) != "that" && lexicon().pronoun(doc.word(j)).is_none() {
            j += 1;
        }
        if j < end && doc.word(j) == "that" {
            return Some(j);
        }
        break;
    }
    Some(k)
}

/// The subject at the start of a sentence, for participle cues (`Jaberi cautioned ..., saying ...`).
fn leading_subject(doc: &Document, first: usize, limit: usize) -> Option<Mention> {
    let mut best = None;
    for k in first + 1..limit.min(first + 10) {
        let next = doc.word(k);
        let next_is_verbish = doc.tokens[k].is_word() && !next.starts_with(|c: char| c.is_uppercase()) && !is_lower_in(&["of", "for", "at", "and", "from", "with", "'s"], next);
        if !next_is_verbish && doc.word(k) != "," {
            continue;
        }
        if let Some(m) = np::parse(doc, first, k) {
            best = Some(m);
        }
        if next_is_verbish && best.is_some() {
            break;
        }
    }
    best.filter(|m| m.kind != MentionKind::Descriptor || !m.span.slice(doc.text).contains(','))
}

#[allow(clippy::too_many_arguments)]
fn make(
    doc: &Document,
    s: &Sentence,
    a: usize,
    b: usize,
    cue: Option<crate::Span>,
    lemma: &'static str,
    mention: Option<Mention>,
    rule: &'static str,
    absorbed: &mut [bool],
    top: &[usize],
) -> Option<Quote> {
    let (mut a, mut b) = (a, b);
    while a < b && matches!(doc.word(a), "," | ":" | "—" | "–" | ";") {
        a += 1;
    }
    while b > a && matches!(doc.word(b - 1), "," | ":" | "—" | "–" | ";" | "." ) && doc.is_narrative(b - 1) {
        b -= 1;
    }
    // Stop at a colon that introduces a full quote: `said the plan was sound: "..."`.
    if let Some(c) = (a..b).find(|&k| doc.word(k) == ":" && doc.is_narrative(k)) {
        b = c;
    }
    if b <= a || b - a < 2 {
        return None;
    }
    // Regions wholly inside the content.
    let span = doc.token_span(a, b);
    // Top-level regions do not overlap one another and are sorted, so walking back from the last
    // one opening before the span's end can stop at the first that ends before the span.
    let hi = top.partition_point(|&i| doc.regions[i].content.start < span.end);
    let lo = top[..hi].iter().rposition(|&i| doc.regions[i].content.end <= span.start).map_or(0, |k| k + 1);
    let inside: Vec<usize> = top[lo..hi].to_vec();
    // Content that is exactly one quote is a direct quote, found by the direct rules.
    if let [r] = inside[..] {
        let reg = doc.regions[r];
        if reg.open <= a && reg.close.is_none_or(|c| c + 1 >= b) {
            return None;
        }
    }
    // Content that starts inside a quote is a direct quote's attribution, not reported speech.
    if !doc.is_narrative(a) && !doc.tokens[a].is_mark() {
        return None;
    }
    let narrative_words = (a..b).filter(|&k| doc.is_narrative(k) && doc.tokens[k].is_word()).count();
    if narrative_words == 0 {
        return None;
    }
    let kind = if inside.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
    for &r in &inside {
        absorbed[r] = true;
    }
    let rule = if kind == QuoteKind::Mixed { mixed_rule(rule) } else { rule };
    Some(Quote { span, kind, cue, cue_lemma: Some(lemma), mention, follows: None, rule, paragraph: s.paragraph })
}

fn mixed_rule(rule: &'static str) -> &'static str {
    match rule {
        "indirect/said-that" => "mixed/said-that",
        "indirect/said-after" => "mixed/said-after",
        "indirect/said-inverted" => "mixed/said-inverted",
        "indirect/participle" => "mixed/participle",
        "indirect/according-to-before" => "mixed/according-to-before",
        _ => "mixed/according-to-after",
    }
}
