//! An image file more than twice as wide as it is shown, with no `srcset`
//! to offer smaller files: every reader downloads pixels they never see
//! (twice the width already covers high-density screens).

use crate::article::Syntax;
use super::{found, shown};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-oversized",
    group: "image",
    severity: Severity::Warning,
    summary: "An image file is more than twice as wide as it is shown, with no srcset",
    doc: include_str!("../../../rules/img-oversized.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images
        .iter()
        .filter(|img| img.rendered && !img.has_srcset)
        .filter_map(|img| {
            let shown_width = img.width_px().filter(|w| *w > 0.0)?;
            let src = img.src?;
            let info = found(ctx.assets, src.url())?;
            if info.format.is_some_and(|f| f.is_vector()) {
                return None;
            }
            let (width, _) = info.display_size()?;
            let ratio = f64::from(width) / shown_width;
            if ratio <= 2.0 {
                return None;
            }
            Some(
                Diagnostic::new(
                    src.span,
                    format!(
                        "{} is {width} px wide but shown {shown_width} px wide: {ratio:.1} times the width needed",
                        shown(src.url())
                    ),
                )
                .label(img.width?.span, "shown at this width")
                .help(format!(
                    "resize the file to {} px wide (twice the displayed width, for high-density screens){}",
                    (shown_width * 2.0).round(),
                    // Only HTML can offer smaller renditions beside it.
                    if img.syntax == Syntax::Html {
                        ", or add a srcset with smaller renditions"
                    } else {
                        ""
                    }
                )),
            )
        })
        .collect()
}
