//! WebP: the RIFF chunks, and the EXIF and XMP chunks.

use super::source::Source;
use super::{ImageInfo, kind_name, truncated};
use crate::assets::metadata;

/// RIFF: the declared size must fit the file, chunks must fit, and there
/// must be image data; EXIF and XMP chunks are read.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let Some(riff) = src.le32(4) else {
        return Err(truncated("the file ends inside the header"));
    };
    let end = 8 + u64::from(riff);
    if end > src.len {
        return Err(truncated(format!(
            "the header declares {end} bytes but the file has {}",
            src.len
        )));
    }
    let mut pos = 12u64;
    let mut image = false;
    while pos + 8 <= end {
        let kind = src.at(pos, 4).into_owned();
        let Some(size) = src.le32(pos + 4) else { break };
        let next = pos + 8 + u64::from(size) + u64::from(size & 1);
        if pos + 8 + u64::from(size) > end {
            return Err(truncated(format!(
                "{} chunk runs past the end of the file",
                kind_name(&kind)
            )));
        }
        match kind.as_slice() {
            b"VP8 " | b"VP8L" | b"ANMF" => image = true,
            b"EXIF" => {
                if let Some(body) = src.metadata(pos + 8, u64::from(size)) {
                    // Some writers keep the JPEG-style "Exif\0\0" prefix.
                    let tiff = body.strip_prefix(b"Exif\0\0").unwrap_or(&body);
                    info.orientation = metadata::read_exif(tiff, &mut info.metadata);
                }
            }
            b"XMP " => {
                if let Some(body) = src.metadata(pos + 8, u64::from(size)) {
                    metadata::read_xmp(&body, &mut info.metadata);
                }
            }
            _ => {}
        }
        pos = next;
    }
    if !image {
        return Err(truncated("no image data chunk"));
    }
    Ok(())
}
