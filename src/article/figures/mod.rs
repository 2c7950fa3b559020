//! Figures and their captions: found once, each caption read and analysed
//! once (credit, date, place) with the configured agencies.
//!
//! [`figures`] runs the search in passes over the page; `search` answers
//! its questions (what a figure holds, which element is a caption or a
//! credit line, which links make a picture a teaser), `lazy` finds the
//! address of a picture that has no `<img>` yet, `read` reads a caption's
//! text as the eye and as a screen reader do, and `copies` marks the
//! second copy of a figure written once per kind of screen.

mod copies;
mod lazy;
mod read;
mod search;
pub mod wrapped;

pub(crate) use search::href_leads_away;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ego_tree::NodeId;
use scraper::{ElementRef, Selector};

use super::images::{Image, Reference};
use super::jsonld::ImageObjects;
use super::photo;
use crate::a11y;
use crate::diagnostic::Span;
use crate::html::{Attribute, Document};
use crate::text::{self, Analysis};
use copies::mark_copies;
use lazy::{lazy_picture, lazy_picture_in, noscript_img_attr, picture_address};
use read::{Reader, caption_text, read_caption};
pub use search::marks_credit;
use search::{
    Found, Parts, alt_of, caption_is_link, elements_with_text, holds_heading, href_goes_away,
    images_held, images_link_away, in_byline, inside_link, opens_picture_file, own_descendants,
    standing_block,
};
pub(crate) use search::{marks, marks_caption};

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
    /// It repeats an earlier figure: the same picture with the same
    /// caption (a layout's copy for phones or desktops, `g-mobile-only`; a
    /// gallery's slide shown again in the story). The caption is written
    /// once in the newsroom's system, so the caption rules report the
    /// first copy only. See `copies::mark_copies`.
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
    /// A credit line stands where the caption should be: the `<figure>`'s
    /// only caption, outside a `<figcaption>`, credits the picture and
    /// says nothing of what it shows (`<cite>Photo by Jane Doe/AP</cite>`).
    /// The missing caption is one problem, which `figure-caption-missing`
    /// reports; its date and place are part of it.
    pub fn credit_line_only(&self) -> bool {
        self.kind == FigureKind::Figure
            && self.caption.as_ref().is_some_and(|c| {
                matches!(c.placement, Placement::Marked | Placement::Attribute)
                    && !c.heard().trim().is_empty()
                    && c.analysis().credit_only
            })
    }

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
    let images_held = images_held(doc, image_index);
    let found = Found {
        doc,
        image_index,
        with_text: &with_text,
        images_held: &images_held,
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
    // Containers around a figure with its own caption (see below).
    let mut captioned_own: HashSet<NodeId> = HashSet::new();
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
            // A headline linking to another story, or a `<figcaption>`
            // holding a heading and its excerpt: a teaser card's. A credit
            // line may link to its agency's or photographer's page.
            || caption_is_link(el) && !found.linked_credit(el)
            || name == "figcaption" && holds_heading(el)
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
        if contained.contains(&container.id()) || captioned_own.contains(&container.id()) {
            continue;
        }
        // Once true, true for the loop's rest (captions are only added):
        // a block of thousands of marked lines beside its figure is walked
        // once, not once a line.
        if captions_own_figure() {
            captioned_own.insert(container.id());
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
                    && a.value().attribute("href").is_some()
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
            // The credit line in the caption, or written right after it
            // (`<div class="pull-left">Steve Forbes</div><div
            // class="pull-right">Image: Stefan Falke for Weltwoche</div>`).
            let after: Vec<ElementRef<'_>> = next
                .next_siblings()
                .find_map(ElementRef::wrap)
                .into_iter()
                .collect();
            parts.credit_element = parts
                .credit_element
                .or(found.credit_line(next))
                .or_else(|| found.credit_by_form(&parts, &after));
            containers.push((block, parts));
        }
    }
    let build = Build {
        doc,
        models,
        references,
        objects,
        agencies,
        photo_selector,
        artist_in_byline: photo::byline_credits_artist(doc),
        page_credit: photo::page_credits_photographs(doc),
    };
    let mut out: Vec<Figure> = figures
        .into_iter()
        .map(|(figure, parts)| (figure, FigureKind::Figure, parts))
        .chain(
            containers
                .into_iter()
                .map(|(container, parts)| (container, FigureKind::Container, parts)),
        )
        .map(|(element, kind, parts)| build.figure(element, kind, parts))
        .collect();
    out.sort_by_key(|f| f.tag.start);
    mark_copies(&mut out, models, references);
    out
}

