//! ICO and CUR: the icon directory's entries must point inside the file.

use super::source::Source;
use super::truncated;

/// An icon (type 1) or cursor (type 2) directory with at least one image.
pub(super) fn matches(head: &[u8]) -> bool {
    (head.starts_with(b"\0\0\x01\0") || head.starts_with(b"\0\0\x02\0"))
        && head.len() >= 6
        && u16::from_le_bytes([head[4], head[5]]) > 0
}

/// Directory entries must point inside the file.
pub(super) fn probe(src: &Source<'_>) -> Result<(), String> {
    let count = u64::from(u16::from_le_bytes([
        src.u8(4).unwrap_or(0),
        src.u8(5).unwrap_or(0),
    ]));
    for i in 0..count.min(256) {
        let entry = 6 + i * 16;
        let (Some(size), Some(offset)) = (src.le32(entry + 8), src.le32(entry + 12)) else {
            return Err(truncated("the file ends inside the icon directory"));
        };
        if u64::from(offset) + u64::from(size) > src.len {
            return Err(truncated(format!(
                "icon {} runs past the end of the file",
                i + 1
            )));
        }
    }
    Ok(())
}
