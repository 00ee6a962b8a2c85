//! Word lists, loaded once from the plain-text data files beside this module.
//!
//! In: the `*.txt` files in this folder (compiled in with `include_str!`).
//! Out: [`lexicon()`], one shared [`Lexicon`] with fast look-ups.
//!
//! File format (all files): one entry per line, `#` starts a comment, blank
//! lines are ignored, fields are separated by ` | `. Look-ups are
//! case-insensitive except for `abbreviations.txt`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// What kind of attribution a cue verb makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbClass {
    /// Saying or writing: `said`, `told`, `wrote`, `insisted`.
    Speech,
    /// Thinking: `believe`, `fear`. Not reported as speech.
    Belief,
    /// What data or documents show: `shows`, `found`.
    Evidence,
    /// A longer phrase that starts with a cue verb and is no cue (`shows off`, `found out`):
    /// it only stops the verb alone from matching.
    NotCue,
}

#[derive(Clone, Copy, Debug)]
pub struct Verb {
    pub lemma: &'static str,
    pub class: VerbClass,
}

/// What [`Lexicon::verb_words`] holds for a word or phrase: its entry in `verbs`, and whether it
/// is in `verb_prefixes` (a longer verb phrase starts with it).
#[derive(Clone, Copy, Debug)]
pub struct VerbWord {
    pub verb: Option<Verb>,
    pub starts_phrase: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// All word lists, keyed by lower-case text (multi-word entries by their words joined with one space).
pub struct Lexicon {
    pub verbs: HashMap<String, Verb>,
    /// Longest verb phrase in words (`pointed out` is 2).
    pub verb_max_words: usize,
    /// First words of all verb phrases, for a quick "no cue here" answer.
    pub verb_first_words: HashSet<String>,
    /// The first words (one or more) of the verb phrases of more than one word (`pointed` for
    /// `pointed out`): after any other words no longer phrase can match.
    pub verb_prefixes: HashSet<String>,
    /// `verbs` and `verb_prefixes` in one map, keyed by every key of either: what each says of
    /// a word or phrase in one look-up (the cue search asks both of every verb it meets).
    pub verb_words: HashMap<String, VerbWord>,
    pub loaded_verbs: HashMap<String, &'static str>,
    pub titles: HashMap<String, Gender>,
    pub title_max_words: usize,
    /// First words of all titles, for a quick "no title here" answer.
    pub title_first_words: HashSet<String>,
    /// The first words (one or more) of the titles of more than one word (`prime`, `deputy
    /// prime` for `deputy prime minister`), as `verb_prefixes`.
    pub title_prefixes: HashSet<String>,
    /// Case-sensitive: `Mr.`, `Jan.`.
    pub abbreviations: HashSet<&'static str>,
    /// Bit `256 * b0 + b1` set when some abbreviation starts with the bytes `b0 b1`, for
    /// [`Lexicon::is_abbreviation`].
    abbreviation_pairs: Vec<u64>,
    /// Abbreviations that may also end a sentence (`U.S.`, `a.m.`).
    pub ambiguous_abbreviations: HashSet<&'static str>,
    /// The last bytes of those (all `.` today), to answer "no" for most words without hashing.
    ambiguous_last_bytes: [bool; 256],
    pub role_singular: HashSet<String>,
    pub role_plural: HashSet<String>,
    pub anonymity_reasons: Vec<String>,
    pub anonymous_heads: HashSet<String>,
    pub vague_subjects: HashSet<String>,
    pub org_heads: HashSet<String>,
    pub org_suffixes: HashSet<String>,
    pub documents: HashSet<String>,
    /// Count words: `three` → Some(3), `several` → None.
    pub numbers: HashMap<String, Option<u32>>,
    pub pronouns: HashMap<String, (Gender, bool)>,
    /// Given names that are almost always one gender (`first_names.txt`).
    pub first_names: HashMap<String, Gender>,
    /// Kinship nouns and the gender they state (`kinship.txt`): `husband` → male.
    pub kinship: HashMap<String, Gender>,
    /// Nouns of works whose quoted titles are not speech (`works.txt`): `show`, `book`.
    pub works: HashSet<String>,
    pub not_names: HashSet<String>,
    /// Labels of page-furniture lines (`READ MORE`, `WATCH`), case-sensitive.
    pub boilerplate_labels: HashSet<&'static str>,
    /// The word classes of every word in the lists above that [`Classes`] names: one look-up
    /// answers them all (the text stage classifies each token once).
    classes: HashMap<String, Classes>,
    /// The same for the words of up to 7 bytes, keyed by [`short_key`]: most tokens are short,
    /// and an integer key hashes and compares in a few instructions.
    short_classes: ShortTable,
    /// The same for the words of 8 to 15 bytes, keyed by [`medium_key`].
    medium_classes: HashMap<u128, Classes>,
}

/// A short ASCII word, lower-cased, packed into an integer with its length in the top byte.
///
/// Asked for every token, so the bytes are tested and lower-cased all at once in one `u64`
/// rather than one at a time: the same key as packing `to_ascii_lowercase` of each byte.
#[inline]
pub(crate) fn short_key(word: &str) -> Option<u64> {
    short_key_of_bytes(word.as_bytes())
}

/// [`short_key`] of a word's bytes.
#[inline]
pub(crate) fn short_key_of_bytes(b: &[u8]) -> Option<u64> {
    if b.len() > 7 {
        return None;
    }
    let x = pack_le(b);
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if x & HIGH != 0 {
        return None; // not ASCII
    }
    // Each byte is below 0x80, so adding at most 0x3F carries into no other byte: a byte's high
    // bit is set in `at_least_a` when it is >= b'A', in `above_z` when it is > b'Z'.
    let at_least_a = x + ONES * (0x80 - b'A' as u64);
    let above_z = x + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = at_least_a & !above_z & HIGH;
    // (0x80 >> 2 is 0x20, the ASCII case bit; the padding bytes stay zero.)
    Some((x | upper >> 2) | (b.len() as u64) << 56)
}

/// The classes of the short words, by [`short_key`]: an open-addressed table, at most half full,
/// with linear probing. Asked for most tokens, about half of which are in no list: a look-up is
/// one multiplication and, nearly always, one or two slots, where a general hash map's probe
/// (control bytes, then the key) cost about three times the instructions.
struct ShortTable {
    /// The key in each slot; 0, which no word's key is (the length is in its top byte, and no
    /// entry is empty), marks an empty slot.
    keys: Box<[u64]>,
    classes: Box<[Classes]>,
    /// 64 minus the log2 of the table's size: the slot is the top bits of the key's product with
    /// an odd constant (Fibonacci hashing, which spreads keys that differ in any byte).
    shift: u32,
}

impl ShortTable {
    fn new(entries: impl Iterator<Item = (u64, Classes)>) -> ShortTable {
        let entries: Vec<(u64, Classes)> = entries.collect();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut table =
            ShortTable { keys: vec![0; size].into(), classes: vec![Classes::default(); size].into(), shift: 64 - size.trailing_zeros() };
        for (key, c) in entries {
            assert_ne!(key, 0, "the empty word has no classes");
            let mut i = table.slot(key);
            // (Keys are distinct: the map they come from is keyed by the words themselves.)
            while table.keys[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            table.keys[i] = key;
            table.classes[i] = c;
        }
        table
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The classes of the word whose key is `key`; none for a word in no list.
    #[inline]
    fn get(&self, key: u64) -> Classes {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        // (At most half full, so an empty slot always ends the probe.)
        loop {
            let k = self.keys[i];
            if k == key {
                return self.classes[i];
            }
            if k == 0 {
                return Classes::default();
            }
            i = (i + 1) & mask;
        }
    }
}

/// The key of an ASCII word of 8 to 15 bytes, lower-cased: as [`short_key`], in 128 bits (the
/// first eight bytes, then the rest with the length in the top byte). Longer words are rarer
/// and keep the lower-cased string key.
fn medium_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    let n = b.len();
    if !(8..=15).contains(&n) {
        return None;
    }
    let lo = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
    // The last eight bytes, shifted down past the ones `lo` already holds (all of them, and a
    // shift by 64 bits, for a word of 8 bytes: nothing is left then).
    let hi = u64::from_le_bytes(b[n - 8..].try_into().expect("8 bytes")).checked_shr(8 * (16 - n) as u32).unwrap_or(0);
    let (lo, hi) = (lower_ascii8(lo)?, lower_ascii8(hi)?);
    Some(lo as u128 | ((hi | (n as u64) << 56) as u128) << 64)
}

/// Eight packed bytes lower-cased, or `None` when one is not ASCII (see [`short_key`]).
#[inline]
fn lower_ascii8(x: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if x & HIGH != 0 {
        return None;
    }
    let at_least_a = x + ONES * (0x80 - b'A' as u64);
    let above_z = x + ONES * (0x80 - b'Z' as u64 - 1);
    Some(x | (at_least_a & !above_z & HIGH) >> 2)
}

/// The eight bytes of `rest` from `at` as a little-endian integer, the first `n` of them kept
/// (at most 8; the others zero) and lower-cased, where those are ASCII letters and digits: a
/// letter's case bit (0x20) is its 0x40 bit shifted down, and a digit has neither.
#[inline]
fn lower_alnum_eight(rest: &[u8], at: usize, n: usize) -> u64 {
    let x = u64::from_le_bytes(rest[at..at + 8].try_into().expect("8 bytes"));
    let kept = if n >= 8 { x } else { x & ((1u64 << (8 * n)) - 1) };
    kept | (kept & 0x4040_4040_4040_4040) >> 1
}

/// The bytes of `b` (at most 8) as a little-endian integer, zero-padded: the same as copying
/// them into a zeroed `[u8; 8]`, without the variable-length `memcpy` call (asked for every
/// token). Two loads that may overlap cover 4 to 8 bytes; three single bytes cover 1 to 3 (the
/// overlapping bytes are the same bytes, so OR-ing them in twice changes nothing).
#[inline]
pub(crate) fn pack_le(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64;
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]) as u64;
        lo | hi << (8 * (n - 4))
    } else if n > 0 {
        b[0] as u64 | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1))
    } else {
        0
    }
}

