//! Stage 4: what the analysis means for a reader.
//!
//! In: the quotes, sources and attributions of one article.
//! Out: a [`Summary`] of counts and shares, and [`Finding`]s: media-literacy
//! flags, each with the span that triggered it and a one-line reason.
//! Rendering (JSON, terminal) lives in [`crate::wire`] and [`render`].

pub mod audit;
pub mod html;
pub mod render;

use crate::Span;
use crate::lexicon::lexicon;
use crate::quotes::{Quote, QuoteKind};
use crate::sources::{Attribution, Source, SourceType};
use serde::{Deserialize, Serialize};

/// Counts for one article. Every field is documented in `docs/schema.md`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub quotes: usize,
    pub direct: usize,
    pub indirect: usize,
    pub mixed: usize,
    /// Quotes with no attributable speaker.
    pub unattributed: usize,
    pub sources: usize,
    pub named_sources: usize,
    pub anonymous_sources: usize,
    pub persons: usize,
    pub organisations: usize,
    pub documents: usize,
    pub groups: usize,
    pub anonymous: usize,
    /// Anonymous sources (not vague groups) with no stated reason for anonymity.
    pub anonymous_without_reason: usize,
    /// People behind anonymous sources, where the text counts them.
    pub anonymous_people: u32,
    pub quoted_words: usize,
    pub quoted_words_named: usize,
    pub quoted_words_anonymous: usize,
    /// Share of quoted words from named sources (0 when nothing is quoted).
    pub named_word_share: f64,
    /// Quotes whose cue verb is loaded (`claimed`, `admitted`).
    pub loaded_verbs: usize,
    pub male_sources: usize,
    pub female_sources: usize,
}

/// A media-literacy flag.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Finding {
    /// Stable id: `anonymous-without-reason`, `vague-attribution`, `loaded-verb`,
    /// `single-source`, `all-anonymous`, `unattributed-quote`, `documents-only`.
    pub id: String,
    pub message: String,
    /// The span that triggered it, when there is one.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

impl Finding {
    fn new(id: &str, message: String, span: Option<Span>) -> Finding {
        Finding { id: id.to_string(), message, start: span.map(|s| s.start), end: span.map(|s| s.end) }
    }
}

pub fn summarize(quotes: &[Quote], sources: &[Source], attributions: &[Attribution]) -> Summary {
    let mut s = Summary { quotes: quotes.len(), ..Summary::default() };
    for (q, a) in quotes.iter().zip(attributions) {
        match q.kind {
            QuoteKind::Direct => s.direct += 1,
            QuoteKind::Indirect => s.indirect += 1,
            QuoteKind::Mixed => s.mixed += 1,
        }
        if a.source.is_none() || a.inferred {
            s.unattributed += 1;
        }
        if q.cue_lemma.is_some_and(|l| lexicon().loaded_verbs.contains_key(l)) {
            s.loaded_verbs += 1;
        }
    }
    for src in sources {
        s.count_source(src);
    }
    // (Counted once per quote by `quotes::detect`.)
    s.quoted_words = quotes.iter().map(|q| q.words.0).sum();
    s.share_words();
    s
}

impl Summary {
    /// Counts one more source (all the source counts, and the quoted words by kind of source).
    pub fn count_source(&mut self, src: &Source) {
        let s = self;
        s.sources += 1;
        match src.kind {
            SourceType::Person => s.persons += 1,
            SourceType::Organisation => s.organisations += 1,
            SourceType::Document => s.documents += 1,
            SourceType::Group => s.groups += 1,
            SourceType::Anonymous => s.anonymous += 1,
        }
        if src.anonymous {
            s.anonymous_sources += 1;
            s.quoted_words_anonymous += src.quoted_words;
            s.anonymous_people += src.count.unwrap_or(0);
            if src.kind == SourceType::Anonymous && src.anonymity_reason.is_none() {
                s.anonymous_without_reason += 1;
            }
        } else if matches!(src.kind, SourceType::Person | SourceType::Organisation) {
            s.named_sources += 1;
            s.quoted_words_named += src.quoted_words;
        }
        match src.gender {
            crate::lexicon::Gender::Male => s.male_sources += 1,
            crate::lexicon::Gender::Female => s.female_sources += 1,
            crate::lexicon::Gender::Unknown => {}
        }
    }

