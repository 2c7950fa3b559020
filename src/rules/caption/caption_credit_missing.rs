//! A caption that does not say who took the picture. Readers, and
//! screen-reader users in particular, cannot tell a staff photo from an
//! agency picture, a handout or a still from social media.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::embedded::Element;
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
    super::lacking(
        ctx,
        Element::Credit,
        "this caption does not say who took the picture (no credit)",
        "end the caption with the credit in brackets: [Name/Agency]",
    )
}
