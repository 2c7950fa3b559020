//! An `<img>` without `width` and `height` attributes (and no inline CSS
//! `aspect-ratio`): the browser cannot reserve its space, so the text jumps
//! when the picture arrives (layout shift, one of Google's Core Web
//! Vitals), and a reader loses their place or taps the wrong link.
//!
//! The fix (`presslint check --fix`) writes the file's own size into the
//! start tag; with CSS `height: auto` the picture still scales.

use super::{found, picture_of};
use crate::article::{Attr, Image, Slot};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity, Span};
use crate::rules::{Context, Fixable, Rule};

pub static RULE: Rule = Rule {
    id: "img-unsized",
    group: "image",
    severity: Severity::Warning,
    summary: "An image has no width and height attributes, so the page shifts as it loads",
    doc: include_str!("../../../rules/img-unsized.md"),
    check,
    needs_files: true,
    fix: Fixable::Safe,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images
        .iter()
        // Markdown images cannot say their size: the renderer does.
        .filter(|img| img.rendered && img.sizable())
        // An ad network's or a video widget's markup is the vendor's.
        .filter(|img| !img.vendor)
        // A tracking pixel moves the page by a pixel at most.
        .filter(|img| !ctx.article.is_tracking_pixel(img))
        // A spacer GIF stays a pixel or two, or takes the size of the
        // sprite a style sheet draws on it (unless its file, read, is a
        // picture).
        .filter(|img| {
            !ctx.article.is_spacer(img)
                || picture_of(ctx, img)
                    .and_then(|i| i.display_size())
                    .is_some_and(|(w, h)| w > 2 || h > 2)
        })
        // A spinner stands in while a script loads what replaces it.
        .filter(|img| !ctx.article.is_spinner(img))
        // A live count badge is as wide as a count the page cannot know.
        .filter(|img| !ctx.article.is_live_count(img))
        // An image with no address at all yet (no `src`, or `src=""` in a
        // `javascript:` link) has no picture to size until a script gives
        // it one; one whose address is a pattern (`photo-{{size}}.jpg`)
        // has, and it shifts the page.
        .filter(|img| !img.references.is_empty())
        .filter(|img| !written_in_page(ctx, img))
        .filter_map(|img| {
            if (img.width_px().is_some() && img.height_px().is_some())
                || img.styled_size
                || img.sheet_sized
                || img.boxed
                || img.component_sized
            {
                return None;
            }
            let size = picture_of(ctx, img).and_then(|i| i.display_size());
            let mut diagnostic = Diagnostic::new(img.tag, message(img));
            match size.and_then(|s| fix(img, s)) {
                Some(fix) => {
                    diagnostic = diagnostic
                        .help(format!(
                            "add{} so the browser keeps room for the picture while it loads (`presslint check --fix` does this)",
                            fix.edits[0].text
                        ))
                        .fix(fix);
                }
                None => {
                    diagnostic = diagnostic.help(
                        "add width and height attributes with the image's size in pixels (or any size with the same proportions) so the browser keeps room for it while it loads",
                    );
                }
            }
            Some(diagnostic)
        })
        .collect()
}

/// What is wrong with the image's size attributes: missing, or there but
/// not a size in pixels (`height="auto"`, `width="100%"`).
fn message(img: &Image<'_>) -> String {
    let width = size_attr("width", img.width.as_ref(), img.width_px());
    let height = size_attr("height", img.height.as_ref(), img.height_px());
    let say = |attr: &Option<Result<(), String>>, name: &str| match attr {
        Some(Err(problem)) => problem.clone(),
        _ => format!("no {name} attribute"),
    };
    match (&width, &height) {
        (None, None) => "this image has no width and height attributes".into(),
        (Some(Ok(())), _) => format!("this image has a width but {}", say(&height, "height")),
        (_, Some(Ok(()))) => format!("this image has a height but {}", say(&width, "width")),
        _ => format!(
            "this image has {} and {}",
            say(&width, "width"),
            say(&height, "height")
        ),
    }
}

/// The most characters of an attribute's value a message repeats.
const SHOWN_VALUE: usize = 24;

/// A size attribute: absent (`None`), a size in pixels (`Ok`), or there
/// but not a size (`Err`, saying what it holds).
fn size_attr(name: &str, attr: Option<&Attr<'_>>, px: Option<f64>) -> Option<Result<(), String>> {
    let attr = attr?;
    Some(match px {
        Some(_) => Ok(()),
        None if attr.value.trim().is_empty() => Err(format!("an empty {name}")),
        None => {
            let value = attr.value.trim();
            let shown: String = value.chars().take(SHOWN_VALUE).collect();
            let cut = if shown.len() < value.len() { "…" } else { "" };
            Err(format!(
                "a {name} of \"{shown}{cut}\" (not a size in pixels)"
            ))
        }
    })
}

/// A picture written into the page as `data:` URIs only (no `srcset` or
/// lazy address elsewhere), whose file gives its size: nothing is
/// fetched, browsers load such an image as they read the tag, and the
/// size is there before the first layout (Lighthouse leaves the SVG ones
/// out for that reason). An SVG with only a `viewBox` has proportions but
/// no size, and is still reported.
fn written_in_page(ctx: &Context, img: &Image<'_>) -> bool {
    let references = || ctx.article.references_of(img);
    references().next().is_some()
        && references().all(|r| r.is_data_uri())
        && references()
            .find(|r| r.slot == Slot::Src)
            .and_then(|r| found(ctx.assets, r.url))
            .is_some_and(|i| i.size.is_some() && !i.proportions_only)
}

/// Add the missing attributes, in the file's proportions.
fn fix(img: &Image<'_>, (w, h): (u32, u32)) -> Option<Fix> {
    if w == 0 || h == 0 {
        return None;
    }
    let attrs = match (
        img.width.map(|_| img.width_px()),
        img.height.map(|_| img.height_px()),
    ) {
        (None, None) => format!(" width=\"{w}\" height=\"{h}\""),
        (Some(Some(dw)), None) => {
            format!(" height=\"{}\"", (dw * f64::from(h) / f64::from(w)).round())
        }
        (None, Some(Some(dh))) => {
            format!(" width=\"{}\"", (dh * f64::from(w) / f64::from(h)).round())
        }
        // A width or height that is there but not a number: leave it to a person.
        _ => return None,
    };
    Some(Fix {
        title: "add width and height from the image file".into(),
        edits: vec![Edit {
            span: Span::empty(img.insert_at?),
            text: attrs,
        }],
    })
}
