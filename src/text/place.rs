//! Places: where the picture was taken. A place name counts where the
//! caption uses it as a place:
//!
//! - a dateline opening the caption: `MOSCOW --`, `SEOUL, South Korea -`;
//! - after a locative word ("in", "at", "near", "outside", "off", "on the
//!   outskirts of", "the city of"…, from `rules/data/captions.txt`), and a
//!   lowercase qualifier maybe ("in eastern Ukraine"), a name
//!   the gazetteer knows, possibly followed by a landmark word ("Dubai
//!   Airport"), or any proper name ending in a place word ("Mission
//!   Valley", "Queen Street") or followed by a place noun ("the Chelsea
//!   neighborhood", "Amur province");
//! - a name followed by a comma and a country, subdivision, region or state
//!   abbreviation ("Sioux Center, Iowa", "Shelby, N.C."), or by a city
//!   after a locative ("in Bushwick, Brooklyn");
//! - a known place closing the caption after a comma ("Mozilla spaces,
//!   London");
//! - a Japanese place in parentheses ("（名古屋市）").
//!
//! Outside these positions a name is not a place: "Chelsea Clinton",
//! "Virginia Woolf", "the Washington Nationals", "Jordan Spieth", "Nice
//! weather", "Mobile phones".

use std::sync::LazyLock;

use regex::Regex;

use super::Found;
use super::data::CAPTION_WORDS;
use super::gazetteer::{Gazetteer, Kinds};

#[derive(Clone, Copy, Debug)]
struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Where the run of capitalised tokens from here ends (see
    /// [`run_end`]), worked out once for the caption by [`tokens`].
    run_end: usize,
    /// Nothing but numbers stands before it on its line ("2/50 London City
    /// Airport …"), worked out once by [`tokens`].
    opens_line: bool,
}

impl Token<'_> {
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn is_number(&self) -> bool {
        self.text.chars().all(|c| c.is_ascii_digit())
    }

    /// The token without a sentence-final full stop or a possessive 's.
    fn bare(&self) -> &str {
        let t = self.text.trim_end_matches('.');
        t.strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .or_else(|| t.strip_suffix('\''))
            .unwrap_or(t)
    }

    /// An abbreviation or an initial ("St.", "N.J.", "F.") rather than a
    /// word ending a sentence.
    fn is_abbreviation(&self) -> bool {
        let t = self.text;
        t.ends_with('.')
            && (t.chars().filter(|c| *c == '.').count() > 1
                || t.chars().count() <= 4 && t.chars().next().is_some_and(char::is_uppercase))
    }

    fn is_possessive(&self) -> bool {
        self.text.ends_with("'s") || self.text.ends_with("’s")
    }
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.\-]*").expect("word"));
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(\p{Lu}[\p{Lu}\p{M}'’.\- ]+?)(?:,\s*([\p{L}\p{M}'’.\- ]+?))?\s+(?:--|—|–|-|―)\s",
    )
    .expect("dateline")
});
static JAPANESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\p{Han}{1,6}[市県都府区町村][）)]").expect("japanese place")
});

/// Words that may join the parts of a name ("Braunau am Inn", "Bay of
/// Islands", "Rio de Janeiro").
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "am", "upon",
    "sur", "di", "du", "des",
];
const ARTICLES: &[&str] = &[
    "the", "a", "an", "la", "le", "les", "l'", "el", "los", "las", "der", "die", "das", "dem",
    "den", "The",
];
/// Lowercase words that may follow a place without making it an adjective
/// ("in the United States on Monday" but not "to the Texas governor").
const FOLLOWERS: &[&str] = &[
    "on",
    "in",
    "at",
    "and",
    "or",
    "after",
    "before",
    "during",
    "as",
    "where",
    "with",
    "while",
    "for",
    "to",
    "of",
    "near",
    "from",
    "when",
    "that",
    "which",
    "who",
    "by",
    "amid",
    "against",
    "last",
    "this",
    "earlier",
    "on",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "since",
    "until",
    "about",
    "over",
    "under",
    "ahead",
    "between",
    "into",
    "following",
    "following",
];

