//! Cue phrases: speech verbs from the lexicon (one or more words) and `according to`.

use crate::lexicon::{Classes, Verb, VerbClass, VerbWord, lexicon, lower};
use crate::text::{Document, Token};

#[derive(Clone, Copy, Debug)]
pub struct Cue {
    /// Token indices `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub verb: Verb,
    /// `according to X`: the source follows the cue.
    pub according: bool,
}

/// The cue starting at token `t`, if any (narrative words only).
///
/// Asked of nearly every token by several rules, and nearly always `None`: that answer comes
/// inline, from the token's classes and length, without a call.
#[inline]
pub fn cue_at(doc: &Document, t: usize) -> Option<Cue> {
    if !may_start_cue(&doc.tokens[t]) {
        return None;
    }
    cue_at_word(doc, t)
}

/// False for a token that surely starts no cue: neither the first word of a verb phrase nor as
/// long as "according" (most tokens), told from the token alone.
#[inline]
pub fn may_start_cue(tok: &Token) -> bool {
    tok.classes.has(Classes::VERB_FIRST) || tok.span().end - tok.span().start == "according".len()
}

/// [`cue_at`] for a token that may start a cue ([`may_start_cue`]).
#[inline(never)]
pub fn cue_at_word(doc: &Document, t: usize) -> Option<Cue> {
    let tok = doc.tokens[t];
    if !doc.is_narrative(t) || !tok.is_word() {
        return None;
    }
    // (Lengths first: most tokens are not "according" and start no cue, and answer here.)
    let according = tok.span().end - tok.span().start == "according".len() && doc.word(t).eq_ignore_ascii_case("according");
    if according && t + 1 < doc.tokens.len() && doc.word(t + 1).eq_ignore_ascii_case("to") {
        return Some(Cue { start: t, end: t + 2, verb: Verb { lemma: "according to", class: VerbClass::Speech }, according: true });
    }
    // Longest verb phrase first ("pointed out" before "pointed"); most words start no phrase.
    if !tok.classes.has(Classes::VERB_FIRST) {
        return None;
    }
    let lex = lexicon();
    let w = doc.word(t);
    let first = lower(w);
    // (One look-up says whether the word is a verb and whether a longer phrase starts with it.)
    let entry = lex.verb_words.get(&*first).copied().unwrap_or(VerbWord { verb: None, starts_phrase: false });
    // (Only a one-word cue verb, which the token's classes say it is, is a key of `verbs`.)
    let mut best = if tok.classes.has(Classes::VERB) { entry.verb.map(|v| (t + 1, v)) } else { None };
    // A phrase (a `String`) is built only when a verb phrase of more words starts with this
    // word, and only while it still starts one: most cues are one word.
    if entry.starts_phrase {
        // (Room for a few more words at once: growing the string word by word reallocated it.)
        let mut phrase = String::with_capacity(first.len() + 40);
        phrase.push_str(&first);
        for k in t + 1..(t + lex.verb_max_words).min(doc.tokens.len()) {
            if !doc.tokens[k].is_word() {
                break;
            }
            phrase.push(' ');
            // (`lower` borrows or lower-cases on the stack: no `String` per word.)
            phrase.push_str(&lower(doc.word(k)));
            let Some(entry) = lex.verb_words.get(&phrase) else { break };
            if let Some(v) = entry.verb {
                best = Some((k + 1, v));
            }
            if !entry.starts_phrase {
                break;
            }
        }
    }
    let (end, verb) = best?;
    // (`a Model 3 shows off ...`: the longer phrase is no cue, and the verb alone is not one here.)
    (verb.class != VerbClass::NotCue).then_some(Cue { start: t, end, verb, according: false })
}

/// Verbs whose object is the person addressed: `told reporters (that) ...`.
pub fn takes_addressee(lemma: &str) -> bool {
    matches!(lemma, "tell" | "assure" | "inform" | "remind" | "warn" | "advise" | "promise" | "caution" | "notify")
}

/// Verbs whose content includes their object: `urged locals to ...`, `asked residents to ...`.
pub fn takes_object_clause(lemma: &str) -> bool {
    matches!(
        lemma,
        "urge"
            | "ask"
            | "call"
            | "call on"
            | "encourage"
            | "implore"
            | "exhort"
            | "beg"
            | "invite"
            | "instruct"
            | "demand"
            | "challenge"
            | "advise"
            | "warn"
            | "tell"
            | "remind"
    )
}

/// Verbs of judging and demanding whose noun-phrase object is what the speaker said:
/// `accused the council of hiding the report`, `called for an inquiry`, `praised the crews`.
/// (Other speech verbs also take noun objects, `announced a plan`, `described the scene`, that
/// are events or topics rather than claims; news annotation does not report those.)
pub fn takes_object_content(lemma: &str) -> bool {
    matches!(lemma, "accuse" | "criticize" | "criticise" | "praise" | "blame" | "condemn" | "denounce" | "decry" | "call for")
}

/// Verbs that report a question or an account through a clause opened by a question word:
/// `asked whether ...`, `explained how ...`, `asked its members if ...`.
pub fn takes_embedded_question(lemma: &str) -> bool {
    matches!(
        lemma,
        "ask"
            | "explain"
            | "question"
            | "inquire"
            | "describe"
            | "detail"
            | "recount"
            | "recall"
            | "reveal"
            | "disclose"
            | "outline"
            | "demand"
            | "query"
    )
}

/// Participles that attach reported speech to the sentence's subject: `..., saying ...`.
pub fn is_participle(doc: &Document, c: &Cue) -> bool {
    // (The cheap test first. The last three bytes in any ASCII case: the word's lower case ends
    // in "ing" just when they are those letters, as no other character lower-cases to them.)
    c.end - c.start == 1 && {
        let w = doc.word(c.end - 1).as_bytes();
        w.len() >= 3 && w[w.len() - 3..].eq_ignore_ascii_case(b"ing")
    }
}
