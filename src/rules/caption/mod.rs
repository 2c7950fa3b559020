//! Captions of news pictures: is there one, and does it say who took the
//! picture, when and where? The text analysis is in `crate::text`; this
//! module finds the figures and what the page says about each image
//! outside the caption text.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
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
    /// An element in the figure whose class or itemprop says it is the
    /// caption (`<div class="Figure-caption">`, `<p class="wp-caption-text">`),
    /// with text.
    pub caption_like: Option<ElementRef<'a>>,
    /// An element in the figure whose class or itemprop marks a credit
    /// (see [`marks_credit`]), with text.
    pub credit_element: bool,
}

/// Figures a reader meets that hold an image: not hidden, not inert, and not
/// a teaser card (a figure inside a link, or whose caption is a link), whose
/// "caption" is the headline of another story.
///
/// Each figure is looked at once, down to the figures nested in it, so the
/// work is proportional to the document.
pub fn figures(doc: &Document) -> Vec<Figure<'_>> {
    let with_text = elements_with_text(doc);
    let has_text = |e: &ElementRef<'_>| with_text.contains(&e.id());
    doc.elements_named("figure")
        .filter(|f| !a11y::is_hidden(doc, *f) && !a11y::in_inert_content(doc, *f))
        .filter(|f| !inside_link(*f))
        .filter_map(|figure| {
            let mut images = Vec::new();
            let mut caption = None;
            let mut caption_like = None;
            let mut credit_element = false;
            for e in own_descendants(figure) {
                let el = e.value();
                if el.name() == "img" && !a11y::is_hidden(doc, e) {
                    images.push(e);
                }
                if caption.is_none() && el.name() == "figcaption" && has_text(&e) {
                    caption = Some(e);
                }
                let marked = |test: &dyn Fn(&str) -> bool| {
                    ["class", "itemprop"]
                        .iter()
                        .any(|a| el.attr(a).is_some_and(test))
                };
                if caption_like.is_none()
                    && marked(&|v| v.to_ascii_lowercase().contains("caption"))
                    && has_text(&e)
                {
                    caption_like = Some(e);
                }
                if !credit_element && marked(&marks_credit) && has_text(&e) {
                    credit_element = true;
                }
            }
            if images.is_empty() {
                return None;
            }
            if caption.is_some_and(|c| caption_is_link(c)) {
                return None;
            }
            Some(Figure {
                figure,
                images,
                caption,
                caption_like,
                credit_element,
            })
        })
        .collect()
}

/// Every element whose [`caption_text`] is not empty, for the whole
/// document in one pass.
fn elements_with_text(doc: &Document) -> HashSet<NodeId> {
    let mut out = HashSet::new();
    // Whether each open node has text so far.
    let mut open: Vec<bool> = Vec::new();
    for edge in doc.html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => {
                    if !t.trim().is_empty()
                        && let Some(top) = open.last_mut()
                    {
                        *top = true;
                    }
                }
                _ => open.push(false),
            },
            Edge::Close(node) => {
                if matches!(node.value(), Node::Text(_)) {
                    continue;
                }
                let has = open.pop().unwrap_or(false);
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                if !has {
                    continue;
                }
                out.insert(node.id());
                // The same elements `collect_text` leaves out.
                let counts = !matches!(
                    el.value().name(),
                    "script" | "style" | "template" | "noscript"
                ) && !a11y::is_hidden(doc, el);
                if counts && let Some(top) = open.last_mut() {
                    *top = true;
                }
            }
        }
    }
    out
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

/// Descendant elements whose nearest `<figure>` is `figure` itself, in
/// document order: a nested figure is listed, what is inside it is not
/// visited at all.
fn own_descendants<'a>(figure: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    let mut stack = vec![figure.children()];
    std::iter::from_fn(move || {
        loop {
            let node = match stack.last_mut()?.next() {
                Some(node) => node,
                None => {
                    stack.pop();
                    continue;
                }
            };
            let el = ElementRef::wrap(node);
            if el.is_none_or(|e| e.value().name() != "figure") {
                stack.push(node.children());
            }
            if el.is_some() {
                return el;
            }
        }
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
    // How many of the open elements below the caption are such links.
    let mut links = 0usize;
    for edge in caption.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => {
                    let chars = t.chars().filter(|c| !c.is_whitespace()).count();
                    all += chars;
                    if links > 0 {
                        linked += chars;
                    }
                }
                Node::Element(_) if node.id() != caption.id() && links_away(node) => links += 1,
                _ => {}
            },
            Edge::Close(node) => {
                if node.id() != caption.id() && links_away(node) {
                    links -= 1;
                }
            }
        }
    }
    all > 0 && linked * 2 >= all
}

