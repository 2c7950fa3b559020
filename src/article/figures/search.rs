//! Where a page puts its captions: what a figure holds, captions marked
//! by class or written after their picture, credit lines, and links that
//! make a picture a teaser.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Node};

use ego_tree::iter::Edge;

use super::Placement;
use super::data_caption;
use super::lazy::picture_address;
use super::read::caption_text;
use crate::article::images::Image;
use crate::html::{Attribute, Document};
use crate::{a11y, text};

/// The longest text taken for a caption written after its picture: more
/// is a paragraph of the story.
pub(super) const MAX_CAPTION_AFTER: usize = 400;

/// A picture's alt text, when it has one.
pub(super) fn alt_of<'m>(models: &'m [Image<'_>], index: usize) -> Option<&'m str> {
    models.get(index)?.alt_text().map(|a| a.value)
}

/// The most children a wrapper of one picture holds: the picture, its
/// `<source>`s, line breaks and the blank text between them.
const WRAPPER_CHILDREN: usize = 64;

/// The picture and the elements around it that hold nothing else (a
/// `<p>`, `<div>` or `<picture>` wrapping only it, a link to its larger
/// version), a few levels up.
pub(super) fn standing_block(img: ElementRef<'_>) -> ElementRef<'_> {
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
        // Read only as far as a wrapper's children go: a block of
        // thousands of line breaks is not read once per picture in it.
        let mut children = parent.children();
        let alone = wrapper
            && children.by_ref().take(WRAPPER_CHILDREN).all(|c| {
                c.id() == block.id()
                    || match c.value() {
                        Node::Text(t) => t.trim().is_empty(),
                        Node::Element(e) => matches!(e.name(), "br" | "source"),
                        _ => true,
                    }
            })
            && children.next().is_none();
        if !alone {
            break;
        }
        block = parent;
    }
    block
}

/// Set apart as a caption is: an `<i>`, `<em>`, `<small>` or `<cite>`,
/// or a block holding only one.
pub(super) fn emphasised(el: ElementRef<'_>) -> bool {
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
pub(super) const CAPTION_LABELS: &[&str] = &[
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
pub(super) const POSITION_LABELS: &[&str] = &[
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

pub(super) fn opens_with_caption_label(text: &str) -> bool {
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
pub(super) const NEAR_LISTS: usize = 64;

/// A class that marks a list of captions (`legends`, `slide-captions`).
pub(super) fn marks_caption_list(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    (lower.contains("caption") || lower.contains("legend"))
        && value.split_ascii_whitespace().any(|word| {
            crate::a11y::word_parts(word)
                .any(|p| matches!(p.as_str(), "captions" | "legends" | "legend"))
        })
}

/// What the parser found, and the questions the figure search asks of it.
pub(super) struct Found<'a> {
    pub(super) doc: &'a Document,
    pub(super) image_index: &'a HashMap<NodeId, usize>,
    pub(super) with_text: &'a HashSet<NodeId>,
    /// How many exposed images each element holds, itself included (see
    /// [`images_held`]).
    pub(super) images_held: &'a HashMap<NodeId, usize>,
}

/// What one figure holds.
pub(super) struct Parts<'a> {
    pub(super) images: Vec<usize>,
    pub(super) image_elements: Vec<ElementRef<'a>>,
    /// The picture's address when it has no `<img>` yet (see
    /// [`lazy_picture`]).
    pub(super) lazy: Option<&'a str>,
    /// The alt text of that picture's `<img>` in a `<noscript>` fallback,
    /// as written (character references not decoded).
    pub(super) lazy_alt: Option<&'a str>,
    pub(super) caption: Option<(ElementRef<'a>, Placement)>,
    /// An element of the figure marked as the picture's credit line.
    pub(super) credit_element: Option<ElementRef<'a>>,
}

/// How many levels above a marked caption its picture may be.
pub(super) const CONTAINER_LEVELS: usize = 3;

/// The longest line read as a credit by its form alone (see
/// [`Found::credit_by_form`]).
pub(super) const CREDIT_LINE_CHARS: usize = 80;

/// A short line that opens with a credit in one of the unmistakable forms
/// ("AP Photo/Lekan Oyekanmi", "Photo: Jane Doe", "© RIA Novosti / …").
fn reads_as_credit_line(text: &str) -> bool {
    text.chars().count() <= CREDIT_LINE_CHARS
        && crate::text::strong_credit(text).is_some_and(|f| f.start == 0)
}

/// A credit line read by its form names someone: after its label ("Photo:",
/// "AP Photo/"), two words or an agency, and no slide counter ("Photo: 1 of
/// 12", "Image: Enlarge" are a gallery's controls).
pub(super) fn names_someone(line: &str) -> bool {
    let named = line.rsplit([':', '：', '/']).next().unwrap_or(line).trim();
    !named.chars().any(|c| c.is_ascii_digit())
        && (named.split_whitespace().count() >= 2 || crate::article::supplied::is_agency(named))
}

/// How many pictures one caption outside a `<figure>` may describe (a
/// pair or a small group shown together); more is a gallery or a page
/// section.
pub(super) const CONTAINER_IMAGES: usize = 4;

impl<'a> Found<'a> {
    pub(super) fn has_text(&self, el: ElementRef<'_>) -> bool {
        self.with_text.contains(&el.id())
    }

    /// An exposed image the article model holds.
    pub(super) fn image(&self, el: ElementRef<'_>) -> Option<usize> {
        (el.value().name() == "img" && !self.doc.visibility.is_hidden(el))
            .then(|| self.image_index.get(&el.id()).copied())
            .flatten()
    }

    pub(super) fn holds_image(&self, el: ElementRef<'_>) -> bool {
        self.images_in(el) > 0
    }

    /// How many exposed images `el` holds, itself included.
    pub(super) fn images_in(&self, el: ElementRef<'_>) -> usize {
        self.images_held.get(&el.id()).copied().unwrap_or(0)
    }

    /// The images, caption and credit element among `elements`, the
    /// descendants of one figure.
    pub(super) fn parts(&self, elements: impl Iterator<Item = ElementRef<'a>>) -> Parts<'a> {
        let figure_elements: Vec<ElementRef<'a>> = elements.collect();
        let mut parts = Parts {
            images: Vec::new(),
            image_elements: Vec::new(),
            lazy: None,
            lazy_alt: None,
            caption: None,
            credit_element: None,
        };
        // The first element marked as the caption or as the picture's
        // credit line, and the first marked as the caption.
        let mut marked = None;
        let mut marked_caption = None;
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
            if self.marked_caption(e)
                && self.has_text(e)
                && !self.holds_image(e)
                && !only_headings(e)
            {
                marked = marked.or(Some(e));
                if marked_caption.is_none() && marks(e, &marks_caption) {
                    marked_caption = Some(e);
                }
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
            // An element marked as the caption is the caption; one
            // marked only as the picture's credit line reaches the text
            // beside it, unless the caption is marked after it (`<div
            // class="credit">…</div><div class="caption">…</div>`).
            parts.caption = marked
                .map(|m| match marked_caption {
                    _ if marks(m, &marks_caption) => m,
                    Some(c) if !c.ancestors().any(|a| a.id() == m.id()) => c,
                    _ => self.credit_block(m),
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
    pub(super) fn credit_by_form(
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
                    reads_as_credit_line(text) && names_someone(text)
                }
        })
    }

    /// The block a credit line shares with the caption text beside it: its
    /// ancestors, a few levels up, that hold no picture and are not the
    /// figure (`<div class="footer"><span class="attribution">Joshua
    /// Roberts / Reuters</span><div class="description"><p>Student Trump
    /// supporters…</p></div></div>`).
    pub(super) fn credit_block(&self, credit: ElementRef<'a>) -> ElementRef<'a> {
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
    pub(super) fn credit_line(&self, el: ElementRef<'a>) -> Option<ElementRef<'a>> {
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
    pub(super) fn caption_after(
        &self,
        block: ElementRef<'a>,
        alts: &[&str],
    ) -> Option<ElementRef<'a>> {
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
        if holds_heading(next) || caption_is_link(next) {
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
    pub(super) fn caption_lists(
        &self,
    ) -> Vec<(ElementRef<'a>, Vec<(ElementRef<'a>, ElementRef<'a>)>)> {
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
    /// line, by class or itemprop; not one holding a level-one heading, the
    /// page's title set in a box over a picture (a hero's title card, `<div
    /// class="hero-caption"><h1>…</h1><p>…</p><a>Learn More</a>`).
    pub(super) fn marked_caption(&self, el: ElementRef<'_>) -> bool {
        (marks(el, &marks_caption) || marks(el, &marks_picture_credit))
            && !el
                .descendants()
                .filter_map(ElementRef::wrap)
                .any(|d| d.value().name() == "h1")
    }

    /// A picture's credit line, marked as one, whose text links to the
    /// agency's or the photographer's page: `<span
    /// class="photoview__copyright"><a href="/docs/copyright.html">© RIA
    /// Novosti / Name</a></span>`. It reads as a credit in one of the
    /// unmistakable forms, so it is not a teaser's headline.
    pub(super) fn linked_credit(&self, el: ElementRef<'_>) -> bool {
        marks(el, &marks_picture_credit) && !marks(el, &marks_caption) && {
            reads_as_credit_line(caption_text(self.doc, el).trim())
        }
    }

    /// The element a caption outside any `<figure>` belongs to: its
    /// nearest ancestor, a few levels up at most, that holds an image, if
    /// it holds a few images at most and is not the page's body or main
    /// column.
    pub(super) fn container_of(&self, caption: ElementRef<'a>) -> Option<ElementRef<'a>> {
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
        let images = self.images_in(ancestor);
        (1..=CONTAINER_IMAGES).contains(&images).then_some(ancestor)
    }
}

/// Whether the element's class or itemprop passes `test`.
pub(crate) fn marks(el: ElementRef<'_>, test: &dyn Fn(&str) -> bool) -> bool {
    ["class", "itemprop"]
        .iter()
        .any(|a| el.value().attribute(a).is_some_and(test))
}

/// A class or itemprop value that marks a caption: a word containing
/// "caption" (`wp-caption-text`, `Figure-caption`, `thumbcaption`), but not
/// one that says there is none (`no-caption`, `InlineImage-wrapperNoCaption`)
/// or that it is an advertisement's (`GoogleDfpAd-adCaption`).
pub(crate) fn marks_caption(value: &str) -> bool {
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

/// How many exposed images (see [`Found::image`]) each element holds,
/// itself included, counted once for the document: each image adds
/// itself to its ancestors, rather than each element asking counting its
/// descendants.
pub(super) fn images_held(
    doc: &Document,
    image_index: &HashMap<NodeId, usize>,
) -> HashMap<NodeId, usize> {
    let mut held = HashMap::new();
    let images = image_index
        .keys()
        .filter_map(|id| doc.html.tree.get(*id))
        .filter_map(ElementRef::wrap)
        .filter(|el| el.value().name() == "img" && !doc.visibility.is_hidden(*el));
    for img in images {
        for el in std::iter::once(img).chain(img.ancestors().filter_map(ElementRef::wrap)) {
            *held.entry(el.id()).or_insert(0) += 1;
        }
    }
    held
}

/// Every element whose [`caption_text`] is not empty, for the whole
/// document in one pass.
pub(super) fn elements_with_text(doc: &Document) -> HashSet<NodeId> {
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
pub(super) fn images_link_away(figure: ElementRef<'_>, images: &[ElementRef<'_>]) -> bool {
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
pub(super) fn opens_picture_file(a: ElementRef<'_>) -> bool {
    a.value().name() == "a"
        && (a.value().attribute("href").is_some_and(is_picture_file)
            || a.value()
                .attrs()
                .any(|(name, value)| name.starts_with("data-") && is_picture_file(value)))
}

pub(super) fn is_picture_file(href: &str) -> bool {
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
pub(super) fn link_goes_away(a: ElementRef<'_>) -> bool {
    !opens_picture_file(a) && href_goes_away(a)
}

/// `a` is a link whose `href` leads to another page (see
/// [`link_goes_away`]), whatever its `data-` attributes hold: a lazy
/// placeholder link (`<a class="lazy" data-original="….jpg"
/// href="/story/…">`) keeps its own picture there, not a larger one.
pub(super) fn href_goes_away(a: ElementRef<'_>) -> bool {
    a.value().name() == "a" && a.value().attribute("href").is_some_and(href_leads_away)
}

/// An `href` that leads to another page: not to an anchor on this one, to
/// a picture file, or to a picture's own page (see [`href_goes_away`]).
pub(crate) fn href_leads_away(h: &str) -> bool {
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
}

/// Descendant elements whose nearest `<figure>` is `figure` itself, in
/// document order: a nested figure is listed, what is inside it is not
/// visited at all.
pub(super) fn own_descendants<'a>(figure: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
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
pub(super) fn in_byline(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .take(3)
        .filter_map(|a| a.value().attribute("class"))
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

pub(super) fn inside_link(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "a" && a.value().attribute("href").is_some())
}

/// A heading (`<h1>` to `<h6>`) is inside the element: a headline, a
/// teaser's or a section's, not a picture's caption.
pub(super) fn holds_heading(el: ElementRef<'_>) -> bool {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .any(|d| matches!(d.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// All of the element's text is in headings (`<div class="picture-caption">
/// <h4>A word from our executive director</h4></div>`): a section's title
/// set beside a picture, whatever the class says, not its caption.
pub(super) fn only_headings(el: ElementRef<'_>) -> bool {
    holds_heading(el)
        && el.descendants().all(|node| {
            node.value().as_text().is_none_or(|t| {
                t.trim().is_empty()
                    || node.ancestors().filter_map(ElementRef::wrap).any(|a| {
                        matches!(a.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                    })
            })
        })
}

/// Most of the caption's text is a link to another page: a teaser card,
/// whose "caption" is another story's headline.
pub(super) fn caption_is_link(caption: ElementRef<'_>) -> bool {
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
pub(super) fn links_away(node: ego_tree::NodeRef<'_, Node>) -> bool {
    ElementRef::wrap(node).is_some_and(|a| {
        a.value().name() == "a"
            && a.value()
                .attribute("href")
                .is_some_and(|h| !h.trim().is_empty() && !h.trim().starts_with('#'))
    })
}

/// A class or itemprop value that marks a picture's credit line
/// (`credit-caption`, `photographer`, `image-copyright`, `attribution`),
/// not an article's byline or author.
pub(super) fn marks_picture_credit(value: &str) -> bool {
    let lower = value.to_lowercase();
    says_credit(&lower)
        || ["copyright", "photographer", "attribution", "courtesy"]
            .iter()
            .any(|w| lower.contains(w))
}

/// "credit" in a lowercase class name, not inside "accreditation" (Wired's
/// `ContentHeaderAccreditation` holds the story's dek and byline).
pub(super) fn says_credit(lower: &str) -> bool {
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
