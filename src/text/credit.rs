//! Credits: who took or supplied the picture. Recognised forms, each a
//! house style of some newsroom:
//!
//! - a label and a colon: `Photo: Name`, `Photograph: Name/Agency`,
//!   `Image source: Getty Images`, `Credit: ESA`, `Foto: …`, `写真：…`;
//! - a noun and "by": `Photo by Name / AFP`, `Illustration by Name`;
//! - `Courtesy (of) …`, `©`/`(c)`/`Copyright`, `Handout`, `Submitted photo`;
//! - the New York Times' glued `Credit…Name/Agency`;
//! - brackets and parentheses: `[Name/Agency]`, `(AP Photo/Name)`,
//!   `(Name/AP)`, `(Reuters)`, a name alone in parentheses at the end;
//! - slashes and pipes: `REUTERS/Name`, `Name/Reuters`, `Name | AFP`;
//! - an agency from `rules/data/agencies.txt` next to a slash, pipe or dash,
//!   after "via", before "Photo" or "file", or ending the caption;
//! - `Name for Outlet` ending the caption ("Adam Maida for BuzzFeed News");
//! - a caption that is only a web address or a social-media handle.
//!
//! Each form is a row of [`DETECTORS`]: how its candidates are found, where
//! the credit ends, how sure it is, and a guard that turns away look-alikes
//! ("Photos: Fans rock out…", "DR Congo").

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;

use super::Found;
use super::data::{AGENCY_NAMES, CAPTION_WORDS, alternation};

/// How sure a credit is. Weak forms (a bare name or agency at the end, a
/// slash between names) are credits in a caption but not reason enough to
/// call alt text a credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    Strong,
    Weak,
}

struct Patterns {
    label: Regex,
    by: Regex,
    courtesy: Regex,
    copyright: Regex,
    glued: Regex,
    from: Regex,
    word: Regex,
    social: Regex,
    bracketed: Regex,
    agency: Regex,
    slash: Regex,
    sentence_end: Regex,
    domain: Regex,
    via_tail: Regex,
}

const NAME_WORD: &str = r"(?:\p{Lu}[\p{L}\p{M}'’\-]*\.?|\p{Lu}\.)";

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let w = &*CAPTION_WORDS;
    let re = |p: &str| Regex::new(p).expect("caption credit pattern");
    // Agencies as written, and in capitals ("REUTERS").
    let agencies = alternation(
        AGENCY_NAMES
            .iter()
            .flat_map(|a| [a.to_string(), a.to_uppercase()])
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    Patterns {
        label: re(&format!(
            r"(?i:\b(?:{}))\s*[:：]\s*[^\s:]",
            alternation(w.credit_label.iter().copied())
        )),
        by: re(&format!(
            r"(?i:\b(?:{}))\s+(?:[Bb]y|BY|de|por|von)\s+[\p{{Lu}}\p{{Ll}}@]",
            alternation(w.credit_by.iter().copied())
        )),
        courtesy: re(r"\b(?:[Cc]ourtesy|COURTESY)(?:\s+(?:of|OF))?\s+(?:the\s+)?[\p{Lu}\d@]"),
        copyright: re(r"©\s*\S|\([cC]\)\s*[\p{Lu}\d]|\b(?:Copyright|COPYRIGHT)\s+\S"),
        glued: re(
            r"Credit(?:Credit)?(?:(?:\.\.\.|…)\s*\S|\p{Lu})|Credits?\s*[:：]\s*\S|^\s*Credits?\s+\p{Lu}",
        ),
        from: re(
            r"\b(?:[Pp]hoto|[Pp]hotograph|[Pp]icture|[Ii]mage|[Vv]ideo|[Ff]ootage)s?\s+(?:from|via|courtesy\s+of)\s+\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*)*",
        ),
        word: re(&format!(
            r"\b(?:{})\b",
            alternation(w.credit_word.iter().copied())
        )),
        social: re(r"\b(?:Twitter|Instagram|Facebook|TikTok|X)\s*[:：]\s*@\w"),
        // No counted repetition ({2,120}): it multiplies the automaton.
        bracketed: re(r"\[([^\[\]]+)\]|\(([^()]+)\)"),
        agency: re(&format!(
            r"(?:^|[^\p{{L}}\p{{N}}])({agencies})(?:$|[^\p{{L}}\p{{N}}])"
        )),
        slash: re(r"\p{L}[\p{L}\p{M}.'’\-]+\s?/\s?\p{L}"),
        sentence_end: re(r#"[.!?…]["”’)]?\s+|[.!?](?:\p{Lu})"#),
        domain: re(r"^@[\w.]+$|^(?:[\w-]+\.)+(?:com|org|net|co\.uk|jp|de|fr|io|gov|edu)$"),
        // "… keyboard via iFixit": a source named after "via", ending the
        // caption (one to four names: capitalised, or `iFixit`, `eBay`).
        via_tail: re(&format!(
            r"\b(?:via|Via|VIA)\s+(?:{NAME_WORD}|\p{{Ll}}+\p{{Lu}}[\p{{L}}\p{{N}}]*)(?:\s+(?:{NAME_WORD}|\p{{Ll}}+\p{{Lu}}[\p{{L}}\p{{N}}]*)){{0,3}}\s*\.?\s*$"
        )),
    }
});

