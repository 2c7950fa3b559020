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

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fs::File;
use std::path::Path;

use super::metadata::{self, Metadata};

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

/// Bytes read at a time past the head (chunk headers, NAL lengths).
const WINDOW: usize = 4 * 1024;

/// The most metadata (EXIF, XMP, IPTC blocks, inflated PNG text) read
/// from one file, however many blocks it has or however often its items
/// point at the same bytes.
const METADATA_BUDGET: u64 = 32 * 1024 * 1024;

/// The largest single metadata block read.
const METADATA_BLOCK: u64 = 4 * 1024 * 1024;

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

/// A file's bytes: the head in memory, the rest read on demand through a
/// small window, so walking chunk headers costs one read per window.
struct Source<'a> {
    head: Cow<'a, [u8]>,
    file: Option<File>,
    len: u64,
    window: RefCell<(u64, Vec<u8>)>,
    /// Metadata bytes that may still be read (see [`METADATA_BUDGET`]).
    budget: Cell<u64>,
}

impl<'a> Source<'a> {
    fn new(head: Cow<'a, [u8]>, file: Option<File>, len: u64) -> Source<'a> {
        Source {
            head,
            file,
            len,
            window: RefCell::new((0, Vec::new())),
            budget: Cell::new(METADATA_BUDGET),
        }
    }

    /// Take `n` bytes from the metadata budget: `false` (and nothing
    /// taken) when the block is too large or the budget is spent.
    fn spend(&self, n: u64) -> bool {
        let left = self.budget.get();
        if n > METADATA_BLOCK || n > left {
            return false;
        }
        self.budget.set(left - n);
        true
    }

    /// A metadata block of `n` bytes at `offset`, if the budget allows.
    fn metadata(&self, offset: u64, n: u64) -> Option<Cow<'_, [u8]>> {
        self.spend(n).then(|| self.at(offset, n as usize))
    }

