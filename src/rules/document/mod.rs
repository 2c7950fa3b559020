//! Whole-document rules; fragments (article bodies) are exempt.

pub mod document_lang;
pub mod document_title;
