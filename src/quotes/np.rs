//! Noun phrases that name a speaker: the subject before a cue verb, the phrase
//! after an inverted cue (`said Mr. Nouri`), and what each holds (title, name,
//! role appositive).

use crate::Span;
use crate::lexicon::{Classes, lexicon, lower};
use crate::text::{Document, TokenKind};

/// An inline word list for [`is_lower_in`], built as a [`Words`] at compile time (so its
/// length and first-letter masks cost nothing at run time): `is_lower_in(words!["a", "an"], w)`.
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        const { &$crate::quotes::np::Words::new(&[$($w),*]) }
    };
}
pub(crate) use words;

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
    /// The relative pronoun that stands for the phrase as the cue's subject (`who` in `Ana Ruiz,
    /// who said ...`): the mention nearest the quote, as `he` would be.
    pub relative: Option<Span>,
}

impl Mention {
    /// A mention of `kind` over `span` with no parts (no name, title, premodifier, appositive or
    /// relative pronoun).
    pub fn bare(span: Span, kind: MentionKind) -> Mention {
        Mention { span, kind, name: None, title: None, premodifier: None, role: None, relative: None }
    }
}

/// Where a time adverbial ending right before `e` starts (`earlier this week`, `last month`,
/// `on Tuesday`, `Tuesday`), if one does and it starts after `lo`.
fn time_adverbial_before(doc: &Document, e: usize, lo: usize) -> Option<usize> {
    const UNITS: &Words = &Words::new(&[
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "weekend",
        "summer",
        "fall",
        "autumn",
        "spring",
        "winter",
    ]);
    const DAYS: &Words = &Words::new(&["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
    let word = |k: usize| doc.tokens[k].is_word().then(|| doc.word(k));
    let last = word(e.checked_sub(1)?)?;
    let mut s = e - 1;
    if is_lower_in(DAYS, last) {
        // "on Tuesday" or "Tuesday"
        if s > lo && word(s - 1) == Some("on") {
            s -= 1;
        }
    } else if is_lower_in(UNITS, last) {
        // "(earlier|later) (this|last) week"
        if !word(s.checked_sub(1)?).is_some_and(|d| d == "this" || d == "last") {
            return None;
        }
        s -= 1;
        if s > lo && word(s - 1).is_some_and(|w| w == "earlier" || w == "later") {
            s -= 1;
        }
    } else if !is_lower_in(words!["yesterday", "today"], last) {
        return None;
    }
    (s > lo).then_some(s)
}

/// Adverbs and auxiliaries that may stand between a subject and its verb.
pub(super) const BETWEEN_SUBJECT_AND_VERB: &Words = &Words::new(&[
    "also",
    "later",
    "has",
    "had",
    "have",
    "previously",
    "then",
    "recently",
    "once",
    "repeatedly",
    "publicly",
    "earlier",
    "further",
    "would",
    "will",
    "did",
    "does",
    "do",
    "reportedly",
    "initially",
    "simply",
    "finally",
    "again",
    "just",
    "already",
    "often",
    "frequently",
    "still",
    "only",
    "privately",
    "first",
    "now",
    "since",
    "has also",
    "had also",
    "would later",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "is",
    "was",
    "were",
    "are",
    "been",
    "even",
    "never",
    "always",
    "not",
    "now",
    "here",
    "there",
    "too",
    "both",
    "all",
    // ("has long argued", "has consistently said")
    "long",
    "consistently",
    "usually",
    "openly",
]);

/// Words that end a subject phrase going leftwards: a clause starts after them.
const CLAUSE_OPENERS: &Words = &Words::new(&[
    "that", "which", "when", "while", "because", "but", "as", "if", "where", "although", "though", "after", "before", "since", "until",
    "whether", "so", "than", "whom", "whose", "what", "why", "how", "and", "or", "who",
]);

/// Leading words to drop from a subject phrase (`But he said` → `he`).
const SENTENCE_ADVERBS: &Words = &Words::new(&[
    "but",
    "and",
    "so",
    "meanwhile",
    "however",
    "now",
    "still",
    "yet",
    "then",
    "also",
    "instead",
    "indeed",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "today",
    "yesterday",
    "separately",
    "later",
    "even",
]);

/// Words that cannot head a noun phrase.
const FUNCTION_WORDS: &Words = &Words::new(&[
    "the", "a", "an", "of", "for", "at", "with", "from", "in", "on", "to", "by", "about", "against", "and", "or", "but", "that", "this",
    "these", "those", "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "not", "also", "who", "which", "as",
    "than", "then", "there", "here", "very", "more", "most", "into", "over", "might", "could", "can", "may", "should", "must", "shall",
]);

/// Lower-case particles inside names (`Jaber al-Jaberi`, `Ursula von der Leyen`).
const NAME_PARTICLES: &Words = &Words::new(&[
    "al", "el", "bin", "ibn", "de", "del", "della", "der", "den", "di", "da", "du", "van", "von", "la", "le", "dos", "das", "st.", "mac",
]);

const PREPOSITIONS: &Words = &Words::new(&[
    "of",
    "for",
    "at",
    "with",
    "from",
    "in",
    "on",
    "to",
    "by",
    "about",
    "within",
    "inside",
    "near",
    "under",
    "across",
    "among",
    "behind",
    "despite",
    "amid",
    "during",
    "following",
    "without",
    "through",
    "unlike",
    "including",
]);

/// Whether `w` equals an entry of `list`, ignoring ASCII case.
///
/// `list` is an inline array or slice of words (scanned), or a named [`Words`] list, which
/// first rejects most words with two bit masks computed at compile time (same answer).
pub fn is_lower_in<L: WordList + ?Sized>(list: &L, w: &str) -> bool {
    list.has_lower(w.as_bytes())
}

/// [`is_lower_in`] of token `k`'s word, read as bytes: the same answer without slicing the
/// text at character boundaries (two boundary tests a slice; the rules ask this of most tokens
/// they walk).
#[inline(always)]
pub fn word_is_lower_in<L: WordList + ?Sized>(list: &L, doc: &Document, k: usize) -> bool {
    list.has_lower(doc.word_bytes(k))
}

/// Scan a slice of words for `w` (the bytes of a word), ignoring ASCII case.
fn scan_lower(list: &[&str], w: &[u8]) -> bool {
    // (Length and first letter first, in the loop: most entries differ there.)
    let (n, first) = (w.len(), w.first().map(u8::to_ascii_lowercase));
    list.iter().any(|x| x.len() == n && x.as_bytes().first().map(u8::to_ascii_lowercase) == first && x.as_bytes().eq_ignore_ascii_case(w))
}

/// A word list that `is_lower_in` can test a word against.
/// (`w` is the bytes of a word: the tests compare bytes, ignoring ASCII case.)
pub trait WordList {
    fn has_lower(&self, w: &[u8]) -> bool;
}

impl WordList for [&str] {
    fn has_lower(&self, w: &[u8]) -> bool {
        scan_lower(self, w)
    }
}

impl<const N: usize> WordList for [&str; N] {
    fn has_lower(&self, w: &[u8]) -> bool {
        scan_lower(self, w)
    }
}

/// A fixed word list with a quick pre-test: bit masks of the entries' byte lengths, of their
/// ASCII-lower-cased first bytes and of the (length, first byte) pairs, built at compile time
/// by [`Words::new`]. A word whose length, first byte or pair no entry has is answered `false`
/// without scanning the list. A word of up to 7 ASCII bytes that passes is then looked up in a
/// small hash table of the entries of that shape, also built at compile time (keyed as the
/// lexicon keys short words, [`crate::lexicon::short_key`]); any other word is scanned as before.
/// Either way the answer is exactly that of scanning.
pub struct Words {
    list: &'static [&'static str],
    /// Bit `min(len, 63)` set for each entry's byte length.
    lens: u64,
    /// Bit `lowercase(first byte) % 64` set for each non-empty entry.
    firsts: u64,
    /// Bit `pair_bit(len, first byte)` set for each non-empty entry.
    pairs: u128,
    /// The short keys of the entries of 1 to 7 ASCII bytes, open-addressed (linear probing, 0
    /// for an empty slot), at most half full; `None` for a list with more such entries than
    /// that (none today), which is always scanned.
    short: Option<[u64; WORDS_SLOTS]>,
}

/// Slots of a [`Words`] table: room for 64 short entries at half load (the longest list has 46).
const WORDS_SLOTS: usize = 128;

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        let (mut lens, mut firsts, mut pairs, mut i) = (0u64, 0u64, 0u128, 0);
        let mut table = [0u64; WORDS_SLOTS];
        let mut entries = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            lens |= 1 << Words::len_bit(b.len());
            if !b.is_empty() {
                firsts |= 1 << Words::first_bit(b[0]);
                pairs |= 1 << Words::pair_bit(b.len(), b[0]);
            }
            if !b.is_empty() && b.len() <= 7 && b.is_ascii() {
                let key = Words::entry_key(b);
                let mut slot = Words::slot(key);
                while table[slot] != 0 && table[slot] != key {
                    slot = (slot + 1) % WORDS_SLOTS;
                }
                if table[slot] == 0 {
                    table[slot] = key;
                    entries += 1;
                }
            }
            i += 1;
        }
        let short = if entries * 2 <= WORDS_SLOTS { Some(table) } else { None };
        Words { list, lens, firsts, pairs, short }
    }

    /// The short key of an entry of 1 to 7 ASCII bytes: each byte lower-cased at its place
    /// (little-endian), the length in the top byte; [`crate::lexicon::short_key`] of the entry.
    const fn entry_key(b: &[u8]) -> u64 {
        let mut key = (b.len() as u64) << 56;
        let mut i = 0;
        while i < b.len() {
            key |= (b[i].to_ascii_lowercase() as u64) << (8 * i);
            i += 1;
        }
        key
    }

    /// The first slot to probe for `key` (Fibonacci hashing: the top 7 bits of the product).
    const fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WORDS_SLOTS.trailing_zeros())) as usize
    }

    /// Whether an entry has the short key `key` (not 0).
    #[inline]
    fn has_key(table: &[u64; WORDS_SLOTS], key: u64) -> bool {
        let mut slot = Words::slot(key);
        loop {
            let k = table[slot];
            if k == key {
                return true;
            }
            if k == 0 {
                return false;
            }
            slot = (slot + 1) % WORDS_SLOTS;
        }
    }

    const fn len_bit(n: usize) -> u32 {
        if n < 63 { n as u32 } else { 63 }
    }

    const fn first_bit(b: u8) -> u32 {
        (b.to_ascii_lowercase() % 64) as u32
    }

    /// A bit (of 128) for a length and first byte together: "the" is (usually) rejected here
    /// by a list holding "to" and "but", though its length and first letter both occur there.
    const fn pair_bit(n: usize, b: u8) -> u32 {
        ((n % 128) as u32 * 37 + b.to_ascii_lowercase() as u32) % 128
    }
}

