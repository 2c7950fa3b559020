//! Heading structure: screen-reader users navigate articles by headings.

use scraper::ElementRef;

use crate::a11y;
use crate::html::Document;

pub mod heading_empty;
pub mod heading_h1_missing;
pub mod heading_h1_multiple;
pub mod heading_order;

/// Exposed headings with their level: `<h1>`–`<h6>` and `role="heading"`
/// (level from `aria-level`, default 2).
pub fn headings(doc: &Document) -> impl Iterator<Item = (ElementRef<'_>, u8)> {
    doc.elements().filter_map(|el| {
        let role = a11y::role(el);
        let tag_level = match el.value().name() {
            "h1" => Some(1),
            "h2" => Some(2),
            "h3" => Some(3),
            "h4" => Some(4),
            "h5" => Some(5),
            "h6" => Some(6),
            _ => None,
        };
        let level = match role.as_deref() {
            Some("heading") => a11y::attr(el, "aria-level")
                .and_then(|l| l.trim().parse::<u8>().ok())
                .filter(|l| (1..=9).contains(l))
                .or(tag_level)
                .or(Some(2)),
            // role="none" on a heading with a global ARIA property does not stick.
            Some("presentation" | "none") if !a11y::is_presentational(el) => tag_level,
            Some(_) => None,
            None => tag_level,
        }?;
        (!a11y::is_hidden(doc, el) && !a11y::in_inert_content(doc, el)).then_some((el, level))
    })
}
