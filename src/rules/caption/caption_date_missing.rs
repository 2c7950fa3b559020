//! A caption that does not say when the picture was taken. A file photo
//! from years ago reads as today's news unless the caption dates it.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "caption-date-missing",
    group: "caption",
    severity: Severity::Warning,
    summary: "A caption does not say when the picture was taken",
    doc: include_str!("../../../rules/caption-date-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::captioned(ctx.doc, &[])
        .into_iter()
        .filter(|c| c.analysis.date.is_none() && !c.provided.date)
        .map(|c| {
            super::at_caption(
                ctx.doc,
                c.caption,
                "this caption does not say when the picture was taken (no date)",
                &crate::rules::image::caption_metadata_mismatch::help_with_metadata(
                    ctx,
                    &c.figure.images,
                    crate::rules::image::caption_metadata_mismatch::Element::Date,
                    "give the date the picture was taken: \"… in Amur province, Russia, on September 13. [Name/Agency]\"",
                ),
            )
        })
        .collect()
}
