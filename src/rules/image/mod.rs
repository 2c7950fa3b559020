//! Image files checked against the markup that shows them. The files are
//! resolved and probed before the rules run (see `crate::assets`); these
//! rules only compare what was found with what the markup says.

use scraper::ElementRef;

use crate::assets::srcset::{self, Descriptor};
use crate::assets::{Asset, Assets, ImageInfo};
use crate::diagnostic::Span;
use crate::html::Document;

pub mod caption_metadata_mismatch;
pub mod img_aspect_mismatch;
pub mod img_file_broken;
pub mod img_file_heavy;
pub mod img_file_missing;
pub mod img_format_legacy;
pub mod img_format_mismatch;
pub mod img_oversized;
pub mod img_src_missing;
pub mod img_srcset_mismatch;
pub mod img_too_small;
pub mod img_unsized;

/// Which attribute a reference is in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slot {
    /// `<img src>`.
    Src,
    /// A candidate of `<img srcset>` or of `<source srcset>` in a `<picture>`.
    Srcset(Descriptor),
    /// `<meta property="og:image" content>`.
    OgImage,
}

/// One image reference in the markup.
pub struct Reference<'a> {
    pub element: ElementRef<'a>,
    pub slot: Slot,
    /// As written (entities decoded, whitespace trimmed).
    pub url: &'a str,
    /// The URL in the source: the attribute value, or the candidate's part of it.
    pub span: Span,
}

/// Every image reference, in document order.
pub fn references(doc: &Document) -> Vec<Reference<'_>> {
    let mut out = Vec::new();
    for el in doc.elements() {
        let e = el.value();
        let srcset_parent = match e.name() {
            "img" => true,
            "source" => el
                .parent()
                .and_then(ElementRef::wrap)
                .is_some_and(|p| p.value().name() == "picture"),
            "meta" if crate::assets::is_og_image(el) => {
                if let Some(url) = e.attr("content").map(str::trim).filter(|u| !u.is_empty()) {
                    out.push(Reference {
                        element: el,
                        slot: Slot::OgImage,
                        url,
                        span: doc.attr_span(el, "content"),
                    });
                }
                false
            }
            _ => false,
        };
        if !srcset_parent {
            continue;
        }
        if e.name() == "img"
            && let Some(url) = e.attr("src").map(str::trim).filter(|u| !u.is_empty())
        {
            out.push(Reference {
                element: el,
                slot: Slot::Src,
                url,
                span: doc.attr_span(el, "src"),
            });
        }
        if let Some(value) = e.attr("srcset") {
            let whole = doc.attr_span(el, "srcset");
            // Point at the candidate itself when the source text is the
            // value as parsed (no character references shifted it).
            let exact = doc.source_text(whole) == Some(value);
            for candidate in srcset::parse(value) {
                let span = if exact {
                    let start = whole.start + candidate.offset;
                    Span::new(start, start + candidate.url.len())
                } else {
                    whole
                };
                out.push(Reference {
                    element: el,
                    slot: Slot::Srcset(candidate.descriptor),
                    url: candidate.url,
                    span,
                });
            }
        }
    }
    out
}

/// The found, readable image behind a reference.
pub fn found<'a>(assets: &'a Assets, url: &str) -> Option<&'a ImageInfo> {
    assets.image_info(url).filter(|i| i.broken.is_none())
}

/// How to name a reference in a message: the URL, shortened; a `data:`
/// URI by its media type.
pub fn shown(url: &str) -> String {
    if let Some(rest) = url
        .get(..5)
        .filter(|s| s.eq_ignore_ascii_case("data:"))
        .and_then(|_| url.get(5..))
    {
        let media = rest.split([';', ',']).next().unwrap_or_default();
        return if media.is_empty() {
            "this data: URI".into()
        } else {
            format!("this data: URI ({media})")
        };
    }
    let short: String = url.chars().take(100).collect();
    if short.len() < url.len() {
        format!("`{short}…`")
    } else {
        format!("`{url}`")
    }
}

