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

/// The opening words: "Photo of…", "An image of…".
const OPENING: &str = r"^\s*(?:an?\s+|the\s+)?(?:image|photo|photograph|picture|graphic|pic)\s+of\b";

/// The closing word: "…, AFP photo", "…in a file photo.".
const CLOSING: &str = r"\b(?:image|photo)\s*[.!]?\s*$";

static REDUNDANT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){OPENING}|{CLOSING}")).expect("valid regex"));

/// Only the opening words, for a page in French, where "photo" and
/// "image" after a noun make one word with it ("livre photo", a photo
/// book; "appareil photo", a camera).
static REDUNDANT_OPENING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){OPENING}")).expect("valid regex"));

/// A link's action on the picture ("Click to enlarge photo", "View full
/// image"): the alt names what the link opens, the picture's larger
/// version, and "photo" is the object of its verb, not a label.
static LINK_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:click|tap)(?:\s+here)?\s+to\s+)?(?:enlarge|view|see|open|zoom(?:\s+in\s+on)?|expand|download|show|magnify)\b[\w\s-]{0,30}?\b(?:image|photo)\s*[.!]?\s*$",
    )
    .expect("valid regex")
});

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let french = ctx.article.document.lang.as_ref().is_some_and(|lang| {
        lang.value
            .trim()
            .get(..2)
            .is_some_and(|code| code.eq_ignore_ascii_case("fr"))
    });
    let pattern = if french {
        &*REDUNDANT_OPENING
    } else {
        &*REDUNDANT
    };
    ctx.article
        .images_with_alt()
        // Inside a link or button named by its own aria-label, the alt is
        // not read out, so its words are not heard twice.
        .filter(|(img, _)| !img.alt_overridden)
        .filter(|(_, alt)| !super::img_alt_placeholder::is_placeholder(alt.value))
        .filter(|(img, alt)| img.link.is_none() || !LINK_ACTION.is_match(alt.value))
        .filter_map(|(_, alt)| {
            let found = pattern.find(alt.value)?;
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
