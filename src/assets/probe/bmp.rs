//! BMP: the pixel array of an uncompressed bitmap must fit the file.

use super::source::Source;
use super::truncated;

/// `BM` and one of the known sizes of the header that follows the file
/// header (any two bytes could start with `BM`).
pub(super) fn matches(head: &[u8]) -> bool {
    head.starts_with(b"BM")
        && head.len() >= 18
        && matches!(
            u32::from_le_bytes([head[14], head[15], head[16], head[17]]),
            12 | 16 | 40 | 52 | 56 | 64 | 108 | 124
        )
}

/// The pixel array must fit the file for uncompressed bitmaps.
pub(super) fn probe(src: &Source<'_>) -> Result<(), String> {
    let h = src.at(0, 54).into_owned();
    if h.len() < 26 {
        return Err(truncated("the file ends inside the header"));
    }
    let le32 = |i: usize| {
        h.get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let offset = u64::from(le32(10).unwrap_or(0));
    let header = le32(14).unwrap_or(0);
    if header < 40 {
        return (offset < src.len)
            .then_some(())
            .ok_or_else(|| truncated("no pixel data"));
    }
    let (Some(width), Some(height)) = (le32(18), le32(22)) else {
        return Err(truncated("the file ends inside the header"));
    };
    let bpp = u64::from(h.get(28).copied().unwrap_or(0))
        | u64::from(h.get(29).copied().unwrap_or(0)) << 8;
    let compression = le32(30).unwrap_or(0);
    let height = u64::from((height as i32).unsigned_abs());
    let needed: u64 = if matches!(compression, 0 | 3 | 6) {
        // Up to 2^32 × 2^16 bits a row and 2^31 rows: more than 64 bits.
        let row = (u64::from(width) * bpp).div_ceil(32) * 4;
        row.saturating_mul(height).saturating_add(offset)
    } else {
        offset + 1
    };
    if needed > src.len {
        return Err(truncated(format!(
            "the pixel data needs {needed} bytes but the file has {}",
            src.len
        )));
    }
    Ok(())
}
