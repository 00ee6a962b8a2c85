//! The readable report of one article for `whosaid check`.

use crate::sources::SourceType;
use crate::Analysis;
use std::fmt::Write;

/// Colours for the terminal; all empty when colour is off.
pub struct Style {
    pub quote: &'static str,
    pub speaker: &'static str,
    pub dim: &'static str,
    pub warn: &'static str,
    pub reset: &'static str,
}

impl Style {
    pub fn plain() -> Style {
        Style { quote: "", speaker: "", dim: "", warn: "", reset: "" }
    }
    pub fn ansi() -> Style {
        Style { quote: "\x1b[33m", speaker: "\x1b[1;36m", dim: "\x1b[2m", warn: "\x1b[1;31m", reset: "\x1b[0m" }
    }
}

fn kind_label(k: SourceType) -> &'static str {
    match k {
        SourceType::Person => "person",
        SourceType::Organisation => "organisation",
        SourceType::Document => "document",
        SourceType::Group => "group",
        SourceType::Anonymous => "anonymous",
    }
}

/// Sources with their quotes, then unattributed quotes, then findings.
pub fn terminal(a: &Analysis, name: &str, st: &Style) -> String {
    let text = a.doc.text;
    let mut out = String::new();
    let s = &a.summary;
    let _ = writeln!(
        out,
        "{name}: {} quotes ({} direct, {} indirect, {} mixed), {} sources ({} named, {} anonymous)",
        s.quotes, s.direct, s.indirect, s.mixed, s.sources, s.named_sources, s.anonymous_sources
    );
    for (i, src) in a.sources.iter().enumerate() {
        let _ = write!(out, "\n[{}] {}{}{}", i, st.speaker, src.name, st.reset);
        let mut details = vec![kind_label(src.kind).to_string()];
        if let Some(t) = src.title {
            details.push(format!("title: {}", t.slice(text)));
        }
        if let Some(r) = src.role {
            details.push(format!("role: {}", r.slice(text)));
        }
        if let Some(c) = src.count {
            details.push(format!("{c} {}", if c == 1 { "person" } else { "people" }));
        }
        if src.kind == SourceType::Anonymous {
            match src.anonymity_reason {
                Some(r) => details.push(format!("reason: {}", r.slice(text))),
                None => details.push(format!("{}no reason given for anonymity{}", st.warn, st.reset)),
            }
        }
        let _ = writeln!(out, "  {}({}){}", st.dim, details.join("; "), st.reset);
        for &q in &src.quotes {
            let quote = &a.quotes[q];
            let _ = writeln!(out, "    {:<8} {}“{}”{}", quote.kind.as_str(), st.quote, quote.span.slice(text), st.reset);
        }
    }
    let unattributed: Vec<usize> = (0..a.quotes.len()).filter(|&i| a.attributions[i].source.is_none()).collect();
    if !unattributed.is_empty() {
        let _ = writeln!(out, "\nunattributed");
        for i in unattributed {
            let q = &a.quotes[i];
            let _ = writeln!(out, "    {:<8} {}“{}”{}", q.kind.as_str(), st.quote, q.span.slice(text), st.reset);
        }
    }
    if !a.findings.is_empty() {
        let _ = writeln!(out, "\nfindings");
        for f in &a.findings {
            let at = match (f.start, f.end) {
                (Some(s), Some(e)) => format!(" {}[{}]{}", st.dim, &text[s..e], st.reset),
                _ => String::new(),
            };
            let _ = writeln!(out, "  {}{}{}: {}{}", st.warn, f.id, st.reset, f.message, at);
        }
    }
    out
}
