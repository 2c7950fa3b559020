//! What an image file is, read from its headers: the real format (from
//! magic bytes, not the extension), the size in pixels (through
//! `imagesize`), the EXIF orientation, the embedded credit/date metadata,
//! the byte size, and whether the file is broken.
//!
//! Nothing here decodes pixels. "Broken" means the container structure is
//! wrong: a segment or chunk that runs past the end of the file, a JPEG
//! without its end-of-image marker after the scan, no size in the header,
//! bytes that are no image format at all. For JPEG, the file is read up to
//! the start of the image data and its last few kilobytes are searched for
//! the end marker; other formats are walked chunk by chunk with positioned
//! reads of the chunk headers.
//!
//! One file per format under this module: the format's structure walk
//! and the metadata it reads. This file has what every format shares:
//! the [`Format`] and [`ImageInfo`] types, sniffing, and the dispatch.

mod bmp;
mod boxes;
mod gif;
pub mod heif;
mod ico;
mod jp2;
mod jpeg;
mod png;
mod source;
pub mod svg;
mod tiff;
mod webp;

use std::borrow::Cow;
use std::fs::File;
use std::path::Path;

use super::metadata::Metadata;
use source::{Source, read_exact_at};

/// Image formats presslint recognises from their magic bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    Webp,
    Avif,
    /// HEIC and other HEIF images.
    Heif,
    Jxl,
    Bmp,
    Tiff,
    Ico,
    /// JPEG 2000.
    Jp2,
    Svg,
}

impl Format {
    /// The lowercase name used in reports (and in the corpus's images.tsv).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Gif => "gif",
            Format::Webp => "webp",
            Format::Avif => "avif",
            Format::Heif => "heif",
            Format::Jxl => "jxl",
            Format::Bmp => "bmp",
            Format::Tiff => "tiff",
            Format::Ico => "ico",
            Format::Jp2 => "jp2",
            Format::Svg => "svg",
        }
    }

    /// The name people know it by, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Gif => "GIF",
            Format::Webp => "WebP",
            Format::Avif => "AVIF",
            Format::Heif => "HEIC/HEIF",
            Format::Jxl => "JPEG XL",
            Format::Bmp => "BMP",
            Format::Tiff => "TIFF",
            Format::Ico => "ICO",
            Format::Jp2 => "JPEG 2000",
            Format::Svg => "SVG",
        }
    }

    /// The format a file name's extension claims, if it is an image extension.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" | "jpe" | "jfif" | "pjpeg" | "pjp" => Format::Jpeg,
            "png" | "apng" => Format::Png,
            "gif" => Format::Gif,
            "webp" => Format::Webp,
            "avif" => Format::Avif,
            "heic" | "heif" | "hif" => Format::Heif,
            "jxl" => Format::Jxl,
            "bmp" | "dib" => Format::Bmp,
            "tif" | "tiff" => Format::Tiff,
            "ico" | "cur" => Format::Ico,
            "jp2" | "j2k" | "jpf" | "jpx" | "jpm" | "j2c" => Format::Jp2,
            "svg" => Format::Svg,
            _ => return None,
        })
    }

    /// The format a `data:` URI's media type claims.
    pub fn from_media_type(media_type: &str) -> Option<Format> {
        let sub = media_type.trim().strip_prefix("image/")?;
        Some(match sub {
            "jpeg" | "jpg" | "pjpeg" => Format::Jpeg,
            "png" | "apng" => Format::Png,
            "gif" => Format::Gif,
            "webp" => Format::Webp,
            "avif" => Format::Avif,
            "heic" | "heif" => Format::Heif,
            "jxl" => Format::Jxl,
            "bmp" | "x-ms-bmp" => Format::Bmp,
            "tiff" => Format::Tiff,
            "x-icon" | "vnd.microsoft.icon" => Format::Ico,
            "jp2" => Format::Jp2,
            "svg+xml" => Format::Svg,
            _ => return None,
        })
    }

    /// A vector format: any display size is sharp.
    pub fn is_vector(self) -> bool {
        self == Format::Svg
    }
}

