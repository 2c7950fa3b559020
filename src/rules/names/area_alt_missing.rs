//! A clickable region of an image map (`<area href>`) without alt text:
//! screen readers read the link target instead of where it leads.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "area-alt-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An image-map <area> with href has no alt text",
    doc: include_str!("../../../rules/area-alt-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::exposed(ctx.doc, "area")
        .filter(|area| {
            a11y::attr(*area, "href").is_some()
                && a11y::attr(*area, "alt").is_none_or(|alt| alt.trim().is_empty())
                && a11y::aria_name(ctx.doc, *area).is_none()
        })
        .map(|area| {
            let span = match a11y::attr(area, "alt") {
                Some(_) => ctx.doc.attr_span(area, "alt"),
                None => ctx.doc.tag_span(area),
            };
            Diagnostic::new(span, "this image-map link has no alt text")
                .help("add alt=\"…\" saying where the region leads")
        })
        .collect()
}
