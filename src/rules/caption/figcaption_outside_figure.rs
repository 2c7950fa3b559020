//! A `<figcaption>` outside any `<figure>`: left just after the figure's
//! end tag, or beside the picture in a `<div>`. Browsers show it, but it is
//! not the figure's caption, so assistive technology does not tie it to the
//! picture. The caption rules still read its text.

use crate::article::{FigureKind, Placement};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "figcaption-outside-figure",
    group: "caption",
    severity: Severity::Warning,
    summary: "A <figcaption> is outside the <figure> it captions",
    doc: include_str!("../../../rules/figcaption-outside-figure.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::captioned(ctx)
        .filter(|(_, caption)| caption.placement == Placement::Stray)
        .map(|(figure, caption)| {
            let diagnostic = Diagnostic::new(
                caption.tag,
                "this <figcaption> is outside the figure, so it is not tied to the picture",
            );
            match figure.kind {
                FigureKind::Figure => diagnostic
                    .help("move the <figcaption> inside the <figure>, just before </figure>")
                    .label(figure.tag, "the figure it follows"),
                FigureKind::Container => diagnostic
                    .help("make the element around the picture and its caption a <figure>")
                    .label(ctx.article.images[figure.images[0]].tag, "the picture"),
            }
        })
        .collect()
}
