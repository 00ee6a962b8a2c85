//! Proper names across the whole article: where each person-like name
//! occurs, its surname key, and its fullest form.

use crate::Span;
use crate::lexicon::{Classes, Gender, lexicon, lower, pack_le};
use crate::quotes::np::{Words, is_lower_in, title_at, word_is_lower_in, words};
use crate::text::{Document, TokenKind, ascii_alnum_bytes};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

/// Every run of two or more name words (or a title and a name) outside quotes, in text order.
pub struct NameIndex {
    /// Name span (title excluded) and the gender its title gives.
    occurrences: Vec<(Span, Gender)>,
    /// The fullest occurrence per surname key (most words, then earliest), computed once:
    /// searching all occurrences per source was quadratic (issue 7).
    fullest: FxHashMap<Key, Span>,
    /// Every full name (two or more words, possessive dropped), in text order: namesakes
    /// (`Ruth Adler`, `Paul Adler`) for [`NameIndex::fullest_of_gender`].
    full_names: Vec<Span>,
}

const PARTICLES: &Words = &Words::new(&["al", "el", "bin", "ibn", "de", "del", "der", "di", "da", "du", "van", "von", "la", "le"]);

impl NameIndex {
    pub fn build(doc: &Document) -> NameIndex {
        let lex = lexicon();
        // (Room for the names of most articles at once: on the sample, a median article has one
        // occurrence per 58 tokens, one full name per 43 and one surname per 130, and growing
        // the vectors and maps from empty reallocated each a few times.)
        let names_room = doc.tokens.len() / 32;
        let mut occurrences = Vec::with_capacity(names_room);
        let mut singles = Vec::new();
        // The first full name in the article per surname (subject or not).
        let mut full_names: FxHashMap<Key, Span> = FxHashMap::with_capacity_and_hasher(names_room / 2, Default::default());
        let mut every_full_name = Vec::with_capacity(names_room);
        let n = doc.tokens.len();
        // Whether the paragraph of the last capitalised word was page furniture: asked again for
        // every such word in it otherwise.
        let mut furniture: Option<(usize, bool)> = None;
        let mut t = 0;
        while t < n {
            // A word that is neither capitalised nor a name word starts no title and no name:
            // most words, answered from the token's classes (read first: the token is at hand,
            // its quote region is not).
            let tok = doc.tokens[t];
            if !tok.classes.has(Classes::CAP.union(Classes::NAME_WORD)) || !tok.is_word() || !doc.is_narrative(t) {
                t += 1;
                continue;
            }
            let para = doc.paragraph_of(t);
            let para_end = doc.paragraphs[para].last;
            // (A "READ MORE:" headline names no one in this story.)
            let is_furniture = match furniture {
                Some((p, f)) if p == para => f,
                _ => crate::quotes::is_furniture(doc, para),
            };
            furniture = Some((para, is_furniture));
            if is_furniture {
                t = para_end.max(t + 1);
                continue;
            }
            let title_end = title_at(doc, t, para_end);
            let ns = title_end.unwrap_or(t);
            let mut k = ns;
            while k < para_end && doc.is_narrative(k) && doc.tokens[k].is_word() {
                let w = doc.word(k);
                if doc.is_name_word(k) || (k > ns && k + 1 < para_end && is_lower_in(PARTICLES, w) && doc.is_name_word(k + 1)) {
                    k += 1;
                } else {
                    break;
                }
            }
            // A title or role word inside the run starts the name after it ("Liberal MP Marco
            // Mendes", "Harlow County District Attorney Mina Castellane").
            // (The token's classes say whether it is a role or a one-word title.)
            let (ns, title_end) = match (ns..k.saturating_sub(1)).rev().find(|&j| {
                doc.has_class(j, Classes::ROLE) || doc.has_class(j, Classes::TITLE) && !crate::quotes::np::title_is_given_name(doc, j, k)
            }) {
                Some(j) => (j + 1, Some(j + 1)),
                None => (ns, title_end),
            };
            let words = k - ns;
            if words == 1 && title_end.is_none() {
                // A lone surname ("Jones recorded his first goal"): kept when it reads as a
                // subject, and later only if a fuller name in the article has that surname.
                let w = doc.word(ns);
                let next = (k < para_end).then(|| doc.word(k));
                let verb_next = next.is_some_and(|n| {
                    doc.tokens[k].is_word()
                        && n.starts_with(|c: char| c.is_lowercase())
                        && !is_lower_in(words!["and", "or", "of", "in", "at", "to", "for"], n)
                });
                let after_word = ns > 0
                    && doc.tokens[ns - 1].is_word()
                    && doc.word(ns - 1).starts_with(|c: char| c.is_lowercase())
                    && !is_lower_in(
                        words!["when", "as", "after", "before", "while", "but", "and", "because", "since", "until"],
                        doc.word(ns - 1),
                    );
                // ("Canadian economy": a nationality adjective before its noun is no surname.)
                let adjective = ["ian", "ese", "ish", "an"].iter().any(|e| w.len() > 4 && w.ends_with(e))
                    && next.is_some_and(|n| {
                        let n = lower(n);
                        !(n.ends_with("ed")
                            || n.ends_with('s')
                            || lex.verb(&n).is_some()
                            || is_lower_in(words!["is", "was", "has", "had", "will", "would", "did", "does", "can", "could"], &n))
                    });
                // (Neither an organisation nor a word listed as no name.)
                let may_be_person = || !is_organisation(w, false) && !lex.not_names.contains(lower(w).as_ref());
                // "Piotr, 13, is more succinct.": a lone name with an age in commas is a person a
                // later pronoun can refer to (its given name's gender, if the list knows it).
                let aged = k + 2 < para_end
                    && doc.word_is(k, ",")
                    && matches!(doc.tokens[k + 1].kind, TokenKind::Number)
                    && doc.word_is(k + 2, ",");
                // ("Her husband, Marcus, nodded.": a lone name in commas after a role noun too.)
                let after_role = ns >= 2
                    && k < para_end
                    && doc.word_is(k, ",")
                    && doc.word_is(ns - 1, ",")
                    && doc.has_class(ns - 2, Classes::ROLE)
                    && doc.word(ns - 2).starts_with(|c: char| c.is_lowercase());
                if (aged || after_role) && may_be_person() {
                    // (A kinship noun says the gender the list may not: "her husband, Edmund,".)
                    let role_gender = if after_role { kin_gender(doc.word(ns - 2)) } else { Gender::Unknown };
                    let gender = if role_gender == Gender::Unknown { lex.first_name_gender(w) } else { role_gender };
                    occurrences.push((doc.tokens[ns].span(), gender));
                }
                if verb_next && !after_word && !adjective && !w.ends_with("'s") && !w.ends_with("’s") {
                    // (After a comma it is capitalised as a name, not as a sentence opener:
                    // "When asked which was harder, Kowalczyk did not hesitate.")
                    let mid_sentence = ns > 0 && doc.word_is(ns - 1, ",") && may_be_person();
                    singles.push((doc.tokens[ns].span(), mid_sentence));
                }
            }
            if words >= 2 || (words == 1 && title_end.is_some()) {
                let span = doc.token_span(ns, k);
                if words >= 2 {
                    // (Without a possessive: "Donald Duckworth's" names Donald Duckworth.)
                    let name = span.slice(doc.text);
                    let bare = name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")).unwrap_or(name);
                    every_full_name.push(Span::new(span.start, span.start + bare.len()));
                    full_names.entry(surname_key_of_tokens(doc, ns, k)).or_insert(Span::new(span.start, span.start + bare.len()));
                }
                // The name's gender, from its title or its first name: looked up only for a name
                // kept below (about half of them).
                let gender = || {
                    let g = title_end
                        .map(|te| lex.titles.get(lower(doc.token_span(t, te).slice(doc.text)).as_ref()).copied().unwrap_or(Gender::Unknown))
                        .unwrap_or(Gender::Unknown);
                    if g == Gender::Unknown && words >= 2 { lex.first_name_gender(doc.word(ns)) } else { g }
                };
                // Places and objects follow prepositions ("in Edmonton", "the death of X"); a possessive
                // name ("Nova Scotia's") qualifies something else. Neither introduces a speaker.
                const PREPS: &Words = &Words::new(&[
                    "in", "at", "from", "to", "of", "for", "near", "across", "into", "on", "by", "with", "against", "over", "toward",
                    "towards", "around", "through", "the", "a", "an",
                ]);
                let after_preposition = t > 0 && word_is_lower_in(PREPS, doc, t - 1);
                let possessive = span.slice(doc.text).ends_with("'s") || span.slice(doc.text).ends_with("’s");
                // A person is introduced as a subject: followed by a comma (appositive) or a verb.
                let next = (k < para_end).then(|| doc.word(k));
                // (Or opens its sentence with a short modifier: "Marta Quell with the tenants union turned out".)
                let opens_sentence = doc.sentences[doc.sentence_of[t] as usize].first == t
                    && next.is_some_and(|w| is_lower_in(words!["with", "of", "from", "at"], w));
                let subject_like = title_end.is_some()
                    || opens_sentence
                    || next.is_some_and(|w| {
                        w == ","
                            || doc.tokens[k].is_word()
                                && w.starts_with(|c: char| c.is_lowercase())
                                && !is_lower_in(PREPS, w)
                                && !is_lower_in(words!["and", "or"], w)
                    });
                if subject_like && !after_preposition && !possessive && (title_end.is_some() || !is_organisation_of_tokens(doc, ns, k)) {
                    occurrences.push((span, gender()));
                }
                t = k.max(t + 1);
            } else {
                t = k.max(t + 1);
            }
        }
        // Lone surnames of people named in full somewhere in the article.
        let lone: Vec<(Span, Gender)> = singles
            .into_iter()
            .filter(|&(s, mid_sentence)| mid_sentence || full_names.contains_key(&surname_key(s.slice(doc.text))))
            .map(|(s, _)| (s, Gender::Unknown))
            .collect();
        if !lone.is_empty() {
            occurrences.extend(lone);
            occurrences.sort_by_key(|(s, _)| s.start);
        }
        let mut fullest = FxHashMap::with_capacity_and_hasher(names_room / 2, Default::default());
        for &(s, _) in &occurrences {
            let words = |s: Span| word_count(s.slice(doc.text));
            match fullest.entry(surname_key(s.slice(doc.text))) {
                Entry::Occupied(mut best) => {
                    if words(s) > words(*best.get()) {
                        best.insert(s);
                    }
                }
                Entry::Vacant(new) => {
                    new.insert(s);
                }
            }
        }
        // A lone surname's fullest form is the first full name with it.
        for (key, best) in fullest.iter_mut() {
            if word_count(best.slice(doc.text)) < 2 {
                if let Some(&full) = full_names.get(key) {
                    *best = full;
                }
            }
        }
        NameIndex { occurrences, fullest, full_names: every_full_name }
    }

