//! Figures and their captions: found once, each caption read and analysed
//! once (credit, date, place) with the configured agencies.

use std::cell::OnceCell;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node, Selector};

use super::identity::identity;
use super::images::{Image, Reference};
use super::jsonld::ImageObjects;
use super::photo;
use crate::a11y;
use crate::diagnostic::Span;
use crate::html::Document;
use crate::text::{self, Analysis};

/// A picture with its caption, as a reader meets it: a `<figure>` that
/// holds an image, or another element the page uses as one (WordPress's
/// `<div class="wp-caption">`, a `<div>` with one image and a
/// `<p class="caption">`).
#[derive(Clone, Debug)]
pub struct Figure {
    /// The start tag of the `<figure>` or of the element used as one.
    pub tag: Span,
    /// Whether it is a `<figure>`.
    pub kind: FigureKind,
    /// Its exposed images (indices into `Article::images`), in order;
    /// none for a lazy picture whose `<img>` a script makes from a
    /// placeholder's address.
    pub images: Vec<usize>,
    /// Its caption, if it has one with text.
    pub caption: Option<Caption>,
    /// Every image of the figure is a link to another page (not to an
    /// anchor or to the picture itself): a teaser card for another story.
    pub links_away: bool,
    /// The picture is a news photo, not a chart, screenshot, logo, map,
    /// video player, headshot or teaser (see [`super::photo`]): the
    /// caption rules ask its caption for a credit, a date and a place.
    pub photo: bool,
    /// The news photo was supplied rather than taken to report the story
    /// (see [`super::supplied`]): its caption is asked for a credit, not
    /// for when and where it was taken.
    pub supplied: bool,
    /// It repeats an earlier figure for another screen size: the same
    /// picture with the same caption, one of the two written for phones or
    /// for desktops only (`g-desktop-only`, `g-mobile-only`). The caption
    /// is written once in the newsroom's system, so the caption rules
    /// report the first copy only. See [`mark_copies`].
    pub copy: bool,
    /// What the page says about the picture outside the caption text.
    pub provided: Provided,
}

/// What kind of element holds a picture and its caption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKind {
    /// A `<figure>` (or Markdown's picture with a caption).
    Figure,
    /// Another element: the page ties caption and picture by class names
    /// only, which assistive technology does not read.
    Container,
}

/// Where a caption is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// A `<figcaption>` of its `<figure>` (or one of Markdown's caption
    /// conventions).
    Figcaption,
    /// An element the page marks as the caption by its class or itemprop
    /// (`<p class="wp-caption-text">`, `<span itemprop="caption">`).
    Marked,
    /// A `<figcaption>` outside any `<figure>`: just after the figure's
    /// end tag, or beside the picture in another element.
    Stray,
    /// The picture's `data-caption`, which a gallery's script shows beside
    /// it (`<img data-caption="…">`): the caption's tag is the attribute.
    Attribute,
}

/// A caption and what it says.
#[derive(Clone, Debug)]
pub struct Caption {
    /// The caption element's start tag.
    pub tag: Span,
    /// Where it is written.
    pub placement: Placement,
    /// Its content as written, between the tags.
    pub content: Option<Span>,
    /// Its text as read: whitespace collapsed, scripts, styles and hidden
    /// parts left out; a line break (`\n`) where a credit line written as
    /// an element of its own begins, so that words of the caption and of
    /// the credit are not read as one name.
    pub text: String,
    /// The credit, date and place found in `text`: read on first use
    /// (see [`Caption::analysis`]), so runs without caption rules skip it.
    analysis: OnceCell<Analysis>,
    agencies: Arc<[String]>,
    /// The caption is the image's alt text (see `Image::caption_in_alt`).
    pub in_alt: bool,
    /// What a screen reader reads of it, when that is not all of `text`
    /// (a page hides a caption that repeats the alt text with
    /// `aria-hidden`).
    heard: Option<String>,
}

/// What the page says about a figure's picture outside the caption text:
/// a credit element in the figure, and the image's schema.org
/// `ImageObject` in JSON-LD. (What the image file itself says is read by
/// the rules, from the probed files.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provided {
    pub credit: bool,
    /// The text of the figure's credit line, when it has one of its own
    /// (`<div class="image-credit">`).
    pub credit_line: Option<String>,
    pub date: bool,
    pub place: bool,
    /// The story's credits line names the photographer of all its
    /// pictures (`photo::page_credits_photographs`): a credit for the
    /// caption, not a credit line of the figure.
    pub page_credit: bool,
}

impl Caption {
    pub fn new(
        tag: Span,
        placement: Placement,
        content: Option<Span>,
        text: String,
        agencies: &Arc<[String]>,
        in_alt: bool,
    ) -> Caption {
        Caption {
            tag,
            placement,
            content,
            text,
            analysis: OnceCell::new(),
            agencies: agencies.clone(),
            in_alt,
            heard: None,
        }
    }

