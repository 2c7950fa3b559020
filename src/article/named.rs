//! Headings, links and the other elements that need an accessible name,
//! and media with their tracks: each with the facts its rules read.

use scraper::ElementRef;

use super::attr::Attr;
use crate::a11y;
use crate::diagnostic::Span;
use crate::html::{self, Attribute, Document};

/// An exposed heading: `<h1>`–`<h6>` or `role="heading"`.
#[derive(Clone, Debug)]
pub struct Heading {
    pub tag: Span,
    /// `1`–`6` from the tag, or `aria-level` (1–9, default 2) for
    /// `role="heading"`.
    pub level: u8,
    /// No name from ARIA and no text content.
    pub empty: bool,
    /// Empty, and followed by an empty list, template or custom element:
    /// a slot the page's script fills (a rail's "Top stories" title and its
    /// list, a navigation bar's headline shown on scroll).
    pub slot: bool,
    /// The screen widths it is shown at, as bits
    /// ([`crate::a11y::Visibility::screen_widths`]): a header written once
    /// per width shows one copy at each.
    pub widths: u8,
    /// Its text, whitespace collapsed.
    pub text: String,
    /// It, or a block just around it, is named for one layout (`id="logoMobile"`,
    /// `class="header-desktop"`, `domPC`): a copy of a header written once
    /// per device, whose style sheet shows one.
    pub layout_copy: bool,
    /// How it repeats the story's part of the `<title>` or the `og:title`
    /// (see [`super::headline::Headline`]): the headline repeats the most
    /// of it.
    pub title_match: super::headline::TitleMatch,
}

/// An exposed link (`<a href>` or a link role).
#[derive(Clone, Debug)]
pub struct Link {
    pub tag: Span,
    /// No name from ARIA, `title` or content.
    pub unnamed: bool,
    /// Made by the parser, not written: the empty copy of a link that had
    /// another link inside it (browsers split nested links).
    pub copy: bool,
    /// Another link was written inside it, so browsers split it (the
    /// parser made copies of it).
    pub nested: bool,
    /// A third party's script writes it at load time: it or its parent
    /// is an advertising slot, it is a share widget's button, it holds a
    /// widget not drawn yet, or it stands in a social post's blockquote
    /// that the post's frame replaces.
    pub vendor: bool,
}

/// An exposed `<iframe>`.
#[derive(Clone, Debug)]
pub struct Frame<'d> {
    pub tag: Span,
    pub title: Option<Attr<'d>>,
    /// Announced as a frame: not presentational, not taken out of the tab
    /// order with a negative `tabindex`.
    pub announced: bool,
    /// No name from ARIA or `title`.
    pub unnamed: bool,
    /// An advertising slot's frame, or a helper frame no one sees (at most
    /// 1 pixel, or running a `javascript:` address): its markup is not the
    /// article's.
    pub third_party: bool,
}

/// An exposed `<object>` with `data`.
#[derive(Clone, Debug)]
pub struct Object {
    pub tag: Span,
    pub presentational: bool,
    /// No name from ARIA or `title`.
    pub unnamed: bool,
    /// In an advertising slot, or a helper of at most 1 pixel.
    pub third_party: bool,
}

/// An exposed image-map `<area href>`.
#[derive(Clone, Debug)]
pub struct Area<'d> {
    pub tag: Span,
    pub alt: Option<Attr<'d>>,
    /// Named by `aria-labelledby` or `aria-label`.
    pub aria_named: bool,
}

/// An exposed `<input type="image">`.
#[derive(Clone, Debug)]
pub struct ImageButton<'d> {
    pub tag: Span,
    pub alt: Option<Attr<'d>>,
    /// No name from ARIA or `title`.
    pub unnamed: bool,
}

/// An exposed element other than `<img>` and SVG content with
/// `role="img"`.
#[derive(Clone, Debug)]
pub struct RoleImage {
    /// The `role` attribute.
    pub role: Span,
    /// No name from ARIA or `title`.
    pub unnamed: bool,
}

/// An exposed SVG element whose role makes it an image (`img`,
/// `graphics-document`, `graphics-symbol`).
#[derive(Clone, Debug)]
pub struct Svg {
    pub tag: Span,
    /// No `<title>` child, no name from ARIA or `title`.
    pub unnamed: bool,
}

