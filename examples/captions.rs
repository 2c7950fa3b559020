//! Print every caption in the given HTML files as TSV: file, element
//! (`figcaption` or the tag and class of a caption-like element), byte
//! offset, and the caption's text with whitespace collapsed. Used to build
//! and refresh `tests/data/captions.tsv` (see `docs/captions.md`).
//!
//! ```sh
//! cargo run --example captions -- ../shared/corpus/articles/*.html > /tmp/captions.tsv
//! ```

use std::collections::HashSet;

use presslint::a11y;
use presslint::html::{Attribute, Document};
use scraper::ElementRef;

/// A `<figcaption>`, or an element whose class or itemprop names a caption
/// (`wp-caption-text`, `image-caption`, `itemprop="caption"`…).
fn is_caption_like(el: ElementRef<'_>) -> bool {
    if el.value().name() == "figcaption" {
        return true;
    }
    let marks = |name: &str| {
        el.value()
            .attribute(name)
            .is_some_and(|v| v.to_ascii_lowercase().contains("caption"))
    };
    !matches!(
        el.value().name(),
        "html" | "body" | "main" | "article" | "img" | "figure"
    ) && (marks("class") || marks("itemprop"))
}

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let doc = Document::parse(presslint::source::decode_html(&bytes).text);
        let name = std::path::Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(path.clone());
        let mut seen = HashSet::new();
        for el in doc.elements().filter(|e| is_caption_like(*e)) {
            if doc.visibility.is_inert(el) {
                continue;
            }
            // The innermost caption-like element holds the caption.
            if el
                .descendants()
                .skip(1)
                .filter_map(ElementRef::wrap)
                .any(is_caption_like)
            {
                continue;
            }
            let text = a11y::normalize(&el.text().collect::<String>());
            if text.is_empty() || text.chars().count() > 600 || !seen.insert(text.clone()) {
                continue;
            }
            let kind = if el.value().name() == "figcaption" {
                "figcaption".to_string()
            } else {
                format!(
                    "{}.{}",
                    el.value().name(),
                    el.value()
                        .attribute("class")
                        .or(el.value().attribute("itemprop"))
                        .unwrap_or("")
                        .split_whitespace()
                        .find(|c| c.to_ascii_lowercase().contains("caption"))
                        .unwrap_or("caption")
                )
            };
            println!("{name}\t{kind}\t{}\t{text}", doc.tag_span(el).start);
        }
    }
}
