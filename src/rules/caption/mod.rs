//! Captions of news pictures: is there one, and does it say who took the
//! picture, when and where? The text analysis is in `crate::text`; this
//! module finds the figures and what the page says about each image
//! outside the caption text.

use scraper::{ElementRef, Node};
use serde_json::Value;

use crate::a11y;
use crate::diagnostic::{Diagnostic, Span};
use crate::html::Document;
use crate::text::{self, Analysis};

pub mod caption_credit_missing;
pub mod caption_date_missing;
pub mod caption_place_missing;
pub mod figure_caption_missing;
pub mod img_alt_contains_credit;
pub mod img_alt_duplicates_caption;

/// A `<figure>` that holds a picture.
pub struct Figure<'a> {
    pub figure: ElementRef<'a>,
    pub images: Vec<ElementRef<'a>>,
    /// Its `<figcaption>`, if it has one with text.
    pub caption: Option<ElementRef<'a>>,
}

/// Figures a reader meets that hold an image: not hidden, not inert, and not
/// a teaser card (a figure inside a link, or whose caption is a link), whose
/// "caption" is the headline of another story.
pub fn figures(doc: &Document) -> Vec<Figure<'_>> {
    doc.elements_named("figure")
        .filter(|f| !a11y::is_hidden(*f) && !a11y::in_inert_content(*f))
        .filter(|f| !inside_link(*f))
        .filter_map(|figure| {
            let images: Vec<ElementRef> = own_descendants(figure)
                .filter(|e| e.value().name() == "img" && !a11y::is_hidden(*e))
                .collect();
            if images.is_empty() {
                return None;
            }
            let caption = own_descendants(figure)
                .find(|e| e.value().name() == "figcaption" && !caption_text(*e).is_empty());
            if caption.is_some_and(|c| caption_is_link(c)) {
                return None;
            }
            Some(Figure {
                figure,
                images,
                caption,
            })
        })
        .collect()
}

/// An element in the figure whose class or itemprop says it is the caption
/// (`<div class="Figure-caption">`, `<p class="wp-caption-text">`), with text.
pub fn caption_like(figure: ElementRef<'_>) -> Option<ElementRef<'_>> {
    own_descendants(figure).find(|e| {
        ["class", "itemprop"].iter().any(|a| {
            e.value()
                .attr(a)
                .is_some_and(|v| v.to_ascii_lowercase().contains("caption"))
        }) && !caption_text(*e).is_empty()
    })
}

/// Every image of the figure is a link to another page (not to an anchor
/// or to the picture itself): a teaser card for another story.
pub fn images_link_away(figure: &Figure<'_>) -> bool {
    figure.images.iter().all(|img| {
        img.ancestors()
            .take_while(|a| a.id() != figure.figure.id())
            .filter_map(ElementRef::wrap)
            .any(|a| {
                a.value().name() == "a"
                    && a.value().attr("href").is_some_and(|h| {
                        let h = h.trim().to_ascii_lowercase();
                        let h = h.split(['?', '#']).next().unwrap_or("");
                        !h.is_empty()
                            && ![".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]
                                .iter()
                                .any(|ext| h.ends_with(ext))
                    })
            })
    })
}

/// Descendant elements whose nearest `<figure>` is `figure` itself.
fn own_descendants<'a>(figure: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    figure
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .filter(move |e| {
            e.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "figure")
                .is_some_and(|a| a.id() == figure.id())
        })
}

fn inside_link(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "a" && a.value().attr("href").is_some())
}

/// Most of the caption's text is a link to another page: a teaser card,
/// whose "caption" is another story's headline.
fn caption_is_link(caption: ElementRef<'_>) -> bool {
    let (mut all, mut linked) = (0, 0);
    for node in caption.descendants() {
        if let Node::Text(t) = node.value() {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count();
            all += chars;
            if inside_link_within(node, caption) {
                linked += chars;
            }
        }
    }
    all > 0 && linked * 2 >= all
}

fn inside_link_within(node: ego_tree::NodeRef<'_, Node>, root: ElementRef<'_>) -> bool {
    node.ancestors()
        .take_while(|a| a.id() != root.id())
        .filter_map(ElementRef::wrap)
        .any(|a| {
            a.value().name() == "a"
                && a.value()
                    .attr("href")
                    .is_some_and(|h| !h.trim().is_empty() && !h.trim().starts_with('#'))
        })
}

/// The caption's text as read: whitespace collapsed, scripts, styles and
/// hidden parts left out.
pub fn caption_text(caption: ElementRef<'_>) -> String {
    let mut out = String::new();
    collect_text(caption, &mut out);
    a11y::normalize(&out)
}

