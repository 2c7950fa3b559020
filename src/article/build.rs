//! Building the model from a parsed document, in one pass over its
//! elements (figures, which need the images, come after).

use std::collections::HashMap;

use super::attr::Attr;
use super::embeds;
use super::figures::{self, figures};
use super::headline::TitleMatch;
use super::images::{image, og_image, orphan_source, parent_picture};
use super::jsonld::ImageObjects;
use super::named::*;
use super::{Article, DocumentFacts, Options};
use crate::a11y;
use crate::html::{self, Attribute, Document};
use ego_tree::NodeId;
use scraper::ElementRef;

pub fn build<'d>(doc: &'d Document, options: &Options) -> Article<'d> {
    let vis = &doc.visibility;
    let headline = super::headline::Headline::of(doc);
    let exposed = |el| !vis.is_hidden(el) && !vis.is_inert(el);
    let linked_data = super::jsonld::documents(doc);
    let mut article = Article {
        source: doc.source(),
        document: DocumentFacts {
            full_document: doc.full_document,
            markdown: false,
            front_matter: None,
            html_tag: None,
            base: None,
            lang: None,
            lang_bound: false,
            title: None,
            head_tag: None,
            body_tag: None,
            headline_line: doc.full_document && super::headline::written(doc),
            reviews_or_guides: doc.full_document
                && super::genre::reviews_or_guides(doc, &linked_data),
        },
        images: Vec::new(),
        references: Vec::new(),
        figures: Vec::new(),
        headings: Vec::new(),
        blocks: Vec::new(),
        links: Vec::new(),
        frames: Vec::new(),
        objects: Vec::new(),
        areas: Vec::new(),
        image_buttons: Vec::new(),
        role_images: Vec::new(),
        svgs: Vec::new(),
        videos: Vec::new(),
        tracks: Vec::new(),
    };
    let mut outside_story = HashMap::new();
    let mut image_index = HashMap::new();
    let mut picture_imgs = HashMap::new();
    let mut copied_hrefs = std::collections::HashSet::new();
    let mut link_hrefs = Vec::new();
    for el in doc.elements() {
        let name = el.value().name();
        let is_svg = el.value().name.ns == html5ever::ns!(svg);
        let role = a11y::role(el);
        if name == "p" && exposed(el) {
            article.blocks.push(paragraph(doc, el, &mut outside_story));
        }
        if name == "hr"
            && exposed(el)
            && let Some(last) = article.blocks.last_mut()
        {
            last.rule_after = true;
        }
        // A `<pre>` right after a paragraph, its sibling, or the first
        // thing in a highlighter's wrapper that is (`<div
        // class="geshifilter"><pre>`, `<div class="highlight"><pre>`).
        if name == "pre"
            && exposed(el)
            && let Some(last) = article.blocks.last_mut()
            && code_block(el)
                .prev_siblings()
                .find_map(ElementRef::wrap)
                .is_some_and(|p| {
                    p.value().name() == "p" && doc.tag_span(p).start == last.span.start
                })
        {
            last.code_after = true;
        }
        if let Some(level) = heading_level(el)
            && exposed(el)
        {
            article.blocks.push(Block {
                span: doc.tag_span(el),
                heading: true,
                text: String::new(),
                emphasised: false,
                linked: false,
                nested: false,
                media: false,
                rule_after: false,
                code_after: false,
                article: article_of(doc, el),
            });
            let empty =
                !a11y::has_aria_name(doc, el) && a11y::content_name_is_empty(doc, el, false);
            article.headings.push(Heading {
                tag: doc.tag_span(el),
                level,
                empty,
                slot: empty && script_slot(el),
                widths: vis.screen_widths(el),
                text: a11y::normalize(&el.text().collect::<String>()),
                layout_copy: named_for_a_layout(el),
                title_match: if level == 1 {
                    headline.heading(el)
                } else {
                    TitleMatch::None
                },
            });
        }
        if a11y::is_link(el) && exposed(el) {
            let copy = doc.spans(el).is_some_and(|s| s.implied);
            if copy && let Some(href) = el.value().attribute("href") {
                copied_hrefs.insert(href);
            }
            article.links.push(Link {
                tag: doc.tag_span(el),
                unnamed: unnamed(doc, el) && a11y::content_name_is_empty(doc, el, false),
                copy,
                nested: !copy && closed_by_inner_link(doc, el),
                vendor: embeds::in_ad_slot(el)
                    || embeds::in_share_button(el)
                    || embeds::holds_unrendered_widget(el)
                    || embeds::in_replaced_embed(el)
                    || embeds::in_consent_manager(el),
            });
            link_hrefs.push(el.value().attribute("href"));
        }
        // <img> and SVG content have rules of their own.
        if !is_svg && name != "img" && role.as_deref() == Some("img") && exposed(el) {
            article.role_images.push(RoleImage {
                role: doc.attr_span(el, "role"),
                unnamed: unnamed(doc, el),
            });
        }
        match name {
            _ if is_svg => {
                let image_role = matches!(
                    role.as_deref(),
                    Some("img" | "graphics-document" | "graphics-symbol")
                );
                if image_role && !vis.is_hidden(el) && !a11y::in_presentational_children(el) {
                    article.svgs.push(Svg {
                        tag: doc.tag_span(el),
                        unnamed: a11y::svg_title(el).is_none() && unnamed(doc, el),
                    });
                }
            }
            "html" if article.document.html_tag.is_none() => {
                article.document.html_tag = Some(doc.tag_span(el));
                article.document.lang = Attr::read(doc, el, "lang");
                article.document.lang_bound = a11y::binds_attribute(el, "lang");
            }
            "base" if article.document.base.is_none() && el.value().attribute("href").is_some() => {
                article.document.base = Attr::read(doc, el, "href");
            }
            "head" if article.document.head_tag.is_none() => {
                article.document.head_tag = Some(doc.tag_span(el));
            }
            "body" if article.document.body_tag.is_none() => {
                article.document.body_tag = Some(doc.tag_span(el));
            }
            "title" if article.document.title.is_none() => {
                let text: String = el.text().collect();
                article.document.title = Some((
                    doc.tag_span(el),
                    !a11y::normalize(&text).is_empty() || a11y::binds_text(el),
                ));
            }
            "img" => {
                let index = article.images.len();
                image_index.insert(el.id(), index);
                let picture = parent_picture(el)
                    .filter(|p| first_img(&mut picture_imgs, *p) == Some(el.id()));
                let model = image(doc, el, picture, index, &mut article.references);
                article.images.push(model);
            }
            "source"
                if parent_picture(el)
                    .is_some_and(|p| first_img(&mut picture_imgs, p).is_none()) =>
            {
                orphan_source(doc, el, &mut article.references);
            }
            "meta" => og_image(doc, el, &mut article.references),
            "iframe" if exposed(el) => article.frames.push(Frame {
                tag: doc.tag_span(el),
                title: Attr::read(doc, el, "title"),
                announced: !matches!(role.as_deref(), Some("presentation" | "none"))
                    && a11y::attr(el, "tabindex")
                        .and_then(|t| t.trim().parse::<i64>().ok())
                        .is_none_or(|t| t >= 0),
                unnamed: unnamed(doc, el),
                third_party: embeds::is_third_party(el),
            }),
            "object"
                if exposed(el) && a11y::attr(el, "data").is_some_and(|d| !d.trim().is_empty()) =>
            {
                article.objects.push(Object {
                    tag: doc.tag_span(el),
                    presentational: a11y::is_presentational(el),
                    unnamed: unnamed(doc, el),
                    third_party: embeds::is_third_party(el),
                })
            }
            "area" if exposed(el) && a11y::attr(el, "href").is_some() => article.areas.push(Area {
                tag: doc.tag_span(el),
                alt: Attr::read(doc, el, "alt"),
                aria_named: a11y::has_aria_name(doc, el),
            }),
            "input"
                if exposed(el)
                    && a11y::attr(el, "type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("image")) =>
            {
                article.image_buttons.push(ImageButton {
                    tag: doc.tag_span(el),
                    alt: Attr::read(doc, el, "alt"),
                    unnamed: unnamed(doc, el),
                })
            }
            "video" if exposed(el) => article.videos.push(Video {
                tag: doc.tag_span(el),
                muted: a11y::attr(el, "muted").is_some(),
                captioned: el
                    .children()
                    .filter_map(scraper::ElementRef::wrap)
                    .any(|t| {
                        t.value().name() == "track"
                            && matches!(track_kind(t).as_str(), "captions" | "subtitles")
                    }),
                sourced: std::iter::once(el)
                    .chain(
                        el.children()
                            .filter_map(scraper::ElementRef::wrap)
                            .filter(|s| s.value().name() == "source"),
                    )
                    .filter_map(|e| a11y::attr(e, "src"))
                    .any(|src| {
                        let src = src.trim();
                        !src.is_empty() && !src.to_ascii_lowercase().starts_with("blob:")
                    }),
                advert: embeds::is_advert(el),
            }),
            "track" if vis.is_rendered(el) => article.tracks.push(Track {
                tag: doc.tag_span(el),
                kind: track_kind(el),
                src: Attr::read(doc, el, "src"),
            }),
            _ => {}
        }
    }
    // A written link whose copies the parser made had a link inside it.
    for (link, href) in article.links.iter_mut().zip(link_hrefs) {
        link.nested |= !link.copy && href.is_some_and(|h| copied_hrefs.contains(h));
    }
    let objects = ImageObjects::read(&linked_data);
    let agencies: std::sync::Arc<[String]> = options.agencies.clone().into();
    article.figures = figures(
        doc,
        &image_index,
        &article.images,
        &article.references,
        &objects,
        &agencies,
        options.photo.as_deref(),
    );
    article
}

