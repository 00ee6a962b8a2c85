//! JSON Lines wire types: what `analyze` writes and `audit` reads back.
//!
//! Kept apart from the core types so the pipeline can change without
//! breaking the output contract documented in `docs/schema.md`.
//!
//! Texts are `Cow`s: written straight from the article and the analysis they
//! borrow (no copy per span), read back as owned strings. `analyze` writes a
//! record with [`DocOut::write_json`] (serde's bytes, written directly).

use crate::lexicon::Gender;
use crate::quotes::Quote;
use crate::quotes::QuoteKind;
use crate::report::{Finding, Summary};
use crate::sources::{Attribution, Source, SourceType};
use crate::{Analysis, Span};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::io::{self, Write};

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
    /// The age the article gives after the name.
    pub age: Option<u32>,
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
        let quotes = (0..a.quotes.len()).map(|i| quote_out(a, i)).collect();
        let sources = a.sources.iter().map(|s| source_out(s, a.text)).collect();
        DocOut { id, meta, text: None, quotes, sources, summary: a.summary.clone(), findings: a.findings.clone() }
    }
}

/// The record of quote `i` of `a`.
fn quote_out<'a>(a: &'a Analysis, i: usize) -> QuoteOut<'a> {
    let (q, at, text) = (&a.quotes[i], &a.attributions[i], a.text);
    QuoteOut {
        start: q.span.start,
        end: q.span.end,
        text: Cow::Borrowed(q.span.slice(text)),
        kind: q.kind,
        cue: q.cue.map(|c| SpanText::of(c, text)),
        speaker: speaker(a, at.source, at.mention, at.inferred),
        rule: Cow::Borrowed(q.rule),
    }
}

/// Writes the record of quote `q` of a section of a text, the section `section` starting
/// `offset` bytes into the text: `q`, `at` and `sources` are the section's own (spans into it,
/// ids into its sources), `ids` the ids its sources take in the whole text. The same bytes as
/// [`QuoteOut::write_json`] of [`quote_out`] for the whole text's analysis (see
/// [`crate::stream::TextStream`]).
pub(crate) fn write_section_quote<W: Write + ?Sized>(
    out: &mut W,
    (q, at): (&Quote, &Attribution),
    (sources, ids): (&[Source], &[usize]),
    (section, offset): (&str, usize),
) -> io::Result<()> {
    let of = |span: Span| SpanText { start: span.start + offset, end: span.end + offset, text: Cow::Borrowed(span.slice(section)) };
    let speaker = match (at.source, at.mention) {
        (None, None) => None,
        // (A source takes the name and kind of the earlier one it merges with: the same.)
        (Some(i), m) => Some(Speaker {
            name: Cow::Borrowed(&sources[i].name),
            anonymous: sources[i].anonymous,
            source: Some(ids[i]),
            mention: m.map(of),
            inferred: at.inferred,
        }),
        (None, Some(m)) => Some(Speaker { name: of(m).text, anonymous: false, source: None, mention: Some(of(m)), inferred: at.inferred }),
    };
    let (span, text) = (of(q.span), of(q.span).text);
    QuoteOut { start: span.start, end: span.end, text, kind: q.kind, cue: q.cue.map(of), speaker, rule: Cow::Borrowed(q.rule) }
        .write_json(out)
}

