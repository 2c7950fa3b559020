//! Images and the references they make.

use std::ops::Range;

use scraper::ElementRef;

use super::attr::{Attr, trim_url};
use crate::a11y;
use crate::assets::srcset::{self, Descriptor};
use crate::diagnostic::Span;
use crate::html::Document;

/// Attributes where lazy-loading scripts keep an image's real address
/// until they copy it into `src` or `srcset`. The `…srcset` ones hold a
/// candidate list.
pub const LAZY_ATTRIBUTES: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-srcset",
    "data-lazy-srcset",
    "data-delayed-url",
    "data-source-standard",
    "data-n-src",
];

/// Which attribute a reference is in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slot {
    /// `<img src>`.
    Src,
    /// A candidate of `<img srcset>`.
    Srcset(Descriptor),
    /// A candidate of a `<source srcset>` in a `<picture>`.
    Source(Descriptor),
    /// `<meta property="og:image" content>`.
    OgImage,
    /// A lazy-loading attribute (one of [`LAZY_ATTRIBUTES`]), or
    /// `"noscript"`: the `<img>` of a `<noscript>` fallback beside it.
    Lazy(&'static str),
}

impl Slot {
    /// The descriptor of a `srcset` candidate (of the `<img>` or of a
    /// `<picture>` source).
    pub fn descriptor(self) -> Option<Descriptor> {
        match self {
            Slot::Srcset(d) | Slot::Source(d) => Some(d),
            _ => None,
        }
    }
}

/// One image reference in the markup.
#[derive(Clone, Debug)]
pub struct Reference<'d> {
    /// The image (index into `Article::images`) it belongs to; `None` for
    /// `og:image` and for the sources of a `<picture>` without an `<img>`.
    pub image: Option<usize>,
    pub slot: Slot,
    /// As written: character references decoded, ASCII whitespace trimmed.
    pub url: &'d str,
    /// The URL in the source: the attribute value, or the candidate's part
    /// of it.
    pub span: Span,
    /// The picture a reader sees comes from it: `src`, `srcset`, a
    /// `<picture>` source, og:image, and the lazy-loading address (or
    /// `<noscript>` fallback) of an image whose `src` is empty or a `data:`
    /// placeholder. The lazy address of an image with a real `src` is not.
    pub shown: bool,
}

impl Reference<'_> {
    pub fn is_data_uri(&self) -> bool {
        self.url
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    }
}

/// How an image is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// An `<img>` element.
    Html,
    /// `![alt](src)` in Markdown.
    Markdown,
    /// A Hugo `{{< figure >}}` shortcode.
    Shortcode,
    /// `image:` in a Markdown file's front matter.
    FrontMatter,
}

/// One image: an `<img>`, or its Markdown equivalent.
#[derive(Clone, Debug)]
pub struct Image<'d> {
    pub syntax: Syntax,
    /// The start tag (the whole Markdown image, shortcode or front-matter
    /// value).
    pub tag: Span,
    pub alt: Option<Attr<'d>>,
    pub src: Option<Attr<'d>>,
    pub srcset: Option<Attr<'d>>,
    pub width: Option<Attr<'d>>,
    pub height: Option<Attr<'d>>,
    /// Its references: a range of `Article::references`.
    pub references: Range<usize>,
    /// A screen reader meets it: not hidden (`hidden`, `aria-hidden`,
    /// `display: none`, `visibility: hidden` on it or an ancestor) and not
    /// in inert content.
    pub exposed: bool,
    /// Drawn on the page: not removed by `hidden` or `display: none` on it
    /// or an ancestor, not in inert content. (`aria-hidden` images are
    /// drawn.)
    pub rendered: bool,
    /// `role="presentation"`/`"none"` that sticks.
    pub presentational: bool,
    /// Named by `aria-labelledby` or `aria-label`.
    pub aria_named: bool,
    /// Has a `title` with text.
    pub titled: bool,
    /// Inside a `<figure>` (in Markdown: a picture standing on its own).
    pub in_figure: bool,
    /// Its alt text is its caption (a Markdown image whose alt holds the
    /// credit, as wire exports write them).
    pub caption_in_alt: bool,
    /// Has `srcset` candidates of its own, or sits in a `<picture>` whose
    /// sources have a `srcset`.
    pub has_srcset: bool,
    /// The first lazy-loading attribute it has with a value, or
    /// `"noscript"` for a `<noscript>` fallback beside it.
    pub lazy: Option<&'static str>,
    /// The inline `object-fit`, lowercased.
    pub object_fit: Option<String>,
    /// Its inline style fixes its box: an `aspect-ratio`, or a width and
    /// height in fixed units.
    pub styled_size: bool,
    /// Where attributes can be added to the start tag (before `>` or `/>`
    /// and the whitespace before it); `None` for an implied element.
    pub insert_at: Option<usize>,
    /// In an advertising slot or loaded from an ad network: its markup is
    /// the ad's, not the article's.
    pub advert: bool,
}