// Built only when a caption needs them: most credits are found before.
static FOR_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}\s+(?:for|para|pour|für)\s+(?:the\s+|The\s+)?[\p{{L}}\p{{M}}\p{{N}}.'’&\- ]*\b(?:{})\b[\p{{L}}\p{{M}}\p{{N}}.'’&\- ]*$",
        alternation(CAPTION_WORDS.credit_outlet.iter().copied())
    ))
    .expect("caption credit pattern")
});
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{NAME_WORD}(?:\s+(?:{NAME_WORD}|de|da|van|von|der|bin|al|la|le|y)){{1,4}}$"
    ))
    .expect("caption credit pattern")
});

/// One form of credit: a row of [`DETECTORS`].
struct Detector {
    /// Which form it is, as [`Found::kind`] gives it.
    kind: &'static str,
    /// Where the candidates are.
    find: Find,
    /// Where a credit found at a candidate ends.
    end: End,
    /// How sure a credit of this form is.
    strength: Strength,
    /// Which candidates are credits; `None`: every one.
    guard: Option<Guard>,
}

type Guard = fn(&Caption, &Hit) -> bool;

/// How a detector finds its candidates.
enum Find {
    /// Every match of one of the [`Patterns`].
    Pattern(fn(&Patterns) -> &Regex),
    /// Text in brackets or parentheses (2 to 120 bytes, not a web
    /// address); the hit's `inner` is that text, trimmed.
    Bracketed,
    /// An agency name, built in or configured; `inner` is the name.
    Agency,
    /// The caption's last part (see [`Caption::tail`]), unless it is empty
    /// or a web address; `inner` is that part.
    Tail,
    /// The candidates of the rows above, back to the last with a finder of
    /// its own, that none of them took: this row is the next thing such a
    /// candidate may be (a weaker form, another kind of the same text).
    Rest,
}

/// Where a credit ends.
enum End {
    /// Where its candidate ends.
    Match,
    /// At the end of the text, or of the sentence its candidate starts in
    /// when a long sentence follows (see [`CreditEnds`]).
    Sentence,
}

/// A candidate for a credit: its span in the caption and the text that
/// matters for it.
struct Hit<'t> {
    start: usize,
    end: usize,
    inner: &'t str,
}