    /// Up to `n` bytes at `offset` (fewer at the end of the file; none on error).
    fn at(&self, offset: u64, n: usize) -> Cow<'_, [u8]> {
        let end = offset.saturating_add(n as u64).min(self.len);
        if offset >= end {
            return Cow::Borrowed(&[]);
        }
        let n = (end - offset) as usize;
        if end <= self.head.len() as u64 {
            return Cow::Borrowed(&self.head[offset as usize..end as usize]);
        }
        let Some(file) = &self.file else {
            return Cow::Borrowed(&[]);
        };
        let mut window = self.window.borrow_mut();
        let (start, bytes) = &mut *window;
        if offset < *start || end > *start + bytes.len() as u64 {
            let size = n.max(WINDOW).min((self.len - offset) as usize);
            let mut buf = vec![0; size];
            if read_exact_at(file, &mut buf, offset).is_err() {
                return Cow::Borrowed(&[]);
            }
            *start = offset;
            *bytes = buf;
        }
        let from = (offset - *start) as usize;
        Cow::Owned(bytes[from..from + n].to_vec())
    }

    fn u8(&self, offset: u64) -> Option<u8> {
        self.at(offset, 1).first().copied()
    }

    fn be16(&self, offset: u64) -> Option<u16> {
        let b = self.at(offset, 2);
        (b.len() == 2).then(|| u16::from_be_bytes([b[0], b[1]]))
    }

    fn be32(&self, offset: u64) -> Option<u32> {
        let b = self.at(offset, 4);
        (b.len() == 4).then(|| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn le32(&self, offset: u64) -> Option<u32> {
        let b = self.at(offset, 4);
        (b.len() == 4).then(|| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn be64(&self, offset: u64) -> Option<u64> {
        let b = self.at(offset, 8);
        (b.len() == 8).then(|| u64::from_be_bytes(b[..8].try_into().unwrap_or_default()))
    }

    /// The whole file, if it is no larger than `limit`.
    fn all(&self, limit: u64) -> Option<Cow<'_, [u8]>> {
        (self.len <= limit).then(|| self.at(0, self.len as usize))
    }

    /// A reader over the whole file for `imagesize`.
    fn size(&self) -> Option<(u32, u32)> {
        let fit = |s: imagesize::ImageSize| {
            Some((u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?))
        };
        if let Ok(size) = imagesize::blob_size(&self.head) {
            return fit(size).filter(|(w, h)| *w > 0 && *h > 0);
        }
        if (self.head.len() as u64) < self.len
            && let Some(file) = &self.file
        {
            let mut reader = std::io::BufReader::new(file);
            if std::io::Seek::rewind(&mut reader).is_ok()
                && let Ok(size) = imagesize::reader_size(reader)
            {
                return fit(size).filter(|(w, h)| *w > 0 && *h > 0);
            }
        }
        None
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// The format the bytes say, from their signature.
pub fn sniff(head: &[u8]) -> Option<Format> {
    let starts = |sig: &[u8]| head.starts_with(sig);
    if starts(b"\xFF\xD8\xFF") {
        return Some(Format::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1A\n") {
        return Some(Format::Png);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some(Format::Gif);
    }
    if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        return Some(Format::Webp);
    }
    if head.get(4..8) == Some(b"ftyp") {
        return isobmff_brand(head);
    }
    if starts(b"\xFF\x0A") || starts(b"\0\0\0\x0CJXL \r\n\x87\n") {
        return Some(Format::Jxl);
    }
    if starts(b"\0\0\0\x0CjP  \r\n\x87\n") || starts(b"\xFF\x4F\xFF\x51") {
        return Some(Format::Jp2);
    }
    if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
        return Some(Format::Tiff);
    }
    if starts(b"BM")
        && head.len() >= 18
        && matches!(
            u32::from_le_bytes([head[14], head[15], head[16], head[17]]),
            12 | 16 | 40 | 52 | 56 | 64 | 108 | 124
        )
    {
        return Some(Format::Bmp);
    }
    if (starts(b"\0\0\x01\0") || starts(b"\0\0\x02\0"))
        && head.len() >= 6
        && u16::from_le_bytes([head[4], head[5]]) > 0
    {
        return Some(Format::Ico);
    }
    if looks_like_svg(head) {
        return Some(Format::Svg);
    }
    None
}

/// `ftyp` brands: AVIF when `avif`/`avis` is the major or a compatible
/// brand, HEIF for the HEIF brands.
fn isobmff_brand(head: &[u8]) -> Option<Format> {
    let size = u32::from_be_bytes(head.get(0..4)?.try_into().ok()?) as usize;
    // The compatible brands run from byte 16 to the end of the box, which
    // may claim more than there is (or less than its own header): only
    // the bytes present, and at most a few hundred brands.
    let end = size.min(head.len()).min(16 + 4 * 256);
    let brands: Vec<&[u8]> = std::iter::once(head.get(8..12)?)
        .chain(head.get(16..end).unwrap_or_default().chunks_exact(4))
        .collect();
    if brands.iter().any(|b| *b == b"avif" || *b == b"avis") {
        return Some(Format::Avif);
    }
    const HEIF: [&[u8]; 10] = [
        b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2", b"heif",
    ];
    brands
        .iter()
        .any(|b| HEIF.contains(b))
        .then_some(Format::Heif)
}

fn looks_like_svg(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with('<')) && text.contains("<svg")
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
        Format::Jpeg => jpeg(&src, &mut info),
        Format::Png => png(&src, &mut info),
        Format::Gif => gif(&src, &mut info),
        Format::Webp => webp(&src, &mut info),
        Format::Avif | Format::Heif => isobmff(&src, &mut info),
        Format::Bmp => bmp(&src),
        Format::Tiff => tiff(&src, &mut info),
        Format::Ico => ico(&src),
        Format::Jp2 => jp2(&src, &mut info),
        Format::Svg => svg(&src, &mut info),
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

/// Walk the markers up to the first scan, then look for the end-of-image
/// marker after it; read the EXIF, XMP and IPTC segments on the way.
fn jpeg(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let mut pos = 2u64;
    let mut frame = false;
    let mut junk = 0u64;
    // (marker, offset, length) of the segments that may hold metadata.
    let mut segments = Vec::new();
    let scan_start = loop {
        let Some(byte) = src.u8(pos) else {
            return Err(truncated("the file ends before the image data"));
        };
        if byte != 0xFF {
            // Stray bytes between segments: decoders skip them.
            junk += 1;
            if junk > 64 * 1024 {
                return Err(truncated("no JPEG markers where they should be"));
            }
            pos += 1;
            continue;
        }
        let Some(marker) = src.u8(pos + 1) else {
            return Err(truncated("the file ends before the image data"));
        };
        match marker {
            0xFF => {
                pos += 1;
                continue;
            }
            0xD9 => {
                return Err(truncated(
                    "the end-of-image marker comes before any image data",
                ));
            }
            0x01 | 0xD0..=0xD8 => {
                pos += 2;
                continue;
            }
            _ => {}
        }
        let Some(len) = src.be16(pos + 2) else {
            return Err(truncated("the file ends inside a segment header"));
        };
        let end = pos + 2 + u64::from(len);
        if len < 2 || end > src.len {
            return Err(truncated(format!(
                "the segment at byte {pos} runs past the end of the file"
            )));
        }
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            frame = true;
        }
        if marker == 0xDA {
            if !frame {
                return Err(truncated("image data without a frame header"));
            }
            break end;
        }
        if matches!(marker, 0xE1 | 0xED) {
            segments.push((marker, pos + 4, u64::from(len) - 2));
        }
        pos = end;
    };
    if !ends_with_eoi(src, scan_start) {
        return Err(truncated("no end-of-image marker after the image data"));
    }
    // The metadata segments before the scan, each read once, within the
    // file's metadata budget.
    for (marker, offset, length) in segments {
        let Some(data) = src.metadata(offset, length) else {
            break;
        };
        match marker {
            0xE1 => {
                if let Some(tiff) = data.strip_prefix(b"Exif\0\0") {
                    info.orientation = metadata::read_exif(tiff, &mut info.metadata);
                } else if let Some(xmp) = data.strip_prefix(b"http://ns.adobe.com/xap/1.0/\0") {
                    metadata::read_xmp(xmp, &mut info.metadata);
                }
            }
            _ => {
                if let Some(resources) = data.strip_prefix(b"Photoshop 3.0\0") {
                    metadata::read_photoshop(resources, &mut info.metadata);
                }
            }
        }
    }
    Ok(())
}

/// Whether an `FF D9` follows the start of the scan. Searched backwards
/// from the end, a window at a time, so data appended after the image (a
/// trailer, a motion-photo video) only costs reading it when it is large.
fn ends_with_eoi(src: &Source<'_>, scan_start: u64) -> bool {
    const WINDOW: u64 = 64 * 1024;
    let mut end = src.len;
    while end > scan_start {
        let start = end.saturating_sub(WINDOW).max(scan_start);
        // Overlap by one byte so a marker split across windows is found.
        let bytes = src.at(start, (end - start + 1).min(src.len - start) as usize);
        if bytes.windows(2).any(|w| w == [0xFF, 0xD9]) {
            return true;
        }
        end = start;
    }
    false
}

/// Walk the chunks: IHDR first, image data before the end, every chunk
/// inside the file; read eXIf, XMP and raw-profile text chunks.
fn png(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
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

/// Walk the blocks up to the end of the first frame's image data. The
/// size is the logical screen (from `imagesize`) grown to take in the first
/// frame when that frame sticks out of it, as decoders show it.
fn gif(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
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

/// RIFF: the declared size must fit the file, chunks must fit, and there
/// must be image data; EXIF and XMP chunks are read.
fn webp(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let Some(riff) = src.le32(4) else {
        return Err(truncated("the file ends inside the header"));
    };
    let end = 8 + u64::from(riff);
    if end > src.len {
        return Err(truncated(format!(
            "the header declares {end} bytes but the file has {}",
            src.len
        )));
    }
    let mut pos = 12u64;
    let mut image = false;
    while pos + 8 <= end {
        let kind = src.at(pos, 4).into_owned();
        let Some(size) = src.le32(pos + 4) else { break };
        let next = pos + 8 + u64::from(size) + u64::from(size & 1);
        if pos + 8 + u64::from(size) > end {
            return Err(truncated(format!(
                "{} chunk runs past the end of the file",
                kind_name(&kind)
            )));
        }
        match kind.as_slice() {
            b"VP8 " | b"VP8L" | b"ANMF" => image = true,
            b"EXIF" => {
                if let Some(body) = src.metadata(pos + 8, u64::from(size)) {
                    // Some writers keep the JPEG-style "Exif\0\0" prefix.
                    let tiff = body.strip_prefix(b"Exif\0\0").unwrap_or(&body);
                    info.orientation = metadata::read_exif(tiff, &mut info.metadata);
                }
            }
            b"XMP " => {
                if let Some(body) = src.metadata(pos + 8, u64::from(size)) {
                    metadata::read_xmp(&body, &mut info.metadata);
                }
            }
            _ => {}
        }
        pos = next;
    }
    if !image {
        return Err(truncated("no image data chunk"));
    }
    Ok(())
}

/// The header of the box at `pos`: its type, header length and total
/// size, checked to lie inside `pos..end`. Sizes come from the file, so
/// every sum is checked: a 64-bit size near 2^64 must not wrap around.
fn box_at(src: &Source<'_>, pos: u64, end: u64) -> Result<([u8; 4], u64, u64), String> {
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

/// The most bytes of coded data whose unit framing is checked, as a
/// multiple of the file size (items may share data; each range is walked
/// once, and the walk stops when this is spent).
const FRAMING_PASSES: u64 = 2;

/// The most coded units (NAL units, OBUs) whose headers are read in one file.
const FRAMING_UNITS: u64 = 1_000_000;

/// ISO base media (AVIF, HEIF): top-level boxes must fit the file, and so
/// must every item's data as located by `iloc`. EXIF and XMP items are read.
fn isobmff(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let mut pos = 0u64;
    let mut meta = None;
    while pos < src.len {
        let (kind, header, size) = box_at(src, pos, src.len)?;
        if kind == *b"meta" && meta.is_none() {
            // A full box: version and flags come before the children.
            meta = Some((pos + header + 4, pos + size));
        }
        // `size` is at least the header's length: the walk moves on.
        pos += size;
    }
    let Some((start, end)) = meta else {
        return Err(truncated("no 'meta' box"));
    };
    let length = end.saturating_sub(start);
    if length > 16 * 1024 * 1024 {
        return Ok(());
    }
    let meta = src.at(start, length as usize);
    let items = super::heif::items(&meta);
    for item in &items {
        for &(offset, length) in &item.extents {
            if offset.saturating_add(length) > src.len {
                return Err(truncated(format!(
                    "item {}'s data runs past the end of the file",
                    item.id
                )));
            }
        }
    }
    let mut framing = Framing {
        bytes: src.len.saturating_mul(FRAMING_PASSES),
        units: FRAMING_UNITS,
        seen: std::collections::HashSet::new(),
    };
    for item in &items {
        if item.is_coded_image() {
            if !item.properties.contains(b"ispe") {
                return Err(truncated(format!(
                    "image item {} has no size (ispe) property",
                    item.id
                )));
            }
            if !coded_data_is_framed(src, item, &mut framing) {
                return Err(truncated(format!(
                    "image item {}'s coded data is not a sequence of {} units",
                    item.id,
                    if item.kind == *b"hvc1" {
                        "HEVC NAL"
                    } else {
                        "AV1 OBU"
                    }
                )));
            }
        }
        if item.kind != *b"Exif"
            && !(item.kind == *b"mime" && item.content_type.contains("rdf+xml"))
        {
            continue;
        }
        let total = item
            .extents
            .iter()
            .fold(0u64, |sum, e| sum.saturating_add(e.1));
        if item.extents.is_empty() || !src.spend(total) {
            continue;
        }
        let data: Vec<u8> = item
            .extents
            .iter()
            .flat_map(|&(o, l)| src.at(o, l as usize).into_owned())
            .collect();
        if item.kind == *b"Exif" {
            // A 4-byte offset to the TIFF header comes first.
            if let Some(skip) = data.get(..4) {
                let skip = u32::from_be_bytes([skip[0], skip[1], skip[2], skip[3]]) as usize;
                if let Some(tiff) = data.get(4usize.saturating_add(skip)..) {
                    // HEIF orientation lives in `irot`/`imir`, already
                    // applied to the size: EXIF's is informational.
                    metadata::read_exif(tiff, &mut info.metadata);
                }
            }
        } else {
            metadata::read_xmp(&data, &mut info.metadata);
        }
    }
    Ok(())
}

/// What is left of the work allowed for checking unit framing.
struct Framing {
    bytes: u64,
    units: u64,
    /// Extents already walked (items may share their data).
    seen: std::collections::HashSet<(u64, u64)>,
}

/// Whether an item's coded data splits exactly into units: HEVC NAL units
/// behind length prefixes, or AV1 OBUs with their size fields. Only the
/// unit headers are read, never the picture data. Once the budget is
/// spent, the rest is taken as framed.
fn coded_data_is_framed(src: &Source<'_>, item: &super::heif::Item, budget: &mut Framing) -> bool {
    for &(start, length) in &item.extents {
        if !budget.seen.insert((start, length)) {
            continue;
        }
        if length > budget.bytes {
            return true;
        }
        budget.bytes -= length;
        // Inside the file: checked by the caller.
        let end = start + length;
        let mut pos = start;
        while pos < end {
            if budget.units == 0 {
                return true;
            }
            budget.units -= 1;
            if item.kind == *b"hvc1" {
                let n = u64::from(item.nal_length_size.unwrap_or(4));
                let prefix = src.at(pos, n as usize);
                if prefix.len() as u64 != n {
                    return false;
                }
                let size = prefix.iter().fold(0u64, |a, &b| a << 8 | u64::from(b));
                // The NAL header's forbidden bit must be clear.
                if size < 2 || pos + n + size > end || src.u8(pos + n).is_none_or(|h| h & 0x80 != 0)
                {
                    return false;
                }
                pos += n + size;
            } else {
                let Some(header) = src.u8(pos) else {
                    return false;
                };
                if header & 0x80 != 0 {
                    return false;
                }
                let mut at = pos + 1 + u64::from(header >> 2 & 1);
                if header & 0x02 == 0 {
                    // No size field: the OBU runs to the end.
                    break;
                }
                let mut size = 0u64;
                let mut shift = 0;
                loop {
                    let Some(byte) = src.u8(at) else {
                        return false;
                    };
                    at += 1;
                    size |= u64::from(byte & 0x7F) << shift;
                    shift += 7;
                    if byte & 0x80 == 0 || shift > 56 {
                        break;
                    }
                }
                if at.saturating_add(size) > end {
                    return false;
                }
                pos = at + size;
            }
        }
    }
    true
}

/// The pixel array must fit the file for uncompressed bitmaps.
fn bmp(src: &Source<'_>) -> Result<(), String> {
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

/// The first directory must be inside the file; EXIF fields come from it.
fn tiff(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
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

/// Directory entries must point inside the file.
fn ico(src: &Source<'_>) -> Result<(), String> {
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

/// JPEG 2000 (not covered by `imagesize`): the size from the `ihdr` box of
/// a JP2 file or the SIZ marker of a bare codestream.
fn jp2(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
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

/// SVG: well-formed XML with an `<svg>` root; the size from `width` and
/// `height` (in px or unitless) or the `viewBox`.
fn svg(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let Some(text) = src.all(8 * 1024 * 1024) else {
        return Ok(());
    };
    match super::svg::size(&text) {
        Ok(size) => {
            info.size = size;
            Ok(())
        }
        Err(why) => Err(format!("is not a valid SVG: {why}")),
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