    pub fn key_of(&self, span: Span, text: &str) -> Key {
        surname_key(span.slice(text))
    }

    /// The fullest name in the article with this surname key.
    pub fn fullest(&self, key: &Key, text: &str) -> Option<String> {
        self.fullest.get(key).map(|s| s.slice(text).to_string())
    }

    /// [`NameIndex::fullest`] for a lone surname whose title gives a gender (`Mr. Adler`): when
    /// the fullest name's given name is of the other gender, the first full name with this
    /// surname and a compatible given name (`Paul Adler`, not `Ruth Adler`), or none.
    pub fn fullest_of_gender(&self, key: &Key, gender: Gender, text: &str) -> Option<String> {
        let fullest = self.fullest.get(key)?;
        let compatible = |span: &Span| {
            let g = given_name(span.slice(text)).map_or(Gender::Unknown, |f| lexicon().first_name_gender(f));
            gender == Gender::Unknown || g == Gender::Unknown || g == gender
        };
        if compatible(fullest) {
            return Some(fullest.slice(text).to_string());
        }
        self.full_names
            .iter()
            .find(|span| given_name(span.slice(text)).is_some() && surname_key(span.slice(text)) == *key && compatible(span))
            .map(|span| span.slice(text).to_string())
    }

    /// The latest person-like name before byte `at` (within a few paragraphs), compatible with `gender`.
    pub fn latest_before(&self, at: usize, gender: Gender, text: &str) -> Option<Span> {
        let _ = text;
        let i = self.occurrences.partition_point(|(s, _)| s.end <= at);
        self.occurrences[..i]
            .iter()
            .rev()
            .take_while(|(s, _)| at - s.end < 1200)
            .find(|(_, g)| gender == Gender::Unknown || *g == Gender::Unknown || *g == gender)
            .map(|(s, _)| *s)
    }
}

