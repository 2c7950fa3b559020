//! GIF: the blocks up to the end of the first frame.

use super::source::Source;
use super::{ImageInfo, truncated};

/// `GIF87a` or `GIF89a`.
pub(super) fn matches(head: &[u8]) -> bool {
    head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a")
}

/// Walk the blocks up to the end of the first frame's image data. The
/// size is the logical screen (from `imagesize`) grown to take in the first
/// frame when that frame sticks out of it, as decoders show it.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let Some(flags) = src.u8(10) else {
        return Err(truncated("the file ends inside the header"));
    };
    let mut pos = 13u64;
    if flags & 0x80 != 0 {
        pos += 3 << ((flags & 7) + 1);
    }
    let sub_blocks = |mut pos: u64| -> Option<u64> {
        loop {
            let n = src.u8(pos)?;
            pos += 1 + u64::from(n);
            if n == 0 {
                return (pos <= src.len).then_some(pos);
            }
        }
    };
    loop {
        match src.u8(pos) {
            Some(0x21) => {
                pos = sub_blocks(pos + 2)
                    .ok_or_else(|| truncated("the file ends inside an extension block"))?;
            }
            Some(0x2C) => {
                let Some(flags) = src.u8(pos + 9) else {
                    return Err(truncated("the file ends inside an image descriptor"));
                };
                let d = src.at(pos + 1, 8);
                let le = |i: usize| u32::from(u16::from_le_bytes([d[i], d[i + 1]]));
                if let Some((w, h)) = src.size() {
                    info.size = Some((w.max(le(0) + le(4)), h.max(le(2) + le(6))));
                }
                pos += 10;
                if flags & 0x80 != 0 {
                    pos += 3 << ((flags & 7) + 1);
                }
                // LZW minimum code size, then the data sub-blocks.
                return sub_blocks(pos + 1)
                    .map(|_| ())
                    .ok_or_else(|| truncated("the file ends inside the first frame's image data"));
            }
            Some(0x3B) => return Err(truncated("the file has no frame")),
            Some(_) => return Err(truncated(format!("an unknown block at byte {pos}"))),
            None => return Err(truncated("the file ends before the first frame")),
        }
    }
}
