//! An image file that exists but cannot be shown: truncated by an upload,
//! corrupt, empty, or not an image at all (an HTML error page saved under
//! an image name). Only the file's structure is checked, never its pixels.

use super::{references, shown};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-file-broken",
    group: "image",
    severity: Severity::Error,
    summary: "An image file is truncated, corrupt or not an image",
    doc: include_str!("../../../rules/img-file-broken.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    references(ctx)
        .filter_map(|r| {
            let why = ctx.assets.image_info(r.url)?.broken.as_deref()?;
            Some(
                Diagnostic::new(r.span, format!("{} {why}", shown(r.url)))
                    .help("export the picture again from the original and replace the file"),
            )
        })
        .collect()
}