/// The prepositions among [`FOLLOWERS`].
const PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "where",
    "with",
    "while",
    "for",
    "near",
    "from",
    "when",
    "amid",
    "since",
    "until",
    "over",
    "under",
    "between",
    "following",
];

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The first place in `text`.
pub fn find(text: &str) -> Option<Found> {
    let gaz = Gazetteer::get();
    if let Some(c) = DATELINE.captures(text) {
        let known = |m: Option<regex::Match>| {
            m.and_then(|m| gaz.lookup(m.as_str().trim()))
                .is_some_and(Kinds::is_place)
        };
        if known(c.get(1)) || known(c.get(2)) {
            let m = c.get(0).map_or(0..0, |m| m.range());
            return Some(Found {
                start: m.start,
                end: m.end,
                kind: "dateline",
            });
        }
    }
    let tokens = tokens(text);
    if let Some(found) = named_alone(text, &tokens)
        .or_else(|| known_alone(text, &tokens, gaz))
        .or_else(|| landmark_opening(text, &tokens, gaz))
    {
        return Some(found);
    }
    for i in 0..tokens.len() {
        if let Some(found) = after_locative(text, &tokens, i, gaz)
            .or_else(|| after_comma(text, &tokens, i, gaz))
            .or_else(|| dashed_before_date(text, &tokens, i, gaz))
            .or_else(|| before_place_noun(text, &tokens, i))
            .or_else(|| city_people(text, &tokens, i, gaz))
            .or_else(|| natural_feature(text, &tokens, i))
            .or_else(|| region_named(text, &tokens, i, gaz))
        {
            return Some(found);
        }
    }
    JAPANESE.find(text).map(|m| Found {
        start: m.start(),
        end: m.end(),
        kind: "parenthesised",
    })
}

/// A caption that is only a place's name, ending in a place word, before
/// a full stop, a line break or its credit ("Hither Hills State Park",
/// "Downing Street. Photo: …"): the picture shows that place.
fn named_alone(text: &str, tokens: &[Token]) -> Option<Found> {
    let k = opening_run(text, tokens)?;
    if k < 2 || !in_list(&CAPTION_WORDS.place_part, tokens[k - 1].bare()) {
        return None;
    }
    alone(text, tokens, k)
}

/// A caption that is only a known place's name, before a full stop, a line
/// break or its credit ("London", "Seattle. Photo: …"): the picture shows
/// that place.
fn known_alone(text: &str, tokens: &[Token], gaz: &Gazetteer) -> Option<Found> {
    let k = opening_run(text, tokens)?;
    if known_prefix(text, tokens, 0, k, gaz) != Some(k) {
        return None;
    }
    alone(text, tokens, k)
}

/// The end of the run of capitalised tokens the caption opens with.
fn opening_run(text: &str, tokens: &[Token]) -> Option<usize> {
    let first = tokens.first()?;
    let k = run_end(tokens, 0);
    (text[..first.start].trim().is_empty() && k > 0).then_some(k)
}

/// The caption's opening run `0..k` is all of it, but for a full stop, a
/// line break or its credit after it.
fn alone(text: &str, tokens: &[Token], k: usize) -> Option<Found> {
    let rest = text[tokens[k - 1].end..].trim_start_matches([' ', '\t']);
    (rest.is_empty() || rest.starts_with(['.', '\n', '|', '(', '[', '/', '—', '–'])).then(|| {
        Found {
            start: tokens[0].start,
            end: tokens[k - 1].end,
            kind: "named",
        }
    })
}

