//! Noun phrases that name a speaker: the subject before a cue verb, the phrase
//! after an inverted cue (`said Mr. Nouri`), and what each holds (title, name,
//! role appositive).

use crate::lexicon::lexicon;
use crate::text::{Document, TokenKind};
use crate::Span;

/// What a speaker mention is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// Holds a proper name: `Brig. Gen. Yahya Rasoul`, `Mr. Rasoul`, `Delmar Construction`.
    Name,
    /// `he`, `she`, `they`, `it`, `we`, `I`.
    Pronoun,
    /// A description with no proper name: `three Iraqi intelligence officials`, `the company`.
    Descriptor,
}

/// A phrase that refers to a speaker, with its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole phrase, appositive excluded.
    pub span: Span,
    pub kind: MentionKind,
    /// The proper-name part (`Yahya Rasoul`).
    pub name: Option<Span>,
    /// A title before the name (`Brig. Gen.`).
    pub title: Option<Span>,
    /// Words before the name that describe the person (`former lawmaker and Anbar tribal figure`).
    pub premodifier: Option<Span>,
    /// An appositive (`the Iraqi Army spokesman`, `who is now at ...`).
    pub role: Option<Span>,
}

/// Adverbs and auxiliaries that may stand between a subject and its verb.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also", "later", "has", "had", "have", "previously", "then", "recently", "once", "repeatedly", "publicly",
    "earlier", "further", "would", "will", "did", "does", "do", "reportedly", "initially", "simply", "finally",
    "again", "just", "already", "often", "frequently", "still", "only", "privately", "first", "has also",
    "had also", "would later", "could", "may", "might", "must", "should", "can", "is", "was", "were", "are",
    "been", "even", "never", "always", "not", "now",
];

/// Words that end a subject phrase going leftwards: a clause starts after them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "when", "while", "because", "but", "as", "if", "where", "although", "though", "after",
    "before", "since", "until", "whether", "so", "than", "whom", "whose", "what", "why", "how", "and", "or",
];

/// Leading words to drop from a subject phrase (`But he said` → `he`).
const SENTENCE_ADVERBS: &[&str] = &[
    "but", "and", "so", "meanwhile", "however", "now", "still", "yet", "then", "also", "instead", "indeed",
    "moreover", "furthermore", "nevertheless", "nonetheless", "today", "yesterday", "separately", "later",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "another", "its", "his", "her", "their", "our", "one", "some", "many", "several", "both", "other", "two", "three", "four", "five"];

/// Lower-case particles inside names (`Jaber al-Jaberi`, `Ursula von der Leyen`).
const NAME_PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "de", "del", "della", "der", "den", "di", "da", "du", "van", "von", "la", "le", "dos", "das", "st.", "mac"];

const PREPOSITIONS: &[&str] = &["of", "for", "at", "with", "from", "in", "on", "to", "by", "about", "within", "inside", "near", "under", "across", "among", "behind"];

