//! Alt text of `<img>` elements.

include!(concat!(env!("OUT_DIR"), "/rules/alt.rs"));