/// `s.split_whitespace().count()`. ASCII text (nearly every name) is counted eight bytes at a
/// time: the general way decodes each character and asks the Unicode white-space table, about
/// ten times the work, and a byte at a time was still about 180 instructions a name (the
/// sources stage counts the words of every occurrence and of many mentions' names).
pub fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut count = 0;
    // The high bit of the lowest byte set when the byte before the chunk is white space (the
    // start of the text counts as such).
    let mut white_before = 0x80;
    for chunk in s.as_bytes().chunks(8) {
        let n = chunk.len();
        let (x, own_bytes) = match <[u8; 8]>::try_from(chunk) {
            Ok(eight) => (u64::from_le_bytes(eight), HIGH_BITS),
            // (The padding bytes above the last few are zero: no white space, so masked off.)
            Err(_) => (pack_le(chunk), HIGH_BITS >> (8 * (8 - n))),
        };
        let white = ascii_white_space_bytes(x);
        // A word starts at a byte that is not white space after one that is (little-endian: the
        // byte before is the next lower one).
        let starts = !white & (white << 8 | white_before) & own_bytes;
        // (Each start's bit moved to the bottom of its byte, then all eight bytes summed into the
        // top byte by one multiplication.)
        count += ((starts >> 7).wrapping_mul(ONES) >> 56) as usize;
        white_before = white >> 56 & 0x80;
    }
    count
}

/// The high bit of each byte of `x` (eight ASCII bytes) set when that byte is white space as
/// `char::is_whitespace` says: tab to carriage return or the space.
fn ascii_white_space_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // (Each byte is below 0x80, so adding at most 0x7F to it carries into no other byte: a sum's
    // high bit says whether the byte is at least some value, or, after an XOR, not equal to one.)
    let space = !((x ^ (ONES * b' ' as u64)) + ONES * 0x7F);
    let tab_to_return = (x + ONES * (0x80 - b'\t' as u64)) & !(x + ONES * (0x80 - b'\r' as u64 - 1));
    (space | tab_to_return) & HIGH_BITS
}

/// `char::is_whitespace` for an ASCII byte: tab to carriage return (vertical tab and form feed
/// included, unlike `u8::is_ascii_whitespace`) and the space.
fn is_ascii_white_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The gender a kinship noun states (`husband`, `daughter`; `kinship.txt`), else unknown.
fn kin_gender(noun: &str) -> Gender {
    lexicon().kinship.get(lower(noun).as_ref()).copied().unwrap_or(Gender::Unknown)
}

/// The clustering key of a name: its last word, lower case, without `al-` or a possessive.
pub fn surname_key(name: &str) -> Key {
    with_surname_key(name, Key::new)
}

/// [`surname_key`] of the name that tokens `first..end` make (two or more): the key of its last
/// token when that is a word of ASCII letters and digits after white space (most full names),
/// without looking for the last word in the name's bytes.
fn surname_key_of_tokens(doc: &Document, first: usize, end: usize) -> Key {
    let last = doc.tokens[end - 1].span();
    // (No token holds white space, so after white space the last token is the name's last word,
    // as `split_whitespace` cuts it, and a word of letters and digits has nothing to trim.)
    let after_white_space = end - 1 > first && is_ascii_white_space(doc.text.as_bytes()[last.start - 1]);
    if let Some(key) = after_white_space.then(|| alphanumeric_key(last.slice(doc.text))).flatten() {
        return key;
    }
    surname_key(doc.token_span(first, end).slice(doc.text))
}

/// [`surname_key`] of a word token, packed as [`Key::Short`] packs it, when the word is 1 to 15
/// ASCII letters and digits (its own key in lower case) or the possessive of such a word
/// (`Ruiz's`, `Ruiz’s`: the word's key, as [`with_surname_key`]'s third case finds); else
/// `None`, and the caller asks [`surname_key`]. Nearly every capitalised word is one of these:
/// `add_name_mentions` asks it of each, and tests the key against [`SurnameKeyMask`] and its
/// map without a `Key` built, moved and dropped through calls (about 350 instructions a word
/// for the mask's test and `surname_key` together).
#[inline]
pub fn short_word_surname_key(word: &str) -> Option<u128> {
    short_possessive_key(word.as_bytes())
}

