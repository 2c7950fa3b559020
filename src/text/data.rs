//! The data files under `rules/data/`, embedded in the binary and parsed
//! once per process, on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

const AGENCIES: &str = include_str!("../../rules/data/agencies.txt");
const DATES: &str = include_str!("../../rules/data/dates.txt");
const CAPTIONS: &str = include_str!("../../rules/data/captions.txt");

/// Lines that are not blank and not `#` comments, trimmed.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `language <tab> list <tab> a, b, c` tables: list name → items, over all
/// languages, in file order.
fn table(text: &str) -> HashMap<&str, Vec<(&str, &str)>> {
    let mut out: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for line in lines(text) {
        let mut cols = line.splitn(3, '\t');
        let (Some(lang), Some(list), Some(items)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let entry = out.entry(list.trim()).or_default();
        for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            entry.push((lang.trim(), item));
        }
    }
    out
}

/// Wire services and photo agencies (`rules/data/agencies.txt`).
pub static AGENCY_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| lines(AGENCIES).collect());

/// Month and weekday names per language (`rules/data/dates.txt`).
pub struct DateNames {
    pub months: Vec<(&'static str, &'static str)>,
    pub weekdays: Vec<(&'static str, &'static str)>,
    pub weekday_after: Vec<(&'static str, &'static str)>,
    pub holidays: Vec<(&'static str, &'static str)>,
}

pub static DATE_NAMES: LazyLock<DateNames> = LazyLock::new(|| {
    let mut t = table(DATES);
    DateNames {
        months: t.remove("month").unwrap_or_default(),
        weekdays: t.remove("weekday").unwrap_or_default(),
        weekday_after: t.remove("weekday-after").unwrap_or_default(),
        holidays: t.remove("holiday").unwrap_or_default(),
    }
});

/// The word lists of `rules/data/captions.txt`, all languages together.
pub struct CaptionWords {
    pub credit_label: Vec<&'static str>,
    pub credit_by: Vec<&'static str>,
    pub credit_word: Vec<&'static str>,
    pub credit_outlet: Vec<&'static str>,
    pub credit_source: Vec<&'static str>,
    pub relative_date: Vec<&'static str>,
    pub locative: Vec<&'static str>,
    pub locative_of: Vec<&'static str>,
    pub locative_inflected: Vec<&'static str>,
    /// (ending, replacement) pairs, in the order written.
    pub place_ending: Vec<(&'static str, &'static str)>,
    pub place_noun: Vec<&'static str>,
    pub place_part: Vec<&'static str>,
    pub landmark: Vec<&'static str>,
    pub landmark_part: Vec<&'static str>,
    pub venue_noun: Vec<&'static str>,
    pub place_people: Vec<&'static str>,
    pub place_qualifier: Vec<&'static str>,
}

pub static CAPTION_WORDS: LazyLock<CaptionWords> = LazyLock::new(|| {
    let mut t = table(CAPTIONS);
    let mut list = |name: &str| -> Vec<&'static str> {
        t.remove(name)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, item)| item)
            .collect()
    };
    CaptionWords {
        credit_label: list("credit-label"),
        credit_by: list("credit-by"),
        credit_word: list("credit-word"),
        credit_outlet: list("credit-outlet"),
        credit_source: list("credit-source"),
        relative_date: list("relative-date"),
        locative: list("locative"),
        locative_of: list("locative-of"),
        locative_inflected: list("locative-inflected"),
        place_ending: list("place-ending")
            .into_iter()
            .filter_map(|pair| pair.split_once('>'))
            .collect(),
        place_noun: list("place-noun"),
        place_part: list("place-part"),
        landmark: list("landmark"),
        landmark_part: list("landmark-part"),
        venue_noun: list("venue-noun"),
        place_people: list("place-people"),
        place_qualifier: list("place-qualifier"),
    }
});

/// An alternation of literal phrases for a regex, longest first so that
/// "Photo credit" wins over "Photo"; spaces match any run of whitespace
/// and a final dot is optional ("Sept." matches "Sept").
pub fn alternation<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut items: Vec<&str> = items.into_iter().collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.len()));
    items.dedup();
    items
        .iter()
        .map(|item| {
            let (body, dot) = match item.strip_suffix('.') {
                Some(body) if !body.contains('.') => (body, "\\.?"),
                _ => (*item, ""),
            };
            let words: Vec<String> = body.split(' ').map(regex::escape).collect();
            format!("{}{dot}", words.join(r"\s+"))
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Each phrase as written, in lowercase, capitalised and in capitals: a
/// case-insensitive match without Unicode case folding, which makes large
/// alternations slow to compile.
pub fn case_variants<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        let lower = item.to_lowercase();
        let mut chars = lower.chars();
        let capitalised = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default();
        out.extend([item.to_string(), item.to_uppercase(), lower, capitalised]);
    }
    out.sort();
    out.dedup();
    out
}
