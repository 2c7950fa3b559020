//! What is hidden, not drawn or inert: decided once per document, in one
//! pass, for every element. Every rule sees it through the article model.
//!
//! - **hidden**: not exposed to assistive technology: `hidden`, an inline
//!   `display: none` or `visibility: hidden` (not on a carousel, which its
//!   script shows once laid out), a well-known utility class that hides
//!   (see [`HIDING_CLASSES`]), content for old versions of Internet
//!   Explorer only (`ie8-header`), or `aria-hidden="true"`, on the
//!   element or an ancestor;
//! - **not drawn**: `hidden`, `display: none` or a class that sets it, a
//!   dialog closed at load (`<dialog>` without `open`, a `modal`,
//!   `popup` or `dialog` class or id), a widget its library hides until opened (a blueimp
//!   or PhotoSwipe lightbox, Jetpack's unselected comment-login panels,
//!   Google Translate's tooltip), a closed Bootstrap collapse panel or
//!   dropdown menu, a block of schema.org microdata written for machines
//!   (raw timestamps and addresses in `itemprop` children), on it or an
//!   ancestor (`visibility: hidden` and `aria-hidden` leave the box in
//!   place);
//! - the page's own `<style>` sheets count too, for rules that set
//!   `display: none` or `visibility: hidden` with a simple selector or
//!   one through ancestors, and no state such as `:hover` (see
//!   `stylesheet.rs`);
//! - **inert**: inside `<noscript>`, `<template>` or `<head>`, whose
//!   content is not rendered as part of the page.
//!
//! Presentational roles are decided with the roles, in `a11y`.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html};

use super::stylesheet::{AncestorMarks, Effect, Styles};
use crate::html::{self, Attribute};

/// The value of a property in the inline `style`, lowercased and trimmed;
/// the last declaration wins, as in CSS.
pub fn style(el: ElementRef<'_>, property: &str) -> Option<String> {
    let style = el.value().attribute("style")?;
    style.split(';').rev().find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case(property)
            .then(|| value.trim().to_ascii_lowercase())
    })
}

/// The keyword of a property value, without `!important`.
pub fn keyword(value: &str) -> &str {
    value.split('!').next().unwrap_or_default().trim()
}

/// Utility classes of the common CSS frameworks and CMS themes that set
/// `display: none` on screen (Bootstrap's `d-none`, Foundation's `hide`,
/// `hidden`, `dis-none`, a modifier class alone for the hidden state
/// (`-hide`, `-hidden`, as FLOCSS names states), Atomizer's `D(n)` as Yahoo
/// writes it, jQuery UI's `ui-helper-hidden`, MediaWiki's
/// `emptyPortlet` for a skin's menu with nothing in it and the language
/// selector's `uls-p-lang-dummy`, which its script removes, print-only
/// blocks). Visually hidden text (`sr-only`, `visually-hidden`, Atomizer's
/// `Hidden`) is announced by screen readers and is not here.
pub const HIDING_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "d-none",
    "dis-none",
    "D(n)",
    "D(n)!",
    "is-hidden",
    "u-hidden",
    "-hide",
    "-hidden",
    "ui-helper-hidden",
    "emptyPortlet",
    "uls-p-lang-dummy",
    "print-only",
    "visible-print",
    "visible-print-block",
    "visible-print-inline",
    "visible-print-inline-block",
    "show-for-print",
    "print-header",
    "print-footer",
    "print-logo",
];

/// A class or id that names a block drawn only on paper: `print` with
/// `logo`, `only` or `shown` (`logo-print`, `wp-logo-for-print`, `print-shown`,
/// `footer-print-only`, or run together: `logoprint`), `print` before
/// `header` or `footer` (`printHeader`, `print_footer`), or a BEM block's
/// print variant (`header--print`), as the print stylesheet's own blocks
/// are named. A
/// "print" button or link (`print-button`, `print-link`) is on screen, and
/// so is a print view's masthead (`print-masthead`), which the page shows.
fn print_only_class(class: &str) -> bool {
    if !has_piece(class, "print") {
        return false;
    }
    // A BEM block's print variant (`header--print`), as `--hidden` is its
    // hidden state; not a print button's (`share__link--print`).
    let print_variant = class.len() > "--print".len() && class.ends_with("--print");
    let parts: Vec<String> = super::word_parts(class).collect();
    let run_together = parts.iter().any(|p| {
        ["logoprint", "printlogo", "printonly"]
            .iter()
            .any(|w| p.contains(w))
    });
    let print_block = parts
        .windows(2)
        .any(|w| w[0] == "print" && matches!(w[1].as_str(), "header" | "footer"));
    (run_together
        || print_variant
        || print_block
        || parts.iter().any(|p| p == "print")
            && parts
                .iter()
                .any(|p| matches!(p.as_str(), "only" | "logo" | "shown")))
        && !parts
            .iter()
            .any(|p| matches!(p.as_str(), "button" | "btn" | "link" | "icon" | "share"))
}