/// A sentence or a line opening with a landmark of a known place, its
/// subject ("London City Airport was put up for sale", "Wembley Stadium
/// before the final", or a gallery slide's "City for sale\nLondon City
/// Airport was…"): the picture shows that place. Only a known place's
/// building (a landmark word that is also a venue noun: Airport, Station,
/// Stadium): a person's name may end in a place word ("Sam Park").
fn landmark_opening(text: &str, tokens: &[Token], gaz: &Gazetteer) -> Option<Found> {
    let words = &*CAPTION_WORDS;
    let landmark = |t: &Token| in_list(&words.landmark_part, t.bare());
    (0..tokens.len())
        .filter(|&i| starts_sentence(text, tokens, i))
        .find_map(|i| {
            let j = i + usize::from(tokens[i].text == "The");
            if j >= tokens.len() {
                return None;
            }
            let k = run_end(tokens, j);
            let e = known_prefix(text, tokens, j, k, gaz)?;
            let building = in_list(&words.landmark_part, tokens[k - 1].bare())
                && in_list(&words.venue_noun, tokens[k - 1].bare());
            (e < k && building && tokens[e..k].iter().all(landmark)).then(|| Found {
                start: tokens[j].start,
                end: tokens[k - 1].end,
                kind: "named",
            })
        })
}

/// A place name with a case ending a language puts on it after a
/// preposition (`rules/data/captions.txt`, `place-ending`): "Warszawie" is
/// Warszawa, "Krakowie" Kraków, "Gdańsku" Gdańsk.
fn uninflected(name: &str, gaz: &Gazetteer) -> bool {
    CAPTION_WORDS.place_ending.iter().any(|(ending, base)| {
        name.strip_suffix(ending)
            .filter(|stem| stem.chars().count() >= 3)
            .and_then(|stem| gaz.lookup(&format!("{stem}{base}")))
            .is_some_and(|k| k.is_place() && !k.has(Kinds::ABBREVIATION))
    })
}

/// "… des Champs Elysées - Paris - 16 mars 2019", "… de la mobilisation.
/// Paris - 2 février 2019", "… à son domicile. Paris, 16 mars 2018": a
/// known place set off by a dash (or opening a sentence) and followed by a
/// dash or a comma and the date, as a photographer's caption ends.
fn dashed_before_date(text: &str, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<Found> {
    let t = &tokens[i];
    if !t.is_capitalised() {
        return None;
    }
    let before = text[..t.start].trim_end_matches([' ', '\t']);
    if !(before.is_empty() || before.ends_with(['-', '–', '—', '.', '|', '\n'])) {
        return None;
    }
    let k = run_end(tokens, i);
    if known_prefix(text, tokens, i, k, gaz) != Some(k) {
        return None;
    }
    let after = text[tokens[k - 1].end..].trim_start_matches([' ', '\t']);
    let after = after.strip_prefix(['-', '–', '—', ','])?.trim_start();
    super::date::opens(after).then(|| Found {
        start: t.start,
        end: tokens[k - 1].end,
        kind: "dashed",
    })
}

/// Only spaces (or a hyphen inside a token) lie between two tokens: not a
/// line break, which ends one part of a caption (see `Caption::text`).
fn joined(text: &str, a: &Token, b: &Token) -> bool {
    let spaces = text[a.end..b.start]
        .chars()
        .all(|c| c.is_whitespace() && c != '\n');
    spaces && (!a.text.ends_with('.') || a.is_abbreviation())
}

/// The caption's words, each knowing where the run of capitalised tokens
/// (with connectors inside: "Rio de Janeiro") from it ends. Worked out from
/// the last word back (and whether a word opens its line from the first
/// word on), so that a caption of thousands of words costs one pass, not
/// one walk along it per word.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token> = WORD
        .find_iter(text)
        .map(|m| Token {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
            run_end: 0,
            opens_line: true,
        })
        .collect();
    for i in 1..tokens.len() {
        let (before, t) = (&tokens[i - 1], &tokens[i]);
        tokens[i].opens_line =
            text[before.end..t.start].contains('\n') || before.is_number() && before.opens_line;
    }
    for j in (0..tokens.len()).rev() {
        let linked = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_capitalised() && joined(text, &tokens[k - 1], t))
        };
        let end = if linked(j + 1) {
            tokens[j + 1].run_end
        } else if linked(j + 2)
            && joined(text, &tokens[j], &tokens[j + 1])
            && in_list(CONNECTORS, tokens[j + 1].text)
        {
            tokens[j + 2].run_end
        } else {
            j + 1
        };
        tokens[j].run_end = end;
    }
    tokens
}

