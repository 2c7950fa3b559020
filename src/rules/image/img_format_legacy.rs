//! An image in a format browsers handle badly for pictures on the web:
//! TIFF, HEIC/HEIF and JPEG 2000 (shown by Safari alone), BMP
//! (uncompressed, many times the bytes), ICO (an icon container).

use super::{found, references, shown};
use crate::article::Slot;
use crate::assets::Format;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-format-legacy",
    group: "image",
    severity: Severity::Warning,
    summary: "An image is in a format browsers handle badly (BMP, TIFF, HEIC, JPEG 2000, ICO)",
    doc: include_str!("../../../rules/img-format-legacy.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    references(ctx)
        .filter_map(|r| {
            let format = found(ctx.assets, r.url)?.format?;
            let why = match format {
                Format::Tiff => "only Safari displays TIFF",
                Format::Heif => "only Safari displays HEIC/HEIF",
                Format::Jp2 => "only Safari has ever displayed JPEG 2000",
                Format::Bmp => {
                    "BMP is uncompressed: many times the bytes of the same picture as JPEG or WebP"
                }
                Format::Ico => "ICO is an icon format, not meant for pictures in a page",
                _ => return None,
            };
            let help = if r.slot == Slot::OgImage {
                "convert it to JPEG or PNG, which every link preview reads"
            } else {
                "convert it to WebP, AVIF or JPEG (PNG or SVG for graphics with flat colours)"
            };
            Some(
                Diagnostic::new(
                    r.span,
                    format!("{} is a {} file: {why}", shown(r.url), format.label()),
                )
                .help(help),
            )
        })
        .collect()
}
