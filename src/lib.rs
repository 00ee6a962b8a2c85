//! whosaid: find the quotes in a news article and who said them.
//!
//! One pipeline, read top to bottom:
//!
//! 1. [`text`]: paragraphs, sentences, tokens and quotation marks, as byte spans into the input;
//! 2. [`quotes`]: direct, indirect (reported) and mixed quotes, each with its cue and speaker mention;
//! 3. [`sources`]: mentions clustered into sources (people, organisations, documents, anonymous);
//! 4. [`report`]: per-article summary and media-literacy findings.
//!
//! ```
//! let text = "“We are ready,” said Gen. Ana Ruiz, the army spokeswoman.\n\n\
//!             “The border is quiet,” Gen. Ruiz said.";
//! let a = whosaid::analyze(text);
//! assert_eq!(a.quotes.len(), 2);
//! let src = a.attributions[1].source.unwrap();
//! assert_eq!(a.sources[src].name, "Ana Ruiz");
//! ```
//!
//! # Performance
//!
//! Every stage is a single pass over the tokens (quote pairing uses one stack
//! per paragraph; cue search windows are bounded), so cost is linear in the
//! article's length. A text longer than [`text::SECTION_BYTES`] is analysed in
//! sections cut at paragraph boundaries (see [`analyze`]), so its working memory
//! is that of one section. A text too long to hold can be given in pieces and
//! its record written at the end ([`stream`]): memory then stays that of one
//! section whatever the length. See `docs/performance.md` for measured figures.

pub mod eval;
pub mod input;
pub mod lexicon;
pub mod quotes;
pub mod report;
pub mod sources;
pub mod span;
pub mod stream;
pub mod text;
pub mod wire;

pub use span::Span;

use quotes::Quote;
use report::{Finding, Summary};
use sources::{Attribution, Source};
use text::Document;

/// Everything whosaid finds in one article.
///
/// Every span indexes `text`. The tokens, sentences and quote regions the analysis was made
/// from are not kept: an article longer than [`text::SECTION_BYTES`] is analysed in sections,
/// each dropped before the next (use [`text::Document::new`] for the text stage of a text).
pub struct Analysis<'a> {
    /// The text analysed.
    pub text: &'a str,
    pub quotes: Vec<Quote>,
    pub sources: Vec<Source>,
    /// One per quote, in the same order.
    pub attributions: Vec<Attribution>,
    pub summary: Summary,
    pub findings: Vec<Finding>,
}

/// Runs the whole pipeline over one article.
///
/// A text longer than [`text::SECTION_BYTES`] is cut at paragraph boundaries into sections
/// ([`text::sections`]), each analysed on its own (text, quotes, sources), so memory and time
/// stay linear however long the text. The results are merged: spans are into the whole text,
/// quotes are in order, and a named person or organisation quoted in several sections under the
/// same name is one source (other sources stay one per section: no clustering, pronoun or
/// continuation looks across a cut). The summary and findings are computed over the whole.
///
/// ```
/// let para = "“We are ready,” said Gen. Ana Ruiz, the army spokeswoman.\n\n";
/// let text = para.repeat(whosaid::text::SECTION_BYTES / para.len() + 1);
/// let a = whosaid::analyze(&text);
/// assert_eq!(a.quotes.len(), text.matches("ready").count());
/// assert_eq!(a.quotes.last().unwrap().span.slice(&text), "We are ready,");
/// assert_eq!(a.sources.len(), 1);
/// ```
pub fn analyze(text: &str) -> Analysis<'_> {
    analyze_in_sections(text, text::SECTION_BYTES)
}

/// [`analyze`] with sections of at most `section_bytes` bytes instead of
/// [`text::SECTION_BYTES`]: small ones test the merging, `usize::MAX` analyses the text whole
/// (its memory then grows with it, and texts of 4 GiB or more are refused with a panic).
///
/// ```
/// let text = "“Yes,” said Ana Ruiz.\n\n“No,” said Ana Ruiz.\n\n“Maybe,” said Ana Ruiz.";
/// let whole = whosaid::analyze_in_sections(text, usize::MAX);
/// let cut = whosaid::analyze_in_sections(text, 48);
/// assert_eq!(cut.quotes.len(), 3);
/// assert_eq!(cut.sources.len(), 1);
/// assert_eq!(cut.sources[0].quotes, whole.sources[0].quotes);
/// assert_eq!(cut.quotes[2].span.slice(text), "Maybe,");
/// ```
pub fn analyze_in_sections(text: &str, section_bytes: usize) -> Analysis<'_> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut merged = sources::Merged::default();
    let mut paragraphs = 0;
    let ranges = text::sections(text, section_bytes);
    let whole = ranges.len() == 1;
    for range in ranges {
        let offset = range.start;
        // The section's tokens and tables are dropped at the end of each turn.
        let doc = Document::new(&text[range]);
        let mut found = quotes::detect(&doc);
        let section = sources::attribute(&doc, &found);
        let quote_base = quotes.len();
        for q in &mut found {
            q.shift(offset, quote_base, paragraphs);
        }
        paragraphs += doc.paragraphs.len();
        // (The first section's quotes are taken as they are, not copied into a new vector: the
        // only section of nearly every article.)
        if quotes.is_empty() {
            quotes = found;
        } else {
            quotes.extend(found);
        }
        if whole {
            merged.add_whole(section);
        } else {
            merged.add(section, offset, quote_base);
        }
    }
    let sources::Merged { sources, attributions, .. } = merged;
    let summary = report::summarize(&quotes, &sources, &attributions);
    let findings = report::findings(text, &quotes, &sources, &attributions);
    Analysis { text, quotes, sources, attributions, summary, findings }
}
