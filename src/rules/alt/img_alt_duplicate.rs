//! Two different images in one article with the same alt text. A reader
//! who cannot see them cannot tell them apart.

use std::collections::{HashMap, HashSet};
use std::collections::hash_map::Entry;

use crate::a11y::normalize;
use crate::article::Pictures;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-duplicate",
    group: "alt",
    severity: Severity::Warning,
    summary: "Two different images share the same alt text",
    doc: include_str!("../../../rules/img-alt-duplicate.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    // A generic word says nothing of any picture (img-alt-placeholder
    // reports it), nor does a file name or URL (img-alt-filename does), and
    // a site's address names the site, not a picture.
    // An alt a link's or button's aria-label overrides is not heard, and a
    // spacer or tracking pixel shows nothing.
    let images: Vec<_> = ctx
        .article
        .images_with_alt()
        .filter(|(img, alt)| {
            !(super::img_alt_placeholder::is_placeholder(alt.value)
                || img.alt_is_file_name()
                || is_host_name(alt.value)
                || names_a_kind(alt.value)
                || img.alt_overridden
                // A button's icon: its alt names what the button does, as
                // another button's may ("Next" on two carousels).
                || img.in_button
                || img.is_pixel())
        })
        .map(|(img, alt)| (img, alt, ctx.article.picture(img)))
        .collect();
    // The alt texts each file of a linked mark is shown with.
    let mut alts_of_file: HashMap<&str, HashSet<String>> = HashMap::new();
    for (img, alt, picture) in &images {
        if img.mark && img.link.is_some() {
            for file in picture.files() {
                alts_of_file
                    .entry(file)
                    .or_default()
                    .insert(normalize(alt.value).to_lowercase());
            }
        }
    }
    // A linked mark whose file the page shows under other alt texts too (a
    // comment's website icon, alted with each commenter's name) is a
    // glyph: its alt names where the link leads, not the picture.
    let glyphs: Vec<bool> = images
        .iter()
        .map(|(img, _, picture)| {
            img.mark
                && img.link.is_some()
                && picture
                    .files()
                    .any(|f| alts_of_file.get(f).is_some_and(|alts| alts.len() > 1))
        })
        .collect();
    // Alt text → where it was first used, and the pictures it was used for.
    let mut seen: HashMap<String, (Span, Pictures)> = HashMap::new();
    let mut out = Vec::new();
    for ((_, alt, picture), glyph) in images.into_iter().zip(glyphs) {
        if glyph {
            continue;
        }
        match seen.entry(normalize(alt.value).to_lowercase()) {
            Entry::Vacant(entry) => {
                let mut pictures = Pictures::default();
                pictures.add(picture);
                entry.insert((alt.span, pictures));
            }
            Entry::Occupied(mut entry) => {
                let (first, pictures) = entry.get_mut();
                if !pictures.shows(&picture) {
                    out.push(
                        Diagnostic::new(alt.span, "this alt text is the same as another image's")
                            .help("say what is different about this picture")
                            .label(*first, "first used here"),
                    );
                }
                pictures.add(picture);
            }
        }
    }
    out
}

/// Alt text that names what kind of thing the image is for, beside the
/// name or words it goes with: a commenter's or author's avatar, a
/// template's portal icon, an ad label's "Advertisement". Each copy is
/// right where it is; none tells one picture from another.
fn names_a_kind(alt: &str) -> bool {
    let key = normalize(alt).trim_matches(|c: char| c.is_ascii_punctuation()).to_lowercase();
    KIND_LABELS.contains(&key.as_str())
}

const KIND_LABELS: &[&str] = &[
    "avatar",
    "user avatar",
    "author avatar",
    "profile picture",
    "profile photo",
    "profile image",
    "portal icon",
    "advertisement",
    "advertising",
    "anzeige",
    "publicidad",
    "publicité",
];

/// Alt text that is only a host name: `sciencefly.com`, `www.example.co.uk`.
fn is_host_name(alt: &str) -> bool {
    let alt = alt.trim().trim_end_matches('/');
    let alt = alt
        .strip_prefix("https://")
        .or_else(|| alt.strip_prefix("http://"))
        .unwrap_or(alt);
    let labels: Vec<&str> = alt.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::is_host_name;

    #[test]
    fn host_names() {
        assert!(is_host_name("sciencefly.com"));
        assert!(is_host_name("www.example.co.uk"));
        assert!(!is_host_name("Pi 3.14"));
        assert!(!is_host_name("A flooded street in Porto Alegre."));
        assert!(!is_host_name("Dr. Smith"));
    }

    #[test]
    fn kinds_of_element() {
        assert!(super::names_a_kind("Avatar"));
        assert!(super::names_a_kind("User avatar"));
        assert!(super::names_a_kind("advertisement"));
        assert!(!super::names_a_kind("Jane Doe's avatar"));
    }
}
