//! An image button (`<input type="image">`) without alt text. Screen
//! readers announce "button" and the reader cannot know what it does.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "input-image-alt-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An image button (<input type=\"image\">) has no alt text",
    doc: include_str!("../../../rules/input-image-alt-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .image_buttons
        .iter()
        .filter(|input| input.alt.is_none_or(|alt| alt.is_blank()) && input.unnamed)
        .map(|input| {
            Diagnostic::new(
                input.alt.map_or(input.tag, |alt| alt.span),
                "this image button has no alt text",
            )
            .help("add alt=\"…\" naming what the button does, e.g. alt=\"Search\"")
        })
        .collect()
}
