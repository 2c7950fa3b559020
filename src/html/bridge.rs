//! The span bridge: html5gum's tokenizer (which knows byte offsets) drives
//! html5ever's tree builder (which knows the HTML tree-construction rules)
//! through a tree sink that wraps scraper's. While one token is processed the
//! sink records every element the tree builder creates; the last element
//! created with the token's tag name is the one the tag made, any other is
//! implied and gets the span of the token that caused it.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::convert::Infallible;

use ego_tree::NodeId;
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token as H5Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, QualName};
use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, State, Tokenizer};
use scraper::{Html, HtmlTreeSink};

use crate::diagnostic::Span;

/// The deepest element the tree builder is given. Every token costs the tree
/// builder time in proportion to the depth of its open elements (scope
/// checks walk them), so a file of nothing but nested `<div>`s would take
/// time quadratic in its length. Real articles stay far below this (the
/// deepest in the corpus of 394 pages is 52); browsers flatten the tree
/// beyond 512 as well. Past it the rest of the file is not parsed.
pub const MAX_DEPTH: usize = 512;

/// Why the bridge stopped before the end of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// An element was nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::TooDeep => write!(f, "elements nested deeper than {MAX_DEPTH} levels"),
        }
    }
}

/// Where and why parsing stopped early: everything from `offset` on was
/// left out of the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Truncation {
    /// The start of the token that went too far.
    pub offset: usize,
    pub reason: Stop,
}

/// Source positions of one attribute as written.
#[derive(Clone, Debug)]
pub struct AttrSpan {
    /// The attribute name as written, ASCII-lowercased by the tokenizer.
    pub name: String,
    pub name_span: Span,
    /// The value without its quotes; `None` for a bare or empty attribute.
    pub value_span: Option<Span>,
}

/// Source positions of one element.
#[derive(Clone, Debug)]
pub struct ElementSpans {
    /// The start tag, `<` to `>`; for an implied element, the token that caused it.
    pub tag: Span,
    /// True when the parser invented the element (implied `html`, `tbody`, clones).
    pub implied: bool,
    pub attrs: Vec<AttrSpan>,
    /// The end of the last token that added a child or text directly to
    /// this element (`None` while it has none). The element's content ends
    /// at the largest of these over its subtree.
    pub content_end: Option<usize>,
}

#[derive(Default)]
struct Recorder {
    /// Elements created while the current token is processed.
    created: Vec<NodeId>,
    /// The token being processed.
    token: Span,
    /// See `ElementSpans::content_end`.
    content_end: HashMap<NodeId, usize>,
    spans: HashMap<NodeId, ElementSpans>,
    /// Attribute spans of the current start tag, for `add_attrs_if_missing`.
    pending_attrs: Vec<AttrSpan>,
    /// A doctype or an explicit `<html>` tag was seen: a whole document.
    full_document: bool,
    /// Every comment with its span (`<!--` to `-->`), in source order.
    comments: Vec<(Span, String)>,
    /// Set when the current token put an element deeper than `MAX_DEPTH`.
    too_deep: bool,
    /// Set once parsing stopped early.
    stopped: Option<Truncation>,
}

/// scraper's sink plus the recorder.
struct SpanSink {
    inner: HtmlTreeSink,
    rec: RefCell<Recorder>,
}

impl SpanSink {
    /// Content was added to `parent` by the current token.
    fn grow(&self, parent: NodeId) {
        let mut rec = self.rec.borrow_mut();
        let end = rec.token.end;
        let slot = rec.content_end.entry(parent).or_insert(end);
        *slot = (*slot).max(end);
    }

    /// Note when `node`, just inserted, is deeper than `MAX_DEPTH`. The
    /// depth is counted in the tree as it is (the tree builder moves
    /// nodes), at most `MAX_DEPTH + 1` steps.
    fn check_depth(&self, node: NodeId) {
        let html = self.inner.0.borrow();
        let depth = html
            .tree
            .get(node)
            .map_or(0, |n| n.ancestors().take(MAX_DEPTH + 1).count());
        drop(html);
        if depth > MAX_DEPTH {
            self.rec.borrow_mut().too_deep = true;
        }
    }
}

