//! Whole-document rules; fragments (article bodies) are exempt.

include!(concat!(env!("OUT_DIR"), "/rules/document.rs"));