/// [`short_word_surname_key`] of a word's bytes.
#[inline]
fn short_possessive_key(b: &[u8]) -> Option<u128> {
    let stem = match b {
        [stem @ .., b'\'', b's'] | [stem @ .., 0xE2, 0x80, 0x99, b's'] => stem,
        _ => b,
    };
    // (A word of letters and digits ends with neither possessive, so the stem is the word.)
    if stem.is_empty() || stem.len() >= 16 {
        return None;
    }
    short_alphanumeric_key(stem)
}

/// [`Key::new`] of the lower case of `word` when it is all ASCII letters and digits (such a
/// word is its own surname key), else `None`.
fn alphanumeric_key(word: &str) -> Option<Key> {
    let b = word.as_bytes();
    if b.len() < 16 {
        return short_alphanumeric_key(b).map(Key::Short);
    }
    b.iter().all(u8::is_ascii_alphanumeric).then(|| Key::new(&lower(word)))
}

/// [`Key::Short`]'s packing of the lower case of `b` (at most 15 bytes), when they are all ASCII
/// letters and digits: tested and lower-cased eight bytes at a time, as two integers, instead of
/// a byte at a time (`surname_key` is asked of every capitalised word, several times).
#[inline]
fn short_alphanumeric_key(b: &[u8]) -> Option<u128> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let n = b.len();
    debug_assert!(n < 16);
    let (lo, hi) = if n <= 8 { (pack_le(b), 0) } else { (pack_le(&b[..8]), pack_le(&b[8..])) };
    // The high bits of the first `k` bytes (the padding bytes are zero: no letter or digit).
    let first = |k: usize| if k >= 8 { HIGH_BITS } else { HIGH_BITS & ((1u64 << (8 * k)) - 1) };
    let (lo_alnum, hi_alnum) = (ascii_alnum_bytes(lo), ascii_alnum_bytes(hi));
    if lo_alnum != first(n) || hi_alnum != first(n.saturating_sub(8)) {
        return None;
    }
    // (Setting the case bit, 0x20, lower-cases a capital and leaves a small letter or a digit as
    // it is; a letter's or digit's high bit shifted down by two is that bit.)
    let (lo, hi) = (lo | lo_alnum >> 2, hi | hi_alnum >> 2);
    Some(lo as u128 | (hi as u128) << 64 | (n as u128) << 120)
}

/// A clustering key (a name's [`surname_key`], a description's head noun) as the sources
/// stage keeps and looks it up: packed with its length into a `u128` when it has 15 bytes or
/// fewer (nearly every key), so that a new key or a copy of one is no `String` (an allocation
/// each, for every surname in `NameIndex::build`, every source and every look-up).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// The key's bytes from the lowest byte on, its length in the highest.
    Short(u128),
    Long(Box<str>),
}

impl Key {
    /// The empty key (a source that clusters by none).
    pub const EMPTY: Key = Key::Short(0);

    pub fn new(key: &str) -> Key {
        let b = key.as_bytes();
        if b.len() < 16 {
            let mut packed = [0u8; 16];
            packed[..b.len()].copy_from_slice(b);
            packed[15] = b.len() as u8;
            Key::Short(u128::from_le_bytes(packed))
        } else {
            Key::Long(key.into())
        }
    }

    /// The key of `a` followed by `b` (a stem and its plural ending), without a `String` for
    /// the two together when they are short.
    pub fn joined(a: &str, b: &str) -> Key {
        let len = a.len() + b.len();
        if len < 16 {
            let mut packed = [0u8; 16];
            packed[..a.len()].copy_from_slice(a.as_bytes());
            packed[a.len()..len].copy_from_slice(b.as_bytes());
            packed[15] = len as u8;
            Key::Short(u128::from_le_bytes(packed))
        } else {
            Key::Long(format!("{a}{b}").into())
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Key::EMPTY
    }

    /// The key's length, first byte and last byte (for [`SurnameKeyMask`]), if it has any.
    fn length_and_ends(&self) -> Option<(usize, u8, u8)> {
        match self {
            Key::Short(packed) => {
                let b = packed.to_le_bytes();
                let len = b[15] as usize;
                (len > 0).then(|| (len, b[0], b[len - 1]))
            }
            Key::Long(key) => Some((key.len(), key.as_bytes()[0], key.as_bytes()[key.len() - 1])),
        }
    }
}

/// Calls `f` with [`surname_key`] of `name`, without allocating it for short ASCII names.
fn with_surname_key(name: &str, f: impl FnOnce(&str) -> Key) -> Key {
    // One word of ASCII letters and digits (most calls: `add_name_mentions` asks it of every
    // capitalised word): it is its own last word, with nothing to trim, no `'s` and no `al-` or
    // `d'` prefix (those need an apostrophe or a hyphen), so its key is just its lower case.
    if let Some(key) = alphanumeric_key(name) {
        return key;
    }
    // (An ASCII name, most of the rest, by its bytes: no characters decoded.)
    let last = if name.is_ascii() {
        trim_ascii_non_alphanumeric(last_ascii_word(name))
    } else {
        name.split_whitespace().last().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric())
    };
    // (So is a last word of ASCII letters and digits: `Ruiz` of `Ana Ruiz`, most full names.)
    if let Some(key) = alphanumeric_key(last) {
        return key;
    }
    // (And the possessive of such a word, `Ruiz's`: the steps below drop the `'s` and find no
    // prefix, which needs an apostrophe or a hyphen, so its key is the word's.)
    if let Some(key) = possessive_stem(last).and_then(alphanumeric_key) {
        return key;
    }
    let lower = lower(last);
    let mut w: &str = &lower;
    for suffix in ["'s", "’s"] {
        if let Some(x) = w.strip_suffix(suffix) {
            w = x;
        }
    }
    for prefix in ["al-", "el-", "al’", "d'", "d’"] {
        if let Some(x) = w.strip_prefix(prefix) {
            w = x;
        }
    }
    f(w)
}

