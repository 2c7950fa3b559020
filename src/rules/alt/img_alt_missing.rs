//! An image with no `alt` attribute and no other accessible name. Screen
//! readers fall back to announcing the file name, or skip the picture
//! without saying anything was there.

use crate::article::{Image, Syntax};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-missing",
    group: "alt",
    severity: Severity::Error,
    summary: "An image has no alt attribute and no other accessible name",
    doc: include_str!("../../../rules/img-alt-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article.exposed_images()
        // An ad's image is the ad network's markup, not the article's.
        .filter(|img| {
            img.alt.is_none() && !img.presentational && !img.aria_named && !img.titled && !img.advert
        })
        .map(|img| {
            let help = match img.syntax {
                Syntax::Html if tracking_pixel(ctx, img) => "this is a spacer or tracking pixel, not a picture: add alt=\"\" (or aria-hidden=\"true\") so screen readers skip it",
                Syntax::Html => "add alt=\"…\" saying what the picture shows, or alt=\"\" if it is purely decorative",
                Syntax::Markdown => "write what the picture shows between the brackets: ![A crowd outside the court …](…)",
                Syntax::Shortcode => "add alt=\"…\" to the shortcode saying what the picture shows",
                Syntax::FrontMatter => "add image_alt to the front matter saying what the picture shows",
            };
            Diagnostic::new(img.tag, "this image has no alt text").help(help)
        })
        .collect()
}

/// A spacer or tracking pixel: declared at most 2×2, or not declared
/// larger and served from a beacon path (`/pixel…`, `/beacon…`,
/// `facebook.com/tr`, Adobe's `/b/ss/`).
fn tracking_pixel(ctx: &Context<'_>, img: &Image<'_>) -> bool {
    let small = |d: Option<f64>| d.is_some_and(|d| d <= 2.0);
    let large = |d: Option<f64>| d.is_some_and(|d| d > 2.0);
    if small(img.width_px()) && small(img.height_px()) {
        return true;
    }
    !large(img.width_px())
        && !large(img.height_px())
        && ctx.article.references_of(img).any(|r| {
            let url = r.url.to_ascii_lowercase();
            // The path, after any scheme and host.
            let path = match url.find("//") {
                Some(i) => url[i + 2..].find('/').map_or("", |j| &url[i + 2 + j..]),
                None => url.as_str(),
            };
            ["/pixel", "beacon", "/b/ss/"].iter().any(|m| path.contains(m))
                || url.contains("facebook.com/tr")
        })
}
