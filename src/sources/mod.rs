//! Stage 3: from speaker mentions to sources.
//!
//! In: the [`Document`] and the [`Quote`]s with the mentions their cues name.
//! Out: [`Source`]s (people, organisations, documents, anonymous sources and
//! vague groups), each with every mention clustered to it, its title, role,
//! affiliation, gender as the article gives it, anonymous count and reason,
//! and for each quote the source it is attributed to.
//!
//! Clustering is by surname for names (`Mr. Rasoul` → Yahya Rasoul, fullest
//! form taken from anywhere in the article), by recency and gender for
//! pronouns, and by head noun for definite descriptions (`the officials`).

mod anonymity;
mod names;

use crate::Span;
use crate::lexicon::{Classes, Gender, lexicon, lower};
use crate::quotes::{Mention, MentionKind, Quote};
use crate::text::Document;
use names::{Key, NameIndex};
// (FxHash, not std's SipHash: these maps are only looked up, never iterated, so the output
// does not depend on the hasher, and SipHash cost 1% of the run time.)
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use std::collections::hash_map::Entry;

/// True when a capitalised name reads as an organisation (`Delmar Construction Ltd.`).
pub fn is_organisation_name(name: &str) -> bool {
    names::is_organisation(name, false)
}

/// What kind of thing a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    Person,
    Organisation,
    /// Documents and data: reports, contracts, polls, figures.
    Document,
    /// A vague collective: `critics`, `experts`, `many`.
    Group,
    /// An unnamed person or people: `a US military official`, `officials`.
    Anonymous,
}

/// One source the article quotes.
#[derive(Clone, Debug)]
pub struct Source {
    /// The fullest form the article gives (`Yahya Rasoul`), or the descriptor as written.
    pub name: String,
    pub kind: SourceType,
    pub anonymous: bool,
    pub title: Option<Span>,
    pub role: Option<Span>,
    /// The age the article gives after the name (`Ellen Marsh, 71, who runs ...`).
    pub age: Option<u32>,
    pub affiliation: Option<String>,
    /// For anonymous sources and groups: the describing phrase (`three Iraqi intelligence officials`).
    pub descriptor: Option<Span>,
    /// Number of people, where the text gives it.
    pub count: Option<u32>,
    /// Why anonymity was granted, as the article says it.
    pub anonymity_reason: Option<Span>,
    pub gender: Gender,
    pub mentions: Vec<Span>,
    pub quotes: Vec<usize>,
    pub quoted_words: usize,
    /// Surname key for clustering names (lower case, particles dropped), or a description's head.
    key: Key,
    plural: bool,
    /// The gender the given name usually has (`first_names.txt`): used only to choose the referent
    /// of "he" or "she", never reported (`gender` is what the article itself says).
    name_gender: Gender,
}

/// The speaker of one quote after attribution.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attribution {
    /// The source it is attributed to.
    pub source: Option<usize>,
    /// The mention nearest the quote (its own, or the one of the quote it continues).
    pub mention: Option<Span>,
    /// Attributed by context only (no cue, no quote to continue): to the person in focus.
    pub inferred: bool,
}

/// Sources and per-quote attributions.
pub struct Sources {
    pub sources: Vec<Source>,
    pub attributions: Vec<Attribution>,
}

/// The sources and attributions of a text analysed in sections (see [`crate::analyze`]), merged
/// into one list as each section is added: spans made absolute, quote and source ids renumbered.
///
/// A named source (a person or an organisation, not anonymous) merges with the first source of
/// an earlier section of the same type and the same name; every other source (anonymous sources,
/// groups, documents, and names whose fullest form differs between sections) stays separate, as
/// clustering never looks across a section boundary.
#[derive(Default)]
pub(crate) struct Merged {
    pub sources: Vec<Source>,
    pub attributions: Vec<Attribution>,
    names: NamedSources,
}

impl Merged {
    /// Appends one section's sources and attributions: `offset` is where the section starts in
    /// the whole text, `quote_base` the number of quotes found in the sections before it.
    pub(crate) fn add(&mut self, section: Sources, offset: usize, quote_base: usize) {
        let ids = self.names.ids(&section.sources, self.sources.len());
        for (mut s, &id) in section.sources.into_iter().zip(&ids) {
            s.shift(offset, quote_base);
            // (New ids come in order: a new source's id is the list's length.)
            if id < self.sources.len() {
                self.sources[id].absorb(s);
            } else {
                self.sources.push(s);
            }
        }
        self.attributions.extend(section.attributions.into_iter().map(|a| Attribution {
            source: a.source.map(|i| ids[i]),
            mention: a.mention.map(|m| m.shifted(offset)),
            inferred: a.inferred,
        }));
    }

    /// [`Merged::add`] for a text analysed in one section (nearly every article): with no other
    /// section to merge with, each source keeps its id and every span and quote index stays as it
    /// is, so the names need not be indexed for merging (a copy and a hash of every name).
    pub(crate) fn add_whole(&mut self, section: Sources) {
        debug_assert!(self.sources.is_empty() && self.attributions.is_empty());
        // (The section's vectors are taken as they are: extending empty ones copied every source
        // and allocated twice.)
        self.sources = section.sources;
        self.attributions = section.attributions;
    }
}

/// The named sources of the sections merged so far, by type and name: which earlier source a
/// section's source merges with (see [`Merged`]).
#[derive(Default)]
pub(crate) struct NamedSources {
    named: HashMap<(SourceType, String), usize>,
}

impl NamedSources {
    /// Whether a source may merge with another section's: a person or an organisation, not
    /// anonymous. The others are complete when their section is.
    pub(crate) fn mergeable(s: &Source) -> bool {
        matches!(s.kind, SourceType::Person | SourceType::Organisation) && !s.anonymous
    }

    /// The merged id of each of a section's sources, after `count` sources merged before it:
    /// the id of an earlier section's source of the same type and name, else the next new id.
    pub(crate) fn ids(&mut self, section: &[Source], count: usize) -> Vec<usize> {
        let mut ids = Vec::with_capacity(section.len());
        let mut named = Vec::new();
        let mut next = count;
        for s in section {
            let key = Self::mergeable(s).then(|| (s.kind, s.name.clone()));
            if let Some(&id) = key.as_ref().and_then(|k| self.named.get(k)) {
                ids.push(id);
            } else {
                named.extend(key.map(|k| (k, next)));
                ids.push(next);
                next += 1;
            }
        }
        // Only after the whole section: two sources of one section are never merged.
        for (k, id) in named {
            self.named.entry(k).or_insert(id);
        }
        ids
    }
}

impl Source {
    /// The source's gender as far as it is known: from pronouns and titles, else its given name.
    fn known_gender(&self) -> Gender {
        if self.gender == Gender::Unknown { self.name_gender } else { self.gender }
    }