/// The run of capitalised tokens (with connectors inside) from `j`: the
/// index one past its end.
fn run_end(tokens: &[Token], j: usize) -> usize {
    match tokens.get(j) {
        Some(t) if t.is_capitalised() => t.run_end,
        _ => j,
    }
}

fn name_of(text: &str, tokens: &[Token], from: usize, to: usize) -> String {
    let last = &tokens[to - 1];
    let end = last.start + last.bare().len();
    text[tokens[from].start..end].to_string()
}

/// A run of capitalised tokens starts at `i`: the token before is not a
/// capitalised word joined to it.
fn starts_run(text: &str, tokens: &[Token], i: usize) -> bool {
    i == 0 || !tokens[i - 1].is_capitalised() || !joined(text, &tokens[i - 1], &tokens[i])
}

/// The longest prefix of the run `j..k` that the gazetteer knows as a place.
fn known_prefix(
    text: &str,
    tokens: &[Token],
    j: usize,
    k: usize,
    gaz: &Gazetteer,
) -> Option<usize> {
    (j + 1..=k.min(j + 6)).rev().find(|&e| {
        gaz.lookup(&name_of(text, tokens, j, e))
            .is_some_and(Kinds::is_place)
    })
}

fn after_locative(text: &str, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<Found> {
    let words = &*CAPTION_WORDS;
    let t = &tokens[i];
    let word = t.text.to_lowercase();
    let mut any_name = false;
    let locative = if word == "of" {
        let prev = i.checked_sub(1).map(|p| tokens[p].text.to_lowercase());
        match prev.as_deref() {
            Some("city" | "town" | "village" | "province" | "state" | "region" | "island") => {
                any_name = true;
                true
            }
            Some(p) => in_list(&words.locative_of, p),
            None => false,
        }
    } else if word == "near" {
        // "near Raetihi": whatever is near is a place, known or not.
        any_name = true;
        true
    } else if word == "called" || word == "named" {
        let prev = i.checked_sub(1).map(|p| tokens[p].text.to_lowercase());
        any_name = matches!(
            prev.as_deref(),
            Some("place" | "placed" | "town" | "village" | "city")
        );
        any_name
    } else {
        in_list(&words.locative_inflected, &word)
            || words
                .locative
                .iter()
                .any(|l| !l.contains(' ') && l.eq_ignore_ascii_case(&word))
            || words.locative.iter().filter(|l| l.contains(' ')).any(|l| {
                // The phrase's last word and the token end the same text:
                // one ends the other, or the phrase cannot end here.
                let last = l.rsplit(' ').next().unwrap_or(l).to_lowercase();
                if !(word.ends_with(&last) || last.ends_with(&word)) {
                    return false;
                }
                // Lowercase only the end of the text before the token (the
                // phrase and a margin), not all of it for every token.
                let before = &text[..t.end];
                let from = before
                    .char_indices()
                    .rev()
                    .nth(l.chars().count() + 8)
                    .map_or(0, |(i, _)| i);
                before[from..].to_lowercase().ends_with(&l.to_lowercase())
            })
    };
    if !locative || t.is_capitalised() && i > 0 && t.text.chars().all(char::is_uppercase) {
        return None;
    }
    let mut j = i + 1;
    let mut article = false;
    while j < tokens.len() && (in_list(ARTICLES, tokens[j].text) || tokens[j].is_number()) {
        article |= !tokens[j].is_number();
        j += 1;
    }
    // "in eastern Ukraine", "in north Queensland": a lowercase qualifier
    // before the name.
    if j < tokens.len()
        && !tokens[j].is_capitalised()
        && words.place_qualifier.contains(&tokens[j].text)
        && tokens
            .get(j + 1)
            .is_some_and(|n| n.is_capitalised() && joined(text, &tokens[j], n))
    {
        j += 1;
    }
    if j >= tokens.len() || !joined(text, &tokens[j - 1], &tokens[j]) && j > i + 1 {
        return None;
    }
    let k = run_end(tokens, j);
    if k == j {
        return None;
    }
    let found = |kind| {
        Some(Found {
            start: tokens[j].start,
            end: tokens[k - 1].end,
            kind,
        })
    };
    if any_name {
        return found("named");
    }
    let next = tokens.get(k).filter(|n| joined(text, &tokens[k - 1], n));
    let place_noun_follows = next.is_some_and(|n| {
        !n.is_capitalised() && in_list(&words.place_noun, n.text.trim_end_matches('.'))
    });
    // "at the Capitol", "outside the Kremlin", "at the White House": a
    // building known the world over by its name alone.
    if in_list(&words.landmark, &name_of(text, tokens, j, k)) {
        return found("locative");
    }
    // "w Warszawie", "we Wrocławiu": the name with its case ending undone.
    if in_list(&words.locative_inflected, &word) && k == j + 1 && uninflected(tokens[j].bare(), gaz)
    {
        return found("locative");
    }
    if let Some(e) = known_prefix(text, tokens, j, k, gaz) {
        let rest_is_landmark = tokens[e..k].iter().all(|r| {
            in_list(&words.landmark_part, r.bare()) || in_list(&words.place_part, r.bare())
        });
        // "Toronto's Beaches", "Manhattan's Lower East Side": the place owns
        // the name after it.
        let owner = tokens[e - 1].is_possessive();
        // "in Berlin am Montag", "à Paris le 16 mars": the run went on
        // through a connector that joins no known name to the place.
        // Not "of": "the Bank of England" is an institution's name.
        let joined_on = e < k && tokens[e].text != "of" && in_list(CONNECTORS, tokens[e].text);
        if joined_on {
            return Some(Found {
                start: tokens[j].start,
                end: tokens[e - 1].start + tokens[e - 1].bare().len(),
                kind: "locative",
            });
        }
        if e == k || rest_is_landmark || owner {
            // "to the Texas governor", "above Jupiter's cloud tops": a name
            // used as an adjective before a noun. Not before a venue after
            // "at the": "at the Barcelona testing lab" is a lab in
            // Barcelona.
            let venue = word == "at"
                && article
                && tokens[k..]
                    .iter()
                    .take(2)
                    .take_while(|n| !n.is_capitalised())
                    .any(|n| in_list(&words.venue_noun, n.text.trim_end_matches(['.', ','])));
            let adjective = (article || tokens[e - 1].is_possessive())
                && !venue
                && e == k
                && !tokens[k - 1].text.ends_with([',', '.'])
                && next.is_some_and(|n| {
                    !n.is_capitalised()
                        && !in_list(FOLLOWERS, n.text)
                        && !in_list(&words.place_noun, n.text.trim_end_matches('.'))
                });
            if !adjective {
                return found("locative");
            }
        }
    }
    let last = tokens[k - 1].bare();
    let first = tokens[j].text;
    if k - j >= 2
        && (in_list(&words.place_part, last)
            || matches!(first, "Mount" | "Mt." | "Lake" | "Cape" | "Isle"))
    {
        return found("locative");
    }
    if place_noun_follows {
        return found("locative");
    }
    // "at the Neonworks of Cincinnati workshop", "in the University of
    // Chicago library": a venue named for the known place it stands in.
    if matches!(word.as_str(), "at" | "in" | "inside" | "outside") {
        let of = (j + 1..k.saturating_sub(1)).find(|&m| tokens[m].text == "of");
        if of.is_some_and(|of| known_prefix(text, tokens, of + 1, k, gaz) == Some(k)) {
            return found("locative");
        }
    }
    None
}

/// "Sioux Center, Iowa" · "Shelby, N.C." · "in Bushwick, Brooklyn" ·
/// "…, London" closing the caption.
fn after_comma(text: &str, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<Found> {
    let t = &tokens[i];
    if t.is_possessive() {
        return None;
    }
    let next = tokens.get(i + 1)?;
    let gap = &text[t.end..next.start];
    if gap.trim() != "," || !next.is_capitalised() {
        return None;
    }
    let j = i + 1;
    let k = run_end(tokens, j);
    if tokens[k - 1].is_possessive() {
        return None;
    }
    let name = name_of(text, tokens, j, k);
    let kinds = gaz.lookup(&name).or_else(|| {
        // "N.J." at the end of a sentence keeps its own full stop.
        gaz.lookup(tokens[k - 1].text).filter(|_| k - j == 1)
    })?;
    // The name after the comma must end there, not run on into a person's
    // name ("Tom Cruise, Katie Holmes").
    let ends = tokens
        .get(k)
        .is_none_or(|n| !n.is_capitalised() || !joined(text, &tokens[k - 1], n))
        || tokens[k - 1].text.ends_with('.');
    if !ends {
        return None;
    }
    let closes = text[tokens[k - 1].end..]
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation())
        .is_empty();
    // "Mozilla spaces, London": a known place closing the caption.
    if !t.is_capitalised() {
        return (closes && kinds.is_place()).then_some(Found {
            start: next.start,
            end: tokens[k - 1].end,
            kind: "comma",
        });
    }
    // The run before the comma.
    let mut s = i;
    while s > 0 && joined(text, &tokens[s - 1], &tokens[s]) && tokens[s - 1].is_capitalised() {
        s -= 1;
    }
    // "Australia, Canada and New Zealand" is a list, not a place in a country.
    let before = gaz.lookup(&name_of(text, tokens, s, i + 1));
    if before.is_some_and(|b| b.has(Kinds::COUNTRY)) && kinds.has(Kinds::COUNTRY) {
        return None;
    }
    let before_locative = s > 0 && {
        let w = tokens[s - 1].text.to_lowercase();
        in_list(&CAPTION_WORDS.locative, &w)
    };
    let found = Found {
        start: tokens[s].start,
        end: tokens[k - 1].end,
        kind: "comma",
    };
    if kinds.is_container() || (kinds.has(Kinds::CITY) && (before_locative || closes)) {
        return Some(found);
    }
    None
}

/// "leaves Inishcarra pier", "in Amur province", "the Chelsea
/// neighborhood": a proper name and a lowercase place noun.
fn before_place_noun(text: &str, tokens: &[Token], i: usize) -> Option<Found> {
    let t = &tokens[i];
    let next = tokens.get(i + 1)?;
    if !t.is_capitalised()
        || t.is_possessive()
        || next.is_capitalised()
        || !joined(text, t, next)
        || !in_list(&CAPTION_WORDS.place_noun, next.text.trim_end_matches('.'))
    {
        return None;
    }
    // Not the first word of a sentence ("Police officers", "Border guards").
    (!starts_sentence(text, tokens, i)).then_some(Found {
        start: t.start,
        end: next.end,
        kind: "place-noun",
    })
}

/// "New York City officials", "Gaza residents": a known city's whole name
/// and its people (`place-people` in `rules/data/captions.txt`), where the
/// picture was taken. Not a country's or a state's ("US officials" may be
/// anywhere), nor a name the city only begins ("Manchester United fans").
fn city_people(text: &str, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<Found> {
    let starts_run = starts_run(text, tokens, i);
    let k = run_end(tokens, i);
    if !starts_run || k == i || tokens[k - 1].is_possessive() {
        return None;
    }
    let next = tokens.get(k).filter(|n| joined(text, &tokens[k - 1], n))?;
    if !in_list(&CAPTION_WORDS.place_people, next.text) {
        return None;
    }
    let kinds = gaz.lookup(&name_of(text, tokens, i, k))?;
    let city = kinds.has(Kinds::CITY) && !kinds.has(Kinds::COUNTRY | Kinds::ABBREVIATION);
    city.then_some(Found {
        start: tokens[i].start,
        end: next.end,
        kind: "city-people",
    })
}

/// The token opens a sentence or a line: it comes first, after a full
/// stop, a colon or a line break, or after nothing but numbers on its line
/// (a slide's counter: "16/50 High street shops hit by exodus").
fn starts_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    i == 0
        || text[tokens[i - 1].end..t.start].contains(['.', ':', '!', '?'])
        || tokens[i - 1].text.ends_with('.') && !tokens[i - 1].is_abbreviation()
        || t.opens_line
}

/// "Mount Cook", "the River Thames", "Lake Gunn", "Whangārei Harbour": a
/// natural feature's name, wherever it stands. A name ending in the
/// feature's word is the whole capitalised run ("Silver Lake Partners" is
/// not a lake).
fn natural_feature(text: &str, tokens: &[Token], i: usize) -> Option<Found> {
    let t = &tokens[i];
    let next = tokens.get(i + 1)?;
    let starts_run = starts_run(text, tokens, i);
    if !starts_run {
        return None;
    }
    if matches!(t.text, "Mount" | "Mt." | "River" | "Lake")
        && next.is_capitalised()
        && joined(text, t, next)
    {
        return Some(Found {
            start: t.start,
            end: next.end,
            kind: "feature",
        });
    }
    let k = run_end(tokens, i);
    (k >= i + 2 && k <= i + 4 && FEATURE_ENDS.contains(&tokens[k - 1].text)).then(|| Found {
        start: t.start,
        end: tokens[k - 1].end,
        kind: "feature",
    })
}

/// The words that end a natural feature's name ("… Harbour", "… Falls").
const FEATURE_ENDS: &[&str] = &[
    "Harbour",
    "Harbor",
    "Bay",
    "River",
    "Lake",
    "Island",
    "Islands",
    "Beach",
    "Valley",
    "Canyon",
    "Falls",
    "Creek",
    "Glacier",
    "Peninsula",
    "Desert",
    "Forest",
    "Sound",
    "Strait",
    "Mountain",
    "Mountains",
    "Hills",
    "Gorge",
    "Reef",
];

/// "half of Europe in the 14th century", "South Florida, where": a
/// country, state or region named as a place, followed by a preposition,
/// punctuation or the end. Not as an adjective ("US president", "New York
/// City officials"), nor as a sentence's subject ("South Korea is facing
/// turmoil" says nothing of where the picture was taken), nor in a title
/// or an institution's name ("Queen of New Zealand", "Bank of England").
fn region_named(text: &str, tokens: &[Token], i: usize, gaz: &Gazetteer) -> Option<Found> {
    let t = &tokens[i];
    let starts_run = starts_run(text, tokens, i);
    let titled = i >= 2 && tokens[i - 1].text == "of" && tokens[i - 2].is_capitalised();
    // "courted Australia, Canada and New Zealand": a list of countries.
    let listed = i >= 1
        && (matches!(tokens[i - 1].text, "and" | "or")
            || text[..t.start].trim_end().ends_with(','));
    if !t.is_capitalised() || !starts_run || titled || listed {
        return None;
    }
    let k = run_end(tokens, i);
    if tokens[k - 1].is_possessive() {
        return None;
    }
    let kinds = gaz.lookup(&name_of(text, tokens, i, k))?;
    if !kinds.is_container() {
        return None;
    }
    let after = text[tokens[k - 1].end..tokens.get(k).map_or(text.len(), |n| n.start)].trim();
    if after.starts_with(',') {
        return None;
    }
    let ends = tokens[k - 1].text.ends_with('.')
        || !after.is_empty()
        || tokens
            .get(k)
            .is_none_or(|n| !n.is_capitalised() && in_list(PREPOSITIONS, n.text));
    ends.then_some(Found {
        start: t.start,
        end: tokens[k - 1].end,
        kind: "region",
    })
}
