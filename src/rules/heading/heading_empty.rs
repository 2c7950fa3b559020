//! A heading with no text and no alt or aria name inside. Screen readers
//! list it as an empty heading, which looks like a broken page. A heading
//! left empty beside an empty list or widget is a slot the page's script
//! fills, and is left alone.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "heading-empty",
    group: "heading",
    severity: Severity::Error,
    summary: "A heading has no text or accessible name",
    doc: include_str!("../../../rules/heading-empty.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .headings
        .iter()
        .filter(|h| h.empty && !h.slot)
        .map(|h| {
            Diagnostic::new(h.tag, "this heading is empty")
                .help("give the heading text, or remove it if it only adds spacing")
        })
        .collect()
}
