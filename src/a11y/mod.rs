//! Accessibility from markup alone: roles, and a static approximation of
//! the accessible name computation (accname 1.2). What is hidden, not
//! drawn or inert is decided in [`visibility`].

mod stylesheet;
mod visibility;

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{ElementRef, Node};

use crate::html::{Attribute, Document};
pub(crate) use visibility::has_piece;
pub use visibility::{ALL_WIDTHS, Visibility, keyword, style};
use visibility::{aria_hidden, hidden_self};

/// Elements whose content is never read as text: scripts, styles, and
/// templates and `<noscript>` fallbacks, which are not shown.
pub fn holds_no_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "noscript")
}

/// Collapse runs of whitespace to one space and trim.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn attr<'a>(el: ElementRef<'a>, name: &str) -> Option<&'a str> {
    el.value().attribute(name)
}

/// The explicit role: the first token of `role`, lowercased.
pub fn role(el: ElementRef<'_>) -> Option<String> {
    attr(el, "role")
        .and_then(|r| r.split_whitespace().next())
        .map(str::to_ascii_lowercase)
}

/// Focusable by default or through `tabindex`.
pub fn is_focusable(el: ElementRef<'_>) -> bool {
    attr(el, "tabindex").is_some()
        || match el.value().name() {
            "a" | "area" => attr(el, "href").is_some(),
            "button" | "select" | "textarea" | "iframe" | "summary" => true,
            "input" => !attr(el, "type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")),
            _ => false,
        }
}

/// `role="presentation"` or `role="none"` that sticks: the role is ignored
/// when the element is focusable or has a global ARIA property
/// (presentational roles conflict resolution).
pub fn is_presentational(el: ElementRef<'_>) -> bool {
    matches!(role(el).as_deref(), Some("presentation" | "none"))
        && !is_focusable(el)
        && !el.value().attrs().any(|(name, _)| {
            matches!(
                name,
                "aria-label"
                    | "aria-labelledby"
                    | "aria-describedby"
                    | "aria-details"
                    | "aria-live"
                    | "aria-owns"
                    | "aria-controls"
            )
        })
}

/// The roles that make an element a link.
/// Inside an HTML element whose children are presentational (ARIA 1.2): a
/// `<button>`, or an element with the role of a button, image, checkbox,
/// switch, tab, option, slider or the like. What is inside is not exposed
/// on its own; the outer element's name is what is announced.
pub fn in_presentational_children(el: ElementRef<'_>) -> bool {
    // HTML ancestors only: inside an SVG, a part with its own graphics
    // role is named on its own (a marker on a map).
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .filter(|a| a.value().name.ns == html5ever::ns!(html))
        .any(|a| {
            a.value().name() == "button"
                || role(a).is_some_and(|r| {
                    matches!(
                        r.as_str(),
                        "button"
                            | "img"
                            | "checkbox"
                            | "switch"
                            | "radio"
                            | "tab"
                            | "option"
                            | "slider"
                            | "scrollbar"
                            | "progressbar"
                            | "meter"
                            | "separator"
                            | "menuitemcheckbox"
                            | "menuitemradio"
                    )
                })
        })
}

/// The parts of a class name or path, split at punctuation and at
/// lower-to-upper case changes, lowercased: `GoogleDfpAd-adCaption` →
/// google, dfp, ad, ad, caption.
pub fn word_parts(word: &str) -> impl Iterator<Item = String> + '_ {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in word.chars() {
        if !c.is_alphanumeric() {
            parts.push(std::mem::take(&mut current));
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            parts.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    parts.push(current);
    parts.into_iter().filter(|p| !p.is_empty())
}

/// A custom element that stands for an image and is drawn as one by its
/// script: `amp-img`, `lazy-image`, `lazy-img`.
pub fn is_image_element(name: &str) -> bool {
    name.contains('-')
        && name
            .rsplit('-')
            .next()
            .is_some_and(|last| matches!(last, "img" | "image"))
}

pub fn is_link(el: ElementRef<'_>) -> bool {
    let native = el.value().name() == "a" && attr(el, "href").is_some();
    match role(el).as_deref() {
        Some("link" | "doc-backlink" | "doc-biblioref" | "doc-glossref" | "doc-noteref") => true,
        // role="none" on a link does not stick: links are focusable.
        Some("presentation" | "none") => native && !is_presentational(el),
        Some(_) => false,
        None => native,
    }
}

fn aria_label(el: ElementRef<'_>) -> Option<String> {
    attr(el, "aria-label")
        .map(normalize)
        .filter(|s| !s.is_empty())
}

