//! Alt text that starts with "image of", "photo of"… or ends with "image" or
//! "photo". Screen readers already announce that an image follows, so the
//! reader hears it twice.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-redundant-words",
    group: "alt",
    severity: Severity::Warning,
    summary: "Alt text starts with \"image of\", \"photo of\"… or ends with \"image\"/\"photo\"",
    doc: include_str!("../../../rules/img-alt-redundant-words.md"),
    check,
    ..Rule::DEFAULTS
};

static REDUNDANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:an?\s+|the\s+)?(?:image|photo|photograph|picture|graphic|pic)\s+of\b|\b(?:image|photo)\s*[.!]?\s*$",
    )
    .expect("valid regex")
});

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images_with_alt()
        // Inside a link or button named by its own aria-label, the alt is
        // not read out, so its words are not heard twice.
        .filter(|(img, _)| !img.alt_overridden)
        .filter(|(_, alt)| !super::img_alt_placeholder::is_placeholder(alt.value))
        .filter_map(|(_, alt)| {
            let found = REDUNDANT.find(alt.value)?;
            let matched = found.as_str();
            let words = matched.trim();
            // Point at the words themselves, without the spaces around them.
            let start = found.start() + (matched.len() - matched.trim_start().len());
            let end = found.end() - (matched.len() - matched.trim_end().len());
            Some(
                Diagnostic::new(
                    alt.narrow(start, end),
                    format!("\"{words}\" is redundant: screen readers already say it is an image"),
                )
                .help("remove the words and start with what the picture shows"),
            )
        })
        .collect()
}
