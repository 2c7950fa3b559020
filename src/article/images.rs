//! Images and the references they make.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Node};

use super::attr::{Attr, trim_url};
use crate::a11y::{self, LAZY_ATTRIBUTES};
use crate::assets::srcset::{self, Descriptor};
use crate::diagnostic::Span;
use crate::html::{self, Attribute, Document};

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

/// An address that only tells an analytics service a page was read: a
/// beacon path (`/pixel…`, `…beacon…`, `/logger/`, `/counter/`, Adobe's `/b/ss/`,
/// `facebook.com/tr`) or an analytics host (`b.scorecardresearch.com/p?…`).
pub fn is_beacon(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    let (host, path) = match url.find("//") {
        Some(i) => {
            let rest = &url[i + 2..];
            rest.find('/')
                .map_or((rest, ""), |j| (&rest[..j], &rest[j..]))
        }
        None => ("", url.as_str()),
    };
    [
        "/pixel",
        "beacon",
        "/b/ss/",
        "/logger/",
        "/counter/",
        "/counter?",
        "/track/",
    ]
    .iter()
    .any(|m| path.contains(m))
        // A statistics host's image with the page's data in its query
        // (`stats.bbc.co.uk/o.gif?~RS~s~RS~News…`).
        || (["stats.", "analytics.", "metrics."]
            .iter()
            .any(|p| host.starts_with(p))
            && path.contains('?'))
        || url.contains("facebook.com/tr")
        || BEACON_HOSTS.iter().any(|h| {
            host.strip_suffix(h)
                .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
        })
}

/// A spacer's address: a transparent GIF or PNG named for what it is
/// (`x.gif`, `1px.gif`, `spacer.gif`, `icon_blank.gif`, `clear.png`; not
/// `x.png`), put where a style sheet draws a sprite or keeps a gap. It is
/// a pixel or two, whatever the page does with it.
pub fn is_spacer(url: &str) -> bool {
    // A one-letter name is a spacer's only as a GIF (`x.gif`; `x.png` may
    // be anything).
    file_named_for(
        url,
        &["gif", "png"],
        SPACER_WORDS,
        SPACER_FILLERS,
        |word, ext| word.len() > 1 || ext == "gif",
    )
}

/// A spinner's address: an animation named for what it shows while a
/// script loads what replaces it (`loading.gif`, `ajax-loader.gif`,
/// `spinner-32.svg`, `working.gif`).
pub fn is_spinner(url: &str) -> bool {
    file_named_for(
        url,
        &["gif", "png", "svg", "webp"],
        SPINNER_WORDS,
        SPINNER_FILLERS,
        |_, _| true,
    )
}

/// An alt text that says only that something is loading ("Loading…",
/// "Please wait"): a spinner's, whatever its file is called
/// (`facebook-loading.gif` in a share form).
pub fn says_loading(alt: &str) -> bool {
    let said = alt.trim().trim_end_matches(['.', '…', ' ']).to_lowercase();
    matches!(
        said.as_str(),
        "loading" | "please wait" | "loading, please wait"
    )
}

/// The file `url` names has one of `extensions`, and its name is made of
/// `words` (at least one, that `counts` for the extension), `fillers` and
/// numbers (a version or cache number: `transparent-1093278.png`) only.
fn file_named_for(
    url: &str,
    extensions: &[&str],
    words: &[&str],
    fillers: &[&str],
    counts: impl Fn(&str, &str) -> bool,
) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let name = path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let parts: Vec<String> = a11y::word_parts(stem).collect();
    extensions.contains(&ext)
        && parts
            .iter()
            .any(|w| words.contains(&w.as_str()) && counts(w, ext))
        && parts.iter().all(|w| {
            words.contains(&w.as_str())
                || fillers.contains(&w.as_str())
                || w.chars().all(|c| c.is_ascii_digit())
        })
}

/// The words a spinner's file name is made of, with at most
/// [`SPINNER_FILLERS`] beside them.
const SPINNER_WORDS: &[&str] = &[
    "loading",
    "loader",
    "spinner",
    "spin",
    "throbber",
    "busy",
    "processing",
    "working",
    "wait",
];