/// The word before a final `'s` or `’s` of `word`, when there is one.
fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).filter(|stem| !stem.is_empty())
}

/// `name.split_whitespace().last().unwrap_or("")` for an ASCII `name`.
fn last_ascii_word(name: &str) -> &str {
    let bytes = name.as_bytes();
    let end = bytes.iter().rposition(|&b| !is_ascii_white_space(b)).map_or(0, |i| i + 1);
    let start = bytes[..end].iter().rposition(|&b| is_ascii_white_space(b)).map_or(0, |i| i + 1);
    &name[start..end]
}

/// `word.trim_matches(|c: char| !c.is_alphanumeric())` for an ASCII `word`.
fn trim_ascii_non_alphanumeric(word: &str) -> &str {
    let bytes = word.as_bytes();
    match bytes.iter().position(u8::is_ascii_alphanumeric) {
        Some(start) => {
            let end = bytes.iter().rposition(u8::is_ascii_alphanumeric).map_or(start, |i| i + 1);
            &word[start..end]
        }
        None => "",
    }
}

/// A quick necessary test for "is the surname key of this word one of a few keys": a 256-bit
/// mask of the keys' (length, first byte, last byte). A word of ASCII letters and digits is its
/// own key in lower case ([`with_surname_key`]'s first case), and the possessive of one has the
/// key of the word (`Ruiz's`, its possessive case), so when its triple's bit is clear its key is
/// none of them, and the key need not be built and hashed. Other words always pass.
pub struct SurnameKeyMask([u64; 4]);

