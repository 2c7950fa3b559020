//! Accessible names of embedded content, controls and links.

include!(concat!(env!("OUT_DIR"), "/rules/names.rs"));
