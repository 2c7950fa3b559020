//! An `<object>` embedding an image, audio, video or document without an
//! accessible name (aria-label, aria-labelledby or title). Its fallback
//! content is not its name.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "object-name-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An <object> has no accessible name",
    doc: include_str!("../../../rules/object-name-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::exposed(ctx.doc, "object")
        .filter(|object| {
            a11y::attr(*object, "data").is_some_and(|d| !d.trim().is_empty())
                && !a11y::is_presentational(*object)
                && super::unnamed(ctx.doc, *object)
        })
        .map(|object| {
            Diagnostic::new(
                ctx.doc.tag_span(object),
                "this <object> has no accessible name",
            )
            .help("add aria-label=\"…\" or title=\"…\" describing what it shows")
        })
        .collect()
}