impl SurnameKeyMask {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a Key>) -> SurnameKeyMask {
        let mut mask = [0u64; 4];
        for (len, first, last) in keys.into_iter().filter_map(Key::length_and_ends) {
            let bit = SurnameKeyMask::bit(len, first, last);
            mask[bit / 64] |= 1 << (bit % 64);
        }
        SurnameKeyMask(mask)
    }

    /// The bit of a lower-case key's length, first byte and last byte.
    fn bit(len: usize, first: u8, last: u8) -> usize {
        (len * 37 + first as usize * 11 + last as usize) % 256
    }

    /// [`SurnameKeyMask::may_hold_key_of`] for a word whose key is `packed`
    /// ([`short_word_surname_key`]): its bit, from the key's length, first and last bytes.
    #[inline]
    pub fn may_hold_short_key(&self, packed: u128) -> bool {
        let b = packed.to_le_bytes();
        let len = b[15] as usize;
        debug_assert!((1..16).contains(&len));
        let bit = SurnameKeyMask::bit(len, b[0], b[len - 1]);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// False only when the surname key of `word` is surely none of the keys.
    pub fn may_hold_key_of(&self, word: &str) -> bool {
        let b = possessive_stem(word).unwrap_or(word).as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return true };
        if !b.iter().all(|c| c.is_ascii_alphanumeric()) {
            return true;
        }
        let bit = SurnameKeyMask::bit(b.len(), first.to_ascii_lowercase(), last.to_ascii_lowercase());
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// True for a particle that may open a surname (`de` of `De Blasio`, `van`, `al`).
pub fn is_particle(w: &str) -> bool {
    is_lower_in(PARTICLES, w)
}

/// The given name of a name: the first word of a multi-word name, as written.
/// (Most callers only ask whether there is one, or compare two in lower case with
/// [`same_given_name`]: no `String` per question, as a lower-cased copy was.)
pub fn given_name(name: &str) -> Option<&str> {
    let first = first_of_two_words(name)?;
    // (A particle opens a surname, not a given name: "De Blasio" after "Bill de Blasio".)
    if is_particle(first) {
        return None;
    }
    Some(first)
}

/// The first word of `name` as `split_whitespace` cuts it, when there is a second word. A name
/// is read a byte at a time while it is ASCII (white space is then `\t`..`\r` and the space, as
/// for `char::is_whitespace`), and by `split_whitespace` from its first byte beyond ASCII on:
/// `split_whitespace` decoded every character of the name (about 290 instructions a call,
/// 6,000 calls on the sample, most of them for the same sources' names).
fn first_of_two_words(name: &str) -> Option<&str> {
    let b = name.as_bytes();
    let is_space = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let start = i;
    while i < b.len() && !is_space(b[i]) {
        if !b[i].is_ascii() {
            return first_of_two_words_decoded(name);
        }
        i += 1;
    }
    let end = i;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    match b.get(i) {
        // No second word (and no first when the name is empty or white space).
        None => None,
        // A character beyond ASCII may be white space (a no-break space).
        Some(c) if !c.is_ascii() => first_of_two_words_decoded(name),
        // `start < end`: a byte that is not white space stands after white space that the
        // first loop did not reach the end of, so the word loop read at least one byte.
        Some(_) => Some(&name[start..end]),
    }
}

/// [`first_of_two_words`] by `split_whitespace`, for names with a character beyond ASCII.
#[cold]
fn first_of_two_words_decoded(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    Some(first)
}

/// True when two given names are the same in lower case (`lower` is `to_lowercase`, borrowed
/// or on the stack for most words).
pub fn same_given_name(a: &str, b: &str) -> bool {
    *lower(a) == *lower(b)
}

/// True when two forms of a name may be one person's: one of them has no given name, or both
/// have the same (`Kayla Brooks` and `Marcus Brooks` are two people; `Brooks` may be either).
pub fn given_names_agree(a: &str, b: &str) -> bool {
    given_name(a).is_none_or(|g| given_name(b).is_none_or(|f| same_given_name(f, g)))
}

/// [`is_organisation`] of the name that tokens `first..end` make (without a title), from the
/// tokens' classes when each word of the name is one token of ASCII letters and digits with a
/// small letter in it, the tokens apart by white space only (most names): no word is then an
/// acronym, and nothing is trimmed from a word, so a word is an organisation word by its
/// lexicon classes, which the tokenizer has already looked up. Other names are asked of
/// `is_organisation` by their text. (`NameIndex::build` asks it of most names it finds.)
fn is_organisation_of_tokens(doc: &Document, first: usize, end: usize) -> bool {
    let bytes = doc.text.as_bytes();
    let mut organisation_word = false;
    for j in first..end {
        let span = doc.tokens[j].span();
        let w = &bytes[span.start..span.end];
        let spaced = j == first || {
            let gap = &bytes[doc.tokens[j - 1].span().end..span.start];
            !gap.is_empty() && gap.iter().all(|&b| is_ascii_white_space(b))
        };
        if !spaced || !w.iter().all(u8::is_ascii_alphanumeric) || !w.iter().any(u8::is_ascii_lowercase) {
            return is_organisation(doc.token_span(first, end).slice(doc.text), false);
        }
        // (As `is_organisation_word`: a suffix, or a capitalised head of more than three letters.)
        let c = doc.tokens[j].classes;
        organisation_word |= c.has(Classes::ORG_SUFFIX) || (c.has(Classes::ORG_HEAD) && w[0].is_ascii_uppercase() && w.len() > 3);
    }
    organisation_word
}

/// True when a capitalised name is an organisation (`Delmar Construction Ltd.`, `Health Canada`'s ministry...).
pub fn is_organisation(name: &str, has_title: bool) -> bool {
    if has_title {
        return false;
    }
    let lex = lexicon();
    // An acronym in a name ("NV Power", "Harlow RCMP", "CNBC") marks an organisation.
    let acronym = |w: &str| {
        // (A small ASCII letter is a letter that is not a capital: no acronym. Most words of a
        // name have one, and are answered without counting their letters twice.)
        if w.bytes().any(|b| b.is_ascii_lowercase()) {
            return false;
        }
        let letters = || w.chars().filter(|c| c.is_alphabetic());
        let count = letters().count();
        // (Only short ones need spelling out for the exceptions.)
        count >= 2
            && letters().all(char::is_uppercase)
            && (count > 3 || !matches!(letters().collect::<String>().as_str(), "II" | "III" | "IV" | "JR" | "SR"))
    };
    // (Not when a title stands inside the name: "Local GP Dr Anjali Rao" is a person. Looked up
    // only for a name holding an acronym: most hold none.)
    let titled = || name.split_whitespace().any(|w| lex.titles.contains_key(lower(w).as_ref()));
    if name.split_whitespace().any(acronym) && !titled() {
        return true;
    }
    name.split_whitespace().any(is_organisation_word)
}

/// True when the word `w` of a name is an organisation suffix (`Ltd.`), or a capitalised
/// organisation head of more than three letters (`Ministry`).
// (The word's classes say whether it is either: one look-up of the word as it is, from the short
// words' table for most, instead of lower-casing it and asking the two sets; the lower-cased
// length is worked out only for a head.)
fn is_organisation_word(w: &str) -> bool {
    let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let c = lexicon().lexicon_classes(trimmed);
    c.has(Classes::ORG_SUFFIX) || (c.has(Classes::ORG_HEAD) && w.starts_with(|c: char| c.is_uppercase()) && lower(trimmed).len() > 3)
}

/// The organisation named in a role phrase (`the Iraqi Army spokesman` → `Iraqi Army`).
pub fn affiliation(role: &str) -> Option<String> {
    fn clean(w: &str) -> &str {
        w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')'))
    }
    // The longest run of capitalised words and joiners so far and the current one, as (first
    // word's index, number of words): the words are joined only for the one kept, with no
    // vector of them or of each run (most roles are asked on every mention of a person).
    let (mut best, mut run) = ((0, 0), (0, 0));
    let mut words = role.split_whitespace().enumerate().peekable();
    while let Some((i, w)) = words.next() {
        let clean = clean(w);
        let cap = clean.starts_with(|c: char| c.is_uppercase());
        let joiner = run.1 > 0
            && matches!(clean, "of" | "for" | "and" | "the" | "&")
            && words.peek().is_some_and(|(_, n)| n.starts_with(|c: char| c.is_uppercase()));
        // (A capitalised determiner opening the role is no organisation: `Its chief executive`.)
        let determiner = i == 0 && matches!(clean, "The" | "A" | "An" | "Its" | "His" | "Her" | "Their" | "Our" | "My" | "This" | "That");
        if (cap && !determiner) || joiner {
            if run.1 == 0 {
                run.0 = i;
            }
            run.1 += 1;
        } else {
            if run.1 > best.1 {
                best = run;
            }
            run = (0, 0);
        }
    }
    if run.1 > best.1 {
        best = run;
    }
    let (first, len) = best;
    (len > 0).then(|| {
        let mut joined = String::with_capacity(role.len());
        for (k, w) in role.split_whitespace().skip(first).take(len).enumerate() {
            if k > 0 {
                joined.push(' ');
            }
            joined.push_str(clean(w));
        }
        joined
    })
}

