//! Reported speech: `X said (that) ...`, `..., X said.`, `..., said X.`,
//! `according to X, ...`, `..., according to X.`, `X told reporters ...`,
//! `..., saying ...`. Reported content that holds quoted fragments becomes one
//! mixed quote, and the fragments' regions are marked absorbed.

use std::cell::OnceCell;

use super::cues::{Cue, cue_at, cue_at_word, is_participle, may_start_cue, takes_addressee};
use super::np::{self, FINITE_AUXILIARIES, Mention, Words, is_lower_in, word_is_lower_in, words};
use super::{Quote, QuoteKind};
use crate::lexicon::Classes;
use crate::lexicon::{VerbClass, lexicon, lower};
use crate::text::{Document, Sentence, TokenKind};

/// Words that open a short phrase after a sentence-final cue: `said Tuesday`, `said in a statement`.
const TAIL_OPENERS: &Words = &Words::new(&[
    "in",
    "on",
    "at",
    "for",
    "during",
    "to",
    "last",
    "this",
    "earlier",
    "later",
    "late",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "via",
    "through",
    "after",
    "before",
    "when",
    "while",
    "as",
    "by",
    "from",
    "with",
    "over",
    "recently",
    "previously",
    "publicly",
    "again",
    "also",
    "outside",
    "inside",
    "afterwards",
    "afterward",
]);

/// Words that cannot open reported content: the verb is used intransitively (`spoke on condition ...`).
const PREPOSITION_STARTS: &Words = &Words::new(&[
    "to", "for", "with", "about", "of", "by", "up", "off", "out", "into", "over", "away", "back", "down", "on", "in", "at", "during",
    "after", "before", "from", "under", "as", "through", "against", "toward", "towards", "via", "when", "while", "because", "since",
    "until", "unless", "amid", "highly", "not", "never",
]);

pub fn detect(doc: &Document, absorbed: &mut [bool]) -> Vec<Quote> {
    // (Room at once for most articles' reported quotes, about one per four or five sentences on
    // the sample, and for the direct ones `quotes::detect` adds to them, at most one per quote
    // region: growing the vector quote by quote, then for the direct ones, reallocated it.)
    let mut out = Vec::with_capacity(doc.sentences.len() / 4 + doc.regions.len());
    // The top-level regions, in order: they never overlap, so those inside a quote's content are
    // found by binary search (issue 7: scanning all regions per quote was quadratic).
    let top: Vec<usize> = doc.regions.iter().enumerate().filter(|(_, r)| r.depth == 0).map(|(i, _)| i).collect();
    let top = &top[..];
    // The cues of the sentence's content, by start. `cue_at` depends on the token alone, so it is
    // asked once per token here; the sentence-final search and the loop below both read this
    // (each asked `cue_at` of the last twelve tokens before). One vector for all sentences.
    let mut cues: Vec<Cue> = Vec::new();
    for s in &doc.sentences {
        let end = content_end(doc, s);
        cues.clear();
        // (Each token read from the slice, the cheap test first: no index checks per token. A
        // `position` search from one possible cue start to the next is a tight loop over the
        // tokens; the `extend` of a filtered iterator cost about 18 instructions a token.)
        let content = doc.tokens.get(s.first..end).unwrap_or_default();
        let mut i = 0;
        while let Some(k) = content[i..].iter().position(may_start_cue) {
            if let Some(cue) = cue_at_word(doc, s.first + i + k) {
                cues.push(cue);
            }
            i += k + 1;
        }
        // "As the mayor put it, ...": an opening attribution speaks for the rest of the sentence.
        {
            let mut taken = Vec::new();
            if let Some(q) = as_attribution(doc, s, end, &cues, &mut taken, top) {
                for r in taken {
                    absorbed[r] = true;
                }
                out.push(q);
                continue;
            }
        }
        // (No cue: none of the rules below has anything to try in this sentence, save a
        // document opening it.)
        if cues.is_empty() {
            let mut taken = Vec::new();
            if let Some(q) = in_document(doc, s, end, &mut taken, top) {
                for r in taken {
                    absorbed[r] = true;
                }
                out.push(q);
            }
            continue;
        }
        // (`leading_start` of the sentence, for `try_cue`: the same for every cue in it.)
        let lead = OnceCell::new();
        // The sentence-final cue's attempt when it is not taken at once: the cue's start, and what
        // `try_cue` gave (the quote, the regions it takes, its second piece).
        let mut final_try = None;
        // A sentence-final attribution ("..., she said.") speaks for the whole sentence: try it
        // before any cue inside the content ("Canada has asked ..., she said."). It is the last
        // cue starting among the content's last twelve tokens, and not at the sentence's first.
        let final_cue = cues.last().filter(|c| c.start > s.first && c.start >= end.saturating_sub(12));
        if let Some(&last) = final_cue {
            let mut extra = Vec::new();
            let mut taken = Vec::new();
            let found = try_cue(doc, s, s.first, end, &last, &mut taken, &mut extra, top, &lead, &cues);
            if let Some(q) = found.as_ref() {
                if extra.is_empty()
                    && matches!(q.rule, "indirect/said-after" | "indirect/said-inverted" | "mixed/said-after" | "mixed/said-inverted")
                {
                    for r in taken {
                        absorbed[r] = true;
                    }
                    out.extend(found);
                    continue;
                }
            }
            final_try = Some((last.start, found, taken, extra));
        }
        // Further back, an inverted cue after a comma whose speaker carries a long relative
        // clause ("..., said an official who was briefed on the talks and spoke anonymously"):
        // the cue in the last twelve tokens was the clause's own.
        let inverted_further_back = final_try.as_ref().and_then(|&(last_start, ..)| {
            cues.iter()
                .rev()
                .filter(|c| c.start < last_start)
                .take_while(|c| c.start + 24 >= last_start)
                .find(|c| c.verb.class == VerbClass::Speech && c.start > s.first && doc.word_is(c.start - 1, ","))
                .copied()
        });
        if let Some(cue) = inverted_further_back {
            let mut extra = Vec::new();
            let mut taken = Vec::new();
            let found = try_cue(doc, s, s.first, end, &cue, &mut taken, &mut extra, top, &lead, &cues);
            if extra.is_empty() && found.as_ref().is_some_and(|q| matches!(q.rule, "indirect/said-inverted" | "mixed/said-inverted")) {
                for r in taken {
                    absorbed[r] = true;
                }
                out.extend(found);
                continue;
            }
        }
        let mut t = s.first;
        // Where the next quote's content may start: after the previous quote and its speaker, so
        // two `..., according to X` in one sentence give two quotes that do not overlap (issue 7).
        let mut from = s.first;
        // The next cue at or after `t` (`t` only moves on): the one asking `cue_at` of each token
        // from `t` on would come to.
        let mut next = 0;
        loop {
            while next < cues.len() && cues[next].start < t {
                next += 1;
            }
            let Some(&cue) = cues.get(next) else { break };
            // `try_cue` depends only on the sentence, `from`, `end` and the cue: when the loop
            // comes to the sentence-final cue with nothing found before it, its answer is the
            // one worked out above (about a third of the calls, each a subject search).
            let (found, taken, mut extra) = match final_try.take_if(|(start, ..)| *start == cue.start && from == s.first) {
                Some((_, found, taken, extra)) => (found, taken, extra),
                None => {
                    let mut extra = Vec::new();
                    let mut taken = Vec::new();
                    let found = try_cue(doc, s, from, end, &cue, &mut taken, &mut extra, top, &lead, &cues);
                    (found, taken, extra)
                }
            };
            if found.is_some() {
                for &r in &taken {
                    absorbed[r] = true;
                }
            }
            if let Some(q) = found {
                t = cue.end.max(doc.token_after_near(q.span.end, cue.end).min(end));
                from = t.max(q.mention.map_or(0, |m| mention_end(doc, &m, cue.end)));
                out.push(q);
                if let Some(last) = extra.last() {
                    t = t.max(doc.token_after_near(last.span.end, cue.end).min(end));
                    // (The next quote starts after the second piece too.)
                    from = from.max(t);
                }
                out.append(&mut extra);
                continue;
            }
            t = cue.end;
        }
    }
    out
}

/// `As the mayor put it, the city "cannot afford to wait."`, `As the paper noted, ...`, `In the
/// words of one trader, ...`: an attribution opening the sentence, up to its comma, speaks for
/// the rest of it. `cues` are the sentence's cues.
fn as_attribution(doc: &Document, s: &Sentence, end: usize, cues: &[Cue], taken: &mut Vec<usize>, top: &[usize]) -> Option<Quote> {
    let mut first = s.first;
    if first < end && word_is_lower_in(words!["but", "and", "or"], doc, first) {
        first += 1;
    }
    // (At least "As X said, A B C" or "In the words of X, ...": room for the look-ups below.)
    if first + 6 > end {
        return None;
    }
    let words_of = word_is_lower_in(words!["in"], doc, first)
        && doc.word_is(first + 1, "the")
        && doc.word_is(first + 2, "words")
        && doc.word_is(first + 3, "of");
    if !words_of && !word_is_lower_in(words!["as"], doc, first) {
        return None;
    }
    let comma = (first + 2..end.min(first + 16)).find(|&k| doc.word_in(k, &[",", ";", ":", "."]))?;
    if !doc.word_is(comma, ",") || (first..comma).any(|k| !doc.is_narrative(k) || !doc.tokens[k].is_word()) {
        return None;
    }
    // The speaker phrase in `[a, b)`: it ends in a noun, not in "of the" ("As star and executive
    // producer of the show, ..." holds no cue).
    let subject = |a: usize, b: usize| {
        let ends_in_function_word = word_is_lower_in(
            words!["the", "a", "an", "of", "his", "her", "its", "their", "this", "that", "to", "for", "in", "on", "with"],
            doc,
            b - 1,
        );
        if ends_in_function_word { None } else { np::parse(doc, a, b) }
    };
    let (m, cue_span, lemma) = if words_of {
        (subject(first + 4, comma)?, doc.token_span(first, first + 4), "words")
    } else if comma >= first + 3 && doc.word_is(comma - 1, "it") && word_is_lower_in(words!["put", "puts"], doc, comma - 2) {
        (subject(first + 1, comma - 2)?, doc.token_span(comma - 2, comma), "put")
    } else {
        // A cue of saying or of evidence, with at most a short tail before the comma.
        // (Not a time: "As Blumenthal spoke, ...".)
        let cue = cues.iter().find(|c| c.start > first && c.end <= comma && !c.according)?;
        if cue.verb.class == VerbClass::Belief || matches!(cue.verb.lemma, "speak" | "talk" | "testify" | "ask" | "answer") {
            return None;
        }
        let m = if cue.start == first + 1 {
            // "As reported by the Ledger, ...": the agent names the source.
            let by = (cue.end..comma.min(cue.end + 3)).find(|&k| doc.word_is(k, "by"))?;
            np::phrase_after(doc, by + 1, comma).filter(|m| mention_end(doc, m, by + 1) == comma)?
        } else {
            // (A short tail only, and no infinitive: "as people continue to cross into ..." is a time.)
            if !(cue.end == comma || comma - cue.end <= 6 && !doc.word_is(cue.end, "to") && is_tail(doc, cue.end, comma)) {
                return None;
            }
            subject(first + 1, cue.start)?
        };
        (m, doc.token_span(cue.start, cue.end), cue.verb.lemma)
    };
    if (comma + 1..end).filter(|&k| doc.tokens[k].is_word()).count() < 3 {
        return None;
    }
    make(doc, s, comma + 1, end, Some(cue_span), lemma, Some(m), "indirect/as-said", taken, top, cues)
}

/// `In a poll released Monday, 54 percent of residents opposed ...`: a sentence with no cue
/// opened by `In` and a poll, survey, report or study reports what that document found.
fn in_document(doc: &Document, s: &Sentence, end: usize, taken: &mut Vec<usize>, top: &[usize]) -> Option<Quote> {
    const FINDINGS: &Words = &Words::new(&[
        "poll", "polls", "survey", "surveys", "report", "study", "studies", "analysis", "audit", "census", "ranking", "tally",
    ]);
    let first = s.first;
    if !doc.word_is(first, "In") || !word_is_lower_in(words!["a", "an", "the", "its", "their", "his", "her", "one"], doc, first + 1) {
        return None;
    }
    let comma = (first + 2..end.min(first + 16)).find(|&k| doc.word_is(k, ","))?;
    // The head: the last word before a preposition or a participle ("a poll released Monday by
    // ...", "a survey of 1,000 voters").
    let head_end = (first + 2..comma)
        .find(|&k| word_is_lower_in(PREPOSITION_STARTS, doc, k) || doc.word(k).ends_with("ed") && !np::is_cap(doc.word(k)))
        .unwrap_or(comma);
    if head_end <= first + 2 || !word_is_lower_in(FINDINGS, doc, head_end - 1) || (first + 1..comma).any(|k| !doc.is_narrative(k)) {
        return None;
    }
    if (comma + 1..end).filter(|&k| doc.tokens[k].is_word()).count() < 4 {
        return None;
    }
    let m = Mention::bare(doc.token_span(first + 1, comma), np::MentionKind::Descriptor);
    make(doc, s, comma + 1, end, Some(doc.tokens[first].span()), "in", Some(m), "indirect/in-document", taken, top, &[])
}