/// A class named for the declaration it sets, with at most a site's
/// prefix: `dr-display-none`, `bbccom_display_none`, `displayNone`; or a
/// BEM modifier for the hidden state (`PartnerGambling--hidden`). One
/// with a screen width after it (`u-display-none@desktop`) hides at that
/// width only, and one with a context before the prefix
/// (`cnn-app-display-none`: in the site's app) hides there only; neither
/// is read here.
fn names_display_none(class: &str) -> bool {
    if class.len() > "--hidden".len() && class.ends_with("--hidden") {
        // A BEM block in its hidden state (`PartnerGambling--hidden`).
        return true;
    }
    if !has_piece(class, "none") {
        return false;
    }
    let parts: Vec<String> = super::word_parts(class).collect();
    matches!(parts.as_slice(), [.., a, b] if parts.len() <= 3 && a == "display" && b == "none")
}

/// Bootstrap's `d-none` with a class that shows the element from a wider
/// screen up (`d-none d-sm-inline`): hidden on phones only, which the
/// screen widths say (see [`Visibility::screen_widths`]).
fn shown_from_a_width(el: ElementRef<'_>) -> bool {
    el.value().attribute("class").is_some_and(|classes| {
        let classes: Vec<&str> = classes.split_ascii_whitespace().collect();
        classes.contains(&"d-none")
            && !classes
                .iter()
                .any(|c| HIDING_CLASSES.contains(c) && *c != "d-none")
            && classes.iter().any(|c| {
                c.strip_prefix("d-")
                    .and_then(|rest| rest.split_once('-'))
                    .is_some_and(|(bp, display)| BREAKPOINTS.contains(&bp) && display != "none")
            })
    })
}

/// Classes that set `visibility: hidden` (Bootstrap's `invisible`).
const INVISIBLE_CLASSES: &[&str] = &["invisible"];

fn has_class(el: ElementRef<'_>, names: &[&str]) -> bool {
    el.value()
        .attribute("class")
        .is_some_and(|c| c.split_ascii_whitespace().any(|n| names.contains(&n)))
}

/// Classes that mark the open one of a set of tab panels (Bootstrap's
/// `tab-pane active`, `show active`; `open`, `is-active`, `selected`).
const OPEN_PANEL_CLASSES: &[&str] = &["active", "is-active", "open", "show", "selected", "current"];

/// How many siblings are looked at for the open panel of a set.
const PANEL_SIBLINGS: usize = 24;

/// A tab panel (`role="tabpanel"`, Bootstrap's `tab-pane`) whose set has
/// another panel marked open and not this one: tab widgets draw only the
/// open panel (`.tab-content > .tab-pane { display: none }` in Bootstrap).
fn closed_tab_panel(el: ElementRef<'_>) -> bool {
    if has_class(el, &["ui-tabs-hide"]) {
        return closed_jquery_ui_panel(el);
    }
    let panel = |e: ElementRef<'_>| {
        e.value().attribute("role") == Some("tabpanel") || has_class(e, &["tab-pane"])
    };
    if !panel(el) || has_class(el, OPEN_PANEL_CLASSES) {
        return false;
    }
    let open = |e: ElementRef<'_>| panel(e) && has_class(e, OPEN_PANEL_CLASSES);
    html::first_elements(el.prev_siblings(), PANEL_SIBLINGS).any(open)
        || html::first_elements(el.next_siblings(), PANEL_SIBLINGS).any(open)
}

/// A jQuery UI tab panel its script closed (`ui-tabs-hide`), when a panel
/// beside it is open: an element of the same name with an `id` and
/// without that class. When every panel carries it, the script opens one
/// at load, and which one the markup does not say.
fn closed_jquery_ui_panel(el: ElementRef<'_>) -> bool {
    let open = |e: ElementRef<'_>| {
        e.value().name() == el.value().name()
            && e.value().attribute("id").is_some()
            && !has_class(e, &["ui-tabs-hide"])
    };
    html::first_elements(el.prev_siblings(), PANEL_SIBLINGS).any(open)
        || html::first_elements(el.next_siblings(), PANEL_SIBLINGS).any(open)
}

/// A picture classed `print` alone (`<img class="print" src="…/logo-print.png">`):
/// the masthead a page prints, its screen copy beside it. Not in a link or
/// a button, where a picture so classed is the print button's icon.
fn print_picture(el: ElementRef<'_>) -> bool {
    el.value().name() == "img"
        && has_class(el, &["print"])
        && !el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(3)
            .any(|a| matches!(a.value().name(), "a" | "button"))
}

/// How many of a block's children holding a raw value (an ISO date, an
/// address) make it a microdata block rather than content.
const RAW_VALUES: usize = 2;

