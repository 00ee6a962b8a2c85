//! Direct quotes: top-level quote regions not absorbed into mixed quotes,
//! attributed by the cue after the closing mark (`," said X.` / `," X said.`),
//! or before the opening mark (`X said: "...`, `according to X, "...`), or by
//! a colon at the end of the previous paragraph. A region with no cue is kept
//! only when it reads as speech rather than a scare quote or a title.

use super::cues::{Cue, cue_at, is_participle};
use super::np::{self, Mention, words};
use super::reported;
use super::{Quote, QuoteKind};
use crate::lexicon::VerbClass;
use crate::text::{Document, QuoteRegion, TokenKind};

pub fn detect(doc: &Document, absorbed: &[bool], reported: &[Quote]) -> Vec<Quote> {
    // (At most one quote per region: room for them all at once, not grown quote by quote.)
    let mut out = Vec::with_capacity(doc.regions.len());
    let reported = super::TakenSpans::new(reported);
    // The end of the last quote widened past its closing mark: regions before it are inside it
    // (`called it "bold" and "naive"` is one mixed quote).
    let mut widened_end = 0;
    for (i, r) in doc.regions.iter().enumerate() {
        if r.depth != 0 || absorbed[i] || r.last <= r.first || r.content.start < widened_end {
            continue;
        }
        if reported.overlaps(r.content) || is_nickname(doc, r) || names_a_work(doc, r) || is_given_name(doc, r) {
            continue;
        }
        let found = after(doc, i, r).or_else(|| before(doc, i, r)).or_else(|| signed(doc, r));
        let (mut mention, mut cue, rule) = match found {
            Some((m, c, rule)) => (Some(m), Some(c), rule),
            None => match fragment(doc, r) {
                // A quoted fragment inside the speaker's own clause: `called the plan "a gamble"`.
                Some((m, c)) => (Some(m), Some(c), "direct/fragment"),
                None if reads_as_speech(doc, r) => (None, None, "direct/no-cue"),
                None => continue,
            },
        };
        if rule == "direct/no-cue" {
            // `..., adding that it was why Trump "attacks us."`: a speech verb earlier in the
            // clause, with its object or clause running up to the mark, is the quote's cue.
            // (Without a subject to give it, the quote is left to the speaker in focus.)
            let first = doc.sentences[doc.sentence_of[r.open] as usize].first;
            let clause = speech_cue_in_clause(doc, r, false).filter(|c| verb_object(doc, c, r).is_some());
            if let Some((m, c)) = clause.and_then(|c| Some((np::subject_before(doc, c.start, first)?, c))) {
                (mention, cue) = (Some(m), Some(c));
            }
        }
        let widened = match rule {
            // `Her time has been "life-changing," she said.`: the sentence's own words before the
            // opening mark are part of what the speaker is reported as saying, one mixed quote.
            "direct/speaker-said" | "direct/said-speaker" => lead_in(doc, i, r).map(|lead| {
                let end = r.close.map_or(r.content.end, |c| doc.tokens[c].span().end);
                (crate::Span { start: doc.tokens[lead].span().start, end }, "mixed/lead-in")
            }),
            // `Ryan: 'Anti-Semitic Images' Have 'No Place' ...`: a headline after a name and a
            // colon is all the name's, marks or not.
            "direct/name-colon" => {
                r.close.and_then(|c| sentence_rest_end(doc, c)).map(|end| (crate::Span { start: r.content.start, end }, "mixed/name-colon"))
            }
            // `called the plan "one giant gamble" and "reckless"`: the verb's object or clause
            // before the opening mark, and the clause going on after the closing one, are part of
            // what is reported: one mixed quote from the verb on.
            "direct/speaker-said-before" | "direct/fragment" | "direct/no-cue" if mention.is_some() => {
                cue.and_then(|c| verb_object(doc, &c, r)).map(|a| {
                    let end = r.close.map_or(r.content.end, |c| clause_rest_end(doc, c).unwrap_or(doc.tokens[c].span().end));
                    (crate::Span { start: doc.tokens[a].span().start, end }, "mixed/verb-object")
                })
            }
            _ => None,
        };
        // (A widened quote must not take in reported speech found before: the quote keeps its
        // marks' span then.)
        let widened = widened.filter(|(span, _)| !reported.overlaps(*span));
        let lemma = cue.map(|c| c.verb.lemma);
        let cue = cue.map(|c| doc.token_span(c.start, c.end));
        let (span, kind, rule) = match widened {
            Some((span, mixed_rule)) => {
                widened_end = span.end;
                (span, QuoteKind::Mixed, mixed_rule)
            }
            None => (r.content, QuoteKind::Direct, rule),
        };
        out.push(Quote { span, kind, cue, cue_lemma: lemma, mention, follows: None, rule, paragraph: r.paragraph, words: (0, 0) });
    }
    out
}