/// The block a `<pre>` makes on the page: itself, or the `<div>`s around
/// it, two at most, of which it is the first content (a syntax
/// highlighter's wrapper).
fn code_block(pre: ElementRef<'_>) -> ElementRef<'_> {
    let mut block = pre;
    for _ in 0..2 {
        let Some(parent) = block.parent().and_then(ElementRef::wrap) else {
            break;
        };
        let first = parent.children().find(|n| {
            n.value().is_element() || n.value().as_text().is_some_and(|t| !t.trim().is_empty())
        });
        if parent.value().name() != "div" || first.map(|n| n.id()) != Some(block.id()) {
            break;
        }
        block = parent;
    }
    block
}

/// A `<p>` as a block of the story's text.
fn paragraph(
    doc: &Document,
    p: ElementRef<'_>,
    outside_story: &mut HashMap<NodeId, bool>,
) -> Block {
    let text = a11y::normalize(&p.text().collect::<String>());
    let chars = |el: ElementRef<'_>| {
        el.text()
            .flat_map(str::chars)
            .filter(|c| !c.is_whitespace())
            .count()
    };
    let all = chars(p);
    let within = |names: &[&str]| {
        p.descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| names.contains(&e.value().name()))
            // The outermost such element only.
            .filter(|e| {
                !e.ancestors()
                    .take_while(|a| a.id() != p.id())
                    .filter_map(ElementRef::wrap)
                    .any(|a| names.contains(&a.value().name()))
            })
            .map(chars)
            .sum::<usize>()
    };
    let tag = doc.tag_span(p);
    let end = doc.content_span(p).map_or(tag.end, |c| c.end);
    Block {
        span: crate::diagnostic::Span::new(tag.start, end),
        heading: false,
        emphasised: all > 0 && within(&["strong", "b", "em", "i"]) == all,
        linked: all > 0 && within(&["a"]) * 2 > all,
        nested: p.ancestors().filter_map(ElementRef::wrap).any(|a| {
            matches!(
                a.value().name(),
                "li" | "blockquote"
                    | "table"
                    | "figure"
                    | "figcaption"
                    | "aside"
                    | "nav"
                    | "header"
                    | "footer"
                    | "form"
                    | "button"
                    | "a"
                    | "dl"
            )
        }) || in_caption_or_credit(p)
            || in_author_block(p)
            || outside_the_story(outside_story, p),
        media: holds_media(p) || titles_next(p, &text) || captions_picture_before(p),
        rule_after: false,
        code_after: false,
        article: article_of(doc, p),
        text,
    }
}

