//! An `<img>` with no image to load: no `src` (or an empty one) and no
//! `srcset`. Nothing is shown; a lazy-loading script that fills `src` from
//! `data-src` leaves readers without JavaScript, and many feed and app
//! renderers, with an empty box.

use crate::article::Attr;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-src-missing",
    group: "image",
    severity: Severity::Error,
    summary: "An image has no src and no srcset",
    doc: include_str!("../../../rules/img-src-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let blank = |v: Option<Attr>| v.is_none_or(|v| v.is_blank());
    ctx.article
        .images
        .iter()
        // A lazy-loaded image (its address in data-src and the like, or in
        // a <noscript> fallback) is seen once its script runs.
        // A decorative one (alt="") shows nothing either way.
        // One hidden from everyone (a closed menu, a slideshow before its
        // script runs) or in an ad slot is not the article's blank, nor is
        // a script's template that is not filled in yet.
        // Without alt text or a size it takes no room: browsers draw
        // nothing, so a reader sees no blank (a style sheet may draw an
        // icon in its place).
        .filter(|img| {
            img.rendered
                && img.exposed
                && !img.vendor
                && !img.unfilled
                && img.lazy.is_none()
                && !img.alt.is_some_and(|a| a.value.is_empty())
                && (img.alt_text().is_some()
                    || img.width.is_some()
                    || img.height.is_some()
                    || img.styled_size)
                // `height="0"` keeps no room, whatever the width.
                && img.width_px() != Some(0.0)
                && img.height_px() != Some(0.0)
                && blank(img.src)
                && blank(img.srcset)
        })
        .map(|img| {
            let message = if img.src.is_some() {
                "this image's src is empty"
            } else {
                "this image has no src"
            };
            Diagnostic::new(img.tag, message)
                .help("set src to the image file (and srcset for other sizes)")
        })
        .collect()
}
