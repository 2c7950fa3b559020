//! Alt text made only of whitespace. It is not the same as `alt=""`: some
//! screen readers announce the image with its file name, others say nothing.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-whitespace",
    group: "alt",
    severity: Severity::Error,
    summary: "Alt text is only whitespace",
    doc: include_str!("../../../rules/img-alt-whitespace.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article.exposed_images()
        .filter_map(|img| img.alt.filter(|alt| !alt.value.is_empty() && alt.is_blank()))
        .map(|alt| {
            Diagnostic::new(alt.span, "this alt text is only whitespace")
                .help("describe the picture, or use alt=\"\" (nothing between the quotes) if it is decorative")
        })
        .collect()
}
