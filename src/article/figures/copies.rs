//! Layout copies: a figure the page writes twice, once for each kind of
//! screen, is reported once.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use scraper::ElementRef;

use super::Figure;
use crate::a11y;
use crate::article::identity::identity;
use crate::article::images::{Image, Reference};

/// How many levels above a figure a class may say which screens it is
/// written for.
pub(super) const SCREEN_LEVELS: usize = 3;

/// Words of a class name that write an element for one kind of screen
/// (`g-mobile-only`, `desktop-view`, `hide-on-tablet`).
pub(super) const SCREEN_WORDS: &[&str] = &["mobile", "desktop", "tablet", "phone"];

/// The figure, or an element a few levels above it, is written for one
/// kind of screen.
pub(super) fn for_one_screen(element: ElementRef<'_>) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .take(1 + SCREEN_LEVELS)
        .filter_map(|e| e.value().attr("class"))
        .flat_map(str::split_ascii_whitespace)
        .any(|class| a11y::word_parts(class).any(|w| SCREEN_WORDS.contains(&w.as_str())))
}

/// Mark the figures that repeat an earlier one for another screen size
/// (see [`Figure::copy`]): the same caption text over a picture one of
/// whose files the earlier figure shows, where one of the two is written
/// for one kind of screen. Linear in the figures and their files: each
/// caption is numbered once, and each (caption, file) pair looked up once.
pub(super) fn mark_copies(
    figures: &mut [(Figure, bool)],
    models: &[Image<'_>],
    references: &[Reference<'_>],
) {
    let mut captions: HashMap<String, usize> = HashMap::new();
    // (caption number, file) -> whether the first figure with them is
    // written for one kind of screen.
    let mut seen: HashMap<(usize, String), bool> = HashMap::new();
    for (figure, one_screen) in figures.iter_mut() {
        let Some(caption) = &figure.caption else {
            continue;
        };
        let next = captions.len();
        let text = *captions.entry(caption.text.to_lowercase()).or_insert(next);
        let files: HashSet<String> = figure
            .images
            .iter()
            .flat_map(|&i| &references[models[i].references.clone()])
            .filter(|r| !r.is_data_uri())
            .flat_map(|r| identity(r.url))
            .collect();
        // A figure's own files are a set: it is no copy of itself.
        let mut copy = false;
        for file in files {
            match seen.entry((text, file)) {
                Entry::Occupied(first) => copy |= *first.get() || *one_screen,
                Entry::Vacant(entry) => {
                    entry.insert(*one_screen);
                }
            }
        }
        figure.copy = copy;
    }
}
