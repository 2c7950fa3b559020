//! Accessible names of embedded content, controls and links.

use scraper::ElementRef;

use crate::a11y;
use crate::html::Document;

pub mod area_alt_missing;
pub mod iframe_title_missing;
pub mod input_image_alt_missing;
pub mod link_name_missing;
pub mod object_name_missing;
pub mod role_img_name_missing;
pub mod svg_img_name_missing;

/// Elements with this local name that are rendered and exposed.
pub fn exposed<'a>(doc: &'a Document, name: &'a str) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    doc.elements_named(name)
        .filter(|el| !a11y::is_hidden(doc, *el) && !a11y::in_inert_content(doc, *el))
}

/// No name from aria-labelledby, aria-label or title.
pub fn unnamed(doc: &Document, el: ElementRef<'_>) -> bool {
    a11y::aria_name(doc, el).is_none() && a11y::title_attr(el).is_none()
}