/// Writes the record of source `s` of a section (as [`write_section_quote`]), a source complete
/// with its section (see [`crate::sources::NamedSources::mergeable`]): `quote_base` is the number
/// of quotes of the sections before. The same bytes as [`source_out`] for the whole text.
pub(crate) fn write_section_source<W: Write + ?Sized>(
    out: &mut W,
    s: &Source,
    (section, offset): (&str, usize),
    quote_base: usize,
) -> io::Result<()> {
    let of = |span: Span| SpanText { start: span.start + offset, end: span.end + offset, text: Cow::Borrowed(span.slice(section)) };
    SourceOut {
        name: Cow::Borrowed(&s.name),
        kind: s.kind,
        anonymous: s.anonymous,
        title: s.title.map(|t| of(t).text),
        role: s.role.map(|r| of(r).text),
        age: s.age,
        affiliation: s.affiliation.as_deref().map(Cow::Borrowed),
        descriptor: s.descriptor.map(|d| of(d).text),
        count: s.count,
        anonymity_reason: s.anonymity_reason.map(of),
        gender: s.gender,
        mentions: s.mentions.iter().map(|&m| of(m)).collect(),
        quotes: s.quotes.iter().map(|q| q + quote_base).collect(),
        quoted_words: s.quoted_words,
    }
    .write_json(out)
}

/// The record of one source.
fn source_out<'a>(s: &'a crate::sources::Source, text: &'a str) -> SourceOut<'a> {
    SourceOut { mentions: s.mentions.iter().map(|m| SpanText::of(*m, text)).collect(), quotes: s.quotes.clone(), ..source_head(s, text) }
}

/// [`source_out`] with its `mentions` and `quotes` lists left empty (not allocated), for
/// [`SourceOut::write_json_with`] to write them from the source.
fn source_head<'a>(s: &'a crate::sources::Source, text: &'a str) -> SourceOut<'a> {
    SourceOut {
        name: Cow::Borrowed(&s.name),
        kind: s.kind,
        anonymous: s.anonymous,
        title: s.title.map(|t| Cow::Borrowed(t.slice(text))),
        role: s.role.map(|r| Cow::Borrowed(r.slice(text))),
        age: s.age,
        affiliation: s.affiliation.as_deref().map(Cow::Borrowed),
        descriptor: s.descriptor.map(|d| Cow::Borrowed(d.slice(text))),
        count: s.count,
        anonymity_reason: s.anonymity_reason.map(|r| SpanText::of(r, text)),
        gender: s.gender,
        mentions: Vec::new(),
        quotes: Vec::new(),
        quoted_words: s.quoted_words,
    }
}

fn speaker<'a>(a: &'a Analysis, source: Option<usize>, mention: Option<Span>, inferred: bool) -> Option<Speaker<'a>> {
    let text = a.text;
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
                    age: s.age,
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

// ---------------------------------------------------------------------------------------------
// Writing a record. `analyze` writes one per article, and serde's derived serialisation (one
// call per field and per string, each byte of each string looked up in an escape table) was 7%
// of its run time. The record's shape is fixed, so it is written here directly: the same bytes
// as `serde_json::to_writer` (compact, fields in declaration order, the same skipped fields),
// which `tests` below check on real articles. Texts with nothing to escape (nearly all) are
// copied as they are; the rare text with a `"`, a `\` or a control character, and the parts
// written once per record (id, meta, summary, findings), still go through serde_json.
// ---------------------------------------------------------------------------------------------

impl DocOut<'_> {
    /// Writes the record as one line of compact JSON, without the newline: the same bytes as
    /// `serde_json::to_writer(out, self)`, faster.
    pub fn write_json<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        write_record(
            out,
            (&self.id, &self.meta, self.text.as_deref()),
            |out| array(out, &self.quotes, QuoteOut::write_json),
            |out| array(out, &self.sources, SourceOut::write_json),
            &self.summary,
            |out| array(out, &self.findings, write_finding),
        )
    }
}