#[cfg(test)]
mod tests {
    /// `alphanumeric_key` is `Key::new` of the lower case of a word of ASCII letters and digits,
    /// and `None` for any other word, at every length around the packed key's 15 bytes and with
    /// every byte in every position.
    #[test]
    fn alphanumeric_key_is_the_lower_case_key_of_alphanumeric_words() {
        let mut cases: Vec<String> = Vec::new();
        for n in 0..=18 {
            let base: String = "aB3zZ9qMnOpXy0Kw7Lc".chars().take(n).collect();
            cases.push(base.clone());
            for at in 0..n {
                for c in (0u8..=127).map(char::from).chain(['é', '’']) {
                    let mut w: Vec<char> = base.chars().collect();
                    w[at] = c;
                    cases.push(w.into_iter().collect());
                }
            }
        }
        for w in &cases {
            let expected = w.bytes().all(|b| b.is_ascii_alphanumeric()).then(|| Key::new(&w.to_ascii_lowercase()));
            assert_eq!(alphanumeric_key(w), expected, "{w:?}");
        }
    }

    #[test]
    fn ascii_last_word_and_trim_agree_with_the_char_versions() {
        let mut cases: Vec<String> = (0u8..128).map(|b| format!("{c}Ann{c} {c}Lee's{c}{c}", c = b as char)).collect();
        cases.extend(["", " ", "  ", "Ann  Lee  ", "--", "a", " 'x' "].map(String::from));
        for s in &cases {
            let last = s.split_whitespace().last().unwrap_or("");
            assert_eq!(last_ascii_word(s), last, "{s:?}");
            assert_eq!(trim_ascii_non_alphanumeric(last), last.trim_matches(|c: char| !c.is_alphanumeric()), "{s:?}");
            assert_eq!(trim_ascii_non_alphanumeric(s), s.trim_matches(|c: char| !c.is_alphanumeric()), "{s:?}");
        }
    }

    /// `is_organisation_of_tokens` answers as `is_organisation` of the tokens' text, for every run
    /// of up to five word tokens of a text of names, organisations, acronyms and joined words.
    #[test]
    fn is_organisation_of_tokens_is_is_organisation() {
        let text = "Delmar Construction Ltd. and Health Canada said Ana Ruiz of Harlow County Council, NV Power, \
                    the Ministry of Health, John Smith III, U.S. Steel, Acme Corp, Jean-Luc Picard, Bank  of\tMontreal \
                    Rita O'Neil, Ford Motor Company, CNBC, Local GP Dr Anjali Rao, Ontario Hydro Inc and 3M Canada.";
        let doc = Document::new(text);
        let n = doc.tokens.len();
        let (mut runs, mut organisations) = (0, 0);
        for first in 0..n {
            for end in first + 1..(first + 6).min(n + 1) {
                if !(first..end).all(|j| doc.tokens[j].is_word()) {
                    break;
                }
                let name = doc.token_span(first, end).slice(text);
                let organisation = is_organisation(name, false);
                assert_eq!(is_organisation_of_tokens(&doc, first, end), organisation, "{name:?}");
                runs += 1;
                organisations += organisation as usize;
            }
        }
        assert!(runs > 100 && organisations > 20 && organisations < runs - 20, "{runs} {organisations}");
    }