/// An exposed `<video>`.
#[derive(Clone, Debug)]
pub struct Video {
    pub tag: Span,
    pub muted: bool,
    /// Has a `<track>` child of kind captions or subtitles (a missing kind
    /// means subtitles).
    pub captioned: bool,
    /// Its media is in the markup: a `src`, or a `<source>` with one (not a
    /// `blob:` address). A player shell that a script fills gets its
    /// captions from the video platform with the media.
    pub sourced: bool,
    /// An advertising slot's player.
    pub advert: bool,
}

/// A rendered `<track>`.
#[derive(Clone, Debug)]
pub struct Track<'d> {
    pub tag: Span,
    /// `kind`, trimmed and lowercased; `subtitles` when missing, `metadata`
    /// when unknown (as the HTML standard says).
    pub kind: String,
    pub src: Option<Attr<'d>>,
}

/// The level of a heading element, if it is one and is exposed as one.
pub fn heading_level(el: ElementRef<'_>) -> Option<u8> {
    let tag_level = match el.value().name() {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    };
    match a11y::role(el).as_deref() {
        Some("heading") => a11y::attr(el, "aria-level")
            .and_then(|l| l.trim().parse::<u8>().ok())
            .filter(|l| (1..=9).contains(l))
            .or(tag_level)
            .or(Some(2)),
        // role="none" on a heading with a global ARIA property does not stick.
        Some("presentation" | "none") if !a11y::is_presentational(el) => tag_level,
        Some(_) => None,
        None => tag_level,
    }
}

/// An empty heading that is an advertising slot's title, by its class or
/// its parent's (`ad--sponsor-content__title`: the ad network writes it),
/// or followed by an empty list, template, custom element or ad
/// network's mount (`<div class="module__nativo">`, `<div
/// id="taboola-below-article">`), empty dividers between them aside: both
/// wait for a script.
pub fn script_slot(heading: ElementRef<'_>) -> bool {
    if super::embeds::in_ad_slot(heading)
        || holds_an_unaddressed_link(heading)
        || holds_empty_targets(heading)
    {
        return true;
    }
    // A block with no text at all, the heading with it, where an element
    // waits by its id for what a script draws: a panel the script writes
    // (`<div class="social-links-expanded"><h4></h4><span></span><div
    // id="moreSocialMediaBar"></div></div>`).
    if heading
        .parent()
        .and_then(ElementRef::wrap)
        .is_some_and(|block| {
            !matches!(block.value().name(), "body" | "main" | "article")
                // A panel of a few elements, not a page's block of
                // thousands read once for each empty heading in it.
                && block.descendants().nth(SLOT_PANEL_NODES).is_none()
                && block.text().all(|t| t.trim().is_empty())
                && block.children().filter_map(ElementRef::wrap).any(|c| {
                    c.id() != heading.id()
                        && c.value()
                            .attribute("id")
                            .is_some_and(|id| !id.trim().is_empty())
                })
                && !block.descendants().filter_map(ElementRef::wrap).any(|e| {
                    matches!(
                        e.value().name(),
                        "img" | "picture" | "svg" | "video" | "iframe" | "a"
                    )
                })
        })
    {
        return true;
    }
    // The heading may end a wrapper of its own (a drawer's header row),
    // with the empty list right after the wrapper.
    match slot_after(heading) {
        Some(slot) => slot,
        None => heading
            .parent()
            .and_then(ElementRef::wrap)
            .and_then(|wrapper| html::first_elements(wrapper.next_siblings(), 1).next())
            .is_some_and(|next| {
                matches!(next.value().name(), "ul" | "ol" | "dl") && holds_nothing(next)
            }),
    }
}

/// How many nodes a script's panel holds at most (see [`script_slot`]).
const SLOT_PANEL_NODES: usize = 64;
/// How many empty elements may stand between an empty heading and the
/// slot it titles (see [`slot_after`]).
const SLOT_SIBLINGS: usize = 8;

/// What follows `el` among its siblings: an empty list, template, custom
/// element or ad slot (`Some(true)`), something with content
/// (`Some(false)`), or nothing but empty elements (`None`).
fn slot_after(el: ElementRef<'_>) -> Option<bool> {
    for sibling in html::first_elements(el.next_siblings(), SLOT_SIBLINGS) {
        if !holds_nothing(sibling) {
            return Some(false);
        }
        let name = sibling.value().name();
        if matches!(name, "ul" | "ol" | "dl" | "template")
            || name.contains('-')
            || super::embeds::marked_as_ad(sibling)
        {
            return Some(true);
        }
    }
    None
}

