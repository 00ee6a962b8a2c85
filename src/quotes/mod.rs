//! Stage 2: finding quotes and the phrase each cue points at.
//!
//! In: a [`Document`] (tokens, quote regions, sentences).
//! Out: [`Quote`]s sorted by position, each with its kind, content span, cue
//! span, the speaker [`Mention`] its cue names (if any), whether it continues
//! the previous speaker, and the id of the rule that found it. Resolving
//! mentions to sources (`Mr. Rasoul` → Yahya Rasoul) is the next stage's job.
//!
//! Rules run in this order: reported speech (which absorbs quoted fragments
//! into mixed quotes), then direct quotes for the quote regions left over,
//! then pull quotes and paragraphs labelled with a name and a colon, and the answers of an
//! interview transcript (`Q:` / `A:`).

mod cues;
mod direct;
mod labelled;
pub mod np;
mod pull;
mod reported;

pub use labelled::ANSWER_RULE;
pub use np::{Mention, MentionKind};

use crate::Span;
use crate::text::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech: `X said (that) ...`, `according to X, ...`.
    Indirect,
    /// Reported speech holding a quoted fragment.
    Mixed,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// One quote found in the text.
#[derive(Clone, Debug)]
pub struct Quote {
    /// The quoted content (marks excluded for direct quotes).
    pub span: Span,
    pub kind: QuoteKind,
    /// The attribution cue (`said`, `according to`), if the quote has its own.
    pub cue: Option<Span>,
    /// Lemma of the cue verb (`say`, `claim`), for the loaded-verb finding.
    pub cue_lemma: Option<&'static str>,
    /// The phrase the cue names as speaker.
    pub mention: Option<Mention>,
    /// With no cue of its own, the quote continues the speaker of this earlier quote.
    pub follows: Option<usize>,
    /// The rule that found it, such as `direct/said-after`.
    pub rule: &'static str,
    pub paragraph: usize,
    /// The quote's words (white-space separated) and, of those, the ones holding a letter or a
    /// digit: [`crate::text::word_counts`] of its span, counted once at the end of [`detect`]
    /// for both the summary and the sources (each read the span again before).
    pub words: (usize, usize),
}

impl Quote {
    /// The same quote for a section starting `offset` bytes into the whole text, after
    /// `quote_base` quotes and `paragraph_base` paragraphs of the sections before it.
    pub(crate) fn shift(&mut self, offset: usize, quote_base: usize, paragraph_base: usize) {
        if offset == 0 && quote_base == 0 && paragraph_base == 0 {
            return;
        }
        self.span = self.span.shifted(offset);
        self.cue = self.cue.map(|c| c.shifted(offset));
        if let Some(m) = &mut self.mention {
            m.span = m.span.shifted(offset);
            for sp in [&mut m.name, &mut m.title, &mut m.premodifier, &mut m.role, &mut m.relative].into_iter().flatten() {
                *sp = sp.shifted(offset);
            }
        }
        self.follows = self.follows.map(|j| j + quote_base);
        self.paragraph += paragraph_base;
    }
}

/// Finds every quote in `doc`.
///
/// ```
/// let doc = whosaid::text::Document::new("“We will rebuild,” said Mayor Ana Ruiz.");
/// let quotes = whosaid::quotes::detect(&doc);
/// assert_eq!(quotes.len(), 1);
/// assert_eq!(quotes[0].span.slice(doc.text), "We will rebuild,");
/// assert_eq!(quotes[0].mention.unwrap().span.slice(doc.text), "Mayor Ana Ruiz");
/// ```
pub fn detect(doc: &Document) -> Vec<Quote> {
    let mut absorbed = vec![false; doc.regions.len()];
    let mut quotes = reported::detect(doc, &mut absorbed);
    quotes.extend(direct::detect(doc, &absorbed, &quotes));
    let pulled = pull::detect(doc, &quotes);
    quotes.extend(pulled);
    let labelled = labelled::detect(doc, &quotes);
    if !labelled.is_empty() {
        // Fragments with no cue inside a labelled claim are part of it (labelled claims are one per
        // paragraph, in order: a binary search each).
        let holder = |q: &Quote| {
            let n = labelled.partition_point(|l| l.span.start <= q.span.start);
            (n > 0 && q.span.end <= labelled[n - 1].span.end).then(|| &labelled[n - 1])
        };
        // An interview's answer is the interviewee's words whole: the quotes and claims found
        // inside it are part of it.
        quotes.retain(|q| match holder(q) {
            Some(l) => l.rule != ANSWER_RULE && q.rule != "direct/no-cue",
            None => true,
        });
    }
    // (A fragment running past the labelled claim's end stays, and the claim gives way to it.)
    // (The spans are sorted only when there is a labelled claim: most articles have none.)
    if !labelled.is_empty() {
        let kept = TakenSpans::new(&quotes);
        quotes.extend(labelled.into_iter().filter(|l| !kept.overlaps(l.span)));
    }
    quotes.retain(|q| !is_furniture(doc, q.paragraph));
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    link_continuations(doc, &mut quotes);
    for q in &mut quotes {
        q.words = crate::text::word_counts(q.span.slice(doc.text));
    }
    quotes
}