/// Words a spinner's file name may hold beside its own.
const SPINNER_FILLERS: &[&str] = &[
    "ajax", "icon", "img", "image", "small", "large", "big", "white", "black", "gray", "grey",
    "dark", "light", "animated", "anim",
];

/// The words a spacer's file name is made of (`blank`, `1px`, `x`), with
/// at most [`SPACER_FILLERS`] beside them (`icon_blank`): `logo_trans.png`
/// is a logo, and a proxy's `img.png` any picture.
const SPACER_WORDS: &[&str] = &[
    "x",
    "s",
    "t",
    "px",
    "1px",
    "1x1",
    "pixel",
    "shim",
    "spacer",
    "blank",
    "clear",
    "transparent",
    "trans",
    "empty",
    // German, "empty": `leer.gif`.
    "leer",
    "spc",
];

/// Words a spacer's file name may hold beside its own: a lazy loader's
/// stand-in says what it is for (`lazyload-transparent-image-data.gif`).
const SPACER_FILLERS: &[&str] = &[
    "icon", "img", "image", "white", "gif", "data", "lazy", "lazyload",
];

/// An address whose picture a service draws from a live count: Hatena
/// Bookmark's bookmark-count badges (`b.hatena.ne.jp/entry/image/…`, a
/// site's total at `b.hatena.ne.jp/bc/…`). The badge is as wide as the
/// count it shows, which the page cannot know when it is written.
pub fn is_live_count(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    let rest = url.split_once("//").map_or(url.as_str(), |(_, rest)| rest);
    LIVE_COUNTS.iter().any(|prefix| rest.starts_with(prefix))
}

/// Where count badges are served (see [`is_live_count`]).
const LIVE_COUNTS: &[&str] = &["b.hatena.ne.jp/entry/image/", "b.hatena.ne.jp/bc/"];

/// Hosts that serve only analytics beacons.
const BEACON_HOSTS: &[&str] = &[
    "scorecardresearch.com",
    "google-analytics.com",
    "quantserve.com",
    "pixel.wp.com",
    "bat.bing.com",
    "analytics.twitter.com",
];

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

/// Alt text that is a file name: a URL, a name with an image file
/// extension, a camera's or a timestamp's name.
static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            (?:https?:)?//\S+                                  # a URL
          | (?:https?%3a)?%2f%2f\S*                          # a URL, percent-encoded
          | .*\.(?:jpe?g|png|gif|webp|avif|heic|heif|svg|bmp|tiff?|jxl)   # ends with an image file extension
          | (?:DSC[NF]?|IMG|PXL|DCIM|GOPR|_MG|P)[_-]?\d{3,}\S*   # camera file names
          | \d{8}[_-]\d{6}\S*                                  # timestamp names
        )$",
    )
    .expect("valid regex")
});

/// The file name of `src` without its extension, for comparison with the
/// alt; only names that look machine-made (digits, `_` or `-`), so that
/// `alt="Reuters"` on `Reuters.svg` is not one.
fn src_stem(src: &str) -> Option<&str> {
    let path = src.split(['?', '#']).next()?;
    let name = path.rsplit('/').next()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    (stem.chars().count() > 3
        && stem.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '-'))
    .then_some(stem)
}