    /// Sets `named_word_share` from the quoted-word counts, once every source is counted.
    pub fn share_words(&mut self) {
        let attributed = self.quoted_words_named + self.quoted_words_anonymous;
        self.named_word_share = if attributed > 0 { self.quoted_words_named as f64 / attributed as f64 } else { 0.0 };
    }
}

/// The media-literacy findings of one article.
pub fn findings(text: &str, quotes: &[Quote], sources: &[Source], attributions: &[Attribution]) -> Vec<Finding> {
    let mut out = span_findings(text, quotes, sources, attributions);
    out.extend(article_findings(sources, !quotes.is_empty()));
    sort_findings(&mut out);
    out
}

/// Puts findings in their order in a record: by position (those of the whole article last), then
/// by id; a stable sort, so findings alike keep the order they were made in.
pub fn sort_findings(findings: &mut [Finding]) {
    // (The ids compared where they are: `sort_by_key` cloned two of them per comparison.)
    fn key(f: &Finding) -> (usize, &str) {
        (f.start.unwrap_or(usize::MAX), &f.id)
    }
    findings.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// The findings of [`findings`] that have a span, unsorted: the sources' (anonymous without a
/// reason, vague), then the quotes' (loaded verbs, unattributed quotes).
pub fn span_findings(text: &str, quotes: &[Quote], sources: &[Source], attributions: &[Attribution]) -> Vec<Finding> {
    let lex = lexicon();
    let mut out = Vec::new();
    for src in sources {
        let first = src.mentions.first().copied();
        if src.kind == SourceType::Anonymous && src.anonymity_reason.is_none() {
            out.push(Finding::new(
                "anonymous-without-reason",
                format!("anonymous source \"{}\" with no stated reason for anonymity", src.name),
                first,
            ));
        }
        if src.kind == SourceType::Group {
            out.push(Finding::new("vague-attribution", format!("vague attribution to \"{}\": who exactly?", src.name), first));
        }
    }
    for (q, a) in quotes.iter().zip(attributions) {
        if let (Some(lemma), Some(cue)) = (q.cue_lemma, q.cue) {
            if let Some(reason) = lex.loaded_verbs.get(lemma) {
                out.push(Finding::new("loaded-verb", format!("\"{}\" {}", cue.slice(text), reason), Some(cue)));
            }
        }
        if a.source.is_none() {
            out.push(Finding::new("unattributed-quote", "quote with no attributable speaker".to_string(), Some(q.span)));
        } else if a.inferred {
            let name = a.source.map_or("", |id| sources[id].name.as_str());
            out.push(Finding::new(
                "unattributed-quote",
                format!("quote with no attribution of its own (read from context as {name}'s)"),
                Some(q.span),
            ));
        }
    }
    out
}

/// The findings of [`findings`] about the article as a whole (single source, all anonymous,
/// documents only), unsorted: `quoted` says whether it has any quote.
pub fn article_findings(sources: &[Source], quoted: bool) -> Vec<Finding> {
    let mut tally = SourceTally::default();
    for s in sources {
        tally.add(s);
    }
    tally.findings(quoted, sources.first().map(|s| s.name.as_str()))
}

/// What [`article_findings`] looks at in the sources, counted one source at a time.
#[derive(Clone, Copy, Debug, Default)]
pub struct SourceTally {
    sources: usize,
    /// Sources that are not documents, and those of them that are anonymous.
    people: usize,
    anonymous_people: usize,
    documents: usize,
}

impl SourceTally {
    pub fn add(&mut self, s: &Source) {
        self.sources += 1;
        if s.kind == SourceType::Document {
            self.documents += 1;
        } else {
            self.people += 1;
            self.anonymous_people += usize::from(s.anonymous);
        }
    }

    /// [`article_findings`] of the sources counted, `first` the name of the first of them.
    pub fn findings(&self, quoted: bool, first: Option<&str>) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.sources == 1 && quoted {
            let name = first.unwrap_or_default();
            out.push(Finding::new("single-source", format!("the article quotes a single source: {name}"), None));
        }
        if self.people > 0 && self.anonymous_people == self.people {
            out.push(Finding::new("all-anonymous", "every source quoted is anonymous".to_string(), None));
        }
        if self.sources > 0 && self.documents == self.sources {
            out.push(Finding::new("documents-only", "claims are attributed only to documents".to_string(), None));
        }
        out
    }
}
