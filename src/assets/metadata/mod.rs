//! The credit, by-line, date and other caption fields embedded in an image:
//! IPTC-IIM (Photoshop's APP13 `8BIM` resource 0x0404, or PNG raw
//! profiles), XMP (parsed with quick-xml) and EXIF (the few tags presslint
//! uses, read directly from the TIFF structure).
//!
//! Each standard is kept apart, so a rule can say where a value came from
//! ("the file's IPTC Credit Line is 'Jane Doe/AP'") and prefer the fields
//! newsroom tools write (IPTC, then XMP, then EXIF).
//!
//! One file per kind of block: `exif` (TIFF structures), `iptc`
//! (Photoshop resources and IIM datasets), `xmp` and `png_text` (the
//! text chunks of PNG files, which carry XMP or hex-dumped profiles).

mod exif;
mod iptc;
mod png_text;
mod xmp;

pub use exif::read_exif;
pub use iptc::{read_iim, read_photoshop};
pub use png_text::{read_png_itxt, read_png_text};
pub use xmp::read_xmp;

/// The caption-related fields of one metadata standard.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    /// IPTC Credit Line / `photoshop:Credit`: the provider ("Pool/AFP").
    pub credit: Option<String>,
    /// IPTC By-line / `dc:creator` / EXIF Artist: the photographer(s).
    pub byline: Vec<String>,
    /// IPTC Source / `photoshop:Source`.
    pub source: Option<String>,
    /// IPTC Copyright Notice / `dc:rights` / EXIF Copyright.
    pub copyright: Option<String>,
    /// IPTC Date Created / `photoshop:DateCreated` / EXIF DateTimeOriginal,
    /// as written.
    pub date: Option<String>,
    /// IPTC Caption-Abstract / `dc:description` / EXIF ImageDescription.
    pub caption: Option<String>,
    pub headline: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub sublocation: Option<String>,
    /// IPTC Alt Text (Accessibility).
    pub alt_text: Option<String>,
}

impl Fields {
    fn is_empty(&self) -> bool {
        *self == Fields::default()
    }
}

/// Where a value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    Iptc,
    Xmp,
    Exif,
}

impl Standard {
    pub fn label(self) -> &'static str {
        match self {
            Standard::Iptc => "IPTC",
            Standard::Xmp => "XMP",
            Standard::Exif => "EXIF",
        }
    }
}

/// A calendar date from metadata; month and day may be unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// `2023-09-13`, `2023:09:13 10:00:00`, `20230913`, `2023-09`, `2023`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let digits: String = text
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '/' | '.'))
            .collect();
        let parts: Vec<&str> = if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
            vec![&digits[0..4], &digits[4..6], &digits[6..8]]
        } else {
            digits
                .split(['-', ':', '/', '.'])
                .filter(|p| !p.is_empty())
                .take(3)
                .collect()
        };
        let year: i32 = parts.first()?.parse().ok()?;
        if !(1800..=2200).contains(&year) {
            return None;
        }
        let month = parts
            .get(1)
            .and_then(|m| m.parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m));
        let day = month.and(
            parts
                .get(2)
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d)),
        );
        Some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Everything embedded in one image file.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    pub iptc: Fields,
    pub xmp: Fields,
    pub exif: Fields,
    /// Which blocks are present at all (even with no field presslint reads).
    pub has_iptc: bool,
    pub has_xmp: bool,
    pub has_exif: bool,
}

impl Metadata {
    fn standards(&self) -> [(Standard, &Fields); 3] {
        [
            (Standard::Iptc, &self.iptc),
            (Standard::Xmp, &self.xmp),
            (Standard::Exif, &self.exif),
        ]
    }

    /// The credit line, IPTC first.
    pub fn credit(&self) -> Option<(Standard, &str)> {
        self.standards()
            .into_iter()
            .find_map(|(s, f)| f.credit.as_deref().map(|v| (s, v)))
    }

    /// The photographer(s), IPTC first.
    pub fn byline(&self) -> Option<(Standard, &[String])> {
        self.standards()
            .into_iter()
            .find_map(|(s, f)| (!f.byline.is_empty()).then_some((s, f.byline.as_slice())))
    }

    /// Every credit-like value (credit, by-line, source) in any standard.
    pub fn credits(&self) -> impl Iterator<Item = &str> {
        self.standards().into_iter().flat_map(|(_, f)| {
            f.credit
                .iter()
                .chain(&f.byline)
                .chain(&f.source)
                .map(String::as_str)
                .collect::<Vec<_>>()
        })
    }

    /// The date the picture was taken, IPTC first.
    pub fn date(&self) -> Option<(Standard, Date)> {
        self.standards()
            .into_iter()
            .find_map(|(s, f)| f.date.as_deref().and_then(Date::parse).map(|d| (s, d)))
    }

    /// Every date in any standard.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.standards()
            .into_iter()
            .filter_map(|(_, f)| f.date.as_deref().and_then(Date::parse))
    }

    /// Whether any field presslint reads is present.
    pub fn is_empty(&self) -> bool {
        self.iptc.is_empty() && self.xmp.is_empty() && self.exif.is_empty()
    }
}

fn set(slot: &mut Option<String>, value: &str) {
    let value = value.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value.to_string());
    }
}

/// The most names kept in a list field: each new name is compared with
/// those already kept, and a crafted block can hold a million.
const MAX_NAMES: usize = 64;

fn push(list: &mut Vec<String>, value: &str) {
    let value = value.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    if list.len() < MAX_NAMES && !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

/// Text in a legacy field: UTF-8 when it is valid UTF-8, else Latin-1.
fn decode_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| Date::parse(s);
        assert_eq!(
            d("2023:09:13 10:11:12"),
            Some(Date {
                year: 2023,
                month: Some(9),
                day: Some(13)
            })
        );
        assert_eq!(
            d("20230913").map(|d| d.to_string()),
            Some("2023-09-13".into())
        );
        assert_eq!(d("2023-09").map(|d| d.to_string()), Some("2023-09".into()));
        assert_eq!(d("0000:00:00 00:00:00"), None);
        assert_eq!(d("n/a"), None);
    }
}