pub fn is_lower_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn is_cap(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// A word that can be part of a proper name.
pub fn is_name_word(w: &str) -> bool {
    let lex = lexicon();
    if is_cap(w) {
        return !lex.is_not_name(w) && lex.pronoun(w).is_none() && lex.verb(w).is_none();
    }
    // "al-Jaberi", "d'Arcy", "McDonald" are names with a lower-case start.
    w.split(['-', '\'', '’']).skip(1).any(is_cap) && w.len() > 3
}

/// The longest title from the lexicon starting at token `t` (capitalised), as its end token.
pub fn title_at(doc: &Document, t: usize, end: usize) -> Option<usize> {
    let lex = lexicon();
    if !is_cap(doc.word(t)) {
        return None;
    }
    let mut best = None;
    let mut phrase = String::new();
    for k in t..end.min(t + lex.title_max_words) {
        if !doc.tokens[k].is_word() {
            break;
        }
        if k > t {
            phrase.push(' ');
        }
        phrase.push_str(&doc.word(k).to_lowercase());
        if lex.titles.contains_key(&phrase) {
            best = Some(k + 1);
        }
    }
    best
}

/// Parses tokens `[a, b)` as a speaker phrase; `None` when it cannot name a speaker.
pub fn parse(doc: &Document, a: usize, b: usize) -> Option<Mention> {
    let lex = lexicon();
    let mut a = a;
    while a < b && (is_lower_in(SENTENCE_ADVERBS, doc.word(a)) || doc.word(a) == "—" || doc.word(a) == "-") {
        a += 1;
    }
    if a >= b || b - a > 14 {
        return None;
    }
    if b - a == 1 && lex.pronoun(doc.word(a)).is_some() {
        let w = doc.word(a).to_lowercase();
        if matches!(w.as_str(), "him" | "her" | "them" | "me" | "us" | "you") {
            return None;
        }
        return Some(Mention { span: doc.tokens[a].span, kind: MentionKind::Pronoun, name: None, title: None, premodifier: None, role: None });
    }
    // Every token must be a word, a possessive, or light punctuation inside a name.
    for k in a..b {
        let tok = doc.tokens[k];
        match tok.kind {
            TokenKind::Word | TokenKind::Number => {
                let w = doc.word(k);
                if lex.pronoun(w).is_some() && !matches!(w.to_lowercase().as_str(), "his" | "her" | "its" | "their" | "our") {
                    return None;
                }
            }
            TokenKind::Punct if matches!(doc.word(k), "." | "&" | "(" | ")" | "-" | "'") => {}
            TokenKind::Mark(..) if k > a && doc.tokens[k].span.start == doc.tokens[k - 1].span.end => {} // members' / Iraq’s
            _ => return None,
        }
    }
    // Name runs: maximal sequences of name words (with particles and titles inside).
    let mut runs: Vec<(usize, usize, Option<(usize, usize)>)> = Vec::new();
    let mut k = a;
    while k < b {
        let title_end = title_at(doc, k, b);
        let start = k;
        if let Some(te) = title_end {
            k = te;
        }
        let name_start = k;
        while k < b {
            let w = doc.word(k);
            if is_name_word(w) && doc.tokens[k].is_word() {
                k += 1;
            } else if k > name_start && k + 1 < b && is_lower_in(NAME_PARTICLES, w) && is_name_word(doc.word(k + 1)) {
                k += 1;
            } else {
                break;
            }
        }
        if k > name_start {
            runs.push((name_start, k, title_end.map(|_| (start, name_start))));
        } else if title_end.is_some() && k > start {
            // A bare title such as "the Premier" acts as a descriptor.
        } else {
            k = start + 1;
        }
        if k == start {
            k += 1;
        }
    }
    // The head name: the first run not used as a modifier ("Anbar tribal figure"), else the last.
    let is_modifier = |end: usize| end < b && {
        let w = doc.word(end);
        doc.tokens[end].is_word() && !is_cap(w) && !is_lower_in(PREPOSITIONS, w) && !is_lower_in(&["and", "or", "who"], w)
    };
    let head = runs.iter().find(|r| !is_modifier(r.1)).or(runs.last()).copied();
    let span = doc.token_span(a, b);
    match head {
        Some((ns, ne, title)) => {
            // A name that is only a modifier of a lower-case head is a descriptor ("Iraqi officials").
            if is_modifier(ne) {
                return Some(Mention { span, kind: MentionKind::Descriptor, name: None, title: None, premodifier: None, role: None });
            }
            let title_span = title.map(|(s, e)| doc.token_span(s, e));
            let pre_end = title.map(|(s, _)| s).unwrap_or(ns);
            let premodifier = (pre_end > a).then(|| doc.token_span(a, pre_end));
            Some(Mention {
                span,
                kind: MentionKind::Name,
                name: Some(doc.token_span(ns, ne)),
                title: title_span,
                premodifier,
                role: None,
            })
        }
        None => {
            // A description: its head noun must be a role, an organisation, a document or a vague group.
            let last = doc.word(b - 1).to_lowercase();
            let ok = lex.is_role(&last)
                || lex.anonymous_heads.contains(&last)
                || lex.org_heads.contains(&last)
                || lex.documents.contains(&last)
                || lex.vague_subjects.contains(&last)
                || {
                    let phrase = doc.token_span(a, b).slice(doc.text).to_lowercase();
                    lex.vague_subjects.contains(&phrase)
                        || lex.anonymous_heads.iter().any(|h| h.contains(' ') && phrase.contains(h.as_str()))
                };
            ok.then_some(Mention { span, kind: MentionKind::Descriptor, name: None, title: None, premodifier: None, role: None })
        }
    }
}

/// The subject of a cue verb at token `v`: the phrase ending just before it (skipping
/// adverbs and an appositive `X, the ..., said`), starting no earlier than `lo`.
pub fn subject_before(doc: &Document, v: usize, lo: usize) -> Option<Mention> {
    let mut e = v;
    while e > lo && doc.tokens[e - 1].is_word() && is_lower_in(BETWEEN_SUBJECT_AND_VERB, doc.word(e - 1)) {
        e -= 1;
    }
    if e <= lo {
        return None;
    }
    let mut role = None;
    if doc.word(e - 1) == "," {
        // X, APPOSITIVE, said
        let c2 = e - 1;
        let c1 = (lo..c2).rev().find(|&k| doc.word(k) == "," || !doc.is_narrative(k) && doc.tokens[k].is_mark())?;
        if doc.word(c1) != "," || c1 + 1 >= c2 {
            return None;
        }
        role = Some(doc.token_span(c1 + 1, c2));
        e = c1;
    }
    // Walk left over the phrase.
    let mut s = e;
    while s > lo {
        let k = s - 1;
        let tok = doc.tokens[k];
        let w = doc.word(k);
        if !doc.is_narrative(k) || tok.is_mark() && tok.span.start != doc.tokens[k.saturating_sub(1)].span.end {
            break;
        }
        if matches!(tok.kind, TokenKind::Punct) && !matches!(w, "." | "&" | "(" | ")") {
            break;
        }
        if w == "(" || w == ")" {
            // party-state tags "(D-Ore.)" belong to the phrase
        }
        let lower = w.to_lowercase();
        if lower == "and" {
            // "United States and Iraqi officials", "Tore Sohlberg and Lehla Abreder": keep "and" inside a phrase.
            let left = k.checked_sub(1).map(|j| doc.word(j)).unwrap_or("");
            if !(is_cap(left) || lexicon().is_role(left) || lexicon().anonymous_heads.contains(&left.to_lowercase())) || s == e {
                break;
            }
        } else if is_lower_in(CLAUSE_OPENERS, w) || (tok.is_word() && lexicon().verb(w).is_some() && !is_cap(w)) {
            break;
        }
        if lexicon().pronoun(w).is_some() && s < e && !matches!(lower.as_str(), "his" | "her" | "its" | "their" | "our") {
            break;
        }
        s = k;
        if e - s > 12 {
            return None;
        }
    }
    // A phrase starting with a preposition is an adverbial ("In a statement").
    while s < e && is_lower_in(PREPOSITIONS, doc.word(s)) {
        return None;
    }
    // A pronoun right before the verb is the whole subject. (`e` may have fallen back to `lo` on
    // an appositive starting the sentence: `, x, said ...` underflowed here, issue 7.)
    if e > lo && lexicon().pronoun(doc.word(e - 1)).is_some() {
        s = e - 1;
    }
    let mut m = parse(doc, s, e)?;
    if role.is_some() {
        m.role = role;
    }
    Some(m)
}

/// The phrase after an inverted cue (`said Brig. Gen. Yahya Rasoul, the Iraqi Army spokesman.`),
/// starting at token `a` and ending before `hi`.
pub fn phrase_after(doc: &Document, a: usize, hi: usize) -> Option<Mention> {
    let mut e = a;
    let mut has_name = false;
    while e < hi {
        let tok = doc.tokens[e];
        let w = doc.word(e);
        if !doc.is_narrative(e) || !(tok.is_word() || w == "&" || (w == "(" || w == ")")) {
            break;
        }
        if e > a && (is_lower_in(PREPOSITIONS, w) && !(w == "of" || w == "for") || is_lower_in(CLAUSE_OPENERS, w) || w == "who") {
            break;
        }
        if (w == "of" || w == "for") && has_name {
            break;
        }
        if e > a && lexicon().verb(w).is_some() && !is_cap(w) {
            break;
        }
        if is_cap(w) {
            has_name = true;
        }
        e += 1;
        if e - a > 12 {
            return None;
        }
    }
    if e == a {
        return None;
    }
    let mut m = parse(doc, a, e)?;
    // An appositive after a comma: a role, or the name of a described speaker.
    if e < hi && doc.word(e) == "," {
        let mut r = e + 1;
        while r < hi && doc.is_narrative(r) && !matches!(doc.word(r), "," | "." | ";" | ":" | "?" | "!") && !doc.tokens[r].is_mark() {
            r += 1;
        }
        if r > e + 1 {
            if m.kind == MentionKind::Descriptor {
                if let Some(named) = parse(doc, e + 1, r).filter(|n| n.kind == MentionKind::Name) {
                    return Some(Mention { role: Some(m.span), ..named });
                }
            }
            m.role = Some(doc.token_span(e + 1, r));
        }
    } else if e < hi && doc.word(e) == "who" {
        let mut r = e + 1;
        while r < hi && doc.is_narrative(r) && !matches!(doc.word(r), "," | "." | ";" | ":" | "?" | "!") {
            r += 1;
        }
        m.role = Some(doc.token_span(e, r));
    }
    Some(m)
}
