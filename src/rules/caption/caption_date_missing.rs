//! A caption that does not say when the picture was taken. A file photo
//! from years ago reads as today's news unless the caption dates it.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::embedded::Element;
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "caption-date-missing",
    group: "caption",
    severity: Severity::Warning,
    summary: "A caption does not say when the picture was taken",
    doc: include_str!("../../../rules/caption-date-missing.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::lacking(
        ctx,
        Element::Date,
        "this caption does not say when the picture was taken (no date)",
        "give the date the picture was taken: \"… in Amur province, Russia, on September 13. [Name/Agency]\"",
    )
}