/// A block of schema.org microdata written for machines (`<div
/// itemscope itemtype="https://schema.org/Article">` whose every child is
/// an `itemprop` carrying the headline, `2020-11-12T12:37`, the page's
/// address…), which the site's style sheet hides: no page shows readers
/// raw timestamps and addresses as its text.
fn microdata_block(el: ElementRef<'_>) -> bool {
    let raw = |text: &str| {
        let text = text.trim();
        let b = text.as_bytes();
        let iso_date = b.len() >= 10
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-'
            && b[8..10].iter().all(u8::is_ascii_digit)
            && !text.contains(' ');
        let address = (text.starts_with("https://") || text.starts_with("http://"))
            && !text.contains(char::is_whitespace);
        iso_date || address
    };
    if el.value().attribute("itemscope").is_none()
        || matches!(el.value().name(), "html" | "body" | "main" | "article")
    {
        return false;
    }
    let mut raw_values = 0;
    for child in el.children().filter_map(ElementRef::wrap) {
        if child.value().attribute("itemprop").is_none() {
            return false;
        }
        if matches!(child.value().name(), "meta" | "link") {
            continue;
        }
        // A value is short: a child with more text than that is content.
        let text: String = child.text().flat_map(str::chars).take(300).collect();
        if text.chars().count() < 300 && raw(&text) {
            raw_values += 1;
        }
    }
    raw_values >= RAW_VALUES
}

fn display_none(el: ElementRef<'_>) -> bool {
    if microdata_block(el) {
        return true;
    }
    // Every test below reads one of these, or is about a `<dialog>`: most
    // elements are ruled out here.
    let v = el.value();
    if v.name() != "dialog"
        && ["class", "id", "style", "role"]
            .iter()
            .all(|a| v.attribute(a).is_none())
    {
        return false;
    }
    style(el, "display").is_some_and(|v| keyword(&v) == "none")
        || print_picture(el)
        || closed_tab_panel(el)
        || (has_class(el, HIDING_CLASSES) && !shown_from_a_width(el))
        || el
            .value()
            .attribute("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(names_display_none))
        || ["class", "id"].iter().any(|name| {
            el.value()
                .attribute(name)
                .is_some_and(|c| c.split_ascii_whitespace().any(print_only_class))
        })
        || closed_at_load(el)
        || closed_collapse(el)
        || closed_dropdown(el)
        || closed_widget(el)
        || for_old_explorer(el)
}

/// Widgets that their library's stylesheet hides until its script opens
/// them, as (attribute, value when closed, class its script adds to open
/// it): the blueimp Gallery lightbox, the PhotoSwipe lightbox, the login
/// panels of Jetpack's comment form (one per service, only the
/// `selected` one drawn), and the tooltip Google Translate adds to show a
/// sentence's original text on hover (shown by its script's inline style).
const CLOSED_WIDGETS: &[(&str, &str, Option<&str>)] = &[
    ("class", "blueimp-gallery", Some("blueimp-gallery-display")),
    ("class", "pswp", Some("pswp--open")),
    ("class", "comment-form-service", Some("selected")),
    ("id", "goog-gt-tt", None),
];

fn closed_widget(el: ElementRef<'_>) -> bool {
    let has = |attr: &str, name: &str| {
        el.value()
            .attribute(attr)
            .is_some_and(|v| v.split_ascii_whitespace().any(|n| n == name))
    };
    CLOSED_WIDGETS.iter().any(|&(attr, closed, open)| {
        has(attr, closed)
            && !open.is_some_and(|open| has("class", open))
            && style(el, "display").is_none_or(|v| keyword(&v) == "none")
    })
}

/// A closed Bootstrap dropdown menu: `dropdown-menu`, which Bootstrap's
/// stylesheet hides until its toggle opens it, adding `show` to the menu
/// (Bootstrap 4 and 5) or `open` to the menu's parent (Bootstrap 3): a
/// share menu, a login panel, a search box's suggestions, a mega menu.
/// An inline `display` other than `none` shows it.
fn closed_dropdown(el: ElementRef<'_>) -> bool {
    let has = |el: ElementRef<'_>, names: &[&str]| {
        el.value()
            .attribute("class")
            .is_some_and(|v| v.split_ascii_whitespace().any(|n| names.contains(&n)))
    };
    has(el, &["dropdown-menu"])
        && !has(el, &["show", "open"])
        && !el
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| has(p, &["open", "show"]))
        && style(el, "display").is_none_or(|v| keyword(&v) == "none")
}

/// A closed Bootstrap collapse panel: `collapse` without `show`
/// (Bootstrap 4 and 5) or `in` (Bootstrap 3), which its stylesheet hides
/// until a toggle naming its `id` opens it (an accordion's body, a "Read
/// the letter" block). Foundation's grid writes `row collapse` or
/// `columns collapse` for a row without gutters, and a navigation bar's
/// `collapse navbar-collapse` is drawn open from the bar's breakpoint up:
/// neither is a closed panel.
fn closed_collapse(el: ElementRef<'_>) -> bool {
    let Some(classes) = el.value().attribute("class") else {
        return false;
    };
    let classes: Vec<&str> = classes.split_ascii_whitespace().collect();
    classes.contains(&"collapse")
        && el
            .value()
            .attribute("id")
            .is_some_and(|id| !id.trim().is_empty())
        && !classes.iter().any(|c| {
            matches!(*c, "show" | "in" | "row" | "column" | "columns")
                || c.starts_with("col-")
                || c.contains("navbar")
        })
}

