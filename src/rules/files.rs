//! How rules about files (images, caption tracks) name them and what was
//! found, so every message says it the same way.

use crate::article::{Image, Syntax};
use crate::assets::{Asset, ImageInfo};

/// The help for alt text that is the picture's whole caption, if it is: a
/// Markdown image whose alt holds the caption and its credit, or a Pandoc
/// figure with no `fig-alt`, whose caption Pandoc writes into the alt.
pub fn caption_in_alt(img: &Image<'_>) -> Option<&'static str> {
    img.caption_in_alt.then_some(match img.syntax {
        Syntax::Pandoc => "Pandoc writes this figure's caption into its alt text: add fig-alt=\"…\" saying what the picture shows, and keep the caption between the brackets",
        Syntax::Chunk => "knitr writes the chunk's fig.cap into the picture's alt text: add fig.alt=\"…\" (#| fig-alt: \"…\" in Quarto) saying what the picture shows",
        _ => "this alt text is the picture's caption: move it out of the alt into a caption under the picture (an emphasised line: *… [Name/Agency]*), and write in the alt what the picture shows",
    })
}

/// How to name a reference in a message: the URL, shortened; a `data:`
/// URI by its media type.
pub fn shown(url: &str) -> String {
    if let Some(rest) = url
        .get(..5)
        .filter(|s| s.eq_ignore_ascii_case("data:"))
        .and_then(|_| url.get(5..))
    {
        let media = rest.split([';', ',']).next().unwrap_or_default();
        return if media.is_empty() {
            "this data: URI".into()
        } else {
            format!("this data: URI ({media})")
        };
    }
    let short: String = url.chars().take(100).collect();
    if short.len() < url.len() {
        format!("`{short}…`")
    } else {
        format!("`{url}`")
    }
}

/// "…, tried fixtures/images/a.jpg" or the list of paths tried.
pub fn tried(paths: &[String]) -> String {
    match paths {
        [] => String::new(),
        [one] => format!("tried {one}"),
        many => format!("tried {}", many.join(", ")),
    }
}

/// `1.2 MB`, `640 KB`, `900 bytes` (SI units, as file managers show them).
pub fn human_bytes(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1000 {
        format!("{} KB", bytes / 1000)
    } else {
        format!("{bytes} bytes")
    }
}

/// A missing or refused reference, for the rules that report them.
pub fn unreachable_message<T>(url: &str, asset: &Asset<T>) -> Option<String> {
    match asset {
        Asset::Missing { tried: paths } => {
            Some(format!("{} does not exist ({})", shown(url), tried(paths)))
        }
        Asset::Refused { reason } => Some(format!(
            "{} {reason}; presslint did not read it",
            shown(url)
        )),
        _ => None,
    }
}

/// The found, readable image behind a reference.
pub fn found_image<'a>(assets: &'a crate::assets::Assets, url: &str) -> Option<&'a ImageInfo> {
    assets.image_info(url).filter(|i| i.broken.is_none())
}
