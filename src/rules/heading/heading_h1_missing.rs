//! A page with no level-one heading. The headline is how screen-reader
//! users find where the article starts. Only checked on whole documents:
//! an article body fragment usually gets its headline from the template.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "heading-h1-missing",
    group: "heading",
    severity: Severity::Warning,
    summary: "A page has no level-one heading",
    doc: include_str!("../../../rules/heading-h1-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let doc = &ctx.article.document;
    if !doc.full_document || ctx.article.headings.iter().any(|h| h.level == 1) {
        return Vec::new();
    }
    let diagnostic = match doc.front_matter {
        Some(front) => Diagnostic::new(front, "this article has no level-one heading")
            .help("give it a `title` in the front matter (or a `# Headline` line)"),
        None => Diagnostic::new(
            doc.body_tag.unwrap_or_default(),
            "this page has no level-one heading",
        )
        .help("mark the article's headline up as <h1>"),
    };
    vec![diagnostic]
}