/// The sentence's last token index, exclusive, without its final punctuation.
fn content_end(doc: &Document, s: &Sentence) -> usize {
    let mut e = s.last;
    while e > s.first && doc.is_narrative(e - 1) && matches!(doc.tokens[e - 1].kind, TokenKind::Punct) && !doc.word_in(e - 1, &[")"]) {
        e -= 1;
    }
    e
}

/// Nouns that name a statement: `..., a claim the opposition disputed` sums up what came before
/// in the writer's words (it ends the content, and is no speaker of it).
const STATEMENT_NOUNS: &Words = &Words::new(&[
    "claim",
    "charge",
    "assertion",
    "allegation",
    "accusation",
    "contention",
    "statement",
    "argument",
    "remark",
    "comment",
    "view",
    "position",
    "prediction",
    "promise",
    "pledge",
    "figure",
    "estimate",
]);

/// The token after mention `m` and its appositive; `near` is its cue's token (the search for
/// the mention's tokens starts there).
fn mention_end(doc: &Document, m: &Mention, near: usize) -> usize {
    let end = m.role.map_or(m.span.end, |r| r.end.max(m.span.end));
    doc.token_after_near(end, near)
}

fn try_cue(
    doc: &Document,
    s: &Sentence,
    from: usize,
    end: usize,
    cue: &Cue,
    absorbed: &mut Vec<usize>,
    extra: &mut Vec<Quote>,
    top: &[usize],
    leading_cell: &OnceCell<usize>,
    cues: &[Cue],
) -> Option<Quote> {
    let lex = lexicon();
    // The sentence's leading start, worked out at most once per sentence however many cues it holds.
    let leading = || *leading_cell.get_or_init(|| leading_start(doc, s));
    // Beliefs are not speech, except as vague attributions ("many fear ...", "experts believe
    // ..."): claims a reader should see attributed to nobody in particular.
    if cue.verb.class == VerbClass::Belief {
        let vague = cue.start > s.first && {
            let w = lower(doc.word(cue.start - 1));
            lex.vague_subjects.contains(&*w)
                && (cue.start - 1 == s.first
                    || !doc.tokens[cue.start - 2].is_word()
                    || word_is_lower_in(words!["and", "but", "many", "some", "other", "most"], doc, cue.start - 2))
        };
        // (Not a comparison: "... next week, as many people expected", "better than most feared".)
        let comparison = (cue.start.saturating_sub(4).max(s.first)..cue.start - 1).any(|k| word_is_lower_in(words!["as", "than"], doc, k));
        if !vague || comparison {
            return None;
        }
        let m = np::subject_before(doc, cue.start, s.first)?;
        let a = skip_that(doc, cue.end, end);
        // (A belief holds a clause, not a phrase: "Others worried about the post office" is a
        // mood, not a claim.)
        if a < end && word_is_lower_in(PREPOSITION_STARTS, doc, a) {
            return None;
        }
        return make(
            doc,
            s,
            a,
            end,
            Some(doc.token_span(cue.start, cue.end)),
            cue.verb.lemma,
            Some(m),
            "indirect/vague",
            absorbed,
            top,
            cues,
        );
    }
    // "did not say whether", "declined to say": a refusal reports nothing. (Only in the cue's
    // own clause: "clinics that were never built, according to" is no refusal.)
    if !cue.according
        && (cue.start.saturating_sub(3)..cue.start).any(|k| {
            (k..cue.start).all(|j| doc.tokens[j].is_word())
                && is_lower_in(
                    words![
                        "not",
                        "never",
                        "n't",
                        "didn't",
                        "won't",
                        "wouldn't",
                        "didn’t",
                        "won’t",
                        "wouldn’t",
                        "declined",
                        "refused",
                        "declines",
                        "refuses",
                    ],
                    doc.word(k),
                )
        })
    {
        return None;
    }
    // "As Blumenthal spoke, the NRA was ...": a verb of speaking with no object, closing a
    // clause that opens the sentence, is a time, and what follows is the writer's.
    if matches!(cue.verb.lemma, "speak" | "talk")
        && cue.end < end
        && doc.word_is(cue.end, ",")
        && word_is_lower_in(SUBORDINATORS, doc, s.first)
        && cue.start <= s.first + 6
    {
        return None;
    }
    let cue_span = Some(doc.token_span(cue.start, cue.end));
    let first = leading().max(from);
    if cue.according {
        let mut m = np::phrase_after(doc, cue.end, end).or_else(|| np::according_source(doc, cue.end, end))?;
        // "...: According to recent polls, CONTENT": a colon opens a clause of its own.
        let opens_clause = cue.start <= first || doc.word_in(cue.start - 1, &[":", ";"]);
        // What follows the source's comma is content, not an appositive, when the source opens
        // the clause, or when it does not read as a noun phrase or a relative clause ("according
        // to the poll, include ...", "according to the memo, the firm had given ...").
        // (Nor when it opens with a lower-case word that is no determiner and holds no noun of a
        // speaker: "Fish stocks, according to the trust, fell by a third".)
        let clause_role = m.role.is_some_and(|r| {
            let (ra, rb) = (doc.token_after_near(r.start, cue.end), doc.token_after_near(r.end, cue.end));
            let predicate = !np::is_cap(doc.word(ra))
                && !word_is_lower_in(words!["the", "a", "an", "his", "her", "its", "their", "our", "one"], doc, ra)
                && !(ra..rb).any(|k| {
                    doc.has_class(k, Classes::ROLE.union(Classes::ANONYMOUS_HEAD).union(Classes::ORG_HEAD).union(Classes::DOCUMENT))
                });
            !word_is_lower_in(words!["who", "whose"], doc, ra) && (np::parse(doc, ra, rb).is_none() || predicate)
        });
        if opens_clause || clause_role {
            m.role = None;
        }
        let m_end = mention_end(doc, &m, cue.end);
        if opens_clause {
            // According to X, CONTENT.
            let mut a = m_end;
            while a < end && doc.word_in(a, &[",", "—", ":"]) {
                a += 1;
            }
            return make(doc, s, a, end, cue_span, cue.verb.lemma, Some(m), "indirect/according-to-before", absorbed, top, cues);
        }
        // CONTENT, according to X. And "Fundraising, according to the campaign, has surged":
        // a claim in two pieces, as with a parenthetical "he said".
        let before = make(doc, s, first, cue.start, cue_span, cue.verb.lemma, Some(m), "indirect/according-to-after", absorbed, top, cues);
        let rest = m_end + 1;
        let continues = m_end < end
            && doc.word_is(m_end, ",")
            && end.saturating_sub(rest) >= 2
            // (Not an adverbial of the writer's: "..., according to X, despite a crackdown".)
            && !word_is_lower_in(words!["who", "which", "where", "whose", "and", "but", "despite", "including", "though", "although", "even"], doc, rest)
            && !word_is_lower_in(PREPOSITION_STARTS, doc, rest)
            // A predicate ("has surged", "include ...") or a clause; not a noun phrase hanging
            // on the source ("..., the Ohio firm leading the work").
            && (reads_as_clause(doc, rest, end)
                || !np::is_cap(doc.word(rest)) && !word_is_lower_in(words!["the", "a", "an", "his", "her", "its", "their", "this", "these", "those"], doc, rest))
            // (Nor a clause with an attribution of its own: "..., according to X, Y said ...".)
            && (rest..end).all(|k| cue_at(doc, k).is_none());
        if continues {
            if let Some(after) =
                make(doc, s, rest, end, cue_span, cue.verb.lemma, Some(m), "indirect/according-to-after", absorbed, top, cues)
            {
                if before.is_some() {
                    extra.push(after);
                    return before;
                }
                return Some(after);
            }
        }
        return before;
    }
    // "The firm was informed ... that", "He is said to ...": in the passive the subject is the
    // one addressed or talked about, not the speaker.
    if np::passive(doc, cue.start, s.first) {
        return None;
    }
    let comma_before = cue.start > s.first && doc.word_in(cue.start - 1, &[",", "—", "–"]);
    if is_participle(doc, cue) && !np::progressive(doc, cue.start, s.first) {
        // ", saying", also with adverbs (", falsely suggesting") or after and/while ("and also
        // suggesting"): a participle clause hanging on the sentence's main clause.
        let mut k = cue.start;
        while k > s.first
            && doc.tokens[k - 1].is_word()
            && (doc.word(k - 1).ends_with("ly") || word_is_lower_in(words!["also", "then", "later"], doc, k - 1))
        {
            k -= 1;
        }
        // "While saying that ..., he continued ...": a participle clause opening the sentence
        // reports what the main clause's subject said (a pronoun or a name after its comma).
        let lead = leading();
        if k == lead || k == lead + 1 && word_is_lower_in(words!["while", "after", "before", "when", "in", "by"], doc, lead) {
            let comma = (cue.end..end).find(|&j| doc.word_is(j, ",") && doc.is_narrative(j))?;
            let subject_end =
                (comma + 1..end.min(comma + 5)).find(|&j| !doc.tokens[j].is_word() || !np::is_name_word(doc.word(j))).unwrap_or(end);
            let m = if comma + 1 < end && doc.has_class(comma + 1, crate::lexicon::Classes::PRONOUN) {
                np::parse(doc, comma + 1, comma + 2)
            } else {
                np::parse(doc, comma + 1, subject_end).filter(|m| m.kind == np::MentionKind::Name)
            }?;
            let a = skip_that(doc, after_addressee(doc, cue, comma), comma);
            // (A clause, not "Speaking in Vaughan, ...".)
            if !reported_clause(doc, cue, a, comma) {
                return None;
            }
            return make(doc, s, a, comma, cue_span, cue.verb.lemma, Some(m), "indirect/participle", absorbed, top, cues);
        }
        // ("... by saying ...", "... after telling reporters ...": a participle after a preposition.)
        let attached = k > s.first
            && (doc.word_in(k - 1, &[",", "—", "–"])
                || word_is_lower_in(words!["and", "while", "by", "after", "before", "when", "in"], doc, k - 1));
        // (Or right after a statement that the sentence's subject issued: `released a statement
        // Thursday saying that ...`, the statement's words and so its author's.)
        let statement_verb = if attached { None } else { statement_verb_before(doc, lead, k) };
        if !attached && statement_verb.is_none() {
            return None;
        }
        if let Some(v) = statement_verb {
            let a = skip_that(doc, after_addressee(doc, cue, end), end);
            if !reported_clause(doc, cue, a, end) {
                return None;
            }
            let m = np::subject_before(doc, v, lead).or_else(|| leading_subject(doc, skip_intro(doc, lead, v), v))?;
            return make(doc, s, a, end, cue_span, cue.verb.lemma, Some(m), "indirect/participle", absorbed, top, cues);
        }
        // (After a preposition, only with a clause: not "after calling off classes".)
        if !doc.word_in(k - 1, &[",", "—", "–"]) && !word_is_lower_in(words!["and", "while"], doc, k - 1) {
            let a = skip_that(doc, after_addressee(doc, cue, end), end);
            if !reported_clause(doc, cue, a, end) {
                return None;
            }
        }
        // `Protest groups say ..., and the ACLU has sued the city, saying ...`: the subject of the
        // last clause joined by `, and` / `, but` before the participle.
        let clause_subject = || {
            let join = (lead + 1..cue.start.saturating_sub(3))
                .rev()
                .find(|&j| doc.word_is(j, ",") && word_is_lower_in(words!["and", "but"], doc, j + 1) && doc.is_narrative(j))?;
            let start = join + 2;
            if !(np::is_cap(doc.word(start)) || word_is_lower_in(words!["the", "a", "an", "his", "her", "its", "their"], doc, start)) {
                return None;
            }
            leading_subject(doc, start, cue.start).filter(|m| {
                let after = doc.token_after_near(m.span.end, cue.start);
                after < cue.start && looks_like_verb(doc.word(after))
            })
        };
        // `Shares fell after the grocer warned that ..., blaming ...`: a speech verb in a
        // subordinate clause before the participle; its subject, not the sentence's, goes on.
        let subordinate_speaker = || {
            let said = (lead + 1..cue.start.saturating_sub(2))
                .rev()
                .take(30)
                .find_map(|k| cue_at(doc, k).filter(|c| c.start == k && c.verb.class == VerbClass::Speech))?;
            let m = np::subject_before(doc, said.start, lead)?;
            let start = doc.token_after_near(m.span.start, said.start);
            // (Not an opening clause: "After Trump promised ..., lawmakers began clamoring ...,
            // arguing" is the main clause's.)
            (start > lead + 1 && word_is_lower_in(SUBORDINATORS, doc, start - 1)).then_some(m)
        };
        let m = claim_speaker_before(doc, lead, cue.start)
            .or_else(subordinate_speaker)
            .or_else(|| relative_clause_subject(doc, lead, cue.start))
            .or_else(clause_subject)
            // (From the sentence's start even after an earlier quote: "X urged ..., saying ...".)
            .or_else(|| leading_subject(doc, skip_intro(doc, lead, cue.start), cue.start))
            .or_else(|| {
                // After a quote: `"...," the treasurer said, adding that ...` takes the attribution's subject.
                let after_quote = (lead..cue.start).rev().find(|&k| !doc.is_narrative(k) || doc.tokens[k].is_mark())? + 1;
                let start = (after_quote..cue.start).find(|&k| !doc.word_in(k, &[",", "—", "–"]))?;
                match (start..cue.start).find_map(|k| cue_at(doc, k)) {
                    // `"...," the treasurer said, adding` / `"...," said Ola Brandt, adding`
                    Some(said) => np::subject_before(doc, said.start, start).or_else(|| np::phrase_after(doc, said.end, cue.start)),
                    None => leading_subject(doc, start, cue.start),
                }
            })?;
        let a = skip_that(doc, after_addressee(doc, cue, end), end);
        // (", speaking on condition of anonymity", ", speaking by phone from Nice", ", remarking
        // in particular on ...": how the speaker spoke, not what was said.)
        if a < end
            && matches!(cue.verb.lemma, "speak" | "talk" | "remark" | "comment" | "write")
            && word_is_lower_in(MANNER_PREPOSITIONS, doc, a)
        {
            return None;
        }
        return make(doc, s, a, end, cue_span, cue.verb.lemma, Some(m), "indirect/participle", absorbed, top, cues);
    }
    // "X are preparing a motion, and have alleged that ...": a second verb shares the sentence's subject.
    let coordinated = {
        let mut k = cue.start;
        while k > s.first && word_is_lower_in(words!["have", "has", "had", "also", "later", "then", "would", "will"], doc, k - 1) {
            k -= 1;
        }
        // (Also past a prepositional phrase: "... and in a carefully worded response said ...".)
        let after_phrase = || {
            (k.saturating_sub(8).max(s.first + 1)..k).rev().find(|&j| doc.word_is(j - 1, "and")).is_some_and(|j| {
                word_is_lower_in(words!["in", "on", "at", "during", "after", "with", "before", "through", "via", "later"], doc, j)
                    && (j..k).all(|x| doc.tokens[x].is_word() && doc.is_narrative(x))
            })
        };
        // ("... did not apologize, but said ...": also after "but".)
        k > s.first && (doc.word_in(k - 1, &["and", "but"]) || after_phrase())
    };
    let subject = np::subject_before(doc, cue.start, s.first)
        .or_else(|| {
            // (From the sentence's start even after the first verb's content: "He said X, and added Y".)
            let lead = leading();
            if coordinated { leading_subject(doc, skip_intro(doc, lead, cue.start), cue.start) } else { None }
        })
        .or_else(|| control_subject(doc, cue.start, s.first))
        .or_else(|| {
            // "An official ... who was present in court told ...": past a relative clause (no commas).
            // (Or "that": "groups that have endorsed him say", when a verb follows it.)
            let who = (cue.start.saturating_sub(10).max(s.first + 1)..cue.start)
                .rev()
                .find(|&j| word_is_lower_in(words!["who", "that"], doc, j))?;
            if !(who + 1..cue.start).all(|x| doc.tokens[x].is_word() && doc.is_narrative(x)) {
                return None;
            }
            if doc.word(who).eq_ignore_ascii_case("that")
                && !(who + 1..cue.start).any(|x| {
                    word_is_lower_in(words!["have", "has", "had", "is", "are", "was", "were"], doc, x) || doc.word(x).ends_with("ed")
                })
            {
                return None;
            }
            // (Before "who" itself, where the antecedent rules live; before "that", the phrase.)
            let relative_end = if doc.word(who).eq_ignore_ascii_case("that") { who } else { who + 1 };
            // (The relative pronoun is the subject of the clause inside, not of the cue.)
            np::subject_before(doc, relative_end, s.first).map(|m| Mention { relative: None, ..m })
        });
    // "Cruz lacks support in Congress, whom he has alienated, said Larry Sabato, director of
    // ...": when the subject found before the cue ends in a relative clause and a name (with its
    // role) runs from the cue to the sentence's end, the name is the speaker of what comes before.
    let inverted = |m: &Mention| {
        comma_before
            && matches!(cue.verb.lemma, "say" | "add" | "write")
            && m.role.is_some_and(|r| is_lower_in(words!["who", "whom", "which"], doc.word(doc.token_after_near(r.start, cue.start))))
            && np::phrase_after(doc, cue.end, end).is_some_and(|n| n.kind == np::MentionKind::Name && mention_end(doc, &n, cue.end) >= end)
    };
    let subject = subject.filter(|m| !inverted(m));
    if let Some(m) = subject {
        let content_start = skip_that(doc, cue.end, end);
        // (`skip_that` from `a` up to `end`: from the cue's end, as most are, it is `content_start`.)
        let skip_that_to_end = |a: usize| if a == cue.end { content_start } else { skip_that(doc, a, end) };
        let explicit_that = content_start < end && doc.word_is(content_start, "that");
        // Right after a quote (`"...," Baxter told CBC host Ana Ruiz.`) the cue attributes that
        // quote; reported content of its own must be a clause (`"jobs," Ortiz said private
        // contractors cost more`).
        let m_first = doc.token_after_near(m.span.start, cue.start);
        let after_quote = m_first > s.first
            && (doc.tokens[m_first - 1].is_mark()
                || doc.word_is(m_first - 1, ",") && m_first - 1 > s.first && doc.tokens[m_first - 2].is_mark());
        if after_quote {
            let a = after_addressee(doc, cue, end);
            if !explicit_that && !reads_as_clause(doc, skip_that_to_end(a), end) {
                return None;
            }
        }
        let document = is_document_from(doc, &m, m_first, cue.start);
        let person_like = m.kind != np::MentionKind::Descriptor || !document;
        // (A person's finding is attributed after a clause too: "The effect was strongest in
        // younger patients, the researchers found.")
        let finding_after = person_like && m_first > first && doc.word_is(m_first - 1, ",") && cue.end >= end;
        let attributed_evidence = document || person_like && explicit_that || finding_after;
        if cue.verb.class == VerbClass::Evidence && !attributed_evidence {
            return None;
        }
        // The mention's first token, or its appositive description's when that comes first
        // ("his chief negotiator, Ada Moreno, told"). (Without such a description, as most, it
        // is `m_first`, not searched for again.)
        let m_start_byte = m.role.map_or(m.span.start, |r| r.start.min(m.span.start));
        let m_start = if m_start_byte == m.span.start { m_first } else { doc.token_after_near(m_start_byte, cue.start) };
        // "..., her press secretary, Ola Brandt, told The Harlow Courier.": an addressee is part of the tail.
        let tail_start = after_addressee(doc, cue, end);
        // (Not a second verb of a subject after an opening clause: "Rallying workers, Clinton
        // tried ... and promised to deliver change" attributes no opening clause.)
        // ("CONTENT, the mayor said Monday, adding that ...": the tail ends where a participle
        // clause of the speaker's opens.)
        let tail_end = (cue.end..end.min(cue.end + 10))
            .find(|&k| doc.word_is(k, ",") && k + 1 < end && cue_at(doc, k + 1).is_some_and(|c| is_participle(doc, &c)))
            .unwrap_or(end);
        // (Before such a participle, what comes first must be a claim, not an opening phrase:
        // "In an interview, Lunde said Monday, adding ...".)
        let claim_first = tail_end == end || reads_as_clause(doc, first, m_start);
        if !coordinated
            && claim_first
            && (is_tail(doc, cue.end, tail_end) || tail_start >= tail_end || is_tail(doc, tail_start, tail_end) && tail_start > cue.end)
        {
            // CONTENT, X said.
            // (Not `CONTENT, an allegation Orlov denied`: a statement noun with a reduced relative
            // clause sums up the content, it does not attribute it.)
            if word_is_lower_in(words!["a", "an", "the"], doc, m_start) && word_is_lower_in(STATEMENT_NOUNS, doc, m_start + 1) {
                return None;
            }
            let mut b = m_start;
            if b <= first || !doc.word_in(b - 1, &[",", "—", "–"]) {
                return None;
            }
            while b > first && doc.word_in(b - 1, &[",", "—", "–"]) {
                b -= 1;
            }
            // (Not an adverbial with no clause of its own: "Then, last week, Eric Trump called.",
            // "In a direct appeal to voters, Mr. Khan pleaded with them ...".)
            if adverbial_only(doc, first, b) {
                return None;
            }
            return make(doc, s, first, b, cue_span, cue.verb.lemma, Some(m), "indirect/said-after", absorbed, top, cues);
        }
        // CONTENT, he says, REST: a parenthetical cue.
        let m_start_tok = m_start;
        // (Not a second verb of the sentence's subject: "Asked ..., Ms. Ruiz shook her head and
        // said, ...".)
        // (Also with a short phrase after the cue, when the sentence's subject comes before it and
        // its verb after: "Fraudsters, he said in the video, do not last long". Not after an
        // opening adverbial: "Before a crowd in Ohio, Trump said on Monday, ...".)
        // (After an addressee too: "The solution, the partner told them, was simple.")
        // (A colon closes it too, before more of the speaker's words: "..., she warned: it can
        // cause dizziness"; not before a direct quote, which has rules of its own.)
        let closes = |k: usize| doc.word_is(k, ",") || doc.word_is(k, ":") && k + 1 < end && !doc.tokens[k + 1].is_mark();
        let closing_comma = if cue.end < end && closes(cue.end) {
            Some(cue.end)
        } else if tail_start > cue.end && tail_start < end && closes(tail_start) {
            Some(tail_start)
        } else if cue.end < end && word_is_lower_in(TAIL_OPENERS, doc, cue.end) {
            (cue.end + 1..end.min(cue.end + 7))
                .find(|&k| !doc.tokens[k].is_word() || !doc.is_narrative(k))
                .filter(|&k| doc.word_is(k, ",") && doc.is_narrative(k) && k + 1 < end)
                .filter(|&k| word_is_lower_in(FINITE_AUXILIARIES, doc, k + 1) || word_is_lower_in(MODALS, doc, k + 1))
                .filter(|_| !word_is_lower_in(PREPOSITION_STARTS, doc, first) && !word_is_lower_in(SUBORDINATORS, doc, first))
        } else {
            None
        };
        if let Some(comma) = closing_comma.filter(|_| m_start_tok > first && doc.word_is(m_start_tok - 1, ",") && !coordinated) {
            let mut b = m_start_tok - 1;
            while b > first && doc.word_in(b - 1, &[",", "—", "–"]) {
                b -= 1;
            }
            // "In a brief interview, Ms. Moreno said, "...": an opening phrase and a direct quote,
            // not a claim in two pieces.
            let quote_follows = comma + 1 < end && doc.tokens[comma + 1].is_mark();
            // (Nor an opening participle clause: `Asked whether he would run, Mr. Kim said, "..."`.)
            // (A name is followed by a capitalised word or a comma, a participle by a lower-case one.)
            let w = doc.word(first);
            let participle_opens = w.len() > 4
                && (w.ends_with("ed") || w.ends_with("ing"))
                && first + 1 < b
                && doc.word(first + 1).starts_with(|c: char| c.is_lowercase());
            // (Unless the quote goes on with the clause in lower case: `Evaluating the candidates by
            // the polls, Stevens said, "is like ..."` has the gerund phrase as its subject.)
            // (Not after a prepositional phrase: `In closing, the host said, "we ..."` is an adverbial.)
            let quote_goes_on = quote_follows
                && comma + 2 < end
                && doc.word(comma + 2).starts_with(|c: char| c.is_lowercase())
                && !word_is_lower_in(words!["in", "at", "on", "to", "for", "with", "by", "from", "after", "before", "during"], doc, first);
            if quote_follows && !quote_goes_on && (np::word_is_lower_in(PREPOSITION_STARTS, doc, first) || participle_opens) {
                return None;
            }
            let before = make(doc, s, first, b, cue_span, cue.verb.lemma, Some(m), "indirect/said-parenthetical", absorbed, top, cues);
            // The sentence goes on after the cue ("..., he says, and are mostly harmless ..."): a second piece.
            // (Not when another attribution follows: "..., he said, according to the filing.")
            // (A finite verb there has the first piece as its subject: "That culture, they said,
            // emphasizes ..." is one claim in two pieces.)
            let another_cue = comma + 1 < end && cue_at(doc, comma + 1).is_some_and(|c| c.according || is_participle(doc, &c));
            if let Some(after) = (!another_cue)
                .then(|| {
                    make(doc, s, comma + 1, end, cue_span, cue.verb.lemma, Some(m), "indirect/said-parenthetical", absorbed, top, cues)
                })
                .flatten()
            {
                if before.is_some() {
                    extra.push(after);
                    return before;
                }
                return Some(after);
            }
            return before;
        }
        // "who asked that her name not be used", "asked not to be identified": a request for
        // anonymity is the source's terms, not a claim (the source stage reads it as the reason).
        // "pleaded guilty", "pleads not guilty", "pled no contest": a plea entered in court, not a claim.
        if cue.verb.lemma == "plead" && cue.end < end && word_is_lower_in(words!["guilty", "not", "no", "innocent"], doc, cue.end) {
            return None;
        }
        if matches!(cue.verb.lemma, "ask" | "request")
            && (cue.end..end.min(cue.end + 8)).any(|k| {
                word_is_lower_in(words!["name", "named", "identified", "identify", "anonymity", "anonymous", "anonymously"], doc, k)
            })
        {
            return None;
        }
        // X said (that) CONTENT.
        let mut a = cue.end;
        let mut addressed = false;
        if takes_addressee(cue.verb.lemma) && !reads_as_object_infinitive(doc, a, end) {
            a = skip_addressee(doc, a, end)?;
            // ("assured investors that ...": the addressee, then a clause opened by *that*.)
            addressed = cue.verb.lemma == "tell" || a < end && doc.word_is(a, "that");
        }
        a = skip_that_to_end(a);
        a = skip_adverbial(doc, a, end);
        let approximate_number =
            a + 1 < end && doc.word(a).eq_ignore_ascii_case("about") && matches!(doc.tokens[a + 1].kind, TokenKind::Number);
        // "said when Trudeau dismisses ..., he is ...": after *say*, a subordinate clause can open
        // the reported content, but not the idiom "said when asked".
        let subordinate_start = cue.verb.lemma == "say"
            && a + 1 < end
            && np::word_is_lower_in(words!["when", "if", "because", "while", "although", "since", "unless", "once"], doc, a)
            && !doc.word(a + 1).ends_with("ed")
            && (a + 1..end).any(|k| doc.word_is(k, ","));
        if a < end && np::word_is_lower_in(PREPOSITION_STARTS, doc, a) && !approximate_number && !explicit_that && !subordinate_start {
            return None;
        }
        // Only "say" reliably takes a bare clause; other verbs also take noun objects.
        let object_clause = super::cues::takes_object_clause(cue.verb.lemma) && reads_as_object_infinitive(doc, a, end);
        // "asked whether ...", "explained how ...", "asked its members if ...": an embedded question,
        // right after the verb or after a short object.
        let question_word = |k: usize| word_is_lower_in(words!["whether", "if", "how", "why", "what", "where", "who", "which"], doc, k);
        let embedded_question = super::cues::takes_embedded_question(cue.verb.lemma)
            && a + 1 < end
            && (question_word(a)
                || cue.verb.lemma == "ask"
                    && (a + 1..end.min(a + 6)).find(|&k| !doc.tokens[k].is_word() || question_word(k)).is_some_and(question_word));
        // "accused the council of ...", "called for an inquiry": a judging verb's object.
        // ("a poll showed Clinton leading by 12 points", "records show a different project": what a
        // document shows is its content, clause or not.)
        // (Not a picture's: "video showed the reflection of four signs" depicts, it claims nothing.)
        let depicts = || {
            let head = m.span.slice(doc.text).rsplit(' ').next().unwrap_or("").to_lowercase();
            matches!(
                head.as_str(),
                "video"
                    | "videos"
                    | "footage"
                    | "images"
                    | "image"
                    | "photos"
                    | "photo"
                    | "pictures"
                    | "picture"
                    | "recording"
                    | "recordings"
            )
        };
        let document_evidence = cue.verb.class == VerbClass::Evidence && document && !depicts();
        // (A document's object may open with any word: "showed strong support for ...".)
        let object_content = super::cues::takes_object_content(cue.verb.lemma) && reads_as_object(doc, a, end)
            || cue.verb.lemma == "call" && names_object_as(doc, a, end)
            || matches!(cue.verb.lemma, "describe" | "characterize" | "characterise" | "defend" | "dismiss" | "hail" | "portray")
                && describes_object_as(doc, a, end)
            || document_evidence && a < end && doc.tokens[a].is_word() && doc.is_narrative(a) && !is_subject_pronoun(doc.word(a));
        if cue.verb.lemma != "say"
            && !explicit_that
            && !object_clause
            && !addressed
            && !embedded_question
            && !object_content
            && !reads_as_clause(doc, a, end)
        {
            return None;
        }
        // Inside a non-restrictive relative clause ("X, who said ..., left"; "X, which officials
        // said will ..., will not ..."), the content ends with the clause's closing comma.
        let mut b = end;
        let mut k = cue.start;
        while k > s.first && word_is_lower_in(words!["also", "has", "had", "have", "later", "then"], doc, k - 1) {
            k -= 1;
        }
        let opens_relative =
            |k: usize| k >= s.first + 2 && word_is_lower_in(words!["who", "whom", "which"], doc, k - 1) && doc.word_is(k - 2, ",");
        if opens_relative(k) || opens_relative(m_first) {
            if let Some(c) = (a..end).find(|&j| doc.word_is(j, ",") && doc.is_narrative(j)) {
                b = c;
            }
        }
        if object_content && !explicit_that && !reads_as_clause(doc, a, end) {
            return make(doc, s, a, object_end(doc, a, b), cue_span, cue.verb.lemma, Some(m), "indirect/verb-object", absorbed, top, cues);
        }
        return make(doc, s, a, b, cue_span, cue.verb.lemma, Some(m), "indirect/said-that", absorbed, top, cues);
    }
    if comma_before && cue.verb.class == VerbClass::Speech {
        // CONTENT, said X.
        // (Not "..., said landlords will be looking ...": a phrase holding a finite verb is the
        // clause said, not an inverted speaker.)
        let mut m = np::phrase_after(doc, cue.end, end)?;
        if (cue.end..doc.token_after_near(m.span.end, cue.end)).any(|k| word_is_lower_in(FINITE_AUXILIARIES, doc, k)) {
            return None;
        }
        // "CONTENT, said Howard, but her record ...": the sentence goes on after the speaker, a
        // second piece of the claim (not an appositive of the speaker).
        let conjunction = |k: usize| word_is_lower_in(words!["but", "and", "yet"], doc, k);
        let mut rest = None;
        if let Some(r) = m.role {
            let ra = doc.token_after_near(r.start, cue.end);
            // (A clause of some length, not "and added ..." with a verb of its own.)
            if conjunction(ra) && end >= ra + 4 && cue_at(doc, ra + 1).is_none() && !word_is_lower_in(PREPOSITION_STARTS, doc, ra + 1) {
                m.role = None;
                rest = Some(ra);
            }
        }
        // (A non-restrictive relative clause may close the sentence: "..., said Ada Moreno, director
        // of the institute, whose members ...".)
        let me = mention_end(doc, &m, cue.end);
        let relative_after = me + 1 < end && doc.word_is(me, ",") && word_is_lower_in(words!["who", "whose", "which"], doc, me + 1);
        if rest.is_none() && me < end && !is_tail(doc, me, end) && !relative_after {
            return None;
        }
        let mut b = cue.start;
        while b > first && doc.word_in(b - 1, &[",", "—", "–"]) {
            b -= 1;
        }
        let _ = lex;
        let before = make(doc, s, first, b, cue_span, cue.verb.lemma, Some(m), "indirect/said-inverted", absorbed, top, cues);
        if let Some(after) =
            rest.and_then(|ra| make(doc, s, ra, end, cue_span, cue.verb.lemma, Some(m), "indirect/said-inverted", absorbed, top, cues))
        {
            if before.is_some() {
                extra.push(after);
                return before;
            }
            return Some(after);
        }
        return before;
    }
    None
}

