//! One text analysed as it arrives, a section at a time, with its record's lists spooled.
//!
//! In: the text, in pieces of any size ([`TextStream::push`]), then its end
//! ([`TextStream::finish`]). Out: the record [`crate::analyze`] and
//! [`crate::wire::write_analysis_json`] give for the whole text, byte for byte
//! ([`TextStream::write`]).
//!
//! The text is cut where [`crate::text::sections`] cuts it ([`text::first_section_end`]), each
//! section analysed as soon as it is cut, and only the uncut tail kept. What the record needs of
//! a section is written to temporary files ([`Spool`]) at once: its quotes (their speakers' ids
//! and names are final when their section is done), its findings (each lies in its section, so
//! the record's order is the sections' order), the whole record of each source that cannot merge
//! with a later section's (anonymous sources, groups, documents: nearly all of a long text's; see
//! [`NamedSources`]), and each named source's mentions and quote ids. What is kept across
//! sections: for a source that cannot merge, where its record is (16 bytes), and its counts in
//! the summary; for a named person or organisation, the source without its mentions and quotes,
//! the texts of its title, role, descriptor and anonymity reason (their section is gone), and
//! where its spooled parts are; and the summary's quote counts.

use super::spool::Spool;
use crate::quotes;
use crate::report::{self, SourceTally, Summary};
use crate::sources::{self, Attribution, NamedSources, Source};
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
    /// The summary's quote counts so far, and the counts of the complete sources.
    counts: Summary,
    /// The complete sources, for the findings about the whole article, and the first source's
    /// name when it is complete.
    tally: SourceTally,
    first_name: Option<String>,
    names: NamedSources,
    /// Every source so far, by id.
    slots: Vec<Slot>,
    /// The sources that may still merge with a later section's.
    open: Vec<OpenSource>,
    quote_spool: Spool,
    finding_spool: Spool,
    /// Findings spooled so far.
    findings: usize,
    parts: Spool,
    /// A section's analysis panicked: the rest is not analysed, and there is no record.
    panicked: bool,
}

/// Where a source's record is.
enum Slot {
    /// Complete, written: `len` bytes at `at` in [`TextStream::parts`].
    Complete { at: u64, len: u64 },
    /// In [`TextStream::open`].
    Open(usize),
}

/// A named source, kept until the end: later sections may add to it.
struct OpenSource {
    /// Without its mentions and quotes (spooled); its spans are into the section each was
    /// found in, and tell only whether there is one.
    source: Source,
    texts: SourceTexts,
    parts: Vec<Part>,
}

/// The texts of an open source's spans, taken from the section they were found in.
#[derive(Default)]
struct SourceTexts {
    title: Option<String>,
    role: Option<String>,
    descriptor: Option<String>,
    anonymity_reason: Option<SpanText<'static>>,
}