/// What the lexicon says about one word (bits; see [`classify`]). Each token carries its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u16);

impl Classes {
    /// In `not_names.txt`.
    pub const NOT_NAME: Classes = Classes(1);
    /// A pronoun.
    pub const PRONOUN: Classes = Classes(1 << 1);
    /// A one-word cue verb.
    pub const VERB: Classes = Classes(1 << 2);
    /// A count word (`three`, `several`).
    pub const NUMBER: Classes = Classes(1 << 3);
    /// The first word of a cue verb phrase.
    pub const VERB_FIRST: Classes = Classes(1 << 4);
    /// The first word of a title.
    pub const TITLE_FIRST: Classes = Classes(1 << 5);
    /// Starts with an upper-case letter.
    pub const CAP: Classes = Classes(1 << 6);
    /// Can be part of a proper name ([`is_name_word`]).
    pub const NAME_WORD: Classes = Classes(1 << 7);
    /// A role word ([`Lexicon::is_role`]): the rules ask this of tokens, and a bit answers
    /// without lower-casing and hashing the word twice.
    pub const ROLE: Classes = Classes(1 << 8);
    /// A title of one word (a key of [`Lexicon::titles`]).
    pub const TITLE: Classes = Classes(1 << 9);
    /// In [`Lexicon::documents`].
    pub const DOCUMENT: Classes = Classes(1 << 10);
    /// In [`Lexicon::org_heads`].
    pub const ORG_HEAD: Classes = Classes(1 << 11);
    /// In [`Lexicon::org_suffixes`].
    pub const ORG_SUFFIX: Classes = Classes(1 << 12);
    /// In [`Lexicon::anonymous_heads`] (its one-word heads).
    pub const ANONYMOUS_HEAD: Classes = Classes(1 << 13);
    /// In [`Lexicon::vague_subjects`] (its one-word subjects).
    pub const VAGUE: Classes = Classes(1 << 14);

