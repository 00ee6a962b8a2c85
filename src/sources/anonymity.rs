//! Anonymous sources: splitting `three officials and a US official` into its
//! sources, counting people, and attaching the stated reason for anonymity.

use super::{Source, SourceType};
use crate::Span;
use crate::lexicon::lexicon;
use crate::text::Document;
use std::collections::BTreeSet;

/// Byte ranges (offset, length) of the separate descriptors in `phrase`, split at ` and `
/// when both sides start with a count word (`three ... and a ...`).
pub fn split_descriptors(phrase: &str) -> Vec<(usize, usize)> {
    let lex = lexicon();
    let starts_with_count = |s: &str| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        lex.numbers.contains_key(&first) || first.chars().all(|c| c.is_ascii_digit()) && !first.is_empty()
    };
    if let Some(i) = phrase.find(" and ") {
        let (left, right) = (&phrase[..i], &phrase[i + 5..]);
        if starts_with_count(left) && starts_with_count(right) {
            return vec![(0, i), (i + 5, right.len())];
        }
    }
    vec![(0, phrase.len())]
}

/// Number of people a descriptor names: `three officials` → 3, `a US official` → 1, `officials` → none.
pub fn count(words: &[&str], plural: bool) -> Option<u32> {
    let lex = lexicon();
    let first = *words.first()?;
    if let Ok(n) = first.parse::<u32>() {
        return Some(n);
    }
    // Two-word count phrases first ("two dozen").
    if words.len() > 1 {
        if let Some(&v) = lex.numbers.get(&format!("{} {}", words[0], words[1])) {
            return v;
        }
    }
    match lex.numbers.get(first) {
        Some(&v) => v,
        None if !plural && matches!(first, "the" | "this" | "that") => Some(1),
        None => None,
    }
}

/// Attaches each sentence that states a reason for anonymity to the anonymous sources it speaks
/// of: those mentioned in that sentence, else those mentioned in the two paragraphs before it.
pub fn attach_reasons(doc: &Document, sources: &mut [Source]) {
    // The mentions `(start, end, source)` of the sources still waiting for a reason, by position:
    // the candidates mentioned in a span are a range look-up, and a source leaves the set once it
    // has its reason, rather than every source's mentions being scanned per sentence (issue 7:
    // quadratic in articles with many anonymous sources, or one long paragraph).
    let mut live: BTreeSet<(usize, usize, usize)> = sources
        .iter()
        .enumerate()
        .filter(|(_, src)| is_candidate(src))
        .flat_map(|(i, src)| src.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    let mentioned_in = |live: &BTreeSet<(usize, usize, usize)>, within: Span| -> Vec<usize> {
        let mut ids: Vec<usize> =
            live.range((within.start, 0, 0)..=(within.end, usize::MAX, usize::MAX)).filter(|m| m.1 <= within.end).map(|m| m.2).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    for s in &doc.sentences {
        // A reason can only go to a candidate mentioned in the sentence or in the two paragraphs
        // before it: with none there (most sentences of most articles), skip the pattern search.
        let window_start = doc.paragraphs[s.paragraph.saturating_sub(2)].span.start.min(s.span.start);
        if live.range((window_start, 0, 0)..=(s.span.end, usize::MAX, usize::MAX)).next().is_none() {
            continue;
        }
        let sentence = s.span.slice(doc.text);
        // ASCII lower-casing keeps byte offsets, so `at` indexes `sentence` too (full Unicode
        // lower-casing can change lengths and put `at` inside a character: issue 7 panic).
        let Some(at) = reason_regex().find(sentence).map(|m| m.start()) else { continue };
        // Trim by characters, not bytes: the sentence may end in a multi-byte mark.
        let end = at + sentence[at..].trim_end_matches(['.', ',', ';', '"', '”', ')']).len();
        let reason = Span::new(s.span.start + at, s.span.start + end);
        let in_sentence = mentioned_in(&live, s.span);
        let targets: Vec<usize> = if !in_sentence.is_empty() {
            in_sentence
        } else {
            // The nearest earlier paragraph (of the two before) that mentions candidates.
            let window_start = doc.paragraphs[s.paragraph.saturating_sub(2)].span.start;
            let nearest = live
                .range((window_start.min(s.span.start), 0, 0)..=(s.span.start, usize::MAX, usize::MAX))
                .rev()
                .find(|m| m.1 <= s.span.start)
                .map(|m| m.0);
            match nearest {
                Some(n) => {
                    let para = doc.paragraph_of(doc.token_after(n));
                    mentioned_in(&live, doc.paragraphs[para].span)
                }
                None => Vec::new(),
            }
        };
        for i in targets {
            sources[i].anonymity_reason = Some(reason);
            for m in &sources[i].mentions {
                live.remove(&(m.start, m.end, i));
            }
        }
    }
}

fn is_candidate(src: &Source) -> bool {
    src.kind == SourceType::Anonymous && src.anonymity_reason.is_none()
}

/// All reason phrases of the lexicon as one case-insensitive, word-bounded alternation,
/// compiled once (ASCII word boundaries keep it on the fast DFA engine): one pass per sentence instead of one substring search per phrase (which was
/// two thirds of the whole run time).
fn reason_regex() -> &'static regex::Regex {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let mut phrases: Vec<&String> = lexicon().anonymity_reasons.iter().collect();
        // Longest first, so the leftmost match is also the fullest phrase at that position.
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let alternation = phrases.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
        regex::Regex::new(&format!(r"(?i)(?-u:\b)(?:{alternation})(?-u:\b)")).expect("anonymity reason phrases form a valid pattern")
    });
    &RE
}
