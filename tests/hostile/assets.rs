//! Hostile inputs: the image and caption files an article points at, and
//! `data:` URIs. Each is referenced from `pic.html` and linted beside the
//! clean `story.html`; the run must end with exit code 0 or 1 (linted),
//! report both files, and finish within the bound.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use base64::Engine as _;

use crate::support::*;

/// An article showing `src` (with alt text and a size, so only the file
/// itself can draw a finding).
fn article(src: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Harbour</title></head>\n<body>\n<h1>Harbour reopens</h1>\n<img alt=\"The harbour at dawn\" src=\"{src}\" width=\"600\" height=\"400\">\n</body>\n</html>\n"
    )
}

/// Lint `pic.html` (showing `src`) and `story.html` in `dir`, with a time
/// bound; check that both are reported and nothing crashed. Returns the
/// messages about `pic.html`.
fn lint(dir: &Path, src: &str, limit: Duration) -> Vec<String> {
    lint_page(dir, &article(src), limit)
}

/// Lint `page` as `pic.html` beside `story.html`, as [`lint`] does.
fn lint_page(dir: &Path, page: &str, limit: Duration) -> Vec<String> {
    write(dir, "pic.html", page);
    write(dir, "story.html", CLEAN);
    let output = run_in(
        dir,
        &["check", "--format", "json", "pic.html", "story.html"],
        limit,
    );
    messages(&output)
}

fn messages(output: &Output) -> Vec<String> {
    assert_no_crash(output);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        output.status.code(),
        stderr(output)
    );
    let report = json(output);
    assert_eq!(reported_paths(&report), ["pic.html", "story.html"]);
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

/// Lint an image file written as `name`.
fn lint_file(name: &str, bytes: &[u8], limit: Duration) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), name, bytes);
    lint(dir.path(), name, limit)
}

/// Lint the same bytes as a base64 `data:` URI.
fn lint_data(media_type: &str, bytes: &[u8], limit: Duration) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    lint(
        dir.path(),
        &format!("data:{media_type};base64,{b64}"),
        limit,
    )
}

/// Like `lint_file`, with the process's address space capped at `mb`
/// megabytes, so an allocation the input asks for fails the test instead
/// of succeeding on a large machine.
fn lint_file_in_memory(name: &str, bytes: &[u8], mb: u64, limit: Duration) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), name, bytes);
    write(dir.path(), "pic.html", article(name));
    write(dir.path(), "story.html", CLEAN);
    let bin = assert_cmd::cargo::cargo_bin("presslint");
    let started = std::time::Instant::now();
    let output = assert_cmd::Command::new("sh")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args([
            "-c",
            &format!("ulimit -v {} && exec \"$0\" \"$@\"", mb * 1024),
        ])
        .arg(bin)
        .args(["check", "--format", "json", "pic.html", "story.html"])
        .timeout(limit)
        .output()
        .unwrap();
    assert!(started.elapsed() < limit, "took {:?}", started.elapsed());
    messages(&output)
}

fn be32(n: u32) -> [u8; 4] {
    n.to_be_bytes()
}

/// An ISO-BMFF box.
fn bmff(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = be32(8 + body.len() as u32).to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(body);
    out
}

/// A full box (version and flags first).
fn full(kind: &[u8; 4], version: u8, body: &[u8]) -> Vec<u8> {
    let mut b = vec![version, 0, 0, 0];
    b.extend_from_slice(body);
    bmff(kind, &b)
}

fn ftyp() -> Vec<u8> {
    bmff(b"ftyp", b"avif\0\0\0\0avifmif1miaf")
}

/// A PNG chunk (the CRC is not checked by the probe).
fn png_chunk(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = be32(body.len() as u32).to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(body);
    out.extend_from_slice(&[0; 4]);
    out
}

fn png_with(chunks: &[Vec<u8>]) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1A\n".to_vec();
    png.extend(png_chunk(
        b"IHDR",
        b"\0\0\x02\x58\0\0\x01\x90\x08\x02\0\0\0",
    ));
    for chunk in chunks {
        png.extend_from_slice(chunk);
    }
    png.extend(png_chunk(b"IDAT", b"\x78\x9c\x03\0\0\0\0\x01"));
    png.extend(png_chunk(b"IEND", b""));
    png
}

