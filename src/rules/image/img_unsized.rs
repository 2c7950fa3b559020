//! An `<img>` without `width` and `height` attributes (and no inline CSS
//! `aspect-ratio`): the browser cannot reserve its space, so the text jumps
//! when the picture arrives (layout shift, one of Google's Core Web
//! Vitals), and a reader loses their place or taps the wrong link.
//!
//! The fix (`presslint check --fix`) writes the file's own size into the
//! start tag; with CSS `height: auto` the picture still scales.

use scraper::ElementRef;

use super::{dimension, picture_of, rendered, style};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::html::Document;
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-unsized",
    group: "image",
    severity: Severity::Warning,
    summary: "An image has no width and height attributes, so the page shifts as it loads",
    doc: include_str!("../../../rules/img-unsized.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .elements_named("img")
        .filter(|img| rendered(ctx.doc, *img))
        .filter_map(|img| {
            let width = dimension(img, "width");
            let height = dimension(img, "height");
            let has = |name| img.value().attr(name).is_some();
            if (width.is_some() && height.is_some()) || styled_size(img) {
                return None;
            }
            let size = picture_of(ctx.assets, img).and_then(|i| i.display_size());
            let message = match (has("width"), has("height")) {
                (true, false) => "this image has a width but no height attribute",
                (false, true) => "this image has a height but no width attribute",
                _ => "this image has no width and height attributes",
            };
            let mut diagnostic = Diagnostic::new(ctx.doc.tag_span(img), message);
            match size.and_then(|s| fix(ctx.doc, img, s)) {
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

/// Inline CSS that fixes the box's shape: `aspect-ratio`, or both a width
/// and a height in absolute units.
fn styled_size(img: ElementRef<'_>) -> bool {
    let fixed = |v: Option<String>| {
        v.is_some_and(|v| {
            v != "auto" && !v.contains('%') && v.starts_with(|c: char| c.is_ascii_digit())
        })
    };
    style(img, "aspect-ratio").is_some_and(|v| v != "auto")
        || (fixed(style(img, "width")) && fixed(style(img, "height")))
}

/// Insert the missing attribute(s) just after the last attribute of the
/// start tag, taken from the file's displayed size (scaled to a declared
/// width or height when one is there).
fn fix(doc: &Document, img: ElementRef<'_>, (w, h): (u32, u32)) -> Option<Fix> {
    if w == 0 || h == 0 {
        return None;
    }
    let attrs = match (
        img.value().attr("width").map(|_| dimension(img, "width")),
        img.value().attr("height").map(|_| dimension(img, "height")),
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
    let at = insertion_point(doc, img)?;
    Some(Fix {
        title: "add width and height from the image file".into(),
        edits: vec![Edit {
            span: crate::diagnostic::Span::empty(at),
            text: attrs,
        }],
    })
}

/// Where new attributes go: before the `>` (or a self-closing `/>`) of
/// the start tag, after any whitespace that precedes it.
pub fn insertion_point(doc: &Document, img: ElementRef<'_>) -> Option<usize> {
    let spans = doc.spans(img)?;
    if spans.implied {
        return None;
    }
    let tag = spans.tag;
    let bytes = doc.source().as_bytes();
    if tag.end <= tag.start + 1 || bytes.get(tag.end - 1) != Some(&b'>') {
        return None;
    }
    let mut at = tag.end - 1;
    // In `<img src=a/>` the slash belongs to the unquoted value.
    let slash_in_value = spans
        .attrs
        .iter()
        .any(|a| a.value_span.is_some_and(|v| v.end == at));
    if !slash_in_value && bytes[at - 1] == b'/' {
        at -= 1;
    }
    while at > tag.start && bytes[at - 1].is_ascii_whitespace() {
        at -= 1;
    }
    Some(at)
}