/// Writes the record of `a` with its `id`, `meta` and (when given) `text`: the same bytes as
/// [`DocOut::new`] with that text, written by [`DocOut::write_json`], but made one quote and one
/// source at a time. The record's lists are never all in memory: for one huge article they
/// take about as much as its text.
///
/// Spans are sliced while writing: a bug that makes one panic leaves a partial record behind,
/// so `analyze` first writes a huge article's record into [`io::sink`] (under `catch_unwind`).
///
/// ```
/// let a = whosaid::analyze("“We are ready,” said Gen. Ana Ruiz.");
/// let (id, meta) = (serde_json::Value::from(1), Default::default());
/// let mut streamed = Vec::new();
/// whosaid::wire::write_analysis_json(&mut streamed, &id, &meta, None, &a).unwrap();
/// let mut built = Vec::new();
/// whosaid::wire::DocOut::new(id, meta, &a).write_json(&mut built).unwrap();
/// assert_eq!(streamed, built);
/// ```
pub fn write_analysis_json<W: Write + ?Sized>(
    out: &mut W,
    id: &Value,
    meta: &Map<String, Value>,
    text: Option<&str>,
    a: &Analysis,
) -> io::Result<()> {
    write_record(
        out,
        (id, meta, text),
        |out| array_of(out, (0..a.quotes.len()).map(|i| quote_out(a, i)), |q, out| q.write_json(out)),
        |out| {
            array_of(out, a.sources.iter(), |s, out| {
                // (The source's lists written from the source itself: no vectors to collect.)
                source_head(s, a.text).write_json_with(
                    out,
                    |out| array_of(out, s.mentions.iter().map(|&m| SpanText::of(m, a.text)), |m, out| m.write_json(out)),
                    |out| array(out, &s.quotes, |&n, out| number(out, n)),
                )
            })
        },
        &a.summary,
        |out| array(out, &a.findings, write_finding),
    )
}

/// A record: id, meta and text, the quotes and sources (written by the callers), the summary, and
/// the findings (written by the callers).
pub(crate) fn write_record<W: Write + ?Sized>(
    out: &mut W,
    (id, meta, text): (&Value, &Map<String, Value>, Option<&str>),
    quotes: impl FnOnce(&mut W) -> io::Result<()>,
    sources: impl FnOnce(&mut W) -> io::Result<()>,
    summary: &Summary,
    findings: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    out.write_all(b"{\"id\":")?;
    serde(out, id)?;
    if !meta.is_empty() {
        out.write_all(b",\"meta\":")?;
        serde(out, meta)?;
    }
    if let Some(text) = text {
        out.write_all(b",\"text\":")?;
        string(out, text)?;
    }
    out.write_all(b",\"quotes\":")?;
    quotes(out)?;
    out.write_all(b",\"sources\":")?;
    sources(out)?;
    out.write_all(b",\"summary\":")?;
    write_summary(out, summary)?;
    out.write_all(b",\"findings\":")?;
    findings(out)?;
    out.write_all(b"}")
}

impl QuoteOut<'_> {
    pub(crate) fn write_json<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        out.write_all(b"{\"start\":")?;
        number(out, self.start)?;
        out.write_all(b",\"end\":")?;
        number(out, self.end)?;
        out.write_all(b",\"text\":")?;
        string(out, &self.text)?;
        out.write_all(b",\"kind\":")?;
        variant(out, &self.kind, quote_kind_json(self.kind))?;
        out.write_all(b",\"cue\":")?;
        option(out, self.cue.as_ref(), SpanText::write_json)?;
        out.write_all(b",\"speaker\":")?;
        option(out, self.speaker.as_ref(), Speaker::write_json)?;
        out.write_all(b",\"rule\":")?;
        string(out, &self.rule)?;
        out.write_all(b"}")
    }
}

impl Speaker<'_> {
    fn write_json<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        out.write_all(b"{\"name\":")?;
        string(out, &self.name)?;
        out.write_all(b",\"anonymous\":")?;
        boolean(out, self.anonymous)?;
        out.write_all(b",\"source\":")?;
        option(out, self.source.as_ref(), |n, out| number(out, *n))?;
        out.write_all(b",\"mention\":")?;
        option(out, self.mention.as_ref(), SpanText::write_json)?;
        // (Skipped when false, as `skip_serializing_if` says.)
        if self.inferred {
            out.write_all(b",\"inferred\":true")?;
        }
        out.write_all(b"}")
    }
}