/// `alt` is a file name or a URL, or the machine-made name of `src`. A
/// name whose every part someone capitalised ("Ad-Juster" for
/// `ad-juster.png`, "Coca-Cola") is a name the file was named after.
pub fn is_file_name(alt: &str, src: Option<&str>) -> bool {
    let alt = alt.trim();
    let capitalised = alt.split('-').all(|part| {
        part.chars().next().is_some_and(char::is_uppercase) && part.chars().all(char::is_alphabetic)
    });
    FILE_NAME.is_match(alt)
        || src
            .and_then(src_stem)
            .is_some_and(|stem| stem.eq_ignore_ascii_case(alt) && (stem == alt || !capitalised))
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

/// A template placeholder where an address should be: `{other_image}`,
/// `{{ image.src }}`, `${url}`, `<%= src %>`, `%s`; not a static site's
/// template that only puts the site's address before a path (`{{
/// site.baseurl }}/img/a.jpg`, see [`crate::assets::resolve::site_path`]).
pub(super) fn is_template(url: &str) -> bool {
    ((url.contains('{') && url.contains('}')) || url.contains("<%") || url.contains("%s"))
        && crate::assets::resolve::site_path(url).is_none()
}

/// How many children of a container are looked at for a placeholder
/// `<canvas>` beside its picture.
const PLACEHOLDER_SIBLINGS: usize = 8;

/// How far above an image the container that keeps its box may be.
const BOX_LEVELS: usize = 3;

/// Classes that take a box out of the page's flow: the utility classes for
/// it (Tailwind's and atomic CSS's `absolute`, Bootstrap's
/// `position-absolute`), and Foundation's dropdown, a hover card its
/// style sheet places over the page.
const OUT_OF_FLOW_CLASSES: &[&str] = &["absolute", "position-absolute", "f-dropdown"];

/// Classes that fix a bar to the window: Bootstrap's `position-fixed`,
/// `fixed-top` and `fixed-bottom`, Bootstrap 3's `navbar-fixed-top` and
/// `navbar-fixed-bottom`, and `fixed` (Tailwind's utility, Foundation's
/// top bar). Nothing inside such a bar, however deep, moves the page's
/// text when it loads.
const FIXED_CLASSES: &[&str] = &[
    "fixed",
    "position-fixed",
    "fixed-top",
    "fixed-bottom",
    "navbar-fixed-top",
    "navbar-fixed-bottom",
];

/// How far above an image a container of fixed height may be.
const FIXED_HEIGHT_LEVELS: usize = 8;

/// A container that keeps the box of the image in it (see
/// [`Image::boxed`]), or takes it out of the page's flow
/// (`position:absolute` or `fixed`), where its size moves no text.
fn boxed(vis: &a11y::Visibility, img: ElementRef<'_>) -> bool {
    // A row of fixed height keeps its box however deep the picture sits
    // in it (a member list's `style="height:40px"` rows), whether its
    // style or the page's style sheet fixes it.
    if img
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(FIXED_HEIGHT_LEVELS)
        .any(|el| fixed_height(el) || vis.fixes_height(el))
    {
        return true;
    }
    // A bar fixed to the window holds whatever is in it.
    if img.ancestors().filter_map(ElementRef::wrap).any(|el| {
        a11y::style(el, "position").is_some_and(|v| v.eq_ignore_ascii_case("fixed"))
            || el.value().attribute("class").is_some_and(|classes| {
                classes
                    .split_ascii_whitespace()
                    .any(|c| FIXED_CLASSES.contains(&c))
            })
    }) {
        return true;
    }
    // The page's style sheet holds the image's own box (`.hero__media {
    // position: absolute }`, `img.lead { aspect-ratio: 3 / 2 }`).
    if vis.holds_box(img) {
        return true;
    }
    img.ancestors()
        .filter_map(ElementRef::wrap)
        .take(BOX_LEVELS)
        .any(|el| {
            ratio_class(el)
                // The page's own style sheet holds the box
                // (`.image-wrapper { height: 0; padding-bottom: 56.25% }`).
                || vis.holds_box(el)
                || a11y::style(el, "aspect-ratio").is_some_and(|v| v != "auto")
                || percent_padding(el)
                || a11y::style(el, "position").is_some_and(|v| v.eq_ignore_ascii_case("absolute"))
                || el.value().attribute("class").is_some_and(|classes| {
                    classes
                        .split_ascii_whitespace()
                        .any(|c| OUT_OF_FLOW_CLASSES.contains(&c))
                })
                // A `<canvas>` beside the picture holds the box at the
                // canvas's proportions (a React image's placeholder), and so
                // does an empty element with a percentage padding (`<div
                // class="placeholderImage" style="padding-bottom:56.25%">`)
                // or a class naming a ratio (`m-card--image-aspect-ratio-pusher`)
                // under a picture the stylesheet lays over it. It is among
                // a wrapper's first few children: a page's long run of
                // siblings is not searched once per image.
                || html::first_elements(el.children(), PLACEHOLDER_SIBLINGS)
                    .any(|c| c.value().name() == "canvas" || spacer(vis, c))
        })
}

/// A class that names a box drawn at a ratio: `aspect-ratio-4x3`,
/// `RatioFrame`, `ratio-16x9`, `four-by-three`, `th__2000_857`, `500x375`,
/// `thumb16_9`, `ar-1-1`,
/// and Bootstrap 4's `embed-responsive`.
fn ratio_class(el: ElementRef<'_>) -> bool {
    el.value().attribute("class").is_some_and(|classes| {
        classes.split_ascii_whitespace().any(|class| {
            if class == "embed-responsive" {
                return true;
            }
            let parts: Vec<String> = a11y::word_parts(class).collect();
            parts.iter().any(|p| {
                p.starts_with("ratio")
                    || p == "aspect"
                    || is_ratio(p)
                    || p.split_once('x').is_some_and(|(w, h)| is_pixel_size(w, h))
            }) || parts
                .windows(3)
                .any(|w| w[1] == "by" && is_ratio_term(&w[0]) && is_ratio_term(&w[2]))
                || parts.windows(2).any(|w| is_pixel_size(&w[0], &w[1]))
                || parts.windows(2).any(|w| common_ratio(&w[0], &w[1]))
                || parts
                    .windows(3)
                    .any(|w| w[0] == "ar" && common_ratio_terms(&w[1], &w[2]))
        })
    })
}

/// The proportions pictures are cropped to, width by height.
const COMMON_RATIOS: &[(u32, u32)] = &[
    (16, 9),
    (9, 16),
    (4, 3),
    (3, 4),
    (3, 2),
    (2, 3),
    (1, 1),
    (21, 9),
    (5, 4),
    (4, 5),
    (2, 1),
];

/// Two class parts that are a width and a height in one of the common
/// proportions, written apart after a ratio's abbreviation (`ar-1-1`,
/// `ar-16-9`).
fn common_ratio_terms(w: &str, h: &str) -> bool {
    let (Ok(w), Ok(h)) = (w.parse::<u32>(), h.parse::<u32>()) else {
        return false;
    };
    COMMON_RATIOS.contains(&(w, h))
}

/// A class part that is a word ending in a picture's width, and the next
/// part its height, in one of the common proportions (`thumb16_9`): not
/// a grid's `span6_12`, nor a fraction of the parent's width (`w-3/4`,
/// whose digits stand alone).
fn common_ratio(w: &str, h: &str) -> bool {
    let word = w.trim_end_matches(|c: char| c.is_ascii_digit());
    if word.is_empty() || word.len() == w.len() {
        return false;
    }
    common_ratio_terms(&w[word.len()..], h)
}

/// The most elements an empty placeholder may nest (`<div
/// class="…aspect-ratio-wrapper"><div class="…aspect-ratio-pusher">`).
const SPACER_NODES: usize = 4;

/// An element with no content whose padding (inline or from the page's
/// style sheet) is a percentage of its width, or a box (not a picture)
/// whose class names a ratio: it holds a box at the picture's proportions.
/// No content: no text and no picture, maybe a few empty elements nested
/// in it (a ratio wrapper around its pusher).
fn spacer(vis: &a11y::Visibility, el: ElementRef<'_>) -> bool {
    let picture = |e: ElementRef<'_>| {
        matches!(
            e.value().name(),
            "img"
                | "video"
                | "iframe"
                | "object"
                | "embed"
                | "input"
                | "svg"
                | "canvas"
                | "picture"
        )
    };
    (percent_padding(el) || vis.holds_box(el) || (!picture(el) && ratio_class(el)))
        && el.descendants().nth(SPACER_NODES * 2).is_none()
        && el.descendants().skip(1).all(|c| match c.value() {
            Node::Text(t) => t.trim().is_empty(),
            Node::Comment(_) => true,
            Node::Element(_) => ElementRef::wrap(c).is_some_and(|e| !picture(e)),
            _ => false,
        })
}

