//! An image with no `alt` attribute and no other accessible name. Screen
//! readers fall back to announcing the file name, or skip the picture
//! without saying anything was there.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-missing",
    group: "alt",
    severity: Severity::Error,
    summary: "An image has no alt attribute and no other accessible name",
    doc: include_str!("../../../rules/img-alt-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::exposed_images(ctx.doc)
        .filter(|img| {
            img.value().attr("alt").is_none()
                && !a11y::is_presentational(*img)
                && a11y::aria_name(ctx.doc, *img).is_none()
                && a11y::title_attr(*img).is_none()
        })
        .map(|img| {
            Diagnostic::new(ctx.doc.tag_span(img), "this image has no alt text")
                .help("add alt=\"…\" saying what the picture shows, or alt=\"\" if it is purely decorative")
        })
        .collect()
}
