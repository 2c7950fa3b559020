//! A caption's text, as the eye and as a screen reader read it.

use scraper::{ElementRef, Node};

use super::search::{marks, marks_credit};
use crate::a11y;
use crate::html::Document;

/// The caption's text as read: whitespace collapsed, scripts, styles and
/// hidden parts left out.
pub(super) fn caption_text(doc: &Document, caption: ElementRef<'_>) -> String {
    read_caption(doc, caption, Reader::Eye)
}

/// Who reads a caption: the eye skips what is not seen; a screen reader
/// also skips what is hidden from it (`aria-hidden`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reader {
    Eye,
    ScreenReader,
}

pub(super) fn read_caption(doc: &Document, caption: ElementRef<'_>, reader: Reader) -> String {
    let mut out = String::new();
    // The children still to read of each element entered, and whether the
    // element separates words (its space after is added when it is done).
    let mut stack = vec![(caption.children(), false)];
    while let Some((children, _)) = stack.last_mut() {
        let Some(child) = children.next() else {
            if let Some((_, true)) = stack.pop() {
                out.push_str(PART_BREAK);
            }
            continue;
        };
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                let skipped = match reader {
                    Reader::Eye => doc.visibility.is_unseen(child),
                    Reader::ScreenReader => doc.visibility.is_hidden(child),
                };
                if a11y::holds_no_text(e.name()) || skipped {
                    continue;
                }
                // Blocks are parts of their own ("…Times</p><p>Credit").
                let block = matches!(
                    e.name(),
                    "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                );
                if block {
                    out.push_str(PART_BREAK);
                }
                // A credit line of its own is a part of its own: "in
                // Paris" then "Benoit Tessier/Reuters", not a place
                // "Paris Benoit".
                if marks(child, &marks_credit) || e.name() == "cite" {
                    out.push_str(PART_BREAK);
                }
                stack.push((child.children(), block));
            }
            _ => {}
        }
    }
    // Whitespace collapsed; a part break becomes a line break.
    let mut text = String::with_capacity(out.len());
    let mut sep = "";
    for word in out.split_whitespace() {
        if word == PART_BREAK.trim() {
            if !text.is_empty() {
                sep = "\n";
            }
            continue;
        }
        text.push_str(sep);
        text.push_str(word);
        sep = " ";
    }
    text
}

/// Marks, while a caption's text is read, where a separate part (a credit
/// line) begins.
pub(super) const PART_BREAK: &str = " \u{1} ";
