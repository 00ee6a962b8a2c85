//! Scoring whosaid against annotated articles (`whosaid eval`).
//!
//! In: a gold file in the shared JSON Lines format (one article per line: `id`, `text`, and
//! `quotes` with code-point `start`/`end`, `kind`, `speaker`, `speaker_start`/`speaker_end`,
//! `anonymous`). Out: the same figures as the reference scorer `score.py`, computed the same
//! way so the two agree: detection (exact after trimming marks and punctuation, and overlap),
//! speaker accuracy on matched quotes, end-to-end F1 (quote found and speaker right) and
//! recall by kind, plus a list of errors in context.
//!
//! ```
//! let gold = r#"{"id": "a", "text": "\"We won,\" said Mayor Ana Ruiz.", "quotes": [{"start": 1, "end": 8, "kind": "direct", "speaker": "Ana Ruiz", "speaker_start": 21, "speaker_end": 29, "anonymous": false}]}"#;
//! let report = whosaid::eval::evaluate(gold.as_bytes(), &whosaid::eval::Options::default()).unwrap();
//! assert_eq!(report.end_to_end.f1, 1.0);
//! ```

use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::BufRead;

/// Scoring options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Gold kinds to score (`direct`, `indirect`, `mixed`); all three by default.
    pub kinds: Vec<String>,
    /// How many errors to list.
    pub errors: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { kinds: vec!["direct".into(), "indirect".into(), "mixed".into()], errors: 0 }
    }
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

fn prf(tp: usize, npred: usize, ngold: usize) -> Prf {
    let p = if npred > 0 { tp as f64 / npred as f64 } else { 0.0 };
    let r = if ngold > 0 { tp as f64 / ngold as f64 } else { 0.0 };
    Prf { p, r, f1: if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 } }
}

/// The figures, named as `score.py --json` names them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub docs: usize,
    pub gold: usize,
    pub pred: usize,
    pub missing_docs: usize,
    pub exact: Prf,
    pub overlap: Prf,
    pub attribution_accuracy: f64,
    pub attributed: usize,
    pub end_to_end: Prf,
    /// Recall per gold kind (null when the set has none of that kind).
    pub recall_by_kind: BTreeMap<String, Option<f64>>,
    #[serde(skip)]
    pub recall_counts: BTreeMap<String, (usize, usize)>,
    #[serde(skip)]
    pub errors: Vec<String>,
}

/// One quote in code points, gold or predicted.
struct Q {
    start: usize,
    end: usize,
    kind: String,
    speaker: Option<String>,
    anonymous: Option<bool>,
    span: Option<(usize, usize)>,
}

const TRIM: &str = " \t\n\r\u{a0}\"'“”‘’«»„‚,.;:!?—–-()[]";

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "fr",
    "father",
    "sister",
    "brother",
    "sheikh",
    "sheik",
    "imam",
    "rabbi",
    "gen",
    "general",
    "brig",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "cmdr",
    "commander",
    "cpl",
    "pvt",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "pres",
    "president",
    "vice",
    "prime",
    "minister",
    "mayor",
    "judge",
    "justice",
    "chief",
    "secretary",
    "deputy",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "saint",
    "st",
    "officer",
    "detective",
    "inspector",
    "agent",
    "coach",
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
    "esq",
    "phd",
    "md",
    "the",
    "a",
    "an",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "its"];

/// Name tokens as `score.py` makes them (lower case, possessive and titles dropped).
/// (`score.py` also applies NFKC normalisation, which only matters for compatibility characters.)
fn norm_tokens(name: &str) -> Vec<String> {
    let lower = name.to_lowercase().replace("'s", " ").replace("’s", " ");
    let chars: Vec<char> = lower.chars().collect();
    let word = |c: char| c.is_alphanumeric();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !word(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() {
            if word(chars[j]) {
                j += 1;
            } else if matches!(chars[j], '-' | '\'' | '’') && j + 1 < chars.len() && word(chars[j + 1]) {
                j += 1;
            } else {
                break;
            }
        }
        let tok: String = chars[i..j].iter().collect();
        if !TITLES.contains(&tok.as_str()) {
            out.push(tok);
        }
        i = j;
    }
    out
}