fn collect_text(el: ElementRef<'_>, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if matches!(e.name(), "script" | "style" | "template" | "noscript")
                    || a11y::is_hidden(child)
                {
                    continue;
                }
                // Block-level breaks separate words ("…Times</p><p>Credit").
                let block = matches!(e.name(), "p" | "div" | "br" | "li");
                if block {
                    out.push(' ');
                }
                collect_text(child, out);
                if block {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// A class or itemprop value that marks a credit element: "credit",
/// "byline", "copyright", "source", "attribution", "photographer"… as a
/// word of the value ("caption__source", "CaptionCredit-x1y2",
/// "buzz_attr").
pub fn marks_credit(value: &str) -> bool {
    let lower = value.to_lowercase();
    [
        "credit",
        "byline",
        "copyright",
        "photographer",
        "attribution",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| matches!(w, "source" | "attr" | "owner" | "author" | "courtesy"))
}

/// What the page says about a figure's picture outside the caption text:
/// a credit element in the figure, and the image's schema.org
/// `ImageObject` in JSON-LD.
///
/// This is the seam for the image file's own IPTC/XMP metadata (credit
/// line, creator, date created, location shown): when the image issue
/// lands, the context will carry what was read from the file and it is
/// merged here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provided {
    pub credit: bool,
    pub date: bool,
    pub place: bool,
}

pub fn provided(doc: &Document, figure: &Figure<'_>) -> Provided {
    let mut out = Provided {
        credit: own_descendants(figure.figure).any(|e| {
            ["class", "itemprop"]
                .iter()
                .any(|a| e.value().attr(a).is_some_and(marks_credit))
                && !caption_text(e).is_empty()
        }),
        ..Provided::default()
    };
    let objects = image_objects(doc);
    for img in &figure.images {
        for src in image_urls(*img) {
            for object in objects.iter().filter(|o| same_image(o, src)) {
                let has =
                    |keys: &[&str]| keys.iter().any(|k| object.get(*k).is_some_and(non_empty));
                out.credit |= has(&["creditText", "copyrightHolder", "creator", "author"]);
                out.date |= has(&["dateCreated"]);
                out.place |= has(&["contentLocation", "locationCreated"]);
            }
        }
    }
    out
}

fn non_empty(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => a.iter().any(non_empty),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}

/// The image's addresses: src, the lazy-loading data-src, and each srcset
/// candidate.
fn image_urls<'a>(img: ElementRef<'a>) -> Vec<&'a str> {
    let mut out = Vec::new();
    for attr in ["src", "data-src"] {
        if let Some(v) = img.value().attr(attr).map(str::trim)
            && !v.is_empty()
            && !v.starts_with("data:")
        {
            out.push(v);
        }
    }
    for attr in ["srcset", "data-srcset"] {
        if let Some(v) = img.value().attr(attr) {
            out.extend(v.split(',').filter_map(|c| c.split_whitespace().next()));
        }
    }
    out
}

/// Every schema.org ImageObject in the page's JSON-LD, at any depth.
fn image_objects(doc: &Document) -> Vec<serde_json::Map<String, Value>> {
    let mut out = Vec::new();
    for script in doc.elements_named("script") {
        let is_ld = script
            .value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            collect_image_objects(&value, &mut out);
        }
    }
    out
}

fn collect_image_objects(value: &Value, out: &mut Vec<serde_json::Map<String, Value>>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_image_objects(v, out)),
        Value::Object(map) => {
            let is_image = match map.get("@type") {
                Some(Value::String(t)) => t == "ImageObject",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "ImageObject"),
                _ => false,
            };
            if is_image {
                out.push(map.clone());
            }
            map.values().for_each(|v| collect_image_objects(v, out));
        }
        _ => {}
    }
}

/// The ImageObject describes the image at `src`: its `url` or `contentUrl`
/// is the same address, ignoring scheme, host and query when one of them is
/// a path.
fn same_image(object: &serde_json::Map<String, Value>, src: &str) -> bool {
    let path = |u: &str| -> String {
        let u = u.split(['?', '#']).next().unwrap_or(u);
        let u = u
            .strip_prefix("https:")
            .or_else(|| u.strip_prefix("http:"))
            .unwrap_or(u);
        match u.strip_prefix("//") {
            Some(rest) => rest
                .find('/')
                .map_or(String::new(), |i| rest[i..].to_string()),
            None => u.to_string(),
        }
    };
    let src = path(src);
    !src.is_empty()
        && ["url", "contentUrl"]
            .iter()
            .filter_map(|k| object.get(*k).and_then(Value::as_str))
            .any(|u| path(u) == src)
}

/// A caption and what it says.
pub struct Captioned<'a> {
    pub figure: Figure<'a>,
    pub caption: ElementRef<'a>,
    pub text: String,
    pub analysis: Analysis,
    pub provided: Provided,
}

/// Every captioned figure with its analysis; `agencies` are extra agency
/// names from the configuration.
pub fn captioned<'a>(doc: &'a Document, agencies: &[&str]) -> Vec<Captioned<'a>> {
    figures(doc)
        .into_iter()
        .filter_map(|figure| {
            let caption = figure.caption?;
            let text = caption_text(caption);
            let analysis = text::analyze(&text, agencies);
            let provided = provided(doc, &figure);
            Some(Captioned {
                figure,
                caption,
                text,
                analysis,
                provided,
            })
        })
        .collect()
}

/// A diagnostic at the `<figcaption>` start tag, labelled on its text.
pub fn at_caption(
    doc: &Document,
    caption: ElementRef<'_>,
    message: &str,
    help: &str,
) -> Diagnostic {
    let span = doc.tag_span(caption);
    let text = doc.content_span(caption).unwrap_or(Span::empty(span.end));
    Diagnostic::new(span, message)
        .help(help)
        .label(text, "the caption")
}