/// Content for old versions of Internet Explorer only (`ie8-header`,
/// `lt-ie9`, `oldie`): a class that names such a version, on an element
/// inside the page. Sites hide it from every other browser; on `<html>` and
/// `<body>` such classes say which browser is running, not what is shown.
fn for_old_explorer(el: ElementRef<'_>) -> bool {
    if matches!(el.value().name(), "html" | "body") {
        return false;
    }
    el.value().attribute("class").is_some_and(|classes| {
        // Every word part is a piece of the class: most classes are ruled
        // out without splitting them.
        classes
            .split_ascii_whitespace()
            .filter(|c| has_piece(c, "ie"))
            .any(|class| {
                let parts: Vec<String> = super::word_parts(class).collect();
                let has = |words: &[&str]| parts.iter().any(|p| words.contains(&p.as_str()));
                let version = |p: &String| {
                    p.strip_prefix("ie")
                        .is_some_and(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()))
                };
                (has(&["ie5", "ie6", "ie7", "ie8", "oldie"])
                    || has(&["lt", "lte"]) && parts.iter().any(version))
                    && !parts
                        .iter()
                        .any(|p| matches!(p.as_str(), "no" | "not" | "non" | "gt" | "gte"))
            })
    })
}

/// Words that make a dialog's class name about a state, a feature or a
/// control rather than the closed dialog itself (`modal-open`,
/// `modal-enabled`, `social-with-popup`, `popup-trigger`).
const DIALOG_STATE_WORDS: &[&str] = &[
    "open", "opened", "show", "shown", "active", "visible", "in", "is", "has", "with", "enable",
    "enabled", "trigger", "toggle", "link", "button", "btn", "icon", "close", "share",
    // "with" in Spanish, Italian, Portuguese, French and German
    // (`conModal`: a picture that opens in a modal when clicked).
    "con", "com", "avec", "mit",
];

/// A dialog closed when the page loads: a `<dialog>` without `open`, or an
/// element whose class or id ends with modal, popup or dialog (`modal`,
/// `ms-overlay-modal`, `exit-popup`, `remodal`, `makehomepagedialog`; not
/// `LightboxWrapper` or `ModalProvider`, which wrap the page) and has no
/// word saying it is open, a feature or the control that opens it.
/// Scripts open them; until then nobody sees them.
fn closed_at_load(el: ElementRef<'_>) -> bool {
    let name = el.value().name();
    if name == "dialog" {
        return el.value().attribute("open").is_none();
    }
    if matches!(name, "html" | "body" | "a" | "button") {
        return false;
    }
    let classes = el.value().attribute("class").unwrap_or_default();
    let id = el.value().attribute("id").unwrap_or_default();
    classes
        .split_ascii_whitespace()
        .chain(Some(id.trim()).filter(|id| !id.is_empty()))
        .filter(|c| DIALOG_WORDS.iter().any(|w| has_piece(c, w)))
        .any(|class| {
            let parts: Vec<String> = super::word_parts(class).collect();
            // The last word, or the end of one written as one word
            // (`mcloginpopup`).
            parts
                .last()
                .is_some_and(|p| DIALOG_WORDS.iter().any(|w| p.ends_with(w)))
                && !parts
                    .iter()
                    .any(|p| DIALOG_STATE_WORDS.contains(&p.as_str()))
        })
}

/// What a closed dialog's class or id ends with.
const DIALOG_WORDS: &[&str] = &["modal", "popup", "dialog"];

/// Hidden from everyone, by itself: `hidden`, `display: none`,
/// `visibility: hidden` (but not a carousel's, see [`shown_by_its_script`]).
pub(crate) fn hidden_self(el: ElementRef<'_>) -> bool {
    unrendered_self(el) || invisible_self(el)
}

/// `visibility: hidden` inline (not on a carousel, see
/// [`shown_by_its_script`]) or a class that sets it: the box stays in
/// place, unseen.
fn invisible_self(el: ElementRef<'_>) -> bool {
    style(el, "visibility").is_some_and(|v| keyword(&v) == "hidden") && !shown_by_its_script(el)
        || has_class(el, INVISIBLE_CLASSES)
}

/// Words of a class name that make the element a carousel or slideshow
/// (`slick-gallery-container`, `swiper`, `flexslider`, `photo-carousel`).
const CAROUSEL_WORDS: &[&str] = &[
    "carousel",
    "slider",
    "slideshow",
    "slick",
    "swiper",
    "flexslider",
    "gallery",
];

/// A carousel written with an inline `visibility: hidden`: carousel
/// scripts (slick, swiper, flexslider) hide the slides only until they
/// have laid them out, then show them, so readers meet its pictures and
/// captions. (`display: none` or a hiding class still hides it: that is
/// a lightbox or a closed panel.)
fn shown_by_its_script(el: ElementRef<'_>) -> bool {
    el.value().attribute("class").is_some_and(|classes| {
        classes
            .split_ascii_whitespace()
            .any(|class| super::word_parts(class).any(|p| CAROUSEL_WORDS.contains(&p.as_str())))
    })
}