    /// Both sets of bits: `has` of the union asks for any of them.
    pub const fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    pub fn has(self, c: Classes) -> bool {
        self.0 & c.0 != 0
    }

    fn with(self, c: Classes, on: bool) -> Classes {
        if on { Classes(self.0 | c.0) } else { self }
    }
}

/// Every proper prefix, in whole words, of the keys of more than one word.
fn word_prefixes<'k>(keys: impl Iterator<Item = &'k String>) -> HashSet<String> {
    let mut prefixes = HashSet::default();
    for k in keys {
        let words: Vec<&str> = k.split(' ').collect();
        for n in 1..words.len() {
            prefixes.insert(words[..n].join(" "));
        }
    }
    prefixes
}

/// Lines of a data file with comments and blanks removed, split into trimmed fields.
fn entries(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines().filter_map(|line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() { None } else { Some(line.split(" | ").map(str::trim).collect()) }
    })
}

/// `s` in lower case, its words separated by single spaces.
fn norm(s: &str) -> String {
    // Nearly every entry is ASCII with single spaces: one lower-cased copy, not the three
    // allocations of splitting, joining and lower-casing (a sixth of the lexicon's loading).
    let b = s.as_bytes();
    let single_spaced = b.iter().all(|&c| c.is_ascii() && (c == b' ' || !c.is_ascii_whitespace()))
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ");
    if single_spaced {
        return s.to_ascii_lowercase();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn gender(field: Option<&&str>) -> Gender {
    match field.map(|s| s.to_ascii_lowercase()) {
        Some(g) if g == "male" => Gender::Male,
        Some(g) if g == "female" => Gender::Female,
        _ => Gender::Unknown,
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut verbs = HashMap::default();
        for e in entries(include_str!("speech_verbs.txt")) {
            let class = match e.get(1).map(|c| c.to_ascii_lowercase()) {
                Some(c) if c == "belief" => VerbClass::Belief,
                Some(c) if c == "evidence" => VerbClass::Evidence,
                Some(c) if c == "none" => VerbClass::NotCue,
                _ => VerbClass::Speech,
            };
            let forms = e[0];
            // Multi-word verbs list their forms as word pairs: "point out points out ...".
            let words: Vec<&str> = forms.split_whitespace().collect();
            let particle = words.iter().skip(1).find(|w| words.iter().filter(|x| x == w).count() > 1).copied();
            let lemma: &'static str = words[0];
            match particle {
                Some(p) if words.len() % 2 == 0 && words.chunks(2).all(|c| c[1] == p) => {
                    // The lemma is the first pair, "call for" (not "call", the verb alone).
                    let lemma: &'static str = forms.trim_start()[..words[0].len() + 1 + p.len()].trim_end();
                    debug_assert_eq!(lemma.split_whitespace().collect::<Vec<_>>(), [words[0], p]);
                    for c in words.chunks(2) {
                        verbs.entry(norm(&format!("{} {}", c[0], c[1]))).or_insert(Verb { lemma, class });
                    }
                }
                _ => {
                    for w in &words {
                        verbs.entry(norm(w)).or_insert(Verb { lemma, class });
                    }
                }
            }
        }
        let verb_max_words = verbs.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let verb_first_words: HashSet<String> = verbs.keys().map(|k| k.split(' ').next().unwrap_or("").to_string()).collect();
        let verb_prefixes = word_prefixes(verbs.keys());
        let verb_words = verbs
            .keys()
            .chain(verb_prefixes.iter())
            .map(|k| (k.clone(), VerbWord { verb: verbs.get(k).copied(), starts_phrase: verb_prefixes.contains(k) }))
            .collect();
        let loaded_verbs = entries(include_str!("loaded_verbs.txt"))
            .map(|e| (norm(e[0]), e.get(1).copied().unwrap_or("not a neutral attribution verb")))
            .collect();
        let titles: HashMap<String, Gender> = entries(include_str!("titles.txt")).map(|e| (norm(e[0]), gender(e.get(1)))).collect();
        let title_max_words = titles.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let title_first_words: HashSet<String> = titles.keys().map(|k| k.split(' ').next().unwrap_or("").to_string()).collect();
        let title_prefixes = word_prefixes(titles.keys());
        let mut abbreviations = HashSet::default();
        let mut ambiguous_abbreviations = HashSet::default();
        for e in entries(include_str!("abbreviations.txt")) {
            abbreviations.insert(e[0]);
            if e.get(1).is_some_and(|f| f.eq_ignore_ascii_case("ambiguous")) {
                ambiguous_abbreviations.insert(e[0]);
            }
        }
        let mut role_singular = HashSet::default();
        let mut role_plural = HashSet::default();
        for e in entries(include_str!("roles.txt")) {
            role_singular.insert(norm(e[0]));
            if let Some(p) = e.get(1) {
                role_plural.insert(norm(p));
            }
        }
        let mut anonymity_reasons = Vec::new();
        let mut anonymous_heads = HashSet::default();
        for e in entries(include_str!("anonymity.txt")) {
            if e.get(1).is_some_and(|k| k.eq_ignore_ascii_case("reason")) {
                anonymity_reasons.push(norm(e[0]));
            } else {
                anonymous_heads.insert(norm(e[0]));
            }
        }
        let vague_subjects: HashSet<String> = entries(include_str!("vague_attribution.txt")).map(|e| norm(e[0])).collect();
        let mut org_heads = HashSet::default();
        let mut org_suffixes = HashSet::default();
        for e in entries(include_str!("organisations.txt")) {
            if e.get(1).is_some_and(|k| k.eq_ignore_ascii_case("suffix")) {
                org_suffixes.insert(norm(e[0]));
            } else {
                org_heads.insert(norm(e[0]));
            }
        }
        let documents: HashSet<String> = entries(include_str!("documents.txt")).map(|e| norm(e[0])).collect();
        let numbers: HashMap<String, Option<u32>> =
            entries(include_str!("numbers.txt")).map(|e| (norm(e[0]), e.get(1).and_then(|v| v.parse().ok()))).collect();
        let pronouns: HashMap<String, (Gender, bool)> = entries(include_str!("pronouns.txt"))
            .map(|e| (norm(e[0]), (gender(e.get(1)), e.get(2).is_some_and(|n| n.eq_ignore_ascii_case("plural")))))
            .collect();
        let first_names = entries(include_str!("first_names.txt")).map(|e| (norm(e[0]), gender(e.get(1)))).collect();
        let kinship = entries(include_str!("kinship.txt")).map(|e| (norm(e[0]), gender(e.get(1)))).collect();
        let works = entries(include_str!("works.txt")).map(|e| norm(e[0])).collect();
        let not_names: HashSet<String> = entries(include_str!("not_names.txt")).map(|e| norm(e[0])).collect();
        let boilerplate_labels = entries(include_str!("boilerplate.txt")).map(|e| e[0]).collect();
        let mut classes: HashMap<String, Classes> = HashMap::default();
        let mut add = |words: &mut dyn Iterator<Item = &String>, c: Classes| {
            for w in words {
                let e = classes.entry(w.clone()).or_default();
                *e = e.with(c, true);
            }
        };
        add(&mut not_names.iter(), Classes::NOT_NAME);
        add(&mut pronouns.keys(), Classes::PRONOUN);
        add(&mut verbs.keys(), Classes::VERB);
        add(&mut numbers.keys(), Classes::NUMBER);
        add(&mut verb_first_words.iter(), Classes::VERB_FIRST);
        add(&mut title_first_words.iter(), Classes::TITLE_FIRST);
        // (Multi-word roles and titles are keys no token has: a token holds no space.)
        add(&mut role_singular.iter(), Classes::ROLE);
        add(&mut role_plural.iter(), Classes::ROLE);
        add(&mut titles.keys(), Classes::TITLE);
        add(&mut documents.iter(), Classes::DOCUMENT);
        add(&mut org_heads.iter(), Classes::ORG_HEAD);
        add(&mut org_suffixes.iter(), Classes::ORG_SUFFIX);
        add(&mut anonymous_heads.iter(), Classes::ANONYMOUS_HEAD);
        add(&mut vague_subjects.iter(), Classes::VAGUE);
        Lexicon {
            verbs,
            verb_max_words,
            verb_first_words,
            verb_prefixes,
            verb_words,
            loaded_verbs,
            titles,
            title_max_words,
            title_first_words,
            title_prefixes,
            abbreviation_pairs: {
                let mut pairs = vec![0u64; 65536 / 64];
                for a in &abbreviations {
                    // (An abbreviation has a period after at least one character: two bytes or more.)
                    if let [b0, b1, ..] = *a.as_bytes() {
                        let pair = (b0 as usize) << 8 | b1 as usize;
                        pairs[pair / 64] |= 1 << (pair % 64);
                    }
                }
                pairs
            },
            abbreviations,
            ambiguous_last_bytes: {
                let mut last = [false; 256];
                for a in &ambiguous_abbreviations {
                    if let Some(&b) = a.as_bytes().last() {
                        last[b as usize] = true;
                    }
                }
                last
            },
            ambiguous_abbreviations,
            role_singular,
            role_plural,
            anonymity_reasons,
            anonymous_heads,
            vague_subjects,
            org_heads,
            org_suffixes,
            documents,
            numbers,
            pronouns,
            first_names,
            kinship,
            works,
            not_names,
            boilerplate_labels,
            short_classes: ShortTable::new(classes.iter().filter_map(|(k, &c)| short_key(k).map(|key| (key, c)))),
            medium_classes: classes.iter().filter_map(|(k, &c)| medium_key(k).map(|key| (key, c))).collect(),
            classes,
        }
    }

    /// The gender a given name almost always has, or `Unknown`.
    ///
    /// ```
    /// use whosaid::lexicon::{lexicon, Gender};
    /// assert_eq!(lexicon().first_name_gender("Margaret"), Gender::Female);
    /// assert_eq!(lexicon().first_name_gender("Jordan"), Gender::Unknown);
    /// ```
    pub fn first_name_gender(&self, word: &str) -> Gender {
        self.first_names.get(lower(word).as_ref()).copied().unwrap_or(Gender::Unknown)
    }

    /// The lexicon classes of `word` (any case): one look-up; see [`classify`] for the others.
    // (Inlined with the short words' look-up, asked for most tokens; the longer words' look-ups,
    // out of line, no longer make every call save and restore the registers they need.)
    #[inline]
    pub(crate) fn lexicon_classes(&self, word: &str) -> Classes {
        if let Some(key) = short_key(word) {
            return self.short_classes.get(key);
        }
        self.longer_word_classes(word)
    }

    /// [`Lexicon::lexicon_classes`] of the word `text[word]`, of ASCII letters and digits. When
    /// the text holds the eight bytes from the word's start (for a word of 8 to 15 bytes,
    /// sixteen) of which the word's key is made, they are read in one (two) loads and the bytes
    /// past the word masked off, instead of gathering the word's bytes by length ([`pack_le`],
    /// [`medium_key`]); and with only letters and digits to lower-case, a byte's case bit is its
    /// 0x40 bit shifted down (set for letters, clear for digits), with no range tests. The keys
    /// are the same.
    #[inline]
    fn alnum_word_classes(&self, text: &str, word: std::ops::Range<usize>) -> Classes {
        let rest = &text.as_bytes()[word.start..];
        let n = word.len();
        if n <= 7 && rest.len() >= 8 {
            return self.short_classes.get(lower_alnum_eight(rest, 0, n) | (n as u64) << 56);
        }
        self.longer_alnum_word_classes(text, word)
    }

    /// [`Lexicon::alnum_word_classes`] of a word of 8 bytes or more, or near the end of the text
    /// (out of line: the short words' look-up is inlined into the tokenizer, this is not).
    #[inline(never)]
    fn longer_alnum_word_classes(&self, text: &str, word: std::ops::Range<usize>) -> Classes {
        let rest = &text.as_bytes()[word.start..];
        let n = word.len();
        if (8..=15).contains(&n) && rest.len() >= 16 {
            let key = lower_alnum_eight(rest, 0, 8) as u128 | ((lower_alnum_eight(rest, 8, n - 8) | (n as u64) << 56) as u128) << 64;
            return self.medium_classes.get(&key).copied().unwrap_or_default();
        }
        self.lexicon_classes(&text[word])
    }

    /// [`Lexicon::lexicon_classes`] of a word that is not short ASCII.
    #[inline(never)]
    fn longer_word_classes(&self, word: &str) -> Classes {
        if let Some(key) = medium_key(word) {
            return self.medium_classes.get(&key).copied().unwrap_or_default();
        }
        self.classes.get(lower(word).as_ref()).copied().unwrap_or_default()
    }

    /// False when no abbreviation that may also end a sentence ends in byte `last`: a test of
    /// a word's last byte before [`Lexicon::is_ambiguous_abbreviation`] needs the word itself.
    pub fn may_end_ambiguous_abbreviation(&self, last: u8) -> bool {
        self.ambiguous_last_bytes[last as usize]
    }

    /// True when `word` is an abbreviation (`Mr.`, `Jan.`; case-sensitive): `abbreviations.contains`.
    /// The tokenizer asks it of every word before a period, most of them a sentence's last word
    /// (`said.`), whose first two bytes start no abbreviation: answered from a bit, without
    /// hashing the word.
    #[inline]
    pub fn is_abbreviation(&self, word: &str) -> bool {
        match *word.as_bytes() {
            [b0, b1, ..] => {
                let pair = (b0 as usize) << 8 | b1 as usize;
                self.abbreviation_pairs[pair / 64] & 1 << (pair % 64) != 0 && self.abbreviations.contains(word)
            }
            _ => self.abbreviations.contains(word),
        }
    }

    /// True when `word` is an abbreviation that may also end a sentence (`U.S.`; case-sensitive).
    pub fn is_ambiguous_abbreviation(&self, word: &str) -> bool {
        word.as_bytes().last().is_some_and(|&b| self.ambiguous_last_bytes[b as usize]) && self.ambiguous_abbreviations.contains(word)
    }

    /// The cue verb spelled `word` (any case), if it is one.
    pub fn verb(&self, word: &str) -> Option<Verb> {
        self.verbs.get(lower(word).as_ref()).copied()
    }

    pub fn is_role(&self, word: &str) -> bool {
        let w = lower(word);
        self.role_singular.contains(w.as_ref()) || self.role_plural.contains(w.as_ref())
    }

    pub fn pronoun(&self, word: &str) -> Option<(Gender, bool)> {
        self.pronouns.get(lower(word).as_ref()).copied()
    }

    /// True when the lower-case `phrase` contains one of the anonymous heads of more than one
    /// word (`people familiar with`) anywhere. A head is looked for only where the phrase holds
    /// a pair of bytes that starts one (a bit per pair), and then only the heads with that first
    /// byte are compared: most of a phrase's bytes start no head, and the phrases asked about are
    /// short (a subject's words). (An Aho-Corasick automaton, as before, cost about 950
    /// instructions a phrase to search and 0.7M to build; its DFA 3.5M to build.)
    pub fn has_multiword_anonymous_head(&self, phrase: &str) -> bool {
        struct Heads {
            /// Bit `256 * b0 + b1` is set when some head starts with the bytes `b0 b1`.
            first_pairs: Vec<u64>,
            /// The heads by their first byte.
            by_first_byte: Vec<Vec<&'static [u8]>>,
        }
        static HEADS: LazyLock<Heads> = LazyLock::new(|| {
            let mut heads = Heads { first_pairs: vec![0; 65536 / 64], by_first_byte: vec![Vec::new(); 256] };
            for head in lexicon().anonymous_heads.iter().filter(|h| h.contains(' ')) {
                // (A head holds a space, so it has at least two bytes.)
                let h = head.as_bytes();
                let pair = (h[0] as usize) << 8 | h[1] as usize;
                heads.first_pairs[pair / 64] |= 1 << (pair % 64);
                heads.by_first_byte[h[0] as usize].push(h);
            }
            heads
        });
        let heads = &*HEADS;
        let p = phrase.as_bytes();
        p.windows(2).enumerate().any(|(i, pair)| {
            let pair = (pair[0] as usize) << 8 | pair[1] as usize;
            heads.first_pairs[pair / 64] & 1 << (pair % 64) != 0
                && heads.by_first_byte[p[i] as usize].iter().any(|head| p[i..].starts_with(head))
        })
    }

    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(lower(word).as_ref())
    }
}

/// Everything [`Classes`] says about `word`: its lexicon classes, capital and name-word bits.
pub fn classify(word: &str) -> Classes {
    let c = lexicon().lexicon_classes(word);
    let c = c.with(Classes::CAP, is_cap(word));
    c.with(Classes::NAME_WORD, name_word(word, c))
}

/// [`classify`] of a word made only of ASCII letters and digits (most tokens; the tokenizer
/// knows it without looking again), the word `text[word]`. Such a word has no apostrophe, hyphen
/// or curly mark, so of `name_word`'s tests only the lexicon classes are left (no party tag, no
/// contraction, no inner capital after a joiner), and its capital is its first byte's: no scan
/// of its bytes for joiners and no UTF-8 decoding, as `classify` does for any text. Its lexicon
/// key is read from the text in whole words of eight bytes, which may run past the word (see
/// [`Lexicon::alnum_word_classes`]), and a short word is not sliced out of the text as a `str`.
// (Inlined into the tokenizer, as it was before it took the text: left to itself the compiler
// now calls it, about 3M instructions more on 2 MB.)
#[inline]
pub fn classify_alnum(text: &str, word: std::ops::Range<usize>) -> Classes {
    debug_assert!(!word.is_empty() && text.as_bytes()[word.clone()].iter().all(u8::is_ascii_alphanumeric));
    let cap = text.as_bytes()[word.start].is_ascii_uppercase();
    let c = lexicon().alnum_word_classes(text, word);
    let c = c.with(Classes::CAP, cap);
    let name = cap && !(c.has(Classes::NOT_NAME) || c.has(Classes::PRONOUN) || c.has(Classes::VERB) || c.has(Classes::NUMBER));
    c.with(Classes::NAME_WORD, name)
}

/// [`classify`] of the one-character text `c`, read from a table for the characters of most
/// one-character tokens: punctuation, curly quotation marks and dashes, single letters and
/// digits (U+0000 to U+00FF and U+2000 to U+206F). The table is filled by `classify` itself, so
/// the answer is the same; it saves the hash look-up, and for the non-ASCII marks (`“`, `’`,
/// `—`) the lower-cased `String` that `lower` allocates for a non-ASCII word.
pub fn classify_char(c: char) -> Classes {
    const LATIN1: usize = 0x100;
    const PUNCT: std::ops::Range<usize> = 0x2000..0x2070;
    static TABLE: LazyLock<Vec<Classes>> = LazyLock::new(|| {
        (0..LATIN1)
            .chain(PUNCT)
            .map(|i| char::from_u32(i as u32).map_or(Classes::default(), |c| classify(c.encode_utf8(&mut [0u8; 4]))))
            .collect()
    });
    let i = c as usize;
    if i < LATIN1 {
        TABLE[i]
    } else if PUNCT.contains(&i) {
        TABLE[LATIN1 + i - PUNCT.start]
    } else {
        classify(c.encode_utf8(&mut [0u8; 4]))
    }
}

fn is_cap(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// A word that can be part of a proper name.
pub fn is_name_word(w: &str) -> bool {
    classify(w).has(Classes::NAME_WORD)
}

/// [`is_name_word`], given the word's lexicon classes and capital bit.
fn name_word(w: &str, c: Classes) -> bool {
    // Contractions and inner-capital names need an apostrophe, a hyphen or a curly mark (whose
    // UTF-8 starts with 0xE2): most words have none, and skip those tests. (The scan for them
    // comes after the cheaper tests: it is asked for every token.)
    let joined = || w.bytes().any(|b| matches!(b, b'\'' | b'-' | 0xE2));
    if c.has(Classes::CAP) {
        // A party-state tag ("D-Mich.", "R-Ill.") follows a name but is not one.
        let b = w.as_bytes();
        if b.len() >= 4 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase() {
            return false;
        }
        if c.has(Classes::NOT_NAME) || c.has(Classes::PRONOUN) || c.has(Classes::VERB) || c.has(Classes::NUMBER) {
            return false;
        }
        let contraction =
            joined() && ["'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "n't", "n’t"].iter().any(|c| w.ends_with(c));
        return !contraction;
    }
    // "al-Jaberi", "d'Arcy", "McDonald" are names with a lower-case start.
    w.len() > 3 && joined() && w.split(['-', '\'', '’']).skip(1).any(is_cap)
}

/// `word` in lower case, borrowed when it already is (most words are), else lower-cased into a
/// buffer on the stack when it is short ASCII (most others are): no allocation for a look-up.
pub fn lower(word: &str) -> Lower<'_> {
    let b = word.as_bytes();
    if !b.iter().any(|&c| c.is_ascii_uppercase() || c >= 0x80) {
        Lower::Borrowed(word)
    } else if b.len() <= INLINE && b.is_ascii() {
        let mut buf = [0u8; INLINE];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Lower::Inline(InlineAscii { buf, len: b.len() as u8 })
    } else {
        lower_beyond_ascii(word)
    }
}

/// [`lower`] of a word that is long or not ASCII: borrowed or on the stack as well when its only
/// characters beyond ASCII are General Punctuation (U+2000 to U+206F: `’` in `don’t`,
/// `Trump’s`), which has no case, so that ASCII lower-casing is `to_lowercase`; else a `String`.
/// (Out of line: [`lower`] is inlined where it is asked.)
#[inline(never)]
fn lower_beyond_ascii(word: &str) -> Lower<'_> {
    let b = word.as_bytes();
    if only_general_punctuation_beyond_ascii(b) {
        if !b.iter().any(u8::is_ascii_uppercase) {
            return Lower::Borrowed(word);
        }
        if b.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            return Lower::Inline(InlineAscii { buf, len: b.len() as u8 });
        }
    }
    Lower::Owned(word.to_lowercase())
}

