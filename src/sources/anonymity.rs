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
        // (The two words joined on the stack when they are short, as nearly all are: `format!`
        // was most of this function's cost.)
        let (a, b) = (words[0].as_bytes(), words[1].as_bytes());
        let mut joined = [0u8; 32];
        let n = a.len() + 1 + b.len();
        let found = if n <= joined.len() {
            joined[..a.len()].copy_from_slice(a);
            joined[a.len()] = b' ';
            joined[a.len() + 1..n].copy_from_slice(b);
            std::str::from_utf8(&joined[..n]).ok().and_then(|k| lex.numbers.get(k))
        } else {
            lex.numbers.get(&format!("{} {}", words[0], words[1]))
        };
        if let Some(&v) = found {
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
        let Some(at) = find_reason(sentence) else { continue };
        // Trim by characters, not bytes: the sentence may end in a multi-byte mark.
        let mut end = at + sentence[at..].trim_end_matches(['.', ',', ';', '"', '”', ')']).len();
        // A reason inside the source's appositive ends at its closing comma, before the verb of
        // saying: "A nurse, who asked not to be named because ..., said staff ...".
        let reason_start = s.span.start + at;
        // (The token's VERB class is the lexicon's verb look-up, worked out by the tokenizer.)
        if let Some(comma) = (doc.token_after(reason_start + 1)..s.last.saturating_sub(1))
            .find(|&k| doc.word_is(k, ",") && doc.has_class(k + 1, crate::lexicon::Classes::VERB))
        {
            end = end.min(doc.tokens[comma].span().start - s.span.start);
        }
        let reason = Span::new(reason_start, s.span.start + end);
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

/// The byte offset in `sentence` where the leftmost anonymity-reason phrase of the lexicon
/// starts: case-insensitive, any run of white space between words, a word boundary at both ends.
/// That is where [`reason_regex`] finds its leftmost match (only the start is used), found with
/// a scan of word starts and a comparison of the few phrases whose first word has the length
/// and first letter of the word there, rather than with the pattern, whose compilation alone
/// was 45M instructions (8% of a 2 MB run). The pattern remains for what the scan does not
/// model: a sentence holding U+212A KELVIN SIGN or U+017F LONG S, which `(?i)` equates with
/// `k` and `s`, or a lexicon phrase not made of ASCII letters, spaces, hyphens and apostrophes.
fn find_reason(sentence: &str) -> Option<usize> {
    let phrases = reason_phrases();
    if !phrases.simple || sentence.contains('\u{212A}') || sentence.contains('\u{17F}') {
        return reason_regex().find(sentence).map(|m| m.start());
    }
    let s = sentence.as_bytes();
    let mut i = 0;
    while i < s.len() {
        if !is_word_byte(s[i]) {
            i += 1;
            continue;
        }
        // `i` starts a run of word bytes (the byte before, if any, is not one): a word boundary.
        let run_end = word_run_end(s, i);
        let run = &s[i..run_end];
        for &g in &phrases.by_first_word[ReasonPhrases::bucket(run)] {
            let group = &phrases.groups[g];
            if run.eq_ignore_ascii_case(group.first_word.as_bytes()) && group.rests.iter().any(|rest| rest_matches(sentence, run_end, rest))
            {
                return Some(i);
            }
        }
        i = run_end;
    }
    None
}

/// The anonymity-reason phrases grouped by first word, for [`find_reason`].
struct ReasonPhrases {
    /// Every phrase is ASCII, starts with a letter and holds only letters, single spaces,
    /// hyphens and apostrophes (the lexicon's are): else [`find_reason`] uses the pattern.
    simple: bool,
    groups: Vec<ReasonGroup>,
    /// The groups whose first word has a given [`ReasonPhrases::bucket`].
    by_first_word: Vec<Vec<usize>>,
}

struct ReasonGroup {
    /// The phrase's leading run of letters, in lower case (`didn` of `didn't want to be named`).
    first_word: String,
    /// What follows the first word in each phrase of the group (`'t want to be named`).
    rests: Vec<String>,
}

impl ReasonPhrases {
    const BUCKETS: usize = 128;

    /// A bucket for a word from its length and lower-cased first byte.
    fn bucket(word: &[u8]) -> usize {
        (word.len() * 37 + word.first().map_or(0, |b| b.to_ascii_lowercase() as usize)) % ReasonPhrases::BUCKETS
    }
}

fn reason_phrases() -> &'static ReasonPhrases {
    static PHRASES: std::sync::LazyLock<ReasonPhrases> = std::sync::LazyLock::new(|| {
        let reasons = &lexicon().anonymity_reasons;
        let simple = reasons.iter().all(|p| {
            p.starts_with(|c: char| c.is_ascii_lowercase())
                && p.ends_with(|c: char| c.is_ascii_lowercase())
                && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-' || b == b' ')
                && !p.contains("  ")
        });
        let mut groups: Vec<ReasonGroup> = Vec::new();
        let mut by_first_word = vec![Vec::new(); ReasonPhrases::BUCKETS];
        for p in reasons.iter().filter(|_| simple) {
            let split = p.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(p.len());
            let (first, rest) = p.split_at(split);
            match groups.iter_mut().find(|g| g.first_word == first) {
                Some(g) => g.rests.push(rest.to_string()),
                None => {
                    by_first_word[ReasonPhrases::bucket(first.as_bytes())].push(groups.len());
                    groups.push(ReasonGroup { first_word: first.to_string(), rests: vec![rest.to_string()] });
                }
            }
        }
        ReasonPhrases { simple, groups, by_first_word }
    });
    &PHRASES
}