/// `“...” — Ola Moreno.` / `“...” ― Tom Willis, 34, Harlow`: a quote signed with a dash and a
/// bare name that ends its paragraph (reader comments, vox pops, epigraphs).
fn signed(doc: &Document, r: &QuoteRegion) -> Option<(Mention, Cue, &'static str)> {
    let dash = r.close? + 1;
    let para = doc.paragraphs[r.paragraph];
    if dash + 1 >= para.last || !doc.word_in(dash, &["—", "–", "―"]) || looks_like_title(doc, r) {
        return None;
    }
    let mut end = para.last;
    while end > dash + 1 && doc.word_in(end - 1, &[".", "!"]) {
        end -= 1;
    }
    let m = super::pull::bare_name(doc, dash, end, false)?;
    let cue = Cue { start: dash, end: dash + 1, verb: crate::lexicon::Verb { lemma: "—", class: VerbClass::Speech }, according: false };
    Some((m, cue, "direct/signed"))
}

/// The next top-level region after region `i` in the same paragraph.
fn next_open(doc: &Document, i: usize, r: &QuoteRegion) -> Option<usize> {
    // Regions are sorted by position, so the search ends with the paragraph (issue 7: quadratic).
    doc.regions[i + 1..].iter().take_while(|n| n.paragraph == r.paragraph).find(|n| n.depth == 0 && n.open > r.open).map(|n| n.open)
}

/// `"...," said X.` / `"...," X said.` / `"...?" X asked.` / `"A" being ..., writes X, "B"`.
fn after(doc: &Document, i: usize, r: &QuoteRegion) -> Option<(Mention, Cue, &'static str)> {
    let close = r.close?;
    let k0 = close + 1;
    let sentence = doc.sentences[doc.sentence_of[close] as usize];
    let para_end = doc.paragraphs[r.paragraph].last;
    let mut hi = para_end.min(k0 + 32);
    if let Some(n) = next_open(doc, i, r) {
        hi = hi.min(n);
    }
    // The attribution ends with the sentence (a new sentence after the close mark is narrative).
    let mut ended_sentence = false;
    if sentence.last > k0 {
        hi = hi.min(sentence.last);
    } else if let Some(next) = doc.sentences.get(doc.sentence_of[close] as usize + 1) {
        if next.paragraph == r.paragraph && next.first == k0 {
            // The quote ended its sentence; only a cue right here counts ("...?" she asked.)
            hi = hi.min(next.last);
            ended_sentence = true;
        }
    }
    let mut a = k0;
    while a < hi && doc.word_in(a, &[",", "—", "–", "-"]) {
        a += 1;
    }
    if a >= hi {
        return None;
    }
    // Inverted: said X. / according to X.
    if let Some(c) = cue_at(doc, a).filter(|c| c.verb.class != VerbClass::Belief) {
        if let Some(m) = np::phrase_after(doc, c.end, hi) {
            return Some((m, c, if c.according { "direct/according-to-after" } else { "direct/said-speaker" }));
        }
    }
    if let Some(found) = response_of(doc, a, hi) {
        return Some(found);
    }
    // X said.
    for k in a + 1..hi.min(a + 30) {
        if let Some(c) = cue_at(doc, k).filter(|c| c.verb.class != VerbClass::Belief && !c.according) {
            // (`"...," the letter reads`, but not `"...," he read aloud`: a reader is not the source.)
            // (After a quote that ended its sentence, a cue with content of its own starts a new
            // claim: `"It shows a lack of care." Reid said both bills are "dead."`.)
            let only_attribution = || {
                let t = reported::after_addressee(doc, &c, hi);
                !(t < hi && (doc.word_is(t, "that") || reported::reads_as_clause(doc, t, hi)))
            };
            if let Some(m) = np::subject_before(doc, k, a)
                .filter(|m| c.verb.lemma != "read" || reported::is_document(doc, m, k))
                .filter(|_| !ended_sentence || only_attribution())
            {
                if doc.token_after_near(m.span.start, k) == a || doc.token_after_near(m.span.start, k) == a + 1 && doc.word_is(a, ",") {
                    return Some((m, c, "direct/speaker-said"));
                }
            }
            // An interrupted quote: `"A" being meaningful, writes X, "B"`.
            if k > a && doc.word_is(k - 1, ",") {
                if let Some(m) = np::phrase_after(doc, c.end, hi) {
                    return Some((m, c, "direct/interrupted"));
                }
            }
            break;
        }
        // (Not at an abbreviation's period inside the speaker's name: `Rep. Gwen Moore (D-Wis.) said`.)
        if matches!(doc.tokens[k].kind, TokenKind::Punct) && doc.word_in(k, &[".", "?", "!", ";"]) && !np::abbreviation_period(doc, k, hi) {
            break;
        }
    }
    unlisted_verb(doc, a, hi)
}

