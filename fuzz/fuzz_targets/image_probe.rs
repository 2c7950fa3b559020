//! Image bytes: the in-memory probe (as for a `data:` URI), which sniffs
//! the format and walks its structure and metadata, and each metadata
//! reader and container parser on the raw bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslint::assets::{heif, metadata, probe, svg};

fuzz_target!(|data: &[u8]| {
    let _ = probe::probe_bytes(data);
    let mut meta = metadata::Metadata::default();
    let _ = metadata::read_exif(data, &mut meta);
    metadata::read_xmp(data, &mut meta);
    metadata::read_photoshop(data, &mut meta);
    metadata::read_iim(data, &mut meta);
    metadata::read_png_text(data, false, &mut meta);
    metadata::read_png_text(data, true, &mut meta);
    metadata::read_png_itxt(data, &mut meta);
    let _ = meta.date();
    let _ = heif::items(data);
    let _ = svg::size(data);
});