/// How many levels above a paragraph a caption's or credit's class makes
/// it part of that caption.
const CAPTION_LEVELS: usize = 2;

/// The paragraph, or an element just above it, is marked as a caption or a
/// picture's credit (`<p class="figcaption"><span class="firma">`,
/// `<div class="wp-caption-text"><p>`): a figure's text, not the story's.
fn in_caption_or_credit(p: ElementRef<'_>) -> bool {
    std::iter::once(p)
        .chain(
            p.ancestors()
                .filter_map(ElementRef::wrap)
                .take(CAPTION_LEVELS),
        )
        .any(|el| {
            figures::marks(el, &|v| {
                figures::marks_caption(v) || figures::marks_credit(v)
            })
        })
}

/// How many levels above a heading a block's name says which layout it is
/// written for.
const LAYOUT_LEVELS: usize = 4;

/// The element, or a block a few levels around it, is named for one device's
/// layout: a class or id word `mobile`, `desktop`, `pc` or `tablet`
/// (`id="logoMobile"`, `class="domPC"`, `header-desktop`).
fn named_for_a_layout(el: ElementRef<'_>) -> bool {
    word_near(el, LAYOUT_LEVELS, &["class", "id"], |w| {
        matches!(w, "mobile" | "desktop" | "pc" | "tablet")
    })
}

