//! An `<iframe>` (embedded video, map, social post) without a title or
//! aria name. Screen readers list frames by name; unnamed ones are
//! announced as "frame" and users must enter each to learn what it is.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "iframe-title-missing",
    group: "names",
    severity: Severity::Error,
    summary: "An <iframe> has no title or accessible name",
    doc: include_str!("../../../rules/iframe-title-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::exposed(ctx.doc, "iframe")
        .filter(|frame| {
            // A frame taken out of the tab order, or marked presentational,
            // is not announced as a frame.
            !matches!(a11y::role(*frame).as_deref(), Some("presentation" | "none"))
                && a11y::attr(*frame, "tabindex")
                    .and_then(|t| t.trim().parse::<i64>().ok())
                    .is_none_or(|t| t >= 0)
                && super::unnamed(ctx.doc, *frame)
        })
        .map(|frame| {
            let span = match a11y::attr(frame, "title") {
                Some(_) => ctx.doc.attr_span(frame, "title"),
                None => ctx.doc.tag_span(frame),
            };
            Diagnostic::new(span, "this <iframe> has no title")
                .help("add title=\"…\" saying what the frame contains, e.g. title=\"Video: the summit in Vostochny\"")
        })
        .collect()
}
