//! Figures and their captions: found once, each caption read and analysed
//! once (credit, date, place) with the configured agencies.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

use super::images::{Image, Reference};
use super::jsonld::ImageObjects;
use crate::a11y;
use crate::diagnostic::Span;
use crate::html::Document;
use crate::text::{self, Analysis};

/// A `<figure>` a reader meets that holds a picture.
#[derive(Clone, Debug)]
pub struct Figure {
    /// The `<figure>` start tag.
    pub tag: Span,
    /// Its exposed images (indices into `Article::images`), in order.
    pub images: Vec<usize>,
    /// Its `<figcaption>`, if it has one with text.
    pub caption: Option<Caption>,
    /// The start tag of an element in the figure whose class or itemprop
    /// says it is the caption (`<div class="Figure-caption">`), with text.
    pub caption_like: Option<Span>,
    /// Every image of the figure is a link to another page (not to an
    /// anchor or to the picture itself): a teaser card for another story.
    pub links_away: bool,
    /// What the page says about the picture outside the caption text.
    pub provided: Provided,
}

/// A caption and what it says.
#[derive(Clone, Debug)]
pub struct Caption {
    /// The `<figcaption>` start tag.
    pub tag: Span,
    /// Its content as written, between the tags.
    pub content: Option<Span>,
    /// Its text as read: whitespace collapsed, scripts, styles and hidden
    /// parts left out.
    pub text: String,
    /// The credit, date and place found in `text`: read on first use
    /// (see [`Caption::analysis`]), so runs without caption rules skip it.
    analysis: OnceCell<Analysis>,
    agencies: Arc<[String]>,
    /// The caption is the image's alt text (see `Image::caption_in_alt`).
    pub in_alt: bool,
}

/// What the page says about a figure's picture outside the caption text:
/// a credit element in the figure, and the image's schema.org
/// `ImageObject` in JSON-LD. (What the image file itself says is read by
/// the rules, from the probed files.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provided {
    pub credit: bool,
    pub date: bool,
    pub place: bool,
}

impl Caption {
    pub fn new(
        tag: Span,
        content: Option<Span>,
        text: String,
        agencies: &Arc<[String]>,
        in_alt: bool,
    ) -> Caption {
        Caption {
            tag,
            content,
            text,
            analysis: OnceCell::new(),
            agencies: agencies.clone(),
            in_alt,
        }
    }

    /// The credit, date and place the caption's text names, with the
    /// configured agencies; analysed once, on first use.
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| {
            let agencies: Vec<&str> = self.agencies.iter().map(String::as_str).collect();
            text::analyze(&self.text, &agencies)
        })
    }
}

impl Provided {
    pub fn add(&mut self, other: &Provided) {
        self.credit |= other.credit;
        self.date |= other.date;
        self.place |= other.place;
    }
}

/// Figures a reader meets that hold an image: not hidden, not inert, and not
/// a teaser card (a figure inside a link, or whose caption is a link), whose
/// "caption" is the headline of another story.
///
/// Each figure is looked at once, down to the figures nested in it, so the
/// work is proportional to the document.
pub fn figures(
    doc: &Document,
    image_index: &HashMap<NodeId, usize>,
    models: &[Image<'_>],
    references: &[Reference<'_>],
    objects: &ImageObjects,
    agencies: &Arc<[String]>,
) -> Vec<Figure> {
    let with_text = elements_with_text(doc);
    let has_text = |e: &ElementRef<'_>| with_text.contains(&e.id());
    let vis = &doc.visibility;
    doc.elements_named("figure")
        .filter(|f| !vis.is_hidden(*f) && !vis.is_inert(*f))
        .filter(|f| !inside_link(*f))
        .filter_map(|figure| {
            let mut images = Vec::new();
            let mut image_elements = Vec::new();
            let mut caption = None;
            let mut caption_like = None;
            let mut credit_element = false;
            for e in own_descendants(figure) {
                let el = e.value();
                if el.name() == "img"
                    && !vis.is_hidden(e)
                    && let Some(&i) = image_index.get(&e.id())
                {
                    images.push(i);
                    image_elements.push(e);
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
                    caption_like = Some(doc.tag_span(e));
                }
                if !credit_element && marked(&marks_credit) && has_text(&e) {
                    credit_element = true;
                }
            }
            if images.is_empty() || caption.is_some_and(caption_is_link) {
                return None;
            }
            let mut provided = Provided {
                credit: credit_element,
                ..Provided::default()
            };
            // Each image's own references: the work is linear in the page.
            for &i in &images {
                for r in &references[models[i].references.clone()] {
                    if !r.is_data_uri()
                        && let Some(found) = objects.about(r.url)
                    {
                        provided.add(found);
                    }
                }
            }
            let caption = caption.map(|c| {
                Caption::new(
                    doc.tag_span(c),
                    doc.content_span(c),
                    caption_text(doc, c),
                    agencies,
                    false,
                )
            });
            Some(Figure {
                tag: doc.tag_span(figure),
                links_away: images_link_away(figure, &image_elements),
                images,
                caption,
                caption_like,
                provided,
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
                // The same elements `caption_text` leaves out.
                let counts =
                    !a11y::holds_no_text(el.value().name()) && !doc.visibility.is_hidden(el);
                if counts && let Some(top) = open.last_mut() {
                    *top = true;
                }
            }
        }
    }
    out
}

/// Every image is inside a link to another page (not to an anchor or to
/// the picture itself) below the figure.
fn images_link_away(figure: ElementRef<'_>, images: &[ElementRef<'_>]) -> bool {
    images.iter().all(|img| {
        img.ancestors()
            .take_while(|a| a.id() != figure.id())
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
fn caption_text(doc: &Document, caption: ElementRef<'_>) -> String {
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
                if a11y::holds_no_text(e.name()) || doc.visibility.is_hidden(child) {
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