/// The credit forms. Each row finds its candidates and keeps those its
/// guard accepts, except that a row with [`Find::Rest`] only sees what the
/// rows above it, back to the one with a finder, rejected. Credits found at
/// the same place keep this order. Adding a form is adding a row (and, if
/// none of the finders fits, a [`Find`]).
static DETECTORS: &[Detector] = &[
    // "this photo from Apple will have to do": the credit is the name;
    // "video from Hong Kong" says where, not whose.
    Detector {
        kind: "from",
        find: Find::Pattern(|p| &p.from),
        end: End::Match,
        strength: Strength::Strong,
        guard: Some(from_not_a_place),
    },
    // "Photo: Name/Agency", but not "Photos: Fans rock out at the club".
    Detector {
        kind: "label",
        find: Find::Pattern(|p| &p.label),
        end: End::Sentence,
        strength: Strength::Strong,
        guard: Some(label_not_followed_by_prose),
    },
    Detector {
        kind: "by",
        find: Find::Pattern(|p| &p.by),
        end: End::Sentence,
        strength: Strength::Strong,
        guard: Some(by_not_a_picture_of),
    },
    Detector {
        kind: "courtesy",
        find: Find::Pattern(|p| &p.courtesy),
        end: End::Sentence,
        strength: Strength::Strong,
        guard: None,
    },
    Detector {
        kind: "copyright",
        find: Find::Pattern(|p| &p.copyright),
        end: End::Sentence,
        strength: Strength::Strong,
        guard: Some(copyright_opens_a_credit),
    },
    Detector {
        kind: "credit",
        find: Find::Pattern(|p| &p.glued),
        end: End::Sentence,
        strength: Strength::Strong,
        guard: None,
    },
    Detector {
        kind: "social",
        find: Find::Pattern(|p| &p.social),
        end: End::Sentence,
        strength: Strength::Strong,
        guard: None,
    },
    // "Handout", "Submitted photo", "DR" (droits réservés) ending a caption.
    Detector {
        kind: "handout",
        find: Find::Pattern(|p| &p.word),
        end: End::Match,
        strength: Strength::Strong,
        guard: Some(short_word_ends_caption),
    },
    // [Name/Agency], (AP Photo/Name), (Reuters)
    Detector {
        kind: "parenthesised",
        find: Find::Bracketed,
        end: End::Match,
        strength: Strength::Strong,
        guard: Some(brackets_hold_a_credit),
    },
    // (Lucy Akins), [example.com] ending the caption.
    Detector {
        kind: "parenthesised",
        find: Find::Rest,
        end: End::Match,
        strength: Strength::Weak,
        guard: Some(brackets_end_with_a_name),
    },
    // Agencies next to credit punctuation: "Name/AFP", "(Reuters)", "via
    // Getty Images", "AP Photo", "AP - AFP".
    Detector {
        kind: "agency",
        find: Find::Agency,
        end: End::Match,
        strength: Strength::Strong,
        guard: Some(agency_by_credit_punctuation),
    },
    // An agency (longer than three letters) ending the caption.
    Detector {
        kind: "agency",
        find: Find::Rest,
        end: End::Match,
        strength: Strength::Weak,
        guard: Some(agency_ends_caption),
    },
    // The last part as a credit line: "Name/Agency"…
    Detector {
        kind: "slash",
        find: Find::Tail,
        end: End::Match,
        strength: Strength::Weak,
        guard: Some(tail_is_slash_credit),
    },
    // … "Name for Outlet"…
    Detector {
        kind: "for",
        find: Find::Rest,
        end: End::Match,
        strength: Strength::Weak,
        guard: Some(tail_is_for_outlet),
    },
    // … or a domain or handle that is the whole caption.
    Detector {
        kind: "source",
        find: Find::Rest,
        end: End::Match,
        strength: Strength::Weak,
        guard: Some(caption_is_an_address),
    },
    // "… via iFixit" ending the caption: where the picture came from.
    Detector {
        kind: "via",
        find: Find::Pattern(|p| &p.via_tail),
        end: End::Match,
        strength: Strength::Weak,
        guard: Some(via_names_a_source),
    },
];

/// Every credit in `text`, in order; `extra` are agencies from the
/// configuration.
pub fn find_all(text: &str, extra: &[&str]) -> Vec<(Found, Strength)> {
    let caption = Caption::new(text, extra);
    let mut out = Vec::new();
    let mut rows = DETECTORS;
    while let Some((first, rest)) = rows.split_first() {
        let alternatives = rest
            .iter()
            .take_while(|d| matches!(d.find, Find::Rest))
            .count();
        let (group, next) = rows.split_at(1 + alternatives);
        rows = next;
        for hit in caption.hits(&first.find) {
            let Some(detector) = group
                .iter()
                .find(|d| d.guard.is_none_or(|guard| guard(&caption, &hit)))
            else {
                continue;
            };
            let end = match detector.end {
                End::Match => hit.end,
                End::Sentence => caption.sentence_end(hit.start),
            };
            let found = Found {
                start: hit.start,
                end,
                kind: detector.kind,
            };
            out.push((found, detector.strength));
        }
    }
    out.sort_by_key(|(f, _)| (f.start, f.end));
    out
}

/// A caption being searched, with what several detectors share, each
/// worked out once.
struct Caption<'t> {
    text: &'t str,
    extra: &'t [&'t str],
    ends: CreditEnds,
    tail: OnceCell<Tail<'t>>,
}

