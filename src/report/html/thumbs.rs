//! Thumbnails for the HTML report: the one place presslint decodes
//! pixels, and only when `--format html` is asked. Each distinct file is
//! decoded once per run however many articles use it (the cache is shared
//! by every worker, like `assets::Cache`), downscaled to at most
//! [`MAX_SIDE`] pixels, turned upright by its EXIF orientation, flattened
//! onto white and stored as a base64 JPEG ready for a `data:` URL.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use base64::Engine as _;
use image::{DynamicImage, ImageFormat, ImageReader, Limits, Rgb, RgbImage};

use crate::assets::{Format, ImageInfo};

/// The longest side of a thumbnail, in pixels.
pub const MAX_SIDE: u32 = 320;

/// Pictures larger than this many pixels are not decoded for a preview.
const MAX_PIXELS: u64 = 80_000_000;

/// Files larger than this are not read for a preview.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// JPEG quality of the thumbnails: small files, faces still recognisable.
const QUALITY: u8 = 72;

/// A decoded, downscaled picture.
#[derive(Debug)]
pub struct Thumbnail {
    /// Unique per distinct file within a run.
    pub id: usize,
    pub width: u32,
    pub height: u32,
    /// The JPEG bytes, base64-encoded.
    pub jpeg_base64: String,
}

/// A thumbnail, or why there is none ("no decoder for AVIF images").
pub type Preview = Result<Arc<Thumbnail>, String>;

type Slot = Arc<OnceLock<Preview>>;

/// The run's thumbnails, by the file's canonical path.
#[derive(Default)]
pub struct Thumbnails {
    map: Mutex<HashMap<PathBuf, Slot>>,
    next_id: AtomicUsize,
}

impl Thumbnails {
    /// The preview of an image file (canonical path), made on first use
    /// from the file and what probing it found.
    pub fn of(&self, path: &Path, info: &ImageInfo) -> Preview {
        let slot = {
            let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
            map.entry(path.to_path_buf()).or_default().clone()
        };
        slot.get_or_init(|| {
            let id = self.next_id.fetch_add(1, Ordering::Relaxed);
            make(path, info).map(|(width, height, jpeg_base64)| {
                Arc::new(Thumbnail {
                    id,
                    width,
                    height,
                    jpeg_base64,
                })
            })
        })
        .clone()
    }
}

/// The decoder for a format, if the report has one.
fn decoder(format: Format) -> Option<ImageFormat> {
    Some(match format {
        Format::Jpeg => ImageFormat::Jpeg,
        Format::Png => ImageFormat::Png,
        Format::Gif => ImageFormat::Gif,
        Format::Webp => ImageFormat::WebP,
        Format::Bmp => ImageFormat::Bmp,
        _ => return None,
    })
}

fn make(path: &Path, info: &ImageInfo) -> Result<(u32, u32, String), String> {
    if let Some(why) = &info.broken {
        return Err(format!("the file is broken: {why}"));
    }
    let Some(format) = info.format else {
        return Err("the file is not an image format presslint knows".into());
    };
    if format.is_vector() {
        return Err("SVG is a vector format; the report shows no preview of it".into());
    }
    let Some(image_format) = decoder(format) else {
        return Err(format!(
            "the report has no decoder for {} images",
            format.label()
        ));
    };
    if let Some((w, h)) = info.size
        && u64::from(w) * u64::from(h) > MAX_PIXELS
    {
        return Err(format!("{w}×{h} pixels is too large to preview"));
    }
    if info.bytes > MAX_BYTES {
        return Err(format!(
            "{} MB is too large to preview",
            info.bytes / 1_000_000
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("the file cannot be read ({e})"))?;
    // A decoder bug on one odd file costs its preview, not the report.
    let decoded = std::panic::catch_unwind(|| decode(&bytes, image_format, info.orientation))
        .map_err(|_| "the decoder failed on this file".to_string())?;
    encode(&decoded?)
}

/// Decode bytes of a known format, upright, at most [`MAX_SIDE`] a side.
pub fn decode(bytes: &[u8], format: ImageFormat, orientation: u16) -> Result<RgbImage, String> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut picture = reader
        .decode()
        .map_err(|e| format!("the file cannot be decoded ({e})"))?;
    if let Some(turn) = u8::try_from(orientation)
        .ok()
        .and_then(image::metadata::Orientation::from_exif)
    {
        picture.apply_orientation(turn);
    }
    if picture.width() > MAX_SIDE || picture.height() > MAX_SIDE {
        picture = picture.thumbnail(MAX_SIDE, MAX_SIDE);
    }
    Ok(on_white(&picture))
}

/// The picture with any transparency flattened onto white (JPEG has no
/// alpha, and a transparent logo would otherwise turn black).
fn on_white(picture: &DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.to_rgb8();
    }
    let rgba = picture.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        Rgb([blend(r), blend(g), blend(b)])
    })
}

fn encode(picture: &RgbImage) -> Result<(u32, u32, String), String> {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode_image(picture)
        .map_err(|e| format!("the preview cannot be encoded ({e})"))?;
    Ok((
        picture.width(),
        picture.height(),
        base64::engine::general_purpose::STANDARD.encode(jpeg),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32, alpha: u8) -> Vec<u8> {
        let picture = image::RgbaImage::from_pixel(width, height, image::Rgba([0, 0, 0, alpha]));
        let mut bytes = Vec::new();
        picture
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn large_pictures_fit_in_the_box_and_keep_their_shape() {
        let picture = decode(&png(1600, 900, 255), ImageFormat::Png, 1).unwrap();
        assert_eq!((picture.width(), picture.height()), (320, 180));
    }

    #[test]
    fn small_pictures_are_not_enlarged() {
        let picture = decode(&png(40, 30, 255), ImageFormat::Png, 1).unwrap();
        assert_eq!((picture.width(), picture.height()), (40, 30));
    }

    #[test]
    fn a_quarter_turn_swaps_the_sides() {
        let picture = decode(&png(400, 200, 255), ImageFormat::Png, 6).unwrap();
        assert_eq!((picture.width(), picture.height()), (160, 320));
    }

    #[test]
    fn transparency_becomes_white() {
        let picture = decode(&png(4, 4, 0), ImageFormat::Png, 1).unwrap();
        assert_eq!(picture.get_pixel(0, 0).0, [255, 255, 255]);
    }

    #[test]
    fn garbage_says_it_cannot_be_decoded() {
        let err = decode(b"\xff\xd8\xff\xe0 not really", ImageFormat::Jpeg, 1).unwrap_err();
        assert!(err.starts_with("the file cannot be decoded"), "{err}");
    }
}