/// Whether every character of the UTF-8 text `b` beyond ASCII is in U+2000 to U+206F (three
/// bytes: 0xE2, then 0x80 and any continuation byte, or 0x81 and one up to 0xAF).
fn only_general_punctuation_beyond_ascii(b: &[u8]) -> bool {
    // (Valid UTF-8: a lead byte, 0xC0 and up, is followed by its continuation bytes.)
    b.iter().enumerate().all(|(i, &c)| c < 0xC0 || c == 0xE2 && (b[i + 1] == 0x80 || b[i + 1] == 0x81 && b[i + 2] <= 0xAF))
}

const INLINE: usize = 30;

/// A lower-cased word: see [`lower`].
pub enum Lower<'a> {
    Borrowed(&'a str),
    /// Up to 30 ASCII bytes.
    Inline(InlineAscii),
    Owned(String),
}

/// A short lower-cased word on the stack. Its fields are private: only [`lower`] makes one, from
/// the bytes of a `str` with its ASCII bytes lower-cased (still valid UTF-8: only ASCII bytes
/// change, into ASCII bytes).
pub struct InlineAscii {
    buf: [u8; INLINE],
    len: u8,
}

impl InlineAscii {
    fn as_str(&self) -> &str {
        let bytes = &self.buf[..self.len as usize];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `lower` fills `buf` only with the bytes of a `str` (valid UTF-8), its ASCII
        // bytes lower-cased into ASCII bytes and the others copied as they are, which leaves it
        // valid UTF-8; the fields are private, so no other code writes them. (`from_utf8`
        // checked it again on every look-up: 2% of the run time.)
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

impl Lower<'_> {
    pub fn into_owned(self) -> String {
        self.as_ref().to_string()
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Inline(a) => a.as_str(),
            Lower::Owned(s) => s,
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_ref()
    }
}

/// The one shared lexicon, parsed on first use.
///
/// ```
/// let lex = whosaid::lexicon::lexicon();
/// assert!(lex.verb("said").is_some());
/// assert!(lex.titles.contains_key("mr."));
/// ```
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::{pack_le, short_key};

