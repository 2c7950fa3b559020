//! What the HTML report shows of an article beyond its findings, read
//! from the article model and the probed files while the file is linted
//! (only when `--format html` is asked), and carried on its `FileReport`.
//! Nothing here is recomputed later: the report renders these values.

use std::collections::HashMap;

use super::thumbs::{Preview, Thumbnails};
use crate::article::{Article, Figure, Image, Slot, Syntax};
use crate::assets::{Asset, Assets};
use crate::diagnostic::Span;
use crate::html::{Attribute, Document};
use crate::text::Found;

/// One article as the report shows it.
#[derive(Debug, Default)]
pub struct Page {
    /// The page's `<title>` (a Markdown file's front-matter title), else
    /// its first level-one heading.
    pub title: Option<String>,
    /// One card per image, in document order, then the `og:image`s.
    pub cards: Vec<Card>,
    /// Exposed headings, in order.
    pub outline: Vec<OutlineItem>,
    /// The article's language (`<html lang>`, front-matter `lang`) when it
    /// is a valid tag: the report marks the article's own words with it.
    pub lang: Option<String>,
}

/// A heading in the outline.
#[derive(Debug)]
pub struct OutlineItem {
    pub level: u8,
    pub text: String,
    /// The level of the heading before it, when this one skips levels
    /// after it (an `<h4>` after an `<h2>`).
    pub skips_from: Option<u8>,
}

/// One image.
#[derive(Debug)]
pub struct Card {
    /// "img", "Markdown image", "Hugo shortcode", "front-matter image" or "og:image".
    pub kind: &'static str,
    /// Where the image is written; findings whose span starts inside one
    /// of `spans` are this image's.
    pub at: Span,
    pub spans: Vec<Span>,
    pub alt: Alt,
    pub caption: Option<CaptionView>,
    pub in_figure: bool,
    /// A screen reader meets it.
    pub exposed: bool,
    /// The `width` and `height` attributes as written.
    pub declared: (Option<String>, Option<String>),
    /// The reference the picture comes from, as written.
    pub url: Option<String>,
    pub file: FileView,
    pub preview: Option<Preview>,
}

#[derive(Debug)]
pub enum Alt {
    /// No `alt` attribute.
    Missing,
    /// `alt=""` (or only whitespace): decorative.
    Empty,
    Text(String),
}

/// A caption's text and what the caption analysis found in it (byte
/// ranges into `text`).
#[derive(Debug)]
pub struct CaptionView {
    pub text: String,
    pub credit: Option<Found>,
    pub date: Option<Found>,
    pub place: Option<Found>,
    /// The caption is the image's alt text.
    pub in_alt: bool,
}

/// What the image reference led to.
#[derive(Debug)]
pub enum FileView {
    /// The image has no address at all.
    NoAddress,
    /// On the web or another scheme: not fetched.
    Remote,
    /// A local path with no asset root to look in.
    Unresolved,
    Missing {
        tried: Vec<String>,
    },
    Refused {
        reason: String,
    },
    /// A `data:` URI.
    Inline {
        format: Option<&'static str>,
        bytes: u64,
    },
    Found {
        path: String,
        format: Option<&'static str>,
        bytes: u64,
        /// Width and height as displayed (EXIF orientation applied).
        intrinsic: Option<(u32, u32)>,
        broken: Option<String>,
    },
}

impl Page {
    /// Read what the report shows from a linted article: its model, the
    /// files it references, and the thumbnails of those files.
    pub fn build(
        doc: &Document,
        article: &Article<'_>,
        assets: &Assets,
        thumbs: &Thumbnails,
    ) -> Page {
        // Each image's figure, found once for the article, not by reading
        // every figure for each image.
        let mut figure_of = HashMap::new();
        for figure in &article.figures {
            for &i in &figure.images {
                figure_of.entry(i).or_insert(figure);
            }
        }
        let mut cards: Vec<Card> = article
            .images
            .iter()
            .enumerate()
            .map(|(i, image)| {
                let figure = figure_of.get(&i).copied();
                card(article, i, image, figure, assets, thumbs)
            })
            .collect();
        for og in article.og_images() {
            let (file, preview) = file_view(og.url, assets, thumbs);
            cards.push(Card {
                kind: "og:image",
                at: og.span,
                spans: vec![og.span],
                alt: Alt::Missing,
                caption: None,
                in_figure: false,
                exposed: false,
                declared: (None, None),
                url: Some(og.url.to_string()),
                file,
                preview,
            });
        }
        let outline = outline(doc, article);
        let title = title(doc, article).or_else(|| {
            outline
                .iter()
                .find(|h| h.level == 1 && !h.text.is_empty())
                .map(|h| h.text.clone())
        });
        let lang = article
            .document
            .lang
            .map(|l| l.value.trim().to_string())
            .filter(|l| {
                !l.is_empty() && crate::rules::document::document_lang::problem(l).is_none()
            });
        Page {
            title,
            cards,
            outline,
            lang,
        }
    }
}

