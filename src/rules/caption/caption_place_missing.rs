//! A caption that does not say where the picture was taken. Without a
//! place, a reader who cannot see the picture cannot tell a protest in one
//! city from one in another.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::embedded::Element;
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "caption-place-missing",
    group: "caption",
    severity: Severity::Warning,
    summary: "A caption does not say where the picture was taken",
    doc: include_str!("../../../rules/caption-place-missing.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::lacking(
        ctx,
        Element::Place,
        "this caption does not say where the picture was taken (no place)",
        "name the place: \"… at a railway station in Seoul, South Korea, on January 30. [Name/Agency]\"",
    )
}