pub(crate) fn aria_hidden(el: ElementRef<'_>) -> bool {
    el.value()
        .attribute("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Not drawn, by itself: `hidden` or an inline `display: none`.
fn unrendered_self(el: ElementRef<'_>) -> bool {
    el.value().attribute("hidden").is_some() || display_none(el)
}

/// The hiding rules of the page's `<style>` elements (not those inside
/// `<noscript>` or `<template>`).
fn page_styles(html: &Html) -> Styles {
    let sheets: Vec<String> = html
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "style")
        .filter(|e| {
            !e.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "noscript" | "template"))
        })
        .map(|e| e.text().collect())
        .collect();
    Styles::read(sheets.iter().map(|css| without_cdata(css)))
}

/// A style sheet without the `<![CDATA[ … ]]>` that an XHTML serializer
/// wraps it in: markup there, where the page was written, while a CSS
/// parser would read the bracket as opening a block that swallows every
/// rule up to its end.
fn without_cdata(css: &str) -> &str {
    let trimmed = css.trim();
    trimmed
        .strip_prefix("<![CDATA[")
        .map_or(css, |inner| inner.strip_suffix("]]>").unwrap_or(inner))
}

/// What is hidden, not drawn or inert, for every element of a document
/// (each element inherits from its parent), so that asking about an
/// element costs a lookup, not a walk over its ancestors.
#[derive(Default)]
pub struct Visibility {
    hidden: HashSet<NodeId>,
    /// Hidden from the eye too: `hidden` without `aria-hidden`.
    unseen: HashSet<NodeId>,
    unrendered: HashSet<NodeId>,
    inert: HashSet<NodeId>,
    /// Given a box at a ratio, or taken out of the flow, by the page's
    /// style sheets.
    boxes: HashSet<NodeId>,
    /// Given a height in pixels by the page's style sheets.
    heights: HashSet<NodeId>,
    /// Images given a width and a height by the page's style sheets.
    sized: HashSet<NodeId>,
    /// The screen widths an element is shown at, for the elements shown
    /// at fewer than all of them (see [`Visibility::screen_widths`]).
    widths: HashMap<NodeId, u8>,
}

