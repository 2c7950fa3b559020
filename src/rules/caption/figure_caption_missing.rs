//! A figure with a picture and no caption. In a news article the caption
//! is where a screen-reader user learns who is in the picture, what is
//! happening, and who took it; `<figcaption>` is what ties it to the
//! picture.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "figure-caption-missing",
    group: "caption",
    severity: Severity::Warning,
    summary: "A <figure> with an image has no non-empty <figcaption>",
    doc: include_str!("../../../rules/figure-caption-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::figures(ctx.doc)
        .into_iter()
        .filter(|f| f.caption.is_none() && !super::images_link_away(f))
        .map(|f| {
            let diagnostic = Diagnostic::new(
                ctx.doc.tag_span(f.figure),
                "this figure has a picture but no caption",
            )
            .label(ctx.doc.tag_span(f.images[0]), "the picture");
            // A caption the CMS wrote in a <div class="caption">: shown, but
            // not tied to the picture for assistive technology.
            match f.caption_like {
                Some(el) => diagnostic
                    .help("make the caption a <figcaption>, the first or last child of the <figure>, so that it is tied to the picture")
                    .label(ctx.doc.tag_span(el), "this caption is not a <figcaption>"),
                None => diagnostic.help(
                    "add a <figcaption> saying who and what is shown, when and where, and who took it",
                ),
            }
        })
        .collect()
}
