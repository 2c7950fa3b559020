//! Declared `width` and `height` that distort the picture: the height the
//! declared width implies for the file's proportions differs from the
//! declared height by more than 2 px (the tolerance Lighthouse uses).
//! Faces come out stretched or squashed.

use crate::article::Syntax;
use super::picture_of;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-aspect-mismatch",
    group: "image",
    severity: Severity::Warning,
    summary: "An image's width and height attributes distort the picture",
    doc: include_str!("../../../rules/img-aspect-mismatch.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images
        .iter()
        .filter(|img| img.rendered)
        // object-fit crops or letterboxes instead of stretching.
        .filter(|img| img.object_fit.as_deref().is_none_or(|v| v == "fill"))
        .filter_map(|img| {
            let (dw, dh) = (img.width_px()?, img.height_px()?);
            let info = picture_of(ctx, img)?;
            if info.format.is_some_and(|f| f.is_vector()) || dw <= 0.0 {
                return None;
            }
            let (fw, fh) = info.display_size()?;
            // A 1×1 file (a spacer, a tracking pixel) is made to be stretched.
            if fw * fh <= 1 {
                return None;
            }
            let implied = dw * f64::from(fh) / f64::from(fw);
            if (implied - dh).abs() <= 2.0 {
                return None;
            }
            let what = if dh > implied { "stretch" } else { "squash" };
            Some(
                Diagnostic::new(
                    img.height?.span,
                    format!(
                        "width {dw} and height {dh} {what} the {fw}×{fh} picture: at {dw} px wide it is {} px high",
                        implied.round()
                    ),
                )
                .label(img.width?.span, "declared width")
                .help(if img.syntax == Syntax::Directive {
                    format!(
                        "set :height: {}, or crop the image file to the shape you want",
                        implied.round()
                    )
                } else {
                    format!(
                        "set height=\"{}\", or crop the image file to the shape you want (CSS object-fit: cover crops instead of distorting)",
                        implied.round()
                    )
                }),
            )
        })
        .collect()
}
