//! Images and the references they make.

use std::ops::Range;

use scraper::ElementRef;

use super::attr::{Attr, trim_url};
use crate::a11y::{self, LAZY_ATTRIBUTES};
use crate::assets::srcset::{self, Descriptor};
use crate::diagnostic::Span;
use crate::html::{self, Attribute, Document};

mod boxes;
mod names;

use boxes::{boxed, styled_size};
pub(super) use names::is_template;
pub use names::{
    file_says, is_beacon, is_file_name, is_live_count, is_spacer, is_spinner, says_loading,
};

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
    /// `![caption](src){fig-alt="…"}` standing alone in a Pandoc or Quarto
    /// document (`.qmd`, `.Rmd`), or in a Quarto figure div: a figure whose
    /// bracket text is its caption, and whose alt text is `fig-alt`, else
    /// the caption.
    Pandoc,
    /// `knitr::include_graphics("…")` in an R Markdown or Quarto code
    /// chunk, captioned by the chunk's `fig.cap`, described by its
    /// `fig.alt`.
    Chunk,
    /// A MyST `{figure}` or `{image}` directive: its argument is the
    /// picture, its `:alt:` option the alt text, and a figure's caption
    /// the first paragraph of its body.
    Directive,
    /// A Hugo `{{< figure >}}` shortcode, or a theme's `{{< image >}}`/`{{< img >}}`.
    Shortcode,
    /// A Jekyll theme's `{% include figure image_path=… %}` (or `figure.liquid path=…`).
    Include,
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
    /// The page's own style sheets give it a width and a height
    /// (`.jLgjau img { width: 40px; height: 40px }`), which Lighthouse
    /// counts as sized too.
    pub sheet_sized: bool,
    /// Where attributes can be added to the start tag (before `>` or `/>`
    /// and the whitespace before it); `None` for an implied element.
    pub insert_at: Option<usize>,
    /// A third party's markup, not the article's: in an advertising slot,
    /// loaded from an ad network or a video player network (a thumbnail
    /// of its widget), drawn by a share widget's script, or a social feed's
    /// tile (the post's picture, which the feed's script loads and sizes).
    pub vendor: bool,
    /// A mark rather than a picture of its own: a logo, an icon, an avatar
    /// or a button (a mark word in its class, id, alt, file path or the
    /// class of its link or container, see [`MARK_WORDS`]; or declared at
    /// most 100 × 100 pixels).
    pub mark: bool,
    /// Its own class or id names it a logo (`class="logo-img"`): one
    /// brand's logo, whichever of its files it shows.
    pub logo: bool,
    /// The `href` of the link it is in.
    pub link: Option<&'d str>,
    /// A script template not filled in yet: its address is a template
    /// placeholder (`{other_image}`, `{{src}}`, `%s`), or it has no address
    /// and a script is to give it one (it sits in a `javascript:` link, or
    /// has an empty address attribute of its own: `data-src=""`,
    /// `placeholdersrc=""`). Readers never meet it as it is written.
    pub unfilled: bool,
    /// Its alt is not announced: it is inside a link or button named by
    /// its own `aria-label` or `aria-labelledby`, which screen readers
    /// read instead of the content.
    pub alt_overridden: bool,
    /// The nearest control around it is a button (`<button>`, or
    /// `role="button"`): its alt names what the button does ("Next"),
    /// which two buttons may share.
    pub in_button: bool,
    /// A container within a few levels keeps its box: an aspect-ratio
    /// class (`aspect-ratio-4x3`, `RatioFrame`, `ratio-16x9`) or an inline
    /// `aspect-ratio` or `padding-bottom` percentage.
    pub boxed: bool,
    /// A framework's image component in MDX, given an imported picture
    /// (`<Image src={harbour} alt="…" />` in Astro or Next.js): the
    /// component writes the `<img>` with the picture's own width and
    /// height.
    pub component_sized: bool,
    /// A drawing that carries data, as its file says: an SVG (or a
    /// rendering of one, as MediaWiki's `…/Map.svg/290px-Map.svg.png`), or
    /// a file other than a JPEG named for a map, chart or diagram
    /// (`flood-map.png`). Logos
    /// and icons are SVGs too: see [`Image::mark`].
    pub drawing: bool,
    /// A picture of text, as its file's name says: a screenshot, a tweet, a
    /// copyright line (`screenshot-2022-10-10.jpg`, `copyright.png`).
    pub of_text: bool,
}

impl<'d> Image<'d> {
    /// The markup is asked for its size (`width`/`height`): HTML and
    /// shortcodes. A Markdown picture can give one only in an attribute
    /// list (`{: width="800"}`), which CommonMark lacks: its size is
    /// checked when given, not asked for.
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