/// A little-endian TIFF block whose `entries` entries each claim `claim`
/// bytes of UNDEFINED data starting at offset 0: every claim is inside
/// the block, and they all overlap.
fn exif_claims(entries: u16, claim: u32) -> Vec<u8> {
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend_from_slice(&entries.to_le_bytes());
    for i in 0..entries {
        tiff.extend_from_slice(&(0x9000u16.wrapping_add(i)).to_le_bytes());
        tiff.extend_from_slice(&7u16.to_le_bytes());
        tiff.extend_from_slice(&claim.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
    }
    tiff.extend_from_slice(&[0; 4]);
    let len = (claim as usize).max(tiff.len());
    tiff.resize(len, 0);
    tiff
}

/// A baseline JPEG of 600×400 with `app1` as its APP1 segment body.
fn jpeg_with_app1(app1: &[u8]) -> Vec<u8> {
    let mut jpg = b"\xFF\xD8\xFF\xE1".to_vec();
    jpg.extend_from_slice(&(app1.len() as u16 + 2).to_be_bytes());
    jpg.extend_from_slice(app1);
    jpg.extend_from_slice(b"\xFF\xC0\0\x0B\x08\x01\x90\x02\x58\x01\x01\x11\0");
    jpg.extend_from_slice(b"\xFF\xDA\0\x08\x01\x01\0\0\x3F\0");
    jpg.extend_from_slice(&[0; 16]);
    jpg.extend_from_slice(b"\xFF\xD9");
    jpg
}

/// Fewer than 16 bytes after an `ftyp` signature once panicked while the
/// brands were sliced; the head of a file can be that short, on disk or
/// in a `data:` URI.
#[test]
fn a_head_shorter_than_its_ftyp_box_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    lint(dir.path(), "data:,%00%00%00%0Cftyp", secs(20));
    lint(dir.path(), "data:,%00%00%00%0Cftypavif", secs(20));
    lint_file("short.avif", b"\0\0\0\x0Cftypav", secs(20));
    lint_file("short.heic", b"\0\0\0\x18ftypheic\0\0\0", secs(20));
    // A box claiming 4 GB of brands, in a 20-byte file.
    let found = lint_file(
        "brands.avif",
        b"\xFF\xFF\xFF\xFFftypavif\0\0\0\0mif1",
        secs(20),
    );
    assert!(found.iter().any(|m| m.contains("brands.avif")), "{found:?}");
}

/// A 64-bit box size near 2^64 once made `pos + size` wrap around, and the
/// AVIF and JPEG 2000 walkers went round the file for ever; sizes of 0
/// (to the end) and below the header's own length end or stop the walk.
#[test]
fn box_sizes_that_wrap_or_undercut_the_header_end_the_walk() {
    let mut wrap = ftyp();
    let at = wrap.len() as u64;
    wrap.extend_from_slice(&be32(1));
    wrap.extend_from_slice(b"free");
    wrap.extend_from_slice(&(u64::MAX - at + 1).to_be_bytes());
    wrap.resize(60, 0);
    let found = lint_file("wrap.avif", &wrap, secs(20));
    assert!(
        found.iter().any(|m| m.contains("runs past the end")),
        "{found:?}"
    );
    lint_data("image/avif", &wrap, secs(20));

    let mut jp2 = b"\0\0\0\x0CjP  \r\n\x87\n".to_vec();
    jp2.extend_from_slice(&be32(1));
    jp2.extend_from_slice(b"jp2c");
    jp2.extend_from_slice(&(u64::MAX - 11).to_be_bytes());
    jp2.resize(60, 0);
    lint_file("wrap.jp2", &jp2, secs(20));
    lint_data("image/jp2", &jp2, secs(20));

    for (size, large) in [(0u32, None), (4, None), (1, Some(8u64)), (1, Some(0))] {
        let mut file = ftyp();
        file.extend_from_slice(&be32(size));
        file.extend_from_slice(b"meta");
        if let Some(large) = large {
            file.extend_from_slice(&large.to_be_bytes());
        }
        file.resize(80, 0);
        lint_file("sizes.avif", &file, secs(20));
        let mut jp2 = b"\0\0\0\x0CjP  \r\n\x87\n".to_vec();
        jp2.extend_from_slice(&file[ftyp().len()..]);
        lint_file("sizes.jp2", &jp2, secs(20));
    }

    // A `meta` box no larger than its header.
    let mut empty_meta = ftyp();
    empty_meta.extend(bmff(b"meta", b""));
    lint_file("meta.avif", &empty_meta, secs(20));
}