    /// Every span `offset` bytes further on, every quote index `quote_base` further on.
    fn shift(&mut self, offset: usize, quote_base: usize) {
        if offset == 0 && quote_base == 0 {
            return;
        }
        for sp in [&mut self.title, &mut self.role, &mut self.descriptor, &mut self.anonymity_reason].into_iter().flatten() {
            *sp = sp.shifted(offset);
        }
        for m in &mut self.mentions {
            *m = m.shifted(offset);
        }
        for q in &mut self.quotes {
            *q += quote_base;
        }
    }

    /// Takes in the same source found in a later section: its mentions and quotes (all after
    /// this source's own), its quoted words, and whatever this one lacks (title, role, gender...).
    pub(crate) fn absorb(&mut self, later: Source) {
        self.mentions.extend(later.mentions);
        self.quotes.extend(later.quotes);
        self.quoted_words += later.quoted_words;
        self.title = self.title.or(later.title);
        self.role = self.role.or(later.role);
        self.age = self.age.or(later.age);
        self.affiliation = self.affiliation.take().or(later.affiliation);
        self.descriptor = self.descriptor.or(later.descriptor);
        self.count = self.count.or(later.count);
        self.anonymity_reason = self.anonymity_reason.or(later.anonymity_reason);
        if self.gender == Gender::Unknown {
            self.gender = later.gender;
        }
    }
}

/// Builds the sources of `quotes` in `doc`.
pub fn attribute(doc: &Document, quotes: &[Quote]) -> Sources {
    let names = NameIndex::build(doc);
    // (Room for most articles' sources and mentions at once: on the sample a median article has
    // a source per two or three quotes and a mention per quote, and growing the vectors and
    // maps from empty reallocated and rehashed them a few times each.)
    let (sources_room, mentions_room) = (quotes.len() / 2, quotes.len());
    let mut b = Builder {
        doc,
        names,
        sources: Vec::with_capacity(sources_room),
        last_seen: Vec::with_capacity(sources_room),
        by_key: HashMap::with_capacity_and_hasher(sources_room, Default::default()),
        same_key_before: Vec::with_capacity(sources_room),
        recency: BTreeSet::new(),
        mention_owner: HashMap::with_capacity_and_hasher(mentions_room, Default::default()),
        other_mentions: HashSet::default(),
        organisations: Vec::new(),
    };
    let mut attributions = vec![Attribution::default(); quotes.len()];
    // The sources of one quote's mention (one vector for all quotes: most have one source).
    let mut ids = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(m) = &q.mention {
            ids.clear();
            b.resolve(m, q.span.start, &mut ids);
            // "Tamsin told police she could hear ...": reported content whose subject is a
            // pronoun most often speaks of its speaker, a hint (used only to resolve later
            // pronouns, never reported) at a gender the text does not state.
            if let [id] = ids[..] {
                let s = &mut b.sources[id];
                if s.kind == SourceType::Person && s.gender == Gender::Unknown && s.name_gender == Gender::Unknown {
                    s.name_gender = content_subject_gender(doc, q);
                }
            }
            // (The mention nearest the quote: a relative pronoun standing for the phrase, `who said`.)
            attributions[i] = Attribution { source: ids.first().copied(), mention: Some(m.relative.unwrap_or(m.span)), inferred: false };
            for &id in &ids {
                b.sources[id].quotes.push(i);
            }
        } else if q.rule == crate::quotes::ANSWER_RULE {
            // An interview's answer is the interviewee's: the person in focus at the first answer
            // (the one the introduction names), and the same person for the answers after it. Its
            // label `A` stands for them, as `he` would: the mention nearest the quote.
            let id = match q.follows {
                Some(j) => attributions[j].source,
                None => b.person_in_focus(q.span.start),
            };
            let mention = q.cue.or_else(|| q.follows.and_then(|j| attributions[j].mention));
            attributions[i] = Attribution { source: id, mention, inferred: false };
            if let Some(id) = id {
                b.sources[id].quotes.push(i);
                b.set_last_seen(id, q.span.start);
            }
        } else if let Some(j) = q.follows {
            attributions[i] = attributions[j];
            attributions[i].inferred = false;
            if let Some(id) = attributions[i].source {
                b.sources[id].quotes.push(i);
                b.set_last_seen(id, q.span.start);
            }
        } else if q.kind == crate::quotes::QuoteKind::Direct && whole_paragraph(doc, q) {
            // A quote with neither a cue nor a speaker to continue: in news it is most often the
            // person the story is about at that point, who was just named or quoted.
            if let Some(id) = b.person_in_focus(q.span.start) {
                attributions[i] = Attribution { source: Some(id), mention: None, inferred: true };
                b.sources[id].quotes.push(i);
            }
        }
    }
    let Builder { mut sources, .. } = b;
    add_name_mentions(doc, &mut sources);
    anonymity::attach_reasons(doc, &mut sources);
    for s in &mut sources {
        s.quotes.dedup();
        // (The words holding a letter or a digit, counted once per quote by `quotes::detect`.)
        s.quoted_words = s.quotes.iter().map(|&i| quotes[i].words.1).sum();
    }
    Sources { sources, attributions }
}

