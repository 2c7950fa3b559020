//! A page without a `<title>`, or with an empty one. The title is the first
//! thing screen readers announce, and it names the tab and the bookmark.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "document-title",
    group: "document",
    severity: Severity::Error,
    summary: "A page has no <title> or an empty one",
    doc: include_str!("../../../rules/document-title.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    if !ctx.doc.full_document {
        return Vec::new();
    }
    // The first <title> in the HTML namespace counts (an SVG <title> does not).
    let title = ctx
        .doc
        .elements_named("title")
        .find(|t| t.value().name.ns == html5ever::ns!(html));
    match title {
        Some(title) if a11y::normalize(&title.text().collect::<String>()).is_empty() => {
            vec![Diagnostic::new(ctx.doc.tag_span(title), "this page title is empty")
                .help("put the headline in the <title>, e.g. <title>Putin hosts Kim in Russia's Far East</title>")]
        }
        Some(_) => Vec::new(),
        None => {
            let at = ctx
                .doc
                .elements_named("head")
                .next()
                .map(|head| ctx.doc.tag_span(head))
                .unwrap_or_default();
            vec![
                Diagnostic::new(at, "this page has no <title>")
                    .help("add a <title> with the headline inside <head>"),
            ]
        }
    }
}