    #[test]
    fn word_count_is_split_whitespace_count() {
        let mut cases: Vec<String> = (0u8..128).map(|b| format!("Ann{}Lee {}x", b as char, b as char)).collect();
        cases.extend(["", " ", "  Ann  Lee ", "Ann\u{a0}Lee", "Ann\u{2009}Lee", "Zoë Ng", "\u{1c}Ann\u{1f}"].map(String::from));
        // (Every length to three chunks, with white space and words at every position, across
        // the chunks' boundaries.)
        for len in 0..25 {
            for at in 0..len {
                for c in ['\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{8}', '\u{e}', '\u{1f}', '!', 'a'] {
                    let mut w: Vec<char> = "Jean Paul  de la Tour X Yz".chars().take(len).collect();
                    w[at] = c;
                    cases.push(w.iter().collect());
                    cases.push(w.iter().map(|&d| if d == ' ' { c } else { d }).collect());
                }
            }
        }
        for s in &cases {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    use super::*;

    /// The classes' organisation bits answer as the lexicon's two sets did: every entry, in
    /// three cases and with punctuation around it, and words that are in neither.
    #[test]
    fn is_organisation_word_agrees_with_the_sets() {
        let lex = lexicon();
        let reference = |w: &str| {
            let lw = lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'));
            lex.org_suffixes.contains(lw.as_ref())
                || (w.starts_with(|c: char| c.is_uppercase()) && lex.org_heads.contains(lw.as_ref()) && lw.len() > 3)
        };
        let mut words: Vec<String> = Vec::new();
        for e in lex.org_suffixes.iter().chain(&lex.org_heads) {
            let mut cap = e.clone();
            if let Some(first) = cap.chars().next() {
                cap.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
            }
            words.extend([e.clone(), cap.clone(), e.to_uppercase(), format!("({cap}),"), format!("{cap}'s")]);
        }
        words.extend(["Smith", "Ottawa", "Ruiz,", "Inc", "İnc.", "Éco", "", "."].map(String::from));
        assert!(words.len() > 50);
        for w in &words {
            assert_eq!(is_organisation_word(w), reference(w), "{w:?}");
        }
    }

    /// The short cuts of `surname_key` (one ASCII word, an ASCII last word, packed straight into
    /// a key) give the key of the general way: last word, trimmed, lower case, no `'s` or `al-`.
    /// `first_of_two_words` cuts as `split_whitespace` does: every character alone, before,
    /// between and after words, and names of one, two and three words.
    #[test]
    fn first_of_two_words_agrees_with_split_whitespace() {
        fn reference(s: &str) -> Option<&str> {
            let mut words = s.split_whitespace();
            let first = words.next()?;
            words.next().map(|_| first)
        }
        let mut texts: Vec<String> = Vec::new();
        for c in (0..0x3100).chain((0x3100..=0x10FFFF).step_by(97)).filter_map(char::from_u32) {
            for t in [
                format!("{c}"),
                format!("{c}Ana"),
                format!("Ana{c}"),
                format!("Ana{c}Ruiz"),
                format!("{c}Ana Ruiz"),
                format!("Ana {c}"),
                format!("Ana {c} Ruiz"),
                format!("Ana{c} Ruiz"),
                format!(" {c} "),
            ] {
                texts.push(t);
            }
        }
        texts.extend(
            [
                "",
                " ",
                "\t\n",
                "Ana",
                " Ana ",
                "Ana Ruiz",
                "  Ana \t Ruiz  ",
                "Bill de Blasio",
                "José Ruiz",
                "Ana\u{a0}Ruiz",
                "Ana \u{a0}",
                "Ana\x0bRuiz",
                "Ana\x1cRuiz",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(super::first_of_two_words(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn surname_key_agrees_with_the_general_way() {
        let reference = |name: &str| {
            let last = name.split_whitespace().last().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric());
            let lower = last.to_lowercase();
            let mut w: &str = &lower;
            for suffix in ["'s", "’s"] {
                w = w.strip_suffix(suffix).unwrap_or(w);
            }
            for prefix in ["al-", "el-", "al’", "d'", "d’"] {
                w = w.strip_prefix(prefix).unwrap_or(w);
            }
            Key::new(w)
        };
        let names = [
            "",
            "Ruiz",
            "RUIZ",
            "Ana Ruiz",
            "Ana Ruiz,",
            "Donald Duckworth's",
            "Omar al-Bashir",
            "Jean d’Arcy",
            "Zoë Ng",
            "Ng Zoë",
            "Wolfeschlegelsteinhausen",
            "Hubert Wolfeschlegelsteinhausen",
            "Ana ÉCO",
            "Mr. O'Brien",
            "Trump’s",
            "Trump's",
            "Ana Ruiz's.",
            "Wolfeschlegelsteinhausen's",
            "'s",
            "’s",
            "s's",
            "Al-Amin's",
            "d'Arcy's",
            "X2",
            "  ",
        ];
        for name in names {
            assert_eq!(surname_key(name), reference(name), "{name:?}");
        }
    }

    /// The mask never turns away a word whose key is one of the keys, and turns away most others.
    #[test]
    fn surname_key_mask_passes_every_word_with_one_of_the_keys() {
        let names = ["Ana Ruiz", "Donald Duckworth's", "Omar al-Bashir", "Kowalczyk", "Jean d’Arcy", "Ng"];
        let keys: Vec<Key> = names.iter().map(|n| surname_key(n)).collect();
        let mask = SurnameKeyMask::new(&keys);
        for word in
            ["Ruiz", "RUIZ", "ruiz", "Duckworth", "Bashir", "Kowalczyk", "Ng", "NG", "Arcy", "al-Bashir", "d’Arcy", "Ruiz's", "Ng’s"]
        {
            assert!(keys.contains(&surname_key(word)), "{word}");
            assert!(mask.may_hold_key_of(word), "{word}");
        }
        let others = ["Smith", "Johnson", "Ottawa", "Monday", "The", "Canada", "Trudeau", "Police", "Ford", "Toronto"];
        assert!(others.iter().filter(|w| mask.may_hold_key_of(w)).count() <= 2);
        let possessives = others.map(|w| format!("{w}'s"));
        assert!(possessives.iter().filter(|w| mask.may_hold_key_of(w)).count() <= 2);
    }

    /// `short_word_surname_key` is `surname_key`'s key, packed, whenever it answers, and the
    /// mask's test of the packed key is `may_hold_key_of` of the word; it answers for the words
    /// of letters and digits up to 15 bytes and their possessives.
    #[test]
    fn short_word_surname_key_is_the_packed_surname_key() {
        let mut answered = 0;
        let mut words: Vec<String> = Vec::new();
        for stem in [
            "Ruiz",
            "RUIZ",
            "ng",
            "Ng",
            "X2",
            "7",
            "Kowalczyk",
            "Wolfeschlegels",
            "Wolfeschlegelst",
            "Wolfeschlegelstein",
            "O'Brien",
            "al-Amin",
            "Zoë",
            "d’Arcy",
            "Ruiz.",
            "s",
            "",
            "'",
            "’",
        ] {
            words.extend([stem.to_string(), format!("{stem}'s"), format!("{stem}’s"), format!("{stem}'"), format!("{stem}s's")]);
        }
        let keys = ["Ruiz", "Ana Ng", "Kowalczyk", "Wolfeschlegelstein", "Jr", "Mr"].map(surname_key);
        let mask = SurnameKeyMask::new(&keys);
        for w in words.iter().flat_map(|w| [w.clone(), format!("{w}."), format!("({w}),"), format!("'{w}'"), format!("{w}”")]) {
            let Some(packed) = short_word_surname_key(&w) else { continue };
            answered += 1;
            assert_eq!(Key::Short(packed), surname_key(&w), "{w:?}");
            assert_eq!(mask.may_hold_short_key(packed), mask.may_hold_key_of(&w), "{w:?}");
            // (The mask turns away only keys that are none of its keys.)
            assert!(mask.may_hold_short_key(packed) || !keys.contains(&Key::Short(packed)), "{w:?}");
        }
        assert!(answered >= 40, "{answered}");
        for w in ["Ruiz", "Ruiz's", "Ruiz’s", "X2", "Wolfeschlegelst", "Wolfeschlegelst's"] {
            assert!(short_word_surname_key(w).is_some(), "{w:?}");
        }
        for w in ["Wolfeschlegelstein", "O'Brien", "Zoë", "’s", "Ruiz’", "Ruiz”", "U.S.", "al-Amin", ".", "", "Ruiz.", "Mr.", "'s"] {
            assert!(short_word_surname_key(w).is_none(), "{w:?}");
        }
    }
}