impl SpanText<'_> {
    pub(crate) fn write_json<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        out.write_all(b"{\"start\":")?;
        number(out, self.start)?;
        out.write_all(b",\"end\":")?;
        number(out, self.end)?;
        out.write_all(b",\"text\":")?;
        string(out, &self.text)?;
        out.write_all(b"}")
    }
}

impl SourceOut<'_> {
    pub(crate) fn write_json<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        self.write_json_with(
            out,
            |out| array(out, &self.mentions, SpanText::write_json),
            |out| array(out, &self.quotes, |&n, out| number(out, n)),
        )
    }

    /// [`SourceOut::write_json`] with the `mentions` and `quotes` arrays written by the callers.
    pub(crate) fn write_json_with<W: Write + ?Sized>(
        &self,
        out: &mut W,
        mentions: impl FnOnce(&mut W) -> io::Result<()>,
        quotes: impl FnOnce(&mut W) -> io::Result<()>,
    ) -> io::Result<()> {
        let text = |t: &Cow<str>, out: &mut W| string(out, t);
        out.write_all(b"{\"name\":")?;
        string(out, &self.name)?;
        out.write_all(b",\"type\":")?;
        variant(out, &self.kind, source_type_json(self.kind))?;
        out.write_all(b",\"anonymous\":")?;
        boolean(out, self.anonymous)?;
        out.write_all(b",\"title\":")?;
        option(out, self.title.as_ref(), text)?;
        out.write_all(b",\"role\":")?;
        option(out, self.role.as_ref(), text)?;
        out.write_all(b",\"age\":")?;
        option(out, self.age.as_ref(), |&n, out| number(out, n as usize))?;
        out.write_all(b",\"affiliation\":")?;
        option(out, self.affiliation.as_ref(), text)?;
        out.write_all(b",\"descriptor\":")?;
        option(out, self.descriptor.as_ref(), text)?;
        out.write_all(b",\"count\":")?;
        option(out, self.count.as_ref(), |&n, out| number(out, n as usize))?;
        out.write_all(b",\"anonymity_reason\":")?;
        option(out, self.anonymity_reason.as_ref(), SpanText::write_json)?;
        out.write_all(b",\"gender\":")?;
        variant(out, &self.gender, gender_json(self.gender))?;
        out.write_all(b",\"mentions\":")?;
        mentions(out)?;
        out.write_all(b",\"quotes\":")?;
        quotes(out)?;
        out.write_all(b",\"quoted_words\":")?;
        number(out, self.quoted_words)?;
        out.write_all(b"}")
    }
}

/// The summary, written field by field as serde_json writes it (in declaration order; the
/// struct is taken apart whole, so a new field does not build until it is written here). Its
/// derived serialisation, a call per field through serde's map writer, was about 6,500
/// instructions a record.
fn write_summary<W: Write + ?Sized>(out: &mut W, summary: &Summary) -> io::Result<()> {
    let Summary {
        quotes,
        direct,
        indirect,
        mixed,
        unattributed,
        sources,
        named_sources,
        anonymous_sources,
        persons,
        organisations,
        documents,
        groups,
        anonymous,
        anonymous_without_reason,
        anonymous_people,
        quoted_words,
        quoted_words_named,
        quoted_words_anonymous,
        named_word_share,
        loaded_verbs,
        male_sources,
        female_sources,
    } = summary;
    let counts_before_share: [(&[u8], usize); 18] = [
        (b"{\"quotes\":", *quotes),
        (b",\"direct\":", *direct),
        (b",\"indirect\":", *indirect),
        (b",\"mixed\":", *mixed),
        (b",\"unattributed\":", *unattributed),
        (b",\"sources\":", *sources),
        (b",\"named_sources\":", *named_sources),
        (b",\"anonymous_sources\":", *anonymous_sources),
        (b",\"persons\":", *persons),
        (b",\"organisations\":", *organisations),
        (b",\"documents\":", *documents),
        (b",\"groups\":", *groups),
        (b",\"anonymous\":", *anonymous),
        (b",\"anonymous_without_reason\":", *anonymous_without_reason),
        (b",\"anonymous_people\":", *anonymous_people as usize),
        (b",\"quoted_words\":", *quoted_words),
        (b",\"quoted_words_named\":", *quoted_words_named),
        (b",\"quoted_words_anonymous\":", *quoted_words_anonymous),
    ];
    for (key, n) in counts_before_share {
        out.write_all(key)?;
        number(out, n)?;
    }
    // (The float as serde_json formats it, `null` when not finite included.)
    out.write_all(b",\"named_word_share\":")?;
    serde(out, named_word_share)?;
    for (key, n) in
        [(&b",\"loaded_verbs\":"[..], *loaded_verbs), (b",\"male_sources\":", *male_sources), (b",\"female_sources\":", *female_sources)]
    {
        out.write_all(key)?;
        number(out, n)?;
    }
    out.write_all(b"}")
}

