//! The credit, by-line, date and other caption fields embedded in an image:
//! IPTC-IIM (Photoshop's APP13 `8BIM` resource 0x0404, or PNG raw
//! profiles), XMP (parsed with quick-xml) and EXIF (the few tags presslint
//! uses, read directly from the TIFF structure).
//!
//! Each standard is kept apart, so a rule can say where a value came from
//! ("the file's IPTC Credit Line is 'Jane Doe/AP'") and prefer the fields
//! newsroom tools write (IPTC, then XMP, then EXIF).

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

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

/// EXIF (a TIFF structure): fills the EXIF fields, IPTC and XMP embedded
/// in TIFF tags, and returns the orientation (1 when absent).
///
/// Only the tags presslint uses are read, from the first directory and
/// the EXIF directory it points to, each value once and only when it lies
/// inside `tiff`: entries are untrusted counts and offsets, and a general
/// EXIF library materialises every entry's value, which a crafted block
/// multiplies into gigabytes.
pub fn read_exif(tiff: &[u8], meta: &mut Metadata) -> u16 {
    let Some(tiff) = Tiff::new(tiff) else {
        return 1;
    };
    meta.has_exif = true;
    let mut orientation = None;
    let (mut artist, mut copyright, mut description) = (None, None, None);
    let (mut original, mut digitized) = (None, None);
    let (mut iptc, mut xmp) = (None, None);
    let mut exif_ifd = None;
    let primary = tiff.entries(tiff.first_ifd());
    for entry in &primary {
        match entry.tag {
            0x0112 => first(&mut orientation, tiff.uint(entry)),
            0x013B => first(&mut artist, tiff.ascii(entry)),
            0x8298 => first(&mut copyright, tiff.ascii(entry)),
            0x010E => first(&mut description, tiff.ascii(entry)),
            0x8769 => first(&mut exif_ifd, tiff.uint(entry)),
            _ => {}
        }
    }
    // The EXIF directory, unless it is the first one again.
    let exif = exif_ifd
        .map(|at| at as usize)
        .filter(|&at| at != tiff.first_ifd())
        .map(|at| tiff.entries(at))
        .unwrap_or_default();
    for entry in &exif {
        match entry.tag {
            0x9003 => first(&mut original, tiff.ascii(entry)),
            0x9004 => first(&mut digitized, tiff.ascii(entry)),
            _ => {}
        }
    }
    // TIFF files carry IPTC (33723) and XMP (700) as tags.
    for entry in primary.iter().chain(&exif) {
        match entry.tag {
            33723 => first(&mut iptc, tiff.bytes(entry)),
            700 => first(&mut xmp, tiff.bytes(entry)),
            _ => {}
        }
    }
    let fields = &mut meta.exif;
    if let Some(artist) = artist {
        for name in artist.split(';') {
            push(&mut fields.byline, name);
        }
    }
    if let Some(copyright) = copyright {
        set(&mut fields.copyright, &copyright);
    }
    if let Some(description) = description {
        set(&mut fields.caption, &description);
    }
    if let Some(date) = original.or(digitized) {
        set(&mut fields.date, &date);
    }
    if let Some(iptc) = iptc {
        read_iim(&iptc, meta);
    }
    if let Some(xmp) = xmp {
        read_xmp(&xmp, meta);
    }
    orientation
        .and_then(|o| u16::try_from(o).ok())
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1)
}

fn first<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// The most entries read from one TIFF directory (the format's count is
/// 16 bits; real directories have a few dozen).
const MAX_ENTRIES: usize = 4096;

/// A TIFF structure in memory: byte order and bounded reads.
struct Tiff<'a> {
    data: &'a [u8],
    little: bool,
}

/// One directory entry whose value lies inside the data.
struct Entry {
    tag: u16,
    kind: u16,
    count: usize,
    /// Where the value's bytes are, and how many.
    value: std::ops::Range<usize>,
}