/// The gender of a pronoun opening reported content (`she could hear ...`, `that he had ...`).
fn content_subject_gender(doc: &Document, q: &Quote) -> Gender {
    if q.kind == crate::quotes::QuoteKind::Direct {
        return Gender::Unknown;
    }
    let mut words = q.span.slice(doc.text).split_whitespace();
    let first = match words.next() {
        Some(w) if w.eq_ignore_ascii_case("that") => words.next(),
        w => w,
    };
    match first.map(str::to_ascii_lowercase).as_deref() {
        Some("he") => Gender::Male,
        Some("she") => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// True when the quote, with its marks, is its paragraph (not a fragment inside a sentence).
fn whole_paragraph(doc: &Document, q: &Quote) -> bool {
    let p = &doc.paragraphs[q.paragraph];
    let trim = |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»');
    p.span.slice(doc.text).trim_matches(trim) == q.span.slice(doc.text).trim_matches(trim)
}

/// Every mention of a named person anywhere in the narrative (`Rasoul`, `Mr. Rasoul`), not only
/// the ones that cue a quote: one pass over the tokens, matching surnames.
fn add_name_mentions(doc: &Document, sources: &mut [Source]) {
    let mut by_surname: rustc_hash::FxHashMap<Key, Option<usize>> = rustc_hash::FxHashMap::default();
    for (i, s) in sources.iter().enumerate() {
        if s.kind == SourceType::Person && !s.key.is_empty() {
            // Two people sharing a surname: neither gets the bare-surname mentions.
            by_surname.entry(s.key.clone()).and_modify(|v| *v = None).or_insert(Some(i));
        }
    }
    let key_mask = names::SurnameKeyMask::new(by_surname.keys());
    for (t, tok) in doc.tokens.iter().enumerate() {
        // (The token's capital bit is `starts_with(char::is_uppercase)` of its text, worked out
        // by the tokenizer: no decoding of every narrative word here. It is read first, from the
        // token at hand: most tokens are not capitalised.)
        if !tok.classes.has(Classes::CAP) || !tok.is_word() || !doc.is_narrative(t) {
            continue;
        }
        let w = doc.word(t);
        // (Most capitalised words are no source's surname: most are told so by the mask. Nearly
        // all are a word of ASCII letters and digits or its possessive, whose key is packed
        // here without a call; the others' keys are worked out by `surname_key`.)
        let surname = match names::short_word_surname_key(w) {
            Some(packed) if !key_mask.may_hold_short_key(packed) => continue,
            Some(packed) => by_surname.get(&Key::Short(packed)),
            None if !key_mask.may_hold_key_of(w) => continue,
            None => by_surname.get(&names::surname_key(w)),
        };
        let Some(&Some(id)) = surname else { continue };
        // Extend left over first names and a title.
        let mut a = t;
        // (Not over a capitalised role noun that is no title: "Fisherman Tom Barker".)
        // (Nor one that opens a title of more words: "Attorney General Loretta Lynch".)
        let role_word = |k: usize| {
            doc.has_class(k, Classes::ROLE) && !doc.has_class(k, Classes::TITLE) && crate::quotes::np::title_at(doc, k, t).is_none()
        };
        while a > 0
            && doc.is_narrative(a - 1)
            && doc.tokens[a - 1].is_word()
            && doc.has_class(a - 1, Classes::CAP)
            && !role_word(a - 1)
            && t - a < 4
        {
            a -= 1;
        }
        let span = doc.token_span(a, t + 1);
        let src = &mut sources[id];
        // (Another given name is another person: "George W. Bush" is no mention of Laura Bush.)
        let given_name_before = a < t && !doc.has_class(t - 1, Classes::TITLE.union(Classes::ROLE));
        if given_name_before && {
            let given = doc.word(t - 1);
            !names::is_particle(given)
                && names::given_name(&src.name).is_some()
                && !src.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(given))
        } {
            continue;
        }
        // (Nor a title of the other gender: `Mrs. Whitcombe` is not her nephew Colin Whitcombe.)
        // (`Earl Whitcomb`: a title word that is the given name before the surname is no title.)
        let title = if a < t { crate::quotes::np::title_at(doc, a, t) } else { None };
        let title = title.filter(|&te| !(te == t && crate::quotes::np::title_is_given_name(doc, a, t + 1))).map(|te| doc.token_span(a, te));
        if title.is_some_and(|title| {
            let (given, known) = (title_gender(title.slice(doc.text)), src.known_gender());
            given != Gender::Unknown && known != Gender::Unknown && given != known
        }) {
            continue;
        }
        if !src.mentions.iter().any(|m| m.overlaps(span)) {
            src.mentions.push(span);
        }
        // A title the person's quotes never gave ("Dr. Amara Quist" introduced, then `Quist said`).
        if src.title.is_none() {
            src.title = title;
        }
        // So with a role before the name ("Westbrook boss Carla Minetti was furious"), when the
        // quotes gave none or only a relative clause: a singular role noun right before the name
        // and the capitalised words before it.
        if src.role.is_none_or(|r| is_relative_clause(r, doc.text)) && a > 0 && a < t {
            // (Not the title again: "Council member Yvonne Delacroix" has that title.)
            let is_title = |r: Span| src.title.is_some_and(|t| t.slice(doc.text).eq_ignore_ascii_case(r.slice(doc.text)));
            if let Some(role) = role_before_name(doc, a).filter(|&r| !is_title(r)) {
                src.role = Some(role);
            }
        }
    }
    for s in sources.iter_mut() {
        s.mentions.sort();
    }
}

struct Builder<'d, 'a> {
    doc: &'d Document<'a>,
    names: NameIndex,
    sources: Vec<Source>,
    /// Byte position of each source's latest mention or quote.
    last_seen: Vec<usize>,
    /// The latest source per clustering key, so a name is matched without scanning every source
    /// (quadratic in articles with many sources, issue 7); the others with that key are chained
    /// through `same_key_before` (see [`Builder::same_key`]).
    by_key: HashMap<Key, usize>,
    /// Per source, the source created before it with the same key, if any. (A chain rather than
    /// a `Vec` of ids per key: that was an allocation for every new key, nearly every source.)
    same_key_before: Vec<Option<usize>>,
    /// `(last_seen, id)` for every source, so a pronoun looks only at recently seen sources
    /// instead of every source (quadratic in articles with many sources, issue 7).
    recency: BTreeSet<(usize, usize)>,
    /// Which source each mention span belongs to (a span resolved twice resolves the same way):
    /// the first source mentioned there.
    mention_owner: HashMap<Span, usize>,
    /// The mentions `(id, span)` of a source at a span that another source owns (few): with
    /// `mention_owner`, every source's mentions, for an O(1) duplicate check (issue 7: a source
    /// mentioned thousands of times made every new mention scan its list). (A set per source was
    /// an allocation and its growth per source; a set of every mention, a second insertion per
    /// mention beside `mention_owner`'s.)
    other_mentions: HashSet<(usize, Span)>,
    /// Organisation sources in creation order, for "the company" referring back.
    organisations: Vec<usize>,
}

impl Builder<'_, '_> {
    fn add(&mut self, s: Source, at: usize) -> usize {
        let id = self.sources.len();
        self.same_key_before.push(self.by_key.insert(s.key.clone(), id));
        for &m in &s.mentions {
            self.note_mention(id, m);
        }
        if s.kind == SourceType::Organisation {
            self.organisations.push(id);
        }
        self.sources.push(s);
        self.last_seen.push(at);
        self.recency.insert((at, id));
        id
    }

    /// The sources with clustering key `key`, latest first.
    fn same_key(&self, key: &Key) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.by_key.get(key).copied(), |&id| self.same_key_before[id])
    }

    /// Sources seen within `window` bytes before `at`, most recent first.
    fn recent(&self, at: usize, window: usize) -> impl Iterator<Item = usize> + '_ {
        self.recency.iter().rev().take_while(move |&&(seen, _)| at.saturating_sub(seen) < window).map(|&(_, id)| id)
    }

    fn set_last_seen(&mut self, id: usize, at: usize) {
        // (Unchanged, as after `add` and the `touch` that follows it: the set stays as it is,
        // without a removal and an insertion of the same entry.)
        if self.last_seen[id] == at {
            return;
        }
        self.recency.remove(&(self.last_seen[id], id));
        self.last_seen[id] = at;
        self.recency.insert((at, id));
    }

    /// Records that source `id` is mentioned at `span`: false when it already was.
    fn note_mention(&mut self, id: usize, span: Span) -> bool {
        match self.mention_owner.entry(span) {
            Entry::Vacant(owner) => {
                owner.insert(id);
                true
            }
            // (A span's owner was mentioned there when it became its owner.)
            Entry::Occupied(owner) => *owner.get() != id && self.other_mentions.insert((id, span)),
        }
    }

    fn touch(&mut self, id: usize, m: &Mention, at: usize) {
        if self.note_mention(id, m.span) {
            self.sources[id].mentions.push(m.span);
        }
        let s = &mut self.sources[id];
        if s.title.is_none() {
            s.title = m.title;
        }
        // A relative clause ("who was booked for her protests") is a role only until a noun phrase
        // says what the person is ("Westbrook boss Carla Minetti", "Minetti, the Westbrook boss").
        let text = self.doc.text;
        // (A circumstance is no role at all: "Ardant, speaking at a news conference, said", "Blunt, after a
        // long pause, said".)
        let m_role = m.role.filter(|&r| !is_circumstance(r, text));
        if s.role.is_none_or(|r| is_relative_clause(r, text)) {
            // ("Ellen Marsh, 71, who runs a bait shop": the age is the source's, the rest its role.)
            // (Not a bare determiner: "The Home Builders Council" has no role.)
            // (Nor a quantifier, "some Democrats", or a role with no word in it.)
            let premodifier = m.premodifier.filter(|p| {
                !["the", "a", "an", "some", "many", "most", "several", "other", "few", "all", "both", "these", "those"]
                    .iter()
                    .any(|d| p.slice(text).eq_ignore_ascii_case(d))
            });
            let noun_role = m_role.filter(|&r| !is_relative_clause(r, text) && r.slice(text).contains(char::is_alphabetic));
            // (Before a relative clause, or in its place, only a phrase that ends in a role noun:
            // "Cambridge cartoonist", not "Asked about" or "Former prosecutor and".)
            let ends_in_role = |r: Span| r.slice(text).rsplit(' ').next().is_some_and(|w| lexicon().is_role(w));
            let candidate = match (noun_role, m_role) {
                (Some(r), _) => Some(r),
                (None, Some(relative)) => premodifier.filter(|&p| ends_in_role(p)).or(Some(relative)),
                (None, None) => premodifier,
            };
            let (age, role) = split_age(candidate, text);
            // ("Pensioner Gwen Hollis, 78,": the role is the premodifier, the age still the appositive's.)
            let age = age.or_else(|| split_age(m_role, text).0);
            if s.role.is_none() || role.is_some_and(|r| !is_relative_clause(r, text) && ends_in_role(r)) {
                s.role = role;
            }
            s.age = s.age.or(age);
        }
        if s.gender == Gender::Unknown {
            s.gender = gender_of(self.doc, m);
        }
        if s.name_gender == Gender::Unknown {
            s.name_gender = name_gender_of(self.doc, m);
        }
        // "Mr. Schindler, who is now at the Counter Extremism Project": a current affiliation
        // said later replaces one read from an earlier role.
        let current = |r: Span| {
            let role = r.slice(self.doc.text);
            ["now at ", "now with ", "now works at ", "now works for ", "now heads "].iter().any(|p| role.contains(p))
        };
        // (A source with an affiliation keeps it unless the role or premodifier says "now at":
        // most touches of such a source read neither, and `affiliation` builds strings.)
        let may_change = s.affiliation.is_none() || m.role.is_some_and(current) || m.premodifier.is_some_and(current);
        if s.kind == SourceType::Person && may_change {
            // (A premodifier names an organisation only with two words or more: "Iraqi Army
            // spokesman" does, "Anbar tribal figure" does not.)
            let found = m_role.and_then(|r| names::affiliation(r.slice(self.doc.text)).map(|a| (r, a))).or_else(|| {
                m.premodifier.and_then(|r| names::affiliation(r.slice(self.doc.text)).filter(|a| a.contains(' ')).map(|a| (r, a)))
            });
            if let Some((r, a)) = found {
                if s.affiliation.is_none() || current(r) {
                    s.affiliation = Some(a);
                }
            }
        }
        self.set_last_seen(id, at.max(self.last_seen[id]));
    }

    /// Adds to `ids` the sources a mention refers to (several for `three officials and a US
    /// official`). (Into the caller's vector: a `Vec` returned per mention was an allocation each.)
    fn resolve(&mut self, m: &Mention, at: usize, ids: &mut Vec<usize>) {
        let text = self.doc.text;
        // The same words already resolved (one cue attributing both halves of a split quote).
        if let Some(&id) = self.mention_owner.get(&m.span) {
            self.touch(id, m, at);
            ids.push(id);
            return;
        }
        match m.kind {
            MentionKind::Pronoun => {
                // (`lower` borrows or lower-cases on the stack: no `String`.)
                let lowered = crate::lexicon::lower(m.span.slice(text));
                let lower: &str = &lowered;
                let (gender, plural) = lexicon().pronoun(lower).unwrap_or(match lower {
                    // Possessives, from "her statement said" (see the descriptor branch).
                    "his" => (Gender::Male, false),
                    "her" => (Gender::Female, false),
                    "their" => (Gender::Unknown, true),
                    _ => (Gender::Unknown, false),
                });
                let lower = if lower == "their" { "they" } else { lower };
                let wants_org = lower == "it" || lower == "its";
                // Most recently seen first (ties: the later source, as `max_by_key` picked);
                // sources last seen 2500 bytes or more ago are never candidates.
                let found = self.recent(at, 2500).find(|&id| {
                    let s = &self.sources[id];
                    let kind_ok = if wants_org {
                        matches!(s.kind, SourceType::Organisation | SourceType::Document)
                    } else if plural && lower == "they" {
                        s.plural || matches!(s.kind, SourceType::Organisation | SourceType::Person)
                    } else if lower == "we" || lower == "i" {
                        true
                    } else {
                        s.kind == SourceType::Person || (s.kind == SourceType::Anonymous && !s.plural)
                    };
                    let known = s.known_gender();
                    let gender_ok = gender == Gender::Unknown || known == Gender::Unknown || known == gender;
                    kind_ok && gender_ok
                });
                // A person named since the last speaker (and not yet a source) is the likelier referent.
                // (Named before the pronoun itself: in "He told Sen. Ed Grass that ...", the
                // addressee between the pronoun and its quote is not its referent.)
                // (Not for `they`: a lone name is one person, and a plural `they` after a
                // place or a firm's name read as a person gave the group's claim to it.)
                let named = if wants_org || plural { None } else { self.names.latest_before(at.min(m.span.start), gender, text) };
                // (Not a name whose source is known to be of another gender.)
                let named = named.filter(|&n| {
                    let key = self.names.key_of(n, text);
                    !self.same_key(&key).any(|id| {
                        let s = &self.sources[id];
                        let known = s.known_gender();
                        s.kind == SourceType::Person && gender != Gender::Unknown && known != Gender::Unknown && known != gender
                    })
                });
                let id = match (found, named) {
                    (Some(id), Some(n)) if n.start > self.last_seen[id] && !self.may_name(n, id) => Some(self.person_from_name(n, at)),
                    (Some(id), _) => Some(id),
                    (None, Some(n)) => Some(self.person_from_name(n, at)),
                    (None, None) => None,
                };
                match id {
                    Some(id) => {
                        if self.sources[id].gender == Gender::Unknown && self.sources[id].kind == SourceType::Person {
                            self.sources[id].gender = gender;
                        }
                        self.touch(id, m, at);
                        ids.push(id);
                    }
                    None => {
                        // (An unresolved `he` is still a man: a later `she` is someone else.)
                        let mut s = new_source(m.span.slice(text).to_string(), SourceType::Anonymous, m, text);
                        s.gender = gender;
                        ids.push(self.add(s, at));
                    }
                }
            }
            MentionKind::Name => {
                // "Ada Lunde and Ivo Brandt said": each of the people joined is a source.
                let people = crate::quotes::np::coordinated_names(self.doc, m);
                if !people.is_empty() {
                    // ("Paul and Marie Devaux": a lone given name takes the last person's surname.)
                    let surname = people.last().and_then(|p| p.name).and_then(|n| n.slice(text).rsplit(' ').next());
                    for p in &people {
                        match (p.name.map(|n| n.slice(text)), surname) {
                            // (An untitled one-word name among them is such a given name:
                            // `coordinated_names` checks it against the first-name list, and
                            // gives every other part a title or a full name.)
                            (Some(given), Some(surname)) if p.title.is_none() && names::word_count(given) == 1 => {
                                self.resolve_given_name(p, given, surname, at, ids)
                            }
                            _ => self.resolve(p, at, ids),
                        }
                    }
                    return;
                }
                let organisation_span = organisation_name(self.doc, m);
                let name_span = organisation_span.unwrap_or(m.name.unwrap_or(m.span));
                let key = names::surname_key(name_span.slice(text));
                // (A gendered title picks among namesakes: "Mr. Bush" after George and Laura Bush.)
                let title_gender = gender_of(self.doc, m);
                let compatible = |s: &Source| {
                    let known = s.known_gender();
                    title_gender == Gender::Unknown || known == Gender::Unknown || known == title_gender
                };
                let existing = self.same_key(&key).find(|&id| {
                    let s = &self.sources[id];
                    !s.anonymous && names::given_names_agree(name_span.slice(text), &s.name) && compatible(s)
                });
                // A lone first name ("Jordan said") after the full name: the same person, most
                // recently seen first.
                let single = names::word_count(name_span.slice(text)) == 1;
                let existing = existing.or_else(|| {
                    single
                        .then(|| {
                            let word = name_span.slice(text).to_lowercase();
                            self.recency.iter().rev().take(64).map(|&(_, id)| id).find(|&id| {
                                let s = &self.sources[id];
                                s.kind == SourceType::Person && names::given_name(&s.name).is_some_and(|f| *lower(f) == *word)
                            })
                        })
                        .flatten()
                });
                if let Some(id) = existing {
                    // A fuller form replaces a shorter one ("Rasoul" → "Yahya Rasoul").
                    if names::word_count(name_span.slice(text)) > names::word_count(&self.sources[id].name) {
                        self.sources[id].name = name_span.slice(text).to_string();
                    }
                    self.touch(id, m, at);
                    ids.push(id);
                    return;
                }
                let mut name = name_span.slice(text).to_string();
                if names::word_count(&name) == 1 {
                    if let Some(full) = self.names.fullest_of_gender(&key, title_gender, text) {
                        name = full;
                    }
                }
                // ("Unison, which represents library staff, said": `which` is never a person's.)
                let which = |r: Span| {
                    r.slice(text).trim_start_matches([',', ' ']).split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("which"))
                };
                // ("the pension fund Nordkap": a description whose last word heads an organisation,
                // after an article; not a title's modifier, "state Sen. Jason Holsman".)
                let organisation_premodifier = |p: Span| {
                    let words = p.slice(text);
                    crate::quotes::np::opens_with_article(words)
                        && words.rsplit(' ').next().is_some_and(|w| lexicon().lexicon_classes(w).has(Classes::ORG_HEAD))
                };
                let kind = if organisation_span.is_some()
                    || names::is_organisation(&name, m.title.is_some())
                    || m.role.is_some_and(which)
                    || m.relative.is_some_and(which)
                    || m.title.is_none() && m.premodifier.is_some_and(organisation_premodifier)
                {
                    SourceType::Organisation
                } else {
                    SourceType::Person
                };
                let mut s = new_source(name, kind, m, text);
                s.key = key;
                // (Its affiliation is read by the `touch` that follows, from the same mention.)
                let id = self.add(s, at);
                self.touch(id, m, at);
                ids.push(id);
            }
            MentionKind::Descriptor => {
                let phrase = m.span.slice(text);
                // "her statement said", "his post read": a document of the person the possessive
                // refers to carries that person's words.
                let mut words = phrase.split_whitespace();
                if let (Some(owner), Some(head), None) = (words.next(), words.next(), words.next()) {
                    let is_possessive = ["his", "her", "their", "its"].iter().any(|p| owner.eq_ignore_ascii_case(p));
                    if is_possessive && lexicon().documents.contains(head.to_lowercase().as_str()) {
                        let span = Span::new(m.span.start, m.span.start + owner.len());
                        let owner = Mention::bare(span, MentionKind::Pronoun);
                        return self.resolve(&owner, at, ids);
                    }
                }
                let parts = anonymity::split_descriptors(phrase);
                for (off, len) in parts {
                    let span = Span::new(m.span.start + off, m.span.start + off + len);
                    let part = Mention { span, role: None, ..*m };
                    ids.push(self.resolve_descriptor(&part, at));
                }
            }
        }
    }

    /// The person a varied description refers to ("says the cheerful owner"): the latest
    /// person speaking, or a person named since.
    fn person_in_focus(&mut self, at: usize) -> Option<usize> {
        let found = self.recent(at, 1500).find(|&id| self.sources[id].kind == SourceType::Person);
        let named = self.names.latest_before(at, Gender::Unknown, self.doc.text);
        match (found, named) {
            (Some(id), Some(n)) if n.start > self.last_seen[id] && !self.may_name(n, id) => Some(self.person_from_name(n, at)),
            (Some(id), _) => Some(id),
            (None, Some(n)) => Some(self.person_from_name(n, at)),
            _ => None,
        }
    }

    /// True when the name at `n` may name source `id`: the same surname, and no two different
    /// first names (Kayla Brooks and Marcus Brooks are two people).
    fn may_name(&self, n: Span, id: usize) -> bool {
        let text = self.doc.text;
        let s = &self.sources[id];
        self.names.key_of(n, text) == s.key && names::given_names_agree(n.slice(text), &s.name)
    }

    /// A lone given name that shares the surname of the person named after it ("Paul" in "Paul
    /// and Marie Devaux"): the person `given surname`, found among the sources or new.
    fn resolve_given_name(&mut self, m: &Mention, given: &str, surname: &str, at: usize, ids: &mut Vec<usize>) {
        let name = format!("{given} {surname}");
        let key = names::surname_key(surname);
        let existing = self.same_key(&key).find(|&id| {
            let s = &self.sources[id];
            !s.anonymous && s.kind == SourceType::Person && names::given_names_agree(&name, &s.name)
        });
        let id = existing.unwrap_or_else(|| {
            let mut s = new_source(name, SourceType::Person, m, self.doc.text);
            s.key = key;
            s.name_gender = lexicon().first_name_gender(given);
            self.add(s, at)
        });
        self.touch(id, m, at);
        ids.push(id);
    }

    fn person_from_name(&mut self, n: Span, at: usize) -> usize {
        let text = self.doc.text;
        let key = self.names.key_of(n, text);
        // (The first such source: the last of the chain, which runs latest first.)
        if let Some(id) = self.same_key(&key).filter(|&id| !self.sources[id].anonymous && self.may_name(n, id)).last() {
            return id;
        }
        let m = Mention { name: Some(n), ..Mention::bare(n, MentionKind::Name) };
        // (A lone surname takes the fullest form the article gives it.)
        // (Only a name without a given name: "Bush", "De Blasio".)
        let lone = names::given_name(n.slice(text)).is_none();
        let name = self.names.fullest(&key, text).filter(|f| lone && names::word_count(f) > 1).unwrap_or_else(|| n.slice(text).to_string());
        let mut s = new_source(name, SourceType::Person, &m, text);
        s.key = key;
        // (Its given name's gender: "Laura Bush" is not a later "Mr. Bush" or "he".)
        s.name_gender = name_gender_of(self.doc, &m);
        self.add(s, at)
    }

    fn resolve_descriptor(&mut self, m: &Mention, at: usize) -> usize {
        let lex = lexicon();
        let text = self.doc.text;
        let phrase = m.span.slice(text);
        // (`lower` is `to_lowercase`, borrowed or on the stack for most phrases.)
        let lowered = lower(phrase);
        let lower: &str = &lowered;
        // `"...," one said` / `another wrote` / `one of them said`: one member of the group the text
        // has just quoted, which is the source (its count and its reason for anonymity hold).
        if matches!(lower, "one" | "another" | "one of them" | "one of us") {
            let group = self.recent(at, 2500).find(|&id| {
                let s = &self.sources[id];
                s.anonymous && s.plural
            });
            if let Some(id) = group {
                self.touch(id, m, at);
                return id;
            }
        }
        let all_words: Vec<&str> = lower.split_whitespace().collect();
        // "one of the people", "two of the officers": a part of a group is described by the
        // group's phrase, and refers back to it when the group was quoted before.
        let partitive = all_words.len() > 3
            && all_words[1] == "of"
            && matches!(all_words[2], "the" | "these" | "those" | "his" | "her" | "their" | "its")
            && (lex.numbers.contains_key(all_words[0]) || matches!(all_words[0], "some" | "many" | "most" | "several" | "each" | "all"));
        let words = if partitive { &all_words[2..] } else { &all_words[..] };
        // The head noun: the last word before a preposition or a post-modifier ("a senior official
        // at the authority", "people familiar with the plans").
        let head_end = words
            .iter()
            .enumerate()
            .skip(1)
            .find(|(i, w)| {
                matches!(**w, "of" | "at" | "by" | "for" | "with" | "in" | "from" | "on" | "to" | "familiar" | "close" | "who" | "that" | "near" | "inside" | "within")
                    // a participle too: "an internal memo seen by ...", "figures released by ..."
                    // (right after a first word only when that is a document: not "a trained nurse",
                    // "recently hacked documents")
                    || (*i > 1 || lex.documents.contains(words[0]))
                        && (w.ends_with("ed") || w.ends_with("en") && w.len() > 4 || **w == "seen")
            })
            .map_or(words.len(), |(i, _)| i);
        // (Slices of the lower-cased phrase, not a `String` each.)
        fn clean(w: &str) -> &str {
            w.trim_matches(|c: char| !c.is_alphanumeric())
        }
        // (A role noun at the very end is the head even after a prepositional modifier: "a
        // Superior Court of Harlow judge".)
        let last = clean(words.last().copied().unwrap_or(""));
        // (Not a capitalised one, part of a name: "a report by the Institute for Justice".)
        let last_lower = phrase.split_whitespace().last().is_some_and(|w| !w.starts_with(|c: char| c.is_uppercase()));
        let head: &str = if lex.is_role(last) && last_lower { last } else { clean(words[..head_end].last().copied().unwrap_or("")) };
        let definite = matches!(words.first().copied(), Some("the" | "this" | "that" | "these" | "those"));
        // ("a consensus compiled by the company", "a tally published by ...": what is compiled,
        // published or commissioned is a document, whatever its head noun.)
        let published = words
            .get(head_end)
            .is_some_and(|w| matches!(*w, "compiled" | "published" | "released" | "issued" | "prepared" | "commissioned" | "conducted"));
        let kind = if lex.documents.contains(head) || published {
            SourceType::Document
        } else if lex.vague_subjects.contains(lower) || lex.vague_subjects.contains(head) && words.len() <= 2 {
            SourceType::Group
        } else if lex.org_heads.contains(head) {
            SourceType::Organisation
        } else {
            SourceType::Anonymous
        };
        // "the people" after "two people familiar with the plans": an anonymous source named by
        // the same head comes first, whatever kind the bare head would suggest.
        // Sources whose head is this one, singular or plural, latest first (through the key
        // index: a scan of every source per mention would be quadratic in long articles).
        let stem = head.trim_end_matches('s');
        let keys = [Key::new(head), Key::new(stem), Key::joined(stem, "s")];
        let mut same_head: Vec<usize> = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            // (Each key once: the head is its stem or its stem's plural.)
            if !keys[..i].contains(key) {
                same_head.extend(self.same_key(key));
            }
        }
        same_head.sort_unstable_by(|a, b| b.cmp(a));
        if definite {
            let same = same_head.iter().copied().find(|&id| self.sources[id].anonymous);
            if let Some(id) = same {
                self.touch(id, m, at);
                return id;
            }
        }
        // "the company", "the officials": the latest source of that kind with the same head.
        if definite || kind == SourceType::Organisation {
            // The same head noun ("the commission" is not "the company"), except that a generic
            // head refers back to any organisation ("Delmar Construction ... the company").
            let generic = kind == SourceType::Organisation
                && matches!(
                    head,
                    "company" | "firm" | "corporation" | "business" | "organization" | "organisation" | "group" | "retailer" | "chain"
                );
            let by_head = same_head.iter().copied().find(|&id| self.sources[id].kind == kind);
            // And any definite head refers back to the latest organisation named by a proper name
            // that states no other kind ("Norvale Power ... the utility", not "the Health Ministry").
            let named = || {
                self.organisations.iter().rev().copied().find(|&id| {
                    let s = &self.sources[id];
                    s.descriptor.is_none()
                        && s.name.starts_with(|c: char| c.is_uppercase())
                        && !s.name.split_whitespace().any(|w| {
                            let lw = crate::lexicon::lower(w);
                            *lw != *head && lex.org_heads.contains(lw.as_ref())
                        })
                })
            };
            let found = if generic {
                by_head.max(self.organisations.last().copied())
            } else if definite && kind == SourceType::Organisation {
                by_head.or_else(named)
            } else {
                by_head
            };
            if let Some(id) = found {
                self.touch(id, m, at);
                return id;
            }
        }
        // "said the 31-year-old", "says the cheerful owner": a definite singular description
        // of a person most often refers back to the person the story is about, like "he".
        let plural = lex.role_plural.contains(head) || head.ends_with('s') && !head.ends_with("ss");
        // (Not for role nouns: "the nurse" after "a nurse ... said" is that anonymous nurse, or a new one.)
        if definite && !plural && kind == SourceType::Anonymous && !lex.anonymous_heads.contains(head) && !lex.is_role(head) {
            if let Some(id) = self.person_in_focus(at) {
                self.touch(id, m, at);
                return id;
            }
        }
        if definite && !plural && lex.is_role(head) {
            // A role noun with a modifier of its own ("says the 42-year-old founder", "the laid-back
            // Kessel resident") is the writer's varied reference to the person in focus, even
            // when someone earlier held that role word. (A descriptive modifier, not only a place
            // or organisation: "the Redmarsh judge" is somebody else.)
            let descriptive = m
                .span
                .slice(text)
                .split_whitespace()
                .skip(1)
                .take(head_end.saturating_sub(2))
                .any(|w| w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()));
            if head_end > 2 && descriptive {
                if let Some(id) = self.person_in_focus(at) {
                    self.touch(id, m, at);
                    return id;
                }
            }
            // "the minister" after "Foreign Affairs Minister Ines Carvalho": a definite role
            // noun refers back to a named person whose title or role holds it.
            // (An ASCII title or role, nearly every one, is compared word by word without a
            // lower-cased copy: the head is lower case already.)
            let holds = |span: Option<Span>| {
                span.is_some_and(|r| {
                    let r = r.slice(text);
                    if r.is_ascii() {
                        r.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w.eq_ignore_ascii_case(head))
                    } else {
                        r.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == head)
                    }
                })
            };
            let named = self.recent(at, 3000).find(|&id| {
                let s = &self.sources[id];
                s.kind == SourceType::Person && (holds(s.title) || holds(s.role) || s.mentions.iter().any(|&mm| holds(Some(mm))))
            });
            if let Some(id) = named {
                self.touch(id, m, at);
                return id;
            }
        }
        let mut s = new_source(phrase.to_string(), kind, m, text);
        s.key = Key::new(head);
        s.anonymous = matches!(kind, SourceType::Anonymous | SourceType::Group);
        s.descriptor = s.anonymous.then_some(m.span);
        s.plural = plural;
        s.count = if kind == SourceType::Anonymous { anonymity::count(words, s.plural) } else { None };
        if kind == SourceType::Organisation || kind == SourceType::Document {
            s.role = None;
        }
        let id = self.add(s, at);
        self.touch(id, m, at);
        id
    }
}

