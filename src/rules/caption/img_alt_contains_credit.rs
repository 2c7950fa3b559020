//! A credit line inside alt text ("Photo: Name/AFP"). Screen readers read
//! it as part of what the picture shows; the credit belongs in the caption,
//! where every reader sees it.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};
use crate::text;

pub static RULE: Rule = Rule {
    id: "img-alt-contains-credit",
    group: "caption",
    severity: Severity::Warning,
    summary: "An image's alt text contains a photo credit",
    doc: include_str!("../../../rules/img-alt-contains-credit.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images_with_alt()
        // An alt that is a file name is img-alt-filename's finding.
        .filter(|(img, _)| !img.alt_is_file_name())
        .filter_map(|(img, alt)| {
            let found = text::strong_credit(alt.value)?;
            // "© Quanta Magazine" on a logo names the logo.
            if img.mark && found.kind == "copyright" {
                return None;
            }
            // Sites prefix alt text with "Image:" to label the description
            // that follows; in a caption it would introduce a credit.
            let label = alt.value[found.start..].split_once(':').map(|(l, _)| l.trim());
            if found.start == 0 && label.is_some_and(|l| matches!(l.to_lowercase().as_str(), "image" | "picture")) {
                return None;
            }
            // A picture of a copyright line (a footer's `copyright.png`)
            // whose alt is the notice it shows: the alt transcribes it.
            let rest = alt.value.get(found.end..).unwrap_or("");
            if img.of_text
                && found.kind == "copyright"
                && alt.value[..found.start].trim().is_empty()
                && rest.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation()).is_empty()
            {
                return None;
            }
            // "Image from Channel 1 TV showing Varvara Karaulova": where the
            // picture comes from opens the description of what it shows (a
            // still of a broadcast), not a credit line.
            if found.kind == "from"
                && found.start == 0
                && rest.split_whitespace().any(|w| {
                    matches!(w.to_lowercase().as_str(), "showing" | "shows" | "depicting" | "depicts")
                })
            {
                return None;
            }
            Some(
                Diagnostic::new(
                    alt.span,
                    format!(
                        "this alt text contains a credit (\"{}\")",
                        alt.value
                            .get(found.start..found.end)
                            .unwrap_or(alt.value)
                            .trim()
                    ),
                )
                .help(crate::rules::files::caption_in_alt(img).unwrap_or(
                    "move the credit to the caption; keep alt text to what the picture shows",
                )),
            )
        })
        .collect()
}
