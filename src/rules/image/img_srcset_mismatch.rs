//! A `srcset` candidate that lies: its `w` descriptor is not the file's
//! real width, or the file does not exist. Browsers pick a candidate by
//! the descriptor alone, so a wrong one means a blurry picture on one
//! screen and a wasted download on another, and a missing one a broken
//! image on exactly the screens that pick it.

use super::{found, references, shown, unreachable_message};
use crate::assets::srcset::Descriptor;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-srcset-mismatch",
    group: "image",
    severity: Severity::Warning,
    summary: "A srcset candidate is missing or its w descriptor is not the file's width",
    doc: include_str!("../../../rules/img-srcset-mismatch.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    references(ctx)
        .filter_map(|r| {
            let descriptor = r.slot.descriptor()?;
            if looks_like_descriptor(r.url) {
                return Some(
                    Diagnostic::new(
                        r.span,
                        format!(
                            "srcset has a descriptor, `{}`, with no URL before it; browsers request it as a file",
                            r.url
                        ),
                    )
                    .help("put each candidate's URL before its descriptor: \"photo-800.jpg 800w\""),
                );
            }
            if let Some(message) = unreachable_message(r.url, ctx.assets.image(r.url)) {
                return Some(
                    Diagnostic::new(r.span, format!("srcset candidate {message}"))
                        .help("fix the path or remove the candidate; browsers that pick it show a broken image"),
                );
            }
            let Descriptor::Width(declared) = descriptor else {
                return None;
            };
            let info = found(ctx.assets, r.url)?;
            if info.format.is_some_and(|f| f.is_vector()) {
                return None;
            }
            let (width, _) = info.display_size()?;
            (width != declared).then(|| {
                Diagnostic::new(
                    r.span,
                    format!(
                        "srcset says {} is {declared} px wide ({declared}w), but the file is {width} px wide",
                        shown(r.url)
                    ),
                )
                .help(format!("change the descriptor to {width}w, or point it at the {declared} px rendition"))
            })
        })
        .collect()
}

/// `150w` or `2x` where a URL should be: the template left the URL out.
fn looks_like_descriptor(url: &str) -> bool {
    url.strip_suffix(['w', 'x'])
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}
