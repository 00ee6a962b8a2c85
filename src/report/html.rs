//! Self-contained HTML pages: one article with its quotes highlighted and linked to their
//! sources (`check --format html`), and the audit dashboard (`audit --format html`). No network,
//! no external assets: styles and scripts are inline.

use crate::wire::DocOut;
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:Georgia,serif;margin:0;background:#f6f4ef;color:#222}
header{background:#1f2a36;color:#fff;padding:12px 24px;font-family:sans-serif}
header h1{font-size:18px;margin:0}
main{display:flex;gap:24px;padding:24px}
article{flex:3;background:#fff;padding:24px 32px;line-height:1.6;border-radius:6px;max-width:52em}
aside{flex:2;font-family:sans-serif;font-size:14px}
aside section{background:#fff;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:15px;margin:4px 0 8px}
.q{border-radius:3px;padding:1px 2px;cursor:pointer;position:relative}
.q-direct{background:#ffe08a}.q-indirect{background:#bfe3ff}.q-mixed{background:#d9c8ff}
.q.unattributed{outline:2px dashed #c0392b}
.q.sel{box-shadow:0 0 0 2px #1f2a36}
.legend span{display:inline-block;padding:1px 6px;margin-right:6px;border-radius:3px}
.source{padding:6px;border-left:4px solid transparent;margin:4px 0;cursor:pointer}
.source.sel{border-left-color:#1f2a36;background:#eef2f6}
.anon{color:#8a4b00}.muted{color:#666}
.finding{margin:6px 0}.finding b{color:#c0392b}
#tip{position:fixed;display:none;background:#1f2a36;color:#fff;padding:6px 8px;border-radius:4px;font:13px sans-serif;max-width:320px;pointer-events:none}
"#;

const SCRIPT: &str = r#"
const data = JSON.parse(document.getElementById('whosaid-data').textContent);
const tip = document.getElementById('tip');
function select(src) {
  document.querySelectorAll('.sel').forEach(e => e.classList.remove('sel'));
  if (src === null || src === '') return;
  document.querySelectorAll('.q[data-source="' + src + '"], #source-' + src).forEach(e => e.classList.add('sel'));
}
document.querySelectorAll('.q').forEach(el => {
  el.addEventListener('mouseenter', ev => {
    const q = data.quotes[+el.dataset.quote];
    const sp = q.speaker ? q.speaker.name + (q.speaker.anonymous ? ' (anonymous)' : '') : 'no attributable speaker';
    tip.textContent = q.kind + ' quote: ' + sp + ' [' + q.rule + ']';
    tip.style.display = 'block';
  });
  el.addEventListener('mousemove', ev => { tip.style.left = (ev.clientX + 12) + 'px'; tip.style.top = (ev.clientY + 12) + 'px'; });
  el.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
  el.addEventListener('click', () => select(el.dataset.source));
});
document.querySelectorAll('.source').forEach(el => el.addEventListener('click', () => {
  select(el.dataset.source);
  const first = document.querySelector('.q[data-source="' + el.dataset.source + '"]');
  if (first) first.scrollIntoView({block: 'center'});
}));
document.querySelectorAll('.finding[data-start]').forEach(el => el.addEventListener('click', () => {
  const q = [...document.querySelectorAll('.q')].find(e => +e.dataset.start <= +el.dataset.start && +el.dataset.start < +e.dataset.end);
  if (q) { q.scrollIntoView({block: 'center'}); q.click(); }
}));
const ready = document.createElement('div');
ready.id = 'whosaid-ready';
ready.hidden = true;
ready.textContent = data.quotes.length + ' quotes';
document.body.appendChild(ready);
"#;

/// One article as a page: the text with quotes highlighted by kind and linked to sources,
/// the sources and the findings beside it.
///
/// ```
/// let text = "“We are ready,” said Gen. Ana Ruiz.";
/// let a = whosaid::analyze(text);
/// let doc = whosaid::wire::DocOut::new("x".into(), Default::default(), &a);
/// let page = whosaid::report::html::article_page(&doc, text, "x");
/// assert!(page.contains("q-direct"));
/// assert!(page.contains("Ana Ruiz"));
/// ```
pub fn article_page(doc: &DocOut, text: &str, title: &str) -> String {
    let mut body = String::new();
    // Quotes do not overlap, so the text is cut once, left to right.
    let mut quotes: Vec<(usize, &crate::wire::QuoteOut)> = doc.quotes.iter().enumerate().collect();
    quotes.sort_by_key(|(_, q)| q.start);
    let mut pos = 0;
    let mut paragraph_open = false;
    let emit_text = |out: &mut String, s: &str, open: &mut bool| {
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 && *open {
                out.push_str("</p>");
                *open = false;
            }
            if !part.trim().is_empty() {
                if !*open {
                    out.push_str("<p>");
                    *open = true;
                }
                out.push_str(&escape(part));
            }
        }
    };
    for (i, q) in quotes {
        if q.start < pos || q.end > text.len() || !text.is_char_boundary(q.start) || !text.is_char_boundary(q.end) {
            continue;
        }
        emit_text(&mut body, &text[pos..q.start], &mut paragraph_open);
        if !paragraph_open {
            body.push_str("<p>");
            paragraph_open = true;
        }
        let source = q.speaker.as_ref().and_then(|s| s.source).map_or(String::new(), |s| s.to_string());
        let unattributed = if q.speaker.is_none() { " unattributed" } else { "" };
        let _ = write!(
            body,
            r#"<span class="q q-{kind}{unattributed}" data-quote="{i}" data-source="{source}" data-start="{}" data-end="{}">"#,
            q.start,
            q.end,
            kind = escape(&format!("{:?}", q.kind).to_lowercase()),
        );
        // A quote over several paragraphs keeps its highlight in each.
        body.push_str(&escape(&text[q.start..q.end]).replace('\n', "</span></p><p><span class=\"q\">"));
        body.push_str("</span>");
        pos = q.end;
    }
    emit_text(&mut body, &text[pos..], &mut paragraph_open);
    if paragraph_open {
        body.push_str("</p>");
    }

    let mut sources = String::new();
    for (i, s) in doc.sources.iter().enumerate() {
        let mut details = vec![format!("{:?}", s.kind).to_lowercase()];
        if let Some(t) = &s.title {
            details.push(escape(t));
        }
        if let Some(r) = &s.role {
            details.push(escape(r));
        }
        if let Some(c) = s.count {
            details.push(format!("{c} {}", if c == 1 { "person" } else { "people" }));
        }
        let reason = if s.anonymous && s.kind == crate::sources::SourceType::Anonymous {
            match &s.anonymity_reason {
                Some(r) => format!("<div class=\"muted\">reason: {}</div>", escape(&r.text)),
                None => "<div class=\"anon\">no reason given for anonymity</div>".to_string(),
            }
        } else {
            String::new()
        };
        let _ = write!(
            sources,
            r#"<div class="source" id="source-{i}" data-source="{i}"><b class="{cls}">{name}</b> <span class="muted">{details}</span> · {n} quote{pl}{reason}</div>"#,
            cls = if s.anonymous { "anon" } else { "" },
            name = escape(&s.name),
            details = details.join(" · "),
            n = s.quotes.len(),
            pl = if s.quotes.len() == 1 { "" } else { "s" },
        );
    }
    let mut findings = String::new();
    for f in &doc.findings {
        let start = f.start.map_or(String::new(), |s| format!(" data-start=\"{s}\""));
        let _ = write!(findings, r#"<div class="finding"{start}><b>{}</b>: {}</div>"#, escape(&f.id), escape(&f.message));
    }
    if findings.is_empty() {
        findings.push_str("<div class=\"muted\">no findings</div>");
    }
    let s = &doc.summary;
    // The data block feeds the tooltips; `</` is escaped so the JSON cannot close the script.
    let data = serde_json::to_string(doc).unwrap_or_default().replace("</", "<\\/");
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>whosaid: {title}</title><style>{STYLE}</style></head>
<body><header><h1>whosaid · {title}</h1><div>{q} quotes ({d} direct, {ind} indirect, {m} mixed) · {src} sources ({named} named, {anon} anonymous)</div></header>
<main><article id="article">{body}</article>
<aside><section class="legend"><h2>Quotes</h2><span class="q-direct">direct</span><span class="q-indirect">indirect</span><span class="q-mixed">mixed</span><span class="q unattributed">no speaker</span></section>
<section id="sources"><h2>Sources</h2>{sources}</section>
<section id="findings"><h2>Findings</h2>{findings}</section></aside></main>
<div id="tip"></div>
<script type="application/json" id="whosaid-data">{data}</script>
<script>{SCRIPT}</script></body></html>
"#,
        title = escape(title),
        q = s.quotes,
        d = s.direct,
        ind = s.indirect,
        m = s.mixed,
        src = s.sources,
        named = s.named_sources,
        anon = s.anonymous_sources,
    )
}