impl<'a> Tiff<'a> {
    /// `II*\0` or `MM\0*` and room for the first directory's offset.
    fn new(data: &'a [u8]) -> Option<Tiff<'a>> {
        let little = match data.get(..4)? {
            b"II*\0" => true,
            b"MM\0*" => false,
            _ => return None,
        };
        (data.len() >= 8).then_some(Tiff { data, little })
    }

    fn u16(&self, at: usize) -> Option<u16> {
        let b: [u8; 2] = self.data.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if self.little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    }

    fn u32(&self, at: usize) -> Option<u32> {
        let b: [u8; 4] = self.data.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if self.little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    fn first_ifd(&self) -> usize {
        self.u32(4).map_or(0, |at| at as usize)
    }

    /// The entries of the directory at `at` whose values lie inside the
    /// data; reading stops at the end of the data.
    fn entries(&self, at: usize) -> Vec<Entry> {
        let Some(count) = self.u16(at) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for i in 0..usize::from(count).min(MAX_ENTRIES) {
            let pos = at.saturating_add(2 + i * 12);
            let (Some(tag), Some(kind), Some(n)) =
                (self.u16(pos), self.u16(pos + 2), self.u32(pos + 4))
            else {
                break;
            };
            let unit: usize = match kind {
                1 | 2 | 6 | 7 => 1,
                3 | 8 => 2,
                4 | 9 | 11 => 4,
                5 | 10 | 12 => 8,
                _ => continue,
            };
            let Some(len) = unit.checked_mul(n as usize) else {
                continue;
            };
            let start = if len <= 4 {
                pos + 8
            } else {
                match self.u32(pos + 8) {
                    Some(offset) => offset as usize,
                    None => break,
                }
            };
            if start
                .checked_add(len)
                .is_some_and(|end| end <= self.data.len())
            {
                out.push(Entry {
                    tag,
                    kind,
                    count: n as usize,
                    value: start..start + len,
                });
            }
        }
        out
    }

    /// The first value of a BYTE, SHORT or LONG entry.
    fn uint(&self, entry: &Entry) -> Option<u32> {
        if entry.count == 0 {
            return None;
        }
        let at = entry.value.start;
        match entry.kind {
            1 => self.data.get(at).map(|&b| u32::from(b)),
            3 => self.u16(at).map(u32::from),
            4 => self.u32(at),
            _ => None,
        }
    }

    /// An ASCII entry's first string (a field may hold several, NUL-separated).
    fn ascii(&self, entry: &Entry) -> Option<String> {
        if entry.kind != 2 {
            return None;
        }
        let bytes = self.data.get(entry.value.clone())?;
        let text = bytes.split(|&b| b == 0).next()?;
        // A field of only NULs holds no string at all.
        if text.is_empty() && bytes.iter().all(|&b| b == 0) {
            return None;
        }
        Some(decode_text(text))
    }

    /// The bytes of a BYTE, UNDEFINED or LONG entry (IPTC and XMP blocks),
    /// LONGs in file order.
    fn bytes(&self, entry: &Entry) -> Option<Vec<u8>> {
        matches!(entry.kind, 1 | 4 | 7)
            .then(|| self.data.get(entry.value.clone()).map(<[u8]>::to_vec))?
    }
}

/// Photoshop image resources (JPEG APP13 after "Photoshop 3.0\0"): the
/// IPTC-IIM block is resource 0x0404.
pub fn read_photoshop(resources: &[u8], meta: &mut Metadata) {
    let mut pos = 0usize;
    while pos + 12 <= resources.len() {
        let signature = &resources[pos..pos + 4];
        if !matches!(signature, b"8BIM" | b"PHUT" | b"AgHg" | b"DCSR") {
            break;
        }
        let id = u16::from_be_bytes([resources[pos + 4], resources[pos + 5]]);
        let name_len = usize::from(resources[pos + 6]);
        // The Pascal name, length byte included, is padded to an even size.
        let mut at = pos + 6 + (1 + name_len).next_multiple_of(2);
        let Some(size) = resources.get(at..at + 4) else {
            break;
        };
        let size = u32::from_be_bytes([size[0], size[1], size[2], size[3]]) as usize;
        at += 4;
        let Some(data) = resources.get(at..at.saturating_add(size)) else {
            break;
        };
        if id == 0x0404 {
            read_iim(data, meta);
        }
        pos = at + size.next_multiple_of(2);
    }
}

/// IPTC-IIM datasets: `0x1C`, record, dataset, length, data.
pub fn read_iim(data: &[u8], meta: &mut Metadata) {
    let mut pos = 0usize;
    let mut utf8 = false;
    let mut values: Vec<(u8, String)> = Vec::new();
    let mut raw: Vec<(u8, &[u8])> = Vec::new();
    while pos + 5 <= data.len() && data[pos] == 0x1C {
        let (record, dataset) = (data[pos + 1], data[pos + 2]);
        let mut len = usize::from(u16::from_be_bytes([data[pos + 3], data[pos + 4]]));
        pos += 5;
        if len & 0x8000 != 0 {
            // Extended dataset: the low bits count the length bytes.
            let n = len & 0x7FFF;
            let Some(bytes) = data.get(pos..pos + n) else {
                break;
            };
            len = bytes
                .iter()
                .fold(0usize, |a, &b| a.saturating_mul(256) | usize::from(b));
            pos += n;
        }
        let Some(value) = data.get(pos..pos.saturating_add(len)) else {
            break;
        };
        pos += len;
        match record {
            // Coded character set ESC % G: UTF-8.
            1 if dataset == 90 => utf8 = value == b"\x1B%G",
            2 => raw.push((dataset, value)),
            _ => {}
        }
    }
    if raw.is_empty() {
        return;
    }
    meta.has_iptc = true;
    for (dataset, value) in raw {
        let text = if utf8 {
            String::from_utf8_lossy(value).into_owned()
        } else {
            decode_text(value)
        };
        values.push((dataset, text));
    }
    let f = &mut meta.iptc;
    let mut date = None;
    let mut time = None;
    for (dataset, text) in &values {
        match dataset {
            5 => {}
            55 => date = Some(text.clone()),
            60 => time = Some(text.clone()),
            80 => push(&mut f.byline, text),
            90 => set(&mut f.city, text),
            92 => set(&mut f.sublocation, text),
            95 => set(&mut f.state, text),
            101 => set(&mut f.country, text),
            105 => set(&mut f.headline, text),
            110 => set(&mut f.credit, text),
            115 => set(&mut f.source, text),
            116 => set(&mut f.copyright, text),
            120 => set(&mut f.caption, text),
            _ => {}
        }
    }
    if let Some(date) = date {
        let _ = time;
        set(&mut f.date, &date);
    }
}

/// Text in a legacy field: UTF-8 when it is valid UTF-8, else Latin-1.
fn decode_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Which field an XMP property (namespace, local name) fills.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Credit,
    Byline,
    Source,
    Copyright,
    Date,
    CreateDate,
    Caption,
    Headline,
    City,
    State,
    Country,
    Sublocation,
    AltText,
}

fn xmp_key(ns: &str, local: &str) -> Option<Key> {
    const DC: &str = "http://purl.org/dc/elements/1.1/";
    const PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
    const XMP: &str = "http://ns.adobe.com/xap/1.0/";
    const EXIF: &str = "http://ns.adobe.com/exif/1.0/";
    const IPTC_CORE: &str = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
    Some(match (ns, local) {
        (DC, "creator") => Key::Byline,
        (DC, "rights") => Key::Copyright,
        (DC, "description") => Key::Caption,
        (PHOTOSHOP, "Credit") => Key::Credit,
        (PHOTOSHOP, "Source") => Key::Source,
        (PHOTOSHOP, "DateCreated") => Key::Date,
        (PHOTOSHOP, "Headline") => Key::Headline,
        (PHOTOSHOP, "City") => Key::City,
        (PHOTOSHOP, "State") => Key::State,
        (PHOTOSHOP, "Country") => Key::Country,
        (IPTC_CORE, "Location") => Key::Sublocation,
        (IPTC_CORE, "AltTextAccessibility") => Key::AltText,
        (EXIF, "DateTimeOriginal") => Key::Date,
        (XMP, "CreateDate") => Key::CreateDate,
        _ => return None,
    })
}

fn store(fields: &mut Fields, key: Key, values: &[String], fallback_date: &mut Option<String>) {
    let first = values.first().map(String::as_str).unwrap_or_default();
    match key {
        Key::Byline => values.iter().for_each(|v| push(&mut fields.byline, v)),
        Key::Credit => set(&mut fields.credit, first),
        Key::Source => set(&mut fields.source, first),
        Key::Copyright => set(&mut fields.copyright, first),
        Key::Date => set(&mut fields.date, first),
        Key::CreateDate => set(fallback_date, first),
        Key::Caption => set(&mut fields.caption, first),
        Key::Headline => set(&mut fields.headline, first),
        Key::City => set(&mut fields.city, first),
        Key::State => set(&mut fields.state, first),
        Key::Country => set(&mut fields.country, first),
        Key::Sublocation => set(&mut fields.sublocation, first),
        Key::AltText => set(&mut fields.alt_text, first),
    }
}

/// The XMP property being read.
struct Property {
    key: Key,
    depth: usize,
    items: Vec<String>,
    text: String,
    in_item: bool,
    item_is_default: bool,
    default_item: Option<usize>,
}

/// An XMP packet. Values come from property elements (plain text, or the
/// `rdf:li` items of a Seq/Bag/Alt, `x-default` first for an Alt) and from
/// the attribute shorthand on `rdf:Description`.
pub fn read_xmp(packet: &[u8], meta: &mut Metadata) {
    const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    let packet = packet
        .iter()
        .rposition(|&b| b == b'>')
        .map_or(packet, |end| &packet[..=end]);
    meta.has_xmp = true;
    let mut reader = NsReader::from_reader(packet);
    let mut fields = Fields::default();
    let mut fallback_date = None;
    let mut depth = 0usize;
    let mut current: Option<Property> = None;
    while let Ok((ns, event)) = reader.read_resolved_event() {
        let ns = match &ns {
            ResolveResult::Bound(n) => n.as_ref().to_string(),
            _ => String::new(),
        };
        match &event {
            Event::Start(el) | Event::Empty(el) => {
                let local = el.local_name().as_ref().to_string();
                let empty = matches!(event, Event::Empty(_));
                if ns == RDF && local == "Description" {
                    for attr in el.attributes().flatten() {
                        let (ans, alocal) = reader.resolver().resolve_attribute(attr.key);
                        if let ResolveResult::Bound(ans) = ans
                            && let Some(key) = xmp_key(ans.as_ref(), alocal.as_ref())
                            && let Ok(value) = attr.normalized_value(XmlVersion::Implicit1_0)
                        {
                            store(&mut fields, key, &[value.into_owned()], &mut fallback_date);
                        }
                    }
                }
                match &mut current {
                    Some(p) if ns == RDF && local == "li" && !empty => {
                        p.in_item = true;
                        p.text.clear();
                        p.item_is_default = el.attributes().flatten().any(|a| {
                            a.key.as_ref() == "xml:lang"
                                && a.normalized_value(XmlVersion::Implicit1_0)
                                    .is_ok_and(|v| v == "x-default")
                        });
                    }
                    Some(_) => {}
                    None if !empty => {
                        if let Some(key) = xmp_key(&ns, &local) {
                            current = Some(Property {
                                key,
                                depth,
                                items: Vec::new(),
                                text: String::new(),
                                in_item: false,
                                item_is_default: false,
                                default_item: None,
                            });
                        }
                    }
                    None => {}
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::Text(t) => {
                if let Some(p) = &mut current {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(p) = &mut current {
                    p.text.push_str(t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(p) = &mut current {
                    let name = r.xml10_content();
                    if let Some(c) = char_ref(&name) {
                        p.text.push(c);
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        p.text.push_str(s);
                    }
                }
            }
            Event::End(el) => {
                depth = depth.saturating_sub(1);
                let is_li = el.local_name().as_ref() == "li";
                if let Some(p) = &mut current {
                    if p.in_item && is_li {
                        p.in_item = false;
                        if p.item_is_default {
                            p.default_item = Some(p.items.len());
                        }
                        p.items.push(std::mem::take(&mut p.text));
                    } else if p.depth == depth {
                        let mut values = if p.items.is_empty() {
                            vec![std::mem::take(&mut p.text)]
                        } else {
                            std::mem::take(&mut p.items)
                        };
                        if let Some(i) = p.default_item {
                            let item = values.remove(i);
                            values.insert(0, item);
                        }
                        store(&mut fields, p.key, &values, &mut fallback_date);
                        current = None;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if fields.date.is_none() {
        fields.date = fallback_date;
    }
    if meta.xmp.is_empty() {
        meta.xmp = fields;
    }
}

fn char_ref(name: &str) -> Option<char> {
    let num = name.strip_prefix('#')?;
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse().ok()?,
    };
    char::from_u32(code)
}

/// A PNG `iTXt` chunk: XMP under the keyword `XML:com.adobe.xmp`.
pub fn read_png_itxt(body: &[u8], meta: &mut Metadata) {
    let Some(nul) = body.iter().position(|&b| b == 0) else {
        return;
    };
    if &body[..nul] != b"XML:com.adobe.xmp" {
        return;
    }
    let Some(&compressed) = body.get(nul + 1) else {
        return;
    };
    // Skip the compression method, language tag and translated keyword.
    let mut rest = body.get(nul + 3..).unwrap_or_default();
    for _ in 0..2 {
        let Some(end) = rest.iter().position(|&b| b == 0) else {
            return;
        };
        rest = &rest[end + 1..];
    }
    if compressed == 0 {
        read_xmp(rest, meta);
    } else if let Some(text) = inflate(rest) {
        read_xmp(&text, meta);
    }
}

/// A PNG `tEXt` or `zTXt` chunk (`compressed` for zTXt): XMP, and
/// ImageMagick's "Raw profile type iptc/exif/xmp" hex dumps. (Browsers do
/// not read orientation from these; only `eXIf` counts for that.)
pub fn read_png_text(body: &[u8], compressed: bool, meta: &mut Metadata) {
    let Some(nul) = body.iter().position(|&b| b == 0) else {
        return;
    };
    let keyword = &body[..nul];
    let text = if compressed {
        body.get(nul + 2..).and_then(inflate)
    } else {
        body.get(nul + 1..).map(<[u8]>::to_vec)
    };
    let Some(text) = text else {
        return;
    };
    if keyword == b"XML:com.adobe.xmp" {
        read_xmp(&text, meta);
        return;
    }
    let Some(kind) = keyword.strip_prefix(b"Raw profile type ") else {
        return;
    };
    let Some(data) = raw_profile(&text) else {
        return;
    };
    match kind.to_ascii_lowercase().as_slice() {
        b"iptc" | b"8bim" => match data.first() {
            Some(0x1C) => read_iim(&data, meta),
            _ => {
                let start = find(&data, b"8BIM").unwrap_or(0);
                read_photoshop(&data[start..], meta);
            }
        },
        b"exif" | b"app1" => {
            let tiff = data.strip_prefix(b"Exif\0\0").unwrap_or(&data);
            read_exif(tiff, meta);
        }
        b"xmp" => read_xmp(&data, meta),
        _ => {}
    }
}

/// `\n<name>\n<length>\n<hex…>`.
fn raw_profile(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?;
    let mut lines = text.trim_start().splitn(3, '\n');
    lines.next()?;
    let len: usize = lines.next()?.trim().parse().ok()?;
    let hex: Vec<u8> = lines
        .next()?
        .bytes()
        .filter(u8::is_ascii_hexdigit)
        .collect();
    let bytes: Vec<u8> = hex
        .chunks_exact(2)
        .filter_map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .take(len)
        .collect();
    Some(bytes)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// zlib data, at most 4 MB once inflated.
fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, 4 * 1024 * 1024).ok()
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

    #[test]
    fn xmp_elements_attributes_and_alternatives() {
        let packet = br#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  photoshop:Credit="Pool/AFP" photoshop:DateCreated="2023-09-13">
  <dc:creator><rdf:Seq><rdf:li>Vladimir Smirnov</rdf:li><rdf:li>Jane &amp; Doe</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="fr">Poutine</rdf:li><rdf:li xml:lang="x-default">Putin and Kim</rdf:li></rdf:Alt></dc:description>
  <photoshop:City>Amur</photoshop:City>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#;
        let mut meta = Metadata::default();
        read_xmp(packet, &mut meta);
        assert_eq!(meta.xmp.credit.as_deref(), Some("Pool/AFP"));
        assert_eq!(meta.xmp.byline, vec!["Vladimir Smirnov", "Jane & Doe"]);
        assert_eq!(meta.xmp.caption.as_deref(), Some("Putin and Kim"));
        assert_eq!(meta.xmp.city.as_deref(), Some("Amur"));
        assert_eq!(
            meta.date().map(|d| d.1.to_string()),
            Some("2023-09-13".into())
        );
    }

    #[test]
    fn iim_in_photoshop_resources() {
        let mut iim = Vec::new();
        for (dataset, value) in [(80u8, "Jane Doe"), (110, "AP"), (55, "20240211")] {
            iim.extend_from_slice(&[0x1C, 2, dataset, 0, value.len() as u8]);
            iim.extend_from_slice(value.as_bytes());
        }
        let mut resources = b"8BIM\x04\x04\0\0".to_vec();
        resources.extend_from_slice(&(iim.len() as u32).to_be_bytes());
        resources.extend_from_slice(&iim);
        let mut meta = Metadata::default();
        read_photoshop(&resources, &mut meta);
        assert_eq!(meta.credit(), Some((Standard::Iptc, "AP")));
        assert_eq!(meta.iptc.byline, vec!["Jane Doe"]);
        assert_eq!(meta.date().unwrap().1.to_string(), "2024-02-11");
    }
}
