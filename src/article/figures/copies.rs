//! Copies: a figure the page writes again (a layout's copy for another
//! screen size, a gallery's slide repeated in the story) is reported once.

use std::collections::{HashMap, HashSet};

use super::Figure;
use crate::article::identity::identity;
use crate::article::images::{Image, Reference};

/// Mark the figures that repeat an earlier one (see [`Figure::copy`]):
/// the same caption text over a picture one of whose files the earlier
/// figure shows. Linear in the figures and their files: each caption is
/// numbered once, and each (caption, file) pair looked up once.
pub(super) fn mark_copies(
    figures: &mut [Figure],
    models: &[Image<'_>],
    references: &[Reference<'_>],
) {
    let mut captions: HashMap<String, usize> = HashMap::new();
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    for figure in figures.iter_mut() {
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
            copy |= !seen.insert((text, file));
        }
        figure.copy = copy;
    }
}
