//! Alt text that starts with "image of", "photo of"… or ends with "image" or
//! "photo". Screen readers already announce that an image follows, so the
//! reader hears it twice.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-redundant-words",
    group: "alt",
    severity: Severity::Warning,
    summary: "Alt text starts with \"image of\", \"photo of\"… or ends with \"image\"/\"photo\"",
    doc: include_str!("../../../rules/img-alt-redundant-words.md"),
    options: &[],
    check,
};

static REDUNDANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:an?\s+|the\s+)?(?:image|photo|photograph|picture|graphic|pic)\s+of\b|\b(?:image|photo)\s*[.!]?\s*$",
    )
    .expect("valid regex")
});

fn check(ctx: &Context) -> Vec<Diagnostic> {
    super::images_with_alt(ctx.doc)
        .filter(|(_, alt)| !super::img_alt_placeholder::is_placeholder(alt))
        .filter_map(|(img, alt)| {
            let found = REDUNDANT.find(alt)?;
            let value = ctx.doc.attr_span(img, "alt");
            let words = found.as_str().trim();
            Some(
                Diagnostic::new(
                    narrow(ctx, value, alt, found.start(), found.end()),
                    format!("\"{words}\" is redundant: screen readers already say it is an image"),
                )
                .help("remove the words and start with what the picture shows"),
            )
        })
        .collect()
}

/// Point at the matched words when the alt is written without character
/// references (so the decoded text and the source line up byte for byte).
fn narrow(ctx: &Context, value: Span, alt: &str, start: usize, end: usize) -> Span {
    let raw = ctx.doc.source_text(value);
    if raw == Some(alt) {
        let lead = alt[start..end].len() - alt[start..end].trim_start().len();
        let trail = alt[start..end].len() - alt[start..end].trim_end().len();
        Span::new(value.start + start + lead, value.start + end - trail)
    } else {
        value
    }
}