impl<'d> Image<'d> {
    /// The markup can give its size (`width`/`height`): HTML and
    /// shortcodes can, Markdown images cannot.
    pub fn sizable(&self) -> bool {
        matches!(self.syntax, Syntax::Html | Syntax::Shortcode)
    }

    /// The alt text, when it has one that is not blank.
    pub fn alt_text(&self) -> Option<&Attr<'d>> {
        self.alt.as_ref().filter(|a| !a.is_blank())
    }

    /// The width or height attribute as a number of CSS pixels, parsed the
    /// way browsers parse dimension attributes (`600`, `600px` and `600.5`
    /// count; a percentage or junk does not).
    pub fn dimension(attr: Option<&Attr<'_>>) -> Option<f64> {
        let value = attr?.value.trim_start();
        let end = value
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(value.len());
        if value[end..].starts_with('%') {
            return None;
        }
        value[..end].parse::<f64>().ok().filter(|n| n.is_finite())
    }

    pub fn width_px(&self) -> Option<f64> {
        Self::dimension(self.width.as_ref())
    }

    pub fn height_px(&self) -> Option<f64> {
        Self::dimension(self.height.as_ref())
    }
}

/// The model of one `<img>`, its references appended to `refs`.
pub fn image<'d>(
    doc: &'d Document,
    img: ElementRef<'d>,
    index: usize,
    refs: &mut Vec<Reference<'d>>,
) -> Image<'d> {
    let first = refs.len();
    let read = |name| Attr::read(doc, img, name);
    let src = read("src");
    let srcset = read("srcset");
    let picture = img
        .parent()
        .and_then(ElementRef::wrap)
        .filter(|p| p.value().name() == "picture");
    let mut picture_sources = false;
    if let Some(picture) = picture {
        for source in picture.children().filter_map(ElementRef::wrap) {
            if source.value().name() == "source"
                && let Some(set) = Attr::read(doc, source, "srcset")
            {
                picture_sources = true;
                candidates(&set, Some(index), Slot::Source, refs);
            }
        }
    }
    if let Some(src) = src.filter(|s| !s.url().is_empty()) {
        refs.push(Reference {
            image: Some(index),
            slot: Slot::Src,
            url: src.url(),
            span: src.span,
            shown: true,
        });
    }
    let own_set = refs.len();
    if let Some(set) = &srcset {
        candidates(set, Some(index), Slot::Srcset, refs);
    }
    let has_own_srcset = refs.len() > own_set;
    // A placeholder in `src` (nothing, or a `data:` URI) and no `srcset`:
    // the picture is where a script will take it from.
    let placeholder = !has_own_srcset
        && !picture_sources
        && refs[first..]
            .iter()
            .all(|r| r.slot != Slot::Src || r.is_data_uri());
    let lazy_first = refs.len();
    let mut lazy = None;
    for &name in LAZY_ATTRIBUTES {
        let Some(attr) = read(name).filter(|a| !a.url().is_empty()) else {
            continue;
        };
        lazy.get_or_insert(name);
        if name.ends_with("srcset") {
            candidates(&attr, Some(index), |_| Slot::Lazy(name), refs);
        } else {
            refs.push(Reference {
                image: Some(index),
                slot: Slot::Lazy(name),
                url: attr.url(),
                span: attr.span,
                shown: true,
            });
        }
    }
    // Any other `data-…` attribute holding an image file's address
    // (`data-fallback-src`, `data-delay`, `data-hi-res`…).
    if lazy.is_none() {
        for (name, value) in img.value().attrs() {
            if name.starts_with("data-")
                && !LAZY_ATTRIBUTES.contains(&name)
                && is_image_address(value)
            {
                let Some(attr) = read(name) else { continue };
                lazy = Some("data-*");
                refs.push(Reference {
                    image: Some(index),
                    slot: Slot::Lazy("data-*"),
                    url: attr.url(),
                    span: attr.span,
                    shown: true,
                });
            }
        }
    }
    if noscript_fallback(doc, img, index, refs) {
        lazy.get_or_insert("noscript");
    }
    for r in &mut refs[lazy_first..] {
        r.shown = placeholder;
    }
    let vis = &doc.visibility;
    let presentational = a11y::is_presentational(img);
    Image {
        syntax: Syntax::Html,
        tag: doc.tag_span(img),
        alt: read("alt"),
        src,
        srcset,
        width: read("width"),
        height: read("height"),
        references: first..refs.len(),
        exposed: !vis.is_hidden(img) && !vis.is_inert(img),
        rendered: vis.is_rendered(img),
        presentational,
        aria_named: a11y::aria_name(doc, img).is_some(),
        titled: a11y::title_attr(img).is_some(),
        in_figure: img
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "figure"),
        caption_in_alt: false,
        has_srcset: has_own_srcset || picture_sources,
        lazy,
        object_fit: a11y::style(img, "object-fit"),
        styled_size: styled_size(img),
        insert_at: insertion_point(doc, img),
        advert: super::embeds::is_advert(img),
    }
}

