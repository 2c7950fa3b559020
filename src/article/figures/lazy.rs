//! The address of a picture that has no `<img>` yet: a lazy loader's
//! placeholder attribute, a `<noscript>` fallback or a CSS background.

use scraper::ElementRef;

use super::search::own_descendants;
use crate::html::{Attribute, Document};

/// Attributes in which a placeholder carries a lazy picture's address.
pub(super) const LAZY_PICTURE_ATTRIBUTES: &[&str] = &[
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-srcset",
    "data-image",
    "data-img-src",
    "data-platform-src",
    "data-hi-res-src",
    "itemid",
];

/// The address of a figure's picture when it has no `<img>` yet: an image
/// address in a placeholder's lazy-loading attribute (`<div
/// class="js-delayed-image-load" data-src="….jpg">`), or in an `<img>`
/// written in a `<noscript>` fallback. Nested figures are not looked in.
pub(super) fn lazy_picture<'a>(doc: &'a Document, figure: ElementRef<'a>) -> Option<&'a str> {
    lazy_picture_in(doc, figure).map(|(_, address)| address)
}

/// [`lazy_picture`], and the element that carries it (the placeholder, or
/// the `<noscript>`).
pub(super) fn lazy_picture_in<'a>(
    doc: &'a Document,
    figure: ElementRef<'a>,
) -> Option<(ElementRef<'a>, &'a str)> {
    // The figure's own `itemid` (schema.org's ImageObject) counts too.
    std::iter::once(figure)
        .chain(own_descendants(figure))
        .find_map(|e| {
            if e.value().name() == "noscript" {
                return noscript_picture(doc, e).map(|a| (e, a));
            }
            LAZY_PICTURE_ATTRIBUTES
                .iter()
                .filter_map(|a| e.value().attribute(a))
                .map(|v| v.trim().split([' ', ',']).next().unwrap_or(""))
                .find(|v| looks_like_picture(v))
                .map(|a| (e, a))
        })
}

/// The picture address of the `<img src>` a `<noscript>` holds (the
/// fallback a lazy loader unwraps at runtime). `<noscript>` holds text
/// while scripts run, so the address is read from its source text.
pub(super) fn noscript_picture<'a>(doc: &'a Document, noscript: ElementRef<'_>) -> Option<&'a str> {
    noscript_img_attr(doc, noscript, "src").filter(|v| looks_like_picture(v))
}

/// An attribute of the first `<img>` in a `<noscript>`'s source text, as
/// written.
pub(super) fn noscript_img_attr<'a>(
    doc: &'a Document,
    noscript: ElementRef<'_>,
    name: &str,
) -> Option<&'a str> {
    let text = doc.source_text(doc.content_span(noscript)?)?;
    let img = text.find("<img")?;
    let rest = &text[img..];
    let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let value = &tag[at..];
    let (quote, value) = match value.chars().next()? {
        q @ ('"' | '\'') => (Some(q), &value[1..]),
        _ => (None, value),
    };
    let end = value
        .find(|c: char| quote.map_or(c.is_whitespace(), |q| c == q))
        .unwrap_or(value.len());
    Some(value[..end].trim())
}

/// The address of the picture an element shows, in it or on it: an
/// `<img>`'s, a lazy-loading attribute's, or a CSS background image's.
pub(super) fn picture_address(el: ElementRef<'_>) -> Option<&str> {
    el.descendants().filter_map(ElementRef::wrap).find_map(|e| {
        let v = e.value();
        if v.name() == "noscript" {
            return None;
        }
        let img = (v.name() == "img").then(|| v.attribute("src")).flatten();
        let background = v.attribute("style").and_then(|style| {
            let at = style.find("url(")? + 4;
            let rest = &style[at..];
            Some(rest[..rest.find(')')?].trim_matches(['"', '\'', ' ']))
        });
        img.into_iter()
            .chain(
                LAZY_PICTURE_ATTRIBUTES
                    .iter()
                    .filter_map(|a| v.attribute(a)),
            )
            .chain(background)
            .map(whole_or_first_address)
            .find(|a| looks_like_picture(a))
    })
}

/// An attribute's address: the whole value when it names a picture (a
/// file name with spaces, `…/A JD Wetherspoon pub.jpg`), else its first
/// candidate (`a.jpg 1x, b.jpg 2x`).
pub(super) fn whole_or_first_address(value: &str) -> &str {
    let value = value.trim();
    if looks_like_picture(value) {
        return value;
    }
    value.split([' ', ',']).next().unwrap_or("")
}

/// An address whose path ends in an image file's extension.
pub(super) fn looks_like_picture(address: &str) -> bool {
    let path = address
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !address.starts_with("data:")
        && [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]
            .iter()
            .any(|ext| path.ends_with(ext))
}
