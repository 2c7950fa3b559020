//! Findings about presslint's own inline suppressions.

pub mod unused_suppression;
