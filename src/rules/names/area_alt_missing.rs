//! A clickable region of an image map (`<area href>`) without alt text:
//! screen readers read the link target instead of where it leads.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "area-alt-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An image-map <area> with href has no alt text",
    doc: include_str!("../../../rules/area-alt-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .areas
        .iter()
        .filter(|area| area.alt.is_none_or(|alt| alt.is_blank()) && !area.aria_named)
        .map(|area| {
            Diagnostic::new(
                area.alt.map_or(area.tag, |alt| alt.span),
                "this image-map link has no alt text",
            )
            .help("add alt=\"…\" saying where the region leads")
        })
        .collect()
}