impl TreeSink for SpanSink {
    type Handle = NodeId;
    type Output = (Html, HashMap<NodeId, ElementSpans>);
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.rec.into_inner().spans)
    }
    fn parse_error(&self, msg: std::borrow::Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.rec.borrow_mut().created.push(id);
        id
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.grow(*parent);
        let node = match &child {
            NodeOrText::AppendNode(node) => Some(*node),
            NodeOrText::AppendText(_) => None,
        };
        self.inner.append(parent, child);
        if let Some(node) = node {
            self.check_depth(node);
        }
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.grow(*prev_element);
        let node = match &child {
            NodeOrText::AppendNode(node) => Some(*node),
            NodeOrText::AppendText(_) => None,
        };
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
        if let Some(node) = node {
            self.check_depth(node);
        }
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let node = match &new_node {
            NodeOrText::AppendNode(node) => Some(*node),
            NodeOrText::AppendText(_) => None,
        };
        self.inner.append_before_sibling(sibling, new_node);
        if let Some(node) = node {
            self.check_depth(node);
        }
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        // A second <html> or <body> tag merges its attributes into the first.
        let mut rec = self.rec.borrow_mut();
        let pending = std::mem::take(&mut rec.pending_attrs);
        if let Some(spans) = rec.spans.get_mut(target) {
            for attr in pending {
                if !spans.attrs.iter().any(|a| a.name == attr.name) {
                    spans.attrs.push(attr);
                }
            }
        }
        drop(rec);
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
}

/// The start tag being assembled from tokenizer events.
#[derive(Default)]
struct PendingTag {
    name: String,
    start: usize,
    attrs: Vec<(AttrSpan, String)>,
}

struct Bridge<'a> {
    tb: &'a TreeBuilder<NodeId, SpanSink>,
    tag: Option<PendingTag>,
    next_state: Option<State>,
    /// Bytes skipped before the tokenizer's input (a byte-order mark).
    offset: usize,
    /// Set once the tree went too deep: later tokens are not fed to the
    /// tree builder (`Recorder::stopped` says where).
    stopped: bool,
}

impl Bridge<'_> {
    /// Feed one token to the tree builder and attribute spans to what it created.
    fn process(&mut self, token: H5Token, span: Span, made: Option<(&str, Vec<AttrSpan>)>) {
        {
            let mut rec = self.tb.sink.rec.borrow_mut();
            rec.created.clear();
            rec.token = span;
            if let Some((_, attrs)) = &made {
                rec.pending_attrs = attrs.clone();
            }
        }
        let result = self.tb.process_token(token, 1);
        self.next_state = match result {
            TokenSinkResult::Continue | TokenSinkResult::EncodingIndicator(_) => None,
            TokenSinkResult::Script(_) => Some(State::Data),
            TokenSinkResult::Plaintext => Some(State::PlainText),
            TokenSinkResult::RawData(RawKind::Rcdata) => Some(State::RcData),
            TokenSinkResult::RawData(RawKind::Rawtext) => Some(State::RawText),
            TokenSinkResult::RawData(_) => Some(State::ScriptData),
        };

        let sink = &self.tb.sink;
        let mut rec = sink.rec.borrow_mut();
        let rec = &mut *rec;
        if std::mem::take(&mut rec.too_deep) && !self.stopped {
            self.stopped = true;
            rec.stopped = Some(Truncation {
                offset: span.start,
                reason: Stop::TooDeep,
            });
        }
        let own = made.as_ref().and_then(|(name, _)| {
            let name = if *name == "image" { "img" } else { name };
            rec.created
                .iter()
                .rev()
                .find(|id| local_name_is(sink, id, name))
                .copied()
        });
        let mut own_attrs = made.map(|(_, attrs)| attrs);
        for id in &rec.created {
            let is_own = Some(*id) == own;
            rec.spans.insert(
                *id,
                ElementSpans {
                    tag: span,
                    implied: !is_own,
                    attrs: if is_own {
                        own_attrs.take().unwrap_or_default()
                    } else {
                        Vec::new()
                    },
                    content_end: None,
                },
            );
        }
    }
}

/// Element names are compared case-insensitively: the tree builder re-cases
/// SVG names (`foreignobject` becomes `foreignObject`).
fn local_name_is(sink: &SpanSink, id: &NodeId, name: &str) -> bool {
    let qual = sink.inner.elem_name(id);
    let local: &str = &qual.local;
    local.eq_ignore_ascii_case(name)
}