impl WordList for Words {
    #[inline(always)]
    fn has_lower(&self, w: &[u8]) -> bool {
        let b = w;
        // Necessary conditions only (a matching entry has w's length and, ignoring ASCII
        // case, its first byte), so rejecting here never changes the answer.
        if self.lens & (1 << Words::len_bit(b.len())) == 0 {
            return false;
        }
        if let Some(&f) = b.first() {
            if self.firsts & (1 << Words::first_bit(f)) == 0 || self.pairs & (1 << Words::pair_bit(b.len(), f)) == 0 {
                return false;
            }
        }
        self.look_up(w)
    }
}

impl Words {
    /// [`WordList::has_lower`] of a word that passed the masks: out of line, so the masks' test
    /// is inlined where it is asked (most words are answered there) and this is not.
    #[inline(never)]
    fn look_up(&self, w: &[u8]) -> bool {
        // A word of 1 to 7 ASCII bytes can only equal (ignoring ASCII case) an entry of the same
        // length, which is then ASCII too: one of the table's, with the same key.
        if let (Some(table), Some(key)) = (&self.short, crate::lexicon::short_key_of_bytes(w)) {
            if key != 0 {
                return Words::has_key(table, key);
            }
        }
        scan_lower(self.list, w)
    }
}

pub fn is_cap(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// True when token `k` (`0 < k`, before `hi`) is a period glued to the word before it and
/// followed by a comma or a closing bracket: an abbreviation's, inside a name or its party tag
/// (`Rep. Gwen Moore (D-Wis.) said`, `Mitch McConnell, R-Ky., said`), not a sentence's end.
pub(super) fn abbreviation_period(doc: &Document, k: usize, hi: usize) -> bool {
    doc.word_is(k, ".") && doc.tokens[k].span().start == doc.tokens[k - 1].span().end && k + 1 < hi && doc.word_in(k + 1, &[")", ","])
}

/// True when the words open with an article and a space, in any case: `the pension fund`, `A
/// harbour pilot`.
///
/// ```
/// use whosaid::quotes::np::opens_with_article;
/// assert!(opens_with_article("the pension fund"));
/// assert!(!opens_with_article("theatre critic"));
/// ```
pub fn opens_with_article(words: &str) -> bool {
    ["the ", "a ", "an "].iter().any(|d| words.get(..d.len()).is_some_and(|w| w.eq_ignore_ascii_case(d)))
}

pub use crate::lexicon::is_name_word;

/// The longest title from the lexicon starting at token `t` (capitalised), as its end token.
///
/// Asked of every capitalised narrative word by the name index, and nearly always `None`: that
/// answer comes inline, from the token's classes, without a call.
#[inline]
pub fn title_at(doc: &Document, t: usize, end: usize) -> Option<usize> {
    let classes = doc.tokens[t].classes;
    // (Most capitalised words start no title: answer without building a phrase.)
    if !classes.has(Classes::CAP) || !classes.has(Classes::TITLE_FIRST) {
        return None;
    }
    title_at_word(doc, t, end)
}

/// [`title_at`] for a capitalised token that may start a title.
#[inline(never)]
fn title_at_word(doc: &Document, t: usize, end: usize) -> Option<usize> {
    let classes = doc.tokens[t].classes;
    let lex = lexicon();
    let mut best = None;
    let stop = end.min(t + lex.title_max_words);
    if t < stop && doc.tokens[t].is_word() {
        // The first word alone needs no `String`; a phrase is built only when a title of more
        // words starts with it, and only while it still starts one (most titles are one word).
        let first = lower(doc.word(t));
        if classes.has(Classes::TITLE) {
            best = Some(t + 1);
        }
        if lex.title_prefixes.contains(&*first) {
            // (One buffer per thread for the phrase, cleared per use: a `String` per title
            // prefix was an allocation each, about 3,000 on the sample.)
            thread_local!(static PHRASE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
            PHRASE.with_borrow_mut(|phrase| {
                phrase.clear();
                phrase.push_str(&first);
                for k in t + 1..stop {
                    if !doc.tokens[k].is_word() {
                        break;
                    }
                    phrase.push(' ');
                    phrase.push_str(&lower(doc.word(k)));
                    if lex.titles.contains_key(phrase.as_str()) {
                        best = Some(k + 1);
                    }
                    if !lex.title_prefixes.contains(phrase.as_str()) {
                        break;
                    }
                }
            });
        }
    }
    // (Not a title when an organisation word follows: "the Justice Department", "Labor Party".)
    best.filter(|&b| {
        b >= end || !doc.has_class(b, Classes::ORG_HEAD.union(Classes::ORG_SUFFIX)) && !(b == t + 1 && title_is_given_name(doc, t, end))
    })
}

/// A one-word title that is also a given name, before a lone surname, is the given name:
/// `Earl Whitcomb, an 84-year-old miner`, `Duke Bennett` (a peer's title more often leads
/// `Earl of ...`). Token `t` is the title word; the name ends before `end`.
pub fn title_is_given_name(doc: &Document, t: usize, end: usize) -> bool {
    t + 1 < end
        && doc.is_name_word(t + 1)
        && !(t + 2 < end && doc.is_name_word(t + 2))
        && lexicon().first_names.contains_key(&*lower(doc.word(t)))
}

/// Parses tokens `[a, b)` as a speaker phrase; `None` when it cannot name a speaker.
pub fn parse(doc: &Document, a: usize, b: usize) -> Option<Mention> {
    let mut a = a;
    while a < b && (word_is_lower_in(SENTENCE_ADVERBS, doc, a) || doc.word_is(a, "—") || doc.word_is(a, "-")) {
        a += 1;
    }
    if a >= b || b - a > 14 {
        return None;
    }
    if b - a == 1 && doc.has_class(a, Classes::PRONOUN) {
        let w = lower(doc.word(a));
        if matches!(&*w, "him" | "her" | "them" | "me" | "us" | "you") {
            return None;
        }
        return Some(Mention::bare(doc.tokens[a].span(), MentionKind::Pronoun));
    }
    // Every token must be a word, a possessive, or light punctuation inside a name.
    for k in a..b {
        let tok = doc.tokens[k];
        match tok.kind {
            TokenKind::Word | TokenKind::Number => {
                // (Only a pronoun is lower-cased: most words are none.)
                if doc.has_class(k, Classes::PRONOUN) {
                    let lower = crate::lexicon::lower(doc.word(k));
                    let object_of_preposition =
                        matches!(lower.as_ref(), "him" | "her" | "them") && k > a && word_is_lower_in(PREPOSITIONS, doc, k - 1);
                    if !matches!(lower.as_ref(), "his" | "her" | "its" | "their" | "our") && !object_of_preposition {
                        return None;
                    }
                }
            }
            TokenKind::Punct if doc.word_in(k, &[".", "&", "(", ")", "-", "'", "%"]) => {}
            TokenKind::Mark(..) if k > a && doc.tokens[k].span().start == doc.tokens[k - 1].span().end => {} // members' / Iraq’s
            _ => return None,
        }
    }
    // Name runs: maximal sequences of name words (with particles and titles inside).
    // (At most one run per token, and a phrase is at most 14 tokens: an array on the stack, not
    // a `Vec` allocated for every phrase parsed.)
    let mut run_slots = [(0, 0, None); 14];
    let mut run_count = 0;
    let mut push_run = |r: (usize, usize, Option<(usize, usize)>)| {
        run_slots[run_count] = r;
        run_count += 1;
    };
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
            if doc.is_name_word(k) && doc.tokens[k].is_word() {
                k += 1;
            } else if k > name_start && k + 1 < b && is_lower_in(NAME_PARTICLES, w) && doc.is_name_word(k + 1) {
                k += 1;
            } else if k > name_start && k + 1 < b && doc.is_name_word(k + 1) && org_name_goes_on(doc, name_start, k, b) {
                // ("the Food and Drug Administration" is one name.)
                k += 1;
            } else {
                break;
            }
        }
        if k > name_start {
            push_run((name_start, k, title_end.map(|_| (start, name_start))));
        } else if title_end.is_some()
            && k == start + 1
            && (start == a || !word_is_lower_in(words!["the", "a", "an", "his", "her", "its", "their"], doc, start - 1))
        {
            // A one-word title standing alone where a name should be is the surname ("Major said");
            // after a determiner it is a description ("the Premier").
            push_run((start, k, None));
        } else if title_end.is_some() && k > start {
            // A bare title such as "the Premier" acts as a descriptor.
        } else {
            k = start + 1;
        }
        if k == start {
            k += 1;
        }
    }
    let runs = &run_slots[..run_count];
    // The head name: the first run not used as a modifier ("Anbar tribal figure"), else the last.
    let is_modifier = |end: usize| {
        end < b && {
            let w = doc.word(end);
            doc.tokens[end].is_word() && !is_cap(w) && !is_lower_in(PREPOSITIONS, w) && !is_lower_in(words!["and", "or", "who"], w)
        }
    };
    // An English noun phrase ends in its head: a phrase ending in a lower-case role or group noun
    // is a description even when it holds names ("United States and Iraqi officials").
    let last_word = doc.word(b - 1);
    // (The token's classes say which word lists hold it.)
    let lower_head = !is_cap(last_word) && doc.tokens[b - 1].is_word() && doc.has_class(b - 1, HEAD_NOUN);
    // A capitalised first word that opens a description, not a name: a modifier of a lower-case
    // noun ("Election officials in Baker County") or a plural person's noun ("Doctors at Mercy
    // Hospital"), whatever names its post-modifier holds. (Not before "for", which an
    // organisation's name may hold: "Pilots for Safer Skies".)
    let first_word_describes = runs.first().is_some_and(|r| {
        r.0 == a
            && (is_modifier(r.1)
                || r.1 == a + 1
                    && b > a + 1
                    && word_is_lower_in(words!["of", "in", "at", "from", "with"], doc, a + 1)
                    && doc.word(a).ends_with('s')
                    && doc.has_class(a, Classes::ROLE.union(Classes::ANONYMOUS_HEAD).union(Classes::VAGUE)))
    });
    let runs = if first_word_describes && runs[0].1 == a + 1 && !is_modifier(runs[0].1) { &runs[1..] } else { runs };
    let head = if lower_head { None } else { runs.iter().find(|r| !is_modifier(r.1)).or(runs.last()).copied() };
    // A capitalised role word glued to a name ("Farmer Glen Oduya", "Organizer Dwayne Croteau")
    // describes the person; the name starts after it.
    // So does a title inside a longer run ("Harlow County District Attorney Mina Castellane"):
    // the name is what follows the last title or role word, the words up to it its title.
    let head = head.map(|(ns, ne, title)| {
        // (Not in an organisation's name: "Harbour Traders Council" is no trader called Council.)
        if title.is_some() || ne - ns < 3 || doc.has_class(ne - 1, Classes::ORG_HEAD) {
            return (ns, ne, title);
        }
        let inner = (ns..ne - 1).rev().find_map(|k| {
            title_at(doc, k, ne)
                .filter(|&te| te < ne && ne - te <= 3)
                .or_else(|| (k + 1 < ne && doc.has_class(k, Classes::ROLE)).then_some(k + 1))
        });
        match inner {
            Some(te) if te == ns + 1 => (te, ne, None),
            Some(te) => (te, ne, Some((ns, te))),
            None => (ns, ne, title),
        }
    });
    let span = doc.token_span(a, b);
    match head {
        // A name inside a post-modifier ("an internal memo seen by the Northern Dispatch", "a
        // paramedic in Marrow Bay") is not the head: the phrase is a description.
        // (The run starts at its title, if it has one: "an adviser to Ms. Tran".)
        Some((ns, _, title))
            if title.map_or(ns, |t| t.0) > a
                && (a + 1..title.map_or(ns, |t| t.0))
                    .any(|k| word_is_lower_in(words!["by", "of", "in", "at", "for", "from", "with", "to"], doc, k))
                && (!is_name_word(doc.word(a)) || first_word_describes)
                && title_at(doc, a, b).is_none() =>
        {
            ok_descriptor(doc, a, b, runs.last().map(|r| r.1)).then_some(Mention::bare(span, MentionKind::Descriptor))
        }
        Some((ns, ne, title)) if !is_modifier(ne) => {
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
                relative: None,
            })
        }
        // A name that only modifies a lower-case head is part of a description ("Iraqi officials").
        // A description holds no auxiliary or negation: "landlords ... will be looking" is a clause.
        _ if (a..b).any(|k| {
            is_lower_in(
                words!["is", "was", "are", "were", "be", "been", "will", "would", "has", "have", "had", "not", "can", "could", "should"],
                doc.word(k),
            )
        }) =>
        {
            None
        }
        _ => ok_descriptor(doc, a, b, runs.last().map(|r| r.1)).then_some(Mention::bare(span, MentionKind::Descriptor)),
    }
}