/// A finding, as serde_json writes it (see [`write_summary`]).
pub(crate) fn write_finding<W: Write + ?Sized>(finding: &Finding, out: &mut W) -> io::Result<()> {
    let Finding { id, message, start, end } = finding;
    out.write_all(b"{\"id\":")?;
    string(out, id)?;
    out.write_all(b",\"message\":")?;
    string(out, message)?;
    out.write_all(b",\"start\":")?;
    option(out, start.as_ref(), |&n, out| number(out, n))?;
    out.write_all(b",\"end\":")?;
    option(out, end.as_ref(), |&n, out| number(out, n))?;
    out.write_all(b"}")
}

/// A unit variant of a `rename_all = "lowercase"` enum: `json`, its name as a JSON string, when
/// given, else serde's (for a variant added since the lists below were written; a test checks
/// each listed name against serde's). Through serde_json, each such name was a call and an
/// escape scan: about 150 instructions, three times a quote or source.
fn variant<W: Write + ?Sized, T: Serialize>(out: &mut W, value: &T, json: Option<&'static [u8]>) -> io::Result<()> {
    match json {
        Some(json) => out.write_all(json),
        None => serde(out, value),
    }
}

#[allow(unreachable_patterns)]
fn quote_kind_json(kind: QuoteKind) -> Option<&'static [u8]> {
    Some(match kind {
        QuoteKind::Direct => b"\"direct\"",
        QuoteKind::Indirect => b"\"indirect\"",
        QuoteKind::Mixed => b"\"mixed\"",
        _ => return None,
    })
}

#[allow(unreachable_patterns)]
fn source_type_json(kind: SourceType) -> Option<&'static [u8]> {
    Some(match kind {
        SourceType::Person => b"\"person\"",
        SourceType::Organisation => b"\"organisation\"",
        SourceType::Document => b"\"document\"",
        SourceType::Group => b"\"group\"",
        SourceType::Anonymous => b"\"anonymous\"",
        _ => return None,
    })
}

#[allow(unreachable_patterns)]
fn gender_json(gender: Gender) -> Option<&'static [u8]> {
    Some(match gender {
        Gender::Male => b"\"male\"",
        Gender::Female => b"\"female\"",
        Gender::Unknown => b"\"unknown\"",
        _ => return None,
    })
}

/// Any value, through serde_json (for the parts written once per record, and enum names).
pub(crate) fn serde<W: Write + ?Sized, T: Serialize + ?Sized>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(out, value).map_err(io::Error::from)
}

/// A JSON string. Nearly all texts need no escaping and are copied as they are; the others are
/// escaped by serde_json, so the escapes are always serde_json's own.
fn string<W: Write + ?Sized>(out: &mut W, s: &str) -> io::Result<()> {
    // The bytes up to the last multiple of eight by a fold with no early exit (the compiler
    // checks many bytes per instruction), the last few all at once: a byte at a time, they cost
    // more than the rest for most texts (names, roles, short quotes).
    let b = s.as_bytes();
    let (body, tail) = b.split_at(b.len() & !7);
    let needs_escape = body.iter().fold(false, |any, &b| any | (b < 0x20) | (b == b'"') | (b == b'\\')) || tail_needs_escape(tail);
    if needs_escape {
        return serde(out, s);
    }
    out.write_all(b"\"")?;
    out.write_all(s.as_bytes())?;
    out.write_all(b"\"")
}

