//! An image whose name says one format and whose bytes another: a PNG
//! saved as `.jpg`, a WebP renamed `.png`. Servers and CDNs send the
//! content type the extension implies, so apps, feed readers and image
//! pipelines that trust it fail or re-encode the file badly.

use super::{found, references, shown};
use crate::assets::Asset;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-format-mismatch",
    group: "image",
    severity: Severity::Warning,
    summary: "An image file's extension does not match its real format",
    doc: include_str!("../../../rules/img-format-mismatch.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    references(ctx)
        .filter_map(|r| {
            // A `data:` URI is never served: there is no extension to trust
            // and no content type sent beside its bytes, which browsers
            // sniff. Only files are compared.
            let Asset::Found {
                file: Some(_),
                claimed,
                ..
            } = ctx.assets.image(r.url)
            else {
                return None;
            };
            let real = found(ctx.assets, r.url)?.format?;
            let claimed = (*claimed)?;
            (real != claimed).then(|| {
                Diagnostic::new(
                    r.span,
                    format!(
                        "{} is a {} file, but its name says {}",
                        shown(r.url),
                        real.label(),
                        claimed.label()
                    ),
                )
                .help(format!(
                    "rename it with the .{} extension (and update the references), or convert it to {}",
                    extension(real),
                    claimed.label()
                ))
            })
        })
        .collect()
}

fn extension(format: crate::assets::Format) -> &'static str {
    use crate::assets::Format::*;
    match format {
        Jpeg => "jpg",
        Heif => "heic",
        Tiff => "tif",
        other => other.name(),
    }
}
