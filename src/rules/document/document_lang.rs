//! A page whose `<html>` element has no `lang`, an empty one, or one that is
//! not a well-formed BCP 47 language tag. Screen readers pick their voice
//! and pronunciation from it.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "document-lang",
    group: "document",
    severity: Severity::Error,
    summary: "The <html> element has no valid lang attribute",
    doc: include_str!("../../../rules/document-lang.md"),
    check,
};

/// The `langtag` production of BCP 47 (RFC 5646 §2.1), plus private-use and
/// the irregular grandfathered tags browsers still accept.
static LANGTAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
          (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{5,8})   # language, extlang
          (?:-[a-z]{4})?                                # script
          (?:-(?:[a-z]{2}|[0-9]{3}))?                   # region
          (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*      # variants
          (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*          # extensions
          (?:-x(?:-[a-z0-9]{1,8})+)?                    # private use
        | x(?:-[a-z0-9]{1,8})+
        | i-(?:default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)
        | en-gb-oed | sgn-be-fr | sgn-be-nl | sgn-ch-de
        )$",
    )
    .expect("valid regex")
});

pub fn is_well_formed(tag: &str) -> bool {
    LANGTAG.is_match(tag)
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    if !ctx.doc.full_document {
        return Vec::new();
    }
    let Some(html) = ctx.doc.elements_named("html").next() else {
        return Vec::new();
    };
    let help = "set the article's language on <html>, e.g. <html lang=\"en\">";
    match html.value().attr("lang").map(str::trim) {
        None => vec![
            Diagnostic::new(
                ctx.doc.tag_span(html),
                "this page does not declare its language",
            )
            .help(help),
        ],
        Some("") => vec![
            Diagnostic::new(
                ctx.doc.attr_span(html, "lang"),
                "the lang attribute is empty",
            )
            .help(help),
        ],
        Some(tag) if !is_well_formed(tag) => vec![
            Diagnostic::new(
                ctx.doc.attr_span(html, "lang"),
                format!("\"{tag}\" is not a valid BCP 47 language tag"),
            )
            .help("use a language code such as \"en\", \"en-GB\" or \"pt-BR\""),
        ],
        Some(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_well_formed;

    #[test]
    fn bcp47() {
        for ok in [
            "en",
            "en-US",
            "zh-Hant-TW",
            "sr-Latn-RS",
            "de-CH-1996",
            "es-419",
            "x-private",
            "en-a-bbb-x-a-ccc",
            "i-klingon",
        ] {
            assert!(is_well_formed(ok), "{ok}");
        }
        for bad in [
            "",
            "english",
            "en_US",
            "e",
            "en-",
            "123",
            "en-US-",
            "fr-français",
        ] {
            assert!(!is_well_formed(bad), "{bad}");
        }
    }
}
