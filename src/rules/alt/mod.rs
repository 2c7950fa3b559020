//! Alt text of `<img>` elements.

use scraper::ElementRef;

use crate::a11y;
use crate::html::Document;

pub mod img_alt_duplicate;
pub mod img_alt_filename;
pub mod img_alt_missing;
pub mod img_alt_placeholder;
pub mod img_alt_redundant_words;
pub mod img_alt_too_long;
pub mod img_alt_whitespace;

/// Images a screen reader meets: rendered, not hidden, not presentational.
pub fn exposed_images(doc: &Document) -> impl Iterator<Item = ElementRef<'_>> {
    doc.elements_named("img")
        .filter(|img| !a11y::is_hidden(doc, *img) && !a11y::in_inert_content(doc, *img))
}

/// Exposed images with a non-empty alt, with the alt as written (decoded).
pub fn images_with_alt(doc: &Document) -> impl Iterator<Item = (ElementRef<'_>, &str)> {
    exposed_images(doc).filter_map(|img| {
        let alt = img.value().attr("alt")?;
        (!alt.trim().is_empty()).then_some((img, alt))
    })
}