/// The caption's last sentence, or what follows its last " - " or " | ",
/// trimmed.
struct Tail<'t> {
    /// Where the sentence or the part after the separator starts.
    from: usize,
    start: usize,
    text: &'t str,
}

impl<'t> Caption<'t> {
    fn new(text: &'t str, extra: &'t [&'t str]) -> Caption<'t> {
        Caption {
            text,
            extra,
            ends: CreditEnds::new(text),
            tail: OnceCell::new(),
        }
    }

    fn sentence_end(&self, start: usize) -> usize {
        self.ends.at(self.text, start)
    }

    fn hits(&self, find: &Find) -> Vec<Hit<'t>> {
        let text = self.text;
        match find {
            Find::Pattern(pattern) => pattern(&PATTERNS)
                .find_iter(text)
                .map(|m| Hit {
                    start: m.start(),
                    end: m.end(),
                    inner: m.as_str(),
                })
                .collect(),
            Find::Bracketed => PATTERNS
                .bracketed
                .captures_iter(text)
                .filter_map(|c| {
                    let (whole, inner) = (c.get(0)?, c.get(1).or(c.get(2))?);
                    let inner = inner.as_str().trim();
                    let address = inner.contains("://")
                        || inner.starts_with("www.")
                        || inner.starts_with("http");
                    ((2..=120).contains(&inner.len()) && !address).then_some(Hit {
                        start: whole.start(),
                        end: whole.end(),
                        inner,
                    })
                })
                .collect(),
            Find::Agency => agency_matches(text, self.extra)
                .into_iter()
                .map(|(start, end, inner)| Hit { start, end, inner })
                .collect(),
            Find::Tail => {
                let tail = self.tail();
                let address = tail.text.contains("://") || tail.text.contains("www.");
                if tail.text.is_empty() || address {
                    return Vec::new();
                }
                vec![Hit {
                    start: tail.start,
                    end: tail.start + tail.text.len(),
                    inner: tail.text,
                }]
            }
            Find::Rest => unreachable!("a `Find::Rest` row follows a row with a finder"),
        }
    }

    fn tail(&self) -> &Tail<'t> {
        self.tail.get_or_init(|| {
            let text = self.text;
            let trimmed = text.trim_end();
            let sentence = PATTERNS
                .sentence_end
                .find_iter(trimmed)
                // A middle initial's full stop ("Amy K. Dragoo/AIMMEDIA")
                // ends no sentence.
                .filter(|m| !after_initial(&trimmed[..m.start()]))
                .last()
                .map_or(0, |m| {
                    // Keep the capital that a glued full stop ran into.
                    let s = m.as_str();
                    if s.ends_with(|c: char| c.is_uppercase()) {
                        m.end() - s.chars().last().map_or(0, char::len_utf8)
                    } else {
                        m.end()
                    }
                });
            let separator = [" - ", " – ", " — ", " | "]
                .iter()
                .filter_map(|sep| trimmed.rfind(sep).map(|i| i + sep.len()))
                .max()
                .unwrap_or(0);
            let from = sentence.max(separator);
            let tail = text[from..].trim();
            let start = from + text[from..].find(tail).unwrap_or(0);
            Tail {
                from,
                start,
                text: tail,
            }
        })
    }
}

/// The name after "from", "via" or "courtesy of" is not a place the
/// gazetteer knows ("Dramatic video from Hong Kong").
fn from_not_a_place(_: &Caption, h: &Hit) -> bool {
    let name = [" from ", " via ", " of "]
        .iter()
        .filter_map(|w| h.inner.split_once(w).map(|(_, name)| name))
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.');
    !super::gazetteer::Gazetteer::get()
        .lookup(name)
        .is_some_and(super::gazetteer::Kinds::is_place)
}

/// Determiners before a noun: "la photo de Frédéric Roy" is the photo of
/// him that a protester holds up, not a credit; "Photo de Jean Dupont"
/// credits him.
const DETERMINERS: &[&str] = &[
    "la", "le", "les", "une", "un", "des", "sa", "son", "ses", "cette", "ce", "leur", "leurs",
    "el", "los", "las", "una", "su", "sus", "esta", "este", "die", "das", "der", "den", "dem",
    "ein", "eine", "einen", "einem", "seine", "ihre", "dieses", "diese",
];

