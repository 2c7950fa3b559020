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
            let Asset::Found { file, claimed, .. } = ctx.assets.image(r.url) else {
                return None;
            };
            let real = found(ctx.assets, r.url)?.format?;
            let claimed = (*claimed)?;
            if real == claimed {
                return None;
            }
            let (message, help) = match file {
                Some(_) => (
                    format!(
                        "{} is a {} file, but its name says {}",
                        shown(r.url),
                        real.label(),
                        claimed.label()
                    ),
                    format!(
                        "rename it with the .{} extension (and update the references), or convert it to {}",
                        extension(real),
                        claimed.label()
                    ),
                ),
                None => (
                    format!(
                        "{} holds a {} image, but its media type says {}",
                        shown(r.url),
                        real.label(),
                        claimed.label()
                    ),
                    format!("change the media type to image/{}", media_type(real)),
                ),
            };
            Some(Diagnostic::new(r.span, message).help(help))
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

fn media_type(format: crate::assets::Format) -> &'static str {
    use crate::assets::Format::*;
    match format {
        Svg => "svg+xml",
        Ico => "x-icon",
        other => other.name(),
    }
}
