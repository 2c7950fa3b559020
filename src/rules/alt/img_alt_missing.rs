//! An image with no `alt` attribute and no other accessible name. Screen
//! readers fall back to announcing the file name, or skip the picture
//! without saying anything was there.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-missing",
    group: "alt",
    severity: Severity::Error,
    summary: "An image has no alt attribute and no other accessible name",
    doc: include_str!("../../../rules/img-alt-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article.exposed_images()
        .filter(|img| img.alt.is_none() && !img.presentational && !img.aria_named && !img.titled)
        .map(|img| {
            Diagnostic::new(img.tag, "this image has no alt text")
                .help("add alt=\"…\" saying what the picture shows, or alt=\"\" if it is purely decorative")
        })
        .collect()
}
