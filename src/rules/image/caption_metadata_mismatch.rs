//! A caption whose credit or date contradicts the metadata embedded in the
//! picture: the IPTC By-line and Credit Line (or their XMP and EXIF
//! equivalents) name someone else, or the IPTC Date Created (or EXIF
//! DateTimeOriginal) is another day. One of the two is wrong, and it is
//! usually the caption: pasted from the previous picture, or left over
//! from the wire's first version.
//!
//! Captions are found and read by the article model (`crate::article`,
//! `crate::text`); this rule only compares what they found with the file.

use crate::article::{Article, Caption};
use crate::assets::metadata::{Date, Metadata, Standard};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::embedded::{date_field, describe_credit, embedded};
use crate::rules::{Context, Rule};
use crate::text::{Found, comparable};

pub static RULE: Rule = Rule {
    id: "caption-metadata-mismatch",
    group: "image",
    severity: Severity::Warning,
    summary: "A caption's credit or date disagrees with the image file's IPTC/XMP/EXIF metadata",
    doc: include_str!("../../../rules/caption-metadata-mismatch.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for figure in &ctx.article.figures {
        let Some(caption) = &figure.caption else {
            continue;
        };
        let Some(meta) = embedded(ctx, figure) else {
            continue;
        };
        if let Some(credit) = caption.analysis().credit
            && let Some(d) = credit_mismatch(ctx.article, caption, credit, meta)
        {
            out.push(d);
        }
        if let Some(date) = caption.analysis().date
            && let Some(d) = date_mismatch(ctx.article, caption, date, meta)
        {
            out.push(d);
        }
    }
    out
}

fn credit_mismatch(
    article: &Article<'_>,
    captioned: &Caption,
    credit: Found,
    meta: &Metadata,
) -> Option<Diagnostic> {
    let (standard, fields) = [
        (Standard::Iptc, &meta.iptc),
        (Standard::Xmp, &meta.xmp),
        (Standard::Exif, &meta.exif),
    ]
    .into_iter()
    .find(|(_, f)| f.credit.is_some() || !f.byline.is_empty() || f.source.is_some())?;
    let said = captioned.text.get(credit.start..credit.end)?;
    let said_words = comparable(said);
    // The caption agrees when it names anyone the file names (credit,
    // photographer, source, copyright holder, in any standard), or the
    // file names the caption's whole credit.
    let agrees = meta
        .credits()
        .chain(
            [&meta.iptc, &meta.xmp, &meta.exif]
                .into_iter()
                .filter_map(|f| f.copyright.as_deref()),
        )
        .any(|value| {
            let value = comparable(value);
            !value.is_empty()
                && (contains_words(&said_words, &value)
                    || contains_words(&value, &said_words)
                    || surname_named(&said_words, &value))
        });
    if agrees {
        return None;
    }
    Some(
        at_text(article, captioned, credit, format!(
            "the caption credits {}, but the image file's {}",
            said.trim(),
            describe_credit(standard, fields)
        ))
        .help("check who took the picture, then correct the caption's credit (or the file's metadata, if the caption is right)"),
    )
}

fn date_mismatch(
    article: &Article<'_>,
    captioned: &Caption,
    date: Found,
    meta: &Metadata,
) -> Option<Diagnostic> {
    let said_text = captioned.text.get(date.start..date.end)?;
    let said = caption_date(said_text, date.kind)?;
    let (standard, file_date) = meta.date()?;
    if meta.dates().any(|d| said.agrees_with(d)) {
        return None;
    }
    let field = date_field(standard);
    Some(
        at_text(article, captioned, date, format!(
            "the caption dates the picture {}, but the image file's {} {field} is {file_date}",
            said_text.trim().trim_end_matches(['.', ',', ':']),
            standard.label()
        ))
        .help("check when the picture was taken; a file or archive picture needs its own date in the caption"),
    )
}

/// `needle`'s words appear in `haystack`, in order, as whole words.
fn contains_words(haystack: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {haystack} ").contains(&format!(" {needle} "))
}

/// The caption names the photographer by surname alone ("Photo: Smirnov").
fn surname_named(said: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() >= 2
        && words
            .last()
            .is_some_and(|w| w.chars().count() >= 3 && said.split(' ').any(|s| s == *w))
}