/// "Photo de Name", "Foto von Name", "Foto por Name" credit the name; with a
/// determiner before the noun ("la photo de Frédéric Roy", "ein Foto von
/// ihm") the preposition says whom the picture shows. "by" always credits.
fn by_not_a_picture_of(c: &Caption, h: &Hit) -> bool {
    let found = &c.text[h.start..h.end];
    let english = found
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("by"));
    english
        || !c.text[..h.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
}

fn label_not_followed_by_prose(c: &Caption, h: &Hit) -> bool {
    let (label, after) = c.text[h.start..c.sentence_end(h.start)]
        .split_once([':', '：'])
        .unwrap_or_default();
    // After a plural label, articles too make a gallery's title ("Photos:
    // Inside the Battle for Tripoli"); a credit names people ("Photos:
    // Jane Doe and John Roe/AP").
    let plural = label.trim_end().ends_with(['s', 'S']);
    !after.split_whitespace().take(12).any(|w| {
        let w = w.to_lowercase();
        LABEL_PROSE.contains(&w.as_str()) || plural && GALLERY_TITLE_WORDS.contains(&w.as_str())
    })
}

/// "Copyright" opens a credit where a credit line starts (the caption's
/// start, or after punctuation: "… harbour. Copyright Jane Doe", "|
/// Copyright AP") or before a year; inside a title it is a word ("'La
/// Dolce Vita' Copyright Case"). `©` and `(c)` always do.
fn copyright_opens_a_credit(c: &Caption, h: &Hit) -> bool {
    let word = &c.text[h.start..h.end];
    if !word.starts_with(['C', 'c']) || word.starts_with("(c)") || word.starts_with("(C)") {
        return true;
    }
    let before = c.text[..h.start].trim_end();
    let year = c.text[h.start..]
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| {
            w.trim_end_matches([',', '.'])
                .chars()
                .all(|ch| ch.is_ascii_digit())
        });
    year || before.is_empty()
        || before.ends_with(['.', ',', ';', ':', '|', '(', '[', '/', '-', '–', '—', '©'])
}

/// "DR" (droits réservés) only ends a caption; "DR Congo" is a place.
fn short_word_ends_caption(c: &Caption, h: &Hit) -> bool {
    let short = h.inner.chars().count() <= 4 && h.inner.contains(char::is_uppercase);
    !short || is_tail(c.text, h.end)
}

fn brackets_hold_a_credit(c: &Caption, h: &Hit) -> bool {
    let (p, inner) = (&*PATTERNS, h.inner);
    if spells_words_before(&c.text[..h.start], inner) {
        return false;
    }
    p.slash.is_match(inner)
        || has_agency(inner, c.extra)
        || p.label.is_match(inner)
        || p.by.is_match(inner)
        || inner.starts_with("Photo ")
        || inner.starts_with("Foto ")
        // (Al 'Hughes' Dukes Photography), (Lumen Studios): a studio.
        || inner.split_whitespace().count() >= 2
            && inner.split_whitespace().last().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "photography" | "photographer" | "photographers" | "studio" | "studios"
                )
            })
        // [Herald archive], (File photo): the paper's own archive.
        || inner
            .split_whitespace()
            .any(|w| matches!(w.to_lowercase().as_str(), "archive" | "archives" | "file"))
}

/// The abbreviation in brackets spells the initials of the words just
/// before it ("North Korea's Central News Agency (KCNA)", "Organization of
/// the Petroleum Exporting Countries (OPEC)"): the name written out, then
/// its short form, in running text.
/// How far back [`spells_words_before`] reads for the words an
/// abbreviation stands for.
const INITIALS_WINDOW: usize = 512;

fn spells_words_before(before: &str, abbreviation: &str) -> bool {
    let letters: Vec<char> = abbreviation.trim().chars().collect();
    if !(2..=6).contains(&letters.len()) || !letters.iter().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut wanted = letters.iter().rev().peekable();
    // Six initials and the small words between them are a few hundred
    // bytes at most: a caption of names run together is not split up to
    // its start for each of them.
    let Some(before) = last_words(before.trim_end_matches(['(', '[', ' ']), INITIALS_WINDOW) else {
        return false;
    };
    let words = before.split_whitespace().rev();
    for word in words {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(initial) = word.chars().next() else {
            break;
        };
        let Some(&&next) = wanted.peek() else {
            break;
        };
        if initial.to_ascii_uppercase() == next {
            wanted.next();
        } else if !matches!(
            word,
            "of" | "the" | "and" | "for" | "de" | "du" | "la" | "des"
        ) {
            break;
        }
        if wanted.peek().is_none() {
            return true;
        }
    }
    false
}

