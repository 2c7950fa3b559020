//! ICO and CUR: the icon directory's entries must point inside the file.

use super::source::Source;
use super::truncated;

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