/// A diagnostic at the found text in the source, when it can be located
/// there exactly; else at the caption's start tag.
fn at_text(
    article: &Article<'_>,
    captioned: &Caption,
    found: Found,
    message: String,
) -> Diagnostic {
    let wanted = captioned
        .text
        .get(found.start..found.end)
        .unwrap_or_default()
        .trim()
        .trim_end_matches(['.', ',', ':', ';']);
    let exact = captioned.content.and_then(|content| {
        let source = article.source_text(content)?;
        let at = source.find(wanted)?;
        Some(Span::new(
            content.start + at,
            content.start + at + wanted.len(),
        ))
    });
    match exact {
        Some(span) if !wanted.is_empty() => Diagnostic::new(span, message),
        _ => Diagnostic::new(captioned.tag, message),
    }
}

/// A date as a caption states it: a month, and a day and a year when given.
#[derive(Debug, PartialEq, Eq)]
struct CaptionDate {
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
}

impl CaptionDate {
    fn agrees_with(&self, file: Date) -> bool {
        let Some(month) = file.month else {
            return self.year.is_none_or(|y| y == file.year);
        };
        self.year.is_none_or(|y| y == file.year)
            && self.month == month
            && match (self.day, file.day) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Read the date `crate::text` found, for the forms whose meaning is
/// certain: English month names ("January 18", "18 January 2025",
/// "Sept. 13", "January 1978") and ISO dates. Weekdays, relative dates,
/// numeric dates (3/4/12 is ambiguous) and other languages are not read.
fn caption_date(text: &str, kind: &str) -> Option<CaptionDate> {
    match kind {
        "iso" => {
            let d = Date::parse(text)?;
            Some(CaptionDate {
                year: Some(d.year),
                month: d.month?,
                day: d.day,
            })
        }
        "month-day" | "day-month" | "month-year" => {
            let mut month = None;
            let mut day = None;
            let mut year = None;
            for word in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let lower = word.to_lowercase();
                if let Some(m) = english_month(&lower) {
                    month.get_or_insert(m);
                    continue;
                }
                let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
                let suffix = &lower[digits.len()..];
                if digits.is_empty() || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
                    continue;
                }
                match (digits.len(), digits.parse::<i32>().ok()?) {
                    (4, y) => year = year.or(Some(y)),
                    (1 | 2, d) if (1..=31).contains(&d) => day = day.or(Some(d as u8)),
                    _ => {}
                }
            }
            Some(CaptionDate {
                year,
                month: month?,
                day,
            })
        }
        _ => None,
    }
}

fn english_month(word: &str) -> Option<u8> {
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if let Some(i) = full.iter().position(|m| *m == word) {
        return Some(i as u8 + 1);
    }
    if word == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == word && word != "may")
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_caption_dates() {
        let d = |t, k| caption_date(t, k);
        assert_eq!(
            d("January 18.", "month-day"),
            Some(CaptionDate {
                year: None,
                month: 1,
                day: Some(18)
            })
        );
        assert_eq!(
            d("Sept. 13, 2023", "month-day"),
            Some(CaptionDate {
                year: Some(2023),
                month: 9,
                day: Some(13)
            })
        );
        assert_eq!(
            d("30 December 2015", "day-month"),
            Some(CaptionDate {
                year: Some(2015),
                month: 12,
                day: Some(30)
            })
        );
        assert_eq!(
            d("January 1978", "month-year"),
            Some(CaptionDate {
                year: Some(1978),
                month: 1,
                day: None
            })
        );
        assert_eq!(d("le 7 mai", "day-month"), None);
        assert_eq!(d("yesterday", "relative"), None);
    }

    #[test]
    fn compares_with_file_dates() {
        let file = Date::parse("2025:01:17 23:10:00").unwrap();
        let said = |year, day| CaptionDate {
            year,
            month: 1,
            day,
        };
        assert!(said(None, Some(17)).agrees_with(file));
        assert!(said(Some(2025), None).agrees_with(file));
        assert!(!said(None, Some(18)).agrees_with(file));
        assert!(!said(Some(2024), Some(17)).agrees_with(file));
    }

    #[test]
    fn credits() {
        assert!(contains_words("vladimir smirnov pool afp", "pool afp"));
        assert!(!contains_words("apex photo", "ap"));
        assert!(surname_named("photo smirnov afp", "vladimir smirnov"));
        assert!(!surname_named("photo smirnov afp", "smirnov"));
    }
}