/// The heading holds only an empty link that leads nowhere yet (`<h4
/// class="related"><a href=""></a></h4>`, `<a></a>`): a recommendation
/// widget's slot, whose title and address its script writes in.
fn holds_an_unaddressed_link(heading: ElementRef<'_>) -> bool {
    let mut children = heading.children().filter(|c| match c.value() {
        scraper::Node::Text(t) => !t.trim().is_empty(),
        scraper::Node::Element(_) => true,
        _ => false,
    });
    let only = children.next().and_then(ElementRef::wrap);
    children.next().is_none()
        && only.is_some_and(|a| {
            a.value().name() == "a"
                && holds_nothing(a)
                && a.value()
                    .attribute("href")
                    .is_none_or(|h| matches!(h.trim(), "" | "#"))
        })
}

/// The heading holds only empty parts of a title, two or more, one of them
/// waiting by its id for the text a script writes (`<h2
/// class="video-title"><span id="js-popout-videoplayer-thema"></span><span
/// id="js-popout-videoplayer-headline"></span></h2>`). One empty span with
/// an id is a link's target (WordPress's `<span id="more-4198">`), left in
/// a heading the editor emptied.
fn holds_empty_targets(heading: ElementRef<'_>) -> bool {
    // A title has a few parts; more, or any part that is not a plain span
    // or link (one naming another by `aria-labelledby`), is no slot.
    const MOST_PARTS: usize = 8;
    let plain = |e: &ElementRef<'_>| {
        matches!(e.value().name(), "span" | "a")
            && !e.value().attrs().any(|(name, _)| name.starts_with("aria-"))
    };
    let mut parts = 0;
    let mut waiting = false;
    for part in heading.descendants().skip(1).filter_map(ElementRef::wrap) {
        parts += 1;
        if parts > MOST_PARTS || !plain(&part) {
            return false;
        }
        waiting |= part
            .value()
            .attribute("id")
            .is_some_and(|id| !id.trim().is_empty());
    }
    parts >= 2 && waiting && heading.text().all(|t| t.trim().is_empty())
}

/// No elements and no text in it, whitespace aside.
fn holds_nothing(el: ElementRef<'_>) -> bool {
    el.children().all(|c| match c.value() {
        scraper::Node::Text(t) => t.trim().is_empty(),
        scraper::Node::Element(_) => false,
        _ => true,
    })
}

/// No name from aria-labelledby, aria-label or title.
pub fn unnamed(doc: &Document, el: ElementRef<'_>) -> bool {
    !a11y::has_aria_name(doc, el) && a11y::title_attr(el).is_none()
}

/// A track's kind as the HTML standard reads it.
pub fn track_kind(track: ElementRef<'_>) -> String {
    match a11y::attr(track, "kind").map(|k| k.trim().to_ascii_lowercase()) {
        None => "subtitles".into(),
        Some(k)
            if matches!(
                k.as_str(),
                "captions" | "subtitles" | "descriptions" | "chapters" | "metadata"
            ) =>
        {
            k
        }
        Some(_) => "metadata".into(),
    }
}

/// A paragraph or heading, in document order: the text structure that
/// `heading-fake` reads.
#[derive(Clone, Debug)]
pub struct Block {
    /// The paragraph (start tag to the end of its content), or the
    /// heading's start tag; in Markdown, the paragraph or line.
    pub span: Span,
    pub heading: bool,
    /// Its text, whitespace collapsed.
    pub text: String,
    /// All of its text is bold or emphasised.
    pub emphasised: bool,
    /// Most of its text is a link (a "Read more" line).
    pub linked: bool,
    /// Inside a list, quote, table, figure, caption, aside, navigation,
    /// header or footer: not a paragraph of the story.
    pub nested: bool,
    /// Holds a picture, a player or a frame, or stands just before one
    /// whose title or caption repeats its text: its text is the title or
    /// caption of what it shows.
    pub media: bool,
    /// A thematic break (`<hr>`, Markdown's `---`) comes after it, before
    /// the next block: a line there closes a section, it opens none.
    pub rule_after: bool,
    /// A code listing (`<pre>`, a Markdown code block) comes right after
    /// it: a line there introduces the code ("The summary methods
    /// yield"), it opens no section.
    pub code_after: bool,
    /// The `<article>` it is in, the nearest (its start tag): a line outside
    /// the article that holds the paragraph before it (a newsletter module
    /// after the story) is not that story's subheading.
    pub article: Option<Span>,
}