/// Everything presslint knows about one image file.
#[derive(Clone, Debug, Default)]
pub struct ImageInfo {
    /// The real format, from the bytes; `None` when unrecognised.
    pub format: Option<Format>,
    /// File size in bytes.
    pub bytes: u64,
    /// Width and height in pixels as stored (before EXIF orientation).
    pub size: Option<(u32, u32)>,
    /// EXIF orientation, 1–8 (1 when absent).
    pub orientation: u16,
    /// An SVG whose root gives a `viewBox` but not both `width` and
    /// `height`: `size` is its proportions, and the page decides its size.
    pub proportions_only: bool,
    /// Why the file cannot be shown, when it cannot.
    pub broken: Option<String>,
    pub metadata: Metadata,
}

impl ImageInfo {
    /// Width and height as displayed: swapped when the EXIF orientation
    /// turns the picture a quarter turn (5–8).
    pub fn display_size(&self) -> Option<(u32, u32)> {
        let (w, h) = self.size?;
        Some(if (5..=8).contains(&self.orientation) {
            (h, w)
        } else {
            (w, h)
        })
    }

    /// Bytes that could not be had at all (an undecodable `data:` URI).
    pub fn unreadable(why: impl Into<String>) -> ImageInfo {
        ImageInfo::broken(0, None, why)
    }

    fn broken(bytes: u64, format: Option<Format>, why: impl Into<String>) -> ImageInfo {
        ImageInfo {
            format,
            bytes,
            orientation: 1,
            broken: Some(why.into()),
            ..ImageInfo::default()
        }
    }
}

/// Bytes read from the start of a file in one go; enough for the headers
/// of nearly every web image.
const HEAD: usize = 64 * 1024;

/// Probe a file on disk.
pub fn probe_file(path: &Path) -> ImageInfo {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) => return ImageInfo::broken(0, None, format!("cannot be read ({err})")),
    };
    if meta.is_dir() {
        return ImageInfo::broken(0, None, "is a directory, not an image");
    }
    // A FIFO or device would block or never end: not opened.
    if !meta.is_file() {
        return ImageInfo::broken(0, None, "is not a regular file");
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) => {
            return ImageInfo::broken(meta.len(), None, format!("cannot be read ({err})"));
        }
    };
    let len = meta.len();
    let mut head = vec![0; HEAD.min(len as usize)];
    if let Err(err) = read_exact_at(&file, &mut head, 0) {
        return ImageInfo::broken(len, None, format!("cannot be read ({err})"));
    }
    probe(Source::new(Cow::Owned(head), Some(file), len))
}

/// Probe bytes held in memory (a `data:` URI).
pub fn probe_bytes(data: &[u8]) -> ImageInfo {
    probe(Source::new(Cow::Borrowed(data), None, data.len() as u64))
}

/// The format the bytes say, from their signature.
///
/// `imagesize` tells JPEG, WebP, JPEG XL and TIFF. The other checks are
/// presslint's own, being stricter than `imagesize`'s or for formats it
/// does not know: PNG and GIF by their whole signature (it takes `\x89PNG`
/// and `GIF8` alone), ISO base media files by their brands (it takes any
/// `ftyp` box, a video's too, for HEIF, and tells AVIF only by the first
/// brands), BMP by its header's size and ICO by its image count (it looks
/// at the first bytes only, and not at cursors), JPEG 2000 and SVG.
///
/// An `ftyp` box is at bytes 4 to 8, where some other signatures leave
/// room for it: JPEG, PNG, GIF and WebP come before it, the rest after.
pub fn sniff(head: &[u8]) -> Option<Format> {
    let known = by_imagesize(head);
    if let Some(format @ (Format::Jpeg | Format::Webp)) = known {
        return Some(format);
    }
    if png::matches(head) {
        return Some(Format::Png);
    }
    if gif::matches(head) {
        return Some(Format::Gif);
    }
    if head.get(4..8) == Some(b"ftyp") {
        return heif::brand(head);
    }
    if known.is_some() {
        return known;
    }
    if jp2::matches(head) {
        return Some(Format::Jp2);
    }
    if bmp::matches(head) {
        return Some(Format::Bmp);
    }
    if ico::matches(head) {
        return Some(Format::Ico);
    }
    if svg::matches(head) {
        return Some(Format::Svg);
    }
    None
}