/// An AVIF whose only item has 65,535 extents over the same coded data
/// once took 13 s for a third of a megabyte: each extent was walked unit
/// by unit. The same range is now walked once, within a budget.
#[test]
fn many_extents_over_the_same_data_are_walked_once() {
    // 128 KB of AV1 OBUs of two bytes each (temporal delimiters, with a
    // size field of 0).
    let data = [0x12u8, 0].repeat(64 * 1024);
    let mut iinf_body = vec![0, 0, 0, 0];
    iinf_body.extend_from_slice(&1u16.to_be_bytes());
    iinf_body.extend(full(b"infe", 2, b"\0\x01\0\0av01Image\0"));
    let iinf = bmff(b"iinf", &iinf_body);
    let ispe = full(b"ispe", 0, &[0, 0, 2, 0x58, 0, 0, 1, 0x90]);
    let ipco = bmff(b"ipco", &ispe);
    let ipma = full(b"ipma", 0, b"\0\0\0\x01\0\x01\x01\x81");
    let mut iprp_body = ipco;
    iprp_body.extend(ipma);
    let iprp = bmff(b"iprp", &iprp_body);
    let extents = 65_535u16;
    // Offset and length fields of 4 bytes, no base offset; every extent
    // covers all of the data at `at`.
    let file_with_data_at = |at: u32| {
        let mut iloc_body = vec![0x44, 0x00];
        iloc_body.extend_from_slice(&1u16.to_be_bytes());
        iloc_body.extend_from_slice(&1u16.to_be_bytes());
        iloc_body.extend_from_slice(&0u16.to_be_bytes());
        iloc_body.extend_from_slice(&extents.to_be_bytes());
        for _ in 0..extents {
            iloc_body.extend_from_slice(&be32(at));
            iloc_body.extend_from_slice(&be32(data.len() as u32));
        }
        let mut meta_body = iinf.clone();
        meta_body.extend_from_slice(&iprp);
        meta_body.extend(full(b"iloc", 0, &iloc_body));
        let mut file = ftyp();
        file.extend(full(b"meta", 0, &meta_body));
        file.extend(bmff(b"mdat", &data));
        file
    };
    let at = file_with_data_at(0).len() - data.len();
    let file = file_with_data_at(at as u32);
    lint_file("extents.avif", &file, secs(30));
    lint_data("image/avif", &file, secs(30));
}

/// EXIF entries whose claims overlap: a 65 KB JPEG once had 344 MB
/// allocated, a 4 MB PNG `eXIf` chunk and a 16 MB TIFF far more. Only the
/// tags presslint uses are read now, each once, so the run fits in a
/// small address space.
#[test]
fn exif_entries_cannot_multiply_their_block() {
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(exif_claims(5000, 60_000));
    app1.truncate(65_000);
    lint_file_in_memory("claims.jpg", &jpeg_with_app1(&app1), 1024, secs(30));

    let png = png_with(&[png_chunk(b"eXIf", &exif_claims(4000, 4_000_000))]);
    lint_file_in_memory("claims.png", &png, 1024, secs(30));

    let mut tiff = exif_claims(8000, 16_000_000);
    // A size for the picture, so that only the claims are hostile.
    tiff.truncate(16_000_000);
    lint_file_in_memory("claims.tif", &tiff, 1024, secs(60));
}

/// Compressed PNG text inflates to at most 4 MB a chunk and 32 MB a file,
/// however many chunks there are.
#[test]
fn compressed_png_text_is_bounded() {
    // 4 KB of zlib data inflating to 16 MB of spaces.
    let mut bomb = b"XML:com.adobe.xmp\0\0".to_vec();
    bomb.extend(deflated_spaces(16 * 1024 * 1024));
    let chunks: Vec<Vec<u8>> = (0..40).map(|_| png_chunk(b"zTXt", &bomb)).collect();
    lint_file_in_memory("text.png", &png_with(&chunks), 1024, secs(60));
}

