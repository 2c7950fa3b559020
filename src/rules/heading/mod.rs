//! Heading structure: screen-reader users navigate articles by headings.

pub mod heading_empty;
pub mod heading_h1_missing;
pub mod heading_h1_multiple;
pub mod heading_order;
