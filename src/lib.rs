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
//! article's length. See `docs/performance.md` for measured figures.

pub mod eval;
pub mod input;
pub mod lexicon;
pub mod quotes;
pub mod report;
pub mod sources;
pub mod span;
pub mod text;
pub mod wire;

pub use span::Span;

use quotes::Quote;
use report::{Finding, Summary};
use sources::{Attribution, Source};
use text::Document;

/// Everything whosaid finds in one article.
pub struct Analysis<'a> {
    pub doc: Document<'a>,
    pub quotes: Vec<Quote>,
    pub sources: Vec<Source>,
    /// One per quote, in the same order.
    pub attributions: Vec<Attribution>,
    pub summary: Summary,
    pub findings: Vec<Finding>,
}

/// Runs the whole pipeline over one article.
pub fn analyze(text: &str) -> Analysis<'_> {
    let doc = Document::new(text);
    let quotes = quotes::detect(&doc);
    let sources::Sources { sources, attributions } = sources::attribute(&doc, &quotes);
    let summary = report::summarize(&doc, &quotes, &sources, &attributions);
    let findings = report::findings(&doc, &quotes, &sources, &attributions);
    Analysis { doc, quotes, sources, attributions, summary, findings }
}