/// The first token of the sentence's own words (after a dateline, a leading conjunction or dash).
fn leading_start(doc: &Document, s: &Sentence) -> usize {
    let mut a = s.first;
    // A dateline opening the story: "DREVNA PASS, Kessar (AP) — ", "OSLO (Newswire) - ".
    if doc.paragraphs[s.paragraph].first == s.first {
        if let Some(dash) = (s.first..s.last.min(s.first + 12))
            .find(|&k| matches!(doc.tokens[k].kind, TokenKind::Punct) && doc.word_in(k, &["—", "–", "―", "-"]))
        {
            let credit = (s.first..dash).any(|k| doc.word_is(k, "("));
            let upper = doc.tokens[s.first].is_word() && doc.word(s.first).chars().all(|c| !c.is_lowercase());
            let plain = (s.first..dash).all(|k| {
                !doc.tokens[k].is_word()
                    || doc.word(k).starts_with(|c: char| c.is_uppercase())
                    || doc.word(k).chars().all(|c| c.is_ascii_digit())
            });
            if (credit || upper) && plain {
                a = dash + 1;
            }
        }
    }
    while a < s.last && (doc.word_in(a, &["—", "–", "-"]) || doc.word_is(a, "But") || doc.word_is(a, "And")) {
        a += 1;
    }
    a
}