    /// `is_abbreviation` answers as `abbreviations.contains`: for every abbreviation, every
    /// abbreviation with one byte changed or cut short, and other words.
    #[test]
    fn is_abbreviation_is_contains() {
        let lex = super::lexicon();
        let mut words: Vec<String> =
            ["", ".", "M", "said.", "Canada.", "mr.", "MR.", "Mr", "Mr.", "U.S.", "a.m."].map(String::from).to_vec();
        for a in &lex.abbreviations {
            for k in 0..=a.len() {
                words.push(a[..k].to_string());
                for c in ['a', 'Z', '.', 'é'] {
                    let mut b: Vec<char> = a.chars().collect();
                    if k < b.len() {
                        b[k] = c;
                        words.push(b.into_iter().collect());
                    }
                }
            }
        }
        for w in &words {
            assert_eq!(lex.is_abbreviation(w), lex.abbreviations.contains(w.as_str()), "{w:?}");
        }
    }

    /// The short-word table gives the string map's answer for every lexicon word of up to 7
    /// ASCII bytes, in three spellings, and none for words in no list.
    #[test]
    fn short_table_is_the_map() {
        let lex = super::lexicon();
        let mut found = 0;
        for (w, &c) in &lex.classes {
            let mut cap = w.clone();
            if let Some(first) = cap.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            for spelling in [w.clone(), cap, w.to_ascii_uppercase()] {
                if let Some(key) = short_key(&spelling) {
                    assert_eq!(lex.short_classes.get(key), c, "{spelling:?}");
                    found += 1;
                }
            }
        }
        assert!(found > 300);
        for w in ["", "x", "zzq", "Smith", "qwertyu", "1990s", "Ottawa", "ab1", "said7"] {
            if !lex.classes.contains_key(&w.to_ascii_lowercase()) {
                assert_eq!(lex.short_classes.get(short_key(w).unwrap()), super::Classes::default(), "{w:?}");
            }
        }
    }

