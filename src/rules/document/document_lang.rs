//! A page whose `<html>` element has no `lang`, an empty one, or one that is
//! not a well-formed BCP 47 language tag. Screen readers pick their voice
//! and pronunciation from it.

use language_tags::LanguageTag;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "document-lang",
    group: "document",
    severity: Severity::Error,
    summary: "The <html> element has no valid lang attribute",
    doc: include_str!("../../../rules/document-lang.md"),
    check,
    ..Rule::DEFAULTS
};

/// Why a tag is not usable: not well-formed BCP 47, or a subtag that is
/// not in the IANA Language Subtag Registry. `None` when it is fine.
pub fn problem(tag: &str) -> Option<String> {
    match LanguageTag::parse(tag) {
        Err(err) => Some(format!(
            "\"{tag}\" is not a well-formed BCP 47 language tag ({err})"
        )),
        Ok(parsed) => parsed
            .validate()
            .err()
            .map(|err| format!("\"{tag}\" is not a valid language tag: {err}")),
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let doc = &ctx.article.document;
    if !doc.full_document {
        return Vec::new();
    }
    let help = if doc.markdown {
        "set the article's language with `lang:` in the front matter, e.g. lang: en"
    } else {
        "set the article's language on <html>, e.g. <html lang=\"en\">"
    };
    match doc.lang {
        // Markdown front matter without `lang`: the site sets it.
        // A script framework sets it when the page runs.
        None if doc.lang_bound => Vec::new(),
        None => doc
            .html_tag
            .map(|html| Diagnostic::new(html, "this page does not declare its language").help(help))
            .into_iter()
            .collect(),
        Some(lang) if lang.value.trim().is_empty() => {
            vec![Diagnostic::new(lang.span, "the lang attribute is empty").help(help)]
        }
        Some(lang) => problem(lang.value.trim())
            .map(|message| {
                Diagnostic::new(lang.span, message)
                    .help("use a registered language code such as \"en\", \"en-GB\" or \"pt-BR\"")
            })
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

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
            "i-klingon",
            "EN-us",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
        for bad in [
            "english",
            "en_US",
            "e",
            "en-",
            "123",
            "en-US-",
            "fr-français",
            "em-US",
            "eng",
            "en-US-GB",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
    }
}
