//! Captions of news pictures: is there one, and does it say who took the
//! picture, when and where? The figures and their captions, read and
//! analysed once, are in the article model (`crate::article`); the text
//! analysis is in `crate::text`.

include!(concat!(env!("OUT_DIR"), "/rules/caption.rs"));

use crate::article::{Caption, Figure};
use crate::diagnostic::{Diagnostic, Span};
use crate::rules::Context;
use crate::rules::embedded::{Element, help_with_metadata};

/// Every figure with a caption, and the caption.
pub fn captioned<'a>(ctx: &Context<'a>) -> impl Iterator<Item = (&'a Figure, &'a Caption)> {
    ctx.article
        .figures
        .iter()
        .filter_map(|f| Some((f, f.caption.as_ref()?)))
}

/// A news photo's caption that lacks `element` (not in its text, not
/// provided by the page elsewhere): a diagnostic at the `<figcaption>` start tag, labelled
/// on its text, whose help adds what the image file's metadata says.
pub fn lacking(ctx: &Context<'_>, element: Element, message: &str, help: &str) -> Vec<Diagnostic> {
    captioned(ctx)
        .filter(|(figure, _)| figure.photo)
        // A layout's second copy of a figure is reported at the first.
        .filter(|(figure, _)| !figure.copy)
        // A supplied picture's caption is asked for its credit only.
        .filter(|(figure, _)| element == Element::Credit || !figure.supplied)
        // A credit line where the caption should be: the missing caption
        // (figure-caption-missing) is the finding, not its date or place.
        .filter(|(figure, _)| element == Element::Credit || !figure.credit_line_only())
        .filter(|(figure, caption)| {
            let (found, provided) = match element {
                Element::Credit => (
                    caption.analysis().credit,
                    figure.provided.credit || figure.provided.page_credit,
                ),
                Element::Date => (
                    caption.analysis().date,
                    figure.provided.date || figure.taken_for_story(),
                ),
                Element::Place => (
                    caption.analysis().place,
                    figure.provided.place || figure.taken_for_story(),
                ),
            };
            found.is_none() && !provided
        })
        .map(|(figure, caption)| {
            let text = caption.content.unwrap_or(Span::empty(caption.tag.end));
            Diagnostic::new(caption.tag, message)
                .help(help_with_metadata(ctx, figure, element, help))
                .label(text, "the caption")
        })
        .collect()
}