/// Spans already taken by quotes, by start, with the running maximum end: whether any overlaps a
/// span is one binary search, not a scan of every quote per candidate (quadratic, issue 7).
struct TakenSpans {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl TakenSpans {
    fn new(quotes: &[Quote]) -> TakenSpans {
        Self::new_without_rule(quotes, "")
    }

    /// The spans of the quotes not found by `rule`.
    fn new_without_rule(quotes: &[Quote], rule: &str) -> TakenSpans {
        let mut spans: Vec<Span> = quotes.iter().filter(|q| q.rule != rule).map(|q| q.span).filter(|s| !s.is_empty()).collect();
        spans.sort_by_key(|s| s.start);
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = s.end.max(*m);
                Some(*m)
            })
            .collect();
        TakenSpans { spans, max_end }
    }

    /// Whether a (non-empty) taken span overlaps `span`.
    fn overlaps(&self, span: Span) -> bool {
        let n = self.spans.partition_point(|s| s.start < span.end);
        !span.is_empty() && n > 0 && self.max_end[n - 1] > span.start
    }
}

/// Whether `span` wholly holds a top-level quote region (regions are sorted by position, so this
/// is a look-up, not a scan of every region).
fn holds_top_level_quote(doc: &Document, span: Span) -> bool {
    let first = doc.regions.partition_point(|r| r.content.start < span.start);
    doc.regions[first..].iter().take_while(|r| r.content.start < span.end).any(|r| r.depth == 0 && span.contains(r.content))
}

/// Whether paragraph `p` is page furniture (`READ MORE: ...`, `WATCH: ...`): a link or a
/// caption, not the story. Its quotes and names are not the article's.
pub(crate) fn is_furniture(doc: &Document, p: usize) -> bool {
    let span = doc.paragraphs[p].span;
    // Only a colon in the first 25 bytes can end a label of at most 24 bytes: look no further
    // (this is asked for many paragraphs, some of them long). `:` is ASCII, so its byte index
    // is a character boundary.
    // (Most paragraphs have no colon there, and this is asked once per paragraph with a
    // capitalised word and once per quote: a paragraph of 25 bytes or more, most of them, is
    // tested by three loads and a byte, with no call, before its text is sliced; `memchr` on so
    // few bytes is a loop a byte at a time, about 100 instructions.)
    let head = &doc.text.as_bytes()[span.start..span.end.min(span.start + 25)];
    if head.len() == 25 && !colon_in_25(head) {
        return false;
    }
    let Some(colon) = memchr::memchr(b':', head) else { return false };
    let text = span.slice(doc.text);
    // (Labels are listed in capitals; pages print them in any case: "Watch:", "The Latest:".)
    let label = text[..colon].trim();
    let labels = &crate::lexicon::lexicon().boilerplate_labels;
    labels.contains(label) || label.chars().any(char::is_lowercase) && labels.contains(label.to_uppercase().as_str())
}