/// Whether mention `m`, the subject of the cue at token `cue`, names a document.
pub(super) fn is_document(doc: &Document, m: &Mention, cue: usize) -> bool {
    // (The mention's tokens are found from the cue's, which they come just before.)
    is_document_from(doc, m, doc.token_after_near(m.span.start, cue), cue)
}

/// [`is_document`] for a caller that knows the mention's first token, `first`.
fn is_document_from(doc: &Document, m: &Mention, first: usize, cue: usize) -> bool {
    let lex = lexicon();
    let mut e = doc.token_after_near(m.span.end, cue);
    // (Before a participle that ends the phrase: "a survey published", "the emails obtained".)
    if e >= 2 && first < e - 1 && doc.word(e - 1).ends_with("ed") {
        e -= 1;
    }
    // A phrase of one token (a pronoun, a surname) is a document when that token is one: its
    // classes say so. (`lower` borrows or lower-cases on the stack: no `String` per look-up.)
    let one_token = doc.tokens.get(first).is_some_and(|t| t.span() == m.span);
    doc.has_class(e.saturating_sub(1), Classes::DOCUMENT)
        || if one_token {
            doc.has_class(first, Classes::DOCUMENT)
        } else {
            let phrase = m.span.slice(doc.text);
            may_be_multiword_document(phrase) && lex.documents.contains(&*lower(phrase))
        }
}

/// False when `phrase`, of more than one token, surely is no entry of the documents list once
/// lower-cased: it has a space and its last word, after its last space, is ASCII and no
/// multi-word entry's last word (`release` of `press release`). Lower-casing maps a character at
/// a time and makes no spaces, so an entry with a space equal to the lower-cased phrase ends in
/// the lower-cased last word. (Nearly every subject phrase answers here, without the lower-cased
/// copy and the hash look-up of the whole phrase.)
fn may_be_multiword_document(phrase: &str) -> bool {
    static LAST_WORDS: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| lexicon().documents.iter().filter_map(|d| d.rsplit_once(' ').map(|(_, last)| last)).collect());
    match phrase.rsplit_once(' ') {
        Some((_, last)) if last.is_ascii() => LAST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last)),
        _ => true,
    }
}

