//! A link whose accessible name is empty: an icon or image link without alt
//! text, or an empty anchor. Screen readers announce "link" and read the URL.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "link-name-missing",
    group: "names",
    severity: Severity::Error,
    summary: "A link has no text, alt or aria name",
    doc: include_str!("../../../rules/link-name-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .links
        .iter()
        // The parser's copies of a split link are reported once, at the
        // link as written.
        // A link in an advertising slot, or a share widget's button, is
        // named by the script that fills it.
        .filter(|link| link.unnamed && !link.copy && !link.vendor)
        .map(|link| {
            if link.nested {
                Diagnostic::new(
                    link.tag,
                    "this link has another link inside it: browsers split them, and this one is left with no text",
                )
                .help("do not nest links: make the whole card one link, or move the inner link out of it")
            } else {
                Diagnostic::new(link.tag, "this link has no text a screen reader can announce")
                    .help("add link text, alt text to the image inside it, or aria-label=\"…\"")
            }
        })
        .collect()
}
