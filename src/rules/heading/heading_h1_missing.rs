//! A page with no level-one heading. The headline is how screen-reader
//! users find where the article starts. Only checked on whole documents:
//! an article body fragment usually gets its headline from the template;
//! and only on pages with a headline to mark up.

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

/// The fewest characters (whitespace aside) a paragraph needs to be a
/// paragraph of an article's text.
const PARAGRAPH_CHARS: usize = 40;

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let doc = &ctx.article.document;
    if !doc.full_document || ctx.article.headings.iter().any(|h| h.level == 1) {
        return Vec::new();
    }
    if doc.front_matter.is_none() && !has_headline(ctx) {
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

/// An HTML page has a headline to mark up when one of its lines is the
/// headline in another element (see `DocumentFacts::headline_line`), or
/// when it has headings and paragraphs of text: an article whose outline
/// lacks its top. A page with neither (placeholder text, a list wrapped in
/// `<body>`, two test headings and nothing else) is not an article.
fn has_headline(ctx: &Context) -> bool {
    let article = &ctx.article;
    let headings = article.headings.iter().any(|h| !h.empty);
    let text = article.blocks.iter().any(|b| {
        !b.heading && b.text.chars().filter(|c| !c.is_whitespace()).count() >= PARAGRAPH_CHARS
    });
    article.document.headline_line || (headings && text)
}
