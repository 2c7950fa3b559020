//! Shared accessibility helpers: hidden-ness, roles and a static
//! approximation of the accessible name computation (accname 1.2) that
//! works from markup alone.

use scraper::{ElementRef, Node};

use crate::html::Document;

/// Collapse runs of whitespace to one space and trim.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn attr<'a>(el: ElementRef<'a>, name: &str) -> Option<&'a str> {
    el.value().attr(name)
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

/// Inline style that removes the element from rendering.
fn style_hides(el: ElementRef<'_>) -> bool {
    let Some(style) = attr(el, "style") else {
        return false;
    };
    let style = style.to_ascii_lowercase().replace(char::is_whitespace, "");
    style.split(';').any(|decl| {
        decl == "display:none"
            || decl == "visibility:hidden"
            || decl.starts_with("display:none!")
            || decl.starts_with("visibility:hidden!")
    })
}

/// Hidden from everyone: `hidden`, `display:none`, `visibility:hidden`.
fn hidden_self(el: ElementRef<'_>) -> bool {
    el.value().attr("hidden").is_some() || style_hides(el)
}

fn aria_hidden(el: ElementRef<'_>) -> bool {
    attr(el, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Excluded from the accessibility tree: hidden by itself or an ancestor,
/// or `aria-hidden="true"` on itself or an ancestor.
pub fn is_hidden(el: ElementRef<'_>) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| hidden_self(e) || aria_hidden(e))
}

/// Inside an element whose content is not rendered as part of the page.
pub fn in_inert_content(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| matches!(a.value().name(), "noscript" | "template" | "head"))
}

/// Text of the elements named by `aria-labelledby`.
fn labelledby_text(doc: &Document, el: ElementRef<'_>) -> Option<String> {
    let ids = attr(el, "aria-labelledby")?;
    let text = ids
        .split_whitespace()
        .filter_map(|id| doc.by_id(id))
        .map(|target| {
            let own = attr(target, "aria-label")
                .map(normalize)
                .unwrap_or_default();
            if own.is_empty() {
                content_name(doc, target, true)
            } else {
                own
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let text = normalize(&text);
    (!text.is_empty()).then_some(text)
}

fn aria_label(el: ElementRef<'_>) -> Option<String> {
    attr(el, "aria-label")
        .map(normalize)
        .filter(|s| !s.is_empty())
}

/// The name an element gets from aria-labelledby or aria-label.
pub fn aria_name(doc: &Document, el: ElementRef<'_>) -> Option<String> {
    labelledby_text(doc, el).or_else(|| aria_label(el))
}

/// The name from content: text, plus the names of embedded images and
/// controls, skipping hidden subtrees. `referenced` is true when reached
/// through aria-labelledby, where hidden content still counts for the root.
pub fn content_name(doc: &Document, el: ElementRef<'_>, referenced: bool) -> String {
    let mut out = String::new();
    collect(doc, el, &mut out, referenced);
    normalize(&out)
}

fn collect(doc: &Document, el: ElementRef<'_>, out: &mut String, root: bool) {
    for child in el.children() {
        match child.value() {
            Node::Text(text) => {
                out.push_str(text);
            }
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                let e = child.value();
                if !root && (hidden_self(child) || aria_hidden(child)) {
                    continue;
                }
                if matches!(e.name(), "script" | "style" | "template" | "noscript") {
                    continue;
                }
                out.push(' ');
                if let Some(name) = aria_name(doc, child) {
                    out.push_str(&name);
                } else {
                    match e.name() {
                        _ if is_presentational(child) && e.name() == "img" => {}
                        "img" => out.push_str(
                            &attr(child, "alt")
                                .map(str::to_string)
                                .or_else(|| title_attr(child))
                                .unwrap_or_default(),
                        ),
                        "area" => out.push_str(attr(child, "alt").unwrap_or("")),
                        "input"
                            if attr(child, "type")
                                .is_some_and(|t| t.eq_ignore_ascii_case("image")) =>
                        {
                            out.push_str(attr(child, "alt").unwrap_or(""))
                        }
                        "svg" => out.push_str(&svg_title(child).unwrap_or_default()),
                        _ => collect(doc, child, out, false),
                    }
                }
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// The text of an SVG element's own `<title>` child.
pub fn svg_title(el: ElementRef<'_>) -> Option<String> {
    el.children()
        .filter_map(ElementRef::wrap)
        .find(|c| c.value().name() == "title")
        .map(|t| normalize(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

/// The `title` attribute, if it has text.
pub fn title_attr(el: ElementRef<'_>) -> Option<String> {
    attr(el, "title").map(normalize).filter(|s| !s.is_empty())
}
