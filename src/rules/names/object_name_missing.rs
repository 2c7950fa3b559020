//! An `<object>` embedding an image, audio, video or document without an
//! accessible name (aria-label, aria-labelledby or title). Its fallback
//! content is not its name.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "object-name-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An <object> has no accessible name",
    doc: include_str!("../../../rules/object-name-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .objects
        .iter()
        .filter(|object| !object.presentational && object.unnamed && !object.third_party)
        .map(|object| {
            Diagnostic::new(object.tag, "this <object> has no accessible name")
                .help("add aria-label=\"…\" or title=\"…\" describing what it shows")
        })
        .collect()
}