    /// Declared at most 2 × 2 pixels: a spacer or a tracking pixel, which
    /// shows nothing whether its file loads or not.
    pub fn is_pixel(&self) -> bool {
        self.width_px().is_some_and(|w| w <= 2.0) && self.height_px().is_some_and(|h| h <= 2.0)
    }

    /// Its alt text is a file name or a URL (`DSC_1234.jpg`, `https://…`,
    /// or the `src` file's machine-made name).
    pub fn alt_is_file_name(&self) -> bool {
        self.alt_text()
            .is_some_and(|alt| is_file_name(alt.value, self.src.map(|s| s.value)))
    }
}

/// Words of class names, ids, alt texts and file paths that make an image
/// a mark: a logo, an icon, an avatar, a button.
pub const MARK_WORDS: &[&str] = &[
    "logo", "logos", "logotype", "logotipo", "icon", "icons", "ico", "icone", "icono", "favicon",
    "avatar", "avatars", "gravatar", "userpic", "badge", "emblem", "brand", "btn", "button",
    "social", "sns",
];

/// How far above an image the link or container that makes it a mark
/// may be (`<a class="footer__socialIcon"><img>`).
const MARK_LEVELS: usize = 2;

/// A text's words with a mark word among them.
fn has_mark_word(words: impl IntoIterator<Item = String>) -> bool {
    words.into_iter().any(|w| MARK_WORDS.contains(&w.as_str()))
}

/// A logo, icon, avatar or button (see [`Image::mark`]).
fn is_mark(img: ElementRef<'_>, width: Option<f64>, height: Option<f64>) -> bool {
    let named = |el: ElementRef<'_>| {
        ["class", "id"]
            .iter()
            .filter_map(|a| el.value().attribute(a))
            .any(|v| has_mark_word(v.split_ascii_whitespace().flat_map(a11y::word_parts)))
    };
    let small = width
        .zip(height)
        .is_some_and(|(w, h)| w <= 100.0 && h <= 100.0);
    small
        || named(img)
        || img.value().attribute("alt").is_some_and(|alt| {
            has_mark_word(alt.split_whitespace().map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            }))
        })
        || img
            .value()
            .attribute("src")
            .is_some_and(|src| has_mark_word(path_words(src)))
        || img
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(MARK_LEVELS)
            .any(named)
}

/// The words of an address's path (`/assets/site-logo_2x.png` → assets,
/// site, logo, 2x, png).
fn path_words(src: &str) -> impl Iterator<Item = String> + '_ {
    let path = src.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    a11y::word_parts(path)
}

/// How many elements on each side of a picture may be its other layer
/// (see [`layers_a_sibling`]).
const LAYER_SIBLINGS: usize = 4;

/// An `<img>` with no address laid over a sibling `<img>` with the same
/// alt text that has one: the sharp layer of a blur-up picture, which a
/// script fills with the address its preview holds (`<img alt="Tsai…"
/// src="…/64x64/…" data-src="…/768x768/…" class="image-wrapper__preview-image">
/// <img alt="Tsai…" class="image-wrapper__image">`). Readers meet one
/// picture, described once.
fn layers_a_sibling(img: ElementRef<'_>) -> bool {
    let Some(alt) = img
        .value()
        .attribute("alt")
        .map(str::trim)
        .filter(|a| !a.is_empty())
    else {
        return false;
    };
    // The layers lie together: only the nearest siblings are read, not a
    // gallery's thousands once per picture.
    html::first_elements(img.prev_siblings(), LAYER_SIBLINGS)
        .chain(html::first_elements(img.next_siblings(), LAYER_SIBLINGS))
        .filter(|sibling| sibling.value().name() == "img")
        .any(|sibling| {
            sibling.value().attribute("alt").map(str::trim) == Some(alt)
                && ["src", "data-src", "srcset", "data-srcset"]
                    .iter()
                    .any(|a| {
                        sibling
                            .value()
                            .attribute(a)
                            .is_some_and(|v| !v.trim().is_empty())
                    })
        })
}

/// A sharing plugin's picture for Pinterest alone, hidden on the page by
/// the plugin's own class (`swp_hidden_pin_image`,
/// `tasty-pins-hidden-image`).
fn pin_only(img: ElementRef<'_>) -> bool {
    img.value().attribute("class").is_some_and(|classes| {
        classes.split_ascii_whitespace().any(|class| {
            let parts: Vec<String> = a11y::word_parts(class).collect();
            parts.iter().any(|p| p == "pin" || p == "pins")
                && parts.iter().any(|p| p == "hidden" || p == "hide")
        })
    })
}

