//! Image and caption files presslint had no place to look for: the article
//! uses site paths (`/gc4/images/…`, `../media/…`) and no asset root is
//! known, as when a page is saved without the site around it. Reported
//! once per file, at the first such reference, rather than as a missing
//! file per image: the files may well exist, presslint cannot tell.

use crate::article::Image;
use crate::assets::Asset;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::files::shown;
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "assets-unresolved",
    group: "image",
    severity: Severity::Info,
    summary: "Image or caption files were not checked: no asset root is known for their paths",
    doc: include_str!("../../../rules/assets-unresolved.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    // Each image judged once, however many references it has.
    let unneeded: Vec<bool> = ctx.article.images.iter().map(|i| unneeded(ctx, i)).collect();
    let images = super::references(ctx)
        .filter(|r| !(is_stand_in(r.url) || r.image.is_some_and(|i| unneeded[i])))
        .filter(|r| matches!(ctx.assets.image(r.url), Asset::Unresolved))
        .map(|r| (r.span, r.url));
    let tracks = ctx
        .article
        .tracks
        .iter()
        .filter_map(|t| t.src)
        .filter(|s| matches!(ctx.assets.track(s.url()), Asset::Unresolved))
        .map(|s| (s.span, s.url()));
    let mut unresolved: Vec<_> = images.chain(tracks).collect();
    unresolved.sort_by_key(|(span, _)| span.start);
    let Some(&(first, url)) = unresolved.first() else {
        return Vec::new();
    };
    let count = unresolved.len();
    let what = if count == 1 {
        format!("{} was not checked", shown(url))
    } else {
        format!("{count} image and caption file references (the first: {}) were not checked", shown(url))
    };
    vec![
        Diagnostic::new(first, format!("{what}: no asset root is known and no folder around the article holds the path"))
            .help("point presslint at the site's files: `assets = [\"public\"]` in presslint.toml (the folder that holds the paths' first segment), or --assets DIR"),
    ]
}

/// Nothing a reader needs, whether its file is there or not: a tracking
/// pixel (`/logger/p.gif`), an ad's image, or a spacer a script swaps for
/// the picture (`Blank.gif`, `leer.gif`).
fn unneeded(ctx: &Context, img: &Image) -> bool {
    ctx.article.is_tracking_pixel(img) || img.vendor || ctx.article.is_spacer(img)
}

/// A stand-in a script replaces, named so (`/icons/native-ad-placeholder.png`).
fn is_stand_in(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    crate::a11y::word_parts(file).any(|w| w == "placeholder")
}
