//! The readable report of one article for `whosaid check`.

use crate::Analysis;
use crate::sources::SourceType;
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

/// The quote with a few words of its paragraph on each side, the quote highlighted (colour on a
/// terminal, `⟦…⟧` otherwise).
fn in_context(text: &str, span: crate::Span, st: &Style) -> String {
    const SIDE: usize = 40;
    let para_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    let mut from = span.start.saturating_sub(SIDE).max(para_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + SIDE).min(para_end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let (open, close) = if st.quote.is_empty() { ("⟦", "⟧") } else { (st.quote, st.reset) };
    format!(
        "{}{}{}{open}{}{close}{}{}{}{}",
        if from > para_start { "…" } else { "" },
        st.dim,
        &text[from..span.start],
        span.slice(text),
        st.dim,
        &text[span.end..to],
        st.reset,
        if to < para_end { "…" } else { "" },
    )
}

/// Sources with their quotes, then unattributed quotes, then findings.
pub fn terminal(a: &Analysis, name: &str, st: &Style) -> String {
    let text = a.text;
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
        if let Some(a) = src.age {
            details.push(format!("age {a}"));
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
            let _ = writeln!(out, "    {:<8} {}", quote.kind.as_str(), in_context(text, quote.span, st));
        }
    }
    let unattributed: Vec<usize> = (0..a.quotes.len()).filter(|&i| a.attributions[i].source.is_none()).collect();
    if !unattributed.is_empty() {
        let _ = writeln!(out, "\nunattributed");
        for i in unattributed {
            let q = &a.quotes[i];
            let _ = writeln!(out, "    {:<8} {}", q.kind.as_str(), in_context(text, q.span, st));
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

/// A readable snapshot of an analysis for golden tests and reviews: for each quote, the text it
/// sits in with `^` under the quote, `~` under the cue and `-` under the speaker's mention, then
/// its kind, rule and speaker; then the sources.
///
/// ```
/// let a = whosaid::analyze("“We are ready,” said Gen. Ana Ruiz.");
/// let snap = whosaid::report::render::snapshot(&a);
/// assert!(snap.contains("direct/said-speaker"));
/// assert!(snap.contains("^^^^^^^^^^^^^"));
/// ```
pub fn snapshot(a: &Analysis) -> String {
    let text = a.text;
    let mut out = String::new();
    for (i, q) in a.quotes.iter().enumerate() {
        let at = &a.attributions[i];
        let mut spans = vec![(q.span, '^')];
        if let Some(c) = q.cue {
            spans.push((c, '~'));
        }
        if let Some(m) = at.mention {
            spans.push((m, '-'));
        }
        // The lines of text that hold every marked span, cut at paragraph bounds.
        let start = spans.iter().map(|s| s.0.start).min().unwrap_or(0);
        let end = spans.iter().map(|s| s.0.end).max().unwrap_or(0);
        let from = text[..start].rfind('\n').map_or(0, |k| k + 1);
        let to = text[end..].find('\n').map_or(text.len(), |k| end + k);
        let speaker = match at.source {
            Some(id) => a.sources[id].name.clone(),
            None => at.mention.map_or("(none)".to_string(), |m| m.slice(text).to_string()),
        };
        let _ = writeln!(out, "[{i}] {} {} -> {speaker}", q.kind.as_str(), q.rule);
        let mut line_start = from;
        for line in text[from..to].split('\n') {
            let line_end = line_start + line.len();
            let mut marks = String::new();
            let mut col = 0usize;
            for (ci, (bi, _)) in line.char_indices().enumerate() {
                let b = line_start + bi;
                let mark = spans.iter().find(|(s, _)| s.start <= b && b < s.end).map(|(_, c)| *c);
                if let Some(c) = mark {
                    while col < ci {
                        marks.push(' ');
                        col += 1;
                    }
                    marks.push(c);
                    col += 1;
                }
            }
            let _ = writeln!(out, "    {line}");
            if !marks.is_empty() {
                let _ = writeln!(out, "    {marks}");
            }
            line_start = line_end + 1;
        }
        out.push('\n');
    }
    let _ = writeln!(out, "sources");
    for (i, s) in a.sources.iter().enumerate() {
        let mut parts = vec![kind_label(s.kind).to_string()];
        if let Some(t) = s.title {
            parts.push(format!("title {:?}", t.slice(text)));
        }
        if let Some(a) = s.age {
            parts.push(format!("age {a}"));
        }
        if let Some(r) = s.role {
            parts.push(format!("role {:?}", r.slice(text)));
        }
        if let Some(af) = &s.affiliation {
            parts.push(format!("affiliation {af:?}"));
        }
        if let Some(c) = s.count {
            parts.push(format!("count {c}"));
        }
        if s.kind == SourceType::Anonymous {
            parts.push(match s.anonymity_reason {
                Some(r) => format!("reason {:?}", r.slice(text)),
                None => "no reason".to_string(),
            });
        }
        parts.push(format!("gender {:?}", s.gender).to_lowercase());
        let mentions: Vec<&str> = s.mentions.iter().map(|m| m.slice(text)).collect();
        let _ = writeln!(out, "  [{i}] {} ({}) quotes {:?} mentions {:?}", s.name, parts.join(", "), s.quotes, mentions);
    }
    if !a.findings.is_empty() {
        let _ = writeln!(out, "findings");
        for f in &a.findings {
            let _ = writeln!(out, "  {}: {}", f.id, f.message);
        }
    }
    out
}
