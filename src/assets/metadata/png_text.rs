//! PNG text chunks: XMP in `iTXt`, `tEXt` or `zTXt`, and the hex dumps
//! ImageMagick writes as "Raw profile type …" text.

use super::{Metadata, read_exif, read_iim, read_photoshop, read_xmp};

/// A PNG `iTXt` chunk: XMP under the keyword `XML:com.adobe.xmp`.
pub fn read_png_itxt(body: &[u8], meta: &mut Metadata) {
    let Some(nul) = body.iter().position(|&b| b == 0) else {
        return;
    };
    if &body[..nul] != b"XML:com.adobe.xmp" {
        return;
    }
    let Some(&compressed) = body.get(nul + 1) else {
        return;
    };
    // Skip the compression method, language tag and translated keyword.
    let mut rest = body.get(nul + 3..).unwrap_or_default();
    for _ in 0..2 {
        let Some(end) = rest.iter().position(|&b| b == 0) else {
            return;
        };
        rest = &rest[end + 1..];
    }
    if compressed == 0 {
        read_xmp(rest, meta);
    } else if let Some(text) = inflate(rest) {
        read_xmp(&text, meta);
    }
}

/// A PNG `tEXt` or `zTXt` chunk (`compressed` for zTXt): XMP, and
/// ImageMagick's "Raw profile type iptc/exif/xmp" hex dumps. (Browsers do
/// not read orientation from these; only `eXIf` counts for that.)
pub fn read_png_text(body: &[u8], compressed: bool, meta: &mut Metadata) {
    let Some(nul) = body.iter().position(|&b| b == 0) else {
        return;
    };
    let keyword = &body[..nul];
    let text = if compressed {
        body.get(nul + 2..).and_then(inflate)
    } else {
        body.get(nul + 1..).map(<[u8]>::to_vec)
    };
    let Some(text) = text else {
        return;
    };
    if keyword == b"XML:com.adobe.xmp" {
        read_xmp(&text, meta);
        return;
    }
    let Some(kind) = keyword.strip_prefix(b"Raw profile type ") else {
        return;
    };
    let Some(data) = raw_profile(&text) else {
        return;
    };
    match kind.to_ascii_lowercase().as_slice() {
        b"iptc" | b"8bim" => match data.first() {
            Some(0x1C) => read_iim(&data, meta),
            _ => {
                let start = find(&data, b"8BIM").unwrap_or(0);
                read_photoshop(&data[start..], meta);
            }
        },
        b"exif" | b"app1" => {
            let tiff = data.strip_prefix(b"Exif\0\0").unwrap_or(&data);
            read_exif(tiff, meta);
        }
        b"xmp" => read_xmp(&data, meta),
        _ => {}
    }
}

/// `\n<name>\n<length>\n<hex…>`.
fn raw_profile(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?;
    let mut lines = text.trim_start().splitn(3, '\n');
    lines.next()?;
    let len: usize = lines.next()?.trim().parse().ok()?;
    let hex: Vec<u8> = lines
        .next()?
        .bytes()
        .filter(u8::is_ascii_hexdigit)
        .collect();
    let bytes: Vec<u8> = hex
        .chunks_exact(2)
        .filter_map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .take(len)
        .collect();
    Some(bytes)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// zlib data, at most 4 MB once inflated.
fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, 4 * 1024 * 1024).ok()
}