fn brackets_end_with_a_name(c: &Caption, h: &Hit) -> bool {
    let inner = h.inner;
    is_tail(c.text, h.end)
        && (NAME.is_match(inner) || PATTERNS.domain.is_match(inner))
        // "[Scan PREMIUM Monthly Executive Summary]" is a title.
        && !inner
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_uppercase()).count() > 1 && !w.contains('.'))
}

fn agency_by_credit_punctuation(c: &Caption, h: &Hit) -> bool {
    let (text, extra) = (c.text, c.extra);
    let before = text[..h.start].trim_end();
    let after = text[h.end..].trim_start();
    // The word before is one of `words`. Asked of the words' own length
    // of text, not by splitting off the last word, which in a caption of
    // names run together ("AP/AP/AP…") is the whole caption, for each name.
    let prev_is = |words: &[&str]| {
        words.iter().any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
        })
    };
    // The word after is one of `words`, closing punctuation maybe after it.
    let next_is = |words: &[&str]| {
        words.iter().any(|w| {
            after.strip_prefix(w).is_some_and(|rest| {
                rest.chars()
                    .take_while(|c| !c.is_whitespace())
                    .all(|c| matches!(c, ',' | '.' | ')' | ']'))
            })
        })
    };
    // "Korean Central News Agency (KCNA) said": the letters stand for the
    // name just written, not for a credit.
    if before.ends_with('(') && spells_words_before(before[..before.len() - 1].trim_end(), h.inner)
    {
        return false;
    }
    before.ends_with(['/', '|', '(', '[', '©', '＝', '='])
        || after.starts_with(['/', '|', ')', ']'])
        || prev_is(&["via", "Via", "VIA", "vía", "by", "By"])
        || next_is(&[
            "Photo", "PHOTO", "Photos", "file", "File", "FILE", "Image", "Images",
        ])
        // A list of agencies: "AP - AFP", "Reuters, AFP".
        || (before.ends_with(['-', '–', '—', ','])
            && ends_with_agency(before.trim_end_matches(['-', '–', '—', ',']).trim_end(), extra))
}

/// The text ends with an agency's name. Only its last words are searched:
/// a caption listing thousands of agencies is not searched again up to
/// each of them.
fn ends_with_agency(text: &str, extra: &[&str]) -> bool {
    let Some(tail) = last_words(text, AGENCY_WINDOW) else {
        return false;
    };
    let offset = text.len() - tail.len();
    agency_matches(tail, extra)
        .last()
        .is_some_and(|(_, e, _)| offset + e == text.len())
}

/// The end of `text` from the start of a word within its last `window`
/// bytes, so that no word is cut; `None` when no word starts there.
fn last_words(text: &str, window: usize) -> Option<&str> {
    let from = text.len().saturating_sub(window);
    let from = (from..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    match from {
        0 => Some(text),
        _ => text[from..]
            .find(char::is_whitespace)
            .map(|space| &text[from + space..]),
    }
}

/// How far back from its end a text is searched for an agency's name
/// (see [`ends_with_agency`]): several times the longest name.
const AGENCY_WINDOW: usize = 160;

fn agency_ends_caption(c: &Caption, h: &Hit) -> bool {
    let short = h.inner.chars().count() <= 3;
    !short && is_tail(c.text, h.end)
}

/// The text ends with an initial: one capital letter standing as a word
/// ("Amy K").
fn after_initial(before: &str) -> bool {
    let mut chars = before.chars().rev();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none_or(char::is_whitespace)
}

fn tail_is_slash_credit(_: &Caption, h: &Hit) -> bool {
    let tail = h.inner;
    let words = tail.split_whitespace().count();
    let prose = tail
        .split_whitespace()
        .any(|w| PROSE_WORDS.contains(&w.to_lowercase().as_str()));
    // A copyright sign inside the tail opens its credit ("… im Bundestag©
    // Odd Andersen /AFP"), which the copyright row reads.
    let copyright_inside = tail.char_indices().any(|(i, c)| c == '©' && i > 0);
    words <= 10
        && !prose
        && !copyright_inside
        && !tail.ends_with('.')
        && PATTERNS.slash.is_match(tail)
        // "… madrileño. / GORKA LEJARCEGI": El País's credit after a slash.
        || tail.strip_prefix('/').is_some_and(|name| NAME.is_match(name.trim()))
}

fn tail_is_for_outlet(_: &Caption, h: &Hit) -> bool {
    FOR_OUTLET.is_match(h.inner)
}

/// The name after "via" is a source, not an agency (which the agency row
/// reads) nor a place the picture's subject passed through ("via
/// Heathrow").
fn via_names_a_source(c: &Caption, h: &Hit) -> bool {
    let name = h
        .inner
        .split_once(char::is_whitespace)
        .map_or("", |(_, n)| n);
    !has_agency(name, c.extra) && super::place::find(name).is_none()
}

fn caption_is_an_address(c: &Caption, h: &Hit) -> bool {
    c.tail().from == 0 && PATTERNS.domain.is_match(h.inner)
}

/// Words of a gallery's title that a credit after a plural label does not
/// hold.
const GALLERY_TITLE_WORDS: &[&str] = &["the", "a", "an", "from", "inside", "of"];

/// Words that make what follows "Photos:" a title rather than a credit.
const LABEL_PROSE: &[&str] = &[
    "is", "are", "was", "were", "at", "in", "on", "with", "has", "have", "will", "to",
];

/// Words that make a phrase a sentence rather than a credit line.
const PROSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "the", "a", "an", "of", "at", "in", "on", "to", "with", "and",
    "has", "have", "its", "this", "that",
];

