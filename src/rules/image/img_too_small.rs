//! A picture too narrow for where it is used: an informative photo in a
//! `<figure>` narrower than `min_width` (400 px by default), or the page's
//! `og:image` narrower than `og_min_width` (1200 px by default, what large
//! link previews in news aggregators and social networks need).

use super::{found, shown, widest};
use crate::diagnostic::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::rules::{Context, OptionDoc, Options, Rule, RuleOptions, at_least};

pub static RULE: Rule = Rule {
    id: "img-too-small",
    group: "image",
    severity: Severity::Warning,
    summary: "A figure's photo or the og:image is narrower than its limit (`min_width`, `og_min_width`)",
    doc: include_str!("../../../rules/img-too-small.md"),
    options: Some(&Options::of::<Limits>(&[
        OptionDoc {
            name: "min_width",
            kind: "integer ≥ 1",
            help: "narrowest photo file allowed in a <figure>, in pixels",
        },
        OptionDoc {
            name: "og_min_width",
            kind: "integer ≥ 1",
            help: "narrowest og:image allowed, in pixels",
        },
    ])),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

#[derive(Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    pub min_width: u32,
    pub og_min_width: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            min_width: 400,
            og_min_width: 1200,
        }
    }
}

impl RuleOptions for Limits {
    fn validate(&self) -> Result<(), String> {
        at_least("min_width", self.min_width, 1)?;
        at_least("og_min_width", self.og_min_width, 1)
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Limits {
        min_width: min,
        og_min_width: og_min,
    } = ctx.options();
    let mut out = Vec::new();
    // The pictures of news-photo figures: a screenshot, chart or logo is
    // as wide as what it shows, not as wide as a photo must be.
    let photos: HashSet<usize> = ctx.article.figures.iter().filter(|f| f.photo).flat_map(|f| f.images.iter().copied()).collect();
    for (i, img) in ctx.article.images.iter().enumerate() {
        // A picture that informs: not decorative, and a news photo.
        let informative = !img.presentational && (img.alt_text().is_some() || img.aria_named);
        if !img.rendered || !informative || !photos.contains(&i) {
            continue;
        }
        let Some(info) = widest(ctx, img) else {
            continue;
        };
        let Some((width, _)) = info.display_size() else {
            continue;
        };
        if info.format.is_some_and(|f| f.is_vector()) || width >= min {
            continue;
        }
        let Some(at) = img.src.or(img.srcset) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                at.span,
                format!("this photo is {width} px wide; a photo in a figure should be at least {min} px"),
            )
            .help("use a larger rendition of the picture (phones with 2× screens need twice the width it is shown at)"),
        );
    }
    for r in ctx.article.og_images() {
        let Some(info) = found(ctx.assets, r.url) else {
            continue;
        };
        let Some((width, _)) = info.display_size() else {
            continue;
        };
        if width < og_min {
            out.push(
                Diagnostic::new(
                    r.span,
                    format!("the page's og:image {} is {width} px wide; large link previews need at least {og_min} px", shown(r.url)),
                )
                .help(format!("point og:image at a rendition at least {og_min} px wide (1200×630 is the common size)")),
            );
        }
    }
    out
}
