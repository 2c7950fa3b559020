//! HEIF and AVIF (ISO base media): the brands that tell them apart, the
//! top-level boxes, every item's data as located by `iloc` (see
//! `items.rs`), the framing of the coded image data, and the EXIF and
//! XMP items.

mod items;

pub use items::{Item, items};

use super::boxes::box_at;
use super::source::Source;
use super::{Format, ImageInfo, truncated};
use crate::assets::metadata;

/// `ftyp` brands: AVIF when `avif`/`avis` is the major or a compatible
/// brand, HEIF for the HEIF brands.
pub(super) fn brand(head: &[u8]) -> Option<Format> {
    let size = u32::from_be_bytes(head.get(0..4)?.try_into().ok()?) as usize;
    // The compatible brands run from byte 16 to the end of the box, which
    // may claim more than there is (or less than its own header): only
    // the bytes present, and at most a few hundred brands.
    let end = size.min(head.len()).min(16 + 4 * 256);
    let brands: Vec<&[u8]> = std::iter::once(head.get(8..12)?)
        .chain(head.get(16..end).unwrap_or_default().chunks_exact(4))
        .collect();
    if brands.iter().any(|b| *b == b"avif" || *b == b"avis") {
        return Some(Format::Avif);
    }
    const HEIF: [&[u8]; 10] = [
        b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2", b"heif",
    ];
    brands
        .iter()
        .any(|b| HEIF.contains(b))
        .then_some(Format::Heif)
}

/// The most bytes of coded data whose unit framing is checked, as a
/// multiple of the file size (items may share data; each range is walked
/// once, and the walk stops when this is spent).
const FRAMING_PASSES: u64 = 2;

/// The most coded units (NAL units, OBUs) whose headers are read in one file.
const FRAMING_UNITS: u64 = 1_000_000;

/// ISO base media (AVIF, HEIF): top-level boxes must fit the file, and so
/// must every item's data as located by `iloc`. EXIF and XMP items are read.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let mut pos = 0u64;
    let mut meta = None;
    while pos < src.len {
        let (kind, header, size) = box_at(src, pos, src.len)?;
        if kind == *b"meta" && meta.is_none() {
            // A full box: version and flags come before the children.
            meta = Some((pos + header + 4, pos + size));
        }
        // `size` is at least the header's length: the walk moves on.
        pos += size;
    }
    let Some((start, end)) = meta else {
        return Err(truncated("no 'meta' box"));
    };
    let length = end.saturating_sub(start);
    if length > 16 * 1024 * 1024 {
        return Ok(());
    }
    let meta = src.at(start, length as usize);
    let items = items(&meta);
    for item in &items {
        for &(offset, length) in &item.extents {
            if offset.saturating_add(length) > src.len {
                return Err(truncated(format!(
                    "item {}'s data runs past the end of the file",
                    item.id
                )));
            }
        }
    }
    let mut framing = Framing {
        bytes: src.len.saturating_mul(FRAMING_PASSES),
        units: FRAMING_UNITS,
        seen: std::collections::HashSet::new(),
    };
    for item in &items {
        if item.is_coded_image() {
            if !item.properties.contains(b"ispe") {
                return Err(truncated(format!(
                    "image item {} has no size (ispe) property",
                    item.id
                )));
            }
            if !coded_data_is_framed(src, item, &mut framing) {
                return Err(truncated(format!(
                    "image item {}'s coded data is not a sequence of {} units",
                    item.id,
                    if item.kind == *b"hvc1" {
                        "HEVC NAL"
                    } else {
                        "AV1 OBU"
                    }
                )));
            }
        }
        if item.kind != *b"Exif"
            && !(item.kind == *b"mime" && item.content_type.contains("rdf+xml"))
        {
            continue;
        }
        let total = item
            .extents
            .iter()
            .fold(0u64, |sum, e| sum.saturating_add(e.1));
        if item.extents.is_empty() || !src.spend(total) {
            continue;
        }
        let data: Vec<u8> = item
            .extents
            .iter()
            .flat_map(|&(o, l)| src.at(o, l as usize).into_owned())
            .collect();
        if item.kind == *b"Exif" {
            // A 4-byte offset to the TIFF header comes first.
            if let Some(skip) = data.get(..4) {
                let skip = u32::from_be_bytes([skip[0], skip[1], skip[2], skip[3]]) as usize;
                if let Some(tiff) = data.get(4usize.saturating_add(skip)..) {
                    // HEIF orientation lives in `irot`/`imir`, already
                    // applied to the size: EXIF's is informational.
                    metadata::read_exif(tiff, &mut info.metadata);
                }
            }
        } else {
            metadata::read_xmp(&data, &mut info.metadata);
        }
    }
    Ok(())
}

/// What is left of the work allowed for checking unit framing.
struct Framing {
    bytes: u64,
    units: u64,
    /// Extents already walked (items may share their data).
    seen: std::collections::HashSet<(u64, u64)>,
}

/// Whether an item's coded data splits exactly into units: HEVC NAL units
/// behind length prefixes, or AV1 OBUs with their size fields. Only the
/// unit headers are read, never the picture data. Once the budget is
/// spent, the rest is taken as framed.
fn coded_data_is_framed(src: &Source<'_>, item: &Item, budget: &mut Framing) -> bool {
    for &(start, length) in &item.extents {
        if !budget.seen.insert((start, length)) {
            continue;
        }
        if length > budget.bytes {
            return true;
        }
        budget.bytes -= length;
        // Inside the file: checked by the caller.
        let end = start + length;
        let mut pos = start;
        while pos < end {
            if budget.units == 0 {
                return true;
            }
            budget.units -= 1;
            if item.kind == *b"hvc1" {
                let n = u64::from(item.nal_length_size.unwrap_or(4));
                let prefix = src.at(pos, n as usize);
                if prefix.len() as u64 != n {
                    return false;
                }
                let size = prefix.iter().fold(0u64, |a, &b| a << 8 | u64::from(b));
                // The NAL header's forbidden bit must be clear.
                if size < 2 || pos + n + size > end || src.u8(pos + n).is_none_or(|h| h & 0x80 != 0)
                {
                    return false;
                }
                pos += n + size;
            } else {
                let Some(header) = src.u8(pos) else {
                    return false;
                };
                if header & 0x80 != 0 {
                    return false;
                }
                let mut at = pos + 1 + u64::from(header >> 2 & 1);
                if header & 0x02 == 0 {
                    // No size field: the OBU runs to the end.
                    break;
                }
                let mut size = 0u64;
                let mut shift = 0;
                loop {
                    let Some(byte) = src.u8(at) else {
                        return false;
                    };
                    at += 1;
                    size |= u64::from(byte & 0x7F) << shift;
                    shift += 7;
                    if byte & 0x80 == 0 || shift > 56 {
                        break;
                    }
                }
                if at.saturating_add(size) > end {
                    return false;
                }
                pos = at + size;
            }
        }
    }
    true
}