fn card(
    article: &Article<'_>,
    index: usize,
    image: &Image<'_>,
    figure: Option<&Figure>,
    assets: &Assets,
    thumbs: &Thumbnails,
) -> Card {
    let mut spans = vec![image.tag];
    spans.extend(article.references_of(image).map(|r| r.span));
    let mut caption = None;
    if let Some(figure) = figure {
        // The figure's own findings (a missing caption, a caption without
        // a credit) belong to its first image.
        if figure.images.first() == Some(&index) {
            spans.push(figure.tag);
            if let Some(c) = &figure.caption {
                spans.push(c.tag);
                spans.extend(c.content);
            }
        }
        caption = figure.caption.as_ref().map(|c| {
            let found = c.analysis();
            CaptionView {
                text: c.text.clone(),
                credit: found.credit,
                date: found.date,
                place: found.place,
                in_alt: c.in_alt,
            }
        });
    }
    let alt = match &image.alt {
        None => Alt::Missing,
        Some(a) if a.is_blank() => Alt::Empty,
        Some(a) => Alt::Text(a.value.to_string()),
    };
    let url = shown_reference(article, image);
    let (file, preview) = match url {
        Some(url) => file_view(url, assets, thumbs),
        None => (FileView::NoAddress, None),
    };
    Card {
        kind: match image.syntax {
            Syntax::Html => "img",
            Syntax::Markdown => "Markdown image",
            Syntax::Pandoc => "Pandoc figure",
            Syntax::Chunk => "knitr chunk",
            Syntax::Directive => "MyST directive",
            Syntax::Shortcode => "Hugo shortcode",
            Syntax::Include => "figure include",
            Syntax::FrontMatter => "front-matter image",
        },
        at: image.tag,
        spans,
        alt,
        caption,
        in_figure: image.in_figure,
        exposed: image.exposed,
        declared: (
            image.width.map(|a| a.value.to_string()),
            image.height.map(|a| a.value.to_string()),
        ),
        url: url.map(str::to_string),
        file,
        preview,
    }
}

/// The address the picture a reader sees comes from: `src` (or the
/// lazy-loading address that replaces a placeholder), else the first
/// `srcset` or `<picture>` candidate.
fn shown_reference<'d>(article: &Article<'d>, image: &Image<'d>) -> Option<&'d str> {
    let shown: Vec<_> = article
        .references_of(image)
        .filter(|r| r.shown && !r.url.is_empty())
        .collect();
    shown
        .iter()
        .find(|r| matches!(r.slot, Slot::Src | Slot::Lazy(_)) && !r.is_data_uri())
        .or_else(|| shown.iter().find(|r| !r.is_data_uri()))
        .or_else(|| shown.first())
        .map(|r| r.url)
}

fn file_view(url: &str, assets: &Assets, thumbs: &Thumbnails) -> (FileView, Option<Preview>) {
    match assets.image(url) {
        Asset::NotChecked => (FileView::Remote, None),
        Asset::Unresolved => (FileView::Unresolved, None),
        Asset::Missing { tried } => (
            FileView::Missing {
                tried: tried.clone(),
            },
            None,
        ),
        Asset::Refused { reason } => (
            FileView::Refused {
                reason: reason.clone(),
            },
            None,
        ),
        Asset::Found {
            file: None, info, ..
        } => (
            FileView::Inline {
                format: info.format.map(|f| f.label()),
                bytes: info.bytes,
            },
            None,
        ),
        Asset::Found {
            file: Some(shown),
            path,
            info,
            ..
        } => (
            FileView::Found {
                path: shown.clone(),
                format: info.format.map(|f| f.label()),
                bytes: info.bytes,
                intrinsic: info.display_size(),
                broken: info.broken.clone(),
            },
            path.as_deref().map(|p| thumbs.of(p, info)),
        ),
    }
}

/// The exposed headings with their text, and where a level is skipped.
fn outline(doc: &Document, article: &Article<'_>) -> Vec<OutlineItem> {
    let mut html_text = HashMap::new();
    for el in doc.elements() {
        let name = el.value().name();
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            || el
                .value()
                .attribute("role")
                .is_some_and(|r| r.trim() == "heading");
        if heading {
            html_text.insert(doc.tag_span(el), collapse(&el.text().collect::<String>()));
        }
    }
    // A Markdown heading's text is its block's: found by its span.
    let mut block_text: HashMap<Span, &str> = HashMap::new();
    for b in article.blocks.iter().filter(|b| b.heading) {
        block_text.entry(b.span).or_insert(&b.text);
    }
    let mut previous: Option<u8> = None;
    article
        .headings
        .iter()
        .map(|h| {
            let text = html_text.get(&h.tag).cloned().unwrap_or_else(|| {
                // A Markdown heading: its block's text, or the front matter's title.
                block_text
                    .get(&h.tag)
                    .map(|text| text.to_string())
                    .unwrap_or_else(|| {
                        collapse(article.source_text(h.tag).unwrap_or_default())
                            .trim_matches(|c| c == '"' || c == '\'')
                            .to_string()
                    })
            });
            let skips_from = previous.filter(|&p| h.level > p + 1);
            previous = Some(h.level);
            OutlineItem {
                level: h.level,
                text,
                skips_from,
            }
        })
        .collect()
}

fn title(doc: &Document, article: &Article<'_>) -> Option<String> {
    let text = if article.document.markdown {
        let (span, _) = article.document.title?;
        collapse(article.source_text(span)?)
            .trim_matches(|c| c == '"' || c == '\'')
            .to_string()
    } else {
        let el = doc.elements_named("title").next()?;
        collapse(&el.text().collect::<String>())
    };
    Some(text).filter(|t| !t.is_empty())
}

fn collapse(text: &str) -> String {
    crate::a11y::normalize(text)
}
