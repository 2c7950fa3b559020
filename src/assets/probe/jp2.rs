//! JPEG 2000: the size from a JP2 file's header box or a bare codestream's
//! SIZ marker.

use super::boxes::box_at;
use super::source::Source;
use super::{ImageInfo, truncated};

/// A JP2 file's signature box, or a bare codestream's SOC and SIZ markers.
pub(super) fn matches(head: &[u8]) -> bool {
    head.starts_with(b"\0\0\0\x0CjP  \r\n\x87\n") || head.starts_with(b"\xFF\x4F\xFF\x51")
}

/// JPEG 2000 (not covered by `imagesize`): the size from the `ihdr` box of
/// a JP2 file or the SIZ marker of a bare codestream.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    if src.at(0, 4).as_ref() == b"\xFF\x4F\xFF\x51" {
        let (Some(x), Some(y), Some(x0), Some(y0)) =
            (src.be32(8), src.be32(12), src.be32(16), src.be32(20))
        else {
            return Err(truncated("the file ends inside the SIZ marker"));
        };
        info.size = Some((x.saturating_sub(x0), y.saturating_sub(y0)));
        return Ok(());
    }
    let mut pos = 0u64;
    let mut codestream = false;
    while pos < src.len {
        let (kind, header, size) = box_at(src, pos, src.len)?;
        match &kind {
            b"jp2h" => {
                // The image header box comes first inside jp2h.
                let body = pos + header;
                if src.at(body + 4, 4).as_ref() == b"ihdr"
                    && let (Some(h), Some(w)) = (src.be32(body + 8), src.be32(body + 12))
                {
                    info.size = Some((w, h));
                }
            }
            b"jp2c" => codestream = true,
            _ => {}
        }
        // `size` is at least the header's length: the walk moves on.
        pos += size;
    }
    if !codestream {
        return Err(truncated("no codestream box"));
    }
    Ok(())
}
