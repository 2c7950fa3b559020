//! An image file larger than `max_bytes` (500 KB by default): slow on a
//! phone connection, costly on a metered plan, and usually a sign that
//! the camera original was uploaded instead of a web rendition.

use super::{found, human_bytes, references, shown};
use crate::article::Slot;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, OptionKind, Rule, RuleOption};

pub static RULE: Rule = Rule {
    id: "img-file-heavy",
    group: "image",
    severity: Severity::Warning,
    summary: "An image file is larger than 500 KB",
    doc: include_str!("../../../rules/img-file-heavy.md"),
    options: &[RuleOption {
        name: "max_bytes",
        kind: OptionKind::Count,
        help: "largest image file allowed, in bytes (default 500000)",
    }],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let max = ctx.option_usize("max_bytes", 500_000) as u64;
    references(ctx)
        // The og:image is fetched by link previews, not by readers.
        .filter(|r| r.slot != Slot::OgImage)
        .filter_map(|r| {
            let info = found(ctx.assets, r.url)?;
            (info.bytes > max).then(|| {
                Diagnostic::new(
                    r.span,
                    format!(
                        "{} weighs {}, over the limit of {}",
                        shown(r.url),
                        human_bytes(info.bytes),
                        human_bytes(max)
                    ),
                )
                .help("resize it to the largest size it is shown at and re-encode it (JPEG at quality 75–85, WebP or AVIF)")
            })
        })
        .collect()
}
