//! The article model: what an article is, built once per file from the
//! parsed document. Every rule reads this model, not the markup: the
//! images with every reference they make, the figures with their captions
//! analysed once, the headings, links and other named elements, media and
//! tracks, and the document's own facts. Each item carries the spans a
//! finding points at, and whether a reader sees it and whether assistive
//! technology exposes it is decided here, once (see `crate::a11y` for the
//! visibility and name computations it uses).

mod attr;
mod build;
mod embeds;
mod figures;
mod genre;
mod headline;
mod identity;
mod images;
mod jsonld;
mod markdown;
mod named;
mod photo;
mod supplied;

use crate::diagnostic::Span;
use crate::html::Document;

pub use attr::Attr;
pub use figures::{Caption, Figure, FigureKind, Placement, Provided, marks_credit};
pub use headline::TitleMatch;
pub use identity::{Picture, Pictures};
pub use images::{Image, Reference, Slot, Syntax};
pub use jsonld::ImageObjects;
pub use named::{
    Area, Block, Frame, Heading, ImageButton, Link, Object, RoleImage, Svg, Track, Video,
};

/// What the article's configuration contributes to the model.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Agency names counted as credits, beside the built-in list.
    pub agencies: Vec<String>,
    /// The site's photo figures (`[captions] photo` in `presslint.toml`);
    /// without it, figures are classified by their own words.
    pub photo: Option<std::sync::Arc<scraper::Selector>>,
    /// The Markdown the file's project writes (see
    /// [`crate::markdown::Dialect`]), when a project file above it says.
    pub dialect: Option<crate::markdown::Dialect>,
}

/// One article, as the rules see it.
pub struct Article<'d> {
    pub(crate) source: &'d str,
    /// The document's own facts (language, title).
    pub document: DocumentFacts<'d>,
    /// Every `<img>`, in document order.
    pub images: Vec<Image<'d>>,
    /// Every image reference in document order: each image's `src` and
    /// `srcset` candidates, `<picture>` sources, lazy-loading attributes,
    /// and the page's `og:image`. Image files are resolved and probed from
    /// this list and no other.
    pub references: Vec<Reference<'d>>,
    /// Figures a reader meets that hold an image.
    pub figures: Vec<Figure>,
    /// Exposed headings, in document order.
    pub headings: Vec<Heading>,
    /// Exposed paragraphs and headings, in document order.
    pub blocks: Vec<Block>,
    /// Exposed links.
    pub links: Vec<Link>,
    /// Exposed `<iframe>`s.
    pub frames: Vec<Frame<'d>>,
    /// Exposed `<object>`s with data.
    pub objects: Vec<Object>,
    /// Exposed image-map `<area>`s with `href`.
    pub areas: Vec<Area<'d>>,
    /// Exposed `<input type="image">`s.
    pub image_buttons: Vec<ImageButton<'d>>,
    /// Exposed elements other than `<img>` and SVG with `role="img"`.
    pub role_images: Vec<RoleImage>,
    /// Exposed SVG elements with an image role.
    pub svgs: Vec<Svg>,
    /// Exposed `<video>`s.
    pub videos: Vec<Video>,
    /// Rendered `<track>`s.
    pub tracks: Vec<Track<'d>>,
}

/// Facts about the whole page. Fragments (no doctype, no `<html>` tag)
/// are body content: they have none of these.
pub struct DocumentFacts<'d> {
    /// The source is a whole page, not a fragment (a Markdown file with
    /// front matter counts as one).
    pub full_document: bool,
    /// The article is Markdown.
    pub markdown: bool,
    /// A Markdown file's front matter block.
    pub front_matter: Option<Span>,
    /// The `<html>` start tag.
    pub html_tag: Option<Span>,
    /// The `lang` attribute of `<html>`.
    pub lang: Option<Attr<'d>>,
    /// `<html>` has no `lang` but a script framework sets it when the page
    /// runs (`ng-attr-lang="{{…}}"`, `:lang`): readers meet it set.
    pub lang_bound: bool,
    /// The first `<title>` in the HTML namespace: its tag, and whether it
    /// has text (or a script framework gives it text: `ng-bind-template`).
    pub title: Option<(Span, bool)>,
    /// The first `<base href>`: references resolve against it.
    pub base: Option<Attr<'d>>,
    /// The `<head>` and `<body>` start tags.
    pub head_tag: Option<Span>,
    pub body_tag: Option<Span>,
    /// A line of the body a reader sees is the headline without being a
    /// heading: it repeats the `<title>` or `og:title` (or a part of either
    /// between separators), or is a short line in a large `<font>`.
    pub headline_line: bool,
    /// The page reviews a product or guides through steps (see
    /// `genre`): its pictures show things, which are credited but not
    /// dated, placed or captioned as news.
    pub reviews_or_guides: bool,
}

