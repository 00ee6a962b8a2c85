//! Articles too long to hold: analysed as their text is read.
//!
//! - [`TextStream`]: a text given in pieces, analysed a section at a time (the sections
//!   [`crate::analyze`] cuts), its record's lists spooled to temporary files, and
//!   written at the end, the same bytes as for the text held whole;
//! - [`analyze_long_line`]: one JSON Lines record read in pieces, its `text` unescaped into a
//!   [`TextStream`] as it comes;
//! - [`analyze_text_file`]: a plain-text file read in pieces into a [`TextStream`].
//!
//! Memory is one section's analysis, the read-ahead of the line, and a few hundred bytes per
//! source, whatever the text's length (see `docs/performance.md`).

mod analysis;
mod file;
mod jsonl;
mod spool;
mod utf8;

pub use analysis::TextStream;
pub use file::{FileOutcome, analyze_text_file};
pub use jsonl::{LineOutcome, analyze_long_line, analyze_long_line_in_sections};
