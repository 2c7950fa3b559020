//! EXIF: the few tags presslint uses, read directly from the TIFF
//! structure of a JPEG APP1 segment, a PNG `eXIf` chunk, a TIFF file or
//! a HEIF `Exif` item.

use super::{Metadata, decode_text, push, read_iim, read_xmp, set};

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
