//! An image with no `alt` attribute and no other accessible name. Screen
//! readers fall back to announcing the file name, or skip the picture
//! without saying anything was there.

use crate::article::Syntax;
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
            img.alt.is_none() && !img.presentational && !img.aria_named && !img.titled && !img.vendor
        })
        // A slot with no address at all, outside any link or button: a
        // script puts a picture there when a panel opens or a reader signs
        // in (a QR code's popup, a viewer's frame, an avatar); until then
        // nothing is drawn. In a link or button it is the control's icon
        // (a sprite drawn by the style sheet) and names it.
        .filter(|img| !(img.references.is_empty() && img.link.is_none() && !img.in_button))
        .map(|img| {
            let help = match img.syntax {
                Syntax::Html if ctx.article.is_tracking_pixel(img) => "this is a spacer or tracking pixel, not a picture: add alt=\"\" (or aria-hidden=\"true\") so screen readers skip it",
                Syntax::Html => "add alt=\"…\" saying what the picture shows, or alt=\"\" if it is purely decorative",
                Syntax::Markdown => "write what the picture shows between the brackets: ![A crowd outside the court …](…)",
                Syntax::Chunk => "add fig.alt=\"…\" to the chunk (#| fig-alt: \"…\" in Quarto) saying what the picture shows",
                Syntax::Pandoc => "add fig-alt=\"…\" saying what the picture shows: ![Caption](…){fig-alt=\"A crowd outside the court …\"}",
                Syntax::Directive => "add an :alt: option to the directive saying what the picture shows",
                Syntax::Shortcode => "add alt=\"…\" to the shortcode saying what the picture shows",
                Syntax::Include => "add alt=\"…\" to the include saying what the picture shows",
                Syntax::FrontMatter => "add image_alt to the front matter saying what the picture shows",
            };
            Diagnostic::new(img.tag, "this image has no alt text").help(help)
        })
        .collect()
}
