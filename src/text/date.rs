//! Dates: when the picture was taken. Recognised: month and day with or
//! without a year, in full or AP abbreviations ("Dec. 8, 2016", "Sept.
//! 28"), day and month ("25 December 2015", "le 7 mai", "7. Mai"), month and
//! year ("December 2015"), ISO and numeric dates, Japanese and Chinese
//! dates, weekdays in date position ("on Tuesday", "Tuesday, June 25",
//! "Thursday."), relative phrases ("yesterday", "earlier this week", "3
//! hours ago"), holidays that fall on one day ("Easter Sunday", "Anzac
//! Day") and Getty's capitalised datelines ("SEPTEMBER 13:"). A year
//! alone is not a date, and a month alone ("in May") is not either.

use std::sync::LazyLock;

use regex::Regex;

use super::Found;
use super::data::{CAPTION_WORDS, DATE_NAMES, alternation, case_variants};

struct Patterns {
    dates: Vec<(Regex, &'static str)>,
    weekday: Regex,
    weekday_other: Regex,
}

const DAY: &str = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|º)?";
const YEAR: &str = r"(?:1[89]\d\d|20\d\d)";

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| Patterns::new(false));

/// The same patterns, each held to the start of the text: what [`opens`]
/// asks, without searching the rest of it at every place a caption
/// sets off ("London — London — …").
static OPENING: LazyLock<Patterns> = LazyLock::new(|| Patterns::new(true));