/// True when tokens `[a, end)` hold nothing but a short adverbial (`in a statement on Tuesday`).
pub(super) fn is_tail(doc: &Document, a: usize, end: usize) -> bool {
    if a >= end {
        return true;
    }
    if end - a > 10 {
        return false;
    }
    let w = doc.word(a);
    (is_lower_in(TAIL_OPENERS, w) || (a + 1 < end && doc.word_is(a, ",") && word_is_lower_in(TAIL_OPENERS, doc, a + 1)))
        && !(a..end).any(|k| {
            doc.word_is(k, "that")
                || !doc.is_narrative(k)
                || word_is_lower_in(FINITE_AUXILIARIES, doc, k)
                || word_is_lower_in(MODALS, doc, k)
        })
        && skip_adverbial(doc, a, end) == a
}

/// `stated in July it opposed ...`: a short adverbial between the verb and a clause opened by a pronoun.
fn skip_adverbial(doc: &Document, a: usize, end: usize) -> usize {
    if a < end && word_is_lower_in(TAIL_OPENERS, doc, a) {
        for k in a + 1..end.min(a + 6) {
            if !doc.tokens[k].is_word() {
                break;
            }
            // (A finite verb: the opener was the clause's subject, "said this was the only chance".)
            if word_is_lower_in(words!["because", "when", "while", "if", "as", "after", "since"], doc, k)
                || word_is_lower_in(FINITE_AUXILIARIES, doc, k)
            {
                break;
            }
            if is_subject_pronoun(doc.word(k)) {
                return k;
            }
            // "said by text message the weather ...": a determiner after the adverbial's noun.
            if k >= a + 2
                && word_is_lower_in(words!["the", "a", "an"], doc, k)
                && !word_is_lower_in(words!["the", "a", "an", "his", "her", "their", "its"], doc, k - 1)
                && !word_is_lower_in(TAIL_OPENERS, doc, k - 1)
                && !word_is_lower_in(PREPOSITION_STARTS, doc, k - 1)
            {
                return k;
            }
        }
    }
    a
}

/// The start of the reported content after a cue: past commas, colons and sentence adverbs, and
/// past a short adverbial to a near `that` (`said in a statement that ...`). The complementizer
/// `that` itself is kept: the annotated news corpora include it in the content.
fn skip_that(doc: &Document, mut a: usize, end: usize) -> usize {
    // (Also set off by commas: "said, in an email, that ...".)
    let opener = if a + 1 < end && doc.word_is(a, ",") { a + 1 } else { a };
    // (Or an adverb: "said early Friday that ...", "said, apparently for the first time, that".)
    // ("said only that ...": `only` too.)
    let adverb = |w: &str| w.len() > 4 && w.ends_with("ly") && w.starts_with(|c: char| c.is_ascii_lowercase()) || w == "only";
    if opener < end && (word_is_lower_in(TAIL_OPENERS, doc, opener) || adverb(doc.word(opener))) {
        // ("says at a campaign stop in Toledo, Ohio, that ...": commas of a place name allowed;
        // "said Thursday during the taping of a town hall in Buffalo, New York, that ...".)
        // (A relative *that* has a verb right after it: "said in a letter that was leaked ...".)
        if let Some(k) = (opener..end.min(opener + 20)).find(|&k| doc.word_is(k, "that")) {
            if !(opener..k)
                .any(|j| {
                    matches!(doc.tokens[j].kind, TokenKind::Punct | TokenKind::Mark(..))
                        && !doc.word_is(j, ",")
                        && !doc.word_is(j, ".")
                        && !doc.is_year_elision(j)
                })
                && !(k + 1 < end && (word_is_lower_in(FINITE_AUXILIARIES, doc, k + 1) || word_is_lower_in(MODALS, doc, k + 1)))
                // (Nor the *that* of another cue: "who writes extensively about X, noted that".)
                && !(opener + 1..k).any(|j| doc.word_is(j - 1, ",") && cue_at(doc, j).is_some())
            {
                a = k;
            }
        }
    }
    // ("noted several times that ...", "said many times that ...": how often, then the clause.)
    if a + 2 < end && word_is_lower_in(words!["times", "occasions"], doc, a + 1) && doc.word_is(a + 2, "that") {
        a += 2;
    }
    while a < end
        && (doc.word_in(a, &[",", ":"])
            || word_is_lower_in(words!["however", "though", "too", "again", "also", "repeatedly", "simply", "flatly"], doc, a)
                && a + 1 < end
                && doc.word_in(a + 1, &[",", "that"]))
    {
        a += 1;
    }
    a
}

/// `told reporters (on Tuesday) (that) ...`: the addressee and what follows it.
/// Whether tokens `[a, end)` after cue `cue` read as reported content: a `that` clause, a
/// clause with a finite verb, or anything after *say* and *tell* that does not open with a
/// preposition.
fn reported_clause(doc: &Document, cue: &Cue, a: usize, end: usize) -> bool {
    if a >= end || word_is_lower_in(PREPOSITION_STARTS, doc, a) {
        return false;
    }
    doc.word_is(a, "that") || matches!(cue.verb.lemma, "say" | "tell") || reads_as_clause(doc, a, end)
}

/// The token after `cue` and its addressee, if the cue takes one (`told reporters ...`), before
/// `end`; else the cue's end. An object infinitive is content, not an addressee to pass over:
/// `told residents to leave`, `telling residents to leave`.
pub(super) fn after_addressee(doc: &Document, cue: &Cue, end: usize) -> usize {
    if takes_addressee(cue.verb.lemma) && !reads_as_object_infinitive(doc, cue.end, end) {
        skip_addressee(doc, cue.end, end).unwrap_or(cue.end)
    } else {
        cue.end
    }
}

fn skip_addressee(doc: &Document, a: usize, end: usize) -> Option<usize> {
    if a >= end {
        return None;
    }
    if let Some(k) = (a..end.min(a + 16)).find(|&k| doc.word_is(k, "that")) {
        // (Marks around a capitalised title are part of the addressee: `told NBC's "Today" show that`.)
        let title_mark = |j: usize| {
            doc.tokens[j].is_mark()
                && [j + 1, j.wrapping_sub(1)].iter().any(|&n| n < k && n >= a && np::is_cap(doc.word(n)) && !doc.is_narrative(n))
        };
        let punct =
            |j: &usize| matches!(doc.tokens[*j].kind, TokenKind::Punct | TokenKind::Mark(..)) && !doc.word_is(*j, ".") && !title_mark(*j);
        // (Commas only around an appositive: "telling Sen. Ed Grass, chairman of the panel, that".)
        let appositive =
            k > a + 1 && doc.word_is(k - 1, ",") && (a..k).filter(punct).all(|j| doc.word_is(j, ",")) && (a..k).filter(punct).count() == 2;
        if !(a..k).any(|j| punct(&j)) || appositive {
            return Some(k);
        }
    }
    // "told investigators he ...", "told the court she ...", "told The Ledger of Newark last
    // week she ...": an addressee, then a pronoun subject.
    if let Some(k) = (a + 1..end.min(a + 9)).find(|&k| is_subject_pronoun(doc.word(k))) {
        // (A longer addressee holds only names, their prepositions and time words, no clause:
        // not "told officers the van had been parked there".)
        let short = k <= a + 4;
        let name_like = |j: usize| {
            np::is_cap(doc.word(j))
                || is_lower_in(
                    words!["of", "the", "last", "this", "on", "in", "week", "month", "year", "night", "morning", "evening"],
                    doc.word(j),
                )
        };
        if (a..k).all(|j| doc.tokens[j].is_word() && !doc.has_class(j, Classes::VERB) && (short || name_like(j))) {
            return Some(k);
        }
    }
    let w = doc.word(a);
    let lowered = lower(w);
    let lower: &str = &lowered;
    let mut k = a;
    let plural_noun = lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3 && w.starts_with(|c: char| c.is_lowercase());
    // "told host Sean Hannity ...": a role word before a named addressee.
    if w.starts_with(|c: char| c.is_lowercase())
        && lexicon().pronoun(w).is_none()
        && a + 2 < end
        && np::is_name_word(doc.word(a + 1))
        && np::is_name_word(doc.word(a + 2))
    {
        let mut k = a + 1;
        while k < end && doc.tokens[k].is_word() && doc.word(k).starts_with(|c: char| c.is_uppercase()) {
            k += 1;
        }
        return Some(k);
    }
    if matches!(lower, "him" | "her" | "them" | "me" | "us" | "you" | "parliament" | "congress" | "police") || plural_noun {
        k += 1;
    } else if w.starts_with(|c: char| c.is_uppercase()) || lower == "the" || lower == "a" || lower == "an" {
        // A named addressee: "the Globe and Mail", "CBC News", "a news conference".
        k += 1;
        while k < end
            && doc.tokens[k].is_word()
            && (doc.word(k).starts_with(|c: char| c.is_uppercase())
                || doc.word_is(k, "and") && k + 1 < end && doc.word(k + 1).starts_with(|c: char| c.is_uppercase()))
        {
            k += 1;
        }
        if k == a + 1 && lower != "the" && lower != "a" && lower != "an" {
            // a single capitalised word: "told Reuters"
        } else if k == a + 1 {
            // "the" / "a" + lower-case noun phrase: "told a news conference", up to a clause start
            while k < end
                && k < a + 5
                && doc.tokens[k].is_word()
                && !doc.word(k).starts_with(|c: char| c.is_uppercase())
                && !doc.has_class(k, Classes::PRONOUN)
            {
                k += 1;
            }
            // (What is told is no addressee: "Johnson told a joke", "told the truth".)
            if k > a + 1
                && word_is_lower_in(
                    words!["joke", "jokes", "story", "stories", "truth", "lie", "lies", "tale", "tales", "anecdote"],
                    doc,
                    k - 1,
                )
            {
                return None;
            }
        }
    } else {
        return None;
    }
    // "told reporters on Tuesday" / "told CBC News in an interview"
    if k + 1 < end && (word_is_lower_in(TAIL_OPENERS, doc, k) || doc.word_is(k, ",")) {
        let mut j = k + 1;
        while j < end && j < k + 5 && doc.tokens[j].is_word() && !doc.word_is(j, "that") && !doc.has_class(j, Classes::PRONOUN) {
            j += 1;
        }
        if j < end && doc.word_is(j, "that") {
            return Some(j);
        }
    }
    Some(k)
}

/// Words that open an introductory clause or phrase (`After the vote, ...`).
/// Past participles that open a clause about the reporter's question or approach.
const INTRO_PARTICIPLES: &Words =
    &Words::new(&["asked", "pressed", "questioned", "challenged", "confronted", "interviewed", "reached", "contacted", "told", "informed"]);

const INTRO_OPENERS: &Words = &Words::new(&[
    "after",
    "when",
    "while",
    "as",
    "although",
    "though",
    "if",
    "because",
    "since",
    "before",
    "despite",
    "in",
    "on",
    "at",
    "during",
    "with",
    "without",
    "following",
    "amid",
    "for",
    "by",
    "from",
    "over",
    "under",
    "unlike",
    "like",
    "once",
    "until",
    "upon",
    "asked",
    "speaking",
    "earlier",
    "later",
    "last",
    "this",
    "meanwhile",
]);

/// Sentence adverbs that open a sentence with their own comma (`There, the chairman ...`).
const INTRO_ADVERBS: &Words = &Words::new(&[
    "there",
    "here",
    "still",
    "however",
    "instead",
    "yet",
    "now",
    "then",
    "today",
    "yesterday",
    "also",
    "indeed",
    "moreover",
    "nonetheless",
    "nevertheless",
    "overall",
    "again",
    "afterward",
    "afterwards",
    "later",
    "earlier",
    "separately",
]);

/// The start of the main clause: after an introductory clause closed by a comma.
pub(super) fn skip_intro(doc: &Document, first: usize, limit: usize) -> usize {
    // (One after another: `Once in my early 20s, when my mother mentioned it, I laughed ...`.)
    let mut at = first;
    for _ in 0..3 {
        let next = skip_one_intro(doc, at, limit);
        if next == at {
            break;
        }
        at = next;
    }
    at
}

