//! A link whose accessible name is empty: an icon or image link without alt
//! text, or an empty anchor. Screen readers announce "link" and read the URL.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "link-name-missing",
    group: "names",
    severity: Severity::Error,
    summary: "A link has no text, alt or aria name",
    doc: include_str!("../../../rules/link-name-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .elements()
        .filter(|el| {
            a11y::is_link(*el)
                && !a11y::is_hidden(ctx.doc, *el)
                && !a11y::in_inert_content(ctx.doc, *el)
                && super::unnamed(ctx.doc, *el)
                && a11y::content_name_is_empty(ctx.doc, *el, false)
        })
        .map(|link| {
            Diagnostic::new(
                ctx.doc.tag_span(link),
                "this link has no text a screen reader can announce",
            )
            .help("add link text, alt text to the image inside it, or aria-label=\"…\"")
        })
        .collect()
}