    /// `pack_le` is the bytes copied into a zeroed `[u8; 8]`, for every length.
    #[test]
    fn pack_le_is_a_zero_padded_copy() {
        let bytes = [0x81u8, 2, 0x83, 4, 0xF5, 6, 7, 0xFF];
        for n in 0..=8 {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(pack_le(&bytes[..n]), u64::from_le_bytes(buf), "length {n}");
        }
    }

    /// The table of one-character classes agrees with `classify` inside and outside its ranges.
    #[test]
    fn classify_char_is_classify() {
        for i in (0..0x300).chain(0x1FF0..0x2100).chain([0x3000, 0x1F600]) {
            if let Some(c) = char::from_u32(i) {
                assert_eq!(super::classify_char(c), super::classify(&c.to_string()), "{c:?}");
            }
        }
    }

    /// `lower` is `to_lowercase` for words of ASCII and General Punctuation (its stack and
    /// borrowed cases), and for others: every character of U+2000 to U+207F and of Latin-1 in
    /// words of each case, short and long.
    #[test]
    fn lower_is_to_lowercase() {
        let mut words: Vec<String> = Vec::new();
        for c in (0x20..0x250).chain(0x1FF0..0x2080).chain([0x212A, 0x130, 0x1F600]).filter_map(char::from_u32) {
            for w in [format!("Don{c}t"), format!("{c}"), format!("trump{c}S"), format!("{c}{}", "Ab".repeat(20)), format!("ab{c}")] {
                words.push(w);
            }
        }
        for w in &words {
            assert_eq!(super::lower(w).as_ref(), w.to_lowercase(), "{w:?}");
        }
    }