/// zlib data inflating to `n` spaces: a fixed-Huffman block of one
/// literal and then matches of 258 bytes at distance 1.
fn deflated_spaces(n: usize) -> Vec<u8> {
    // Bits are written least significant first.
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.len;
            self.len += bits;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        /// A fixed-Huffman code, most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let mut reversed = 0;
            for i in 0..bits {
                reversed |= ((code >> i) & 1) << (bits - 1 - i);
            }
            self.put(reversed, bits);
        }
    }
    let mut b = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        len: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman
    // Literal ' ' (0x20): codes 0-143 are 8 bits from 0x30.
    b.code(0x30 + 0x20, 8);
    let mut left = n - 1;
    while left >= 258 {
        // Length 258: code 285 (8 bits, 0xC0 + 5), no extra bits; distance 1: code 0.
        b.code(0xC0 + (285 - 280), 8);
        b.code(0, 5);
        left -= 258;
    }
    for _ in 0..left {
        b.code(0x30 + 0x20, 8);
    }
    b.code(0, 7); // end of block (256)
    b.put(0, 7);
    b.out
}

/// A message about a file that is no image never quotes the file: it could
/// be anything readable under the tree.
#[test]
fn a_file_that_is_no_image_is_described_not_quoted() {
    let secret = b"root:x:0:0:root:/root:/bin/bash\nsvc:$6$s3cr3tHASH$abc:19000:0:99999:7:::\n";
    let found = lint_file("avatar.png", secret, secs(20));
    assert!(
        found.iter().any(|m| m.contains("is not an image")),
        "{found:?}"
    );
    let hex = "72 6F 6F 74";
    for m in &found {
        assert!(
            !m.contains("root") && !m.contains("s3cr3t") && !m.contains(hex),
            "{m}"
        );
    }
    let binary: Vec<u8> = (0u8..=255).rev().collect();
    for m in lint_file("key.jpg", &binary, secs(20)) {
        assert!(!m.contains("FF FE") && !m.contains("FFFE"), "{m}");
    }
    // Chunk names that are not names are not printed either.
    let mut png = b"\x89PNG\r\n\x1A\n".to_vec();
    png.extend(png_chunk(
        b"IHDR",
        b"\0\0\x02\x58\0\0\x01\x90\x08\x02\0\0\0",
    ));
    png.extend_from_slice(b"\0\x10\0\0\x1B[2J");
    for m in lint_file("escape.png", &png, secs(20)) {
        assert!(!m.contains('\x1B'), "{m:?}");
    }
}

/// A bitmap whose width, depth and height multiply past 64 bits.
#[test]
fn bitmap_dimensions_do_not_overflow() {
    let mut bmp = b"BM".to_vec();
    bmp.extend_from_slice(&100u32.to_le_bytes());
    bmp.extend_from_slice(&[0; 4]);
    bmp.extend_from_slice(&54u32.to_le_bytes());
    bmp.extend_from_slice(&40u32.to_le_bytes());
    bmp.extend_from_slice(&u32::MAX.to_le_bytes());
    bmp.extend_from_slice(&i32::MIN.to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&u16::MAX.to_le_bytes());
    bmp.extend_from_slice(&0u32.to_le_bytes());
    bmp.resize(100, 0);
    lint_file("huge.bmp", &bmp, secs(20));
}

/// Lint `pic.html` with `body` in place of the image.
fn lint_body(dir: &Path, body: &str, limit: Duration) -> Vec<String> {
    let page = article("x.png").replace(
        "<img alt=\"The harbour at dawn\" src=\"x.png\" width=\"600\" height=\"400\">",
        body,
    );
    lint_page(dir, &page, limit)
}

/// A cue timing with a 17-digit hour overflowed the millisecond count,
/// and a timing line's text was quoted whole, control characters and all.
#[test]
fn caption_timings_cannot_overflow_or_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let track = "<video controls src=\"v.mp4\"><track kind=\"captions\" srclang=\"en\" src=\"c.vtt\"></video>";
    write(
        dir.path(),
        "c.vtt",
        "WEBVTT\n\n99999999999999999:00:00.000 --> 99999999999999999:00:01.000\nA\n",
    );
    let found = lint_body(dir.path(), track, secs(20));
    assert!(found.iter().any(|m| m.contains("c.vtt")), "{found:?}");
    let long = format!("\x1B[2J{}", "9".repeat(100_000));
    write(
        dir.path(),
        "c.vtt",
        format!("WEBVTT\n\n00:00.000 --> {long}\nA\n"),
    );
    let found = lint_body(dir.path(), track, secs(20));
    assert!(found.iter().any(|m| m.contains("c.vtt")), "{found:?}");
    for m in &found {
        assert!(!m.contains('\x1B') && m.len() < 1000, "{m:?}");
    }
}

