//! Box headers of the ISO base media format (HEIF, AVIF) and of JPEG 2000,
//! which uses the same boxes.

use super::source::Source;
use super::{kind_name, truncated};

/// The header of the box at `pos`: its type, header length and total
/// size, checked to lie inside `pos..end`. Sizes come from the file, so
/// every sum is checked: a 64-bit size near 2^64 must not wrap around.
pub(super) fn box_at(src: &Source<'_>, pos: u64, end: u64) -> Result<([u8; 4], u64, u64), String> {
    let (Some(size), Some(kind)) = (src.be32(pos), src.be32(pos.saturating_add(4))) else {
        return Err(truncated("the file ends inside a box header"));
    };
    let kind = kind.to_be_bytes();
    let (header, size) = match size {
        // Size 0: the box runs to the end.
        0 => (8, end - pos),
        1 => match src.be64(pos.saturating_add(8)) {
            Some(large) => (16, large),
            None => return Err(truncated("the file ends inside a box header")),
        },
        n => (8, u64::from(n)),
    };
    if size < header {
        return Err(truncated(format!(
            "{} box at byte {pos} is smaller than its own header",
            kind_name(&kind)
        )));
    }
    if pos.checked_add(size).is_none_or(|box_end| box_end > end) {
        return Err(truncated(format!(
            "{} box at byte {pos} runs past the end of the file",
            kind_name(&kind)
        )));
    }
    Ok((kind, header, size))
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    #[test]
    fn box_headers_are_checked() {
        let src =
            |bytes: &'static [u8]| Source::new(Cow::Borrowed(bytes), None, bytes.len() as u64);
        // A 64-bit size that would wrap past the end.
        let wrap = b"\0\0\0\x01free\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xF0\0\0\0\0";
        assert!(box_at(&src(wrap), 0, wrap.len() as u64).is_err());
        // Smaller than its own header.
        assert!(box_at(&src(b"\0\0\0\x04free"), 0, 8).is_err());
        assert!(box_at(&src(b"\0\0\0\x01free\0\0\0\0\0\0\0\x08"), 0, 16).is_err());
        // Size 0 runs to the end.
        assert_eq!(
            box_at(&src(b"\0\0\0\0mdat\x01\x02"), 0, 10),
            Ok((*b"mdat", 8, 10))
        );
    }
}