/// Whether the 25 bytes `head` hold a colon: three eight-byte words, each XOR-ed with
/// colons, where a colon leaves a zero byte, found by the usual borrow test (exact as "any"),
/// and the last byte.
#[inline]
fn colon_in_25(head: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let colons = |at: usize| {
        let x = u64::from_le_bytes(head[at..at + 8].try_into().expect("8 bytes")) ^ (ONES * b':' as u64);
        x.wrapping_sub(ONES) & !x & HIGH_BITS
    };
    colons(0) | colons(8) | colons(16) != 0 || head[24] == b':'
}

/// `w.trim_end_matches("'s").trim_end_matches("’s")`, by `strip_suffix`: a `&str` pattern's
/// searcher cost about 250 instructions a call, asked of each named speaker's mention.
fn without_possessives(mut w: &str) -> &str {
    while let Some(stem) = w.strip_suffix("'s") {
        w = stem;
    }
    while let Some(stem) = w.strip_suffix("’s") {
        w = stem;
    }
    w
}

/// A quote with no cue continues the nearest earlier quote with a speaker, in its own
/// paragraph or the one before (the news convention for a speaker's run of quotes).
fn link_continuations(doc: &Document, quotes: &mut [Quote]) {
    // The latest quote with a speaker so far, kept as we go (searching back from each quote was
    // quadratic when no earlier quote had one, issue 7).
    let mut prev: Option<usize> = None;
    // Surnames that name a speaker somewhere in the article (by a cue of their own).
    let surname = |m: &Mention| m.name.unwrap_or(m.span).slice(doc.text).split_whitespace().last().map(without_possessives);
    // (Only looked up: FxHash, not SipHash.)
    let speakers: rustc_hash::FxHashSet<&str> =
        quotes.iter().filter_map(|q| q.mention.as_ref()).filter(|m| m.kind == MentionKind::Name).filter_map(surname).collect();
    // The latest answer of an interview transcript: the next answer is the same person's.
    let mut last_answer: Option<usize> = None;
    for i in 0..quotes.len() {
        if quotes[i].rule == ANSWER_RULE {
            quotes[i].follows = last_answer;
            last_answer = Some(i);
            prev = Some(i);
            continue;
        }
        if quotes[i].mention.is_some() || quotes[i].follows.is_some() {
            prev = Some(i);
            continue;
        }
        let para = quotes[i].paragraph;
        // A narrative sentence right before the quote whose subject is a named person hands the
        // floor to that person ("Vale did not need much persuading. “I would do it again ...”").
        if quotes[i].rule == "direct/no-cue" {
            // (Only someone who speaks elsewhere in the article: the sentence may be background
            // about anybody.)
            let subject = narrative_subject_before(doc, &quotes[i], prev.map(|j| quotes[j].span.end))
                .filter(|m| surname(m).is_some_and(|w| speakers.contains(w)));
            if let Some(m) = subject {
                quotes[i].mention = Some(m);
                quotes[i].rule = "direct/narrative-subject";
                prev = Some(i);
                continue;
            }
        }
        // A quote worked into a narrative sentence of a new paragraph ("a charity aiming to
        // “bring the river back”") is the writer's borrowing, not the last speaker going on.
        let t = doc.token_after(quotes[i].span.start);
        let open = t.checked_sub(1).filter(|&o| doc.tokens[o].is_mark()).unwrap_or(t);
        let embedded = open > doc.paragraphs[para].first && doc.tokens[open - 1].is_word() && doc.is_narrative(open - 1);
        if embedded && prev.is_none_or(|j| quotes[j].paragraph != para) && quotes[i].rule == "direct/no-cue" {
            // Its own sentence's subject, when that is a person: `She rhymed off a list ... for “...”`.
            let s = doc.sentences[doc.sentence_of[open] as usize];
            let first = reported::skip_intro(doc, s.first, open);
            let subject = reported::leading_subject(doc, first, open)
                .filter(|m| m.span.start == doc.tokens[first].span().start)
                .filter(|m| person_like(doc, m) && (m.kind != MentionKind::Name || surname(m).is_some_and(|w| speakers.contains(w))));
            if let Some(m) = subject {
                quotes[i].mention = Some(m);
                quotes[i].rule = "direct/sentence-subject";
                prev = Some(i);
                continue;
            }
        }
        if let Some(j) = prev.filter(|&j| !embedded || quotes[j].paragraph == para) {
            // (Page furniture between does not count: "WATCH: ..." lines break no speech. Only
            // short gaps are looked at, so the count stays linear.)
            let raw = para - quotes[j].paragraph;
            let gap = if raw <= 4 { raw - (quotes[j].paragraph + 1..para).filter(|&p| is_furniture(doc, p)).count() } else { raw };
            // Paragraphs between must hold no narrative sentence of their own: only quotes continue.
            if gap <= 1 || (gap == 2 && doc.paragraphs.get(para - 1).is_some_and(|p| p.last > p.first && !doc.is_narrative(p.first + 1))) {
                quotes[i].follows = Some(j);
                prev = Some(i);
                if quotes[i].rule == "direct/no-cue" {
                    quotes[i].rule = "direct/continues-speaker";
                }
            }
        }
    }
}