/// The candidates of a `srcset`-like attribute, each with its span: the
/// candidate itself when the value is written verbatim, else the value.
fn candidates<'d>(
    set: &Attr<'d>,
    image: Option<usize>,
    slot: impl Fn(Descriptor) -> Slot,
    refs: &mut Vec<Reference<'d>>,
) {
    for candidate in srcset::parse(set.value) {
        let url = trim_url(candidate.url);
        if url.is_empty() {
            continue;
        }
        refs.push(Reference {
            image,
            slot: slot(candidate.descriptor),
            url,
            span: set.narrow(candidate.offset, candidate.offset + candidate.url.len()),
            shown: true,
        });
    }
}

/// The `srcset` references of a `<source>` in a `<picture>` that has no
/// `<img>` (with one, they are listed with the image).
pub fn orphan_source<'d>(doc: &'d Document, source: ElementRef<'d>, refs: &mut Vec<Reference<'d>>) {
    let in_picture_with_img = source
        .parent()
        .and_then(ElementRef::wrap)
        .filter(|p| p.value().name() == "picture");
    let Some(picture) = in_picture_with_img else {
        return;
    };
    let has_img = picture
        .children()
        .filter_map(ElementRef::wrap)
        .any(|c| c.value().name() == "img");
    if !has_img && let Some(set) = Attr::read(doc, source, "srcset") {
        candidates(&set, None, Slot::Source, refs);
    }
}

