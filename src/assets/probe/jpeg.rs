//! JPEG: the marker segments up to the scan, the end-of-image marker
//! after it, and the EXIF, XMP and IPTC segments.

use super::source::Source;
use super::{ImageInfo, truncated};
use crate::assets::metadata;

/// Walk the markers up to the first scan, then look for the end-of-image
/// marker after it; read the EXIF, XMP and IPTC segments on the way.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let mut pos = 2u64;
    let mut frame = false;
    let mut junk = 0u64;
    // (marker, offset, length) of the segments that may hold metadata.
    let mut segments = Vec::new();
    let scan_start = loop {
        let Some(byte) = src.u8(pos) else {
            return Err(truncated("the file ends before the image data"));
        };
        if byte != 0xFF {
            // Stray bytes between segments: decoders skip them.
            junk += 1;
            if junk > 64 * 1024 {
                return Err(truncated("no JPEG markers where they should be"));
            }
            pos += 1;
            continue;
        }
        let Some(marker) = src.u8(pos + 1) else {
            return Err(truncated("the file ends before the image data"));
        };
        match marker {
            0xFF => {
                pos += 1;
                continue;
            }
            0xD9 => {
                return Err(truncated(
                    "the end-of-image marker comes before any image data",
                ));
            }
            0x01 | 0xD0..=0xD8 => {
                pos += 2;
                continue;
            }
            _ => {}
        }
        let Some(len) = src.be16(pos + 2) else {
            return Err(truncated("the file ends inside a segment header"));
        };
        let end = pos + 2 + u64::from(len);
        if len < 2 || end > src.len {
            return Err(truncated(format!(
                "the segment at byte {pos} runs past the end of the file"
            )));
        }
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            frame = true;
        }
        if marker == 0xDA {
            if !frame {
                return Err(truncated("image data without a frame header"));
            }
            break end;
        }
        if matches!(marker, 0xE1 | 0xED) {
            segments.push((marker, pos + 4, u64::from(len) - 2));
        }
        pos = end;
    };
    if !ends_with_eoi(src, scan_start) {
        return Err(truncated("no end-of-image marker after the image data"));
    }
    // The metadata segments before the scan, each read once, within the
    // file's metadata budget.
    for (marker, offset, length) in segments {
        let Some(data) = src.metadata(offset, length) else {
            break;
        };
        match marker {
            0xE1 => {
                if let Some(tiff) = data.strip_prefix(b"Exif\0\0") {
                    info.orientation = metadata::read_exif(tiff, &mut info.metadata);
                } else if let Some(xmp) = data.strip_prefix(b"http://ns.adobe.com/xap/1.0/\0") {
                    metadata::read_xmp(xmp, &mut info.metadata);
                }
            }
            _ => {
                if let Some(resources) = data.strip_prefix(b"Photoshop 3.0\0") {
                    metadata::read_photoshop(resources, &mut info.metadata);
                }
            }
        }
    }
    Ok(())
}

/// Whether an `FF D9` follows the start of the scan. Searched backwards
/// from the end, a window at a time, so data appended after the image (a
/// trailer, a motion-photo video) only costs reading it when it is large.
fn ends_with_eoi(src: &Source<'_>, scan_start: u64) -> bool {
    const WINDOW: u64 = 64 * 1024;
    let mut end = src.len;
    while end > scan_start {
        let start = end.saturating_sub(WINDOW).max(scan_start);
        // Overlap by one byte so a marker split across windows is found.
        let bytes = src.at(start, (end - start + 1).min(src.len - start) as usize);
        if bytes.windows(2).any(|w| w == [0xFF, 0xD9]) {
            return true;
        }
        end = start;
    }
    false
}