/// "…, tried fixtures/images/a.jpg" or the list of paths tried.
pub fn tried(paths: &[String]) -> String {
    match paths {
        [] => String::new(),
        [one] => format!("tried {one}"),
        many => format!("tried {}", many.join(", ")),
    }
}

/// The width or height attribute as a number of CSS pixels, parsed the
/// way browsers parse dimension attributes (`600`, `600px` and `600.5`
/// count; a percentage or junk does not).
pub fn dimension(el: ElementRef<'_>, name: &str) -> Option<f64> {
    let value = el.value().attr(name)?.trim_start();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    if value[end..].starts_with('%') {
        return None;
    }
    value[..end].parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The value of a property in the inline `style`, lowercased.
pub fn style(el: ElementRef<'_>, property: &str) -> Option<String> {
    crate::a11y::style(el, property)
}

/// Drawn on the page: not inside `<noscript>`, `<template>` or `<head>`,
/// and not removed by `hidden` or an inline `display: none` on it or an
/// ancestor. (`aria-hidden` images are still drawn.)
pub fn rendered(doc: &Document, el: ElementRef<'_>) -> bool {
    !crate::a11y::in_inert_content(doc, el) && !crate::a11y::is_unrendered(doc, el)
}

/// Whether an `<img>` has `srcset` candidates of its own or sits in a
/// `<picture>` whose sources have them.
pub fn has_srcset(img: ElementRef<'_>) -> bool {
    let own = img
        .value()
        .attr("srcset")
        .is_some_and(|s| !srcset::parse(s).is_empty());
    let picture = img
        .parent()
        .and_then(ElementRef::wrap)
        .filter(|p| p.value().name() == "picture")
        .is_some_and(|p| {
            p.children()
                .filter_map(ElementRef::wrap)
                .any(|c| c.value().name() == "source" && c.value().attr("srcset").is_some())
        });
    own || picture
}

/// The picture an `<img>` shows, for size checks: its `src` file when
/// readable, else its widest readable `srcset` candidate. A 1×1 file is
/// a spacer, a tracking pixel or a lazy-loading placeholder, not the
/// picture, and is left out.
pub fn picture_of<'a>(assets: &'a Assets, img: ElementRef<'_>) -> Option<&'a ImageInfo> {
    let src = img
        .value()
        .attr("src")
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(info) = src.and_then(|s| found(assets, s)).filter(|i| is_picture(i)) {
        return Some(info);
    }
    widest(assets, img)
}

/// Has a size, and more than one pixel.
fn is_picture(info: &ImageInfo) -> bool {
    info.display_size()
        .is_some_and(|(w, h)| u64::from(w) * u64::from(h) > 1)
}

/// The widest readable file among an `<img>`'s `src` and `srcset` (1×1
/// placeholders left out).
pub fn widest<'a>(assets: &'a Assets, img: ElementRef<'_>) -> Option<&'a ImageInfo> {
    let src = img.value().attr("src").into_iter();
    let set = img
        .value()
        .attr("srcset")
        .map(srcset::parse)
        .unwrap_or_default();
    src.chain(set.iter().map(|c| c.url))
        .filter_map(|url| found(assets, url))
        .filter(|i| is_picture(i))
        .max_by_key(|i| i.display_size().map(|s| s.0))
}

/// `1.2 MB`, `640 KB`, `900 bytes` (SI units, as file managers show them).
pub fn human_bytes(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1000 {
        format!("{} KB", bytes / 1000)
    } else {
        format!("{bytes} bytes")
    }
}

/// A missing or refused reference, for the rules that report them.
pub fn unreachable_message(url: &str, asset: &Asset<ImageInfo>) -> Option<String> {
    match asset {
        Asset::Missing { tried: paths } => {
            Some(format!("{} does not exist ({})", shown(url), tried(paths)))
        }
        Asset::Refused { reason } => Some(format!(
            "{} {reason}; presslint did not read it",
            shown(url)
        )),
        _ => None,
    }
}
