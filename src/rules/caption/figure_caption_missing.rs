//! A figure with a picture and no caption. In a news article the caption
//! is where a screen-reader user learns who is in the picture, what is
//! happening, and who took it; `<figcaption>` is what ties it to the
//! picture.

use crate::diagnostic::{Diagnostic, Severity};
use crate::article::{FigureKind, Placement, Syntax};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "figure-caption-missing",
    group: "caption",
    severity: Severity::Warning,
    summary: "A <figure> with an image has no non-empty <figcaption>",
    doc: include_str!("../../../rules/figure-caption-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    if captions_nothing(ctx) {
        return Vec::new();
    }
    ctx.article
        .figures
        .iter()
        // Charts, screenshots, logos and teasers are figures too, but a
        // news caption is asked of news photos.
        .filter(|f| f.kind == FigureKind::Figure && f.photo)
        .filter_map(|f| {
            let credit_line = f.credit_line_only();
            let message = if credit_line {
                "this figure has a credit line but no caption"
            } else {
                "this figure has a picture but no caption"
            };
            let mut diagnostic = Diagnostic::new(f.tag, message);
            // A lazy picture has no <img> to point at yet.
            if let Some(&first) = f.images.first() {
                diagnostic = diagnostic.label(ctx.article.images[first].tag, "the picture");
            }
            let syntax = f.images.first().map(|&i| ctx.article.images[i].syntax);
            match &f.caption {
                None => Some(diagnostic.help(match syntax {
                    Some(Syntax::Markdown) => "add a caption on the line under the picture, in italics: *Who and what is shown, where, on what date. [Photographer/Agency]*",
                    Some(Syntax::Chunk) => "add fig.cap=\"…\" to the chunk (#| fig-cap: \"…\" in Quarto) saying who and what is shown, when and where, and who took it",
                    Some(Syntax::Pandoc) => "write the caption between the brackets, and what the picture shows in fig-alt: ![Who and what is shown, where, on what date. Photographer/Agency](…){fig-alt=\"…\"}",
                    Some(Syntax::Directive) => "write the caption as the directive's content, under its options: who and what is shown, where, on what date, and who took it",
                    Some(Syntax::Shortcode) => "add caption=\"…\" saying who and what is shown, when and where, and attr=\"…\" with who took it",
                    Some(Syntax::Include) => "add caption=\"…\" to the include saying who and what is shown, when and where, and who took it",
                    Some(Syntax::FrontMatter) => "add caption: to the front matter saying who and what is shown, when and where, and who took it",
                    Some(Syntax::Html) | None => "add a <figcaption> saying who and what is shown, when and where, and who took it",
                })),
                // A caption the CMS wrote in a <div class="caption">, or a
                // gallery keeps in the picture's `data-caption`: shown, but
                // not tied to the picture for assistive technology.
                // A caption the page hides from screen readers on purpose
                // (`aria-hidden`, the alt text saying the same) needs no tie.
                Some(caption) if caption.heard().trim().is_empty() => None,
                Some(caption) if credit_line => Some(
                    diagnostic
                        .help("add a <figcaption> saying who and what is shown, when and where, and keep the credit in it")
                        .label(caption.content.unwrap_or(caption.tag), "the credit line"),
                ),
                Some(caption)
                    if matches!(caption.placement, Placement::Marked | Placement::Attribute) =>
                {
                    Some(
                    diagnostic
                        .help("make the caption a <figcaption>, the first or last child of the <figure>, so that it is tied to the picture")
                        .label(caption.tag, "this caption is not a <figcaption>"),
                )
                }
                // A <figcaption> and one outside the figure, which
                // figcaption-outside-figure reports.
                Some(_) => None,
            }
        })
        .collect()
}

/// The page captions and credits none of its several photos: a blog's or
/// a listicle's pictures (stock pictures, product shots, portraits), not
/// news photos, which a publisher always credits. Nor does a review or a
/// how-to guide need a news caption for its product shots and steps. A
/// Markdown file is a writer's draft, where every caption may still be to
/// write.
fn captions_nothing(ctx: &Context) -> bool {
    if ctx.article.document.reviews_or_guides {
        return true;
    }
    if ctx.article.document.markdown {
        return false;
    }
    let mut photos = ctx.article.figures.iter().filter(|f| f.photo);
    photos.clone().nth(1).is_some()
        && photos.all(|f| f.caption.is_none() && !f.provided.credit)
}