fn speaker_correct(g: &Q, p: &Q) -> Option<bool> {
    let gs = g.speaker.as_ref()?;
    if let (Some(a), Some(b)) = (g.span, p.span) {
        if a.1.min(b.1) > a.0.max(b.0) {
            return Some(true);
        }
    }
    let gt = norm_tokens(gs);
    if gt.iter().all(|t| PRONOUNS.contains(&t.as_str())) {
        return Some(false);
    }
    if g.anonymous == Some(true) {
        if p.anonymous == Some(true) {
            return Some(true);
        }
        return Some(match &p.speaker {
            Some(ps) => {
                let pt = norm_tokens(ps);
                gt.iter().any(|t| pt.contains(t))
            }
            None => false,
        });
    }
    let Some(ps) = &p.speaker else { return Some(false) };
    let pt = norm_tokens(ps);
    if gt.is_empty() || pt.is_empty() {
        return Some(false);
    }
    Some(gt.last() == pt.last() || (gt.len() == 1 && pt.contains(&gt[0])) || (pt.len() == 1 && gt.contains(&pt[0])))
}

fn trimmed(text: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && TRIM.contains(text[s]) {
        s += 1;
    }
    while e > s && TRIM.contains(text[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Greedy one-to-one matching by largest overlap, ties broken as `score.py`'s reverse sort does.
fn match_quotes(golds: &[Q], preds: &[Q]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            let ov = g.end.min(p.end) as i64 - g.start.max(p.start) as i64;
            if ov > 0 {
                pairs.push((ov, gi, pi));
            }
        }
    }
    pairs.sort_unstable_by(|a, b| b.cmp(a));
    let (mut ug, mut up) = (vec![false; golds.len()], vec![false; preds.len()]);
    let mut out = Vec::new();
    for (_, gi, pi) in pairs {
        if ug[gi] || up[pi] {
            continue;
        }
        ug[gi] = true;
        up[pi] = true;
        out.push((gi, pi));
    }
    out
}

fn gold_quote(v: &Value) -> Option<Q> {
    let num = |k: &str| v.get(k).and_then(Value::as_u64).map(|n| n as usize);
    let span = match (num("speaker_start"), num("speaker_end")) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    Some(Q {
        start: num("start")?,
        end: num("end")?,
        kind: v.get("kind").and_then(Value::as_str).unwrap_or("").to_string(),
        speaker: v.get("speaker").and_then(Value::as_str).map(str::to_string),
        anonymous: v.get("anonymous").and_then(Value::as_bool),
        span,
    })
}

/// The analyser's quotes for `text`, in code points.
fn predicted(text: &str) -> Vec<Q> {
    let a = crate::analyze(text);
    // Byte offset → code-point offset.
    let mut to_char = vec![0usize; text.len() + 1];
    let mut ci = 0;
    for (bi, ch) in text.char_indices() {
        for slot in &mut to_char[bi..bi + ch.len_utf8()] {
            *slot = ci;
        }
        ci += 1;
    }
    to_char[text.len()] = ci;
    a.quotes
        .iter()
        .zip(&a.attributions)
        .map(|(q, at)| {
            let (speaker, anonymous) = match (at.source, at.mention) {
                (Some(id), _) => (Some(a.sources[id].name.clone()), Some(a.sources[id].anonymous)),
                (None, Some(m)) => (Some(m.slice(text).to_string()), Some(false)),
                (None, None) => (None, None),
            };
            Q {
                start: to_char[q.span.start],
                end: to_char[q.span.end],
                kind: q.kind.as_str().to_string(),
                speaker,
                anonymous,
                span: at.mention.map(|m| (to_char[m.start], to_char[m.end])),
            }
        })
        .collect()
}

/// Scores the analyser on a gold file read from `input`.
pub fn evaluate(input: impl BufRead, opts: &Options) -> Result<Report, String> {
    let mut r = Report::default();
    let (mut exact_tp, mut overlap_tp, mut attr_n, mut attr_ok, mut e2e_tp) = (0, 0, 0, 0, 0);
    let (mut gold_with_speaker, mut pred_with_speaker) = (0, 0);
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = serde_json::from_str(&line).map_err(|e| format!("line {}: malformed JSON: {e}", n + 1))?;
        let id = doc.get("id").cloned().unwrap_or(Value::from(n + 1));
        let text = doc.get("text").and_then(Value::as_str).ok_or(format!("line {}: no text", n + 1))?;
        let chars: Vec<char> = text.chars().collect();
        r.docs += 1;
        let gq: Vec<Q> = doc.get("quotes").and_then(Value::as_array).map_or(Vec::new(), |qs| qs.iter().filter_map(gold_quote).collect());
        let gq: Vec<Q> = gq.into_iter().filter(|q| opts.kinds.contains(&q.kind)).collect();
        let mut pq = predicted(text);
        if opts.kinds.len() < 3 {
            // Scoring a subset: predictions that overlap no gold quote of those kinds are not charged.
            pq.retain(|p| gq.iter().any(|g| g.end.min(p.end) > g.start.max(p.start)));
        }
        r.gold += gq.len();
        r.pred += pq.len();
        let gold_exact: std::collections::HashSet<(usize, usize)> = gq.iter().map(|q| trimmed(&chars, q.start, q.end)).collect();
        let pred_exact: std::collections::HashSet<(usize, usize)> = pq.iter().map(|q| trimmed(&chars, q.start, q.end)).collect();
        exact_tp += gold_exact.intersection(&pred_exact).count();
        let m = match_quotes(&gq, &pq);
        overlap_tp += m.len();
        let matched_g: std::collections::HashSet<usize> = m.iter().map(|&(g, _)| g).collect();
        let matched_p: std::collections::HashSet<usize> = m.iter().map(|&(_, p)| p).collect();
        for (gi, q) in gq.iter().enumerate() {
            let c = r.recall_counts.entry(q.kind.clone()).or_default();
            c.1 += 1;
            if matched_g.contains(&gi) {
                c.0 += 1;
            }
        }
        let context = |q: &Q| chars[q.start.min(chars.len())..q.end.min(chars.len())].iter().take(100).collect::<String>();
        for &(gi, pi) in &m {
            let Some(ok) = speaker_correct(&gq[gi], &pq[pi]) else { continue };
            attr_n += 1;
            if ok {
                attr_ok += 1;
                e2e_tp += 1;
            } else if r.errors.len() < opts.errors {
                r.errors.push(format!(
                    "WRONG SPEAKER {id}: gold={:?} pred={:?} :: {:?}",
                    gq[gi].speaker.as_deref().unwrap_or("-"),
                    pq[pi].speaker.as_deref().unwrap_or("-"),
                    context(&gq[gi])
                ));
            }
        }
        gold_with_speaker += gq.iter().filter(|q| q.speaker.is_some()).count();
        pred_with_speaker += pq.iter().filter(|q| q.speaker.is_some() || q.anonymous == Some(true)).count();
        for (gi, q) in gq.iter().enumerate() {
            if !matched_g.contains(&gi) && r.errors.len() < opts.errors {
                r.errors.push(format!("MISSED {id} [{}] {}: {:?}", q.kind, q.speaker.as_deref().unwrap_or("-"), context(q)));
            }
        }
        for (pi, q) in pq.iter().enumerate() {
            if !matched_p.contains(&pi) && r.errors.len() < opts.errors {
                r.errors.push(format!("SPURIOUS {id} [{}] {}: {:?}", q.kind, q.speaker.as_deref().unwrap_or("-"), context(q)));
            }
        }
    }
    r.exact = prf(exact_tp, r.pred, r.gold);
    r.overlap = prf(overlap_tp, r.pred, r.gold);
    r.attributed = attr_n;
    r.attribution_accuracy = if attr_n > 0 { attr_ok as f64 / attr_n as f64 } else { 0.0 };
    let npred = if pred_with_speaker > 0 { pred_with_speaker } else { r.pred };
    r.end_to_end = prf(e2e_tp, npred, gold_with_speaker);
    r.recall_by_kind = r.recall_counts.iter().map(|(k, &(hit, all))| (k.clone(), (all > 0).then(|| hit as f64 / all as f64))).collect();
    Ok(r)
}

impl Report {
    /// The figures as `score.py` prints them.
    pub fn to_text(&self) -> String {
        let mut s = format!("docs {}  gold quotes {}  predicted {}  missing docs {}\n", self.docs, self.gold, self.pred, self.missing_docs);
        s += &format!("detection exact    P {:.3}  R {:.3}  F1 {:.3}\n", self.exact.p, self.exact.r, self.exact.f1);
        s += &format!("detection overlap  P {:.3}  R {:.3}  F1 {:.3}\n", self.overlap.p, self.overlap.r, self.overlap.f1);
        s += &format!("attribution accuracy on matched quotes {:.3}  (n={})\n", self.attribution_accuracy, self.attributed);
        s += &format!("end-to-end (quote+speaker) P {:.3}  R {:.3}  F1 {:.3}\n", self.end_to_end.p, self.end_to_end.r, self.end_to_end.f1);
        let kinds: Vec<String> = self.recall_counts.iter().map(|(k, (hit, all))| format!("{k} {hit}/{all}")).collect();
        s += &format!("recall by kind: {}\n", kinds.join("  "));
        for e in &self.errors {
            s += e;
            s.push('\n');
        }
        s
    }
}
