//! Two different images in one article with the same alt text. A reader
//! who cannot see them cannot tell them apart.

use std::collections::HashMap;

use crate::a11y::normalize;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-duplicate",
    group: "alt",
    severity: Severity::Warning,
    summary: "Two different images share the same alt text",
    doc: include_str!("../../../rules/img-alt-duplicate.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut first_seen = HashMap::new();
    let mut out = Vec::new();
    for (img, alt) in super::images_with_alt(ctx.doc) {
        let key = normalize(alt).to_lowercase();
        // Lazy-loaded images keep their real address in data-src, behind
        // a placeholder (often a data: URI) in src.
        let src = ["src", "data-src", "srcset", "data-srcset"]
            .iter()
            .filter_map(|a| img.value().attr(a))
            .map(str::trim)
            .find(|s| !s.is_empty() && !s.starts_with("data:"))
            .unwrap_or("");
        match first_seen.get(&key) {
            None => {
                first_seen.insert(key, (img, src));
            }
            Some(&(first, first_src)) if first_src != src => {
                out.push(
                    Diagnostic::new(
                        ctx.doc.attr_span(img, "alt"),
                        "this alt text is the same as another image's",
                    )
                    .help("say what is different about this picture")
                    .label(ctx.doc.attr_span(first, "alt"), "first used here"),
                );
            }
            Some(_) => {}
        }
    }
    out
}
