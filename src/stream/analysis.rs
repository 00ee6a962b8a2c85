//! One text analysed as it arrives, a section at a time, with its record's lists spooled.
//!
//! In: the text, in pieces of any size ([`TextStream::push`]), then its end
//! ([`TextStream::finish`]). Out: the record [`crate::analyze`] and
//! [`crate::wire::write_analysis_json`] give for the whole text, byte for byte
//! ([`TextStream::write`]).
//!
//! The text is cut where [`crate::text::sections`] cuts it ([`text::first_section_end`]), each
//! section analysed and merged ([`Merged`]) as soon as it is cut, and only the uncut tail kept.
//! What the record needs of a section is written to temporary files ([`Spool`]) at once: its
//! quotes (their speakers' ids and names are final when their section is merged), its findings
//! (each lies in its section, so the record's order is the sections' order), and each source's
//! mentions and quote ids. What is kept across sections is small per source: the merged
//! [`Source`] without its mentions and quotes, the texts of its title, role, descriptor and
//! anonymity reason (their section is gone), and where its spooled parts are; and the quote
//! counts of the summary.

use super::spool::Spool;
use crate::quotes;
use crate::report::{self, Summary};
use crate::sources::{self, Merged};
use crate::text::{self, Document};
use crate::wire::{self, SourceOut, SpanText};
use crate::{Span, quotes::Quote};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::io::{self, Write};

pub struct TextStream {
    /// The section size ([`text::SECTION_BYTES`] unless a test asks for another).
    max: usize,
    /// The text not yet analysed.
    buf: String,
    /// Where `buf` starts in the whole text.
    offset: usize,
    /// Quotes found so far.
    quotes: usize,
    /// The summary's quote counts so far (its source counts are made at the end).
    counts: Summary,
    merged: Merged,
    /// For each merged source, the texts of its spans.
    texts: Vec<SourceTexts>,
    /// For each merged source, where its mentions and quote ids of each section are in `parts`.
    part_list: Vec<Vec<Part>>,
    quote_spool: Spool,
    finding_spool: Spool,
    /// Findings spooled so far.
    findings: usize,
    parts: Spool,
    /// A section's analysis panicked: the rest is not analysed, and there is no record.
    panicked: bool,
}

/// The texts of a merged source's spans, taken from the section they were found in.
#[derive(Default)]
struct SourceTexts {
    title: Option<String>,
    role: Option<String>,
    descriptor: Option<String>,
    anonymity_reason: Option<SpanText<'static>>,
}

/// One section's share of a source, in [`TextStream::parts`]: its mentions (`mentions` bytes at
/// `at`, comma-separated JSON objects), then its quote ids (`quotes` bytes, comma-separated).
struct Part {
    at: u64,
    mentions: u64,
    quotes: u64,
}

impl TextStream {
    /// An empty text, to be cut into sections of `section_bytes` (see
    /// [`crate::analyze_in_sections`]).
    pub fn new(section_bytes: usize) -> io::Result<TextStream> {
        Ok(TextStream {
            max: section_bytes,
            buf: String::new(),
            offset: 0,
            quotes: 0,
            counts: Summary::default(),
            merged: Merged::default(),
            texts: Vec::new(),
            part_list: Vec::new(),
            quote_spool: Spool::new("quotes")?,
            finding_spool: Spool::new("findings")?,
            findings: 0,
            parts: Spool::new("sources")?,
            panicked: false,
        })
    }

    /// Appends `piece` to the text, and analyses every section that can be cut.
    pub fn push(&mut self, piece: &str) -> io::Result<()> {
        if self.panicked {
            return Ok(());
        }
        self.buf.push_str(piece);
        while let Some(end) = text::first_section_end(&self.buf, self.max, false) {
            self.section(end)?;
        }
        Ok(())
    }

    /// Ends the text: analyses what is left. False when a section's analysis panicked (the
    /// text then has no record).
    pub fn finish(&mut self) -> io::Result<bool> {
        while !self.panicked {
            let end = text::first_section_end(&self.buf, self.max, true).expect("a complete text has a first section");
            let last = end == self.buf.len();
            self.section(end)?;
            if last {
                break;
            }
        }
        Ok(!self.panicked)
    }