/// An inline `height` in pixels, or a utility class for a fixed height
/// (Tailwind's `h-24`, a site's `h-121`; not Tachyons' `h-25` to `h-100`,
/// which are percentages of the parent): the box keeps its height whatever
/// the picture (`<div style="height:52px">` around a 52-pixel thumbnail).
fn fixed_height(el: ElementRef<'_>) -> bool {
    a11y::style(el, "height").is_some_and(|v| {
        a11y::keyword(&v)
            .strip_suffix("px")
            .is_some_and(|n| n.trim().parse::<f64>().is_ok_and(|n| n >= 0.0))
    }) || utility_size(el, "h-")
}

/// A utility class for a fixed size on the axis `prefix` names (`h-`,
/// `w-`): Tailwind's `h-24`, `w-12`, a site's `h-121`; not Tachyons' and
/// Bootstrap's `h-25` to `h-100`, which are percentages of the parent.
fn utility_size(el: ElementRef<'_>, prefix: &str) -> bool {
    el.value().attribute("class").is_some_and(|classes| {
        classes.split_ascii_whitespace().any(|class| {
            class.strip_prefix(prefix).is_some_and(|n| {
                n.parse::<u32>()
                    .is_ok_and(|n| n > 0 && ![25, 50, 75, 100].contains(&n))
            })
        })
    })
}