/// Whether `tail` (at most seven bytes) holds a byte that JSON escapes: a control character,
/// `"` or a backslash. The bytes are packed into one integer and tested at once; a byte of a character
/// beyond ASCII (0x80 and up) is none of them.
#[inline]
fn tail_needs_escape(tail: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    debug_assert!(tail.len() < 8);
    if tail.is_empty() {
        return false;
    }
    let x = crate::lexicon::pack_le(tail);
    // The high bit of a byte that is zero: set for a zero byte, and set for no other byte
    // unless a lower byte of the word is zero too (the borrow), so it answers "any zero byte".
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGH_BITS;
    // (Likewise "any byte below 0x20", and `"` and the backslash as bytes equal to zero after an XOR.)
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH_BITS;
    let found = below_space | zero_bytes(x ^ (ONES * b'"' as u64)) | zero_bytes(x ^ (ONES * b'\\' as u64));
    // Only the tail's own bytes count: the padding bytes above them are zero (below 0x20), and
    // a borrow runs only upwards, from a lower byte into the padding.
    found & (HIGH_BITS >> (8 * (8 - tail.len()))) != 0
}

/// A number, as itoa writes it. Nearly every number of a record is an offset into an article or
/// an index, of at most four digits: written as that many digits from an array whose length is
/// known at each write, so the copy is a few stores. (Through itoa, each number was formatted
/// into a buffer and then copied by a call to `memcpy`: about 12 instructions a number more, 0.9M
/// on the sample's 77,000 numbers.)
#[inline]
pub(crate) fn number<W: Write + ?Sized>(out: &mut W, n: usize) -> io::Result<()> {
    let digit = |k: usize| b'0' + (k % 10) as u8;
    match n {
        0..=9 => out.write_all(&[digit(n)]),
        10..=99 => out.write_all(&[digit(n / 10), digit(n)]),
        100..=999 => out.write_all(&[digit(n / 100), digit(n / 10), digit(n)]),
        1000..=9999 => out.write_all(&[digit(n / 1000), digit(n / 100), digit(n / 10), digit(n)]),
        _ => out.write_all(itoa::Buffer::new().format(n).as_bytes()),
    }
}

fn boolean<W: Write + ?Sized>(out: &mut W, b: bool) -> io::Result<()> {
    out.write_all(if b { b"true" } else { b"false" })
}

fn option<W: Write + ?Sized, T>(out: &mut W, value: Option<&T>, write: impl Fn(&T, &mut W) -> io::Result<()>) -> io::Result<()> {
    match value {
        Some(v) => write(v, out),
        None => out.write_all(b"null"),
    }
}

fn array<W: Write + ?Sized, T>(out: &mut W, items: &[T], write: impl Fn(&T, &mut W) -> io::Result<()>) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write(item, out)?;
    }
    out.write_all(b"]")
}

