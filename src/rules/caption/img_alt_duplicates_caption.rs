//! Alt text that repeats the caption. A screen reader reads the alt text,
//! then the caption: the reader hears the same sentence twice and learns
//! nothing about what the picture shows.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};
use crate::text;

pub static RULE: Rule = Rule {
    id: "img-alt-duplicates-caption",
    group: "caption",
    severity: Severity::Warning,
    summary: "An image's alt text repeats its caption",
    doc: include_str!("../../../rules/img-alt-duplicates-caption.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for figure in super::figures(ctx.doc) {
        let Some(caption) = figure.caption else {
            continue;
        };
        let caption_text = super::caption_text(ctx.doc, caption);
        // The caption without its credit, as alt text copied from it often
        // leaves the credit out.
        let analysis = text::analyze(&caption_text, &[]);
        let without_credit = analysis
            .credit
            .map(|c| caption_text[..c.start].to_string())
            .unwrap_or_default();
        for img in &figure.images {
            let Some(alt) = img.value().attr("alt").filter(|a| !a.trim().is_empty()) else {
                continue;
            };
            if text::repeats(alt, &caption_text)
                || !without_credit.trim().is_empty() && text::repeats(alt, &without_credit)
            {
                let caption_span = ctx
                    .doc
                    .content_span(caption)
                    .unwrap_or_else(|| ctx.doc.tag_span(caption));
                out.push(
                    Diagnostic::new(
                        ctx.doc.attr_span(*img, "alt"),
                        "this alt text repeats the caption, so screen readers read it twice",
                    )
                    .help("say in the alt text what the picture shows; leave the story to the caption")
                    .label(caption_span, "the caption says the same"),
                );
            }
        }
    }
    out
}
