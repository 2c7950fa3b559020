//! Bytes into text, much as a browser picks the encoding: a byte-order
//! mark; then UTF-8 if the bytes are valid UTF-8; then a `<meta charset>`
//! (or `http-equiv` Content-Type) in the first 1024 bytes; else UTF-8 with
//! invalid sequences replaced by U+FFFD.
//!
//! Valid UTF-8 wins over the declaration because saved and re-exported
//! pages keep their old `<meta charset="Shift_JIS">` after being converted
//! to UTF-8 (eight pages of the corpus do), while text really in a legacy
//! encoding is practically never valid UTF-8 once it has a non-ASCII byte. The
//! decoded text is what the parser and the rules see; an [`OffsetMap`]
//! takes its offsets back to the file's bytes for the reports.

use encoding_rs::{DecoderResult, Encoding, UTF_8, WINDOWS_1252};

/// Decoded text and how to find its offsets in the file.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub offsets: OffsetMap,
}

/// Maps offsets of the decoded text to offsets of the file's bytes.
///
/// Holds a point at each character where the difference between the two
/// changes; between points the text and the file advance together. Valid
/// UTF-8 without a byte-order mark needs no point at all.
#[derive(Default, Debug, Clone)]
pub struct OffsetMap {
    /// (decoded offset, file offset), increasing in both.
    points: Vec<(usize, usize)>,
    file_len: usize,
}

impl OffsetMap {
    /// The file offset of a decoded offset that starts a character (or
    /// ends the text).
    pub fn to_file(&self, decoded: usize) -> usize {
        let i = self.points.partition_point(|&(d, _)| d <= decoded);
        let mapped = match i.checked_sub(1) {
            None => decoded,
            Some(i) => {
                let (d, f) = self.points[i];
                f + (decoded - d)
            }
        };
        if self.points.is_empty() {
            mapped
        } else {
            mapped.min(self.file_len)
        }
    }

    /// Whether decoded offsets are file offsets.
    pub fn is_identity(&self) -> bool {
        self.points.is_empty()
    }

    fn record(&mut self, decoded: usize, file: usize) {
        let delta = |(d, f): (usize, usize)| f as isize - d as isize;
        let last = self.points.last().copied().map_or(0, delta);
        if delta((decoded, file)) != last {
            self.points.push((decoded, file));
        }
    }
}

/// Decode an HTML file's bytes.
pub fn decode_html(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_with(bytes, encoding, bom);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return decode_with(bytes, UTF_8, 0);
    }
    let encoding = meta_charset(bytes).unwrap_or(UTF_8);
    decode_with(bytes, encoding, 0)
}

/// Decode bytes that have no in-band declaration other than a byte-order
/// mark (Markdown, standard input treated as text).
pub fn decode_text(bytes: &[u8]) -> Decoded {
    match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => decode_with(bytes, encoding, bom),
        None => decode_with(bytes, UTF_8, 0),
    }
}

fn decode_with(bytes: &[u8], encoding: &'static Encoding, bom: usize) -> Decoded {
    let mut offsets = OffsetMap {
        points: Vec::new(),
        file_len: bytes.len(),
    };
    offsets.record(0, bom);
    let body = &bytes[bom..];
    let text = if encoding == UTF_8 {
        decode_utf8(body, bom, &mut offsets)
    } else {
        decode_stepwise(body, encoding, bom, &mut offsets)
    };
    Decoded {
        text,
        encoding,
        offsets,
    }
}

/// UTF-8: valid runs map one to one; each maximal invalid sequence becomes
/// one U+FFFD (three bytes of text for however many bytes of file).
fn decode_utf8(body: &[u8], base: usize, offsets: &mut OffsetMap) -> String {
    if let Ok(text) = std::str::from_utf8(body) {
        return text.to_string();
    }
    let mut text = String::with_capacity(body.len() + body.len() / 8);
    let mut file = base;
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        file += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            file += chunk.invalid().len();
            offsets.record(text.len(), file);
        }
    }
    text
}

