//! An `<iframe>` (embedded video, map, social post) without a title or
//! aria name. Screen readers list frames by name; unnamed ones are
//! announced as "frame" and users must enter each to learn what it is.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "iframe-title-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An <iframe> has no title or accessible name",
    doc: include_str!("../../../rules/iframe-title-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .frames
        .iter()
        // A frame taken out of the tab order, or marked presentational, is
        // not announced as a frame.
        .filter(|frame| frame.announced && frame.unnamed && !frame.third_party)
        .map(|frame| {
            Diagnostic::new(frame.title.map_or(frame.tag, |t| t.span), "this <iframe> has no title")
                .help("add title=\"…\" saying what the frame contains, e.g. title=\"Video: the summit in Vostochny\"")
        })
        .collect()
}