/// Where credits end: a credit that starts at `start` runs to the end of
/// the text or of its part (a line break), or to the end of its sentence
/// when a long sentence (more than four words) follows. The sentence ends that qualify are found once for
/// the whole text, so each credit costs a binary search, not a scan of the
/// rest of the text.
struct CreditEnds {
    /// (start of the sentence end, end of the credit before it), in order.
    ends: Vec<(usize, usize)>,
}

impl CreditEnds {
    fn new(text: &str) -> CreditEnds {
        // Where each run of non-whitespace (a word, as `split_whitespace`
        // sees it) begins.
        let mut word_starts = Vec::new();
        let mut after_space = true;
        for (i, c) in text.char_indices() {
            let space = c.is_whitespace();
            if !space && after_space {
                word_starts.push(i);
            }
            after_space = space;
        }
        // Words in `text[at..]`, a word cut at `at` counted once.
        let words_after = |at: usize| {
            let whole = word_starts.len() - word_starts.partition_point(|&s| s < at);
            let cut = text[at..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace())
                && text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace());
            whole + usize::from(cut)
        };
        // A sentence end found from a credit's start is one of those found
        // in the whole text: the matches never start with the quote,
        // space or capital that a match running over `start` ends with.
        let mut ends: Vec<(usize, usize)> = PATTERNS
            .sentence_end
            .find_iter(text)
            .filter(|m| words_after(m.end()) > 4)
            .map(|m| {
                let mark = text[m.start()..].chars().next().map_or(1, char::len_utf8);
                (m.start(), m.start() + mark)
            })
            // A line break ends a part of the caption (a credit line of
            // its own, a paragraph): the credit ends with its part.
            .chain(text.match_indices('\n').map(|(i, _)| (i, i)))
            .collect();
        ends.sort_unstable();
        CreditEnds { ends }
    }

    fn at(&self, text: &str, start: usize) -> usize {
        let i = self.ends.partition_point(|&(s, _)| s < start);
        self.ends.get(i).map_or(text.len(), |&(_, end)| end)
    }
}

/// Only punctuation, "file" or "(Composite)" follow `at`. Read from `at`
/// only, stopping at the first character that is none of these: trimming
/// the caption's end too read a long run of closing brackets once for each
/// name before it.
fn is_tail(text: &str, at: usize) -> bool {
    let rest = text[at..]
        .trim_start()
        .trim_start_matches(['.', ')', ']', ',', ' '])
        .trim_start();
    let rest = rest
        .strip_prefix("file")
        .or_else(|| rest.strip_prefix("File"))
        .or_else(|| rest.strip_prefix("(Composite)"))
        .unwrap_or(rest);
    rest.chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ')' | ']'))
}

