//! An image file larger than `max_bytes` (500 KB by default): slow on a
//! phone connection, costly on a metered plan, and usually a sign that
//! the camera original was uploaded instead of a web rendition.

use super::{found, human_bytes, references, shown};
use crate::article::Slot;
use crate::diagnostic::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};

use crate::rules::{Context, OptionDoc, Options, Rule, RuleOptions, at_least};

pub static RULE: Rule = Rule {
    id: "img-file-heavy",
    group: "image",
    severity: Severity::Warning,
    summary: "An image file is heavier than the limit (`max_bytes`)",
    doc: include_str!("../../../rules/img-file-heavy.md"),
    options: Some(&Options::of::<Limits>(&[OptionDoc {
        name: "max_bytes",
        kind: "integer ≥ 1",
        help: "largest image file allowed, in bytes",
    }])),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

#[derive(Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 500_000 }
    }
}

impl RuleOptions for Limits {
    fn validate(&self) -> Result<(), String> {
        at_least("max_bytes", self.max_bytes, 1)
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Limits { max_bytes: max } = ctx.options();
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