fn new_source(name: String, kind: SourceType, m: &Mention, text: &str) -> Source {
    let _ = text;
    Source {
        name,
        kind,
        anonymous: kind == SourceType::Anonymous || kind == SourceType::Group,
        title: None,
        role: None,
        age: None,
        affiliation: None,
        descriptor: None,
        count: None,
        anonymity_reason: None,
        gender: Gender::Unknown,
        // (Room for a few: most sources are mentioned again, and growing from one reallocated.)
        mentions: {
            let mut mentions = Vec::with_capacity(4);
            mentions.push(m.span);
            mentions
        },
        quotes: Vec::new(),
        quoted_words: 0,
        key: Key::EMPTY,
        plural: false,
        name_gender: Gender::Unknown,
    }
}

/// The gender a title gives (`Mrs.` female, `Sen.` unknown).
fn title_gender(title: &str) -> Gender {
    lexicon().titles.get(lower(title).as_ref()).copied().unwrap_or(Gender::Unknown)
}

/// Gender from the mention's own words: an honorific, or a gendered pronoun.
fn gender_of(doc: &Document, m: &Mention) -> Gender {
    let lex = lexicon();
    if let Some(t) = m.title {
        let g = title_gender(t.slice(doc.text));
        if g != Gender::Unknown {
            return g;
        }
    }
    if m.kind == MentionKind::Pronoun {
        return lex.pronoun(m.span.slice(doc.text)).map_or(Gender::Unknown, |p| p.0);
    }
    Gender::Unknown
}