/// The formats whose signature `imagesize` checks as presslint does:
/// JPEG, WebP, JPEG XL and TIFF. It reads a 12-byte header; a shorter
/// head is padded with zero bytes, which complete none of these
/// signatures but TIFF's `II*\0` and `II+\0`, hence the length check.
fn by_imagesize(head: &[u8]) -> Option<Format> {
    let mut header = [0u8; 12];
    let n = head.len().min(header.len());
    header[..n].copy_from_slice(&head[..n]);
    match imagesize::image_type(&header).ok()? {
        imagesize::ImageType::Jpeg => Some(Format::Jpeg),
        imagesize::ImageType::Webp => Some(Format::Webp),
        imagesize::ImageType::Jxl => Some(Format::Jxl),
        imagesize::ImageType::Tiff if head.len() >= 4 => Some(Format::Tiff),
        _ => None,
    }
}

fn probe(src: Source<'_>) -> ImageInfo {
    let format = sniff(&src.head);
    let Some(format) = format else {
        let why = if src.len == 0 {
            "is empty (0 bytes)".to_string()
        } else {
            format!("is not an image: {}", describe_start(&src.head))
        };
        return ImageInfo::broken(src.len, None, why);
    };
    let mut info = ImageInfo {
        format: Some(format),
        bytes: src.len,
        orientation: 1,
        ..ImageInfo::default()
    };
    let structure = match format {
        Format::Jpeg => jpeg::probe(&src, &mut info),
        Format::Png => png::probe(&src, &mut info),
        Format::Gif => gif::probe(&src, &mut info),
        Format::Webp => webp::probe(&src, &mut info),
        Format::Avif | Format::Heif => heif::probe(&src, &mut info),
        Format::Bmp => bmp::probe(&src),
        Format::Tiff => tiff::probe(&src, &mut info),
        Format::Ico => ico::probe(&src),
        Format::Jp2 => jp2::probe(&src, &mut info),
        Format::Svg => svg::probe(&src, &mut info),
        Format::Jxl => Ok(()),
    };
    if info.size.is_none() && !matches!(format, Format::Jp2 | Format::Svg) {
        info.size = src.size();
    }
    info.broken = match structure {
        Err(why) => Some(why),
        Ok(()) if info.size.is_none() && format != Format::Svg => Some(format!(
            "is a {} file with no readable size in its header",
            format.label()
        )),
        Ok(()) => None,
    };
    info
}

/// A few words on what a non-image file seems to be. Never its bytes: the
/// file may be anything (a key, a password file reached by mistake), and
/// the message ends up in reports and CI logs.
fn describe_start(head: &[u8]) -> String {
    let start = &head[..head.len().min(512)];
    let text = String::from_utf8_lossy(start);
    let lower = text.trim_start().to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return "it is an HTML page (a server error page saved under an image name?)".into();
    }
    if head.starts_with(b"\x1F\x8B") {
        return "it is gzip-compressed data".into();
    }
    if head.starts_with(b"%PDF") {
        return "it is a PDF document".into();
    }
    if head.iter().take(16).all(|&b| b == 0) {
        return "it starts with zero bytes".into();
    }
    // Text, allowing a character cut off at the end of the sample.
    let text = match std::str::from_utf8(start) {
        Ok(text) => Some(text),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&start[..e.valid_up_to()]).ok(),
        Err(_) => None,
    };
    if text.is_some_and(|t| !t.chars().any(|c| c.is_control() && !c.is_whitespace())) {
        return "it is a text file, not an image format".into();
    }
    "no image format presslint knows starts this way".into()
}

