//! An element with `role="img"` (an icon font, a CSS background, a group of
//! images) that has no accessible name. Screen readers announce "image"
//! and nothing more.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "role-img-name-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An element with role=\"img\" has no accessible name",
    doc: include_str!("../../../rules/role-img-name-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .elements()
        .filter(|el| {
            // <img> and SVG content have rules of their own.
            el.value().name() != "img"
                && el.value().name.ns != html5ever::ns!(svg)
                && a11y::role(*el).as_deref() == Some("img")
                && !a11y::is_hidden(ctx.doc, *el)
                && !a11y::in_inert_content(ctx.doc, *el)
                && super::unnamed(ctx.doc, *el)
        })
        .map(|el| {
            Diagnostic::new(ctx.doc.attr_span(el, "role"), "this element has role=\"img\" but no accessible name")
                .help("add aria-label=\"…\" describing the image, or remove role=\"img\" and hide it with aria-hidden=\"true\" if it is decorative")
        })
        .collect()
}