/// Agency names in `text`: the embedded list and the configured ones.
fn agency_matches<'t>(text: &'t str, extra: &[&str]) -> Vec<(usize, usize, &'t str)> {
    let mut out: Vec<(usize, usize, &str)> = Vec::new();
    // Each search restarts at the end of the last name, so that the
    // separator after it can start the next match ("AP/AFP").
    let mut at = 0;
    while let Some(m) = PATTERNS.agency.captures_at(text, at).and_then(|c| c.get(1)) {
        out.push((m.start(), m.end(), m.as_str()));
        at = m.end();
    }
    for name in extra.iter().filter(|n| !n.trim().is_empty()) {
        let name = name.trim();
        for (i, _) in text.match_indices(name) {
            let end = i + name.len();
            let word_before = text[..i].chars().last().is_some_and(char::is_alphanumeric);
            let word_after = text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if !word_before && !word_after {
                out.push((i, end, &text[i..end]));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn has_agency(text: &str, extra: &[&str]) -> bool {
    !agency_matches(text, extra).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_has_a_finder_of_its_own() {
        assert!(!matches!(DETECTORS[0].find, Find::Rest));
    }

    #[test]
    fn a_candidate_goes_to_the_first_row_that_takes_it() {
        let kinds = |text: &str| -> Vec<(&str, Strength)> {
            find_all(text, &[])
                .into_iter()
                .map(|(f, s)| (f.kind, s))
                .collect()
        };
        // Brackets: a credit inside is strong; a name at the end is weak.
        assert_eq!(
            kinds("Fans at the stadium. [Jane Doe/AFP]"),
            [
                ("parenthesised", Strength::Strong),
                ("slash", Strength::Weak),
                ("agency", Strength::Strong)
            ]
        );
        assert_eq!(
            kinds("Fans at the stadium. (Lucy Akins)"),
            [("parenthesised", Strength::Weak)]
        );
        // The tail: a slash credit line before "Name for Outlet".
        assert_eq!(
            kinds("Fans at the stadium. Adam Maida for BuzzFeed News"),
            [("for", Strength::Weak)]
        );
        assert_eq!(kinds("example.com"), [("source", Strength::Weak)]);
        // Guards: a label followed by prose, "DR" not ending the caption.
        assert!(kinds("Photos: Fans are at the club on Sunday.").is_empty());
        assert_eq!(
            kinds("Manifestation à Paris. DR"),
            [("handout", Strength::Strong)]
        );
        assert!(kinds("Aid arrives in DR Congo on Sunday.").is_empty());
    }

    #[test]
    fn a_middle_initial_stays_in_its_credit_line() {
        let credit = |text: &'static str| {
            find_all(text, &[])
                .first()
                .map(|(f, _)| &text[f.start..f.end])
        };
        assert_eq!(
            credit("Amy K. Dragoo/AIMMEDIA"),
            Some("Amy K. Dragoo/AIMMEDIA")
        );
        // A sentence still ends before the credit line.
        assert_eq!(
            credit("Riders at Fair Hill in October. Amy K. Dragoo/AIMMEDIA"),
            Some("Amy K. Dragoo/AIMMEDIA")
        );
    }

    #[test]
    fn a_source_after_via_ends_a_caption() {
        let kinds = |text: &str| -> Vec<&str> {
            find_all(text, &[])
                .into_iter()
                .map(|(f, _)| f.kind)
                .collect()
        };
        assert_eq!(
            kinds("16-inch MacBook Pro's new scissor switch keyboard via iFixit"),
            ["via"]
        );
        assert!(kinds("Refugees reached Germany via Austria").is_empty());
        assert!(!kinds("Image via Getty Images").contains(&"via"));
    }

    #[test]
    fn an_abbreviation_after_its_name_is_not_a_credit() {
        let strong = |text: &str| {
            find_all(text, &[])
                .into_iter()
                .any(|(_, s)| s == Strength::Strong)
        };
        assert!(!strong(
            "Kim Jong Un in this undated picture released by North Korea's Central News Agency (KCNA) on October 23, 2019."
        ));
        assert!(!strong(
            "Oil ministers of the Organization of the Petroleum Exporting Countries (OPEC) meet in Vienna."
        ));
        // The agency's short form alone, or after other words, is a credit.
        assert!(strong("Kim Jong Un inspects a factory (KCNA)"));
        assert!(strong("Troops in the capital on Monday. (Reuters)"));
        assert!(strong("A picture released by the government (AP)"));
    }
}