/// The link an element is in; whether the nearest link or button around
/// it is named by its own `aria-label` or `aria-labelledby`; and whether
/// that nearest control is a button.
fn control_around<'d>(doc: &'d Document, img: ElementRef<'d>) -> (Option<&'d str>, bool, bool) {
    let mut link = None;
    let mut nearest = None;
    for el in img.ancestors().filter_map(ElementRef::wrap) {
        let is_link = a11y::is_link(el);
        if is_link && link.is_none() {
            link = el.value().attribute("href").map(trim_url);
        }
        let role = a11y::role(el);
        let button = el.value().name() == "button" || role.as_deref() == Some("button");
        let control = is_link || button || role.as_deref() == Some("link");
        if control && nearest.is_none() {
            nearest = Some((a11y::has_aria_name(doc, el), button));
        }
        if link.is_some() && nearest.is_some() {
            break;
        }
    }
    let (overridden, button) = nearest.unwrap_or((false, false));
    (link, overridden, button)
}

/// The `<picture>` an element (an `<img>`, a `<source>`) is a child of.
pub fn parent_picture(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    el.parent()
        .and_then(ElementRef::wrap)
        .filter(|p| p.value().name() == "picture")
}

/// The model of one `<img>`, its references appended to `refs`; `picture`
/// is the `<picture>` whose `<source>`s it shows, when it is that
/// picture's first `<img>` (a second one is an image of its own).
pub fn image<'d>(
    doc: &'d Document,
    img: ElementRef<'d>,
    picture: Option<ElementRef<'d>>,
    index: usize,
    refs: &mut Vec<Reference<'d>>,
) -> Image<'d> {
    let first = refs.len();
    let read = |name| Attr::read(doc, img, name);
    let src = read("src");
    let srcset = read("srcset");
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
    if lazy.is_none() && placeholder && sources_before(doc, img, index, refs) {
        lazy = Some("data-src");
    }
    for r in &mut refs[lazy_first..] {
        r.shown = placeholder;
    }
    // A template's placeholder is no picture's address.
    let mut templated = false;
    for r in &mut refs[first..] {
        if r.shown && is_template(r.url) {
            r.shown = false;
            templated = true;
        }
    }
    let (link, alt_overridden, in_button) = control_around(doc, img);
    let (drawing, of_text) = file_says(
        refs[first..]
            .iter()
            .filter(|r| r.shown)
            .map(|r| r.url)
            .chain(link.filter(|l| is_image_address(l))),
    );
    // No address at all, and a script is to give it one: its link does
    // nothing until then, or it has an empty address attribute of its own;
    // or it has no alt either, which the script writes with the address (a
    // signed-in reader's avatar, `<img class="user-avatar" width="22"
    // height="22">`; a player's artwork), or it is in a form, which shows
    // what the reader enters (a comment form's Gravatar preview).
    let awaits_script = refs.len() == first
        && (link.is_some_and(|l| l.to_ascii_lowercase().starts_with("javascript:"))
            || img.value().attribute("alt").is_none()
            || img
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "form")
            || img.value().attrs().any(|(name, value)| {
                name != "src"
                    && (name.ends_with("src") || name.ends_with("srcset"))
                    && value.trim().is_empty()
            })
            || layers_a_sibling(img));
    let vis = &doc.visibility;
    let presentational = a11y::is_presentational(img);
    let (width, height) = (read("width"), read("height"));
    let pin_only = pin_only(img);
    Image {
        syntax: Syntax::Html,
        tag: doc.tag_span(img),
        alt: read("alt"),
        src,
        srcset,
        width,
        height,
        references: first..refs.len(),
        exposed: !vis.is_hidden(img) && !vis.is_inert(img) && !pin_only,
        rendered: vis.is_rendered(img) && !pin_only,
        presentational,
        aria_named: a11y::has_aria_name(doc, img),
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
        sheet_sized: vis.sizes_image(img),
        insert_at: insertion_point(doc, img),
        vendor: super::embeds::is_advert(img)
            || super::embeds::from_player_network(img)
            || super::embeds::in_share_button(img)
            || super::embeds::in_consent_manager(img)
            || super::embeds::in_social_feed(img),
        mark: is_mark(
            img,
            Image::dimension(width.as_ref()),
            Image::dimension(height.as_ref()),
        ),
        logo: ["class", "id"]
            .iter()
            .filter_map(|a| img.value().attribute(a))
            .flat_map(|v| v.split_ascii_whitespace().flat_map(a11y::word_parts))
            .any(|w| matches!(w.as_str(), "logo" | "logotype")),
        link,
        unfilled: templated || awaits_script,
        alt_overridden,
        in_button,
        boxed: boxed(vis, img),
        component_sized: component_sized(doc, img),
        drawing,
        of_text,
    }
}