/// A word part of the `attributes` (class, id) of the element or of an
/// ancestor at most `levels` above it that `test` accepts.
fn word_near(
    el: ElementRef<'_>,
    levels: usize,
    attributes: &[&str],
    test: impl Fn(&str) -> bool,
) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .take(levels + 1)
        .flat_map(|e| {
            attributes
                .iter()
                .filter_map(move |a| e.value().attribute(a))
        })
        .flat_map(str::split_ascii_whitespace)
        .flat_map(a11y::word_parts)
        .any(|w| test(&w))
}

/// How many levels above a paragraph an author block's class makes it the
/// byline's.
const AUTHOR_LEVELS: usize = 3;

/// The paragraph is in a block the page marks as its author's (`<div
/// class="lesauteurs"><div class="unauteur"><p class="nom">`, `author-bio`,
/// `byline`): the writer's name or note, not the story's text.
fn in_author_block(p: ElementRef<'_>) -> bool {
    word_near(p, AUTHOR_LEVELS, &["class"], |part| {
        matches!(
            part,
            "byline"
                | "author"
                | "authors"
                | "auteur"
                | "auteurs"
                | "autor"
                | "autoren"
                | "autorin"
        ) || ["author", "authors", "auteur", "auteurs"]
            .iter()
            .any(|w| part.len() > w.len() && part.ends_with(w))
    })
}

/// How many elements a picture's box holds at most: the picture (or its
/// link) and a line or two under it.
const PICTURE_BOX_CHILDREN: usize = 3;

/// The paragraph comes right after a picture in a box that holds little
/// else (`<div class="picBox"><a><img></a><p>Tahir Della helped organize
/// Berlin's new initiative</p></div>`): the line under a picture is its
/// caption, not a heading over the story's next paragraph.
fn captions_picture_before(p: ElementRef<'_>) -> bool {
    let Some(parent) = p.parent().and_then(ElementRef::wrap) else {
        return false;
    };
    if matches!(parent.value().name(), "body" | "main" | "article") {
        return false;
    }
    // Counted only as far as needed: a page of 50,000 paragraphs in one
    // block would count them all for each.
    parent
        .children()
        .nth(html::NODES_PER_ELEMENT * (PICTURE_BOX_CHILDREN + 1))
        .is_none()
        && html::first_elements(parent.children(), PICTURE_BOX_CHILDREN + 1).count()
            <= PICTURE_BOX_CHILDREN
        && p.prev_siblings()
            .find_map(ElementRef::wrap)
            .is_some_and(|prev| prev.value().name() != "p" && holds_media(prev))
}

/// The paragraph is in readers' comments or in a page footer written as a
/// `<div>` (see [`marks_comments_or_footer`]). Each element's answer is
/// kept in `memo`, so a deep page's ancestors are read once, not once per
/// paragraph.
/// A `<picture>`'s first `<img>`, found once a picture.
fn first_img(
    memo: &mut HashMap<NodeId, Option<NodeId>>,
    picture: ElementRef<'_>,
) -> Option<NodeId> {
    *memo.entry(picture.id()).or_insert_with(|| {
        picture
            .children()
            .filter_map(ElementRef::wrap)
            .find(|c| c.value().name() == "img")
            .map(|c| c.id())
    })
}

