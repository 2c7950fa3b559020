//! An element with `role="img"` (an icon font, a CSS background, a group of
//! images) that has no accessible name. Screen readers announce "image"
//! and nothing more.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "role-img-name-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An element with role=\"img\" has no accessible name",
    doc: include_str!("../../../rules/role-img-name-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .role_images
        .iter()
        .filter(|el| el.unnamed)
        .map(|el| {
            Diagnostic::new(el.role, "this element has role=\"img\" but no accessible name")
                .help("add aria-label=\"…\" describing the image, or remove role=\"img\" and hide it with aria-hidden=\"true\" if it is decorative")
        })
        .collect()
}