    /// The caption's text as a screen reader reads it.
    pub fn heard(&self) -> &str {
        self.heard.as_deref().unwrap_or(&self.text)
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

impl Figure {
    /// The picture's only credit is the story's credits line ("Produced
    /// by …, Photographs by Lexey Swall"): the story's photographer took it
    /// for the story, so it is as current as the story and was taken where
    /// the story takes the reader, and its caption need not date or place
    /// it. A picture credited on its own (an agency's file picture beside
    /// the photographer's work) is not.
    pub fn taken_for_story(&self) -> bool {
        self.provided.page_credit
            && !self.provided.credit
            && self
                .caption
                .as_ref()
                .is_none_or(|c| c.analysis().credit.is_none())
    }
}

impl Provided {
    pub fn add(&mut self, other: &Provided) {
        self.credit |= other.credit;
        self.date |= other.date;
        self.place |= other.place;
    }
}

/// Pictures with their captions, in document order: every `<figure>` a
/// reader meets that holds an image, and every other element the page uses
/// as one. Not hidden, not inert, and not a teaser card (a figure inside a
/// link, or whose caption is a link), whose "caption" is the headline of
/// another story.
///
/// A caption is the figure's `<figcaption>`, else an element in it marked
/// as the caption by class or itemprop; a `<figcaption>` just after the
/// figure's end tag is taken as its caption too. An element marked as a
/// caption outside any figure makes a figure of its nearest ancestor that
/// holds a few images (at most four), a few levels up at most.
///
/// Each element is looked at a bounded number of times, so the work is
/// proportional to the document.
pub fn figures(
    doc: &Document,
    image_index: &HashMap<NodeId, usize>,
    models: &[Image<'_>],
    references: &[Reference<'_>],
    objects: &ImageObjects,
    agencies: &Arc<[String]>,
    photo_selector: Option<&Selector>,
) -> Vec<Figure> {
    let with_text = elements_with_text(doc);
    let found = Found {
        doc,
        image_index,
        with_text: &with_text,
    };
    let vis = &doc.visibility;
    // Every `<figure>` that holds an exposed image, by its node.
    let mut figures: Vec<(ElementRef<'_>, Parts<'_>)> = Vec::new();
    let mut by_node: HashMap<NodeId, usize> = HashMap::new();
    for figure in doc.elements_named("figure") {
        if vis.is_hidden(figure) || vis.is_inert(figure) {
            continue;
        }
        let mut parts = found.parts(own_descendants(figure));
        if parts.images.is_empty() {
            // A lazy picture: no <img> until a script makes one from the
            // address a placeholder carries.
            match lazy_picture(doc, figure) {
                Some(address) => {
                    parts.lazy = Some(address);
                    parts.lazy_alt = own_descendants(figure)
                        .filter(|e| e.value().name() == "noscript")
                        .find_map(|e| noscript_img_attr(doc, e, "alt"));
                }
                None => continue,
            }
        }
        by_node.insert(figure.id(), figures.len());
        figures.push((figure, parts));
    }
    // Slideshows that write their pictures and captions as two lists.
    let mut containers: Vec<(ElementRef<'_>, Parts<'_>)> = Vec::new();
    let mut contained: HashSet<NodeId> = HashSet::new();
    for (list, pairs) in found.caption_lists() {
        contained.insert(list.id());
        for (picture, caption) in pairs {
            let mut parts = found.parts(picture.descendants().skip(1).filter_map(ElementRef::wrap));
            if parts.images.is_empty() {
                parts.lazy = picture_address(picture);
            }
            parts.caption = Some((caption, Placement::Marked));
            parts.credit_element = parts.credit_element.or(found.credit_line(caption));
            containers.push((picture, parts));
        }
    }
    // Captions outside the figures: a `<figcaption>` left after its
    // figure's end tag, and marked captions in other elements.
    for el in doc.elements() {
        let name = el.value().name();
        if !(name == "figcaption" || found.marked_caption(el))
            || vis.is_unseen(el)
            || vis.is_inert(el)
            || inside_link(el)
            || in_byline(el)
            // A caption inside any <figure> is that figure's, pictured
            // or not (a video, a chart drawn by a script).
            || el.ancestors().filter_map(ElementRef::wrap).any(|a| {
                a.value().name() == "figure" || contained.contains(&a.id())
            })
        {
            continue;
        }
        // Its figure is the element just before it, or the one figure
        // inside that element (a wrapper the layout put around it); before
        // the wrapper the layout put around the caption, when the caption
        // opens it (`</figure><div class="wrapper"><figcaption>`).
        let figure_before = || {
            let mut at = el;
            for _ in 0..2 {
                if at.prev_siblings().any(|n| n.value().is_element()) {
                    break;
                }
                at = at.parent().and_then(ElementRef::wrap)?;
            }
            let prev = at.prev_siblings().find_map(ElementRef::wrap)?;
            if let Some(figure) = by_node.get(&prev.id()) {
                return Some(figure);
            }
            let mut inside = prev
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|d| d.value().name() == "figure")
                .filter_map(|d| by_node.get(&d.id()));
            let figure = inside.next()?;
            inside.next().is_none().then_some(figure)
        };
        if name == "figcaption"
            && let Some(figure) = figure_before()
        {
            let parts = &mut figures[*figure].1;
            if parts
                .caption
                .is_none_or(|(_, placement)| placement != Placement::Figcaption)
                && found.has_text(el)
            {
                parts.caption = Some((el, Placement::Stray));
            }
            continue;
        }
        if !found.has_text(el) || found.holds_image(el) {
            continue;
        }
        let Some(container) = found.container_of(el) else {
            continue;
        };
        // A container around a figure that has its own caption: the
        // marked element is a credits line or a note beside that figure,
        // not a second caption of its picture.
        let captions_own_figure = || {
            container
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|d| d.value().name() == "figure")
                .filter_map(|d| by_node.get(&d.id()))
                .any(|&i| figures[i].1.caption.is_some())
        };
        if contained.contains(&container.id()) || captions_own_figure() {
            continue;
        }
        contained.insert(container.id());
        if !inside_link(container) {
            let mut parts =
                found.parts(container.descendants().skip(1).filter_map(ElementRef::wrap));
            if name == "figcaption" {
                parts.caption = Some((el, Placement::Stray));
            }
            containers.push((container, parts));
        }
    }
    // Captions written just after their picture, outside any marked
    // element: after a <figure> that has none, or after a picture standing
    // alone (see `Found::caption_after`).
    for (figure, parts) in &mut figures {
        if parts.caption.is_none() && !parts.images.is_empty() {
            let alts: Vec<&str> = parts
                .images
                .iter()
                .filter_map(|&i| alt_of(models, i))
                .collect();
            if let Some(next) = found.caption_after(*figure, &alts) {
                parts.caption = Some((next, Placement::Marked));
            }
        }
    }
    let mut pictured: HashSet<NodeId> = figures
        .iter()
        .map(|(f, _)| f.id())
        .chain(contained.iter().copied())
        .collect();
    for img in doc.elements_named("img") {
        let Some(index) = found.image(img) else {
            continue;
        };
        // A picture in a link is a teaser's or an icon's, unless the link
        // opens the picture's file.
        if vis.is_inert(img)
            || img.ancestors().filter_map(ElementRef::wrap).any(|a| {
                a.value().name() == "a"
                    && a.value().attr("href").is_some()
                    && !opens_picture_file(a)
            })
            || img
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "figure" || pictured.contains(&a.id()))
        {
            continue;
        }
        let block = standing_block(img);
        let alts: Vec<&str> = alt_of(models, index).into_iter().collect();
        if let Some(next) = found.caption_after(block, &alts)
            && pictured.insert(block.id())
        {
            let mut parts = found.parts(block.descendants().filter_map(ElementRef::wrap));
            parts.caption = Some((next, Placement::Marked));
            parts.credit_element = parts.credit_element.or(found.credit_line(next));
            containers.push((block, parts));
        }
    }
    let artist_in_byline = photo::byline_credits_artist(doc);
    let page_credit = photo::page_credits_photographs(doc);
    let mut out: Vec<(Figure, bool)> = figures
        .into_iter()
        .map(|(figure, parts)| (figure, FigureKind::Figure, parts))
        .chain(
            containers
                .into_iter()
                .map(|(container, parts)| (container, FigureKind::Container, parts)),
        )
        .map(|(element, kind, parts)| {
            let mut provided = Provided {
                credit: parts.credit_element.is_some(),
                credit_line: parts
                    .credit_element
                    .map(|e| caption_text(doc, e))
                    .filter(|t| !t.is_empty()),
                page_credit,
                ..Provided::default()
            };
            // Each image's own references: the work is linear in the page.
            for &i in &parts.images {
                for r in &references[models[i].references.clone()] {
                    if !r.is_data_uri()
                        && let Some(found) = objects.about(r.url)
                    {
                        provided.add(found);
                    }
                }
            }
            let caption = parts.caption.map(|(c, placement)| {
                if placement == Placement::Attribute {
                    return attribute_caption(doc, c, agencies);
                }
                let mut caption = Caption::new(
                    doc.tag_span(c),
                    placement,
                    doc.content_span(c),
                    caption_text(doc, c),
                    agencies,
                    false,
                );
                let heard = if doc.visibility.is_hidden(c) {
                    String::new()
                } else {
                    read_caption(doc, c, Reader::ScreenReader)
                };
                if heard != caption.text {
                    caption.heard = Some(heard);
                }
                caption
            });
            let links_away = images_link_away(element, &parts.image_elements);
            let addresses: Vec<&str> = parts
                .images
                .iter()
                .flat_map(|&i| &references[models[i].references.clone()])
                .filter(|r| !r.is_data_uri())
                .map(|r| r.url)
                .chain(parts.lazy)
                .collect();
            let seen = photo::Seen {
                element,
                images: &parts.image_elements,
                lazy_alt: parts.lazy_alt,
                addresses: &addresses,
                caption: parts
                    .caption
                    .zip(caption.as_ref())
                    .map(|((c, _), read)| (c, read.text.as_str())),
                links_away,
                artist_in_byline,
            };
            let figure = Figure {
                tag: doc.tag_span(element),
                kind,
                photo: photo::is_photo(&seen, photo_selector),
                supplied: false,
                copy: false,
                links_away,
                images: parts.images,
                caption,
                provided,
            };
            (figure, for_one_screen(element))
        })
        .collect();
    out.sort_by_key(|(f, _)| f.tag.start);
    mark_copies(&mut out, models, references);
    out.into_iter().map(|(figure, _)| figure).collect()
}

/// How many levels above a figure a class may say which screens it is
/// written for.
const SCREEN_LEVELS: usize = 3;

/// Words of a class name that write an element for one kind of screen
/// (`g-mobile-only`, `desktop-view`, `hide-on-tablet`).
const SCREEN_WORDS: &[&str] = &["mobile", "desktop", "tablet", "phone"];

/// The figure, or an element a few levels above it, is written for one
/// kind of screen.
fn for_one_screen(element: ElementRef<'_>) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .take(1 + SCREEN_LEVELS)
        .filter_map(|e| e.value().attr("class"))
        .flat_map(str::split_ascii_whitespace)
        .any(|class| a11y::word_parts(class).any(|w| SCREEN_WORDS.contains(&w.as_str())))
}

/// Mark the figures that repeat an earlier one for another screen size
/// (see [`Figure::copy`]): the same caption text over a picture one of
/// whose files the earlier figure shows, where one of the two is written
/// for one kind of screen. Linear in the figures and their files: each
/// caption is numbered once, and each (caption, file) pair looked up once.
fn mark_copies(figures: &mut [(Figure, bool)], models: &[Image<'_>], references: &[Reference<'_>]) {
    let mut captions: HashMap<String, usize> = HashMap::new();
    // (caption number, file) -> whether the first figure with them is
    // written for one kind of screen.
    let mut seen: HashMap<(usize, String), bool> = HashMap::new();
    for (figure, one_screen) in figures.iter_mut() {
        let Some(caption) = &figure.caption else {
            continue;
        };
        let next = captions.len();
        let text = *captions.entry(caption.text.to_lowercase()).or_insert(next);
        let files: HashSet<String> = figure
            .images
            .iter()
            .flat_map(|&i| &references[models[i].references.clone()])
            .filter(|r| !r.is_data_uri())
            .flat_map(|r| identity(r.url))
            .collect();
        // A figure's own files are a set: it is no copy of itself.
        let mut copy = false;
        for file in files {
            match seen.entry((text, file)) {
                Entry::Occupied(first) => copy |= *first.get() || *one_screen,
                Entry::Vacant(entry) => {
                    entry.insert(*one_screen);
                }
            }
        }
        figure.copy = copy;
    }
}

/// A picture's `data-caption`, when it says something.
fn data_caption(img: ElementRef<'_>) -> Option<&str> {
    img.value()
        .attr("data-caption")
        .filter(|c| c.chars().any(char::is_alphanumeric))
}

/// The caption a gallery keeps in its picture's `data-caption`. A screen
/// reader hears none of it, unless the alt text says the same.
fn attribute_caption(doc: &Document, img: ElementRef<'_>, agencies: &Arc<[String]>) -> Caption {
    let text = a11y::normalize(data_caption(img).unwrap_or_default());
    let in_alt = img
        .value()
        .attr("alt")
        .is_some_and(|alt| a11y::normalize(alt) == text);
    let mut caption = Caption::new(
        doc.attr_span(img, "data-caption"),
        Placement::Attribute,
        None,
        text,
        agencies,
        in_alt,
    );
    caption.heard = Some(if in_alt {
        String::new()
    } else {
        caption.text.clone()
    });
    caption
}

/// Attributes in which a placeholder carries a lazy picture's address.
const LAZY_PICTURE_ATTRIBUTES: &[&str] = &[
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
fn lazy_picture<'a>(doc: &'a Document, figure: ElementRef<'a>) -> Option<&'a str> {
    // The figure's own `itemid` (schema.org's ImageObject) counts too.
    std::iter::once(figure)
        .chain(own_descendants(figure))
        .find_map(|e| {
            if e.value().name() == "noscript" {
                return noscript_picture(doc, e);
            }
            LAZY_PICTURE_ATTRIBUTES
                .iter()
                .filter_map(|a| e.value().attr(a))
                .map(|v| v.trim().split([' ', ',']).next().unwrap_or(""))
                .find(|v| looks_like_picture(v))
        })
}

/// The picture address of the `<img src>` a `<noscript>` holds (the
/// fallback a lazy loader unwraps at runtime). `<noscript>` holds text
/// while scripts run, so the address is read from its source text.
fn noscript_picture<'a>(doc: &'a Document, noscript: ElementRef<'_>) -> Option<&'a str> {
    noscript_img_attr(doc, noscript, "src").filter(|v| looks_like_picture(v))
}

/// An attribute of the first `<img>` in a `<noscript>`'s source text, as
/// written.
fn noscript_img_attr<'a>(
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
fn picture_address(el: ElementRef<'_>) -> Option<&str> {
    el.descendants().filter_map(ElementRef::wrap).find_map(|e| {
        let v = e.value();
        if v.name() == "noscript" {
            return None;
        }
        let img = (v.name() == "img").then(|| v.attr("src")).flatten();
        let background = v.attr("style").and_then(|style| {
            let at = style.find("url(")? + 4;
            let rest = &style[at..];
            Some(rest[..rest.find(')')?].trim_matches(['"', '\'', ' ']))
        });
        img.into_iter()
            .chain(LAZY_PICTURE_ATTRIBUTES.iter().filter_map(|a| v.attr(a)))
            .chain(background)
            .map(whole_or_first_address)
            .find(|a| looks_like_picture(a))
    })
}

/// An attribute's address: the whole value when it names a picture (a
/// file name with spaces, `…/A JD Wetherspoon pub.jpg`), else its first
/// candidate (`a.jpg 1x, b.jpg 2x`).
fn whole_or_first_address(value: &str) -> &str {
    let value = value.trim();
    if looks_like_picture(value) {
        return value;
    }
    value.split([' ', ',']).next().unwrap_or("")
}

/// The longest text taken for a caption written after its picture: more
/// is a paragraph of the story.
const MAX_CAPTION_AFTER: usize = 400;

/// A picture's alt text, when it has one.
fn alt_of<'m>(models: &'m [Image<'_>], index: usize) -> Option<&'m str> {
    models.get(index)?.alt_text().map(|a| a.value)
}

/// The picture and the elements around it that hold nothing else (a
/// `<p>`, `<div>` or `<picture>` wrapping only it, a link to its larger
/// version), a few levels up.
fn standing_block(img: ElementRef<'_>) -> ElementRef<'_> {
    let mut block = img;
    for _ in 0..CONTAINER_LEVELS {
        let Some(parent) = block.parent().and_then(ElementRef::wrap) else {
            break;
        };
        // A link to the picture's larger version wraps it too.
        let wrapper = matches!(
            parent.value().name(),
            "p" | "div" | "span" | "center" | "picture"
        ) || opens_picture_file(parent);
        let alone = wrapper
            && parent.children().all(|c| {
                c.id() == block.id()
                    || match c.value() {
                        Node::Text(t) => t.trim().is_empty(),
                        Node::Element(e) => matches!(e.name(), "br" | "source"),
                        _ => true,
                    }
            });
        if !alone {
            break;
        }
        block = parent;
    }
    block
}

/// Set apart as a caption is: an `<i>`, `<em>`, `<small>` or `<cite>`,
/// or a block holding only one.
fn emphasised(el: ElementRef<'_>) -> bool {
    let italic = |name: &str| matches!(name, "i" | "em" | "small" | "cite");
    italic(el.value().name())
        || el
            .children()
            .any(|c| c.value().as_element().is_some_and(|e| italic(e.name())))
            && el.children().all(|c| match c.value() {
                Node::Text(t) => t.trim().is_empty(),
                Node::Element(e) => italic(e.name()) || e.name() == "br",
                _ => true,
            })
}

/// Labels that open a caption written as a paragraph ("Caption: …",
/// "Photo: …", "图注：…").
const CAPTION_LABELS: &[&str] = &[
    "caption",
    "pictured",
    "photo",
    "foto",
    "image",
    "bild",
    "légende",
    "leyenda",
    "图注",
    "图为",
    "写真",
    "main image",
    "credit",
    "credits",
    "image credit",
    "photo credit",
];

/// The positions a caption for several pictures names them by, followed
/// by a colon or a comma ("Clockwise from top: …", "Above, the skull …").
const POSITION_LABELS: &[&str] = &[
    "above",
    "below",
    "top",
    "from left",
    "from top",
    "left to right",
    "clockwise from top",
    "clockwise from left",
    "clockwise from top left",
];

fn opens_with_caption_label(text: &str) -> bool {
    let text = text.trim_start();
    text.char_indices()
        .take(28)
        .find(|(_, c)| matches!(c, ':' | '：' | ','))
        .is_some_and(|(i, c)| {
            let label = text[..i].trim().to_lowercase();
            POSITION_LABELS.contains(&label.as_str())
                || c != ',' && CAPTION_LABELS.contains(&label.as_str())
        })
}

/// How many elements near a list of captions are looked at for its list
/// of pictures.
const NEAR_LISTS: usize = 64;

/// A class that marks a list of captions (`legends`, `slide-captions`).
fn marks_caption_list(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    (lower.contains("caption") || lower.contains("legend"))
        && value.split_ascii_whitespace().any(|word| {
            crate::a11y::word_parts(word)
                .any(|p| matches!(p.as_str(), "captions" | "legends" | "legend"))
        })
}

/// An address whose path ends in an image file's extension.
fn looks_like_picture(address: &str) -> bool {
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

/// What the parser found, and the questions the figure search asks of it.
struct Found<'a> {
    doc: &'a Document,
    image_index: &'a HashMap<NodeId, usize>,
    with_text: &'a HashSet<NodeId>,
}

/// What one figure holds.
struct Parts<'a> {
    images: Vec<usize>,
    image_elements: Vec<ElementRef<'a>>,
    /// The picture's address when it has no `<img>` yet (see
    /// [`lazy_picture`]).
    lazy: Option<&'a str>,
    /// The alt text of that picture's `<img>` in a `<noscript>` fallback,
    /// as written (character references not decoded).
    lazy_alt: Option<&'a str>,
    caption: Option<(ElementRef<'a>, Placement)>,
    /// An element of the figure marked as the picture's credit line.
    credit_element: Option<ElementRef<'a>>,
}

/// How many levels above a marked caption its picture may be.
const CONTAINER_LEVELS: usize = 3;

/// The longest line read as a credit by its form alone (see
/// [`Found::credit_by_form`]).
const CREDIT_LINE_CHARS: usize = 80;

/// A credit line read by its form names someone: after its label ("Photo:",
/// "AP Photo/"), two words or an agency, and no slide counter ("Photo: 1 of
/// 12", "Image: Enlarge" are a gallery's controls).
fn names_someone(line: &str) -> bool {
    let named = line.rsplit([':', '：', '/']).next().unwrap_or(line).trim();
    !named.chars().any(|c| c.is_ascii_digit())
        && (named.split_whitespace().count() >= 2 || super::supplied::is_agency(named))
}

/// How many pictures one caption outside a `<figure>` may describe (a
/// pair or a small group shown together); more is a gallery or a page
/// section.
const CONTAINER_IMAGES: usize = 4;

impl<'a> Found<'a> {
    fn has_text(&self, el: ElementRef<'_>) -> bool {
        self.with_text.contains(&el.id())
    }

    /// An exposed image the article model holds.
    fn image(&self, el: ElementRef<'_>) -> Option<usize> {
        (el.value().name() == "img" && !self.doc.visibility.is_hidden(el))
            .then(|| self.image_index.get(&el.id()).copied())
            .flatten()
    }

    fn holds_image(&self, el: ElementRef<'_>) -> bool {
        el.descendants()
            .filter_map(ElementRef::wrap)
            .any(|d| self.image(d).is_some())
    }

    /// The images, caption and credit element among `elements`, the
    /// descendants of one figure.
    fn parts(&self, elements: impl Iterator<Item = ElementRef<'a>>) -> Parts<'a> {
        let figure_elements: Vec<ElementRef<'a>> = elements.collect();
        let mut parts = Parts {
            images: Vec::new(),
            image_elements: Vec::new(),
            lazy: None,
            lazy_alt: None,
            caption: None,
            credit_element: None,
        };
        let mut marked = None;
        for &e in &figure_elements {
            if let Some(i) = self.image(e) {
                parts.images.push(i);
                parts.image_elements.push(e);
            }
            // A caption the page hides from screen readers (`aria-hidden`,
            // the alt text saying the same) is read by the eye still.
            if self.doc.visibility.is_unseen(e) {
                continue;
            }
            if parts.caption.is_none() && e.value().name() == "figcaption" && self.has_text(e) {
                parts.caption = Some((e, Placement::Figcaption));
            }
            if marked.is_none()
                && self.marked_caption(e)
                && self.has_text(e)
                && !self.holds_image(e)
            {
                marked = Some(e);
            }
            // A <figcaption> classed as the attribution is the caption:
            // its text says whether it credits anyone.
            if parts.credit_element.is_none()
                && e.value().name() != "figcaption"
                && (marks(e, &marks_credit) || e.value().name() == "cite")
                && self.has_text(e)
                // A credit line holding only "." credits no one.
                && caption_text(self.doc, e).chars().any(char::is_alphanumeric)
            {
                parts.credit_element = Some(e);
            }
        }
        if parts.caption.is_none() {
            // A caption that is only a credit line is the caption still,
            // with the text written beside it in the same block.
            parts.caption = marked
                // An element marked as the caption is the caption; one
                // marked only as the picture's credit line reaches the
                // text beside it.
                .map(|m| {
                    if marks(m, &marks_caption) {
                        m
                    } else {
                        self.credit_block(m)
                    }
                })
                .or(parts.credit_element.map(|c| self.credit_block(c)))
                .map(|m| (m, Placement::Marked));
        }
        if parts.caption.is_none() {
            parts.caption = parts
                .image_elements
                .iter()
                .find(|img| data_caption(**img).is_some())
                .map(|img| (*img, Placement::Attribute));
        }
        if parts.credit_element.is_none() {
            parts.credit_element = self.credit_by_form(&parts, &figure_elements);
        }
        parts
    }

    /// A short line of the figure that its class does not mark (a
    /// CSS-in-JS `<div class="HywHC">`) but that opens with a credit in one
    /// of the unmistakable forms ("AP Photo/Lekan Oyekanmi", "Photo: Jane
    /// Doe"): the picture's credit line, beside its caption.
    fn credit_by_form(
        &self,
        parts: &Parts<'a>,
        elements: &[ElementRef<'a>],
    ) -> Option<ElementRef<'a>> {
        let caption = parts.caption.map(|(c, _)| c);
        elements.iter().copied().find(|e| {
            self.has_text(*e)
                && Some(*e) != caption
                && !caption.is_some_and(|c| e.ancestors().any(|a| a.id() == c.id()))
                && !e.children().any(|c| c.value().is_element())
                && !self.doc.visibility.is_unseen(*e)
                && {
                    let text = caption_text(self.doc, *e);
                    let text = text.trim();
                    text.chars().count() <= CREDIT_LINE_CHARS
                        && crate::text::strong_credit(text).is_some_and(|f| f.start == 0)
                        && names_someone(text)
                }
        })
    }

    /// The block a credit line shares with the caption text beside it: its
    /// ancestors, a few levels up, that hold no picture and are not the
    /// figure (`<div class="footer"><span class="attribution">Joshua
    /// Roberts / Reuters</span><div class="description"><p>Student Trump
    /// supporters…</p></div></div>`).
    fn credit_block(&self, credit: ElementRef<'a>) -> ElementRef<'a> {
        let mut block = credit;
        for parent in credit
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(CONTAINER_LEVELS)
        {
            if matches!(parent.value().name(), "figure" | "body" | "main" | "a")
                || self.holds_image(parent)
            {
                break;
            }
            block = parent;
        }
        // A wrapper around the credit line alone is not a caption of its own.
        if block != credit
            && caption_text(self.doc, block).trim() == caption_text(self.doc, credit).trim()
        {
            return credit;
        }
        block
    }

    /// The credit line among an element's descendants: marked by class or
    /// itemprop, or a `<cite>`, with words in it (a credit holding only
    /// "." credits no one).
    fn credit_line(&self, el: ElementRef<'a>) -> Option<ElementRef<'a>> {
        el.descendants()
            .skip(1)
            .filter_map(ElementRef::wrap)
            .find(|e| {
                (marks(*e, &marks_credit) || e.value().name() == "cite")
                    && self.has_text(*e)
                    && !self.doc.visibility.is_unseen(*e)
                    && caption_text(self.doc, *e)
                        .chars()
                        .any(char::is_alphanumeric)
            })
    }

    /// The caption a page writes just after a picture (`block`: a
    /// `<figure>` without one, or a picture standing alone), outside any
    /// element marked as a caption: the next element, past line breaks,
    /// when it repeats the picture's alt text or mostly its words, is set apart (`<i>`,
    /// `<em>`, `<small>`), opens with a caption label ("Caption:",
    /// "Photo:", "图注："), or is classed as a caption or legend; not a
    /// headline or a link. A picture inside running text has none.
    fn caption_after(&self, block: ElementRef<'a>, alts: &[&str]) -> Option<ElementRef<'a>> {
        let mut node = block.next_sibling();
        while let Some(n) = node {
            match n.value() {
                Node::Text(t) if t.trim().is_empty() => {}
                Node::Comment(_) => {}
                Node::Element(e) if e.name() == "br" => {}
                Node::Element(_) => break,
                _ => return None,
            }
            node = n.next_sibling();
        }
        let next = ElementRef::wrap(node?)?;
        if self.doc.visibility.is_unseen(next)
            || !self.has_text(next)
            || self.holds_image(next)
            || picture_address(next).is_some()
            || !matches!(
                next.value().name(),
                "p" | "div" | "span" | "i" | "em" | "small" | "cite" | "ul" | "font" | "center"
            )
        {
            return None;
        }
        // A headline, or a line that is mostly a link, is a teaser's or a
        // section's, not the picture's caption.
        let headline = next
            .descendants()
            .filter_map(ElementRef::wrap)
            .any(|d| matches!(d.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
        if headline || caption_is_link(next) {
            return None;
        }
        let text = caption_text(self.doc, next);
        if text.chars().count() > MAX_CAPTION_AFTER {
            return None;
        }
        let says = alts
            .iter()
            .any(|a| text::repeats(a, &text) || text::mostly_in(&text, a))
            || emphasised(next)
            || opens_with_caption_label(&text)
            || marks(next, &marks_caption)
            || marks(next, &marks_caption_list);
        says.then_some(next)
    }

    /// Slideshows that write their pictures as one list and the captions
    /// as another (`<ul class="slides">` and `<ul class="legends">`): the
    /// n-th caption is the n-th picture's. A list counts as the captions
    /// when its class says so (caption, legend), it holds no picture, and
    /// a list of as many pictures, one per item, sits near it (under an
    /// ancestor a few levels up).
    fn caption_lists(&self) -> Vec<(ElementRef<'a>, Vec<(ElementRef<'a>, ElementRef<'a>)>)> {
        let vis = &self.doc.visibility;
        let mut out = Vec::new();
        let mut paired: HashSet<NodeId> = HashSet::new();
        for list in self.doc.elements() {
            if !marks(list, &marks_caption_list)
                || vis.is_hidden(list)
                || vis.is_inert(list)
                || picture_address(list).is_some()
            {
                continue;
            }
            let captions: Vec<ElementRef<'a>> =
                list.children().filter_map(ElementRef::wrap).collect();
            if captions.len() < 2 || !captions.iter().all(|c| self.has_text(*c)) {
                continue;
            }
            let pictures = list
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take(CONTAINER_LEVELS)
                .take_while(|a| !matches!(a.value().name(), "body" | "main" | "html"))
                .find_map(|a| {
                    // The lists near it: an ancestor's children and
                    // grandchildren, a bounded number of them, so that a
                    // page of thousands of lists costs linear time.
                    a.children()
                        .filter_map(ElementRef::wrap)
                        .flat_map(|c| {
                            std::iter::once(c).chain(c.children().filter_map(ElementRef::wrap))
                        })
                        .take(NEAR_LISTS)
                        .find_map(|l| {
                            if l == list || paired.contains(&l.id()) {
                                return None;
                            }
                            let mut items = l.children().filter_map(ElementRef::wrap);
                            let items: Vec<ElementRef<'a>> =
                                items.by_ref().take(captions.len() + 1).collect();
                            (items.len() == captions.len()
                                && !vis.is_hidden(l)
                                && items.iter().all(|i| picture_address(*i).is_some()))
                            .then_some(items)
                        })
                });
            if let Some(pictures) = pictures {
                // Each list of slides has one list of captions.
                if let Some(parent) = pictures[0].parent() {
                    paired.insert(parent.id());
                }
                out.push((list, pictures.into_iter().zip(captions).collect()));
            }
        }
        out
    }

    /// An element the page marks as a caption, or as a picture's credit
    /// line, by class or itemprop.
    fn marked_caption(&self, el: ElementRef<'_>) -> bool {
        marks(el, &marks_caption) || marks(el, &marks_picture_credit)
    }

    /// The element a caption outside any `<figure>` belongs to: its
    /// nearest ancestor, a few levels up at most, that holds an image, if
    /// it holds a few images at most and is not the page's body or main
    /// column.
    fn container_of(&self, caption: ElementRef<'a>) -> Option<ElementRef<'a>> {
        // A `<figcaption>` says what it is: it may sit a level further from
        // its picture than a classed element (a photo essay's header, the
        // caption under the headline, the picture behind it).
        let levels = CONTAINER_LEVELS + usize::from(caption.value().name() == "figcaption");
        let ancestor = caption
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(levels)
            .take_while(|a| !matches!(a.value().name(), "body" | "main" | "html"))
            .find(|a| self.holds_image(*a))?;
        let images = ancestor
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|d| self.image(*d).is_some())
            .count();
        (1..=CONTAINER_IMAGES).contains(&images).then_some(ancestor)
    }
}

/// Whether the element's class or itemprop passes `test`.
fn marks(el: ElementRef<'_>, test: &dyn Fn(&str) -> bool) -> bool {
    ["class", "itemprop"]
        .iter()
        .any(|a| el.value().attr(a).is_some_and(test))
}

/// A class or itemprop value that marks a caption: a word containing
/// "caption" (`wp-caption-text`, `Figure-caption`, `thumbcaption`), but not
/// one that says there is none (`no-caption`, `InlineImage-wrapperNoCaption`)
/// or that it is an advertisement's (`GoogleDfpAd-adCaption`).
fn marks_caption(value: &str) -> bool {
    value.split_ascii_whitespace().any(|word| {
        let lower = word.to_ascii_lowercase();
        lower.contains("caption")
            && ![
                "nocaption",
                "no-caption",
                "withoutcaption",
                "has-caption",
                "toggle",
            ]
            .iter()
            .any(|n| lower.contains(n))
            && !crate::a11y::word_parts(word)
                .any(|p| matches!(p.as_str(), "ad" | "ads" | "advert" | "sponsor"))
    })
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
                    !a11y::holds_no_text(el.value().name()) && !doc.visibility.is_unseen(el);
                if counts && let Some(top) = open.last_mut() {
                    *top = true;
                }
            }
        }
    }
    out
}

/// Every image is inside a link to another page below the figure: not to
/// an anchor, to the picture itself or to the picture's own page
/// (`/wiki/File:…`, `…/img.html`, `…/photos/123`, a gallery or lightbox);
/// or the whole figure is inside a link that does not open its picture.
fn images_link_away(figure: ElementRef<'_>, images: &[ElementRef<'_>]) -> bool {
    // A whole figure inside a link is a card for the page it opens, unless
    // the link opens the picture's own file.
    let figure_links_away = || {
        figure
            .ancestors()
            .any(|a| links_away(a) && !ElementRef::wrap(a).is_some_and(opens_picture_file))
    };
    !images.is_empty()
        && (images.iter().all(|img| {
            img.ancestors()
                .take_while(|a| a.id() != figure.id())
                .filter_map(ElementRef::wrap)
                .any(link_goes_away)
        }) || figure_links_away())
}

/// A link (`<a href>`) to an image file: the picture's larger version; or
/// a lightbox's link, which keeps that file in a `data-` attribute
/// (`<a class="lightbox" href="/story/r~photo-id/" data-img="…/original.jpg">`)
/// and opens it over the page.
fn opens_picture_file(a: ElementRef<'_>) -> bool {
    a.value().name() == "a"
        && (a.value().attr("href").is_some_and(is_picture_file)
            || a.value()
                .attrs()
                .any(|(name, value)| name.starts_with("data-") && is_picture_file(value)))
}

fn is_picture_file(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    let h = h.split(['?', '#']).next().unwrap_or("");
    [
        ".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".svg", ".tif", ".tiff",
    ]
    .iter()
    .any(|ext| h.ends_with(ext))
}

/// A link (`<a href>`) to another page: not to the picture itself, its
/// larger version or its gallery page.
fn link_goes_away(a: ElementRef<'_>) -> bool {
    a.value().name() == "a"
        && !opens_picture_file(a)
        && a.value().attr("href").is_some_and(|h| {
            let h = h.trim().to_ascii_lowercase();
            let h = h.split(['?', '#']).next().unwrap_or("");
            // A segment that starts with a picture word (`/photos/123`,
            // `/gallery-2/`, `images.example.com`); inside a story's slug
            // (`/kylie-jenner-bathing-suit-photo/`) the word is the story's.
            !h.is_empty()
                && !is_picture_file(h)
                && !h
                    .split('/')
                    .filter_map(|segment| crate::a11y::word_parts(segment).next())
                    .any(|w| {
                        matches!(
                            w.as_str(),
                            "img"
                                | "image"
                                | "images"
                                | "photo"
                                | "photos"
                                | "gallery"
                                | "galleries"
                                | "lightbox"
                                | "slideshow"
                                | "file"
                                | "zoom"
                        )
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

/// The element is part of the story's byline (`<div class="byline-section">
/// <div class="attribution">`): its credit is the writer's, not a
/// picture's. A picture's own byline (`photo-byline`) names the picture.
fn in_byline(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .take(3)
        .filter_map(|a| a.value().attr("class"))
        .any(|class| {
            let parts: Vec<String> = class
                .split_ascii_whitespace()
                .flat_map(crate::a11y::word_parts)
                .collect();
            parts.iter().any(|p| p == "byline")
                && !parts.iter().any(|p| {
                    matches!(
                        p.as_str(),
                        "photo" | "image" | "img" | "picture" | "media" | "caption" | "figure"
                    )
                })
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
    read_caption(doc, caption, Reader::Eye)
}

/// Who reads a caption: the eye skips what is not seen; a screen reader
/// also skips what is hidden from it (`aria-hidden`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    Eye,
    ScreenReader,
}

fn read_caption(doc: &Document, caption: ElementRef<'_>, reader: Reader) -> String {
    let mut out = String::new();
    // The children still to read of each element entered, and whether the
    // element separates words (its space after is added when it is done).
    let mut stack = vec![(caption.children(), false)];
    while let Some((children, _)) = stack.last_mut() {
        let Some(child) = children.next() else {
            if let Some((_, true)) = stack.pop() {
                out.push_str(PART_BREAK);
            }
            continue;
        };
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                let skipped = match reader {
                    Reader::Eye => doc.visibility.is_unseen(child),
                    Reader::ScreenReader => doc.visibility.is_hidden(child),
                };
                if a11y::holds_no_text(e.name()) || skipped {
                    continue;
                }
                // Blocks are parts of their own ("…Times</p><p>Credit").
                let block = matches!(
                    e.name(),
                    "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                );
                if block {
                    out.push_str(PART_BREAK);
                }
                // A credit line of its own is a part of its own: "in
                // Paris" then "Benoit Tessier/Reuters", not a place
                // "Paris Benoit".
                if marks(child, &marks_credit) || e.name() == "cite" {
                    out.push_str(PART_BREAK);
                }
                stack.push((child.children(), block));
            }
            _ => {}
        }
    }
    // Whitespace collapsed; a part break becomes a line break.
    let mut text = String::with_capacity(out.len());
    let mut sep = "";
    for word in out.split_whitespace() {
        if word == PART_BREAK.trim() {
            if !text.is_empty() {
                sep = "\n";
            }
            continue;
        }
        text.push_str(sep);
        text.push_str(word);
        sep = " ";
    }
    text
}

/// Marks, while a caption's text is read, where a separate part (a credit
/// line) begins.
const PART_BREAK: &str = " \u{1} ";

/// A class or itemprop value that marks a picture's credit line
/// (`credit-caption`, `photographer`, `image-copyright`, `attribution`),
/// not an article's byline or author.
fn marks_picture_credit(value: &str) -> bool {
    let lower = value.to_lowercase();
    says_credit(&lower)
        || ["copyright", "photographer", "attribution", "courtesy"]
            .iter()
            .any(|w| lower.contains(w))
}

/// "credit" in a lowercase class name, not inside "accreditation" (Wired's
/// `ContentHeaderAccreditation` holds the story's dek and byline).
fn says_credit(lower: &str) -> bool {
    lower
        .match_indices("credit")
        .any(|(at, _)| !lower[..at].ends_with("ac"))
}

/// A class or itemprop value that marks a credit element: "credit",
/// "byline", "copyright", "source", "attribution", "photographer"… as a
/// word of the value ("caption__source", "CaptionCredit-x1y2",
/// "buzz_attr").
pub fn marks_credit(value: &str) -> bool {
    let lower = value.to_lowercase();
    says_credit(&lower)
        || ["byline", "copyright", "photographer", "attribution"]
            .iter()
            .any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| matches!(w, "source" | "attr" | "owner" | "author" | "courtesy"))
}

#[cfg(test)]
mod tests {
    use super::names_someone;

    #[test]
    fn credit_lines_read_by_their_form_name_someone() {
        for line in [
            "AP Photo/Lekan Oyekanmi",
            "Photo: Jane Doe",
            "Photo: Reuters",
            "Credit: Getty Images",
        ] {
            assert!(names_someone(line), "{line}");
        }
        for line in ["Photo: 1 of 12", "Photos: 12", "Image: Enlarge"] {
            assert!(!names_someone(line), "{line}");
        }
    }
}