    /// `classify_alnum` agrees with `classify` on words of ASCII letters and digits: every
    /// lexicon word of that form in three spellings, and words built to hit each class test.
    #[test]
    fn classify_alnum_is_classify() {
        let lex = super::lexicon();
        let mut words: Vec<String> = Vec::new();
        for w in lex.classes.keys().filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric())) {
            let mut cap = w.clone();
            cap[..1].make_ascii_uppercase();
            words.extend([w.clone(), cap, w.to_ascii_uppercase()]);
        }
        words.extend(
            [
                "Smith",
                "McDonald",
                "DMich",
                "R2D2",
                "1990s",
                "x",
                "X",
                "Zz9",
                "Spokeswoman",
                "ABCDEFGH",
                "Abcdefghijklmno",
                "Abcdefghijklmnop",
                "Internationalisation2",
            ]
            .map(String::from),
        );
        assert!(words.len() > 100);
        // (Each word alone, and followed by text from which `alnum_word_classes` loads bytes
        // past the word: the answer must not depend on them.)
        let tails = [
            "",
            " ",
            ".x",
            "abcdefghijklmnopq",
            "ABCDEFGHIJKLMNOPQ",
            " \u{201d}\u{2014}0123456789,;:!?",
            "\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}",
        ];
        for w in &words {
            for tail in tails {
                let text = format!("{w}{tail}");
                assert_eq!(super::classify_alnum(&text, 0..w.len()), super::classify(w), "{w:?} then {tail:?}");
            }
        }
    }

    /// The 128-bit key is each byte lower-cased in turn, with the length in the top byte, for
    /// every ASCII byte and every length from 8 to 15.
    #[test]
    fn medium_key_lower_cases_each_byte() {
        let reference = |w: &str| -> Option<u128> {
            let b = w.as_bytes();
            ((8..=15).contains(&b.len()) && b.is_ascii())
                .then(|| b.iter().enumerate().fold((b.len() as u128) << 120, |k, (i, c)| k | (c.to_ascii_lowercase() as u128) << (8 * i)))
        };
        let mut words: Vec<String> = Vec::new();
        for c in 0u8..128 {
            for n in 7..=16 {
                let w: String = "AbYz@Z[`azMcDoX".chars().take(n - 1).collect();
                words.push(format!("{w}{}", c as char));
                words.push(format!("{}{w}", c as char));
            }
        }
        words.extend(["spokesperson", "SPOKESWOMAN", "élan-vital", "Commissioner", "lieutenant-general"].map(String::from));
        for w in &words {
            assert_eq!(super::medium_key(w), reference(w), "{w:?}");
        }
    }

    /// The packed key is each byte lower-cased in turn, for every ASCII byte and length.
    #[test]
    fn short_key_lower_cases_each_byte() {
        let reference = |w: &str| -> Option<u64> {
            let b = w.as_bytes();
            (b.len() <= 7 && b.is_ascii())
                .then(|| b.iter().enumerate().fold((b.len() as u64) << 56, |k, (i, c)| k | (c.to_ascii_lowercase() as u64) << (8 * i)))
        };
        let mut words: Vec<String> = (0u8..128).map(|c| (c as char).to_string()).collect();
        for c in 0u8..128 {
            words.push(format!("@Z{}[`az", c as char));
            words.push(format!("AbYz{}\x7f", c as char));
        }
        words.extend(["", "Said", "SAID", "Mr.", "U.S.", "élan", "longword", "McDonald"].map(String::from));
        for w in &words {
            assert_eq!(short_key(w), reference(w), "{w:?}");
        }
    }

    /// The search by first bytes finds a multi-word anonymous head where a substring search
    /// for each head would: at the phrase's start and end, inside words, and not at all.
    #[test]
    fn multiword_anonymous_heads_are_found_anywhere() {
        let lex = super::lexicon();
        let heads: Vec<&String> = lex.anonymous_heads.iter().filter(|h| h.contains(' ')).collect();
        let mut phrases: Vec<String> = vec![String::new(), "s".into(), "a senior".into(), "officials".into(), "the mayor".into()];
        for h in &heads {
            phrases.push(h.to_string());
            phrases.push(format!("two {h}s"));
            phrases.push(format!("x{h}"));
            phrases.push(h[..h.len() - 1].to_string());
            phrases.push(h[1..].to_string());
        }
        for p in &phrases {
            assert_eq!(lex.has_multiword_anonymous_head(p), heads.iter().any(|h| p.contains(h.as_str())), "{p:?}");
        }
    }
}
