//! Alt text that is only a generic word such as "image" or "photo". It
//! tells the reader that there is a picture, not what it shows.

use crate::article::Picture;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-placeholder",
    group: "alt",
    severity: Severity::Warning,
    summary: "Alt text is only a generic word such as \"image\" or \"photo\"",
    doc: include_str!("../../../rules/img-alt-placeholder.md"),
    check,
    ..Rule::DEFAULTS
};

const PLACEHOLDERS: &[&str] = &[
    "image",
    "images",
    "img",
    "photo",
    "photos",
    "photograph",
    "picture",
    "pic",
    "graphic",
    "untitled",
    "untitled image",
    "spacer",
    "placeholder",
    "image placeholder",
    "thumbnail",
    "thumb",
    "blank",
    "alt",
    "alt text",
    "alternative text",
    "default",
    "null",
    "undefined",
    "featured image",
    "lead image",
    "main image",
    "hero image",
    "header image",
    "article image",
    "image description",
    "insert alt text",
    "add alt text",
    "no description",
    "thumbnail photo",
    "thumbnail image",
    "image for post",
    "article thumb",
    "article thumbnail",
    "post thumbnail",
    "video player loading",
    // The same words in the corpus's other languages.
    "bild",
    "foto",
    "imagen",
    "imagem",
    "immagine",
    "画像",
    "写真",
    "写真・図版",
    "サムネイル",
    "サムネイル写真",
    "图片",
    "圖片",
];

/// The alt, lowercased, without surrounding punctuation and whitespace and
/// without a leading article ("An image"), is a generic word.
pub fn is_placeholder(alt: &str) -> bool {
    // `article_thumb`, `featured-image`: a template's name for the slot.
    let key = crate::a11y::normalize(&alt.replace(['_', '-'], " "))
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase();
    let key = ["a ", "an ", "the "]
        .iter()
        .find_map(|article| key.strip_prefix(article))
        .unwrap_or(&key);
    PLACEHOLDERS.contains(&key)
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    // A picture drawn twice in a row, a blurred preview and then the full
    // image in its place (`…/max/60/a.png?q=20`, then `…/max/1400/a.png`),
    // is one picture to the reader: reported once, at the last (the full
    // image).
    let mut previous: Option<(Span, Picture)> = None;
    let mut out = Vec::new();
    for (img, alt) in ctx.article.images_with_alt() {
        if !is_placeholder(alt.value) || names_its_icon(ctx, img, alt.value) {
            previous = None;
            continue;
        }
        let picture = ctx.article.picture(img);
        let again = previous.as_ref().is_some_and(|(tag, p)| {
            p.shares_a_file(&picture) && in_a_row(ctx, *tag, img.tag)
        });
        previous = Some((img.tag, picture));
        if again {
            out.pop();
        }
        out.push(
            Diagnostic::new(
                alt.span,
                format!(
                    "the alt text \"{}\" does not say what the picture shows",
                    alt.value.trim()
                ),
            )
            .help("describe who or what is in the picture, or use alt=\"\" if it is decorative"),
        );
    }
    out
}

/// The most pixels each way of an icon whose alt may name what it marks.
const ICON_PX: f64 = 32.0;

/// A small icon that marks a kind of content, whose file is named for it
/// (`alt="photo"` on a 17 × 12 `cp_photo.gif` beside a photo story's
/// link): the word is what the icon shows.
fn names_its_icon(ctx: &Context, img: &crate::article::Image<'_>, alt: &str) -> bool {
    let small = |d: Option<f64>| d.is_some_and(|d| d <= ICON_PX);
    let word = alt.trim().to_lowercase();
    small(img.width_px())
        && small(img.height_px())
        && ctx.article.references_of(img).any(|r| {
            let path = r.url.split(['?', '#']).next().unwrap_or_default();
            let name = path.rsplit('/').next().unwrap_or_default();
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            crate::a11y::word_parts(stem).any(|w| w == word)
        })
}

/// Nothing comes between two images but wrappers closing and opening: no
/// text, and no link, list item or figure starting another item.
fn in_a_row(ctx: &Context, first: Span, second: Span) -> bool {
    let Some(between) = ctx.article.source_text(Span {
        start: first.end,
        end: second.start,
    }) else {
        return false;
    };
    let mut rest = between;
    while let Some(open) = rest.find('<') {
        if !rest[..open].trim().is_empty() {
            return false;
        }
        let Some(close) = rest[open..].find('>') else {
            return false;
        };
        let tag = rest[open + 1..open + close].to_ascii_lowercase();
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        if matches!(name, "a" | "li" | "figure" | "article" | "img" | "p") {
            return false;
        }
        rest = &rest[open + close + 1..];
    }
    rest.trim().is_empty()
}
