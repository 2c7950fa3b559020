//! Heading structure: screen-reader users navigate articles by headings.

include!(concat!(env!("OUT_DIR"), "/rules/heading.rs"));