/// `"...," was the response of one viewer.` / `"...," came the reply from the ministry.`: right
/// after a quote, a noun of answering names the speaker after `of` or `from`.
fn response_of(doc: &Document, a: usize, hi: usize) -> Option<(Mention, Cue, &'static str)> {
    const NOUNS: &[&str] = &["response", "reply", "answer", "reaction", "retort", "verdict", "message"];
    let noun = a + 2;
    let ok = noun + 2 < hi
        && doc.word_in(a, &["was", "came", "is", "comes"])
        && doc.word_is(a + 1, "the")
        && doc.word_in(noun, NOUNS)
        && doc.word_in(noun + 1, &["of", "from"]);
    if !ok {
        return None;
    }
    let m = np::phrase_after(doc, noun + 2, hi)?;
    let lemma: &'static str = NOUNS.iter().find(|w| doc.word_is(noun, w))?;
    let cue = Cue { start: a, end: noun + 1, verb: crate::lexicon::Verb { lemma, class: VerbClass::Speech }, according: false };
    Some((m, cue, "direct/response-of"))
}

/// The first token of the narrative words that open the sentence before region `r`'s opening
/// mark (`Her time so far has been "...`), if the quote does not open its sentence.
fn lead_in(doc: &Document, i: usize, r: &QuoteRegion) -> Option<usize> {
    let lo = sentence_start_after_quote(doc, i, r);
    // (After a comma the words before are an adverbial, `Yet, "it is hard ...`, not a clause the
    // quote completes; after a colon or a semicolon, a clause of their own.)
    if r.open <= lo || doc.word_in(r.open - 1, &[":", ";", ","]) || looks_like_title(doc, r) {
        return None;
    }
    // The attribution goes on after a comma (`...," she said`), as in a sentence the speaker's
    // words complete; a title or a name in marks is followed by the sentence's own verb.
    let close = r.close?;
    let comma = doc.word_is(r.last - 1, ",") || close + 1 < doc.tokens.len() && doc.word_is(close + 1, ",");
    if !comma {
        return None;
    }
    // Only the writer's words, none of them a cue of their own (`he said "...` is another rule's).
    let plain = (lo..r.open).all(|k| doc.is_narrative(k) && !doc.tokens[k].is_mark() && cue_at(doc, k).is_none());
    (plain && (lo..r.open).any(|k| doc.tokens[k].is_word())).then_some(lo)
}

/// Where the words between cue `c` and region `r`'s opening mark start, when they are the
/// verb's object or the start of its clause (`described the move as "...`, `acknowledged that
/// he had only "...`), not a short adverbial (`said on Tuesday "...`) or punctuation.
fn verb_object(doc: &Document, c: &Cue, r: &QuoteRegion) -> Option<usize> {
    let a = c.end;
    if a >= r.open || c.according {
        return None;
    }
    let plain = (a..r.open).all(|k| doc.is_narrative(k) && doc.tokens[k].is_word());
    if !plain || reported::is_tail(doc, a, r.open) {
        return None;
    }
    // (The verb's particle is not reported: `warned of the dangers of "...`, `called on police to`.)
    let particle = a + 1 < r.open && np::word_is_lower_in(words!["of", "on", "about", "for"], doc, a);
    Some(if particle { a + 1 } else { a })
}

