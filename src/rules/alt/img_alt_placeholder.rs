//! Alt text that is only a generic word such as "image" or "photo". It
//! tells the reader that there is a picture, not what it shows.

use crate::diagnostic::{Diagnostic, Severity};
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
    let key = crate::a11y::normalize(alt)
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase();
    let key = ["a ", "an ", "the "]
        .iter()
        .find_map(|article| key.strip_prefix(article))
        .unwrap_or(&key);
    PLACEHOLDERS.contains(&key)
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images_with_alt()
        .filter(|(_, alt)| is_placeholder(alt.value))
        .map(|(_, alt)| {
            Diagnostic::new(
                alt.span,
                format!(
                    "the alt text \"{}\" does not say what the picture shows",
                    alt.value.trim()
                ),
            )
            .help("describe who or what is in the picture, or use alt=\"\" if it is decorative")
        })
        .collect()
}
