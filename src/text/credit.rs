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

/// Every credit in `text`, in order; `extra` are agencies from the
/// configuration.
pub fn find_all(text: &str, extra: &[&str]) -> Vec<(Found, Strength)> {
    let p = &*PATTERNS;
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize, kind: &'static str, strength: Strength| {
        out.push((Found { start, end, kind }, strength));
    };
    let ends = CreditEnds::new(text);
    let to_end = |start: usize| ends.at(text, start);

    // "this photo from Apple will have to do": the credit is the name.
    for m in p.from.find_iter(text) {
        push(m.start(), m.end(), "from", Strength::Strong);
    }
    // "Photo: Name/Agency", but not "Photos: Fans rock out at the club".
    for m in p.label.find_iter(text) {
        let after = text[m.start()..to_end(m.start())]
            .split_once([':', '：'])
            .map_or("", |(_, a)| a);
        let prose = after
            .split_whitespace()
            .take(12)
            .filter(|w| LABEL_PROSE.contains(&w.to_lowercase().as_str()))
            .count();
        if prose == 0 {
            push(m.start(), to_end(m.start()), "label", Strength::Strong);
        }
    }
    for (re, kind) in [
        (&p.by, "by"),
        (&p.courtesy, "courtesy"),
        (&p.copyright, "copyright"),
        (&p.glued, "credit"),
        (&p.social, "social"),
    ] {
        for m in re.find_iter(text) {
            push(m.start(), to_end(m.start()), kind, Strength::Strong);
        }
    }
    for m in p.word.find_iter(text) {
        // "DR" (droits réservés) only ends a caption; "DR Congo" is a place.
        let short = m.as_str().chars().count() <= 4 && m.as_str().contains(char::is_uppercase);
        if !short || is_tail(text, m.end()) {
            push(m.start(), m.end(), "handout", Strength::Strong);
        }
    }
    // [Name/Agency], (AP Photo/Name), (Reuters), (Lucy Akins)
    for c in p.bracketed.captures_iter(text) {
        let (Some(whole), Some(inner)) = (c.get(0), c.get(1).or(c.get(2))) else {
            continue;
        };
        let inner = inner.as_str().trim();
        if !(2..=120).contains(&inner.len())
            || inner.contains("://")
            || inner.starts_with("www.")
            || inner.starts_with("http")
        {
            continue;
        }
        let strong = p.slash.is_match(inner)
            || has_agency(inner, extra)
            || p.label.is_match(inner)
            || p.by.is_match(inner)
            || inner.starts_with("Photo ")
            || inner.starts_with("Foto ");
        let at_end = is_tail(text, whole.end());
        if strong {
            push(
                whole.start(),
                whole.end(),
                "parenthesised",
                Strength::Strong,
            );
        } else if at_end
            && (NAME.is_match(inner) || p.domain.is_match(inner))
            // "[Scan PREMIUM Monthly Executive Summary]" is a title.
            && !inner
                .split_whitespace()
                .any(|w| w.chars().filter(|c| c.is_uppercase()).count() > 1 && !w.contains('.'))
        {
            push(whole.start(), whole.end(), "parenthesised", Strength::Weak);
        }
    }
    // Agencies next to credit punctuation, or ending the caption.
    for (start, end, name) in agency_matches(text, extra) {
        let before = text[..start].trim_end();
        let after = text[end..].trim_start();
        let prev_word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let next_word = after
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let by_punct = before.ends_with(['/', '|', '(', '[', '©', '＝', '='])
            || after.starts_with(['/', '|', ')', ']'])
            || matches!(prev_word, "via" | "Via" | "VIA" | "vía" | "by" | "By")
            || matches!(
                next_word.trim_end_matches([',', '.', ')', ']']),
                "Photo" | "PHOTO" | "Photos" | "file" | "File" | "FILE" | "Image" | "Images"
            )
            || (before.ends_with(['-', '–', '—', ','])
                && agency_matches(before.trim_end_matches(['-', '–', '—', ',']), extra)
                    .last()
                    .is_some_and(|(_, e, _)| {
                        before
                            .trim_end_matches(['-', '–', '—', ','])
                            .trim_end()
                            .len()
                            == *e
                    }));
        let short = name.chars().count() <= 3;
        if by_punct {
            push(start, end, "agency", Strength::Strong);
        } else if !short && is_tail(text, end) {
            push(start, end, "agency", Strength::Weak);
        }
    }
    // The last sentence, or what follows the last " - " or " | ":
    // "Name/Agency", "Name for Outlet", a domain standing alone.
    let trimmed = text.trim_end();
    let sentence = p.sentence_end.find_iter(trimmed).last().map_or(0, |m| {
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
    let tail_start = sentence.max(separator);
    let tail = text[tail_start..].trim();
    let tail_offset = tail_start + text[tail_start..].find(tail).unwrap_or(0);
    let url = tail.contains("://") || tail.contains("www.");
    if !tail.is_empty() && !url {
        let words = tail.split_whitespace().count();
        let prose = tail
            .split_whitespace()
            .any(|w| PROSE_WORDS.contains(&w.to_lowercase().as_str()));
        let span = (tail_offset, tail_offset + tail.len());
        if words <= 10 && !prose && !tail.ends_with('.') && p.slash.is_match(tail) {
            push(span.0, span.1, "slash", Strength::Weak);
        } else if FOR_OUTLET.is_match(tail) {
            push(span.0, span.1, "for", Strength::Weak);
        } else if tail_start == 0 && p.domain.is_match(tail) {
            push(span.0, span.1, "source", Strength::Weak);
        }
    }
    out.sort_by_key(|(f, _)| (f.start, f.end));
    out
}

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
/// the text, or to the end of its sentence when a long sentence (more than
/// four words) follows. The sentence ends that qualify are found once for
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
        let ends = PATTERNS
            .sentence_end
            .find_iter(text)
            .filter(|m| words_after(m.end()) > 4)
            .map(|m| {
                let mark = text[m.start()..].chars().next().map_or(1, char::len_utf8);
                (m.start(), m.start() + mark)
            })
            .collect();
        CreditEnds { ends }
    }

    fn at(&self, text: &str, start: usize) -> usize {
        let i = self.ends.partition_point(|&(s, _)| s < start);
        self.ends.get(i).map_or(text.len(), |&(_, end)| end)
    }
}

/// Only punctuation, "file" or "(Composite)" follow `at`.
fn is_tail(text: &str, at: usize) -> bool {
    let rest = text[at..]
        .trim()
        .trim_start_matches(['.', ')', ']', ',', ' '])
        .trim();
    let rest = rest
        .strip_prefix("file")
        .or_else(|| rest.strip_prefix("File"))
        .or_else(|| rest.strip_prefix("(Composite)"))
        .unwrap_or(rest);
    rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')' | ']'))
        .is_empty()
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