fn tendril(bytes: &[u8]) -> StrTendril {
    StrTendril::from_slice(&String::from_utf8_lossy(bytes))
}

impl Callback<Infallible, usize> for Bridge<'_> {
    fn handle_event(
        &mut self,
        event: CallbackEvent<'_>,
        span: html5gum::Span<usize>,
    ) -> Option<Infallible> {
        if self.stopped {
            return None;
        }
        let span = Span::new(
            self.offset + span.start,
            self.offset + span.end.max(span.start),
        );
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = Some(PendingTag {
                    name: String::from_utf8_lossy(name).into_owned(),
                    start: span.start,
                    attrs: Vec::new(),
                });
            }
            CallbackEvent::AttributeName { name } => {
                if let Some(tag) = &mut self.tag {
                    tag.attrs.push((
                        AttrSpan {
                            name: String::from_utf8_lossy(name).into_owned(),
                            name_span: span,
                            value_span: None,
                        },
                        String::new(),
                    ));
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some((attr, text)) = self.tag.as_mut().and_then(|t| t.attrs.last_mut()) {
                    attr.value_span = Some(match attr.value_span {
                        Some(prev) => Span::new(prev.start, span.end),
                        None => span,
                    });
                    text.push_str(&String::from_utf8_lossy(value));
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some(tag) = self.tag.take() {
                    if tag.name == "html" {
                        self.tb.sink.rec.borrow_mut().full_document = true;
                    }
                    // Duplicate attributes: the first one wins, as in browsers.
                    let mut seen: HashSet<String> = HashSet::new();
                    let mut spans: Vec<AttrSpan> = Vec::new();
                    let mut attrs: Vec<Attribute> = Vec::new();
                    let mut had_duplicate_attributes = false;
                    for (attr, value) in tag.attrs {
                        if !seen.insert(attr.name.clone()) {
                            had_duplicate_attributes = true;
                            continue;
                        }
                        attrs.push(Attribute {
                            name: QualName::new(
                                None,
                                Default::default(),
                                LocalName::from(&*attr.name),
                            ),
                            value: StrTendril::from_slice(bounded(&attr.name, &value)),
                        });
                        spans.push(attr);
                    }
                    let name = tag.name;
                    let token = H5Token::TagToken(Tag {
                        kind: TagKind::StartTag,
                        name: LocalName::from(&*name),
                        self_closing,
                        attrs,
                        had_duplicate_attributes,
                    });
                    self.process(token, Span::new(tag.start, span.end), Some((&name, spans)));
                }
            }
            CallbackEvent::EndTag { name } => {
                let token = H5Token::TagToken(Tag {
                    kind: TagKind::EndTag,
                    name: LocalName::from(&*String::from_utf8_lossy(name)),
                    self_closing: false,
                    attrs: Vec::new(),
                    had_duplicate_attributes: false,
                });
                self.process(token, span, None);
            }
            CallbackEvent::String { value } => {
                let mut first = true;
                for part in value.split(|&b| b == 0) {
                    if !first {
                        self.process(H5Token::NullCharacterToken, span, None);
                    }
                    first = false;
                    if !part.is_empty() {
                        self.process(H5Token::CharacterTokens(tendril(part)), span, None);
                    }
                }
            }
            CallbackEvent::Comment { value } => {
                let text = String::from_utf8_lossy(value).into_owned();
                self.tb.sink.rec.borrow_mut().comments.push((span, text));
                self.process(H5Token::CommentToken(tendril(value)), span, None);
            }
            CallbackEvent::Doctype {
                name,
                public_identifier,
                system_identifier,
                force_quirks,
            } => {
                self.tb.sink.rec.borrow_mut().full_document = true;
                let token = H5Token::DoctypeToken(Doctype {
                    name: Some(name).filter(|n| !n.is_empty()).map(tendril),
                    public_id: public_identifier.map(tendril),
                    system_id: system_identifier.map(tendril),
                    force_quirks,
                });
                self.process(token, span, None);
            }
            CallbackEvent::Error(_) => {}
        }
        None
    }
}