/// The speech cue earlier in the clause that region `r` opens in, walking back over the sentence
/// (at most 12 tokens) and passing over an earlier quote of the same clause (`called it "bold"
/// and "naive"`). The clause ends at a semicolon, a colon, a dash or a bracket, and also at a
/// comma when `comma_ends_clause` (`adding that it is why Trump "...` goes on past one).
fn speech_cue_in_clause(doc: &Document, r: &QuoteRegion, comma_ends_clause: bool) -> Option<Cue> {
    let s = doc.sentences[doc.sentence_of[r.open] as usize];
    for k in (s.first..r.open).rev().take(12) {
        if !doc.is_narrative(k) || doc.tokens[k].is_mark() {
            continue;
        }
        let w = doc.word(k);
        if matches!(w, ";" | "—" | "–" | ":" | "(" | ")") || comma_ends_clause && w == "," {
            return None;
        }
        if let Some(c) = cue_at(doc, k) {
            return (c.verb.class == VerbClass::Speech && !c.according && c.end <= r.open).then_some(c);
        }
    }
    None
}

/// The first token of region `r`'s sentence, or after the closing mark of the top-level quote
/// before it in the same sentence: where the writer's words leading up to `r` can start.
fn sentence_start_after_quote(doc: &Document, i: usize, r: &QuoteRegion) -> usize {
    let lo = doc.sentences[doc.sentence_of[r.open] as usize].first;
    let prev = doc.regions[..i].iter().rev().take_while(|p| p.paragraph == r.paragraph).find(|p| p.depth == 0);
    prev.and_then(|p| p.close).map_or(lo, |c| lo.max(c + 1))
}

/// The byte end of the words that finish the sentence after the closing mark at `close`
/// (final punctuation excluded), if any follow it.
fn sentence_rest_end(doc: &Document, close: usize) -> Option<usize> {
    let end = rest_of_sentence_end(doc, close);
    (end > close + 1 && (close + 1..end).any(|k| doc.tokens[k].is_word())).then(|| doc.tokens[end - 1].span().end)
}

/// The token end of the sentence holding `close`, without its final punctuation (not before
/// `close + 1`).
fn rest_of_sentence_end(doc: &Document, close: usize) -> usize {
    let mut end = doc.sentences[doc.sentence_of[close] as usize].last;
    while end > close + 1 && matches!(doc.tokens[end - 1].kind, TokenKind::Punct) {
        end -= 1;
    }
    end
}

/// The byte end of the clause that goes on after the closing mark at `close` (`called him a
/// "nasty guy" and an "anchor baby".`), when the rest of the sentence is the writer's words
/// with no attribution of its own.
fn clause_rest_end(doc: &Document, close: usize) -> Option<usize> {
    // (The clause ends at a semicolon, a dash or a colon: `consumption of "free" sugars – those
    // added ...` reports up to the dash.)
    let mut end = rest_of_sentence_end(doc, close);
    end = (close + 1..end).find(|&k| doc.word_in(k, &[";", "—", "–", ":"])).unwrap_or(end);
    while end > close + 1 && matches!(doc.tokens[end - 1].kind, TokenKind::Punct) {
        end -= 1;
    }
    let rest = close + 1..end;
    let own = rest.clone().all(|k| cue_at(doc, k).is_none());
    // (A participle after a comma is a clause of its own: `..., leaving the harbour unfinished`.
    // A trailing adverbial stays: `called it "a giveaway" in a radio interview`, as PolNeAR has it.)
    // (The comma may be inside the closing mark: `a "necessary correction," leaving ...`.)
    let participle = rest.clone().any(|k| {
        let after_comma = doc.word_is(k - 1, ",") || k == close + 1 && doc.word_is(close - 1, ",");
        after_comma && doc.word(k).ends_with("ing") && !np::is_cap(doc.word(k))
    });
    let words = rest.clone().any(|k| doc.tokens[k].is_word());
    (own && !participle && words).then(|| doc.tokens[end - 1].span().end)
}