/// `The Bank of England`, `Airlines for America`, `Doctors Without Borders`: a name whose head
/// is one common noun (an organisation head, a role or a group) and goes on with `of`, `for`,
/// `without` or `against` and capitalised words to the mention's end is all one organisation's
/// name (`Paul Hudak of the Travelers Coalition` keeps its person's name: two words).
fn organisation_name(doc: &Document, m: &Mention) -> Option<Span> {
    let name = m.name?;
    if m.title.is_some() || name.end >= m.span.end {
        return None;
    }
    let head = doc.token_after(name.start);
    let after = doc.token_after(name.end);
    let end = doc.token_after(m.span.end);
    let common_noun = Classes::ORG_HEAD.union(Classes::ROLE).union(Classes::VAGUE).union(Classes::ANONYMOUS_HEAD);
    let joins = ["of", "for", "without", "against"];
    (after == head + 1
        && doc.has_class(head, common_noun)
        && after + 1 < end
        && joins.iter().any(|j| doc.word(after).eq_ignore_ascii_case(j))
        && (after + 1..end).all(|k| {
            let w = doc.word(k);
            doc.tokens[k].is_word()
                && (doc.has_class(k, Classes::CAP) || matches!(w, "the" | "and" | "of" | "for" | "in"))
                // (Not a person's: "Friends of Mr. Clinton's".)
                && !(doc.has_class(k, Classes::TITLE) && w.ends_with('.'))
                && !w.ends_with("'s")
                && !w.ends_with("’s")
        })
        && doc.has_class(end - 1, Classes::CAP))
    .then(|| Span::new(name.start, m.span.end))
}