struct BridgeEmitter<'a> {
    inner: CallbackEmitter<Bridge<'a>, Infallible, usize>,
    len: usize,
}

impl ForwardingEmitter for BridgeEmitter<'_> {
    type Token = Infallible;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn emit_eof(&mut self) {
        self.inner.emit_eof();
        let len = self.len;
        self.inner
            .callback_mut()
            .process(H5Token::EOFToken, Span::empty(len), None);
        self.inner
            .callback_mut()
            .tb
            .sink
            .rec
            .borrow_mut()
            .created
            .clear();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        // The callback emitter never asks for a state switch itself (naive
        // switching is off); the tree builder's answer is what counts.
        let _ = self.inner.emit_current_tag();
        let next = self.inner.callback_mut().next_state.take();
        if next.is_some() {
            // Text after `<title>`, `<script>`… starts here, not at the `<`.
            self.inner.init_string();
        }
        next
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        self.inner
            .callback_mut()
            .tb
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// What the bridge produces: scraper's DOM, spans per element, and whether
/// the source is a whole document (a doctype or an explicit `<html>` tag).
pub struct Parsed {
    pub html: Html,
    pub spans: HashMap<NodeId, ElementSpans>,
    pub full_document: bool,
    pub comments: Vec<(Span, String)>,
    /// Set when the source was not parsed to its end.
    pub truncated: Option<Truncation>,
}

/// Parse a document, recording the source span of every element.
pub fn parse(source: &str) -> Parsed {
    let sink = SpanSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        rec: RefCell::new(Recorder::default()),
    };
    let tb = TreeBuilder::new(sink, TreeBuilderOpts::default());
    // A byte-order mark is not content (the encoding sniffer eats it).
    let body = source.strip_prefix('\u{feff}').unwrap_or(source);
    let emitter = BridgeEmitter {
        inner: CallbackEmitter::new(Bridge {
            tb: &tb,
            tag: None,
            next_state: None,
            offset: source.len() - body.len(),
            stopped: false,
        }),
        len: source.len(),
    };
    // Reading from a &str cannot fail.
    let _ = Tokenizer::new_with_emitter(body, emitter).finish();
    let SpanSink { inner, rec } = tb.sink;
    let mut rec = rec.into_inner();
    for (id, end) in rec.content_end {
        if let Some(spans) = rec.spans.get_mut(&id) {
            spans.content_end = Some(end);
        }
    }
    Parsed {
        html: inner.finish(),
        spans: rec.spans,
        full_document: rec.full_document,
        comments: rec.comments,
        truncated: rec.stopped,
    }
}

/// The most words of a `class` or `id` value read, and the most
/// declarations of a `style` value (its last ones: the last declaration
/// wins). Each element's classes and style are read again for every
/// element under it, and real ones are a few dozen long; a value of
/// 20,000 classes over 20,000 elements took 45 s.
const MAX_WORDS: usize = 256;
const MAX_DECLARATIONS: usize = 256;

/// The most bytes of an `href` read: a link's address is read again for
/// every picture in the link, and real ones, tracking and all, are a few
/// hundred bytes; 5,000 pictures in a link of 300 KB took 8.5 s.
const MAX_HREF_BYTES: usize = 8 * 1024;

/// An attribute's value as the model reads it (see [`MAX_WORDS`] and
/// [`MAX_HREF_BYTES`]).
fn bounded<'v>(name: &str, value: &'v str) -> &'v str {
    match name {
        "class" | "id" => {
            let mut words = 0;
            let mut in_word = false;
            for (at, byte) in value.bytes().enumerate() {
                if byte.is_ascii_whitespace() {
                    in_word = false;
                } else if !in_word {
                    in_word = true;
                    words += 1;
                    if words > MAX_WORDS {
                        // After ASCII whitespace: a character's start.
                        return &value[..at];
                    }
                }
            }
            value
        }
        "style" => match value.rmatch_indices(';').nth(MAX_DECLARATIONS) {
            Some((at, _)) => &value[at + 1..],
            None => value,
        },
        "href" if value.len() > MAX_HREF_BYTES => {
            let end = (0..=MAX_HREF_BYTES)
                .rev()
                .find(|&i| value.is_char_boundary(i))
                .unwrap_or(0);
            &value[..end]
        }
        _ => value,
    }
}
