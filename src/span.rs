//! Byte spans into the untouched input text.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets `[start, end)` into the input text.
///
/// Every span whosaid reports indexes the original `&str` directly, so
/// `&text[span.start..span.end]` is always the reported text.
///
/// ```
/// use whosaid::Span;
/// let text = "He said “yes.”";
/// let span = Span::new(11, 15);
/// assert_eq!(span.slice(text), "yes.");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start.max(other.start) < self.end.min(other.end)
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The same span `offset` bytes further on (a section's span made absolute in the whole text).
    pub fn shifted(&self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}
