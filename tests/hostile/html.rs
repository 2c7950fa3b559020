//! Hostile inputs: html.

#[allow(unused_imports)]
use crate::support::*;