/// The name an element gets from aria-labelledby or aria-label.
pub fn aria_name(doc: &Document, el: ElementRef<'_>) -> Option<String> {
    let mut walk = NameWalk::new(doc, el, false);
    walk.aria_name(el)
}

/// Whether [`aria_name`] gives a name, stopping at the first character of
/// it: a label a thousand links point at is not read a thousand times.
pub fn has_aria_name(doc: &Document, el: ElementRef<'_>) -> bool {
    if let Some(named) = labelledby_named(doc, el) {
        return named.is_some() || aria_label(el).is_some();
    }
    let mut walk = NameWalk::new(doc, el, true);
    walk.aria_name(el).is_some()
}

/// Whether `el`'s `aria-labelledby` targets give it a name, and the name's
/// first character, each target's answer read once a document
/// (`Document::label_named`): a page of thousands of links pointing at one
/// long label that holds no text read it whole for each. Only where no
/// target holds `el` or another target, so that each is walked alone as it
/// would be in the list; `None` otherwise, and when `el` has no
/// `aria-labelledby`.
fn labelledby_named(doc: &Document, el: ElementRef<'_>) -> Option<Option<char>> {
    let ids = attr(el, "aria-labelledby")?;
    let targets: Vec<ElementRef<'_>> = ids
        .split_whitespace()
        .filter_map(|id| doc.by_id(id))
        .collect();
    let listed: HashSet<_> = targets.iter().map(|t| t.id()).collect();
    let holds = |inner: ElementRef<'_>, self_too: bool| {
        std::iter::once(inner)
            .filter(|_| self_too)
            .chain(inner.ancestors().filter_map(ElementRef::wrap))
            .any(|a| listed.contains(&a.id()))
    };
    if holds(el, true) || targets.iter().any(|t| holds(*t, false)) {
        return None;
    }
    let mut memo = doc.label_named.lock().ok()?;
    Some(targets.iter().find_map(|&target| {
        *memo.entry(target.id()).or_insert_with(|| {
            let mut walk = NameWalk::new(doc, target, true);
            walk.in_labelledby = true;
            match aria_label(target) {
                Some(own) => walk.push(&own),
                None => walk.collect(target, true),
            }
            walk.out.chars().find(|c| !c.is_whitespace())
        })
    }))
}

/// The name from content: text, plus the names of embedded images and
/// controls, skipping hidden subtrees. `referenced` is true when reached
/// through aria-labelledby, where hidden content still counts for the root.
pub fn content_name(doc: &Document, el: ElementRef<'_>, referenced: bool) -> String {
    let mut walk = NameWalk::new(doc, el, false);
    walk.collect(el, referenced);
    normalize(&walk.out)
}

/// Whether [`content_name`] is empty, stopping at the first character that
/// says it is not.
pub fn content_name_is_empty(doc: &Document, el: ElementRef<'_>, referenced: bool) -> bool {
    let mut walk = NameWalk::new(doc, el, true);
    walk.collect(el, referenced);
    !walk.found && normalize(&walk.out).is_empty()
}

/// One accessible name computation. It follows the rules of accname that
/// keep it finite: `aria-labelledby` is not followed from inside an
/// `aria-labelledby` traversal, and each node is visited at most once. The
/// walk over content keeps its own stack, so deep markup cannot exhaust the
/// thread's stack.
struct NameWalk<'a> {
    doc: &'a Document,
    /// The element whose name is computed.
    root: NodeId,
    visited: HashSet<NodeId>,
    /// Inside the targets of an `aria-labelledby`.
    in_labelledby: bool,
    out: String,
    /// Stop as soon as the name is known not to be empty.
    stop_early: bool,
    /// A character other than whitespace was added to the name.
    found: bool,
    /// Walking the markup of a `<noscript>`: a `<noscript>` inside it is
    /// not unwrapped again.
    in_noscript: bool,
}

impl<'a> NameWalk<'a> {
    fn new(doc: &'a Document, root: ElementRef<'a>, stop_early: bool) -> Self {
        NameWalk {
            doc,
            root: root.id(),
            visited: HashSet::from([root.id()]),
            in_labelledby: false,
            out: String::new(),
            stop_early,
            found: false,
            in_noscript: false,
        }
    }

    fn push(&mut self, text: &str) {
        if self.stop_early {
            // Only whether there is a name is asked: its first character
            // answers, and the rest of the text is not kept.
            if !self.found
                && let Some(c) = text.chars().find(|c| !c.is_whitespace())
            {
                self.found = true;
                self.out.push(c);
            }
            return;
        }
        self.out.push_str(text);
    }