impl Visibility {
    pub fn compute(html: &Html) -> Visibility {
        let mut out = Visibility::default();
        let styles = page_styles(html);
        // (hidden, unseen, unrendered, inert for the children, screen
        // widths shown at) of each open node.
        let mut open: Vec<(bool, bool, bool, bool, u8)> = Vec::new();
        // The classes and ids of the open elements, for the sheets' rules
        // through ancestors.
        let mut marks = AncestorMarks::default();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let (hidden, unseen, unrendered, inert, shown_at) = open
                        .last()
                        .copied()
                        .unwrap_or((false, false, false, false, ALL_WIDTHS));
                    let (mut own, mut eye, mut drawn, mut below, mut widths) =
                        (hidden, unseen, unrendered, inert, shown_at);
                    if let Some(el) = ElementRef::wrap(node) {
                        let id = node.id();
                        // Below a box not drawn, nothing the sheets say
                        // is seen: their rules are not run there.
                        let sheet = if styles.is_empty() || unrendered {
                            None
                        } else {
                            if styles.holds_box(el, &marks) {
                                out.boxes.insert(id);
                            }
                            if styles.fixes_height(el, &marks) {
                                out.heights.insert(id);
                            }
                            if el.value().name() == "img" && styles.sizes(el, &marks) {
                                out.sized.insert(id);
                            }
                            // The element's own style wins over the
                            // sheet's rules: `[data-user] { visibility:
                            // hidden }` does not hide a `<div data-user
                            // style="visibility: visible">` a script has
                            // shown.
                            styles.effect(el, &marks).filter(|effect| match effect {
                                Effect::NotDrawn => {
                                    style(el, "display").is_none_or(|v| keyword(&v) == "none")
                                }
                                Effect::Invisible => {
                                    style(el, "visibility").is_none_or(|v| keyword(&v) != "visible")
                                }
                                _ => true,
                            })
                        };
                        if let Some(classes) = el.value().attribute("class") {
                            widths &= own_widths(classes);
                        }
                        // Foundation's responsive toggle hides its bar from
                        // that size up (`data-hide-for="large"`), as
                        // `hide-for-large` would.
                        if let Some(size) = el.value().attribute("data-hide-for")
                            && let Some((false, size, false)) = foundation(&format!(
                                "hide-for-{}",
                                size.trim().to_ascii_lowercase()
                            ))
                        {
                            widths &= !foundation_widths(size).1;
                        }
                        if widths != ALL_WIDTHS {
                            out.widths.insert(id, widths);
                        }
                        // Shown at no screen width: a link for large screens
                        // in a row for medium ones only.
                        let nowhere = widths == 0 && shown_at != 0;
                        // Not drawn by itself: asked once, as it reads
                        // every class of every element.
                        let not_drawn = unrendered_self(el);
                        eye |= not_drawn
                            || invisible_self(el)
                            || nowhere
                            || matches!(sheet, Some(Effect::NotDrawn | Effect::Invisible));
                        own |= eye || aria_hidden(el);
                        if eye {
                            out.unseen.insert(id);
                        }
                        drawn |= not_drawn || nowhere || sheet == Some(Effect::NotDrawn);
                        if own {
                            out.hidden.insert(id);
                        }
                        if drawn {
                            out.unrendered.insert(id);
                        }
                        if inert {
                            out.inert.insert(id);
                        }
                        below |= matches!(el.value().name(), "noscript" | "template" | "head");
                        if !styles.is_empty() {
                            marks.push(el);
                        }
                    }
                    open.push((own, eye, drawn, below, widths));
                }
                Edge::Close(node) => {
                    open.pop();
                    if let Some(el) = ElementRef::wrap(node).filter(|_| !styles.is_empty()) {
                        marks.pop(el);
                    }
                }
            }
        }
        out
    }

    /// Excluded from the accessibility tree.
    pub fn is_hidden(&self, el: ElementRef<'_>) -> bool {
        self.hidden.contains(&el.id())
    }

    /// Not seen on the page: hidden other than by `aria-hidden` (a caption
    /// a page hides from screen readers because the alt text says the
    /// same is still read by the eye).
    pub fn is_unseen(&self, el: ElementRef<'_>) -> bool {
        self.unseen.contains(&el.id())
    }

    /// The screen widths at which the element is shown, as far as the
    /// responsive utility classes on it and its ancestors say: Bootstrap
    /// 3's `hidden-xs` … `hidden-lg` and `visible-sm` (`-block`,
    /// `-inline`…), Bootstrap 4's `d-md-none` (hidden from that width up,
    /// unless a wider `d-lg-block` shows it again), and Foundation's
    /// `show-for-large` and `hide-for-medium-only` (and its responsive
    /// toggle's `data-hide-for="large"`). A site that writes its
    /// header three times, one copy per width, shows one of them at any
    /// width; an element shown at no width is not drawn at all.
    pub fn screen_widths(&self, el: ElementRef<'_>) -> u8 {
        self.widths.get(&el.id()).copied().unwrap_or(ALL_WIDTHS)
    }

    /// The page's own style sheets hold a box at a ratio for it
    /// (`.image-wrapper { height: 0; padding-bottom: 56.25% }`) or take it
    /// out of the flow (`.footnote { position: absolute }`).
    pub fn holds_box(&self, el: ElementRef<'_>) -> bool {
        self.boxes.contains(&el.id())
    }

    /// The page's own style sheets give it a height in pixels
    /// (`.css-axgnnc { height: 75px }` around an avatar).
    pub fn fixes_height(&self, el: ElementRef<'_>) -> bool {
        self.heights.contains(&el.id())
    }

    /// The page's own style sheets give the image a width and a height
    /// (`.jLgjau img { width: 40px; height: 40px }`).
    pub fn sizes_image(&self, el: ElementRef<'_>) -> bool {
        self.sized.contains(&el.id())
    }

    /// Inside content that is not rendered as part of the page.
    pub fn is_inert(&self, el: ElementRef<'_>) -> bool {
        self.inert.contains(&el.id())
    }

    /// Drawn on the page: not inert and not removed by `hidden` or
    /// `display: none`.
    pub fn is_rendered(&self, el: ElementRef<'_>) -> bool {
        !self.is_inert(el) && !self.unrendered.contains(&el.id())
    }
}

/// The screen widths of the common frameworks' breakpoints, smallest
/// first (Bootstrap's `xs` to `xl`), as bits of
/// [`Visibility::screen_widths`].
const BREAKPOINTS: [&str; 5] = ["xs", "sm", "md", "lg", "xl"];

/// Every screen width.
pub const ALL_WIDTHS: u8 = 0b1_1111;

/// The screen widths one element's own classes show it at (see
/// [`Visibility::screen_widths`]).
fn own_widths(classes: &str) -> u8 {
    let position = |bp: &str| BREAKPOINTS.iter().position(|b| *b == bp);
    // Bootstrap 3's `lg` is its widest: `hidden-lg` and `visible-lg`
    // reach every wider screen.
    let bit = |bp: &str| position(bp).map(|i| if bp == "lg" { 0b1_1000 } else { 1u8 << i });
    let mut widths = ALL_WIDTHS;
    let mut visible = 0u8;
    // Bootstrap 4: (breakpoint, shown from there up).
    let mut from: Vec<(usize, bool)> = Vec::new();
    let mut foundation_shown = ALL_WIDTHS;
    for class in classes.split_ascii_whitespace() {
        let class = class.to_ascii_lowercase();
        if let Some(bp) = class.strip_prefix("hidden-").and_then(bit) {
            widths &= !bp;
        } else if let Some(rest) = class.strip_prefix("visible-") {
            let bp = rest.split('-').next().unwrap_or("");
            if let Some(b) = bit(bp) {
                visible |= b;
            }
        } else if class == "d-none" {
            // Hidden from the narrowest screen up, until a wider
            // `d-sm-inline` shows it.
            from.push((0, false));
        } else if let Some(rest) = class.strip_prefix("d-")
            && let Some((bp, display)) = rest.split_once('-')
            && let Some(i) = position(bp)
        {
            from.push((i, display != "none"));
        } else if let Some((shown, size, only)) = foundation(&class) {
            let (at, up) = foundation_widths(size);
            let range = if only { at } else { up };
            foundation_shown &= if shown { range } else { !range };
        }
    }
    // Foundation 6 reads `hide-for-medium show-for-large` as no width at
    // all, older versions as large screens only: an element's own
    // classes that leave no width are read as the older ones meant.
    if foundation_shown != 0 {
        widths &= foundation_shown;
    }
    if visible != 0 {
        widths &= visible;
    }
    from.sort_unstable();
    let mut responsive = ALL_WIDTHS;
    for (i, shown) in from {
        let up = ALL_WIDTHS & !((1u8 << i) - 1);
        responsive = if shown {
            responsive | up
        } else {
            responsive & !up
        };
    }
    widths & responsive
}