/// An inline `padding-bottom` or `padding-top` in percent: the usual
/// placeholder that holds a picture's height before it loads.
fn percent_padding(el: ElementRef<'_>) -> bool {
    ["padding-bottom", "padding-top"]
        .iter()
        .any(|p| a11y::style(el, p).is_some_and(|v| v.ends_with('%')))
}

/// A class part that is an aspect ratio: `3x2`, `16x9` (`intrinsic-3x2`).
fn is_ratio(part: &str) -> bool {
    part.split_once('x').is_some_and(|(w, h)| {
        [w, h]
            .iter()
            .all(|n| n.parse::<u32>().is_ok_and(|n| (1..=32).contains(&n)))
    })
}

/// Two class parts that are a width and a height in pixels
/// (`th__2000_857`): a box drawn at those proportions. Grid classes'
/// column counts (`col-6-12`) are too small to be pixels.
fn is_pixel_size(w: &str, h: &str) -> bool {
    let px = |s: &str| s.parse::<u32>().is_ok_and(|n| (100..=10_000).contains(&n));
    px(w) && px(h)
}

/// One side of a ratio written out: `four_by_six`, `16-by-9`.
fn is_ratio_term(part: &str) -> bool {
    part.parse::<u32>().is_ok_and(|n| (1..=32).contains(&n))
        || matches!(
            part,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "sixteen"
        )
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

/// Words of a file name that say the picture is a drawing carrying data.
const DRAWING_NAMES: &[&str] = &[
    "map",
    "maps",
    "chart",
    "charts",
    "graph",
    "graphs",
    "diagram",
    "diagrams",
    "infographic",
];

/// Words of a file name that say the picture is of text.
const TEXT_NAMES: &[&str] = &[
    "screenshot",
    "screenshots",
    "screengrab",
    "screencap",
    "tweet",
    "copyright",
];

/// What the names of a picture's files say it is: a drawing that carries
/// data, a picture of text (see [`Image::drawing`], [`Image::of_text`]).
/// A resizer's address names the file in its query
/// (`/resize/762x/?url=https%3A%2F%2F…%2Fscreenshot-2022.jpg`), so the
/// name is the last segment of the decoded address. A link to the
/// image's file counts too (a thumbnail opening `File:Migration.svg`).
pub fn file_says<'a>(addresses: impl IntoIterator<Item = &'a str>) -> (bool, bool) {
    let (mut drawing, mut of_text) = (false, false);
    for address in addresses {
        if address
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
        {
            continue;
        }
        let decoded = crate::assets::resolve::percent_decode(address).to_lowercase();
        let svg = decoded.split('/').any(|segment| {
            let segment = segment.split(['?', '#', '&']).next().unwrap_or("");
            segment.ends_with(".svg") || segment.contains(".svg.")
        });
        let name = decoded.rsplit('/').next().unwrap_or("");
        let name = name.split(['?', '#']).next().unwrap_or("");
        let words: Vec<String> = a11y::word_parts(name).collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        let screen_shot = words
            .windows(2)
            .any(|w| w[0] == "screen" && matches!(w[1].as_str(), "shot" | "grab"));
        // A JPEG is a photograph's format: `…-2016-map-electors.jpg` is a
        // photo with a story's words in its name. (A `srcset` written into
        // `src` leaves its descriptor after the name: `….jpg 940w`.)
        let jpeg = name
            .split_whitespace()
            .any(|n| n.ends_with(".jpg") || n.ends_with(".jpeg"));
        drawing |= svg || (has(DRAWING_NAMES) && !jpeg);
        of_text |= screen_shot || has(TEXT_NAMES);
    }
    (drawing, of_text)
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

/// An inline style that fixes the box: `aspect-ratio`, or a height in
/// fixed units (in the style or the `height` attribute) with a width given
/// in fixed units or as a share of the container (in the style or the
/// `width` attribute: `width="100%" style="height:170px"`, `width="100%"
/// height="50"`), neither of which waits for the file; utility classes
/// for a fixed width and height (`w-12 h-12`); or a `position` that takes
/// the image out of the page's flow.
fn styled_size(img: ElementRef<'_>) -> bool {
    let given = |v: &str| v != "auto" && v.starts_with(|c: char| c.is_ascii_digit());
    let fixed = |v: Option<String>| v.is_some_and(|v| given(&v) && !v.contains('%'));
    a11y::style(img, "aspect-ratio").is_some_and(|v| v != "auto")
        || (utility_size(img, "w-") && utility_size(img, "h-"))
        || a11y::style(img, "position")
            .is_some_and(|v| matches!(a11y::keyword(&v), "absolute" | "fixed"))
        || ((fixed(a11y::style(img, "height"))
            || fixed(
                img.value()
                    .attribute("height")
                    .map(|v| v.trim().to_string()),
            ))
            && (a11y::style(img, "width").is_some_and(|v| given(&v))
                || img
                    .value()
                    .attribute("width")
                    .is_some_and(|v| given(v.trim()))))
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

#[cfg(test)]
mod tests {
    use super::{file_says, is_file_name, is_live_count, is_spacer, is_spinner};

    #[test]
    fn spinners_are_named_for_what_they_show() {
        for url in [
            "http://i.cdn.turner.com/cnn/.e/img/3.0/global/misc/loading.gif",
            "/ct2/html/images/working.gif",
            "/img/ajax-loader.gif",
            "/static/spinner-32.svg?v=3",
        ] {
            assert!(is_spinner(url), "{url}");
        }
        for url in [
            "/img/loading-dock-fire.jpg",
            "/media/spin-class.png",
            "/img/loading-bay.gif",
        ] {
            assert!(!is_spinner(url), "{url}");
        }
    }

    #[test]
    fn an_alt_that_says_loading_is_a_spinners() {
        use super::says_loading;
        for alt in ["Loading…", "Loading...", "loading", "Please wait"] {
            assert!(says_loading(alt), "{alt}");
        }
        for alt in ["Loading the ferry at Dover", "Lade", ""] {
            assert!(!says_loading(alt), "{alt}");
        }
    }

    #[test]
    fn ratio_classes_name_common_proportions() {
        use super::{common_ratio, common_ratio_terms};
        assert!(common_ratio("thumb16", "9"));
        assert!(common_ratio_terms("1", "1") && common_ratio_terms("16", "9"));
        assert!(!common_ratio_terms("6", "12") && !common_ratio_terms("ar", "1"));
    }

    #[test]
    fn spacers_are_named_for_what_they_are() {
        for url in [
            "http://www.politico.com/global/v4/sprites/x.gif",
            "/images/trans.gif",
            "https://i.cdn.turner.com/cnn/.element/img/3.0/1px.gif",
            "/common/icon_blank.gif",
            "/img/spacer.png?v=2",
            "https://s.yimg.com/g/images/transparent-1093278.png",
            "/assets/lazyload-transparent-image-data.gif",
        ] {
            assert!(is_spacer(url), "{url}");
        }
        for url in [
            "/site_images/logo_trans.png",
            "/img/aaj-logo-transparent.png",
            "https://assets.rebelmouse.io/eyJhbG/img.png?width=500",
            "/media/blank-slate-cover.jpg",
            "/images/x.jpg",
            "x.png",
            "/img/lazy-image.png",
        ] {
            assert!(!is_spacer(url), "{url}");
        }
    }

    #[test]
    fn count_badges_are_live_counts() {
        assert!(is_live_count(
            "http://b.hatena.ne.jp/entry/image///phpspot.org/blog/archives/2022/06/pushinjs.html"
        ));
        assert!(is_live_count(
            "https://b.hatena.ne.jp/bc/http://phpspot.org/blog/"
        ));
        assert!(!is_live_count(
            "https://b.hatena.ne.jp/images/entry-button/button-only.gif"
        ));
        assert!(!is_live_count("/images/2022/06/pushinjs-demo.png"));
    }

    #[test]
    fn file_names_say_drawings_and_pictures_of_text() {
        let says = |url| file_says([url]);
        // (drawing, of text)
        assert_eq!(
            says("//upload.wikimedia.org/thumb/4/4b/Migration.svg/290px-Migration.svg.png"),
            (true, false)
        );
        assert_eq!(says("/wiki/File:Polynesian_Migration.svg"), (true, false));
        assert_eq!(says("/media/flood-map.png"), (true, false));
        // A JPEG named with a story's words is a photo.
        assert_eq!(
            says("/uploads/2016/popular-vote-map-electors.jpg"),
            (false, false)
        );
        // A resizer names the file in its query.
        assert_eq!(
            says(
                "https://www.politico.com/dims4/default/7f311ea/resize/762x/?url=https%3A%2F%2Fstatic.politico.com%2Fe8%2Fscreenshot-2022-10-10-194039.jpg"
            ),
            (false, true)
        );
        assert_eq!(
            says("/Screen%20Shot%202016-12-01%20at%201.15.51%20PM.png"),
            (false, true)
        );
        assert_eq!(says("/images/obj/copyright.png"), (false, true));
        assert_eq!(says("/media/2024/05/02/rally.jpg"), (false, false));
        assert_eq!(says("data:image/svg+xml,%3Csvg%3E"), (false, false));
    }

    #[test]
    fn file_names_in_alt_text() {
        for alt in [
            "DSC_1234.jpg",
            "IMG_20240101_101010",
            "photo.png",
            "https://example.com/a.jpg",
            "//cdn.example.com/x",
            "Https%3a%2f%2fimages",
            "DSCN0042",
            "20240101_101010",
        ] {
            assert!(is_file_name(alt, None), "{alt}");
        }
        assert!(is_file_name(
            "44025-33uy6ca-highres",
            Some("/gc4/44025-33uy6ca-highres.webp")
        ));
        // A CMS capitalises the first letter of the file's name.
        assert!(is_file_name(
            "Girl-at-the-bottom",
            Some("/uploads/1817/girl-at-the-bottom.png")
        ));
        assert!(is_file_name("boom-car", Some("/2010/07/boom-car.jpg")));
    }

    #[test]
    fn descriptions_are_not_file_names() {
        for alt in [
            "Putin and Kim at the cosmodrome",
            "A woman watches a screen in Seoul.",
            "Pi 3.14",
            "P.S. I love you",
        ] {
            assert!(!is_file_name(alt, Some("/img/photo.jpg")), "{alt}");
        }
        // A name someone capitalised, which the file is named after.
        assert!(!is_file_name("Ad-Juster", Some("/partners/ad-juster.png")));
    }
}