fn truncated(what: impl std::fmt::Display) -> String {
    format!("is truncated or corrupt: {what}")
}

/// A chunk or box type for messages: its name when it is one (letters,
/// digits, spaces), never raw bytes that could upset a terminal.
fn kind_name(kind: &[u8]) -> String {
    if !kind.is_empty() && kind.iter().all(|b| b.is_ascii_alphanumeric() || *b == b' ') {
        format!("'{}'", String::from_utf8_lossy(kind).trim_end())
    } else {
        "an unnamed".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_signatures_not_names() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0"), Some(Format::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1A\n"), Some(Format::Png));
        assert_eq!(sniff(b"GIF89a"), Some(Format::Gif));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::Webp));
        assert_eq!(
            sniff(b"\0\0\0\x1Cftypavif\0\0\0\0avifmif1miaf"),
            Some(Format::Avif)
        );
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
            Some(Format::Heif)
        );
        assert_eq!(
            sniff(b"\0\0\0\x18ftypmif1\0\0\0\0mif1avif"),
            Some(Format::Avif)
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            Some(Format::Svg)
        );
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn sniffing_is_stricter_than_imagesize_where_it_must_be() {
        // Signatures cut short are not images; `II*` is no TIFF header.
        assert_eq!(sniff(b"\xFF\xD8"), None);
        assert_eq!(sniff(b"II*"), None);
        assert_eq!(sniff(b"II*\0"), Some(Format::Tiff));
        assert_eq!(sniff(b"\xFF\x0A"), Some(Format::Jxl));
        // Accepted by imagesize, refused here.
        assert_eq!(sniff(b"\x89PNG\0\0\0\0\0\0\0\0"), None);
        assert_eq!(sniff(b"GIF8zz\0\0\0\0\0\0"), None);
        assert_eq!(sniff(b"BMxxxxxxxxxxxxxxxxxxxxxx"), None);
        assert_eq!(sniff(b"\0\0\x01\0\0\0\0\0\0\0\0\0"), None);
        assert_eq!(sniff(b"\0\0\0\x14ftypisom\0\0\0\0isommp42"), None);
        // A cursor, which imagesize does not know.
        assert_eq!(sniff(b"\0\0\x02\0\x01\0"), Some(Format::Ico));
        // An `ftyp` where a signature leaves room for it.
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0ftypavif"), Some(Format::Jpeg));
        assert_eq!(sniff(b"II*\0ftypavif"), Some(Format::Avif));
        assert_eq!(sniff(b"II*\0ftypisom"), None);
    }

    #[test]
    fn orientation_swaps_display_size() {
        let info = ImageInfo {
            size: Some((600, 450)),
            orientation: 6,
            ..ImageInfo::default()
        };
        assert_eq!(info.display_size(), Some((450, 600)));
        let info = ImageInfo {
            orientation: 3,
            ..info
        };
        assert_eq!(info.display_size(), Some((600, 450)));
    }

    #[test]
    fn not_an_image() {
        let info = probe_bytes(b"<!DOCTYPE html><html><body>Not found</body></html>");
        assert_eq!(info.format, None);
        assert!(info.broken.unwrap().contains("HTML page"));
        assert!(probe_bytes(b"").broken.unwrap().contains("empty"));
        // Never the file's own bytes, in text or in hex.
        let why = probe_bytes(b"root:x:0:0:root").broken.unwrap();
        assert!(why.contains("text file") && !why.contains("root"), "{why}");
        let why = probe_bytes(&[0xDE, 0xAD, 0xBE, 0xEF, 0x01]).broken.unwrap();
        assert!(!why.contains("DE") && !why.contains("de ad"), "{why}");
    }
}