/// True when the head of the description in tokens `[a, b)` (its last word before a
/// preposition) is a noun that can speak: `who` after "a spokesman for Sen. Ada Ruiz" is the
/// spokesman, after "a penalty from captain Ada Ruiz" the captain.
fn head_can_speak(doc: &Document, a: usize, b: usize) -> bool {
    let mut head_end = (a..b).find(|&k| word_is_lower_in(PREPOSITIONS, doc, k)).unwrap_or(b);
    // (Past an adjective that takes the preposition: "a council officer familiar with the review".)
    if head_end > a + 1 && word_is_lower_in(words!["familiar", "close", "briefed", "knowledgeable", "involved"], doc, head_end - 1) {
        head_end -= 1;
    }
    head_end > a && doc.has_class(head_end - 1, HEAD_NOUN)
}

/// `"...," one said.` / `One of them wrote that ...`: `one` (or `one of them`) right before its
/// verb, opening its clause, stands for one more of a group the text has quoted. (Not the generic
/// pronoun: `one might say`, `as one says`, `no one said` have a word between or before.)
fn elliptical_one(doc: &Document, e: usize, v: usize, lo: usize) -> Option<Mention> {
    let start = if e >= lo + 3 && doc.word_is(e - 2, "of") && word_is_lower_in(words!["them", "us"], doc, e - 1) { e - 3 } else { e - 1 };
    let opens_clause = start == lo || !doc.tokens[start - 1].is_word() || word_is_lower_in(words!["and", "but"], doc, start - 1);
    (e == v && opens_clause && doc.word(start).eq_ignore_ascii_case("one"))
        .then(|| Mention::bare(doc.token_span(start, e), MentionKind::Descriptor))
}

