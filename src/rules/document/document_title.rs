//! A page without a `<title>`, or with an empty one. The title is the first
//! thing screen readers announce, and it names the tab and the bookmark.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "document-title",
    group: "document",
    severity: Severity::Error,
    summary: "A page has no <title> or an empty one",
    doc: include_str!("../../../rules/document-title.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let doc = &ctx.article.document;
    if !doc.full_document {
        return Vec::new();
    }
    match doc.title {
        Some((tag, false)) => {
            vec![Diagnostic::new(tag, if doc.markdown { "this article's title is empty" } else { "this page title is empty" })
                .help("put the headline in the <title>, e.g. <title>Putin hosts Kim in Russia's Far East</title>")]
        }
        Some(_) => Vec::new(),
        None => vec![match doc.front_matter {
            Some(front) => Diagnostic::new(front, "this article's front matter has no title")
                .help("add `title:` with the headline to the front matter"),
            None => Diagnostic::new(doc.head_tag.unwrap_or_default(), "this page has no <title>")
                .help("add a <title> with the headline inside <head>"),
        }],
    }
}
