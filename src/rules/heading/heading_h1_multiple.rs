//! More than one level-one heading. Readers jumping to the headline land on
//! the wrong one (a site logo, a sidebar title).

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "heading-h1-multiple",
    group: "heading",
    severity: Severity::Warning,
    summary: "A page has more than one level-one heading",
    doc: include_str!("../../../rules/heading-h1-multiple.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut h1s = ctx.article.headings.iter().filter(|h| h.level == 1);
    let Some(first) = h1s.next() else {
        return Vec::new();
    };
    h1s.map(|h| {
        Diagnostic::new(h.tag, "this is a second level-one heading")
            .help("keep one <h1> for the headline and use <h2> for sections")
            .label(first.tag, "first level-one heading")
    })
    .collect()
}
