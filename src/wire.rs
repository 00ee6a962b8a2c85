//! JSON Lines wire types: what `analyze` writes and `audit` reads back.
//!
//! Kept apart from the core types so the pipeline can change without
//! breaking the output contract documented in `docs/schema.md`.
//!
//! Texts are `Cow`s: written straight from the article and the analysis they
//! borrow (no copy per span), read back as owned strings.

use crate::lexicon::Gender;
use crate::quotes::QuoteKind;
use crate::report::{Finding, Summary};
use crate::sources::SourceType;
use crate::{Analysis, Span};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A span with its text.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SpanText<'a> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
}

impl<'a> SpanText<'a> {
    fn of(span: Span, text: &'a str) -> SpanText<'a> {
        SpanText { start: span.start, end: span.end, text: Cow::Borrowed(span.slice(text)) }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Speaker<'a> {
    /// The source's name (fullest form) or descriptor.
    pub name: Cow<'a, str>,
    pub anonymous: bool,
    /// Index into `sources`.
    pub source: Option<usize>,
    /// The mention nearest the quote (`Mr. Rasoul`, `he`).
    pub mention: Option<SpanText<'a>>,
    /// True when nothing in the text attributes the quote (no cue, no speaker to continue) and
    /// the speaker is read from context: the person the story is about at that point.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct QuoteOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
    pub kind: QuoteKind,
    pub cue: Option<SpanText<'a>>,
    pub speaker: Option<Speaker<'a>>,
    /// The id of the rule that found the quote.
    pub rule: Cow<'a, str>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SourceOut<'a> {
    pub name: Cow<'a, str>,
    #[serde(rename = "type")]
    pub kind: SourceType,
    pub anonymous: bool,
    pub title: Option<Cow<'a, str>>,
    pub role: Option<Cow<'a, str>>,
    pub affiliation: Option<Cow<'a, str>>,
    pub descriptor: Option<Cow<'a, str>>,
    pub count: Option<u32>,
    pub anonymity_reason: Option<SpanText<'a>>,
    pub gender: Gender,
    pub mentions: Vec<SpanText<'a>>,
    /// Indices into `quotes`.
    pub quotes: Vec<usize>,
    pub quoted_words: usize,
}

/// One output line of `analyze`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DocOut<'a> {
    pub id: Value,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
    /// The analysed text, present when it is not the input verbatim (HTML input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Cow<'a, str>>,
    pub quotes: Vec<QuoteOut<'a>>,
    pub sources: Vec<SourceOut<'a>>,
    pub summary: Summary,
    pub findings: Vec<Finding>,
}

/// The record written in place of a line that could not be analysed.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ErrorOut {
    pub id: Value,
    pub line: usize,
    pub error: String,
}

impl<'a> DocOut<'a> {
    pub fn new(id: Value, meta: Map<String, Value>, a: &'a Analysis) -> DocOut<'a> {
        let text = a.doc.text;
        let quotes = a
            .quotes
            .iter()
            .zip(&a.attributions)
            .map(|(q, at)| QuoteOut {
                start: q.span.start,
                end: q.span.end,
                text: Cow::Borrowed(q.span.slice(text)),
                kind: q.kind,
                cue: q.cue.map(|c| SpanText::of(c, text)),
                speaker: speaker(a, at.source, at.mention, at.inferred),
                rule: Cow::Borrowed(q.rule),
            })
            .collect();
        let sources = a
            .sources
            .iter()
            .map(|s| SourceOut {
                name: Cow::Borrowed(&s.name),
                kind: s.kind,
                anonymous: s.anonymous,
                title: s.title.map(|t| Cow::Borrowed(t.slice(text))),
                role: s.role.map(|r| Cow::Borrowed(r.slice(text))),
                affiliation: s.affiliation.as_deref().map(Cow::Borrowed),
                descriptor: s.descriptor.map(|d| Cow::Borrowed(d.slice(text))),
                count: s.count,
                anonymity_reason: s.anonymity_reason.map(|r| SpanText::of(r, text)),
                gender: s.gender,
                mentions: s.mentions.iter().map(|m| SpanText::of(*m, text)).collect(),
                quotes: s.quotes.clone(),
                quoted_words: s.quoted_words,
            })
            .collect();
        DocOut { id, meta, text: None, quotes, sources, summary: a.summary.clone(), findings: a.findings.clone() }
    }
}

fn speaker<'a>(a: &'a Analysis, source: Option<usize>, mention: Option<Span>, inferred: bool) -> Option<Speaker<'a>> {
    let text = a.doc.text;
    match (source, mention) {
        (None, None) => None,
        (Some(id), m) => {
            let s = &a.sources[id];
            Some(Speaker {
                name: Cow::Borrowed(&s.name),
                anonymous: s.anonymous,
                source: Some(id),
                mention: m.map(|m| SpanText::of(m, text)),
                inferred,
            })
        }
        (None, Some(m)) => Some(Speaker {
            name: Cow::Borrowed(m.slice(text)),
            anonymous: false,
            source: None,
            mention: Some(SpanText::of(m, text)),
            inferred,
        }),
    }
}

fn owned(s: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(s.into_owned())
}

impl SpanText<'_> {
    pub fn into_owned(self) -> SpanText<'static> {
        SpanText { start: self.start, end: self.end, text: owned(self.text) }
    }
}

impl DocOut<'_> {
    /// The same record with every text copied: free of the analysis it was made from.
    pub fn into_owned(self) -> DocOut<'static> {
        DocOut {
            id: self.id,
            meta: self.meta,
            text: self.text.map(owned),
            quotes: self
                .quotes
                .into_iter()
                .map(|q| QuoteOut {
                    start: q.start,
                    end: q.end,
                    text: owned(q.text),
                    kind: q.kind,
                    cue: q.cue.map(SpanText::into_owned),
                    speaker: q.speaker.map(|s| Speaker {
                        name: owned(s.name),
                        anonymous: s.anonymous,
                        source: s.source,
                        mention: s.mention.map(SpanText::into_owned),
                        inferred: s.inferred,
                    }),
                    rule: owned(q.rule),
                })
                .collect(),
            sources: self
                .sources
                .into_iter()
                .map(|s| SourceOut {
                    name: owned(s.name),
                    kind: s.kind,
                    anonymous: s.anonymous,
                    title: s.title.map(owned),
                    role: s.role.map(owned),
                    affiliation: s.affiliation.map(owned),
                    descriptor: s.descriptor.map(owned),
                    count: s.count,
                    anonymity_reason: s.anonymity_reason.map(SpanText::into_owned),
                    gender: s.gender,
                    mentions: s.mentions.into_iter().map(SpanText::into_owned).collect(),
                    quotes: s.quotes,
                    quoted_words: s.quoted_words,
                })
                .collect(),
            summary: self.summary,
            findings: self.findings,
        }
    }
}