/// `<meta property="og:image">` (or `og:image:url`, `og:image:secure_url`).
pub fn og_image<'d>(doc: &'d Document, meta: ElementRef<'d>, refs: &mut Vec<Reference<'d>>) {
    let is_og = meta
        .value()
        .attr("property")
        .or_else(|| meta.value().attr("name"))
        .is_some_and(|p| {
            matches!(
                p.trim().to_ascii_lowercase().as_str(),
                "og:image" | "og:image:url" | "og:image:secure_url"
            )
        });
    if !is_og {
        return;
    }
    if let Some(content) = Attr::read(doc, meta, "content").filter(|c| !c.url().is_empty()) {
        refs.push(Reference {
            image: None,
            slot: Slot::OgImage,
            url: content.url(),
            span: content.span,
            shown: true,
        });
    }
}

/// A value that is an image file's address: one URL (no spaces) whose path
/// ends with an image file extension.
fn is_image_address(value: &str) -> bool {
    let value = trim_url(value);
    let path = value
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    !value.is_empty()
        && !value.contains(char::is_whitespace)
        && [
            ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".jxl",
        ]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// The `<img src>` of a `<noscript>` right after `img` (the fallback
/// lazy-loading scripts leave for readers without them), as references of
/// `img`. `<noscript>` holds text while scripts run, so its text is parsed
/// on its own; its spans are exact, as the text is the source itself.
fn noscript_fallback<'d>(
    doc: &'d Document,
    img: ElementRef<'d>,
    index: usize,
    refs: &mut Vec<Reference<'d>>,
) -> bool {
    let Some(noscript) = img
        .next_siblings()
        .find_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "noscript")
    else {
        return false;
    };
    let Some(content) = doc.content_span(noscript) else {
        return false;
    };
    let Some(text) = doc.source_text(content).filter(|t| t.contains("<img")) else {
        return false;
    };
    let fragment = Document::parse(text.to_string());
    let before = refs.len();
    for inner in fragment.elements_named("img") {
        let Some(value) = inner.value().attr("src") else {
            continue;
        };
        let span = fragment.attr_span(inner, "src");
        // Take the URL from the page's own text, so it lives as long as it.
        let Some(url) = doc
            .source_text(Span::new(
                content.start + span.start,
                content.start + span.end,
            ))
            .filter(|raw| *raw == value)
            .map(trim_url)
            .filter(|u| !u.is_empty())
        else {
            continue;
        };
        refs.push(Reference {
            image: Some(index),
            slot: Slot::Lazy("noscript"),
            url,
            span: Span::new(content.start + span.start, content.start + span.end),
            shown: true,
        });
    }
    refs.len() > before
}

/// An inline style that fixes the box: `aspect-ratio`, or both a width
/// and a height in fixed units.
fn styled_size(img: ElementRef<'_>) -> bool {
    let fixed = |v: Option<String>| {
        v.is_some_and(|v| {
            v != "auto" && !v.contains('%') && v.starts_with(|c: char| c.is_ascii_digit())
        })
    };
    a11y::style(img, "aspect-ratio").is_some_and(|v| v != "auto")
        || (fixed(a11y::style(img, "width")) && fixed(a11y::style(img, "height")))
}

/// Where attributes can be added to a start tag: before its `>` (or the
/// `/>` of a self-closing tag) and the whitespace before it.
fn insertion_point(doc: &Document, el: ElementRef<'_>) -> Option<usize> {
    let spans = doc.spans(el)?;
    if spans.implied {
        return None;
    }
    let tag = spans.tag;
    let bytes = doc.source().as_bytes();
    if tag.end <= tag.start + 1 || bytes.get(tag.end - 1) != Some(&b'>') {
        return None;
    }
    let mut at = tag.end - 1;
    // In `<img src=a/>` the slash belongs to the unquoted value.
    let slash_in_value = spans
        .attrs
        .iter()
        .any(|a| a.value_span.is_some_and(|v| v.end == at));
    if !slash_in_value && bytes[at - 1] == b'/' {
        at -= 1;
    }
    while at > tag.start && bytes[at - 1].is_ascii_whitespace() {
        at -= 1;
    }
    Some(at)
}