impl Patterns {
    fn new(anchored: bool) -> Self {
        let names = &*DATE_NAMES;
        let english = |list: &[(&'static str, &'static str)]| -> String {
            alternation(
                list.iter()
                    .filter(|(lang, _)| *lang == "en")
                    .flat_map(|(_, n)| [n.to_string(), n.to_uppercase()])
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            )
        };
        let other = |list: &[(&'static str, &'static str)]| -> String {
            alternation(
                list.iter()
                    .filter(|(lang, _)| *lang != "en")
                    .map(|(_, n)| *n),
            )
        };
        let en_month = english(&names.months);
        // Other languages' months as written, capitalised or in capitals.
        let other_month = alternation(
            case_variants(
                names
                    .months
                    .iter()
                    .filter(|(lang, _)| *lang != "en")
                    .map(|(_, n)| *n),
            )
            .iter()
            .map(String::as_str),
        );
        let month = format!("(?:{en_month}|{other_month})");
        let re = |p: String| {
            let p = if anchored { format!("^(?:{p})") } else { p };
            Regex::new(&p).expect("caption date pattern")
        };
        let relative = alternation(
            case_variants(CAPTION_WORDS.relative_date.iter().copied())
                .iter()
                .map(String::as_str),
        );
        let dates = vec![
        // Dec. 8, 2016 · SEPTEMBER 13 · Sept. 28
        (
            re(format!(
                r"\b(?:{month})\.?\s+{DAY}\b(?:,?\s+{YEAR}\b)?(?:\s*[^\d\s%:,.]|\s*[,.:]|\s*$)"
            )),
            "month-day",
        ),
        // 25 December 2015 · 7 mai · 7. Mai · 30 de abril de 2015
        (
            re(format!(
                r"\b{DAY}\.?\s+(?:of\s+|de\s+)?(?:{month})\b(?:\.?,?\s+(?:de\s+)?{YEAR}\b)?"
            )),
            "day-month",
        ),
        // December 2015 · mai 2019
        (
            re(format!(r"\b(?:{month})\.?,?\s+(?:de\s+)?{YEAR}\b")),
            "month-year",
        ),
        // 2021. gada janvāris (Latvian) · 2015. augusztus 20-án (Hungarian):
        // the year first, with its full stop ("In 2016 May said" is not)
        (
            re(format!(r"\b{YEAR}\.\s*(?:gada\s+)?(?:{month})\b")),
            "year-month",
        ),
        // the summer of 1963 · Winter 2019: an archive picture's date
        (
            re(format!(
                r"\b(?i:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{YEAR}\b"
            )),
            "season-year",
        ),
        // on Easter Sunday, 1939 · an Anzac Day service · Christmas Eve
        (
            re(format!(
                r"\b(?:{})\b",
                alternation(names.holidays.iter().map(|(_, n)| *n))
            )),
            "holiday",
        ),
        // 2019-03-04
        (
            re(format!(
                r"(?-u:\b){YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?-u:\b)"
            )),
            "iso",
        ),
        // 3/21/12 · 30.04.2015 · 2019.3.4
        (
            re(
                r"(?-u:\b)(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|[12]\d|3[01])[/.](?:19|20)?\d\d(?-u:\b)"
                    .into(),
            ),
            "numeric",
        ),
        (
            re(format!(
                r"(?-u:\b){YEAR}[./](?:0?[1-9]|1[0-2])[./](?:0?[1-9]|[12]\d|3[01])(?-u:\b)"
            )),
            "numeric",
        ),
        // 2019年7月11日 · 9月13日
        (re(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日".into()), "cjk"),
        // yesterday · earlier this week · 3 hours ago (not "three years
        // ago", which dates what the caption recalls, not the picture) ·
        // today, in lowercase only: "Florida Today" and "USA TODAY" are
        // papers
        (
            re(format!(
                r"\b(?:{relative}|today)\b(?:[^'’]|$)|\b(?:\d+|an?|one|two|three|four|five|six|several|few)\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b"
            )),
            "relative",
        ),
    ];
        let en_weekday = english(&names.weekdays);
        Patterns {
            dates,
            // Group 1: the word before; group 2: the weekday; then what follows.
            weekday: re(format!(
                r"(?:(\b\S+)\s+)?\b((?:{en_weekday}))\b(\s*,|\.(?:\s|$)|\s*$|'s\b|’s\b|\s+(?:morning|afternoon|evening|night|\(|{month}))?"
            )),
            // Weekdays of other languages are unambiguous as written
            // (lowercase in French and Spanish, capitalised in German).
            weekday_other: re(format!(r"\b(?:{})\b", other(&names.weekdays))),
        }
    }
}

/// The first date in `text`.
pub fn find(text: &str) -> Option<Found> {
    find_with(&PATTERNS, text)
}

fn find_with(p: &Patterns, text: &str) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut keep = |f: Found| {
        if best.as_ref().is_none_or(|b| f.start < b.start) {
            best = Some(f);
        }
    };
    // Every pattern but the holidays and the relative phrases holds a
    // digit (`\d` is any script's, full-width `７月` too): without one,
    // they are not run (on a long caption in another
    // script they cost the most, the regex engine's fastest search
    // leaving Unicode word boundaries over non-ASCII text to slower ones).
    let digits = text.chars().any(char::is_numeric);
    for (re, kind) in &p.dates {
        if !digits && !matches!(*kind, "holiday" | "relative") {
            continue;
        }
        // A season inside a range names a collection or a season of
        // sport ("the Fall-Winter 2015-2016 range"), not a time.
        let ranged = |m: &regex::Match<'_>| {
            *kind == "season-year"
                && (text[..m.start()].ends_with(['-', '–'])
                    || text[m.end()..].starts_with(['-', '–', '/']))
        };
        if let Some(m) = re.find_iter(text).find(|m| !ranged(m)) {
            keep(Found {
                start: m.start(),
                end: m.end(),
                kind,
            });
        }
    }
    for c in p.weekday.captures_iter(text) {
        let (Some(day), before) = (c.get(2), c.get(1).map_or("", |m| m.as_str())) else {
            continue;
        };
        let leading = matches!(
            before,
            "a" | "an" | "A" | "An" | "every" | "Every" | "each" | "one" | "Sundays"
        );
        // "Joe Friday": a capitalised name with no punctuation before it
        // (not an acronym: "on the NYSE Wednesday").
        let named = before.chars().next().is_some_and(char::is_uppercase)
            && before.chars().all(char::is_alphabetic)
            && before.chars().any(char::is_lowercase)
            && !is_weekday_lead(before);
        let placed = is_weekday_lead(before) || c.get(3).is_some();
        if placed && !leading && !named {
            keep(Found {
                start: day.start(),
                end: day.end(),
                kind: "weekday",
            });
            break;
        }
    }
    if let Some(m) = p.weekday_other.find(text) {
        keep(Found {
            start: m.start(),
            end: m.end(),
            kind: "weekday",
        });
    }
    best
}

/// Whether a date opens `text` ("16 mars 2019 …"). Only the first
/// [`OPENING_WINDOW`] characters are searched: no date is longer, and a
/// caller asking at every dash of a long caption does not search the rest
/// of it each time.
pub fn opens(text: &str) -> bool {
    let end = text
        .char_indices()
        .nth(OPENING_WINDOW)
        .map_or(text.len(), |(i, _)| i);
    // Anchored, each pattern's match at the start is the one the search
    // would meet first there, so the answer is the same.
    find_with(&OPENING, &text[..end]).is_some_and(|d| d.start == 0)
}

/// See [`opens`]: well over the longest date a caption writes ("Wednesday,
/// 27 September 2023", "Fall-Winter 2015-2016").
const OPENING_WINDOW: usize = 120;

fn is_weekday_lead(word: &str) -> bool {
    DATE_NAMES
        .weekday_after
        .iter()
        .any(|(lang, w)| *lang == "en" && *w == word)
}