/// `"...," scolded Odile.` / `"...," Brannagh echoes.`: right after a quote, a verb the lexicon
/// does not list still attributes it when the clause is only that verb and a name (or, with the
/// verb last, a pronoun or a description that can speak: `"...," one engineer posted.`).
fn unlisted_verb(doc: &Document, a: usize, hi: usize) -> Option<(Mention, Cue, &'static str)> {
    // (The clause may go on with another verb: `"...," Trump barked and a guard led him out.`)
    let end = (a..hi).find(|&k| doc.word_in(k, &[".", "?", "!", ";", ",", "and", "but"])).unwrap_or(hi);
    if end <= a + 1 || end - a > 6 {
        return None;
    }
    let is_verb = |k: usize| {
        let w = doc.word(k);
        doc.tokens[k].is_word() && w.starts_with(|c: char| c.is_lowercase()) && (w.ends_with("ed") || w.ends_with('s')) && w.len() > 3
    };
    let cue = |k: usize| Cue {
        start: k,
        end: k + 1,
        verb: crate::lexicon::Verb { lemma: "(unlisted)", class: VerbClass::Speech },
        according: false,
    };
    // verb + name
    if is_verb(a) {
        let m = np::parse(doc, a + 1, end)?;
        return (m.kind == np::MentionKind::Name).then(|| (m, cue(a), "direct/verbed-speaker"));
    }
    // name + verb
    if is_verb(end - 1) {
        let m = np::parse(doc, a, end - 1)?;
        // (Or a short description of a person, a determiner and a person's noun, with a verb in
        // the past: `"...," one engineer posted.`)
        let person_described = m.kind == np::MentionKind::Descriptor
            && end - a <= 4
            && np::word_is_lower_in(words!["one", "a", "an", "the", "another"], doc, a)
            && doc.has_class(end - 2, crate::lexicon::Classes::ROLE.union(crate::lexicon::Classes::ANONYMOUS_HEAD))
            && doc.word(end - 1).ends_with("ed");
        return (matches!(m.kind, np::MentionKind::Name | np::MentionKind::Pronoun) || person_described)
            .then(|| (m, cue(end - 1), "direct/speaker-verbed"));
    }
    None
}