/// A reference whose fifth byte falls inside a character was sliced there
/// while looking for `data:`.
#[test]
fn a_url_cut_inside_a_character_is_resolved() {
    let dir = tempfile::tempdir().unwrap();
    lint(dir.path(), "abcd\u{20AC}", secs(20));
    lint(dir.path(), "dat\u{E9}:x", secs(20));
    lint(dir.path(), "data:", secs(20));
}

/// A generated `srcset` with 100,000 candidates: each was resolved, probed
/// and checked by several rules; only the first 256 are now.
#[test]
fn a_srcset_with_a_hundred_thousand_candidates_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let srcset: Vec<String> = (0..100_000)
        .map(|i| format!("i{i}.png {}w", i + 1))
        .collect();
    let body = format!(
        "<img alt=\"The harbour\" src=\"a.png\" width=\"600\" height=\"400\" srcset=\"{}\">",
        srcset.join(",\n")
    );
    let found = lint_body(dir.path(), &body, secs(60));
    // One finding for the image's missing candidates, counting the others.
    let candidates: usize = found
        .iter()
        .filter(|m| m.starts_with("srcset candidate"))
        .map(|m| {
            1 + m
                .rsplit_once(" other candidate")
                .and_then(|(before, _)| before.rsplit(' ').next())
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0)
        })
        .sum();
    assert_eq!(candidates, 256, "{found:?}");
    // Unbalanced parentheses in a descriptor run to the end of the value.
    let body = format!(
        "<img alt=\"The harbour\" src=\"a.png\" width=\"600\" height=\"400\" srcset=\"a.png {}\">",
        "(".repeat(1_000_000)
    );
    lint_body(dir.path(), &body, secs(60));
}

/// SVG: a root element with 600,000 attributes was scanned once per
/// attribute looked up; an XML error quoting a name with control
/// characters printed them.
#[test]
fn svg_roots_with_many_attributes_and_odd_names() {
    let attrs: Vec<String> = (0..600_000).map(|i| format!("a{i}=\"1\"")).collect();
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" {} width=\"600\" height=\"400\"/>",
        attrs.join(" ")
    );
    lint_file("many.svg", svg.as_bytes(), secs(30));
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"400\"><g>\x1B[2J</g\x1B[2J></svg>";
    let found = lint_file("escape.svg", svg.as_bytes(), secs(20));
    assert!(found.iter().any(|m| m.contains("escape.svg")), "{found:?}");
    for m in &found {
        assert!(!m.contains('\x1B'), "{m:?}");
    }
    let deep = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"400\">{}",
        "<g>".repeat(1_000_000)
    );
    lint_file("deep.svg", deep.as_bytes(), secs(30));
}

/// A `data:` URI of megabytes of percent escapes is decoded in one pass.
#[test]
fn a_data_uri_of_megabytes_is_decoded_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let svg = format!(
        "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%22600%22 height=%22400%22%3E{}%3C/svg%3E",
        "%3Cg/%3E".repeat(300_000)
    );
    lint(dir.path(), &svg, secs(60));
    let b64 = format!("data:image/png;base64,{}", "A".repeat(4_000_000));
    lint(dir.path(), &b64, secs(60));
}

/// Found while writing the baseline fuzz target: two entries for the same
/// finding whose counts add up past `usize::MAX` overflowed.
#[test]
fn baseline_counts_that_add_past_the_maximum_saturate() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let entry = r#"{"path":"story.html","rule":"img-alt-missing","hash":"0000000000000000","count":18446744073709551615}"#;
    write(
        dir.path(),
        "baseline.json",
        format!(r#"{{"version":1,"entries":[{entry},{entry}]}}"#),
    );
    let output = run_in(
        dir.path(),
        &["check", "--baseline", "baseline.json", "story.html"],
        secs(20),
    );
    assert_no_crash(&output);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
}
