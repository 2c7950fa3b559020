//! An attribute as the model carries it: its value and where it is written.

use scraper::ElementRef;

use crate::diagnostic::Span;
use crate::html::{Attribute, Document};

/// An attribute of an element: its value (character references decoded)
/// and its span: the value as written, or the attribute's name when the
/// value is empty or absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attr<'d> {
    pub value: &'d str,
    pub span: Span,
    /// The source under `span` is the value itself, byte for byte (no
    /// character references, not an empty value), so offsets into the value
    /// are offsets into the source.
    pub verbatim: bool,
}

impl<'d> Attr<'d> {
    /// The attribute `name` of `el`, if it has one.
    pub fn read(doc: &'d Document, el: ElementRef<'d>, name: &str) -> Option<Attr<'d>> {
        let value = el.value().attribute(name)?;
        let span = doc.attr_span(el, name);
        Some(Attr {
            value,
            span,
            verbatim: doc.source_text(span) == Some(value),
        })
    }

    /// A value written at `span` of `source` (a Markdown image's alt, a
    /// shortcode's parameter, a front-matter field), verbatim when the
    /// source holds it as is.
    pub fn written(source: &str, value: &'d str, span: Span) -> Attr<'d> {
        Attr {
            value,
            span,
            verbatim: source.get(span.start..span.end) == Some(value),
        }
    }

    /// Empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.value.trim().is_empty()
    }

    /// The value as a URL is read: without leading and trailing ASCII
    /// whitespace (a no-break space is part of the URL).
    pub fn url(&self) -> &'d str {
        trim_url(self.value)
    }

    /// The span of `value[start..end]`: exact when the value is written
    /// verbatim, else the whole attribute.
    pub fn narrow(&self, start: usize, end: usize) -> Span {
        if self.verbatim && start <= end && end <= self.value.len() {
            Span::new(self.span.start + start, self.span.start + end)
        } else {
            self.span
        }
    }
}

/// A URL without the leading and trailing ASCII whitespace that browsers
/// strip (the URL standard's C0-control-or-space and the HTML attribute
/// whitespace); any other character, a no-break space included, stays.
pub fn trim_url(url: &str) -> &str {
    url.trim_matches(|c: char| c.is_ascii_whitespace())
}
