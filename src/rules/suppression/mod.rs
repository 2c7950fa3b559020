//! Findings about presslint's own inline suppressions.

include!(concat!(env!("OUT_DIR"), "/rules/suppression.rs"));
