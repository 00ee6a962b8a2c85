//! JSON Lines wire types: what `analyze` writes and `audit` reads back.
//!
//! Kept apart from the core types so the pipeline can change without
//! breaking the output contract documented in `docs/schema.md`.

use crate::lexicon::Gender;
use crate::quotes::QuoteKind;
use crate::report::{Finding, Summary};
use crate::sources::SourceType;
use crate::{Analysis, Span};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A span with its text.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SpanText {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl SpanText {
    fn of(span: Span, text: &str) -> SpanText {
        SpanText { start: span.start, end: span.end, text: span.slice(text).to_string() }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Speaker {
    /// The source's name (fullest form) or descriptor.
    pub name: String,
    pub anonymous: bool,
    /// Index into `sources`.
    pub source: Option<usize>,
    /// The mention nearest the quote (`Mr. Rasoul`, `he`).
    pub mention: Option<SpanText>,
    /// True when nothing in the text attributes the quote (no cue, no speaker to continue) and
    /// the speaker is read from context: the person the story is about at that point.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct QuoteOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub cue: Option<SpanText>,
    pub speaker: Option<Speaker>,
    /// The id of the rule that found the quote.
    pub rule: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SourceOut {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: SourceType,
    pub anonymous: bool,
    pub title: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub descriptor: Option<String>,
    pub count: Option<u32>,
    pub anonymity_reason: Option<SpanText>,
    pub gender: Gender,
    pub mentions: Vec<SpanText>,
    /// Indices into `quotes`.
    pub quotes: Vec<usize>,
    pub quoted_words: usize,
}

/// One output line of `analyze`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DocOut {
    pub id: Value,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
    /// The analysed text, present when it is not the input verbatim (HTML input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub quotes: Vec<QuoteOut>,
    pub sources: Vec<SourceOut>,
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

impl DocOut {
    pub fn new(id: Value, meta: Map<String, Value>, a: &Analysis) -> DocOut {
        let text = a.doc.text;
        let quotes = a
            .quotes
            .iter()
            .zip(&a.attributions)
            .map(|(q, at)| QuoteOut {
                start: q.span.start,
                end: q.span.end,
                text: q.span.slice(text).to_string(),
                kind: q.kind,
                cue: q.cue.map(|c| SpanText::of(c, text)),
                speaker: speaker(a, at.source, at.mention, at.inferred),
                rule: q.rule.to_string(),
            })
            .collect();
        let sources = a
            .sources
            .iter()
            .map(|s| SourceOut {
                name: s.name.clone(),
                kind: s.kind,
                anonymous: s.anonymous,
                title: s.title.map(|t| t.slice(text).to_string()),
                role: s.role.map(|r| r.slice(text).to_string()),
                affiliation: s.affiliation.clone(),
                descriptor: s.descriptor.map(|d| d.slice(text).to_string()),
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

fn speaker(a: &Analysis, source: Option<usize>, mention: Option<Span>, inferred: bool) -> Option<Speaker> {
    let text = a.doc.text;
    match (source, mention) {
        (None, None) => None,
        (Some(id), m) => {
            let s = &a.sources[id];
            Some(Speaker {
                name: s.name.clone(),
                anonymous: s.anonymous,
                source: Some(id),
                mention: m.map(|m| SpanText::of(m, text)),
                inferred,
            })
        }
        (None, Some(m)) => Some(Speaker {
            name: m.slice(text).to_string(),
            anonymous: false,
            source: None,
            mention: Some(SpanText::of(m, text)),
            inferred,
        }),
    }
}