impl<'d> Article<'d> {
    /// Build the model of a parsed document.
    pub fn build(doc: &'d Document, options: &Options) -> Article<'d> {
        supplied::mark(build::build(doc, options))
    }

    /// Build the model of a Markdown article; its path says whether the
    /// site generator titles it after its file name.
    pub fn from_markdown(
        md: &'d crate::markdown::MarkdownDocument,
        options: &Options,
        path: &std::path::Path,
    ) -> Article<'d> {
        supplied::mark(markdown::build(md, options, path))
    }

    /// The source text the spans point into.
    pub fn source(&self) -> &'d str {
        self.source
    }

    /// The source text under a span, if the span is valid.
    pub fn source_text(&self, span: Span) -> Option<&'d str> {
        self.source.get(span.start..span.end)
    }

    /// The references of one image, in the order it makes them.
    pub fn references_of(&self, image: &Image<'_>) -> impl Iterator<Item = &Reference<'d>> {
        self.references[image.references.clone()].iter()
    }

    /// A spacer or tracking pixel: declared at most 2 × 2, or not declared
    /// larger and loaded from a beacon address (see [`images::is_beacon`]).
    pub fn is_tracking_pixel(&self, img: &Image<'_>) -> bool {
        let small = |d: Option<f64>| d.is_some_and(|d| d <= 2.0);
        let large = |d: Option<f64>| d.is_some_and(|d| d > 2.0);
        (small(img.width_px()) && small(img.height_px()))
            || (!large(img.width_px())
                && !large(img.height_px())
                && self.references_of(img).any(|r| images::is_beacon(r.url)))
    }

    /// Every address of the image is a spacer's (see `images::is_spacer`):
    /// no picture of its own loads into it.
    pub fn is_spacer(&self, img: &Image<'_>) -> bool {
        let mut references = self.references_of(img).peekable();
        references.peek().is_some() && references.all(|r| images::is_spacer(r.url))
    }

    /// Every address of the image is a spinner's (see
    /// `images::is_spinner`), or its alt text says it is one ("Loading…"):
    /// a script replaces it with what it loads.
    pub fn is_spinner(&self, img: &Image<'_>) -> bool {
        let mut references = self.references_of(img).peekable();
        references.peek().is_some() && references.all(|r| images::is_spinner(r.url))
            || img
                .alt
                .as_ref()
                .is_some_and(|a| images::says_loading(a.value))
    }

    /// The image is a count badge drawn live by a service (see
    /// `images::is_live_count`): no size can be written for it.
    pub fn is_live_count(&self, img: &Image<'_>) -> bool {
        let mut references = self.references_of(img).peekable();
        references.peek().is_some() && references.all(|r| images::is_live_count(r.url))
    }

    /// The images of a figure.
    pub fn images_of<'a>(&'a self, figure: &'a Figure) -> impl Iterator<Item = &'a Image<'d>> {
        figure.images.iter().map(|&i| &self.images[i])
    }

    /// Images a screen reader meets: not hidden, not in inert content.
    pub fn exposed_images(&self) -> impl Iterator<Item = &Image<'d>> {
        self.images.iter().filter(|img| img.exposed)
    }

    /// Exposed images with an alt that is not blank, and the alt; not an
    /// unfilled script template.
    pub fn images_with_alt(&self) -> impl Iterator<Item = (&Image<'d>, &Attr<'d>)> {
        self.exposed_images()
            .filter(|img| !img.unfilled)
            .filter_map(|img| Some((img, img.alt_text()?)))
    }

    /// The `og:image` references.
    pub fn og_images(&self) -> impl Iterator<Item = &Reference<'d>> {
        self.references.iter().filter(|r| r.slot == Slot::OgImage)
    }
}
