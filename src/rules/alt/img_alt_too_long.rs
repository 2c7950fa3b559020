//! Alt text over a length limit (150 characters by default). Screen readers
//! cannot pause or skip inside alt text; long descriptions belong in the
//! caption or the article body. Runs of whitespace count as one character.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, OptionKind, Rule, RuleOption};

pub static RULE: Rule = Rule {
    id: "img-alt-too-long",
    group: "alt",
    severity: Severity::Warning,
    summary: "Alt text is longer than the limit (150 characters by default)",
    doc: include_str!("../../../rules/img-alt-too-long.md"),
    options: &[RuleOption {
        name: "max",
        kind: OptionKind::Count,
        help: "longest alt text allowed, in characters (default 150)",
    }],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let max = ctx.option_usize("max", 150);
    ctx.article.images_with_alt()
        .filter_map(|(_, alt)| {
            let len = crate::a11y::normalize(alt.value).chars().count();
            (len > max).then(|| {
                Diagnostic::new(
                    alt.span,
                    format!("this alt text is {len} characters long, over the limit of {max}"),
                )
                .help("keep alt text to what the picture shows; move context and credits into the caption")
            })
        })
        .collect()
}
