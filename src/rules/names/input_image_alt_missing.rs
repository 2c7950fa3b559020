//! An image button (`<input type="image">`) without alt text. Screen
//! readers announce "button" and the reader cannot know what it does.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "input-image-alt-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An image button (<input type=\"image\">) has no alt text",
    doc: include_str!("../../../rules/input-image-alt-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::exposed(ctx.doc, "input")
        .filter(|input| {
            a11y::attr(*input, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("image"))
                && a11y::attr(*input, "alt").is_none_or(|alt| alt.trim().is_empty())
                && super::unnamed(ctx.doc, *input)
        })
        .map(|input| {
            let span = match a11y::attr(input, "alt") {
                Some(_) => ctx.doc.attr_span(input, "alt"),
                None => ctx.doc.tag_span(input),
            };
            Diagnostic::new(span, "this image button has no alt text")
                .help("add alt=\"…\" naming what the button does, e.g. alt=\"Search\"")
        })
        .collect()
}