/// A link to another page (not to an anchor on this one).
fn links_away(node: ego_tree::NodeRef<'_, Node>) -> bool {
    ElementRef::wrap(node).is_some_and(|a| {
        a.value().name() == "a"
            && a.value()
                .attr("href")
                .is_some_and(|h| !h.trim().is_empty() && !h.trim().starts_with('#'))
    })
}

/// The caption's text as read: whitespace collapsed, scripts, styles and
/// hidden parts left out.
pub fn caption_text(doc: &Document, caption: ElementRef<'_>) -> String {
    let mut out = String::new();
    // The children still to read of each element entered, and whether the
    // element separates words (its space after is added when it is done).
    let mut stack = vec![(caption.children(), false)];
    while let Some((children, _)) = stack.last_mut() {
        let Some(child) = children.next() else {
            if let Some((_, true)) = stack.pop() {
                out.push(' ');
            }
            continue;
        };
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if matches!(e.name(), "script" | "style" | "template" | "noscript")
                    || a11y::is_hidden(doc, child)
                {
                    continue;
                }
                // Block-level breaks separate words ("…Times</p><p>Credit").
                let block = matches!(e.name(), "p" | "div" | "br" | "li");
                if block {
                    out.push(' ');
                }
                stack.push((child.children(), block));
            }
            _ => {}
        }
    }
    a11y::normalize(&out)
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

impl Provided {
    fn add(&mut self, other: &Provided) {
        self.credit |= other.credit;
        self.date |= other.date;
        self.place |= other.place;
    }
}

pub fn provided(objects: &ImageObjects, figure: &Figure<'_>) -> Provided {
    let mut out = Provided {
        credit: figure.credit_element,
        ..Provided::default()
    };
    for img in &figure.images {
        for src in image_urls(*img) {
            let src = url_path(src);
            if let Some(found) = objects.by_path.get(&src).filter(|_| !src.is_empty()) {
                out.add(found);
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

/// What the schema.org ImageObjects in the page's JSON-LD (at any depth)
/// say, by the path of their `url` and `contentUrl`: read once per
/// document, looked up per image.
#[derive(Default)]
pub struct ImageObjects {
    by_path: HashMap<String, Provided>,
}

impl ImageObjects {
    pub fn read(doc: &Document) -> ImageObjects {
        let mut out = ImageObjects::default();
        for script in doc.elements_named("script") {
            let is_ld = script
                .value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            let text: String = script.text().collect();
            // serde_json refuses nesting deeper than 128, which bounds the
            // recursion below.
            let Ok(value) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            let mut objects = Vec::new();
            collect_image_objects(&value, &mut objects);
            for object in objects {
                out.add(object);
            }
        }
        out
    }

    fn add(&mut self, object: &serde_json::Map<String, Value>) {
        let has = |keys: &[&str]| keys.iter().any(|k| object.get(*k).is_some_and(non_empty));
        let says = Provided {
            credit: has(&["creditText", "copyrightHolder", "creator", "author"]),
            date: has(&["dateCreated"]),
            place: has(&["contentLocation", "locationCreated"]),
        };
        for key in ["url", "contentUrl"] {
            if let Some(path) = object.get(key).and_then(Value::as_str).map(url_path)
                && !path.is_empty()
            {
                self.by_path.entry(path).or_default().add(&says);
            }
        }
    }
}

fn collect_image_objects<'v>(value: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_image_objects(v, out)),
        Value::Object(map) => {
            let is_image = match map.get("@type") {
                Some(Value::String(t)) => t == "ImageObject",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "ImageObject"),
                _ => false,
            };
            if is_image {
                out.push(map);
            }
            map.values().for_each(|v| collect_image_objects(v, out));
        }
        _ => {}
    }
}

/// An image address reduced for comparison: without query and fragment,
/// and without scheme and host when it has them, so that an ImageObject
/// describes the image at `src` when their `url` or `contentUrl` is the
/// same path.
fn url_path(u: &str) -> String {
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
    let objects = ImageObjects::read(doc);
    figures(doc)
        .into_iter()
        .filter_map(|figure| {
            let caption = figure.caption?;
            let text = caption_text(doc, caption);
            let analysis = text::analyze(&text, agencies);
            let provided = provided(&objects, &figure);
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
