//! Alt text of `<img>` elements.

pub mod img_alt_duplicate;
pub mod img_alt_filename;
pub mod img_alt_missing;
pub mod img_alt_placeholder;
pub mod img_alt_redundant_words;
pub mod img_alt_too_long;
pub mod img_alt_whitespace;