/// `X said: "...` / `X said, "...` / `According to X, "...` / a colon ending the paragraph before.
fn before(doc: &Document, i: usize, r: &QuoteRegion) -> Option<(Mention, Cue, &'static str)> {
    let para = doc.paragraphs[r.paragraph];
    let (mut lo, mut j) = (sentence_start_after_quote(doc, i, r), r.open);
    if r.open == para.first && r.paragraph > 0 {
        // "Okafor continued:" ending the previous paragraph.
        let prev = doc.paragraphs[r.paragraph - 1];
        if prev.last > prev.first && doc.word_is(prev.last - 1, ":") && doc.is_narrative(prev.last - 1) {
            j = prev.last - 1;
            lo = doc.sentences[doc.sentence_of[j] as usize].first;
        }
    }
    while j > lo && doc.word_in(j - 1, &[":", ",", "—", "–", "-"]) && doc.is_narrative(j - 1) {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    let colon = j < r.open && doc.word_is(j, ":");
    for k in (lo..j).rev().take(8) {
        let Some(c) = cue_at(doc, k) else { continue };
        // (After an article a verb's form is an adjective: `said in a written statement: "...`.)
        let adjective = k > lo && np::word_is_lower_in(words!["a", "an", "the"], doc, k - 1);
        if c.verb.class == VerbClass::Belief || c.end > j || adjective {
            continue;
        }
        if c.according {
            let m = np::phrase_after(doc, c.end, j)?;
            return Some((m, c, "direct/according-to"));
        }
        // A title named right after a verb (`a book called "The Long Road"`) is not a quote.
        if j == r.open && looks_like_title(doc, r) {
            return None;
        }
        // `Pike noted the slope, testifying “it seemed ...”`: a participle after a comma takes
        // the subject of its sentence (or of a relative clause of place or time just before it:
        // `..., where protesters had gathered, chanting “...”`).
        // (Or after a statement that the sentence's subject issued: `released a statement
        // Thursday saying, "...`, `issued a statement condemning "...`.)
        if is_participle(doc, &c) && j - c.end <= 1 {
            if let Some(v) = reported::statement_verb_before(doc, lo, k) {
                let m = np::subject_before(doc, v, lo).or_else(|| reported::leading_subject(doc, reported::skip_intro(doc, lo, v), v))?;
                return Some((m, c, "direct/participle"));
            }
        }
        if is_participle(doc, &c) && k > lo && doc.word_in(k - 1, &[",", "—", "–"]) && j - c.end <= 1 {
            // (After a claim and its speaker, the speaker's: `The two will meet next week, Spiro
            // said, adding, "..."`.)
            let m = reported::claim_speaker_before(doc, lo, k)
                .or_else(|| reported::relative_clause_subject(doc, lo, k))
                .or_else(|| reported::leading_subject(doc, reported::skip_intro(doc, lo, k), k))?;
            return Some((m, c, "direct/participle"));
        }
        // Inverted before the quote: `..., asks editor Rhea Valcourt, "...`. (Not after a
        // subject of its own: in `He told The Associated Press: "..."` the name is the addressee.)
        if c.end < j && np::subject_before(doc, k, lo).is_none() {
            // (A name at the end of a long phrase is not the speaker: "talk about the summer they met Anna".)
            let short_premodifier = |m: &np::Mention| m.premodifier.is_none_or(|p| p.slice(doc.text).split_whitespace().count() <= 3);
            // (The name runs up to the mark or its punctuation, not to a word: `describes the
            // Libertarian Party as "..."` names no speaker.)
            let name_ends_phrase = |m: &np::Mention| {
                let after = doc.token_after(m.span.end);
                after >= j || after + 1 == j && !doc.tokens[after].is_word()
            };
            if let Some(m) =
                np::phrase_after(doc, c.end, j).filter(|m| m.kind == np::MentionKind::Name && short_premodifier(m) && name_ends_phrase(m))
            {
                return Some((m, c, "direct/said-speaker-before"));
            }
        }
        // (A second verb of the sentence's subject: "Ms. Ruiz shook her head and said, ...".)
        let m = np::subject_before(doc, k, lo).or_else(|| {
            (k > lo && doc.word_in(k - 1, &["and", "but"]))
                .then(|| reported::leading_subject(doc, reported::skip_intro(doc, lo, k), k))
                .flatten()
        })?;
        // Only a short adverbial may stand between the cue and the quote.
        let gap = j - c.end;
        if gap > 6 {
            return None;
        }
        return Some((m, c, "direct/speaker-said-before"));
    }
    // `Sorensen, the harbour pilot, is more blunt: "..."`: the subject of the clause the colon ends.
    if colon {
        // The clause the colon ends starts the sentence, or follows a conjunction ("Governance
        // slipped when Vance again took to social media with this: ...").
        let starts = std::iter::once(lo).chain((lo + 1..j).rev().filter(|&k| {
            np::word_is_lower_in(words!["when", "as", "after", "while", "before", "because", "and", "but", "so"], doc, k - 1)
        }));
        return starts.take(4).find_map(|first| colon_subject(doc, first, j));
    }
    None
}

/// `Sorensen, the harbour pilot, is more blunt:` (the subject of the clause from `first` to the colon at `j`).
fn colon_subject(doc: &Document, first: usize, j: usize) -> Option<(Mention, Cue, &'static str)> {
    let mut e = first;
    while e < j && doc.tokens[e].is_word() && (e == first || doc.word(e).starts_with(|c: char| c.is_uppercase())) {
        e += 1;
    }
    let is_pronoun = e == first + 1
        && crate::lexicon::lexicon().pronoun(doc.word(first)).is_some_and(|p| !p.1 || doc.word(first).eq_ignore_ascii_case("they"));
    if let Some(m) = np::parse(doc, first, e).filter(|m| m.kind == np::MentionKind::Name || is_pronoun) {
        let verbish = |w: &str| {
            let lw = w.to_lowercase();
            lw.ends_with("ed")
                || lw.ends_with('s') && !lw.ends_with("ss")
                || crate::lexicon::lexicon().verb(&lw).is_some()
                || np::is_lower_in(
                    words![
                        "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "did", "does", "put", "took",
                        "wrote", "got", "made", "gave", "kept", "felt",
                    ],
                    &lw,
                )
        };
        // (An adverb may come first: "Vance again took to social media with this:".)
        let mut v = e;
        while v + 1 < j && doc.tokens[v].is_word() && np::word_is_lower_in(np::BETWEEN_SUBJECT_AND_VERB, doc, v) {
            v += 1;
        }
        let followed_by_verb = e < j
            && (doc.word_is(e, ",")
                || doc.tokens[v].is_word() && !doc.word(v).starts_with(|c: char| c.is_uppercase()) && verbish(doc.word(v)));
        let cue = Cue { start: j, end: j + 1, verb: crate::lexicon::Verb { lemma: ":", class: VerbClass::Speech }, according: false };
        if followed_by_verb {
            return Some((m, cue, "direct/colon-subject"));
        }
        // `Kasich: "We are going all the way."`: a paragraph (a headline, a transcript line) that
        // opens with a name and a colon gives the quote after it to that name.
        let opens_paragraph = doc.paragraphs[doc.sentences[doc.sentence_of[first] as usize].paragraph].first == first;
        if e == j && m.kind == np::MentionKind::Name && opens_paragraph {
            return Some((m, cue, "direct/name-colon"));
        }
    }
    None
}

/// `Ferris called the plan "one giant gamble."`, `finally said "enough."`: a short quote
/// inside a sentence whose speech verb, earlier in the same clause, has a subject. The words are
/// the subject's, not the writer's scare quote.
fn fragment(doc: &Document, r: &QuoteRegion) -> Option<(Mention, Cue)> {
    let s = doc.sentences[doc.sentence_of[r.open] as usize];
    if r.open <= s.first || looks_like_title(doc, r) {
        return None;
    }
    let c = speech_cue_in_clause(doc, r, true)?;
    let m = np::subject_before(doc, c.start, s.first)?;
    (m.kind != np::MentionKind::Descriptor || !m.span.slice(doc.text).eq_ignore_ascii_case("which")).then_some((m, c))
}

/// `Riefian "Ifan" Fajarsyah`: one or two capitalised words quoted between a first name and a
/// surname are a nickname, part of the name.
fn is_nickname(doc: &Document, r: &QuoteRegion) -> bool {
    let Some(close) = r.close else { return false };
    let cap = |k: usize| doc.tokens[k].is_word() && doc.word(k).starts_with(|c: char| c.is_uppercase());
    r.open > 0
        && close + 1 < doc.tokens.len()
        && (1..=2).contains(&(r.last - r.first))
        && (r.first..r.last).all(cap)
        && cap(r.open - 1)
        && cap(close + 1)
        && doc.sentence_of[r.open - 1] == doc.sentence_of[close + 1]
}

/// `the driver known as "the Fox"`, `a plan dubbed "Operation Clean Sweep"`: a short quote
/// right after a naming phrase is the name given, not anyone's words.
fn is_given_name(doc: &Document, r: &QuoteRegion) -> bool {
    let words = (r.first..r.last).filter(|&k| doc.tokens[k].is_word()).count();
    let before = |n: usize| if r.open >= n { doc.word(r.open - n) } else { "" };
    (1..=5).contains(&words)
        && (np::is_lower_in(words!["dubbed", "nicknamed", "christened"], before(1))
            || before(1).eq_ignore_ascii_case("as") && np::is_lower_in(words!["known", "billed", "styled", "branded"], before(2)))
}

/// Short, every word capitalised, no closing punctuation: a title or a name, not speech.
fn looks_like_title(doc: &Document, r: &QuoteRegion) -> bool {
    let last = if r.last > r.first { doc.word(r.last - 1) } else { "" };
    title_case_words(doc, r) && !matches!(last, "." | "?" | "!" | ",") || names_a_work(doc, r)
}

/// A title-case region after a preposition, a possessive or the noun of a work names a show, a
/// book or a paper, even with the sentence's period inside its marks: `said on Fox News's “Fox
/// and Friends.”`, `told “Meet the Press.”`, `a host of “Morning Joe,”`, `the TV show “Money
/// Talk.”`.
fn names_a_work(doc: &Document, r: &QuoteRegion) -> bool {
    let before = if r.open > 0 { doc.word(r.open - 1) } else { "" };
    // (After the noun of a work, a title may run long: `the book “Failure to Adjust: How
    // Americans Got Left Behind in the Global Economy.”`.)
    if before.starts_with(|c: char| c.is_lowercase()) && crate::lexicon::lexicon().works.contains(crate::lexicon::lower(before).as_ref()) {
        return title_case_words_up_to(doc, r, 16);
    }
    let introduced = np::is_lower_in(words!["on", "in", "at", "to", "from", "with", "of", "told"], before)
        || before.ends_with("'s")
        || before.ends_with("’s");
    introduced && title_case_words(doc, r)
}

/// True when the region holds one to eight words, each capitalised or of at most three bytes.
fn title_case_words(doc: &Document, r: &QuoteRegion) -> bool {
    title_case_words_up_to(doc, r, 8)
}

/// True when the region holds one to `most` words, each capitalised or of at most three bytes.
/// (Read in place and given up past `most` words: regions are often long quotes, and a `Vec` of
/// their words was collected for this.)
fn title_case_words_up_to(doc: &Document, r: &QuoteRegion, most: usize) -> bool {
    let mut words = 0;
    for k in (r.first..r.last).filter(|&k| doc.tokens[k].is_word()) {
        words += 1;
        let w = doc.word(k);
        if words > most || !(w.starts_with(|c: char| c.is_uppercase()) || w.len() <= 3) {
            return false;
        }
    }
    words > 0
}

/// A region with no cue is speech when it is long or ends like a sentence, and does not sit
/// inside a sentence like a scare quote (`Iraq's "victory"`) or a title.
fn reads_as_speech(doc: &Document, r: &QuoteRegion) -> bool {
    let words = (r.first..r.last).filter(|&k| doc.tokens[k].is_word()).count();
    if words == 0 {
        return false;
    }
    let last = doc.word(r.last - 1);
    let ends_like_sentence = matches!(last, "." | "?" | "!" | "," | "…") || r.close.is_none();
    let embedded = r.open > doc.paragraphs[r.paragraph].first && doc.tokens[r.open - 1].is_word() && doc.is_narrative(r.open - 1);
    let title_case = title_case_words(doc, r);
    if looks_like_title(doc, r) || title_case && embedded {
        return false;
    }
    // A headline with its byline after it is a title: `"Posthumous books could sell," by the
    // Globe's Jo Kahn`.
    let byline = r.close.is_some_and(|c| {
        let mut k = c + 1;
        if k < doc.tokens.len() && doc.word_is(k, ",") {
            k += 1;
        }
        if k + 1 >= doc.tokens.len() || !doc.word_is(k, "by") {
            return false;
        }
        // (`by Ben Sisario`, `by the Globe's Jo Kahn`)
        let name = if doc.word_is(k + 1, "the") { k + 2 } else { k + 1 };
        name < doc.tokens.len() && np::is_cap(doc.word(name))
    });
    if byline {
        return false;
    }
    // A paragraph that is only a quote in title case is a subheading: `'All Bets Are Off.'`.
    let para = doc.paragraphs[r.paragraph];
    let whole_paragraph = r.open == para.first && r.close.is_none_or(|c| (c + 1..para.last).all(|k| !doc.tokens[k].is_word()));
    if whole_paragraph && title_case && words >= 2 {
        return false;
    }
    // A short quote inside a sentence with no cue is a fragment or a scare quote, not speech.
    if embedded && words < 4 {
        return false;
    }
    if embedded && !ends_like_sentence {
        return false;
    }
    // `"A," he said. "B."`: a short sentence quoted right after an attributed quote in the same
    // paragraph goes on with that speaker's words. (A whole sentence: one ending in a comma waits
    // for an attribution of its own.)
    let after_attributed_quote = !embedded
        && doc.word_in(r.last - 1, &[".", "?", "!", "…"])
        && r.open > doc.paragraphs[r.paragraph].first
        && doc.word_in(r.open - 1, &[".", "?", "!"])
        && (r.open.saturating_sub(40).max(doc.paragraphs[r.paragraph].first)..r.open - 1).any(|k| !doc.is_narrative(k));
    words >= 6 || (ends_like_sentence && words >= 4) || (ends_like_sentence && after_attributed_quote && words >= 2)
}