/// Whether `img` is written as an MDX `<Image>` component whose `src` is a
/// JavaScript expression (see [`Image::component_sized`]). HTML has no such
/// element: the parser reads `<Image>` as `<img>`, and no page writes an
/// attribute value in braces unquoted.
fn component_sized(doc: &Document, img: ElementRef<'_>) -> bool {
    let written = |name: &str| doc.source_text(doc.attr_span(img, name));
    doc.source_text(doc.tag_span(img))
        .is_some_and(|tag| tag.starts_with("<Image"))
        && written("src").is_some_and(|src| src.starts_with('{') && src.ends_with('}'))
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
    if let Some(set) = Attr::read(doc, source, "srcset") {
        candidates(&set, None, Slot::Source, refs);
    }
}

/// `<meta property="og:image">` (or `og:image:url`, `og:image:secure_url`).
pub fn og_image<'d>(doc: &'d Document, meta: ElementRef<'d>, refs: &mut Vec<Reference<'d>>) {
    let is_og = meta
        .value()
        .attribute("property")
        .or_else(|| meta.value().attribute("name"))
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

/// A value that is an image file's address: one URL (no spaces) with a
/// path segment that ends with an image file extension (`/a/photo.jpg`, or
/// a resizer's `/a/photo.jpg/iapp`).
fn is_image_address(value: &str) -> bool {
    let value = trim_url(value);
    let path = value
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    !value.is_empty()
        && !value.contains(char::is_whitespace)
        && path.split('/').any(|segment| {
            [
                ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".jxl",
            ]
            .iter()
            .any(|ext| segment.ends_with(ext))
        })
}

/// How many wrappers above an image its `<noscript>` fallback may follow.
const NOSCRIPT_LEVELS: usize = 3;

/// How many nodes a wrapper of one lazy image may hold: a link, a
/// `<picture>`, a placeholder. A larger element is a block of the page,
/// not the image's wrapper, and is not searched once per image.
const WRAPPER_NODES: usize = 64;

/// `el` is a small wrapper of one image (see [`WRAPPER_NODES`]).
fn wraps_one_image(el: ElementRef<'_>) -> bool {
    let mut nodes = el.descendants();
    let mut images = 0;
    for node in nodes.by_ref().take(WRAPPER_NODES) {
        if node.value().as_element().is_some_and(|e| e.name() == "img") {
            images += 1;
            if images > 1 {
                return false;
            }
        }
    }
    nodes.next().is_none()
}

/// Picturefill's first markup: the renditions written as `<span
/// data-src="…-320.jpg" data-media="…">` elements just before the `<img>`
/// its script fills in (`<span data-src="…/FREE_640/…"></span><img
/// alt="…">`). Each is a reference of the image; whether any was found.
fn sources_before<'d>(
    doc: &'d Document,
    img: ElementRef<'d>,
    index: usize,
    refs: &mut Vec<Reference<'d>>,
) -> bool {
    let before = refs.len();
    for sibling in img.prev_siblings().filter_map(ElementRef::wrap) {
        if !matches!(sibling.value().name(), "span" | "div") {
            break;
        }
        let Some(attr) = Attr::read(doc, sibling, "data-src")
            .filter(|a| !a.url().is_empty() && !a.url().contains(char::is_whitespace))
        else {
            break;
        };
        refs.push(Reference {
            image: Some(index),
            slot: Slot::Lazy("data-src"),
            url: attr.url(),
            span: attr.span,
            shown: true,
        });
    }
    // In the page's order.
    refs[before..].reverse();
    refs.len() > before
}

/// The `<img src>` of a `<noscript>` right after `img` or its wrapper (the fallback
/// lazy-loading scripts leave for readers without them), as references of
/// `img`. `<noscript>` holds text while scripts run, so its text is parsed
/// on its own; its spans are exact, as the text is the source itself.
fn noscript_fallback<'d>(
    doc: &'d Document,
    img: ElementRef<'d>,
    index: usize,
    refs: &mut Vec<Reference<'d>>,
) -> bool {
    // The `<noscript>` follows the image, or the wrapper that holds it and
    // no other image.
    let Some(noscript) = std::iter::once(img)
        .chain(img.ancestors().filter_map(ElementRef::wrap))
        .take(1 + NOSCRIPT_LEVELS)
        .take_while(|el| el.id() == img.id() || wraps_one_image(*el))
        .find_map(|el| {
            el.next_siblings()
                .find_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "noscript")
        })
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
        let Some(value) = inner.value().attribute("src") else {
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