    fn done(&self) -> bool {
        self.stop_early && self.found
    }

    /// The name from aria-labelledby (not within a labelledby traversal),
    /// else aria-label.
    fn aria_name(&mut self, el: ElementRef<'a>) -> Option<String> {
        if !self.in_labelledby {
            if let Some(first) = self.labelledby_first(el) {
                return first.map(String::from).or_else(|| aria_label(el));
            }
            if let Some(text) = self.labelledby_text(el) {
                return Some(text);
            }
        }
        aria_label(el)
    }

    /// When only whether there is a name is asked, the first character of
    /// `el`'s labels from the document's memo (see [`labelledby_named`]):
    /// a thousand links each holding an element labelled by one long blank
    /// label read it once, not once a link. Only when walking the labels
    /// here would see what walking them alone sees: none of them visited
    /// yet or inside the element whose name this is.
    fn labelledby_first(&self, el: ElementRef<'a>) -> Option<Option<char>> {
        if !self.stop_early {
            return None;
        }
        let ids = attr(el, "aria-labelledby")?;
        for target in ids.split_whitespace().filter_map(|id| self.doc.by_id(id)) {
            if self.visited.contains(&target.id())
                || target.ancestors().any(|a| a.id() == self.root)
            {
                return None;
            }
        }
        labelledby_named(self.doc, el)
    }

    /// Text of the elements named by `aria-labelledby`.
    fn labelledby_text(&mut self, el: ElementRef<'a>) -> Option<String> {
        let doc = self.doc;
        let ids = attr(el, "aria-labelledby")?;
        let outer = std::mem::take(&mut self.out);
        self.in_labelledby = true;
        for target in ids.split_whitespace().filter_map(|id| doc.by_id(id)) {
            if self.done() {
                break;
            }
            // An element may name itself (`aria-labelledby="self other"`);
            // any other node already visited is left out.
            if target.id() != el.id() && !self.visited.insert(target.id()) {
                continue;
            }
            self.out.push(' ');
            match aria_label(target) {
                Some(own) => self.push(&own),
                None => self.collect(target, true),
            }
            self.out.push(' ');
        }
        self.in_labelledby = false;
        let text = normalize(&std::mem::replace(&mut self.out, outer));
        (!text.is_empty()).then_some(text)
    }

    /// Append the name from content of `el`'s children.
    fn collect(&mut self, el: ElementRef<'a>, referenced: bool) {
        // The children still to visit of each element entered, and whether
        // that element is the root of a reference.
        let mut stack = vec![(el.children(), referenced)];
        while let Some((children, root)) = stack.last_mut() {
            let root = *root;
            if self.done() {
                return;
            }
            let Some(child) = children.next() else {
                stack.pop();
                if !stack.is_empty() {
                    self.out.push(' ');
                }
                continue;
            };
            match child.value() {
                Node::Text(text) => self.push(text),
                Node::Element(e) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if !root && (hidden_self(child) || aria_hidden(child)) {
                        continue;
                    }
                    if e.name() == "noscript"
                        && !self.in_noscript
                        && unwrapped_by_lazy_loader(child)
                    {
                        let name = noscript_content_name(child);
                        self.out.push(' ');
                        self.push(&name);
                        self.out.push(' ');
                        continue;
                    }
                    if holds_no_text(e.name()) {
                        continue;
                    }
                    if !self.visited.insert(child.id()) {
                        continue;
                    }
                    self.out.push(' ');
                    if let Some(name) = self.aria_name(child) {
                        self.push(&name);
                    } else {
                        match e.name() {
                            _ if is_presentational(child) && e.name() == "img" => {}
                            "img" => self.push(
                                &attr(child, "alt")
                                    .map(str::to_string)
                                    .or_else(|| title_attr(child))
                                    .unwrap_or_default(),
                            ),
                            "area" => self.push(attr(child, "alt").unwrap_or("")),
                            // A lazy-loading or AMP image element
                            // (`<amp-img alt>`, `<lazy-image alt>`): its
                            // script draws an <img> with that alt.
                            name if is_image_element(name) && attr(child, "alt").is_some() => {
                                self.push(attr(child, "alt").unwrap_or(""))
                            }
                            "input"
                                if attr(child, "type")
                                    .is_some_and(|t| t.eq_ignore_ascii_case("image")) =>
                            {
                                self.push(attr(child, "alt").unwrap_or(""))
                            }
                            "svg" => self.push(&svg_title(child).unwrap_or_default()),
                            // An element with no content is named by its
                            // title, as a tooltip (accname's step 2I).
                            _ if let Some(title) = title_attr(child)
                                && content_name_is_empty(self.doc, child, false) =>
                            {
                                self.push(&title)
                            }
                            _ => {
                                // The space after it is added when it is done.
                                stack.push((child.children(), false));
                                continue;
                            }
                        }
                    }
                    self.out.push(' ');
                }
                _ => {}
            }
        }
    }
}