/// Where the run of word bytes starting at `i` ends: letters and digits eight bytes at a time
/// ([`crate::text::ascii_alnum_run`]), then an underscore, if any, and on (the same end as
/// testing each byte with [`is_word_byte`]).
fn word_run_end(s: &[u8], i: usize) -> usize {
    let mut end = i;
    loop {
        end += crate::text::ascii_alnum_run(s, end);
        if end < s.len() && s[end] == b'_' {
            end += 1;
        } else {
            return end;
        }
    }
}

/// ASCII word bytes, as `(?-u:\b)` sees them: everything else (including every byte of a
/// non-ASCII character) is a non-word byte.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when `rest` (the part of a simple phrase after its first word) matches `text` from byte
/// `at` on, as the pattern would: ASCII letters in either case, other bytes as they are, a space
/// as one or more white-space characters (`\s+`, Unicode), and then a word boundary.
fn rest_matches(text: &str, mut at: usize, rest: &str) -> bool {
    let t = text.as_bytes();
    for &p in rest.as_bytes() {
        if p == b' ' {
            let spaces = text[at..].chars().take_while(|c| c.is_whitespace()).map(char::len_utf8).sum::<usize>();
            if spaces == 0 {
                return false;
            }
            at += spaces;
        } else if at < t.len() && t[at].to_ascii_lowercase() == p {
            at += 1;
        } else {
            return false;
        }
    }
    // The phrase ends with a letter (a word byte): the boundary needs a non-word byte or the end.
    at == t.len() || !is_word_byte(t[at])
}

/// All reason phrases of the lexicon as one case-insensitive, word-bounded alternation,
/// compiled on first use (ASCII word boundaries keep it on the fast DFA engine). It defines what
/// [`find_reason`] finds, and is itself used only for the sentences and phrases that the scan
/// does not model.
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

#[cfg(test)]
mod tests {
    /// The word run measured eight bytes at a time ends where testing each byte ends it, for
    /// every byte at every position of a short text.
    #[test]
    fn word_run_end_agrees_with_bytes() {
        let base = b"ab_9Z x_y__Q1 \xe2\x80\x99s".to_vec();
        for c in 0u8..=255 {
            for k in 0..base.len() {
                let mut b = base.clone();
                b[k] = c;
                for i in 0..b.len() {
                    let reference = i + b[i..].iter().take_while(|&&x| super::is_word_byte(x)).count();
                    assert_eq!(super::word_run_end(&b, i), reference, "{b:?} at {i}");
                }
            }
        }
    }

    use super::*;

    /// `find_reason` finds the start of the pattern's leftmost match, on sentences built from
    /// the lexicon's phrases in other cases, with other white space, glued to word bytes, cut
    /// short, and with the characters `(?i)` folds to `k` and `s`.
    #[test]
    fn find_reason_agrees_with_the_pattern() {
        assert!(reason_phrases().simple, "the lexicon's reason phrases should be simple");
        let mut pieces: Vec<String> = Vec::new();
        for p in &lexicon().anonymity_reasons {
            pieces.push(p.clone());
            pieces.push(p.to_uppercase());
            pieces.push(p.replace(' ', "\u{a0}"));
            pieces.push(p.replace(' ', " \n\u{2003} "));
            pieces.push(p.replace('k', "\u{212A}").replace('s', "\u{17F}"));
            pieces.push(p[..p.len() - 1].to_string());
            pieces.push(p[1..].to_string());
        }
        let glue = ["", " ", "x", "_", "9", "é", "\u{2019}", ", ", "\"", "'", "-", "  "];
        // A small linear congruential generator: the same sentences every run.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let mut sentence = String::new();
            for _ in 0..1 + next(4) {
                sentence.push_str(glue[next(glue.len())]);
                sentence.push_str(&pieces[next(pieces.len())]);
            }
            sentence.push_str(glue[next(glue.len())]);
            assert_eq!(find_reason(&sentence), reason_regex().find(&sentence).map(|m| m.start()), "{sentence:?}");
        }
    }
}
