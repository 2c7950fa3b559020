//! TIFF: the first directory, and the EXIF fields in it.

use super::source::Source;
use super::{ImageInfo, truncated};
use crate::assets::metadata;

/// The first directory must be inside the file; EXIF fields come from it.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let little = src.at(0, 2).as_ref() == b"II";
    let big_tiff = src.at(2, 2).as_ref() == if little { b"+\0" } else { b"\0+" };
    if big_tiff {
        return Ok(());
    }
    let Some(raw) = src.be32(4) else {
        return Err(truncated("the file ends inside the header"));
    };
    let ifd = u64::from(if little { raw.swap_bytes() } else { raw });
    let Some(raw_count) = src.be16(ifd) else {
        return Err(truncated("the first directory is past the end of the file"));
    };
    let count = u64::from(if little {
        raw_count.swap_bytes()
    } else {
        raw_count
    });
    if ifd + 2 + count * 12 > src.len {
        return Err(truncated(
            "the first directory runs past the end of the file",
        ));
    }
    if let Some(all) = src.all(16 * 1024 * 1024) {
        info.orientation = metadata::read_exif(&all, &mut info.metadata);
    }
    Ok(())
}