/// Any other encoding: fed to the decoder a byte at a time so that every
/// character's bytes in the file are known. Legacy pages are rare and
/// small; this costs tens of nanoseconds a byte.
///
/// Malformed sequences are reported by the decoder rather than replaced by
/// it, because a replacement and the character after it can come out of one
/// byte (Shift_JIS reads a lead byte's bad trail again as itself; UTF-16 a
/// code unit after a lone surrogate): the decoder says which bytes were
/// malformed, so the U+FFFD and the character after it each map to their own.
fn decode_stepwise(
    body: &[u8],
    encoding: &'static Encoding,
    base: usize,
    offsets: &mut OffsetMap,
) -> String {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len() * 2);
    // Where the bytes of the character being decoded start in the file.
    let mut char_start = base;
    let mut i = 0;
    loop {
        let end = (i + 1).min(body.len());
        let last = end == body.len();
        if let Some(need) = decoder.max_utf8_buffer_length_without_replacement(end - i) {
            text.reserve(need);
        }
        let before = text.len();
        let (result, read) =
            decoder.decode_to_string_without_replacement(&body[i..end], &mut text, last);
        // File offset of the end of what the decoder has consumed.
        let consumed = base + i + read;
        i += read;
        match result {
            DecoderResult::InputEmpty => {
                if text.len() > before {
                    offsets.record(before, char_start);
                    char_start = consumed;
                    offsets.record(text.len(), char_start);
                }
                if last {
                    break;
                }
            }
            DecoderResult::Malformed(bad, after) => {
                // The malformed bytes end `after` bytes before what was
                // consumed; anything written before the report precedes them.
                let next = consumed - usize::from(after);
                let bad_start = next - usize::from(bad);
                if text.len() > before {
                    offsets.record(before, char_start);
                }
                offsets.record(text.len(), bad_start);
                text.push(char::REPLACEMENT_CHARACTER);
                char_start = next;
                offsets.record(text.len(), char_start);
            }
            DecoderResult::OutputFull => text.reserve(16),
        }
    }
    text
}

/// The encoding a `<meta>` in the first 1024 bytes declares, as a browser's
/// prescan reads it: `<meta charset="…">` or `<meta http-equiv=…
/// content="…; charset=…">`. UTF-16 labels mean UTF-8 here (the bytes
/// would not have been readable as ASCII otherwise), as the HTML standard
/// says; `x-user-defined` means windows-1252.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at + 5;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(encoding) = charset_in(tag).and_then(Encoding::for_label) {
            return Some(match encoding.name() {
                "UTF-16LE" | "UTF-16BE" => UTF_8,
                "x-user-defined" => WINDOWS_1252,
                _ => encoding,
            });
        }
        from = tag_end;
    }
    None
}

