//! Two different images in one article with the same alt text. A reader
//! who cannot see them cannot tell them apart.

use std::collections::HashMap;

use crate::a11y::normalize;
use crate::article::{Image, Slot};
use crate::diagnostic::{Diagnostic, Severity};
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
    let mut first_seen = HashMap::new();
    let mut out = Vec::new();
    for (img, alt) in ctx.article.images_with_alt() {
        let key = normalize(alt.value).to_lowercase();
        let src = address(ctx, img);
        match first_seen.get(&key) {
            None => {
                first_seen.insert(key, (alt.span, src));
            }
            Some(&(first, first_src)) if first_src != src => {
                out.push(
                    Diagnostic::new(alt.span, "this alt text is the same as another image's")
                        .help("say what is different about this picture")
                        .label(first, "first used here"),
                );
            }
            Some(_) => {}
        }
    }
    out
}

/// The picture's address: its `src`, else its lazy-loading address (kept
/// behind a placeholder, often a data: URI, in `src`), else its first
/// `srcset` candidate; empty when it has none.
fn address<'a>(ctx: &Context<'a>, img: &Image<'a>) -> &'a str {
    let refs = || ctx.article.references_of(img).filter(|r| !r.is_data_uri());
    refs()
        .find(|r| r.slot == Slot::Src)
        .or_else(|| refs().find(|r| matches!(r.slot, Slot::Lazy(_))))
        .or_else(|| refs().next())
        .map_or("", |r| r.url)
}
