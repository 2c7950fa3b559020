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
        .filter(|img| img.rendered && blank(img.src) && blank(img.srcset))
        .map(|img| {
            let message = if img.src.is_some() {
                "this image's src is empty"
            } else {
                "this image has no src"
            };
            let help = match img.lazy {
                Some(attr) => format!(
                    "the file is only in {attr}, which a script has to copy into src: put it in src and add loading=\"lazy\" for the browser's own lazy loading"
                ),
                None => "set src to the image file (and srcset for other sizes)".into(),
            };
            Diagnostic::new(img.tag, message).help(help)
        })
        .collect()
}