/// A mention that can be a person speaking: a name (not a possessive), a personal pronoun, or a
/// description headed by a role or anonymity noun (`The judge`, not `The international outreach`).
fn person_like(doc: &Document, m: &Mention) -> bool {
    let text = m.span.slice(doc.text);
    let head = text.split_whitespace().last().unwrap_or("").to_lowercase();
    match m.kind {
        MentionKind::Name => !text.ends_with("'s") && !text.ends_with("’s"),
        MentionKind::Pronoun => head != "it",
        MentionKind::Descriptor => {
            let lex = crate::lexicon::lexicon();
            lex.is_role(&head) || lex.anonymous_heads.contains(head.as_str())
        }
    }
}

/// The named subject of the narrative sentence just before `q` (in its paragraph, or ending the
/// paragraph before), when that sentence holds no quote and comes after `after`.
fn narrative_subject_before(doc: &Document, q: &Quote, after: Option<usize>) -> Option<Mention> {
    let t = doc.token_after(q.span.start);
    let open = t.checked_sub(1).filter(|&o| doc.tokens[o].is_mark()).unwrap_or(t);
    let si = doc.sentence_of[open] as usize;
    if doc.sentences[si].first != open || si == 0 {
        return None;
    }
    let prev = &doc.sentences[si - 1];
    if prev.paragraph + 1 < q.paragraph || after.is_some_and(|a| a > prev.span.start) {
        return None;
    }
    if (prev.first..prev.last).any(|k| !doc.is_narrative(k) || doc.tokens[k].is_mark()) {
        return None;
    }
    let m = reported::leading_subject(doc, prev.first, prev.last)?;
    // (Not a coordinated subject: "Marsh and Ortiz have also won" is background.)
    let single = !m.span.slice(doc.text).split_whitespace().any(|w| w == "and" || w == "&");
    (m.kind == MentionKind::Name && single && m.span.start == doc.tokens[prev.first].span().start).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `without_possessives` trims as the two `trim_end_matches` did, repeated endings included.
    #[test]
    fn without_possessives_is_trim_end_matches() {
        for w in [
            "",
            "s",
            "'s",
            "’s",
            "Ruiz",
            "Ruiz's",
            "Ruiz’s",
            "Ruiz's's",
            "Ruiz’s's",
            "Ruiz's’s",
            "Ruiz’s’s",
            "Ruiz'",
            "Ruiz’",
            "Ruiz'S",
            "s's",
            "Ruiz's.",
        ] {
            assert_eq!(without_possessives(w), w.trim_end_matches("'s").trim_end_matches("’s"), "{w:?}");
        }
    }

    /// `colon_in_25` is `contains(&b':')` with a colon, or a byte near it in value, at every
    /// position, with two of them, and with none.
    #[test]
    fn colon_in_25_is_contains() {
        assert!(!colon_in_25(&[b'a'; 25]));
        assert!(!colon_in_25(&[0xFF; 25]));
        for at in 0..25 {
            for b in [b':', b'9', b';', 0xBA, 0x3B, 0x39, 0, 0x80] {
                let mut head = [b'a'; 25];
                head[at] = b;
                assert_eq!(colon_in_25(&head), head.contains(&b':'), "{head:?}");
                head[24 - at] = b':';
                assert!(colon_in_25(&head), "{head:?}");
            }
        }
    }
}