/// What building a figure from what the search found needs, the same for
/// every figure of the page.
struct Build<'d, 'm> {
    doc: &'d Document,
    models: &'m [Image<'m>],
    references: &'m [Reference<'m>],
    objects: &'m ImageObjects,
    agencies: &'m Arc<[String]>,
    photo_selector: Option<&'m Selector>,
    /// The byline credits an illustrator (`photo::byline_credits_artist`).
    artist_in_byline: bool,
    /// A credits line names the photographer of all the pictures
    /// (`photo::page_credits_photographs`).
    page_credit: bool,
}

impl Build<'_, '_> {
    /// The figure `element` holds: its caption read once, what the page's
    /// metadata provides, and whether it is a news photo.
    fn figure(&self, element: ElementRef<'_>, kind: FigureKind, parts: Parts<'_>) -> Figure {
        let mut provided = Provided {
            credit: parts.credit_element.is_some(),
            credit_line: parts
                .credit_element
                .map(|e| caption_text(self.doc, e))
                .filter(|t| !t.is_empty()),
            page_credit: self.page_credit,
            ..Provided::default()
        };
        // Each image's own references: the work is linear in the page.
        for &i in &parts.images {
            for r in &self.references[self.models[i].references.clone()] {
                if !r.is_data_uri()
                    && let Some(found) = self.objects.about(r.url)
                {
                    provided.add(found);
                }
            }
        }
        let caption = parts.caption.map(|(c, placement)| {
            if placement == Placement::Attribute {
                return attribute_caption(self.doc, c, self.agencies);
            }
            element_caption(self.doc, c, placement, self.agencies)
        });
        // A lazy picture with no <img> yet links away when its placeholder
        // does (`<a class="thumbnail__image lazy" data-original="….jpg"
        // href="/raksts/…">`): a teaser card.
        let links_away = images_link_away(element, &parts.image_elements)
            || parts.image_elements.is_empty()
                && lazy_picture_in(self.doc, element).is_some_and(|(placeholder, _)| {
                    href_goes_away(placeholder) || images_link_away(element, &[placeholder])
                });
        let addresses: Vec<&str> = parts
            .images
            .iter()
            .flat_map(|&i| &self.references[self.models[i].references.clone()])
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
            artist_in_byline: self.artist_in_byline,
        };
        Figure {
            tag: self.doc.tag_span(element),
            kind,
            photo: photo::is_photo(&seen, self.photo_selector),
            supplied: false,
            copy: false,
            links_away,
            images: parts.images,
            caption,
            provided,
        }
    }
}

/// The caption element `c`, as the eye and as a screen reader read it.
fn element_caption(
    doc: &Document,
    c: ElementRef<'_>,
    placement: Placement,
    agencies: &Arc<[String]>,
) -> Caption {
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
}

/// A picture's `data-caption`, when it says something.
fn data_caption(img: ElementRef<'_>) -> Option<&str> {
    img.value()
        .attribute("data-caption")
        .filter(|c| c.chars().any(char::is_alphanumeric))
}

/// The caption a gallery keeps in its picture's `data-caption`. A screen
/// reader hears none of it, unless the alt text says the same.
fn attribute_caption(doc: &Document, img: ElementRef<'_>, agencies: &Arc<[String]>) -> Caption {
    let text = a11y::normalize(data_caption(img).unwrap_or_default());
    let in_alt = img
        .value()
        .attribute("alt")
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

#[cfg(test)]
mod tests {
    use super::search::names_someone;

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
