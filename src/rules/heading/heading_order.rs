//! A heading more than one level deeper than the one before it (an `<h2>`
//! followed by an `<h4>`). Readers who jump between headings lose track of
//! the outline. Going back up any number of levels is fine.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "heading-order",
    group: "heading",
    severity: Severity::Warning,
    summary: "A heading skips a level (e.g. <h2> followed by <h4>)",
    doc: include_str!("../../../rules/heading-order.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut previous = None;
    for (el, level) in super::headings(ctx.doc) {
        if let Some((prev_el, prev)) = previous
            && level > prev + 1
        {
            out.push(
                Diagnostic::new(
                    ctx.doc.tag_span(el),
                    format!("heading level {level} follows level {prev}; expected level {} or higher", prev + 1),
                )
                .help(format!("use an <h{}> here, or restyle the heading with CSS instead of changing its level", prev + 1))
                .label(ctx.doc.tag_span(prev_el), format!("previous heading, level {prev}")),
            );
        }
        previous = Some((el, level));
    }
    out
}
