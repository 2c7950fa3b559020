//! PNG: the chunk walk, and the metadata in `eXIf` and the text chunks.

use super::source::{METADATA_BLOCK, Source};
use super::{ImageInfo, kind_name, truncated};
use crate::assets::metadata;

/// The whole eight-byte signature.
pub(super) fn matches(head: &[u8]) -> bool {
    head.starts_with(b"\x89PNG\r\n\x1A\n")
}

/// Walk the chunks: IHDR first, image data before the end, every chunk
/// inside the file; read eXIf, XMP and raw-profile text chunks.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let mut pos = 8u64;
    let mut first = true;
    let mut data = false;
    for _ in 0..1_000_000 {
        let (Some(len), Some(kind)) = (
            src.be32(pos),
            src.at(pos + 4, 4).get(..4).map(<[u8]>::to_vec),
        ) else {
            break;
        };
        let end = pos + 12 + u64::from(len);
        if end > src.len {
            return Err(truncated(format!(
                "{} chunk at byte {pos} runs past the end of the file",
                kind_name(&kind)
            )));
        }
        if first && kind != b"IHDR" {
            return Err(truncated("the first chunk is not the image header (IHDR)"));
        }
        first = false;
        match kind.as_slice() {
            b"IDAT" => data = true,
            b"IEND" => break,
            b"eXIf" | b"iTXt" | b"tEXt" | b"zTXt" => {
                let Some(body) = src.metadata(pos + 8, u64::from(len)) else {
                    pos = end;
                    continue;
                };
                // Compressed text inflates to at most a block: count that.
                let compressed = match kind.as_slice() {
                    b"zTXt" => true,
                    b"iTXt" => body
                        .iter()
                        .position(|&b| b == 0)
                        .and_then(|nul| body.get(nul + 1))
                        .is_some_and(|&flag| flag != 0),
                    _ => false,
                };
                if compressed && !src.spend(METADATA_BLOCK) {
                    pos = end;
                    continue;
                }
                match kind.as_slice() {
                    b"eXIf" => info.orientation = metadata::read_exif(&body, &mut info.metadata),
                    b"iTXt" => metadata::read_png_itxt(&body, &mut info.metadata),
                    text => metadata::read_png_text(&body, text == b"zTXt", &mut info.metadata),
                }
            }
            _ => {}
        }
        pos = end;
    }
    if first {
        return Err(truncated("the file ends after the signature"));
    }
    if !data {
        return Err(truncated("no image data (IDAT) chunk"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Format, probe_bytes};

    #[test]
    fn truncated_png_is_broken() {
        // Signature and IHDR of a 4x3 image, no IDAT.
        let mut png = b"\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x04\0\0\0\x03\x08\x02\0\0\0".to_vec();
        png.extend_from_slice(&[0; 4]);
        let info = probe_bytes(&png);
        assert_eq!(info.format, Some(Format::Png));
        assert_eq!(info.size, Some((4, 3)));
        assert!(info.broken.unwrap().contains("IDAT"));
    }
}
