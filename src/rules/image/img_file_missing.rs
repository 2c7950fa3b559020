//! An image reference (`<img src>`, the page's `og:image`) to a local file
//! that does not exist, or that leads outside the article's tree and the
//! asset roots (then the file is not read at all). Readers see a broken
//! image icon; link previews show no picture.

use super::{references, unreachable_message};
use crate::article::Slot;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-file-missing",
    group: "image",
    severity: Severity::Error,
    summary: "An image's src points to a file that does not exist",
    doc: include_str!("../../../rules/img-file-missing.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    references(ctx)
        .filter(|r| matches!(r.slot, Slot::Src | Slot::OgImage))
        // A spacer or tracking pixel shows nothing, loaded or not.
        .filter(|r| !r.image.is_some_and(|i| ctx.article.images[i].is_pixel()))
        .filter_map(|r| {
            let message = unreachable_message(r.url, ctx.assets.image(r.url))?;
            Some(Diagnostic::new(r.span, message).help(
                "fix the path (mind the case of the file name) or add the file; root-relative paths (/…) are looked up in the asset roots: --assets DIR or `assets` in presslint.toml",
            ))
        })
        .collect()
}