fn array_of<W: Write + ?Sized, T>(
    out: &mut W,
    items: impl Iterator<Item = T>,
    write: impl Fn(T, &mut W) -> io::Result<()>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write(item, out)?;
    }
    out.write_all(b"]")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `number` writes what itoa writes, around each change in the number of digits.
    #[test]
    fn number_is_itoa() {
        let ns = (0..=20_000).chain([99_999, 100_000, 123_456_789, usize::MAX]);
        for n in ns {
            let mut out = Vec::new();
            number(&mut out, n).unwrap();
            assert_eq!(out, itoa::Buffer::new().format(n).as_bytes(), "{n}");
        }
    }

    /// `tail_needs_escape` answers as the byte-by-byte test, for every tail length, with each
    /// byte value at each position among harmless bytes, and with two such bytes together.
    #[test]
    fn tail_needs_escape_is_the_byte_by_byte_test() {
        let reference = |b: &[u8]| b.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        for len in 0..8 {
            for at in 0..len.max(1) {
                for byte in 0..=255u8 {
                    let mut tail = vec![b'a'; len];
                    if len > 0 {
                        tail[at] = byte;
                    }
                    assert_eq!(tail_needs_escape(&tail), reference(&tail), "{tail:?}");
                    for other in [0u8, 0x1F, 0x20, b'"', b'\\', 0x7F, 0x80, 0xE2, 0xFF] {
                        for at2 in 0..len {
                            let mut tail = tail.clone();
                            tail[at2] = other;
                            assert_eq!(tail_needs_escape(&tail), reference(&tail), "{tail:?}");
                        }
                    }
                }
            }
        }
    }

    /// `write_json` writes what serde would, for the fixture articles and for texts to escape.
    #[test]
    fn write_json_matches_serde_json() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
        let mut texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default()).collect();
        texts.push("\"We are \\ ready,\" said Mayor John Smith.\tA senior official, who spoke on condition of anonymity, said \u{1}it \"failed\".\n\n“Done,” she said.".to_string());
        for (i, text) in texts.iter().enumerate() {
            let analysis = crate::analyze(text);
            let mut meta = Map::new();
            if i % 2 == 0 {
                meta.insert("source".into(), Value::from("a \"b\"\n"));
            }
            let mut doc = DocOut::new(Value::from(format!("id {i}")), meta, &analysis);
            if i % 3 == 0 {
                doc.text = Some(Cow::Borrowed(text));
            }
            let mut fast = Vec::new();
            doc.write_json(&mut fast).unwrap();
            assert_eq!(String::from_utf8(fast.clone()).unwrap(), serde_json::to_string(&doc).unwrap(), "text {i}");
            let mut streamed = Vec::new();
            write_analysis_json(&mut streamed, &doc.id, &doc.meta, doc.text.as_deref(), &analysis).unwrap();
            assert_eq!(streamed, fast, "text {i}");
        }
    }

    /// The unit variants' names written without serde are serde's.
    #[test]
    fn variant_names_are_serdes() {
        let json = |j: Option<&[u8]>| String::from_utf8(j.expect("listed").to_vec()).unwrap();
        for k in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed] {
            assert_eq!(json(quote_kind_json(k)), serde_json::to_string(&k).unwrap());
        }
        for k in [SourceType::Person, SourceType::Organisation, SourceType::Document, SourceType::Group, SourceType::Anonymous] {
            assert_eq!(json(source_type_json(k)), serde_json::to_string(&k).unwrap());
        }
        for g in [Gender::Male, Gender::Female, Gender::Unknown] {
            assert_eq!(json(gender_json(g)), serde_json::to_string(&g).unwrap());
        }
    }

    /// The summary and findings written without serde are serde's, for odd values too.
    #[test]
    fn summary_and_findings_match_serde_json() {
        let mut summary =
            Summary { quotes: 3, anonymous_people: 7, quoted_words: usize::MAX, named_word_share: 0.1 + 0.2, ..Summary::default() };
        for share in [0.0, 1.0, 0.5, 1e-7, 123456789.125, f64::NAN, f64::INFINITY] {
            summary.named_word_share = share;
            let mut fast = Vec::new();
            write_summary(&mut fast, &summary).unwrap();
            assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string(&summary).unwrap());
        }
        let findings = [
            Finding { id: "loaded-verb".into(), message: "a \"loaded\" verb\n".into(), start: Some(3), end: Some(9) },
            Finding { id: "single-source".into(), message: "One source.".into(), start: None, end: None },
        ];
        let mut fast = Vec::new();
        array(&mut fast, &findings, write_finding).unwrap();
        assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string(&findings).unwrap());
    }
}