/// [`skip_intro`] for one opening phrase.
fn skip_one_intro(doc: &Document, first: usize, limit: usize) -> usize {
    // (A one-word sentence adverb and its comma: `There, ...`, `Separately, ...`, `Privately, ...`.)
    if first + 2 < limit && doc.word_is(first + 1, ",") {
        let w = doc.word(first);
        if is_lower_in(INTRO_ADVERBS, w) || w.len() > 4 && w.ends_with("ly") && np::is_cap(w) && lexicon().verb(&w.to_lowercase()).is_none()
        {
            return first + 2;
        }
    }
    // An opening participle clause takes the subject after it: `Facing mounting criticism,
    // Mr. Kim released ...`, `Asked about the deal, she said ...`. (The word after it is lower
    // case, so a name ending in -ing, `Fleming, a senator,`, is not one.)
    // (Nor a name in -ing before a past tense, its verb: `Ebeling reminisced about ...`; an
    // auxiliary participle takes one, `Having served two terms, ...`.)
    let past_verb_after = |w: &str| {
        let next = doc.word(first + 1);
        next.len() > 3 && next.ends_with("ed") && !is_lower_in(words!["having", "being", "getting"], w)
    };
    let opening_participle = |w: &str| {
        np::is_cap(w)
            && (w.len() > 4 && w.ends_with("ing") && !is_lower_in(words!["according", "including", "regarding", "concerning"], w)
                || is_lower_in(INTRO_PARTICIPLES, w))
            && first + 1 < limit
            && doc.tokens[first + 1].is_word()
            && !np::is_cap(doc.word(first + 1))
            && !past_verb_after(w)
    };
    if first < limit && (word_is_lower_in(INTRO_OPENERS, doc, first) || opening_participle(doc.word(first))) {
        // (The comma may sit inside a closing mark: `Speaking on ABC's "This Week," Carson ...`.)
        let closes_with_comma = |k: usize| doc.tokens[k].is_mark() && k > first && doc.word_is(k - 1, ",") && !doc.is_narrative(k - 1);
        if let Some(c) = (first..limit).find(|&k| doc.word_is(k, ",") && doc.is_narrative(k) || closes_with_comma(k)) {
            return c + 1;
        }
    }
    first
}

