//! The parsed HTML document: scraper's DOM plus the source span of every
//! element and attribute (see `bridge` for how the spans are recorded).

pub mod bridge;

use std::collections::HashMap;
use std::sync::Mutex;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

pub use bridge::{AttrSpan, ElementSpans, MAX_DEPTH, Stop, Truncation};

use crate::a11y::Visibility;
use crate::diagnostic::Span;

/// The first `n` elements among `nodes` (an element's children or
/// siblings), reading at most [`NODES_PER_ELEMENT`] nodes for each: a run
/// of thousands of comments between them is not read again by every
/// element that asks.
pub fn first_elements<'a>(
    nodes: impl Iterator<Item = NodeRef<'a, Node>>,
    n: usize,
) -> impl Iterator<Item = ElementRef<'a>> {
    nodes
        .take(NODES_PER_ELEMENT * n)
        .filter_map(ElementRef::wrap)
        .take(n)
}

/// See [`first_elements`]: an element, the blank text before it and a
/// comment or two.
pub const NODES_PER_ELEMENT: usize = 4;

/// An element's attribute read by its name in place. scraper's
/// `Element::attr` interns the name on every call and searches the
/// attributes by comparing interned names, which took a tenth of a whole
/// run; an element has a few attributes, compared here as they are.
pub trait Attribute {
    /// The value of the attribute `name` (in no namespace), if set.
    fn attribute(&self, name: &str) -> Option<&str>;
}

impl Attribute for scraper::node::Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(q, _)| q.ns == html5ever::ns!() && &*q.local == name)
            .map(|(_, value)| &**value)
    }
}

pub struct Document {
    source: String,
    pub html: Html,
    spans: HashMap<NodeId, ElementSpans>,
    /// The source has a doctype or an explicit `<html>` tag. Fragments are
    /// body content: document-level rules (lang, title) do not apply to them.
    pub full_document: bool,
    /// Comments as written: their span (`<!--` to `-->`) and text.
    pub comments: Vec<(Span, String)>,
    ids: HashMap<String, NodeId>,
    /// Set when the parser stopped before the end of the source (see
    /// [`MAX_DEPTH`]): the tree holds what came before `offset`.
    pub truncated: Option<Truncation>,
    /// What is hidden, not drawn or inert (see `a11y`).
    pub visibility: Visibility,
    /// Where each element's content ends (see `content_span`).
    content_ends: HashMap<NodeId, usize>,
    /// The first character of the name each `aria-labelledby` target asked
    /// about gives, if any (see `a11y::has_aria_name`): a label a thousand
    /// links point at is read once.
    pub label_named: Mutex<HashMap<NodeId, Option<char>>>,
}

impl Document {
    pub fn parse(source: String) -> Document {
        let parsed = bridge::parse(&source);
        let mut ids = HashMap::new();
        for node in parsed.html.tree.nodes() {
            if let Node::Element(el) = node.value()
                && let Some(id) = el.id()
            {
                ids.entry(id.to_string()).or_insert(node.id());
            }
        }
        let visibility = Visibility::compute(&parsed.html);
        let content_ends = content_ends(&parsed.html, &parsed.spans);
        Document {
            source,
            html: parsed.html,
            spans: parsed.spans,
            full_document: parsed.full_document,
            comments: parsed.comments,
            ids,
            truncated: parsed.truncated,
            visibility,
            content_ends,
            label_named: Mutex::default(),
        }
    }

    pub fn into_source(self) -> String {
        self.source
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The source text under a span, if the span is valid.
    pub fn source_text(&self, span: Span) -> Option<&str> {
        self.source.get(span.start..span.end)
    }

    /// Every element in document order, `<template>` contents excluded.
    pub fn elements(&self) -> impl Iterator<Item = ElementRef<'_>> {
        let mut in_template = 0usize;
        self.html
            .root_element()
            .traverse()
            .filter_map(move |edge| match edge {
                Edge::Open(node) if node.value().is_fragment() => {
                    in_template += 1;
                    None
                }
                Edge::Close(node) if node.value().is_fragment() => {
                    in_template -= 1;
                    None
                }
                Edge::Open(node) if in_template == 0 => ElementRef::wrap(node),
                _ => None,
            })
    }

    /// Every element with this (lowercase) local name, in document order.
    pub fn elements_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = ElementRef<'a>> + 'a {
        self.elements().filter(move |el| el.value().name() == name)
    }

    pub fn by_id(&self, id: &str) -> Option<ElementRef<'_>> {
        self.ids
            .get(id)
            .and_then(|n| self.html.tree.get(*n))
            .and_then(ElementRef::wrap)
    }

    pub fn spans(&self, el: ElementRef<'_>) -> Option<&ElementSpans> {
        self.spans.get(&el.id())
    }

    /// The start tag as written (or the token that implied the element).
    pub fn tag_span(&self, el: ElementRef<'_>) -> Span {
        self.spans(el).map(|s| s.tag).unwrap_or_default()
    }

    /// The attribute's value as written (without quotes); its name when the
    /// value is empty or absent; the start tag when the attribute is absent.
    pub fn attr_span(&self, el: ElementRef<'_>, name: &str) -> Span {
        let Some(spans) = self.spans(el) else {
            return Span::default();
        };
        spans
            .attrs
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
            .map(|a| a.value_span.unwrap_or(a.name_span))
            .unwrap_or(spans.tag)
    }

    /// The element's content as written: from the end of its start tag to
    /// the end of the last text or child added to it or its descendants
    /// (so before its end tag). `None` for implied elements.
    pub fn content_span(&self, el: ElementRef<'_>) -> Option<Span> {
        let spans = self.spans(el)?;
        if spans.implied {
            return None;
        }
        let end = self
            .content_ends
            .get(&el.id())
            .copied()
            .unwrap_or(spans.tag.end)
            .max(spans.tag.end);
        Some(Span::new(spans.tag.end, end))
    }
}

/// For every element, the end of the last token that added content to it
/// or to any element below it (or of the start tag of the last element
/// written below it), computed for the whole tree in one pass.
fn content_ends(html: &Html, spans: &HashMap<NodeId, ElementSpans>) -> HashMap<NodeId, usize> {
    let mut out = HashMap::new();
    // The largest end seen so far under each open node.
    let mut open: Vec<Option<usize>> = Vec::new();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => open.push(
                spans
                    .get(&node.id())
                    .and_then(|s| s.content_end.or((!s.implied).then_some(s.tag.end))),
            ),
            Edge::Close(node) => {
                let end = open.pop().flatten();
                if let Some(end) = end {
                    if node.value().is_element() {
                        out.insert(node.id(), end);
                    }
                    if let Some(parent) = open.last_mut() {
                        *parent = (*parent).max(Some(end));
                    }
                }
            }
        }
    }
    out
}