fn outside_the_story(memo: &mut HashMap<NodeId, bool>, p: ElementRef<'_>) -> bool {
    let mut unknown = Vec::new();
    let mut outside = false;
    for el in std::iter::once(p).chain(p.ancestors().filter_map(ElementRef::wrap)) {
        if let Some(&known) = memo.get(&el.id()) {
            outside = known;
            break;
        }
        unknown.push(el);
    }
    for el in unknown.into_iter().rev() {
        outside = outside || marks_comments_or_footer(el);
        memo.insert(el.id(), outside);
    }
    outside
}

/// A class or id word `comment`/`comments` (`<div class="sf_comment">`),
/// or a name ending in `footer` (`<div id="page-footer">`); not a story's
/// note that it takes comments (`comments-open`, `has-comments`,
/// `with-comments`), nor the page's `<body>` or `<main>`.
fn marks_comments_or_footer(el: ElementRef<'_>) -> bool {
    if matches!(el.value().name(), "html" | "body" | "main") {
        return false;
    }
    ["class", "id"]
        .iter()
        .filter_map(|a| el.value().attribute(a))
        .flat_map(str::split_ascii_whitespace)
        .any(|name| {
            let lower = name.to_ascii_lowercase();
            if !lower.contains("comment") && !lower.contains("footer") {
                return false;
            }
            let words: Vec<String> = a11y::word_parts(name).collect();
            let about = words
                .first()
                .is_some_and(|w| matches!(w.as_str(), "has" | "no" | "with" | "without" | "show"))
                || words.last().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "open"
                            | "closed"
                            | "count"
                            | "link"
                            | "enabled"
                            | "disabled"
                            | "allowed"
                            | "on"
                            | "off"
                            | "toggle"
                    )
                });

            !about
                && (words.iter().any(|w| w == "comment" || w == "comments")
                    || lower == "footer"
                    || lower.ends_with("-footer")
                    || lower.ends_with("_footer"))
        })
}

fn holds_media(el: ElementRef<'_>) -> bool {
    el.descendants().filter_map(ElementRef::wrap).any(|e| {
        matches!(
            e.value().name(),
            "img" | "picture" | "video" | "audio" | "iframe" | "object" | "embed" | "canvas"
        )
    })
}

/// The paragraph's text is the title of the picture or player right after
/// it: the next element holds media and repeats the text (its title or
/// caption).
fn titles_next(p: ElementRef<'_>, text: &str) -> bool {
    !text.is_empty()
        && p.next_siblings()
            .find_map(ElementRef::wrap)
            .is_some_and(|next| {
                holds_media(next)
                    && a11y::normalize(&next.text().collect::<String>())
                        .to_lowercase()
                        .contains(&text.to_lowercase())
            })
}

/// The start tag of the nearest `<article>` around an element.
fn article_of(doc: &Document, el: ElementRef<'_>) -> Option<crate::diagnostic::Span> {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "article")
        .map(|a| doc.tag_span(a))
}

/// A link written with another link's start tag inside it, and nothing
/// after that: `<a href="/shop"><a href="/shop">More…</a></a>`. The
/// parser closes the outer link at the inner one's start tag, leaving it
/// empty with no copy of it made; the next element is the inner link, and
/// no `</a>` was written between the two start tags.
fn closed_by_inner_link(doc: &Document, el: ElementRef<'_>) -> bool {
    let empty = el
        .children()
        .all(|c| c.value().as_text().is_some_and(|t| t.trim().is_empty()));
    let Some(next) = el.next_siblings().find_map(ElementRef::wrap) else {
        return false;
    };
    let (outer, inner) = (doc.tag_span(el), doc.tag_span(next));
    // Only blanks between the two start tags: no `</a>` closed the outer
    // link, and no text was written in it.
    empty
        && next.value().name() == "a"
        && inner.start >= outer.end
        && doc
            .source_text(crate::Span::new(outer.end, inner.start))
            .is_some_and(|between| between.trim().is_empty())
}