/// The label after `charset` `=` in a tag's bytes, unquoted.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(at) = find(&tag[from..], b"charset") {
        let mut i = from + at + 7;
        from = i;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let end = tag[i..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/'))
            .map_or(tag.len(), |e| i + e);
        if end > i {
            return Some(&tag[i..end]);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_offset_of(decoded: &Decoded, needle: &str) -> usize {
        decoded.offsets.to_file(decoded.text.find(needle).unwrap())
    }

    #[test]
    fn utf8_is_identity() {
        let d = decode_html("<p>Élysée café</p>".as_bytes());
        assert!(d.offsets.is_identity());
        assert_eq!(d.text, "<p>Élysée café</p>");
    }

    #[test]
    fn invalid_utf8_maps_back_to_file_bytes() {
        let bytes = b"<p>caf\xe9\xe9 <img src=a.jpg></p>";
        let d = decode_html(bytes);
        assert_eq!(d.text, "<p>caf\u{fffd}\u{fffd} <img src=a.jpg></p>");
        assert_eq!(file_offset_of(&d, "<img"), 9);
        assert_eq!(d.offsets.to_file(d.text.len()), bytes.len());
    }

    #[test]
    fn latin1_declared_in_meta() {
        let bytes = b"<meta charset=\"iso-8859-1\"><p>caf\xe9 <img src=a.jpg>";
        let d = decode_html(bytes);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.contains("café <img"));
        assert_eq!(file_offset_of(&d, "<img"), bytes.len() - 15);
    }

    #[test]
    fn http_equiv_content_type() {
        let bytes = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\"><p>\x93quoted\x94</p>";
        let d = decode_html(bytes);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.contains("\u{201c}quoted\u{201d}"));
        assert_eq!(file_offset_of(&d, "</p>"), bytes.len() - 4);
    }

    #[test]
    fn utf16_with_bom() {
        let text = "<p>Kyiv — \u{1F600} <img src=a.jpg></p>";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let d = decode_html(&bytes);
        assert_eq!(d.text, text);
        let units_before = text[..text.find("<img").unwrap()].encode_utf16().count();
        assert_eq!(file_offset_of(&d, "<img"), 2 + 2 * units_before);
        assert_eq!(d.offsets.to_file(d.text.len()), bytes.len());
    }

    #[test]
    fn a_replacement_and_the_character_read_again_map_apart() {
        // Shift_JIS: a lead byte whose trail is `<` is malformed, and the
        // `<` is read again as itself, out of the same byte.
        let bytes = b"<meta charset=shift_jis><p>\x82<img src=a.jpg>";
        let d = decode_html(bytes);
        assert!(d.text.contains("<p>\u{fffd}<img"));
        assert_eq!(file_offset_of(&d, "\u{fffd}"), bytes.len() - 16);
        assert_eq!(file_offset_of(&d, "<img"), bytes.len() - 15);
        assert_eq!(d.offsets.to_file(d.text.len()), bytes.len());
    }

    #[test]
    fn utf16_lone_surrogate_then_text() {
        let mut bytes = vec![0xFF, 0xFE, b'x', 0, 0x00, 0xD8];
        for unit in "<img>".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let d = decode_html(&bytes);
        assert_eq!(d.text, "x\u{fffd}<img>");
        assert_eq!(file_offset_of(&d, "\u{fffd}"), 4);
        assert_eq!(file_offset_of(&d, "<img"), 6);
        assert_eq!(d.offsets.to_file(d.text.len()), bytes.len());
    }

    #[test]
    fn utf16_odd_trailing_byte_is_one_replacement() {
        let d = decode_html(&[0xFF, 0xFE, b'x', 0, b'y']);
        assert_eq!(d.text, "x\u{fffd}");
        assert_eq!(file_offset_of(&d, "\u{fffd}"), 4);
        assert_eq!(d.offsets.to_file(d.text.len()), 5);
    }

    #[test]
    fn every_character_maps_forward_within_the_file() {
        // Pseudo-random bytes, biased towards markup and lead bytes, in
        // encodings with multi-byte and stateful decoders.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for label in [
            "shift_jis",
            "gb18030",
            "big5",
            "euc-kr",
            "iso-2022-jp",
            "utf-16le",
        ] {
            let encoding = Encoding::for_label(label.as_bytes()).unwrap();
            for _ in 0..200 {
                let len = (next() % 64) as usize;
                let bytes: Vec<u8> = (0..len)
                    .map(|_| match next() % 4 {
                        0 => b'<',
                        1 => 0x1B,
                        _ => next() as u8,
                    })
                    .collect();
                let d = decode_with(&bytes, encoding, 0);
                let mut previous = 0;
                for (at, _) in d.text.char_indices() {
                    let file = d.offsets.to_file(at);
                    assert!(
                        file >= previous && file < bytes.len().max(1),
                        "{label} {bytes:?}"
                    );
                    previous = file;
                }
                assert_eq!(
                    d.offsets.to_file(d.text.len()),
                    bytes.len(),
                    "{label} {bytes:?}"
                );
            }
        }
    }

    #[test]
    fn utf8_bom_is_not_text() {
        let d = decode_html(b"\xEF\xBB\xBF<p>x</p>");
        assert_eq!(d.text, "<p>x</p>");
        assert_eq!(d.offsets.to_file(0), 3);
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_declaration() {
        let d = decode_html("<meta charset=\"Shift_JIS\"><p>脆弱性対策</p>".as_bytes());
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("脆弱性対策"));
    }

    #[test]
    fn utf16_meta_means_utf8() {
        let d = decode_html(b"<meta charset=utf-16><p>x</p>");
        assert_eq!(d.encoding, UTF_8);
    }
}
