//! An `<svg>` (or a shape inside one) exposed as an image (`role="img"`,
//! `graphics-document` or `graphics-symbol`) without a `<title>` child or an
//! aria name: charts and maps that screen-reader users hear as just "image".

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "svg-img-name-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An <svg> with role=\"img\" has no <title> or aria name",
    doc: include_str!("../../../rules/svg-img-name-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .svgs
        .iter()
        .filter(|svg| svg.unnamed)
        .map(|svg| {
            Diagnostic::new(svg.tag, "this <svg> is exposed as an image but has no name")
                .help("add a <title> as its first child, or aria-label=\"…\"")
        })
        .collect()
}