    /// Analyses the first `end` bytes of `buf` and drops them.
    fn section(&mut self, end: usize) -> io::Result<()> {
        let buf = std::mem::take(&mut self.buf);
        // A bug that panics on one section must not end the run: the text gets an error record
        // (nothing of its record has been written to the output).
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.analyse(&buf[..end])));
        self.buf = buf;
        self.buf.drain(..end);
        self.offset += end;
        match result {
            Ok(r) => r,
            Err(_) => {
                self.panicked = true;
                self.buf = String::new();
                Ok(())
            }
        }
    }

    /// What [`crate::analyze_in_sections`] does for one section, and spooling its results.
    fn analyse(&mut self, section: &str) -> io::Result<()> {
        let (offset, quote_base) = (self.offset, self.quotes);
        let doc = Document::new(section);
        let mut found = quotes::detect(&doc);
        let sources = sources::attribute(&doc, &found);
        drop(doc);
        // (Counts and findings of the section's own quotes and sources, in its own spans.)
        let counts = report::summarize(section, &found, &[], &sources.attributions);
        add_quote_counts(&mut self.counts, &counts);
        let mut findings = report::span_findings(section, &found, &sources.sources, &sources.attributions);
        report::sort_findings(&mut findings);
        for q in &mut found {
            q.shift(offset, quote_base, 0);
        }
        let mut ids = self.merged.add(sources, offset, quote_base);
        self.texts.resize_with(self.merged.sources.len(), SourceTexts::default);
        self.part_list.resize_with(self.merged.sources.len(), Vec::new);
        self.quotes += found.len();
        let at = (section, offset);

        let (merged, first) = (&self.merged, quote_base == 0);
        self.quote_spool.append(|w| write_quotes(w, &found, merged, at, first))?;
        self.merged.attributions.clear();

        let first = self.findings == 0;
        self.finding_spool.append(|w| {
            for (i, mut f) in findings.iter().cloned().enumerate() {
                f.start = f.start.map(|s| s + offset);
                f.end = f.end.map(|e| e + offset);
                if i > 0 || !first {
                    w.write_all(b",")?;
                }
                wire::serde(w, &f)?;
            }
            Ok(())
        })?;
        self.findings += findings.len();

        // Two sources of the section may have merged into one earlier source.
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let s = &mut self.merged.sources[id];
            let texts = &mut self.texts[id];
            let slice = |sp: Span| &section[sp.start - offset..sp.end - offset];
            // (A span taken from a later section is one that was missing until now.)
            if texts.title.is_none() {
                texts.title = s.title.map(|t| slice(t).to_string());
            }
            if texts.role.is_none() {
                texts.role = s.role.map(|t| slice(t).to_string());
            }
            if texts.descriptor.is_none() {
                texts.descriptor = s.descriptor.map(|t| slice(t).to_string());
            }
            if texts.anonymity_reason.is_none() {
                texts.anonymity_reason =
                    s.anonymity_reason.map(|r| SpanText { start: r.start, end: r.end, text: Cow::Owned(slice(r).to_string()) });
            }
            let part_at = self.parts.len();
            let mentions = self.parts.append(|w| {
                for (i, &m) in s.mentions.iter().enumerate() {
                    if i > 0 {
                        w.write_all(b",")?;
                    }
                    SpanText { start: m.start, end: m.end, text: Cow::Borrowed(slice(m)) }.write_json(w)?;
                }
                Ok(())
            })?;
            let quotes = self.parts.append(|w| {
                for (i, &q) in s.quotes.iter().enumerate() {
                    if i > 0 {
                        w.write_all(b",")?;
                    }
                    wire::number(w, q)?;
                }
                Ok(())
            })?;
            self.part_list[id].push(Part { at: part_at, mentions, quotes });
            // (Spooled: later sections' mentions and quotes are appended to none.)
            s.mentions = Vec::new();
            s.quotes = Vec::new();
        }
        Ok(())
    }

    /// Writes the record of the whole text (after [`TextStream::finish`]), without the newline:
    /// the bytes of [`wire::write_analysis_json`] for [`crate::analyze`] of the text.
    pub fn write<W: Write + ?Sized>(self, out: &mut W, id: &Value, meta: &Map<String, Value>) -> io::Result<()> {
        let TextStream { mut quote_spool, mut finding_spool, parts, merged, texts, part_list, counts, quotes, findings, .. } = self;
        let sources = &merged.sources;
        // (The source counts, over no quotes; then the quotes' counts, zero in it.)
        let mut summary = report::summarize("", &[], sources, &[]);
        add_quote_counts(&mut summary, &counts);
        // (Both of a source's lists are read from it while the record is written.)
        let parts = std::cell::RefCell::new(parts);
        let mut article = report::article_findings(sources, quotes > 0);
        report::sort_findings(&mut article);
        wire::write_record(
            out,
            (id, meta, None),
            |out| {
                out.write_all(b"[")?;
                quote_spool.copy(0, quote_spool.len(), out)?;
                out.write_all(b"]")
            },
            |out| {
                out.write_all(b"[")?;
                for (i, s) in sources.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    let t = &texts[i];
                    let header = SourceOut {
                        name: Cow::Borrowed(&s.name),
                        kind: s.kind,
                        anonymous: s.anonymous,
                        title: t.title.as_deref().map(Cow::Borrowed),
                        role: t.role.as_deref().map(Cow::Borrowed),
                        affiliation: s.affiliation.as_deref().map(Cow::Borrowed),
                        descriptor: t.descriptor.as_deref().map(Cow::Borrowed),
                        count: s.count,
                        anonymity_reason: t.anonymity_reason.clone(),
                        gender: s.gender,
                        mentions: Vec::new(),
                        quotes: Vec::new(),
                        quoted_words: s.quoted_words,
                    };
                    let list = &part_list[i];
                    // One list: the non-empty parts, comma-separated.
                    let copy_parts = |out: &mut W, pick: fn(&Part) -> (u64, u64)| -> io::Result<()> {
                        out.write_all(b"[")?;
                        for (k, (at, len)) in list.iter().map(pick).filter(|&(_, len)| len > 0).enumerate() {
                            if k > 0 {
                                out.write_all(b",")?;
                            }
                            parts.borrow_mut().copy(at, len, out)?;
                        }
                        out.write_all(b"]")
                    };
                    header.write_json_with(
                        out,
                        |out| copy_parts(out, |p| (p.at, p.mentions)),
                        |out| copy_parts(out, |p| (p.at + p.mentions, p.quotes)),
                    )?;
                }
                out.write_all(b"]")
            },
            &summary,
            |out| {
                out.write_all(b"[")?;
                finding_spool.copy(0, finding_spool.len(), out)?;
                for (i, f) in article.iter().enumerate() {
                    if i > 0 || findings > 0 {
                        out.write_all(b",")?;
                    }
                    wire::serde(out, f)?;
                }
                out.write_all(b"]")
            },
        )
    }
}

/// Adds the quote counts of `more` (a section's) to `sum`: what [`report::summarize`] counts
/// over quotes and attributions.
fn add_quote_counts(sum: &mut Summary, more: &Summary) {
    sum.quotes += more.quotes;
    sum.direct += more.direct;
    sum.indirect += more.indirect;
    sum.mixed += more.mixed;
    sum.unattributed += more.unattributed;
    sum.loaded_verbs += more.loaded_verbs;
    sum.quoted_words += more.quoted_words;
}

/// A section's quotes (merged: spans into the whole text), comma-separated; `first` when no
/// quote was written before them.
fn write_quotes<W: Write + ?Sized>(w: &mut W, found: &[Quote], merged: &Merged, at: (&str, usize), first: bool) -> io::Result<()> {
    for (i, (q, a)) in found.iter().zip(&merged.attributions).enumerate() {
        if i > 0 || !first {
            w.write_all(b",")?;
        }
        wire::write_section_quote(w, q, a, &merged.sources, at)?;
    }
    Ok(())
}