/// A role, anonymity head, organisation head, document or vague subject: a noun that heads a
/// description of a speaker (a token's classes hold one bit for each list).
const HEAD_NOUN: Classes =
    Classes::ROLE.union(Classes::ANONYMOUS_HEAD).union(Classes::ORG_HEAD).union(Classes::DOCUMENT).union(Classes::VAGUE);

/// True when tokens `[a, b)` read as a description that can speak: its head noun (the last word
/// before a preposition) is a role, an organisation, a document or a vague group, or it is a
/// short determiner-led phrase.
fn ok_descriptor(doc: &Document, a: usize, b: usize, last_run_end: Option<usize>) -> bool {
    let lex = lexicon();
    // "One of the family's lawyers", "some of his aides", "two of the officers": a part of a
    // group speaks when the group could.
    if b > a + 3
        && doc.word_is(a + 1, "of")
        && (doc.has_class(a, Classes::NUMBER)
            || matches!(doc.tokens[a].kind, TokenKind::Number)
            || word_is_lower_in(words!["some", "many", "most", "several", "few", "each", "all", "none", "any"], doc, a))
        && word_is_lower_in(words!["the", "his", "her", "their", "its", "our", "those", "these"], doc, a + 2)
    {
        return ok_descriptor(doc, a + 2, b, last_run_end);
    }
    // A description: its head noun (the last word before a preposition) must be a role, an
    // organisation, a document or a vague group; or it is a short determiner-led phrase.
    // (A participle also ends the head: "an internal memo seen by ...", "an expert cited in ...".)
    let head_end = (a + 1..b)
        .find(|&k| {
            let w = doc.word(k);
            is_lower_in(PREPOSITIONS, w)
                || (k > a + 1 && !is_cap(w) && (w.ends_with("ed") || w.ends_with("seen") || w.ends_with("en") && w.len() > 4))
        })
        .unwrap_or(b);
    // Not a clause: "The ruling angered the families" has a past verb and its object.
    if (a + 1..b - 1).any(|k| {
        let w = doc.word(k);
        !is_cap(w) && w.ends_with("ed") && word_is_lower_in(words!["the", "a", "an", "his", "her", "their", "its"], doc, k + 1)
    }) {
        return false;
    }
    let determined = word_is_lower_in(words!["the", "a", "an", "another", "his", "her", "their", "its", "one"], doc, a)
        && b - a <= 7
        && b - a >= 2
        && (a + 1..b).all(|k| {
            doc.tokens[k].is_word()
                && (k + 1 == b || !doc.has_class(k, Classes::VERB))
                && !word_is_lower_in(FUNCTION_WORDS, doc, k)
                // (A second determiner starts an object: `the victims deserve their day` is a
                // clause; but a participle's object belongs to the phrase, `the lawyers
                // representing their clients`.)
                && (!word_is_lower_in(words!["his", "her", "their", "its", "our", "my", "your"], doc, k)
                    || doc.word(k - 1).ends_with("ing"))
        });
    // "Cisco's Talos security unit", "Iraqi officials": a named modifier and a lower-case head.
    let named_modifier = last_run_end.is_some_and(|r1| {
        b - a <= 6
            && b - r1 <= 3
            && (r1..b).all(|k| {
                let w = doc.word(k);
                doc.tokens[k].is_word()
                    && !is_cap(w)
                    && !doc.has_class(k, Classes::VERB)
                    && !w.ends_with("ed")
                    && !is_lower_in(FUNCTION_WORDS, w)
            })
    });
    // "Some 22 percent", "six in 10", "One in five": poll shares speak as groups.
    // (The phrase is lower-cased once, and only when asked for: most phrases hold no number.)
    let phrase_lower = std::cell::OnceCell::new();
    let phrase_lower = || phrase_lower.get_or_init(|| lower(doc.token_span(a, b).slice(doc.text))).as_ref();
    // ("Seventy-four percent": a hyphenated number word.)
    let number_word = |k: usize| is_fraction_or_compound_number(doc.word(k));
    let quantity = (a..b).any(|k| is_number_like(doc, k))
        && (phrase_lower().contains("percent")
            || phrase_lower().contains('%')
            || (a..b).any(number_word)
            || phrase_lower().contains(" in ")
            || phrase_lower().contains(" out of ")
            || phrase_lower().contains("per cent"));
    determined || quantity || named_modifier || doc.has_class(head_end - 1, HEAD_NOUN) || {
        let phrase = phrase_lower();
        lex.vague_subjects.contains(phrase) || lex.has_multiword_anonymous_head(phrase)
    }
}