/// True when `[a, end)` reads as a clause, not a noun-phrase object (`declared victory over
/// the group`, `added a goal`): it opens with a subject-like word and holds a finite verb before
/// its first comma or subordinate clause.
pub(super) fn reads_as_clause(doc: &Document, a: usize, end: usize) -> bool {
    const FINITE: &Words = &Words::new(&[
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "could",
        "can",
        "should",
        "shall",
        "has",
        "have",
        "had",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "isn't",
        "wasn't",
        "won't",
        "can't",
        "don't",
        "doesn't",
        "didn't",
        "aren't",
        "weren't",
        "hasn't",
        "haven't",
        "wouldn't",
        "couldn't",
        "shouldn't",
        "need",
        "needs",
        "needed",
        "isn’t",
        "wasn’t",
        "won’t",
        "can’t",
        "don’t",
        "doesn’t",
        "didn’t",
        "aren’t",
        "weren’t",
    ]);
    const SUBJECT_STARTS: &Words = &Words::new(&[
        "he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those", "the", "a", "an", "his", "her", "its",
        "their", "our", "my", "your", "some", "many", "most", "all", "no", "every", "each", "any", "both", "more", "few", "several",
        "none", "nobody", "everyone", "someone", "people",
    ]);
    const SUBORDINATORS: &Words = &Words::new(&[
        "when", "while", "as", "after", "before", "because", "if", "since", "until", "which", "who", "where", "whether", "though",
        "although",
    ]);
    if a >= end {
        return false;
    }
    let first = doc.word(a);
    // A pronoun with its verb contracted is a clause's start: "he'd be", "they're", "it's".
    let contracted = first.split_once(['\'', '’']).is_some_and(|(stem, verb)| {
        is_lower_in(words!["he", "she", "it", "they", "we", "i", "you", "there", "that"], stem)
            && is_lower_in(words!["d", "ll", "s", "re", "m", "ve"], verb)
    });
    if contracted {
        return true;
    }
    // (A bare noun phrase subject counts when a finite verb follows within a few words:
    // "claimed department staff had been told ...".)
    let finite_soon = (a + 1..end.min(a + 4)).any(|k| word_is_lower_in(FINITE, doc, k));
    let subject_like = is_lower_in(SUBJECT_STARTS, first)
        || matches!(doc.tokens[a].kind, TokenKind::Number)
        || first.starts_with(|c: char| c.is_uppercase()) && !lexicon().is_not_name(first)
        || finite_soon && doc.tokens[a].is_word() && !is_lower_in(PREPOSITION_STARTS, first) && lexicon().verb(first).is_none();
    if !subject_like {
        return false;
    }
    for k in a + 1..end.min(a + 20) {
        let w = doc.word(k);
        if w == "," || w == ";" || is_lower_in(SUBORDINATORS, w) {
            return false;
        }
        if !doc.is_narrative(k) {
            continue;
        }
        // (The list is tested ignoring ASCII case, as the lower-cased word was; the word is
        // lower-cased only after a pronoun.)
        if is_lower_in(FINITE, w) {
            return true;
        }
        // A past or present-tense verb right after a pronoun: "she wants", "they agreed".
        if doc.has_class(k - 1, Classes::PRONOUN) && {
            let lw = lower(w);
            (lw.ends_with("ed") || lw.ends_with('s') && !lw.ends_with("ss")) && lw.len() > 3
        } {
            return true;
        }
        // A past-tense verb after a short determiner phrase, with its object after it: "the
        // minister retained the party's confidence" (not a participle: "the plan backed by").
        if k <= a + 4 && k + 1 < end && w.len() > 4 && w.ends_with("ed") && doc.tokens[k - 1].is_word() && !np::is_cap(w) && {
            is_lower_in(words!["the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those"], first)
                && (word_is_lower_in(words!["the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "to"], doc, k + 1)
                    || doc.has_class(k + 1, Classes::PRONOUN))
        } {
            return true;
        }
    }
    false
}

/// `urged locals to suspend ...`: an object and an infinitive.
fn reads_as_object_infinitive(doc: &Document, a: usize, end: usize) -> bool {
    // (Not when a clause with its own subject comes first: "told reporters he did not want to ...".)
    // (Nor when a finite verb or "that" does: "told reporters this was the only chance to ...",
    // "told Fox that support to ...".)
    (a + 1..end.min(a + 7)).find(|&k| doc.word_is(k, "to")).is_some_and(|to| {
        (a..to).all(|k| {
            doc.tokens[k].is_word()
                && !is_subject_pronoun(doc.word(k))
                && !doc.word_is(k, "that")
                && !word_is_lower_in(FINITE_AUXILIARIES, doc, k)
        })
    })
}

/// `he`, `she`, ... also with a contracted auxiliary (`he’ll`, `they're`): a clause's subject.
/// A noun phrase opens at `a`: the object of a judging verb (`the council`, `Mr. Ruiz`, `each
/// other`, `his handling of ...`), not an adverb, a preposition or a clause.
fn reads_as_object(doc: &Document, a: usize, end: usize) -> bool {
    a < end
        && doc.tokens[a].is_word()
        && doc.is_narrative(a)
        && !is_subject_pronoun(doc.word(a))
        && !word_is_lower_in(FINITE_AUXILIARIES, doc, a)
        && (np::is_cap(doc.word(a))
            || is_lower_in(
                words![
                    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "him", "them", "us", "me", "each", "both", "this",
                    "these", "those", "what", "such", "all", "some", "any", "more", "new", "greater"
                ],
                doc.word(a),
            )
            || bare_noun(doc, a))
}

/// A bare noun opening an object (`called for calm`, `praised firefighters`, `condemned
/// violence against ...`): a lower-case word that is not an adverb, a preposition or another
/// function word, nor a verb form.
fn bare_noun(doc: &Document, a: usize) -> bool {
    let w = doc.word(a);
    w.len() > 2
        && (w.len() <= 4 || !w.ends_with("ly"))
        && !w.ends_with("ing")
        && !doc.has_class(a, Classes::VERB)
        && !is_lower_in(PREPOSITION_STARTS, w)
        && !is_lower_in(
            words![
                "that",
                "as",
                "not",
                "also",
                "then",
                "now",
                "again",
                "too",
                "today",
                "tonight",
                "yesterday",
                "tomorrow",
                "there",
                "here",
                "himself",
                "herself",
                "themselves",
                "itself",
                "how",
                "why",
                "when",
                "where",
                "whether",
                "who",
                "which",
                "off",
                "out",
                "back",
                "over",
                "down",
                "away",
                "instead",
                "once",
                "twice",
                "later",
                "earlier",
                "last",
                "next",
                "and",
                "but",
                "or",
                "was",
                "were"
            ],
            w,
        )
}

/// `called it a bandage solution`, `called him a master at ...`, `called the stop the single
/// clearest reference point`: *call* with an object and a noun phrase saying what it is, the
/// speaker's verdict. (Not `called the police`, `called it off`, `called a meeting`.)
fn names_object_as(doc: &Document, a: usize, end: usize) -> bool {
    const PRONOUNS: &Words = &Words::new(&["it", "him", "her", "them", "this", "that", "himself", "herself", "themselves", "itself"]);
    const DETERMINERS: &Words = &Words::new(&["the", "this", "that", "these", "those", "his", "her", "their", "its", "our"]);
    const PARTICLES: &Words = &Words::new(&["off", "back", "up", "out", "in", "quits", "on", "over", "down", "into"]);
    let word = |k: usize| if k < end { doc.word(k) } else { "" };
    // Where the complement starts: after a pronoun, or after a short determiner phrase.
    let complement = if is_lower_in(PRONOUNS, word(a)) {
        Some(a + 1).filter(|&k| {
            k < end && doc.tokens[k].is_word() && !is_lower_in(PARTICLES, word(k)) && !is_lower_in(PREPOSITION_STARTS, word(k))
        })
    } else if is_lower_in(DETERMINERS, word(a)) {
        (a + 2..end.min(a + 6))
            .find(|&k| !doc.tokens[k].is_word() || is_lower_in(words!["a", "an", "the"], word(k)))
            .filter(|&k| doc.tokens[k].is_word())
    } else {
        None
    };
    complement.is_some_and(|k| {
        k + 1 < end
            && doc.is_narrative(k)
            && (is_lower_in(words!["a", "an", "the", "one"], word(k))
                || !is_lower_in(FINITE_AUXILIARIES, word(k))
                    && word(k).starts_with(|c: char| c.is_ascii_lowercase())
                    && !word(k).ends_with("ing"))
    })
}

/// `described the country as beset by ...`, `characterized him as a liar`: an object (a pronoun,
/// a name or a short determiner phrase) and `as` with what it is said to be: a claim about it.
fn describes_object_as(doc: &Document, a: usize, end: usize) -> bool {
    (a + 1..end.min(a + 8)).find(|&k| doc.word_is(k, "as")).is_some_and(|as_at| {
        as_at + 1 < end
            // (A plural possessive's apostrophe too: "dismissed the inspectors' report as a smear".)
            && (a..as_at).all(|k| {
                doc.tokens[k].is_word() && doc.is_narrative(k) && !doc.has_class(k, Classes::VERB) || np::plural_possessive(doc, a, k, as_at)
            })
            && (doc.has_class(a, Classes::PRONOUN)
                || np::is_cap(doc.word(a))
                || word_is_lower_in(
                    words!["the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "a", "an"],
                    doc,
                    a,
                ))
            && !word_is_lower_in(words!["well", "soon", "much", "long", "far"], doc, as_at + 1)
    })
}

/// Where a judging verb's object ends: before a clause the writer adds (`, saying ...`, `but
/// stopped short of ...`, `while ...`, `, who ...`), else at the end of the sentence.
fn object_end(doc: &Document, a: usize, b: usize) -> usize {
    const AFTER_COMMA: &Words = &Words::new(&["who", "which", "whose", "and", "but", "while", "as", "even", "though", "although"]);
    const AFTER_PARTICIPLE: &Words = &Words::new(&["the", "a", "an", "his", "her", "its", "their", "him", "them", "it", "that", "to"]);
    let word = |k: usize| if k < b { doc.word(k) } else { "" };
    // (A participle clause, not a list item: ", leaving the harbour", not ", leaking roofs".)
    let participle_clause = |k: usize| word(k).ends_with("ing") && is_lower_in(AFTER_PARTICIPLE, word(k + 1));
    let writers_clause = |k: usize| match word(k) {
        ";" | "—" | "–" => true,
        "," => is_lower_in(AFTER_COMMA, word(k + 1)) || participle_clause(k + 1),
        w if is_lower_in(words!["while", "whereas", "though", "although"], w) => true,
        w if is_lower_in(words!["but", "and"], w) => k + 1 < b && (looks_like_verb(word(k + 1)) || cue_at(doc, k + 1).is_some()),
        _ => false,
    };
    // (A comma inside a closing mark counts too: `a "necessary correction," leaving ...`, cut
    // after the mark.)
    let after_quote = |k: usize| k > a + 1 && doc.tokens[k].is_mark() && doc.word_is(k - 1, ",") && participle_clause(k + 1);
    (a + 1..b)
        .find_map(|k| {
            if doc.is_narrative(k) && writers_clause(k) {
                Some(k)
            } else if after_quote(k) {
                Some(k + 1)
            } else {
                None
            }
        })
        .unwrap_or(b)
}

fn is_subject_pronoun(w: &str) -> bool {
    let head = w.split(['\'', '’']).next().unwrap_or(w);
    is_lower_in(words!["he", "she", "they", "we", "i", "it", "there"], head)
}

/// `..., where about 50 protesters had gathered on Wednesday, chanting ...`: the subject of a
/// relative clause of place or time (`, where` / `, when`, or after a dash) that ends right before the participle
/// at `participle`, whose comma closes it; `lead` is the sentence's start.
pub(super) fn relative_clause_subject(doc: &Document, lead: usize, participle: usize) -> Option<Mention> {
    let comma = participle.checked_sub(1).filter(|&c| c > lead && doc.word_is(c, ","))?;
    let wh = (lead + 1..comma)
        .rev()
        .take(20)
        .take_while(|&k| !doc.word_in(k, &[",", ";", "—", "–"]))
        .find(|&k| word_is_lower_in(words!["where", "when"], doc, k))?;
    if !doc.word_in(wh - 1, &[",", "—", "–"]) {
        return None;
    }
    leading_subject(doc, wh + 1, comma)
}

/// The subject at the start of a sentence, for participle cues (`Jaberi cautioned ..., saying ...`).
pub(super) fn leading_subject(doc: &Document, first: usize, limit: usize) -> Option<Mention> {
    // The shortest phrase from the sentence start that parses as a speaker and is followed by a
    // lower-case word that is not itself a noun of the phrase (its verb: "Iraqi lawmakers began").
    let mut fallback = None;
    let mut modifier_seen = false;
    for k in first + 1..limit.min(first + 12) {
        // (A long subject only from a capitalised word, a sentence's own start: "A spokesman for
        // Mayor Frank G. Jackson of Cleveland defended ...", not "recently pointed to a man ...".)
        if k > first + 8 && !np::is_cap(doc.word(first)) {
            break;
        }
        let w = doc.word(k - 1);
        if w == "," && k > first + 1 {
            // "Brian Ellory, a spokesman for the campaign, urged ...": past an appositive.
            return appositive_subject(doc, first, k - 1, limit).or(fallback);
        }
        if !doc.is_narrative(k - 1) || matches!(w, "," | ";" | ":") {
            break;
        }
        let next = doc.word(k);
        // (A possessive is no subject: "Veldoria's foreign ministry called ... and warned". A
        // contraction is: "He's comparing ... and says ...".)
        let possessive = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .is_some_and(|stem| !is_lower_in(words!["he", "she", "it", "that", "there", "what", "who", "here", "where", "this"], stem));
        if !(doc.tokens[k].is_word() && next.starts_with(|c: char| c.is_lowercase())) || possessive {
            continue;
        }
        // (The token's classes say which word lists hold it.)
        let noun = doc.has_class(k, Classes::ROLE.union(Classes::DOCUMENT).union(Classes::ORG_HEAD).union(Classes::ANONYMOUS_HEAD));
        if noun || is_lower_in(words!["of", "for", "at", "and", "from", "with", "the", "a", "an", "in", "on", "to"], next) {
            continue;
        }
        // ("O'Regan repeatedly cited ...": an adverb in -ly before the verb is not the subject's.)
        let adverb = |w: &str| w.len() > 4 && w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase());
        let phrase_end = if k > first + 1 && adverb(doc.word(k - 1)) { k - 1 } else { k };
        if let Some(m) = np::parse(doc, first, phrase_end) {
            let verb_next = looks_like_verb(next);
            // A nationality adjective is not the subject ("Chinese foreign ministry spokeswoman Hua
            // Chunying shot back"): look further, keeping it only if nothing longer parses.
            if k == first + 1 && reads_as_nationality(doc.word(first)) && !verb_next {
                fallback = fallback.or(Some(m));
                continue;
            }
            // Nor is a capitalised modifier before a lower-case noun that does not read as a verb,
            // when a name follows ("Opposition health critic Dan Okoro called"): a longer phrase
            // is kept only if it is a name followed by a verb.
            if !verb_next && (k + 1..limit.min(k + 4)).any(|j| doc.is_name_word(j)) {
                fallback = fallback.or(Some(m));
                modifier_seen = true;
                continue;
            }
            if modifier_seen && !(verb_next && m.kind == np::MentionKind::Name) {
                continue;
            }
            return Some(m);
        }
    }
    fallback
}

/// The subject opening at `first` when the comma at `comma` opens an appositive and a lower-case
/// word (its verb) follows the appositive's closing comma, before `limit`.
fn appositive_subject(doc: &Document, first: usize, comma: usize, limit: usize) -> Option<Mention> {
    // (An abbreviation's period before a comma does not close it: `Mark Kirk, R-Ill., ...`.)
    let closes = |j: &usize| doc.word_in(*j, &[",", ";", ":", ".", "(", ")"]) && !np::abbreviation_period(doc, *j, limit);
    let mut close = (comma + 1..limit.min(comma + 14)).find(closes)?;
    // (A relative clause may follow a party tag or an age, each in its commas: `Sen. Mark Kirk,
    // R-Ill., who faces a tough race, rescinded ...`.)
    if doc.word_is(close, ",") && close + 1 < limit && word_is_lower_in(words!["who", "whose"], doc, close + 1) {
        close = (close + 2..limit.min(close + 24)).find(closes)?;
    }
    let verb = close + 1;
    if !doc.word_is(close, ",") || verb >= limit || !doc.tokens[verb].is_word() || !doc.word(verb).starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    if !(comma..verb).all(|j| doc.is_narrative(j)) {
        return None;
    }
    // (Or a description with the name as its appositive: "The spokesman, Tim Wells, declined
    // ... but said ...", parsed as the name with its role before it.)
    let start = doc.tokens[first].span().start;
    np::subject_before(doc, verb, first).filter(|m| m.span.start == start || m.role.is_some_and(|r| r.start == start))
}

/// `X went on to explain that ...`, `X was quick to point out that ...`: the subject of a verb or
/// adjective whose own subject did the speaking (`urged Y to say` is not one: Y would speak).
fn control_subject(doc: &Document, cue: usize, lo: usize) -> Option<Mention> {
    // (Only where the speaking happened: not "is expected to ask", "wants to say".)
    const CONTROL: &Words = &Words::new(&[
        "quick",
        "eager",
        "careful",
        "continued",
        "continues",
        "began",
        "begins",
        "pivoted",
        "moved",
        "hastened",
        "rushed",
        "appeared",
        "appears",
        "seemed",
        "seems",
        "went",
        "goes",
        // Poll answers: "voters are more likely to say that ...".
        "likely",
    ]);
    if cue < lo + 3 || !doc.word_is(cue - 1, "to") {
        return None;
    }
    let mut head = cue - 2;
    // "went on to explain"
    if doc.word_is(head, "on") && head > lo && word_is_lower_in(words!["went", "goes", "go"], doc, head - 1) {
        head -= 1;
    }
    if !doc.tokens[head].is_word() || !word_is_lower_in(CONTROL, doc, head) {
        return None;
    }
    // ("are slightly more likely to say": past degree words and adverbs to the subject.)
    let mut h = head;
    while h > lo + 1
        && doc.tokens[h - 1].is_word()
        && (word_is_lower_in(words!["more", "less", "most", "least", "much", "far", "even"], doc, h - 1) || doc.word(h - 1).ends_with("ly"))
    {
        h -= 1;
    }
    np::subject_before(doc, h, lo)
}

/// `Chinese`, `Canadian`, `Iraqi`, `French`: a capitalised word shaped like a nationality adjective.
fn reads_as_nationality(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase()) && w.len() > 4 && ["ese", "ian", "an", "ish", "i", "ch"].iter().any(|s| w.ends_with(s))
}

/// A lower-case word shaped like a finite verb (`said`, `warns`, `has`). (Not every word in -s:
/// "Norwegian fisheries ministry".)
fn looks_like_verb(w: &str) -> bool {
    let lw = lower(w);
    lw.ends_with("ed")
        || lexicon().verb(&lw).is_some()
        || is_lower_in(words!["is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "does", "did"], &lw)
}

/// The quote of content `[a, b)` of sentence `s`, if it reads as one. `cues` are the cues of the
/// sentence's content, by start (as `reported::detect` found them; none for a sentence without).
#[allow(clippy::too_many_arguments)]
fn make(
    doc: &Document,
    s: &Sentence,
    a: usize,
    b: usize,
    cue: Option<crate::Span>,
    lemma: &'static str,
    mention: Option<Mention>,
    rule: &'static str,
    absorbed: &mut Vec<usize>,
    top: &[usize],
    cues: &[Cue],
) -> Option<Quote> {
    let (mut a, mut b) = (a, b);
    while a < b && doc.word_in(a, &[",", ":", "—", "–", ";"]) {
        a += 1;
    }
    while b > a && doc.word_in(b - 1, &[",", ":", "—", "–", ";", "."]) && doc.is_narrative(b - 1) {
        b -= 1;
    }
    // A non-restrictive relative clause after reported content is the writer's, not the
    // speaker's (only for content that follows its cue: before a cue it is part of the content).
    if matches!(rule, "indirect/said-that" | "indirect/participle") {
        if let Some(c) = (a + 1..b).find(|&k| doc.word_is(k, ",") && doc.is_narrative(k) && k + 1 < b && doc.word_is(k + 1, "which")) {
            b = c;
        }
    }
    // A second attribution coordinated after the content (`..., though she acknowledged ...`,
    // `... and called it ...`) starts a quote of its own: the first content ends before it.
    if matches!(rule, "indirect/said-that" | "indirect/participle" | "indirect/according-to-before" | "indirect/verb-object") {
        if let Some(c) = coordinated_attribution(doc, a, b, cues) {
            b = c;
        }
    }
    // `Two-thirds of residents say the council should pay, according to a poll`: the poll
    // attributes the whole clause; the residents' content ends before it.
    if matches!(rule, "indirect/said-that" | "indirect/participle" | "indirect/verb-object") {
        // (Read from the sentence's cue list, not by a pass over the content.)
        if let Some(c) = cues
            .iter()
            .find(|c| c.according && c.start >= a + 3 && c.start + 2 < b && doc.word_is(c.start - 1, ",") && doc.is_narrative(c.start - 1))
        {
            b = c.start - 1;
        }
    }
    // `said it would take two months, but it managed to ...`: a contrasting clause with a subject
    // of its own after the content is the writer's.
    if rule == "indirect/said-that" {
        if let Some(c) = (a + 2..b.saturating_sub(2))
            .find(|&k| doc.word_is(k, ",") && doc.is_narrative(k) && doc.word_is(k + 1, "but") && is_subject_pronoun(doc.word(k + 2)))
        {
            b = c;
        }
    }
    // `said he does not want to ... terrorists — a proposal he has raised before`: an appositive
    // after a dash sums up the content in the writer's words.
    // (So does one after a comma whose noun names a statement ([`STATEMENT_NOUNS`]): `..., a
    // claim the opposition disputed`.)
    if rule == "indirect/said-that" {
        if let Some(c) = (a + 3..b.saturating_sub(2)).find(|&k| {
            doc.is_narrative(k)
                && word_is_lower_in(words!["a", "an"], doc, k + 1)
                && (doc.word_in(k, &["—", "–"]) || doc.word_is(k, ",") && k + 2 < b && word_is_lower_in(STATEMENT_NOUNS, doc, k + 2))
        }) {
            b = c;
        }
    }
    // `Though the judge said he was loath to ..., he believed ...`: in a sentence-opening
    // subordinate clause, the content ends with the clause, at its comma.
    if matches!(rule, "indirect/said-that" | "indirect/verb-object")
        && word_is_lower_in(SUBORDINATORS, doc, s.first)
        && !(s.first..a).any(|k| doc.word_is(k, ","))
    {
        if let Some(c) = (a + 1..b).find(|&k| doc.word_is(k, ",") && doc.is_narrative(k)) {
            b = c;
        }
    }
    // A parenthesis or bracket closing the content is the writer's aside (`said it was on firm
    // ground (naturally)`, `said the polls were off. [NYT]`), as is a dash before a sign-off or an
    // aside ending it (`--Kim Hjelmgaard`).
    // (Only for content after its cue: before it, the cue may be inside the aside itself.)
    let after_cue = matches!(rule, "indirect/said-that" | "indirect/participle" | "indirect/verb-object" | "indirect/according-to-before");
    if let Some(c) = (a + 2..b).find(|&k| after_cue && doc.word_in(k, &["(", "["]) && doc.is_narrative(k)) {
        if (c + 1..b).all(|k| !doc.word_in(k, &[")", "]"]))
            || doc.word_in(b - 1, &[")", "]"]) && !(c + 1..b - 1).any(|k| doc.word_in(k, &[")", "]"]))
        {
            b = c;
        }
    }
    // Stop at a colon that introduces a full quote: `said the plan was sound: "..."`. (Content
    // before its cue starts after its last colon instead: in `The tax has not hurt the city:
    // London was the capital of finance, according to one index` the claim is the second clause.)
    let before_cue = cue.is_some_and(|c| b > a && c.start >= doc.tokens[b - 1].span().end);
    if before_cue {
        if let Some(c) = (a..b).rev().find(|&k| doc.word_is(k, ":") && doc.is_narrative(k)) {
            a = c + 1;
        }
    } else if let Some(c) = (a..b).find(|&k| doc.word_is(k, ":") && doc.is_narrative(k)) {
        b = c;
    }
    // (One word is a piece of a claim split by a parenthetical cue: "Otherwise, she said,
    // countries ...".)
    if b <= a || b - a < 2 && !(rule == "indirect/said-parenthetical" && doc.tokens[a].is_word()) {
        return None;
    }
    // Regions wholly inside the content.
    let span = doc.token_span(a, b);
    // Top-level regions do not overlap one another and are sorted, so walking back from the last
    // one opening before the span's end can stop at the first that ends before the span.
    let hi = top.partition_point(|&i| doc.regions[i].content.start < span.end);
    let lo = top[..hi].iter().rposition(|&i| doc.regions[i].content.end <= span.start).map_or(0, |k| k + 1);
    let inside: Vec<usize> = top[lo..hi].to_vec();
    // Content that is exactly one quote is a direct quote, found by the direct rules.
    if let [r] = inside[..] {
        let reg = doc.regions[r];
        if reg.open <= a && reg.close.is_none_or(|c| c + 1 >= b) {
            return None;
        }
    }
    // Content that starts inside a quote is a direct quote's attribution, not reported speech.
    if !doc.is_narrative(a) && !doc.tokens[a].is_mark() {
        return None;
    }
    let narrative_words = (a..b).filter(|&k| doc.is_narrative(k) && doc.tokens[k].is_word()).count();
    if narrative_words == 0 {
        return None;
    }
    let kind = if inside.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
    absorbed.extend_from_slice(&inside);
    let rule = if kind == QuoteKind::Mixed { mixed_rule(rule) } else { rule };
    Some(Quote { span, kind, cue, cue_lemma: Some(lemma), mention, follows: None, rule, paragraph: s.paragraph, words: (0, 0) })
}

/// `Washington did not complain, a Chinese official said, adding that ...`: after a claim and its
/// speaker, a participle opening at `participle` (after a comma) is the speaker's, not the
/// claim's subject's. The speaker's mention, when the words before the participle's comma end
/// with such an attribution (past a short tail: "..., the mayor said in a statement Monday,
/// adding ..."); `lead` is where the sentence's words begin.
pub(super) fn claim_speaker_before(doc: &Document, lead: usize, participle: usize) -> Option<Mention> {
    let comma = participle.checked_sub(1).filter(|&c| c > lead && doc.word_is(c, ","))?;
    let said = (comma.saturating_sub(10).max(lead + 1)..comma).rev().find_map(|k| {
        cue_at(doc, k).filter(|c| {
            c.start == k
                && (c.end == comma && matches!(c.verb.lemma, "say" | "tell")
                    || c.verb.class == VerbClass::Speech && !c.according && c.end < comma && {
                        let t = after_addressee(doc, c, comma);
                        t >= comma || is_tail(doc, t, comma)
                    })
        })
    })?;
    let m = np::subject_before(doc, said.start, lead)?;
    let start = doc.token_after_near(m.span.start, said.start);
    (start > lead + 1 && doc.word_is(start - 1, ",")).then_some(m)
}

/// `released a statement Thursday saying ...`, `issued a brief letter condemning ...`: a
/// participle at `participle` right after a statement that is a verb's object (past a time: a
/// weekday, `on Monday`, `late Friday`) says what the statement says, and the statement's
/// author is that verb's subject. The verb's token, when the words before the participle (from
/// `lead`) read so.
pub(super) fn statement_verb_before(doc: &Document, lead: usize, participle: usize) -> Option<usize> {
    const STATEMENTS: &Words =
        &Words::new(&["statement", "letter", "tweet", "post", "message", "memo", "release", "email", "e-mail", "note"]);
    const TIMES: &Words = &Words::new(&[
        "on",
        "late",
        "early",
        "last",
        "this",
        "today",
        "yesterday",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]);
    let mut k = participle;
    while k > lead && participle - k < 3 && word_is_lower_in(TIMES, doc, k - 1) {
        k -= 1;
    }
    let noun = k.checked_sub(1).filter(|&n| n > lead + 1 && word_is_lower_in(STATEMENTS, doc, n))?;
    // (One modifier may stand before the noun: `a joint statement`, `a press release`.)
    let determiner = |j: usize| word_is_lower_in(words!["a", "an", "the", "his", "her", "its", "their", "our"], doc, j);
    let det = if determiner(noun - 1) {
        noun - 1
    } else if noun >= lead + 3 && determiner(noun - 2) && doc.word(noun - 1).starts_with(|c: char| c.is_ascii_lowercase()) {
        noun - 2
    } else {
        return None;
    };
    let verb = det.checked_sub(1).filter(|&v| v > lead)?;
    let w = doc.word(verb);
    let verbish = w.starts_with(|c: char| c.is_ascii_lowercase())
        && (w.len() > 3 && w.ends_with("ed")
            || np::is_lower_in(words!["sent", "put", "wrote", "out", "issues", "releases", "posts", "sends"], w));
    // (`put out a statement`: the verb is the one before its particle.)
    let verb = if w == "out" { verb.checked_sub(1).filter(|&v| v > lead)? } else { verb };
    verbish.then_some(verb)
}

/// Prepositions that open an account of how, where or when someone spoke (`speaking by phone`).
const MANNER_PREPOSITIONS: &Words =
    &Words::new(&["on", "by", "from", "in", "at", "with", "during", "after", "before", "under", "via", "through", "to"]);

/// True when tokens `[a, b)`, at most five, are a time adverbial (`Then, last week`, `Earlier
/// this year`) or a short prepositional phrase (`After a long filibuster`) with no clause at
/// their start or after a comma, not a claim (`Then, the race tightened`).
fn adverbial_only(doc: &Document, a: usize, b: usize) -> bool {
    const TIME_WORDS: &Words = &Words::new(&["then", "earlier", "later", "last", "next", "yesterday", "today", "now"]);
    if a >= b || b - a > 5 || !(word_is_lower_in(TIME_WORDS, doc, a) || b - a <= 4 && word_is_lower_in(PREPOSITION_STARTS, doc, a)) {
        return false;
    }
    !(a..b).any(|k| (k == a || doc.word_is(k - 1, ",")) && reads_as_clause(doc, k, b))
}

/// Finite verbs that are not in `FINITE_AUXILIARIES`: modals and forms of *do*.
const MODALS: &Words = &Words::new(&[
    "do",
    "does",
    "did",
    "should",
    "must",
    "may",
    "might",
    "shall",
    "don't",
    "doesn't",
    "didn't",
    "don’t",
    "doesn’t",
    "didn’t",
]);

/// Words that open a subordinate clause before the main one.
const SUBORDINATORS: &Words = &Words::new(&[
    "though", "although", "while", "whereas", "because", "if", "when", "whenever", "as", "after", "before", "since", "once", "unless",
]);

/// The token where a coordinated attribution opens inside content `[a, b)`: a cue whose subject
/// (or, for a shared subject, the cue itself) follows a comma, dash, semicolon or a coordinating
/// or concessive conjunction. Nested attributions without one (`said the agency said ...`) stay
/// inside the content.
fn coordinated_attribution(doc: &Document, a: usize, b: usize, cues: &[Cue]) -> Option<usize> {
    const JOINERS: &Words = &Words::new(&["and", "but", "though", "although", "while", "whereas", "yet"]);
    // (A comma inside a closing quote counts too: `"... happening," adding ...`.)
    let comma_in_quote = |k: usize| k > a + 3 && doc.tokens[k - 1].is_mark() && doc.word_is(k - 2, ",");
    let joint = |k: usize| {
        k > a + 2
            && (doc.is_narrative(k - 1) && (doc.word_in(k - 1, &[",", ";", "—", "–"]) || word_is_lower_in(JOINERS, doc, k - 1))
                || comma_in_quote(k))
    };
    // A third-person present in -s (`warns`, `calls`), not a plural noun's look-alike in -ss.
    let present_s = |k: usize| {
        let w = doc.word(k);
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w.starts_with(|c: char| c.is_lowercase())
    };
    // Whether the cue that attributes the content, just before it (past `that`), is in the
    // present (asked only of a second cue in the present after `and`: most calls find none).
    let attributing_cue_present = || (a.saturating_sub(3)..a).rev().find_map(|k| cue_at(doc, k)).is_some_and(|c| present_s(c.start));
    // (The cues starting in `[a + 3, b)`, read from the sentence's list: `cue_at` of each token
    // there, as this asked before, finds just those.)
    let from = cues.partition_point(|c| c.start < a + 3);
    for &cue in cues[from..].iter().take_while(|c| c.start < b) {
        let k = cue.start;
        if cue.according || cue.verb.class == VerbClass::Belief {
            continue;
        }
        // (An evidence verb attributes only with a document subject: not "they should read the labels".)
        if cue.verb.class == VerbClass::Evidence && !np::subject_before(doc, k, a).is_some_and(|m| is_document(doc, &m, k)) {
            continue;
        }
        // "..., but argued that ...", "..., saying ...": the cue shares the sentence's subject. (Not
        // a verb coordinated inside the content: "said the crews pay teenagers ... and warn drivers".)
        let shared = joint(k)
            && (is_participle(doc, &cue) && (doc.word_is(k - 1, ",") || comma_in_quote(k))
                || !doc.word_is(k - 1, ",")
                    && (doc.word_is(k - 2, ",") || doc.word_is(k - 1, "but") || cue.end < b && doc.word_is(cue.end, "that")))
            // ("... and said it ...": the commonest speech verbs are not coordinated inside content.)
            || doc.word_is(k - 1, "and") && word_is_lower_in(words!["said", "says", "told", "tells", "added", "adds"], doc, k)
            // ("said he makes $41,000 a year and questioned how ...": a second speech verb in the
            // past tense after *and* is the speaker's next act, not the content's.)
            // (Not after a past perfect, whose *had* the verb may share: "said the board had met
            // and asked the director to ...".)
            || doc.word_is(k - 1, "and")
                && cue.verb.class == VerbClass::Speech
                && doc.word(k).ends_with("ed")
                && cue.end - cue.start == 1
                && !(a..k).any(|j| word_is_lower_in(words!["had", "'d", "’d"], doc, j))
            // (So is one in the present after a cue in the present: "The letter warns that the
            // ward is unsafe and calls for an inquiry".)
            || doc.word_is(k - 1, "and") && cue.verb.class == VerbClass::Speech && present_s(k) && attributing_cue_present();
        let open = if shared {
            Some(k)
        } else {
            np::subject_before(doc, k, a)
                .map(|m| doc.token_after_near(m.role.map_or(m.span.start, |r| r.start.min(m.span.start)), k))
                .filter(|&s| joint(s))
        };
        if let Some(mut c) = open {
            while c > a && (doc.word_in(c - 1, &[",", ";", "—", "–"]) || word_is_lower_in(JOINERS, doc, c - 1)) {
                c -= 1;
            }
            return Some(c);
        }
    }
    None
}

fn mixed_rule(rule: &'static str) -> &'static str {
    match rule {
        "indirect/said-that" => "mixed/said-that",
        "indirect/said-after" => "mixed/said-after",
        "indirect/said-inverted" => "mixed/said-inverted",
        "indirect/participle" => "mixed/participle",
        "indirect/according-to-before" => "mixed/according-to-before",
        "indirect/according-to-after" => "mixed/according-to-after",
        "indirect/said-parenthetical" => "mixed/said-parenthetical",
        "indirect/vague" => "mixed/vague",
        "indirect/verb-object" => "mixed/verb-object",
        "indirect/as-said" => "mixed/as-said",
        // (Every rule that reaches `make` is listed above.)
        other => other,
    }
}