/// Attributes where lazy-loading scripts keep an image's real address
/// until they copy it into `src` or `srcset`. The `…srcset` ones hold a
/// candidate list.
pub const LAZY_ATTRIBUTES: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-srcset",
    "data-lazy-srcset",
    "data-delayed-url",
    "data-source-standard",
    "data-n-src",
];

/// A `<noscript>` that a lazy-loading script unwraps when the page runs
/// (`<noscript class="loading-lazy">`, inside a `lazyload` wrapper, inside
/// a stand-in that holds the picture's address in `data-src`, or inside a
/// `<picture>` with no `<img>` of its own, which shows nothing until its
/// script writes the image out): its content is what readers get.
fn unwrapped_by_lazy_loader(noscript: ElementRef<'_>) -> bool {
    let parent = noscript.parent().and_then(ElementRef::wrap);
    parent.is_some_and(|p| {
        LAZY_ATTRIBUTES
            .iter()
            .any(|&a| p.value().attribute(a).is_some())
    }) || parent.is_some_and(|p| {
        p.value().name() == "picture"
            && !p
                .children()
                .filter_map(ElementRef::wrap)
                .any(|c| c.value().name() == "img")
    }) || std::iter::once(noscript)
        .chain(parent)
        .filter_map(|e| e.value().attribute("class"))
        .flat_map(str::split_ascii_whitespace)
        .any(|class| word_parts(class).any(|w| w.starts_with("lazy")))
}

/// The name from content of a `<noscript>`'s markup, which the parser keeps
/// as text while scripts run, so it is parsed on its own.
fn noscript_content_name(noscript: ElementRef<'_>) -> String {
    let text: String = noscript.text().collect();
    if !text.contains('<') {
        return text;
    }
    let fragment = Document::parse(text);
    let Some(body) = fragment.elements_named("body").next() else {
        return String::new();
    };
    let mut walk = NameWalk::new(&fragment, body, false);
    walk.in_noscript = true;
    walk.collect(body, false);
    normalize(&walk.out)
}

/// The text of an SVG element's own `<title>` child.
pub fn svg_title(el: ElementRef<'_>) -> Option<String> {
    el.children()
        .filter_map(ElementRef::wrap)
        .find(|c| c.value().name() == "title")
        .map(|t| normalize(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

/// A script framework writes the element's text when the page runs:
/// AngularJS's `ng-bind`, `ng-bind-template` and `ng-bind-html`, Vue's
/// `v-text` and `v-html`, Alpine's `x-text` and `x-html`, Knockout's
/// `data-bind="text: …"`.
pub fn binds_text(el: ElementRef<'_>) -> bool {
    el.value().attrs().any(|(name, value)| {
        matches!(
            name,
            "ng-bind"
                | "ng-bind-template"
                | "ng-bind-html"
                | "v-text"
                | "v-html"
                | "x-text"
                | "x-html"
        ) && !value.trim().is_empty()
            || name == "data-bind" && (value.contains("text:") || value.contains("html:"))
    })
}

/// A script framework sets the attribute `name` when the page runs:
/// `ng-attr-lang`, Vue's `:lang` and `v-bind:lang`, Alpine's `x-bind:lang`.
pub fn binds_attribute(el: ElementRef<'_>, name: &str) -> bool {
    el.value().attrs().any(|(attr, value)| {
        !value.trim().is_empty()
            && [
                attr.strip_prefix("ng-attr-"),
                attr.strip_prefix("v-bind:"),
                attr.strip_prefix("x-bind:"),
                attr.strip_prefix(':'),
            ]
            .into_iter()
            .flatten()
            .any(|bound| bound.eq_ignore_ascii_case(name))
    })
}

/// The `title` attribute, if it has text.
pub fn title_attr(el: ElementRef<'_>) -> Option<String> {
    attr(el, "title").map(normalize).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod word_tests {
    use super::word_parts;

    #[test]
    fn class_names_split_into_words() {
        let parts: Vec<String> = word_parts("GoogleDfpAd-adCaption").collect();
        assert_eq!(parts, ["google", "dfp", "ad", "ad", "caption"]);
        let parts: Vec<String> = word_parts("c-related__caption").collect();
        assert_eq!(parts, ["c", "related", "caption"]);
    }
}