/// The subject of a cue verb at token `v`: the phrase ending just before it (skipping
/// adverbs and an appositive `X, the ..., said`), starting no earlier than `lo`.
/// Whether the verb at `v` is a passive (`was informed`, `is said`, `were not told`): a form of
/// *be* or *get*, perhaps with adverbs, right before a past participle.
pub fn passive(doc: &Document, v: usize, lo: usize) -> bool {
    let w = doc.word(v);
    let participle = w.ends_with("ed")
        || is_lower_in(words!["told", "said", "written", "spoken", "shown", "known", "given", "taken", "seen", "heard", "quoted"], w);
    if !participle {
        return false;
    }
    let mut e = v;
    while e > lo
        && doc.tokens[e - 1].is_word()
        && (doc.word(e - 1).ends_with("ly")
            || word_is_lower_in(words!["not", "never", "also", "later", "then", "already", "previously", "since"], doc, e - 1))
    {
        e -= 1;
    }
    e > lo && word_is_lower_in(words!["is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "getting"], doc, e - 1)
}

/// Whether the verb at `v` is a progressive (`is acknowledging`, `are now saying`): a form of
/// *be*, perhaps with adverbs, right before an -ing form.
pub fn progressive(doc: &Document, v: usize, lo: usize) -> bool {
    if !doc.word(v).ends_with("ing") {
        return false;
    }
    const BE: &Words = &Words::new(&["is", "are", "was", "were", "been", "'s", "’s", "'re", "’re"]);
    let mut e = v;
    while e > lo
        && doc.tokens[e - 1].is_word()
        && (word_is_lower_in(BETWEEN_SUBJECT_AND_VERB, doc, e - 1) || word_is_lower_in(BE, doc, e - 1))
    {
        if word_is_lower_in(BE, doc, e - 1) {
            return true;
        }
        e -= 1;
    }
    false
}

pub fn subject_before(doc: &Document, v: usize, lo: usize) -> Option<Mention> {
    // A gerund after a preposition has no subject of its own (`tried to rally her supporters by
    // wondering aloud ...`): the sentence's subject, found by the callers' other rules, speaks.
    if v > lo && doc.word(v).ends_with("ing") && word_is_lower_in(PREPOSITIONS, doc, v - 1) {
        return None;
    }
    let mut e = v;
    while e > lo && doc.tokens[e - 1].is_word() && word_is_lower_in(BETWEEN_SUBJECT_AND_VERB, doc, e - 1) {
        e -= 1;
    }
    // "O'Regan repeatedly said", "she flatly denied": an adverb in -ly after a name or a pronoun.
    if e > lo + 1 && {
        let w = doc.word(e - 1);
        w.len() > 4
            && w.ends_with("ly")
            && !is_cap(w)
            && doc.tokens[e - 1].is_word()
            && (is_cap(doc.word(e - 2)) || doc.has_class(e - 2, Classes::PRONOUN))
    } {
        e -= 1;
    }
    // "X earlier this week called ...", "X on Tuesday said ...": a time adverbial may stand there too.
    if let Some(t) = time_adverbial_before(doc, e, lo) {
        e = t;
        while e > lo && doc.tokens[e - 1].is_word() && word_is_lower_in(BETWEEN_SUBJECT_AND_VERB, doc, e - 1) {
            e -= 1;
        }
    }
    // "retired judges who say ...": the relative pronoun's antecedent is the speaker
    // (right before it, or before the comma of "the president, who said").
    // ("relatives of the victims, many of whom say ...": a part of the antecedent.)
    if e > lo + 4
        && word_is_lower_in(words!["whom"], doc, e - 1)
        && doc.word_is(e - 2, "of")
        && word_is_lower_in(words!["many", "some", "most", "several", "all", "few", "both"], doc, e - 3)
        && doc.word_is(e - 4, ",")
    {
        let relative = Some(doc.token_span(e - 3, e));
        return subject_phrase(doc, lo, e - 4, None).map(|m| Mention { relative, ..m });
    }
    let mut relative = None;
    if e > lo + 1 && word_is_lower_in(words!["who", "which"], doc, e - 1) {
        e -= 1;
        relative = Some(doc.tokens[e].span());
        if e > lo + 1 && doc.word_is(e - 1, ",") {
            e -= 1;
            return subject_phrase(doc, lo, e, None).map(|m| Mention { relative, ..m });
        }
    }
    if e <= lo {
        return None;
    }
    if let Some(m) = elliptical_one(doc, e, v, lo) {
        return Some(m);
    }
    // "Ana Ruiz, 45, of Harlow said": a home after `of` closes the appositive without a comma.
    {
        let mut k = e;
        while k > lo && doc.tokens[k - 1].is_word() && doc.is_narrative(k - 1) && is_cap(doc.word(k - 1)) {
            k -= 1;
        }
        if k < e && k > lo + 2 && doc.word_is(k - 1, "of") && doc.word_is(k - 2, ",") {
            e = k - 1;
        }
    }
    let mut role = None;
    let mut appositive_end = None;
    // "Deborah Reynolds - his co-host - told ...": a dash pair brackets an appositive like commas.
    if doc.word_in(e - 1, &["-", "—", "–"]) {
        // (A typewriter dash "--" is two tokens.)
        let dash = doc.word(e - 1);
        let mut d2 = e - 1;
        if d2 > lo && doc.word(d2 - 1) == dash {
            d2 -= 1;
        }
        if let Some(d1_last) = (lo..d2).rev().take(16).find(|&k| doc.word(k) == dash) {
            let d1 = if d1_last > lo && doc.word(d1_last - 1) == dash { d1_last - 1 } else { d1_last };
            if d1 > lo && d1_last + 1 < d2 {
                if let Some(m) = subject_phrase(doc, lo, d1, Some(doc.token_span(d1_last + 1, d2))) {
                    return Some(m);
                }
            }
        }
    }
    // (`X, who calls Trump a "sociopath," said`: the appositive's comma inside a closing quote.)
    let quote_with_comma = quoted_word_before(doc, e - 1).filter(|_| doc.word_is(e - 2, ","));
    if doc.word_is(e - 1, ",") || quote_with_comma.is_some() {
        // X, APPOSITIVE, said
        // The appositive may itself hold commas ("X, who ..., played ... and graduated ..., said"):
        // take the nearest comma whose left side is not part of a relative clause.
        // The appositive may itself hold commas ("X, a graduate, where ..., said", "X, 31, a nurse,
        // said", "X, D-Mich., a member, said"): of the comma-separated segments before it, the
        // speaker is the leftmost that reads as a name; failing one, the segment just before.
        let c2 = e - 1;
        let mut commas = Vec::new();
        let mut c = quote_with_comma.unwrap_or(c2);
        while commas.len() < 4 {
            let Some(k) = (lo..c).rev().find(|&k| doc.word_is(k, ",") || !doc.is_narrative(k) && doc.tokens[k].is_mark()) else { break };
            // (A short quote inside the appositive is passed over whole: `X, who calls Trump a
            // "sociopath," said ...`.)
            if let Some(open) = quoted_word_before(doc, k).filter(|&o| o > lo && commas.is_empty()) {
                c = open;
                continue;
            }
            if !doc.word_is(k, ",") || k + 1 >= c {
                break;
            }
            commas.push(k);
            c = k;
        }
        // `Sen. Jack Reed (D-R.I.), said ...`: a lone comma after a name with its party tag, a
        // slip the wires make, leaves the name the subject.
        if commas.is_empty() && c2 > lo && doc.word_is(c2 - 1, ")") {
            return subject_phrase(doc, lo, c2, None).filter(|m| m.kind == MentionKind::Name).map(|m| Mention { relative, ..m });
        }
        let first = *commas.first()?;
        // `Java, the most populous island, was also badly hit, said X`: a segment that opens with
        // a finite verb is a predicate, so the comma before the cue ends a clause, not an appositive.
        // (The writer's commas only: a quote before the speaker holds commas of its own.)
        // (Not inside a relative clause, "X, whose hometown, Miami, is ..., argues"; nor before a
        // participle, which takes the sentence's subject: "X, ..., has picked up ..., telling".)
        // ("Residents, many of whom have lived there for decades, say ...": `whom` too.)
        let relative = (*commas.last()?..c2).any(|k| word_is_lower_in(words!["who", "whom", "whose", "which", "where"], doc, k));
        let participle = doc.word(v).ends_with("ing");
        // (Nor a segment holding a modal or an auxiliary before any relative word: in `If X acts
        // now, members could push ..., said Y` the segment before the cue is a clause, and Y the
        // speaker after an inverted cue.)
        let predicate_segment = |c: usize| {
            let end = commas.iter().copied().filter(|&d| d > c).min().unwrap_or(c2);
            (c + 2..end)
                // (A subordinate clause inside the appositive has verbs of its own: "X, speaking on
                // condition of anonymity because they were not authorized to ..., said".)
                .take_while(|&k| {
                    doc.is_narrative(k)
                        && !word_is_lower_in(
                            words![
                                "who", "whom", "whose", "which", "where", "that", "when", "because", "since", "although", "though",
                                "after", "before", "until"
                            ],
                            doc,
                            k,
                        )
                })
                .any(|k| word_is_lower_in(FINITE_AUXILIARIES, doc, k) || word_is_lower_in(words!["should", "may", "might", "must"], doc, k))
        };
        // (Nor an infinitive complement after an object and its appositive: `X warned the leader,
        // Y, (during their meeting) not to move on the shoal, said Z`.)
        let infinitive_segment = |a: usize| {
            let to_verb = |k: usize| {
                k + 1 < c2
                    && doc.word_is(k, "to")
                    && doc.word(k + 1).starts_with(|c: char| c.is_ascii_lowercase())
                    && !word_is_lower_in(
                        words!["the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "your", "date"],
                        doc,
                        k + 1,
                    )
            };
            let end = commas.iter().copied().filter(|&d| d >= a).min().unwrap_or(c2);
            to_verb(a) || (a..end).any(|k| word_is_lower_in(words!["not"], doc, k) && to_verb(k + 1))
        };
        if !relative
            && !participle
            && commas.iter().any(|&c| {
                c + 1 < c2
                    && doc.is_narrative(c)
                    && doc.is_narrative(c + 1)
                    && (word_is_lower_in(FINITE_AUXILIARIES, doc, c + 1) || predicate_segment(c) || infinitive_segment(c + 1))
            })
        {
            return None;
        }
        // (The phrase found here is the subject: it is not searched for again.)
        let named = commas.iter().rev().copied().find_map(|c1| {
            let seg_start = (lo..c1).rev().find(|&k| doc.word_is(k, ",") || !doc.is_narrative(k)).map_or(lo, |k| k + 1);
            if seg_start >= c1 || word_is_lower_in(PREPOSITIONS, doc, seg_start) {
                return None;
            }
            subject_phrase(doc, lo, c1, None)
                .filter(|m| m.kind == MentionKind::Name && doc.token_after_near(m.span.start, c1) == seg_start)
                .map(|m| (c1, m))
        });
        if let Some((c1, m)) = named {
            return Some(with_role(doc, m, doc.token_span(c1 + 1, c2)));
        }
        role = Some(doc.token_span(first + 1, c2));
        e = first;
        appositive_end = Some(c2);
    }
    let found = subject_phrase(doc, lo, e, role).map(|m| Mention { relative, ..m });
    // "A nurse who has worked there for years, and who asked not to be named, said": the
    // phrase before an appositive's first comma may end in a restrictive relative clause.
    if found.is_none()
        && let Some(c2) = appositive_end
    {
        let who = (lo + 1..e).rev().take(14).find(|&k| word_is_lower_in(words!["who"], doc, k))?;
        if !(who..e).all(|k| doc.tokens[k].is_word() && doc.is_narrative(k)) {
            return None;
        }
        // (The phrase must open the clause: in "That's a problem for the youth who are
        // affected, but ..., argued X" the relative clause is inside a predicate.)
        return subject_phrase(doc, lo, who, Some(doc.token_span(who, c2))).filter(|m| {
            let start = doc.token_after(m.span.start);
            start == lo || start == lo + 1 && word_is_lower_in(words!["yet", "but", "and", "so", "still", "now"], doc, lo)
        });
    }
    found
}

/// The opening mark of a short quote (at most five tokens inside its marks) that closes at token `k`.
fn quoted_word_before(doc: &Document, k: usize) -> Option<usize> {
    if !doc.tokens[k].is_mark() || k == 0 {
        return None;
    }
    let r = &doc.regions[doc.region_of(k - 1)? as usize];
    (r.close == Some(k) && r.depth == 0 && r.last - r.first <= 5).then_some(r.open)
}

/// Finite auxiliaries: a word group holding one is a clause (a predicate), not a noun phrase, an
/// adverbial or an object.
pub(super) const FINITE_AUXILIARIES: &Words =
    &Words::new(&["is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can"]);

/// The subject phrase ending at token `e` (exclusive), walking left no further than `lo`.
fn subject_phrase(doc: &Document, lo: usize, e: usize, role: Option<Span>) -> Option<Mention> {
    // Whether "who" stands at token `k`; whether ", who" follows the phrase (its antecedent rules below).
    let who_at = |k: usize| k < doc.tokens.len() && word_is_lower_in(words!["who"], doc, k);
    let comma_who = e < doc.tokens.len() && doc.word_is(e, ",") && who_at(e + 1);
    // Walk left over the phrase.
    let mut s = e;
    while s > lo {
        let k = s - 1;
        let tok = doc.tokens[k];
        let w = doc.word(k);
        // (A mark glued to the word before it is a possessive apostrophe, "members'", when it is
        // one; a closing double mark ends the phrase: `on the "jobs," Ortiz said`.)
        let possessive_mark = tok.span().start == doc.tokens[k.saturating_sub(1)].span().end
            && doc.tokens[k.saturating_sub(1)].is_word()
            && matches!(w, "'" | "’");
        if !doc.is_narrative(k) || tok.is_mark() && !possessive_mark {
            break;
        }
        if matches!(tok.kind, TokenKind::Punct) && !matches!(w, "." | "&" | "(" | ")" | "%") {
            break;
        }
        if w == "(" || w == ")" {
            // party-state tags "(D-Ore.)" belong to the phrase
        }
        // (`lower` of the word is `"and"` just when it is "and" in any ASCII case.)
        if w.eq_ignore_ascii_case("and") {
            // "United States and Iraqi officials", "Tore Sohlberg and Lehla Abreder": keep "and" inside a phrase.
            let left = k.checked_sub(1).map(|j| doc.word(j)).unwrap_or("");
            let left_noun = k.checked_sub(1).is_some_and(|j| doc.has_class(j, Classes::ROLE.union(Classes::ANONYMOUS_HEAD)));
            if !(is_cap(left) || left_noun) || s == e {
                break;
            }
        } else if is_lower_in(CLAUSE_OPENERS, w)
            // ("to" before a verb opens an infinitive; before its object it is a preposition:
            // "people close to the mayor", "an adviser to Ms. Tran", "those close to him".)
            || w == "to" && !(k + 1 < e && {
                let next = doc.word(k + 1);
                is_cap(next) || is_lower_in(words!["the", "a", "an", "his", "her", "their", "its", "him", "them"], next)
            })
            || (tok.is_word() && doc.has_class(k, Classes::VERB) && !is_cap(w) && k + 1 != e)
        {
            // (A verb form right before the cue is a noun: "the civil claim said".)
            break;
        }
        // (An object pronoun after a preposition stays inside: "Those close to him say". Only a
        // pronoun is lower-cased.)
        if doc.has_class(k, Classes::PRONOUN) && s < e {
            let lower = crate::lexicon::lower(w);
            let object_of_preposition =
                matches!(lower.as_ref(), "him" | "her" | "them") && k > lo && word_is_lower_in(PREPOSITIONS, doc, k - 1);
            if !matches!(lower.as_ref(), "his" | "her" | "its" | "their" | "our") && !object_of_preposition {
                break;
            }
        }
        s = k;
        if e - s > 12 {
            return None;
        }
    }
    // A phrase starting with a preposition is an adverbial ("In a statement").
    // "In late March the council announced": skip an adverbial to the subject's determiner.
    // ("About four in 10 said": an approximate number, not a preposition.)
    let approximate = s + 1 < e && word_is_lower_in(words!["about", "around"], doc, s) && is_number_like(doc, s + 1);
    if s < e && word_is_lower_in(PREPOSITIONS, doc, s) && !approximate {
        // (Not after "and": "... and in a carefully worded response said" coordinates a second
        // verb with the sentence's subject.)
        if s > lo && doc.word_is(s - 1, "and") {
            return None;
        }
        let adverbial = s;
        // (Or, before "who", past the preposition: "including 18% who say".)
        // ("criticized by Ted Cruz, who said": the walk stopped at the passive's verb.)
        let before_who = who_at(e) || comma_who;
        s = (s + 2..e)
            .find(|&k| {
                word_is_lower_in(words!["the", "a", "an", "his", "her", "its", "their"], doc, k) || doc.has_class(k, Classes::PRONOUN)
            })
            .or_else(|| before_who.then_some(s + 1).filter(|&k| k < e))?;
        if (adverbial..s).any(|k| doc.word_is(k, "and")) {
            return None;
        }
    }
    // A sentence-opening demonstrative is a determiner here, not a complementizer ("That person said").
    if s > lo && s == lo + 1 && doc.word_in(s - 1, &["That", "This", "These", "Those"]) {
        s -= 1;
    }
    // A pronoun right before the verb is the whole subject. (`e` may have fallen back to `lo` on
    // an appositive starting the sentence: `, x, said ...` underflowed here, issue 7.)
    if e > lo && doc.has_class(e - 1, Classes::PRONOUN) && !(e - 1 > s && word_is_lower_in(PREPOSITIONS, doc, e - 2)) {
        s = e - 1;
    }
    // The longest phrase that names a speaker ("A long line of retired judges" → "retired judges").
    // (Not a name after a premodifier holding an auxiliary, or ending in a preposition, before a
    // non-restrictive "who": "Rovers had led through a penalty from captain Dale Munro, who" and
    // "last week by Ted Cruz, who" end in the antecedent, found below.)
    // (Nor a description with a post-modifier whose head cannot speak: "last week by Ted Cruz, who".)
    let clause_before_who = |m: &Mention| {
        comma_who
            && match m.kind {
                MentionKind::Name => m.premodifier.is_some_and(|p| {
                    let p_end = doc.token_after(p.end);
                    (s..p_end).any(|k| word_is_lower_in(FINITE_AUXILIARIES, doc, k)) || word_is_lower_in(PREPOSITIONS, doc, p_end - 1)
                }),
                MentionKind::Descriptor => (s..e).any(|k| word_is_lower_in(PREPOSITIONS, doc, k)) && !head_can_speak(doc, s, e),
                _ => false,
            }
    };
    let m = parse(doc, s, e).filter(|m| !clause_before_who(m)).or_else(|| {
        // The antecedent of a relative clause may end a longer phrase ("drew scrutiny from
        // Republicans, who say"): its longest tail that names a speaker.
        let relative = |k: usize| k < doc.tokens.len() && word_is_lower_in(words!["who", "which"], doc, k);
        if relative(e) {
            (s..e).filter(|&k| !word_is_lower_in(PREPOSITIONS, doc, k)).find_map(|k| parse(doc, k, e))
        } else if comma_who || doc.word_is(e, ",") && e + 3 < doc.tokens.len() && word_is_lower_in(words!["whom"], doc, e + 3) {
            // (Only a phrase right after a preposition or a past verb: the object it governs.)
            (s + 1..e)
                .filter(|&k| {
                    // (Not the preposition after a passive itself: "backed by Ana Ruiz, who".)
                    // (Or after a copula or a progressive: "One such politician was President
                    // Barack Obama, who", "Trump was out-brutalizing Ted Cruz, who".)
                    let w = doc.word(k - 1);
                    (is_lower_in(PREPOSITIONS, w)
                        || !is_cap(w) && (w.ends_with("ed") || w.ends_with("ing"))
                        || is_lower_in(words!["was", "is", "be", "were", "are"], w)
                            && !doc.word(k).ends_with("ing")
                            && !doc.word(k).ends_with("ed"))
                        && !word_is_lower_in(PREPOSITIONS, doc, k)
                })
                .find_map(|k| parse(doc, k, e).filter(|m| m.kind != MentionKind::Descriptor || head_can_speak(doc, k, e)))
        } else {
            // A relative clause without its pronoun ("the place Pentagon officials say ...", "the
            // kind of job many economists say is ..."): the speaker follows the head noun.
            // (Only before a verb of saying: `a collection from the cartoonist Garry Trudeau
            // called ...` names a book, and a role before a name is its title.)
            let saying = e < doc.tokens.len()
                && is_lower_in(
                    words![
                        "say",
                        "says",
                        "said",
                        "claim",
                        "claims",
                        "claimed",
                        "argue",
                        "argues",
                        "argued",
                        "estimate",
                        "estimates",
                        "estimated",
                        "predict",
                        "predicts",
                        "predicted"
                    ],
                    doc.word(e),
                );
            (s + 2..e)
                .take_while(|_| saying)
                .filter(|&k| {
                    let head = doc.word(k - 1);
                    doc.tokens[k - 1].is_word()
                        && !is_cap(head)
                        && !is_lower_in(PREPOSITIONS, head)
                        && !is_lower_in(FUNCTION_WORDS, head)
                        && !doc.has_class(k - 1, Classes::ROLE)
                        && (is_cap(doc.word(k)) || word_is_lower_in(words!["many", "some", "most", "few", "several"], doc, k))
                })
                .find_map(|k| parse(doc, k, e))
        }
    });
    // `One delegate not on the Cruz slate, Kelly Schmidt, told ...`: a description too long or
    // too loose to parse, with the name in commas after it: the name speaks, described.
    let m = match (m, role) {
        (Some(m), _) => m,
        (None, Some(r)) => {
            let seg_start = (lo..e).rev().find(|&k| doc.word_is(k, ",") || !doc.is_narrative(k)).map_or(lo, |k| k + 1);
            let described = seg_start + 1 < e
                && (word_is_lower_in(words!["one", "a", "an", "the", "another"], doc, seg_start) || is_number_like(doc, seg_start));
            if !described {
                return None;
            }
            return appositive_name(doc, doc.token_after(r.start), doc.token_after(r.end))
                .map(|n| Mention { role: Some(doc.token_span(seg_start, e)), ..n });
        }
        (None, None) => return None,
    };
    Some(match role {
        Some(r) => with_role(doc, m, r),
        None => m,
    })
}

/// The subject phrase `m` with its appositive `r` (`X, APPOSITIVE, said`).
fn with_role(doc: &Document, mut m: Mention, r: Span) -> Mention {
    // "His father, Ernie LeBlanc, says": the appositive is the name, the subject its description.
    if m.kind == MentionKind::Descriptor {
        if let Some(named) = appositive_name(doc, doc.token_after(r.start), doc.token_after(r.end)) {
            return Mention { role: Some(m.span), ..named };
        }
    }
    m.role = Some(r);
    m
}

/// The appositive `[a, b)` when it is a bare name (`Ernie LeBlanc` in `His father, Ernie LeBlanc,
/// says`): the speaker a description before it describes.
fn appositive_name(doc: &Document, a: usize, b: usize) -> Option<Mention> {
    // (Or a name after a short description of its own: `The company's largest shareholder, the
    // pension fund Nordkap, said`.)
    let described = |p: Span| {
        let words = p.slice(doc.text);
        words.split_whitespace().count() <= 4 && opens_with_article(words)
    };
    parse(doc, a, b).filter(|n| n.kind == MentionKind::Name && n.premodifier.is_none_or(described))
}

/// Fractions and hyphenated numbers: "half", "a third", "two-thirds", "Seventy-four".
fn is_fraction_or_compound_number(w: &str) -> bool {
    const FRACTIONS: &Words =
        &Words::new(&["half", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths", "tenth", "tenths"]);
    is_lower_in(FRACTIONS, w)
        || w.contains('-')
            && w.split('-').all(|p| lexicon().numbers.contains_key(crate::lexicon::lower(p).as_ref()) || is_lower_in(FRACTIONS, p))
}

/// A number of any form at token `k`: digits, a count word, a fraction or a compound.
fn is_number_like(doc: &Document, k: usize) -> bool {
    matches!(doc.tokens[k].kind, TokenKind::Number) || doc.has_class(k, Classes::NUMBER) || is_fraction_or_compound_number(doc.word(k))
}

/// The source after `according to`, when `phrase_after` finds no speaker in it: whatever noun
/// phrase stands there ("state regulators", "him", "a strategist monitoring the race") names
/// the source, up to the clause's next punctuation (at most 24 words).
pub fn according_source(doc: &Document, a: usize, hi: usize) -> Option<Mention> {
    let mut e = a;
    while e < hi
        && doc.is_narrative(e)
        && (doc.tokens[e].is_word() || doc.word_in(e, &["&", "'s", "’s"]) || plural_possessive(doc, a, e, hi))
    {
        if e > a && word_is_lower_in(words!["who", "which", "that", "and", "but"], doc, e) {
            break;
        }
        e += 1;
        // (A document's description may run long: "an ad overview provided to The Washington
        // Post by a Republican not directly connected to any Senate campaign".)
        if e - a > 24 {
            return None;
        }
    }
    if e == a || word_is_lower_in(PREPOSITIONS, doc, a) {
        return None;
    }
    let kind = if e == a + 1 && doc.has_class(a, Classes::PRONOUN) { MentionKind::Pronoun } else { MentionKind::Descriptor };
    Some(Mention::bare(doc.token_span(a, e), kind))
}

/// The people a name mention joins with `and`, each a name mention of its own: "Ada Lunde and
/// Ivo Brandt", and with the names listed before it with commas, "Sens. Ada Lunde, Ivo Brandt
/// and Ola Moreno" (the subject search stops at the comma; the list goes on to its left). Empty
/// when `m` is one name. Every part must be a full name or carry a title: "Johnson and
/// Johnson", "Procter and Gamble" are one firm's name.
pub fn coordinated_names(doc: &Document, m: &Mention) -> Vec<Mention> {
    if m.kind != MentionKind::Name || m.premodifier.is_some() {
        return Vec::new();
    }
    let a = doc.token_after(m.span.start);
    let b = doc.token_after(m.span.end);
    let Some(and) = (a + 1..b).find(|&k| doc.word_is(k, "and")) else {
        return Vec::new();
    };
    // A full name or a titled one, running to the end of its segment.
    let person = |x: usize, y: usize| {
        parse(doc, x, y).filter(|p| {
            p.kind == MentionKind::Name
                && p.premodifier.is_none()
                && p.name.is_some_and(|n| n.end == doc.tokens[y - 1].span().end && (p.title.is_some() || n.slice(doc.text).contains(' ')))
        })
    };
    // ("Paul and Marie Devaux": a lone given name before `and` shares the surname after it;
    // its mention is the given name, and the sources stage gives it the surname.)
    let lone_given = || {
        (and == a + 1 && doc.is_name_word(a) && title_at(doc, a, and).is_none() && lexicon().first_names.contains_key(&*lower(doc.word(a))))
            .then(|| Mention { name: Some(doc.tokens[a].span()), ..Mention::bare(doc.tokens[a].span(), MentionKind::Name) })
    };
    let (Some(first), Some(last)) = (person(a, and).or_else(lone_given), person(and + 1, b)) else {
        return Vec::new();
    };
    let mut parts = vec![first, last];
    // Names listed before it: "X, Y and Z".
    let mut start = a;
    while parts.len() < 6 && start >= 2 && doc.word_is(start - 1, ",") {
        let seg_end = start - 1;
        let mut seg_start = seg_end;
        while seg_start > 0
            && seg_end - seg_start < 6
            && doc.is_narrative(seg_start - 1)
            && (doc.is_name_word(seg_start - 1) || title_at(doc, seg_start - 1, seg_end).is_some() || doc.word_is(seg_start - 1, "."))
        {
            seg_start -= 1;
        }
        let Some(p) = (seg_start < seg_end).then(|| person(seg_start, seg_end)).flatten() else { break };
        parts.insert(0, p);
        start = seg_start;
    }
    parts
}

/// True when the `of`, `for` or `and` at token `e` is inside an organisation's proper name that
/// opens at `a` ("the Department of Health and Human Services", "the Centers for Disease Control
/// and Prevention", "the Food and Drug Administration"), not the end of a name ("Ana Ruiz of
/// Harlow" keeps her home as her role; "the Senate Judiciary Committee and Sen. Ada Lunde" are
/// two speakers).
fn org_name_goes_on(doc: &Document, a: usize, e: usize, hi: usize) -> bool {
    let w = doc.word(e);
    if !matches!(w, "of" | "for" | "and") || e + 1 >= hi || !doc.is_narrative(e + 1) || !is_cap(doc.word(e + 1)) {
        return false;
    }
    let org_head = |k: usize| is_cap(doc.word(k)) && doc.has_class(k, Classes::ORG_HEAD);
    let head_before = (a..e).any(org_head);
    if w != "and" {
        return head_before;
    }
    // The capitalised words after "and".
    let run_end = (e + 1..hi.min(e + 5)).find(|&k| !doc.tokens[k].is_word() || !is_cap(doc.word(k))).unwrap_or(hi.min(e + 5));
    !org_head(e - 1)
        && ((e + 1..run_end).any(org_head)
            || head_before && run_end == e + 2 && !doc.has_class(e + 1, Classes::TITLE.union(Classes::TITLE_FIRST).union(Classes::ROLE)))
}

/// True when token `e` (after `a`, before `hi`) is a plural possessive's apostrophe, glued to a
/// word in -s and followed by a word: "a statement from the referees' body" goes on past it.
pub(super) fn plural_possessive(doc: &Document, a: usize, e: usize, hi: usize) -> bool {
    e > a
        && e + 1 < hi
        && doc.tokens[e].is_mark()
        && doc.tokens[e].span().start == doc.tokens[e - 1].span().end
        && doc.word(e - 1).ends_with('s')
        && doc.tokens[e + 1].is_word()
}

/// The phrase after an inverted cue (`said Brig. Gen. Yahya Rasoul, the Iraqi Army spokesman.`),
/// starting at token `a` and ending before `hi`.
pub fn phrase_after(doc: &Document, a: usize, hi: usize) -> Option<Mention> {
    // "said in a statement", "said about the plan": an adverbial, not a speaker; "pointing out
    // where the store used to be": a clause.
    if a < hi
        && (word_is_lower_in(PREPOSITIONS, doc, a)
            || word_is_lower_in(words!["where", "when", "how", "why", "what", "whether", "if", "that"], doc, a))
    {
        return None;
    }
    let mut e = a;
    let mut has_name = false;
    while e < hi {
        let tok = doc.tokens[e];
        let w = doc.word(e);
        if !doc.is_narrative(e) || !(tok.is_word() || w == "&" || (w == "(" || w == ")") || plural_possessive(doc, a, e, hi)) {
            break;
        }
        // "former lawmaker and tribal figure Jaber al-Jaberi": a coordinated description before the name.
        // ... and "three officials and a US military official": a second counted description.
        let counted_next = e + 1 < hi && doc.has_class(e + 1, Classes::NUMBER);
        let coordinated =
            (w == "and" || w == "but") && (!has_name || counted_next) && e + 1 < hi && !doc.has_class(e + 1, Classes::PRONOUN);
        if has_name && !coordinated && org_name_goes_on(doc, a, e, hi) {
            e += 1;
            continue;
        }
        if e > a && !coordinated && (is_lower_in(CLAUSE_OPENERS, w) || w == "who") {
            break;
        }
        // A description runs on through its prepositions ("two people familiar with the talks");
        // a name stops at them ("Ana Ruiz on Tuesday").
        if has_name && is_lower_in(PREPOSITIONS, w) {
            break;
        }
        if e > a && has_name && doc.has_class(e, Classes::VERB) && !is_cap(w) {
            break;
        }
        if is_cap(w) {
            has_name = true;
        } else if doc.has_class(e, Classes::ROLE.union(Classes::ANONYMOUS_HEAD)) {
            // ("three U.S. officials familiar with the talks": capitalised modifiers before a
            // person's head noun make a description, not a name. A document's or a body's stops
            // at its preposition as a name does: "an FBI summary of its investigation, Cheryl
            // Mills, ..." names no speaker Cheryl Mills.)
            has_name = false;
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
    // A name's home after `of` ("said Ana Ruiz of Harlow") is its post-modifier, kept as its role.
    let mut of_start = None;
    if m.kind == MentionKind::Name && e + 1 < hi && doc.word_is(e, "of") && is_cap(doc.word(e + 1)) {
        let of = e;
        e += 1;
        while e < hi && doc.is_narrative(e) && doc.tokens[e].is_word() && (is_cap(doc.word(e)) || doc.word_in(e, &["the", "and"])) {
            e += 1;
        }
        of_start = Some(of);
        m.role = Some(doc.token_span(of, e));
    }
    // An appositive after a comma: a role, or the name of a described speaker.
    if e < hi && doc.word_is(e, ",") {
        let segment_end = |mut r: usize| {
            while r < hi && doc.is_narrative(r) && !doc.word_in(r, &[",", ".", ";", ":", "?", "!"]) && !doc.tokens[r].is_mark() {
                r += 1;
            }
            r
        };
        let mut r = segment_end(e + 1);
        // (An age goes on to the segment after it: "said Ana Ruiz, 45, a baker".)
        if r == e + 2 && r + 1 < hi && doc.word_is(r, ",") && matches!(doc.tokens[e + 1].kind, TokenKind::Number) {
            r = segment_end(r + 1);
        }
        if r > e + 1 {
            if m.kind == MentionKind::Descriptor {
                if let Some(named) = appositive_name(doc, e + 1, r) {
                    return Some(Mention { role: Some(m.span), ..named });
                }
            }
            m.role = Some(doc.token_span(of_start.unwrap_or(e + 1), r));
        }
    } else if e < hi && doc.word_is(e, "who") {
        let mut r = e + 1;
        while r < hi && doc.is_narrative(r) && !doc.word_in(r, &[",", ".", ";", ":", "?", "!"]) {
            r += 1;
        }
        m.role = Some(doc.token_span(e, r));
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `Words` list answers as scanning it does: for every entry of the lists here in three
    /// spellings, each with every byte replaced by each ASCII byte in turn, and words beyond ASCII.
    #[test]
    fn words_table_agrees_with_scanning() {
        let lists: [&Words; 8] = [
            BETWEEN_SUBJECT_AND_VERB,
            CLAUSE_OPENERS,
            SENTENCE_ADVERBS,
            FUNCTION_WORDS,
            NAME_PARTICLES,
            PREPOSITIONS,
            FINITE_AUXILIARIES,
            words!["n't", "’s", "a", "I", "st.", "al-"],
        ];
        let mut probes: Vec<String> = vec![String::new(), "é".into(), "’S".into(), "whenever".into(), "NOW".into()];
        for list in lists {
            assert!(list.short.is_some(), "{:?}", list.list);
            for w in list.list {
                let mut chars = w.chars();
                let capitalised = chars.next().map_or(String::new(), |c| c.to_ascii_uppercase().to_string() + chars.as_str());
                for spelling in [w.to_string(), w.to_ascii_uppercase(), capitalised] {
                    for i in 0..spelling.len() {
                        for c in 0u8..128 {
                            let mut b = spelling.clone().into_bytes();
                            b[i] = c;
                            if let Ok(p) = String::from_utf8(b) {
                                probes.push(p);
                            }
                        }
                    }
                    probes.push(format!("{spelling}s"));
                    probes.push(spelling);
                }
            }
        }
        for list in lists {
            for p in &probes {
                assert_eq!(list.has_lower(p.as_bytes()), scan_lower(list.list, p.as_bytes()), "{p:?} in {:?}", list.list);
            }
        }
    }
}
