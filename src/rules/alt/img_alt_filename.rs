//! Alt text that is a file name or a URL (`DSC_1234.jpg`, `IMG_20240101_101010`,
//! `https://…`), usually left behind by a CMS upload. Screen readers read it
//! out character by character.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-filename",
    group: "alt",
    severity: Severity::Warning,
    summary: "Alt text is a file name or a URL",
    doc: include_str!("../../../rules/img-alt-filename.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images_with_alt()
        .filter(|(img, _)| img.alt_is_file_name())
        .map(|(_, alt)| {
            Diagnostic::new(
                alt.span,
                format!(
                    "the alt text \"{}\" is a file name or URL",
                    alt.value.trim()
                ),
            )
            .help("replace it with a description of what the picture shows")
        })
        .collect()
}