/// The gender a full name's given name usually has ("Margaret Osei" is not a later "he").
fn name_gender_of(doc: &Document, m: &Mention) -> Gender {
    if m.kind != MentionKind::Name {
        return Gender::Unknown;
    }
    let mut words = m.name.unwrap_or(m.span).slice(doc.text).split_whitespace();
    match (words.next(), words.next()) {
        (Some(first), Some(_)) => lexicon().first_name_gender(first),
        _ => Gender::Unknown,
    }
}

/// The role written before the name that starts at token `a`: a lower-case singular role noun
/// and the capitalised words before it ("Westbrook boss", "High school teacher"), within the
/// narrative, opening a clause or a noun phrase (after the sentence's start, a comma, a
/// determiner or a preposition), or a capitalised role noun opening the sentence; none after a plural ("told reporters Carla Minetti ..."), a
/// verb ("defeated rival Ada Moreno") or an adjective ("presidential nominee", which is only
/// part of the role).
fn role_before_name(doc: &Document, a: usize) -> Option<Span> {
    use crate::quotes::np::{Words, word_is_lower_in};
    const OPENERS: &Words = &Words::new(&[
        "the", "a", "an", "his", "her", "their", "its", "our", "by", "to", "from", "with", "for", "and", "of", "as", "said", "says",
    ]);
    let noun = a - 1;
    // (A capitalised role noun only where the sentence starts: "Fisherman Tom Barker, whose boat
    // ..."; elsewhere a capitalised word before a name is part of it or a title.)
    let sentence_start = |k: usize| k == doc.sentences[doc.sentence_of[k] as usize].first;
    // (Nor before a title: "Witness Mr. Trump's appeal" is a verb, "Local GP Dr Anjali Rao" an
    // adjective.)
    let capitalised_ok = |k: usize| sentence_start(k) && !(a..(a + 3).min(doc.tokens.len())).any(|j| doc.has_class(j, Classes::TITLE));
    if !doc.is_narrative(noun) || !doc.tokens[noun].is_word() || doc.has_class(noun, Classes::CAP) && !capitalised_ok(noun) {
        return None;
    }
    let w = doc.word(noun);
    if w.ends_with("ed") || !lexicon().role_singular.contains(crate::lexicon::lower(w).as_ref()) {
        return None;
    }
    let mut start = noun;
    while start > 0
        && noun - start < 3
        && doc.is_narrative(start - 1)
        && doc.tokens[start - 1].is_word()
        && doc.has_class(start - 1, Classes::CAP)
        && !word_is_lower_in(OPENERS, doc, start - 1)
    {
        start -= 1;
    }
    let opens = start == 0
        || doc.paragraph_of(start - 1) != doc.paragraph_of(start)
        || doc.word_in(start - 1, &[".", "?", "!"])
        || !doc.tokens[start - 1].is_word() && doc.word_in(start - 1, &[",", "(", "—", "–", ":"])
        || word_is_lower_in(OPENERS, doc, start - 1);
    opens.then(|| doc.token_span(start, a))
}

