//! Markdown pictures in a raw-HTML `<figure>`. CommonMark reads Markdown
//! inside an HTML block only after a blank line, so writers who want a
//! `<figcaption>` under a Markdown picture wrap it so:
//!
//! ```markdown
//! <figure>
//!
//! ![Boats moored in the harbour](boats.jpg)
//!
//! <figcaption>Boats in Hull, England, on May 2. [AP]</figcaption>
//! </figure>
//! ```
//!
//! The raw HTML's model sees a figure without a picture, the Markdown
//! a picture standing alone: the `<figcaption>` is that picture's caption.

use std::ops::Range;
use std::sync::Arc;

use scraper::{ElementRef, Selector};

use super::{Caption, Placement, element_caption};
use crate::article::photo;
use crate::html::Document;

/// A raw-HTML `<figure>` holding a `<figcaption>` with text.
pub struct Wrapper<'d> {
    /// From its start tag to the end of its content.
    span: Range<usize>,
    element: ElementRef<'d>,
    caption: ElementRef<'d>,
}

/// The captioned `<figure>`s of a Markdown file's raw HTML, in source order.
pub fn wrappers(doc: &Document) -> Vec<Wrapper<'_>> {
    doc.elements_named("figure")
        .filter(|f| doc.visibility.is_rendered(*f))
        .filter_map(|element| {
            let end = doc.content_span(element)?.end;
            let caption = element
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "figcaption")
                .filter(|c| !doc.visibility.is_unseen(*c))
                .filter(|c| c.text().any(|t| !t.trim().is_empty()))?;
            Some(Wrapper {
                span: doc.tag_span(element).start..end,
                element,
                caption,
            })
        })
        .collect()
}

/// The innermost wrapper around the byte `at`.
pub fn around<'w, 'd>(wrappers: &'w [Wrapper<'d>], at: usize) -> Option<&'w Wrapper<'d>> {
    let before = wrappers.partition_point(|w| w.span.start <= at);
    wrappers[..before]
        .iter()
        .rev()
        .find(|w| w.span.contains(&at))
}

impl Wrapper<'_> {
    /// Its `<figcaption>`, read as a caption.
    pub fn caption(&self, doc: &Document, agencies: &Arc<[String]>) -> Caption {
        element_caption(doc, self.caption, Placement::Figcaption, agencies)
    }

    /// Whether it holds a news photo, the picture's address `src` (see
    /// [`photo::is_photo`]).
    pub fn photo(&self, caption: &Caption, src: &str, selector: Option<&Selector>) -> bool {
        let seen = photo::Seen {
            element: self.element,
            images: &[],
            lazy_alt: None,
            addresses: &[src],
            caption: Some((self.caption, caption.text.as_str())),
            links_away: false,
            artist_in_byline: false,
        };
        photo::is_photo(&seen, selector)
    }
}