/// Foundation's visibility classes: `show-for-large`, `hide-for-small-only`
/// as (shown, size, only at that size). `show-for-sr` (read by screen
/// readers) and the print and orientation classes name no size.
fn foundation(class: &str) -> Option<(bool, &str, bool)> {
    let (shown, rest) = if let Some(rest) = class.strip_prefix("show-for-") {
        (true, rest)
    } else {
        (false, class.strip_prefix("hide-for-")?)
    };
    let (size, only) = match rest.strip_suffix("-only") {
        Some(size) => (size, true),
        None => (rest, false),
    };
    matches!(size, "small" | "medium" | "large" | "xlarge" | "xxlarge")
        .then_some((shown, size, only))
}

/// A Foundation size as [`Visibility::screen_widths`] bits: (at that size, from it up).
/// Its small screens (under 640 px) span Bootstrap's `xs` and `sm`.
fn foundation_widths(size: &str) -> (u8, u8) {
    match size {
        "small" => (0b0_0011, ALL_WIDTHS),
        "medium" => (0b0_0100, 0b1_1100),
        "large" => (0b0_1000, 0b1_1000),
        _ => (0b1_0000, 0b1_0000),
    }
}

/// `piece` occurs in `class`, ignoring ASCII case: a cheap test before a
/// class is split into its word parts.
pub(crate) fn has_piece(class: &str, piece: &str) -> bool {
    class
        .as_bytes()
        .windows(piece.len())
        .any(|w| w.eq_ignore_ascii_case(piece.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_style_sheet_in_cdata_is_read() {
        let html = Html::parse_document(
            "<style>\n  <![CDATA[\n  @keyframes a{from{opacity:0}}.thumb{display:none}\n  ]]>\n</style><div class=thumb>x</div>",
        );
        let vis = Visibility::compute(&html);
        let div = html
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "div")
            .unwrap();
        assert!(!vis.is_rendered(div));
    }

    #[test]
    fn an_element_s_own_style_wins_over_the_sheet() {
        let html = Html::parse_document(
            r#"<style>[data-user] { visibility: hidden } .card { display: none }</style>
               <div data-user="" style="visibility: visible">shown</div>
               <div data-user="">hidden</div>
               <div class="card" style="display: block">drawn</div>
               <div class="card" style="visibility: visible">not drawn</div>"#,
        );
        let vis = Visibility::compute(&html);
        let divs: Vec<_> = html
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "div")
            .map(|d| (vis.is_hidden(d), vis.is_rendered(d)))
            .collect();
        assert_eq!(
            divs,
            [(false, true), (true, true), (false, true), (true, false)]
        );
    }

    #[test]
    fn classes_named_for_display_none() {
        assert!(names_display_none("dr-display-none"));
        assert!(names_display_none("bbccom_display_none"));
        assert!(names_display_none("displayNone"));
        assert!(!names_display_none("u-display-none@desktop"));
        assert!(!names_display_none("cnn-app-display-none"));
        assert!(!names_display_none("display-none-toggle"));
        assert!(names_display_none("PartnerGambling-parent--hidden"));
        assert!(!names_display_none("--hidden"));
        assert!(!names_display_none("menu--hidden-on-mobile"));
    }

    #[test]
    fn print_only_blocks_are_named_for_print() {
        assert!(print_only_class("logo-print"));
        assert!(print_only_class("logoprint"));
        assert!(print_only_class("logoprint-content"));
        assert!(print_only_class("logo-print--color"));
        assert!(!print_only_class("print-masthead"));
        assert!(print_only_class("wp-logo-for-print"));
        assert!(print_only_class("print-shown"));
        assert!(!print_only_class("print-hidden"));
        assert!(print_only_class("header--print"));
        assert!(!print_only_class("--print"));
        assert!(!print_only_class("share__link--print"));
        assert!(!print_only_class("print-button"));
        assert!(!print_only_class("header-print-link"));
        assert!(!print_only_class("printer"));
        assert!(!print_only_class("footer"));
        assert!(print_only_class("printHeader"));
        assert!(print_only_class("print_footer"));
        assert!(!print_only_class("header-print"));
    }

    #[test]
    fn responsive_classes_say_at_which_widths_an_element_is_shown() {
        assert_eq!(own_widths("logo"), ALL_WIDTHS);
        // xs, sm, md, lg, xl are bits 0 to 4.
        assert_eq!(own_widths("hidden-sm hidden-xs"), 0b1_1100);
        assert_eq!(own_widths("hidden-lg hidden-md hidden-xs"), 0b0_0010);
        assert_eq!(own_widths("visible-xs-block"), 0b0_0001);
        assert_eq!(own_widths("d-md-none"), 0b0_0011);
        // Hidden on phones, shown from `sm` up (GitHub's commit count).
        assert_eq!(own_widths("d-none d-sm-inline"), 0b1_1110);
        assert_eq!(own_widths("d-none"), 0);
        assert_eq!(own_widths("d-md-none d-xl-block"), 0b1_0011);
        assert_eq!(own_widths("show-for-large"), 0b1_1000);
        assert_eq!(own_widths("show-for-medium-only"), 0b0_0100);
        assert_eq!(own_widths("hide-for-small-only"), 0b1_1100);
        assert_eq!(own_widths("show-for-sr hide-for-print"), ALL_WIDTHS);
        assert_eq!(own_widths("hide-for-medium show-for-large"), ALL_WIDTHS);
    }

    #[test]
    fn content_for_old_explorer_only_is_hidden_but_browser_classes_are_not() {
        let html = Html::parse_document(
            r#"<html class="lt-ie9"><body class="ie8"><div class="ie8-header">a</div>
               <p class="lt-ie9">b</p><div class="oldie">c</div><div class="no-ie8">d</div>
               <div class="gt-ie8">e</div><div class="ie-tabs">f</div>"#,
        );
        let hidden: Vec<bool> = html
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .map(for_old_explorer)
            .collect();
        // html, head, body, then the six blocks.
        assert_eq!(
            hidden,
            [false, false, false, true, true, true, false, false, false]
        );
    }

    /// What `ask` says of each `<div>` of `html`, in order.
    fn each_div(html: &str, ask: fn(ElementRef<'_>) -> bool) -> Vec<bool> {
        Html::parse_document(html)
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "div")
            .map(ask)
            .collect()
    }

    #[test]
    fn dialogs_are_known_by_the_end_of_their_class_or_id() {
        let closed = each_div(
            r#"<div id="makehomepagedialog">a</div><div class="remodal">b</div>
               <div id="mcLoginPopup">c</div><div class="modal-dialog">d</div>
               <div class="ModalProvider">e</div><div id="closeModal">f</div>
               <div class="popup-trigger">g</div><div id="dialogMessage">h</div>
               <div class="conModal f-imagenRelacionada">i</div>"#,
            closed_at_load,
        );
        assert_eq!(
            closed,
            [true, true, true, true, false, false, false, false, false]
        );
    }

    #[test]
    fn closed_collapse_panels_are_told_from_gutterless_rows_and_navbars() {
        let closed = each_div(
            r#"<div class="collapse" id="letter">a</div><div class="collapse show" id="b">b</div>
               <div class="collapse in" id="c">c</div><div class="row collapse" id="d">d</div>
               <div class="collapse navbar-collapse" id="nav">e</div>
               <div class="quadmenu-navbar-collapse collapse" id="q">f</div>
               <div class="collapse">g</div>"#,
            closed_collapse,
        );
        assert_eq!(closed, [true, false, false, false, false, false, false]);
    }

    #[test]
    fn a_jquery_ui_tab_panel_is_closed_when_another_is_open() {
        let closed = each_div(
            r#"<div class="ui-tabs"><ul class="ui-tabs-nav"></ul>
               <div id="tabs-1">a</div><div id="tabs-2" class="ui-tabs-hide">b</div></div>
               <div class="pages"><div id="p-0" class="page ui-tabs-hide">c</div>
               <div id="p-1" class="page ui-tabs-hide">d</div></div>"#,
            closed_tab_panel,
        );
        assert_eq!(closed, [false, false, true, false, false, false]);
    }

    #[test]
    fn a_dropdown_menu_is_closed_until_it_or_its_parent_is_opened() {
        let closed = each_div(
            r#"<div class="share-icons dropdown"><div class="dropdown-menu">a</div></div>
               <div class="dropdown open"><div class="dropdown-menu">b</div></div>
               <div class="dropdown"><div class="dropdown-menu show">c</div></div>
               <div class="dropdown-menu" style="display: block">d</div>"#,
            closed_dropdown,
        );
        assert_eq!(closed, [false, true, false, false, false, false, false]);
    }

    #[test]
    fn only_the_selected_login_panel_of_a_jetpack_comment_form_is_drawn() {
        let closed = each_div(
            r#"<div id="comment-form-guest" class="comment-form-service selected">a</div>
               <div id="comment-form-wordpress" class="comment-form-service">b</div>
               <div class="comment-form-service" style="display: block">c</div>"#,
            closed_widget,
        );
        assert_eq!(closed, [false, true, false]);
    }
}
