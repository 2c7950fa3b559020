//! Image files checked against the markup that shows them. The files are
//! resolved and probed before the rules run (see `crate::assets`); these
//! rules only compare what was found with what the markup says.

include!(concat!(env!("OUT_DIR"), "/rules/image.rs"));

use crate::article::{Image, Reference, Slot};
use crate::assets::ImageInfo;
use crate::rules::Context;
pub use crate::rules::files::{found_image as found, human_bytes, shown, unreachable_message};

/// The references the pictures readers see come from (see
/// `Reference::shown`), in document order.
pub fn references<'a>(ctx: &Context<'a>) -> impl Iterator<Item = &'a Reference<'a>> {
    ctx.article.references.iter().filter(|r| r.shown)
}

/// The image's own `src` and `srcset` candidates, or the lazy-loading
/// address its placeholder stands for.
pub fn own_files<'a>(ctx: &Context<'a>, img: &Image<'a>) -> impl Iterator<Item = &'a ImageInfo> {
    let assets = ctx.assets;
    own_references(ctx, img).filter_map(move |r| found(assets, r.url))
}

/// The references of [`own_files`].
fn own_references<'a>(
    ctx: &Context<'a>,
    img: &Image<'a>,
) -> impl Iterator<Item = &'a Reference<'a>> {
    ctx.article
        .references_of(img)
        .filter(|r| r.shown && matches!(r.slot, Slot::Src | Slot::Srcset(_) | Slot::Lazy(_)))
}

/// The picture an `<img>` shows, for size checks: its `src` file when
/// readable, else its widest readable `srcset` candidate. A 1×1 file is
/// a spacer, a tracking pixel or a lazy-loading placeholder, not the
/// picture, and is left out; so is a lazy image's `data:` placeholder,
/// whatever its size (a 4×3 blur stands for the photo it waits for).
pub fn picture_of<'a>(ctx: &Context<'a>, img: &Image<'a>) -> Option<&'a ImageInfo> {
    let src = ctx
        .article
        .references_of(img)
        .find(|r| r.slot == Slot::Src && !stand_in(img, r))
        .and_then(|r| found(ctx.assets, r.url));
    if let Some(info) = src.filter(|i| is_picture(i)) {
        return Some(info);
    }
    widest(ctx, img)
}

/// A lazy image's `src` holding a `data:` placeholder until a script puts
/// the picture in.
fn stand_in(img: &Image<'_>, r: &Reference<'_>) -> bool {
    img.lazy.is_some() && r.slot == Slot::Src && r.is_data_uri()
}

/// Has a size, and more than one pixel.
fn is_picture(info: &ImageInfo) -> bool {
    info.display_size()
        .is_some_and(|(w, h)| u64::from(w) * u64::from(h) > 1)
}

/// The widest readable file among an `<img>`'s `src` and `srcset` (1×1
/// placeholders and a lazy image's `data:` stand-in left out).
pub fn widest<'a>(ctx: &Context<'a>, img: &Image<'a>) -> Option<&'a ImageInfo> {
    own_references(ctx, img)
        .filter(|r| !stand_in(img, r))
        .filter_map(|r| found(ctx.assets, r.url))
        .filter(|i| is_picture(i))
        .max_by_key(|i| i.display_size().map(|s| s.0))
}
