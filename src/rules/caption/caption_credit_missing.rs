//! A caption that does not say who took the picture. Readers, and
//! screen-reader users in particular, cannot tell a staff photo from an
//! agency picture, a handout or a still from social media.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, OptionKind, Rule, RuleOption};

pub static RULE: Rule = Rule {
    id: "caption-credit-missing",
    group: "caption",
    severity: Severity::Warning,
    summary: "A caption does not say who took the picture",
    doc: include_str!("../../../rules/caption-credit-missing.md"),
    options: &[RuleOption {
        name: "agencies",
        kind: OptionKind::Strings,
        help: "more agency names whose mention in a caption is a credit",
    }],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let agencies = ctx.option_strings("agencies");
    super::captioned(ctx.doc, &agencies)
        .into_iter()
        .filter(|c| c.analysis.credit.is_none() && !c.provided.credit)
        .map(|c| {
            super::at_caption(
                ctx.doc,
                c.caption,
                "this caption does not say who took the picture (no credit)",
                &crate::rules::image::caption_metadata_mismatch::help_with_metadata(
                    ctx,
                    &c.figure.images,
                    crate::rules::image::caption_metadata_mismatch::Element::Credit,
                    "end the caption with the credit in brackets: [Name/Agency]",
                ),
            )
        })
        .collect()
}