/// One section's share of an open source, in [`TextStream::parts`]: its mentions (`mentions`
/// bytes at `at`, comma-separated JSON objects), then its quote ids (`quotes` bytes, comma-separated).
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
            tally: SourceTally::default(),
            first_name: None,
            names: NamedSources::default(),
            slots: Vec::new(),
            open: Vec::new(),
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
        let found = quotes::detect(&doc);
        let sources = sources::attribute(&doc, &found);
        drop(doc);
        // (Counts and findings of the section's own quotes and sources, in its own spans.)
        let counts = report::summarize(&found, &[], &sources.attributions);
        add_quote_counts(&mut self.counts, &counts);
        let mut findings = report::span_findings(section, &found, &sources.sources, &sources.attributions);
        report::sort_findings(&mut findings);
        let ids = self.names.ids(&sources.sources, self.slots.len());
        self.quotes += found.len();
        let at = (section, offset);

        let first = quote_base == 0;
        self.quote_spool.append(|w| write_quotes(w, (&found, &sources.attributions), (&sources.sources, &ids), at, first))?;

        let first = self.findings == 0;
        self.finding_spool.append(|w| {
            for (i, mut f) in findings.iter().cloned().enumerate() {
                f.start = f.start.map(|s| s + offset);
                f.end = f.end.map(|e| e + offset);
                if i > 0 || !first {
                    w.write_all(b",")?;
                }
                wire::write_finding(&f, w)?;
            }
            Ok(())
        })?;
        self.findings += findings.len();

        for (s, id) in sources.sources.into_iter().zip(ids) {
            if let Some(slot) = self.slots.get(id) {
                let Slot::Open(k) = *slot else { unreachable!("only open sources are merged with") };
                self.open[k].source.absorb(s);
                spool_part(&mut self.parts, &mut self.open[k], at, quote_base)?;
            } else if NamedSources::mergeable(&s) {
                self.slots.push(Slot::Open(self.open.len()));
                let mut o = OpenSource { source: s, texts: SourceTexts::default(), parts: Vec::new() };
                spool_part(&mut self.parts, &mut o, at, quote_base)?;
                self.open.push(o);
            } else {
                // Complete: its record is written now, only its counts kept.
                self.counts.count_source(&s);
                self.tally.add(&s);
                if id == 0 {
                    self.first_name = Some(s.name.clone());
                }
                let at_ = self.parts.len();
                let len = self.parts.append(|w| wire::write_section_source(w, &s, at, quote_base))?;
                self.slots.push(Slot::Complete { at: at_, len });
            }
        }
        Ok(())
    }

    /// Writes the record of the whole text (after [`TextStream::finish`]), without the newline:
    /// the bytes of [`wire::write_analysis_json`] for [`crate::analyze`] of the text.
    pub fn write<W: Write + ?Sized>(self, out: &mut W, id: &Value, meta: &Map<String, Value>) -> io::Result<()> {
        let TextStream {
            mut quote_spool,
            mut finding_spool,
            parts,
            slots,
            open,
            counts: mut summary,
            mut tally,
            first_name,
            quotes,
            findings,
            ..
        } = self;
        for o in &open {
            summary.count_source(&o.source);
            tally.add(&o.source);
        }
        summary.share_words();
        let first = match slots.first() {
            Some(Slot::Open(k)) => Some(open[*k].source.name.as_str()),
            _ => first_name.as_deref(),
        };
        let mut article = tally.findings(quotes > 0, first);
        report::sort_findings(&mut article);
        // (An open source's two lists are both read from the spool while its record is written.)
        let parts = std::cell::RefCell::new(parts);
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
                for (i, slot) in slots.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    let o = match *slot {
                        Slot::Complete { at, len } => {
                            parts.borrow_mut().copy(at, len, out)?;
                            continue;
                        }
                        Slot::Open(k) => &open[k],
                    };
                    let (s, t) = (&o.source, &o.texts);
                    let header = SourceOut {
                        name: Cow::Borrowed(&s.name),
                        kind: s.kind,
                        anonymous: s.anonymous,
                        title: t.title.as_deref().map(Cow::Borrowed),
                        role: t.role.as_deref().map(Cow::Borrowed),
                        age: s.age,
                        affiliation: s.affiliation.as_deref().map(Cow::Borrowed),
                        descriptor: t.descriptor.as_deref().map(Cow::Borrowed),
                        count: s.count,
                        anonymity_reason: t.anonymity_reason.clone(),
                        gender: s.gender,
                        mentions: Vec::new(),
                        quotes: Vec::new(),
                        quoted_words: s.quoted_words,
                    };
                    // One list: the non-empty parts, comma-separated.
                    let copy_parts = |out: &mut W, pick: fn(&Part) -> (u64, u64)| -> io::Result<()> {
                        out.write_all(b"[")?;
                        for (k, (at, len)) in o.parts.iter().map(pick).filter(|&(_, len)| len > 0).enumerate() {
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
                    wire::write_finding(f, out)?;
                }
                out.write_all(b"]")
            },
        )
    }
}

/// Spools an open source's share of the section `(section, offset)` (after `quote_base` quotes):
/// its mentions and quotes, and the texts of the spans it has had none of until now.
fn spool_part(parts: &mut Spool, o: &mut OpenSource, (section, offset): (&str, usize), quote_base: usize) -> io::Result<()> {
    let (s, texts) = (&mut o.source, &mut o.texts);
    // (A span is into this section when the source had none of its kind before.)
    let slice = |sp: Span| sp.slice(section).to_string();
    if texts.title.is_none() {
        texts.title = s.title.map(slice);
    }
    if texts.role.is_none() {
        texts.role = s.role.map(slice);
    }
    if texts.descriptor.is_none() {
        texts.descriptor = s.descriptor.map(slice);
    }
    if texts.anonymity_reason.is_none() {
        texts.anonymity_reason =
            s.anonymity_reason.map(|r| SpanText { start: r.start + offset, end: r.end + offset, text: Cow::Owned(slice(r)) });
    }
    let at = parts.len();
    let mentions = parts.append(|w| {
        for (i, &m) in s.mentions.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            SpanText { start: m.start + offset, end: m.end + offset, text: Cow::Borrowed(m.slice(section)) }.write_json(w)?;
        }
        Ok(())
    })?;
    let quotes = parts.append(|w| {
        for (i, &q) in s.quotes.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            wire::number(w, q + quote_base)?;
        }
        Ok(())
    })?;
    o.parts.push(Part { at, mentions, quotes });
    // (Spooled: a later section's mentions and quotes are appended to none.)
    s.mentions = Vec::new();
    s.quotes = Vec::new();
    Ok(())
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

/// A section's quotes (see [`wire::write_section_quote`]), comma-separated; `first` when no
/// quote was written before them.
fn write_quotes<W: Write + ?Sized>(
    w: &mut W,
    (found, attributions): (&[Quote], &[Attribution]),
    sources: (&[Source], &[usize]),
    at: (&str, usize),
    first: bool,
) -> io::Result<()> {
    for (i, qa) in found.iter().zip(attributions).enumerate() {
        if i > 0 || !first {
            w.write_all(b",")?;
        }
        wire::write_section_quote(w, qa, sources, at)?;
    }
    Ok(())
}
