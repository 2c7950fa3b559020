//! Alt text that repeats the caption. A screen reader reads the alt text,
//! then the caption: the reader hears the same sentence twice and learns
//! nothing about what the picture shows.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};
use crate::text::Compared;

pub static RULE: Rule = Rule {
    id: "img-alt-duplicates-caption",
    group: "caption",
    severity: Severity::Warning,
    summary: "An image's alt text repeats its caption",
    doc: include_str!("../../../rules/img-alt-duplicates-caption.md"),
    check,
    ..Rule::DEFAULTS
};

/// The most words a credit line alone has ("Photo by Jane Doe / Reuters").
const CREDIT_LINE_WORDS: usize = 8;

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A caption read from the alt text repeats it by definition; the alt
    // rules report that alt.
    for (figure, caption) in super::captioned(ctx).filter(|(_, c)| !c.in_alt) {
        // What screen readers hear of it: a caption hidden from them with
        // `aria-hidden` because the alt says the same is not read twice.
        let heard = caption.heard();
        if heard.trim().is_empty() {
            continue;
        }
        // A caption that is only a credit line, a few words ("JIM
        // WATSON/AFP/Getty Images"), found again in the alt is a credit in
        // the alt text, which img-alt-contains-credit reports.
        if let Some(c) = caption.analysis().credit
            && heard == caption.text
            && caption.text.split_whitespace().count() <= CREDIT_LINE_WORDS
            && !caption.text[..c.start]
                .chars()
                .chain(caption.text[c.end..].chars())
                .any(char::is_alphanumeric)
        {
            continue;
        }
        // The caption without its credit, as alt text copied from it often
        // leaves the credit out.
        let without_credit = caption
            .analysis()
            .credit
            .filter(|_| heard == caption.text)
            .and_then(|c| caption.text.get(..c.start))
            .unwrap_or_default();
        // Made comparable once, for every picture of the figure.
        let heard = Compared::new(heard);
        let without_credit =
            (!without_credit.trim().is_empty()).then(|| Compared::new(without_credit));
        for img in ctx.article.images_of(figure) {
            let Some(alt) = img.alt_text() else {
                continue;
            };
            let compared = Compared::new(alt.value);
            if compared.repeats(&heard)
                || without_credit.as_ref().is_some_and(|w| compared.repeats(w))
            {
                out.push(
                    Diagnostic::new(
                        alt.span,
                        "this alt text repeats the caption, so screen readers read it twice",
                    )
                    .help(if figure.links_away {
                        // A teaser card: picture and headline link to one story.
                        "the picture links to the story its caption names: give it alt=\"\" so the story is announced once"
                    } else {
                        "say in the alt text what the picture shows; leave the story to the caption"
                    })
                    .label(caption.content.unwrap_or(caption.tag), "the caption says the same"),
                );
            }
        }
    }
    out
}
