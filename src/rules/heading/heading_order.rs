//! A heading more than one level deeper than the one before it (an `<h2>`
//! followed by an `<h4>`). Readers who jump between headings lose track of
//! the outline. Going back up any number of levels is fine. An empty
//! heading takes no place in the outline: `heading-empty` reports it, and
//! removing it is the usual fix.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "heading-order",
    group: "heading",
    severity: Severity::Warning,
    summary: "A heading skips a level (e.g. <h2> followed by <h4>)",
    doc: include_str!("../../../rules/heading-order.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut previous: Option<&crate::article::Heading> = None;
    for h in ctx.article.headings.iter().filter(|h| !h.empty) {
        let level = h.level;
        if let Some(prev) = previous
            && level > prev.level + 1
        {
            let expected = prev.level + 1;
            out.push(
                Diagnostic::new(
                    h.tag,
                    format!("heading level {level} follows level {}; expected level {expected} or higher", prev.level),
                )
                .help(format!("use an <h{expected}> here, or restyle the heading with CSS instead of changing its level"))
                .label(prev.tag, format!("previous heading, level {}", prev.level)),
            );
        }
        previous = Some(h);
    }
    out
}