/// True when the appositive `role` tells what the person was doing, not who they are: a
/// participle clause (`speaking at a news conference`, `asked whether the deal would hold`) or a
/// circumstance (`after a long pause`, `in a statement`). (Not a participle adjective before a
/// role noun: `managing director`, `retired general`.)
fn is_circumstance(role: Span, text: &str) -> bool {
    let words = role.slice(text);
    let first = first_word(words);
    let participle = first.len() > 4
        && (first.ends_with("ing") || first.ends_with("ed"))
        && first.starts_with(|c: char| c.is_lowercase())
        // (Its head is the last word before any preposition: `managing director of X`.)
        && !words
            .split(' ')
            .take_while(|w| !["of", "at", "for", "in", "with", "on", "to"].contains(w))
            .last()
            .is_some_and(|w| lexicon().is_role(w.trim_end_matches(',')));
    participle || ["after", "before", "during", "while", "when", "without", "in", "on", "as"].contains(&first)
}

/// True when `role` is a relative clause (`who runs a bait shop`), not a noun phrase.
fn is_relative_clause(role: Span, text: &str) -> bool {
    let first = first_word(role.slice(text));
    ["who", "whose", "whom", "which", "that"].iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// `words.split(' ').next().unwrap_or("")`, by a byte search: `split` with a `char` pattern
/// built a searcher and called `memchr` for each role asked about (about 150 instructions).
/// (A space is ASCII: its index is a character boundary.)
fn first_word(words: &str) -> &str {
    &words[..words.bytes().position(|b| b == b' ').unwrap_or(words.len())]
}

/// A role that opens with an age (`71, who runs a bait shop`, `45`): the age, and the role
/// after it (none when the age is all there is).
fn split_age(role: Option<Span>, text: &str) -> (Option<u32>, Option<Span>) {
    let Some(r) = role else { return (None, None) };
    let words = r.slice(text);
    let digits = words.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &words[digits..];
    if !(1..=3).contains(&digits) || !(rest.is_empty() || rest.starts_with(',')) {
        return (None, role);
    }
    let age = words[..digits].parse().ok();
    let skipped = words.len() - rest.trim_start_matches([',', ' ']).len();
    let rest = Span::new(r.start + skipped, r.end);
    (age, (!rest.is_empty()).then_some(rest))
}

#[cfg(test)]
mod tests {
    /// `first_word` is the first piece of `split(' ')`.
    #[test]
    fn first_word_is_the_first_piece_split_by_spaces() {
        for words in ["", " ", "who", "who runs a shop", " who", "who  runs", "Zoë é", "é ", "a\tb c", "managing director of X"] {
            assert_eq!(super::first_word(words), words.split(' ').next().unwrap_or(""), "{words:?}");
        }
    }
}
